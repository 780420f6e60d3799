"""Nothing typed is lost: a draft autosaved before a crash is offered back at the next start."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.casework import DraftBlock, case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.app import offer_recovery
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow

CASE = {"number": "8", "session": "市十七届人大三次会议", "title": "关于加强科普工作的建议",
        "proposers": ["李四"]}  # fmt: skip


def _window(qtbot: QtBot, db: Path, tmp_path: Path) -> MainWindow:
    store = LibraryStore(db)
    context = AppContext(db, store=store, templates=ReplyTemplates(override=tmp_path / "tpl"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    qtbot.addWidget(window)
    return window


def test_autosave_and_restore_after_a_simulated_crash(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "library.db"
    first = _window(qtbot, db, tmp_path)
    case_id = first.context.store.cases.save(case_from_json(CASE))
    first.open_case(case_id)
    first.composer.insert_paragraph("plan", DraftBlock("free", "下一步，我们将办好科普活动周。"))
    # Inserting a paragraph is a structural change: autosaved at once, no save needed.
    assert first.context.store.drafts.pending_autosaves()
    first.model.autosave_timer.stop()  # the power goes out: no closeEvent, nothing saved

    second = _window(qtbot, db, tmp_path)
    asked: list[str] = []

    def answer_yes(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    offer_recovery(second)
    [question] = asked  # dated as the clerk reads a time: "2026-12-05 14:13", no ISO "T"
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d\)", question), question
    assert second.model.case is not None and second.model.case.id == case_id
    texts = [b.text for b in second.model.blocks("plan")]
    assert "下一步，我们将办好科普活动周。" in texts
    assert second.model.is_modified()  # restored, but not yet saved as a version
    second.save_draft()
    assert second.context.store.drafts.pending_autosaves() == []
    draft = second.context.store.drafts.load(case_id)
    assert draft is not None and "下一步，我们将办好科普活动周。" in [
        b.text for b in draft.sections["plan"]
    ]
    # The version says it came back after the crash; the next save is the window's again.
    assert [v.source for v in second.context.store.drafts.versions(case_id)] == ["recovery"]
    second.composer.insert_paragraph("plan", DraftBlock("free", "再补一句。"))
    second.save_draft()
    sources = [v.source for v in second.context.store.drafts.versions(case_id)]
    assert sources == ["recovery", "window"]


def test_declined_recovery_discards_the_working_copy(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "library.db"
    first = _window(qtbot, db, tmp_path)
    case_id = first.context.store.cases.save(case_from_json(CASE))
    first.open_case(case_id)
    first.composer.insert_paragraph("plan", DraftBlock("free", "一段。"))
    first.model.autosave_timer.stop()
    second = _window(qtbot, db, tmp_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    offer_recovery(second)
    assert second.model.case is None
    assert second.context.store.drafts.pending_autosaves() == []
