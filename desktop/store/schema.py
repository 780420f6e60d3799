"""The library's schema, as a linear chain of sqlite-utils migrations.

Add a new ``@MIGRATIONS()`` function at the end for every change; never edit one that has
shipped. ``tests/fixtures/`` keeps one small real library per released schema.
"""

from __future__ import annotations

import datetime as dt
import sys
from array import array
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database, Migrations

from desktop.fold import to_simplified
from desktop.store.audit import M015_SQL, M016_SQL
from desktop.store.portable import PortableMigration
from desktop.store.word_index import create_word_indexes

MIGRATION_SET = "replydesk"
MIGRATIONS = Migrations(MIGRATION_SET)


@MIGRATIONS()
def m001_library(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

        CREATE TABLE letters (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('reply', 'reference')),
            title TEXT,
            addressee TEXT NOT NULL DEFAULT '[]',      -- JSON list, lead first
            addressee_role TEXT,
            proposal_number TEXT,
            proposal_title TEXT,
            session TEXT,
            agency TEXT,
            main_organizer TEXT,
            co_organizers TEXT NOT NULL DEFAULT '[]',  -- JSON list
            reply_date TEXT,                           -- ISO date
            year INTEGER,
            category TEXT,
            contact_name TEXT,
            contact_phone TEXT,
            doc_number TEXT,
            source_path TEXT,
            source_format TEXT,
            content_hash TEXT NOT NULL UNIQUE,
            imported_at TEXT NOT NULL
        );
        CREATE INDEX letters_year ON letters(year);
        CREATE INDEX letters_agency ON letters(agency);

        -- One row per distinct normalized paragraph.
        CREATE TABLE paragraphs (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            length INTEGER NOT NULL,
            is_heading INTEGER NOT NULL DEFAULT 0,
            latest_year INTEGER                        -- newest year of any source letter
        );

        -- Where each paragraph stands in each letter (provenance and order).
        CREATE TABLE letter_paragraphs (
            letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id),
            section TEXT NOT NULL,
            is_heading INTEGER NOT NULL DEFAULT 0,
            original TEXT NOT NULL,
            PRIMARY KEY (letter_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX letter_paragraphs_paragraph ON letter_paragraphs(paragraph_id, letter_id);

        CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
            text, content='paragraphs', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
            INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
            INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text)
                VALUES ('delete', old.id, old.text);
        END;
        CREATE TRIGGER paragraphs_au AFTER UPDATE OF text ON paragraphs BEGIN
            INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text)
                VALUES ('delete', old.id, old.text);
            INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
        END;
        -- Term statistics for choosing distinctive terms in "similar letters".
        CREATE VIRTUAL TABLE paragraphs_vocab USING fts5vocab(paragraphs_fts, 'row');

        -- Titles of letters (proposal title, else document title), for "similar letters".
        CREATE VIRTUAL TABLE letter_titles_fts USING fts5(title, tokenize='trigram');
        """
    )


def known_migration_names() -> set[str]:
    return {m.name for m in MIGRATIONS._migrations}


# Characters that the one-character index keeps as tokens of their own, besides letters and
# digits: the punctuation of Chinese and Latin text (no quotes: they would end the option).
CHAR_TOKEN_PUNCTUATION = "，。、；：？！“”‘’（）《》〔〕【】…—·「」『』％＋－／.,:;!?()%+-/&@#*="


def spaced(text: str | None) -> str:
    """Text as the one-character index sees it: every character a token of its own
    (``" ".join(text)``, built as an array of code points: half the time)."""
    if not text or len(text) < 2 or _SPACE_UNIT.itemsize != 4:
        return " ".join(text or "")
    units = array("I", text.encode(_UTF32, "surrogatepass"))
    out = _SPACE_UNIT * (2 * len(units) - 1)
    out[0::2] = units
    return out.tobytes().decode(_UTF32, "surrogatepass")


_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_SPACE_UNIT = array("I", [ord(" ")])


@MIGRATIONS()
def m002_char_index_addressee_count(db: Database) -> None:
    db.execute("ALTER TABLE letters ADD COLUMN addressee_count INTEGER")
    # The trigram index cannot find terms of one or two characters. This index holds every
    # paragraph as single-character tokens, so such terms become token or phrase queries.
    # Contentless: it answers rowids and bm25 only; the text stays in ``paragraphs``.
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE chars_fts USING fts5(
            text, content='',
            tokenize="unicode61 remove_diacritics 0 tokenchars '{CHAR_TOKEN_PUNCTUATION}'"
        );
        CREATE TRIGGER paragraphs_chars_ai AFTER INSERT ON paragraphs BEGIN
            INSERT INTO chars_fts(rowid, text) VALUES (new.id, spaced(new.text));
        END;
        CREATE TRIGGER paragraphs_chars_ad AFTER DELETE ON paragraphs BEGIN
            INSERT INTO chars_fts(chars_fts, rowid, text)
                VALUES ('delete', old.id, spaced(old.text));
        END;
        CREATE TRIGGER paragraphs_chars_au AFTER UPDATE OF text ON paragraphs BEGIN
            INSERT INTO chars_fts(chars_fts, rowid, text)
                VALUES ('delete', old.id, spaced(old.text));
            INSERT INTO chars_fts(rowid, text) VALUES (new.id, spaced(new.text));
        END;
        INSERT INTO chars_fts(rowid, text) SELECT id, spaced(text) FROM paragraphs;
        """
    )


@MIGRATIONS()
def m003_cases_drafts_profile(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL,
            session TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL,
            data TEXT NOT NULL,                 -- the whole case as JSON (casework.Case)
            status TEXT NOT NULL DEFAULT 'drafting',
            due_date TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (session, number)
        );
        CREATE INDEX cases_due ON cases(due_date);

        -- Every save of a draft is a version; restoring one saves it again as the newest.
        CREATE TABLE draft_versions (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            saved_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            content TEXT NOT NULL,              -- casework.Draft as JSON
            UNIQUE (case_id, version)
        );

        CREATE TABLE profile (key TEXT PRIMARY KEY, value TEXT NOT NULL);  -- JSON values
        CREATE TABLE profile_files (key TEXT PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL);
        """
    )


@MIGRATIONS()
def m004_autosave(db: Database) -> None:
    # The working copy of an open draft, written every few seconds and on every structural
    # change; a row newer than the case's last saved version after a crash is offered back.
    db.executescript(
        """
        CREATE TABLE autosave (
            case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            saved_at TEXT NOT NULL,
            content TEXT NOT NULL
        );
        """
    )


@MIGRATIONS()
def m005_letter_origin(db: Database) -> None:
    # Where a letter received in a colleague's pack (desktop/packs.py) was first imported from
    # a file: JSON {"library_id": "<uuid>", "letter_id": <id there>}. NULL for the library's own.
    db.execute("ALTER TABLE letters ADD COLUMN origin TEXT")


@MIGRATIONS()
def m006_draft_version_source(db: Database) -> None:
    # Where each saved version came from (casework.DRAFT_SOURCES: the window, the command
    # line, a restore of version N, recovery after a crash …), shown in the versions dialog.
    db.executescript(
        """
        ALTER TABLE draft_versions ADD COLUMN source TEXT NOT NULL DEFAULT '';
        ALTER TABLE draft_versions ADD COLUMN restored_from INTEGER;
        UPDATE draft_versions SET source = 'cli' WHERE note = 'replydesk draft';
        UPDATE draft_versions SET source = 'restore',
            restored_from = CAST(substr(note, 5, length(note) - 6) AS INTEGER)
            WHERE note LIKE '恢复自第 % 版';
        """
    )


@MIGRATIONS()
def m007_letter_sources_corrections(db: Database) -> None:
    # What a clerk's corrections and a better parser need (issue 10):
    # - letter_sources.source_text: the reader's lines as imported, a JSON list of strings, so
    #   a newer parser can read the letter again (no row for letters imported before this
    #   version). A table of its own: a letter's lines are 5-50 KB, and listing or searching
    #   10,000 letters must not step over them in the letters table;
    # - source_hash: desktop.letter_identity.source_hash of those lines: the duplicate check
    #   still finds a letter whose fields or paragraphs changed since it was imported;
    # - field_sources: JSON {field: {"line", "rule", "certain"}}, where each field came from;
    # - corrections: JSON {"fields": {field: value}, "kind": "reply", "sections": true}, what
    #   the clerk set (only the keys the clerk touched): a re-parse never overwrites these;
    # - parser_version: desktop.understand.PARSER_VERSION that read the letter (NULL: before).
    db.executescript(
        """
        ALTER TABLE letters ADD COLUMN source_hash TEXT;
        ALTER TABLE letters ADD COLUMN field_sources TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE letters ADD COLUMN corrections TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE letters ADD COLUMN parser_version INTEGER;
        CREATE INDEX letters_source_hash ON letters(source_hash);
        CREATE TABLE letter_sources (
            letter_id INTEGER PRIMARY KEY REFERENCES letters(id) ON DELETE CASCADE,
            source_text TEXT NOT NULL                  -- JSON list of the reader's lines
        );
        """
    )


def search_text(text: str) -> str | None:
    """``paragraphs.search_text`` for a paragraph's text: the text folded to simplified
    characters (desktop/fold.py), or None when folding changes nothing — most paragraphs; the
    indexes then read ``text`` itself (see the ``paragraphs_search`` view)."""
    folded = to_simplified(text)
    return None if folded == text else folded


# The paragraph indexes as m008 makes them: over the view ``paragraphs_search``, each
# paragraph's text folded to simplified characters.
_PARAGRAPH_INDEXES_V8 = f"""
    CREATE VIEW paragraphs_search AS
        SELECT id, coalesce(search_text, text) AS search_text FROM paragraphs;
    CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
        search_text, content='paragraphs_search', content_rowid='id', tokenize='trigram'
    );
    CREATE VIRTUAL TABLE paragraphs_vocab USING fts5vocab(paragraphs_fts, 'row');
    CREATE VIRTUAL TABLE chars_fts USING fts5(
        text, content='',
        tokenize="unicode61 remove_diacritics 0 tokenchars '{CHAR_TOKEN_PUNCTUATION}'"
    );
    CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
        INSERT INTO paragraphs_fts(rowid, search_text)
            VALUES (new.id, coalesce(new.search_text, new.text));
        INSERT INTO chars_fts(rowid, text)
            VALUES (new.id, spaced(coalesce(new.search_text, new.text)));
    END;
    CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
        INSERT INTO paragraphs_fts(paragraphs_fts, rowid, search_text)
            VALUES ('delete', old.id, coalesce(old.search_text, old.text));
        INSERT INTO chars_fts(chars_fts, rowid, text)
            VALUES ('delete', old.id, spaced(coalesce(old.search_text, old.text)));
    END;
    CREATE TRIGGER paragraphs_au AFTER UPDATE OF text, search_text ON paragraphs BEGIN
        INSERT INTO paragraphs_fts(paragraphs_fts, rowid, search_text)
            VALUES ('delete', old.id, coalesce(old.search_text, old.text));
        INSERT INTO paragraphs_fts(rowid, search_text)
            VALUES (new.id, coalesce(new.search_text, new.text));
        INSERT INTO chars_fts(chars_fts, rowid, text)
            VALUES ('delete', old.id, spaced(coalesce(old.search_text, old.text)));
        INSERT INTO chars_fts(rowid, text)
            VALUES (new.id, spaced(coalesce(new.search_text, new.text)));
    END;
"""


@MIGRATIONS()
def m008_fold_traditional(db: Database) -> None:
    # Letters served in traditional characters (issue 10): ``paragraphs.text`` keeps the
    # original, the new ``search_text`` holds it folded to simplified characters (the same
    # length, character for character: desktop/fold.py) where that changes anything, NULL
    # where it does not (simplified text: nearly every paragraph, stored once). Both paragraph
    # indexes read the folded text through the view ``paragraphs_search``; the title index
    # holds folded titles. So 关于 finds 關於 and the other way round.
    # Whoever inserts a paragraph or changes its text sets ``search_text =
    # schema.search_text(text)`` (index_rows.paragraph_ids does); the triggers read
    # the stored value, also when deleting, so a newer OpenCC cannot desynchronise the index.
    db.executescript(
        """
        DROP TRIGGER paragraphs_ai;
        DROP TRIGGER paragraphs_ad;
        DROP TRIGGER paragraphs_au;
        DROP TRIGGER paragraphs_chars_ai;
        DROP TRIGGER paragraphs_chars_ad;
        DROP TRIGGER paragraphs_chars_au;
        DROP TABLE paragraphs_vocab;
        DROP TABLE paragraphs_fts;
        DROP TABLE chars_fts;
        ALTER TABLE paragraphs ADD COLUMN search_text TEXT;
        """
    )
    conn = db.conn
    folded = []
    for pid, text in conn.execute("SELECT id, text FROM paragraphs"):
        value = search_text(text)
        if value is not None:
            folded.append((value, pid))
    conn.executemany("UPDATE paragraphs SET search_text = ? WHERE id = ?", folded)
    for rowid, title in conn.execute("SELECT rowid, title FROM letter_titles_fts").fetchall():
        value = search_text(title or "")
        if value is not None:
            conn.execute("DELETE FROM letter_titles_fts WHERE rowid = ?", [rowid])
            conn.execute(
                "INSERT INTO letter_titles_fts(rowid, title) VALUES (?, ?)", [rowid, value]
            )
    db.executescript(
        _PARAGRAPH_INDEXES_V8
        + """
        INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild');
        INSERT INTO chars_fts(rowid, text) SELECT id, spaced(search_text) FROM paragraphs_search;
        """
    )


# The columns that record a moment (desktop/timestamps.py), and the meta keys that do.
_M009_COLUMNS = (
    ("letters", "imported_at"),
    ("cases", "created_at"),
    ("cases", "updated_at"),
    ("draft_versions", "saved_at"),
    ("autosave", "saved_at"),
)
_M009_META_KEYS = ("last_pack_export",)


def _m009_utc(value: object) -> str | None:
    """A stored time stamp in UTC with its offset, or None when it is no time stamp (left as
    it is). Self-contained: a migration must keep doing what it did when it shipped."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        # Local wall-clock time of this machine. An hour that occurs twice (the end of
        # daylight-saving time) is read as its first occurrence (fold=0: summer time); an
        # hour that was skipped (its start) with the summer-time offset, as Python does.
        moment = moment.astimezone()
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


@MIGRATIONS()
def m009_utc_timestamps(db: Database) -> None:
    # One convention for time stamps (issue 11, desktop/timestamps.py): UTC with the offset
    # written out. Until now ``letters.imported_at`` and the pack export time were UTC, but
    # cases, draft versions and the autosave held local wall-clock time without an offset.
    # Those are converted with this machine's time zone at migration time (where the clerk
    # wrote them); values that carry an offset are written in UTC; text that is no time
    # stamp is left alone. The clerk still sees the same local times (shown in local time).
    conn = db.conn
    for table, column in _M009_COLUMNS:
        changed = []
        for rowid, value in conn.execute(f"SELECT rowid, {column} FROM {table}"):
            utc = _m009_utc(value)
            if utc is not None and utc != value:
                changed.append((utc, rowid))
        conn.executemany(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", changed)
    for key in _M009_META_KEYS:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        utc = _m009_utc(row[0]) if row else None
        if utc is not None and utc != row[0]:
            conn.execute("UPDATE meta SET value = ? WHERE key = ?", [utc, key])


@MIGRATIONS()
def m010_word_indexes(db: Database) -> None:
    # "Similar letters" by words (issue 12): every paragraph and letter title cut into words
    # (desktop/words.py), kept in step by triggers; existing libraries are filled here.
    create_word_indexes(db)


@MIGRATIONS()
def m011_case_letters(db: Database) -> None:
    # A case's reply joins the library when the case is marked sent: letters.case_id.
    from desktop.store.case_letters import m011_case_letters as migrate

    migrate(db)


@MIGRATIONS()
def m012_letter_search(db: Database) -> None:
    # Titles, headings and metadata are searchable (issue 12): the ``letter_search`` table
    # with its one-character index and the triggers that keep it in step
    # (desktop/store/letter_search.py); every stored letter is filled in.
    from desktop.store import letter_search

    letter_search.migrate(db)


@MIGRATIONS()
def m013_index_rows_by_the_store(db: Database) -> None:
    # Import speed (issue 12): the store writes a new paragraph's and a new letter's index
    # rows itself (desktop/store/index_rows.py says why); the insert triggers go.
    from desktop.store.index_rows import drop_insert_triggers  # it imports this module

    drop_insert_triggers(db)


@MIGRATIONS()
def m014_case_lifecycle(db: Database) -> None:
    # The clerk's year (issue 13): seven statuses with a dated history, co-organizers'
    # opinions, feedback and rounds (desktop/store/case_lifecycle.py); "awaiting" → "signoff".
    from desktop.store.case_lifecycle import m014_case_lifecycle as migrate

    migrate(db)


# ---------------------------------------------------------------------------------------------
# From m015 on: one description for both engines (desktop/store/portable.py). A PostgreSQL
# library starts from a baseline equal to m001–m014 (desktop/store/pg/schema.py).

BASELINE_NAMES: tuple[str, ...] = tuple(m.name for m in MIGRATIONS._migrations)
PORTABLE_MIGRATIONS: list[PortableMigration] = []


def portable(name: str, sql: str = "", rows: Callable[[Any], None] | None = None) -> None:
    """Add the next migration, for both engines: ``sql`` in the portable dialect
    (:func:`desktop.store.portable.render`), then ``rows(db)`` in the same transaction
    (``db.execute`` with ``?`` placeholders; ``db.engine`` is "sqlite" or "postgresql")."""
    migration = PortableMigration(name, sql, rows)
    PORTABLE_MIGRATIONS.append(migration)

    def apply(db: Database) -> None:
        migration.apply(db)

    MIGRATIONS(name=name)(apply)


def migration_names() -> list[str]:
    """Every migration this program knows, in order (the same on both engines)."""
    return [m.name for m in MIGRATIONS._migrations]


# Register migrations below this line, in order, with portable(...).

# Many clerks at once (issue 14): the audit table, a case's assignee (经办人), the draft
# revision its saves are checked against, who saved each draft version (desktop/store/audit.py).
portable("m015_clerks", M015_SQL)
# A working copy per clerk (issue 14): two clerks' unsaved edits of one case stay apart.
portable("m016_working_copy_per_clerk", M016_SQL)
# The window lists the newest letters first as it starts (LetterRepository.newest): in this
# order a page is read off the index instead of sorting every letter (11 ms → 0.6 ms at 10,000).
portable(
    "m017_letters_newest_first",
    "CREATE INDEX letters_newest ON letters (coalesce(reply_date, '') DESC, id DESC);",
)
