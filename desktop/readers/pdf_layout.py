"""From a PDF's visual lines back to paragraphs.

A PDF holds text as it was laid out: one paragraph is several visual lines, and every page
repeats its header, footer and page number. :func:`paragraph_lines` drops that page furniture
and joins the lines of a paragraph again, so the understanding pipeline sees the same lines a
.docx or .txt of the same letter gives it.

A line continues the one before when the one before runs to the right margin (the text was
wrapped, not ended), the line itself is not indented (Chinese paragraphs start two characters
in) and the gap between them is a line gap, not a paragraph gap. A paragraph wrapped over a
page break is joined the same way.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Final

from desktop.cjk import is_cjk_context

# A page's top and bottom share of its height where headers, footers and page numbers stand.
_MARGIN_SHARE: Final = 0.12
# How far short of the right margin a wrapped line may end: left-aligned Chinese text wraps up
# to a character early, and a closing mark that may not start a line pulls one more along.
_RAGGED_EMS: Final = 2.5
# White space between two lines of one paragraph is never more than this (double spacing of
# small print is about 1.5 characters).
_MAX_LINE_GAP_EMS: Final = 2.5

_PAGE_NUMBER_RE: Final = re.compile(
    r"^(?:[-—–－~·•\s]*\d{1,4}[-—–－~·•\s]*"
    r"|第\s*[\d一二三四五六七八九十百]{1,5}\s*页(?:\s*[,，/／]?\s*共\s*[\d一二三四五六七八九十百]{1,5}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"
    r"|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$"
)

# A numbered heading or list item starts a paragraph even after a line that ends near the
# margin ("1.5倍" is a figure, not item 1).
_ENUMERATOR_RE: Final = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:、|[.．](?!\d)))"
)


@dataclass
class VisualLine:
    """One line as the PDF draws it; coordinates in points, y growing upwards."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    em: float  # the size of one character, the unit of every tolerance here
    page: int
    page_height: float
    cells: bool = False  # wide gaps inside: table cells joined by " | "


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER_RE.match(text.strip()))


def _in_margin(line: VisualLine) -> bool:
    zone = line.page_height * _MARGIN_SHARE
    return line.bottom >= line.page_height - zone or line.top <= zone


def _furniture_key(text: str) -> str:
    """A header's text with its figures blanked: "第 2 页" and "第 3 页" are the same line."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def drop_furniture(pages: list[list[VisualLine]]) -> list[list[VisualLine]]:
    """Page numbers in the top or bottom margin, and lines that repeat in the margins of at
    least half of the pages (two pages at least): running headers and footers."""
    repeated: set[str] = set()
    if len(pages) >= 2:
        seen: Counter[str] = Counter()
        for page in pages:
            seen.update({_furniture_key(ln.text) for ln in page if _in_margin(ln)})
        repeated = {k for k, n in seen.items() if n >= 2 and n * 2 >= len(pages)}
    return [
        [
            ln
            for ln in page
            if not (
                _in_margin(ln) and (is_page_number(ln.text) or _furniture_key(ln.text) in repeated)
            )
        ]
        for page in pages
    ]


@dataclass
class _Margins:
    left: float
    right: float


def _margins(lines: list[VisualLine]) -> _Margins:
    """The text block's left edge (the leftmost edge that two lines share, else the leftmost)
    and right edge (the rightmost edge of lines of some length)."""
    lefts = sorted(ln.left for ln in lines)
    left = lefts[0]
    for a, b in itertools.pairwise(lefts):
        if b - a <= 1.5:
            left = a
            break
    long_rights = [ln.right for ln in lines if len(ln.text) >= 8] or [ln.right for ln in lines]
    return _Margins(left, max(long_rights))


def _typical_gap(pages: list[list[VisualLine]], margins: list[_Margins]) -> float | None:
    """The usual white space between two lines of one paragraph: the median gap after lines
    that run to the right margin."""
    gaps = [
        prev.bottom - cur.top
        for page, m in zip(pages, margins, strict=True)
        for prev, cur in itertools.pairwise(page)
        if _full(prev, m) and 0 <= prev.bottom - cur.top <= _MAX_LINE_GAP_EMS * prev.em
    ]
    return statistics.median_low(gaps) if gaps else None


def _full(line: VisualLine, m: _Margins) -> bool:
    return not line.cells and line.right >= m.right - _RAGGED_EMS * line.em


def _continues(
    prev: VisualLine, cur: VisualLine, m: _Margins, gap: float | None, same_page: bool
) -> bool:
    if cur.cells or not _full(prev, m):
        return False
    if cur.left > m.left + 0.4 * cur.em or _ENUMERATOR_RE.match(cur.text):
        return False  # indented, or a numbered heading or item: a new paragraph
    if not same_page:
        return True
    space = prev.bottom - cur.top
    limit = (gap if gap is not None else 0.6 * prev.em) * 1.4 + 0.25 * prev.em
    return space <= min(limit, _MAX_LINE_GAP_EMS * prev.em)


def join_text(head: str, tail: str) -> str:
    """Two pieces of one paragraph: Chinese runs on without a space, Latin words get one."""
    if not head or not tail:
        return head + tail
    if is_cjk_context(head[-1]) or is_cjk_context(tail[0]) or head.endswith("-"):
        return head + tail
    return f"{head} {tail}"


def paragraph_lines(pages: list[list[VisualLine]]) -> list[str]:
    """The document's paragraphs, in reading order, page furniture removed."""
    pages = drop_furniture(pages)
    everything = [ln for page in pages for ln in page]
    if not everything:
        return []
    whole = _margins(everything)
    margins = [_margins(page) if len(page) >= 3 else whole for page in pages]
    gap = _typical_gap(pages, margins)
    out: list[str] = []
    prev: VisualLine | None = None
    for page, m in zip(pages, margins, strict=True):
        for ln in page:
            if prev is not None and out and _continues(prev, ln, m, gap, prev.page == ln.page):
                out[-1] = join_text(out[-1], ln.text)
            else:
                out.append(ln.text)
            prev = ln
    return out
