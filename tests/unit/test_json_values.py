"""The one small validator for JSON from outside (packs today): plain-Chinese problems."""

from __future__ import annotations

import pytest

from desktop.json_values import (
    JsonProblem,
    checked_text,
    flag,
    int_between,
    iso_date,
    json_object,
    one_of,
    optional_text,
    text_list,
)


def test_good_values_come_back() -> None:
    assert optional_text(None, "“title”", 10) is None
    assert optional_text("关于", "“title”", 10) == "关于"
    assert text_list(None, "“addressee”", items=2, limit=5) == []
    assert text_list(["张三", "李四"], "“addressee”", items=2, limit=5) == ["张三", "李四"]
    assert int_between(None, "“year”", 1000, 9999) is None
    assert int_between(2024, "“year”", 1000, 9999) == 2024
    assert flag(False, "“x”") is False
    assert one_of("reply", "“kind”", ("reply", "reference")) == "reply"
    assert json_object({}, "“c”") == {}
    assert iso_date("2024-02-29", "“reply_date”") == "2024-02-29"


@pytest.mark.parametrize(
    ("check", "message"),
    [
        (lambda: checked_text("长" * 11, "“title”", 10), "“title”超过 10 个字"),
        (lambda: checked_text("\ud800", "“title”", 10), "“title”含有无效的字符（孤立的代理项）"),
        (lambda: optional_text(3, "“title”", 10), "“title”应为文字"),
        (lambda: text_list("张三", "“addressee”", items=2, limit=5), "“addressee”应为文字列表"),
        (
            lambda: text_list(["a", "b", "c"], "“addressee”", items=2, limit=5),
            "“addressee”超过 2 项",
        ),
        (lambda: int_between(True, "“year”", 1000, 9999), "“year”应为 1000 到 9999 之间的整数"),
        (lambda: int_between(99999, "“year”", 1000, 9999), "“year”应为 1000 到 9999 之间的整数"),
        (lambda: flag(1, "第 2 段的“is_heading”"), "第 2 段的“is_heading”应为 true 或 false"),
        (lambda: one_of("x", "“kind”", ("reply", "reference")), "“kind”应为 reply 或 reference"),
        (lambda: json_object([], "“corrections”"), "“corrections”应为一个 JSON 对象"),
        (lambda: iso_date("2023-02-29", "“reply_date”"), "“reply_date”应为 YYYY-MM-DD 日期"),
        (lambda: iso_date("2023-2-1", "“reply_date”"), "“reply_date”应为 YYYY-MM-DD 日期"),
    ],
)
def test_problems_are_plain_chinese(check: object, message: str) -> None:
    with pytest.raises(JsonProblem) as problem:
        check()  # type: ignore[operator]
    assert str(problem.value) == message
