"""A PostgreSQL library's schema: a baseline equal to the SQLite library's at m014, then the
migrations both engines share (desktop/store/portable.py).

The baseline is the SQLite schema after m001–m014 without its FTS5 tables and their
triggers: the search indexes on PostgreSQL are the pg-search tables' job
(desktop/store/pg/search*.py), made by their own migrations. Written in the portable dialect
(rendered like every portable migration). One difference on purpose: ``letter_search``'s
row goes with its letter by a foreign key (SQLite deletes it with a trigger).

Applied migrations are recorded in ``replydesk_migrations``: the baseline records m001–m014
as SQLite's chain names them, so both engines list the same applied migrations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from desktop import timestamps
from desktop.store.errors import LibraryError
from desktop.store.pg.search_schema import SEARCH_INDEXES as SEARCH_INDEXES
from desktop.store.pg.search_schema import SEARCH_SCHEMA
from desktop.store.pg.search_schema import SEARCH_TABLES as SEARCH_TABLES
from desktop.store.portable import render

if TYPE_CHECKING:
    from desktop.store.pg.connection import PgDatabase

MIGRATIONS_TABLE: Final = "replydesk_migrations"
MIGRATION_SET: Final = "replydesk"
# The tables (and their indexes, named after them) only a PostgreSQL library has: its search
# indexes, in place of SQLite's FTS5 tables (desktop/store/pg/search_schema.py). The schema
# parity test (tests/unit/test_store_schema_parity.py) leaves these out; every other table is
# the same on both engines.

BASELINE_V14: Final = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL,
    session TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    data TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'drafting',
    due_date TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (session, number)
);
CREATE INDEX cases_due ON cases(due_date);

CREATE TABLE letters (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('reply', 'reference')),
    title TEXT,
    addressee TEXT NOT NULL DEFAULT '[]',
    addressee_role TEXT,
    proposal_number TEXT,
    proposal_title TEXT,
    session TEXT,
    agency TEXT,
    main_organizer TEXT,
    co_organizers TEXT NOT NULL DEFAULT '[]',
    reply_date TEXT,
    year INTEGER,
    category TEXT,
    contact_name TEXT,
    contact_phone TEXT,
    doc_number TEXT,
    source_path TEXT,
    source_format TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL,
    addressee_count INTEGER,
    origin TEXT,
    source_hash TEXT,
    field_sources TEXT NOT NULL DEFAULT '{}',
    corrections TEXT NOT NULL DEFAULT '{}',
    parser_version INTEGER,
    case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    case_round INTEGER
);
CREATE INDEX letters_year ON letters(year);
CREATE INDEX letters_agency ON letters(agency);
CREATE INDEX letters_source_hash ON letters(source_hash);
CREATE INDEX letters_case ON letters(case_id) WHERE case_id IS NOT NULL;

CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    length INTEGER NOT NULL,
    is_heading INTEGER NOT NULL DEFAULT 0,
    latest_year INTEGER,
    search_text TEXT
);
CREATE VIEW paragraphs_search AS
    SELECT id, coalesce(search_text, text) AS search_text FROM paragraphs;

CREATE TABLE letter_paragraphs (
    letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id),
    section TEXT NOT NULL,
    is_heading INTEGER NOT NULL DEFAULT 0,
    original TEXT NOT NULL,
    PRIMARY KEY (letter_id, position)
);
CREATE INDEX letter_paragraphs_paragraph ON letter_paragraphs(paragraph_id, letter_id);

CREATE TABLE letter_sources (
    letter_id INTEGER PRIMARY KEY REFERENCES letters(id) ON DELETE CASCADE,
    source_text TEXT NOT NULL
);

CREATE TABLE letter_search (
    letter_id INTEGER PRIMARY KEY REFERENCES letters(id) ON DELETE CASCADE,
    fields TEXT NOT NULL DEFAULT '',
    headings TEXT NOT NULL DEFAULT '',
    proposers TEXT NOT NULL DEFAULT '',
    number TEXT NOT NULL DEFAULT '',
    year INTEGER
);
CREATE INDEX letter_search_year ON letter_search(year);

CREATE TABLE draft_versions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    restored_from INTEGER,
    UNIQUE (case_id, version)
);

CREATE TABLE autosave (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    saved_at TEXT NOT NULL,
    content TEXT NOT NULL
);

CREATE TABLE profile (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE profile_files (key TEXT PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL);

CREATE TABLE case_status_history (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    previous TEXT,
    date TEXT NOT NULL,
    round INTEGER NOT NULL DEFAULT 1,
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX case_status_history_case ON case_status_history(case_id, id);

CREATE TABLE case_opinions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    received TEXT,
    letter_id INTEGER REFERENCES letters(id) ON DELETE SET NULL,
    remarks TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    UNIQUE (case_id, unit)
);

CREATE TABLE case_feedback (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    answer TEXT NOT NULL CHECK (answer IN ('satisfied', 'basically', 'unsatisfied')),
    date TEXT,
    remarks TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    UNIQUE (case_id, round)
);
"""

_RECORD_TABLE: Final = f"""
CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (
    migration_set TEXT NOT NULL,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (migration_set, name)
)
"""


def applied(db: PgDatabase) -> list[str]:
    """The names of the migrations recorded in the library, in the order they were applied
    (none in an empty database)."""
    exists = db.execute("SELECT to_regclass(?) IS NOT NULL", [MIGRATIONS_TABLE]).fetchone()
    if not exists or not exists[0]:
        return []
    rows = db.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY applied_at, name",
        [MIGRATION_SET],
    ).fetchall()
    return [str(r[0]) for r in rows]


def pending(db: PgDatabase) -> list[str]:
    """The migrations this program knows and the library has not had yet, in order."""
    from desktop.store.schema import migration_names

    done = set(applied(db))
    return [name for name in migration_names() if name not in done]


def check_not_newer(db: PgDatabase, where: str) -> None:
    """Refuse a library that a newer version of the program migrated further."""
    from desktop.store.schema import migration_names

    unknown = set(applied(db)) - set(migration_names())
    if unknown:
        raise LibraryError(
            f"服务器上的资料库“{where}”已由更新版本的答复助手升级，本版本无法安全使用。"
            "请升级本机的答复助手后再连接；本机的资料库没有受到影响。"
        )


def migrate(db: PgDatabase) -> list[str]:
    """Bring the schema up to date, once, however many programs connect at once (under the
    write lock); the names applied now."""
    if not pending(db):
        return []
    db.begin_write()
    try:
        todo = pending(db)  # again, now that nobody else can write
        if todo:
            _apply(db, todo)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    db.conn.forget_tables()
    return todo


def _apply(db: PgDatabase, todo: list[str]) -> None:
    from desktop.store.schema import BASELINE_NAMES, PORTABLE_MIGRATIONS

    db.executescript(_RECORD_TABLE)
    if todo[0] in BASELINE_NAMES:
        db.executescript(render(BASELINE_V14, "postgresql"))
        db.executescript(SEARCH_SCHEMA)
        for name in BASELINE_NAMES:
            _record(db, name)
    by_name = {m.name: m for m in PORTABLE_MIGRATIONS}
    for name in todo:
        if name in by_name:
            by_name[name].apply(db)
            _record(db, name)


def _record(db: PgDatabase, name: str) -> None:
    db.execute(
        f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [MIGRATION_SET, name, timestamps.now()],
    )
