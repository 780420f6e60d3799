"""Paragraph search on PostgreSQL (``store.search`` of a server's library): the same public
methods and rows as :class:`desktop.store.search_queries.SearchRepository`, on the indexes of
desktop/store/pg/search_schema.py.

Every hit holds every term: terms of three characters or more are matched with ``LIKE`` on
the folded text (pg_trgm's GIN index finds the candidates, the text is checked), terms of one
or two characters by ``paragraph_grams`` (exact: see search_schema) or, beside a long term,
by ``strpos`` on the candidates. ASCII terms with letters match case-insensitively, as on
SQLite.

Ranking (docs/search.md): candidates are the newest ``cap`` matches (as on SQLite: 5,000 for
a query with a long term, 1,500 for short terms only), ranked by BM25's term-frequency part
with length normalisation (:mod:`desktop.store.ranking`, the formula SQLite's one-character
path uses) times the recency factor. Where SQLite differs: with a long term it ranks by FTS5's
bm25() over its trigram index, whose term frequency counts overlapping trigram phrases, whose
length is in trigrams and whose IDF weighs several long terms against each other; here the
long terms are counted as the short ones (no overlaps, characters, the same weight each).

A term as common as "的" or "创新" stands in most paragraphs: reading all its matches from
the index to keep the newest 1,500 costs more than walking the paragraphs newest first
until 1,500 match. The planner does that choice itself for ``LIKE`` (it knows the text's
statistics); for ``paragraph_grams`` it would check the arrays while walking, which costs
more than the text, so the walk is chosen here, on the planner's estimate of the matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from desktop.store import search_queries
from desktop.store.pg.index_rows import query_gram
from desktop.store.pg.search_letters import matching_agencies, pg_letter_filter_sql
from desktop.store.ranking import SEARCH_TEXT, folds, tf_rank_sql
from desktop.store.search_queries import (
    ParagraphHit,
    RankedPage,
    SearchFilters,
    SearchRepository,
)

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase

# Walk the paragraphs newest first when the planner expects at least this share of them to
# hold the short terms (at 200,000 paragraphs both ways cost alike near 6 %).
DENSE_SHARE: Final = 0.06


def like_pattern(term: str) -> str:
    """``%term%`` for ``LIKE``, its wildcards and the escape character escaped."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def like_sql(term: str) -> tuple[str, list[Any]]:
    """The folded text holds ``term`` (ASCII letters in any case): indexable by pg_trgm."""
    op = "ILIKE" if folds(term) else "LIKE"
    return f"{SEARCH_TEXT} {op} ?", [like_pattern(term)]


def holds_sql(terms: Sequence[str]) -> tuple[str, list[Any]]:
    """`` AND`` the folded text holds each term, checked on the row (no index)."""
    parts: list[str] = []
    args: list[Any] = []
    for term in terms:
        if folds(term):
            parts.append(f" AND strpos(lower({SEARCH_TEXT}), ?) > 0")
            args.append(term.lower())
        else:
            parts.append(f" AND strpos({SEARCH_TEXT}, ?) > 0")
            args.append(term)
    return "".join(parts), args


def recency_sql(weight: float, span: tuple[int | None, int | None]) -> tuple[str, list[Any]]:
    """:func:`desktop.store.ranking.recency_sql` in PostgreSQL's words."""
    lo, hi = span
    if weight <= 0 or lo is None or hi is None or hi <= lo:
        return "1.0", []
    return (
        "(1.0 + ? * greatest(0.0, least(1.0, (coalesce(p.latest_year, ?) - ?) * 1.0 / ?)))",
        [weight, lo, lo, hi - lo],
    )


class PgSearchRepository(SearchRepository):
    """``store.search`` of a PostgreSQL library."""

    def __init__(self, db: LibraryDatabase) -> None:
        super().__init__(db)

    def _filter_sql(self, filters: SearchFilters) -> tuple[str, list[Any]]:
        if filters.is_empty():
            return "", []
        cond: list[str] = []
        args: list[Any] = []
        if filters.sections:
            cond.append(f"lp.section IN ({','.join('?' * len(filters.sections))})")
            args.extend(filters.sections)
        if filters.year_from is not None:
            cond.append("l.year >= ?")
            args.append(filters.year_from)
        if filters.year_to is not None:
            cond.append("l.year <= ?")
            args.append(filters.year_to)
        agencies = matching_agencies(self._db, filters.agency) if filters.agency else []
        letter_cond, letter_args = pg_letter_filter_sql(filters, agencies)
        cond.extend(letter_cond)
        args.extend(letter_args)
        sql = (
            " AND EXISTS (SELECT 1 FROM letter_paragraphs lp JOIN letters l ON l.id = lp.letter_id"
            " WHERE lp.paragraph_id = p.id AND " + " AND ".join(cond) + ")"
        )
        return sql, args

    # ------------------------------------------------------------------ candidates
    def _long_source(self, long_terms: Sequence[str]) -> tuple[str, list[Any]]:
        """The paragraphs holding every long term, newest first (the planner chooses the
        trigram index or the walk)."""
        parts, args = [], []
        for term in long_terms:
            sql, targs = like_sql(term)
            parts.append(sql)
            args.extend(targs)
        return f"SELECT p.id FROM paragraphs p WHERE {' AND '.join(parts)} ORDER BY p.id DESC", args

    def _short_source(self, short_terms: Sequence[str]) -> tuple[str, list[Any]]:
        """The paragraphs holding every short term, newest first: through
        ``paragraph_grams``, or walking the paragraphs when the terms are common."""
        grams = sorted({query_gram(t) for t in short_terms})
        index = "SELECT g.paragraph_id FROM paragraph_grams g WHERE g.grams @> ?::text[]"
        if self._dense(index, [grams]):
            holds, args = holds_sql(short_terms)
            return f"SELECT p.id FROM paragraphs p WHERE true {holds} ORDER BY p.id DESC", args
        return f"SELECT m.paragraph_id AS id FROM ({index}) m ORDER BY m.paragraph_id DESC", [grams]

    def _dense(self, sql: str, args: list[Any]) -> bool:
        """Whether the planner expects ``sql`` to match DENSE_SHARE of the paragraphs or
        more (unknown before the table's first ANALYZE: not dense)."""
        total = self._db.execute(
            "SELECT reltuples FROM pg_class WHERE oid = 'paragraph_grams'::regclass"
        ).fetchone()
        if not total or total[0] is None or float(total[0]) <= 0:
            return False
        plan = self._db.execute("EXPLAIN (FORMAT JSON) " + sql, args).fetchone()[0]
        return float(plan[0]["Plan"]["Plan Rows"]) >= DENSE_SHARE * float(total[0])

    # ------------------------------------------------------------------ ranking
    def _ranked(
        self,
        source: tuple[str, list[Any]],
        rank_terms: Sequence[str],
        check_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
        cap: int | None,
    ) -> RankedPage:
        """The best ``limit`` hits among the ``cap`` newest matches of ``source`` (all when
        None) that are no heading, hold ``check_terms`` and pass the filters."""
        source_sql, source_args = source
        cap_sql, cap_args = (" LIMIT ?", [cap]) if cap is not None else ("", [])
        holds, hargs = holds_sql(check_terms)
        fsql, fargs = self._filter_sql(filters)
        recency, rargs = recency_sql(recency_weight, self.year_span())
        rel, targs = tf_rank_sql(rank_terms)
        sql = f"""
            WITH m AS MATERIALIZED ({source_sql}{cap_sql})
            SELECT p.id, p.text, p.latest_year, r.rel, r.rel * {recency} AS score,
                   (SELECT count(*) FROM m), count(*) OVER ()
            FROM m JOIN paragraphs p ON p.id = m.id
            CROSS JOIN LATERAL (SELECT ({rel}) AS rel) r
            WHERE p.is_heading = 0 {holds} {fsql}
            ORDER BY score DESC, p.id DESC
            LIMIT ?"""
        args = [*source_args, *cap_args, *rargs, *targs, *hargs, *fargs, limit]
        rows = self._db.execute(sql, args).fetchall()
        hits = [ParagraphHit(int(r[0]), r[1], float(r[3]), r[2], float(r[4])) for r in rows]
        if rows:
            pooled, matched = int(rows[0][5]), int(rows[0][6])
        else:
            matched = 0
            pooled = 0 if cap is None else self._pooled(source, cap)
        return RankedPage(hits, matched, cap is None or pooled < cap)

    def _pooled(self, source: tuple[str, list[Any]], cap: int) -> int:
        sql, args = source
        row = self._db.execute(f"SELECT count(*) FROM ({sql} LIMIT ?) m", [*args, cap]).fetchone()
        return int(row[0])

    def _page(
        self,
        source: tuple[str, list[Any]],
        rank_terms: Sequence[str],
        check_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
        cap: int,
    ) -> RankedPage:
        page = self._ranked(source, rank_terms, check_terms, filters, limit, recency_weight, cap)
        # Fewer hits than asked for must mean every match is listed (``search`` counts on it).
        if not page.complete and len(page.hits) < limit:
            page = self._ranked(
                source, rank_terms, check_terms, filters, limit, recency_weight, None
            )
        return page

    # ------------------------------------------------------------------ public methods
    def fts_page(
        self,
        long_terms: Sequence[str],
        short_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
        candidate_cap: int | None = None,
    ) -> RankedPage:
        cap = search_queries.FTS_CANDIDATES if candidate_cap is None else candidate_cap
        source = self._long_source(long_terms)
        return self._page(source, long_terms, short_terms, filters, limit, recency_weight, cap)

    def chars_page(
        self,
        short_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
        candidate_cap: int | None = None,
    ) -> RankedPage:
        cap = search_queries.CHARS_CANDIDATES if candidate_cap is None else candidate_cap
        source = self._short_source(short_terms)
        return self._page(source, short_terms, (), filters, limit, recency_weight, cap)

    def scan(
        self,
        short_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
    ) -> list[ParagraphHit]:
        """Every match ranked: ``paragraph_grams`` holds every character (SQLite's
        one-character index keeps letters, digits and some punctuation only)."""
        source = self._short_source(short_terms)
        return self._ranked(source, short_terms, (), filters, limit, recency_weight, None).hits

    def count_matches(
        self,
        long_terms: Sequence[str],
        short_terms: Sequence[str],
        filters: SearchFilters,
        index: str,
        cap: int,
    ) -> int:
        """How many paragraphs the search matches, up to ``cap`` (``index`` as on SQLite;
        here the planner picks the index)."""
        if long_terms:
            source = self._long_source(long_terms)
            check: Sequence[str] = short_terms
        else:
            source, check = self._short_source(short_terms), ()
        holds, hargs = holds_sql(check)
        fsql, fargs = self._filter_sql(filters)
        sql = f"""SELECT count(*) FROM (
                    SELECT 1 FROM ({source[0]}) m JOIN paragraphs p ON p.id = m.id
                    WHERE p.is_heading = 0 {holds} {fsql} LIMIT ?) c"""
        row = self._db.execute(sql, [*source[1], *hargs, *fargs, cap]).fetchone()
        return int(row[0])
