"""The library database. SQL lives here and nowhere else."""

from desktop.store.library import (
    LibraryBusy,
    LibraryError,
    LibraryStore,
    ParagraphHit,
    SearchFilters,
)

__all__ = ["LibraryBusy", "LibraryError", "LibraryStore", "ParagraphHit", "SearchFilters"]
