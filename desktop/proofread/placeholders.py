"""The ``placeholder`` rule: template placeholders and fill-in marks left in the text."""

from __future__ import annotations

import re
from typing import Final

from desktop.proofread.common import Finding, quote

# ----------------------------------------------------------------------------------------------
# placeholder

_PLACEHOLDER_RES: Final = (
    re.compile(r"\{\{.*?\}\}"),
    re.compile(r"\{%.*?%\}"),
    re.compile(r"【[^【】]{0,30}?(?:请|填写|待定|待补|此处)[^【】]{0,30}】"),
    re.compile(r"[（(]此处[^（）()]{0,40}[）)]"),
    re.compile(r"×{2,}"),
    re.compile(r"(?<![A-Za-z0-9])(?:[Xx]{2,}|[Ｘｘ]{2,})(?![A-Za-z0-9])"),
    re.compile(r"＿{2,}|_{3,}"),
    re.compile(r"□{2,}"),
    re.compile(r"某某"),
    re.compile(r"(?<![A-Za-z])(?:TODO|FIXME|TBD)(?![A-Za-z])"),
)


def placeholder_findings(i: int, text: str) -> list[Finding]:
    """The ``placeholder`` findings of one text, numbered as paragraph ``i``."""
    matches = sorted(
        (m.start(), -m.end()) for regex in _PLACEHOLDER_RES for m in regex.finditer(text)
    )
    spans: list[tuple[int, int]] = []
    for a, minus_b in matches:  # by start, the longest first; overlapping ones are dropped
        if not spans or a >= spans[-1][1]:
            spans.append((a, -minus_b))
    return [
        Finding(
            "placeholder",
            f"{quote(text[a:b])}像是没有填写的占位内容，请补上实际内容",
            i,
            a,
            b,
            None,
        )
        for a, b in spans
    ]
