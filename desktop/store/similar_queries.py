"""What "similar letters" (:mod:`desktop.similar`) reads from the library (``store.similar``):
the word indexes of m010 (desktop/store/word_index.py) — how many paragraphs and titles hold
each word, which titles and paragraphs hold which words, and where those paragraphs stand."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.library_rows import BodyParagraph

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


class SimilarRepository:
    """The queries of "similar letters" (``store.similar``); holds the store's connection."""

    def __init__(self, db: LibraryDatabase) -> None:
        self._db = db
        self._temp_vocabs: set[str] = set()

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

    def title_words_with(self, characters: Sequence[str]) -> dict[str, int]:
        """Words of the title index that hold one of the characters, with how many titles
        hold each (a scan of the title index's vocabulary: one short row a letter)."""
        if not characters:
            return {}
        where = " OR ".join("instr(term, ?) > 0" for _ in characters)
        return {
            r[0]: int(r[1])
            for r in self._db.execute(
                f"SELECT term, doc FROM title_words_vocab WHERE {where}", list(characters)
            )
        }

    def _best_rows(
        self, index: str, weights: Mapping[str, float], limit: int
    ) -> list[tuple[int, float, list[str]]]:
        """(rowid, summed weight of the words it holds, those words) for the ``limit`` rows
        of a word index holding the most weight of ``weights`` {word: weight}, best first.

        Read from an fts5vocab 'instance' table of this connection's own (temp: nothing is
        written to the library, which may be read-only), summed by SQLite: FTS5's bm25() over
        an OR query costs ~0.1 ms a matching row, this a small part of that."""
        if not weights:
            return []
        vocab = f"{index}_instance"
        if vocab not in self._temp_vocabs:
            self._db.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{vocab} "
                f"USING fts5vocab(main, {index}, 'instance')"
            )
            self._temp_vocabs.add(vocab)
        rows = self._db.execute(
            f"""WITH q(word, weight) AS (SELECT key, value FROM json_each(?))
                SELECT v.doc, sum(q.weight), group_concat(v.term, ' ')
                FROM q JOIN temp.{vocab} v ON v.term = q.word
                GROUP BY v.doc ORDER BY 2 DESC, 1 LIMIT ?""",
            [json.dumps(dict(weights), ensure_ascii=False), limit],
        )
        return [(int(r[0]), float(r[1]), str(r[2]).split(" ")) for r in rows]

    def best_titles(
        self, weights: Mapping[str, float], limit: int
    ) -> list[tuple[int, float, list[str]]]:
        """(letter id, weight, words) of the titles holding the most weight of the words."""
        return self._best_rows("title_words_fts", weights, limit)

    def best_paragraphs(
        self, weights: Mapping[str, float], limit: int
    ) -> list[tuple[int, float, list[str]]]:
        """(paragraph id, weight, words) of the paragraphs holding the most weight."""
        return self._best_rows("paragraph_words_fts", weights, limit)

    def paragraph_letters(self, paragraph_ids: Sequence[int]) -> list[tuple[int, int, str]]:
        """(letter id, paragraph id, section) wherever these paragraphs stand, headings left
        out."""
        if not paragraph_ids:
            return []
        marks = ",".join("?" * len(paragraph_ids))
        return [
            (int(r[0]), int(r[1]), r[2])
            for r in self._db.execute(
                f"""SELECT letter_id, paragraph_id, section FROM letter_paragraphs
                    WHERE paragraph_id IN ({marks}) AND is_heading = 0""",
                list(paragraph_ids),
            )
        ]

    def body_lengths(self, letter_ids: Sequence[int]) -> dict[int, int]:
        """How many body paragraphs (headings left out) each of these letters holds."""
        if not letter_ids:
            return {}
        marks = ",".join("?" * len(letter_ids))
        return {
            int(r[0]): int(r[1])
            for r in self._db.execute(
                f"""SELECT letter_id, count(*) FROM letter_paragraphs
                    WHERE letter_id IN ({marks}) AND is_heading = 0 GROUP BY letter_id""",
                list(letter_ids),
            )
        }

    def references(self, letter_ids: Sequence[int]) -> set[int]:
        """Which of these letters are reference documents (kind 'reference'), not replies."""
        if not letter_ids:
            return set()
        marks = ",".join("?" * len(letter_ids))
        return {
            int(r[0])
            for r in self._db.execute(
                f"SELECT id FROM letters WHERE id IN ({marks}) AND kind = 'reference'",
                list(letter_ids),
            )
        }

    def case_letters(self, case_id: int) -> set[int]:
        """The library letters filed from a case's own replies (every round): a case's similar
        list must not offer the case's own answer back to it."""
        return {
            int(r[0])
            for r in self._db.execute("SELECT id FROM letters WHERE case_id = ?", [case_id])
        }

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
