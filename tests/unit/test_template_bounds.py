"""Clerk templates cannot change the case, print what is not text, or run away (item 14)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop.casework import Draft, case_from_json
from desktop.compose import compose
from desktop.profile import AgencyProfile
from desktop.reply_templates import MAX_OUTPUT, ReplyTemplates

BASE = {
    "number": "277",
    "session": "市十六届人大四次会议",
    "title": "关于加强科普的建议",
    "proposers": ["王明", "李华"],
    "reply_date": "2026-06-01",
    "category": "B",
}
PROFILE = AgencyProfile(agency_name="南通市科学技术局")
SHIPPED_CLOSING = "衷心感谢您们对我市科技工作的关心和支持，欢迎继续提出宝贵意见和建议。"


def _closing(tmp_path: Path, template: str) -> tuple[list[str], float, str]:
    user = tmp_path / "user"
    user.mkdir(exist_ok=True)
    (user / "closing.j2").write_text(template, encoding="utf-8")
    case = case_from_json(BASE)
    started = time.monotonic()
    comp = compose(case, PROFILE, Draft(), templates=ReplyTemplates(override=user))
    elapsed = time.monotonic() - started
    problems = [str(p) for p in comp.problems]
    assert case.proposers == ["王明", "李华"]  # whatever the template tried
    return problems, elapsed, comp.letter.paragraphs[-1].text


@pytest.mark.parametrize(
    ("template", "words"),
    [
        # Time and size: each refused at once, not after running.
        ("{{ ('a'*100000000)|length }}", "过长"),
        ("{{ 'x'*200000000 }}", "过长"),
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "range",
        ),
        (
            "{% set r = range(10000)|list %}{% for i in r %}{% for j in r %}{% for k in r %}"
            "{% endfor %}{% endfor %}{% endfor %}",
            "秒",
        ),
        (
            "{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}",
            str(MAX_OUTPUT),
        ),
        ("{{ lipsum(1000000) }}", "lipsum"),
        (
            "{% set ns = namespace(x='ab') %}{% for i in range(60) %}{% set ns.x = ns.x ~ ns.x %}"
            "{% endfor %}{{ ns.x|length }}",
            "过长",
        ),
        (
            "{% set ns = namespace(x='ab') %}{% for i in range(60) %}{% set ns.x = ns.x + ns.x %}"
            "{% endfor %}{{ ns.x|length }}",
            "过长",
        ),
        ("{{ ['x'*1000]*1000*1000 }}", "过长"),
        ("{{ (['x'*100000]*1000)|join }}", "过长"),
        ("{{ ('a'*1000)|replace('a', 'a'*10000) }}", "过长"),
        ("{{ 'a'|center(1000000000) }}", "过大"),
        ("{{ 'a'.ljust(1000000000) }}", "过大"),
        ("{{ '%0100000000d' % 1 }}", "宽度"),
        ("{{ '{:>100000000}'.format(1) }}", "宽度"),
        ("{{ 9**999999 }}", "过大"),
        # Never a function's repr, never "Undefined" printed inside a list.
        ("{{ range }}", "函数"),
        ("{{ proposers.append }}", "不允许"),
        ("{{ [range, 1] }}", "函数"),
        ("{{ proposers|map(attribute='__class__')|list }}", "模板"),
        ("{{ proposers|map(attribute='nosuch')|list }}", "nosuch"),
        # The case's lists cannot be changed.
        ("{{ proposers.append('盛培秀') }}{{ proposers|join('、') }}", "不允许"),
        ("{% set _ = proposers.pop() %}{{ proposers }}", "不允许"),
        ("{% set _ = co_organizers.extend(['x']) %}", "不允许"),
    ],
)
def test_a_runaway_or_unsafe_template_is_refused_fast_and_the_shipped_one_used(
    tmp_path: Path, template: str, words: str
) -> None:
    problems, elapsed, closing = _closing(tmp_path, template)
    assert len(problems) == 1, problems
    assert problems[0].startswith("模板 closing.j2") and "已改用系统自带的模板" in problems[0]
    assert words in problems[0], problems[0]
    assert closing == SHIPPED_CLOSING
    assert elapsed < 5, elapsed  # the render stops at 2 s; most payloads are refused at once


def test_ordinary_templates_still_work(tmp_path: Path) -> None:
    problems, _, closing = _closing(
        tmp_path,
        "{% for p in proposers %}{{ p }}{{ '、' if not loop.last else '' }}{% endfor %}"
        "{{ you }}好，{{ '%d' % 3 }}{{ ('谢' * 2) ~ '！' }}{{ range(3)|list|length }}"
        "{{ title|replace('科普', '科学普及')|truncate(40) }}{{ '{}'.format(number) }}",
    )
    assert problems == []
    assert closing == "王明、李华您们好，3谢谢！3关于加强科学普及的建议277"


def test_an_inline_if_without_else_is_explained(tmp_path: Path) -> None:
    problems, _, _ = _closing(tmp_path, "{{ '谢谢' if joint and not joint }}")
    assert len(problems) == 1 and "else" in problems[0] and "closing.j2”" not in problems[0]
