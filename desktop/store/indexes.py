"""The seam between the letters' tables, shared by both engines, and the search indexes,
which differ: every write the letter repositories make to an index goes through
:func:`indexes_of` (the connection's :class:`Indexes`).

On SQLite these are the FTS5 tables (desktop/store/index_rows.py, letter_search.py,
word_index.py); their delete and update triggers do the rest. On PostgreSQL the connection
carries its own (:attr:`desktop.store.pg.connection.PgConnection.indexes`, chosen in
desktop/store/pg/repositories.py): the search indexes there are pg-search's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from desktop.store.index_rows import IndexedParagraph


class Indexes(Protocol):
    """What the letter repositories tell the search indexes, inside their transaction."""

    def prepare_batch(self) -> None:
        """An import's batch starts (one write transaction for many letters)."""

    def paragraphs_added(self, rows: Sequence[tuple[int, IndexedParagraph]]) -> None:
        """New rows of ``paragraphs`` (id, what the indexes hold of it)."""

    def title_set(self, letter_id: int, folded_title: str | None) -> None:
        """The letter's title as the title index holds it (folded), replacing any before."""

    def title_words_added(self, letter_id: int, words: str) -> None:
        """A new letter's title words (desktop.words.index_text) for "similar letters"."""

    def letter_added(
        self, letter_id: int, fields: tuple[str, str, str], headings: str, year: int | None
    ) -> None:
        """A new letter's ``letter_search`` row: (fields, proposers, number), its headings."""

    def letter_rebuilt(self, letter_id: int) -> None:
        """A letter put back (undo of a delete): its ``letter_search`` row from its rows."""

    def headings_changed(self, letter_id: int) -> None:
        """The letter's paragraphs were rewritten: its headings in ``letter_search``."""

    def letters_deleted(self, letter_ids: Sequence[int]) -> None:
        """Letters deleted (their rows of ``letters`` are gone already)."""

    def letter_changed(self, letter_id: int) -> None:
        """A letter's row of ``letters`` was updated (an edit, a re-read, an undo)."""


class SqliteIndexes:
    """The FTS5 indexes of an SQLite library."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def prepare_batch(self) -> None:
        from desktop.store.index_rows import allow_large_batches

        allow_large_batches(self._conn)

    def paragraphs_added(self, rows: Sequence[tuple[int, IndexedParagraph]]) -> None:
        from desktop.store.index_rows import index_new_paragraphs

        index_new_paragraphs(self._conn, rows)

    def title_set(self, letter_id: int, folded_title: str | None) -> None:
        self._conn.execute("DELETE FROM letter_titles_fts WHERE rowid = ?", [letter_id])
        if folded_title:
            self._conn.execute(
                "INSERT INTO letter_titles_fts(rowid, title) VALUES (?, ?)",
                [letter_id, folded_title],
            )

    def title_words_added(self, letter_id: int, words: str) -> None:
        from desktop.store.index_rows import insert_title_words

        insert_title_words(self._conn, letter_id, words)

    def letter_added(
        self, letter_id: int, fields: tuple[str, str, str], headings: str, year: int | None
    ) -> None:
        from desktop.store.letter_search import add_new_letter_row

        add_new_letter_row(self._conn, letter_id, fields, headings, year)

    def letter_rebuilt(self, letter_id: int) -> None:
        from desktop.store.letter_search import add_letter_row

        add_letter_row(self._conn, letter_id)

    def headings_changed(self, letter_id: int) -> None:
        from desktop.store.letter_search import refresh_headings

        refresh_headings(self._conn, letter_id)

    def letters_deleted(self, letter_ids: Sequence[int]) -> None:
        for start in range(0, len(letter_ids), 500):  # SQLite's limit on bound parameters
            chunk = list(letter_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            self._conn.execute(f"DELETE FROM letter_titles_fts WHERE rowid IN ({marks})", chunk)

    def letter_changed(self, letter_id: int) -> None:
        pass  # the update triggers of letters_search_au and letters_words_au do it


def indexes_of(conn: Any) -> Indexes:
    """The indexes written through ``conn`` (a store's ``db.conn``)."""
    own = getattr(conn, "indexes", None)
    return own if own is not None else SqliteIndexes(conn)
