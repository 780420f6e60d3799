"""Backups of the library, and putting one back. No Qt here.

Every copy is made with SQLite's online backup API (consistent while the library is in use),
written to ``<name>.part`` and renamed into place only when complete, and stored as one
self-contained file (rollback journal mode, no ``-wal``/``-shm`` beside it).

Backups live in the ``backups`` folder beside the library (:func:`desktop.paths.backups_dir`)
and are named ``library-2026-11-21-0930-<reason>.db`` (``-2``, ``-3`` … when that name is
taken), the reason being one of:

- ``daily`` — made at start by :func:`daily_backup_if_due`, at most one per calendar day.
  :func:`rotate` keeps the newest ``DAILY_KEEP`` (10) of them and deletes older ones.
- ``manual`` — "Back up now" / ``replydesk backup``. Never deleted automatically.
- ``before-restore`` — the library as it was before :func:`restore_backup` replaced it. Never
  deleted automatically.
- ``before-migration`` — the copy ``LibraryStore`` takes before a schema migration (through
  ``store.backups``, :mod:`desktop.store.backups`). Never deleted automatically. Older versions
  named it ``before-migration-20261121-093000.db``; such files are still listed as
  before-migration copies.

A damaged library is never backed up (the copy is checked with ``PRAGMA quick_check``): a
daily copy of damaged data must not push the last good copies out of the rotation.

What can go wrong ends as :class:`BackupError` with ``message`` in plain Chinese. Whatever
goes wrong, the current library is left exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from desktop.paths import backups_dir

# Checking and restoring live in their own modules; their names stay importable from here.
from desktop.store.backup_check import (
    BackupInfo,
    check_backup,
    find_good_backup,
    library_problem,
    open_read_only,
)
from desktop.store.backup_files import (
    DAILY_KEEP,
    REASONS,
    BackupError,
    BackupFile,
    HasConnection,
    check_copy,
    copy_database,
    describe,
    fsync_dir,
    list_backups,
    name_for,
    remove_with_sidecars,
    rotate,
    same_file,
    write_failed,
)
from desktop.store.errors import is_damage
from desktop.store.leftovers import remove_leftovers
from desktop.store.open_files import read_only_location
from desktop.store.restore import RestoreResult, restore_backup

__all__ = [
    "DAILY_KEEP",
    "REASONS",
    "BackupError",
    "BackupFile",
    "BackupInfo",
    "RestoreResult",
    "check_backup",
    "daily_backup_if_due",
    "describe",
    "find_good_backup",
    "is_damage",
    "library_problem",
    "list_backups",
    "make_backup",
    "restore_backup",
    "rotate",
]


def _connect_library(db: Path) -> sqlite3.Connection:
    if not db.is_file() or db.stat().st_size == 0:
        raise BackupError(f"资料库文件“{db}”不存在或是空的，没有可备份的内容。")
    if read_only_location(db):  # a read-only medium: copy it elsewhere without writing there
        return open_read_only(db)
    return sqlite3.connect(str(db), timeout=5.0, isolation_level=None)


def make_backup(
    source: HasConnection | str | Path,
    target_dir: Path | None = None,
    *,
    reason: str = "manual",
    target_file: Path | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Copy the library (an open ``LibraryStore`` or the library file's path) and return the
    copy's path: ``target_file`` when given, else a new name in ``target_dir`` (default: the
    ``backups`` folder beside the library).

    Raises :class:`BackupError` when the library is missing or damaged, or the copy cannot be
    written (full disk …); no partial file is left behind."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    store_conn: sqlite3.Connection | None = None
    if isinstance(source, str | Path):
        db = Path(source)
    else:
        db = Path(source.path)
        store_conn = source.db.conn
    target = _target(db, target_dir, target_file, reason, now)
    part = target.with_name(target.name + ".part")
    remove_leftovers(db, target.parent)
    conn = store_conn if store_conn is not None else _connect_library(db)
    try:
        _copy_checked(conn, db, part)
        try:
            os.replace(part, target)
        except OSError as exc:
            raise write_failed(exc, target.parent, "备份") from exc
        fsync_dir(target.parent)
        return target
    finally:
        remove_with_sidecars(part)
        if store_conn is None:
            conn.close()


def _target(
    db: Path,
    target_dir: Path | None,
    target_file: Path | None,
    reason: str,
    now: dt.datetime | None,
) -> Path:
    """Where the copy goes: ``target_file`` (refused when it exists), else a new name for
    ``reason`` in ``target_dir`` or the backups folder; the folder is made."""
    if target_file is not None:
        folder = Path(target_file).parent
    else:
        folder = Path(target_dir) if target_dir is not None else backups_dir(db)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_failed(exc, folder, "备份") from exc
    if target_file is None:
        return name_for(folder, reason, now or dt.datetime.now())
    target = Path(target_file)
    if target.exists():
        if same_file(target, db):
            raise BackupError("备份文件不能就是资料库文件本身，请换一个文件名。")
        raise BackupError(f"“{target}”已经存在。为免覆盖，请换一个文件名或文件夹。")
    return target


def _copy_checked(conn: sqlite3.Connection, db: Path, part: Path) -> None:
    """Copy the library into ``part`` and check the copy; a damaged library is refused."""
    try:
        remove_with_sidecars(part)
        copy_database(conn, part)
    except (OSError, sqlite3.Error) as exc:
        if isinstance(exc, sqlite3.DatabaseError) and is_damage(exc):
            raise _damaged_library(db, str(exc)) from exc
        raise write_failed(exc, part.parent, "备份") from exc
    except UnicodeDecodeError as exc:
        raise _damaged_library(db, "其中的文字无法读取") from exc
    result = check_copy(part)
    if result != "ok":
        raise _damaged_library(db, result)


def _damaged_library(db: Path, detail: str) -> BackupError:
    return BackupError(
        f"资料库“{db}”已损坏（{detail}），没有生成备份，以免挤掉完好的旧备份。"
        "可以用“从备份恢复”找回以前的资料。"
    )


def daily_backup_if_due(
    db_path: Path, *, keep: int = DAILY_KEEP, now: dt.datetime | None = None
) -> Path | None:
    """At start: the day's backup when there is none yet for today (then older daily backups
    beyond ``keep`` are deleted). Returns the new copy's path, or None when none was due (or
    there is no library yet). Raises :class:`BackupError`."""
    db = Path(db_path)
    now = now or dt.datetime.now()
    folder = backups_dir(db)
    today = now.date()
    if any(b.reason == "daily" and b.made_at.date() == today for b in list_backups(folder)):
        return None
    if not db.is_file() or db.stat().st_size == 0:
        return None
    made = make_backup(db, folder, reason="daily", now=now)
    rotate(folder, keep)
    return made
