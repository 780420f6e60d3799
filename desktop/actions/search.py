"""Search the library and find similar past replies: what ``replydesk search`` / ``similar``
and the window's library pane both call.

A search returns a :class:`SearchPage`: the hits (letters found by their title, headings or
metadata, then paragraphs; each with its text and the offsets of the terms in it, no markup),
how many match in all and, when the query was refused, why
(a one-line Chinese message). Similar replies come back as :class:`SimilarLetter`\\ s with their
best paragraphs. Neither touches Qt; the window runs them through ``AppContext``.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.library_rows import LetterDetail, LetterRow
from desktop.search import SearchHit
from desktop.search import search as search_library
from desktop.similar import SimilarLetter, SimilarParagraph, similar_letters
from desktop.store import LibraryStore
from desktop.store.search_queries import SearchFilters

SIMILAR_LIMIT = 8  # letters the composer offers for the open case
BROWSE_LIMIT = 500  # letters listed before any query (the count says how many there are)


@dataclass(frozen=True)
class SearchPage:
    """The hits of one search, best first, and what the list does not show.

    ``total`` is how many letters and paragraphs match in all (bounded: ``total_exact`` False
    means "that many or more"); ``problem`` is why the query could not run as typed (``hits``
    is empty).
    """

    query: str
    hits: tuple[SearchHit, ...]
    total: int
    total_exact: bool = True
    problem: str | None = None

    @property
    def truncated(self) -> bool:
        """Whether the limit cut the list: more paragraphs match than it holds."""
        return self.total > len(self.hits) or not self.total_exact


def search(
    query: str,
    *,
    filters: SearchFilters | None = None,
    limit: int = 20,
    store: LibraryStore,
) -> SearchPage:
    """The letters (by title, headings, number, session, proposers) and the paragraphs holding
    every term of ``query`` (white-space separated): letters first, newest first, then the
    paragraphs best first (desktop/search.py)."""
    found = search_library(store, query, filters=filters, limit=limit)
    return SearchPage(
        query=query,
        hits=tuple(found),
        total=found.total,
        total_exact=found.total_exact,
        problem=found.problem,
    )


def similar(
    title: str,
    content: str = "",
    *,
    limit: int = SIMILAR_LIMIT,
    case_id: int | None = None,
    store: LibraryStore,
) -> tuple[SimilarLetter, ...]:
    """Past replies like a proposal (its title, and its text when given), best first; with
    ``case_id``, the replies filed from that case are left out."""
    return tuple(similar_letters(store, title, content, limit=limit, case_id=case_id))


@dataclass(frozen=True)
class LibraryListing:
    """The library's letters, newest first, at most ``limit`` of them; ``total`` counts all."""

    letters: tuple[LetterRow, ...]
    total: int


def browse(*, limit: int = BROWSE_LIMIT, offset: int = 0, store: LibraryStore) -> LibraryListing:
    """What the library holds, before any query: a newcomer sees what is there (``limit``
    letters after the first ``offset``, newest first, and how many there are in all)."""
    return LibraryListing(tuple(store.letters.newest(limit, offset)), store.letters.count())


def source_letter(letter_id: int, *, store: LibraryStore) -> LetterDetail | None:
    """A hit's letter with its paragraphs, to read the hit in place (None: it is gone)."""
    return store.letters.detail(letter_id)


__all__ = [
    "LibraryListing",
    "SearchFilters",
    "SearchHit",
    "SearchPage",
    "SimilarLetter",
    "SimilarParagraph",
    "browse",
    "search",
    "similar",
    "source_letter",
]
