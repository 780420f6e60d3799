"""Restore trusts no backup's schema: only the exact schema of its recorded version passes;
damaged bytes are a message, never a traceback."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.store import LibraryStore
from desktop.store import backup as B
from desktop.store.backup import BackupError
from desktop.store.schema import MIGRATIONS
from tests.conftest import FIXTURES, make_letter


@pytest.fixture
def library(tmp_path: Path) -> Path:
    db = tmp_path / "lib" / "library.db"
    with LibraryStore(db) as store:
        for n in range(3):
            letter = make_letter([f"第{n}段正文。"])
            store.letters.add(letter, content_hash=f"h{n}", source_path=None, source_format="txt")
    return db


def _tampered(backup: Path, tmp_path: Path, sql: str) -> Path:
    copy = tmp_path / "tampered.db"
    shutil.copyfile(backup, copy)
    conn = sqlite3.connect(str(copy))
    conn.create_function("spaced", 1, lambda t: t)
    conn.executescript(sql)
    conn.close()
    return copy


EVIL = {
    "an extra trigger": (
        "CREATE TRIGGER evil AFTER INSERT ON letters BEGIN DELETE FROM letters"
        " WHERE id <> new.id; END;",
        "多出触发器 evil",
    ),
    "a missing table": ("DROP TABLE autosave;", "缺少表 autosave"),
    "a missing column": ("ALTER TABLE letters DROP COLUMN origin;", "表 letters 的定义不同"),
    "an extra index": ("CREATE INDEX spy ON letters(title);", "多出索引 spy"),
    "an extra view": ("CREATE VIEW v AS SELECT 1;", "多出视图 v"),
    "an extra table": ("CREATE TABLE extra (x);", "多出表 extra"),
    "a changed trigger": (
        "DROP TRIGGER paragraphs_ad; CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs"
        " BEGIN DELETE FROM letters; END;",
        "触发器 paragraphs_ad 的定义不同",
    ),
}


@pytest.mark.parametrize("what", sorted(EVIL))
def test_a_backup_whose_schema_was_changed_is_refused(
    what: str, library: Path, tmp_path: Path
) -> None:
    sql, said = EVIL[what]
    made = B.make_backup(library, tmp_path / "backups", reason="manual")
    evil = _tampered(made, tmp_path, sql)
    before = library.read_bytes()
    with pytest.raises(BackupError, match="结构") as info:
        B.restore_backup(evil, library)
    assert said in info.value.message
    assert library.read_bytes() == before
    with LibraryStore(library) as store:
        assert store.letters.count() == 3
    # The untouched backup is still good.
    assert B.check_backup(made).letters == 3


@pytest.mark.parametrize("version", range(1, len(MIGRATIONS._migrations) + 1))
def test_every_released_schema_passes_the_check(version: int, tmp_path: Path) -> None:
    fixture = f"library-v{version}.db"
    assert (FIXTURES / fixture).is_file(), f"schema version {version} has no fixture"
    copy = tmp_path / fixture
    shutil.copyfile(FIXTURES / fixture, copy)
    info = B.check_backup(copy)
    assert info.letters > 0 and len(info.migrations) == version


def test_the_start_up_offer_skips_a_tampered_backup(library: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    good = B.make_backup(library, folder, reason="manual")
    newer = folder / "library-2099-01-01-0900-manual.db"
    shutil.copyfile(_tampered(good, tmp_path, EVIL["an extra trigger"][0]), newer)
    info, refused = B.find_good_backup(folder)
    assert info is not None and info.path == good
    assert refused and refused[0][0] == newer and "触发器" in refused[0][1]


def _flip_in(word: bytes, offset: int) -> Callable[[bytes], bytes]:
    def flip(data: bytes) -> bytes:
        at = data.find(word)
        assert at >= 0
        out = bytearray(data)
        out[at + offset] = 0xFF
        return bytes(out)

    return flip


@pytest.mark.parametrize(
    "damage", [_flip_in(b"CREATE TRIGGER", 3), _flip_in(b"letters_year", 2), _flip_in(b"meta", 1)]
)
def test_a_backup_with_flipped_bytes_is_a_message(
    damage: Callable[[bytes], bytes], library: Path, tmp_path: Path
) -> None:
    made = B.make_backup(library, tmp_path / "backups", reason="manual")
    broken = tmp_path / "broken.db"
    broken.write_bytes(damage(made.read_bytes()))
    before = library.read_bytes()
    with pytest.raises(BackupError) as info:
        B.restore_backup(broken, library)
    assert "broken.db" in info.value.message
    assert library.read_bytes() == before
    problem = B.library_problem(broken)
    assert problem is not None and isinstance(problem, str)
