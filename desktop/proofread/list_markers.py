"""``list_marker``: a list marker left at the start of a paragraph that is not in a list.

Text copied from a web page or from another letter's list keeps its marker (``--``, ``•``,
``·``, ``1)``, ``①``, ``（1）`` …) when the paragraph is reused alone. A paragraph is in a list
when the paragraph before or after it starts with a marker of the same family (bullets: the
same character; numbers: the same form). The fix strips the marker and the space after it.

Not duplicated: the heading forms the ``heading_sequence`` rule reads (``1.``, ``1、``,
``（1）``, ``(1)`` — :func:`desktop.heading_numbers.heading_number`) are reported here only as
a lone first item (number 1); a lone later number (``2.``) is that rule's finding already.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

from desktop.heading_numbers import heading_number
from desktop.proofread.common import Finding, Provenance, quote, source_note

_BULLET_RE: Final = re.compile(r"\s*(?P<m>-{1,3}(?!\d)|[•·●○◆◇■▪►▶※*＊>・‧])\s*(?=\S)")
_NUMBER_RE: Final = re.compile(r"\s*(?P<m>(?P<n>\d{1,2})[)）]|[①-⑳])\s*(?=\S)")
_CLOSE_RE: Final = re.compile(r"[）)、.．]")


def _marker(text: str) -> tuple[str, int, int] | None:
    """``(family, start, end)`` of the marker ``text`` starts with; ``end`` takes the space
    after it. None when it starts with none (or with a heading number that is not a lone 1)."""
    bullet = _BULLET_RE.match(text)
    if bullet is not None:
        mark = bullet.group("m")
        family = "-" if mark.startswith("-") else mark
        return family, bullet.start("m"), bullet.end()
    number = _NUMBER_RE.match(text)
    if number is not None:
        family = "circled" if number.group("n") is None else "n)"
        return family, number.start("m"), number.end()
    heading = heading_number(text)
    if heading is not None and heading.level in (3, 4):
        close = _CLOSE_RE.search(text, heading.end)
        assert close is not None  # the heading's own 、 . or bracket
        end = close.end() + len(text[close.end() :]) - len(text[close.end() :].lstrip())
        start = len(text) - len(text.lstrip())
        return f"h{heading.level}:{heading.value}", start, end
    return None


def _family(text: str) -> str | None:
    found = _marker(text)
    if found is None:
        return None
    family = found[0]
    return family.split(":")[0] if family.startswith("h") else family


def _has_sibling(paragraphs: Sequence[str], i: int, family: str) -> bool:
    """Bullets and ``1)`` items stand next to each other; numbered headings (``1.``,
    ``（1）``) may have body paragraphs between them, so any other one counts."""
    if family in ("h3", "h4"):
        others = (p for k, p in enumerate(paragraphs) if k != i)
    else:
        others = (paragraphs[k] for k in (i - 1, i + 1) if 0 <= k < len(paragraphs))
    return any(_family(p) == family for p in others)


def list_markers(
    paragraphs: Sequence[str], checked: Mapping[int, Provenance | None]
) -> list[Finding]:
    """Markers at the start of the paragraphs in ``checked`` (index → where the paragraph was
    reused from, None: not reused) that have no sibling item."""
    out: list[Finding] = []
    for i, text in enumerate(paragraphs):
        if i not in checked:
            continue
        found = _marker(text)
        if found is None:
            continue
        family, start, end = found
        if family.startswith("h"):
            if family != f"h{family[1]}:1":
                continue  # 2. / （3） alone: heading_sequence reports it
            family = family.split(":")[0]
        if _has_sibling(paragraphs, i, family):
            continue
        mark = text[start:end].strip()
        out.append(
            Finding(
                "list_marker",
                f"段首的{quote(mark)}是列表符号，但这一段不在列表中（可能是复制时留下的），"
                f"建议删去{source_note(checked[i])}",
                i,
                start,
                end,
                "",
            )
        )
    return out
