"""Import files and folders into the library, one transaction per file.

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
from typing import Any

from desktop.letter_identity import content_hash
from desktop.model import ImportFailure
from desktop.readers import SUPPORTED_SUFFIXES, printable_path, read_document
from desktop.store import LibraryError, LibraryStore
from desktop.store.errors import DatabaseError, library_error
from desktop.store.open_files import is_open_library
from desktop.understand import PARSER_VERSION, parse_letter

log = logging.getLogger(__name__)


@dataclass
class ImportResult:
    path: str
    status: str  # "imported" | "duplicate" | "failed"
    letter_id: int | None = None
    message: str = ""
    kind: str | None = None  # "reply" | "reference" for imported letters

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "letter_id": self.letter_id,
            "message": self.message,
            "kind": self.kind,
        }


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
    name = printable_path(path)
    if is_open_library(path):  # reading it with open() would drop the library's locks
        return ImportResult(name, "failed", message="这是资料库文件本身，不能作为文件导入。")
    try:
        extracted = read_document(path, soffice=soffice) if soffice else read_document(path)
        letter = parse_letter(extracted.lines)
    except ImportFailure as exc:
        return ImportResult(name, "failed", message=exc.message)
    if not any(not b.is_heading for b in letter.blocks):
        return ImportResult(name, "failed", message="文件中没有可导入的正文。")
    digest = content_hash(letter)
    try:
        letter_id, added = store.letters.add_if_new(
            letter,
            content_hash=digest,
            source_path=printable_path(path.resolve()),
            source_format=extracted.source_format,
            parser_version=PARSER_VERSION,
        )
    except LibraryError as exc:  # busy for too long, or read-only
        return ImportResult(name, "failed", message=f"这份文件未导入：{exc.message}")
    except DatabaseError as exc:
        problem = library_error(exc, "这份文件未导入")
        if problem is None:
            raise
        return ImportResult(name, "failed", message=problem.message)
    if not added:
        message = f"资料库中已有同一份文件（编号 {letter_id}），未重复导入。"
        return ImportResult(name, "duplicate", letter_id, message)
    kind_zh = "答复" if letter.kind == "reply" else "参考资料"
    return ImportResult(name, "imported", letter_id, f"已导入（{kind_zh}）", letter.kind)


def import_paths(
    store: LibraryStore, paths: Iterable[str | Path], *, soffice: str | None = None
) -> Iterator[ImportProgress]:
    files, missing = collect_files(paths)
    total = len(files) + len(missing)
    done = 0
    for result in missing:
        done += 1
        yield ImportProgress(done, total, result)
    for path in files:
        try:
            result = import_file(store, path, soffice=soffice)
        except Exception:
            # A bug of ours must not cost the clerk the rest of the folder: log the traceback,
            # report this file as failed and go on.
            log.exception("import of %s failed", path)
            result = ImportResult(
                str(path), "failed", message="导入时发生程序内部错误，详情已写入日志文件。"
            )
        done += 1
        yield ImportProgress(done, total, result)
