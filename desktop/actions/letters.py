"""Letters in the library: list, show, correct, delete, read again, remove the samples.

The clerk's corrections (fields, kind, sections, split and merge) are each one transaction in
the store; a refused one raises a :class:`~desktop.errors.ClerkError` and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.errors import ClerkError
from desktop.letter_view import letter_json
from desktop.library_rows import LetterDetail, LetterSnapshot
from desktop.parser_version import PARSER_VERSION
from desktop.sample import ensure_sample_library, remove_sample_library, sample_letter_ids
from desktop.store import LibraryStore

if TYPE_CHECKING:
    # The parser comes with desktop.reparse: imported when letters are read again.
    from desktop.reparse import ReparseProgress


class NoSuchLetter(ClerkError):
    def __init__(self, letter_id: int, what: str):
        super().__init__(f"没有编号为 {letter_id} 的文件，{what}。")
        self.letter_id = letter_id


@dataclass(frozen=True)
class LetterEdit:
    """A letter before and after one edit (as :func:`detail` gives it)."""

    letter_id: int
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass(frozen=True)
class DeletedLetter:
    letter_id: int
    title: str
    snapshot: LetterSnapshot  # what :func:`restore` needs to put it back (undo)


def listing(*, store: LibraryStore) -> list[dict[str, Any]]:
    """Every letter as ``letters --json`` lists it."""
    return [letter_json(x) for x in store.letters.all()]


def count(*, store: LibraryStore) -> int:
    return store.letters.count()


def detail(letter_id: int, *, store: LibraryStore) -> dict[str, Any] | None:
    """``show --json``: the fields and sections, plus what the clerk needs to correct a
    letter — where each field came from, what the clerk corrected, the parser version that
    read it, and every paragraph with its id and section. None: no such letter."""
    found = store.letters.detail(letter_id)
    if found is None:
        return None
    data = letter_json(found)
    data["sources"] = found.sources
    data["corrected"] = list(found.corrected)
    data["parser_version"] = found.parser_version
    data["case_id"] = found.case_id  # a case's reply, filed when it was marked sent
    data["paragraphs"] = [
        {
            key: getattr(p, key)
            for key in ("position", "paragraph_id", "section", "is_heading", "text", "original")
        }
        for p in found.paragraphs
    ]
    return data


def inspect(letter_id: int, *, store: LibraryStore) -> LetterDetail | None:
    """Everything the letter inspector shows (the store's detail: sources, corrections,
    source lines, paragraphs), or None when the letter is gone."""
    return store.letters.detail(letter_id)


def edit(
    letter_id: int,
    *,
    fields: Mapping[str, object] | None = None,
    kind: str | None = None,
    sections: Mapping[Any, str] | None = None,
    store: LibraryStore,
) -> LetterEdit:
    """Change fields, the kind and paragraphs' sections in one transaction: all or nothing."""
    before = detail(letter_id, store=store)
    if before is None:
        raise NoSuchLetter(letter_id, "没有改动任何内容")
    store.letters.edit(letter_id, fields=fields or None, kind=kind, sections=sections or None)
    after = detail(letter_id, store=store)
    assert after is not None
    return LetterEdit(letter_id, before, after)


def snapshot(letter_id: int, *, store: LibraryStore) -> LetterSnapshot:
    """The letter as it is now, for :func:`restore` (undo)."""
    return store.letters.snapshot(letter_id)


def restore(snapshot: LetterSnapshot, *, store: LibraryStore) -> int:
    """Put a letter back as a snapshot saw it; its id (maybe a new one)."""
    return int(store.letters.restore(snapshot))


def split_paragraph(letter_id: int, position: int, offset: int, *, store: LibraryStore) -> None:
    store.letters.split_paragraph(letter_id, position, offset)


def merge_paragraphs(letter_id: int, position: int, *, store: LibraryStore) -> None:
    store.letters.merge_paragraphs(letter_id, position)


def delete(letter_id: int, *, store: LibraryStore) -> DeletedLetter:
    """Delete a letter; paragraphs other letters use stay."""
    letter = store.letters.get(letter_id)
    if letter is None:
        raise NoSuchLetter(letter_id, "没有删除任何内容")
    title = letter.shown_title or ""
    return DeletedLetter(letter_id, title, store.letters.delete(letter_id))


def waiting_for_reparse(*, store: LibraryStore) -> int:
    """How many letters an older parser read (0 on a read-only library)."""
    if store.read_only:
        return 0
    # Without desktop.reparse: it imports the parser, which the count does not need.
    return len(store.letters.to_read_again(current=PARSER_VERSION))


def reparse(*, all: bool = False, store: LibraryStore) -> Iterator[ReparseProgress]:
    """Read letters again with this version's parser, one step per letter."""
    from desktop.reparse import reparse_letters

    return reparse_letters(store, all=all)


def sample_count(*, store: LibraryStore) -> int:
    """How many of the sample letters are still in the library."""
    return len(sample_letter_ids(store))


def remove_samples(*, store: LibraryStore) -> int:
    """Delete the sample letters; how many were deleted."""
    return remove_sample_library(store)


def ensure_samples(*, store: LibraryStore) -> int:
    """A new, empty library gets the sample letters once; how many were loaded."""
    return sum(r.status == "imported" for r in ensure_sample_library(store))
