from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.casework import Draft, DraftBlock, case_from_json
from desktop.compose import check_composition, compose, default_draft, plain_text_body, we_word
from desktop.profile import AgencyProfile
from desktop.reply_templates import ReplyTemplates

BASE = {
    "number": "277",
    "session": "市十六届人大四次会议",
    "title": "关于在南通市组织社会大众聚力创新的建议",
    "proposers": ["石剑波"],
    "role": "代表",
    "category": "A",
    "reply_date": "2020-05-29",
    "contact_name": "张三",
    "contact_phone": "0513-85000000",
}
PROFILE = AgencyProfile(agency_name="南通市科学技术局", cc=["市人大常委会代表工委"])


@pytest.fixture
def templates(tmp_path: Path) -> ReplyTemplates:
    return ReplyTemplates(override=tmp_path / "user-templates")


def _texts(case: dict, templates: ReplyTemplates, draft: Draft | None = None) -> list[str]:
    comp = compose(case_from_json(case), PROFILE, draft or Draft(), templates=templates)
    assert not comp.problems
    letter = comp.letter
    return [letter.title, letter.salutation, *(p.text for p in letter.paragraphs)]


def test_golden_deputy_category_a(templates: ReplyTemplates) -> None:
    assert _texts(BASE, templates) == [
        "关于市十六届人大四次会议第277号建议的答复",
        "石剑波代表：",
        "您提出的《关于在南通市组织社会大众聚力创新的建议》收悉。衷心感谢您对我市科技工作的关心和支持！"
        "我局高度重视，进行了认真研究。现答复如下：",
        # "一、办理情况" and "二、下一步工作打算" head empty sections: not printed.
        "衷心感谢您对我市科技工作的关心和支持，欢迎继续提出宝贵意见和建议。",
    ]


def test_golden_joint_member_category_c_with_co_organizers(templates: ReplyTemplates) -> None:
    case = {
        **BASE,
        "role": "委员",
        "session": "市政协十三届三次会议",
        "title": "关于加快建设科技馆的提案",
        "proposers": ["李四", "王五", "赵六"],
        "category": "C",
        "co_organizers": ["市财政局", "市住建局"],
    }
    assert _texts(case, templates) == [
        "关于市政协十三届三次会议第277号提案的答复",
        "李四等3位委员：",
        "您们提出的《关于加快建设科技馆的提案》收悉。衷心感谢您们对我市科技工作的关心和支持！"
        "我局高度重视，会同市财政局、市住建局进行了认真研究。现答复如下：",
        # "一、有关情况" heads an empty section: not printed, and the next heading moves up.
        "一、下一步考虑",
        "您们提出的提案很有针对性。受【请填写原因】等条件限制，目前尚难以全面实施。"
        "我们将积极创造条件，在今后工作中认真研究、逐步推进。",
        "您们提出的提案对我们改进工作很有帮助，我们将认真研究吸收。"
        "衷心感谢您们对我市科技工作的关心和支持！",
    ]


def test_golden_category_b_and_feedback_form(templates: ReplyTemplates) -> None:
    profile = AgencyProfile(agency_name="南通市科学技术局", feedback_form=True)
    draft = default_draft([], {"status": ["我局已将众创空间建设列入年度计划。"]})
    comp = compose(case_from_json({**BASE, "category": "B"}), profile, draft, templates=templates)
    texts = [p.text for p in comp.letter.paragraphs]
    assert texts[1:3] == ["一、工作现状", "我局已将众创空间建设列入年度计划。"]
    assert "二、下一步工作打算" not in texts  # its section is empty
    assert texts[-1] == "请您在收到本答复后填写《代表建议办理情况征询意见表》并寄回。"


def test_golden_co_organizer_opinion(templates: ReplyTemplates) -> None:
    case = {**BASE, "organizer": "co", "main_organizer": "市发展改革委", "category": ""}
    comp = compose(case_from_json(case), PROFILE, Draft(), templates=templates)
    letter = comp.letter
    assert letter.title == "关于市十六届人大四次会议第277号建议的会办意见"
    assert letter.salutation == "市发展改革委："  # addressed to the main organizer
    assert letter.paragraphs[0].text.startswith("石剑波代表提出的《关于在南通市")
    assert "会办意见函告如下" in letter.paragraphs[0].text
    assert letter.paragraphs[-1].text == "以上意见，供参考。"
    assert letter.cc == []  # a co-organizer opinion goes to the main organizer only


def test_blocks_in_order_with_styles_and_metadata(templates: ReplyTemplates) -> None:
    used = [
        ("status", DraftBlock("library", "（一）建设三大体系", 5, 2, 2020)),
        ("status", DraftBlock("library", "至2016年,我市已建有众创空间33家。", 6, 1, 2017)),
    ]
    draft = default_draft(used, {"plan": ["下一步，我们将继续推进众创空间建设。"]})
    comp = compose(case_from_json(BASE), PROFILE, draft, templates=templates)
    letter = comp.letter
    texts = [p.text for p in letter.paragraphs]
    assert texts[1:5] == [
        "一、办理情况",
        "（一）建设三大体系",
        "至2016年，我市已建有众创空间33家。",
        "二、下一步工作打算",
    ]
    assert texts[5] == "下一步，我们将继续推进众创空间建设。"
    assert [p.style for p in letter.paragraphs[:4]] == ["body", "heading1", "heading2", "body"]
    assert comp.sources[3] is not None and comp.sources[3].letter_id == 1
    assert comp.sources[0] is None
    assert letter.category_label == "A类"
    assert letter.date == "2020-05-29"
    assert letter.contact_note == "（联系人：张三，联系电话：0513-85000000）"
    assert letter.cc == ["市人大常委会代表工委"]


def test_reply_date_defaults_to_today(templates: ReplyTemplates) -> None:
    comp = compose(
        case_from_json({**BASE, "reply_date": None}),
        PROFILE,
        Draft(),
        templates=templates,
        today=dt.date(2026, 11, 21),
    )
    assert comp.letter.date == "2026-11-21"


def test_edited_template_overrides_and_errors_fall_back(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "closing.j2").write_text("特此答复，谢谢{{ you }}！", encoding="utf-8")
    (user / "greeting.j2").write_text("第一行\n{{ lead }}收悉{% if %}\n", encoding="utf-8")
    (user / "title.j2").write_text("关于\n{{ numbr }}号建议的答复", encoding="utf-8")
    templates = ReplyTemplates(override=user)
    comp = compose(case_from_json({**BASE, "category": "B"}), PROFILE, Draft(), templates=templates)
    letter = comp.letter
    assert letter.paragraphs[-1].text == "特此答复，谢谢您！"
    assert letter.title == "关于市十六届人大四次会议第277号建议的答复"  # shipped default
    assert letter.paragraphs[0].text.startswith("您提出的《")
    problems = {p.name: p for p in comp.problems}
    assert problems["greeting.j2"].line == 2 and "语法错误" in problems["greeting.j2"].message
    assert problems["title.j2"].line == 2 and "numbr" in problems["title.j2"].message
    assert "已改用系统自带的模板" in str(problems["title.j2"])
    everything = [letter.title, letter.salutation, *(p.text for p in letter.paragraphs)]
    assert not any("{{" in t or "{%" in t for t in everything)


def test_a_template_that_fails_while_rendering_is_reported(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "closing.j2").write_text("谢谢\n{{ 1 / 0 }}", encoding="utf-8")
    comp = compose(case_from_json(BASE), PROFILE, Draft(), templates=ReplyTemplates(override=user))
    assert comp.problems[0].name == "closing.j2" and comp.problems[0].line == 2
    assert comp.letter.paragraphs[-1].text.startswith("衷心感谢")


def test_sandbox_refuses_unsafe_templates(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "closing.j2").write_text("{{ lead.__class__.__mro__ }}", encoding="utf-8")
    comp = compose(case_from_json(BASE), PROFILE, Draft(), templates=ReplyTemplates(override=user))
    assert comp.problems and comp.problems[0].name == "closing.j2"
    assert "__mro__" not in comp.letter.paragraphs[-1].text


def test_plain_text_body(templates: ReplyTemplates) -> None:
    draft = default_draft([], {"status": ["我市已建成孵化器20家,在孵企业500余家。"]})
    letter = compose(case_from_json(BASE), PROFILE, draft, templates=templates).letter
    text, warning = plain_text_body(letter)
    assert warning is None
    assert text.startswith("石剑波代表：\n\n您提出的")
    assert "我市已建成孵化器20家，在孵企业500余家。" in text
    assert "南通市科学技术局" not in text and "2020年" not in text and "答复\n" not in text
    long_draft = default_draft([], {"status": ["很长的一段话。" * 400]})
    long_letter = compose(case_from_json(BASE), PROFILE, long_draft, templates=templates).letter
    _, warning = plain_text_body(long_letter, limit=2500)
    assert warning is not None and "2500" in warning


def test_we_word() -> None:
    assert we_word("南通市科学技术局") == "我局"
    assert we_word("南通市发展和改革委员会") == "我委"
    assert we_word("市政府办公室") == "我办"
    assert we_word("南通市科学技术协会") == "我会"
    assert we_word("某某公司") == "我单位"


def test_check_composition_reports_stale_reused_text_with_its_source(
    templates: ReplyTemplates,
) -> None:
    reused = DraftBlock(
        "library", "至2016年，我市已建有众创空间33家。", 6, 3, 2017, "关于众创的建议"
    )
    draft = default_draft([("status", reused)], {})
    case = case_from_json({**BASE, "reply_date": "2020-06-01", "proposers": ["石剑波"]})
    comp = compose(case, PROFILE, draft, templates=templates)
    comp.letter.salutation = "石建波代表："  # a typo in the name
    findings = check_composition(comp, case)
    kinds = {f.kind for f in findings}
    assert "salutation_mismatch" in kinds
    stale = [f for f in findings if f.kind == "stale_year"]
    assert stale and "2017" in stale[0].message
    body_index = [p.text for p in comp.letter.paragraphs].index(reused.text) + 1
    assert stale[0].paragraph == body_index


def test_salutation_override_is_used_and_automatic_by_default(templates: ReplyTemplates) -> None:
    from desktop.compose import automatic_salutation

    case = case_from_json({**BASE, "proposers": ["王明", "李华"]})
    assert automatic_salutation(case, PROFILE, templates) == "王明、李华代表："
    comp = compose(case, PROFILE, Draft(), templates=templates)
    assert comp.letter.salutation == "王明、李华代表："
    draft = Draft(salutation="尊敬的王明代表、李华代表")
    comp = compose(case, PROFILE, draft, templates=templates)
    assert comp.letter.salutation == "尊敬的王明代表、李华代表："
    # Blank means automatic; a half-width colon typed by the clerk becomes full width.
    assert compose(
        case, PROFILE, Draft(salutation="  "), templates=templates
    ).letter.salutation == ("王明、李华代表：")
    assert compose(
        case, PROFILE, Draft(salutation="王明代表:"), templates=templates
    ).letter.salutation == ("王明代表：")


def test_draft_salutation_round_trips_and_old_json_loads() -> None:
    draft = Draft(salutation="王明代表：")
    again = Draft.from_json(json.loads(json.dumps(draft.to_json())))
    assert again.salutation == "王明代表："
    old = {"sections": {"greeting": [{"kind": "free", "text": "您好"}]}}
    loaded = Draft.from_json(old)
    assert loaded.salutation is None
    assert loaded.sections["greeting"][0].text == "您好"
    assert "salutation" not in Draft().to_json()


def test_check_composition_flags_a_reused_paragraph_addressed_to_someone_else(
    templates: ReplyTemplates,
) -> None:
    reused = DraftBlock(
        "library",
        "盛培秀代表提出的关于加强科普工作的建议很有针对性。",
        8,
        4,
        2025,
        "关于科普的建议",
    )
    draft = default_draft([("status", reused)], {})
    case = case_from_json({**BASE, "reply_date": "2026-06-01", "proposers": "王明 代表"})
    comp = compose(case, PROFILE, draft, templates=templates)
    assert comp.letter.salutation == "王明代表："
    findings = [f for f in check_composition(comp, case) if f.kind == "salutation_mismatch"]
    assert len(findings) == 1
    body_index = [p.text for p in comp.letter.paragraphs].index(reused.text) + 1
    assert findings[0].paragraph == body_index and "盛培秀代表" in findings[0].message
    # The clerk's own salutation repeating the role after each name is fine; doubled is not.
    two = case_from_json({**BASE, "proposers": ["王明", "李华"]})
    comp = compose(two, PROFILE, Draft(salutation="王明代表、李华代表："), templates=templates)
    assert [f for f in check_composition(comp, two) if f.kind == "salutation_mismatch"] == []
    comp = compose(case, PROFILE, Draft(salutation="王明代表代表："), templates=templates)
    [doubled] = [f for f in check_composition(comp, case) if f.kind == "salutation_mismatch"]
    assert doubled.paragraph == 0 and doubled.suggestion == "王明"


def test_an_empty_sections_heading_is_not_printed_and_the_rest_renumbered(
    templates: ReplyTemplates,
) -> None:
    case = case_from_json(BASE)  # category A: status and plan templates are headings only
    only_plan = default_draft([], {"plan": ["下一步，我们将继续推进。"]})
    comp = compose(case, PROFILE, only_plan, templates=templates)
    texts = [p.text for p in comp.letter.paragraphs]
    assert "一、办理情况" not in texts
    assert texts[1:3] == ["一、下一步工作打算", "下一步，我们将继续推进。"]
    assert comp.letter.paragraphs[1].style == "heading1"
    # The origins map each printed paragraph back to its block (for the composer).
    assert [(o.section, o.index) for o in comp.origins][1:3] == [("plan", 0), ("plan", 1)]
    assert len(comp.origins) == len(comp.letter.paragraphs)
    assert comp.rendered["status"] == ["一、办理情况"]  # still shown in the composer
    both = default_draft(
        [], {"status": ["已建成众创空间33家。"], "plan": ["下一步，我们将继续推进。"]}
    )
    texts = [p.text for p in compose(case, PROFILE, both, templates=templates).letter.paragraphs]
    assert texts[1:5] == [
        "一、办理情况", "已建成众创空间33家。", "二、下一步工作打算", "下一步，我们将继续推进。"
    ]  # fmt: skip
    # A heading the clerk typed is the clerk's: kept, and the proofreader says it is empty.
    typed = default_draft([], {"status": ["（一）推进情况"]})
    comp = compose(case, PROFILE, typed, templates=templates)
    texts = [p.text for p in comp.letter.paragraphs]
    assert "（一）推进情况" in texts
    findings = [f for f in check_composition(comp, case) if f.kind == "empty_section"]
    assert findings and "（一）推进情况" in findings[0].message


def test_export_findings_name_their_place(templates: ReplyTemplates) -> None:
    from desktop.compose import export_findings, finding_place

    profile = AgencyProfile(agency_name="南通市科学技术局")  # no default contact
    case = case_from_json({**BASE, "category": "C", "contact_name": "", "contact_phone": ""})
    comp = compose(case, profile, Draft(), templates=templates)
    findings = export_findings(comp, case, profile)
    places = {f.kind: finding_place(comp, f) for f in findings}
    assert places["placeholder"].startswith("正文第")
    assert places["contact_missing"] == "联系人行"
    missing = next(f for f in findings if f.kind == "contact_missing")
    assert "联系人和联系电话" in missing.message
    # A name without a phone: the phone is what is missing.
    named = case_from_json({**BASE, "contact_name": "王五", "contact_phone": ""})
    comp = compose(named, profile, Draft(), templates=templates)
    [missing] = [f for f in export_findings(comp, named, profile) if f.kind == "contact_missing"]
    assert missing.message.startswith("答复末尾的联系人行缺少联系电话")
    # A profile that expects no contact line; and the full BASE case: nothing to report.
    quiet = AgencyProfile(agency_name="南通市科学技术局", contact_line=False)
    assert export_findings(comp, named, quiet) == []
    full = case_from_json(BASE)
    comp = compose(full, profile, Draft(), templates=templates)
    assert export_findings(comp, full, profile) == []
    # A clerk's edited title template that leaves a placeholder is caught too.
    edited = templates.override
    edited.mkdir(parents=True, exist_ok=True)
    (edited / "title.j2").write_text("关于XX的答复", encoding="utf-8")
    comp = compose(full, profile, Draft(), templates=ReplyTemplates(override=edited))
    [title] = export_findings(comp, full, profile)
    assert finding_place(comp, title) == "标题" and "XX" in title.message
