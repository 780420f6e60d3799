"""Safe reuse (issue 12 item 7): a paragraph taken from another letter is checked for its old
place, agency, deputy, proposal number and title, and for a list marker left at its start.

The planted letters and paragraphs are written for these tests; one test reads a real reply of
../shared/corpus by path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.__main__ import main
from desktop.actions.export import compose_letter, read_letter_inputs, read_reuse_context
from desktop.casework import Draft, DraftBlock, case_from_json
from desktop.compose import check_composition, compose
from desktop.profile import AgencyProfile
from desktop.proofread import Finding, apply_fixes, check
from desktop.proofread.places import home_places, place_mentions
from desktop.proofread.reuse import ReuseContext, SourceLetter
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "letters"
AGENCY = "南通市科学技术局"
PROFILE = AgencyProfile(agency_name=AGENCY)
CASE = {
    "number": "35",
    "session": "市十七届人大三次会议",
    "title": "关于加快科技成果转化的建议",
    "proposers": ["王明"],
    "role": "代表",
    "reply_date": "2026-06-01",
}
# A bus-route reply of a Shanghai district, as the library keeps it.
OLD_LETTER = SourceLetter(
    7,
    2019,
    "关于优化杨浦区公交线路的建议",
    "reply",
    ("陈建国",),
    "82",
    "关于优化杨浦区公交线路的建议",
    "上海市杨浦区交通委员会",
)
REUSE = ReuseContext(AGENCY, (), {7: OLD_LETTER})


@pytest.fixture
def templates(tmp_path: Path) -> ReplyTemplates:
    return ReplyTemplates(override=tmp_path / "none")


def _library(text: str, letter_id: int = 7) -> DraftBlock:
    return DraftBlock("library", text, 100 + letter_id, letter_id, 2019, "旧答复")


def _draft(*blocks: DraftBlock) -> Draft:
    draft = Draft()
    draft.sections["status"].extend(blocks)
    return draft


def _findings(
    draft: Draft, templates: ReplyTemplates, reuse: ReuseContext | None = REUSE, **case: object
) -> tuple[list[str], list[Finding]]:
    comp = compose(case_from_json({**CASE, **case}), PROFILE, draft, templates=templates)
    texts = [comp.letter.salutation, *(p.text for p in comp.letter.paragraphs)]
    return texts, check_composition(comp, case_from_json({**CASE, **case}), reuse=reuse)


def _reuse(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.kind.startswith("reuse_") or f.kind == "list_marker"]


def _spans(texts: list[str], findings: list[Finding]) -> list[tuple[str, str, str | None]]:
    return [(f.kind, texts[f.paragraph][f.start : f.end], f.suggestion) for f in findings]


# ---------------------------------------------------------------------------- the clerk's place


def test_the_clerks_places_come_from_the_agency_name_and_the_profile() -> None:
    home = home_places("南通市科学技术局")
    assert home.places == ("南通市",) and home.own_place == "南通市" and home.level == "市"
    assert home.is_home("南通") and home.is_home("南通市") and not home.is_home("无锡市")
    both = home_places("江苏省南通市科学技术局", ["海门区"])
    assert both.places == ("江苏省", "南通市", "海门区") and both.knows_province
    district = home_places("上海市嘉定区人民政府")
    assert district.places == ("上海市", "嘉定区") and district.level == "区"
    assert home_places("科学技术局").places == () and home_places("科学技术局").level == ""


def test_place_mentions_find_administrative_names_not_common_words() -> None:
    text = "上海市杨浦区近年来在社区、园区和示范区推进试点，会同县财政局和海门区、如皋市协作。"
    assert [m.name for m in place_mentions(text)] == ["上海市杨浦区", "海门区", "如皋市"]
    assert [m.name for m in place_mentions("普通省道和县级公路由市区统一养护。")] == []


# ---------------------------------------------------------------------------- each kind


def test_each_kind_is_found_with_its_source_and_fix(templates: ReplyTemplates) -> None:
    draft = _draft(
        _library("感谢陈建国代表提出的第82号建议《关于优化杨浦区公交线路的建议》。"),
        _library("上海市杨浦区交通委员会在五角场试点，我区已开通社区巴士，无锡市也在推进。"),
        _library("• 加强公交线路与地铁站点的衔接。"),
    )
    texts, findings = _findings(draft, templates)
    found = _spans(texts, _reuse(findings))
    assert found == [
        ("reuse_name", "陈建国", "王明"),
        ("reuse_proposal", "82", "35"),
        ("reuse_proposal", "关于优化杨浦区公交线路的建议", "关于加快科技成果转化的建议"),
        ("reuse_place", "上海市杨浦区", None),  # two places in one: no simple swap
        ("reuse_place", "我区", "我市"),
        ("reuse_place", "无锡市", "南通市"),
        ("list_marker", "• ", ""),
    ]
    for f in _reuse(findings):
        assert "此段来自2019年的答复《关于优化杨浦区公交线路的建议》（编号 7）" in f.message
    # the name is reported once, by the rule that knows the source and the fix
    assert not [f for f in findings if f.kind == "salutation_mismatch"]

    fixed, applied = apply_fixes(texts, _reuse(findings))
    assert len(applied) == 6  # all but 上海市杨浦区
    start = texts.index(draft.sections["status"][1].text)
    assert fixed[start : start + 3] == [
        "感谢王明代表提出的第35号建议《关于加快科技成果转化的建议》。",
        "上海市杨浦区交通委员会在五角场试点，我市已开通社区巴士，南通市也在推进。",
        "加强公交线路与地铁站点的衔接。",
    ]


def test_a_number_or_title_of_another_proposal_than_the_old_letters(
    templates: ReplyTemplates,
) -> None:
    draft = _draft(_library("您在会上提出的12号提案“关于增设夜间公交班次的建议”已转我委研究。"))
    texts, findings = _findings(draft, templates)
    assert _spans(texts, _reuse(findings)) == [
        ("reuse_proposal", "12", "35"),
        ("reuse_proposal", "关于增设夜间公交班次的建议", "关于加快科技成果转化的建议"),
        ("reuse_place", "我委", None),  # the old letter's agency speaking of itself
    ]
    # the case's own number and title are not findings
    same = _draft(_library("您提出的第35号建议《关于加快科技成果转化的建议》收悉。"))
    assert _reuse(_findings(same, templates)[1]) == []


# ---------------------------------------------------------------------------- what is not flagged


def test_no_finding_on_the_clerks_own_agency_and_places(templates: ReplyTemplates) -> None:
    own = (
        "南通市科学技术局会同市财政局，在江苏省科技厅支持下，推进南通市崇川区和南通的科技"
        "创新，全市高新技术企业稳步增长，我市将继续加大投入。"
    )
    _texts, findings = _findings(_draft(_library(own)), templates)
    assert _reuse(findings) == []
    # a district of the city counts once the profile names it
    district = _draft(_library("海门区科技创新券政策已覆盖全市。"))
    assert _spans(*_findings(district, templates)) and _spans(*_findings(district, templates))[0][
        :2
    ] == ("reuse_place", "海门区")
    with_setting = ReuseContext(AGENCY, ("海门区",), REUSE.letters)
    assert _reuse(_findings(district, templates, with_setting)[1]) == []


def test_a_province_is_reported_only_when_the_clerks_province_is_known(
    templates: ReplyTemplates,
) -> None:
    draft = _draft(_library("浙江省科技厅出台了扶持政策。"))
    assert _reuse(_findings(draft, templates)[1]) == []
    knows = ReuseContext(AGENCY, ("江苏省",), REUSE.letters)
    texts, findings = _findings(draft, templates, knows)
    assert _spans(texts, _reuse(findings)) == [("reuse_place", "浙江省", None)]


def test_a_paragraph_written_fresh_has_no_reuse_finding(templates: ReplyTemplates) -> None:
    text = "上海市杨浦区的陈建国代表在第82号建议中提到的经验值得借鉴，我区将学习。"
    draft = _draft(DraftBlock("free", text=text), DraftBlock("free", text="• 加强衔接。"))
    assert _reuse(_findings(draft, templates)[1]) == []
    # the same words reused from the old letter are flagged
    assert _reuse(_findings(_draft(_library(text)), templates)[1])


def test_no_name_finding_when_the_old_deputy_is_this_cases_proposer(
    templates: ReplyTemplates,
) -> None:
    draft = _draft(_library("感谢陈建国代表对公交工作的关心。"))
    _, findings = _findings(draft, templates, proposers=["陈建国"])
    assert [f for f in findings if f.kind in ("reuse_name", "salutation_mismatch")] == []
    _, findings = _findings(draft, templates)
    assert [f.kind for f in _reuse(findings)] == ["reuse_name"]


def test_a_letter_of_the_clerks_own_city_keeps_its_places(templates: ReplyTemplates) -> None:
    local = SourceLetter(8, 2023, "关于如皋市公交线路的建议", agency="南通市交通运输局")
    context = ReuseContext(AGENCY, (), {8: local})
    draft = _draft(_library("如皋市、海门区已开通城乡公交，全区覆盖率稳步提高。", letter_id=8))
    assert _reuse(_findings(draft, templates, context)[1]) == []


# ---------------------------------------------------------------------------- list markers


@pytest.mark.parametrize(
    ("marker", "text"),
    [("--", "--加强衔接。"), ("•", "• 加强衔接。"), ("·", "·加强衔接。"), ("1)", "1) 加强衔接。"),
     ("（1）", "（1）加强衔接。"), ("①", "①加强衔接。"), ("1.", "1.加强衔接。")],
)  # fmt: skip
def test_a_lone_list_marker_is_stripped(marker: str, text: str) -> None:
    findings = [f for f in check(["王明代表：", text, "谢谢。"]) if f.kind == "list_marker"]
    assert [text[f.start : f.end].strip() for f in findings] == [marker]
    fixed, _ = apply_fixes(["王明代表：", text, "谢谢。"], findings)
    assert fixed[1] == "加强衔接。"


def test_list_items_with_siblings_and_later_numbers_are_left_alone() -> None:
    listed = ["王明代表：", "• 一是衔接。", "• 二是换乘。", "1) 线路", "2) 站点"]
    assert [f for f in check(listed) if f.kind == "list_marker"] == []
    headed = ["（1）加强衔接。", "正文。", "（2）优化换乘。"]
    assert [f for f in check(headed) if f.kind == "list_marker"] == []
    # a lone "2." is the heading rule's finding, not a second one
    assert [f.kind for f in check(["2.加强衔接。"])] == ["heading_sequence"]


# ---------------------------------------------------------------------------- a real library


OLD_TEXT = """关于市十五届人大二次会议第82号建议的答复

陈建国代表：

您提出的《关于优化杨浦区公交线路的建议》收悉，现答复如下：

一、工作现状

上海市杨浦区交通委员会近年来在五角场地区试点公交线路优化，我区已开通社区巴士12条。

• 加强公交线路与地铁站点的衔接。

感谢陈建国代表对交通工作的关心和支持。

上海市杨浦区交通委员会
2019年6月20日
"""


def _imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    source = tmp_path / "旧答复.txt"
    source.write_text(OLD_TEXT, encoding="utf-8")
    db = tmp_path / "lib.db"
    assert main(["import", str(source), "--db", str(db)]) == 0
    assert main(["profile", "set", "agency_name", AGENCY, "--db", str(db)]) == 0
    capsys.readouterr()
    return db


def _paragraph_id(store: LibraryStore, start: str) -> int:
    letter = store.letters.all()[0]
    return next(
        p.paragraph_id for p in store.letters.paragraphs(letter.id) if p.text.startswith(start)
    )


def test_findings_on_a_real_library_name_the_stored_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], templates: ReplyTemplates
) -> None:
    db = _imported(tmp_path, capsys)
    with LibraryStore(db) as store:
        letter = store.letters.all()[0]
        blocks = [
            DraftBlock("library", p.text, p.paragraph_id, letter.id, letter.year, letter.title)
            for p in store.letters.paragraphs(letter.id)
            if p.text.startswith(("上海市", "•", "感谢"))
        ]
        draft = _draft(*blocks)
        inputs = read_letter_inputs(store=store)
        reuse = read_reuse_context(draft, inputs.profile, store=store)
        assert reuse.letters[letter.id].proposers == ("陈建国",)
        assert reuse.letters[letter.id].proposal_number == "82"
        prepared = compose_letter(
            case_from_json(CASE), draft, inputs, templates=templates, reuse=reuse
        )
    texts = [prepared.letter.salutation, *(p.text for p in prepared.letter.paragraphs)]
    found = _spans(texts, _reuse(prepared.findings))
    assert ("reuse_place", "上海市杨浦区", None) in found
    assert ("reuse_place", "我区", "我市") in found
    assert ("list_marker", "• ", "") in found
    assert ("reuse_name", "陈建国", "王明") in found
    source = f"《关于优化杨浦区公交线路的建议》（编号 {letter.id}）"
    assert all(source in f.message for f in _reuse(prepared.findings))


def test_cli_draft_reports_reuse_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _imported(tmp_path, capsys)
    with LibraryStore(db) as store:
        ids = [_paragraph_id(store, "上海市"), _paragraph_id(store, "•")]
    case = tmp_path / "case.json"
    case.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "答复.docx"
    args = [
        "draft",
        "--case",
        str(case),
        "--use",
        *map(str, ids),
        "--out",
        str(out),
        "--db",
        str(db),
    ]
    assert main([*args, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    kinds = {(f["kind"], f["kind_zh"], f["suggestion"]) for f in result["findings"]}
    assert ("reuse_place", "沿用的地名或单位", "我市") in kinds
    assert ("list_marker", "多余的列表符号", "") in kinds

    case.write_text(json.dumps({**CASE, "number": "36"}, ensure_ascii=False), encoding="utf-8")
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "[沿用的地名或单位] “上海市杨浦区”不是本单位所在地（南通市）" in err
    assert "[多余的列表符号] 段首的“•”是列表符号" in err and "（建议删去）" in err


def test_cli_check_reports_a_lone_list_marker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reply = tmp_path / "答复.txt"
    reply.write_text("王明代表：\n\n-- 我局将继续推进科技成果转化。\n\n谢谢。\n", encoding="utf-8")
    assert main(["check", str(reply), "--date", "2026-06-01"]) == 1
    out = capsys.readouterr().out
    assert "第 2 段 第 1 字 [多余的列表符号] 段首的“--”是列表符号" in out
    assert main(["check", str(reply), "--fix", "--date", "2026-06-01"]) == 0
    assert "我局将继续推进科技成果转化。" in reply.read_text(encoding="utf-8").splitlines()


def test_home_places_profile_setting_reaches_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _imported(tmp_path, capsys)
    assert main(["profile", "set", "home_places", "江苏省、海门区", "--db", str(db)]) == 0
    with LibraryStore(db) as store:
        profile = read_letter_inputs(store=store).profile
        assert profile.home_places == ["江苏省", "海门区"]
        context = read_reuse_context(Draft(), profile, store=store)
    assert context.home.is_home("海门区") and context.home.knows_province


def test_a_real_corpus_reply_reused_into_a_nantong_reply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], templates: ReplyTemplates
) -> None:
    """d051: a 澧县 (Hunan) reply to 许佳 on a bridge in 如东镇."""
    db = tmp_path / "corpus.db"
    assert main(["import", str(CORPUS / "d051.txt"), "--db", str(db)]) == 0
    capsys.readouterr()
    with LibraryStore(db) as store:
        letter = store.letters.all()[0]
        assert letter.agency == "澧县交通运输局" and letter.addressee == ["许佳"]
        paragraphs = [p for p in store.letters.paragraphs(letter.id) if "如东镇" in p.text]
        blocks = [
            DraftBlock("library", p.text, p.paragraph_id, letter.id, letter.year, letter.title)
            for p in paragraphs
        ]
        draft = _draft(*blocks)
        reuse = read_reuse_context(draft, PROFILE, store=store)
    _, findings = _findings(draft, templates, reuse)
    places = [f for f in findings if f.kind == "reuse_place"]
    assert places and all(f"（编号 {letter.id}）" in f.message for f in places)
    assert any("如东镇" in f.message for f in places)


def test_we_words_of_another_kind_of_agency_are_reported(templates: ReplyTemplates) -> None:
    draft = _draft(_library("我委将会同本委相关处室，继续优化公交线路。"))
    texts, findings = _findings(draft, templates)
    found = _reuse(findings)
    assert _spans(texts, found) == [("reuse_place", "我委", None), ("reuse_place", "本委", None)]
    assert found[0].message.startswith("此段原是上海市杨浦区交通委员会的答复，“我委”指")
    assert "（编号 7）" in found[0].message
    # a science bureau elsewhere is the same kind of agency: its 我局 reads right here
    same_kind = SourceLetter(9, 2022, "关于科技创新券的建议", agency="无锡市科技局")
    context = ReuseContext(AGENCY, (), {9: same_kind})
    draft = _draft(_library("我局将继续扩大科技创新券的覆盖面。", letter_id=9))
    assert _reuse(_findings(draft, templates, context)[1]) == []


def test_a_level_word_in_traditional_characters_is_flagged(templates: ReplyTemplates) -> None:
    """A paragraph reused from a 繁體 letter names its level as 我縣 / 本區: the city's clerk is
    told as for 我县, with the simplified fix; 全市 above it is not a finding."""
    draft = _draft(_library("我縣已建成鄉村公路三百公里，本區也在推進，全市統一部署。"))
    texts, findings = _findings(draft, templates)
    places = [s for s in _spans(texts, _reuse(findings)) if s[0] == "reuse_place"]
    assert places == [("reuse_place", "我縣", "我市"), ("reuse_place", "本區", "本市")]
    assert "原答复单位所在的县" in _reuse(findings)[0].message
