"""The backups of an open library, as the store exposes them: ``store.backups``.

What it offers is about the library's content and says nothing of the engine: make a copy
(:meth:`BackupRepository.make`), list the copies (:meth:`~BackupRepository.all`), check one
(:meth:`~BackupRepository.check`), find the newest good one
(:meth:`~BackupRepository.newest_good`). Paths, reasons and :class:`BackupInfo` are plain
values; no SQLite type crosses this interface.

The copying itself is SQLite-specific and stays in :mod:`desktop.store.backup`: a copy is
taken with SQLite's online backup API through a connection of its own to the library file
(so it works inside the store's own write transaction, which the migration holds while it
takes its before-migration copy), as one self-contained file. A PostgreSQL library would
implement the same methods with its own dump.

Putting a backup back is not here: it replaces the library file, so every connection to it —
this store's included — must be closed first. That is :func:`desktop.store.restore.
restore_backup`, called with the library path once the store is closed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.store.backup import (
    BackupFile,
    BackupInfo,
    check_backup,
    find_good_backup,
    list_backups,
    make_backup,
)


class BackupRepository:
    """The backups folder of one library (``backups`` beside it unless the store was opened
    with another ``backup_dir``)."""

    def __init__(self, library: Path, folder: Path) -> None:
        self.library = Path(library)
        self.folder = Path(folder)

    def make(
        self,
        reason: str = "manual",
        *,
        target_file: Path | None = None,
        now: dt.datetime | None = None,
    ) -> Path:
        """A checked copy of the library as last committed, named for ``reason`` (one of
        ``REASONS``) in the backups folder, or written to ``target_file``. Raises
        ``BackupError`` (damaged library, full disk …); no partial file is left."""
        if target_file is not None:
            return make_backup(self.library, reason=reason, target_file=target_file, now=now)
        return make_backup(self.library, self.folder, reason=reason, now=now)

    def all(self) -> list[BackupFile]:
        """The copies in the backups folder, newest first."""
        return list_backups(self.folder)

    def check(self, path: Path) -> BackupInfo:
        """What a backup holds once it is known that it can be restored; ``BackupError``
        says why it cannot."""
        return check_backup(path)

    def newest_good(self) -> tuple[BackupInfo | None, list[tuple[Path, str]]]:
        """The newest copy that passes :meth:`check`, and the newer ones that did not."""
        return find_good_backup(self.folder)
