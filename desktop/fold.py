"""Folding traditional characters (繁體) to simplified ones, for parsing and searching.

Many portals serve letters in traditional characters, some with the debris of a half-done
conversion (臺/台, 爲/为, 裏/里 side by side). The library keeps every letter as it came;
the parser and the search indexes read the folded text, so that 「關於」 and 「关于」 are the
same words to both.

The conversion is OpenCC's ``t2s`` (the OpenCC project's own binding, ``opencc`` on PyPI,
whose wheels carry the dictionaries). ``t2s`` maps characters and phrases one character to
one character, so the folded text has the original's length and the i-th character of one
is the i-th of the other: positions found in the folded text (search highlights, a parser's
field boundaries) are positions in the original. :func:`to_simplified` checks that on every
call and falls back to a character-by-character conversion if a future dictionary ever broke
it.

Folding simplified text changes nothing in practice: ``t2s`` leaves simplified characters
as they are. Of the 72 real letters in ../shared/corpus, folding changed no character of the
68 simplified ones and 35–41 % of the Han characters of the four served in traditional
characters (with debris such as 關于 and 作為…并).
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from typing import Protocol

from desktop.cjk import HAN
from desktop.lazy_pattern import LazyPattern

log = logging.getLogger(__name__)

_SURROGATES = re.compile(r"[\ud800-\udfff]+")
# A Han character: the unified ideographs and their extensions, compatibility ideographs.
_HAN = LazyPattern(f"[{HAN}]")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


_failures = threading.Lock()
_reported: set[str] = set()


def _report(what: str, exc: BaseException) -> None:
    """Log a converter problem once per kind (with its traceback): a library of ten thousand
    letters must not write ten thousand tracebacks."""
    key = f"{what}: {type(exc).__name__}"
    with _failures:
        if key in _reported:
            return
        _reported.add(key)
    log.error("traditional → simplified folding: %s; the text is left as it is", what,
              exc_info=exc)  # fmt: skip


@functools.cache
def _converter() -> _Converter | None:
    """The OpenCC ``t2s`` converter, made once per process (loading its dictionaries takes
    ~10 ms); None when it cannot be had (then nothing is folded, and that is logged)."""
    try:
        import opencc

        converter: _Converter = opencc.OpenCC("t2s")
        converter.convert("臺")  # a converter missing its dictionaries fails here, not later
        return converter
    except Exception as exc:
        _report("the OpenCC converter could not be loaded", exc)
        return None


def available() -> bool:
    """Whether folding works here (the frozen program's smoke test asks)."""
    return _converter() is not None


def to_simplified(text: str) -> str:
    """``text`` with traditional characters folded to simplified ones, the same length as
    ``text``, character for character (see the module's docstring). Never raises: when the
    converter fails the text is returned as it is and the failure is logged.

    Safe on any ``str``: empty, huge (10 million characters take about half a second), with
    NUL, emoji, private-use characters or lone surrogates (which are kept as they are; the
    text around them is folded).
    """
    if not text or text.isascii():
        return text
    return _folded(text)


# A paragraph is folded twice on its way into the library (for the search index, then for
# its words), and simplified text folds to itself: the second time is a look-up.
@functools.lru_cache(maxsize=256)
def _folded(text: str) -> str:
    converter = _converter()
    if converter is None:
        return text
    try:
        try:
            return _same_length(converter, text)
        except UnicodeEncodeError:
            # UTF-8 cannot carry lone surrogates to the converter (it fails on encoding the
            # text, before any work): fold the text between them.
            pass
        parts = _SURROGATES.split(text)
        gaps = _SURROGATES.findall(text)
        out = [_same_length(converter, parts[0])]
        for gap, part in zip(gaps, parts[1:], strict=True):
            out += [gap, _same_length(converter, part)]
        return "".join(out)
    except Exception as exc:
        _report("the converter failed on a text", exc)
        return text


def _same_length(converter: _Converter, text: str) -> str:
    if not text or text.isascii():
        return text
    folded = converter.convert(text)
    if len(folded) == len(text):
        return folded
    # No t2s dictionary entry changes a length today; should one ever do so, each character
    # is folded alone (losing the phrase rules, never the positions).
    _report("the converter changed the text's length", ValueError(text[:40]))
    out = []
    for ch in text:
        one = converter.convert(ch)
        out.append(one if len(one) == 1 else ch)
    return "".join(out)


def _han_changed(text: str) -> tuple[int, int]:
    """(Han characters that folding changes, Han characters) of ``text``."""
    han = [m.start() for m in _HAN.finditer(text)]
    if not han:
        return 0, 0
    folded = to_simplified(text)
    return sum(1 for i in han if folded[i] != text[i]), len(han)


def traditional_share(text: str) -> float:
    """The share of the Han characters of ``text`` that folding changes (0.0 without any)."""
    changed, han = _han_changed(text)
    return changed / han if han else 0.0


# Folding changes no character of a simplified letter in the corpus and 35–41 % of the Han
# characters of a traditional one; a few traditional characters in a simplified letter (a
# name, a quoted shop sign) are not enough.
TRADITIONAL_SHARE = 0.05


def looks_traditional(text: str) -> bool:
    """Whether ``text`` is (mostly or partly) in traditional characters: at least two Han
    characters that folding changes, and at least ``TRADITIONAL_SHARE`` of them."""
    changed, han = _han_changed(text)
    return changed >= 2 and changed >= TRADITIONAL_SHARE * han
