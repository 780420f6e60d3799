"""The two halves of importing one file: reading and understanding it (:func:`prepare_file`,
pure, runs in an import's worker processes) and storing it (:func:`store_prepared`, the one
writer). :mod:`desktop.importer` runs them one file after the other, or
:mod:`desktop.import_pipeline` in parallel.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.letter_identity import content_hash
from desktop.model import ImportFailure, ParsedLetter
from desktop.readers import printable_path, read_document
from desktop.store import LibraryError, LibraryStore
from desktop.store.errors import DatabaseError, library_error
from desktop.store.index_rows import PreparedIndexes, prepare_indexes
from desktop.understand import PARSER_VERSION, parse_letter

INTERNAL_ERROR = "导入时发生程序内部错误，详情已写入日志文件。"


@dataclass
class ImportResult:
    path: str
    status: str  # "imported" | "duplicate" | "failed"
    letter_id: int | None = None
    message: str = ""
    kind: str | None = None  # "reply" | "reference" for imported letters
    # About the import rather than the file (the worker processes failed from here on).
    notice: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "letter_id": self.letter_id,
            "message": self.message,
            "kind": self.kind,
            "notice": self.notice,
        }


@dataclass(frozen=True)
class PreparedFile:
    """A file read and understood, with everything its rows hold computed: what the writer
    stores."""

    name: str  # printable_path of the path as given (the result's ``path``)
    source_path: str  # printable_path of the resolved path (stored with the letter)
    source_format: str
    letter: ParsedLetter
    content_hash: str
    indexes: PreparedIndexes


@dataclass(frozen=True)
class Crash:
    """A bug of ours while reading a file (in a worker: its traceback travels as text)."""

    name: str
    path: str
    trace: str


def prepare_file(path: Path, soffice: str | None = None) -> PreparedFile | ImportResult:
    """Read and understand one file: a :class:`PreparedFile`, or the failed result (the
    clerk's file cannot be read, or has no body text). Bugs raise."""
    name = printable_path(path)
    try:
        extracted = read_document(path, soffice=soffice) if soffice else read_document(path)
        letter = parse_letter(extracted.lines)
    except ImportFailure as exc:
        return ImportResult(name, "failed", message=exc.message)
    if not any(not b.is_heading for b in letter.blocks):
        return ImportResult(name, "failed", message="文件中没有可导入的正文。")
    return PreparedFile(
        name=name,
        source_path=printable_path(path.resolve()),
        source_format=extracted.source_format,
        letter=letter,
        content_hash=content_hash(letter),
        indexes=prepare_indexes(letter),
    )


def prepare_files(
    paths: list[str], soffice: str | None
) -> list[PreparedFile | ImportResult | Crash]:
    """:func:`prepare_file` of several files: a worker process's task (a bug reading one file
    becomes a :class:`Crash`, the others go on)."""
    out: list[PreparedFile | ImportResult | Crash] = []
    for raw in paths:
        try:
            out.append(prepare_file(Path(raw), soffice))
        except Exception:
            out.append(Crash(printable_path(Path(raw)), raw, traceback.format_exc()))
    return out


def add_prepared(store: LibraryStore, prepared: PreparedFile) -> ImportResult:
    """Store a prepared file (errors raise: inside a batch they spoil the whole batch)."""
    letter = prepared.letter
    letter_id, added = store.letters.add_if_new(
        letter,
        content_hash=prepared.content_hash,
        source_path=prepared.source_path,
        source_format=prepared.source_format,
        parser_version=PARSER_VERSION,
        prepared=prepared.indexes,
    )
    if not added:
        message = f"资料库中已有同一份文件（编号 {letter_id}），未重复导入。"
        return ImportResult(prepared.name, "duplicate", letter_id, message)
    if letter.kind == "reply":
        return ImportResult(prepared.name, "imported", letter_id, "已导入（答复）", letter.kind)
    # A web page, PDF or text that is not a reply (a news page, a notice) is kept as reference
    # material: say why, so the clerk can correct it in the inspector if it is a reply after all.
    message = "已导入（参考资料：没有找到称呼或“收悉”等答复用语，不像一份答复）"
    return ImportResult(prepared.name, "imported", letter_id, message, letter.kind)


def refused(name: str, exc: LibraryError) -> ImportResult:
    """The result of a file the library refused (busy for too long, or read-only)."""
    return ImportResult(name, "failed", message=f"这份文件未导入：{exc.message}")


def store_prepared(store: LibraryStore, prepared: PreparedFile) -> ImportResult:
    """Store a prepared file in a transaction of its own; what the library refuses becomes
    the file's failed result (a bug raises)."""
    try:
        return add_prepared(store, prepared)
    except LibraryError as exc:  # busy for too long, or read-only
        return refused(prepared.name, exc)
    except DatabaseError as exc:
        problem = library_error(exc, "这份文件未导入")
        if problem is None:
            raise
        return ImportResult(prepared.name, "failed", message=problem.message)
