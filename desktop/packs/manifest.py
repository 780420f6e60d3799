"""The pack format: names, limits, the reports, and what every step shares."""

from __future__ import annotations

import re
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any, Final

from desktop.errors import ClerkError
from desktop.json_values import ISO_DATE_RE as ISO_DATE_RE
from desktop.paragraph_split import MAX_PARAGRAPH_CHARS
from desktop.store.errors import DatabaseError, library_error
from desktop.zip_guard import MAX_UNZIPPED_TOTAL

PACK_FORMAT: Final = "replydesk-pack"
PACK_FORMAT_VERSION: Final = 1
MANIFEST: Final = "manifest.json"
LETTERS: Final = "letters.jsonl"
TEMPLATES_PREFIX: Final = "templates/"
FROM_PACKS: Final = "from-packs"
SINCE_FIELD: Final = "imported_at"
LAST_EXPORT_KEY: Final = "last_pack_export"

# The zip-bomb limits are desktop.zip_guard's; a pack may not be bigger uncompressed.
MAX_TOTAL_BYTES: Final = MAX_UNZIPPED_TOTAL
# A reply template is a few hundred bytes (the shipped ones: 19 to 354), and a clerk edits a
# handful: 50 templates of 64 KB each bound what a pack may write into the templates folder.
MAX_TEMPLATES: Final = 50
MAX_TEMPLATE_BYTES: Final = 64 * 1024
MAX_MEMBERS: Final = MAX_TEMPLATES + 2  # the manifest, letters.jsonl and the templates
MAX_MANIFEST_BYTES: Final = 1024 * 1024
# One letter, as one JSON line. A real letter is 5–50 KB; a letter of a thousand paragraphs at
# the paragraph cap (text and original) is 30 MB, which a real letter never comes near.
MAX_LINE_BYTES: Final = 16 * 1024 * 1024
# Metadata fields (title, agency, source path …) and list items.
MAX_FIELD_CHARS: Final = 5000
MAX_LIST_ITEMS: Final = 1000
# Bounds of the integer fields: SQLite stores 64-bit integers, and a bigger one must be refused
# with a message, not fail in the merge.
INT_RANGES: Final = {"addressee_count": (0, 100_000), "year": (1000, 9999)}
MAX_LETTER_ID: Final = 2**63 - 1
MERGE_PROGRESS_EVERY = 20  # letters between two progress reports of the merge
READ_CHUNK: Final = 1024 * 1024

TEMPLATE_NAME_RE = re.compile(r"^[\w\-][\w.\-]{0,80}\.j2\Z")
SHA256_RE = re.compile(r"^[0-9a-f]{64}\Z")
TEXT_FIELDS = (
    "title", "addressee_role", "proposal_number", "proposal_title", "session", "agency",
    "main_organizer", "reply_date", "category", "contact_name", "contact_phone", "doc_number",
    "source_path", "source_format", "imported_at",
)  # fmt: skip
LIST_FIELDS = ("addressee", "co_organizers")
INT_FIELDS = ("addressee_count", "year")
REQUIRED_LETTER_FIELDS: Final = ("kind", "content_hash", "origin", "paragraphs")


class PackError(ClerkError):
    """A pack that cannot be made or taken in; ``message`` is one line of plain Chinese."""

    def __init__(self, message: str):
        # Names from the pack or the file system may hold line breaks or lone surrogates (a
        # non-UTF-8 file name on Linux): shown as escapes, the message stays one printable line.
        message = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in message)
        super().__init__(message)


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
    # ids of letters left out because a colleague's import would refuse them (a paragraph over
    # the cap, stored by an older version, or a letter over MAX_LINE_BYTES)
    too_large: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "too_large": self.too_large,
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
        text = f"已导出{scope} {self.letters} 份文件{extra}到资料包“{self.path}”。"
        if self.too_large:
            ids = "、".join(str(i) for i in self.too_large[:10])
            more = " 等" if len(self.too_large) > 10 else ""
            text += (
                f"另有 {len(self.too_large)} 份文件（编号 {ids}{more}）的段落超过 "
                f"{MAX_PARAGRAPH_CHARS} 字或内容过大，同事无法导入，未放入资料包。"
            )
        return text


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
    # letters the library held that took the sender's corrections (where it had none)
    corrected: list[int] = field(default_factory=list)

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
            "corrected_ids": self.corrected,
        }

    def summary_zh(self) -> str:
        text = (
            f"资料包中共 {self.pack.letters} 份文件：新增 {len(self.added)} 份，"
            f"{len(self.duplicates)} 份资料库中已有（未重复导入），"
            f"新增段落 {self.new_paragraphs} 个。"
        )
        if self.corrected:
            text += f"已有的 {len(self.corrected)} 份文件采用了同事的更正（您自己改过的项目不变）。"
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


def library_problem(exc: DatabaseError, what: str) -> PackError:
    problem = library_error(exc, what)
    if problem is None:
        return PackError(f"资料库出错（{exc}），{what}。")
    return PackError(problem.message)


def drain(
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
