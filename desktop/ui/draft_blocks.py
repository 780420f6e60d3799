"""The draft's blocks as data the composer passes around: a block from its JSON or drag
payload, the drag payload of a library paragraph, positions mapped between a block's stored
text and the text its editor shows, and where a proofreading finding sits in a block.
Used by ``ui/draft_model.py`` (which re-exports these names) and the composer's widgets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData

from desktop.casework import DraftBlock

if TYPE_CHECKING:
    from desktop.proofread import Finding  # the proofreader is imported when a case is open

BLOCK_MIME = "application/x-replydesk-block"  # a block dragged inside the composer
PARAGRAPH_MIME = "application/x-replydesk-paragraph"  # a library paragraph (library pane)


def block_from_json(data: Any) -> DraftBlock:
    """A ``DraftBlock`` from its JSON form, or from the library pane's drag payload
    ``{"section": …, "block": {…}}``. Raises ValueError for anything else."""
    if isinstance(data, dict) and isinstance(data.get("block"), dict):
        data = data["block"]
    if not isinstance(data, dict) or not isinstance(data.get("text", ""), str):
        raise ValueError("not a paragraph")
    kind = data.get("kind", "library")
    if kind not in ("template", "library", "free"):
        raise ValueError(f"unknown block kind {kind!r}")

    def number(key: str) -> int | None:
        value = data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    title = data.get("source_title")
    return DraftBlock(
        kind=kind,
        text=data.get("text", ""),
        paragraph_id=number("paragraph_id"),
        letter_id=number("letter_id"),
        year=number("year"),
        source_title=title if isinstance(title, str) else None,
    )


def paragraph_mime_data(block: DraftBlock, section: str = "") -> QMimeData:
    """Drag data for a library paragraph, as the composer accepts it."""
    mime = QMimeData()
    payload = {"section": section, "block": block.to_json()}
    mime.setData(PARAGRAPH_MIME, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    mime.setText(block.text)
    return mime


def _offset_map(raw: str, shown: str) -> list[int]:
    """For each character of ``shown`` (``normalize_text(raw)``: characters dropped or replaced
    one for one), its position in ``raw``."""
    if raw == shown:
        return list(range(len(raw)))
    positions = [0] * len(shown)
    import difflib  # here: not needed for the window to start

    matcher = difflib.SequenceMatcher(None, raw, shown, autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2):
            positions[j] = min(i1 + (j - j1), max(i2 - 1, i1), max(len(raw) - 1, 0))
    return positions


def map_span(raw: str, shown: str, start: int, end: int) -> tuple[int, int]:
    """A span ``[start, end)`` of ``shown`` as a span of ``raw``."""
    positions = _offset_map(raw, shown)
    if not positions:
        return 0, 0
    start = min(max(start, 0), len(shown))
    end = min(max(end, start), len(shown))
    raw_start = positions[start] if start < len(shown) else len(raw)
    if end == start:
        return raw_start, raw_start
    return raw_start, min(positions[end - 1] + 1, len(raw))


@dataclass(frozen=True)
class ParagraphRef:
    """Where a composed body paragraph comes from."""

    section: str
    index: int  # block index in the section
    line: int  # paragraph within the block (template blocks render to several)
    raw: str  # the text as the block holds it (a template paragraph: as rendered)
    shown: str  # the composed, normalized text


@dataclass(frozen=True)
class BlockFinding:
    """A proofreading finding placed in a block: ``[start, end)`` of the text the block's editor
    shows. ``section`` is None for a finding outside the blocks (the salutation)."""

    finding: Finding
    section: str | None
    index: int | None
    start: int
    end: int
    fixable: bool  # a suggestion that can be applied to the block's own text

    @property
    def message(self) -> str:
        return self.finding.message

    @property
    def suggestion(self) -> str | None:
        return self.finding.suggestion
