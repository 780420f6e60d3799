from __future__ import annotations

import pytest

from desktop.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2017年6月29日", "2017-06-29"),
        ("2017 年 6 月 29 日", "2017-06-29"),
        ("2017年6月29号", "2017-06-29"),
        ("２０２０年５月２９日", "2020-05-29"),
        ("2020-05-29", "2020-05-29"),
        ("2020-5-29", "2020-05-29"),
        ("2020.5.29", "2020-05-29"),
        ("2020/05/29", "2020-05-29"),
        ("二〇二〇年五月二十九日", "2020-05-29"),
        ("二〇二〇年十二月三十一日", "2020-12-31"),
        ("二〇二〇年十月十日", "2020-10-10"),
        ("二OO五年八月三日", "2005-08-03"),
        ("二oo五年八月三日", "2005-08-03"),
        ("二零零五年八月三日", "2005-08-03"),
        ("二○○五年八月三日", "2005-08-03"),
        ("一九九九年一月一日", "1999-01-01"),
        ("南通市科学技术局 2017年6月29日", "2017-06-29"),
        ("发布时间:2020-06-28 15:52", "2020-06-28"),
        ("于二〇二〇年五月十日发布", "2020-05-10"),
    ],
)
def test_parse_date_forms(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "",
        "没有日期",
        "2月30日",
        "2020年2月30日",
        "2021-02-29",
        "2020年13月1日",
        "二〇二〇年二月三十日",
        "1800年1月1日",
        "OOOO年一月一日",
        "64.5.3",
        "12020-05-29",
        "2020.5.29.1",
        "15:52",
    ],
)
def test_invalid_or_missing_dates_are_none(text: str) -> None:
    assert parse_date(text) is None


def test_leap_day_is_valid() -> None:
    assert parse_date("2020年2月29日") == "2020-02-29"
    assert parse_date("二〇二〇年二月二十九日") == "2020-02-29"


def test_find_dates_reports_spans_in_order() -> None:
    text = "2015年，市政府印发通知；2017年6月29日答复，二〇二〇年五月二十九日再复，另见2020/05/29。"
    found = find_dates(text)
    assert [iso for _, _, iso in found] == ["2017-06-29", "2020-05-29", "2020-05-29"]
    assert [text[s:e] for s, e, _ in found] == [
        "2017年6月29日",
        "二〇二〇年五月二十九日",
        "2020/05/29",
    ]


def test_find_dates_skips_invalid_and_keeps_valid() -> None:
    text = "2020年2月30日与2020年3月1日"
    start = text.index("2020年3月")
    assert find_dates(text) == [(start, len(text), "2020-03-01")]


def test_find_dates_on_empty_and_long_text() -> None:
    assert find_dates("") == []
    long_text = "二〇二〇年十" * 200_000 + "2020年5月" * 100_000
    assert find_dates(long_text) == []
