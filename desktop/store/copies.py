"""Whole cases read out of one library and written into another exactly as they were
(``store.copies``): what moving a PC's library onto the office server, and making a local copy
of the server's, need beyond the letters (which travel as packs do: ``store.packs``).

A copied case keeps its times, its status history, every draft version with its number, time,
note and source, the working copy, the co-organizers' opinions and the feedback. The
repositories' own ``save``/``record`` methods cannot do that: they stamp everything "now" and
number versions from 1 again. Everything here runs inside the caller's transaction
(``store.transaction()``): a batch of cases is kept whole or not at all.

The SQL is the portable kind both engines read (``?`` placeholders, no SQLite-only function).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.casework import Case, Draft
from desktop.library_rows import DraftVersion, StoredFile
from desktop.lifecycle import RecordedOpinion
from desktop.store.case_lifecycle import FeedbackRow, StatusChange

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase


@dataclass(frozen=True)
class SavedVersion:
    """One saved version of a case's draft with its content."""

    info: DraftVersion
    draft: Draft


@dataclass(frozen=True)
class CaseRecord:
    """A case with everything the library keeps about it, ready to be written elsewhere.
    ``replies`` are the case's filed replies as ``{round: letter id}`` in the library it was
    read from; the letter ids of ``opinions`` are that library's too."""

    case: Case
    created_at: str
    updated_at: str
    history: list[StatusChange] = field(default_factory=list)
    versions: list[SavedVersion] = field(default_factory=list)
    # (clerk, saved_at, working copy): each clerk's unsaved edits, with whose they are
    autosaves: list[tuple[str, str, Draft]] = field(default_factory=list)
    opinions: list[tuple[RecordedOpinion, str]] = field(default_factory=list)  # recorded_at
    feedback: list[FeedbackRow] = field(default_factory=list)
    replies: dict[int, int] = field(default_factory=dict)


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class CopyRepository:
    """Cases and the profile read and written whole (``store.copies``)."""

    def __init__(self, db: LibraryDatabase) -> None:
        self._db = db

    # ----------------------------------------------------------------- cases
    def case_ids(self) -> list[int]:
        return [int(r[0]) for r in self._db.execute("SELECT id FROM cases ORDER BY id")]

    def read_case(self, case_id: int) -> CaseRecord | None:
        """The case and everything kept about it (one read transaction), or None."""
        with self._db.snapshot():
            row = self._db.execute(
                "SELECT data, created_at, updated_at, assignee FROM cases WHERE id = ?",
                [case_id],
            ).fetchone()
            if row is None:
                return None
            data = json.loads(row[0])
            data.pop("assignee", None)  # the column's (m015)
            return CaseRecord(
                case=Case(id=case_id, assignee=row[3], **data),
                created_at=row[1],
                updated_at=row[2],
                history=self._history(case_id),
                versions=self._versions(case_id),
                autosaves=self._autosaves(case_id),
                opinions=self._opinions(case_id),
                feedback=self._feedback(case_id),
                replies=self._replies(case_id),
            )

    def _history(self, case_id: int) -> list[StatusChange]:
        return [
            StatusChange(int(r[0]), case_id, r[1], r[2], r[3], int(r[4]), r[5], r[6])
            for r in self._db.execute(
                "SELECT id, status, previous, date, round, note, recorded_at"
                " FROM case_status_history WHERE case_id = ? ORDER BY id",
                [case_id],
            )
        ]

    def _versions(self, case_id: int) -> list[SavedVersion]:
        return [
            SavedVersion(
                DraftVersion(int(r[0]), r[1], r[2], r[3], r[4], r[6]),
                Draft.from_json(json.loads(r[5])),
            )
            for r in self._db.execute(
                "SELECT version, saved_at, note, source, restored_from, content, clerk"
                " FROM draft_versions WHERE case_id = ? ORDER BY version",
                [case_id],
            )
        ]

    def _autosaves(self, case_id: int) -> list[tuple[str, str, Draft]]:
        return [
            (r[0], r[1], Draft.from_json(json.loads(r[2])))
            for r in self._db.execute(
                "SELECT clerk, saved_at, content FROM autosave WHERE case_id = ? ORDER BY clerk",
                [case_id],
            ).fetchall()
        ]

    def _opinions(self, case_id: int) -> list[tuple[RecordedOpinion, str]]:
        return [
            (RecordedOpinion(r[0], r[1], r[2], r[3]), r[4])
            for r in self._db.execute(
                "SELECT unit, received, letter_id, remarks, recorded_at FROM case_opinions"
                " WHERE case_id = ? ORDER BY id",
                [case_id],
            )
        ]

    def _feedback(self, case_id: int) -> list[FeedbackRow]:
        return [
            FeedbackRow(case_id, int(r[0]), r[1], r[2], r[3], r[4])
            for r in self._db.execute(
                "SELECT round, answer, date, remarks, recorded_at FROM case_feedback"
                " WHERE case_id = ? ORDER BY round",
                [case_id],
            )
        ]

    def _replies(self, case_id: int) -> dict[int, int]:
        return {
            int(r[0]): int(r[1])
            for r in self._db.execute(
                "SELECT coalesce(case_round, 1), min(id) FROM letters WHERE case_id = ?"
                " GROUP BY coalesce(case_round, 1)",
                [case_id],
            )
        }

    def write_case(self, record: CaseRecord, letter_ids: dict[int, int]) -> int:
        """Write the case as a new case of this library; returns its id here. ``letter_ids``
        maps the other library's letter ids to this one's (opinions and replies follow;
        a letter not mapped is left out of the link). The caller holds the transaction and
        has checked that no case of the same session and number is here."""
        case = record.case
        data = case.to_json()
        data.pop("id", None)
        data.pop("assignee", None)
        # The draft revision is the newest version's number (m015: saves are checked on it).
        revision = max((v.info.version for v in record.versions), default=0)
        with self._db.atomic():
            cur = self._db.execute(
                "INSERT INTO cases (number, session, title, data, status, due_date, created_at,"
                " updated_at, assignee, draft_revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " RETURNING id",
                [case.number, case.session, case.title, _dump(data), case.status,
                 case.due_date, record.created_at, record.updated_at, case.assignee, revision],
            )  # fmt: skip
            case_id = int(cur.fetchone()[0])
            self._write_history(case_id, record.history)
            self._write_versions(case_id, record.versions)
            for clerk, saved_at, draft in record.autosaves:
                self._db.execute(
                    "INSERT INTO autosave (case_id, clerk, saved_at, content) VALUES (?, ?, ?, ?)",
                    [case_id, clerk, saved_at, _dump(draft.to_json())],
                )
            self._write_opinions(case_id, record.opinions, letter_ids)
            self._write_feedback(case_id, record.feedback)
            for round_, letter_id in record.replies.items():
                if letter_id in letter_ids:
                    self._db.execute(
                        "UPDATE letters SET case_id = ?, case_round = ? WHERE id = ?",
                        [case_id, round_, letter_ids[letter_id]],
                    )
        return case_id

    def _write_history(self, case_id: int, history: list[StatusChange]) -> None:
        for h in history:
            self._db.execute(
                "INSERT INTO case_status_history (case_id, status, previous, date, round, note,"
                " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [case_id, h.status, h.previous, h.date, h.round, h.note, h.recorded_at],
            )

    def _write_versions(self, case_id: int, versions: list[SavedVersion]) -> None:
        for v in versions:
            self._db.execute(
                "INSERT INTO draft_versions (case_id, version, saved_at, note, content, source,"
                " restored_from, clerk) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [case_id, v.info.version, v.info.saved_at, v.info.note,
                 _dump(v.draft.to_json()), v.info.source, v.info.restored_from, v.info.clerk],
            )  # fmt: skip

    def _write_opinions(
        self, case_id: int, opinions: list[tuple[RecordedOpinion, str]], letter_ids: dict[int, int]
    ) -> None:
        for o, recorded_at in opinions:
            letter = letter_ids.get(o.letter_id) if o.letter_id is not None else None
            self._db.execute(
                "INSERT INTO case_opinions (case_id, unit, received, letter_id, remarks,"
                " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                [case_id, o.unit, o.received, letter, o.remarks, recorded_at],
            )

    def _write_feedback(self, case_id: int, feedback: list[FeedbackRow]) -> None:
        for f in feedback:
            self._db.execute(
                "INSERT INTO case_feedback (case_id, round, answer, date, remarks, recorded_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [case_id, f.round, f.answer, f.date, f.remarks, f.recorded_at],
            )

    # ----------------------------------------------------------------- profile
    def profile_values(self) -> dict[str, Any]:
        """The stored profile values by key (only what was set: defaults are not stored)."""
        return {r[0]: json.loads(r[1]) for r in self._db.execute("SELECT key, value FROM profile")}

    def profile_files(self) -> dict[str, StoredFile]:
        """The files kept in the profile (the seal) by key."""
        return {
            r[0]: StoredFile(r[1], bytes(r[2]))
            for r in self._db.execute("SELECT key, name, data FROM profile_files")
        }
