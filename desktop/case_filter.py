"""Which cases a clerk asks to see: by status, organizer role, deadline, category, feedback.

Qt-free: the cases pane's filter (``ui/cases_filters.py``) and the reminders
(``actions/reminders.py``) share what "answered", "overdue" and "due within N days" mean.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.casework import Case
from desktop.lifecycle import ANSWERED  # the answer went out: nothing is due any more

OPEN = "open"  # the status choice "not answered yet"
# The deadline choices: every case, overdue, due within N days (not yet overdue), either.
DUE_WINDOWS = ("all", "overdue", "soon", "urgent")
NO_FEEDBACK = "none"  # the feedback choice "no answer recorded from the deputy"


def is_answered(case: Case) -> bool:
    return case.status in ANSWERED


def days_left(case: Case, today: dt.date) -> int | None:
    """Days until the case's due date (negative when past); None without a (valid) due date."""
    if not case.due_date:
        return None
    try:
        due = dt.date.fromisoformat(case.due_date)
    except ValueError:
        return None
    return (due - today).days


def due_window(case: Case, today: dt.date, days: int) -> str | None:
    """"overdue", "soon" (due within ``days``, today included) or None (answered, later, or
    no deadline)."""
    left = None if is_answered(case) else days_left(case, today)
    if left is None or left > days:
        return None
    return "overdue" if left < 0 else "soon"


@dataclass(frozen=True)
class CaseFilter:
    """Every condition set must hold; the defaults let every case through."""

    status: str = ""  # "" any, OPEN not answered, else a status key
    organizer: str = ""  # "" any, "main" 主办, "co" 协办
    due: str = "all"  # one of DUE_WINDOWS
    category: str | None = None  # None any, "" no category given, else the code (A, B, 甲 …)
    feedback: str = ""  # "" any, NO_FEEDBACK, else a lifecycle.FEEDBACK key (satisfied …)
    assignee: str | None = None  # None any, "" assigned to nobody, else the clerk (我的案件)

    @property
    def active(self) -> bool:
        return self != CaseFilter()

    def matches(self, case: Case, *, today: dt.date, days: int, feedback: str = "") -> bool:
        """``feedback``: the deputy's latest answer on the case ("" when none)."""
        return (
            self._status_matches(case)
            and (not self.organizer or case.organizer == self.organizer)
            and (self.category is None or case.category == self.category)
            and self._feedback_matches(feedback)
            and (self.assignee is None or case.assignee == self.assignee)
            and self._due_matches(case, today, days)
        )

    def _status_matches(self, case: Case) -> bool:
        if self.status == OPEN:
            return not is_answered(case)
        return not self.status or case.status == self.status

    def _feedback_matches(self, feedback: str) -> bool:
        if self.feedback == NO_FEEDBACK:
            return not feedback
        return not self.feedback or feedback == self.feedback

    def _due_matches(self, case: Case, today: dt.date, days: int) -> bool:
        if self.due == "all":
            return True
        window = due_window(case, today, days)
        if self.due == "urgent":
            return window is not None
        return window == self.due
