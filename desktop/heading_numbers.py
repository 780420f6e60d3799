"""Section-heading numbers of a reply letter: 一、 / （一） / 1. / （1）, levels 1 to 4.

The one home of how each level is written and where a paragraph's number is: the parser reads
heading levels with it (``desktop/understand/headings.py``) and the proofreader checks the
numbering sequence with it (``desktop/proofread/headings.py``). Levels 1 and 2 count in Chinese
numerals (一 … 九十九), levels 3 and 4 in Arabic digits; 2 and 4 stand in brackets
(full- or half-width, white space inside allowed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from desktop.numerals import COUNTING_CHARS, cn_to_int, int_to_cn

LEVELS: Final = (1, 2, 3, 4)
FORMS: Final = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}

_CN: Final = rf"[{COUNTING_CHARS}]{{1,3}}"


def _patterns(gap: str) -> tuple[tuple[int, re.Pattern[str]], ...]:
    """The four levels, each with the number as group 1; ``gap`` is what may stand between a
    level 1 or 3 number and its 、 or full stop."""
    return (
        (1, re.compile(rf"({_CN}){gap}、")),
        (2, re.compile(rf"[（(]\s*({_CN})\s*[）)]")),
        (3, re.compile(rf"(\d{{1,2}}){gap}[.．、](?!\d)")),
        (4, re.compile(r"[（(]\s*(\d{1,2})\s*[）)]")),
    )


_TIGHT: Final = _patterns("")
_SPACED: Final = _patterns(r"\s*")


@dataclass(frozen=True)
class HeadingNumber:
    level: int
    value: int | None  # None when the Chinese numeral is not a number (十十)
    start: int  # where the number itself stands in the text
    end: int


def heading_number(text: str, pos: int = 0, *, spaced: bool = False) -> HeadingNumber | None:
    """The heading number ``text`` starts with at ``pos``, else None.

    ``spaced`` reads "一 、" and "1 ." too: text extracted from a web page or a PDF keeps such
    gaps, and the parser reads that text; the proofreader reads the clerk's draft without them.
    """
    for level, pattern in _SPACED if spaced else _TIGHT:
        m = pattern.match(text, pos)
        if m is not None:
            digits = m.group(1)
            value = cn_to_int(digits) if level <= 2 else int(digits)
            return HeadingNumber(level, value, m.start(1), m.end(1))
    return None


def numeral(level: int, n: int) -> str:
    """``n`` as a level writes it: 三 for levels 1 and 2, 3 for levels 3 and 4."""
    return int_to_cn(n) if level in (1, 2) else str(n)


def heading_label(level: int, n: int) -> str:
    """The number ``n`` of a level as printed: 三、 / （三） / 3. / （3）."""
    return FORMS[level].format(numeral(level, n))
