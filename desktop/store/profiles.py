"""The agency profile as the library keeps it (``store.profile``): values as JSON, files (the
seal) as bytes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from desktop.library_rows import StoredFile
from desktop.profile import AgencyProfile
from desktop.store.audit import AuditRepository

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase


class ProfileRepository:
    """The agency profile (``store.profile``); holds the store's connection."""

    def __init__(self, db: LibraryDatabase, audit: AuditRepository | None = None) -> None:
        self._db = db
        self._audit = audit or AuditRepository(db)

    def load(self) -> AgencyProfile:
        data = {r[0]: json.loads(r[1]) for r in self._db.execute("SELECT key, value FROM profile")}
        return AgencyProfile.from_json(data)

    def is_sample(self) -> bool:
        """True until the clerk has stored an agency name (first-start dialog, Settings,
        ``profile set agency_name``): letters would be signed by the sample agency."""
        row = self._db.execute("SELECT 1 FROM profile WHERE key = 'agency_name'").fetchone()
        return row is None

    def set_value(self, key: str, value: Any) -> None:
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO profile (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )
            self._audit.record("profile.changed", "profile", detail=key)

    def set_file(self, key: str, name: str, data: bytes) -> None:
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO profile_files (key, name, data) VALUES (?, ?, ?)"
                " ON CONFLICT(key) DO UPDATE SET name = excluded.name, data = excluded.data",
                [key, name, data],
            )
            self._audit.record("profile.changed", "profile", detail=f"{key}: {name}")

    def delete_file(self, key: str) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM profile_files WHERE key = ?", [key])
            self._audit.record("profile.changed", "profile", detail=f"{key}: 删除")

    def get_file(self, key: str) -> StoredFile | None:
        row = self._db.execute(
            "SELECT name, data FROM profile_files WHERE key = ?", [key]
        ).fetchone()
        return StoredFile(row[0], bytes(row[1])) if row else None
