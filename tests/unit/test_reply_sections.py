"""The sections of a reply's paragraphs (desktop/understand/sections.py): what comes next
(下一步打算) is the plan, also when a short reply says it in the last sentences of a paragraph
of status. Letters in our own words."""

from __future__ import annotations

import pytest

from desktop.model import Block
from desktop.understand import parse_letter

HEAD = [
    "关于县十届人大三次会议第12号建议的答复",
    "李明代表：",
    "您提出的《关于改造城东排水管网的建议》收悉，现答复如下：",
]
TAIL = ["感谢您对城市建设工作的关心和支持。", "某县住房和城乡建设局", "2024年6月3日"]


def _body(*paragraphs: str) -> list[Block]:
    letter = parse_letter([*HEAD, *paragraphs, *TAIL])
    return [b for b in letter.blocks if b.section in ("status", "plan")]


@pytest.mark.parametrize(
    "plan",
    [
        "下一步，我局将把城东片区管网改造列入明年计划，分两期实施。",
        "在下步工作中，我们将积极争取上级资金，尽快启动改造。",
        "在今后的工作中，我局将加强巡查，发现堵塞及时疏通。",
        "接下来，住建局会同街道继续排查易涝点位。",
        "下一步工作中，我局计划结合老旧小区改造一并实施。",
    ],
)
def test_a_plan_sentence_ending_a_paragraph_of_status_is_the_plan(plan: str) -> None:
    status = "今年我局已完成城东片区排水管网普查，疏通管道12公里，更换井盖300余座。"
    blocks = _body(status + plan, "目前改造方案正在编制。")
    assert [(b.text, b.section) for b in blocks] == [
        (status, "status"),
        (plan, "plan"),
        ("目前改造方案正在编制。", "plan"),  # what follows the plan is the plan too
    ]


def test_the_cut_keeps_the_text_as_printed() -> None:
    """Half-width punctuation as a web page prints it: the original of each part is what
    the file holds, and the normalized text is cut at the same place."""
    blocks = _body("今年已疏通管道12公里,更换井盖300余座.下一步,我局将分两期实施改造.")
    assert [b.original for b in blocks] == [
        "今年已疏通管道12公里,更换井盖300余座.",
        "下一步,我局将分两期实施改造.",
    ]
    assert [b.section for b in blocks] == ["status", "plan"]


@pytest.mark.parametrize(
    "paragraph",
    [
        # 下一步 not at a sentence's start, or not saying what the agency will do
        "管网普查已经完成，为下一步改造打下了基础，今年共疏通管道12公里。",
        "今年已疏通管道12公里，下一步将分两期实施改造，更换井盖300余座。",
        "今年已疏通管道12公里。下一步的重点是城东片区。",
        # too short to stand as a paragraph of its own
        "已完成。下一步，将改造。",
    ],
)
def test_a_paragraph_without_a_plan_sentence_at_its_end_stays_whole(paragraph: str) -> None:
    blocks = _body(paragraph)
    assert [(b.text, b.section) for b in blocks] == [(paragraph, "status")]


def test_a_paragraph_that_begins_with_the_plan_is_not_cut() -> None:
    blocks = _body("今年已疏通管道12公里。", "下一步，我局将分两期实施改造。今年底前完成设计。")
    assert [(b.text, b.section) for b in blocks] == [
        ("今年已疏通管道12公里。", "status"),
        ("下一步，我局将分两期实施改造。今年底前完成设计。", "plan"),
    ]
