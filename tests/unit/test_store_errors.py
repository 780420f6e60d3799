"""SQLite's errors become the clerk's errors in one place (desktop/store/errors.py), by result
code: each situation is provoked for real and its ``sqlite_errorname`` classified."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.errors import ClerkError
from desktop.store.errors import (
    LibraryBusy,
    LibraryDamaged,
    LibraryDiskFull,
    LibraryError,
    LibraryIOFailure,
    LibraryReadOnly,
    LibraryUnreachable,
    error_kind,
    is_busy,
    is_damage,
    library_error,
)

ROOT = Path(__file__).resolve().parents[2]

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
conn.execute("ROLLBACK")
"""


def _library(path: Path, rows: int = 1) -> Path:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE letters (id INTEGER PRIMARY KEY, text TEXT)")
        conn.executemany(
            "INSERT INTO letters (text) VALUES (?)", [("答复正文" * 200,) for _ in range(rows)]
        )
    conn.close()
    return path


def _raised(fn: object) -> sqlite3.Error:
    try:
        fn()  # type: ignore[operator]
    except sqlite3.Error as exc:
        return exc
    raise AssertionError("SQLite raised nothing")


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Path]:
    """A library whose write lock another process holds."""
    db = _library(tmp_path / "library.db")
    marker = tmp_path / "holding"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(marker), "5"])
    try:
        while not marker.exists():
            assert holder.poll() is None
            time.sleep(0.01)
        yield db
    finally:
        holder.kill()
        holder.wait()


def test_a_library_locked_by_another_process_is_busy(held: Path) -> None:
    conn = sqlite3.connect(held, timeout=0.05, isolation_level=None)
    try:
        exc = _raised(lambda: conn.execute("BEGIN IMMEDIATE"))
    finally:
        conn.close()
    assert exc.sqlite_errorname == "SQLITE_BUSY" and is_busy(exc)
    problem = library_error(exc, "这份文件未导入")
    assert isinstance(problem, LibraryBusy) and isinstance(problem, ClerkError)
    assert problem.message == (
        "资料库正被其他程序（或另一个答复助手窗口）占用，这份文件未导入。请稍后再试。"
    )


def test_a_write_through_a_read_only_connection_is_read_only(tmp_path: Path) -> None:
    db = _library(tmp_path / "library.db")
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        exc = _raised(lambda: conn.execute("DELETE FROM letters"))
    finally:
        conn.close()
    assert exc.sqlite_errorname == "SQLITE_READONLY"
    problem = library_error(exc)
    assert isinstance(problem, LibraryReadOnly)
    assert problem.message.startswith("资料库是只读的")
    assert "\n" not in problem.message


def test_a_library_moved_away_under_its_connection_is_read_only(tmp_path: Path) -> None:
    db = _library(tmp_path / "library.db")
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("SELECT count(*) FROM letters").fetchall()
    db.rename(tmp_path / "moved.db")
    try:
        exc = _raised(lambda: conn.execute("DELETE FROM letters"))
    finally:
        conn.close()
    assert exc.sqlite_errorname == "SQLITE_READONLY_DBMOVED"  # extended: its primary part
    assert error_kind(exc) == "SQLITE_READONLY"
    assert isinstance(library_error(exc), LibraryReadOnly)


def _can_mount_read_only(tmp_path: Path) -> bool:
    if os.name != "posix" or shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    proc = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind -o ro {probe} {probe} && ! touch {probe}/x"],
        capture_output=True,
    )
    return proc.returncode == 0


WRITE_AND_CLASSIFY = """
import sqlite3, sys
from desktop.store.errors import library_error
conn = sqlite3.connect(sys.argv[1])
try:
    conn.execute("DELETE FROM letters")
    conn.commit()
except sqlite3.Error as exc:
    problem = library_error(exc)
    print(exc.sqlite_errorname, type(problem).__name__, problem.message)
"""


def test_a_library_on_a_read_only_mount_is_read_only(tmp_path: Path) -> None:
    if not _can_mount_read_only(tmp_path):
        pytest.skip("needs root and unshare for a read-only bind mount (root ignores chmod)")
    folder = tmp_path / "usb"
    folder.mkdir()
    db = _library(folder / "library.db")
    command = f"'{sys.executable}' -c '{WRITE_AND_CLASSIFY}' '{db}'"
    proc = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind -o ro '{folder}' '{folder}' && {command}"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    name, cls, message = proc.stdout.strip().split(" ", 2)
    assert (name, cls) == ("SQLITE_READONLY", "LibraryReadOnly")
    assert message.startswith("资料库是只读的")


def test_a_full_database_is_disk_full(tmp_path: Path) -> None:
    db = _library(tmp_path / "library.db")
    conn = sqlite3.connect(db)
    try:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full at this size
        exc = _raised(lambda: conn.execute("INSERT INTO letters VALUES (NULL, zeroblob(99999))"))
        conn.rollback()
    finally:
        conn.close()
    assert exc.sqlite_errorname == "SQLITE_FULL"
    problem = library_error(exc, "资料包未导入")
    assert isinstance(problem, LibraryDiskFull)
    assert problem.message == "磁盘空间不足，资料包未导入。请清理磁盘后再试。"


def test_a_truncated_library_is_damaged(tmp_path: Path) -> None:
    db = _library(tmp_path / "library.db", rows=200)
    with open(db, "r+b") as fh:
        fh.truncate(db.stat().st_size // 2)
    conn = sqlite3.connect(db)
    try:
        exc = _raised(lambda: conn.execute("SELECT sum(length(text)) FROM letters").fetchall())
    finally:
        conn.close()
    assert exc.sqlite_errorname == "SQLITE_CORRUPT"
    problem = library_error(exc)
    assert isinstance(problem, LibraryDamaged) and "已损坏" in problem.message
    assert is_damage(exc)
    wrapped = LibraryError("资料库文件无法打开")  # as a caller raises it ``from exc``
    wrapped.__cause__ = exc
    assert is_damage(wrapped)


def test_a_file_that_is_not_a_database_is_damaged(tmp_path: Path) -> None:
    junk = tmp_path / "library.db"
    junk.write_bytes(b"PK\x03\x04 not a database at all " * 100)
    conn = sqlite3.connect(junk)
    try:
        exc = _raised(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    finally:
        conn.close()
    assert exc.sqlite_errorname == "SQLITE_NOTADB"
    assert isinstance(library_error(exc), LibraryDamaged) and is_damage(exc)


def test_a_library_in_a_missing_folder_is_unreachable(tmp_path: Path) -> None:
    exc = _raised(lambda: sqlite3.connect(tmp_path / "gone" / "library.db"))
    assert exc.sqlite_errorname == "SQLITE_CANTOPEN"
    problem = library_error(exc)
    assert isinstance(problem, LibraryUnreachable) and "无法打开资料库文件" in problem.message


def test_an_io_error_is_classified_by_its_primary_code() -> None:
    # A failing disk cannot be provoked here: the error SQLite's VFS raises for one is made
    # by hand, carrying the extended name SQLite gives it.
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorname = "SQLITE_IOERR_WRITE"
    exc.sqlite_errorcode = 778
    problem = library_error(exc, "本次没有保存")
    assert isinstance(problem, LibraryIOFailure)
    assert problem.message.startswith("读写资料库文件时出错") and "本次没有保存" in problem.message


def test_programmers_errors_are_not_the_clerks(tmp_path: Path) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x UNIQUE)")
    conn.execute("INSERT INTO t VALUES (1)")
    syntax = _raised(lambda: conn.execute("SELEC 1"))
    constraint = _raised(lambda: conn.execute("INSERT INTO t VALUES (1)"))
    conn.close()
    closed = _raised(lambda: conn.execute("SELECT 1"))
    assert [error_kind(e) for e in (syntax, constraint, closed)] == [
        "SQLITE_ERROR", "SQLITE_CONSTRAINT", None,
    ]  # fmt: skip
    assert [library_error(e) for e in (syntax, constraint, closed)] == [None, None, None]
    # The message text means nothing: only the code does.
    assert library_error(sqlite3.OperationalError("database is locked")) is None
    assert not is_damage(sqlite3.DatabaseError("database disk image is malformed"))


def test_the_stores_own_errors_keep_their_message_and_take_the_consequence() -> None:
    busy = LibraryBusy("资料库正被另一操作占用，等待 120 秒后仍未结束，本次没有写入任何内容。")
    assert library_error(busy) is busy
    told = library_error(busy, "资料包未导入")
    assert isinstance(told, LibraryBusy) and told is not busy
    assert told.message == f"资料包未导入：{busy.message}" and str(told).startswith("database")
    assert isinstance(library_error(LibraryReadOnly()), LibraryReadOnly)


def test_no_other_module_reads_sqlite_error_codes_or_texts() -> None:
    """Classification happens in desktop/store/errors.py only: nothing else reads
    ``sqlite_errorname``/``sqlite_errorcode`` or looks for SQLite's English words."""
    texts = re.compile(
        r"sqlite_error(name|code)|[\"'](database is locked|locked|busy|readonly|disk is full|"
        r"full|disk|malformed|not a database)[\"']\s+in\s"
    )
    home = ROOT / "desktop" / "store" / "errors.py"
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        if path != home
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if texts.search(line)
    ]
    assert offenders == []


def test_opening_a_damaged_library_says_so_in_chinese(tmp_path: Path) -> None:
    from desktop.store import LibraryStore

    db = tmp_path / "library.db"
    with LibraryStore(db):
        pass
    data = bytearray(db.read_bytes())
    data[:16] = b"\x00" * 16  # the header SQLite checks first
    db.write_bytes(bytes(data))
    with pytest.raises(LibraryDamaged) as raised:
        LibraryStore(db)
    assert raised.value.message == (
        f"资料库文件已损坏（或不是资料库文件），资料库“{db}”无法打开。"
        "可以用“从备份恢复”找回以前的资料。"
    )
    assert is_damage(raised.value)  # the window offers the newest good backup
