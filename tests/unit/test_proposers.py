"""The proposer field read one way everywhere, and the salutation and 您/您们 it gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.casework import CaseError, Draft, case_from_json
from desktop.compose import automatic_salutation, compose
from desktop.profile import AgencyProfile
from desktop.proposers import parse_proposers, proposers_text
from desktop.reply_templates import ReplyTemplates

PROFILE = AgencyProfile(agency_name="南通市科学技术局")


@pytest.mark.parametrize(
    ("field", "names", "count", "more", "role"),
    [
        ("王明代表", ["王明"], None, False, "代表"),
        ("王明 代表", ["王明"], None, False, "代表"),
        ("王明\u3000代表", ["王明"], None, False, "代表"),
        ("王明代表代表", ["王明"], None, False, "代表"),
        ("尊敬的王明代表：", ["王明"], None, False, "代表"),
        ("王明人大代表", ["王明"], None, False, "代表"),
        ("人大代表王明", ["王明"], None, False, "代表"),
        ("李华政协委员", ["李华"], None, False, "委员"),
        ("李华 委员", ["李华"], None, False, "委员"),
        ("王明同志", ["王明"], None, False, None),
        ("王明、李华", ["王明", "李华"], None, False, None),
        ("王明、李华代表", ["王明", "李华"], None, False, "代表"),
        ("王明代表、李华代表", ["王明", "李华"], None, False, "代表"),
        ("王明代表 李华代表", ["王明", "李华"], None, False, "代表"),
        (
            "王明，李华,赵六;钱七；孙八/周九",
            ["王明", "李华", "赵六", "钱七", "孙八", "周九"],
            None,
            False,
            None,
        ),
        ("王明 李华", ["王明", "李华"], None, False, None),
        ("王  芳", ["王芳"], None, False, None),
        ("王\u3000芳、李 华", ["王芳", "李华"], None, False, None),
        ("王 明 李 华", ["王明", "李华"], None, False, None),
        ("张三等10位代表", ["张三"], 10, False, "代表"),
        ("张三等 10 名代表", ["张三"], 10, False, "代表"),
        ("张三等１０位", ["张三"], 10, False, None),
        ("张三等十位委员", ["张三"], 10, False, "委员"),
        ("张三等两位代表", ["张三"], 2, False, "代表"),
        ("张三、李四等5位代表：", ["张三", "李四"], 5, False, "代表"),
        ("张三、李四等2位代表", ["张三", "李四"], None, False, "代表"),  # 2 are listed
        ("张三等", ["张三"], None, True, None),
        ("张三等代表", ["张三"], None, True, "代表"),
        ("阿不都·热合曼代表", ["阿不都·热合曼"], None, False, "代表"),
        ("John Smith", ["John Smith"], None, False, None),
        ("各位代表", [], None, False, "代表"),
        ("代表", [], None, False, "代表"),
        ("", [], None, False, None),
    ],
)
def test_parse_proposers_wordings(
    field: str, names: list[str], count: int | None, more: bool, role: str | None
) -> None:
    parsed = parse_proposers(field)
    assert (parsed.names, parsed.count, parsed.more, parsed.role) == (names, count, more, role)


def test_a_list_is_read_item_by_item_without_duplicates() -> None:
    parsed = parse_proposers(["王明代表", "李华 代表", "王明"])
    assert (parsed.names, parsed.role) == (["王明", "李华"], "代表")
    assert parse_proposers(["张三等8位代表"]).count == 8


def test_proposers_text_round_trips() -> None:
    for field in ("王明", "王明、李华", "张三等10位", "张三等"):
        parsed = parse_proposers(field)
        assert proposers_text(parsed.names, parsed.count, parsed.more) == field


BASE = {"number": "1", "title": "关于加强科普的建议", "reply_date": "2026-06-01"}


@pytest.mark.parametrize(
    ("proposers", "salutation", "you"),
    [
        ("王明代表", "王明代表：", "您"),
        ("王明 代表", "王明代表：", "您"),
        (["王明代表"], "王明代表：", "您"),
        ("尊敬的王明代表：", "王明代表：", "您"),
        ("王明、李华", "王明、李华代表：", "您们"),
        ("王明 李华代表", "王明、李华代表：", "您们"),
        (["王明", "李华"], "王明、李华代表：", "您们"),
        ("张三等10位代表", "张三等10位代表：", "您们"),
        ("张三等", "张三等代表：", "您们"),
        ("王明、李华、赵六", "王明等3位代表：", "您们"),
        ("李华委员", "李华委员：", "您"),  # the role word sets the role when none is given
    ],
)
def test_salutation_and_you_from_any_wording(
    tmp_path: Path, proposers: str | list[str], salutation: str, you: str
) -> None:
    case = case_from_json({**BASE, "proposers": proposers})
    templates = ReplyTemplates(override=tmp_path / "none")
    assert automatic_salutation(case, PROFILE, templates) == salutation
    letter = compose(case, PROFILE, Draft(), templates=templates).letter
    assert letter.salutation == salutation
    greeting = letter.paragraphs[0].text
    assert greeting.startswith(f"{you}提出的")
    assert ("您们" in greeting) == (you == "您们")


def test_explicit_role_and_count_win_over_the_words(tmp_path: Path) -> None:
    case = case_from_json({**BASE, "proposers": "李华委员", "role": "代表"})
    assert case.role == "代表"
    case = case_from_json({**BASE, "proposers": "张三等10位代表", "proposer_count": 12})
    assert case.addressee == "张三等12位"


def test_a_field_of_role_words_only_names_nobody() -> None:
    with pytest.raises(CaseError) as caught:
        case_from_json({**BASE, "proposers": "代表"})
    assert caught.value.field == "proposers"


@pytest.mark.parametrize(
    ("salutation", "names", "count"),
    [
        ("尊敬的王 芳代表：", ["王芳"], 1),
        ("王\u3000芳代表：", ["王芳"], 1),
        ("王明 代表：", ["王明"], 1),
        ("王明代表、李华代表：", ["王明", "李华"], 2),
        ("张三、李四等5位代表：", ["张三", "李四"], 5),
    ],
)
def test_a_pasted_letters_salutation_is_read_the_same_way(
    salutation: str, names: list[str], count: int
) -> None:
    from desktop.understand import parse_letter

    parsed = parse_letter([salutation, "您提出的《关于加强科普的建议》收悉。现答复如下："])
    assert (parsed.addressee, parsed.addressee_count, parsed.addressee_role) == (
        names, count, "代表"
    )  # fmt: skip
