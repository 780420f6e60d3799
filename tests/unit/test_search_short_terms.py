"""Search for terms of one or two characters (the one-character index): exactly the
paragraphs a brute-force ``instr`` scan finds, ranked by BM25's term-frequency part with
length normalisation (docs/search.md, Ranking), the candidate cap applied as it always was."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
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


def _relevance(text: str, terms: list[str]) -> float:
    """docs/search.md's ranking of short terms, written out: per term, its occurrences f
    (not overlapping), f × (k1 + 1) / (f + k1 × (1 − b + b × length / 120)), k1 = 1.2,
    b = 0.75; summed over the terms."""
    total = 0.0
    for term in terms:
        f = text.count(term)
        total += f * 2.2 / (f + 1.2 * (0.25 + 0.75 * len(text) / 120))
    return total


def _reference(
    store: LibraryStore, terms: list[str], limit: int, cap: int
) -> list[tuple[int, float]]:
    """The ``cap`` newest matches of the index (all of them when that leaves fewer than
    ``limit`` hits), ranked by :func:`_relevance`, newer paragraphs first on a tie. No
    recency factor (weight 0)."""
    conn = store.db.conn
    match = " AND ".join(fts_phrase(" ".join(t)) for t in terms)
    every = [r[0] for r in conn.execute(
        "SELECT rowid FROM chars_fts WHERE chars_fts MATCH ? ORDER BY rowid DESC", [match]
    )]  # fmt: skip
    texts = dict(conn.execute("SELECT id, text FROM paragraphs WHERE is_heading = 0").fetchall())

    def ranked(candidates: list[int]) -> list[tuple[int, float]]:
        found = [(pid, _relevance(texts[pid], terms)) for pid in candidates
                 if pid in texts and all(t in texts[pid] for t in terms)]  # fmt: skip
        found.sort(key=lambda r: (-r[1], -r[0]))
        return [(pid, round(rel, 9)) for pid, rel in found[:limit]]

    hits = ranked(every[:cap])
    if len(every) > cap and len(hits) < limit:
        hits = ranked(every)
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


MIXED = "科技创新aAbB5，。"
MIXED_TERM = st.text(alphabet="科技aAbB5", min_size=1, max_size=2)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    letters=st.lists(st.lists(st.text(alphabet=MIXED, min_size=1, max_size=30), min_size=1,
                              max_size=5), min_size=1, max_size=10),
    query=st.lists(MIXED_TERM, min_size=1, max_size=2),
)  # fmt: skip
def test_the_index_ranks_its_candidates_as_the_scan_ranks_in_sql(
    letters: list[list[str]], query: list[str]
) -> None:
    """The one-character index's candidates are ranked in Python, the scan ranks in SQL: the
    same paragraphs with the same relevance and score (recency factor and ASCII case folding
    included), bit for bit."""
    with tempfile.TemporaryDirectory() as tmp:
        store = _library(Path(tmp), letters)
        try:
            terms = list(dict.fromkeys(query))
            indexed = store.search.chars(terms, SearchFilters(), 1000, 0.15, candidate_cap=10**6)
            scanned = store.search.scan(terms, SearchFilters(), 1000, 0.15)
            assert sorted((h.paragraph_id, h.relevance, h.score) for h in indexed) == sorted(
                (h.paragraph_id, h.relevance, h.score) for h in scanned
            )
            assert all(h.relevance > 0 for h in indexed)
        finally:
            store.close()


def test_the_ranked_candidates_give_the_total_without_a_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page of 1–2 character hits needs no second pass to count when its ranked
    candidates were every match (the count is theirs) or already pass the bound ("1000 多");
    otherwise the count runs, and the total is the same either way."""
    texts = [f"第{i}段：科技创新。" for i in range(12)] + ["无关的一段。"]
    with tempfile.TemporaryDirectory() as tmp:
        store = LibraryStore(Path(tmp) / "library.db")
        try:
            for i in range(3):
                blocks = [Block(t, t, "status") for t in texts[i * 4 : i * 4 + 4] + texts[12:]]
                letter = ParsedLetter(kind="reply", blocks=blocks, reply_date=f"201{i}-05-01")
                store.letters.add(letter, content_hash=f"h{i}", source_path=None,
                                  source_format="txt")  # fmt: skip
            counted: list[str] = []
            real_count = store.search.count_matches

            def count_matches(*args: object, **kwargs: object) -> int:
                counted.append(str(args[1]))
                return real_count(*args, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(store.search, "count_matches", count_matches)
            # Every match ranked: the total is exact, and no count ran.
            results = search(store, "科", limit=5, letters=False)
            assert (len(results), results.total, results.total_exact) == (5, 12, True)
            assert counted == []
            # The ranked candidates pass the bound: "more than the bound", no count.
            monkeypatch.setattr("desktop.search.COUNT_CAP", 6)
            monkeypatch.setattr("desktop.store.search_queries.CHARS_CANDIDATES", 8)
            results = search(store, "科技", limit=5, letters=False)
            assert (len(results), results.total, results.total_exact) == (5, 6, False)
            assert counted == []
            # Fewer ranked candidates than the bound, more matches beyond them: counted.
            monkeypatch.setattr("desktop.search.COUNT_CAP", 10)
            results = search(store, "创", limit=5, letters=False)
            assert (len(results), results.total, results.total_exact) == (5, 10, False)
            results = search(store, "新", limit=5, filters=SearchFilters(year_from=2011),
                             letters=False)  # fmt: skip
            assert (len(results), results.total, results.total_exact) == (5, 8, True)
            assert counted == [str(["创"]), str(["新"])]
        finally:
            store.close()
