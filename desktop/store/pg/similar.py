"""What "similar letters" reads from a PostgreSQL library (``store.similar``): the same
public methods and rows as :class:`desktop.store.similar_queries.SimilarRepository`, on the
word tables of desktop/store/pg/search_schema.py (``paragraph_words``, ``title_words``: one
row per distinct word of a paragraph or a title, as SQLite's FTS5 word indexes hold them).

A word's document frequency is counted on the tables' primary key (word, row): always the
current one, no counter to keep. The best rows for a set of weighted words are summed by the
server over the same rows (SQLite sums fts5vocab's 'instance' rows the same way)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from desktop.store.similar_queries import SimilarRepository, WordCounts

# The word tables and their row's column.
_TABLES: Final = {
    "paragraph_words_fts": ("paragraph_words", "paragraph_id"),
    "title_words_fts": ("title_words", "letter_id"),
}


class PgSimilarRepository(SimilarRepository):
    """``store.similar`` of a PostgreSQL library."""

    def _counts(self, table: str, words: Sequence[str]) -> dict[str, int]:
        return {
            str(r[0]): int(r[1])
            for r in self._db.execute(
                f"SELECT word, count(*) FROM {table} WHERE word = ANY(?::text[]) GROUP BY word",
                [list(words)],
            )
        }

    def word_counts(self, words: Sequence[str]) -> WordCounts:
        words = list(dict.fromkeys(words))
        paragraphs = self._counts("paragraph_words", words) if words else {}
        titles = self._counts("title_words", words) if words else {}
        totals = self._db.execute(
            "SELECT (SELECT count(*) FROM paragraphs), (SELECT count(*) FROM letters)"
        ).fetchone()
        return WordCounts(paragraphs, titles, int(totals[0]), int(totals[1]))

    def title_words_with(self, characters: Sequence[str]) -> dict[str, int]:
        if not characters:
            return {}
        where = " OR ".join("strpos(word, ?) > 0" for _ in characters)
        return {
            str(r[0]): int(r[1])
            for r in self._db.execute(
                f"SELECT word, count(*) FROM title_words WHERE {where} GROUP BY word",
                list(characters),
            )
        }

    def _best_rows(
        self, index: str, weights: Mapping[str, float], limit: int
    ) -> list[tuple[int, float, list[str]]]:
        if not weights:
            return []
        table, column = _TABLES[index]
        words = list(weights)
        rows = self._db.execute(
            f"""WITH q(word, weight) AS (
                    SELECT * FROM unnest(?::text[], ?::float8[]))
                SELECT v.{column}, sum(q.weight), string_agg(v.word, ' ')
                FROM q JOIN {table} v ON v.word = q.word
                GROUP BY v.{column} ORDER BY 2 DESC, 1 LIMIT ?""",
            [words, [float(weights[w]) for w in words], limit],
        )
        return [(int(r[0]), float(r[1]), str(r[2]).split(" ")) for r in rows]
