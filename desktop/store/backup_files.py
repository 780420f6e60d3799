"""What every backup module shares: names in the backups folder, the error, copying with
SQLite's backup API. See :mod:`desktop.store.backup`."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

from desktop.errors import ClerkError
from desktop.store.errors import is_disk_full

DAILY_KEEP: Final = 10
REASONS: Final = ("daily", "manual", "before-migration", "before-restore")
SQLITE_HEADER: Final = b"SQLite format 3\x00"
MIGRATIONS_TABLE: Final = "_sqlite_migrations"
LOCK_TIMEOUT: Final = 2.0  # seconds to wait for another program's write to finish

_NAME_RE: Final = re.compile(
    r"^library-(?P<stamp>\d{4}-\d{2}-\d{2}-\d{4})-(?P<reason>"
    + "|".join(REASONS)
    + r")(?:-(?P<n>\d+))?\.db\Z"
)
_STORE_MIGRATION_RE: Final = re.compile(
    r"^before-migration-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.db\Z"
)
_STAMP: Final = "%Y-%m-%d-%H%M"
_DISK_FULL_ERRNOS: Final = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None
)
REPLACE_RETRIES: Final = 5
REPLACE_RETRY_DELAY: Final = 0.1

LOCKED_MESSAGE: Final = (
    "资料库正被其他程序使用（可能是另一个答复助手窗口或命令），现在不能恢复。"
    "请关闭其他答复助手窗口后再试。"
)


class BackupError(ClerkError):
    """A backup could not be made, checked or restored; ``message`` is plain Chinese."""

    def __init__(self, message: str):
        super().__init__(message)


class HasConnection(Protocol):  # a LibraryStore (sqlite-utils Database in .db)
    path: Path
    db: Any


@dataclass(frozen=True)
class BackupFile:
    """A file in the backups folder, as its name describes it."""

    path: Path
    reason: str  # one of REASONS, or "other"
    made_at: dt.datetime  # from the name, else the file's modification time


# ----------------------------------------------------------------------------------------------
# Names and listing


def name_for(folder: Path, reason: str, now: dt.datetime) -> Path:
    stamp = now.strftime(_STAMP)
    target = folder / f"library-{stamp}-{reason}.db"
    n = 2
    while target.exists() or target.with_name(target.name + ".part").exists():
        target = folder / f"library-{stamp}-{reason}-{n}.db"
        n += 1
    return target


def describe(path: Path) -> BackupFile:
    m = _NAME_RE.match(path.name)
    if m:
        made = dt.datetime.strptime(m["stamp"], _STAMP)
        return BackupFile(path, m["reason"], made)
    m = _STORE_MIGRATION_RE.match(path.name)
    if m:
        return BackupFile(
            path, "before-migration", dt.datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
        )
    return BackupFile(path, "other", dt.datetime.fromtimestamp(path.stat().st_mtime))


def list_backups(folder: Path) -> list[BackupFile]:
    """The ``*.db`` files in a backups folder, newest first (by the time in their name)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.db"):
        with contextlib.suppress(OSError):
            if path.is_file():
                found.append(describe(path))
    # Same minute: the later copy of the same kind has the higher -N; ties keep names stable.
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def rotate(folder: Path, keep: int = DAILY_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` daily backups; returns what was deleted.

    Manual, before-restore and before-migration copies (and files of any other name) are
    never touched."""
    daily = [b for b in list_backups(folder) if b.reason == "daily"]
    removed = []
    for old in daily[max(0, keep) :]:
        try:
            old.path.unlink()
            removed.append(old.path)
        except OSError:
            pass  # in use or read-only: try again next time
    return removed


# ----------------------------------------------------------------------------------------------
# Copying


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in _DISK_FULL_ERRNOS
    return is_disk_full(exc)


def _open_destination(path: Path) -> sqlite3.Connection:
    """The connection a copy is written through (tests narrow it to simulate a full disk)."""
    return sqlite3.connect(str(path), isolation_level=None)


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy with the online backup API into ``target`` (a new file), as one self-contained
    file in rollback-journal mode, flushed to disk."""
    dest = _open_destination(target)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def remove_with_sidecars(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        _remove(p)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def quick_check(conn: sqlite3.Connection) -> str:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return "; ".join(str(r[0]) for r in rows[:3])


def check_copy(path: Path) -> str:
    """``PRAGMA quick_check`` of a copy just written (a backup or a restore's part file):
    "ok", or what is wrong with it in words."""
    check = sqlite3.connect(str(path), isolation_level=None)
    try:
        return quick_check(check)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    except UnicodeDecodeError:  # SQLite's message quotes damaged, non-UTF-8 names
        return "其中的文字无法读取"
    finally:
        check.close()


def write_failed(exc: BaseException, folder: Path, what: str) -> BackupError:
    if _is_disk_full(exc):
        return BackupError(f"磁盘空间不足，无法在“{folder}”写入{what}。请清理磁盘后再试。")
    reason = getattr(exc, "strerror", None) or str(exc)
    return BackupError(f"无法在“{folder}”写入{what}（{reason}）。")


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False
