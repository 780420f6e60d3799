"""A stored letter as the CLI's JSON and the window's letter preview see it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.library_rows import LetterDetail, LetterRow, ParagraphRow

SECTION_ZH = {
    "greeting": "开头",
    "status": "现状",
    "plan": "下一步",
    "closing": "结尾",
    "body": "正文",
}

LETTER_FIELDS = (
    "id",
    "kind",
    "title",
    "addressee",
    "addressee_role",
    "addressee_count",
    "proposal_number",
    "proposal_title",
    "session",
    "agency",
    "main_organizer",
    "co_organizers",
    "reply_date",
    "year",
    "category",
    "contact_name",
    "contact_phone",
    "doc_number",
    "source_path",
    "source_format",
    "imported_at",
)


def group_sections(paragraphs: Sequence[ParagraphRow]) -> list[dict[str, Any]]:
    """Consecutive paragraphs of one section kind form a section; a heading starts a new one."""
    sections: list[dict[str, Any]] = []
    for p in paragraphs:
        current = sections[-1] if sections else None
        if p.is_heading:
            sections.append({"kind": p.section, "heading": p.text, "paragraphs": []})
            continue
        if current is None or current["kind"] != p.section:
            current = {"kind": p.section, "heading": None, "paragraphs": []}
            sections.append(current)
        current["paragraphs"].append({"id": p.paragraph_id, "text": p.text})
    return sections


def letter_json(letter: LetterRow) -> dict[str, Any]:
    """A letter as the command line prints it (``--json``); with its sections when the row
    holds its paragraphs (a :class:`~desktop.library_rows.LetterDetail`)."""
    out = {k: getattr(letter, k, None) for k in LETTER_FIELDS}
    if isinstance(letter, LetterDetail):
        out["sections"] = group_sections(letter.paragraphs)
    return out
