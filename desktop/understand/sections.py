"""Step 4 of understanding: the stored paragraphs (blocks) and their sections, from the roles.

The salutation and the acknowledgement are the greeting; the closing lines are the closing; the
text between them is status until a plan heading or a plan sentence (下一步 …, 将从以下…：),
then plan. Page furniture and metadata lines are not paragraphs of the letter.
"""

from __future__ import annotations

import re

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
_PLAN_PARA_RE = re.compile(r"^(?:下一步|下步|今后|下阶段|下一阶段|接下来|未来|明年)")
_PLAN_INTRO_RE = re.compile(r"将[^。！？]{0,40}(?:以下|如下)[^。！？]{0,20}[：:]$")

TEXT_ROLES = ("salutation", "acknowledgement", "heading", "body", "closing")


def reply_blocks(lines: list[Line]) -> list[Block]:
    levels = [heading_level(ln.text) if ln.role == "heading" else None for ln in lines]
    numbered = [lv for ln, lv in zip(lines, levels, strict=True) if lv and ln.role == "heading"]
    top = min(numbered) if numbered else None
    blocks: list[Block] = []
    current = "status"
    plan_heading_seen = False
    for line, level in zip(lines, levels, strict=True):
        if line.role not in TEXT_ROLES:
            continue
        if line.role == "body" and line.rule == "head-text":
            blocks.append(Block(line.text, line.original, "body"))
        elif line.role in ("salutation", "acknowledgement"):
            blocks.append(Block(line.text, line.original, "greeting"))
        elif line.role == "closing":
            blocks.append(Block(line.text, line.original, "closing", level is not None))
        elif line.role == "heading":
            if level == top or (level == 0 and top is None):
                if _PLAN_HEADING_RE.search(line.folded):
                    current, plan_heading_seen = "plan", True
                elif _STATUS_HEADING_RE.search(line.folded):
                    current = "status"
                elif level:
                    current = "plan" if plan_heading_seen else "status"
            blocks.append(Block(line.text, line.original, current, True))
        else:
            if _PLAN_PARA_RE.match(line.folded) or _PLAN_INTRO_RE.search(line.folded):
                current = "plan"
            blocks.append(Block(line.text, line.original, current))
    return blocks


def reference_blocks(lines: list[Line]) -> list[Block]:
    return [
        Block(ln.text, ln.original, "body", heading_level(ln.text) is not None)
        for ln in lines
        if ln.role not in ("furniture", "portal")
    ]
