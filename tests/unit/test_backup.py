"""Backups and restoring them: every bad backup, a locked library and a full disk are refused
with a reason in Chinese and leave the library as it was; a damaged library comes back whole."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import hashlib
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop import cli_maintenance
from desktop.cli_reply import CliError
from desktop.sample import ensure_sample_library
from desktop.store import LibraryStore, backup_files, restore
from desktop.store import backup as B
from desktop.store.backup import BackupError
from tests.conftest import FIXTURES, make_letter

NOW = dt.datetime(2026, 11, 21, 9, 30)


# ------------------------------------------------------------------------------------ helpers
@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A closed library with the five sample letters and one case."""
    from desktop.casework import case_from_json

    db = tmp_path / "lib" / "library.db"
    with LibraryStore(db) as store:
        ensure_sample_library(store)
        store.cases.save(
            case_from_json(
                {
                    "number": "8",
                    "session": "市十七届人大三次会议",
                    "title": "关于加强科普工作的建议",
                    "proposers": ["李四"],
                }
            )
        )
    return db


def content(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What a clerk would lose: letters, paragraphs and their order, cases."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("letters", "paragraphs", "letter_paragraphs", "cases")
        }
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(db: Path) -> list[str]:
    """Temporary files or sidecars beside the library or in its backups folder."""
    names = [p.name for p in db.parent.iterdir() if p.name.endswith(".part")]
    names += [p.name for p in B.backups_dir(db).glob("*")] if B.backups_dir(db).is_dir() else []
    return sorted(n for n in names if n.endswith((".part", "-wal", "-shm", "-journal")))


def damage(db: Path, *, at: float = 0.5, length: int = 20000) -> None:
    """Overwrite bytes in the middle of the file (pages' headers included)."""
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        fh.seek(int(size * at))
        fh.write(b"\xa5" * min(length, size // 3))


def good_backup(library: Path, tmp_path: Path) -> Path:
    return B.make_backup(library, tmp_path / "saved", reason="manual", now=NOW)


def assert_refused(library: Path, backup: Path, *words: str, **kwargs: Any) -> BackupError:
    before_bytes, before = digest(library), content(library)
    kept_before = sorted(B.backups_dir(library).glob("*before-restore*"))
    with pytest.raises(BackupError) as caught:
        B.restore_backup(backup, library, now=NOW, **kwargs)
    message = caught.value.message
    for word in words:
        assert word in message, message
    assert digest(library) == before_bytes  # not a byte changed
    assert content(library) == before
    assert sorted(B.backups_dir(library).glob("*before-restore*")) == kept_before
    assert leftovers(library) == []
    return caught.value


# ------------------------------------------------------------------------------------ backups
def test_backup_is_named_checked_and_self_contained(library: Path) -> None:
    made = B.make_backup(library, reason="manual", now=NOW)
    assert made == library.parent / "backups" / "library-2026-11-21-0930-manual.db"
    info = B.check_backup(made)
    assert (info.letters, info.cases) == (5, 1)
    assert info.paragraphs == len(content(library)["paragraphs"])
    assert info.made_at == NOW
    assert info.schema == info.migrations[-1]
    assert list(made.parent.iterdir()) == [made]  # no -wal/-shm, no .part
    conn = sqlite3.connect(made)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    again = B.make_backup(library, reason="manual", now=NOW)
    assert again.name == "library-2026-11-21-0930-manual-2.db"


def test_backup_of_an_open_library_includes_what_is_only_in_its_wal(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    with LibraryStore(db) as store:
        store.letters.add(make_letter(["一段。"]), content_hash="x", source_path=None,
                         source_format=None)  # fmt: skip
        assert Path(f"{db}-wal").stat().st_size > 0
        from_path = B.make_backup(db, tmp_path / "a", now=NOW)
        from_store = B.make_backup(store, tmp_path / "b", now=NOW)
    assert B.check_backup(from_path).letters == 1
    assert B.check_backup(from_store).letters == 1


def test_backup_to_a_file_name_and_refusals(library: Path, tmp_path: Path) -> None:
    target = tmp_path / "u盘" / "科技局资料库.db"
    assert B.make_backup(library, target_file=target) == target
    assert B.check_backup(target).letters == 5
    with pytest.raises(BackupError, match="已经存在"):
        B.make_backup(library, target_file=target)
    with pytest.raises(BackupError, match="资料库文件本身"):
        B.make_backup(library, target_file=library)
    with pytest.raises(BackupError, match="不存在"):
        B.make_backup(tmp_path / "none.db")


def test_a_damaged_library_is_not_backed_up(library: Path) -> None:
    damage(library)
    with pytest.raises(BackupError, match="已损坏"):
        B.make_backup(library, reason="daily", now=NOW)
    assert list(B.backups_dir(library).iterdir()) == []


def _narrow_destination(monkeypatch: pytest.MonkeyPatch, pages: int = 5, only: str = "") -> None:
    """SQLite itself reports a full disk (SQLITE_FULL) once a copy whose name holds ``only``
    outgrows ``pages``."""
    real = backup_files._open_destination

    def narrow(path: Path) -> sqlite3.Connection:
        conn = real(path)
        if only in path.name:
            conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(backup_files, "_open_destination", narrow)


def test_backup_on_a_full_disk(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = digest(library)
    _narrow_destination(monkeypatch)
    with pytest.raises(BackupError, match="磁盘空间不足"):
        B.make_backup(library, now=NOW)
    assert list(B.backups_dir(library).iterdir()) == []
    assert digest(library) == before


def test_rotation_keeps_the_newest_daily_backups_and_every_other_kind(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    daily = [folder / f"library-2026-10-{d:02d}-0800-daily.db" for d in range(1, 16)]
    others = [
        folder / "library-2026-01-01-0800-manual.db",
        folder / "library-2026-01-01-0800-before-restore.db",
        folder / "library-2026-01-01-0800-before-migration.db",
        folder / "before-migration-20250101-080000.db",  # LibraryStore's own name
        folder / "老备份.db",
    ]
    for p in daily + others:
        p.write_bytes(b"x")
    removed = B.rotate(folder, keep=10)
    assert sorted(removed) == daily[:5]
    assert sorted(p for p in folder.iterdir()) == sorted(daily[5:] + others)
    kinds = {b.path.name: b.reason for b in B.list_backups(folder)}
    assert kinds["before-migration-20250101-080000.db"] == "before-migration"
    assert kinds["老备份.db"] == "other"


def test_one_daily_backup_per_calendar_day(library: Path) -> None:
    first = B.daily_backup_if_due(library, now=NOW)
    assert first is not None and first.name == "library-2026-11-21-0930-daily.db"
    assert B.daily_backup_if_due(library, now=NOW + dt.timedelta(hours=8)) is None
    days = [NOW + dt.timedelta(days=n) for n in range(1, 4)]
    made = [B.daily_backup_if_due(library, keep=2, now=day) for day in days]
    assert all(m is not None for m in made)
    names = sorted(p.name for p in B.backups_dir(library).iterdir())
    assert names == ["library-2026-11-23-0930-daily.db", "library-2026-11-24-0930-daily.db"]
    assert B.daily_backup_if_due(library.parent / "none.db", now=NOW) is None


# ------------------------------------------------------------------------------------ checking
def _newer(library: Path, tmp_path: Path) -> Path:
    path = good_backup(library, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('replydesk', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    return path


def _truncated(library: Path, tmp_path: Path) -> Path:
    path = good_backup(library, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _foreign(library: Path, tmp_path: Path) -> Path:
    path = tmp_path / "通讯录.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE people (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO people VALUES ('张三', '0513-1234')")
    conn.commit()
    conn.close()
    return path


def _not_sqlite(library: Path, tmp_path: Path) -> Path:
    path = tmp_path / "答复.db"
    path.write_text("这不是数据库。" * 50, encoding="utf-8")
    return path


def _empty(library: Path, tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    return path


def _damaged(library: Path, tmp_path: Path) -> Path:
    path = good_backup(library, tmp_path)
    damage(path)
    return path


def _missing(library: Path, tmp_path: Path) -> Path:
    return tmp_path / "gone.db"


BAD_BACKUPS = {
    "newer version": (_newer, ["更新版本"]),
    "truncated": (_truncated, ["已损坏"]),
    "damaged": (_damaged, ["已损坏"]),
    "foreign SQLite file": (_foreign, ["不是答复助手的资料库"]),
    "not SQLite": (_not_sqlite, ["不是 SQLite 数据库"]),
    "empty file": (_empty, ["不是 SQLite 数据库"]),
    "missing": (_missing, ["不存在"]),
}


@pytest.mark.parametrize("kind", sorted(BAD_BACKUPS))
def test_bad_backups_are_refused_and_the_library_is_untouched(
    kind: str, library: Path, tmp_path: Path
) -> None:
    make, words = BAD_BACKUPS[kind]
    bad = make(library, tmp_path)
    with pytest.raises(BackupError) as caught:
        B.check_backup(bad)
    for word in words:
        assert word in caught.value.message
    assert_refused(library, bad, *words)


def test_checking_a_wal_mode_file_leaves_nothing_beside_it(library: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy" / "library.db"
    copy.parent.mkdir()
    shutil.copyfile(library, copy)  # a plain file copy keeps the WAL flag in the header
    assert B.check_backup(copy).letters == 5
    assert [p.name for p in copy.parent.iterdir()] == ["library.db"]


def test_restoring_the_library_onto_itself_is_refused(library: Path) -> None:
    assert_refused(library, library, "当前的资料库")


def test_a_folder_is_not_a_backup(library: Path, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="文件夹"):
        B.check_backup(tmp_path)


# ------------------------------------------------------------------------------------ restoring
def test_round_trip_backup_damage_restore(library: Path, tmp_path: Path) -> None:
    original = content(library)
    made = B.make_backup(library, now=NOW)
    damage(library)
    assert B.library_problem(library)  # LibraryStore alone would open it and fail later
    result = B.restore_backup(made, library, now=NOW + dt.timedelta(minutes=5))
    assert result.info.letters == 5
    assert B.library_problem(library) is None
    assert content(library) == original
    assert result.kept == B.backups_dir(library) / "library-2026-11-21-0935-before-restore.db"
    assert result.kept.is_file()
    assert leftovers(library) == []
    with LibraryStore(library) as store:
        assert store.integrity_check() == "ok"
        assert store.letters.count() == 5


def test_a_library_with_a_destroyed_header_is_kept_byte_for_byte(
    library: Path, tmp_path: Path
) -> None:
    original = content(library)
    made = good_backup(library, tmp_path)
    with open(library, "r+b") as fh:
        fh.write(b"\x00" * 100)
    assert B.library_problem(library) is not None
    broken = library.read_bytes()
    result = B.restore_backup(made, library, now=NOW)
    assert content(library) == original
    assert result.kept is not None and result.kept.read_bytes() == broken


def test_a_stale_wal_of_the_old_library_is_not_replayed(tmp_path: Path) -> None:
    """A crash left the old library with a -wal: it must neither be lost (the kept copy has it)
    nor be applied to the restored file."""
    live = tmp_path / "live" / "library.db"
    with LibraryStore(live) as store:
        ensure_sample_library(store)
        made = B.make_backup(store, tmp_path / "saved", now=NOW)
        store.letters.add(make_letter(["崩溃前的最后一段。"]), content_hash="late",
                         source_path=None, source_format=None)  # fmt: skip
        crashed = tmp_path / "crashed"
        crashed.mkdir()
        for name in ("library.db", "library.db-wal"):  # what a power cut leaves on disk
            shutil.copyfile(live.parent / name, crashed / name)
    db = crashed / "library.db"
    result = B.restore_backup(made, db, now=NOW)
    assert not Path(f"{db}-wal").exists()
    assert len(content(db)["letters"]) == 5
    assert result.kept is not None and len(content(result.kept)["letters"]) == 6


def test_restore_into_a_new_place(library: Path, tmp_path: Path) -> None:
    made = good_backup(library, tmp_path)
    target = tmp_path / "new" / "library.db"
    result = B.restore_backup(made, target, now=NOW)
    assert result.kept is None
    assert content(target) == content(library)


def test_restoring_an_older_schema_migrates_on_open(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "library-v1.db", old)
    db = tmp_path / "lib" / "library.db"
    with LibraryStore(db):
        pass
    info = B.restore_backup(old, db, now=NOW).info
    assert info.migrations == ("m001_library",)
    with LibraryStore(db) as store:
        assert store.letters.count() == info.letters == 5
        assert len(store.schema_migrations()) > 1


def test_a_locked_library_is_not_replaced(library: Path, tmp_path: Path) -> None:
    made = good_backup(library, tmp_path)
    other = sqlite3.connect(library, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        assert_refused(library, made, "正被其他程序使用", lock_timeout=0.2)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_library_open_in_another_window_is_not_replaced(library: Path, tmp_path: Path) -> None:
    made = good_backup(library, tmp_path)
    with LibraryStore(library) as other:  # open and idle, as in a running window
        before = content(library)
        with pytest.raises(BackupError, match="正被其他程序使用"):
            B.restore_backup(made, library, now=NOW, lock_timeout=0.2)
        assert other.letters.count() == 5
        assert content(library) == before
    assert not list(B.backups_dir(library).glob("*before-restore*"))
    assert not list(library.parent.glob("*.part"))


@pytest.mark.parametrize("how", ["sqlite-kept-copy", "sqlite", "oserror"])
def test_a_full_disk_during_the_restore_leaves_the_library_as_it_was(
    how: str, library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = good_backup(library, tmp_path)
    if how == "sqlite-kept-copy":  # the disk fills while the current library is kept aside
        _narrow_destination(monkeypatch, pages=20, only="before-restore")
    elif how == "sqlite":  # … while the backup is copied beside the library
        _narrow_destination(monkeypatch, pages=20, only=".restore-")
    else:
        real = restore.copy_database

        def copy_then_fill_the_disk(source: sqlite3.Connection, target: Path) -> None:
            if ".restore-" in target.name:
                target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)  # half written
                raise OSError(errno.ENOSPC, "No space left on device")
            real(source, target)

        monkeypatch.setattr(restore, "copy_database", copy_then_fill_the_disk)
    assert_refused(library, made, "磁盘空间不足")


def test_find_good_backup_skips_damaged_ones(library: Path) -> None:
    older = B.make_backup(library, reason="daily", now=NOW)
    newer = B.make_backup(library, reason="manual", now=NOW + dt.timedelta(days=1))
    damage(newer)
    info, refused = B.find_good_backup(B.backups_dir(library))
    assert info is not None and info.path == older
    assert [p for p, _ in refused] == [newer]
    assert B.find_good_backup(library.parent / "nowhere") == (None, [])


def test_library_problem(library: Path, tmp_path: Path) -> None:
    assert B.library_problem(library) is None
    assert B.library_problem(tmp_path / "none.db") is None
    (tmp_path / "empty.db").write_bytes(b"")
    assert B.library_problem(tmp_path / "empty.db") is None
    damage(library)
    assert B.library_problem(library)


# ------------------------------------------------------------------------------------ commands
def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The commands as ``replydesk`` runs them (``desktop.__main__`` once they are wired in)."""
    from desktop import __main__ as main_module

    if "backup" in getattr(main_module, "COMMANDS", {}):
        code = main_module.main(argv)
    else:
        common = argparse.ArgumentParser(add_help=False)
        common.add_argument("--db", type=Path)
        common.add_argument("--json", action="store_true")
        parser = argparse.ArgumentParser(prog="replydesk")
        sub = parser.add_subparsers(dest="command")
        cli_maintenance.add_parsers(sub, common)
        args = parser.parse_args(argv)
        command = getattr(cli_maintenance, f"cmd_{args.command}")
        try:
            code = command(None, args)
        except CliError as exc:
            print(exc.message, file=__import__("sys").stderr)
            code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_backup_and_restore(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["backup", "--db", str(library)], capsys)
    assert code == 0 and "已备份" in out
    (made,) = B.backups_dir(library).glob("library-*-manual.db")

    code, out, _ = run(["backup", "--db", str(library), "--to", str(tmp_path / "u盘")], capsys)
    assert code == 0 and len(list((tmp_path / "u盘").glob("library-*-manual.db"))) == 1
    code, out, _ = run(
        ["backup", "--db", str(library), "--to", str(tmp_path / "a.db"), "--json"], capsys
    )
    assert code == 0 and '"letters": 5' in out and (tmp_path / "a.db").is_file()

    original = content(library)
    damage(library)
    code, out, _ = run(["backup", "--db", str(library)], capsys)  # works, and refuses
    assert code == 1
    code, out, err = run(["restore", str(made), "--db", str(library)], capsys)
    assert code == 1 and "--yes" in err  # no terminal to ask on
    code, out, err = run(["restore", str(made), "--db", str(library), "--yes"], capsys)
    assert code == 0, err
    assert "完整性检查：通过" in out and "文件 5 份" in out and "数据库版本：m0" in out
    assert "原来的资料库已另存为：" in out and "before-restore" in out
    assert content(library) == original


def test_cli_restore_refuses_a_bad_backup(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(library)
    bad = _newer(library, tmp_path)
    code, out, err = run(["restore", str(bad), "--db", str(library), "--yes"], capsys)
    assert code == 1 and "更新版本" in err and out == ""
    assert digest(library) == before
