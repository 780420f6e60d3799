"""The sample library: real documents loaded into a new, empty library on first start."""

from __future__ import annotations

import logging

from desktop.importer import ImportResult, import_paths
from desktop.paths import sample_library_dir
from desktop.store import LibraryStore

log = logging.getLogger(__name__)
SEEDED_KEY = "sample_library_loaded"


def ensure_sample_library(store: LibraryStore) -> list[ImportResult]:
    """Load the sample documents once into a library that has never held any letter.

    A clerk who later deletes the samples does not get them back on the next start.
    """
    if store.get_meta(SEEDED_KEY) or store.letter_count() > 0:
        return []
    folder = sample_library_dir()
    results = [p.result for p in import_paths(store, [folder])] if folder.is_dir() else []
    for r in results:
        if r.status == "failed":
            log.warning("sample document %s not loaded: %s", r.path, r.message)
    store.set_meta(SEEDED_KEY, "1")
    return results
