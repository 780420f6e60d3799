"""Every saved draft stays a version: the window lists them, shows what changed, restores one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.casework import Draft, DraftBlock, case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.versions_dialog import VersionsDialog, diff_counts, diff_html

CASE = {"number": "8", "session": "市十七届人大三次会议", "title": "关于加强科普工作的建议",
        "proposers": ["李四"]}  # fmt: skip


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    db = tmp_path / "library.db"
    store = LibraryStore(db)
    context = AppContext(db, store=store, templates=ReplyTemplates(override=tmp_path / "tpl"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(context, settings=settings)
    qtbot.addWidget(w)
    return w


def test_diff_marks_added_removed_and_changed_paragraphs() -> None:
    old = ["李四代表：", "我们建成了科普基地10个。", "此段将删除。"]
    new = ["李四代表：", "我们建成了科普基地12个。", "新增的一段。"]
    assert diff_counts(old, new) == (0, 0, 2)
    assert diff_counts(old, [*old, "新增"]) == (1, 0, 0)
    assert diff_counts(old, old[:2]) == (0, 1, 0)
    page = diff_html(old[:2], [*old[:2], "新增的一段。"])
    assert "新增的一段。" in page and "d4f4d4" in page  # the added paragraph, green
    changed = diff_html(["建成了基地10个。"], ["建成了基地12个。"])
    assert "line-through" in changed and ">0<" in changed and ">2<" in changed
    assert "建成了基地1" in changed  # the unchanged characters stay plain


def test_versions_list_sources_diff_and_restore(window: MainWindow, qtbot: QtBot) -> None:
    store = window.context.store
    case_id = store.cases.save(case_from_json(CASE))
    first = Draft()
    first.sections["plan"].append(DraftBlock("free", "下一步，我们将办好科普活动周。"))
    store.drafts.save(case_id, first, source="window")
    second = Draft()
    second.sections["plan"].append(DraftBlock("free", "命令行写的下一步打算。"))
    store.drafts.save(case_id, second, note="replydesk draft", source="cli")
    window.open_case(case_id)
    assert [b.text for b in window.model.blocks("plan")][-1] == "命令行写的下一步打算。"
    window.composer.insert_paragraph("plan", DraftBlock("free", "尚未保存的一句。"))
    assert window.model.is_modified()

    dialog = VersionsDialog(window.context, window.model, window)
    qtbot.addWidget(dialog)
    rows = [
        [dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())
    ]
    assert [r[0] for r in rows] == ["2", "1"]  # newest first
    assert rows[0][2] == "Command line (replydesk draft)" and rows[1][2] == "Saved in the window"
    dialog.table.setCurrentCell(1, 0)  # version 1, against the draft as it is now
    page = dialog.diff.toPlainText()
    assert "下一步，我们将办好科普活动周。" in page and "尚未保存的一句。" in page
    assert "1 removed" in dialog.summary.text()
    dialog.compare.setCurrentIndex(dialog.compare.findData("previous"))
    dialog.table.setCurrentCell(0, 0)  # version 2 against version 1
    assert "Version 1 → version 2" in dialog.summary.text()
    assert "1 changed" in dialog.summary.text()

    dialog.table.setCurrentCell(1, 0)
    assert dialog.restore_selected() == 4
    # The unsaved edits became version 3; version 1 came back as version 4, now open.
    versions = store.drafts.versions(case_id)
    assert [(v.version, v.source, v.restored_from) for v in versions] == [
        (1, "window", None), (2, "cli", None), (3, "window", None), (4, "restore", 1),
    ]  # fmt: skip
    saved3 = store.drafts.load(case_id, 3)
    assert saved3 is not None and "尚未保存的一句。" in [b.text for b in saved3.sections["plan"]]
    plan = [b.text for b in window.model.blocks("plan")]
    assert plan[-1] == "下一步，我们将办好科普活动周。" and "尚未保存的一句。" not in plan
    assert not window.model.is_modified()
    assert dialog.table.item(0, 2).text() == "Restored from version 1"


def test_window_saves_are_versions_with_their_source(window: MainWindow) -> None:
    store = window.context.store
    case_id = store.cases.save(case_from_json(CASE))
    window.open_case(case_id)
    window.composer.insert_paragraph("plan", DraftBlock("free", "第一句。"))
    window.save_draft()
    window.composer.insert_paragraph("plan", DraftBlock("free", "第二句。"))
    window.save_draft()
    window.composer.insert_paragraph("plan", DraftBlock("free", "第三句。"))
    window.close()  # unsaved edits are saved on exit, as a version of their own
    assert [(v.version, v.source) for v in store.drafts.versions(case_id)] == [
        (1, "window"), (2, "window"), (3, "exit"),
    ]  # fmt: skip
