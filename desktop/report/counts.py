"""Counting a year's cases: pure functions over :class:`CaseFacts` (no store, no Qt).

The rules, in the clerk's words (the report's notes repeat them):

- a case belongs to the year of its assignment date (交办日期), else of its due date, else of
  its reply date; a case with none of them is counted in no year (``undated`` says how many);
- a case is *answered* when its reply went out (已答复, 已办结, and 重新办理: answered once,
  being answered again); the day it was answered is the first day it was marked 已答复 (status
  history, first round), else its reply date;
- satisfaction is counted over the answered cases: the deputy's or member's latest answer (a
  second round's 满意 after a first 不满意 counts as 满意), or 尚未反馈;
- *on time*: answered on or before the due date; the rate is over the answered cases that
  have a due date;
- *days to answer*: from the assignment date to the day it was answered, averaged over the
  answered cases that have both;
- a co-organizer's opinion (会办意见) is *on time* when received on or before its due date;
  one not received whose due date has passed is *overdue*.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desktop.casework import KINDS, STATUSES, Case

ROLE_LABELS = {"main": "主办", "co": "协办"}
SATISFACTION = ("满意", "基本满意", "不满意")
NO_FEEDBACK = "尚未反馈"
NO_CATEGORY = "未分类"
# Statuses whose reply went out. The lifecycle adds 已办结 (closed) after 已答复; a case being
# answered again (redo) was answered once, and its first answer is what counts for timeliness.
ANSWERED_STATUSES = frozenset({"sent", "closed", "redo"})


@dataclass(frozen=True)
class OpinionFact:
    """A co-organizer's opinion expected on a main-organizer case."""

    organizer: str
    due: str | None  # ISO
    received: str | None  # ISO; None: not received yet


@dataclass(frozen=True)
class CaseFacts:
    """A case with what the report needs besides its fields."""

    case: Case
    answered_on: str | None = None  # ISO: first marked sent (status history); see answered_day
    satisfaction: str = ""  # 满意 / 基本满意 / 不满意, "" = no feedback yet
    opinions: tuple[OpinionFact, ...] = ()

    @property
    def answered(self) -> bool:
        return self.case.status in ANSWERED_STATUSES

    @property
    def answered_day(self) -> str | None:
        """The day the reply went out: the first sent date, else the case's reply date."""
        if not self.answered:
            return None
        return self.answered_on or self.case.reply_date

    @property
    def on_time(self) -> bool | None:
        """Answered by the due date; None when not answered or without a due date."""
        day, due = self.answered_day, self.case.due_date
        if day is None or due is None:
            return None
        return day <= due

    @property
    def days_to_answer(self) -> int | None:
        day, assigned = self.answered_day, self.case.assigned_date
        if day is None or assigned is None:
            return None
        return (dt.date.fromisoformat(day) - dt.date.fromisoformat(assigned)).days


@dataclass(frozen=True)
class Tally:
    label: str
    count: int


@dataclass(frozen=True)
class YearReport:
    year: int
    session: str | None
    total: int
    by_kind: tuple[Tally, ...]
    by_role: tuple[Tally, ...]
    by_category: tuple[Tally, ...]
    by_status: tuple[Tally, ...]
    by_satisfaction: tuple[Tally, ...]
    answered: int
    with_due: int  # answered cases with a due date (the on-time rate's base)
    on_time: int
    overdue_open: int  # not answered and past the due date (on ``today``)
    average_days: float | None
    opinions_expected: int
    opinions_received: int
    opinions_on_time: int
    opinions_overdue: int
    undated: int  # cases (of the session) counted in no year
    cases: tuple[CaseFacts, ...] = field(default=(), repr=False)

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.with_due if self.with_due else None

    @property
    def opinions_on_time_rate(self) -> float | None:
        return self.opinions_on_time / self.opinions_received if self.opinions_received else None

    def to_json(self) -> dict[str, object]:
        def tallies(ts: tuple[Tally, ...]) -> dict[str, int]:
            return {t.label: t.count for t in ts}

        return {
            "year": self.year,
            "session": self.session,
            "total": self.total,
            "by_kind": tallies(self.by_kind),
            "by_role": tallies(self.by_role),
            "by_category": tallies(self.by_category),
            "by_status": tallies(self.by_status),
            "by_satisfaction": tallies(self.by_satisfaction),
            "answered": self.answered,
            "answered_with_due_date": self.with_due,
            "on_time": self.on_time,
            "on_time_rate": _rounded(self.on_time_rate),
            "overdue_open": self.overdue_open,
            "average_days_to_answer": _rounded(self.average_days, 1),
            "opinions_expected": self.opinions_expected,
            "opinions_received": self.opinions_received,
            "opinions_on_time": self.opinions_on_time,
            "opinions_on_time_rate": _rounded(self.opinions_on_time_rate),
            "opinions_overdue": self.opinions_overdue,
            "undated": self.undated,
            "case_ids": [f.case.id for f in self.cases],
        }


def _rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def case_year(case: Case) -> int | None:
    """The year a case is counted in (see the module's rules)."""
    for day in (case.assigned_date, case.due_date, case.reply_date):
        if day:
            return int(day[:4])
    return None


def _ordered(counter: Counter[str], order: Sequence[str]) -> tuple[Tally, ...]:
    """Every label of ``order`` (zeros too), then any other label met, by count."""
    rest = sorted((k for k in counter if k not in order), key=lambda k: (-counter[k], k))
    return tuple(Tally(k, counter[k]) for k in [*order, *rest])


def _category_label(case: Case) -> str:
    return case.category.strip().removesuffix("类") or NO_CATEGORY


def count_year(
    facts: Iterable[CaseFacts],
    year: int,
    *,
    session: str | None = None,
    categories: Sequence[str] = ("A", "B", "C"),
    today: dt.date | None = None,
) -> YearReport:
    """The year's report over ``facts`` (all the library's cases, or already narrowed)."""
    every = [f for f in facts if session is None or f.case.session == session]
    chosen = tuple(f for f in every if case_year(f.case) == year)
    cases = [f.case for f in chosen]
    answered = [f for f in chosen if f.answered]
    timed = [f.on_time for f in answered if f.on_time is not None]
    days = [d for f in answered if (d := f.days_to_answer) is not None]
    opinions = _opinion_counts(chosen, today or dt.date.today())
    return YearReport(
        year=year,
        session=session,
        total=len(chosen),
        by_kind=_ordered(Counter(c.kind_word for c in cases), KINDS),
        by_role=tuple(
            Tally(label, sum(c.organizer == key for c in cases))
            for key, label in ROLE_LABELS.items()
        ),
        by_category=_ordered(
            Counter(_category_label(c) for c in cases), [*categories, NO_CATEGORY]
        ),
        by_status=_ordered(
            Counter(STATUSES.get(c.status, c.status) for c in cases), list(STATUSES.values())
        ),
        by_satisfaction=_ordered(
            Counter(f.satisfaction or NO_FEEDBACK for f in answered), [*SATISFACTION, NO_FEEDBACK]
        ),
        answered=len(answered),
        with_due=len(timed),
        on_time=sum(timed),
        overdue_open=_overdue_open(chosen, today or dt.date.today()),
        average_days=sum(days) / len(days) if days else None,
        opinions_expected=opinions[0],
        opinions_received=opinions[1],
        opinions_on_time=opinions[2],
        opinions_overdue=opinions[3],
        undated=sum(case_year(f.case) is None for f in every),
        cases=chosen,
    )


def _overdue_open(facts: Sequence[CaseFacts], today: dt.date) -> int:
    iso = today.isoformat()
    return sum(
        1 for f in facts if not f.answered and f.case.due_date is not None and f.case.due_date < iso
    )


def _opinion_counts(facts: Sequence[CaseFacts], today: dt.date) -> tuple[int, int, int, int]:
    """(expected, received, received on time, overdue) over the main-organizer cases."""
    iso = today.isoformat()
    ops = [o for f in facts if f.case.organizer == "main" for o in f.opinions]
    received = [o for o in ops if o.received]
    on_time = sum(1 for o in received if o.due is None or (o.received or "") <= o.due)
    overdue = sum(1 for o in ops if not o.received and o.due is not None and o.due < iso)
    return len(ops), len(received), on_time, overdue
