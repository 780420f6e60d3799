"""Heading numbers have one home (desktop/heading_numbers.py): the parser's heading levels and the
proofreader's heading-sequence rule read the same numbers at the same levels."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.heading_numbers import LEVELS, heading_label, heading_number, numeral
from desktop.proofread import check
from desktop.readers import read_document
from desktop.understand import explain, heading_level

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"
SEEDS = Path("/work/shared/seeds")


def _sequence_findings(paragraphs: list[str]) -> list[tuple[int, str | None, str]]:
    return [
        (f.paragraph, f.suggestion, f.message)
        for f in check(paragraphs, reply_date="2024-05-01")
        if f.kind == "heading_sequence"
    ]


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("n", [1, 2, 9, 10, 11, 21])
def test_a_printed_number_is_read_back_at_its_level(level: int, n: int) -> None:
    line = heading_label(level, n) + "加强组织领导"
    number = heading_number(line)
    assert number is not None
    assert (number.level, number.value, line[number.start : number.end]) == (
        level,
        n,
        numeral(level, n),
    )
    assert heading_level(line) == level


@pytest.mark.parametrize("level", LEVELS)
def test_the_proofreader_suggests_the_number_the_parser_reads(level: int) -> None:
    paragraphs = [heading_label(level, 1) + "现状", heading_label(level, 3) + "打算"]
    assert [heading_level(p) for p in paragraphs] == [level, level]
    [(paragraph, suggestion, message)] = _sequence_findings(paragraphs)
    assert (paragraph, suggestion) == (1, numeral(level, 2))
    assert f"应为“{heading_label(level, 2)}”" in message


def _parsed_headings() -> list[tuple[str, int]]:
    """Every numbered heading the parser finds in the fixture letters and the seeds, with the
    level it read."""
    out = []
    for path in sorted(FIXTURES.glob("*.txt")) + sorted(SEEDS.glob("*")):
        lines, _letter = explain(read_document(path).lines)
        out += [
            (line.text, int(line.rule.rsplit("-", 1)[1]))
            for line in lines
            if line.role == "heading" and line.rule != "heading-level-0"
        ]
    return out


def test_parser_and_proofreader_agree_on_the_levels_of_real_headings() -> None:
    headings = _parsed_headings()
    assert len({level for _text, level in headings}) >= 2
    for text, level in headings:
        number = heading_number(text)
        if number is None:
            continue  # "一 、" is read by the parser only (see the next test)
        assert number.level == level, text
        # the same heading twice: the proofreader flags the repeat at the parser's level
        on_repeat = [m for p, _s, m in _sequence_findings([text, text]) if p == 1]
        assert len(on_repeat) == 1, text
        assert f"与上一个“{heading_label(level, number.value or 0)}”重复" in on_repeat[0]


def test_only_the_parser_reads_a_number_with_a_gap_before_its_mark() -> None:
    # extracted text keeps "1 ." gaps; the clerk's draft is checked as written
    assert heading_level("1 .加强组织领导") == 3
    assert heading_number("1 .加强组织领导") is None
    assert _sequence_findings(["1 .甲", "3 .丙"]) == []
    assert _sequence_findings(["1.甲", "3.丙"]) != []
