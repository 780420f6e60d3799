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
- ``before-migration`` — also the name ``LibraryStore`` uses for its copy before a schema
  migration (``before-migration-20261121-093000.db``). Never deleted automatically.

A damaged library is never backed up (the copy is checked with ``PRAGMA quick_check``): a
daily copy of damaged data must not push the last good copies out of the rotation.

What can go wrong ends as :class:`BackupError` with ``message`` in plain Chinese. Whatever
goes wrong, the current library is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

from desktop.paths import backups_dir
from desktop.store.open_files import is_open_library
from desktop.store.schema import MIGRATION_SET, known_migration_names

__all__ = [
    "DAILY_KEEP",
    "REASONS",
    "BackupError",
    "BackupFile",
    "BackupInfo",
    "RestoreResult",
    "check_backup",
    "daily_backup_if_due",
    "find_good_backup",
    "is_damage",
    "library_problem",
    "list_backups",
    "make_backup",
    "restore_backup",
    "rotate",
]

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
_STORE_MIGRATION_RE: Final = re.compile(r"^before-migration-(?P<stamp>\d{8}-\d{6})\.db\Z")
_STAMP: Final = "%Y-%m-%d-%H%M"
_DISK_FULL_ERRNOS: Final = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None
)
_SQLITE_FULL: Final = 13
_SQLITE_DAMAGE: Final = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
_SQLITE_BUSY: Final = frozenset({"SQLITE_BUSY", "SQLITE_LOCKED"})
_REPLACE_RETRIES: Final = 5
_REPLACE_RETRY_DELAY: Final = 0.1

LOCKED_MESSAGE: Final = (
    "资料库正被其他程序使用（可能是另一个答复助手窗口或命令），现在不能恢复。"
    "请关闭其他答复助手窗口后再试。"
)


class BackupError(Exception):
    """A backup could not be made, checked or restored; ``message`` is plain Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class _HasConnection(Protocol):  # a LibraryStore (sqlite-utils Database in .db)
    path: Path
    db: Any


@dataclass(frozen=True)
class BackupFile:
    """A file in the backups folder, as its name describes it."""

    path: Path
    reason: str  # one of REASONS, or "other"
    made_at: dt.datetime  # from the name, else the file's modification time


@dataclass(frozen=True)
class BackupInfo:
    """What :func:`check_backup` found in a backup that can be restored."""

    path: Path
    made_at: dt.datetime
    letters: int
    paragraphs: int
    cases: int
    migrations: tuple[str, ...]
    size: int

    @property
    def schema(self) -> str:
        return self.migrations[-1] if self.migrations else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "made_at": self.made_at.isoformat(timespec="minutes"),
            "letters": self.letters,
            "paragraphs": self.paragraphs,
            "cases": self.cases,
            "schema": self.schema,
            "migrations": list(self.migrations),
            "size": self.size,
        }


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


# ----------------------------------------------------------------------------------------------
# Names and listing


def _name_for(folder: Path, reason: str, now: dt.datetime) -> Path:
    stamp = now.strftime(_STAMP)
    target = folder / f"library-{stamp}-{reason}.db"
    n = 2
    while target.exists() or target.with_name(target.name + ".part").exists():
        target = folder / f"library-{stamp}-{reason}-{n}.db"
        n += 1
    return target


def _describe(path: Path) -> BackupFile:
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
                found.append(_describe(path))
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
    if isinstance(exc, sqlite3.Error):
        return getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL or "disk is full" in str(exc)
    return False


def is_damage(exc: BaseException) -> bool:
    """Whether an SQLite error (or a ``LibraryError`` caused by one) says the file is damaged."""
    cause = exc if isinstance(exc, sqlite3.DatabaseError) else exc.__cause__
    if not isinstance(cause, sqlite3.DatabaseError):
        return False
    name = getattr(cause, "sqlite_errorname", "")
    text = str(cause)
    return name in _SQLITE_DAMAGE or "malformed" in text or "not a database" in text


def _open_destination(path: Path) -> sqlite3.Connection:
    """The connection a copy is written through (tests narrow it to simulate a full disk)."""
    return sqlite3.connect(str(path), isolation_level=None)


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
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


def _remove_with_sidecars(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        _remove(p)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _quick_check(conn: sqlite3.Connection) -> str:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return "; ".join(str(r[0]) for r in rows[:3])


def _write_failed(exc: BaseException, folder: Path, what: str) -> BackupError:
    if _is_disk_full(exc):
        return BackupError(f"磁盘空间不足，无法在“{folder}”写入{what}。请清理磁盘后再试。")
    reason = getattr(exc, "strerror", None) or str(exc)
    return BackupError(f"无法在“{folder}”写入{what}（{reason}）。")


def _connect_library(db: Path) -> sqlite3.Connection:
    if not db.is_file() or db.stat().st_size == 0:
        raise BackupError(f"资料库文件“{db}”不存在或是空的，没有可备份的内容。")
    return sqlite3.connect(str(db), timeout=5.0, isolation_level=None)


def make_backup(
    source: _HasConnection | str | Path,
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
    if target_file is not None:
        target = Path(target_file)
        folder = target.parent
    else:
        folder = Path(target_dir) if target_dir is not None else backups_dir(db)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_failed(exc, folder, "备份") from exc
    if target_file is None:
        target = _name_for(folder, reason, now or dt.datetime.now())
    if target_file is not None and target.exists():
        if _same_file(target, db):
            raise BackupError("备份文件不能就是资料库文件本身，请换一个文件名。")
        raise BackupError(f"“{target}”已经存在。为免覆盖，请换一个文件名或文件夹。")
    part = target.with_name(target.name + ".part")
    conn = store_conn if store_conn is not None else _connect_library(db)
    try:
        try:
            _remove_with_sidecars(part)
            _copy_database(conn, part)
        except (OSError, sqlite3.Error) as exc:
            if isinstance(exc, sqlite3.DatabaseError) and is_damage(exc):
                raise _damaged_library(db, str(exc)) from exc
            raise _write_failed(exc, folder, "备份") from exc
        check = sqlite3.connect(str(part), isolation_level=None)
        try:
            result = _quick_check(check)
        except sqlite3.DatabaseError as exc:
            result = str(exc)
        finally:
            check.close()
        if result != "ok":
            raise _damaged_library(db, result)
        try:
            os.replace(part, target)
        except OSError as exc:
            raise _write_failed(exc, folder, "备份") from exc
        _fsync_dir(folder)
        return target
    finally:
        _remove_with_sidecars(part)
        if store_conn is None:
            conn.close()


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


# ----------------------------------------------------------------------------------------------
# Checking


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Open a file that may be someone's backup without creating anything beside it.

    A file with no ``-wal`` or ``-journal`` beside it is opened as immutable: nothing can need
    replaying into it, and a read-only open of a file in WAL mode would leave empty
    ``-wal``/``-shm`` files next to it. Whether there are sidecars is seen with ``stat()``
    only: the file itself is never opened outside SQLite (it may be a library open in this
    process, see :mod:`desktop.store.open_files`)."""
    uri = path.resolve().as_uri()
    if Path(f"{path}-wal").exists() or Path(f"{path}-journal").exists():
        return sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)


def _made_at(path: Path) -> dt.datetime:
    try:
        return _describe(path).made_at
    except (OSError, ValueError):
        return dt.datetime.now()


def check_backup(path: Path) -> BackupInfo:
    """Whether a file can be restored: a readable, undamaged SQLite file holding a ReplyDesk
    library no newer than this program. Raises :class:`BackupError` saying why not."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise BackupError(f"备份文件“{path}”不存在。")
    if path.is_dir():
        raise BackupError(f"“{path}”是一个文件夹，不是备份文件。")
    not_sqlite = BackupError(f"“{name}”不是答复助手的备份文件（不是 SQLite 数据库文件）。")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BackupError(f"无法读取备份文件“{path}”（{exc.strerror or exc}）。") from exc
    if size < len(SQLITE_HEADER):
        raise not_sqlite
    # The header is read by SQLite ("file is not a database"), never with open(): the file
    # may be the library itself, open in this process.
    try:
        conn = _open_read_only(path)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"无法读取备份文件“{path}”（{exc}）。") from exc
    try:
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") in _SQLITE_BUSY:
                raise BackupError(f"备份文件“{name}”正被其他程序使用，请稍后再试。") from exc
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
                raise not_sqlite from exc
            raise BackupError(
                f"备份文件“{name}”已损坏（{exc}），不能用来恢复。请换一个较早的备份。"
            ) from exc
        result = "; ".join(str(r[0]) for r in rows[:3])
        if result != "ok":
            raise BackupError(
                f"备份文件“{name}”已损坏（{result}），不能用来恢复。请换一个较早的备份。"
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        foreign = BackupError(f"“{name}”是 SQLite 数据库，但不是答复助手的资料库，不能用来恢复。")
        if MIGRATIONS_TABLE not in tables or not {"letters", "paragraphs"} <= tables:
            raise foreign
        applied = tuple(
            str(r[0])
            for r in conn.execute(
                f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
                [MIGRATION_SET],
            )
        )
        if not applied:
            raise foreign
        if set(applied) - known_migration_names():
            raise BackupError(
                f"备份文件“{name}”由更新版本的答复助手生成，本版本无法使用。"
                "请先升级答复助手再恢复。"
            )
        letters = int(conn.execute("SELECT count(*) FROM letters").fetchone()[0])
        paragraphs = int(conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0])
        cases = (
            int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
            if "cases" in tables
            else 0
        )
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"无法读取备份文件“{name}”（{exc}）。") from exc
    finally:
        conn.close()
    return BackupInfo(path, _made_at(path), letters, paragraphs, cases, applied, size)


def find_good_backup(folder: Path) -> tuple[BackupInfo | None, list[tuple[Path, str]]]:
    """The newest backup in ``folder`` that passes :func:`check_backup`, and the newer ones
    that did not (with the reason)."""
    refused: list[tuple[Path, str]] = []
    for candidate in list_backups(folder):
        try:
            return check_backup(candidate.path), refused
        except BackupError as exc:
            refused.append((candidate.path, exc.message))
    return None, refused


def library_problem(db_path: Path) -> str | None:
    """At start, before the library is opened: why its file is damaged (``PRAGMA
    quick_check``), or None when it looks fine, is absent or empty — or cannot be checked for
    a reason that is not damage (locked, no permission: opening it will say so)."""
    db = Path(db_path)
    try:
        if not db.is_file() or db.stat().st_size == 0:
            return None
    except OSError:
        return None
    # Through SQLite only: this runs while the window's connection is open, and a plain
    # open()/close() of the file would drop that connection's locks (desktop.store.open_files).
    conn = None
    try:
        conn = sqlite3.connect(str(db), timeout=5.0, isolation_level=None)
        result = _quick_check(conn)
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            return "文件头已损坏，不是 SQLite 数据库"
        return str(exc) if is_damage(exc) else None
    finally:
        if conn is not None:
            conn.close()
    return None if result == "ok" else result


# ----------------------------------------------------------------------------------------------
# Restoring


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


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
        if getattr(exc, "sqlite_errorname", "") in _SQLITE_BUSY or "locked" in str(exc):
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
        if getattr(exc, "sqlite_errorname", "") in _SQLITE_BUSY or "locked" in str(exc):
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
    target = _name_for(folder, "before-restore", now)
    part = target.with_name(target.name + ".part")
    try:
        if readable:
            conn = sqlite3.connect(str(db), timeout=5.0, isolation_level=None)
            try:
                _copy_database(conn, part)
                os.replace(part, target)
                return target
            except sqlite3.DatabaseError as exc:
                if not is_damage(exc):
                    raise
                _remove_with_sidecars(part)
            finally:
                conn.close()
        _copy_bytes(db, part)
        os.replace(part, target)
        wal = Path(f"{db}-wal")
        if wal.is_file() and wal.stat().st_size > 0:
            _copy_bytes(wal, Path(f"{target}-wal"))
        return target
    except BaseException:
        _remove_with_sidecars(part)
        _remove_with_sidecars(target)
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
    for attempt in range(_REPLACE_RETRIES):
        try:
            os.replace(src, dest)
            return
        except PermissionError:  # Windows: the file is open in another program
            if attempt == _REPLACE_RETRIES - 1:
                raise
            time.sleep(_REPLACE_RETRY_DELAY)


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
    now = now or dt.datetime.now()
    if is_open_library(db):
        # Every connection of this process must be closed first: the file is replaced and
        # its -wal removed under them (and a plain copy would drop their locks).
        raise BackupError(LOCKED_MESSAGE)
    info = check_backup(backup)
    if _same_file(backup, db):
        raise BackupError("这个文件就是当前的资料库，不能用它自己来恢复。")
    folder = backups_dir(db)
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        current = db.is_file() and db.stat().st_size > 0
    except OSError as exc:
        raise _write_failed(exc, db.parent, "资料库") from exc
    readable = _check_not_busy(db, lock_timeout) if current else False

    kept: Path | None = None
    temp = db.with_name(f".{db.name}.restore-{os.getpid()}.part")
    try:
        if current:
            try:
                kept = _keep_aside(db, folder, now, readable)
            except (OSError, sqlite3.Error) as exc:
                raise _write_failed(exc, folder, "当前资料库的留存副本") from exc
        _remove_with_sidecars(temp)
        source = _open_read_only(backup)
        try:
            _copy_database(source, temp)
        except (OSError, sqlite3.Error) as exc:
            raise _write_failed(exc, db.parent, "恢复的资料库") from exc
        finally:
            source.close()
        check = sqlite3.connect(str(temp), isolation_level=None)
        try:
            result = _quick_check(check)
        except sqlite3.DatabaseError as exc:
            result = str(exc)
        finally:
            check.close()
        if result != "ok":
            raise BackupError(f"恢复的副本没有通过检查（{result}），资料库没有改动。")
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
            raise _write_failed(exc, db.parent, "资料库") from exc
        _fsync_dir(db.parent)
    except BaseException:
        _remove_with_sidecars(temp)
        if kept is not None:
            _remove_with_sidecars(kept)
        raise
    return RestoreResult(info, db, kept)
