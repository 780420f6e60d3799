"""The year-end report: count a year's cases and write them out as a workbook or a document.

The window's report page and ``replydesk report`` call the same functions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import ClerkError
from desktop.lifecycle import FEEDBACK, opinion_states
from desktop.report import CaseFacts, OpinionFact, YearReport, case_year, count_year

if TYPE_CHECKING:
    from desktop.casework import Case
    from desktop.store import LibraryStore
    from desktop.store.case_lifecycle import StatusChange


class NoCasesThatYear(ClerkError):
    """The report would be empty: said once, plainly, instead of writing empty tables."""


@dataclass(frozen=True)
class ReportScope:
    """The years and sessions the library's cases cover (what the report page offers)."""

    years: tuple[int, ...]  # newest first
    sessions: tuple[str, ...]


def scope(*, store: LibraryStore) -> ReportScope:
    cases = store.cases.all()
    years = sorted({y for c in cases if (y := case_year(c)) is not None}, reverse=True)
    return ReportScope(tuple(years), tuple(store.cases.sessions()))


def first_sent(history: list[StatusChange]) -> str | None:
    """The day the case's first reply went out: its first move into 已答复 in round 1. A case
    stored already answered (a list imported after the fact, a library from before the
    history) has no such move; its reply date stands for it (:class:`CaseFacts`)."""
    for change in history:
        if change.status == "sent" and change.round == 1 and change.previous is not None:
            return change.date
    return None


def case_facts(*, store: LibraryStore, today: dt.date | None = None) -> list[CaseFacts]:
    """Every case with what the report counts besides its fields: when its first reply went
    out (the status history), the deputy's or member's latest answer, and the co-organizers'
    opinions on a case we lead (one query each)."""
    co_months = store.profile.load().co_due_months
    history = store.case_history.all_by_case()
    feedback = store.feedback.latest_by_case()
    recorded = store.opinions.by_case()
    day = today or dt.date.today()

    def opinions(case: Case) -> tuple[OpinionFact, ...]:
        if case.organizer != "main":
            return ()
        mine = recorded.get(case.id or 0, [])
        states = opinion_states(
            case.co_organizers, case.assigned_date, mine, co_months=co_months, today=day
        )
        return tuple(OpinionFact(s.unit, s.expected_by, s.received) for s in states)

    facts = []
    for case in store.cases.all():
        answer = feedback.get(case.id or 0)
        facts.append(CaseFacts(
            case,
            answered_on=first_sent(history.get(case.id or 0, [])),
            satisfaction=FEEDBACK.get(answer.answer, "") if answer else "",
            opinions=opinions(case),
        ))  # fmt: skip
    return facts


def year_report(
    year: int,
    session: str | None = None,
    *,
    store: LibraryStore,
    today: dt.date | None = None,
) -> YearReport:
    """The counts of ``year`` (of one session when given), over the library's cases."""
    profile = store.profile.load()
    return count_year(
        case_facts(store=store, today=today),
        year,
        session=session or None,
        categories=tuple(profile.categories),
        today=today,
    )


def _require_cases(report: YearReport) -> None:
    if report.total == 0:
        where = f"（{report.session}）" if report.session else ""
        raise NoCasesThatYear(f"{report.year}年{where}没有案件，未写出报表。")


def write_xlsx(report: YearReport, target: Path, *, agency: str = "") -> Path:
    """The workbook: a summary sheet and one row per case with every field."""
    from desktop.report.workbook import write_workbook

    _require_cases(report)
    return write_workbook(report, Path(target), agency)


def write_docx(report: YearReport, target: Path, *, agency: str = "") -> Path:
    """The report as a Word document: title, the counts as tables, the chart."""
    from desktop.report.document import write_document

    _require_cases(report)
    return write_document(report, Path(target), agency=agency)


def agency_name(*, store: LibraryStore) -> str:
    return store.profile.load().agency_name


def save_report(
    year: int,
    session: str | None,
    target: Path,
    *,
    store: LibraryStore,
    today: dt.date | None = None,
) -> Path:
    """Count the year and write it to ``target``: a workbook for ``.xlsx``, else a document
    (the window's two save buttons)."""
    found = year_report(year, session, store=store, today=today)
    agency = agency_name(store=store)
    if Path(target).suffix.lower() == ".xlsx":
        return write_xlsx(found, target, agency=agency)
    return write_docx(found, target, agency=agency)


__all__ = [
    "NoCasesThatYear",
    "ReportScope",
    "agency_name",
    "case_facts",
    "first_sent",
    "save_report",
    "scope",
    "write_docx",
    "write_xlsx",
    "year_report",
]
