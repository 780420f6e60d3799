from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QInputMethodEvent
from PySide6.QtWidgets import QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from desktop.casework import Case
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.cases_model import AMBER, RED, CasesModel
from desktop.ui.cases_pane import CasesPane
from desktop.ui.context import AppContext

TODAY = dt.date(2024, 5, 10)


def type_chinese(widget: QLineEdit, text: str) -> None:
    """Commit text as a Chinese input method does (QTest.keyClicks is ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    widget.inputMethodEvent(event)


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(
        tmp_path / "l.db",
        store=LibraryStore(tmp_path / "l.db"),
        templates=ReplyTemplates(override=tmp_path / "tpl"),
    )
    cases = [
        Case("277", "关于在南通市组织社会大众聚力创新的建议", ["石剑波"],
             session="市十六届人大四次会议", due_date="2024-05-13"),  # 3 days left
        Case("31", "关于支持企业研发机构建设的建议", ["张三", "李四"], proposer_count=5,
             session="市十六届人大四次会议", due_date="2024-05-08"),  # overdue by 2 days
        Case("45", "关于加快科技成果转化的提案", ["李四"], role="委员",
             session="市政协十四届四次会议", due_date="2024-07-01", status="signoff"),
        Case("12", "关于加强老旧小区改造的建议", ["王五"],
             session="市十六届人大四次会议", due_date="2024-04-01", status="sent"),
    ]  # fmt: skip
    for case in cases:
        ctx.store.cases.save(case)
    yield ctx
    ctx.close()


def _pane(qtbot: QtBot, context: AppContext) -> CasesPane:
    pane = CasesPane(context, today=TODAY)
    qtbot.addWidget(pane)
    return pane


def _rows(view: QTableView, column: int = CasesModel.NUMBER) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _row_of(view: QTableView, number: str) -> int:
    return _rows(view).index(number)


def test_columns_show_number_proposer_title_due_and_status(
    qtbot: QtBot, context: AppContext
) -> None:
    pane = _pane(qtbot, context)
    view = pane.findChild(QTableView, "caseList")
    model = view.model()
    row = _row_of(view, "31")
    assert model.index(row, CasesModel.PROPOSER).data() == "张三等5位代表"
    assert model.index(row, CasesModel.TITLE).data() == "关于支持企业研发机构建设的建议"
    assert model.index(row, CasesModel.DUE).data() == "2024-05-08"
    assert model.index(row, CasesModel.STATUS).data() == "To do"
    row = _row_of(view, "45")
    assert model.index(row, CasesModel.PROPOSER).data() == "李四委员"
    assert model.index(row, CasesModel.STATUS).data() == "Awaiting sign-off"
    assert model.index(_row_of(view, "12"), CasesModel.STATUS).data() == "Sent"


def test_due_dates_are_coloured_against_the_injected_today(
    qtbot: QtBot, context: AppContext
) -> None:
    pane = _pane(qtbot, context)
    view = pane.findChild(QTableView, "caseList")
    model = view.model()

    def due(number: str, role: int) -> object:
        return model.index(_row_of(view, number), CasesModel.DUE).data(role)

    background = Qt.ItemDataRole.BackgroundRole
    tooltip = Qt.ItemDataRole.ToolTipRole
    soon = due("277", background)
    assert isinstance(soon, QBrush) and soon.color() == AMBER
    assert due("277", tooltip) == "3 days left"
    late = due("31", background)
    assert isinstance(late, QBrush) and late.color() == RED
    assert due("31", tooltip) == "Overdue by 2 days"
    assert due("45", background) is None  # more than a week away
    assert due("12", background) is None  # overdue, but the reply was sent
    assert due("12", tooltip) == "Reply sent"

    pane.model.set_today(dt.date(2024, 5, 13))
    assert due("277", tooltip) == "Due today"
    assert due("277", background).color() == AMBER
    pane.model.set_today(dt.date(2024, 6, 24))
    assert due("45", tooltip) == "7 days left"
    assert due("45", background).color() == AMBER


def test_filter_matches_number_names_and_title(qtbot: QtBot, context: AppContext) -> None:
    pane = _pane(qtbot, context)
    view = pane.findChild(QTableView, "caseList")
    box = pane.findChild(QLineEdit, "caseFilter")
    type_chinese(box, "李四")
    assert sorted(_rows(view)) == ["31", "45"]  # a co-signer's name counts too
    box.clear()
    type_chinese(box, "老旧小区")
    assert _rows(view) == ["12"]
    box.setText("277")
    assert _rows(view) == ["277"]
    box.setText("第31号")
    assert _rows(view) == ["31"]
    box.setText("nobody")
    assert _rows(view) == []
    assert pane.empty_label.isVisibleTo(pane)
    box.clear()
    assert len(_rows(view)) == 4
    assert not pane.empty_label.isVisibleTo(pane)


def test_headers_sort_numbers_as_numbers_and_dates_by_iso(
    qtbot: QtBot, context: AppContext
) -> None:
    pane = _pane(qtbot, context)
    view = pane.findChild(QTableView, "caseList")
    assert _rows(view, CasesModel.DUE) == ["2024-04-01", "2024-05-08", "2024-05-13", "2024-07-01"]
    view.sortByColumn(CasesModel.DUE, Qt.SortOrder.DescendingOrder)
    assert _rows(view, CasesModel.DUE)[0] == "2024-07-01"
    view.sortByColumn(CasesModel.NUMBER, Qt.SortOrder.AscendingOrder)
    # Sessions group first; within one, 12 < 31 < 277 (numbers, not text).
    assert _rows(view) == ["12", "31", "277", "45"]
    view.sortByColumn(CasesModel.STATUS, Qt.SortOrder.AscendingOrder)
    assert _rows(view, CasesModel.STATUS)[-1] == "Sent"


def test_selection_activation_and_refresh(qtbot: QtBot, context: AppContext) -> None:
    pane = _pane(qtbot, context)
    view = pane.findChild(QTableView, "caseList")
    row = _row_of(view, "45")
    case_id = view.model().index(row, 0).data(CasesModel.CaseIdRole)
    with qtbot.waitSignal(pane.currentCaseChanged) as changed:
        view.setCurrentIndex(view.model().index(row, 0))
    assert changed.args == [case_id]
    with qtbot.waitSignal(pane.caseActivated) as activated:
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == [case_id]
    assert pane.current_case_id() == case_id

    new = Case("5", "关于新建众创空间的建议", ["钱七"], due_date="2024-05-01")
    new_id = context.store.cases.save(new)
    context.caseChanged.emit(new_id)
    assert "5" in _rows(view)
    assert pane.current_case_id() == case_id  # the selection survives the reload
    assert view.currentIndex().data(CasesModel.CaseIdRole) == case_id
    assert pane.select_case(new_id)
    assert pane.current_case_id() == new_id
    assert isinstance(view.currentIndex(), QModelIndex)


def test_double_click_activates(qtbot: QtBot, context: AppContext) -> None:
    pane = _pane(qtbot, context)
    pane.resize(800, 300)
    pane.show()
    qtbot.waitExposed(pane)
    view = pane.findChild(QTableView, "caseList")
    index = view.model().index(0, CasesModel.TITLE)
    rect = view.visualRect(index)
    with qtbot.waitSignal(pane.caseActivated) as activated:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [index.data(CasesModel.CaseIdRole)]


def test_empty_library_says_how_to_start(qtbot: QtBot, tmp_path: Path) -> None:
    ctx = AppContext(tmp_path / "e.db", store=LibraryStore(tmp_path / "e.db"))
    pane = _pane(qtbot, ctx)
    assert pane.empty_label.isVisibleTo(pane)
    assert "New case" in pane.empty_label.text()
    ctx.close()


def test_one_click_opens_the_case(qtbot: QtBot, context: AppContext) -> None:
    pane = _pane(qtbot, context)
    pane.resize(800, 300)
    pane.show()
    qtbot.waitExposed(pane)
    view = pane.findChild(QTableView, "caseList")
    index = view.model().index(1, CasesModel.TITLE)
    with qtbot.waitSignal(pane.caseActivated) as activated:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
    assert activated.args == [index.data(CasesModel.CaseIdRole)]


def test_columns_fit_their_content(qtbot: QtBot, context: AppContext) -> None:
    context.store.cases.save(
        Case(
            "1234567",
            "关于某事的建议",
            ["欧阳明"],
            proposer_count=12,
            session="市十六届人大四次会议",
        )
    )
    context.caseChanged.emit(0)
    pane = _pane(qtbot, context)
    pane.resize(900, 300)
    pane.show()
    qtbot.waitExposed(pane)
    view = pane.findChild(QTableView, "caseList")
    header = view.horizontalHeader()
    for column in (CasesModel.NUMBER, CasesModel.PROPOSER, CasesModel.DUE, CasesModel.STATUS):
        needed = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert view.columnWidth(column) >= needed, column
    texts = _rows(view, CasesModel.PROPOSER)
    assert "欧阳明等12位代表" in texts


def test_context_menu_status_duplicate_and_delete(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.casework import Draft, DraftBlock
    from desktop.ui.case_dialog import CaseDialog

    store = context.store
    pane = _pane(qtbot, context)
    case_id = next(c.id for c in store.cases.all() if c.number == "277")
    assert case_id is not None
    draft = Draft()
    draft.sections["plan"].append(DraftBlock("free", "下一步，我们将继续推进。"))
    store.drafts.save(case_id, draft, source="window")
    menu = pane.case_menu(case_id)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["caseMenuOpen", "caseMenuDuplicate", "caseMenuProgress", "caseMenuDelete"]
    assert menu.findChild(type(menu), "caseMenuStatus") is not None

    with qtbot.waitSignal(pane.caseActivated) as opened:
        next(a for a in menu.actions() if a.objectName() == "caseMenuOpen").trigger()
    assert opened.args == [case_id]

    status = {a.objectName(): a for a in menu.findChildren(type(menu.actions()[0]))}
    assert status["caseMenuStatus_pending"].isChecked()
    status["caseMenuStatus_sent"].trigger()
    assert store.cases.get(case_id).status == "sent"  # type: ignore[union-attr]
    row = _row_of(pane.view, "277")
    assert pane.view.model().index(row, CasesModel.STATUS).data() == "Sent"

    def fill_number(dialog: CaseDialog) -> int:
        dialog.number.setText("278")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(CaseDialog, "exec", fill_number)
    with qtbot.waitSignal(pane.caseActivated) as opened:
        copy_id = pane.duplicate_case(case_id)
    assert copy_id is not None and opened.args == [copy_id] and copy_id != case_id
    copy = store.cases.get(copy_id)
    assert copy is not None and copy.number == "278" and copy.proposers == ["石剑波"]
    assert copy.status == "drafting" and copy.session == "市十六届人大四次会议"
    copied = store.drafts.load(copy_id)
    assert copied is not None and copied.sections["plan"][-1].text == "下一步，我们将继续推进。"
    assert [v.source for v in store.drafts.versions(copy_id)] == ["copy"]

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not pane.delete_case(case_id)
    assert store.cases.get(case_id) is not None
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *a: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    with qtbot.waitSignal(pane.caseDeleted) as deleted:
        assert pane.delete_case(case_id)
    assert deleted.args == [case_id] and "277" in asked[0] and "1 saved draft" in asked[0]
    assert store.cases.get(case_id) is None and store.drafts.versions(case_id) == []
    assert "277" not in _rows(pane.view) and "278" in _rows(pane.view)


def test_the_title_stays_readable_in_a_narrow_pane_and_fills_a_wide_one(
    qtbot: QtBot, context: AppContext
) -> None:
    context.store.cases.assign(context.store.cases.find("市十六届人大四次会议", "31"), "李华")
    pane = _pane(qtbot, context)
    pane.refresh()
    view, header = pane.view, pane.view.horizontalHeader()
    title = CasesModel.TITLE
    floor = view.fontMetrics().horizontalAdvance("字" * 8)
    for width in (390, 1200):
        pane.resize(width, 500)
        pane.show()
        qtbot.waitExposed(pane)
        qtbot.wait(50)
        shown = [c for c in range(header.count()) if not view.isColumnHidden(c)]
        assert CasesModel.ASSIGNEE in shown  # a case is assigned, all clerks listed
        assert header.sectionSize(title) >= floor
        if width == 1200:  # the title takes what the other columns leave: no scrolling
            total = sum(header.sectionSize(c) for c in shown)
            assert total == view.viewport().width()
            assert header.sectionSize(title) > 3 * floor


def test_the_clerk_column_shows_only_when_it_tells_something(
    qtbot: QtBot, context: AppContext
) -> None:
    pane = _pane(qtbot, context)
    clerk_hidden = lambda: pane.view.isColumnHidden(CasesModel.ASSIGNEE)  # noqa: E731
    assert clerk_hidden()  # nobody's cases are assigned: a PC library of one clerk
    context.store.cases.assign(context.store.cases.find("市十六届人大四次会议", "31"), "李华")
    pane.refresh()
    assert not clerk_hidden()
    pane.filter_bar.show_mine()  # one clerk's cases: every row would say the same
    assert clerk_hidden()
    pane.filter_bar.clear()
    assert not clerk_hidden()
