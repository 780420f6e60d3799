"""Chinese numerals as headings and counts write them: 一 … 九十九."""

from __future__ import annotations

from typing import Final

CN_DIGITS: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_FROM_INT: Final = {v: k for k, v in CN_DIGITS.items()}


def cn_to_int(s: str) -> int | None:
    """一 … 九十九, or None."""
    if not s:
        return None
    if "十" not in s:
        return CN_DIGITS.get(s) if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    t = CN_DIGITS.get(tens) if tens else 1
    o = CN_DIGITS.get(ones) if ones else 0
    if t is None or o is None:
        return None
    return t * 10 + o


def int_to_cn(n: int) -> str:
    """1 … 99 as 一 … 九十九 (十一, not 一十一, as headings are numbered)."""
    if n < 10:
        return _CN_FROM_INT[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_FROM_INT[tens]) + "十" + (_CN_FROM_INT[ones] if ones else "")
