"""What "similar letters" (:mod:`desktop.similar`) reads from the library (``store.similar``):
the word indexes of m010 (desktop/store/word_index.py) — how many paragraphs and titles hold
each word, titles and body paragraphs holding words, with BM25."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.library_rows import BodyParagraph, ParagraphMatch, TitleMatch

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase


@dataclass(frozen=True)
class WordCounts:
    """How many paragraphs and how many letter titles hold each word (absent: none), and
    how many of each the indexes hold."""

    paragraphs: dict[str, int]
    titles: dict[str, int]
    paragraph_total: int
    title_total: int


def _match(words: Sequence[str]) -> str:
    """An FTS5 query for any of the words (each one token of the unicode61 tokenizer)."""
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)


class SimilarRepository:
    """The queries of "similar letters" (``store.similar``); holds the store's connection."""

    def __init__(self, db: LibraryDatabase) -> None:
        self._db = db

    def _document_counts(self, vocab: str, words: Sequence[str]) -> dict[str, int]:
        marks = ",".join("?" * len(words))
        return {
            r[0]: int(r[1])
            for r in self._db.execute(
                f"SELECT term, doc FROM {vocab} WHERE term IN ({marks})", list(words)
            )
        }

    def word_counts(self, words: Sequence[str]) -> WordCounts:
        """Document counts of the words in both word indexes, and their sizes."""
        words = list(dict.fromkeys(words))
        paragraphs = self._document_counts("paragraph_words_vocab", words) if words else {}
        titles = self._document_counts("title_words_vocab", words) if words else {}
        totals = self._db.execute(
            """SELECT (SELECT count(*) FROM paragraphs), (SELECT count(*) FROM letters)"""
        ).fetchone()
        return WordCounts(paragraphs, titles, int(totals[0]), int(totals[1]))

    def title_matches(self, words: Sequence[str], limit: int) -> list[TitleMatch]:
        """Letters whose title holds any of the words, with BM25 relevance (larger is better)."""
        if not words:
            return []
        return [
            TitleMatch(int(r[0]), float(r[1]))
            for r in self._db.execute(
                """SELECT rowid, -bm25(title_words_fts) FROM title_words_fts
                   WHERE title_words_fts MATCH ? ORDER BY rank LIMIT ?""",
                [_match(words), limit],
            )
        ]

    def paragraph_matches(self, words: Sequence[str], limit: int) -> list[ParagraphMatch]:
        """Body paragraphs holding any of the words, best first, with one row per letter the
        paragraph stands in: :class:`~desktop.library_rows.ParagraphMatch`."""
        if not words:
            return []
        rows = self._db.execute(
            """WITH top AS (
                   SELECT rowid AS id, -bm25(paragraph_words_fts) AS rel
                   FROM paragraph_words_fts
                   WHERE paragraph_words_fts MATCH ? ORDER BY rank LIMIT ?)
               SELECT top.id, lp.letter_id, lp.section, p.text, top.rel
               FROM top JOIN paragraphs p ON p.id = top.id
                        JOIN letter_paragraphs lp ON lp.paragraph_id = top.id
               WHERE p.is_heading = 0""",
            [_match(words), limit],
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
