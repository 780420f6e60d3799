"""Headings of a reply: numbered ones (一、 / （一） / 1. / （1）, read by
``desktop/heading_numbers.py``) and short unnumbered heading lines.

Used by the role pipeline, the composer (renumbering) and the template editor.
"""

from __future__ import annotations

import re

from desktop.heading_numbers import heading_number
from desktop.understand.patterns import IDEO

_SENTENCE_PUNCT_RE = re.compile(r"[。！？；!?;]")
_ANY_PUNCT_RE = re.compile(r"[。，、；：！？,;:!?“”\"《》]")
# Thanks and sign-off lines are never headings, however short.
_NOT_HEADING_RE = re.compile(
    r"衷心感谢|再次感谢|感谢您|谢谢您|欢迎.{0,6}(?:继续|提出|多提|批评)|(?:请|望|希望|期望)您.{0,3}继续"
    r"|宝贵意见|专此(?:答复|函复)|特此(?:答复|函复|复函)|^此复|征询意见表|意见反馈表|反馈意见表|满意度"
    r"|敬请|请.{0,6}反馈|期望您|希望您继续|恳请"
)


def heading_level(text: str) -> int | None:
    """1–4 for a numbered heading (一、 / （一） / 1. / （1）), 0 for a short unnumbered heading
    line, None for an ordinary paragraph. ``text`` should be normalized."""
    if len(text) > 45:
        return None
    number = heading_number(text, spaced=True)
    if number is not None:
        body = text.rstrip("：:")
        return None if _SENTENCE_PUNCT_RE.search(body) else number.level
    if (
        len(text) <= 30
        and not _ANY_PUNCT_RE.search(text)
        and re.search(f"[{IDEO}]", text)
        and not _NOT_HEADING_RE.search(text)
    ):
        return 0
    return None
