from __future__ import annotations

import pytest

from desktop.casework import (
    CaseError,
    CaseExists,
    Draft,
    DraftBlock,
    add_months,
    case_from_json,
)
from desktop.profile import ProfileError, parse_profile_value
from desktop.store import LibraryStore

CASE = {
    "number": "第277号",
    "session": "市十六届人大四次会议",
    "title": "关于在南通市组织社会大众聚力创新的建议",
    "proposers": ["石剑波"],
    "role": "代表",
    "category": "A",
    "assigned_date": "2020年3月1日",
    "content": "建议……",
    "reply_date": "2020-05-29",
    "contact_name": "张三",
    "contact_phone": "0513-85000000",
    "cc": "市人大常委会代表工委，市政府办公室",
}


@pytest.fixture
def store(engine_store: LibraryStore) -> LibraryStore:
    """Every test here runs on both engines (tests/conftest.py: engine_store)."""
    return engine_store


def test_case_from_json_normalizes_and_derives_due_date() -> None:
    case = case_from_json(CASE)
    assert case.number == "277"
    assert case.assigned_date == "2020-03-01"
    assert case.due_date == "2020-06-01"  # assigned + 3 months
    assert case.cc == ["市人大常委会代表工委", "市政府办公室"]
    assert case.kind_word == "建议" and case.addressee == "石剑波"
    assert case_from_json({**CASE, "due_date": None}, due_months=6).due_date == "2020-09-01"


def test_addressee_forms() -> None:
    joint = case_from_json({**CASE, "proposers": ["张三", "李四", "王五"]})
    assert joint.addressee == "张三等3位"
    assert case_from_json({**CASE, "proposers": ["张三"], "proposer_count": 10}).addressee == (
        "张三等10位"
    )
    assert case_from_json({**CASE, "proposers": ["张三", "李四"]}).addressee == "张三、李四"
    member = case_from_json({**CASE, "role": "委员"})
    assert member.kind_word == "提案"


@pytest.mark.parametrize(
    ("patch", "field", "words"),
    [
        ({"number": None}, "number", "编号"),
        ({"title": ""}, "title", "标题"),
        ({"proposers": []}, "proposers", "提出人"),
        ({"proposers": [1, 2]}, "proposers", "名称列表"),
        ({"role": "市长"}, "role", "代表"),
        ({"reply_date": "明天"}, "reply_date", "不是有效日期"),
        ({"organizer": "co"}, "main_organizer", "主办单位"),
        ({"disclosure": "公开"}, "disclosure", "主动公开"),
        ({"proposer_count": 0}, "proposer_count", "正整数"),
    ],
)
def test_bad_case_fields_name_the_field(patch: dict, field: str, words: str) -> None:
    with pytest.raises(CaseError) as info:
        case_from_json({**CASE, **patch})
    assert info.value.field == field
    assert words in info.value.message


def test_case_must_be_an_object() -> None:
    with pytest.raises(CaseError, match="JSON 对象"):
        case_from_json(["not", "a", "case"])


def test_add_months_clamps_to_month_end() -> None:
    assert add_months("2020-11-30", 3) == "2021-02-28"
    assert add_months("2024-11-30", 3) == "2025-02-28"
    assert add_months("2023-11-30", 3) == "2024-02-29"


def test_cases_and_draft_versions_round_trip(store: LibraryStore) -> None:
    case = case_from_json(CASE)
    case_id = store.cases.save(case)
    again = case_from_json({**CASE, "category": "B", "proposers": ["别人"]})
    with pytest.raises(CaseExists) as exists:  # same session and number: never overwritten
        store.cases.save(again)
    assert exists.value.case_id == case_id and "第277号" in exists.value.message
    assert store.cases.get(case_id).proposers == ["石剑波"]  # type: ignore[union-attr]
    again.proposers = ["石剑波"]
    assert store.cases.save(again, update=True) == case_id  # asked for: updated, not doubled
    loaded = store.cases.get(case_id)
    assert loaded is not None and loaded.category == "B" and loaded.proposers == ["石剑波"]
    assert [c.id for c in store.cases.all()] == [case_id]

    first = Draft()
    first.sections["status"].append(DraftBlock("library", "已建成孵化器20家。", 7, 3, 2019, "旧"))
    assert store.drafts.save(case_id, first) == 1
    second = Draft()
    second.sections["status"].append(DraftBlock("free", "新的一段。"))
    assert store.drafts.save(case_id, second) == 2
    latest = store.drafts.load(case_id)
    assert latest is not None and latest.sections["status"][1].text == "新的一段。"
    assert store.drafts.restore(case_id, 1) == 3
    restored = store.drafts.load(case_id)
    assert restored is not None
    block = restored.sections["status"][1]
    assert (block.kind, block.paragraph_id, block.letter_id, block.year) == ("library", 7, 3, 2019)
    assert [v.version for v in store.drafts.versions(case_id)] == [1, 2, 3]
    assert store.drafts.versions(case_id)[2].note == "恢复自第 1 版"
    assert store.drafts.versions(case_id)[2].source == "restore"
    assert store.drafts.versions(case_id)[2].restored_from == 1


def test_profile_values(store: LibraryStore) -> None:
    assert store.profile.load().seal_diameter_mm == 42.0
    store.profile.set_value("agency_name", parse_profile_value("agency_name", "如皋市科学技术局"))
    store.profile.set_value("cc", parse_profile_value("cc", "市人大代表工委、市政协提案委"))
    store.profile.set_value("category_scheme", parse_profile_value("category_scheme", "甲乙丙"))
    profile = store.profile.load()
    assert profile.agency_name == "如皋市科学技术局"
    assert profile.cc == ["市人大代表工委", "市政协提案委"]
    assert list(profile.categories) == ["甲", "乙", "丙"]
    assert parse_profile_value("feedback_form", "是") is True
    for key, value, words in [
        ("seal_diameter_mm", "abc", "数字"),
        ("seal_diameter_mm", "200", "20 到 60"),
        ("category_scheme", "XYZ", "ABC"),
        ("nonsense", "1", "没有名为"),
        ("due_months", "-1", "大于 0"),
    ]:
        with pytest.raises(ProfileError, match=words):
            parse_profile_value(key, value)


def test_autosave_survives_until_cleared(store: LibraryStore, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id = store.cases.save(case_from_json(CASE))
    draft = Draft()
    draft.sections["plan"].append(DraftBlock("free", "还没保存的一段。"))
    store.drafts.autosave(case_id, draft)
    store.drafts.autosave(case_id, draft)  # the same row is overwritten
    location = store.location
    store.close()
    with LibraryStore(location) as again:  # the next start, after a crash
        pending = again.drafts.pending_autosaves()
        assert [(p.case_id, p.draft.sections["plan"][1].text) for p in pending] == [
            (case_id, "还没保存的一段。")
        ]
        again.drafts.clear_autosave(case_id)
        assert again.drafts.pending_autosaves() == []


def test_assignment_list_fields_round_trip_through_the_library(tmp_path) -> None:
    case = case_from_json(
        {
            **CASE,
            "kind": "议案",
            "serial": 12,
            "seconders": "李华，赵强、 周敏",
            "delegation": "崇川区代表团",
        }
    )
    assert case.kind_word == "议案"
    assert (case.serial, case.seconders, case.delegation) == (
        "12",
        ["李华", "赵强", "周敏"],
        "崇川区代表团",
    )
    store = LibraryStore(tmp_path / "lib.db")
    case_id = store.cases.save(case)
    again = store.cases.get(case_id)
    assert again is not None
    assert (again.kind, again.serial, again.seconders, again.delegation) == (
        "议案",
        "12",
        ["李华", "赵强", "周敏"],
        "崇川区代表团",
    )
    # A member's case without a kind keeps reading as 提案, as cases stored before the field.
    assert case_from_json({**CASE, "role": "委员"}).kind_word == "提案"
    with pytest.raises(CaseError) as err:
        case_from_json({**CASE, "kind": "意见"})
    assert err.value.field == "kind" and "议案" in err.value.message
