"""One convention for time stamps (desktop/timestamps.py): stored in UTC with the offset,
shown in local time; m009 converts the local times older versions stored.

The machine running the tests is often in UTC, where local and UTC look alike: every test
here sets a zone of its own (``TZ`` + ``time.tzset()``) so a wrong conversion shows."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop import timestamps
from desktop.casework import Case, Draft
from desktop.importer import import_paths
from desktop.store import LibraryStore
from desktop.store.schema import MIGRATIONS
from tests.conftest import FIXTURES, SAMPLES

LOCAL_COLUMNS = (
    ("cases", "created_at"),
    ("cases", "updated_at"),
    ("draft_versions", "saved_at"),
    ("autosave", "saved_at"),
)


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    """Run in a time zone: ``zone("Asia/Shanghai")``."""
    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def _values(path: Path) -> dict[tuple[str, str], list[str]]:
    conn = sqlite3.connect(path)
    try:
        return {
            (table, column): [
                r[0] for r in conn.execute(f"SELECT {column} FROM {table} ORDER BY rowid")
            ]
            for table, column in (*LOCAL_COLUMNS, ("letters", "imported_at"))
        }
    finally:
        conn.close()


def _v8_copy(tmp_path: Path) -> Path:
    path = tmp_path / "library.db"
    shutil.copy(FIXTURES / "library-v8.db", path)
    return path


def test_m009_converts_the_local_times_of_a_v8_library_to_utc(
    tmp_path: Path, zone: Callable[[str], None]
) -> None:
    zone("Asia/Shanghai")  # UTC+8 all year
    path = _v8_copy(tmp_path)
    before = _values(path)
    assert before[("cases", "created_at")] == ["2026-11-21T06:47:58"]  # local, no offset
    with LibraryStore(path, backup_dir=tmp_path / "backups") as store:
        assert "m009_utc_timestamps" in store.schema_migrations()
    after = _values(path)
    for key in LOCAL_COLUMNS:
        assert after[key] == [
            (dt.datetime.fromisoformat(v) - dt.timedelta(hours=8)).isoformat() + "+00:00"
            for v in before[key]
        ], key
    assert after[("cases", "created_at")] == ["2026-11-20T22:47:58+00:00"]
    # Already UTC: untouched.
    assert after[("letters", "imported_at")] == before[("letters", "imported_at")]


def test_the_clerk_sees_the_same_local_times_after_the_migration(
    tmp_path: Path, zone: Callable[[str], None]
) -> None:
    zone("America/New_York")
    path = _v8_copy(tmp_path)
    with LibraryStore(path, backup_dir=tmp_path / "backups") as store:
        shown = [timestamps.local_text(v.saved_at) for v in store.drafts.versions(1)]
        (autosaved,) = [
            timestamps.local_text(p.saved_at) for p in store.drafts.pending_autosaves()
        ]
    before = _values(FIXTURES / "library-v8.db")  # what older versions showed: the raw text
    assert shown == before[("draft_versions", "saved_at")]
    assert [autosaved] == before[("autosave", "saved_at")]


def test_an_ambiguous_local_time_is_read_as_its_first_occurrence(
    tmp_path: Path, zone: Callable[[str], None]
) -> None:
    zone("Europe/Berlin")
    path = _v8_copy(tmp_path)
    conn = sqlite3.connect(path)
    with conn:
        # 02:30 happened twice on 25 October 2026 (summer time, then winter time); 02:30 on
        # 29 March 2026 never happened; a value with an offset is only written in UTC; text
        # that is no time stamp is left alone.
        for version, saved in (
            (11, "2026-10-25T02:30:00"),
            (12, "2026-03-29T02:30:00"),
            (13, "2026-06-01T12:00:00+08:00"),
            (14, "yesterday"),
        ):
            conn.execute(
                "INSERT INTO draft_versions (case_id, version, saved_at, note, content)"
                " VALUES (1, ?, ?, '', '{}')",
                [version, saved],
            )
    conn.close()
    with LibraryStore(path, backup_dir=tmp_path / "backups") as store:
        saved_at = {v.version: v.saved_at for v in store.drafts.versions(1)}
    assert saved_at[11] == "2026-10-25T00:30:00+00:00"  # the first 02:30 (+02:00)
    assert saved_at[12] == "2026-03-29T00:30:00+00:00"  # read with the summer-time offset
    assert saved_at[13] == "2026-06-01T04:00:00+00:00"
    assert saved_at[14] == "yesterday"


def test_every_writer_stores_utc_with_its_offset(
    tmp_path: Path, zone: Callable[[str], None]
) -> None:
    zone("Asia/Shanghai")
    with LibraryStore(tmp_path / "library.db") as store:
        list(import_paths(store, sorted(SAMPLES.glob("*.txt"))[:1]))
        case_id = store.cases.save(
            Case(number="7", title="关于科技创新的建议", proposers=["王明"], session="")
        )
        store.drafts.save(case_id, Draft(), "", source="window")
        store.drafts.autosave(case_id, Draft())
        store.cases.set_status(case_id, "sent")
    values = _values(tmp_path / "library.db")
    stamps = [v for column in values.values() for v in column]
    assert len(stamps) == 5  # imported, created, updated, saved, autosaved
    for stamp in stamps:
        moment = dt.datetime.fromisoformat(stamp)
        assert stamp.endswith("+00:00") and moment.utcoffset() == dt.timedelta(0), stamp
        # Shown in local time: eight hours ahead of what is stored.
        assert timestamps.to_local(stamp).utcoffset() == dt.timedelta(hours=8)


def test_local_text_is_the_wall_clock_time_older_versions_stored(
    zone: Callable[[str], None],
) -> None:
    zone("Asia/Shanghai")
    assert timestamps.local_text("2026-11-20T22:47:58+00:00") == "2026-11-21T06:47:58"
    assert timestamps.local_text("2026-11-20T22:47:58+00:00", sep=" ") == "2026-11-21 06:47:58"
    assert timestamps.local_text("2026-11-21T06:47:58") == "2026-11-21T06:47:58"  # pre-m009
    assert timestamps.local_text("not a time") == "not a time"
    assert timestamps.utc_text(dt.datetime(2026, 11, 21, 6, 47, 58)) == "2026-11-20T22:47:58+00:00"


def test_the_v9_fixture_holds_utc_times_only() -> None:
    assert len(MIGRATIONS._migrations) >= 9
    values = _values(FIXTURES / "library-v9.db")
    assert all(v.endswith("+00:00") for column in values.values() for v in column)
    assert len(values[("draft_versions", "saved_at")]) == 4  # v8's three and one saved after
