"""Reminders: the cases not yet answered whose deadline has passed or comes within N days.

The window's banner (``ui/reminder_banner.py``) and ``replydesk case due`` both ask
:func:`due_cases`. N is the profile's ``reminder_days`` (设置 → 到期提醒) unless given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop.case_filter import ANSWERED, days_left, due_window, is_answered
from desktop.casework import Case
from desktop.errors import ClerkError
from desktop.store import LibraryStore

# A reminder window longer than a year is a typing slip (and the banner would list everything).
MAX_DAYS = 365


class BadReminderDays(ClerkError):
    def __init__(self, days: int):
        super().__init__(f"提醒天数应在 0 到 {MAX_DAYS} 之间，而不是 {days}。")


@dataclass(frozen=True)
class DueCase:
    """A case the clerk must answer soon, or should have answered already."""

    case_id: int
    number: str
    session: str
    title: str
    due_date: str
    days_left: int  # negative: overdue by that many days; 0: due today
    status: str
    organizer: str  # "main" | "co"

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Reminders:
    """What is overdue (most overdue first) and what falls due within ``days`` (soonest first)."""

    today: str
    days: int
    overdue: tuple[DueCase, ...]
    due_soon: tuple[DueCase, ...]

    @property
    def count(self) -> int:
        return len(self.overdue) + len(self.due_soon)

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today,
            "days": self.days,
            "overdue": [c.to_json() for c in self.overdue],
            "due_soon": [c.to_json() for c in self.due_soon],
        }


def reminder_days(*, store: LibraryStore) -> int:
    """N of "due within N days": the profile's setting."""
    return store.profile.load().reminder_days


def check_days(days: int) -> int:
    if not 0 <= days <= MAX_DAYS:
        raise BadReminderDays(days)
    return days


def due_cases(
    *, store: LibraryStore, today: dt.date | None = None, days: int | None = None
) -> Reminders:
    """The unanswered cases overdue on ``today`` and those due within ``days`` days of it
    (``days`` defaults to the profile's ``reminder_days``; 0 = due today only)."""
    today = today or dt.date.today()
    days = check_days(reminder_days(store=store) if days is None else days)
    return reminders_of(store.cases.all(), today=today, days=days)


def reminders_of(cases: list[Case], *, today: dt.date, days: int) -> Reminders:
    """:func:`due_cases` over cases already loaded (the cases pane holds them)."""
    overdue: list[DueCase] = []
    soon: list[DueCase] = []
    for case in cases:
        window = due_window(case, today, days)
        if window is None or case.id is None:
            continue
        left = days_left(case, today)
        assert left is not None
        (overdue if window == "overdue" else soon).append(_due(case, left))
    overdue.sort(key=lambda c: (c.days_left, c.number))
    soon.sort(key=lambda c: (c.days_left, c.number))
    return Reminders(today.isoformat(), days, tuple(overdue), tuple(soon))


def _due(case: Case, left: int) -> DueCase:
    assert case.id is not None and case.due_date is not None
    return DueCase(case.id, case.number, case.session, case.title, case.due_date, left,
                   case.status, case.organizer)  # fmt: skip


__all__ = [
    "ANSWERED",
    "MAX_DAYS",
    "BadReminderDays",
    "DueCase",
    "Reminders",
    "check_days",
    "days_left",
    "due_cases",
    "is_answered",
    "reminder_days",
    "reminders_of",
]
