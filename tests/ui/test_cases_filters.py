"""The combo boxes above the list of cases: each filter alone and combined, with the typed
filter, and the role column; on a real library at a fixed day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.casework import case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.cases_model import RED, CasesModel
from desktop.ui.cases_pane import CasesPane
from desktop.ui.context import AppContext

TODAY = dt.date(2026, 6, 10)
SESSION = "市十七届人大五次会议"


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


# number: (due in days, status, organizer, category)
CASES = {
    "1": (-4, "drafting", "main", "A"),  # overdue
    "2": (2, "signoff", "main", "B"),  # due soon
    "3": (5, "drafting", "co", ""),  # due soon, co-organizer, no category
    "4": (40, "drafting", "main", "C"),  # later
    "5": (-30, "sent", "main", "A"),  # answered (late)
    "6": (-2, "drafting", "co", "B"),  # overdue, co-organizer
}


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(tmp_path / "l.db", store=LibraryStore(tmp_path / "l.db"),
                     templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    for number, (due, status, organizer, category) in CASES.items():
        ctx.store.cases.save(case_from_json({
            "number": number, "session": SESSION, "title": f"关于第{number}号事项的建议",
            "proposers": "陈立", "due_date": day(due), "status": status,
            "organizer": organizer, "main_organizer": "市发改委" if organizer == "co" else "",
            "category": category,
        }))  # fmt: skip
    yield ctx
    ctx.close()


@pytest.fixture
def pane(qtbot: QtBot, context: AppContext) -> CasesPane:
    pane = CasesPane(context, today=TODAY)
    qtbot.addWidget(pane)
    return pane


def shown(pane: CasesPane) -> list[str]:
    proxy = pane.proxy
    return sorted(proxy.index(r, CasesModel.NUMBER).data() for r in range(proxy.rowCount()))


def choose(pane: CasesPane, name: str, data: object) -> None:
    combo = pane.findChild(QComboBox, name)
    index = combo.findData(data)
    assert index >= 0, (name, data)
    combo.setCurrentIndex(index)


def test_each_filter_alone(pane: CasesPane) -> None:
    assert shown(pane) == ["1", "2", "3", "4", "5", "6"]
    choose(pane, "filterStatus", "open")
    assert shown(pane) == ["1", "2", "3", "4", "6"]
    choose(pane, "filterStatus", "signoff")
    assert shown(pane) == ["2"]
    choose(pane, "filterStatus", "sent")
    assert shown(pane) == ["5"]
    pane.filter_bar.clear()
    choose(pane, "filterRole", "co")
    assert shown(pane) == ["3", "6"]
    choose(pane, "filterRole", "main")
    assert shown(pane) == ["1", "2", "4", "5"]
    pane.filter_bar.clear()
    choose(pane, "filterDue", "overdue")
    assert shown(pane) == ["1", "6"]  # 5 is late but answered: not overdue any more
    choose(pane, "filterDue", "soon")
    assert shown(pane) == ["2", "3"]
    choose(pane, "filterDue", "urgent")
    assert shown(pane) == ["1", "2", "3", "6"]
    pane.filter_bar.clear()
    choose(pane, "filterCategory", "A")
    assert shown(pane) == ["1", "5"]
    pane.filter_bar.clear()
    category = pane.findChild(QComboBox, "filterCategory")
    category.setCurrentIndex(category.count() - 1)  # no category given
    assert category.currentText() == "No category"
    assert shown(pane) == ["3"]


def test_filters_combine_with_each_other_and_the_typed_words(
    qtbot: QtBot, pane: CasesPane
) -> None:
    choose(pane, "filterRole", "main")
    choose(pane, "filterDue", "urgent")
    assert shown(pane) == ["1", "2"]
    choose(pane, "filterCategory", "B")
    assert shown(pane) == ["2"]
    choose(pane, "filterStatus", "drafting")
    assert shown(pane) == []
    empty = pane.findChild(QLabel, "caseListEmpty")
    assert empty.isVisibleTo(pane)
    assert empty.text() == "No case meets the conditions chosen above."
    clear = pane.findChild(QPushButton, "filterClear")
    assert clear.isEnabled()
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert shown(pane) == ["1", "2", "3", "4", "5", "6"]
    assert not clear.isEnabled()
    choose(pane, "filterDue", "overdue")
    pane.filter_box.setText("第6号")
    assert shown(pane) == ["6"]


def test_feedback(pane: CasesPane, context: AppContext) -> None:
    choose(pane, "filterFeedback", "satisfied")
    assert shown(pane) == []
    number = {c.number: c.id for c in context.store.cases.all()}
    context.store.feedback.record(number["5"], 1, "unsatisfied", date="2026-05-20")
    context.store.feedback.record(number["5"], 2, "satisfied", date="2026-06-05")
    context.store.feedback.record(number["4"], 1, "basically", date="2026-06-01")
    context.caseChanged.emit(number["5"] or 0)
    assert shown(pane) == ["5"]  # the newest round's answer counts
    choose(pane, "filterFeedback", "unsatisfied")
    assert shown(pane) == []
    choose(pane, "filterFeedback", "basically")
    assert shown(pane) == ["4"]
    choose(pane, "filterFeedback", "none")
    assert shown(pane) == ["1", "2", "3", "6"]
    feedback = pane.findChild(QComboBox, "filterFeedback")
    assert [feedback.itemText(i) for i in range(feedback.count())] == [
        "Any feedback", "Satisfied", "Basically satisfied", "Not satisfied", "No feedback yet"
    ]  # fmt: skip
    model = pane.model
    row = next(r for r in range(model.rowCount()) if model.case_at(r).number == "5")
    tip = model.index(row, CasesModel.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Feedback: Satisfied"


def test_selecting_a_hidden_case_clears_the_filters(pane: CasesPane, context: AppContext) -> None:
    choose(pane, "filterRole", "co")
    case_1 = {c.number: c.id for c in context.store.cases.all()}["1"]
    assert case_1 is not None and pane.select_case(case_1)
    assert pane.filter_bar.conditions().active is False
    assert pane.current_case_id() == case_1


def test_role_column_and_overdue_in_red(pane: CasesPane) -> None:
    model = pane.model
    header = model.headerData(CasesModel.ROLE, Qt.Orientation.Horizontal)
    assert header == "Role"
    rows = {model.index(r, CasesModel.NUMBER).data(): r for r in range(model.rowCount())}
    assert model.index(rows["3"], CasesModel.ROLE).data() == "Co-organizer"
    assert model.index(rows["1"], CasesModel.ROLE).data() == "Main organizer"
    overdue = model.index(rows["1"], CasesModel.DUE).data(Qt.ItemDataRole.BackgroundRole)
    assert overdue.color() == RED
    answered = model.index(rows["5"], CasesModel.DUE).data(Qt.ItemDataRole.BackgroundRole)
    assert answered is None


def test_the_deadline_choices_name_the_settings_window(
    pane: CasesPane, context: AppContext
) -> None:
    due = pane.findChild(QComboBox, "filterDue")
    assert due.itemText(due.findData("soon")) == "Due within 7 day(s)"
    choose(pane, "filterDue", "soon")
    context.store.profile.set_value("reminder_days", 45)
    context.store.profile.set_value("category_scheme", "甲乙丙")
    context.profileChanged.emit()
    assert due.itemText(due.findData("soon")) == "Due within 45 day(s)"
    assert due.currentData() == "soon"  # the choice stays
    assert shown(pane) == ["2", "3", "4"]
    category = pane.findChild(QComboBox, "filterCategory")
    assert [category.itemData(i) for i in range(1, 4)] == ["甲", "乙", "丙"]
