"""Import: read documents (files or whole folders) into the library, one transaction each."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.importer import ImportProgress, ImportResult, import_paths
from desktop.store import LibraryStore


@dataclass(frozen=True)
class ImportReport:
    """Every file's result, in the order they were read."""

    results: tuple[ImportResult, ...]

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> bool:
        return any(r.status == "failed" for r in self.results)


def import_steps(paths: Iterable[str | Path], *, store: LibraryStore) -> Iterator[ImportProgress]:
    """Read the files and folders, one progress step per file (the window's progress bar and
    cancel; the command line's running list)."""
    return import_paths(store, paths)


def import_files(paths: Iterable[str | Path], *, store: LibraryStore) -> ImportReport:
    """:func:`import_steps` run to its end."""
    return ImportReport(tuple(step.result for step in import_paths(store, paths)))


__all__ = ["ImportProgress", "ImportReport", "ImportResult", "import_files", "import_steps"]
