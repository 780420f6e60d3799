"""The library database. SQL lives here and nowhere else."""

from desktop.store.library import (
    LetterEditError,
    LetterNotFound,
    LibraryBusy,
    LibraryError,
    LibraryReadOnly,
    LibraryStore,
    ParagraphHit,
    SearchFilters,
)

__all__ = [
    "LetterEditError",
    "LetterNotFound",
    "LibraryBusy",
    "LibraryError",
    "LibraryReadOnly",
    "LibraryStore",
    "ParagraphHit",
    "SearchFilters",
]
