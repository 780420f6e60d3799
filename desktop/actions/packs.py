"""Colleague packs: export letters for a colleague, check and import a colleague's pack."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Generator
from pathlib import Path

from desktop.packs import (
    ExportReport,
    ImportReport,
    PackProgress,
    export_pack,
    import_pack,
    import_pack_steps,
    last_export,
)
from desktop.store import LibraryStore


def export(
    out: Path,
    *,
    since: dt.date | None = None,
    include_templates: bool = True,
    templates_dir: Path | None = None,
    store: LibraryStore,
) -> ExportReport:
    """Write the pack (letters imported on or after ``since``, or all). Raises
    ``TargetLocked``, ``WriteFailed`` or ``PackError``."""
    return export_pack(
        store, out, since=since, templates_dir=templates_dir, include_templates=include_templates
    )


def import_steps(
    path: str | Path, *, templates_dir: Path | None = None, store: LibraryStore
) -> Generator[PackProgress, None, ImportReport]:
    """Verify the pack, then merge it in one transaction, step by step (the window's
    progress bar and cancel). Raises ``PackError`` with the library untouched."""
    return import_pack_steps(store, path, templates_dir=templates_dir)


def import_(
    path: Path,
    *,
    progress: Callable[[PackProgress], None] | None = None,
    templates_dir: Path | None = None,
    store: LibraryStore,
) -> ImportReport:
    """:func:`import_steps` run to its end."""
    return import_pack(store, path, templates_dir=templates_dir, progress=progress)


def previous_export(*, store: LibraryStore) -> dt.date | None:
    """The day of the last pack exported from this library, if any."""
    return last_export(store)


__all__ = ["ExportReport", "ImportReport", "PackProgress", "export", "import_", "import_steps",
           "previous_export"]  # fmt: skip
