"""Putting a backup back in place of the library. See :mod:`desktop.store.backup`."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.paths import backups_dir
from desktop.store.backup_check import BackupInfo, check_backup, open_read_only
from desktop.store.backup_files import (
    LOCK_TIMEOUT,
    LOCKED_MESSAGE,
    REPLACE_RETRIES,
    REPLACE_RETRY_DELAY,
    BackupError,
    check_copy,
    copy_database,
    fsync_dir,
    name_for,
    remove_with_sidecars,
    same_file,
    write_failed,
)
from desktop.store.errors import is_busy, is_damage
from desktop.store.leftovers import remove_leftovers
from desktop.store.open_files import is_open_library


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo  # the backup that was put back
    library: Path  # the library file, now holding the backup's content
    kept: Path | None  # where the library as it was before is kept (None: there was none)

    def to_json(self) -> dict[str, Any]:
        return {
            "backup": self.info.to_json(),
            "library": str(self.library),
            "kept": str(self.kept) if self.kept else None,
        }


def _check_not_busy(db: Path, timeout: float) -> bool:
    """Refuse when another program is writing (``BEGIN IMMEDIATE`` times out). Returns False
    when the file cannot be read as a database at all (damaged: nobody can be using it)."""
    try:
        conn = sqlite3.connect(str(db), timeout=timeout, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return True
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise BackupError(LOCKED_MESSAGE) from exc
        return False
    finally:
        conn.close()


def _settle(db: Path, timeout: float) -> None:
    """Make the library one self-contained file (its WAL checkpointed into it and removed).

    Leaving the WAL mode needs the library to itself: SQLite refuses while any other
    connection — another window, a command, a background search — has it open, so this is
    also the check that nobody is using it. A stale ``-wal`` would be replayed onto the
    restored file and damage it."""
    conn = sqlite3.connect(str(db), timeout=timeout, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE").fetchall()
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise BackupError(LOCKED_MESSAGE) from exc
        if is_damage(exc):
            return  # kept aside as it was; its -wal is removed before the swap
        raise
    finally:
        conn.close()
    if str(mode).lower() == "wal":
        raise BackupError(LOCKED_MESSAGE)


def _keep_aside(db: Path, folder: Path, now: dt.datetime, readable: bool) -> Path:
    """A copy of the current library in the backups folder, before it is replaced.

    A library SQLite can still read is copied with the backup API (its WAL included); a
    damaged one byte for byte, with its ``-wal`` beside the copy."""
    folder.mkdir(parents=True, exist_ok=True)
    target = name_for(folder, "before-restore", now)
    part = target.with_name(target.name + ".part")
    try:
        if readable:
            conn = sqlite3.connect(str(db), timeout=5.0, isolation_level=None)
            try:
                copy_database(conn, part)
                os.replace(part, target)
                return target
            except sqlite3.DatabaseError as exc:
                if not is_damage(exc):
                    raise
                remove_with_sidecars(part)
            finally:
                conn.close()
        _copy_bytes(db, part)
        os.replace(part, target)
        wal = Path(f"{db}-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            _copy_bytes(wal, Path(f"{target}-wal"))
        return target
    except BaseException:
        remove_with_sidecars(part)
        remove_with_sidecars(target)
        raise


def _copy_bytes(src: Path, dest: Path) -> None:
    if is_open_library(src) or is_open_library(dest):
        raise RuntimeError(f"{src} is open through SQLite in this process: copying it with "
                           "open() would drop that connection's locks")  # fmt: skip
    with open(src, "rb") as fin, open(dest, "wb") as fout:
        while chunk := fin.read(1 << 20):
            fout.write(chunk)
        fout.flush()
        os.fsync(fout.fileno())


def _replace(src: Path, dest: Path) -> None:
    for attempt in range(REPLACE_RETRIES):
        try:
            os.replace(src, dest)
            return
        except PermissionError:  # Windows: the file is open in another program
            if attempt == REPLACE_RETRIES - 1:
                raise
            time.sleep(REPLACE_RETRY_DELAY)


def restore_backup(
    backup: Path,
    db_path: Path,
    *,
    lock_timeout: float = LOCK_TIMEOUT,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Replace the library with a backup.

    In order: check the backup (:func:`check_backup`); refuse when another program uses the
    library; keep the current library aside as ``backups/library-<stamp>-before-restore.db``;
    copy the backup to a temporary file beside the library and check the copy; then make the
    library one file (:func:`_settle`, refused while anyone has it open) and swap the copy in
    with one :func:`os.replace`. Any failure before the swap leaves the library as it was
    (and removes the copies made on the way); the swap itself is atomic.

    The restored file may have an older schema: opening it with ``LibraryStore`` migrates it
    (with its usual before-migration copy). Raises :class:`BackupError`."""
    backup, db = Path(backup), Path(db_path)
    info, current = _check_both(backup, db)
    readable = _check_not_busy(db, lock_timeout) if current else False
    kept: Path | None = None
    temp = db.with_name(f".{db.name}.restore-{os.getpid()}.part")
    try:
        if current:
            kept = _keep_aside_or_refuse(db, now or dt.datetime.now(), readable)
        _copy_backup(backup, temp, db)
        _swap_in(temp, db, readable, lock_timeout)
    except BaseException:
        remove_with_sidecars(temp)
        if kept is not None:
            remove_with_sidecars(kept)
        raise
    return RestoreResult(info, db, kept)


def _check_both(backup: Path, db: Path) -> tuple[BackupInfo, bool]:
    """The backup's content once it is checked, and whether there is a current library (not
    open in this process) to keep aside."""
    if is_open_library(db):
        # Every connection of this process must be closed first: the file is replaced and
        # its -wal removed under them (and a plain copy would drop their locks).
        raise BackupError(LOCKED_MESSAGE)
    remove_leftovers(db, backups_dir(db))
    info = check_backup(backup)
    if same_file(backup, db):
        raise BackupError("这个文件就是当前的资料库，不能用它自己来恢复。")
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        return info, db.is_file() and db.stat().st_size > 0
    except OSError as exc:
        raise write_failed(exc, db.parent, "资料库") from exc


def _keep_aside_or_refuse(db: Path, now: dt.datetime, readable: bool) -> Path:
    folder = backups_dir(db)
    try:
        return _keep_aside(db, folder, now, readable)
    except (OSError, sqlite3.Error) as exc:
        raise write_failed(exc, folder, "当前资料库的留存副本") from exc


def _copy_backup(backup: Path, temp: Path, db: Path) -> None:
    """The backup copied to ``temp`` beside the library, and the copy checked."""
    remove_with_sidecars(temp)
    source = open_read_only(backup)
    try:
        copy_database(source, temp)
    except (OSError, sqlite3.Error) as exc:
        raise write_failed(exc, db.parent, "恢复的资料库") from exc
    finally:
        source.close()
    result = check_copy(temp)
    if result != "ok":
        raise BackupError(f"恢复的副本没有通过检查（{result}），资料库没有改动。")


def _swap_in(temp: Path, db: Path, readable: bool, lock_timeout: float) -> None:
    """Make the library one file, remove its sidecars, and put ``temp`` in its place."""
    if readable:
        try:
            _settle(db, lock_timeout)
        except sqlite3.Error as exc:
            raise BackupError(f"无法整理当前资料库（{exc}），资料库没有改动。") from exc
    # Nothing of the old file may be replayed onto the new one.
    for side in (Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
        try:
            side.unlink(missing_ok=True)
        except OSError as exc:  # Windows: still open in another program
            raise BackupError(LOCKED_MESSAGE) from exc
    try:
        _replace(temp, db)
    except PermissionError as exc:
        raise BackupError(LOCKED_MESSAGE) from exc
    except OSError as exc:
        raise write_failed(exc, db.parent, "资料库") from exc
    fsync_dir(db.parent)
