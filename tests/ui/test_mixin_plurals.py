"""Plural forms (%n) in the window's parts that live in their own modules (the main window's
tools, the composer's proofreading) show in Chinese.

PySide's ``self.tr`` looks the text up class by class along the window's classes and stops at
the first answer that differs from the source; for a plural form the untranslated answer of
the first class already differs ("%n" filled in), so ``self.tr`` in a part would show English.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.casework import DraftBlock, case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow


@pytest.fixture
def window(
    chinese: QApplication, qtbot: QtBot, sample_store: LibraryStore, tmp_path: Path
) -> Iterator[MainWindow]:
    context = AppContext(sample_store.path, store=sample_store,
                         templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    win = MainWindow(
        context, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.show()
    yield win
    context.close()


def test_removing_the_samples_asks_and_reports_in_chinese(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window.remove_samples()
    assert asked and "5" in asked[0] and "sample" not in asked[0]
    assert window.statusBar().currentMessage() == "已删除 5 份示例文件。"


def test_the_composer_counts_its_problems_in_chinese(window: MainWindow, qtbot: QtBot) -> None:
    case = case_from_json(
        {"number": "3", "session": "市十七届人大三次会议", "title": "关于加快众创空间建设的建议",
         "proposers": ["张三"]}
    )  # fmt: skip
    window.open_case(window.context.store.cases.save(case))
    window.composer.insert_paragraph("status", DraftBlock("free", "我们将于【请填写日期】前完成。"))
    summary = window.composer.findChild(QLabel, "findingsSummary")
    qtbot.waitUntil(lambda: "处问题" in summary.text(), timeout=10000)
    assert "problem" not in summary.text()
