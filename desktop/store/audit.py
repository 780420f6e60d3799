"""Who created, changed and deleted what, and when (``store.audit``), and the schema of
issue 14's many clerks (m015).

Every repository that changes the library writes its audit row inside the transaction of
the change (a change without its row, or a row without its change, never stays). The newest
row's id is also what a window polls to learn that another clerk changed something
(``latest_id``): one indexed read, the same on every engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop import timestamps
from desktop.clerks import current_clerk
from desktop.library_rows import AuditEntry

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase

# m015 in the portable dialect (desktop/store/portable.py): the same description makes the
# schema on SQLite and on a PostgreSQL server (registered in desktop/store/schema.py).
M015_SQL = """
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    clerk TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    target_id INTEGER,
    case_id INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_case ON audit(case_id, id);
CREATE INDEX audit_target ON audit(target, target_id, id);
-- Who works on the case (经办人); '' = nobody yet.
ALTER TABLE cases ADD COLUMN assignee TEXT NOT NULL DEFAULT '';
CREATE INDEX cases_assignee ON cases(assignee);
-- The number of the case's newest saved draft version: a save states the revision it was
-- based on and is refused when another was saved since (store.drafts.save).
ALTER TABLE cases ADD COLUMN draft_revision INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET draft_revision = (
    SELECT coalesce(max(version), 0) FROM draft_versions WHERE case_id = cases.id);
-- Who saved each version ('' before m015).
ALTER TABLE draft_versions ADD COLUMN clerk TEXT NOT NULL DEFAULT '';
"""


# m016: a working copy (the edits not saved as a version yet) belongs to the clerk who typed
# it — two clerks on one case keep one each, and a window offers back only its clerk's after a
# crash. Those from before are nobody's in particular ('': the PC library's own clerk's).
M016_SQL = """
ALTER TABLE autosave RENAME TO autosave_m015;
CREATE TABLE autosave (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    clerk TEXT NOT NULL DEFAULT '',
    saved_at TEXT NOT NULL,
    content TEXT NOT NULL,
    CONSTRAINT autosave_case_clerk PRIMARY KEY (case_id, clerk)
);
INSERT INTO autosave (case_id, clerk, saved_at, content)
    SELECT case_id, '', saved_at, content FROM autosave_m015;
DROP TABLE autosave_m015;
"""


_COLUMNS = "id, at, clerk, action, target, target_id, case_id, detail"


class AuditRepository:
    """The audit trail (``store.audit``); ``clerk`` is who this store works for."""

    def __init__(self, db: LibraryDatabase, clerk: str | None = None) -> None:
        self._db = db
        self.clerk = clerk or current_clerk()

    def record(
        self,
        action: str,
        target: str,
        target_id: int | None = None,
        *,
        case_id: int | None = None,
        detail: str = "",
    ) -> None:
        """One row, in the caller's transaction (call it inside ``atomic()``)."""
        self._db.execute(
            "INSERT INTO audit (at, clerk, action, target, target_id, case_id, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [timestamps.now(), self.clerk, action, target, target_id, case_id, detail],
        )

    def entries(
        self,
        *,
        case_id: int | None = None,
        letter_id: int | None = None,
        after: int = 0,
        limit: int | None = None,
    ) -> list[AuditEntry]:
        """Rows newest first (``after``: only those with a greater id, oldest first), of one
        case (its drafts included) or one letter when given."""
        where, params = ["id > ?"], [after]
        if case_id is not None:
            where.append("case_id = ?")
            params.append(case_id)
        if letter_id is not None:
            where.append("target = 'letter' AND target_id = ?")
            params.append(letter_id)
        order = "ASC" if after else "DESC"
        sql = f"SELECT {_COLUMNS} FROM audit WHERE {' AND '.join(where)} ORDER BY id {order}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [AuditEntry(*row) for row in self._db.execute(sql, params).fetchall()]

    def latest_id(self) -> int:
        """The newest row's id (0: none): it grows with every change any clerk makes."""
        row = self._db.execute("SELECT max(id) FROM audit").fetchone()
        return int(row[0]) if row and row[0] is not None else 0
