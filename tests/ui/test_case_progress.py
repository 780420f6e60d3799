"""Issue 13 items 3 and 4 in the window: a case goes through every status to feedback in its
progress dialog (dated moves, the history table, a co-organizer's opinion with its letter,
不满意 → 重新办理 → a second reply), disallowed moves are not offered, and the cases pane's
status menu only enables the allowed ones."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QDateEdit, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from desktop.casework import Draft, DraftBlock, case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.case_dialog import CaseDialog
from desktop.ui.case_progress import CaseProgressDialog
from desktop.ui.cases_pane import CasesPane
from desktop.ui.context import AppContext

FIRST = "经研究，我局今年已在开发区增开夜间公交线路两条。"
SECOND = "针对您的意见，我局又增设了两处港湾式停靠站，并延长末班车时间。"
OPINION = (
    "关于第31号建议的会办意见\n\n某市交通运输局：\n"
    "你局转来的《关于优化开发区公交线路的建议》收悉。经研究，现提出会办意见如下：\n"
    "市级财政将对开发区新增公交线路给予运营补贴，具体标准按有关规定执行。\n"
    "市财政局\n2026年3月28日\n"
)


def rows(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    db = tmp_path / "library.db"
    ctx = AppContext(db, store=LibraryStore(db),
                     templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    ctx.store.profile.set_value("agency_name", "某市交通运输局")
    yield ctx
    ctx.close()


def _case(context: AppContext, **extra: object) -> int:
    case = case_from_json(
        {"number": "31", "session": "市十七届人大三次会议",
         "title": "关于优化开发区公交线路的建议", "proposers": "周红、吴刚",
         "assigned_date": "2026-03-05", "co_organizers": ["市财政局", "市规划局"], **extra}
    )  # fmt: skip
    case_id = context.store.cases.save(case)
    draft = Draft()
    draft.sections["status"] = [DraftBlock("template"), DraftBlock("free", FIRST)]
    context.store.drafts.save(case_id, draft)
    return case_id


def _set_date(edit: QDateEdit, iso: str) -> None:
    year, month, day = (int(x) for x in iso.split("-"))
    edit.setDate(QDate(year, month, day))


def _move(dialog: CaseProgressDialog, status: str, date: str) -> None:
    index = dialog.move_to.findData(status)
    assert index >= 0, (status, [dialog.move_to.itemData(i) for i in range(dialog.move_to.count())])
    dialog.move_to.setCurrentIndex(index)
    _set_date(dialog.move_date, date)
    dialog.move_button.click()


def _table(dialog: CaseProgressDialog, name: str) -> list[list[str]]:
    table = dialog.findChild(QTableWidget, name)
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _offered(dialog: CaseProgressDialog) -> list[str]:
    return [dialog.move_to.itemData(i) for i in range(dialog.move_to.count())]


def test_a_case_goes_through_every_status_to_feedback_in_the_window(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    case_id = _case(context, reply_date="2026-05-28")
    db = context.store.path
    dialog = CaseProgressDialog(context, case_id)
    qtbot.addWidget(dialog)
    assert _offered(dialog) == ["drafting", "review", "signoff", "sent"]
    assert not dialog.feedback_box.isEnabled()  # nothing answered yet
    with qtbot.waitSignal(context.caseChanged):
        _move(dialog, "drafting", "2026-03-09")
    _move(dialog, "review", "2026-04-20")
    assert _offered(dialog) == ["drafting", "signoff", "sent"]  # 待审核 may go back
    _move(dialog, "drafting", "2026-04-22")
    _move(dialog, "review", "2026-04-25")
    _move(dialog, "signoff", "2026-05-06")
    with qtbot.waitSignal(context.replyFiled) as filed:
        _move(dialog, "sent", "2026-05-28")
    first_letter = filed.args[1]
    # a date before the last change: refused in Chinese, nothing written
    before = rows(db, "SELECT count(*) FROM case_status_history")
    _move(dialog, "closed", "2026-05-01")
    error = dialog.findChild(QLabel, "progressError")
    assert error.isVisibleTo(dialog) and "早于上一次状态变更" in error.text()
    assert rows(db, "SELECT count(*) FROM case_status_history") == before
    assert "redo" in _offered(dialog) and "pending" not in _offered(dialog)

    # a co-organizer's opinion: received with its letter, imported into the library
    letter = tmp_path / "市财政局会办意见.txt"
    letter.write_text(OPINION, encoding="utf-8")
    dialog.opinion_unit.setCurrentIndex(dialog.opinion_unit.findData("市财政局"))
    _set_date(dialog.opinion_date, "2026-03-28")
    dialog.record_opinion(letter)
    opinions = _table(dialog, "progressOpinions")
    assert opinions[0][:4] == ["市财政局", "2026-04-05", "2026-03-28", "Received"]
    assert opinions[0][4] != "" and opinions[1][:4] == ["市规划局", "2026-04-05", "", "Overdue"]
    opinion_letter = int(opinions[0][4])
    assert rows(db, "SELECT kind, agency, addressee_role FROM letters WHERE id = ?",
                opinion_letter) == [("reply", "市财政局", "单位")]  # fmt: skip

    # feedback 不满意: the case is handled again; the second reply is a second letter
    assert dialog.feedback_box.isEnabled()
    dialog.feedback_answer.setCurrentIndex(dialog.feedback_answer.findData("unsatisfied"))
    _set_date(dialog.feedback_date, "2026-06-10")
    dialog.feedback_remarks.setText("希望增设站点")
    dialog.feedback_button.click()
    assert "round 2" in dialog.state.text() and "Handling again" in dialog.state.text()
    draft = Draft()
    draft.sections["status"] = [DraftBlock("template"), DraftBlock("free", SECOND)]
    context.store.drafts.save(case_id, draft)
    _move(dialog, "drafting", "2026-06-12")
    _move(dialog, "sent", "2026-07-01")
    dialog.feedback_answer.setCurrentIndex(dialog.feedback_answer.findData("satisfied"))
    _set_date(dialog.feedback_date, "2026-07-20")
    dialog.feedback_remarks.clear()
    dialog.feedback_button.click()

    history = _table(dialog, "progressHistory")
    assert [r[:3] for r in history] == [
        ["2026-03-05", "To do", "1"], ["2026-03-09", "Drafting", "1"],
        ["2026-04-20", "In review", "1"], ["2026-04-22", "Drafting", "1"],
        ["2026-04-25", "In review", "1"], ["2026-05-06", "Awaiting sign-off", "1"],
        ["2026-05-28", "Sent", "1"], ["2026-06-10", "Handling again", "2"],
        ["2026-06-12", "Drafting", "2"], ["2026-07-01", "Sent", "2"],
        ["2026-07-20", "Closed", "2"],
    ]  # fmt: skip
    feedback = dialog.findChild(QLabel, "feedbackList").text()
    assert "Round 1: Not satisfied (2026-06-10) 希望增设站点" in feedback
    assert "Round 2: Satisfied (2026-07-20)" in feedback
    letters = rows(db, "SELECT id, coalesce(case_round, 1) FROM letters WHERE case_id = ?"
                   " ORDER BY id", case_id)  # fmt: skip
    assert letters[0] == (first_letter, 1) and len(letters) == 2 and letters[1][1] == 2
    texts = rows(db, "SELECT p.text FROM letter_paragraphs lp JOIN paragraphs p"
                 " ON p.id = lp.paragraph_id WHERE lp.letter_id = ?", first_letter)  # fmt: skip
    assert (FIRST,) in texts and (SECOND,) not in texts  # the first reply is kept as it was
    assert rows(db, "SELECT status FROM cases WHERE id = ?", case_id) == [("closed",)]


def test_the_case_dialog_offers_only_allowed_statuses_and_opens_the_progress(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = _case(context)
    context.store.cases.set_status(case_id, "review", date="2026-04-01")
    case = context.store.cases.get(case_id)
    dialog = CaseDialog(context, case)
    qtbot.addWidget(dialog)
    offered = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert offered == ["review", "drafting", "signoff", "sent"]
    assert dialog.status.currentData() == "review"

    def progress(self: CaseProgressDialog) -> int:  # the clerk sends it back to drafting
        _move(self, "drafting", "2026-04-03")
        return 0

    monkeypatch.setattr(CaseProgressDialog, "exec", progress)
    dialog.progress_button.click()
    assert dialog.status.currentData() == "drafting"  # saving the dialog keeps the move
    dialog.accept()
    assert rows(context.store.path, "SELECT status FROM cases") == [("drafting",)]
    # a co-organizer case: its deadline is a month after assignment (profile: 1 month)
    new = CaseDialog(context)
    qtbot.addWidget(new)
    new.organizer.setCurrentIndex(new.organizer.findData("co"))
    new.organizer.activated.emit(new.organizer.currentIndex())
    new.assigned.set_value("2026-03-31")
    assert new.due.value() == "2026-04-30"
    new.organizer.setCurrentIndex(new.organizer.findData("main"))
    new.organizer.activated.emit(new.organizer.currentIndex())
    assert new.due.value() == "2026-06-30"


def test_the_cases_pane_enables_only_allowed_moves(qtbot: QtBot, context: AppContext) -> None:
    case_id = _case(context)
    pane = CasesPane(context)
    qtbot.addWidget(pane)
    pane.refresh()
    menu = pane.case_menu(case_id)
    actions = {a.objectName(): a for a in menu.findChildren(type(menu.actions()[0]))}
    enabled = sorted(name.removeprefix("caseMenuStatus_") for name, a in actions.items()
                     if name.startswith("caseMenuStatus_") and a.isEnabled())  # fmt: skip
    assert enabled == ["drafting", "pending", "review", "sent", "signoff"]
    assert "caseMenuProgress" in actions


def test_the_progress_dialog_is_all_chinese(
    chinese: QApplication, qtbot: QtBot, context: AppContext
) -> None:
    case_id = _case(context)
    dialog = CaseProgressDialog(context, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    texts += [dialog.move_button.text(), dialog.feedback_button.text(), dialog.windowTitle()]
    texts += [dialog.opinion_attach.text(), dialog.opinion_received.text()]
    table = dialog.findChild(QTableWidget, "progressHistory")
    texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    texts += [table.item(0, 1).text()]
    for text in texts:
        assert not any("a" <= ch.lower() <= "z" for ch in text.replace("No.", "")), text
    assert "待办" in dialog.state.text()
