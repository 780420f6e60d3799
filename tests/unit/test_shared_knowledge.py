"""The one home for shared knowledge: numerals, CJK classes and URLs, used by every reader."""

from __future__ import annotations

import pytest

from desktop.cjk import CJK_CONTEXT_RE, IDEOGRAPH_RE, is_cjk_context, is_ideograph
from desktop.dates import find_dates
from desktop.normalize import normalize_text
from desktop.numerals import (
    FULLWIDTH_DIGITS,
    counting_number,
    int_to_cn,
    year_from_digits,
)
from desktop.proofread import check
from desktop.proposers import parse_proposers
from desktop.urls import url_spans


@pytest.mark.parametrize(
    ("text", "value"),
    [("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("〇", 0)],
)
def test_counting_number(text: str, value: int) -> None:
    assert counting_number(text) == value


def test_year_digits_and_headings_share_one_table() -> None:
    assert year_from_digits("二〇二〇") == 2020
    assert year_from_digits("二OO五") == 2005
    assert "２０２０".translate(FULLWIDTH_DIGITS) == "2020"
    assert [int_to_cn(n) for n in (1, 10, 11, 20, 99)] == ["一", "十", "十一", "二十", "九十九"]
    assert find_dates("二〇二〇年十二月三十一日") == [(0, 12, "2020-12-31")]


def test_joint_count_in_chinese_numerals_reads_through_the_numerals_home() -> None:
    assert parse_proposers("张三等十二位代表").count == 12


@pytest.mark.parametrize("ch", ["一", "鿿", "㐀", "䶿", "中"])
def test_ideographs(ch: str) -> None:
    assert is_ideograph(ch)
    assert IDEOGRAPH_RE.fullmatch(ch)


@pytest.mark.parametrize("ch", ["a", "1", "䷀", "。"])
def test_not_ideographs(ch: str) -> None:
    assert not is_ideograph(ch)


@pytest.mark.parametrize("ch", ["。", "，", "あ", "中", "豈", "\U00020000", "！", "￥"])
def test_cjk_context_function_matches_its_class(ch: str) -> None:
    assert is_cjk_context(ch)
    assert CJK_CONTEXT_RE.fullmatch(ch)


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        # The normaliser's former cases: sentence punctuation after a URL is not part of it.
        ("详见https://www.gov.cn/a?b=1,c。", ["https://www.gov.cn/a?b=1,c"]),
        ("详见http://x.cn/a.", ["http://x.cn/a"]),
        ("网址:www.gov.cn/zhengce/index.htm;", ["www.gov.cn/zhengce/index.htm"]),
        ("ftp://files.x.cn/a.doc!", ["ftp://files.x.cn/a.doc"]),
        # The proofreader's former cases: a www. address stops before a bracket around it.
        ("(见www.gov.cn/a)", ["www.gov.cn/a"]),
        ("www.gov.cn,详见", ["www.gov.cn"]),
        # Now one rule for both schemes: a closing parenthesis stays when it closes one inside.
        ("(详见https://www.gov.cn/a)", ["https://www.gov.cn/a"]),
        ("访问www.x.cn/a_(b)。", ["www.x.cn/a_(b)"]),
        ("没有网址。", []),
    ],
)
def test_one_url_pattern(text: str, urls: list[str]) -> None:
    assert [text[a:b] for a, b in url_spans(text)] == urls


def test_bracket_around_a_url_is_balanced_for_the_proofreader() -> None:
    # The proofreader's old http pattern swallowed the ")" and then found "(" unmatched.
    for text in ("具体内容(详见https://www.gov.cn/a)已公开。", "具体内容(见www.gov.cn/a)已公开。"):
        assert [f for f in check([text], reply_date="2024-01-01") if f.kind == "unbalanced"] == []


def test_bracket_inside_a_url_is_left_alone_by_both() -> None:
    text = "请访问www.x.cn/a_(b)查看。"
    assert [f for f in check([text], reply_date="2024-01-01") if f.kind == "unbalanced"] == []
    assert "www.x.cn/a_(b)" in normalize_text(text)


def test_marks_inside_a_url_are_not_converted() -> None:
    text = "请访问https://x.cn/a?b=1,c;d查看，谢谢!"
    out = normalize_text(text)
    assert "https://x.cn/a?b=1,c;d" in out
    assert out.endswith("谢谢！")


def test_line_breaking_and_sentence_marks_have_one_home() -> None:
    import desktop.cjk
    import desktop.layout
    import desktop.proofread.headings
    import desktop.proofread.stale

    # Both page layouts (the DOCX arithmetic and the in-app renderer) break lines by one class.
    assert vars(desktop.layout)["_NO_LINE_START"] is desktop.cjk.NO_LINE_START
    assert "，" in desktop.cjk.NO_LINE_START and "（" not in desktop.cjk.NO_LINE_START
    assert set(desktop.cjk.SENTENCE_END) <= set(vars(desktop.proofread.stale)["_SENTENCE_END"])
    assert vars(desktop.proofread.headings)["_SENTENCE_MARKS"] == frozenset("。！？；!?;")
