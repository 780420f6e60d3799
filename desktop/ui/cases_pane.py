"""The list of cases (the suggestions and proposals being answered) with their deadlines.

``CasesModel`` is a table over ``actions.cases.listing``: number, proposer, title, due date and
status. The due date is coloured amber when it is at most 7 days away and red when it has
passed (unless the reply was sent), with a tooltip that says how many days are left. "Today"
can be fixed for tests.

``CasesPane`` puts a filter box above a sortable ``QTableView`` (objectName ``caseList``) and
tells the window which case the clerk picked: ``currentCaseChanged(id)`` when the selection
moves, ``caseActivated(id)`` on double-click or Enter. It reloads on ``context.caseChanged``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import cases
from desktop.casework import STATUSES, Case
from desktop.ui.context import AppContext

_Index = QModelIndex | QPersistentModelIndex

DUE_SOON_DAYS = 7
AMBER = QColor("#ffd966")
RED = QColor("#f08080")
# Columns are sized from this many rows (all rows cost 0.5 s per reload at 2,000 cases).
RESIZE_ROWS = 300
_STATUS_ORDER = {key: i for i, key in enumerate(STATUSES)}


def days_left(case: Case, today: dt.date) -> int | None:
    """Days until the case's due date (negative when overdue); None without a due date."""
    if not case.due_date:
        return None
    try:
        due = dt.date.fromisoformat(case.due_date)
    except ValueError:
        return None
    return (due - today).days


class CasesModel(QAbstractTableModel):
    """One row per case, in the store's order (due date first)."""

    NUMBER, PROPOSER, TITLE, DUE, STATUS = range(5)
    COLUMN_COUNT = 5
    CaseIdRole = Qt.ItemDataRole.UserRole
    SortRole = Qt.ItemDataRole.UserRole + 1
    FilterRole = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self,
        load: Callable[[], list[Case]],
        parent: Any = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.load = load  # the cases, soonest due first
        self._today = today
        self._cases: list[Case] = []
        self.refresh()

    # ------------------------------------------------------------------ data
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def set_today(self, today: dt.date | None) -> None:
        """Fix "today" (tests, or a clock that moved past midnight); None = the real date."""
        self._today = today
        if self._cases:
            top = self.index(0, self.DUE)
            bottom = self.index(len(self._cases) - 1, self.DUE)
            self.dataChanged.emit(top, bottom)

    def refresh(self) -> None:
        self.beginResetModel()
        self._cases = self.load()
        self.endResetModel()

    def case_at(self, row: int) -> Case:
        return self._cases[row]

    def row_of(self, case_id: int) -> int | None:
        for row, case in enumerate(self._cases):
            if case.id == case_id:
                return row
        return None

    def status_text(self, status: str) -> str:
        return {
            "drafting": self.tr("Drafting"),
            "awaiting": self.tr("Awaiting sign-off"),
            "sent": self.tr("Sent"),
        }.get(status, status)

    def proposer_text(self, case: Case) -> str:
        if not case.proposers:
            return ""
        return case.addressee + case.role

    def due_tooltip(self, case: Case) -> str:
        if case.status == "sent":
            return self.tr("Reply sent")
        left = days_left(case, self.today())
        if left is None:
            return self.tr("No due date: enter the date the case was assigned")
        if left == 0:
            return self.tr("Due today")
        if left == 1:
            return self.tr("1 day left")
        if left > 1:
            return self.tr("{days} days left").format(days=left)
        if left == -1:
            return self.tr("Overdue by 1 day")
        return self.tr("Overdue by {days} days").format(days=-left)

    def due_colour(self, case: Case) -> QColor | None:
        if case.status == "sent":
            return None
        left = days_left(case, self.today())
        if left is None or left > DUE_SOON_DAYS:
            return None
        return RED if left < 0 else AMBER

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("No."),
            self.tr("Proposer"),
            self.tr("Title"),
            self.tr("Due date"),
            self.tr("Status"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cases):
            return None
        case = self._cases[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, column)
        if role == self.CaseIdRole:
            return case.id
        if role == self.SortRole:
            return self._sort_key(case, column)
        if role == self.FilterRole:
            return " ".join(
                [case.number, f"第{case.number}号", case.session, case.title, *case.proposers]
            ).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(case, column)
        if column == self.DUE and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return self._due_brush(case, role)
        return None

    def _tooltip(self, case: Case, column: int) -> str | None:
        if column == self.DUE:
            return self.due_tooltip(case)
        if column == self.NUMBER and case.session:
            return f"{case.session}第{case.number}号{case.kind_word}"
        if column == self.TITLE:
            return case.title
        if column == self.PROPOSER and len(case.proposers) > 1:
            return "、".join(case.proposers)
        return None

    def _due_brush(self, case: Case, role: int) -> QBrush | None:
        """The due date's colour: amber when close, red when past."""
        colour = self.due_colour(case)
        if colour is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(colour)
        # Dark text stays readable on the amber and red backgrounds in a dark theme too.
        return QBrush(QColor("#000000"))

    def _display(self, case: Case, column: int) -> str:
        if column == self.NUMBER:
            return case.number
        if column == self.PROPOSER:
            return self.proposer_text(case)
        if column == self.TITLE:
            return case.title
        if column == self.DUE:
            return case.due_date or ""
        return self.status_text(case.status)

    def _sort_key(self, case: Case, column: int) -> str:
        if column == self.NUMBER:
            # 31 before 277: digits compare as numbers, anything else after them.
            number = case.number
            key = f"0{int(number):012d}" if number.isdigit() else f"1{number}"
            return f"{case.session}\x00{key}"
        if column == self.DUE:
            return case.due_date or "9999-99-99"  # ISO dates sort as text; none last
        if column == self.STATUS:
            return str(_STATUS_ORDER.get(case.status, 9))
        return self._display(case, column)


class CasesFilter(QSortFilterProxyModel):
    """Keeps the rows whose number, session, names or title contain every word typed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(CasesModel.SortRole)
        self.setDynamicSortFilter(True)

    def set_query(self, text: str) -> None:
        words = [w.casefold() for w in text.split()]
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = model.data(model.index(source_row, 0, source_parent), CasesModel.FilterRole)
        return all(word in (haystack or "") for word in self._words)


class CasesPane(QWidget):
    caseActivated = Signal(int)  # a click, Enter or the menu's Open: open the case
    currentCaseChanged = Signal(int)  # the selection moved (-1: no case selected)
    caseDeleted = Signal(int)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casesPane")
        self.context = context
        self._current_id = -1

        self.model = CasesModel(lambda: context.call(cases.listing), self, today=today)
        self.proxy = CasesFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("caseFilter")
        self.filter_box.setPlaceholderText(self.tr("Filter by number, name or title"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter_changed)

        self.new_button = QPushButton(self.tr("New case…"), self)
        self.new_button.setObjectName("newCaseButton")
        self.new_button.clicked.connect(self.new_case)
        self.view = self._make_view()

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("caseListEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); padding: 12px;")

        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)

        context.caseChanged.connect(self._case_changed)
        self._update_empty_label()

    def _make_view(self) -> QTableView:
        """The table: sorted by due date, one click opens a case, right-click its menu."""
        self.view = QTableView(self)
        self.view.setObjectName("caseList")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(CasesModel.DUE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        # Every column as wide as its widest entry (or its header); the title takes the rest.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CasesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setResizeContentsPrecision(RESIZE_ROWS)
        header.setHighlightSections(False)
        self.view.clicked.connect(self._activated)  # one click opens the case
        self.view.activated.connect(self._activated)  # Enter (and double-click)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        return self.view

    # ------------------------------------------------------------------ API
    def refresh(self) -> None:
        """Reload the cases from the library, keeping the selected one selected."""
        keep = self._current_id
        self.model.refresh()
        if keep >= 0 and not self.select_case(keep):
            self._set_current(-1)
        self._update_empty_label()

    def current_case_id(self) -> int | None:
        return self._current_id if self._current_id >= 0 else None

    def select_case(self, case_id: int) -> bool:
        """Select a case (clearing the filter when it hides it); False when it is not listed."""
        row = self.model.row_of(case_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter_box.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def new_case(self) -> int | None:
        """Open the case dialog for a new case; selects and returns it when saved."""
        from desktop.ui.case_dialog import CaseDialog

        dialog = CaseDialog(self.context, parent=self)
        if dialog.exec() and dialog.case_id is not None:
            self.select_case(dialog.case_id)
            return dialog.case_id
        return None

    def edit_case(self, case_id: int) -> bool:
        """Open the case dialog on an existing case; True when the clerk saved it."""
        from desktop.ui.case_dialog import CaseDialog

        case = self.context.call(cases.get, case_id)
        if case is None:
            return False
        dialog = CaseDialog(self.context, case, parent=self)
        return bool(dialog.exec())

    # ------------------------------------------------------------------ context menu
    def case_menu(self, case_id: int) -> QMenu:
        """Open, duplicate, change status, delete: the menu a right-click on a case shows."""
        case = self.context.call(cases.get, case_id)
        menu = QMenu(self)
        menu.setObjectName("caseMenu")
        if case is None:
            return menu
        menu.addAction(self.tr("Open"), lambda: self.caseActivated.emit(case_id)).setObjectName(
            "caseMenuOpen"
        )
        menu.addAction(self.tr("Duplicate…"), lambda: self.duplicate_case(case_id)).setObjectName(
            "caseMenuDuplicate"
        )
        status_menu = menu.addMenu(self.tr("Status"))
        status_menu.setObjectName("caseMenuStatus")
        for status in STATUSES:
            action = status_menu.addAction(self.model.status_text(status))
            action.setObjectName(f"caseMenuStatus_{status}")
            action.setCheckable(True)
            action.setChecked(case.status == status)
            action.triggered.connect(lambda _checked=False, s=status: self.set_status(case_id, s))
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete_case(case_id)).setObjectName(
            "caseMenuDelete"
        )
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        case_id = index.data(CasesModel.CaseIdRole) if index.isValid() else None
        if case_id is None:
            return
        self.select_case(int(case_id))
        self.case_menu(int(case_id)).exec(self.view.viewport().mapToGlobal(pos))

    def set_status(self, case_id: int, status: str) -> None:
        self.context.call(cases.set_status, case_id, status)
        self.context.caseChanged.emit(case_id)

    def delete_case(self, case_id: int, *, confirm: bool = True) -> bool:
        """Delete a case and its draft versions after the clerk confirmed it."""
        case = self.context.call(cases.get, case_id)
        if case is None:
            return False
        if confirm:
            question = self.tr(
                "Delete case No. {number} “{title}” and its {versions} saved draft version(s)? "
                "This cannot be undone."
            ).format(
                number=case.number,
                title=case.title,
                versions=self.context.call(cases.version_count, case_id),
            )
            answer = QMessageBox.question(
                self, self.tr("Delete case"), question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.context.call(cases.delete, case_id)
        self.caseDeleted.emit(case_id)
        self.refresh()
        return True

    def duplicate_case(self, case_id: int) -> int | None:
        """A new case with this one's fields and newest draft; the clerk enters its number."""
        from desktop.ui.case_dialog import CaseDialog

        original = self.context.call(cases.get, case_id)
        if original is None:
            return None
        copy = cases.blank_copy(original)
        dialog = CaseDialog(self.context, copy, parent=self)
        dialog.setWindowTitle(self.tr("Duplicate case No. {number}").format(
            number=original.number))  # fmt: skip
        if not dialog.exec() or dialog.case_id is None:
            return None
        self.context.call(cases.copy_draft, case_id, dialog.case_id, f"复制自第{original.number}号")
        self.refresh()
        self.select_case(dialog.case_id)
        self.caseActivated.emit(dialog.case_id)
        return dialog.case_id

    # ------------------------------------------------------------------ slots
    def _filter_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_empty_label()

    def _case_changed(self, case_id: int) -> None:
        self.refresh()

    def _activated(self, index: QModelIndex) -> None:
        case_id = index.data(CasesModel.CaseIdRole)
        if case_id is not None:
            self.caseActivated.emit(int(case_id))

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = current.data(CasesModel.CaseIdRole) if current.isValid() else None
        self._set_current(int(case_id) if case_id is not None else -1)

    def _set_current(self, case_id: int) -> None:
        if case_id != self._current_id:
            self._current_id = case_id
            self.currentCaseChanged.emit(case_id)

    def _update_empty_label(self) -> None:
        if self.model.rowCount() == 0:
            self.empty_label.setText(
                self.tr(
                    "No cases yet. Click “New case…” to enter the suggestion or proposal"
                    " you are answering."
                )
            )
            self.empty_label.show()
        elif self.proxy.rowCount() == 0:
            self.empty_label.setText(
                self.tr("No case matches “{text}”.").format(text=self.filter_box.text().strip())
            )
            self.empty_label.show()
        else:
            self.empty_label.hide()
