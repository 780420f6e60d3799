from __future__ import annotations

import hashlib
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.normalize import normalize_text, paragraph_hash, paragraph_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # half-width punctuation inside Chinese text
        ("各部门,各单位", "各部门，各单位"),
        ("来源:中国网", "来源：中国网"),
        ("一是加强领导;二是完善制度", "一是加强领导；二是完善制度"),
        ("衷心感谢您的厚爱和支持!你们提出的", "衷心感谢您的厚爱和支持！你们提出的"),
        ("是否可行?请研究", "是否可行？请研究"),
        ("尊敬的石剑波代表: 衷心的感谢", "尊敬的石剑波代表：衷心的感谢"),
        ("达到64.5%,综合创新水平", "达到64.5%，综合创新水平"),
        ("发展5G,大数据", "发展5G，大数据"),
        ("网址:http://a.com/x?id=1,2,请访问", "网址：http://a.com/x?id=1,2，请访问"),
        # parentheses
        ("各县(市)区", "各县（市）区"),
        ("(30强)", "（30强）"),
        ("《指导意见》(国办发〔2015〕9号),印发", "《指导意见》（国办发〔2015〕9号），印发"),
        ("附件(A)中", "附件（A）中"),
        ("(见(国办发)文件)", "（见（国办发）文件）"),
        # document numbers
        ("通政发[2015]37号", "通政发〔2015〕37号"),
        ("国办发【2015】9号", "国办发〔2015〕9号"),
        ("通委发(2010)3号", "通委发〔2010〕3号"),
        ("《意见》(通委发[2010]3号)", "《意见》（通委发〔2010〕3号）"),
        # quotes
        ('解决科技创新的"短板"', "解决科技创新的“短板”"),
        ('构建了"一系统、多平台"的体系', "构建了“一系统、多平台”的体系"),
        ('围绕"3+3+N"产业体系', "围绕“3+3+N”产业体系"),
        # white space between Chinese characters, and at the ends
        ("围绕 “3+3+N”产业体系", "围绕“3+3+N”产业体系"),
        ("科技  创新\u3000体系", "科技创新体系"),
        ("\u3000\u3000为大力实施创新驱动\u00a0 ", "为大力实施创新驱动"),
        ("发展 5G 通讯", "发展 5G 通讯"),
        # a half-width full stop ending a Chinese sentence
        ("参与学生达12万人.", "参与学生达12万人。"),
        ("贷款额64.5亿元. 下一步", "贷款额64.5亿元。下一步"),
        # zero-width and control characters
        ("科技\u200b创新\x00", "科技创新"),
    ],
)
def test_normalizes_chinese_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "64.5",
        "3.14159",
        "6:30",
        "15:52",
        "1:2",
        "2,500",
        "Hello, world",
        "Hello, world! How are you? Fine; thanks: bye",
        "5G",
        "R&D",
        "f(x) = (a + b)",
        "Use (A) here",
        '"quoted words"',
        "http://m.bsmz.net/gongwen/679314.html",
        "https://example.com/a?b=1,2&c=(3)",
        "clerk@example.gov.cn",
        "[2015] is a year in brackets",
        "...",
    ],
)
def test_leaves_numbers_latin_urls_and_emails_alone(text: str) -> None:
    assert normalize_text(text) == text


def test_numbers_inside_chinese_text_keep_their_own_marks() -> None:
    text = normalize_text("早上6:30出发,比例为1:2,增长64.5%,共2,500家")
    assert text == "早上6:30出发，比例为1:2，增长64.5%，共2,500家"


def test_latin_phrase_next_to_chinese_keeps_its_inner_comma() -> None:
    assert normalize_text("他说Hello, world然后离开") == "他说Hello, world然后离开"


def test_empty_and_blank() -> None:
    assert normalize_text("") == ""
    assert normalize_text(" \u3000\u00a0\t ") == ""


_MARKS = list(',:;!?()"，：；！？（）“”[]【】〔〕.。 \u3000\u00a0\t\n\u200b')
_PIECES = [*_MARKS, *"中文号发市aZ09%/@", "http://", "www.", "2015", "〕", "代表"]


@settings(max_examples=3000, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_idempotent_on_punctuation_soup(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=2000, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.text(max_size=60))
def test_idempotent_on_any_text(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_linear_on_pathological_input() -> None:
    cases = [
        "(" * 200_000 + "中" + ")" * 200_000,
        '"' * 400_000,
        "," * 400_000 + "中",
        "中" + " " * 400_000 + "中",
        "各县(市)区,  " * 50_000,
    ]
    start = time.perf_counter()
    for text in cases:
        normalize_text(text)
    assert time.perf_counter() - start < 15


def test_paragraph_key_ignores_white_space_and_punctuation_width() -> None:
    a = "各县(市)区 ,各部门 "
    b = "各县（市）区，各部门"
    assert paragraph_key(a) == paragraph_key(b) == "各县（市）区，各部门"
    assert paragraph_key("Hello,  world") == "Hello,world"


def test_paragraph_hash_is_sha1_of_the_key() -> None:
    text = "衷心感谢您提出的建议, 欢迎继续对我市科技工作提出宝贵意见。"
    expected = hashlib.sha1(paragraph_key(text).encode("utf-8")).hexdigest()
    assert paragraph_hash(text) == expected
    assert len(expected) == 40
    assert paragraph_hash("衷心感谢您提出的建议，欢迎继续对我市科技工作提出宝贵意见。") == expected
    assert paragraph_hash("另一段文字。") != expected


def test_normalized_key_agrees_with_paragraph_key_on_normalized_text() -> None:
    from desktop.normalize import normalized_hash, normalized_key, paragraph_hash

    for raw in ["各县(市)区 全覆盖,", "  Hello, world  ", "通政发[2015]37号 文件"]:
        text = normalize_text(raw)
        assert normalized_key(text) == paragraph_key(raw)
        assert normalized_hash(text) == paragraph_hash(raw)


def test_converted_marks_make_their_neighbours_chinese_in_one_pass() -> None:
    # Found by hypothesis: the quotes only looked Chinese after "）" was converted.
    once = normalize_text('(，")"')
    assert once == "（，“）”"
    assert normalize_text(once) == once
