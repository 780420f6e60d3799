"""Whether a library file's schema is exactly what its recorded migrations make.

A backup is restored only when its tables, columns, indexes, triggers and views are those
that this program's migrations create up to the version the file records: a file carrying
an extra trigger (one that deletes other letters on insert, say), or missing a table or a
column, is refused. The expected schema is built by applying the migrations to an empty
database in memory.
"""

from __future__ import annotations

import functools
import re
import sqlite3

from sqlite_utils import Database

from desktop.store.schema import MIGRATIONS, spaced
from desktop.store.word_index import register_functions

MIGRATIONS_TABLE = "_sqlite_migrations"
_KIND_ZH = {"table": "表", "index": "索引", "trigger": "触发器", "view": "视图"}

Schema = dict[tuple[str, str], str]  # (type, name) -> what defines it


def schema_of(conn: sqlite3.Connection) -> Schema:
    """Every table, index, trigger and view but SQLite's own (``sqlite_*``), with its SQL.

    The migrations table is written by sqlite-utils, whose SQL text differs between its
    versions: it is described by its column names instead."""
    found: Schema = {}
    for kind, name, table, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
        " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ):
        if name == MIGRATIONS_TABLE or table == MIGRATIONS_TABLE:
            if kind == "table":
                columns = [r[1] for r in conn.execute(f"PRAGMA table_info({MIGRATIONS_TABLE})")]
                found[(kind, name)] = "columns: " + ",".join(columns)
            continue
        found[(str(kind), str(name))] = " ".join(str(sql or "").split())
    return found


def migration_order() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]


@functools.lru_cache(maxsize=16)
def expected_schema(applied: tuple[str, ...]) -> Schema | None:
    """The schema the migrations ``applied`` (in this order) create, or None when they are
    not the first migrations of this program in order."""
    order = migration_order()
    if list(applied) != order[: len(applied)]:
        return None
    conn = sqlite3.connect(":memory:")
    try:
        conn.create_function("spaced", 1, spaced, deterministic=True)
        register_functions(conn)
        db = Database(conn)
        stop = order[len(applied)] if len(applied) < len(order) else None
        MIGRATIONS.apply(db, stop_before=stop)
        return schema_of(conn)
    finally:
        conn.close()


def schema_differences(conn: sqlite3.Connection, applied: tuple[str, ...]) -> list[str]:
    """What differs from the expected schema, in plain Chinese (empty: it is as expected)."""
    expected = expected_schema(applied)
    if expected is None:
        return ["迁移记录的顺序与本程序不符"]
    actual = schema_of(conn)
    out: list[str] = []
    for kind, name in sorted(actual.keys() - expected.keys()):
        out.append(f"多出{_KIND_ZH.get(kind, kind)} {_shown(name)}")
    for kind, name in sorted(expected.keys() - actual.keys()):
        out.append(f"缺少{_KIND_ZH.get(kind, kind)} {_shown(name)}")
    for key in sorted(actual.keys() & expected.keys()):
        if actual[key] != expected[key]:
            out.append(f"{_KIND_ZH.get(key[0], key[0])} {_shown(key[1])} 的定义不同")
    return out


def _shown(name: str) -> str:
    """A name from a file that may be hostile: printable, and not too long."""
    text = re.sub(r"[^\w\-.]", "?", name)
    return text if len(text) <= 40 else text[:40] + "…"
