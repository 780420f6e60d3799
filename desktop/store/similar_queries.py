"""What "similar letters" (:mod:`desktop.similar`) reads from the library (``store.similar``):
the trigram vocabulary's document counts, the title index, body paragraphs holding terms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.library_rows import BodyParagraph, ParagraphMatch, TitleMatch
from desktop.store.search_queries import fts_phrase

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase


class SimilarRepository:
    """The queries of "similar letters" (``store.similar``); holds the store's connection."""

    def __init__(self, db: LibraryDatabase) -> None:
        self._db = db

    def term_document_counts(self, terms: Sequence[str]) -> dict[str, int]:
        """How many paragraphs hold each trigram (from the FTS5 vocabulary)."""
        if not terms:
            return {}
        marks = ",".join("?" * len(terms))
        return {
            r[0]: int(r[1])
            for r in self._db.execute(
                f"SELECT term, doc FROM paragraphs_vocab WHERE term IN ({marks})", list(terms)
            )
        }

    def title_matches(self, terms: Sequence[str], limit: int) -> list[TitleMatch]:
        """Letters whose title holds any of the terms, with BM25 relevance (larger is better)."""
        if not terms:
            return []
        match = " OR ".join(fts_phrase(t) for t in terms)
        return [
            TitleMatch(int(r[0]), float(r[1]))
            for r in self._db.execute(
                """SELECT rowid, -bm25(letter_titles_fts) FROM letter_titles_fts
                   WHERE letter_titles_fts MATCH ? ORDER BY rank LIMIT ?""",
                [match, limit],
            )
        ]

    def paragraph_matches(self, terms: Sequence[str], limit: int) -> list[ParagraphMatch]:
        """Body paragraphs holding any of the terms, best first, with one row per source:
        :class:`~desktop.library_rows.ParagraphMatch`."""
        if not terms:
            return []
        match = " OR ".join(fts_phrase(t) for t in terms)
        rows = self._db.execute(
            """WITH top AS (
                   SELECT rowid AS id, -bm25(paragraphs_fts) AS rel FROM paragraphs_fts
                   WHERE paragraphs_fts MATCH ? ORDER BY rank LIMIT ?)
               SELECT top.id, lp.letter_id, lp.section, p.text, top.rel
               FROM top JOIN paragraphs p ON p.id = top.id
                        JOIN letter_paragraphs lp ON lp.paragraph_id = top.id
               WHERE p.is_heading = 0""",
            [match, limit],
        ).fetchall()
        return [ParagraphMatch(int(r[0]), int(r[1]), r[2], r[3], float(r[4])) for r in rows]

    def body_paragraphs(self, letter_ids: Sequence[int]) -> list[BodyParagraph]:
        """The body paragraphs of letters, each letter's in order."""
        if not letter_ids:
            return []
        marks = ",".join("?" * len(letter_ids))
        return [
            BodyParagraph(int(r[0]), int(r[1]), r[2], r[3])
            for r in self._db.execute(
                f"""SELECT lp.letter_id, lp.paragraph_id, lp.section, p.text
                    FROM letter_paragraphs lp JOIN paragraphs p ON p.id = lp.paragraph_id
                    WHERE lp.letter_id IN ({marks}) AND lp.is_heading = 0
                    ORDER BY lp.letter_id, lp.position""",
                list(letter_ids),
            )
        ]
