"""Import files and folders into the library, one transaction per file.

``import_paths`` is a generator that yields one ``ImportProgress`` per file, so the window
can show a progress bar (and stop between files: each file is committed or not at all) and
the CLI a progress line.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.letter_parser import parse_letter
from desktop.model import ImportFailure, ParsedLetter
from desktop.normalize import normalized_key
from desktop.readers import SUPPORTED_SUFFIXES, read_document
from desktop.store import LibraryStore

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


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[ImportResult]]:
    """Expand folders recursively; a missing path becomes a failed result at once."""
    files: list[Path] = []
    missing: list[ImportResult] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file() and not _skippable(p)
            )
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            missing.append(ImportResult(str(path), "failed", message="找不到这个文件或文件夹。"))
    return files, missing


def content_hash(letter: ParsedLetter) -> str:
    """The identity of a letter: its kind and normalized paragraphs, in order."""
    h = hashlib.sha1(letter.kind.encode())
    for block in letter.blocks:
        h.update(b"\x00" + normalized_key(block.text).encode("utf-8"))
    return h.hexdigest()


def import_file(store: LibraryStore, path: Path, *, soffice: str | None = None) -> ImportResult:
    name = str(path)
    try:
        extracted = read_document(path, soffice=soffice) if soffice else read_document(path)
        letter = parse_letter(extracted.lines)
    except ImportFailure as exc:
        return ImportResult(name, "failed", message=exc.message)
    if not any(not b.is_heading for b in letter.blocks):
        return ImportResult(name, "failed", message="文件中没有可导入的正文。")
    digest = content_hash(letter)
    existing = store.find_letter_by_hash(digest)
    if existing is not None:
        return ImportResult(
            name, "duplicate", existing, f"资料库中已有同一份文件（编号 {existing}），未重复导入。"
        )
    try:
        letter_id = store.add_letter(
            letter,
            content_hash=digest,
            source_path=str(path.resolve()),
            source_format=extracted.source_format,
        )
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            msg = "资料库正被其他程序占用，这份文件未导入，请稍后再试。"
        elif "disk" in str(exc) or "full" in str(exc):
            msg = "磁盘空间不足，这份文件未导入。请清理磁盘后再试。"
        else:
            raise
        return ImportResult(name, "failed", message=msg)
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
