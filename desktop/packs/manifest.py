"""The pack format: names, limits, the reports, and what every step shares."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any, Final

PACK_FORMAT: Final = "replydesk-pack"
PACK_FORMAT_VERSION: Final = 1
MANIFEST: Final = "manifest.json"
LETTERS: Final = "letters.jsonl"
TEMPLATES_PREFIX: Final = "templates/"
FROM_PACKS: Final = "from-packs"
SINCE_FIELD: Final = "imported_at"
LAST_EXPORT_KEY: Final = "last_pack_export"

MAX_TOTAL_BYTES: Final = 500 * 1024 * 1024  # uncompressed, all members together
# Uncompressed / compressed, for members over RATIO_FLOOR: letters compress 3–10 fold, a zip
# bomb about 1000 fold (deflate's limit).
MAX_RATIO: Final = 200
RATIO_FLOOR: Final = 1024 * 1024
MAX_MEMBERS: Final = 500
MAX_MANIFEST_BYTES: Final = 1024 * 1024
MAX_TEMPLATE_BYTES: Final = 1024 * 1024
MAX_LINE_BYTES: Final = 64 * 1024 * 1024
MERGE_PROGRESS_EVERY = 20  # letters between two progress reports of the merge
_CHUNK: Final = 1024 * 1024

_TEMPLATE_NAME = re.compile(r"^[\w\-][\w.\-]{0,80}\.j2$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TEXT_FIELDS = (
    "title", "addressee_role", "proposal_number", "proposal_title", "session", "agency",
    "main_organizer", "reply_date", "category", "contact_name", "contact_phone", "doc_number",
    "source_path", "source_format", "imported_at",
)  # fmt: skip
_LIST_FIELDS = ("addressee", "co_organizers")
_INT_FIELDS = ("addressee_count", "year")
REQUIRED_LETTER_FIELDS: Final = ("kind", "content_hash", "origin", "paragraphs")


class PackError(Exception):
    """A pack that cannot be made or taken in; ``message`` is one line of plain Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# ==============================================================================================
# Reports


@dataclass
class ExportReport:
    path: str
    library_id: str
    letters: int
    paragraphs: int  # paragraph places in the letters (a shared paragraph counts each time)
    templates: list[str]
    since: str | None  # ISO date: letters imported on or after it
    size: int  # bytes of the pack file

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "library_id": self.library_id,
            "letters": self.letters,
            "paragraphs": self.paragraphs,
            "templates": self.templates,
            "since": self.since,
            "since_field": SINCE_FIELD,
            "size": self.size,
        }

    def summary_zh(self) -> str:
        scope = f"{self.since} 以来导入的" if self.since else "全部"
        extra = f"和 {len(self.templates)} 个模板" if self.templates else ""
        return f"已导出{scope} {self.letters} 份文件{extra}到资料包“{self.path}”。"


@dataclass
class PackInfo:
    """What a verified pack's manifest says."""

    path: str
    format_version: int
    app_version: str
    created_at: str
    library_id: str
    since: str | None
    letters: int
    templates: list[str]


@dataclass
class ImportReport:
    pack: PackInfo
    added: list[int] = field(default_factory=list)  # ids of the new letters
    duplicates: list[dict[str, Any]] = field(default_factory=list)  # {"line", "existing_id"}
    new_paragraphs: int = 0
    templates_folder: str | None = None
    templates_saved: list[str] = field(default_factory=list)  # written now
    templates_present: list[str] = field(default_factory=list)  # already there, same content

    def to_json(self) -> dict[str, Any]:
        return {
            "pack": self.pack.path,
            "source_library_id": self.pack.library_id,
            "created_at": self.pack.created_at,
            "app_version": self.pack.app_version,
            "format_version": self.pack.format_version,
            "letters_in_pack": self.pack.letters,
            "added": len(self.added),
            "added_ids": self.added,
            "duplicates": len(self.duplicates),
            "duplicate_letters": self.duplicates,
            "new_paragraphs": self.new_paragraphs,
            "templates_folder": self.templates_folder,
            "templates_saved": self.templates_saved,
            "templates_present": self.templates_present,
        }

    def summary_zh(self) -> str:
        text = (
            f"资料包中共 {self.pack.letters} 份文件：新增 {len(self.added)} 份，"
            f"{len(self.duplicates)} 份资料库中已有（未重复导入），"
            f"新增段落 {self.new_paragraphs} 个。"
        )
        if self.templates_saved:
            text += (
                f"资料包中的 {len(self.templates_saved)} 个模板已另存到“{self.templates_folder}”"
                "（不会替换您自己的模板）。"
            )
        elif self.templates_present:
            text += f"资料包中的模板此前已保存在“{self.templates_folder}”。"
        return text


@dataclass
class PackProgress:
    phase: str  # "verify" | "merge"
    done: int
    total: int


# ==============================================================================================
# Export


def _library_problem(exc: sqlite3.Error, what: str) -> PackError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return PackError(f"资料库正被其他程序（或另一个答复助手窗口）占用，{what}。请稍后再试。")
    if "full" in text or "disk" in text:
        return PackError(f"磁盘空间不足，{what}。请清理磁盘后再试。")
    return PackError(f"资料库出错（{exc}），{what}。")


def _drain(
    steps: Generator[PackProgress, None, Any],
    progress: Callable[[PackProgress], None] | None = None,
) -> Any:
    while True:
        try:
            value = next(steps)
        except StopIteration as stop:
            return stop.value
        if progress is not None:
            progress(value)
