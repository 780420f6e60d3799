"""Plain data objects shared by the reader, the letter parser, the store and the search.

Nothing here knows about SQLite, Qt or files: these are the values that flow between layers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from desktop.errors import ClerkError

SectionKind = Literal["greeting", "status", "plan", "closing", "body"]
"""Where a paragraph belongs in a reply.

``body`` is used for reference documents (which have no reply structure) and for reply text
that could not be placed in one of the four reply sections.
"""

SECTION_KINDS: tuple[str, ...] = ("greeting", "status", "plan", "closing", "body")

LetterKind = Literal["reply", "reference"]


class ImportFailure(ClerkError):
    """A problem a clerk can cause (bad, locked, empty or unsupported file).

    ``message`` is one line of plain Chinese that says what is wrong and, where possible,
    what to do. It is shown to the clerk as is.
    """

    def __init__(self, message: str):
        super().__init__(message)


@dataclass
class ExtractedText:
    """What a reader got out of one file, before any understanding.

    ``lines`` are the document's paragraphs in order. A table row becomes one line with its
    cells joined by `` | `` (the same shape a web-portal export has as text), so a single
    parser handles both.
    """

    lines: list[str]
    source_format: str  # "txt", "docx", "doc", "wps"
    encoding: str | None = None  # for text files: the encoding that was detected


@dataclass
class Block:
    """One paragraph of a parsed document, in document order."""

    text: str  # normalized text: what is searched, shown and reused
    original: str  # the text as it stood in the file (after noise removal and splitting)
    section: str  # one of SECTION_KINDS
    is_heading: bool = False


@dataclass
class FieldSource:
    """Where an extracted field came from, so a clerk can see why and confirm what is unsure.

    ``line`` is the 0-based index into ``ParsedLetter.source_lines`` (the reader's lines), None
    when the value was derived (e.g. the role from the wording); ``rule`` names the pattern in
    ``desktop/understand/patterns.py`` that gave it; ``certain`` is False when the value is a
    guess the clerk should confirm (a fallback, a title from a title line, a loose 文号);
    ``suggestion`` holds a value offered but not stored (a date that lost its 年月日).
    """

    line: int | None
    rule: str
    certain: bool = True
    # A value read but not stored until the clerk takes it (a date whose 年月日 were lost):
    # the field stays empty and the window offers this value.
    suggestion: str | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"line": self.line, "rule": self.rule, "certain": self.certain}
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        return out


@dataclass
class ParsedLetter:
    """A document understood: metadata and ordered blocks."""

    kind: str  # "reply" | "reference"
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None  # the document's own title line, if any
    addressee: list[str] = field(default_factory=list)  # lead first
    addressee_role: str | None = None  # "代表" | "委员" | "单位"
    addressee_count: int | None = None  # 10 for "张三等10位代表"; else len(addressee)
    proposal_number: str | None = None  # digits only, e.g. "277"
    proposal_title: str | None = None  # e.g. "关于在南通市组织社会大众聚力创新的建议"
    session: str | None = None  # e.g. "市十六届人大四次会议"
    agency: str | None = None  # the signing agency
    main_organizer: str | None = None
    co_organizers: list[str] = field(default_factory=list)
    reply_date: str | None = None  # ISO "YYYY-MM-DD"
    category: str | None = None  # e.g. "A", "B", "甲"
    contact_name: str | None = None
    contact_phone: str | None = None
    doc_number: str | None = None  # e.g. "通科函〔2020〕12号"
    # field name (an attribute above, or "kind") -> where its value came from
    sources: dict[str, FieldSource] = field(default_factory=dict)
    # the reader's lines as parsed: kept so a better parser can read the letter again
    source_lines: list[str] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return int(self.reply_date[:4]) if self.reply_date else None


# --------------------------------------------------------------------------- composed letters


@dataclass
class FontSpec:
    """Font names written into the DOCX (East Asian through ``w:eastAsia``). PCs differ, so
    these come from the agency profile."""

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    page_number: str = "宋体"


@dataclass
class SealSpec:
    """The seal as the profile stores it: the image's bytes (a PNG with transparency, or a
    JPEG) travel from the library to the writer without a file on the way."""

    image: bytes = field(repr=False)
    diameter_mm: float = 42.0
    name: str = "seal.png"  # the file name the clerk chose: messages name it


@dataclass(frozen=True)
class ParagraphOrigin:
    """Where a printed body paragraph comes from in the draft."""

    section: str
    index: int  # block index in the section
    line: int  # paragraph within the block (a template block renders to several)
    raw: str  # the text as the block holds it (a template paragraph: as rendered)


@dataclass
class LetterParagraph:
    text: str
    style: str = "body"  # "body" | "heading1" (一、) | "heading2" (（一）) | "heading3" (1.)
    # The draft block it was composed from; None for a letter not composed from a draft.
    origin: ParagraphOrigin | None = None


@dataclass
class ComposedLetter:
    """A reply with every text resolved: what the DOCX, PDF and plain-text exports write."""

    title: str
    salutation: str  # "石剑波代表：" — ends with a full-width colon
    paragraphs: list[LetterParagraph]  # the body, greeting to closing, in order
    agency: str  # the signature (发文机关署名)
    date: str  # ISO "YYYY-MM-DD"; printed as "2020年5月29日"
    category_label: str | None = None  # "A类", printed top right on page 1
    doc_number: str | None = None  # "通科函〔2020〕12号"
    contact_note: str | None = None  # "（联系人：张三，联系电话：0513-85000000）"
    cc: list[str] = field(default_factory=list)  # copy-to (抄送) units
    disclosure: str | None = None  # 主动公开 / 依申请公开 / 不予公开
    attachments: list[str] = field(default_factory=list)
    seal: SealSpec | None = None
    fonts: FontSpec = field(default_factory=FontSpec)
    signer: str | None = None  # 签发人
    author: str | None = None  # document property
    # "函" (GB/T 9704 10.1: no 版记 rules, no 印发 line, no page number on page 1) or "版记"
    # (7.4: 版记 between thick and thin rules with 印发机关 and 印发日期, on an even page).
    letter_format: str = "函"
    issuing_office: str | None = None  # 印发机关 (版记 format); the agency when empty
    issue_date: str | None = None  # ISO 印发日期 (版记 format); the letter's date when empty
