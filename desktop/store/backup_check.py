"""Whether a backup can be restored, and whether the library file is damaged. See
:mod:`desktop.store.backup`."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.store.backup_files import (
    MIGRATIONS_TABLE,
    SQLITE_HEADER,
    BackupError,
    describe,
    list_backups,
    quick_check,
)
from desktop.store.errors import error_kind, is_busy, is_damage
from desktop.store.open_files import read_only_location
from desktop.store.schema import MIGRATION_SET, known_migration_names
from desktop.store.schema_check import schema_differences


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


def open_read_only(path: Path) -> sqlite3.Connection:
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
        return describe(path).made_at
    except (OSError, ValueError):
        return dt.datetime.now()


def check_backup(path: Path) -> BackupInfo:
    """Whether a file can be restored: a readable, undamaged SQLite file holding a ReplyDesk
    library no newer than this program. Raises :class:`BackupError` saying why not."""
    path = Path(path)
    size = _file_size(path)
    # The header is read by SQLite ("file is not a database"), never with open(): the file
    # may be the library itself, open in this process.
    try:
        conn = open_read_only(path)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"无法读取备份文件“{path}”（{exc}）。") from exc
    name = path.name
    try:
        _check_integrity(conn, name)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied = _applied_migrations(conn, name, tables)
        letters, paragraphs, cases = _counts(conn, tables)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"无法读取备份文件“{name}”（{exc}）。") from exc
    except (UnicodeDecodeError, ValueError) as exc:  # text that is not UTF-8: damaged bytes
        raise BackupError(
            f"备份文件“{name}”已损坏（其中的文字无法读取），不能用来恢复。请换一个较早的备份。"
        ) from exc
    finally:
        conn.close()
    return BackupInfo(path, _made_at(path), letters, paragraphs, cases, applied, size)


def _not_sqlite(name: str) -> BackupError:
    return BackupError(f"“{name}”不是答复助手的备份文件（不是 SQLite 数据库文件）。")


def _file_size(path: Path) -> int:
    """The size of a file that may be a backup; refused when it is missing, a folder, or
    too small to be an SQLite file."""
    if not path.exists():
        raise BackupError(f"备份文件“{path}”不存在。")
    if path.is_dir():
        raise BackupError(f"“{path}”是一个文件夹，不是备份文件。")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BackupError(f"无法读取备份文件“{path}”（{exc.strerror or exc}）。") from exc
    if size < len(SQLITE_HEADER):
        raise _not_sqlite(path.name)
    return size


def _check_integrity(conn: sqlite3.Connection, name: str) -> None:
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise BackupError(f"备份文件“{name}”正被其他程序使用，请稍后再试。") from exc
        if error_kind(exc) == "SQLITE_NOTADB":
            raise _not_sqlite(name) from exc
        raise BackupError(
            f"备份文件“{name}”已损坏（{exc}），不能用来恢复。请换一个较早的备份。"
        ) from exc
    result = "; ".join(str(r[0]) for r in rows[:3])
    if result != "ok":
        raise BackupError(f"备份文件“{name}”已损坏（{result}），不能用来恢复。请换一个较早的备份。")


def _applied_migrations(conn: sqlite3.Connection, name: str, tables: set[str]) -> tuple[str, ...]:
    """The migrations the file records, once it is known to be a ReplyDesk library of a
    version this program knows, with exactly the schema those migrations make."""
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
            f"备份文件“{name}”由更新版本的答复助手生成，本版本无法使用。请先升级答复助手再恢复。"
        )
    differences = schema_differences(conn, applied)
    if differences:
        shown = "；".join(differences[:3]) + ("等" if len(differences) > 3 else "")
        raise BackupError(
            f"备份文件“{name}”的结构与答复助手资料库（第 {len(applied)} 版）不符"
            f"（{shown}），可能被改动过，不能用来恢复。请换一个备份。"
        )
    return applied


def _counts(conn: sqlite3.Connection, tables: set[str]) -> tuple[int, int, int]:
    """Letters, paragraphs and cases in the file (no cases table before version 3)."""
    letters = int(conn.execute("SELECT count(*) FROM letters").fetchone()[0])
    paragraphs = int(conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0])
    cases = (
        int(conn.execute("SELECT count(*) FROM cases").fetchone()[0]) if "cases" in tables else 0
    )
    return letters, paragraphs, cases


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
        if read_only_location(db):
            conn = open_read_only(db)
        else:
            conn = sqlite3.connect(str(db), timeout=5.0, isolation_level=None)
        result = quick_check(conn)
    except sqlite3.DatabaseError as exc:
        if error_kind(exc) == "SQLITE_NOTADB":
            return "文件头已损坏，不是 SQLite 数据库"
        return str(exc) if is_damage(exc) else None
    except UnicodeDecodeError:  # SQLite's message quotes damaged, non-UTF-8 names
        return "文件已损坏，其中的文字无法读取"
    finally:
        if conn is not None:
            conn.close()
    return None if result == "ok" else result
