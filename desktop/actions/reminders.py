"""Reminders: the cases not yet answered whose deadline has passed or comes within N days,
and the co-organizers' opinions overdue on the main-organizer cases not yet answered.

The window's banner (``ui/reminder_banner.py``) and ``replydesk case due`` both ask
:func:`due_cases`. N is the profile's ``reminder_days`` (设置 → 到期提醒) unless given; an
opinion is overdue after assignment + the profile's ``co_due_months``
(:func:`desktop.lifecycle.opinion_states`). :func:`feedback_by_case` gives the cases pane
the deputy's latest answer per case.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop.case_filter import ANSWERED, days_left, due_window, is_answered
from desktop.casework import Case
from desktop.errors import ClerkError
from desktop.lifecycle import opinion_states
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
class OpinionDue:
    """A co-organizer's opinion not received by the day it was expected."""

    case_id: int
    number: str
    session: str
    title: str
    unit: str
    expected_by: str
    days_overdue: int

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Reminders:
    """What is overdue (most overdue first), what falls due within ``days`` (soonest first)
    and the co-organizers' opinions overdue (most overdue first)."""

    today: str
    days: int
    overdue: tuple[DueCase, ...]
    due_soon: tuple[DueCase, ...]
    opinions_overdue: tuple[OpinionDue, ...] = ()

    @property
    def count(self) -> int:
        return len(self.overdue) + len(self.due_soon) + len(self.opinions_overdue)

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today,
            "days": self.days,
            "overdue": [c.to_json() for c in self.overdue],
            "due_soon": [c.to_json() for c in self.due_soon],
            "opinions_overdue": [o.to_json() for o in self.opinions_overdue],
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
    cases = store.cases.all()
    due = reminders_of(cases, today=today, days=days)
    opinions = opinions_overdue(cases, store=store, today=today)
    return dataclasses.replace(due, opinions_overdue=opinions)


def opinions_overdue(
    cases: list[Case], *, store: LibraryStore, today: dt.date
) -> tuple[OpinionDue, ...]:
    """The co-organizers' opinions overdue on ``today`` for the main-organizer cases not yet
    answered (once the answer went out, a missing opinion no longer holds anything up)."""
    recorded = store.opinions.by_case()
    co_months = store.profile.load().co_due_months
    found: list[OpinionDue] = []
    for case in cases:
        if case.id is None or case.organizer != "main" or is_answered(case):
            continue
        states = opinion_states(
            case.co_organizers, case.assigned_date, recorded.get(case.id, []),
            co_months=co_months, today=today,
        )  # fmt: skip
        for state in states:
            if state.state == "overdue" and state.expected_by is not None:
                late = (today - dt.date.fromisoformat(state.expected_by)).days
                found.append(OpinionDue(case.id, case.number, case.session, case.title,
                                        state.unit, state.expected_by, late))  # fmt: skip
    found.sort(key=lambda o: (-o.days_overdue, o.number))  # units in the case's order
    return tuple(found)


def feedback_by_case(*, store: LibraryStore) -> dict[int, str]:
    """{case id: the deputy's answer on its newest answered round} (``lifecycle.FEEDBACK``
    keys), for the cases pane's feedback filter."""
    return {case_id: row.answer for case_id, row in store.feedback.latest_by_case().items()}


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
    "OpinionDue",
    "Reminders",
    "check_days",
    "days_left",
    "due_cases",
    "feedback_by_case",
    "is_answered",
    "opinions_overdue",
    "reminder_days",
    "reminders_of",
]
