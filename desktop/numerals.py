"""Chinese numerals as letters write them: digits, counting numbers (一 … 九十九), years digit
by digit (二〇二〇), and the full-width Arabic digits that come with them.

The one home for this knowledge: dates, headings, proposers, salutations and the proofreader
all read their numeral characters and values from here.
"""

from __future__ import annotations

from typing import Final

# Full-width Arabic digits to ASCII, one character for one, so positions in a text stay valid.
FULLWIDTH_DIGITS: Final = str.maketrans("０１２３４５６７８９", "0123456789")

CN_DIGITS: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_FROM_INT: Final = {v: k for k, v in CN_DIGITS.items()}

# What stands for zero in a year written digit by digit (二〇二〇, 二OO五, 二０一六).
ZERO_CHARS: Final = "〇零○OoＯｏ0０"
# Digit characters of a year written digit by digit, each with its value.
YEAR_DIGIT_VALUES: Final = {**dict.fromkeys(ZERO_CHARS, 0), **CN_DIGITS}

# The characters of a counting number up to 九十九, as headings and counts write them.
COUNTING_CHARS: Final = "一二三四五六七八九十"
# Every character a Chinese figure is written with, the large units included (一百二十万).
NUMERAL_CHARS: Final = "零〇一二两三四五六七八九十百千万亿"


def counting_number(s: str) -> int:
    """Value of a counting number up to 39 that a pattern has already matched: 三, 十, 十二,
    二十, 三十一 (a zero character counts as 0). Raises KeyError on other characters."""
    if "十" not in s:
        return YEAR_DIGIT_VALUES[s]
    tens, _, ones = s.partition("十")
    return (YEAR_DIGIT_VALUES[tens] if tens else 1) * 10 + (YEAR_DIGIT_VALUES[ones] if ones else 0)


def year_from_digits(digits: str) -> int:
    """A year written digit by digit (二〇二〇, 二OO五) as an int."""
    return int("".join(str(YEAR_DIGIT_VALUES[ch]) for ch in digits))


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
