"""The store's errors for the clerk: ``message`` is plain Chinese."""

from __future__ import annotations


class LibraryError(Exception):
    """The library file cannot be used; ``message`` is plain Chinese for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class LibraryBusy(LibraryError):
    """Another program held the write lock for longer than a writer waits; nothing was
    written."""
