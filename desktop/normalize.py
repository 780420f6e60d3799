"""Normalization of Chinese official text copied from web portals and old files.

``normalize_text`` turns the usual copy-and-paste damage into the house style of a reply letter:

- half-width ``, : ; ! ?`` inside Chinese text become ``， ： ； ！ ？``;
- a ``(`` … ``)`` pair becomes ``（`` … ``）`` when its content or a neighbour is Chinese;
- ASCII double quotes around or next to Chinese text become ``“`` … ``”``;
- ``[2010]`` / ``【2010】`` / ``（2010）`` in a document number (``通政发[2015]37号``) become
  ``〔2010〕``;
- a half-width ``.`` right after a Chinese character, ending the text or followed by white
  space or Chinese, becomes ``。``;
- white space between two Chinese characters (or Chinese punctuation) is removed;
- zero-width and control characters are dropped, an inner no-break space becomes a plain
  space, and the ends are stripped (including the ideographic space U+3000 and NBSP).

Numbers, decimals, times (``6:30``), ratios, Latin words and phrases, URLs and e-mail addresses
are left alone: a mark is converted only when the nearest significant character on at least one
side is Chinese. "Significant" skips white space and the convertible marks themselves (both
their half- and full-width forms), so converting one mark never changes the decision for
another. That is what makes the function idempotent.

``punctuation_fixes`` and ``doc_year_fixes`` report where the mark and document-number
conversions would happen, without applying them (the proofreader shows them as findings).

Everything is a handful of linear regular-expression passes; there is no backtracking that grows
with the input, so a 50 MB line is fine.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right

from desktop.cjk import CJK_CONTEXT, CJK_CONTEXT_RE, IDEOGRAPHS, is_cjk_context
from desktop.lazy_pattern import LazyPattern
from desktop.urls import url_spans

# Marks that are skipped when looking for the significant neighbour of a mark.
_TRANSPARENT = ',:;!?()"，：；！？（）“”'
_T_CLASS = r"\s,:;!?()\"，：；！？（）“”"
_TRANSPARENT_SET = frozenset(_TRANSPARENT)

# A maximal run of white space / transparent marks holding at least one ``, : ; ! ?``.
# The lookbehind anchors the match at the start of a run, so every run is scanned once.
_SIMPLE_RUN_RE = re.compile(rf"(?<![{_T_CLASS}])[{_T_CLASS}]*[,:;!?][{_T_CLASS}]*")
_SIMPLE_MAP_DICT = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}

# A ", : ; ! ?" next to white space or another mark (the start of a "crowded" run).
_CROWDED_MARK_RE = re.compile(rf"[,:;!?](?:(?<=[{_T_CLASS}].)|(?=[{_T_CLASS}]))")
# Each mark alone between two other characters, converted when one of them is Chinese. (Each
# pattern starts with its mark: the regular expression engine skips ahead to it.)
_ALONE_MARK_RES = tuple(
    (mark, LazyPattern(rf"{re.escape(mark)}(?:(?<=[{CJK_CONTEXT}].)|(?=[{CJK_CONTEXT}]))"), full)
    for mark, full in _SIMPLE_MAP_DICT.items()
)
# Whether a line whose ", : ; ! ?" are each alone (and without a URL) takes the short way (the
# tests compare it with the long way).
_ONLY_SIMPLE_MARKS = True


_QUOTE_RE = re.compile('"')
# Any mark the conversions can change: without one, there is nothing to convert (most lines
# of a reply, and every line once its marks are converted).
_CONVERTIBLE_RE = re.compile(r'[,:;!?"()]')
_PAREN_RE = re.compile(r"[()]")

# Zero-width characters and C0 controls other than tab / line feed / carriage return.
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_H_SPACE = " \t\u00a0\u3000\u2000-\u200a\u202f\u205f"
# White space between two Chinese characters (curly double quotes count as Chinese here).
# (Written to start with the white space: the regular expression engine skips ahead to it.
# The same matches as "(?<=[…])[…]+(?=[…])": no match starts inside a run of white space.)
_CJK_GAP_RE = LazyPattern(rf"[{_H_SPACE}](?<=[{CJK_CONTEXT}“”].)[{_H_SPACE}]*(?=[{CJK_CONTEXT}“”])")
_NBSP_RE = re.compile("[\u00a0\u202f]")

# A year in the wrong brackets inside a document number: 通政发[2015]37号, 国办发【2015】9号.
_DOC_YEAR_RE = LazyPattern(
    rf"(?<=[{IDEOGRAPHS}])[\[【（(]((?:19|20)\d{{2}})[\]】）)](?=\s*第?\d{{1,5}}\s*号)"
)


# A half-width full stop that ends a Chinese sentence: after an ideograph, before the end, white
# space or another ideograph ("达12万人." / "达12万人. 下一步"). Decimals and "..." are not touched.
_FULL_STOP_RE = LazyPattern(rf"(?<=[{IDEOGRAPHS}])\.(?=$|\s|[{IDEOGRAPHS}])")


class _Neighbours:
    """Finds the significant characters on both sides of a transparent mark.

    Positions are asked for in increasing order; the run around the last position is cached, so
    a long run of marks is walked once, not once per mark.
    """

    def __init__(self, s: str):
        self.s = s
        self.run_start = -1
        self.run_end = -1

    def around(self, i: int) -> tuple[str | None, str | None]:
        s = self.s
        if not (self.run_start <= i < self.run_end):
            a = i
            while a > 0 and (s[a - 1] in _TRANSPARENT_SET or s[a - 1].isspace()):
                a -= 1
            b = i + 1
            n = len(s)
            while b < n and (s[b] in _TRANSPARENT_SET or s[b].isspace()):
                b += 1
            self.run_start, self.run_end = a, b
        left = s[self.run_start - 1] if self.run_start > 0 else None
        right = s[self.run_end] if self.run_end < len(s) else None
        return left, right

    def cjk_beside(self, i: int) -> bool:
        left, right = self.around(i)
        return is_cjk_context(left) or is_cjk_context(right)


class _Protected:
    """Spans (URLs) whose characters are never converted."""

    def __init__(self, s: str):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in url_spans(s):
            self.starts.append(start)
            self.ends.append(end)

    def __contains__(self, i: int) -> bool:
        if not self.starts:
            return False
        k = bisect_right(self.starts, i) - 1
        return k >= 0 and i < self.ends[k]


def _mark_changes(s: str, protected: _Protected | None = None) -> dict[int, str]:
    """The punctuation, quote and parenthesis conversions of ``s``: position → new mark."""
    if protected is None:
        protected = _Protected(s)
    changes: dict[int, str] = {}
    _simple_mark_changes(s, protected, changes)
    _quote_changes(s, protected, changes)
    _paren_changes(s, protected, changes)
    return changes


def _simple_mark_changes(s: str, protected: _Protected, changes: dict[int, str]) -> None:
    """, : ; ! ? — whole runs share the same two neighbours."""
    n = len(s)
    check_protected = bool(protected.starts)
    for m in _SIMPLE_RUN_RE.finditer(s):
        a, b = m.span()
        if not ((a > 0 and is_cjk_context(s[a - 1])) or (b < n and is_cjk_context(s[b]))):
            continue
        if b - a == 1 and not check_protected:
            changes[a] = _SIMPLE_MAP_DICT[s[a]]
            continue
        for i in range(a, b):
            ch = s[i]
            if ch in _SIMPLE_MAP_DICT and not (check_protected and i in protected):
                changes[i] = _SIMPLE_MAP_DICT[ch]


def _quote_changes(s: str, protected: _Protected, changes: dict[int, str]) -> None:
    """ASCII double quotes, paired in order."""
    neighbours = _Neighbours(s)
    quotes = [m.start() for m in _QUOTE_RE.finditer(s) if m.start() not in protected]
    for k in range(0, len(quotes) - 1, 2):
        a, b = quotes[k], quotes[k + 1]
        if (
            CJK_CONTEXT_RE.search(s, a + 1, b) is not None
            or is_cjk_context(neighbours.around(a)[0])
            or is_cjk_context(neighbours.around(b)[1])
        ):
            changes[a] = "“"
            changes[b] = "”"


def _paren_changes(s: str, protected: _Protected, changes: dict[int, str]) -> None:
    """Parentheses: a matched pair by content or outer neighbours, a lone one by its neighbours."""
    neighbours = _Neighbours(s)
    stack: list[list[int]] = []  # [position, content-has-CJK flag]
    lone: list[int] = []
    prev = -1
    for m in _PAREN_RE.finditer(s):
        i = m.start()
        if i in protected:
            continue
        if stack and prev >= 0 and CJK_CONTEXT_RE.search(s, prev + 1, i) is not None:
            stack[-1][1] = 1
        prev = i
        if s[i] == "(":
            stack.append([i, 0])
        elif not stack:
            lone.append(i)
        else:
            _close_pair(s, stack, i, neighbours, changes)
    lone.extend(p for p, _ in stack)
    for i in sorted(lone):
        if neighbours.cjk_beside(i):
            changes[i] = "（" if s[i] == "(" else "）"


def _close_pair(
    s: str, stack: list[list[int]], i: int, neighbours: _Neighbours, changes: dict[int, str]
) -> None:
    """The ``)`` at ``i`` closes the innermost open ``(``: convert both when Chinese is inside
    or beside them; Chinese inside also counts for the enclosing pair."""
    start, has_cjk = stack.pop()
    if has_cjk and stack:
        stack[-1][1] = 1
    if (
        has_cjk
        or is_cjk_context(neighbours.around(start)[0])
        or is_cjk_context(neighbours.around(i)[1])
    ):
        changes[start] = "（"
        changes[i] = "）"


def _convert_marks(s: str) -> str:
    """Apply the punctuation, quote and parenthesis conversions (decided on ``s`` as given)."""
    protected = _Protected(s)
    if _ONLY_SIMPLE_MARKS and not protected.starts and _CROWDED_MARK_RE.search(s) is None:
        # Most lines: no URL, and each ", : ; ! ?" alone between two other characters. Its
        # run is the mark alone and its neighbours are the characters beside it; converting
        # one changes no other's neighbours: one substitution per mark. Quotes and
        # parentheses are decided on ``s`` as given, as the long way does, and put in place
        # (every conversion replaces one character by one).
        converted = s
        for mark, alone_re, full in _ALONE_MARK_RES:
            if mark in converted:
                converted = alone_re.sub(full, converted)
        if '"' not in s and "(" not in s and ")" not in s:
            return converted
        changes: dict[int, str] = {}
        _quote_changes(s, protected, changes)
        _paren_changes(s, protected, changes)
        return _applied(converted, changes)
    changes = _mark_changes(s, protected)
    return _applied(s, changes)


def _applied(s: str, changes: dict[int, str]) -> str:
    """``s`` with the character at each position of ``changes`` replaced."""
    if not changes:
        return s
    parts: list[str] = []
    last = 0
    for i in sorted(changes):
        parts.append(s[last:i])
        parts.append(changes[i])
        last = i + 1
    parts.append(s[last:])
    return "".join(parts)


def normalize_text(s: str) -> str:
    """The normalized form of one paragraph: what is searched, shown and reused.

    Idempotent: ``normalize_text(normalize_text(x)) == normalize_text(x)``.
    """
    if not s:
        return ""
    if not s.isprintable():  # (every zero-width and control character is unprintable)
        s = _ZERO_WIDTH_RE.sub("", s)
    if "." in s:
        s = _FULL_STOP_RE.sub("。", s)
    # A mark converted to full width can make its neighbour "inside Chinese text" in turn
    # ('("）"' → the quotes): repeat until nothing changes (twice for real text).
    for _ in range(4):
        if _CONVERTIBLE_RE.search(s) is None:
            break
        converted = _convert_marks(s)
        if converted == s:
            break
        s = converted
    s = _CJK_GAP_RE.sub("", s)
    if "号" in s:
        s = _DOC_YEAR_RE.sub(r"〔\1〕", s)
    if "\u00a0" in s or "\u202f" in s:
        s = _NBSP_RE.sub(" ", s)
    return s.strip()


def punctuation_fixes(s: str) -> list[tuple[int, str]]:
    """The half-width marks of ``s`` that ``normalize_text`` turns into Chinese ones.

    ``(index into s, replacement)`` in order: ``, : ; ! ? ( ) "`` → ``， ： ； ！ ？ （ ） “ ”``
    and a sentence-ending ``.`` → ``。``, decided exactly as ``normalize_text`` decides them
    (after dropping zero-width characters, whose positions are mapped back). Document-number
    brackets are :func:`doc_year_fixes`; white space changes are not reported.
    """
    if not s:
        return []
    kept: list[int] | None = None
    if _ZERO_WIDTH_RE.search(s) is not None:
        kept = [i for i, ch in enumerate(s) if _ZERO_WIDTH_RE.match(ch) is None]
        s = "".join(s[i] for i in kept)
    changes: dict[int, str] = {}
    if "." in s:
        for m in _FULL_STOP_RE.finditer(s):
            changes[m.start()] = "。"
        s = _FULL_STOP_RE.sub("。", s)
    # As in normalize_text: a converted mark can make its neighbour convertible in turn
    # ('"("[)' → the quotes once the parentheses are full width). Every change replaces one
    # character by one, so positions stay valid from round to round.
    for _ in range(4):
        more = {i: new for i, new in _mark_changes(s).items() if s[i] != new}
        if not more:
            break
        changes.update(more)
        chars = list(s)
        for i, new in more.items():
            chars[i] = new
        s = "".join(chars)
    if kept is None:
        return sorted(changes.items())
    return sorted((kept[i], new) for i, new in changes.items())


def doc_year_fixes(s: str) -> list[tuple[int, int, str]]:
    """Document-number years in the wrong brackets (``通政发[2015]37号``), as ``normalize_text``
    rewrites them: ``(start, end, "〔2015〕")`` for each ``[2015]`` / ``【2015】`` / ``(2015)`` /
    ``（2015）``, in order.
    """
    if "号" not in s:
        return []
    return [(m.start(), m.end(), f"〔{m.group(1)}〕") for m in _DOC_YEAR_RE.finditer(s)]


def paragraph_key(s: str) -> str:
    """The identity of a paragraph: its normalized text with all white space removed."""
    return normalized_key(normalize_text(s))


def paragraph_hash(s: str) -> str:
    """SHA-1 hex digest of ``paragraph_key(s)``: identical paragraphs are stored once."""
    return hashlib.sha1(paragraph_key(s).encode("utf-8")).hexdigest()


def normalized_key(text: str) -> str:
    """``paragraph_key`` of text that is already normalized (a ``Block.text``): cheaper."""
    # (str.split() cuts at exactly the characters r"\s" matches, in a fraction of the time)
    return "".join(text.split())


def normalized_hash(text: str) -> str:
    """``paragraph_hash`` of text that is already normalized (a ``Block.text``)."""
    return hashlib.sha1(normalized_key(text).encode("utf-8")).hexdigest()
