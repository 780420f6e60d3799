"""Plain-text files: find the encoding, and tell text from binary data in disguise."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Final

from desktop.cjk import is_ideograph
from desktop.model import ExtractedText, ImportFailure
from desktop.readers.common import (
    MSG_EMPTY,
    MSG_NOT_TEXT,
    MSG_NOT_TEXT_BUT_WORD,
    OLE_MAGIC,
    ZIP_MAGIC,
    fail,
)

_BOMS: Final = (
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)

# C0/C1 control characters that do not belong in text (tab, line breaks, form feed, vertical
# tab and the old DOS end-of-file mark ^Z are fine).
_CONTROL_RE: Final = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_BAD_CATEGORIES: Final = frozenset({"Cn", "Co", "Cs"})  # unassigned, private use, surrogate
_SAMPLE_CHUNK: Final = 16_384


def _known_fine() -> str:
    """The inside of a character class of characters the text check need not ask about:
    ASCII, the common ideographs U+4E00–U+9FFF (all assigned), and those of the blocks of
    Chinese text's punctuation, Latin letters and full-width forms that this Python's Unicode
    data says are assigned and not private use."""
    fine = [ch for lo, hi in _COMMON_BLOCKS for ch in map(chr, range(lo, hi + 1))
            if unicodedata.category(ch) not in _BAD_CATEGORIES]  # fmt: skip
    return "\\x00-\\x7f\\u4e00-\\u9fff" + re.escape("".join(fine))


# Latin-1 and Latin Extended, general punctuation, arrows and symbols, CJK punctuation and
# kana, full-width forms.
_COMMON_BLOCKS: Final = ((0x80, 0x24F), (0x2000, 0x27BF), (0x3000, 0x30FF), (0xFF00, 0xFFEF))


@functools.cache
def _maybe_bad_re() -> re.Pattern[str]:
    """What the text check asks unicodedata about: all other characters (made at the first
    check, not when the program starts)."""
    return re.compile(f"[^{_known_fine()}]")


def read_txt(path: Path, data: bytes) -> ExtractedText:
    try:
        text, encoding = decode_text(data)
    except ImportFailure as exc:
        raise fail(path, exc.message) from None
    return ExtractedText(lines=_text_lines(text), source_format="txt", encoding=encoding)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes: ``(text, encoding)``.

    A byte-order mark (UTF-8, UTF-16 LE/BE) decides; bytes that are valid UTF-8 and read as
    text are UTF-8. Otherwise charset-normalizer detects the encoding among those Chinese
    text files come in — UTF-8, GB18030 (which covers GBK and GB2312) and UTF-16 without a
    mark — and each candidate it finds, most likely first, must then pass this module's
    plausibility check (:func:`looks_like_text`; for GB18030 and
    UTF-16, which accept almost any bytes, the GB2312 level-1 check too). Raises
    :class:`ImportFailure` (without a file name) for empty or non-text data.
    """
    if not data:
        raise ImportFailure(MSG_EMPTY)
    bom = _decoded_by_bom(data)
    if bom is not None:
        return bom
    if data.startswith((ZIP_MAGIC, OLE_MAGIC)):
        raise ImportFailure(MSG_NOT_TEXT_BUT_WORD)
    # Most letters are UTF-8: bytes that decode strictly as UTF-8 and read as text are taken
    # without asking the detector (it would name UTF-8 too, at twice the import's reading cost).
    text = _decode_tolerating_cut_end(data, "utf-8") if b"\x00" not in data else None
    if text is not None and looks_like_text(text, strict=False):
        return _non_empty(text), "utf-8"
    for codec, strict in _candidates(data):
        text = _decode_tolerating_cut_end(data, codec)
        if text is not None and looks_like_text(text, strict=strict):
            return _non_empty(text), codec
    raise ImportFailure(MSG_NOT_TEXT)


def _decoded_by_bom(data: bytes) -> tuple[str, str] | None:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = _decode_tolerating_cut_end(data[len(bom) :], codec)
            if text is None or not looks_like_text(text, strict=False):
                raise ImportFailure(MSG_NOT_TEXT)
            return _non_empty(text), name
    return None


def _candidates(data: bytes) -> list[tuple[str, bool]]:
    """The encodings to try, most likely first, each with whether its decoding must pass the
    strict check: charset-normalizer's findings, then (for a character cut off at the end,
    which it does not accept) the rest of the four."""
    from charset_normalizer import from_bytes

    found = [_CODECS[match.encoding] for match in from_bytes(data, cp_isolation=list(_CODECS))]
    rest = [c for c in _CODECS.values() if c not in found]
    if b"\x00" in data:
        # UTF-8 and GB18030 text never contains NUL bytes; UTF-16 with ASCII in it does, and
        # where they fall says which byte order it is.
        clear = dict(_utf16_by_nul_bytes(data))
        return [(c, not clear.get(c, False)) for c in [*found, *rest] if c in clear]
    return [(c, c != "utf-8") for c in [*found, *rest]]


# charset-normalizer's codec names, and ours.
_CODECS: Final = {
    "utf_8": "utf-8",
    "gb18030": "gb18030",
    "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be",
}


def _non_empty(text: str) -> str:
    if not text.strip():
        raise ImportFailure(MSG_EMPTY)
    return text


def _decode_tolerating_cut_end(data: bytes, codec: str) -> str | None:
    """Strictly decode; a character cut off by truncation at the very end is dropped."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        start, end = exc.start, exc.end
    if start < len(data) - 3 or end < len(data):
        return None
    try:
        return data[:start].decode(codec)
    except UnicodeDecodeError:
        return None


def _utf16_by_nul_bytes(data: bytes) -> list[tuple[str, bool]]:
    """UTF-16 codecs to try, most likely first, each with whether the evidence is clear.

    UTF-16 LE puts the NUL of each ASCII character at odd offsets, UTF-16 BE at even ones.
    Chinese text has few ASCII characters, and some Chinese characters (一 U+4E00, …) put a
    NUL on the other side, so a weak majority is tried too, with the stricter text check.
    """
    at_even = data[0::2].count(0)
    at_odd = data[1::2].count(0)
    if at_odd == at_even:
        return []
    order = ["utf-16-le", "utf-16-be"] if at_odd > at_even else ["utf-16-be", "utf-16-le"]
    high, low = max(at_odd, at_even), min(at_odd, at_even)
    clear = high >= 2 and high >= 4 * low
    return [(order[0], clear), (order[1], False)]


def _sample(text: str) -> str:
    """At most four chunks spread over the text, so that checks stay fast on 50 MB files."""
    if len(text) <= 4 * _SAMPLE_CHUNK:
        return text
    step = (len(text) - _SAMPLE_CHUNK) // 3
    return "".join(text[i * step : i * step + _SAMPLE_CHUNK] for i in range(4))


def looks_like_text(text: str, *, strict: bool) -> bool:
    """Whether decoded bytes read as text rather than binary data in disguise.

    ``strict`` is for decodings that accept almost any byte sequence (GB18030, UTF-16 without
    any ASCII): there the Chinese characters must also be mostly common ones.
    """
    if "\x00" in text:
        return False
    sample = _sample(text)
    n = len(sample)
    if n == 0:
        return True
    if len(_CONTROL_RE.findall(sample)) > 0.01 * n + 1:
        return False
    # Only the characters that may be bad are asked for (a regular expression leaves out
    # those known to be fine: a handful in Chinese text), each distinct one once.
    maybe_bad = _maybe_bad_re().findall(sample)
    bad = sum(
        maybe_bad.count(ch) for ch in set(maybe_bad) if unicodedata.category(ch) in _BAD_CATEGORIES
    )
    if bad > 0.02 * n + 2:
        return False
    if not strict:
        return True
    counts = Counter(sample)
    ideographs = {ch: c for ch, c in counts.items() if is_ideograph(ch)}
    n_ideographs = sum(ideographs.values())
    if n_ideographs >= 10:
        # The 3755 GB2312 level-1 characters make up well over 90 % of ordinary Chinese text
        # (traditional text included), but only about a sixth of all the ideographs that random
        # bytes decode to.
        level1 = _gb2312_level1()
        common = sum(c for ch, c in ideographs.items() if ch in level1)
        if common < 0.4 * n_ideographs:
            return False
    foreign = len(_IMPLAUSIBLE_RE.findall(sample))
    return foreign <= 0.05 * n + 2


@functools.cache
def _gb2312_level1() -> frozenset[str]:
    """The characters for which :func:`_is_gb2312_level1` holds: those GB2312 encodes with a
    lead byte 0xB0–0xD7, found by decoding every such pair once (~1 ms)."""
    found = (
        bytes((lead, trail)).decode("gb2312", "ignore")
        for lead in range(0xB0, 0xD8)
        for trail in range(0xA1, 0xFF)
    )
    return frozenset(ch for ch in found if ch)


def _is_gb2312_level1(ch: str) -> bool:
    try:
        lead = ch.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7


_PLAUSIBLE_RANGES: Final = (
    (0x0000, 0x024F),  # ASCII, Latin-1, Latin Extended (pinyin)
    (0x0370, 0x04FF),  # Greek, Cyrillic (both in GB2312)
    (0x2000, 0x27BF),  # punctuation, symbols, arrows, maths, box drawing, circled numbers
    (0x2E80, 0x33FF),  # CJK radicals, CJK punctuation, kana, bopomofo, enclosed CJK
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xE000, 0xF8FF),  # private use (self-made characters for rare names); counted elsewhere
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms
)


# A character outside them (one scan of the text instead of a test per distinct character).
_IMPLAUSIBLE_RE: Final = re.compile(
    "[^" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _PLAUSIBLE_RANGES) + "]"
)


def _text_lines(text: str) -> list[str]:
    """Lines in order, trailing whitespace removed, empty lines (paragraph gaps) dropped."""
    lines = []
    for line in text.splitlines():
        line = line.rstrip()
        if line:
            lines.append(line)
    return lines
