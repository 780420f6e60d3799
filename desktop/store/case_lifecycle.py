"""Where each case stands, as the library keeps it (issue 13): the dated status history
(``store.case_history``), the co-organizers' opinions (``store.opinions``) and the deputy's or
member's feedback (``store.feedback``), with migration m014 that makes their tables.

The rules (which moves are allowed, what a round is) are :mod:`desktop.lifecycle`'s; here are
only the rows. Every query other features need — the reminders, the year-end report — is a
method with a plain name: :meth:`CaseHistoryRepository.first_dates`,
:meth:`FeedbackRepository.latest_by_case`, :meth:`OpinionRepository.by_case` …

**Rounds.** A case answered once is round 1. Entering 重新办理 (``redo``: the answer was not
satisfactory) starts round 2, and so on; every history row and every feedback row names its
round, and the reply filed when a round is marked sent is that round's library letter
(``letters.case_round``; NULL on letters filed before m014 = round 1).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop import timestamps
from desktop.lifecycle import LEGACY_STATUSES, RecordedOpinion

if TYPE_CHECKING:
    from sqlite_utils import Database

    from desktop.store.connection import LibraryDatabase

MIGRATED_NOTE = "升级前的状态"  # the note of the history row m014 gives every existing case


def m014_case_lifecycle(db: Database) -> None:
    # Issue 13: seven statuses with a dated history, co-organizers' opinions, feedback, rounds.
    db.executescript(
        """
        CREATE TABLE case_status_history (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            status TEXT NOT NULL,             -- lifecycle.STATUSES key
            previous TEXT,                    -- NULL on the case's first row
            date TEXT NOT NULL,               -- ISO date the change happened (the clerk's)
            round INTEGER NOT NULL DEFAULT 1, -- 2 from the first 重新办理 on
            note TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL         -- when it was written (UTC, timestamps.now)
        );
        CREATE INDEX case_status_history_case ON case_status_history(case_id, id);

        CREATE TABLE case_opinions (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            unit TEXT NOT NULL,               -- the co-organizer
            received TEXT,                    -- ISO date; NULL: not received yet
            letter_id INTEGER REFERENCES letters(id) ON DELETE SET NULL,
            remarks TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            UNIQUE (case_id, unit)
        );

        CREATE TABLE case_feedback (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            round INTEGER NOT NULL,
            answer TEXT NOT NULL CHECK (answer IN ('satisfied', 'basically', 'unsatisfied')),
            date TEXT,
            remarks TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            UNIQUE (case_id, round)
        );

        ALTER TABLE letters ADD COLUMN case_round INTEGER;
        """
    )
    _migrate_statuses(db)


def _migrate_statuses(db: Database) -> None:
    """Old ids take their new names (``awaiting`` → ``signoff``) in the column and the JSON,
    and every case gets a first history row: its status, dated by its reply date when it was
    answered, else by the day it was last changed (local time)."""
    now = timestamps.now()
    for case_id, status, data, updated in db.execute(
        "SELECT id, status, data, updated_at FROM cases"
    ).fetchall():
        values = json.loads(data)
        new = LEGACY_STATUSES.get(status, status)
        if new != status or values.get("status") != new:
            values["status"] = new
            db.execute(
                "UPDATE cases SET status = ?, data = ? WHERE id = ?",
                [new, json.dumps(values, ensure_ascii=False), case_id],
            )
        date = values.get("reply_date") if new == "sent" else None
        date = date or timestamps.to_local(updated).date().isoformat()
        db.execute(
            "INSERT INTO case_status_history (case_id, status, previous, date, round, note,"
            " recorded_at) VALUES (?, ?, NULL, ?, 1, ?, ?)",
            [case_id, new, date, MIGRATED_NOTE, now],
        )


@dataclass(frozen=True)
class StatusChange:
    """One row of a case's status history: it entered ``status`` (from ``previous``) on
    ``date``, in ``round``."""

    id: int
    case_id: int
    status: str
    previous: str | None
    date: str
    round: int
    note: str
    recorded_at: str


@dataclass(frozen=True)
class FeedbackRow:
    """The deputy's or member's answer on one round's reply."""

    case_id: int
    round: int
    answer: str  # lifecycle.FEEDBACK key: satisfied | basically | unsatisfied
    date: str | None
    remarks: str
    recorded_at: str


_HISTORY_COLUMNS = "id, case_id, status, previous, date, round, note, recorded_at"


def _change(row: Any) -> StatusChange:
    return StatusChange(int(row[0]), int(row[1]), row[2], row[3], row[4], int(row[5]), row[6],
                        row[7])  # fmt: skip


class CaseHistoryRepository:
    """The cases' dated status changes (``store.case_history``)."""

    def __init__(self, db: LibraryDatabase) -> None:
        self._db = db

    def record(
        self, case_id: int, status: str, *, previous: str | None, date: str, note: str = ""
    ) -> StatusChange:
        """Write that the case entered ``status`` on ``date``. Entering ``redo`` starts the
        next round; any other status stays in the current one. (Called by
        ``store.cases`` when a case is created or its status changes.)"""
        with self._db.atomic():
            current = self.current_round(case_id)
            round_ = current + 1 if status == "redo" and previous is not None else current
            cur = self._db.execute(
                "INSERT INTO case_status_history (case_id, status, previous, date, round, note,"
                " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [case_id, status, previous, date, round_, note, timestamps.now()],
            )
            row = self._db.execute(
                f"SELECT {_HISTORY_COLUMNS} FROM case_status_history WHERE id = ?",
                [cur.lastrowid],
            ).fetchone()
        return _change(row)

    def of_case(self, case_id: int) -> list[StatusChange]:
        """The case's status changes, oldest first (the order they were recorded)."""
        return [
            _change(r)
            for r in self._db.execute(
                f"SELECT {_HISTORY_COLUMNS} FROM case_status_history WHERE case_id = ? ORDER BY id",
                [case_id],
            )
        ]

    def last(self, case_id: int) -> StatusChange | None:
        """The case's newest status change."""
        row = self._db.execute(
            f"SELECT {_HISTORY_COLUMNS} FROM case_status_history WHERE case_id = ?"
            " ORDER BY id DESC LIMIT 1",
            [case_id],
        ).fetchone()
        return _change(row) if row else None

    def current_round(self, case_id: int) -> int:
        """The case's round: 1, or 2 and more after 重新办理."""
        row = self._db.execute(
            "SELECT coalesce(max(round), 1) FROM case_status_history WHERE case_id = ?",
            [case_id],
        ).fetchone()
        return int(row[0])

    def rounds(self) -> dict[int, int]:
        """{case id: its current round} for every case with a history."""
        return {
            int(r[0]): int(r[1])
            for r in self._db.execute(
                "SELECT case_id, max(round) FROM case_status_history GROUP BY case_id"
            )
        }

    def first_dates(self, status: str, *, round_: int | None = None) -> dict[int, str]:
        """{case id: the date it first entered ``status``} (in ``round_`` when given). With
        ``"sent"`` and round 1: when each case was first answered — the report's days to
        answer and on-time rate count from it."""
        sql = "SELECT case_id, min(date) FROM case_status_history WHERE status = ?"
        params: list[Any] = [status]
        if round_ is not None:
            sql += " AND round = ?"
            params.append(round_)
        return {int(r[0]): str(r[1]) for r in self._db.execute(sql + " GROUP BY case_id", params)}

    def first_sent_dates(self) -> dict[int, str]:
        """{case id: the date its first reply went out (已答复, round 1)}."""
        return self.first_dates("sent", round_=1)

    def all_by_case(self) -> dict[int, list[StatusChange]]:
        """Every case's history, oldest first (one query, for reports)."""
        out: dict[int, list[StatusChange]] = {}
        for r in self._db.execute(
            f"SELECT {_HISTORY_COLUMNS} FROM case_status_history ORDER BY case_id, id"
        ):
            out.setdefault(int(r[1]), []).append(_change(r))
        return out


class OpinionRepository:
    """The co-organizers' opinions on main-organizer cases (``store.opinions``)."""

    def __init__(self, db: LibraryDatabase) -> None:
        self._db = db

    def record(
        self,
        case_id: int,
        unit: str,
        *,
        received: str | None,
        letter_id: int | None = None,
        remarks: str | None = None,
    ) -> None:
        """Set what is known of ``unit``'s opinion on the case. A received date, letter or
        remarks given before are kept when not given again (None)."""
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO case_opinions (case_id, unit, received, letter_id, remarks,"
                " recorded_at) VALUES (?, ?, ?, ?, coalesce(?, ''), ?)"
                " ON CONFLICT(case_id, unit) DO UPDATE SET"
                " received = coalesce(excluded.received, case_opinions.received),"
                " letter_id = coalesce(excluded.letter_id, case_opinions.letter_id),"
                " remarks = CASE WHEN ? IS NULL THEN case_opinions.remarks"
                " ELSE excluded.remarks END, recorded_at = excluded.recorded_at",
                [case_id, unit, received, letter_id, remarks, timestamps.now(), remarks],
            )

    def remove(self, case_id: int, unit: str) -> bool:
        with self._db.atomic():
            cur = self._db.execute(
                "DELETE FROM case_opinions WHERE case_id = ? AND unit = ?", [case_id, unit]
            )
        return bool(cur.rowcount)

    def of_case(self, case_id: int) -> list[RecordedOpinion]:
        """The opinions recorded for the case, in the order they were first recorded."""
        return [
            RecordedOpinion(r[0], r[1], r[2], r[3])
            for r in self._db.execute(
                "SELECT unit, received, letter_id, remarks FROM case_opinions"
                " WHERE case_id = ? ORDER BY id",
                [case_id],
            )
        ]

    def by_case(self) -> dict[int, list[RecordedOpinion]]:
        """{case id: its recorded opinions} for every case with one (reminders, report).
        Units with nothing recorded are not here: :func:`desktop.lifecycle.opinion_states`
        adds the case's other co-organizers as expected or overdue."""
        out: dict[int, list[RecordedOpinion]] = {}
        for r in self._db.execute(
            "SELECT case_id, unit, received, letter_id, remarks FROM case_opinions"
            " ORDER BY case_id, id"
        ):
            out.setdefault(int(r[0]), []).append(RecordedOpinion(r[1], r[2], r[3], r[4]))
        return out


_FEEDBACK_COLUMNS = "case_id, round, answer, date, remarks, recorded_at"


def _feedback(row: Any) -> FeedbackRow:
    return FeedbackRow(int(row[0]), int(row[1]), row[2], row[3], row[4], row[5])


class FeedbackRepository:
    """The deputies' and members' feedback, one per case and round (``store.feedback``)."""

    def __init__(self, db: LibraryDatabase) -> None:
        self._db = db

    def record(
        self, case_id: int, round_: int, answer: str, *, date: str | None, remarks: str = ""
    ) -> None:
        """Store the answer on round ``round_``'s reply (replacing one recorded before)."""
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO case_feedback (case_id, round, answer, date, remarks, recorded_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(case_id, round) DO UPDATE SET"
                " answer = excluded.answer, date = excluded.date, remarks = excluded.remarks,"
                " recorded_at = excluded.recorded_at",
                [case_id, round_, answer, date, remarks, timestamps.now()],
            )

    def of_case(self, case_id: int) -> list[FeedbackRow]:
        """The case's feedback, round 1 first."""
        return [
            _feedback(r)
            for r in self._db.execute(
                f"SELECT {_FEEDBACK_COLUMNS} FROM case_feedback WHERE case_id = ? ORDER BY round",
                [case_id],
            )
        ]

    def latest_by_case(self) -> dict[int, FeedbackRow]:
        """{case id: the feedback on its newest answered round} — what the case's
        satisfaction is now (a 不满意 followed by a second round's 满意 counts as 满意)."""
        return {
            int(r[0]): _feedback(r)
            for r in self._db.execute(
                f"SELECT {_FEEDBACK_COLUMNS} FROM case_feedback f WHERE round ="
                " (SELECT max(round) FROM case_feedback g WHERE g.case_id = f.case_id)"
            )
        }

    def first_by_case(self) -> dict[int, FeedbackRow]:
        """{case id: the feedback on its first reply (round 1)} — the satisfaction of the
        first answer, before any second round."""
        return {
            int(r[0]): _feedback(r)
            for r in self._db.execute(
                f"SELECT {_FEEDBACK_COLUMNS} FROM case_feedback WHERE round = 1"
            )
        }


def local_today() -> str:
    """Today's date on this machine: the day a change made now is dated by default."""
    return dt.date.today().isoformat()
