"""The search primitives of the library (``store.search``): FTS5 (trigram and one-character)
and scan queries, counts, the paragraphs' texts and sources. The ranking logic above them is
:mod:`desktop.search`; what "similar letters" reads is :mod:`desktop.store.similar_queries`."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.library_rows import ParagraphSource
from desktop.store.letter_search import letter_filter_sql
from desktop.store.ranking import (
    SEARCH_TEXT,
    folds,
    recency_factor,
    recency_sql,
    short_ranker,
    tf_rank_sql,
)

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase

# How many of the newest matches of 1–2 character terms are ranked (SearchRepository.chars):
# enough for a page of 20 and for telling "more than 1,000" (search.COUNT_CAP) without a
# second pass over the index; each costs about 2 µs (its row read, checked and ranked).
CHARS_CANDIDATES = 1500
# How many of the newest matches of a trigram query are ranked (SearchRepository.fts).
FTS_CANDIDATES = 5000


@dataclass(frozen=True)
class SearchFilters:
    sections: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    agency: str | None = None
    kind: str | None = None  # "reply" | "reference"
    # The letter's own filters (desktop/store/letter_search.py): part of a proposer's name,
    # the proposal's number (第35号, 35 and 035 are one), its category and the proposers' role.
    proposer: str | None = None
    number: str | None = None
    category: str | None = None
    role: str | None = None  # "代表" | "委员" | "单位"

    def is_empty(self) -> bool:
        return not (
            self.sections
            or self.year_from is not None
            or self.year_to is not None
            or self.agency
            or self.kind
            or self.proposer
            or self.number
            or self.category
            or self.role
        )


@dataclass
class ParagraphHit:
    paragraph_id: int
    text: str
    relevance: float  # larger is better, before the recency bonus
    latest_year: int | None
    score: float  # the relevance times the recency factor: what the hits are ranked by


@dataclass(frozen=True)
class RankedPage:
    """The best hits of a search and what ranking them told of the count."""

    hits: list[ParagraphHit]
    # The ranked candidates that match (not headings, every term, the filters) …
    matched: int
    # … and whether the candidates were every match of the index: ``matched`` is then the
    # number of paragraphs the search matches in all.
    complete: bool


def fts_phrase(term: str) -> str:
    """Quote a term as an FTS5 phrase (a substring match under the trigram tokenizer)."""
    return '"' + term.replace('"', '""') + '"'


class SearchRepository:
    """The search primitives (``store.search``); holds the store's connection."""

    def __init__(self, db: LibraryDatabase) -> None:
        self._db = db

    # ----------------------------------------------------------------- search primitives
    def year_span(self) -> tuple[int | None, int | None]:
        """The oldest and newest year of the library's letters (None, None when empty)."""
        # Two subqueries: each is one step down the year index, where min() and max() in one
        # SELECT read every letter.
        row = self._db.execute(
            "SELECT (SELECT min(year) FROM letters), (SELECT max(year) FROM letters)"
        ).fetchone()
        return row[0], row[1]

    def _filter_sql(self, filters: SearchFilters) -> tuple[str, list[Any]]:
        """An SQL condition on ``p`` (paragraphs) that some source letter satisfies filters."""
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
        letter_cond, letter_args = letter_filter_sql(filters)
        cond.extend(letter_cond)
        args.extend(letter_args)
        sql = (
            " AND EXISTS (SELECT 1 FROM letter_paragraphs lp JOIN letters l ON l.id = lp.letter_id"
            " WHERE lp.paragraph_id = p.id AND " + " AND ".join(cond) + ")"
        )
        return sql, args

    @staticmethod
    def _contains_sql(terms: Iterable[str]) -> tuple[str, list[Any]]:
        parts: list[str] = []
        args: list[Any] = []
        for term in terms:
            if folds(term):
                parts.append(f" AND instr(lower({SEARCH_TEXT}), ?) > 0")
                args.append(term.lower())
            else:
                parts.append(f" AND instr({SEARCH_TEXT}, ?) > 0")
                args.append(term)
        return "".join(parts), args

    def fts(
        self,
        long_terms: Sequence[str],
        short_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
        candidate_cap: int | None = None,
    ) -> list[ParagraphHit]:
        """Paragraphs containing every term, ranked by BM25 over the long (≥3 char) terms.

        A trigram such as "创新创" stands in 40 % of a science bureau's paragraphs; ranking
        all of them costs more than a clerk should wait while typing. When more than
        ``candidate_cap`` paragraphs match, only the most recently added ``candidate_cap`` are
        ranked (all of them when that leaves fewer hits than asked for). Newer letters' paragraphs
        get up to ``recency_weight`` more score (the library's own year span).
        """
        return self.fts_page(
            long_terms, short_terms, filters, limit, recency_weight, candidate_cap
        ).hits

    def fts_page(
        self,
        long_terms: Sequence[str],
        short_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
        candidate_cap: int | None = None,
    ) -> RankedPage:
        """:meth:`fts`'s hits, with how many of the paragraphs it ranked match and whether
        they were every match (then ``search`` needs no count). ``candidate_cap`` None:
        ``FTS_CANDIDATES``."""
        year_span = self.year_span()
        match = " AND ".join(fts_phrase(t) for t in long_terms)
        cap = FTS_CANDIDATES if candidate_cap is None else candidate_cap
        row = self._db.execute(
            "SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY rowid DESC"
            " LIMIT 1 OFFSET ?",
            [match, cap - 1],
        ).fetchone()
        floor = int(row[0]) if row else None
        page = self._ranked_fts(match, short_terms, filters, limit, recency_weight, year_span,
                                floor)  # fmt: skip
        # Fewer hits than asked for must mean every match is listed (``search`` counts on it).
        if floor is not None and len(page.hits) < limit:
            page = self._ranked_fts(match, short_terms, filters, limit, recency_weight,
                                    year_span, None)  # fmt: skip
        return page

    def _ranked_fts(
        self,
        match: str,
        short_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
        year_span: tuple[int | None, int | None],
        floor: int | None,
    ) -> RankedPage:
        """Two stages: the index's best ``pool`` candidates by BM25 alone, then headings, the
        short terms, the filters and the recency factor on those. The result is exact when
        the pool held every match, or when the last hit's score beats what any candidate
        outside the pool could reach (its BM25 times the largest recency factor); otherwise
        the query is run again over all matches. The page is complete (its ``matched`` is
        the total) when there was no floor and every match was ranked.
        """
        contains, cargs = self._contains_sql(short_terms)
        fsql, fargs = self._filter_sql(filters)
        recency, rargs = recency_sql(recency_weight, year_span)
        floor_sql, floor_args = ("AND rowid >= ?", [floor]) if floor is not None else ("", [])
        pool = max(200, 10 * limit)
        sql = f"""
            WITH top AS (
                SELECT rowid AS id, -bm25(paragraphs_fts) AS rel FROM paragraphs_fts
                WHERE paragraphs_fts MATCH ? {floor_sql} ORDER BY rel DESC LIMIT ?)
            SELECT p.id, p.text, p.latest_year, top.rel, rel * {recency} AS score,
                   (SELECT count(*) FROM top), (SELECT min(rel) FROM top), count(*) OVER ()
            FROM top JOIN paragraphs p ON p.id = top.id
            WHERE p.is_heading = 0 {contains} {fsql}
            ORDER BY score DESC
            LIMIT ?"""
        args = [match, *floor_args, pool, *rargs, *cargs, *fargs, limit]
        rows = self._db.execute(sql, args).fetchall()
        pooled_all = not rows or rows[0][5] < pool
        if pooled_all and not rows:
            # Nothing survived: exact only if the pool held every match.
            count = self._db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM paragraphs_fts WHERE paragraphs_fts MATCH ?"
                f" {floor_sql} LIMIT ?)",
                [match, *floor_args, pool],
            ).fetchone()[0]
            pooled_all = count < pool
        exact = pooled_all or (
            len(rows) == limit and rows[-1][4] >= rows[0][6] * (1.0 + max(0.0, recency_weight))
        )
        if not exact:
            floor_p = "AND paragraphs_fts.rowid >= ?" if floor is not None else ""
            sql = f"""
                SELECT p.id, p.text, p.latest_year, p.rel, p.rel * {recency} AS score,
                       0, 0, count(*) OVER ()
                FROM (SELECT p.id, p.text, p.latest_year, -bm25(paragraphs_fts) AS rel
                      FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid
                      WHERE paragraphs_fts MATCH ? {floor_p} AND p.is_heading = 0
                            {contains} {fsql}) AS p
                ORDER BY score DESC
                LIMIT ?"""
            args = [*rargs, match, *floor_args, *cargs, *fargs, limit]
            rows = self._db.execute(sql, args).fetchall()
        hits = [ParagraphHit(r[0], r[1], float(r[3]), r[2], float(r[4])) for r in rows]
        # Pooled all, or ranked again over all: every match at or above the floor was seen
        # (not so when the scores alone made the pool's page exact).
        seen_all = floor is None and (pooled_all or not exact)
        return RankedPage(hits, int(rows[0][7]) if rows else 0, seen_all)

    def chars(
        self,
        short_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
        candidate_cap: int | None = None,
    ) -> list[ParagraphHit]:
        """Paragraphs containing every 1–2 character term, through the one-character index
        (:meth:`chars_page` without what it knows of the count)."""
        return self.chars_page(short_terms, filters, limit, recency_weight, candidate_cap).hits

    def chars_page(
        self,
        short_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
        candidate_cap: int | None = None,
    ) -> RankedPage:
        """Paragraphs containing every 1–2 character term, through the one-character index.

        Each term is a phrase of single-character tokens there; the matches are ranked as
        :meth:`scan` ranks (:func:`desktop.store.ranking.short_relevance`). A term as common
        as "科" stands in half of all paragraphs, and ranking them all costs more than a clerk
        should wait while typing: when more than ``candidate_cap`` (None: ``CHARS_CANDIDATES``)
        paragraphs match, only that many most recently added ones are ranked (and all of them
        when that leaves fewer hits than asked for). The page says how many of the ranked ones
        matched and whether they were all the matches (``search`` needs no count then).
        """
        year_span = self.year_span()
        match = " AND ".join(fts_phrase(" ".join(t)) for t in short_terms)
        cap = CHARS_CANDIDATES if candidate_cap is None else candidate_cap
        page = self._ranked_chars(
            match, short_terms, filters, limit, recency_weight, year_span, cap
        )
        # Fewer hits than asked for must mean every match is listed (``search`` counts on it).
        if not page.complete and len(page.hits) < limit:
            page = self._ranked_chars(
                match, short_terms, filters, limit, recency_weight, year_span, None
            )
        return page

    def _ranked_chars(
        self,
        match: str,
        short_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
        year_span: tuple[int | None, int | None],
        cap: int | None,
    ) -> RankedPage:
        """The best ``limit`` hits among the ``cap`` most recently added matches (all of them
        when ``cap`` is None).

        One pass over the index: its matches come newest first (rowid order, which the index
        reads without sorting), so the cap costs nothing extra. The ranking is done here, not
        by the index's bm25(): its IDF reads every match of every phrase in the whole index
        before the first row (12 ms for a common two-character phrase in a 10,000-letter
        library, most of such a search), and SQLite's replace() (how :meth:`scan` counts the
        occurrences) costs more than the rest of the query."""
        # instr() keeps the result exact: the index drops characters outside its token set,
        # which could make two characters look adjacent.
        contains, cargs = self._contains_sql(short_terms)
        fsql, fargs = self._filter_sql(filters)
        cap_sql, cap_args = ("ORDER BY rowid DESC LIMIT ?", [cap]) if cap is not None else ("", [])
        sql = f"""
            WITH c AS MATERIALIZED (
                SELECT rowid AS id FROM chars_fts WHERE chars_fts MATCH ? {cap_sql})
            SELECT p.id, p.text, p.search_text, p.latest_year, (SELECT count(*) FROM c)
            FROM c JOIN paragraphs p ON p.id = c.id
            WHERE p.is_heading = 0 {contains} {fsql}"""
        rows = self._db.execute(sql, [match, *cap_args, *cargs, *fargs]).fetchall()
        capped = cap is not None and bool(rows) and rows[0][4] >= cap
        if cap is not None and not rows:
            # Nothing survived the filters: capped when the index holds more matches.
            more = self._db.execute(
                "SELECT 1 FROM chars_fts WHERE chars_fts MATCH ? LIMIT 1 OFFSET ?", [match, cap]
            ).fetchone()
            capped = more is not None
        factor = recency_factor(recency_weight, year_span)
        relevance = short_ranker(short_terms)
        scored = []
        for pid, text, folded, year, _ in rows:
            rel = relevance(text if folded is None else folded)
            scored.append((rel * factor(year), pid, rel, text, year))
        best = heapq.nlargest(limit, scored, key=lambda r: (r[0], r[1]))
        hits = [ParagraphHit(pid, text, rel, year, score) for score, pid, rel, text, year in best]
        return RankedPage(hits, len(rows), not capped)

    def scan(
        self,
        short_terms: Sequence[str],
        filters: SearchFilters,
        limit: int,
        recency_weight: float,
    ) -> list[ParagraphHit]:
        """Paragraphs containing every (1–2 character) term, by a scan with ``instr``.

        For short terms with characters the one-character index does not keep as tokens.
        Ranked by :func:`desktop.store.ranking.short_relevance`, in the query.
        """
        contains, cargs = self._contains_sql(short_terms)
        fsql, fargs = self._filter_sql(filters)
        recency, rargs = recency_sql(recency_weight, self.year_span())
        rel, targs = tf_rank_sql(short_terms)
        sql = f"""
            SELECT p.id, p.text, p.latest_year, p.rel, p.rel * {recency} AS score
            FROM (SELECT p.id, p.text, p.latest_year, ({rel}) AS rel
                  FROM paragraphs p
                  WHERE p.is_heading = 0 {contains} {fsql}) AS p
            ORDER BY score DESC
            LIMIT ?"""
        rows = self._db.execute(sql, [*rargs, *targs, *cargs, *fargs, limit]).fetchall()
        return [ParagraphHit(r[0], r[1], float(r[3]), r[2], float(r[4])) for r in rows]

    def count_matches(
        self,
        long_terms: Sequence[str],
        short_terms: Sequence[str],
        filters: SearchFilters,
        index: str,
        cap: int,
    ) -> int:
        """How many paragraphs the matching :meth:`fts`, :meth:`chars` or :meth:`scan` query
        would rank without its limit, counted up to ``cap`` (``cap`` means "that many or more").

        ``index`` is "fts", "chars" or "scan", as the search used. Each match is a row read
        (for headings, short terms, filters): 110,000 matches of "科" in a 10,000-letter
        library take 120 ms, the first 1,000 under a millisecond.
        """
        contains, cargs = self._contains_sql(short_terms)
        fsql, fargs = self._filter_sql(filters)
        if index == "scan":
            source, match_args = "paragraphs p", []
        else:
            table = "paragraphs_fts" if index == "fts" else "chars_fts"
            match = (
                " AND ".join(fts_phrase(t) for t in long_terms)
                if index == "fts"
                else " AND ".join(fts_phrase(" ".join(t)) for t in short_terms)
            )
            source = (
                f"(SELECT rowid AS id FROM {table} WHERE {table} MATCH ?) m"
                " JOIN paragraphs p ON p.id = m.id"
            )
            match_args = [match]
        sql = (
            f"SELECT count(*) FROM (SELECT 1 FROM {source}"
            f" WHERE p.is_heading = 0 {contains} {fsql} LIMIT ?)"
        )
        return int(self._db.execute(sql, [*match_args, *cargs, *fargs, cap]).fetchone()[0])

    def paragraph_texts(self, paragraph_ids: Sequence[int]) -> dict[int, str]:
        if not paragraph_ids:
            return {}
        marks = ",".join("?" * len(paragraph_ids))
        return {
            int(r[0]): r[1]
            for r in self._db.execute(
                f"SELECT id, text FROM paragraphs WHERE id IN ({marks})", list(paragraph_ids)
            )
        }

    def paragraph_sources(self, paragraph_ids: Sequence[int]) -> dict[int, list[ParagraphSource]]:
        """For each paragraph: every letter it stands in, newest first."""
        if not paragraph_ids:
            return {}
        marks = ",".join("?" * len(paragraph_ids))
        out: dict[int, list[ParagraphSource]] = {pid: [] for pid in paragraph_ids}
        for r in self._db.execute(
            f"""SELECT lp.paragraph_id, lp.letter_id, lp.section, lp.position, l.year, l.kind,
                       coalesce(l.proposal_title, l.title) AS title
                FROM letter_paragraphs lp JOIN letters l ON l.id = lp.letter_id
                WHERE lp.paragraph_id IN ({marks})
                ORDER BY coalesce(l.year, 0) DESC, lp.letter_id DESC""",
            list(paragraph_ids),
        ):
            out[r[0]].append(ParagraphSource(r[1], r[2], r[3], r[4], r[5], r[6]))
        return out
