"""Backups: copy the library, check a copy, put one back.

They work on the library file, not an open store: a damaged library can still be copied, and
a restore needs every connection closed (the window closes its own first).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.paths import backups_dir
from desktop.store.backup import (
    BackupInfo,
    RestoreResult,
    check_backup,
    daily_backup_if_due,
    find_good_backup,
    is_damage,
    library_problem,
    make_backup,
    restore_backup,
)

DB_SUFFIXES = (".db", ".sqlite", ".sqlite3")


@dataclass(frozen=True)
class BackupMade:
    """A backup written and checked."""

    library: Path
    path: Path
    info: BackupInfo


def folder(db_path: Path) -> Path:
    """Where the backups of this library go unless the clerk says otherwise."""
    return backups_dir(db_path)


def back_up(db_path: Path, to: Path | None = None) -> BackupMade:
    """Copy the library: into ``to`` (a folder: named by date; a ``.db`` name: that file) or
    the backups folder beside it, then check the copy. Raises ``BackupError``."""
    if to is not None and to.suffix.lower() in DB_SUFFIXES and not to.is_dir():
        made = make_backup(db_path, reason="manual", target_file=to)
    else:
        made = make_backup(db_path, to or backups_dir(db_path), reason="manual")
    return BackupMade(db_path, made, check_backup(made))


def check(path: Path) -> BackupInfo:
    """What a backup holds, after checking it can be restored. Raises ``BackupError``."""
    return check_backup(path)


def restore(path: Path, db_path: Path) -> RestoreResult:
    """Replace the library with a checked backup; the current library is kept aside. Every
    connection to the library must be closed. Raises ``BackupError``."""
    return restore_backup(path, db_path)


def daily(db_path: Path) -> Path | None:
    """At start: the day's backup when there is none yet for today; its path, or None.
    Raises ``BackupError``."""
    return daily_backup_if_due(db_path)


def damage(db_path: Path) -> str | None:
    """Why the library file is damaged (``PRAGMA quick_check``), or None when it looks fine."""
    return library_problem(db_path)


def damaged(exc: BaseException) -> bool:
    """Whether an error opening the library says its file is damaged (a backup may help)."""
    return is_damage(exc)


def newest_good(db_path: Path) -> tuple[BackupInfo | None, list[tuple[Path, str]]]:
    """The newest backup of the library that passes :func:`check`, and the newer ones that
    did not (with the reason)."""
    return find_good_backup(backups_dir(db_path))


__all__ = [
    "BackupInfo",
    "BackupMade",
    "RestoreResult",
    "back_up",
    "check",
    "daily",
    "damage",
    "damaged",
    "folder",
    "newest_good",
    "restore",
]
