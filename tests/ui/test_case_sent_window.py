"""Marking a case sent in the window files its reply in the library (issue 12, item 5): from the
cases pane's status menu (what the clerk typed and had not saved is what is filed), the case
dialog's status, the status bar's word, the library pane showing and finding the letter, the
read-only bar's link to it, reopening keeping it, and the refusal of a case without a draft."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from pytestqt.qtbot import QtBot

from desktop.casework import DraftBlock, case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui import case_state
from desktop.ui.case_dialog import CaseDialog
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow

SESSION = "市十七届人大三次会议"
TYPED = "今年，我局新建社区科普驿站十六个，组织科普进校园活动四十余场。"


def rows(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    db = tmp_path / "library.db"
    context = AppContext(db, store=LibraryStore(db),
                         templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    context.store.profile.set_value("agency_name", "某市科学技术协会")
    for number, title, name in (("8", "关于加强科普工作的建议", "李四"),
                                ("9", "关于发展数字经济的建议", "王五")):  # fmt: skip
        context.store.cases.save(case_from_json(
            {"number": number, "session": SESSION, "title": title, "proposers": [name]}
        ))  # fmt: skip
    w = MainWindow(context, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.cases.refresh()
    w.resize(1300, 700)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.composer.proof_timer.stop()
    w.close()
    w.context.close()


def case_id(window: MainWindow, number: str) -> int:
    found = window.context.store.cases.find(SESSION, number)
    assert found is not None
    return found


def mark(window: MainWindow, number: str, status: str) -> None:
    """The clerk's right-click → Status → … on the case."""
    menu = window.cases.case_menu(case_id(window, number))
    actions = {a.objectName(): a for a in menu.findChildren(type(menu.actions()[0]))}
    actions[f"caseMenuStatus_{status}"].trigger()


def test_marking_sent_in_the_window_files_what_was_typed(qtbot: QtBot, window: MainWindow) -> None:
    db = window.context.store.path
    cid = case_id(window, "8")
    window.open_case(cid)
    window.composer.insert_paragraph("status", DraftBlock("free", TYPED))
    assert window.model.is_modified()  # typed, not saved

    mark(window, "8", "sent")

    (letter_id,) = rows(db, "SELECT id FROM letters WHERE case_id = ?", cid)[0]
    placed = rows(
        db,
        """SELECT lp.section, p.text FROM letter_paragraphs lp JOIN paragraphs p
           ON p.id = lp.paragraph_id WHERE lp.letter_id = ? ORDER BY lp.position""",
        letter_id,
    )
    assert ("status", TYPED) in placed and placed[0] == ("greeting", "李四代表：")
    assert rows(db, "SELECT status FROM cases WHERE id = ?", cid) == [("sent",)]
    message = window.statusBar().currentMessage()
    assert "joined the library" in message and str(letter_id) in message
    # the library pane shows the filed letter, and its search finds it
    assert TYPED in window.library.preview.toPlainText()
    with qtbot.waitSignal(window.library.searched, timeout=3000) as searched:
        event = QInputMethodEvent()
        event.setCommitString("科普驿站")
        window.library.search_box.inputMethodEvent(event)
    assert searched.args[0] == 1
    # the read-only bar links to it
    bar = window.read_only_bar
    assert bar.isVisibleTo(window) and bar.letter_link.isVisibleTo(window)
    assert str(letter_id) in bar.letter_link.text()
    window.library.preview.clear()
    bar.letter_link.linkActivated.emit(f"letter:{letter_id}")
    assert TYPED in window.library.preview.toPlainText()

    # reopened: the letter stays; marked sent again: the same letter, updated
    bar.reopen_button.click()
    assert rows(db, "SELECT status FROM cases WHERE id = ?", cid) == [("drafting",)]
    assert rows(db, "SELECT id FROM letters WHERE case_id = ?", cid) == [(letter_id,)]
    window.composer.insert_paragraph("plan", DraftBlock("free", "下一步，我局将建设科普示范社区。"))
    mark(window, "8", "sent")
    assert rows(db, "SELECT id FROM letters WHERE case_id = ?", cid) == [(letter_id,)]
    assert "updated" in window.statusBar().currentMessage()
    assert ("plan", "下一步，我局将建设科普示范社区。") in rows(
        db,
        """SELECT lp.section, p.text FROM letter_paragraphs lp JOIN paragraphs p
           ON p.id = lp.paragraph_id WHERE lp.letter_id = ?""",
        letter_id,
    )


def test_a_case_without_a_draft_is_refused_in_the_window(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = window.context.store.path
    shown: list[str] = []
    monkeypatch.setattr(case_state, "show_failure", lambda _parent, exc: shown.append(exc.message))
    mark(window, "9", "sent")
    assert len(shown) == 1 and "还没有保存过答复草稿" in shown[0]
    assert rows(db, "SELECT status FROM cases WHERE id = ?", case_id(window, "9")) == [
        ("pending",)
    ]
    assert rows(db, "SELECT count(*) FROM letters") == [(0,)]

    # the case dialog's status: refused under the field, the dialog stays, nothing saved
    case = window.context.store.cases.get(case_id(window, "9"))
    dialog = CaseDialog(window.context, case, window)
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("sent"))
    dialog.accept()
    assert dialog.result() == 0 and dialog.error_field == "status"
    assert rows(db, "SELECT status FROM cases WHERE id = ?", case_id(window, "9")) == [
        ("pending",)
    ]


def test_the_case_dialog_marks_sent_and_files_the_reply(qtbot: QtBot, window: MainWindow) -> None:
    db = window.context.store.path
    cid = case_id(window, "9")
    window.open_case(cid)
    window.composer.insert_paragraph("status", DraftBlock("free", TYPED))
    window.save_draft()
    case = window.context.store.cases.get(cid)
    dialog = CaseDialog(window.context, case, window)
    qtbot.addWidget(dialog)
    dialog.doc_number.setText("科协函〔2026〕9号")
    dialog.status.setCurrentIndex(dialog.status.findData("sent"))
    dialog.accept()
    assert dialog.result() == 1
    assert rows(db, "SELECT doc_number, proposal_number FROM letters WHERE case_id = ?", cid) == [
        ("科协函〔2026〕9号", "9")
    ]
    assert "joined the library" in window.statusBar().currentMessage()
    assert window.read_only_bar.isVisibleTo(window)
