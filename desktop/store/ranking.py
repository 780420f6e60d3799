"""How paragraph hits are ranked where the store does not leave it to FTS5's bm25(): 1–2
character terms (docs/search.md, Ranking), and the recency factor every hit gets. The SQL form
(for the scan, which ranks in the query) and the Python form (for the one-character index's
candidates, ranked after they are read) compute the same numbers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

# A paragraph as the indexes hold it: folded to simplified characters (m008; ``search_text``
# is NULL where folding changes nothing). Query terms come folded the same way (desktop.search).
SEARCH_TEXT = "coalesce(p.search_text, p.text)"
# BM25's constants, and the average paragraph length it normalizes by (characters).
K1 = 1.2
B = 0.75
AVERAGE_LENGTH = 120.0
# SQLite's lower() folds ASCII letters only: the Python form must not fold more.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def folds(term: str) -> bool:
    """Whether a term is matched case-insensitively (ASCII with letters, as the indexes fold)."""
    return term.isascii() and term.lower() != term.upper()


def tf_rank_sql(terms: Sequence[str]) -> tuple[str, list[Any]]:
    """:func:`short_relevance` of a paragraph ``p`` as an SQL expression.

    The folded text has the length of ``text`` (folding keeps it), so ``p.length`` is its
    length too."""
    parts: list[str] = []
    args: list[Any] = []
    for term in terms:
        folded = folds(term)
        text = f"lower({SEARCH_TEXT})" if folded else SEARCH_TEXT
        needle = term.lower() if folded else term
        # occurrences = (len(text) - len(text without term)) / len(term)
        tf = f"((p.length - length(replace({text}, ?, ''))) * 1.0 / ?)"
        parts.append(
            f"({tf} * {K1 + 1} / ({tf} + {K1} * ({1 - B} + {B} * p.length / {AVERAGE_LENGTH})))"
        )
        args.extend([needle, len(term), needle, len(term)])
    return " + ".join(parts), args


def short_relevance(text: str, terms: Sequence[str]) -> float:
    """The relevance of a paragraph (its folded text) holding every 1–2 character term: BM25's
    term-frequency part with length normalisation, summed over the terms; occurrences do not
    overlap (as replace() counts them). No IDF: for one term it would be the same factor for
    every hit, and several short terms weigh alike (every hit holds each of them)."""
    return short_ranker(terms)(text)


def short_ranker(terms: Sequence[str]) -> Callable[[str], float]:
    """:func:`short_relevance` for these terms, as a function of the text (the terms are
    prepared once: it is called for every candidate)."""
    needles = [(t.lower(), True) if folds(t) else (t, False) for t in terms]
    any_folds = any(f for _n, f in needles)

    def relevance(text: str) -> float:
        norm = K1 * ((1 - B) + B * len(text) / AVERAGE_LENGTH)
        lowered = text.translate(_ASCII_LOWER) if any_folds else text
        rel = 0.0
        for needle, folded in needles:
            tf = float((lowered if folded else text).count(needle))
            rel += tf * (K1 + 1) / (tf + norm)
        return rel

    return relevance


def recency_sql(weight: float, span: tuple[int | None, int | None]) -> tuple[str, list[Any]]:
    """A factor in [1, 1 + weight] that grows with the paragraph's newest source year."""
    lo, hi = span
    if weight <= 0 or lo is None or hi is None or hi <= lo:
        return "1.0", []
    return (
        "(1.0 + ? * max(0.0, min(1.0, (coalesce(p.latest_year, ?) - ?) * 1.0 / ?)))",
        [weight, lo, lo, hi - lo],
    )


def recency_factor(
    weight: float, span: tuple[int | None, int | None]
) -> Callable[[int | None], float]:
    """:func:`recency_sql` as a function of the paragraph's newest source year."""
    lo, hi = span
    if weight <= 0 or lo is None or hi is None or hi <= lo:
        return lambda _year: 1.0
    low, width = lo, hi - lo
    known: dict[int | None, float] = {}  # a few dozen years among thousands of candidates

    def factor(year: int | None) -> float:
        if year not in known:
            r = max(0.0, min(1.0, ((low if year is None else year) - low) / width))
            known[year] = 1.0 + weight * r
        return known[year]

    return factor
