"""Import files and folders into the library: each file stored entirely or not at all.

``import_paths`` is a generator that yields one ``ImportProgress`` per file, so the window
can show a progress bar (and stop between files: each file is committed or not at all) and
the CLI a progress line.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.import_pipeline import (
    PARALLEL_MIN_FILES,
    default_workers,
    import_prepared_files,
    refuse_in_starting_worker,
)
from desktop.import_steps import INTERNAL_ERROR, ImportResult, prepare_file, store_prepared
from desktop.letter_identity import content_hash
from desktop.readers import SUPPORTED_SUFFIXES, printable_path
from desktop.store import LibraryStore
from desktop.store.open_files import is_open_library

log = logging.getLogger(__name__)
# Re-exported: callers import these from here.
__all__ = [
    "ImportProgress",
    "ImportResult",
    "collect_files",
    "content_hash",
    "import_file",
    "import_paths",
]


@dataclass
class ImportProgress:
    done: int
    total: int
    result: ImportResult


def _skippable(path: Path) -> bool:
    # Office lock files (~$x.docx) and hidden files are never letters.
    return path.name.startswith(("~$", ".~", "."))


# Letters are filed a few folders deep; a tree deeper than this is a loop of junctions, a
# generated tree or an attack (1,200 levels once crashed the old recursive walk).
MAX_FOLDER_DEPTH = 64


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[ImportResult]]:
    """Expand folders recursively; a missing path, an unreadable folder or a tree deeper than
    :data:`MAX_FOLDER_DEPTH` becomes a failed result at once."""
    files: list[Path] = []
    missing: list[ImportResult] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(_walk(path, missing))
        elif path.exists():
            files.append(path)
        else:
            missing.append(
                ImportResult(printable_path(path), "failed", message="找不到这个文件或文件夹。")
            )
    return files, missing


def _walk(root: Path, problems: list[ImportResult]) -> list[Path]:
    """The importable files under ``root``, sorted, found without recursion (a deep tree must
    not exhaust Python's stack). Symbolic links to folders are not followed (they can loop)."""
    found: list[Path] = []
    too_deep = False
    stack = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            if depth < MAX_FOLDER_DEPTH:
                                stack.append((Path(entry.path), depth + 1))
                            else:
                                too_deep = True
                            continue
                        candidate = Path(entry.path)
                        if (
                            candidate.suffix.lower() in SUPPORTED_SUFFIXES
                            and not _skippable(candidate)
                            and entry.is_file()
                        ):
                            found.append(candidate)
                    except OSError:  # vanished or unreadable entry: as if it were not there
                        continue
        except OSError:
            problems.append(
                ImportResult(
                    printable_path(folder),
                    "failed",
                    message="无法打开这个文件夹（没有权限或已被移走），其中的文件未导入。",
                )
            )
    if too_deep:
        problems.append(
            ImportResult(
                printable_path(root),
                "failed",
                message=f"文件夹层级过深：超过 {MAX_FOLDER_DEPTH} 层的子文件夹中的文件未导入。",
            )
        )
    return sorted(found)


def import_file(store: LibraryStore, path: Path, *, soffice: str | None = None) -> ImportResult:
    """Read, understand and store one file in a transaction of its own."""
    if is_open_library(path):  # reading it with open() would drop the library's locks
        name = printable_path(path)
        return ImportResult(name, "failed", message="这是资料库文件本身，不能作为文件导入。")
    prepared = prepare_file(path, soffice)
    if isinstance(prepared, ImportResult):
        return prepared
    return store_prepared(store, prepared)


def import_paths(
    store: LibraryStore,
    paths: Iterable[str | Path],
    *,
    soffice: str | None = None,
    workers: int | None = None,
) -> Iterator[ImportProgress]:
    """One progress step per file, in order, each after the file was stored or refused.

    A few files are read and stored one after the other, each in its own transaction. Many
    files (from :data:`~desktop.import_pipeline.PARALLEL_MIN_FILES` on, or whenever
    ``workers`` is given) go through :mod:`desktop.import_pipeline`: ``workers`` processes
    read them (0: this one does) while this one stores them in batches, keeping the same
    promises (each file entirely or not at all, a bad file spoils nothing, stopping keeps
    exactly what was reported)."""
    refuse_in_starting_worker()
    files, missing = collect_files(paths)
    total = len(files) + len(missing)
    done = 0
    for result in missing:
        done += 1
        yield ImportProgress(done, total, result)
    if workers is not None or len(files) >= PARALLEL_MIN_FILES:
        count = default_workers(len(files)) if workers is None else workers
        for result in import_prepared_files(store, files, soffice=soffice, workers=count):
            done += 1
            yield ImportProgress(done, total, result)
        return
    for path in files:
        try:
            result = import_file(store, path, soffice=soffice)
        except Exception:
            # A bug of ours must not cost the clerk the rest of the folder: log the traceback,
            # report this file as failed and go on.
            log.exception("import of %s failed", path)
            result = ImportResult(str(path), "failed", message=INTERNAL_ERROR)
        done += 1
        yield ImportProgress(done, total, result)
