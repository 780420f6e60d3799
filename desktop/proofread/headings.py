"""The ``heading_sequence`` rule: 一、 / （一） / 1. / （1） headings and 一是…二是… markers."""

from __future__ import annotations

import re
from typing import Final

from desktop.cjk import SENTENCE_END
from desktop.heading_numbers import LEVELS, HeadingNumber, heading_label, heading_number, numeral
from desktop.numerals import COUNTING_CHARS, FULLWIDTH_DIGITS, cn_to_int, int_to_cn
from desktop.proofread.common import Finding, quote

# ----------------------------------------------------------------------------------------------
# heading_sequence

_CN_NUM: Final = f"[{COUNTING_CHARS}]{{1,3}}"
_MARKER_RE: Final = re.compile(rf"(?:^|(?<=[，。；：！？、\s（(“,;:]))({_CN_NUM})是(?!否)(?=\S)")


class _Counter:
    """The running number of one list, with the findings about it."""

    def __init__(self, level: int):
        self.level = level
        self.value: int | None = None  # the number the list has reached (after any fix)
        self.written: int | None = None  # the number last written in the text

    def reset(self) -> None:
        self.value = None
        self.written = None

    def numeral(self, n: int) -> str:
        return int_to_cn(n) if self.level == _MARKERS else numeral(self.level, n)

    def label(self, n: int) -> str:
        if self.level == _MARKERS:
            return f"{self.numeral(n)}是"
        return heading_label(self.level, n)

    def see(self, value: int, paragraph: int, start: int, end: int) -> Finding | None:
        """Take the next number of the list; a finding when it is out of sequence.

        A skipped or repeated number gets the expected one as suggestion and the list goes on
        from there, so later numbers are renumbered in turn; a restart or a step back has no
        suggestion and the list goes on from the number as written.
        """
        expected = 1 if self.value is None else self.value + 1
        written, before = self.written, self.value
        self.written = value
        if value == expected:
            self.value = value
            return None
        what = "序号" if self.level == _MARKERS else "标题序号"
        label = quote(self.label(value))
        if before is None or written is None:
            self.value = value
            msg = f"{what}{label}前面没有{quote(self.label(1))}"
            return Finding("heading_sequence", msg, paragraph, start, end, None)
        if value == written:
            reason = f"与上一个{quote(self.label(value))}重复"
        elif value == written + 1:
            reason = "前面的序号改正后应顺延"
        elif value > expected:
            reason = f"跳过了{quote(self.label(expected))}"
        else:
            self.value = value  # a restart or a step back: the clerk must decide
            msg = f"{what}{label}跟在{quote(self.label(written))}之后，顺序不对"
            return Finding("heading_sequence", msg, paragraph, start, end, None)
        self.value = expected
        msg = f"{what}{label}不连续（{reason}），应为{quote(self.label(expected))}"
        return Finding("heading_sequence", msg, paragraph, start, end, self.numeral(expected))


_MARKERS: Final = 5  # the "level" of 一是/二是 lists
_MAX_MARKER_NESTING: Final = 4


class _MarkerLists:
    """一是…二是… lists, which nest: "六是……。一是……二是……。七是……" is two lists.

    A ``一是`` always starts a new list inside the current one; another number continues the
    innermost list it follows on from, or else is checked against the innermost list.
    """

    def __init__(self) -> None:
        self.stack: list[_Counter] = []

    def reset(self) -> None:
        self.stack.clear()

    def see(self, value: int, paragraph: int, start: int, end: int) -> Finding | None:
        if value == 1 or not self.stack:
            self.stack.append(_Counter(_MARKERS))
            del self.stack[:-_MAX_MARKER_NESTING]
            return self.stack[-1].see(value, paragraph, start, end)
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].value == value - 1:
                del self.stack[depth + 1 :]
                break
        return self.stack[-1].see(value, paragraph, start, end)


def _number(text: str) -> HeadingNumber | None:
    """The heading number a paragraph starts with, after any indent."""
    return heading_number(text, len(text) - len(text.lstrip()))


def heading_sequence(paragraphs: list[str]) -> list[Finding]:
    counters = {level: _Counter(level) for level in LEVELS}
    markers = _MarkerLists()
    out: list[Finding] = []
    for i, raw in enumerate(paragraphs):
        text = raw.translate(FULLWIDTH_DIGITS)
        found = _heading_number(text, i, counters, markers)
        if found is not None:
            out.append(found)
        for m in _MARKER_RE.finditer(text):
            value = cn_to_int(m.group(1))
            if not value:
                continue
            found = markers.see(value, i, m.start(1), m.end(1))
            if found is not None:
                out.append(found)
    return out


def _heading_number(
    text: str, i: int, counters: dict[int, _Counter], markers: _MarkerLists
) -> Finding | None:
    """The number of the heading that opens paragraph ``i``, taken by its level's counter (a
    heading resets the deeper levels and the 一是 lists)."""
    number = _number(text)
    if number is None or not number.value:
        return None
    for deeper, counter in counters.items():
        if deeper > number.level:
            counter.reset()
    markers.reset()
    return counters[number.level].see(number.value, i, number.start, number.end)


# ----------------------------------------------------------------------------------------------
# empty_section

_HEADING_TEXT_MAX: Final = 40
_SENTENCE_MARKS: Final = frozenset(SENTENCE_END)


def _heading_only(text: str) -> int | None:
    """The level (1 or 2) of a paragraph that is nothing but a 一、/（一） heading, else None.

    A heading with its text in the same paragraph ("一、加强创新。我市……") is not one."""
    if len(text) > _HEADING_TEXT_MAX or any(c in _SENTENCE_MARKS for c in text.rstrip("。")):
        return None
    number = _number(text.translate(FULLWIDTH_DIGITS))
    return number.level if number is not None and number.level <= 2 else None


def empty_sections(paragraphs: list[str], body_end: int | None = None) -> list[Finding]:
    """A 一、 or （一） heading followed directly by a heading of the same or a higher level, or
    by nothing (up to ``body_end``): a section with nothing in it."""
    end = len(paragraphs) if body_end is None else min(body_end, len(paragraphs))
    levels = [_heading_only(paragraphs[i]) for i in range(end)]
    out: list[Finding] = []
    for i, level in enumerate(levels):
        if level is None:
            continue
        after = levels[i + 1] if i + 1 < end else 0
        if after is not None and after <= level:
            out.append(_empty_section(i, paragraphs[i]))
    return out


def empty_section_finding(i: int, text: str) -> Finding | None:
    """The ``empty_section`` finding for paragraph ``i`` when it is a bare 一、/（一） heading
    known to have nothing under it (the caller knows the section ended)."""
    return _empty_section(i, text) if _heading_only(text) is not None else None


def _empty_section(i: int, text: str) -> Finding:
    return Finding(
        "empty_section",
        f"标题{quote(text.strip())}下面没有内容：请补上这一部分，或删去这个标题",
        i,
        0,
        len(text),
        None,
    )
