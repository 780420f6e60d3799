"""Text widths and title breaking for GB/T 9704 letters (Qt-free), used through
``desktop.layout`` by the DOCX writer and the in-app page renderer.

A CJK or full-width character is one em, a Latin letter or digit half; a title longer than a
line is broken where it reads best (after 》, 的, 、, before 第, 《, 关于 …), keeping 《》, 〔〕 and
numbers whole where it can.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from typing import Final

# 442 pt / 22 pt = 20 characters fit a title line; one is kept in reserve because fonts draw
# digits wider than half an em and Word spaces Chinese from digits (autoSpaceDN), so a title
# measured at exactly 20 would wrap on its own and leave a single character on line 2.
TITLE_MAX_CHARS: Final = 19.0


def char_width(ch: str) -> float:
    """Width in characters (ems): CJK and full-width 1, Latin letters and digits ½."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 0.5


def text_width(text: str) -> float:
    """Width of ``text`` in characters (CJK 1, Latin letters and digits ½)."""
    return sum(char_width(ch) for ch in text)


_OPENERS: Final = "（《〔「『“‘【([{"
_CLOSERS: Final = "，。、；：？！）》〕」』”’】…—%)]},.;:!?"
_AFTER_NUMBER: Final = "号年月日届次个家项条件元万亿%"
_GOOD_AFTER: Final = ("》", "的", "、", "，", "会议", "关于")
_GOOD_BEFORE: Final = ("第", "《", "关于")


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".")


def _break_bonus(title: str, level: int) -> dict[int, float]:
    """Positions where a title may break (before ``title[i]``), each with a preference bonus.

    ``level`` 0 keeps 《》, 〔〕 and numbers whole; 1 may break inside 《》 and 〔〕 (a book
    title longer than a line); 2 may break anywhere but next to punctuation.
    """
    allowed: dict[int, float] = {}
    book = bracket = 0
    for i in range(1, len(title)):
        prev, nxt = title[i - 1], title[i]
        book += {"《": 1, "》": -1}.get(prev, 0)
        bracket += {"〔": 1, "〕": -1, "[": 1, "]": -1}.get(prev, 0)
        if level < 1 and (book > 0 or bracket > 0):
            continue
        if level < 2:
            if _is_ascii_alnum(prev) and _is_ascii_alnum(nxt):
                continue  # inside a number or a Latin word
            if prev.isdigit() and nxt in _AFTER_NUMBER:
                continue
            if prev == "第" and nxt.isdigit():
                continue
        if nxt in _CLOSERS or prev in _OPENERS:
            continue
        bonus = 0.0
        if title[:i].endswith(_GOOD_AFTER):
            bonus += 1.0
        if title[i:].startswith(_GOOD_BEFORE):
            bonus += 1.0
        allowed[i] = bonus
    return allowed


def split_title(title: str, max_chars: float = TITLE_MAX_CHARS) -> list[str]:
    """Break a long title into balanced lines of at most ``max_chars`` characters.

    Lines are as even as possible, the upper line at least as long as the lower one (a
    trapezoid), never broken inside 《》, 〔〕 or a number, nor before closing or after opening
    punctuation. Line breaks the clerk typed (``\\n``) are kept as they are.
    """
    title = " ".join(title.split(" ")).strip()
    if "\n" in title:
        return [line.strip() for line in title.split("\n") if line.strip()]
    total = text_width(title)
    if total <= max_chars:
        return [title]
    for level in (0, 1, 2):
        best = _best_split(title, _break_bonus(title, level), max_chars)
        if best is not None:
            return best
    # Nothing fits (a title without any break opportunity): cut at the width.
    lines, line = [], ""
    for ch in title:
        if text_width(line + ch) > max_chars:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


def _best_split(title: str, allowed: dict[int, float], max_chars: float) -> list[str] | None:
    prefix = [0.0]
    for ch in title:
        prefix.append(prefix[-1] + char_width(ch))
    total = prefix[-1]
    positions = sorted(allowed)
    n_min = math.ceil(total / max_chars - 1e-9)
    for k in range(n_min, n_min + 3):
        best: tuple[float, tuple[int, ...]] | None = None
        for cuts in _candidate_cuts(positions, prefix, k, max_chars):
            bounds = (0, *cuts, len(title))
            widths = [prefix[b] - prefix[a] for a, b in itertools.pairwise(bounds)]
            if max(widths) > max_chars + 1e-9:
                continue
            mean = total / k
            cost = sum((w - mean) ** 2 for w in widths)
            cost += sum(100.0 for a, b in itertools.pairwise(widths) if b > a + 1e-9)
            cost -= 6.0 * sum(allowed[c] for c in cuts)  # word-boundary breaks over symmetry
            if best is None or cost < best[0]:
                best = (cost, cuts)
        if best is not None:
            bounds = (0, *best[1], len(title))
            return [title[a:b].strip() for a, b in itertools.pairwise(bounds)]
    return None


def _candidate_cuts(
    positions: list[int], prefix: list[float], k: int, max_chars: float
) -> list[tuple[int, ...]]:
    """Break combinations for ``k`` lines: all of them up to 3 lines, a greedy one beyond."""
    if k == 2:
        return [(p,) for p in positions]
    if k == 3:
        return [(p, q) for i, p in enumerate(positions) for q in positions[i + 1 :]]
    total = prefix[-1]
    cuts: list[int] = []
    for line in range(1, k):
        target = total * line / k
        later = [p for p in positions if not cuts or p > cuts[-1]]
        if not later:
            return []
        cuts.append(min(later, key=lambda p: abs(prefix[p] - target)))
    return [tuple(cuts)]
