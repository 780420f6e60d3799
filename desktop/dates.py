"""Dates as they are written in reply letters and web pages, turned into ISO ``YYYY-MM-DD``.

Understood forms:

- ``2017年6月29日``, ``2017 年 6 月 29 日``, ``2017年6月29号`` (full-width digits too);
- ``2020-05-29``, ``2020-5-29``, ``2020.5.29``, ``2020/05/29``;
- ``二〇二〇年五月二十九日``, ``二OO五年八月三日`` — a year written digit by digit, where ``〇``,
  ``零``, ``○``, Latin ``O``/``o`` (and their full-width forms) and ``0`` all mean zero; month and
  day written as counting numbers (``十二``, ``二十九``, ``三十一``).

Years outside 1900–2099 and impossible dates (``2月30日``) are not dates. All patterns are
plain linear regular expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from desktop.lazy_pattern import LazyPattern
from desktop.numerals import FULLWIDTH_DIGITS, ZERO_CHARS, counting_number, year_from_digits

_ARABIC_CN_RE = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?!\d)")
_NUMERIC_RE = re.compile(r"(?<![\d.\-/])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d])(?!\.\d)")

_CN_DIGIT = "[" + ZERO_CHARS + "一二三四五六七八九]"
_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CN_DAY = "[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_CHINESE_RE = LazyPattern(
    rf"(?<![{ZERO_CHARS}一二三四五六七八九A-Za-z0-9])({_CN_DIGIT}{{4}})\s*年\s*({_CN_MONTH})\s*月"
    rf"\s*({_CN_DAY})\s*[日号]"
)


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2099:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every date in ``text`` as ``(start, end, iso)``, in order, without overlaps."""
    if not text:
        return []
    s = text.translate(FULLWIDTH_DIGITS)  # same length, so positions stay valid
    found = [*_arabic_dates(s), *_numeric_dates(s)]
    if "年" in s:
        found.extend(_chinese_dates(s))
    return _without_overlaps(sorted(found))


def _arabic_dates(s: str) -> Iterator[tuple[int, int, str]]:
    for m in _ARABIC_CN_RE.finditer(s):
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            yield m.start(), m.end(), iso


def _numeric_dates(s: str) -> Iterator[tuple[int, int, str]]:
    for m in _NUMERIC_RE.finditer(s):
        iso = _iso(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if iso:
            yield m.start(), m.end(), iso


def _chinese_dates(s: str) -> Iterator[tuple[int, int, str]]:
    for m in _CHINESE_RE.finditer(s):
        year_digits = m.group(1)
        if all(ch in ZERO_CHARS for ch in year_digits):
            continue
        year = year_from_digits(year_digits)
        iso = _iso(year, counting_number(m.group(2)), counting_number(m.group(3)))
        if iso:
            yield m.start(), m.end(), iso


def _without_overlaps(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The earliest of overlapping dates wins (``found`` is sorted)."""
    result: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, iso in found:
        if start >= last_end:
            result.append((start, end, iso))
            last_end = end
    return result


def parse_date(s: str) -> str | None:
    """The first date written in ``s`` as ISO ``YYYY-MM-DD``, or None when there is none."""
    found = find_dates(s)
    return found[0][2] if found else None
