"""The repositories that differ on PostgreSQL, chosen by LibraryStore for a server's library.

Search (``store.search``, ``store.letter_search``, ``store.similar``): desktop/store/pg/
search.py, search_letters.py and similar.py; the index writes: desktop/store/pg/index_rows.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final, cast

from desktop.letter_search_fields import fields_search_text, number_key, proposers_search_text

if TYPE_CHECKING:
    from desktop.store.index_rows import IndexedParagraph
    from desktop.store.indexes import Indexes
    from desktop.store.letter_search import LetterSearchRepository
    from desktop.store.pg.connection import PgDatabase
    from desktop.store.search_queries import SearchRepository
    from desktop.store.similar_queries import SimilarRepository


def search_repositories(
    db: object,
) -> tuple[SearchRepository, LetterSearchRepository, SimilarRepository]:
    """PostgreSQL's search repositories (desktop/store/pg/search*.py, pg/similar.py)."""
    from desktop.store.pg.search import PgSearchRepository
    from desktop.store.pg.search_letters import PgLetterSearchRepository
    from desktop.store.pg.similar import PgSimilarRepository

    database = cast("Any", db)
    return (
        PgSearchRepository(database),
        PgLetterSearchRepository(database),
        PgSimilarRepository(database),
    )


class LetterSearchRows:
    """The search indexes of a PostgreSQL library until pg-search's own are on main: the
    ``letter_search`` rows (a plain table, the same as SQLite's), nothing else. The trigram
    and word indexes are pg-search's (desktop/store/pg/index*.py)."""

    def __init__(self, db: PgDatabase) -> None:
        self._db = db

    def prepare_batch(self) -> None:
        pass

    def paragraphs_added(self, rows: Sequence[tuple[int, IndexedParagraph]]) -> None:
        pass

    def title_set(self, letter_id: int, folded_title: str | None) -> None:
        pass

    def title_words_added(self, letter_id: int, words: str) -> None:
        pass

    def letter_added(
        self, letter_id: int, fields: tuple[str, str, str], headings: str, year: int | None
    ) -> None:
        text, proposers, number = fields
        self._db.execute(
            "INSERT INTO letter_search (letter_id, fields, headings, proposers, number, year)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [letter_id, text, headings, proposers, number, year],
        )

    def letter_rebuilt(self, letter_id: int) -> None:
        if self._db.execute(
            "SELECT 1 FROM letter_search WHERE letter_id = ?", [letter_id]
        ).fetchone():
            self.headings_changed(letter_id)
            return
        row = self._db.execute(
            "SELECT title, proposal_title, proposal_number, session, addressee, year"
            " FROM letters WHERE id = ?",
            [letter_id],
        ).fetchone()
        if row is None:
            return
        fields = fields_search_text(row[0], row[1], row[2], row[3], row[4])
        self.letter_added(
            letter_id, (fields, proposers_search_text(row[4]), number_key(row[2])), "", row[5]
        )
        self.headings_changed(letter_id)

    def headings_changed(self, letter_id: int) -> None:
        self._db.execute(
            f"UPDATE letter_search SET headings = ({HEADINGS}) WHERE letter_id = ?",
            [letter_id, letter_id],
        )

    def letters_deleted(self, letter_ids: Sequence[int]) -> None:
        pass  # letter_search's rows go with their letters (a foreign key on PostgreSQL)


# A letter's headings as SQLite's letter_search._HEADINGS makes them, in PostgreSQL's words.
HEADINGS: Final = """SELECT coalesce(string_agg(coalesce(p.search_text, p.text), E'\\n'
        ORDER BY lp.position), '') FROM letter_paragraphs lp
        JOIN paragraphs p ON p.id = lp.paragraph_id
        WHERE lp.letter_id = ? AND lp.is_heading = 1"""


def index_writer(db: PgDatabase) -> Indexes:
    """The indexes a PostgreSQL library's letter repositories write."""
    from desktop.store.pg.index_rows import PgIndexes

    return PgIndexes(db)
