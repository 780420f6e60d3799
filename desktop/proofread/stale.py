"""Stale facts: ``stale_year`` and ``stale_relative``."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Final

from desktop.cjk import SENTENCE_END
from desktop.dates import find_dates
from desktop.numerals import FULLWIDTH_DIGITS
from desktop.proofread.common import (
    Finding,
    Provenance,
    Spans,
    protected_spans,
    quote,
    source_note,
)

# ----------------------------------------------------------------------------------------------
# stale_year

_YEAR_RE: Final = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?:\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2}))?\s*年"
)


def stale_years(i: int, text: str, reply_year: int, source: Provenance | None) -> list[Finding]:
    if "年" not in text:
        return []
    s = text.translate(FULLWIDTH_DIGITS)
    protected: Spans | None = None
    out: list[Finding] = []
    for m in _YEAR_RE.finditer(s):
        year = int(m.group(2) or m.group(1))
        if year >= reply_year - 1:
            continue
        if protected is None:
            protected = protected_spans(s)
        if protected.overlaps(m.start(), m.end()):
            continue
        written = text[m.start() : m.end()]
        out.append(
            Finding(
                "stale_year",
                f"{quote(written)}距答复日期（{reply_year}年）已久，所述情况和数字可能已过时，"
                f"请核实{source_note(source)}",
                i,
                m.start(),
                m.end(),
                None,
            )
        )
    return out


# ----------------------------------------------------------------------------------------------
# stale_relative

_RELATIVE_RE: Final = re.compile(
    r"今年|去年|前年|本年|上年|目前|当前|截至|截止|至今|(?<![而得不])已"
)
_FIGURE_RE: Final = re.compile(
    r"(?<![\dA-Za-z.])\d+(?:[.,]\d+)*(?![\dA-Za-z])(?:\s*[%‰])?"
    r"|(?:[二两三四五六七八九十]|一(?=[一二两三四五六七八九十百千万亿零〇]))"
    r"[一二两三四五六七八九十百千万亿零〇]*(?=[家个项所人名次位批件条台套座户元倍成亩届期场轮])"
)
_SENTENCE_END: Final = SENTENCE_END + "\n"
_CLAUSE_END: Final = _SENTENCE_END + "，,："
_RELATIVE_AFTER: Final = 20
_RELATIVE_BEFORE: Final = 6


_MEASURES: Final = "家个项所人名次位批件条台套座户元倍成亩万亿届期场轮天年种类处支张部间"
_MEASURE_RE: Final = re.compile(rf"(?:多|余)?(?:[万亿]元|[{_MEASURES}])?")
_YEAR_LIKE_RE: Final = re.compile(r"(?:19|20)\d{2}")


def _figures(s: str) -> list[tuple[int, int]]:
    """Spans of figures — ``33家``, ``64.5%``, ``120万元``, ``三十三家`` — in order."""
    found: list[tuple[int, int]] = []
    for m in _FIGURE_RE.finditer(s):
        start, end = m.span()
        following = s[end:].lstrip()[:1]
        if _YEAR_LIKE_RE.fullmatch(m.group()) and following and following in "年-—–~～至到":
            continue  # a year: stale_year's business
        after = s[end : end + 1]
        if after and after in "月日号时点:：":
            continue  # a date or a time of day
        measure = _MEASURE_RE.match(s, end)
        found.append((start, measure.end() if measure else end))
    return found


def stale_relative(i: int, text: str, source: Provenance | None) -> list[Finding]:
    s = text.translate(FULLWIDTH_DIGITS)
    words = list(_RELATIVE_RE.finditer(s))
    if not words:
        return []
    protected = protected_spans(s)
    dates = Spans((a, b) for a, b, _ in find_dates(s))
    figures = [
        (a, b) for a, b in _figures(s) if not protected.overlaps(a, b) and not dates.overlaps(a, b)
    ]
    if not figures:
        return []
    starts = [a for a, _ in figures]
    ends = [b for _, b in figures]  # figures do not overlap, so their ends are in order too
    out: list[Finding] = []
    last_end = -1
    for w in words:
        if w.start() < last_end:
            continue  # already inside the previous finding: 目前已建有33家
        stops = _CLAUSE_END if w.group() == "已" else _SENTENCE_END
        span = _figure_after(s, w.end(), figures, starts, stops) or _figure_before(
            s, w.start(), figures, ends
        )
        if span is None:
            continue
        start, end = min(span[0], w.start()), max(span[1], w.end())
        snippet = text[start:end].strip()
        out.append(
            Finding(
                "stale_relative",
                f"{quote(snippet)}中的{quote(w.group())}是相对时间，所述数字可能已变化，"
                f"请按答复日期核实{source_note(source)}",
                i,
                start,
                end,
                None,
            )
        )
        last_end = end
    return out


def _figure_after(
    s: str, pos: int, figures: list[tuple[int, int]], starts: list[int], stops: str
) -> tuple[int, int] | None:
    """The first figure at most ``_RELATIVE_AFTER`` characters after ``pos``, same sentence."""
    k = bisect_left(starts, pos)
    if k == len(figures):
        return None
    a, b = figures[k]
    if a > pos + _RELATIVE_AFTER or any(c in stops for c in s[pos:a]):
        return None
    return a, b


def _figure_before(
    s: str, pos: int, figures: list[tuple[int, int]], ends: list[int]
) -> tuple[int, int] | None:
    """The last figure ending at most ``_RELATIVE_BEFORE`` characters before ``pos``."""
    k = bisect_right(ends, pos) - 1
    if k < 0:
        return None
    a, b = figures[k]
    if pos - b > _RELATIVE_BEFORE or any(c in _CLAUSE_END for c in s[b:pos]):
        return None
    return a, b
