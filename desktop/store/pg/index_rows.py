"""What a PostgreSQL library's letter repositories write to its search indexes
(desktop/store/pg/search_schema.py), through the seam of desktop/store/indexes.py: the
paragraphs' character pairs and words, the titles' words, the ``letter_search`` rows.

Everything is computed here, in Python, by the writer (no trigger runs Python on the
server): new paragraphs' rows go in with one ``COPY`` per table and letter; a letter whose
title or metadata change (an edit, a re-read, an undo) has its ``letter_search`` fields and
title words computed again (:meth:`PgIndexes.letter_changed`). Deleting a paragraph or a
letter deletes its rows by foreign key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop.letter_search_fields import fields_search_text, number_key, proposers_search_text
from desktop.store.pg.connection import translated
from desktop.store.pg.repositories import LetterSearchRows
from desktop.store.word_index import segmented

if TYPE_CHECKING:
    from desktop.store.index_rows import IndexedParagraph

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def text_grams(folded: str) -> list[str]:
    """``paragraph_grams.grams`` of a paragraph's folded text: its distinct characters and
    pairs of adjacent characters, ASCII letters in lower case (as terms are matched), none
    holding white space (a term never does: queries are cut at it)."""
    text = folded.translate(_ASCII_LOWER)
    grams = {ch for ch in text if not ch.isspace()}
    grams.update(
        text[i : i + 2]
        for i in range(len(text) - 1)
        if not (text[i].isspace() or text[i + 1].isspace())
    )
    return sorted(grams)


def query_gram(term: str) -> str:
    """A 1–2 character term as ``paragraph_grams`` holds it."""
    return term.translate(_ASCII_LOWER)


def distinct_words(words: str) -> list[str]:
    """The distinct words of a word index's column (desktop.words.index_text)."""
    return sorted(set(words.split()))


class PgIndexes(LetterSearchRows):
    """The search indexes of a PostgreSQL library (``letter_search`` rows: as
    :class:`LetterSearchRows`; the rest here)."""

    def _copy(self, sql: str, types: list[str], rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        raw = self._db.conn.raw
        with translated(), raw.cursor() as cursor, cursor.copy(sql) as copy:
            copy.set_types(types)
            for row in rows:
                copy.write_row(row)

    def paragraphs_added(self, rows: Sequence[tuple[int, IndexedParagraph]]) -> None:
        self._copy(
            "COPY paragraph_grams (paragraph_id, grams) FROM STDIN",
            ["int8", "text[]"],
            [(pid, text_grams(p.folded)) for pid, p in rows],
        )
        self._copy(
            "COPY paragraph_words (word, paragraph_id) FROM STDIN",
            ["text", "int8"],
            [(word, pid) for pid, p in rows for word in distinct_words(p.words)],
        )

    def title_words_added(self, letter_id: int, words: str) -> None:
        self._db.execute("DELETE FROM title_words WHERE letter_id = ?", [letter_id])
        self._copy(
            "COPY title_words (word, letter_id) FROM STDIN",
            ["text", "int8"],
            [(word, letter_id) for word in distinct_words(words)],
        )

    def letter_changed(self, letter_id: int) -> None:
        """The letter's title or metadata may have changed: its ``letter_search`` fields
        and its title words, computed again (SQLite's update triggers do this there)."""
        row = self._db.execute(
            "SELECT title, proposal_title, proposal_number, session, addressee, year"
            " FROM letters WHERE id = ?",
            [letter_id],
        ).fetchone()
        if row is None:
            return
        self._db.execute(
            "UPDATE letter_search SET fields = ?, proposers = ?, number = ?, year = ?"
            " WHERE letter_id = ?",
            [
                fields_search_text(row[0], row[1], row[2], row[3], row[4]),
                proposers_search_text(row[4]),
                number_key(row[2]),
                row[5],
                letter_id,
            ],
        )
        self.title_words_added(letter_id, segmented(row[1] or row[0]))
