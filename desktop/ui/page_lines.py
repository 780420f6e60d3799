"""The page renderer's geometry in points and its line model: laid-out lines, pages, and
line breaking with 避头尾 rules."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from PySide6.QtCore import QRectF

from desktop.cjk import NO_LINE_START as NO_LINE_START
from desktop.layout import (
    CHAR_SCALE,
    CHAR_TWIPS,
    FOOTER_DISTANCE,
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SMALL_PT,
    TITLE_LINE,
)
from desktop.ui.page_fonts import (
    Measure,
    ResolvedFonts,
)

# ----------------------------------------------------------------------------------------------
# Geometry in points (1/72 in), from the DOCX's twips

PAGE_WIDTH_PT: Final = PAGE_WIDTH / 20  # 595.3
PAGE_HEIGHT_PT: Final = PAGE_HEIGHT / 20  # 841.9
TEXT_LEFT: Final = MARGIN_LEFT / 20
TEXT_RIGHT: Final = (PAGE_WIDTH - MARGIN_RIGHT) / 20
TEXT_TOP: Final = MARGIN_TOP / 20
TEXT_BOTTOM: Final = (PAGE_HEIGHT - MARGIN_BOTTOM) / 20
TEXT_WIDTH_PT: Final = TEXT_RIGHT - TEXT_LEFT  # 442.25
PITCH: Final = LINE_PITCH / 20  # 28.95
TITLE_PITCH: Final = TITLE_LINE / 20  # 36
INDENT_CHAR: Final = CHAR_TWIPS / 20  # one character of indent: 16 pt (not scaled)
SMALL_CHAR: Final = float(SMALL_PT)  # one character of 4号 text: 14 pt
BODY_SCALE: Final = CHAR_SCALE / 100  # body glyphs at 98 % width
FOOTER_BOTTOM: Final = PAGE_HEIGHT_PT - FOOTER_DISTANCE / 20  # bottom of the page-number line
PT_PER_MM: Final = 72 / 25.4
EPS: Final = 0.01

# Line breaking (避头尾): no line starts with one of desktop.cjk.NO_LINE_START, and none
# ends with one of these.
NO_LINE_END: Final = "（《〔「『“‘【〈([{"
# A run of ASCII letters, digits and signs ("2021", "25.3%", "3+3+N") breaks as one word, as
# LibreOffice and Word break it.
_LATIN_RUN_RE: Final = re.compile(r"[!-~]+")


# ----------------------------------------------------------------------------------------------
# The layout


@dataclass
class LaidLine:
    """One line of a page. Positions are points from the paper's top-left corner."""

    kind: str  # head, title, blank, salutation, body, heading1, heading2, heading3,
    #            attachment, signature, date, note, copy_to, page_number
    text: str
    x: float  # left edge of the first character
    y: float  # top of the line box
    height: float  # the line box: 28.95 pt for body lines, 36 pt for the title
    baseline: float
    size: float  # font size in points
    align: str  # left | right | centre | justify
    scale: float = 1.0  # horizontal glyph scale (0.98 for 16 pt text, as in the DOCX)
    # (character, x, font role) for every character, in order
    glyphs: list[tuple[str, float, str]] = field(default_factory=list, repr=False)
    width: float = 0.0  # from x to the right edge of the last character

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass
class SealPlacement:
    image: bytes = field(repr=False)  # PNG or JPEG
    rect: QRectF  # points, on the page
    behind_text: bool  # an opaque image goes behind the text, a transparent one in front


@dataclass(frozen=True)
class Rule:
    """A horizontal rule of the 版记: its left and right ends, its top edge and its width."""

    x0: float
    x1: float
    top: float
    width: float  # points

    @property
    def bottom(self) -> float:
        return self.top + self.width


@dataclass
class PageLayout:
    number: int  # 1-based
    lines: list[LaidLine]  # top to bottom, blanks included; the copy-to lines last
    page_number: LaidLine
    rules: list[Rule] = field(default_factory=list)
    seal: SealPlacement | None = None

    def text_lines(self) -> list[LaidLine]:
        """The lines with text in the text area, copy-to block excluded."""
        return [ln for ln in self.lines if ln.text and ln.kind != "copy_to"]


@dataclass
class LetterLayout:
    pages: list[PageLayout]
    fonts: ResolvedFonts
    warnings: list[str] = field(default_factory=list)

    @property
    def substitutions(self) -> tuple[tuple[str, str], ...]:
        return self.fonts.substitutions


# ---- breaking a paragraph into lines


@dataclass
class _Unit:
    """Characters that stay together on a line: one CJK character, or a Latin/digit run."""

    chars: list[tuple[str, str, float]]  # (character, role, advance)

    @property
    def width(self) -> float:
        return sum(c[2] for c in self.chars)

    @property
    def first(self) -> str:
        return self.chars[0][0]

    @property
    def last(self) -> str:
        return self.chars[-1][0]


def measured_units(
    cells: Sequence[tuple[str, str]], measure: Measure, size: float, scale: float, limit: float
) -> list[_Unit]:
    text = "".join(c for c, _ in cells)
    starts = {m.start(): m.end() for m in _LATIN_RUN_RE.finditer(text)}
    out: list[_Unit] = []
    i = 0
    while i < len(cells):
        end = starts.get(i, i + 1)
        chars = [(c, r, measure.advance(c, r, size) * scale) for c, r in cells[i:end]]
        unit = _Unit(chars)
        if end - i > 1 and unit.width > limit:  # a run longer than a line breaks anywhere
            out += [_Unit([ch]) for ch in chars]
        else:
            out.append(unit)
        i = end
    return out


def break_line_units(
    widths: Sequence[float],
    firsts: Sequence[str],
    lasts: Sequence[str],
    first_width: float,
    width: float,
) -> list[tuple[int, int]]:
    """Greedy line breaking: ``(start, end)`` ranges of units per line.

    ``widths`` are the units' widths, ``firsts``/``lasts`` their first and last characters,
    ``first_width`` and ``width`` the room on the first and on the other lines. Closing
    punctuation that would start the next line hangs past the margin at the end of this one
    (避头, as Word, WPS and LibreOffice set Chinese text: the line keeps its characters and
    the mark sits in the margin); a line does not end with opening punctuation (避尾).
    """
    lines: list[tuple[int, int]] = []
    n = len(widths)
    i = 0
    while i < n:
        avail = first_width if not lines else width
        j, used = i, 0.0
        while j < n and used + widths[j] <= avail + EPS:
            used += widths[j]
            j += 1
        if j == i:
            j = i + 1  # a unit wider than the line stands alone
        if j < n and firsts[j] in NO_LINE_START:
            while j < n and firsts[j] in NO_LINE_START:
                j += 1
        elif j < n:
            k = j
            while k > i + 1 and lasts[k - 1] in NO_LINE_END:
                k -= 1
            j = k
        lines.append((i, j))
        i = j
    return lines


@dataclass
class LineItem:
    line: LaidLine
    keep_next: bool = False  # on the same page as the next line (DOCX keepNext)


Cells = Sequence[tuple[str, str]]  # (character, font role)


def cells_of(text: str, role: str = "body") -> list[tuple[str, str]]:
    return [(c, role) for c in text]


NO_LINE: Final = LaidLine("page_number", "", 0.0, 0.0, 0.0, 0.0, 0.0, "left")


def place_line(line: LaidLine, y: float) -> None:
    line.baseline += y - line.y
    line.y = y
