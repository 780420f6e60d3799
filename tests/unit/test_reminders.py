"""Reminders: which cases ``actions.reminders.due_cases`` and ``replydesk case due`` list, in a
real library, on a fixed day (the action) or relative to the real day (the command line)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.actions import profile as profile_actions
from desktop.actions import reminders
from desktop.casework import Case, case_from_json
from desktop.profile import ProfileError, parse_profile_value
from desktop.store import LibraryStore

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 6, 10)
SESSION = "市十七届人大五次会议"


def a_case(number: str, due: dt.date | None, status: str = "drafting", **more: object) -> Case:
    return case_from_json(
        {"number": number, "session": SESSION, "title": f"关于第{number}号事项的建议",
         "proposers": "陈立", "due_date": due.isoformat() if due else None, "status": status,
         **more}
    )  # fmt: skip


def library(store: LibraryStore, today: dt.date) -> dict[str, int]:
    """Cases around ``today``: {number: id}."""
    days = dt.timedelta
    cases = [
        a_case("3", today + days(3)),  # due in 3 days
        a_case("30", today + days(30)),  # due in a month: not yet
        a_case("5", today - days(5)),  # overdue by 5 days
        a_case("1", today - days(1), status="signoff"),  # overdue by 1, awaiting sign-off
        a_case("0", today, organizer="co", main_organizer="市发改委"),  # due today, co-organizer
        a_case("7", today + days(7)),  # the last day of the window
        a_case("8", today + days(8)),  # the day after it
        a_case("90", today - days(20), status="sent"),  # answered late: not a reminder
        a_case("91", today + days(2), status="sent"),  # answered early
        a_case("99", None),  # no deadline at all
    ]
    return {c.number: store.cases.save(c) for c in cases}


def numbers(cases: tuple[reminders.DueCase, ...]) -> list[str]:
    return [c.number for c in cases]


@pytest.fixture
def store(engine_store: LibraryStore) -> LibraryStore:
    """Every test here that takes ``store`` runs on both engines (tests/conftest.py)."""
    return engine_store


def test_overdue_and_due_soon_on_a_fixed_day(store: LibraryStore) -> None:
    ids = library(store, TODAY)
    found = reminders.due_cases(store=store, today=TODAY, days=7)
    assert numbers(found.overdue) == ["5", "1"]  # most overdue first
    assert [c.days_left for c in found.overdue] == [-5, -1]
    assert numbers(found.due_soon) == ["0", "3", "7"]  # soonest first; 30, 8 and sent ones not
    assert found.count == 5
    soon = found.due_soon[1]
    assert (soon.case_id, soon.days_left, soon.due_date) == (ids["3"], 3, "2026-06-13")
    assert found.due_soon[0].organizer == "co"
    assert found.overdue[1].status == "signoff"


def test_the_window_follows_the_days_asked(store: LibraryStore) -> None:
    library(store, TODAY)
    assert numbers(reminders.due_cases(store=store, today=TODAY, days=0).due_soon) == ["0"]
    assert numbers(reminders.due_cases(store=store, today=TODAY, days=30).due_soon) == [
        "0", "3", "7", "8", "30"
    ]  # fmt: skip
    # Another day, other reminders: a week later cases 0 and 3 are overdue too.
    later = reminders.due_cases(store=store, today=TODAY + dt.timedelta(days=7), days=7)
    assert numbers(later.overdue) == ["5", "1", "0", "3"]
    assert numbers(later.due_soon) == ["7", "8"]


def test_the_profile_setting_is_the_default_window(store: LibraryStore) -> None:
    library(store, TODAY)
    assert store.profile.load().reminder_days == 7
    assert numbers(reminders.due_cases(store=store, today=TODAY).due_soon) == ["0", "3", "7"]
    profile_actions.save({"reminder_days": 30}, store=store, only_changed=True)
    assert reminders.reminder_days(store=store) == 30
    assert numbers(reminders.due_cases(store=store, today=TODAY).due_soon) == [
        "0", "3", "7", "8", "30"
    ]  # fmt: skip


def test_the_setting_is_checked_like_the_other_counts() -> None:
    assert parse_profile_value("reminder_days", " 14 ") == 14
    for bad, says in (("0", "应大于 0"), ("abc", "应为整数"), ("400", "不能超过 365")):
        with pytest.raises(ProfileError) as caught:
            parse_profile_value("reminder_days", bad)
        assert says in caught.value.message
    with pytest.raises(reminders.BadReminderDays):
        reminders.check_days(-1)


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--db", str(db)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip


def test_case_due_on_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    store = LibraryStore(db)
    # Relative to the real day, with margins: a run across midnight lists the same cases.
    ids = library(store, dt.date.today())
    long_ago = (dt.date.today() - dt.timedelta(days=100)).isoformat()
    store.cases.save(a_case("70", dt.date.today() + dt.timedelta(days=60),
                            co_organizers=["市财政局"], assigned_date=long_ago))  # fmt: skip
    store.close()

    shown = cli(db, "case", "due", "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["days"] == 7
    assert [c["number"] for c in data["overdue"]] == ["5", "1"]
    assert {c["number"] for c in data["due_soon"]} == {"0", "3", "7"}
    assert {c["case_id"] for c in data["due_soon"]} == {ids["0"], ids["3"], ids["7"]}
    assert [(o["number"], o["unit"]) for o in data["opinions_overdue"]] == [("70", "市财政局")]

    wide = cli(db, "case", "due", "--days", "31", "--json")
    assert {c["number"] for c in json.loads(wide.stdout)["due_soon"]} == {"0", "3", "7", "8", "30"}

    text = cli(db, "case", "due")
    assert text.returncode == 0, text.stderr
    assert "已超期：2 件" in text.stdout
    assert "7 天内到期：3 件" in text.stdout
    assert "第5号" in text.stdout and "第30号" not in text.stdout and "第90号" not in text.stdout
    assert "协办" in text.stdout  # case 0 is a co-organizer's
    assert "协办意见逾期未收：1 份" in text.stdout and "市财政局" in text.stdout

    bad = cli(db, "case", "due", "--days", "-3")
    assert bad.returncode == 2
    assert "--days：-3 太小（最小 0）" in bad.stderr


def test_closed_is_answered_and_handling_again_is_not(store: LibraryStore) -> None:
    store.cases.save(a_case("40", TODAY - dt.timedelta(days=3), status="closed"))
    store.cases.save(a_case("41", TODAY - dt.timedelta(days=3), status="redo"))
    store.cases.save(a_case("42", TODAY + dt.timedelta(days=1), status="pending"))
    found = reminders.due_cases(store=store, today=TODAY, days=7)
    assert numbers(found.overdue) == ["41"]  # 重新办理: the second answer is still due
    assert numbers(found.due_soon) == ["42"]


def test_co_organizer_opinions_overdue(store: LibraryStore) -> None:
    assigned = {"assigned_date": "2026-04-01"}  # opinions expected by 2026-05-01 (1 month)
    units = ["市财政局", "市教育局", "市住建局"]
    main = store.cases.save(a_case("60", TODAY + dt.timedelta(days=20), co_organizers=units,
                                   **assigned))  # fmt: skip
    store.opinions.record(main, "市教育局", received="2026-04-20")
    # Answered: a missing opinion holds nothing up any more.
    store.cases.save(a_case("61", TODAY - dt.timedelta(days=3), status="sent",
                            co_organizers=["市财政局"], **assigned))  # fmt: skip
    # Assigned ten days ago: the opinion is not due yet.
    store.cases.save(a_case("62", TODAY + dt.timedelta(days=80), co_organizers=["市财政局"],
                            assigned_date=(TODAY - dt.timedelta(days=10)).isoformat()))  # fmt: skip
    # Our own role is co-organizer: we write an opinion, we do not collect any.
    store.cases.save(a_case("63", TODAY + dt.timedelta(days=20), organizer="co",
                            main_organizer="市发改委", co_organizers=["市财政局"],
                            **assigned))  # fmt: skip
    found = reminders.due_cases(store=store, today=TODAY, days=7)
    assert [(o.number, o.unit, o.expected_by, o.days_overdue) for o in found.opinions_overdue] == [
        ("60", "市财政局", "2026-05-01", 40),
        ("60", "市住建局", "2026-05-01", 40),
    ]
    assert found.opinions_overdue[0].case_id == main
    assert numbers(found.overdue) == []  # 61 is late but was answered
    assert found.count == 2
    # The profile's co-organizer months move the expected day: 3 months → 2026-07-01.
    profile_actions.save({"co_due_months": 3}, store=store, only_changed=True)
    assert reminders.due_cases(store=store, today=TODAY, days=7).opinions_overdue == ()


def test_feedback_by_case_is_the_latest_answer(store: LibraryStore) -> None:
    ids = library(store, TODAY)
    store.feedback.record(ids["90"], 1, "unsatisfied", date="2026-06-01")
    store.feedback.record(ids["90"], 2, "basically", date="2026-06-09")
    store.feedback.record(ids["91"], 1, "satisfied", date="2026-06-02")
    latest = reminders.feedback_by_case(store=store)
    assert latest == {ids["90"]: "basically", ids["91"]: "satisfied"}
