"""Step 4 of understanding: the stored paragraphs (blocks) and their sections, from the roles.

The salutation and the acknowledgement are the greeting; the closing lines are the closing; the
text between them is status until a plan heading or a plan sentence (下一步 …, 将从以下…：),
then plan. Page furniture and metadata lines are not paragraphs of the letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.model import Block
from desktop.understand.headings import heading_level
from desktop.understand.lines import Line

_PLAN_HEADING_RE = re.compile(
    r"下一步|下步|今后|打算|工作计划|下阶段|下一阶段|努力方向|工作思路|工作设想"
    r"|工作安排|将采取|计划"
)
_STATUS_HEADING_RE = re.compile(
    r"现状|主要工作|办理情况|基本情况|开展情况|工作情况|进展|成效|做法|落实情况"
    r"|采取的|取得|已经|已"
)
# What opens the plan: "下一步，…", "在下步工作中，…", "今后…".
_PLAN_OPENER = r"(?:在\s*)?(?:下一步|下步|今后|下阶段|下一阶段|接下来)"
_PLAN_PARA_RE = re.compile(rf"^(?:{_PLAN_OPENER}|(?:在\s*)?(?:未来|明年))")
# A plan sentence at the end of a paragraph of status: "……修复破损路面35公里。下一步，我局将……"
# (most short replies say what comes next in the last sentences of their only paragraph).
_PLAN_SENTENCE_RE = re.compile(
    rf"(?<=[。！？；.!?;])\s*(?={_PLAN_OPENER}"
    r"(?:的)?(?:工作中|工作)?[，,、\s]?[^，,。]{0,6}?(?:将|要|会|继续|力争|拟|计划))"
)
# Each part of a paragraph cut in two has at least this many characters.
MIN_PART = 8
_PLAN_INTRO_RE = re.compile(r"将[^。！？]{0,40}(?:以下|如下)[^。！？]{0,20}[：:]$")

TEXT_ROLES = ("salutation", "acknowledgement", "heading", "body", "closing")


def reply_blocks(lines: list[Line]) -> list[Block]:
    levels = [heading_level(ln.text) if ln.role == "heading" else None for ln in lines]
    numbered = [lv for ln, lv in zip(lines, levels, strict=True) if lv and ln.role == "heading"]
    sections = _Sections(top=min(numbered) if numbered else None)
    return [
        block
        for line, level in zip(lines, levels, strict=True)
        if line.role in TEXT_ROLES
        for block in _blocks(line, level, sections)
    ]


@dataclass
class _Sections:
    """The section the text is in: status until a plan heading or a plan sentence, then plan.
    Only headings of the top level (or unnumbered ones when none is numbered) switch it."""

    top: int | None
    current: str = "status"
    plan_heading_seen: bool = False

    def heading(self, line: Line, level: int | None) -> str:
        if level == self.top or (level == 0 and self.top is None):
            if _PLAN_HEADING_RE.search(line.folded):
                self.current, self.plan_heading_seen = "plan", True
            elif _STATUS_HEADING_RE.search(line.folded):
                self.current = "status"
            elif level:
                self.current = "plan" if self.plan_heading_seen else "status"
        return self.current

    def paragraph(self, line: Line) -> str:
        if _PLAN_PARA_RE.match(line.folded) or _PLAN_INTRO_RE.search(line.folded):
            self.current = "plan"
        return self.current


def _blocks(line: Line, level: int | None, sections: _Sections) -> list[Block]:
    if line.role == "body" and line.rule == "head-text":
        return [Block(line.text, line.original, "body")]
    if line.role in ("salutation", "acknowledgement"):
        return [Block(line.text, line.original, "greeting")]
    if line.role == "closing":
        return [Block(line.text, line.original, "closing", level is not None)]
    if line.role == "heading":
        return [Block(line.text, line.original, sections.heading(line, level), True)]
    section = sections.paragraph(line)
    cut, cut_original = _plan_cut(line.text), _plan_cut(line.original)
    if section != "status" or cut is None or cut_original is None:
        return [Block(line.text, line.original, section)]
    if line.text[cut : cut + 2] != line.original[cut_original : cut_original + 2]:
        return [Block(line.text, line.original, section)]  # the two texts do not agree
    sections.current = "plan"
    return [
        Block(line.text[:cut].rstrip(), line.original[:cut_original].rstrip(), "status"),
        Block(line.text[cut:], line.original[cut_original:], "plan"),
    ]


def _plan_cut(text: str) -> int | None:
    """Where the plan sentences at the end of a paragraph of status begin, if they do."""
    for m in _PLAN_SENTENCE_RE.finditer(text):
        if m.end() >= MIN_PART and len(text) - m.end() >= MIN_PART:
            return m.end()
    return None


def reference_blocks(lines: list[Line]) -> list[Block]:
    return [
        Block(ln.text, ln.original, "body", heading_level(ln.text) is not None)
        for ln in lines
        if ln.role not in ("furniture", "portal")
    ]
