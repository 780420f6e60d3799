"""The combo boxes above the list of cases: status, organizer role, deadline, category, feedback.

``CaseFilterBar`` (objectName ``caseFilterBar``) holds ``filterStatus``, ``filterRole``,
``filterDue``, ``filterCategory`` and ``filterFeedback`` and a ``filterClear`` button; every
change emits ``changed(CaseFilter)`` with all the choices combined. The deadline choices name
the reminder window (N days, the profile's ``reminder_days``), the categories those of the
profile's scheme.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop.case_filter import NO_FEEDBACK, OPEN, CaseFilter
from desktop.casework import STATUSES
from desktop.lifecycle import FEEDBACK
from desktop.ui.case_labels import feedback_label

_NO_CATEGORY = "\x00none"  # the category choice "none given" (no code is this)
_MINE = "\x00mine"  # the clerk choice "my cases" (no name is this)


class CaseFilterBar(QWidget):
    changed = Signal(object)  # CaseFilter

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        status_text: Callable[[str], str] = str,
        days: int = 7,
        categories: tuple[str, ...] = ("A", "B", "C"),
    ) -> None:
        super().__init__(parent)
        self._status_text = status_text
        self.setObjectName("caseFilterBar")
        self.status = self._combo("filterStatus", self.tr("Show cases by their status"))
        self.role = self._combo("filterRole", self.tr("Show cases by organizer role"))
        self.due = self._combo("filterDue", self.tr("Show cases by their deadline"))
        self.category = self._combo("filterCategory", self.tr("Show cases by their category"))
        self.feedback = self._combo("filterFeedback", self.tr("Show cases by the feedback"))
        self.clerk = self._combo("filterClerk", self.tr("Show the cases of a clerk"))
        self._me = ""
        self.set_clerks("", [])
        self.clear_button = QPushButton(self.tr("Show all"), self)
        self.clear_button.setObjectName("filterClear")
        self.clear_button.setToolTip(self.tr("Clear these filters"))
        self.clear_button.clicked.connect(self.clear)
        self._fill_status()
        self._fill_role()
        self._fill_feedback()
        self.set_days(days)
        self.set_categories(categories)
        # The combos do not widen the pane (nor the window's minimum): a pane narrower than
        # they need cuts them short, the clerk can widen it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.status, 0, 0)
        grid.addWidget(self.role, 0, 1)
        grid.addWidget(self.due, 0, 2)
        grid.addWidget(self.category, 1, 0)
        grid.addWidget(self.feedback, 1, 1)
        grid.addWidget(self.clear_button, 1, 2)
        grid.addWidget(self.clerk, 2, 0, 1, 2)
        self._update_clear()

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        # The pane may be narrow: the combos shrink (their lists still show whole choices).
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(3)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    # ------------------------------------------------------------------ choices
    def _fill_status(self) -> None:
        self.status.addItem(self.tr("Any status"), "")
        self.status.addItem(self.tr("Not answered yet"), OPEN)
        for key in STATUSES:
            self.status.addItem(self._status_text(key), key)

    def _fill_role(self) -> None:
        self.role.addItem(self.tr("Main and co-organizer"), "")
        self.role.addItem(self.tr("Main organizer (主办)"), "main")
        self.role.addItem(self.tr("Co-organizer (协办)"), "co")

    def _fill_feedback(self) -> None:
        self.feedback.addItem(self.tr("Any feedback"), "")
        for key in FEEDBACK:
            self.feedback.addItem(feedback_label(key), key)
        self.feedback.addItem(self.tr("No feedback yet"), NO_FEEDBACK)

    def set_days(self, days: int) -> None:
        """The reminder window (N) the deadline choices name; the choice stays."""
        keep = self.due.currentData() or "all"
        self.due.blockSignals(True)
        self.due.clear()
        self.due.addItem(self.tr("Any deadline"), "all")
        self.due.addItem(self.tr("Overdue"), "overdue")
        self.due.addItem(self.tr("Due within %n day(s)", "", days), "soon")
        self.due.addItem(self.tr("Overdue or due within %n day(s)", "", days), "urgent")
        self.due.setCurrentIndex(max(0, self.due.findData(keep)))
        self.due.blockSignals(False)

    def set_clerks(self, me: str, names: list[str]) -> None:
        """The clerk at this PC (“My cases”) and the clerks cases are assigned to; the
        choice stays."""
        keep = self.clerk.currentData()
        self._me = me
        self.clerk.blockSignals(True)
        self.clerk.clear()
        self.clerk.addItem(self.tr("All clerks"), None)
        self.clerk.addItem(self.tr("My cases ({name})").format(name=me), _MINE)
        self.clerk.addItem(self.tr("Not assigned"), "")
        for name in names:
            if name != me:
                self.clerk.addItem(name, name)
        index = self.clerk.findData(keep) if keep is not None else 0
        self.clerk.setCurrentIndex(max(0, index))
        self.clerk.blockSignals(False)

    def show_mine(self) -> None:
        self.clerk.setCurrentIndex(max(0, self.clerk.findData(_MINE)))

    def set_categories(self, codes: tuple[str, ...]) -> None:
        """The profile's category codes (A/B/C, 甲/乙/丙 …); a choice no longer offered is
        dropped."""
        keep = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("Any category"), None)
        for code in codes:
            self.category.addItem(self.tr("Category {code}").format(code=code), code)
        self.category.addItem(self.tr("No category"), _NO_CATEGORY)
        index = self.category.findData(keep) if keep is not None else 0
        self.category.setCurrentIndex(max(0, index))
        self.category.blockSignals(False)
        if index < 0:
            self._emit()

    # ------------------------------------------------------------------ state
    def conditions(self) -> CaseFilter:
        category = self.category.currentData()
        return CaseFilter(
            status=self.status.currentData() or "",
            organizer=self.role.currentData() or "",
            due=self.due.currentData() or "all",
            category="" if category == _NO_CATEGORY else category,
            feedback=self.feedback.currentData() or "",
            assignee=self._me if self.clerk.currentData() == _MINE else self.clerk.currentData(),
        )

    def show_due(self, window: str) -> None:
        """Show only the cases of this deadline window (the reminder's "All N…")."""
        self.due.setCurrentIndex(max(0, self.due.findData(window)))

    def clear(self) -> None:
        for combo in (self.status, self.role, self.due, self.category, self.feedback, self.clerk):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self._update_clear()
        self.changed.emit(self.conditions())

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.conditions().active)
