from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop.search import search
from desktop.store import LibraryError, LibraryStore
from desktop.store.schema import MIGRATIONS
from tests.conftest import FIXTURES, make_letter


def test_new_library_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "library.db")
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_migrations() == [m.name for m in MIGRATIONS._migrations]
    assert {"letters", "paragraphs", "letter_paragraphs", "paragraphs_fts"} <= set(
        store.db.table_names()
    )
    assert store.integrity_check() == "ok"
    # A new, empty library needs no backup.
    assert not (store.path.parent / "backups").exists()
    store.close()


@pytest.fixture
def store(engine_store: LibraryStore) -> LibraryStore:
    """Every test here that takes ``store`` runs on both engines (tests/conftest.py)."""
    return engine_store


def test_identical_paragraphs_are_stored_once_with_every_source(store: LibraryStore) -> None:
    shared = "我市已建有市级以上众创空间33家，实现了各县(市)区全覆盖。"
    a = store.letters.add(
        make_letter(
            [("status", shared), ("plan", "下一步，我们将继续推进众创空间建设。")],
            date="2017-06-29",
        ),
        content_hash="a",
        source_path="a.txt",
        source_format="txt",
    )
    b = store.letters.add(
        make_letter(
            [("status", "  " + shared + " "), ("closing", "衷心感谢您提出的建议。")],
            date="2020-05-29",
        ),
        content_hash="b",
        source_path="b.txt",
        source_format="txt",
    )
    assert store.letters.paragraph_count() == 3
    rows = list(store.db.query("SELECT * FROM paragraphs WHERE text LIKE '%众创空间33家%'"))
    assert len(rows) == 1
    assert rows[0]["text"] == "我市已建有市级以上众创空间33家，实现了各县（市）区全覆盖。"
    assert rows[0]["latest_year"] == 2020
    sources = store.search.paragraph_sources([rows[0]["id"]])[rows[0]["id"]]
    assert [s.letter_id for s in sources] == [b, a]  # newest first
    # Each letter keeps its own original text and order.
    letter = store.letters.detail(a)
    assert letter is not None
    assert [p.section for p in letter.paragraphs] == ["status", "plan"]
    assert letter.paragraphs[0].original == shared


def test_add_letter_is_atomic(store: LibraryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.store.indexes import SqliteIndexes
    from desktop.store.pg.repositories import LetterSearchRows

    def failing(*_args: object) -> None:
        # The letter's row and its paragraphs are written by now.
        assert store.letters.paragraph_count() == 5
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(SqliteIndexes, "letter_added", failing)
    monkeypatch.setattr(LetterSearchRows, "letter_added", failing)
    letter = make_letter([("status", f"第{i}段内容，关于科技创新。") for i in range(5)])
    with pytest.raises(sqlite3.OperationalError):
        store.letters.add(letter, content_hash="x", source_path=None, source_format=None)
    assert store.letters.count() == 0
    assert store.letters.paragraph_count() == 0
    assert store.db.execute("SELECT count(*) FROM letter_paragraphs").fetchone()[0] == 0
    assert store.integrity_check() == "ok"


def test_backup_is_taken_before_a_migration_runs(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with LibraryStore(path) as s:
        s.letters.add(
            make_letter(["一段正文内容。"]), content_hash="h", source_path=None, source_format=None
        )

    @MIGRATIONS(name="m999_test_extra")
    def extra(db: Database) -> None:
        db.execute("CREATE TABLE extra_test (id INTEGER PRIMARY KEY)")

    try:
        with LibraryStore(path) as s:
            assert "extra_test" in s.db.table_names()
            listed = s.backups.all()
        # Named like every other backup, in the same folder, found by the same listing.
        backups = list((tmp_path / "backups").glob("library-*-before-migration.db"))
        assert len(backups) == 1 and os.listdir(tmp_path / "backups") == [backups[0].name]
        assert [(b.path, b.reason) for b in listed] == [(backups[0], "before-migration")]
        old = Database(backups[0])
        assert "extra_test" not in old.table_names()
        assert old["letters"].count == 1
    finally:
        MIGRATIONS._migrations.pop()


def test_the_stores_backups_make_list_and_check(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with LibraryStore(path, backup_dir=tmp_path / "elsewhere") as s:
        s.letters.add(
            make_letter(["一段正文内容。"]), content_hash="h", source_path=None, source_format=None
        )
        made = s.backups.make()
        assert made.parent == tmp_path / "elsewhere" and made.name.endswith("-manual.db")
        assert [b.path for b in s.backups.all()] == [made]
        assert s.backups.check(made).letters == 1
        info, refused = s.backups.newest_good()
        assert info is not None and info.path == made and refused == []
        named = s.backups.make(target_file=tmp_path / "u盘" / "copy.db")
        assert s.backups.check(named).letters == 1


def test_library_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    LibraryStore(path).close()
    db = Database(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "replydesk", "name": "m999_future", "applied_at": "2030-01-01"}
    )
    db.conn.close()
    with pytest.raises(LibraryError, match="更新版本"):
        LibraryStore(path)


def test_a_file_that_is_not_a_library_is_refused_plainly(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(LibraryError, match="无法打开"):
        LibraryStore(path)


SCHEMA_VERSIONS = range(1, len(MIGRATIONS._migrations) + 1)  # one per migration


def _fixture(version: int) -> Path:
    """tests/fixtures/library-vN.db, which every schema version must have."""
    fixture = FIXTURES / f"library-v{version}.db"
    assert fixture.is_file(), f"schema version {version} has no fixture {fixture.name}"
    return fixture


@pytest.mark.parametrize("version", SCHEMA_VERSIONS, ids=lambda v: f"v{v}")
def test_every_released_schema_opens_and_migrates(version: int, tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / f"library-v{version}.db"
    shutil.copy(_fixture(version), path)
    conn = sqlite3.connect(path)
    recorded = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    conn.close()
    assert recorded == [m.name for m in MIGRATIONS._migrations[:version]]  # made by version N
    with LibraryStore(path, backup_dir=tmp_path / "backups") as s:
        assert s.schema_migrations() == [m.name for m in MIGRATIONS._migrations]
        assert s.letters.count() > 0
        assert s.integrity_check() == "ok"
        # Indexes added by later migrations are filled from the existing paragraphs.
        hits = search(s, "科")
        assert hits and all("科" in h.text for h in hits)


def test_draft_versions_from_before_v6_get_their_source(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "library-v5.db"
    shutil.copy(FIXTURES / "library-v5.db", path)
    conn = sqlite3.connect(path)
    with conn:
        case_id = conn.execute("SELECT id FROM cases").fetchone()[0]
        for version, note in ((2, "replydesk draft"), (3, "恢复自第 12 版"), (4, "saved on exit")):
            conn.execute(
                "INSERT INTO draft_versions (case_id, version, saved_at, note, content)"
                " VALUES (?, ?, '2026-01-01T00:00:00', ?, '{}')",
                [case_id, version, note],
            )
    conn.close()
    with LibraryStore(path, backup_dir=tmp_path / "b") as s:
        got = [(v.version, v.source, v.restored_from) for v in s.drafts.versions(case_id)]
    assert got == [(1, "", None), (2, "cli", None), (3, "restore", 12), (4, "", None)]


def test_there_is_one_fixture_per_schema_version_and_no_other() -> None:
    found = sorted(int(p.stem.removeprefix("library-v")) for p in FIXTURES.glob("library-v*.db"))
    assert found == list(SCHEMA_VERSIONS)


def test_the_newest_letters_are_read_off_their_index(tmp_path: Path) -> None:
    """The window's first page of letters (``newest``) comes off ``letters_newest`` (m017),
    not from sorting every letter, and in the order of ``all``."""
    import sqlite3

    with LibraryStore(tmp_path / "l.db") as s:
        from desktop.sample import ensure_sample_library

        ensure_sample_library(s)
        expected = [r.id for r in s.letters.all()]
        assert [r.id for r in s.letters.newest(3)] == expected[:3]
        assert [r.id for r in s.letters.newest(3, offset=2)] == expected[2:5]
    conn = sqlite3.connect(tmp_path / "l.db")
    plan = " ".join(
        str(row[-1])
        for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM letters"
            " ORDER BY coalesce(reply_date, '') DESC, id DESC LIMIT 100"
        )
    )
    conn.close()
    assert "USING INDEX letters_newest" in plan or "USING COVERING INDEX letters_newest" in plan
    assert "TEMP B-TREE" not in plan
