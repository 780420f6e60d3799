"""The library database. SQL lives here and nowhere else."""

from desktop.store.library import LibraryError, LibraryStore, ParagraphHit, SearchFilters

__all__ = ["LibraryError", "LibraryStore", "ParagraphHit", "SearchFilters"]
