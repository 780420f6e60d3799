"""The cases as a table model: number, proposer, title, due date, status and role (主办/协办).

``CasesModel`` is a table over ``actions.cases.listing``. The due date is coloured amber when
it is at most ``soon_days`` away (the profile's reminder window, 7 by default) and red when it
has passed (unless the reply went out), with a tooltip that says how many days are left.
"Today" can be fixed for tests. ``CasesFilter`` filters it by number, name or title and by the
conditions of a :class:`desktop.case_filter.CaseFilter` (the combo boxes above the list).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.case_filter import CaseFilter, days_left, is_answered
from desktop.casework import STATUSES, Case
from desktop.ui.case_labels import feedback_label, status_label

_Index = QModelIndex | QPersistentModelIndex

DUE_SOON_DAYS = 7
AMBER = QColor("#ffd966")
RED = QColor("#f08080")
# Columns are sized from this many rows (all rows cost 0.5 s per reload at 2,000 cases).
_STATUS_ORDER = {key: i for i, key in enumerate(STATUSES)}


class CasesModel(QAbstractTableModel):
    """One row per case, in the store's order (due date first)."""

    NUMBER, PROPOSER, TITLE, DUE, STATUS, ROLE, ASSIGNEE = range(7)
    COLUMN_COUNT = 7
    CaseIdRole = Qt.ItemDataRole.UserRole
    SortRole = Qt.ItemDataRole.UserRole + 1
    FilterRole = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self,
        load: Callable[[], list[Case]],
        parent: Any = None,
        *,
        today: dt.date | None = None,
        feedback: Callable[[], dict[int, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.load = load  # the cases, soonest due first
        self.load_feedback = feedback  # {case id: the deputy's latest answer}
        self._feedback: dict[int, str] = {}
        self._today = today
        self.soon_days = DUE_SOON_DAYS  # amber from this many days before the deadline
        self._cases: list[Case] = []
        self.refresh()

    # ------------------------------------------------------------------ data
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def set_today(self, today: dt.date | None) -> None:
        """Fix "today" (tests, or a clock that moved past midnight); None = the real date."""
        self._today = today
        self.dates_changed()

    def set_soon_days(self, days: int) -> None:
        """The reminder window changed in the settings: amber from ``days`` before."""
        self.soon_days = days
        self.dates_changed()

    def dates_changed(self) -> None:
        """The due dates' colours and tooltips are worked out again (a new day, a new N)."""
        if self._cases:
            top = self.index(0, self.DUE)
            bottom = self.index(len(self._cases) - 1, self.DUE)
            self.dataChanged.emit(top, bottom)

    def refresh(self) -> None:
        self.beginResetModel()
        self._cases = self.load()
        self._feedback = self.load_feedback() if self.load_feedback is not None else {}
        self.endResetModel()

    def feedback_of(self, case: Case) -> str:
        """The deputy's answer on the case's newest answered round ("" when none)."""
        return self._feedback.get(case.id or 0, "")

    def cases(self) -> list[Case]:
        return list(self._cases)

    def case_at(self, row: int) -> Case:
        return self._cases[row]

    def row_of(self, case_id: int) -> int | None:
        for row, case in enumerate(self._cases):
            if case.id == case_id:
                return row
        return None

    def status_text(self, status: str) -> str:
        return status_label(status)

    def proposer_text(self, case: Case) -> str:
        if not case.proposers:
            return ""
        return case.addressee + case.role

    def role_text(self, case: Case) -> str:
        return self.tr("Co-organizer") if case.organizer == "co" else self.tr("Main organizer")

    def due_tooltip(self, case: Case) -> str:
        if is_answered(case):
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
        if is_answered(case):
            return None
        left = days_left(case, self.today())
        if left is None or left > self.soon_days:
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
            self.tr("Role"),
            self.tr("Clerk"),
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
            words = [case.number, f"第{case.number}号", case.session, case.title, *case.proposers]
            return " ".join([*words, case.assignee]).casefold()
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
        if column == self.STATUS and self.feedback_of(case):
            answer = feedback_label(self.feedback_of(case))
            return self.tr("Feedback: {answer}").format(answer=answer)
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
        if column == self.ROLE:
            return self.role_text(case)
        if column == self.ASSIGNEE:
            return case.assignee
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
    """Keeps the rows whose number, session, names or title contain every word typed and
    that meet the conditions chosen above the list."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.conditions = CaseFilter()
        self.setSortRole(CasesModel.SortRole)
        self.setDynamicSortFilter(True)

    def set_query(self, text: str) -> None:
        words = [w.casefold() for w in text.split()]
        self._change(lambda: setattr(self, "_words", words))

    def set_conditions(self, conditions: CaseFilter) -> None:
        self._change(lambda: setattr(self, "conditions", conditions))

    def refilter(self) -> None:
        """The day or the reminder window changed: the deadline condition is asked again."""
        self._change(lambda: None)

    def _change(self, apply: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            apply()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if self.conditions.active and isinstance(model, CasesModel):
            case = model.case_at(source_row)
            if not self.conditions.matches(case, today=model.today(), days=model.soon_days,
                                           feedback=model.feedback_of(case)):  # fmt: skip
                return False
        if not self._words:
            return True
        haystack = model.data(model.index(source_row, 0, source_parent), CasesModel.FilterRole)
        return all(word in (haystack or "") for word in self._words)
