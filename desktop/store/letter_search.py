"""Letters found by their title, headings and metadata (``store.letter_search``): the
``letter_search`` table, its one-character index, the triggers that keep both in step with
``letters`` and ``letter_paragraphs``, and the queries on them.

``letter_search`` holds per letter, folded to simplified characters:
- ``fields``: title, proposal title, number (第35号), session, proposers, one a line
  (:func:`desktop.letter_search_fields.fields_search_text`);
- ``headings``: the letter's heading paragraphs, one a line (their ``search_text``);
- ``proposers``: the names one a line, and ``number``: the number's key, for the filters.

Triggers fill it whatever writes a letter (import, an edit, a re-read, a pack, an undone
delete): the ones on ``letters`` call the Python functions :func:`register_functions` puts on
the connection (as the paragraph indexes call ``spaced``), those on ``letter_paragraphs``
rebuild ``headings`` from the paragraphs. ``letter_chars_fts`` holds ``fields`` and
``headings`` as one-character tokens: any term, one character or ten, is a phrase there.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desktop.fold import to_simplified
from desktop.letter_search_fields import (
    fields_search_text,
    number_key,
    proposer_names,
    proposers_search_text,
)
from desktop.library_rows import LetterMatch
from desktop.store.schema import CHAR_TOKEN_PUNCTUATION, spaced

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase
    from desktop.store.search_queries import SearchFilters

# With this many index matches or more, a term is common in the letters: walking the letters
# newest first (the year index) meets enough matches at once, where ranking every match of
# "会" (all 10,000 letters) would take 13 ms.
DENSE = 1000
_HEADINGS = """(SELECT coalesce(group_concat(t, char(10)), '') FROM (
        SELECT coalesce(p.search_text, p.text) AS t FROM letter_paragraphs lp
        JOIN paragraphs p ON p.id = lp.paragraph_id
        WHERE lp.letter_id = {id} AND lp.is_heading = 1 ORDER BY lp.position))"""

SCHEMA = f"""
    CREATE TABLE letter_search (
        letter_id INTEGER PRIMARY KEY,
        fields TEXT NOT NULL DEFAULT '',
        headings TEXT NOT NULL DEFAULT '',
        proposers TEXT NOT NULL DEFAULT '',
        number TEXT NOT NULL DEFAULT '',
        year INTEGER
    );
    CREATE INDEX letter_search_year ON letter_search(year);
    CREATE VIRTUAL TABLE letter_chars_fts USING fts5(
        text, content='',
        tokenize="unicode61 remove_diacritics 0 tokenchars '{CHAR_TOKEN_PUNCTUATION}'"
    );
    CREATE TRIGGER letter_search_ai AFTER INSERT ON letter_search BEGIN
        INSERT INTO letter_chars_fts(rowid, text)
            VALUES (new.letter_id, spaced(new.fields || char(10) || new.headings));
    END;
    CREATE TRIGGER letter_search_ad AFTER DELETE ON letter_search BEGIN
        INSERT INTO letter_chars_fts(letter_chars_fts, rowid, text)
            VALUES ('delete', old.letter_id, spaced(old.fields || char(10) || old.headings));
    END;
    CREATE TRIGGER letter_search_au AFTER UPDATE OF fields, headings ON letter_search BEGIN
        INSERT INTO letter_chars_fts(letter_chars_fts, rowid, text)
            VALUES ('delete', old.letter_id, spaced(old.fields || char(10) || old.headings));
        INSERT INTO letter_chars_fts(rowid, text)
            VALUES (new.letter_id, spaced(new.fields || char(10) || new.headings));
    END;
    CREATE TRIGGER letters_search_ai AFTER INSERT ON letters BEGIN
        INSERT OR REPLACE INTO letter_search
            (letter_id, fields, headings, proposers, number, year)
        VALUES (new.id,
                letter_search_fields(new.title, new.proposal_title, new.proposal_number,
                                     new.session, new.addressee),
                {_HEADINGS.format(id="new.id")},
                letter_search_proposers(new.addressee),
                letter_number_key(new.proposal_number),
                new.year);
    END;
    CREATE TRIGGER letters_search_au
    AFTER UPDATE OF title, proposal_title, proposal_number, session, addressee, year
    ON letters BEGIN
        UPDATE letter_search SET
            fields = letter_search_fields(new.title, new.proposal_title, new.proposal_number,
                                          new.session, new.addressee),
            proposers = letter_search_proposers(new.addressee),
            number = letter_number_key(new.proposal_number),
            year = new.year
        WHERE letter_id = new.id;
    END;
    CREATE TRIGGER letters_search_ad AFTER DELETE ON letters BEGIN
        DELETE FROM letter_search WHERE letter_id = old.id;
    END;
    CREATE TRIGGER letter_headings_ai AFTER INSERT ON letter_paragraphs
    WHEN new.is_heading = 1 BEGIN
        UPDATE letter_search SET headings = {_HEADINGS.format(id="new.letter_id")}
        WHERE letter_id = new.letter_id;
    END;
    CREATE TRIGGER letter_headings_ad AFTER DELETE ON letter_paragraphs
    WHEN old.is_heading = 1 BEGIN
        UPDATE letter_search SET headings = {_HEADINGS.format(id="old.letter_id")}
        WHERE letter_id = old.letter_id;
    END;
    CREATE TRIGGER letter_headings_au AFTER UPDATE ON letter_paragraphs
    WHEN old.is_heading = 1 OR new.is_heading = 1 BEGIN
        UPDATE letter_search SET headings = {_HEADINGS.format(id="old.letter_id")}
        WHERE letter_id = old.letter_id;
        UPDATE letter_search SET headings = {_HEADINGS.format(id="new.letter_id")}
        WHERE letter_id = new.letter_id AND new.letter_id <> old.letter_id;
    END;
"""


def register_functions(conn: sqlite3.Connection) -> None:
    """The functions the ``letters`` triggers call; every connection that writes letters
    needs them (the store registers them when it opens a library)."""
    conn.create_function("letter_search_fields", 5, fields_search_text, deterministic=True)
    conn.create_function("letter_search_proposers", 1, proposers_search_text, deterministic=True)
    conn.create_function("letter_number_key", 1, number_key, deterministic=True)


def migrate(db: Database) -> None:
    """Schema 10: the table, its index and triggers; every stored letter filled in (the
    fields computed here, not by the SQL functions, which a migration cannot count on)."""
    db.executescript(SCHEMA)
    conn = db.conn
    rows = [
        (
            r[0],
            fields_search_text(r[1], r[2], r[3], r[4], r[5]),
            proposers_search_text(r[5]),
            number_key(r[3]),
            r[6],
        )
        for r in conn.execute(
            "SELECT id, title, proposal_title, proposal_number, session, addressee, year"
            " FROM letters"
        ).fetchall()
    ]
    conn.executemany(
        "INSERT INTO letter_search (letter_id, fields, proposers, number, year)"
        " VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute(
        f"UPDATE letter_search SET headings = {_HEADINGS.format(id='letter_search.letter_id')}"
        " WHERE EXISTS (SELECT 1 FROM letter_paragraphs lp"
        " WHERE lp.letter_id = letter_search.letter_id AND lp.is_heading = 1)"
    )


def _folds(term: str) -> bool:
    return term.isascii() and term.lower() != term.upper()


def _contains(terms: Sequence[str]) -> tuple[str, list[Any]]:
    """Every term in the fields or the headings (two columns: no text built per row)."""
    parts, args = [], []
    for term in terms:
        if _folds(term):
            parts.append(
                " AND (instr(lower(ls.fields), ?) > 0 OR instr(lower(ls.headings), ?) > 0)"
            )
            args.extend([term.lower()] * 2)
        else:
            parts.append(" AND (instr(ls.fields, ?) > 0 OR instr(ls.headings, ?) > 0)")
            args.extend([term] * 2)
    return "".join(parts), args


def letter_filter_sql(filters: SearchFilters, letter: str = "l") -> tuple[list[str], list[Any]]:
    """Conditions on a ``letters`` row (alias ``letter``) for the letter-level filters:
    proposer (part of a name, folded), number (its key), category and role (as stored),
    agency (folded) and kind."""
    cond: list[str] = []
    args: list[Any] = []
    if filters.agency:
        # Agencies are stored as written (花都區衛生健康局): compared folded, like the text.
        cond.append(
            f"instr(to_simplified(coalesce({letter}.agency, '') || ' ' ||"
            f" coalesce({letter}.main_organizer, '')), ?)"
        )
        args.append(to_simplified(filters.agency))
    if filters.kind:
        cond.append(f"{letter}.kind = ?")
        args.append(filters.kind)
    if filters.proposer:
        cond.append(
            f"EXISTS (SELECT 1 FROM letter_search fs WHERE fs.letter_id = {letter}.id"
            " AND instr(fs.proposers, ?) > 0)"
        )
        args.append(to_simplified(filters.proposer.strip()))
    if filters.number:
        cond.append(
            f"EXISTS (SELECT 1 FROM letter_search fs WHERE fs.letter_id = {letter}.id"
            " AND fs.number = ?)"
        )
        args.append(number_key(filters.number))
    if filters.category:
        cond.append(f"upper(trim(coalesce({letter}.category, ''))) = ?")
        args.append(filters.category.strip().upper())
    if filters.role:
        cond.append(f"{letter}.addressee_role = ?")
        args.append(filters.role)
    return cond, args


def _filters(filters: SearchFilters) -> tuple[str, str, list[Any]]:
    """The filters on a letter hit: a join of ``letters`` when one needs its columns (a
    letters row is large: joining it for every candidate would cost more than the search), and
    the conditions."""
    cond: list[str] = []
    args: list[Any] = []
    if filters.proposer:
        cond.append("instr(ls.proposers, ?) > 0")
        args.append(to_simplified(filters.proposer.strip()))
    if filters.number:
        cond.append("ls.number = ?")
        args.append(number_key(filters.number))
    if filters.year_from is not None:
        cond.append("ls.year >= ?")
        args.append(filters.year_from)
    if filters.year_to is not None:
        cond.append("ls.year <= ?")
        args.append(filters.year_to)
    rest = replace(filters, proposer=None, number=None, year_from=None, year_to=None)
    letter_cond, letter_args = letter_filter_sql(rest)
    join = " JOIN letters l ON l.id = ls.letter_id" if letter_cond else ""
    where = "".join(f" AND {c}" for c in (*cond, *letter_cond))
    return join, where, [*args, *letter_args]


def _phrase(term: str) -> str:
    return '"' + " ".join(term).replace('"', '""') + '"'


class LetterSearchRepository:
    """The letters whose title, headings and metadata hold every term (``store.letter_search``)."""

    def __init__(self, db: LibraryDatabase) -> None:
        self._db = db

    def _source(
        self, terms: Sequence[str], indexed: bool, *, ordered: bool = True
    ) -> tuple[str, list[Any]]:
        """Where the candidates come from: the index's matches; when the hits are wanted
        newest first (``ordered``) and the terms are common, the letters newest first (the
        year index), which meets enough matches at once; the letters too for terms the index
        cannot hold."""
        walk = "letter_search ls"
        if not indexed:
            return walk, []
        match = " AND ".join(_phrase(t) for t in terms)
        if ordered:
            dense = self._db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM letter_chars_fts"
                " WHERE letter_chars_fts MATCH ? LIMIT ?)",
                [match, DENSE],
            ).fetchone()[0]
            if dense >= DENSE:
                return walk, []
        return (
            "(SELECT rowid AS id FROM letter_chars_fts WHERE letter_chars_fts MATCH ?) m"
            " JOIN letter_search ls ON ls.letter_id = m.id",
            [match],
        )

    def find(
        self, terms: Sequence[str], filters: SearchFilters, limit: int, *, indexed: bool = True
    ) -> list[LetterMatch]:
        """The letters whose fields and headings together hold every (folded) term, newest
        first (year, then the latest stored), at most ``limit``. ``indexed``: every term's
        characters are tokens of the one-character index (``desktop.search.char_indexable``)."""
        if not terms or limit <= 0:
            return []
        source, sargs = self._source(terms, indexed)
        contains, cargs = _contains(terms)
        join, fsql, fargs = _filters(filters)
        ids = [
            int(r[0])
            for r in self._db.execute(
                f"""SELECT ls.letter_id FROM {source}{join}
                    WHERE 1 {contains} {fsql}
                    ORDER BY ls.year DESC, ls.letter_id DESC
                    LIMIT ?""",
                [*sargs, *cargs, *fargs, limit],
            )
        ]
        return self._matches(ids)

    def _matches(self, ids: list[int]) -> list[LetterMatch]:
        """The letters' values and headings as stored, in the order of ``ids``."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {
            int(r[0]): r
            for r in self._db.execute(
                f"""SELECT l.id, l.year, l.kind, l.title, l.proposal_title, l.proposal_number,
                           l.session, l.addressee,
                           (SELECT json_group_array(t) FROM (
                                SELECT p.text AS t FROM letter_paragraphs lp
                                JOIN paragraphs p ON p.id = lp.paragraph_id
                                WHERE lp.letter_id = l.id AND lp.is_heading = 1
                                ORDER BY lp.position))
                    FROM letters l WHERE l.id IN ({marks})""",
                ids,
            )
        }
        return [_match(rows[i]) for i in ids if i in rows]

    def count(
        self, terms: Sequence[str], filters: SearchFilters, cap: int, *, indexed: bool = True
    ) -> int:
        """How many letters :meth:`find` would give without its limit, up to ``cap`` (the
        index's matches checked, in no order: walking the letters for a common term would
        check every letter that does not hold it too)."""
        if not terms:
            return 0
        source, sargs = self._source(terms, indexed, ordered=False)
        contains, cargs = _contains(terms)
        join, fsql, fargs = _filters(filters)
        sql = (
            f"SELECT count(*) FROM (SELECT 1 FROM {source}{join} WHERE 1 {contains} {fsql} LIMIT ?)"
        )
        return int(self._db.execute(sql, [*sargs, *cargs, *fargs, cap]).fetchone()[0])


def _match(r: Sequence[Any]) -> LetterMatch:
    headings = json.loads(r[8] or "[]")
    return LetterMatch(
        letter_id=int(r[0]),
        year=r[1],
        kind=r[2],
        title=r[3],
        proposal_title=r[4],
        proposal_number=r[5],
        session=r[6],
        addressee=proposer_names(r[7]),
        headings=[str(h) for h in headings],
    )


# m013 (desktop/store/index_rows.py): the insert triggers go — a trigger's statement runs under
# a savepoint, at which every FTS5 table written in the transaction flushes its pending terms
# (one tiny segment per paragraph of an import). The store calls these two instead.
INSERT_TRIGGERS_DROPPED_V13 = ("letters_search_ai", "letter_search_ai", "letter_headings_ai")


def add_letter_row(conn: sqlite3.Connection, letter_id: int) -> None:
    """A newly stored letter's row and its index row, once its paragraphs are stored (what
    ``letters_search_ai`` and ``letter_headings_ai`` did)."""
    if conn.execute("SELECT 1 FROM letter_search WHERE letter_id = ?", [letter_id]).fetchone():
        refresh_headings(conn, letter_id)
        return
    row = conn.execute(
        "SELECT title, proposal_title, proposal_number, session, addressee, year,"
        f" {_HEADINGS.format(id='?')} FROM letters WHERE id = ?",
        [letter_id, letter_id],
    ).fetchone()
    if row is None:
        return
    fields = fields_search_text(row[0], row[1], row[2], row[3], row[4])
    conn.execute(
        "INSERT INTO letter_search (letter_id, fields, headings, proposers, number, year)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [letter_id, fields, row[6], proposers_search_text(row[4]), number_key(row[2]), row[5]],
    )
    conn.execute(
        "INSERT INTO letter_chars_fts(rowid, text) VALUES (?, ?)",
        [letter_id, spaced(fields + "\n" + row[6])],
    )


def add_new_letter_row(
    conn: sqlite3.Connection,
    letter_id: int,
    fields: tuple[str, str, str],
    headings: str,
    year: int | None,
) -> None:
    """:func:`add_letter_row` of a letter just stored, whose ``letter_search`` values
    (fields, proposers, number: :func:`~desktop.store.index_rows.prepare_indexes`) and
    headings the caller has: no query."""
    text, proposers, number = fields
    conn.execute(
        "INSERT INTO letter_search (letter_id, fields, headings, proposers, number, year)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [letter_id, text, headings, proposers, number, year],
    )
    conn.execute(
        "INSERT INTO letter_chars_fts(rowid, text) VALUES (?, ?)",
        [letter_id, spaced(text + "\n" + headings)],
    )


def refresh_headings(conn: sqlite3.Connection, letter_id: int) -> None:
    """The letter's headings after its paragraphs were rewritten (an edit, a re-read, an
    undo); the update trigger keeps the index in step."""
    conn.execute(
        f"UPDATE letter_search SET headings = {_HEADINGS.format(id='?')} WHERE letter_id = ?",
        [letter_id, letter_id],
    )
