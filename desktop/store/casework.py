"""Cases (``store.cases``) and drafts with their versions and working copies
(``store.drafts``): the SQL of the drafting work. The agency profile:
:mod:`desktop.store.profiles`."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop import timestamps
from desktop.casework import STATUSES, Case, CaseExists, Draft
from desktop.clerks import CaseNotYours, DraftConflict, clean_name
from desktop.library_rows import DraftVersion, PendingAutosave
from desktop.store.audit import AuditRepository
from desktop.store.case_lifecycle import CaseHistoryRepository, local_today

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase


def _now() -> str:
    return timestamps.now()  # UTC with its offset, shown in local time


class CaseRepository:
    """The cases of the library (``store.cases``); holds the store's connection."""

    def __init__(
        self,
        db: LibraryDatabase,
        drafts: DraftRepository,
        history: CaseHistoryRepository,
        audit: AuditRepository | None = None,
    ) -> None:
        self._db = db
        self._drafts = drafts
        self._history = history
        self._audit = audit or AuditRepository(db)

    def save(
        self,
        case: Case,
        *,
        update: bool = False,
        status_date: str | None = None,
        status_note: str = "",
    ) -> int:
        """Insert a new case, or update the one with ``case.id``.

        A case without an id whose session and number are already in the library raises
        ``CaseExists`` (another window or a command line made it) unless ``update`` says
        to change that case: nothing is ever overwritten by accident.

        The status history follows (``store.case_history``): a new case's first row is its
        status on its assignment date (today without one); a saved case whose status changed
        gets a row dated ``status_date`` (today by default). Whether the move is allowed is
        the caller's rule (``actions.cases``, :mod:`desktop.lifecycle`)."""
        data = case.to_json()
        data.pop("id", None)
        # The assignee is the column's alone: ``assign`` changes it (an administrator's
        # action), a saved case never overwrites a newer assignment.
        data.pop("assignee", None)
        payload = json.dumps(data, ensure_ascii=False)
        now = _now()
        with self._db.atomic():
            case_id = case.id
            if case_id is None:
                row = self._db.execute(
                    "SELECT id FROM cases WHERE session = ? AND number = ?",
                    [case.session, case.number],
                ).fetchone()
                if row is not None and not update:
                    raise CaseExists(int(row[0]), case.session, case.number)
                case_id = row[0] if row else None
            if case_id is None:
                cur = self._db.execute(
                    """INSERT INTO cases (number, session, title, data, status, due_date,
                       created_at, updated_at, assignee) VALUES (?,?,?,?,?,?,?,?,?)""",
                    [case.number, case.session, case.title, payload, case.status,
                     case.due_date, now, now, clean_name(case.assignee)],
                )  # fmt: skip
                case_id = int(cur.lastrowid or 0)
                first = status_date or case.assigned_date or local_today()
                self._history.record(case_id, case.status, previous=None, date=first)
                self._audit.record("case.created", "case", case_id, case_id=case_id,
                                   detail=_case_label(case))  # fmt: skip
                if case.assignee:
                    self._audit.record("case.assigned", "case", case_id, case_id=case_id,
                                       detail=clean_name(case.assignee))  # fmt: skip
            else:
                before = self._stored_status(case_id)
                cur = self._db.execute(
                    """UPDATE cases SET number = ?, session = ?, title = ?, data = ?, status = ?,
                       due_date = ?, updated_at = ? WHERE id = ?""",
                    [case.number, case.session, case.title, payload, case.status,
                     case.due_date, now, case_id],
                )  # fmt: skip
                self._check_changed(cur.rowcount, case_id)
                self._audit.record("case.changed", "case", case_id, case_id=case_id,
                                   detail=_case_label(case))  # fmt: skip
                if before != case.status:
                    self._history.record(case_id, case.status, previous=before,
                                         date=status_date or local_today(),
                                         note=status_note)  # fmt: skip
                    self._audit.record("case.status", "case", case_id, case_id=case_id,
                                       detail=_moved(before, case.status))  # fmt: skip
        case.id = case_id
        return case_id

    def hold(self, case_id: int) -> Case | None:
        """The case as stored now, its row held until the caller's transaction ends (another
        clerk's save of it waits): what a save compares with what the clerk started from."""
        self._db.execute("UPDATE cases SET updated_at = updated_at WHERE id = ?", [case_id])
        return self.get(case_id)

    def _check_changed(self, rowcount: int, case_id: int) -> None:
        if rowcount == 0 and (refused := refusal(self._db, case_id, self._audit.clerk)):
            raise refused

    def _stored_status(self, case_id: int) -> str | None:
        row = self._db.execute("SELECT status FROM cases WHERE id = ?", [case_id]).fetchone()
        return str(row[0]) if row else None

    def status_of(self, case_id: int) -> str | None:
        """The case's stored status (None: no such case), without reading the whole case."""
        return self._stored_status(case_id)

    def find(self, session: str, number: str) -> int | None:
        row = self._db.execute(
            "SELECT id FROM cases WHERE session = ? AND number = ?", [session, number]
        ).fetchone()
        return int(row[0]) if row else None

    def save_with_draft(
        self,
        case: Case,
        draft: Draft,
        *,
        source: str,
        update: bool = False,
        note: str = "",
        before_commit: Callable[[], object] | None = None,
        based_on: int | None = None,
    ) -> tuple[int, int]:
        """Save the case and a new draft version in one transaction: ``(case_id, version)``.

        ``before_commit`` runs inside the transaction once both rows are written (the
        library's write lock is held): when it raises, neither row is kept. The command line
        writes the DOCX there, so a busy or read-only library refuses before any file is
        written and a failed write leaves the library as it was."""
        with self._db.atomic():
            case_id = self.save(case, update=update)
            version = self._drafts.save(case_id, draft, note=note, source=source,
                                        based_on=based_on)  # fmt: skip
            if before_commit is not None:
                before_commit()
        return case_id, version

    def get(self, case_id: int) -> Case | None:
        row = self._db.execute(
            "SELECT id, data, assignee FROM cases WHERE id = ?", [case_id]
        ).fetchone()
        return _case(row) if row else None

    def assign(self, case_id: int, clerk: str) -> bool:
        """Give the case to ``clerk`` ("" = to nobody). False when it was theirs already
        (nothing written). Raises ``KeyError`` for an unknown case."""
        name = clean_name(clerk)
        with self._db.atomic():
            row = self._db.execute(
                "SELECT assignee FROM cases WHERE id = ?", [case_id]
            ).fetchone()
            if row is None:
                raise KeyError(case_id)
            if row[0] == name:
                return False
            self._db.execute(
                "UPDATE cases SET assignee = ?, updated_at = ? WHERE id = ?",
                [name, _now(), case_id],
            )
            self._audit.record("case.assigned", "case", case_id, case_id=case_id,
                               detail=f"{row[0]} → {name}" if row[0] else name)  # fmt: skip
        return True

    def assignees(self) -> list[str]:
        """The clerks cases are assigned to, each once, sorted."""
        rows = self._db.execute(
            "SELECT DISTINCT assignee FROM cases WHERE assignee <> '' ORDER BY assignee"
        ).fetchall()
        return [str(r[0]) for r in rows]

    def accounts(self) -> list[str]:
        """On the office server, the login accounts of its clerks and administrators: whom a
        case is assigned to there (desktop/store/server_roles.py). [] in a library file."""
        if self._db.engine != "postgresql":
            return []
        from desktop.store.server_roles import login_accounts

        return login_accounts(self._db)

    def set_status(
        self, case_id: int, status: str, *, date: str | None = None, note: str = ""
    ) -> bool:
        """Change only the status (the column and the case's JSON agree) and record the
        change in the history, dated ``date`` (today by default). False when the case had
        that status already (nothing written). Raises ``KeyError`` for an unknown case."""
        with self._db.atomic():
            row = self._db.execute(
                "SELECT data, status FROM cases WHERE id = ?", [case_id]
            ).fetchone()
            if row is None:
                raise KeyError(case_id)
            if row[1] == status:
                return False
            data = json.loads(row[0])
            data["status"] = status
            cur = self._db.execute(
                "UPDATE cases SET status = ?, data = ?, updated_at = ? WHERE id = ?",
                [status, json.dumps(data, ensure_ascii=False), _now(), case_id],
            )
            self._check_changed(cur.rowcount, case_id)
            self._history.record(case_id, status, previous=row[1],
                                 date=date or local_today(), note=note)  # fmt: skip
            self._audit.record("case.status", "case", case_id, case_id=case_id,
                               detail=_moved(row[1], status))  # fmt: skip
        return True

    def delete(self, case_id: int) -> bool:
        """Delete a case with its draft versions and working copy. False when it is gone."""
        with self._db.atomic():
            self._db.execute("DELETE FROM autosave WHERE case_id = ?", [case_id])
            self._db.execute("DELETE FROM draft_versions WHERE case_id = ?", [case_id])
            for table in ("case_status_history", "case_opinions", "case_feedback"):
                self._db.execute(f"DELETE FROM {table} WHERE case_id = ?", [case_id])
            cur = self._db.execute("DELETE FROM cases WHERE id = ?", [case_id])
            if cur.rowcount:
                self._audit.record("case.deleted", "case", case_id, case_id=case_id)
        return bool(cur.rowcount)

    def sessions(self) -> list[str]:
        """The sessions cases were filed under, each once, sorted (the case dialog offers
        them): one query, not every case read to find them."""
        rows = self._db.execute(
            "SELECT DISTINCT session FROM cases WHERE session <> '' ORDER BY session"
        ).fetchall()
        return [str(r[0]) for r in rows]

    def all(self) -> list[Case]:
        rows = self._db.execute(
            "SELECT id, data, assignee FROM cases ORDER BY coalesce(due_date, '9999'), id"
        ).fetchall()
        return [_case(r) for r in rows]


class DraftRepository:
    """The cases' draft versions and working copies (``store.drafts``)."""

    def __init__(self, db: LibraryDatabase, audit: AuditRepository | None = None) -> None:
        self._db = db
        self._audit = audit or AuditRepository(db)

    # ----------------------------------------------------------------- drafts
    def save(
        self,
        case_id: int,
        draft: Draft,
        note: str = "",
        *,
        source: str = "",
        restored_from: int | None = None,
        based_on: int | None = None,
    ) -> int:
        """Save the draft as the case's newest version; returns its version number, which is
        the case's new draft revision.

        ``based_on``: the revision the clerk's text started from (0: no version yet). When
        another version was saved since (another clerk, window or command), nothing is saved
        and :class:`~desktop.clerks.DraftConflict` carries the other version. None saves
        without the check (a new draft made from scratch, a restore). ``source`` says where
        it came from (a key of ``casework.DRAFT_SOURCES``). The same save made again (this
        clerk, this text, on the same revision) returns the version it made the first time."""
        with self._db.atomic():
            row = self._db.execute(
                "SELECT draft_revision FROM cases WHERE id = ?", [case_id]
            ).fetchone()
            current = int(row[0]) if row else self._newest_version(case_id)
            expected = current if based_on is None else based_on
            version = max(expected, self._newest_version(case_id)) + 1
            # Compare and set in one statement: on a server a second clerk's save waits for
            # the first one's row lock, then finds the revision moved and changes nothing.
            cur = self._db.execute(
                "UPDATE cases SET draft_revision = ? WHERE id = ? AND draft_revision = ?",
                [version, case_id, expected],
            )
            content = json.dumps(draft.to_json(), ensure_ascii=False)
            if row is not None and cur.rowcount == 0:
                # Nobody moved the revision: the server refused the row (another's case).
                if self.revision(case_id) == expected and (
                    refused := refusal(self._db, case_id, self._audit.clerk)
                ):
                    raise refused
                if based_on is not None and self._saved_already(case_id, based_on, content):
                    return based_on + 1
                raise self._conflict(case_id, expected, draft)
            self._db.execute(
                """INSERT INTO draft_versions (case_id, version, saved_at, note, content,
                   source, restored_from, clerk) VALUES (?,?,?,?,?,?,?,?)""",
                [case_id, version, _now(), note, content, source, restored_from,
                 self._audit.clerk],
            )  # fmt: skip
            self._audit.record("draft.saved", "draft", version, case_id=case_id, detail=note)
        return version

    def _saved_already(self, case_id: int, based_on: int, content: str) -> bool:
        """Whether this very save was made already: the case's newest version, right after
        ``based_on``, is this clerk's with this text. A save whose confirmation was lost (the
        connection to the server broke as it committed) and that is tried again is no
        conflict with itself: nothing is saved twice."""
        if self.revision(case_id) != based_on + 1:
            return False
        row = self._db.execute(
            "SELECT clerk, content FROM draft_versions WHERE case_id = ? AND version = ?",
            [case_id, based_on + 1],
        ).fetchone()
        return row is not None and (row[0], row[1]) == (self._audit.clerk, content)

    def _newest_version(self, case_id: int) -> int:
        row = self._db.execute(
            "SELECT coalesce(max(version), 0) FROM draft_versions WHERE case_id = ?", [case_id]
        ).fetchone()
        return int(row[0])

    def _conflict(self, case_id: int, based_on: int, mine: Draft) -> DraftConflict:
        revision = self.revision(case_id)
        row = self._db.execute(
            "SELECT clerk, saved_at FROM draft_versions WHERE case_id = ? AND version = ?",
            [case_id, revision],
        ).fetchone()
        return DraftConflict(
            case_id, based_on=based_on, revision=revision, clerk=row[0] if row else "",
            saved_at=row[1] if row else "", theirs=self.load(case_id, revision), mine=mine,
        )  # fmt: skip

    def revision(self, case_id: int) -> int:
        """The case's draft revision: the number of its newest saved version (0: none)."""
        row = self._db.execute(
            "SELECT draft_revision FROM cases WHERE id = ?", [case_id]
        ).fetchone()
        return int(row[0]) if row else 0

    def versions(self, case_id: int) -> list[DraftVersion]:
        """The case's saved versions, oldest first: version, saved_at, note, source,
        restored_from, clerk."""
        return [
            DraftVersion(r[0], r[1], r[2], r[3], r[4], r[5])
            for r in self._db.execute(
                "SELECT version, saved_at, note, source, restored_from, clerk"
                " FROM draft_versions WHERE case_id = ? ORDER BY version",
                [case_id],
            )
        ]  # fmt: skip

    def load(self, case_id: int, version: int | None = None) -> Draft | None:
        if version is None:
            row = self._db.execute(
                "SELECT content FROM draft_versions WHERE case_id = ? ORDER BY version DESC"
                " LIMIT 1",
                [case_id],
            ).fetchone()
        else:
            row = self._db.execute(
                "SELECT content FROM draft_versions WHERE case_id = ? AND version = ?",
                [case_id, version],
            ).fetchone()
        return Draft.from_json(json.loads(row[0])) if row else None

    def restore(self, case_id: int, version: int) -> int:
        """Make an old version the newest again (history stays linear: nothing is lost)."""
        draft = self.load(case_id, version)
        if draft is None:
            raise KeyError(version)
        return self.save(
            case_id, draft, note=f"恢复自第 {version} 版", source="restore", restored_from=version
        )

    # ----------------------------------------------------------------- autosave
    # The working copy is the clerk's own (m016): her unsaved edits, never another clerk's.
    # A copy from before m016 (clerk '') counts as hers: it was the PC library's one clerk's.
    _MINE = "clerk IN (?, '')"

    def autosave(self, case_id: int, draft: Draft) -> None:
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO autosave (case_id, clerk, saved_at, content) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(case_id, clerk) DO UPDATE SET saved_at = excluded.saved_at,"
                " content = excluded.content",
                [case_id, self._audit.clerk, _now(),
                 json.dumps(draft.to_json(), ensure_ascii=False)],
            )  # fmt: skip
            self._db.execute(
                "DELETE FROM autosave WHERE case_id = ? AND clerk = ''", [case_id]
            )  # hers now replaces the one from before m016

    def autosave_of(self, case_id: int) -> Draft | None:
        """This clerk's working copy of the case (edits not saved as a version yet), if any."""
        row = self._db.execute(
            f"SELECT content FROM autosave WHERE case_id = ? AND {self._MINE}"
            " ORDER BY clerk DESC LIMIT 1",
            [case_id, self._audit.clerk],
        ).fetchone()
        return Draft.from_json(json.loads(row[0])) if row else None

    def clear_autosave(self, case_id: int) -> None:
        with self._db.atomic():
            self._db.execute(
                f"DELETE FROM autosave WHERE case_id = ? AND {self._MINE}",
                [case_id, self._audit.clerk],
            )

    def pending_autosaves(self) -> list[PendingAutosave]:
        """This clerk's working copies left by a session that ended without saving (a crash,
        a power cut); another clerk's are hers to recover."""
        found: dict[int, PendingAutosave] = {}
        for r in self._db.execute(
            f"SELECT case_id, saved_at, content FROM autosave WHERE {self._MINE}"
            " ORDER BY case_id, clerk DESC",  # hers before one from before m016
            [self._audit.clerk],
        ).fetchall():
            found.setdefault(int(r[0]), PendingAutosave(int(r[0]), r[1],
                                                        Draft.from_json(json.loads(r[2]))))
        return list(found.values())

def refusal(db: LibraryDatabase, case_id: int, clerk: str) -> CaseNotYours | None:
    """Why a write to a case or its drafts was refused or reached no row: the case is assigned
    to another clerk (on the office server a clerk's account changes only its own cases and
    unassigned ones: desktop/store/pg/own_cases.py, where an UPDATE the policy filters changes
    nothing and says nothing). None when the case is gone or is ``clerk``'s."""
    row = db.execute("SELECT assignee FROM cases WHERE id = ?", [case_id]).fetchone()
    if row is None or row[0] in ("", clerk):
        return None
    return CaseNotYours(case_id, str(row[0]))


def _case(row: Any) -> Case:
    data = json.loads(row[1])
    data.pop("assignee", None)
    return Case(id=int(row[0]), assignee=row[2] or "", **data)


def _moved(before: str | None, after: str) -> str:
    """A status move in the clerk's words: 起草中 → 已答复."""
    return f"{STATUSES.get(before or '', before or '')} → {STATUSES.get(after, after)}"


def _case_label(case: Case) -> str:
    return f"{case.session}第{case.number}号 {case.title}".strip()
