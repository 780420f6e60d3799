"""Both engines' schemas are one: an empty library migrated on SQLite and on PostgreSQL has
the same tables, columns, nullability, type families and indexes — so a migration added for
one engine only fails here. SQLite's FTS5 tables (and their shadow tables) are left out: the
search indexes on PostgreSQL are different tables (desktop/store/pg/schema.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from desktop.store import LibraryStore
from desktop.store.pg.schema import SEARCH_INDEXES, SEARCH_TABLES
from desktop.store.portable import PortableMigration

Columns = dict[str, dict[str, tuple[str, bool]]]  # table -> column -> (type family, nullable)
MIGRATION_TABLES = {"_sqlite_migrations", "replydesk_migrations"}


def _family(declared: str) -> str:
    name = declared.upper()
    if "INT" in name:
        return "integer"
    if "CHAR" in name or "TEXT" in name:
        return "text"
    if "BLOB" in name or "BYTEA" in name:
        return "binary"
    if any(word in name for word in ("REAL", "FLOA", "DOUB", "NUMERIC")):
        return "number"
    return f"other:{name}"


def _fts_tables(conn: sqlite3.Connection) -> set[str]:
    virtual = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
        )
    ]
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {n for n in names if any(n == v or n.startswith(f"{v}_") for v in virtual)}


def sqlite_schema(path: Path) -> tuple[Columns, set[str]]:
    conn = sqlite3.connect(path)
    try:
        skip = _fts_tables(conn) | MIGRATION_TABLES
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if r[0] not in skip and not r[0].startswith("sqlite_")
        ]
        columns: Columns = {}
        for table in tables:
            columns[table] = {
                name: (_family(declared), not (notnull or pk))
                for _cid, name, declared, notnull, _default, pk in conn.execute(
                    f"PRAGMA table_info({table})"
                )
            }
        indexes = {
            name
            for name, table in conn.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
            if table not in skip
        }
        return columns, indexes
    finally:
        conn.close()


def pg_schema(store: LibraryStore) -> tuple[Columns, set[str]]:
    columns: Columns = {}
    for table, name, data_type, nullable in store.db.execute(
        "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns"
        " WHERE table_schema = current_schema()"
        " AND table_name IN (SELECT table_name FROM information_schema.tables"
        "  WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')"
    ).fetchall():
        if table in MIGRATION_TABLES:
            continue
        columns.setdefault(table, {})[name] = (_family(data_type), nullable == "YES")
    # Indexes made by hand, not those PostgreSQL makes for a primary key or UNIQUE constraint.
    indexes = {
        r[0]
        for r in store.db.execute(
            "SELECT i.indexname FROM pg_indexes i WHERE i.schemaname = current_schema()"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
        ).fetchall()
    }
    return columns, indexes


def test_an_empty_library_has_one_schema_on_both_engines(
    pg_database_url: str, tmp_path: Path
) -> None:
    LibraryStore(tmp_path / "library.db").close()
    lite_columns, lite_indexes = sqlite_schema(tmp_path / "library.db")
    with LibraryStore(pg_database_url) as pg:
        pg_columns, pg_indexes = pg_schema(pg)
    only_pg = set(SEARCH_TABLES)  # PostgreSQL's own search indexes
    pg_columns = {t: c for t, c in pg_columns.items() if t not in only_pg}
    assert sorted(pg_columns) == sorted(lite_columns)
    for table, columns in lite_columns.items():
        assert pg_columns[table] == columns, table
    shared = {i for i in pg_indexes if not any(i.startswith(t) for t in only_pg)}
    assert shared - set(SEARCH_INDEXES) == lite_indexes
    assert "letters" in lite_columns and "case_feedback" in lite_columns  # not vacuous


def _apply(store: LibraryStore, migration: PortableMigration) -> None:
    database: Any = store.db
    with database.atomic():
        migration.apply(database)


def test_one_description_makes_the_same_change_on_both_engines(
    pg_database_url: str, tmp_path: Path
) -> None:
    """What a migration from m015 on is: portable SQL (and a step on rows), applied as it
    is on SQLite and rendered for PostgreSQL (desktop/store/portable.py)."""

    def fill(db: Any) -> None:
        db.execute(
            "INSERT INTO sample_log (case_id, action, picture) VALUES (?, ?, ?)",
            [None, "导入", b"\x00"],
        )

    migration = PortableMigration(
        "m900_test_sample_log",
        """
        CREATE TABLE sample_log (
            id INTEGER PRIMARY KEY,
            case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
            action TEXT NOT NULL,
            picture BLOB
        );
        CREATE INDEX sample_log_case ON sample_log(case_id);
        ALTER TABLE cases ADD COLUMN sample_owner TEXT NOT NULL DEFAULT '';
        """,
        fill,
    )
    with LibraryStore(tmp_path / "library.db") as lite:
        _apply(lite, migration)
        lite_row = lite.db.execute("SELECT id, action, picture FROM sample_log").fetchall()
    lite_columns, lite_indexes = sqlite_schema(tmp_path / "library.db")
    with LibraryStore(pg_database_url) as pg:
        _apply(pg, migration)
        pg_columns, pg_indexes = pg_schema(pg)
        pg_row = pg.db.execute("SELECT id, action, picture FROM sample_log").fetchall()
        next_id = pg.db.execute("INSERT INTO sample_log (action) VALUES ('保存')").lastrowid
    assert pg_columns["sample_log"] == lite_columns["sample_log"] == {
        "id": ("integer", False),
        "case_id": ("integer", True),
        "action": ("text", False),
        "picture": ("binary", True),
    }
    assert pg_columns["cases"]["sample_owner"] == lite_columns["cases"]["sample_owner"]
    assert "sample_log_case" in pg_indexes and "sample_log_case" in lite_indexes
    assert [tuple(r) for r in pg_row] == [tuple(r) for r in lite_row] == [(1, "导入", b"\x00")]
    assert next_id == 2
