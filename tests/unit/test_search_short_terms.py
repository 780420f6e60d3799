"""Search for terms of one or two characters (the one-character index): exactly the
paragraphs a brute-force ``instr`` scan finds, ranked as the index's BM25 says, the candidate
cap applied as it always was."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.model import Block, ParsedLetter
from desktop.search import search
from desktop.store import LibraryStore, SearchFilters
from desktop.store.search_queries import fts_phrase

# A small alphabet, so that one- and two-character terms match many paragraphs.
ALPHABET = "科技创新企业发展的，。"
paragraph_text = st.text(alphabet=ALPHABET, min_size=1, max_size=30)
letter_texts = st.lists(paragraph_text, min_size=1, max_size=6)
SHORT_TERM = st.text(alphabet="科技创新企业的", min_size=1, max_size=2)


def _library(folder: Path, letters: list[list[str]]) -> LibraryStore:
    store = LibraryStore(folder / "library.db")
    for i, texts in enumerate(letters):
        blocks = [Block(t, t, "status") for t in texts]
        letter = ParsedLetter(kind="reply", blocks=blocks, reply_date=f"{2010 + i % 12}-05-01")
        store.letters.add(letter, content_hash=f"h{i}", source_path=None, source_format="txt")
    return store


def _brute_force(store: LibraryStore, terms: list[str]) -> set[int]:
    rows = store.db.execute("SELECT id, text FROM paragraphs WHERE is_heading = 0").fetchall()
    return {pid for pid, text in rows if all(t in text for t in terms)}


def _reference(
    store: LibraryStore, terms: list[str], limit: int, cap: int
) -> list[tuple[int, float]]:
    """The two-query form the one-character search had before it was made one pass: the
    rowid of the ``cap``-th newest match as a floor, then BM25 over the matches above it; all
    matches when that leaves fewer than ``limit`` hits. No recency factor (weight 0)."""
    conn = store.db.conn
    match = " AND ".join(fts_phrase(" ".join(t)) for t in terms)
    row = conn.execute(
        "SELECT rowid FROM chars_fts WHERE chars_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        [match, cap - 1],
    ).fetchone()
    contains = "".join(" AND instr(coalesce(p.search_text, p.text), ?) > 0" for _ in terms)

    def ranked(floor: int | None) -> list[tuple[int, float]]:
        floor_sql = "AND rowid >= ?" if floor is not None else ""
        sql = f"""
            WITH c AS (SELECT rowid AS id, -bm25(chars_fts) AS rel FROM chars_fts
                       WHERE chars_fts MATCH ? {floor_sql})
            SELECT p.id, c.rel FROM c JOIN paragraphs p ON p.id = c.id
            WHERE p.is_heading = 0 {contains}"""
        args = [match, *([floor] if floor is not None else []), *terms]
        found = sorted(conn.execute(sql, args).fetchall(), key=lambda r: (-r[1], -r[0]))
        return [(r[0], round(r[1], 9)) for r in found[:limit]]

    hits = ranked(int(row[0]) if row else None)
    if row is not None and len(hits) < limit:
        hits = ranked(None)
    return hits


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    letters=st.lists(letter_texts, min_size=1, max_size=12),
    query=st.lists(SHORT_TERM, min_size=1, max_size=2),
    limit=st.integers(min_value=1, max_value=8),
    cap=st.integers(min_value=1, max_value=12),
)
def test_short_terms_find_what_a_scan_finds_ranked_as_before(
    letters: list[list[str]], query: list[str], limit: int, cap: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = _library(Path(tmp), letters)
        try:
            terms = list(dict.fromkeys(query))
            terms = [t for t in terms if not any(t != o and t in o for o in terms)]
            expected = _brute_force(store, terms)
            # Through the app's search: every match when it fits the limit, else a full page.
            results = search(store, " ".join(terms), limit=limit)
            found = {h.paragraph_id for h in results}
            assert found <= expected
            if len(expected) <= limit:
                assert found == expected
            else:
                assert len(found) == limit
            assert results.total == len(expected)
            # The store's query, with a cap and without the recency factor: as before.
            hits = store.search.chars(terms, SearchFilters(), limit, 0.0, candidate_cap=cap)
            got = [(h.paragraph_id, round(h.relevance, 9)) for h in hits]
            assert got == _reference(store, terms, limit, cap)
        finally:
            store.close()
