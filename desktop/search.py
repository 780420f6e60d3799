"""Paragraph search over the library: any substring, any length, several terms AND-ed.

Terms of three or more characters go through the FTS5 trigram index; terms of one or two
characters cannot (the trigram tokenizer matches nothing under three characters and silently
drops such terms from multi-term queries). They are checked with ``instr`` on the trigram
index's candidates when the query also has a long term, and go through a second index of
single-character tokens when it has none.

Traditional characters: the indexes hold each paragraph folded to simplified characters
(``paragraphs.search_text``, :func:`desktop.fold.to_simplified`) and the query's terms are
folded the same way, so either writing finds the other. Hits show the original text; the
folded text has its length character for character, so the marks found in it fit the original.
Letter hits: a letter whose title, proposal title, number, session, proposers or headings hold
every term is a hit of its own (``paragraph_id`` None, ``section`` the field's name, its text
the field's), listed before the paragraphs (see :func:`search`).

See docs/search.md.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from desktop.fold import to_simplified
from desktop.letter_search_fields import letter_fields
from desktop.library_rows import LetterMatch, ParagraphSource
from desktop.normalize import normalize_text
from desktop.store import LibraryStore, SearchFilters
from desktop.store.schema import CHAR_TOKEN_PUNCTUATION

RECENCY_WEIGHT = 0.15  # the newest letters get up to 15 % more score: "a little ahead"
SNIPPET_RADIUS = 40
# SQLite nests one expression per term: past ~990 terms a query fails ("Expression tree is
# too large"). No clerk types a hundred terms; more is a pasted paragraph, refused in words.
MAX_TERMS = 100
# Matches are counted up to this many: "共 1000 多段" says enough, and counting all 110,000
# paragraphs holding "科" in a 10,000-letter library costs more than the search itself.
COUNT_CAP = 1000
# The ranking pool is ten times the limit and must stay a 64-bit SQLite integer.
MAX_LIMIT = 1_000_000
_SPLIT = re.compile(r"[\s\u3000]+")
# Letter hits take at most this share of a page (the rest is paragraphs, the reusable text),
# more when there are fewer paragraphs than that.
LETTER_SHARE = 0.25
# Between two fields of a letter hit's text: a term never holds it (terms are cut at it).
FIELD_GAP = "\u3000"


@dataclass(frozen=True)
class HitField:
    """One field of a letter hit: its name (``desktop.letter_search_fields.FIELDS``), its
    text as shown, and where the terms stand in it."""

    name: str
    text: str
    highlights: list[tuple[int, int]]


@dataclass(frozen=True)
class SearchHit:
    """One paragraph found. The terms are marked by offsets, not markup: each view marks
    them its own way (the pane paints them, the CLI brackets them, ``--json`` tags them)."""

    paragraph_id: int | None  # None: a letter hit (its title, headings or metadata)
    letter_id: int  # the newest source letter
    sources: list[int]  # every letter the paragraph stands in, newest first
    section: str  # the paragraph's section in the newest source
    text: str
    highlights: list[tuple[int, int]]  # [start, end) of every term occurrence in ``text``
    window: tuple[int, int]  # [start, end) of ``text`` to show: the densest group of terms
    score: float
    source_details: list[ParagraphSource] = field(default_factory=list)
    # A letter hit's fields that hold the terms, in FIELDS order; ``text`` is their texts
    # joined by FIELD_GAP and ``section`` their names joined by "+". Empty for a paragraph.
    fields: tuple[HitField, ...] = ()

    @property
    def is_letter(self) -> bool:
        return self.paragraph_id is None

    def pieces(self) -> list[tuple[str, bool]]:
        """The window's text in pieces, each with whether it is a term occurrence."""
        return snippet_pieces(self.text, self.highlights, self.window)

    def marked(self, before: str, after: str, escape: Callable[[str], str] = str) -> str:
        """The window with every occurrence between ``before`` and ``after``, "…" where the
        text goes on; ``escape`` is applied to the text, not to the marks."""
        return marked_snippet(self.text, self.highlights, self.window, before, after, escape)


def parse_query(query: str) -> list[str]:
    """Split a query into terms on white space; normalize and fold each like the indexed
    text (``search_text``: normalized, traditional characters folded to simplified).

    Duplicate terms and terms contained in another term add nothing and are dropped.
    """
    terms: list[str] = []
    for raw in _SPLIT.split(query.strip()):
        term = to_simplified(normalize_text(raw))
        if term and term not in terms:
            terms.append(term)
    return [t for t in terms if not any(t != o and t.lower() in o.lower() for o in terms)]


class SearchResults(list[SearchHit]):
    """The hits of one search, best first, as a list, plus what the list does not show.

    ``total`` is how many letters and paragraphs match the query and filters in all, however
    many the ``limit`` let through: "显示前 50 条，共 62 条" reads ``len(results)`` and ``total``.
    Counting is bounded (each match is a row read): with more than ``COUNT_CAP`` matches
    (or than the limit, when that is larger) ``total`` is that bound and ``total_exact``
    False — "共 1000 多段".
    ``problem`` is a one-line Chinese message when the query could not be run as typed
    (the list is then empty); ``None`` otherwise.
    """

    def __init__(
        self,
        hits: Iterable[SearchHit] = (),
        *,
        total: int = 0,
        total_exact: bool = True,
        problem: str | None = None,
    ):
        super().__init__(hits)
        self.total = max(total, len(self))
        self.total_exact = total_exact
        self.problem = problem

    @property
    def truncated(self) -> bool:
        """Whether the limit cut the list: more paragraphs match than it holds."""
        return self.total > len(self) or not self.total_exact


def search(
    store: LibraryStore,
    query: str,
    *,
    filters: SearchFilters | None = None,
    limit: int = 20,
    letters: bool = True,
) -> SearchResults:
    """The letters and paragraphs holding every term of ``query``, at most ``limit``.

    Letter hits (``letters``: a letter's title, proposal title, number, session, proposers or
    headings hold every term) come first, newest first, taking at most ``LETTER_SHARE`` of
    the page unless the paragraphs leave room; then the paragraphs, best first. A section
    filter asks for paragraphs: no letter hits then.

    The result is a list of :class:`SearchHit` with ``total`` (every match, beyond the
    limit too) and ``problem`` (why the query was refused) — see :class:`SearchResults`.
    """
    terms = parse_query(query)
    if len(terms) > MAX_TERMS:
        return SearchResults(
            problem=f"检索词太多（{len(terms)} 个），一次最多 {MAX_TERMS} 个，请减少检索词后再查。"
        )
    if not terms or limit <= 0 or any(_has_surrogate(t) for t in terms):
        # Stored text is valid Unicode: a term with a lone surrogate matches nothing.
        return SearchResults()
    limit = min(limit, MAX_LIMIT)
    filters = filters or SearchFilters()
    found, p_total, p_exact = paragraph_hits(store, terms, filters, limit)
    if not letters or filters.sections:
        return SearchResults(found, total=p_total, total_exact=p_exact)
    # Only the letter hits the page shows are read and built (a full page of paragraphs
    # leaves room for a quarter): their fields and headings cost more than counting the rest.
    share = max(1, math.ceil(limit * LETTER_SHARE))
    letter_found, l_total, l_exact = letter_hits(
        store, terms, filters, max(share, limit - len(found))
    )
    n_letters = len(letter_found)
    hits = letter_found + found[: limit - n_letters]
    return SearchResults(hits, total=p_total + l_total, total_exact=p_exact and l_exact)


def paragraph_hits(
    store: LibraryStore, terms: list[str], filters: SearchFilters, limit: int
) -> tuple[list[SearchHit], int, bool]:
    """The paragraphs holding every term, best first, at most ``limit``; how many match in
    all and whether that count is exact (see :class:`SearchResults`)."""
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    # The store ranks by relevance times a recency factor over the library's year span
    # (RECENCY_WEIGHT) and returns that score: it is not computed again here.
    # What ranking told of the count: the matches it saw, and whether they were all of them.
    seen, seen_all = 0, False
    if long_terms:
        index = "fts"
        page = store.search.fts_page(long_terms, short_terms, filters, limit, RECENCY_WEIGHT)
        rows, seen, seen_all = page.hits, page.matched, page.complete
    elif all(char_indexable(t) for t in short_terms):
        index = "chars"
        page = store.search.chars_page(short_terms, filters, limit, RECENCY_WEIGHT)
        rows, seen, seen_all = page.hits, page.matched, page.complete
    else:
        index = "scan"
        rows = store.search.scan(short_terms, filters, limit, RECENCY_WEIGHT)
    # Fewer rows than the limit is every match; only a full page needs counting, and not
    # when the ranked matches already tell the count or that it passes the bound.
    total, exact = len(rows), True
    if len(rows) >= limit:
        bound = max(COUNT_CAP, limit)
        if seen_all or seen > bound:
            total = seen
        else:
            total = store.search.count_matches(long_terms, short_terms, filters, index, bound + 1)
        if total > bound:
            total, exact = bound, False
    sources = store.search.paragraph_sources([r.paragraph_id for r in rows])
    hits = []
    for row in rows:
        src = sources.get(row.paragraph_id) or []
        if filters.sections:
            # Show the section the clerk filtered on when the paragraph stands in several.
            src = sorted(src, key=lambda s: s.section not in filters.sections)
        # The terms are folded: find them in the folded text, whose positions are the
        # original's (folding keeps the length character for character).
        spans = find_spans(to_simplified(row.text), terms)
        hits.append(
            SearchHit(
                paragraph_id=row.paragraph_id,
                letter_id=src[0].letter_id if src else 0,
                sources=[s.letter_id for s in src],
                section=src[0].section if src else "body",
                text=row.text,
                highlights=spans,
                window=snippet_window(row.text, spans),
                score=row.score,
                source_details=src,
            )
        )
    return hits, total, exact


def letter_hits(
    store: LibraryStore, terms: list[str], filters: SearchFilters, limit: int
) -> tuple[list[SearchHit], int, bool]:
    """The letters whose fields (title, proposal title, number, session, proposers, headings)
    hold every term between them, newest first, at most ``limit``; how many in all (up to
    ``COUNT_CAP``) and whether that count is exact."""
    indexed = all(char_indexable(t) for t in terms)
    matches = store.letter_search.find(terms, filters, limit, indexed=indexed)
    total, exact = len(matches), True
    if len(matches) >= limit:
        bound = max(COUNT_CAP, limit)
        total = store.letter_search.count(terms, filters, bound + 1, indexed=indexed)
        if total > bound:
            total, exact = bound, False
    hits = [h for h in (letter_hit(m, terms) for m in matches) if h is not None]
    return hits, total, exact


def letter_hit(match: LetterMatch, terms: list[str]) -> SearchHit | None:
    """A letter as a hit: the fields that hold the terms (one field holding all of them, the
    first in FIELDS order; else the fewest that hold them between them). None when its fields
    do not hold every term (the index and the fields disagree: never shown)."""
    fields = letter_fields(
        match.title, match.proposal_title, match.proposal_number, match.session,
        match.addressee, match.headings,
    )  # fmt: skip
    folded = folded_fields([text for _name, text in fields])
    chosen = covering_fields(folded, terms)
    if chosen is None:
        return None
    shown = [HitField(fields[i][0], fields[i][1], find_spans(folded[i], terms)) for i in chosen]
    text = FIELD_GAP.join(f.text for f in shown)
    spans = find_spans(FIELD_GAP.join(folded[i] for i in chosen), terms)
    title = match.proposal_title or match.title
    section = "+".join(dict.fromkeys(f.name for f in shown))
    return SearchHit(
        paragraph_id=None,
        letter_id=match.letter_id,
        sources=[match.letter_id],
        section=section,
        text=text,
        highlights=spans,
        window=snippet_window(text, spans),
        score=0.0,
        source_details=[
            ParagraphSource(match.letter_id, section, -1, match.year, match.kind, title)
        ],
        fields=tuple(shown),
    )


def folded_fields(texts: list[str]) -> list[str]:
    """Each text folded to simplified characters, with one call to the converter (folding
    keeps the length character for character, so the pieces are cut at the same places)."""
    folded = to_simplified("\n".join(texts))
    out, pos = [], 0
    for text in texts:
        out.append(folded[pos : pos + len(text)])
        pos += len(text) + 1
    return out


def covering_fields(folded: list[str], terms: list[str]) -> list[int] | None:
    """The field (by index into ``folded``) that holds every term, the first one; else fields
    that hold them between them, greedily the one with most terms left first, in order."""
    held = [{t for t in terms if t.lower() in text.lower()} for text in folded]
    for i, found in enumerate(held):
        if len(found) == len(terms):
            return [i]
    left, picked = set(terms), []
    while left:
        best = max(range(len(held)), key=lambda i: (len(held[i] & left), -i), default=None)
        if best is None or not held[best] & left:
            return None
        picked.append(best)
        left -= held[best]
    return sorted(picked)


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def char_indexable(term: str) -> bool:
    """Whether every character of a term is a token of the one-character index."""
    return all(
        ch in CHAR_TOKEN_PUNCTUATION
        or unicodedata.category(ch)[0] in "LN"
        or unicodedata.category(ch) == "Co"
        for ch in term
    )


def find_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of every term (ASCII case-insensitive); overlapping ones are merged."""
    folded = text.lower()
    spans: list[tuple[int, int]] = []
    for term in terms:
        needle = term.lower()
        start = folded.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def snippet_window(
    text: str, spans: list[tuple[int, int]], radius: int = SNIPPET_RADIUS
) -> tuple[int, int]:
    """[start, end) of a window of the text around the densest group of ``spans``."""
    if not spans:
        return 0, min(len(text), 2 * radius)
    # The window start that covers the most spans. ``spans`` come from ``find_spans``:
    # sorted and disjoint, so their ends are sorted too and one pass with two indexes counts
    # the spans inside each window (a count per start would be quadratic in the hits).
    best_start, best_count = spans[0][0], 0
    inside = 0  # spans[i:inside] end within the window starting at spans[i]
    for i, (s, _) in enumerate(spans):
        inside = max(inside, i)
        while inside < len(spans) and spans[inside][1] <= s + 2 * radius:
            inside += 1
        if inside - i > best_count:
            best_start, best_count = s, inside - i
    lo = max(0, best_start - radius // 2)
    hi = min(len(text), lo + 2 * radius)
    lo = max(0, min(lo, hi - 2 * radius))
    return lo, hi


def snippet_pieces(
    text: str, spans: list[tuple[int, int]], window: tuple[int, int]
) -> list[tuple[str, bool]]:
    """The text of ``window`` cut at the spans: (piece, is a span), spans clipped to it."""
    lo, hi = window
    out: list[tuple[str, bool]] = []
    pos = lo
    for s, e in spans:
        if s >= hi:
            break
        if e <= lo:
            continue
        s, e = max(s, lo), min(e, hi)
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if hi > pos:
        out.append((text[pos:hi], False))
    return out


def marked_snippet(
    text: str,
    spans: list[tuple[int, int]],
    window: tuple[int, int],
    before: str,
    after: str,
    escape: Callable[[str], str] = str,
) -> str:
    """The window's text with each span between ``before`` and ``after`` and "…" where the
    text goes on beyond it; ``escape`` applies to the text only (e.g. ``html.escape``)."""
    lo, hi = window
    body = "".join(
        before + escape(piece) + after if marked else escape(piece)
        for piece, marked in snippet_pieces(text, spans, window)
    )
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")
