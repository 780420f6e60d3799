"""The rows the repositories give back: frozen dataclasses of plain values (text, numbers,
lists, JSON objects), the same whatever database engine holds the library.

A row is read once and not changed: a change goes through its repository and a new row is
read back. List and JSON-object fields are fresh copies per row (mutating one changes nothing
stored)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from desktop.casework import Draft
from desktop.model import Block


# ----------------------------------------------------------------------------- letters
@dataclass(frozen=True, slots=True)
class ParagraphRow:
    """A paragraph in its place in a letter (``position`` 0, 1, 2 … in order)."""

    position: int
    paragraph_id: int
    section: str
    is_heading: bool
    text: str
    original: str


@dataclass(frozen=True)
class LetterRow:
    """A letter's stored values: ``addressee`` and ``co_organizers`` as lists,
    ``field_sources`` ({field: {"line", "rule", "certain"}}) and ``corrections`` (as
    :mod:`desktop.store.letter_values` describes them) as objects, ``origin`` (where a letter
    received in a pack came from) or None."""

    id: int
    kind: str
    content_hash: str
    imported_at: str
    title: str | None = None
    addressee: list[str] = field(default_factory=list)
    addressee_role: str | None = None
    addressee_count: int | None = None
    proposal_number: str | None = None
    proposal_title: str | None = None
    session: str | None = None
    agency: str | None = None
    main_organizer: str | None = None
    co_organizers: list[str] = field(default_factory=list)
    reply_date: str | None = None
    year: int | None = None
    category: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    doc_number: str | None = None
    source_path: str | None = None
    source_format: str | None = None
    source_hash: str | None = None
    origin: LetterOrigin | None = None
    field_sources: dict[str, Any] = field(default_factory=dict)
    corrections: dict[str, Any] = field(default_factory=dict)
    parser_version: int | None = None
    case_id: int | None = None  # a case's reply filed when it was marked sent (m010)

    @property
    def shown_title(self) -> str | None:
        """The proposal's title where there is one, else the letter's."""
        return self.proposal_title or self.title


@dataclass(frozen=True)
class LetterDetail(LetterRow):
    """Everything the inspector shows: the stored values, ``corrected`` (sorted names of what
    the clerk set: fields, ``"kind"``, ``"sections"`` when paragraphs were moved, split or
    merged; a field the clerk set has the rule ``"clerk"`` in ``sources``), ``source_lines``
    (the reader's lines; [] when not kept) and the ``paragraphs`` in order."""

    corrected: list[str] = field(default_factory=list)
    source_lines: list[str] = field(default_factory=list)
    paragraphs: list[ParagraphRow] = field(default_factory=list)

    @property
    def sources(self) -> dict[str, Any]:
        """Where each field came from (``field_sources``)."""
        return self.field_sources


LETTER_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(LetterRow))


@dataclass(frozen=True)
class LetterSnapshot:
    """A letter as it was (``store.letters.snapshot``, what ``delete`` returns): what
    ``store.letters.restore`` puts back — every column as stored (those of newer schemas
    too), the reader's lines, the paragraphs in order."""

    letter: dict[str, Any]
    source_lines: list[str]
    paragraphs: list[Block]


# ----------------------------------------------------------------------------- search
@dataclass(frozen=True, slots=True)
class ParagraphSource:
    """A letter a paragraph stands in (``title``: the proposal's title, else the letter's)."""

    letter_id: int
    section: str
    position: int
    year: int | None
    kind: str
    title: str | None


@dataclass(frozen=True, slots=True)
class LetterMatch:
    """A letter whose fields hold every term: its values as stored (the hit shows them)."""

    letter_id: int
    year: int | None
    kind: str
    title: str | None
    proposal_title: str | None
    proposal_number: str | None
    session: str | None
    addressee: list[str]
    headings: list[str]


# ----------------------------------------------------------------------------- similar
@dataclass(frozen=True, slots=True)
class BodyParagraph:
    letter_id: int
    paragraph_id: int
    section: str
    text: str


# ----------------------------------------------------------------------------- drafts
@dataclass(frozen=True, slots=True)
class DraftVersion:
    """A saved version of a case's draft (``source``: a key of ``casework.DRAFT_SOURCES``)."""

    version: int
    saved_at: str
    note: str
    source: str
    restored_from: int | None
    clerk: str = ""  # who saved it (m015; "" for versions saved before)


@dataclass(frozen=True)
class PendingAutosave:
    """A working copy left by a session that ended without saving (a crash, a power cut)."""

    case_id: int
    saved_at: str
    draft: Draft


# ----------------------------------------------------------------------------- audit
@dataclass(frozen=True, slots=True)
class AuditEntry:
    """Who changed what and when (``store.audit``): ``action`` a key of
    ``desktop.clerks.AUDIT_ACTIONS``, ``target`` letter/case/draft/profile with its id,
    ``case_id`` the case concerned (None for letters and the profile)."""

    id: int
    at: str
    clerk: str
    action: str
    target: str
    target_id: int | None
    case_id: int | None
    detail: str

    def to_json(self) -> dict[str, Any]:
        from desktop.clerks import AUDIT_ACTIONS

        return {
            "id": self.id, "at": self.at, "clerk": self.clerk, "action": self.action,
            "action_zh": AUDIT_ACTIONS.get(self.action, self.action), "target": self.target,
            "target_id": self.target_id, "case_id": self.case_id, "detail": self.detail,
        }  # fmt: skip


# ----------------------------------------------------------------------------- profile
@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file kept in the profile (the seal image): its name as the clerk chose it, its
    bytes."""

    name: str
    data: bytes


# ----------------------------------------------------------------------------- packs
@dataclass(frozen=True, slots=True)
class LetterOrigin:
    """Where a letter received in a pack came from: the sending library and its letter id."""

    library_id: str
    letter_id: int | None
