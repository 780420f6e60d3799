"""The import's shortcuts give exactly what the long way gives: the punctuation conversion
skips text without a mark it could convert and converts lone ", : ; ! ?" by substitution, the
white space between Chinese characters is found as before, the text check counts only the
characters it rejects, and the word column joins each word's parts once for all letters. Each
is compared with the long way on generated text."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import desktop.normalize as normalize
from desktop import fold, letter_identity, paragraph_split, words
from desktop.cjk import CJK_CONTEXT, is_ideograph
from desktop.normalize import normalize_text
from desktop.readers.text import looks_like_text
from desktop.store.schema import spaced

# Chinese, the marks the conversion changes and their full-width forms, spaces, Latin, digits,
# a URL's characters, zero-width and private-use characters, unassigned code points.
_ALPHABET = st.sampled_from(
    [
        *'公交线路办理答复，。：；！？（）“”,.:;!?"() \u3000\u00a0abcXYZ019/号〔〕[]【】',
        *["http://a.cn", "\u200b", "\ue000", "\U000e0100", "\u0378", "２０１５", "\U00020000"],
        *["\u4e02", "\u9fa5", "\u0400", "\u2e80", "\ufe30", "\u3400", "\u02c7", "\u0100"],
        *["\ud800", "\x7f", "\x80", "\u4dff", "\ua000"],
    ]
)
_TEXT = st.lists(_ALPHABET, max_size=60).map("".join)


@settings(max_examples=1500, suppress_health_check=list(HealthCheck), deadline=None)
@given(_TEXT)
def test_normalizing_skips_only_text_with_nothing_to_convert(text: str) -> None:
    fast = normalize_text(text)
    with pytest.MonkeyPatch.context() as patch:
        # The long way: every pass converts, whatever the text holds.
        patch.setattr(normalize, "_CONVERTIBLE_RE", re.compile(""))
        assert normalize_text(text) == fast


# Also without white space and full-width marks, and without quotes and parentheses: more
# lines the short ways take.
_SIMPLE_MARKS_TEXT = (
    _TEXT
    | _TEXT.map(lambda t: t.translate({ord(c): None for c in '"()'}))
    | _TEXT.map(lambda t: t.translate({ord(c): None for c in " \u3000\u00a0，：；！？（）“”"}))
)


@settings(max_examples=3000, suppress_health_check=list(HealthCheck), deadline=None)
@given(_SIMPLE_MARKS_TEXT)
def test_lines_with_lone_simple_marks_convert_as_the_long_way_does(text: str) -> None:
    fast = normalize_text(text)
    with pytest.MonkeyPatch.context() as patch:
        # The long way: every pass converts, and with the position of every mark decided.
        patch.setattr(normalize, "_CONVERTIBLE_RE", re.compile(""))
        patch.setattr(normalize, "_ONLY_SIMPLE_MARKS", False)
        assert normalize_text(text) == fast


def test_the_short_way_for_simple_marks_is_taken() -> None:
    assert normalize._convert_marks("答复,谢谢! ok, fine") == "答复，谢谢！ ok, fine"
    assert normalize._convert_marks('"答"县(市)区,好') == "“答”县（市）区，好"

    assert normalize._ONLY_SIMPLE_MARKS


@settings(max_examples=1500, suppress_health_check=list(HealthCheck), deadline=None)
@given(_TEXT)
def test_the_white_space_between_chinese_is_found_as_before(text: str) -> None:
    context = f"[{CJK_CONTEXT}“”]"
    as_before = re.compile(rf"(?<={context})[{normalize._H_SPACE}]+(?={context})")
    assert normalize._CJK_GAP_RE.sub("", text) == as_before.sub("", text)


_PLAUSIBLE = (
    (0x0000, 0x024F), (0x0370, 0x04FF), (0x2000, 0x27BF), (0x2E80, 0x33FF), (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF), (0xE000, 0xF8FF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
)  # fmt: skip


def _gb2312_level1(ch: str) -> bool:
    try:
        return 0xB0 <= ch.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False


def _looks_like_text_counting_everything(text: str, strict: bool = False) -> bool:
    """The check as it was: every character counted, each distinct one tested in Python."""
    if "\x00" in text:
        return False
    n = len(text)
    if n == 0:
        return True
    if len(re.findall(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]", text)) > 0.01 * n + 1:
        return False
    counts = Counter(text)
    bad = sum(
        c
        for ch, c in counts.items()
        if ord(ch) >= 0x80 and unicodedata.category(ch) in {"Cn", "Co", "Cs"}
    )
    if bad > 0.02 * n + 2:
        return False
    if not strict:
        return True
    ideographs = {ch: c for ch, c in counts.items() if is_ideograph(ch)}
    if sum(ideographs.values()) >= 10:
        common = sum(c for ch, c in ideographs.items() if _gb2312_level1(ch))
        if common < 0.4 * sum(ideographs.values()):
            return False
    foreign = sum(
        c for ch, c in counts.items() if not any(lo <= ord(ch) <= hi for lo, hi in _PLAUSIBLE)
    )
    return foreign <= 0.05 * n + 2


@settings(max_examples=1500, suppress_health_check=list(HealthCheck), deadline=None)
@given(_TEXT, st.integers(min_value=1, max_value=40), st.booleans())
def test_the_text_check_counts_as_before(text: str, repeat: int, strict: bool) -> None:
    sample = text * repeat  # below the sampling threshold: the whole text is judged
    expected = _looks_like_text_counting_everything(sample, strict)
    assert looks_like_text(sample, strict=strict) == expected


def test_the_text_check_still_refuses_private_use_noise() -> None:
    noise = "".join(chr(0xE000 + i % 500) for i in range(2000))
    assert not looks_like_text("答复" * 100 + noise, strict=False)
    assert looks_like_text("答复" * 100 + noise[:3], strict=False)


# Words of letters (the user dictionary's too), traditional characters, Latin, digits, marks.
_WORDS_TEXT = st.lists(
    st.sampled_from(
        [
            *"老旧小区改造公交线路饮水安全河道的了和县市區關於爲臺裏",
            *["5G", "PPP", "abc", "2015", "Ab1", " ", "，", "。", ",", "-", "\u3000", "\U00020000"],
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=1000, suppress_health_check=list(HealthCheck), deadline=None)
@given(_WORDS_TEXT)
def test_the_word_column_holds_the_words_as_before(text: str) -> None:
    # The long way: the list of the words, joined.
    assert words.index_text(text) == " ".join(words.index_words(text, normalized=True))


def test_splitting_at_white_space_cuts_where_the_pattern_does() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert [c for c in every if c.isspace()] == re.findall(r"\s", every)


@settings(max_examples=1000, suppress_health_check=list(HealthCheck), deadline=None)
@given(
    _TEXT, st.lists(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\u2028\u3000\u00a0\u200b"), max_size=9)
)
def test_the_key_of_a_paragraph_drops_the_white_space_the_pattern_did(
    text: str, spaces: list[str]
) -> None:
    text = "".join(a + b for a, b in zip(text, spaces + [""] * len(text), strict=False))
    assert normalize.normalized_key(text) == re.sub(r"\s+", "", text)


@settings(max_examples=500, suppress_health_check=list(HealthCheck), deadline=None)
@given(
    st.lists(
        st.sampled_from([*"關於爲臺裏乾隆發展头髮", "\ud800", "\udfff", "\U00020000", "a"]),
        max_size=30,
    ).map("".join)
)
def test_folding_around_lone_surrogates_folds_the_text_between_them(text: str) -> None:
    pieces = re.split(r"([\ud800-\udfff]+)", text)  # the long way: each piece alone
    expected = "".join(
        p if re.fullmatch(r"[\ud800-\udfff]+", p) else fold.to_simplified(p) for p in pieces
    )
    assert fold.to_simplified(text) == expected


@settings(max_examples=1000, suppress_health_check=list(HealthCheck), deadline=None)
@given(_TEXT | st.text())
def test_the_one_character_column_spaces_every_character_as_a_join_does(text: str) -> None:
    assert spaced(text) == " ".join(text)


def test_the_gb2312_level1_set_holds_what_encoding_says() -> None:
    from desktop.readers import text as reader

    every = map(chr, range(0x20000))
    assert {ch for ch in every if reader._is_gb2312_level1(ch)} == reader._gb2312_level1()
    assert len(reader._gb2312_level1()) == 3755


# Pieces of web-page furniture and of ordinary lines.
_NOISE_PIECES = st.lists(
    st.sampled_from(
        [
            *paragraph_split._NOISE_ANYWHERE,
            *paragraph_split._NOISE_MARKERS,
            *["字体", "大", "中", "小", "打印", "关闭", "【", "】", "[", "]", "：", ":", " "],
            *["|", "-", "_", "=", "*", "·", "•", "\u3000", "答复", "2015-01-02 10:30", "责任"],
            *["上一篇", "http://a.cn", "首页 >", "网站 - 首页", "a"],
        ]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=3000, suppress_health_check=list(HealthCheck), deadline=None)
@given(_NOISE_PIECES)
def test_noise_lines_are_told_as_before(line: str) -> None:
    def as_before(line: str) -> bool:
        s = line.strip()
        if not s:
            return True
        if len(s) > 200:
            return False
        if set(s) <= set("|-_=*·• \u3000"):
            return True
        ps = paragraph_split
        if ps._NOISE_LABEL_RE.match(s) or ps._NOISE_START_RE.match(s):
            return True
        if ps._DATETIME_LINE_RE.match(s) or ps._URL_LINE_RE.match(s) or ps._SITE_NAME_RE.match(s):
            return True
        if len(s) <= 120 and any(marker in s for marker in ps._NOISE_ANYWHERE):
            return True
        return len(s) <= 80 and sum(marker in s for marker in ps._NOISE_MARKERS) >= 2

    assert paragraph_split.is_noise_line(line) == as_before(line)


@settings(max_examples=2000, suppress_health_check=list(HealthCheck), deadline=None)
@given(_NOISE_PIECES)
def test_inline_noise_is_only_looked_for_where_it_can_start(line: str) -> None:
    as_before = paragraph_split.INLINE_NOISE_RE.sub("", line)
    assert paragraph_split.without_inline_noise(line) == as_before


def test_every_character_normalizing_drops_is_unprintable() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert all(not ch.isprintable() for ch in normalize._ZERO_WIDTH_RE.findall(every))
    assert set(normalize._NBSP_RE.findall(every)) == {"\u00a0", "\u202f"}


def test_the_marks_put_in_before_nfkc_are_their_decompositions() -> None:
    for mark, decomposed in letter_identity._DECOMPOSED_MARKS:
        assert unicodedata.normalize("NFKD", mark) == decomposed


@settings(max_examples=2000, suppress_health_check=list(HealthCheck), deadline=None)
@given(
    _TEXT
    | st.lists(st.sampled_from(["\u0301", "\u0308", "Ａ", "ｶ", "ﾞ", "ｰ", "①"]) | _ALPHABET).map(
        "".join
    )
)
def test_a_line_s_source_key_is_as_before(line: str) -> None:
    as_before = letter_identity._IGNORED_RE.sub("", unicodedata.normalize("NFKC", line))
    assert letter_identity.source_key(line) == as_before
