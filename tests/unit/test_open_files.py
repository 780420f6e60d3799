"""Nothing opens the library with plain open() while a connection to it is open here.

On POSIX that close() would drop the connection's SQLite locks (see desktop/store/open_files.py
and the real-process test in test_concurrency.py)."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.importer import import_file
from desktop.packs import PackError, export_pack, import_pack
from desktop.store import LibraryStore
from desktop.store import backup as B
from desktop.store.open_files import is_open_library


@pytest.fixture
def opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every path opened with open()/io.open()/os.open() during the test."""
    seen: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def spy_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(file))
        return real_open(file, *args, **kwargs)

    def spy_os_open(path: Any, *args: Any, **kwargs: Any) -> int:
        seen.append(str(path))
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    yield seen


def _touches(seen: list[str], db: Path) -> list[str]:
    names = {str(db), f"{db}-wal", f"{db}-shm", f"{db}-journal"}
    return [p for p in seen if p in names or Path(p).resolve() == db.resolve()]


def test_the_window_s_background_work_never_opens_the_library_file(
    tmp_path: Path, opened: list[str]
) -> None:
    db = tmp_path / "library.db"
    with LibraryStore(db) as store:
        store.set_meta("k", "v")
        assert B.library_problem(db) is None
        assert B.daily_backup_if_due(db, now=dt.datetime(2030, 1, 1)) is not None
        B.make_backup(store, reason="manual")
        B.make_backup(db, reason="manual")
        info = B.check_backup(db)  # the clerk picked the library itself as "backup"
        assert info.letters == 0
        with pytest.raises(B.BackupError):
            B.restore_backup(info.path, db)
        assert _touches(opened, db) == []
        assert is_open_library(db) and is_open_library(f"{db}-wal")
    assert not is_open_library(db)


def test_the_library_file_is_not_imported_or_read_as_a_pack(
    tmp_path: Path, opened: list[str]
) -> None:
    db = tmp_path / "library.db"
    alias = tmp_path / "library.txt"
    with LibraryStore(db) as store:
        os.link(db, alias)  # the same file under a name the importer accepts
        result = import_file(store, alias)
        assert result.status == "failed" and "资料库文件本身" in result.message
        with pytest.raises(PackError, match="资料库文件本身"):
            import_pack(store, db)
        with pytest.raises(PackError, match="资料库文件本身"):
            export_pack(store, db)
        assert _touches(opened, db) == [] and str(alias) not in opened
    # Once closed, the file is an ordinary file again.
    assert not is_open_library(alias)


def test_check_backup_still_refuses_what_is_not_a_library(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(B.BackupError, match="不是 SQLite 数据库文件"):
        B.check_backup(junk)
    tiny = tmp_path / "tiny.db"
    tiny.write_bytes(b"SQLite")
    with pytest.raises(B.BackupError, match="不是 SQLite 数据库文件"):
        B.check_backup(tiny)
    assert B.library_problem(junk) == "文件头已损坏，不是 SQLite 数据库"


def test_nothing_is_saved_over_the_open_library(tmp_path: Path, opened: list[str]) -> None:
    from desktop.safe_write import WriteFailed, atomic_write

    db = tmp_path / "library.db"
    with LibraryStore(db) as store:
        store.set_meta("k", "v")
        before = db.stat().st_size
        with pytest.raises(WriteFailed, match="资料库文件本身"):
            atomic_write(db, lambda tmp: tmp.write_bytes(b"a letter"))
        assert _touches(opened, db) == []
        assert db.stat().st_size == before and store.get_meta("k") == "v"
