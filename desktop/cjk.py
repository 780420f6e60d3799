"""Named classes of Chinese characters, the one home for their Unicode ranges.

Each ``*_RANGES`` is the inside of a regular-expression character class (use it as
``f"[{IDEOGRAPHS}]"``); the ``is_*`` functions answer the same question for one character
without a regular expression, for hot loops.
"""

from __future__ import annotations

from typing import Final

from desktop.lazy_pattern import LazyPattern

# Ideographs of ordinary text: CJK unified ideographs and extension A (一-鿿, 㐀-䶿).
IDEOGRAPHS: Final = "\u3400-\u4dbf\u4e00-\u9fff"
IDEOGRAPH_RE: Final = LazyPattern(f"[{IDEOGRAPHS}]")

# Every Han character: the above, the compatibility ideographs and the supplementary planes
# (extensions B to H), for folding traditional to simplified.
HAN: Final = IDEOGRAPHS + "\uf900-\ufaff\U00020000-\U0003134f"

# What counts as "Chinese" beside a mark, for context decisions: CJK punctuation, kana,
# ideographs (BMP, extension A, compatibility, extension B and later) and full-width forms.
CJK_CONTEXT: Final = (
    "\u3001-\u303f\u3040-\u30ff" + IDEOGRAPHS + "\uf900-\ufaff"
    "\uff01-\uff60\uffe0-\uffe6\U00020000-\U0002fa1f"
)
CJK_CONTEXT_RE: Final = LazyPattern(f"[{CJK_CONTEXT}]")

# Marks that end a sentence, full-width and half-width.
SENTENCE_END: Final = "。！？；!?;"
# Marks a line may not start with (closing quotes and brackets, sentence and pause marks,
# ellipsis, units): the line before keeps them, hanging past the margin if it must.
NO_LINE_START: Final = "，。、；：？！）》〕」』”’】〉…‥·%‰℃,.;:!?)]}"

# Horizontal white space of Chinese text: the ideographic space and the no-break space too.
WIDE_SPACE: Final = "\u3000"
H_SPACE: Final = " \t\u00a0\u3000"


def is_ideograph(ch: str) -> bool:
    """Whether ``ch`` is in :data:`IDEOGRAPHS`."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def is_cjk_context(ch: str | None) -> bool:
    """Whether ``ch`` is in :data:`CJK_CONTEXT` (kept in step with that class)."""
    if ch is None:
        return False
    o = ord(ch)
    if o < 0x3001:
        return False
    return (
        o <= 0x30FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF01 <= o <= 0xFF60
        or 0xFFE0 <= o <= 0xFFE6
        or 0x20000 <= o <= 0x2FA1F
    )
