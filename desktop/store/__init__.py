"""The library database. SQL lives here and nowhere else."""

from desktop.store.library import (
    LibraryBusy,
    LibraryError,
    LibraryReadOnly,
    LibraryStore,
    ParagraphHit,
    SearchFilters,
)

__all__ = [
    "LibraryBusy",
    "LibraryError",
    "LibraryReadOnly",
    "LibraryStore",
    "ParagraphHit",
    "SearchFilters",
]
