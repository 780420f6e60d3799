from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import desktop.understand as understand
from desktop import paragraph_split
from desktop.model import SECTION_KINDS, ParsedLetter
from desktop.paragraph_split import is_noise_line, split_paragraphs
from desktop.understand import heading_level, parse_letter

SAMPLES = Path(__file__).parents[2] / "resources" / "sample_library"
LETTERS = Path(__file__).parents[2] / "tests" / "fixtures" / "letters"

NOISE_FRAGMENTS = (
    "来源:",
    "发布时间",
    "累计次数",
    "阅读量",
    "快生活",
    "网站目录投稿",
    "关键词",
    "编辑:",
    "上一篇",
    "下一篇",
    "打印本页",
    "关闭窗口",
    "分享到",
    "字体",
    "友情提示",
    "http://",
)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _sample(prefix: str) -> ParsedLetter:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return parse_letter(_lines(path))


def _letter(name: str) -> ParsedLetter:
    return parse_letter(_lines(LETTERS / name))


def _texts(letter: ParsedLetter, section: str | None = None) -> list[str]:
    return [b.text for b in letter.blocks if section is None or b.section == section]


def _assert_well_formed(letter: ParsedLetter) -> None:
    assert letter.kind in ("reply", "reference")
    for block in letter.blocks:
        assert block.section in SECTION_KINDS
        assert block.text and block.original
        for fragment in NOISE_FRAGMENTS:
            assert fragment not in block.original, (fragment, block.original)


# --------------------------------------------------------------------------------------------
# Seed 000: a web-portal table export with the whole reply on one line


@pytest.fixture(scope="module")
def seed000() -> ParsedLetter:
    return _sample("000")


def test_seed000_portal_metadata(seed000: ParsedLetter) -> None:
    assert seed000.kind == "reply"
    assert seed000.addressee == ["石剑波"]
    assert seed000.addressee_role == "代表"
    assert seed000.proposal_number == "277"
    # as printed inside the quotation marks (the corpus's convention): “关于…聚力创新”的建议
    assert seed000.proposal_title == "关于在南通市组织社会大众聚力创新"
    assert seed000.main_organizer == "科技局"
    assert seed000.co_organizers == ["科协"]
    assert seed000.reply_date == "2017-06-29"
    assert seed000.year == 2017
    assert seed000.agency == "南通市科学技术局"
    assert seed000.category is None
    _assert_well_formed(seed000)


def test_seed000_run_on_body_is_split(seed000: ParsedLetter) -> None:
    texts = _texts(seed000)
    assert seed000.blocks[0].section == "greeting"
    assert texts[0] == "尊敬的石剑波代表："
    assert texts[1].startswith("衷心的感谢您和各位代表")
    assert len(texts) >= 8
    assert any(t.startswith("六是充分发挥科协社团管理主阵地作用") for t in texts)
    assert any(t.startswith("2015年，市政府为贯彻落实") for t in texts)
    # no paragraph was cut inside a sentence: each ends like a sentence
    assert all(t.endswith(("。", "：", "！", "；")) for t in texts[1:])
    # the inner space of "围绕 “3+3+N”" did not split the paragraph; normalization removed it
    assert any("围绕“3+3+N”产业体系" in t for t in texts)


def test_seed000_signature_and_table_cells_are_not_blocks(seed000: ParsedLetter) -> None:
    joined = "\n".join(b.original for b in seed000.blocks)
    assert "2017年6月29日" not in joined
    assert "南通市科学技术局" not in joined
    assert "|" not in joined
    assert "提案号" not in joined


def test_seed000_sections(seed000: ParsedLetter) -> None:
    sections = [b.section for b in seed000.blocks]
    assert sections[:2] == ["greeting", "greeting"]
    assert "status" in sections and "plan" in sections
    # status comes before plan, and every "一是…六是" step is in the plan
    assert sections.index("plan") > sections.index("status")
    for block in seed000.blocks:
        if block.text[:2] in ("一是", "二是", "三是", "四是", "五是", "六是"):
            assert block.section == "plan", block.text[:20]


def test_seed000_normalized_text(seed000: ParsedLetter) -> None:
    text = "".join(_texts(seed000))
    assert "（市）" in text
    assert "(市)" not in text
    assert "," not in text
    assert "〔2010〕" in text and "[2010]" not in text
    assert "(市)" in "".join(b.original for b in seed000.blocks)


# --------------------------------------------------------------------------------------------
# Seed 001: a reply with headed sections and page-header noise


@pytest.fixture(scope="module")
def seed001() -> ParsedLetter:
    return _sample("001")


def test_seed001_metadata(seed001: ParsedLetter) -> None:
    assert seed001.kind == "reply"
    assert seed001.addressee == ["盛培秀"]
    assert seed001.addressee_role == "代表"
    assert seed001.reply_date == "2020-05-29"
    assert seed001.agency == "南通市科学技术局"
    assert seed001.title == "关于进一步加强科技创新生态体系建设的建议"
    assert seed001.proposal_title == "关于进一步加强科技创新生态体系建设的建议"
    _assert_well_formed(seed001)


def test_seed001_sections_and_headings(seed001: ParsedLetter) -> None:
    by_text = {b.text: b for b in seed001.blocks}
    first = by_text["一、我市科技创新生态体系建设现状"]
    assert first.is_heading and first.section == "status"
    second = by_text["二、我市科技创新生态体系建设下一步打算"]
    assert second.is_heading and second.section == "plan"
    sub = by_text["（一）建设三大体系，构建创新生态网络"]
    assert sub.is_heading and sub.section == "status"
    assert by_text["（一）推进“三个集聚”，推动创新发展，提升创新策源功能"].section == "plan"
    assert seed001.blocks[0].text == "盛培秀代表：" and seed001.blocks[0].section == "greeting"
    assert seed001.blocks[1].section == "greeting" and "收悉" in seed001.blocks[1].text
    closing = _texts(seed001, "closing")
    assert len(closing) == 1 and "衷心感谢您提出的建议" in closing[0]
    # order: greeting, status, plan, closing
    order = [b.section for b in seed001.blocks]
    assert order == sorted(order, key=["greeting", "status", "plan", "closing"].index)
    # paragraphs are not headings
    assert not by_text[next(t for t in by_text if t.startswith("一是以企业为主体"))].is_heading


def test_seed001_noise_title_and_signature_are_not_blocks(seed001: ParsedLetter) -> None:
    originals = [b.original for b in seed001.blocks]
    assert not any("发布时间" in o or "累计次数" in o for o in originals)
    assert "关于进一步加强科技创新生态体系建设的建议" not in _texts(seed001)
    assert "2020-05-29" not in originals
    assert "南通市科学技术局" not in originals


# --------------------------------------------------------------------------------------------
# Seeds 002–004: reference material


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("002", "构建一系统多平台科技创新服务体系"),
        ("004", "杨浦建设国家创新型试点城区工作汇报"),
    ],
)
def test_reference_seeds_with_title_lines(prefix: str, title: str) -> None:
    letter = _sample(prefix)
    assert letter.kind == "reference"
    assert letter.title == title
    assert all(b.section == "body" for b in letter.blocks)
    assert title not in _texts(letter)
    assert f"《{title}》" not in _texts(letter)
    assert letter.addressee == [] and letter.agency is None
    _assert_well_formed(letter)


def test_seed003_reference_without_title_line() -> None:
    letter = _sample("003")
    assert letter.kind == "reference"
    assert letter.title and letter.title.startswith("日前，科技部公布了全国第二批创新型县建设名单")
    assert letter.reply_date == "2023-08-20"  # from the page header, the only date it has
    texts = _texts(letter)
    assert texts[0].startswith("日前，科技部公布了")
    assert texts[-1].startswith("持续督查推进专业化园区建设")
    headings = [b.text for b in letter.blocks if b.is_heading]
    assert "三年问督三单一表" in headings and "靶向发力科技创新短板弱项" in headings
    _assert_well_formed(letter)


def test_seed004_run_on_enumerators_are_split() -> None:
    letter = _sample("004")
    texts = _texts(letter)
    assert any(t.endswith("现将有关工作情况汇报如下。") for t in texts)
    for heading in ("一、目标", "二、措施", "三、建议", "六、加快滨江开发"):
        block = next(b for b in letter.blocks if b.text == heading)
        assert block.is_heading
    assert any(t.startswith("--基本健全大学校区") for t in texts)
    # inline "一是…二是…" stays in one paragraph
    assert any(t.startswith("一是以上海市和教育部") and "二是致力于" in t for t in texts)
    assert texts[-1].startswith("一是充分挖掘户外公益广告阵地资源")
    # the duplicated title line is gone
    assert texts.count("杨浦建设国家创新型试点城区工作汇报") == 0


def test_seed002_noise_is_removed() -> None:
    letter = _sample("002")
    assert letter.blocks[0].text.startswith("为大力实施创新驱动发展战略")
    assert letter.blocks[-1].text.startswith("五是挖掘编制潜力")
    assert len(letter.blocks) == 6


# --------------------------------------------------------------------------------------------
# Fixture letters, one per variant


def test_joint_suggestion_with_category_doc_number_and_chinese_date() -> None:
    letter = _letter("joint_deputies.txt")
    assert letter.kind == "reply"
    assert letter.addressee == ["张三", "李四", "王五", "赵六", "钱七"]  # lead first
    assert letter.addressee_role == "代表"
    assert letter.addressee_count == 5
    assert letter.category == "A"
    assert letter.doc_number == "通科函〔2020〕12号"
    assert letter.title == "关于市十六届人大四次会议第277号建议的答复"
    assert letter.session == "市十六届人大四次会议"
    assert letter.proposal_number == "277"
    assert letter.proposal_title == "关于加快科技企业孵化器建设的建议"
    assert letter.agency == "南通市科学技术局"
    assert letter.reply_date == "2020-05-29"
    assert letter.contact_name == "李明"
    assert letter.contact_phone == "0513-85000000"
    texts = _texts(letter)
    assert texts[0] == "张三等5位代表："
    for meta in ("A类", "通科函", "联系人", "抄送", "市政府办公室。", "附议代表", "二〇二〇年"):
        assert not any(meta in t for t in texts), meta
    sections = {b.text: (b.section, b.is_heading) for b in letter.blocks}
    assert sections["一、工作现状"] == ("status", True)
    assert sections["（一）加强政策引导"] == ("status", True)
    assert sections["二、下一步打算"] == ("plan", True)
    assert _texts(letter, "closing") == [
        "衷心感谢您们提出的建议，欢迎继续对我市科技工作提出宝贵意见。"
    ]


def test_joint_salutation_without_cosigner_list_keeps_the_lead() -> None:
    letter = parse_letter(["张三等10位代表：", "您们提出的建议收悉，现答复如下：", "一、基本情况"])
    assert letter.kind == "reply"
    assert letter.addressee == ["张三"]
    assert letter.addressee_role == "代表"
    assert letter.addressee_count == 10
    assert parse_letter(["李四等十二位委员：", "您们提出的提案收悉。"]).addressee_count == 12
    assert parse_letter(["张三、李四代表：", "您们提出的建议收悉。"]).addressee_count == 2
    assert parse_letter(["王五代表：", "您提出的建议收悉。"]).addressee_count == 1


def test_cppcc_member_proposal() -> None:
    letter = _letter("cppcc_member.txt")
    assert letter.kind == "reply"
    assert letter.addressee == ["李四"]
    assert letter.addressee_role == "委员"
    assert letter.category == "B"
    assert letter.session == "市政协十三届三次会议"
    assert letter.proposal_number == "45"
    assert letter.proposal_title == "关于支持科技型中小企业融资"  # “…融资”的提案, as printed
    assert letter.agency == "南通市财政局"
    assert letter.reply_date == "2020-07-15"
    assert letter.contact_name == "王五"
    assert letter.contact_phone == "8512345"
    by_text = {b.text: b for b in letter.blocks}
    assert by_text["（一）主要工作"].section == "status"
    assert by_text["（二）今后打算"].section == "plan"
    assert _texts(letter, "closing") == ["专此答复。"]
    body = "".join(_texts(letter))
    assert "（规模1.5亿元）" in body and "," not in body and "亿元。" in body


def test_bare_category_line_and_chinese_numeral_date_with_letter_o() -> None:
    letter = _letter("bare_category_old_date.txt")
    assert letter.category == "C"
    assert letter.reply_date == "2005-08-03"
    assert letter.session == "区三届人大二次会议"
    assert letter.proposal_number == "8"
    assert letter.agency == "某某县交通运输局"
    assert [b.section for b in letter.blocks] == [
        "greeting",
        "greeting",
        "status",
        "plan",
        "closing",
    ]
    assert letter.blocks[3].text.startswith("下一步，")


def test_doc_number_line_with_category_suffix() -> None:
    letter = _letter("doc_number_category.txt")
    assert letter.doc_number == "通教函〔2016〕2号"
    assert letter.category == "B"
    assert letter.addressee == ["陈静"]
    assert letter.reply_date == "2016-06-20"
    assert letter.proposal_title == "关于推进中小学课后服务的建议"
    assert _texts(letter, "plan") == ["下一步，我们将扩大课后服务覆盖面。"]
    assert _texts(letter, "closing") == ["再次感谢您对教育工作的关心！"]


def test_co_organizer_opinion_addressed_to_a_unit() -> None:
    letter = _letter("co_organizer_opinion.txt")
    assert letter.kind == "reply"
    assert letter.addressee == ["市发展改革委"]
    assert letter.addressee_role == "单位"
    assert letter.main_organizer == "市发展改革委"
    assert letter.co_organizers == ["南通市科学技术局"]
    assert letter.agency == "南通市科学技术局"
    assert letter.proposal_number == "12"
    assert letter.proposal_title == "关于加快氢能产业发展的建议"
    assert letter.contact_name == "周洁" and letter.contact_phone == "0513-85099999"
    by_text = {b.text: b for b in letter.blocks}
    assert by_text["一、工作开展情况"].section == "status"
    assert by_text["我局将继续支持氢能关键技术攻关。"].section == "plan"


def test_unit_salutation_with_half_width_colon() -> None:
    letter = parse_letter(
        ["市住房城乡建设局:", "你局转来的第5号提案收悉，现将会办意见函告如下：", "我局支持该提案。"]
    )
    assert letter.kind == "reply"
    assert letter.addressee == ["市住房城乡建设局"]
    assert letter.addressee_role == "单位"
    assert letter.proposal_number == "5"


def test_portal_table_with_suggestion_wording() -> None:
    letter = _letter("portal_suggestion.txt")
    assert letter.kind == "reply"
    assert letter.addressee == ["王芳"]
    assert letter.addressee_role == "代表"
    assert letter.proposal_number == "56"
    assert letter.proposal_title == "关于加强社区养老服务的建议"
    assert letter.main_organizer == "市民政局"
    assert letter.co_organizers == ["市卫健委", "市财政局"]
    assert letter.category == "A"
    assert letter.reply_date == "2021-06-30"
    assert letter.agency == "市民政局"
    texts = _texts(letter)
    assert texts[:2] == ["王芳代表：", "您提出的关于加强社区养老服务的建议收悉，现答复如下。"]
    assert "当前我市老龄化程度加深，建议加强社区养老服务。" not in texts  # the suggestion text
    by_text = {b.text: b for b in letter.blocks}
    assert by_text["一、基本情况"].is_heading and by_text["一、基本情况"].section == "status"
    assert by_text["二、下一步工作"].section == "plan"
    assert _texts(letter, "closing") == ["感谢您对民政工作的关心和支持！"]


def test_portal_labels_and_values_in_one_cell() -> None:
    letter = parse_letter(
        [
            "领衔代表：周一 | 案号：9 | 会办单位：市财政局、市税务局",
            "答复内容：周一代表：您领衔提出的建议收悉。 下一步，我们将加快推进。",
        ]
    )
    assert letter.kind == "reply"
    assert letter.addressee == ["周一"]
    assert letter.proposal_number == "9"
    assert letter.co_organizers == ["市财政局", "市税务局"]
    assert [b.section for b in letter.blocks] == ["greeting", "greeting", "plan"]


def test_data_table_inside_a_reply_stays_text_and_signature_row_is_metadata() -> None:
    letter = parse_letter(
        [
            "张三代表：",
            "您提出的建议收悉。",
            "类别 | 数量",
            "孵化器 | 20",
            "答复日期: | 2020-01-02",
            "市科技局 | 2020年1月3日",
        ]
    )
    assert _texts(letter) == ["张三代表：", "您提出的建议收悉。", "类别 | 数量", "孵化器 | 20"]
    assert letter.category is None
    assert letter.agency == "市科技局"
    assert letter.reply_date == "2020-01-03"  # the signature wins over the portal field


def test_web_noise_and_run_on_paragraphs() -> None:
    letter = _letter("web_noise_runon.txt")
    assert letter.kind == "reply"
    assert letter.title == "关于市十七届人大一次会议第103号建议的答复"
    assert letter.addressee == ["赵六"]
    assert letter.proposal_number == "103"
    assert letter.reply_date == "2022-06-28"  # the signature, not the page's 发布时间
    assert letter.agency == "南通市科学技术局"
    assert _texts(letter) == [
        "赵六代表：",
        "您提出的《关于加快高新区建设的建议》收悉，现答复如下：",
        "一、主要工作",
        "2021年，全市高新技术企业达到2000家，增长25.3%.",
        "二、下一步打算",
        "下一步，我们将围绕“3+3+N”产业体系继续发力。",
        "衷心感谢您对科技工作的关心和支持！",
    ]
    _assert_well_formed(letter)


def test_category_variants_in_head_lines() -> None:
    def category(first_line: str) -> str | None:
        return parse_letter([first_line, "张三代表：", "您提出的建议收悉。"]).category

    assert category("A类") == "A"
    assert category("答复类别：A") == "A"
    assert category("类别：B") == "B"
    assert category("C") == "C"
    assert category("（B类）") == "B"
    assert category("(C)") == "C"
    assert category("通科函〔2016〕2号(B)类") == "B"
    assert category("乙类") == "乙"
    assert category("关于第1号建议的答复") is None


def test_salutation_variants() -> None:
    pair = parse_letter(["张三、李四代表：", "您们提出的建议收悉。"])
    assert pair.addressee == ["张三", "李四"] and pair.addressee_role == "代表"
    member = parse_letter(["尊敬的李四委员：", "您提出的提案收悉。"])
    assert member.addressee == ["李四"] and member.addressee_role == "委员"
    comrade = parse_letter(["王五同志：", "您提出的第3号提案收悉。"])
    assert comrade.addressee == ["王五"] and comrade.addressee_role == "委员"


def test_title_line_gives_proposal_title_and_head_labels() -> None:
    letter = parse_letter(
        ["关于加快孵化器建设的建议的答复", "建议号：12", "王五代表：", "您提出的建议收悉。"]
    )
    assert letter.title == "关于加快孵化器建设的建议的答复"
    assert letter.proposal_title == "关于加快孵化器建设的建议"
    assert letter.proposal_number == "12"


# --------------------------------------------------------------------------------------------
# Reply vs reference, odd input


def test_notice_to_units_without_reply_text_is_reference() -> None:
    letter = parse_letter(
        [
            "各县（市、区）人民政府，市各委办局：",
            "现将《关于加快发展的意见》印发给你们，请认真贯彻执行。",
        ]
    )
    assert letter.kind == "reference"


def test_speech_to_all_deputies_is_reference() -> None:
    letter = parse_letter(
        ["各位代表：", "现在，我代表市人民政府，向大会报告工作，请予审议，并请提出建议。"]
    )
    assert letter.kind == "reference"


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [""],
        ["   ", "|||", " | | "],
        ["\x00\x01"],
        ["：", ":", "代表：", "一、", "（一）"],
        [None, 1, b"bytes"],  # type: ignore[list-item]
    ],
)
def test_odd_input_gives_a_reference(lines: list[str]) -> None:
    letter = parse_letter(lines)
    assert letter.kind in ("reference", "reply")
    for block in letter.blocks:
        assert block.section in SECTION_KINDS


def test_empty_input() -> None:
    letter = parse_letter([])
    assert letter.kind == "reference" and letter.blocks == []


@settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(list("代表委员：:| 。一、（）()收悉建议提案答复局2020年5月")),
            max_size=40,
        ),
        max_size=12,
    )
)
def test_never_raises(lines: list[str]) -> None:
    letter = parse_letter(lines)
    assert letter.kind in ("reply", "reference")


# --------------------------------------------------------------------------------------------
# Building blocks


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "尊敬的张三代表: 衷心感谢您。 我们将继续努力。",
            ["尊敬的张三代表:", "衷心感谢您。", "我们将继续努力。"],
        ),
        ("工作如下： 一是加强领导。", ["工作如下：", "一是加强领导。"]),
        ("取得成效。 2015年，市政府印发。", ["取得成效。", "2015年，市政府印发。"]),
        ("说“好！” 然后离开。", ["说“好！”", "然后离开。"]),
        ("汇报如下。一、目标", ["汇报如下。", "一、目标"]),
        ("示范城区。--基本健全", ["示范城区。", "--基本健全"]),
        ("一、基本情况 全市已建成120个。", ["一、基本情况", "全市已建成120个。"]),
        ("增长25.3%. 二、下一步", ["增长25.3%.", "二、下一步"]),
        ("二是围绕 “3+3+N”产业体系开展交流。", ["二是围绕 “3+3+N”产业体系开展交流。"]),
        (
            "六是发挥作用。一是优化机制。二是加强交流。",
            ["六是发挥作用。一是优化机制。二是加强交流。"],
        ),
        ("主要有：（一）加强；（二）完善。", ["主要有：（一）加强；（二）完善。"]),
        ("来源: 中国网", ["来源: 中国网"]),
        ("联系人: 张三 电话: 8512345", ["联系人: 张三 电话: 8512345"]),
        ("时间 15:52 累计", ["时间 15:52 累计"]),
        ("1. 加强管理", ["1. 加强管理"]),
        ("Hello! World", ["Hello! World"]),
        ("", []),
    ],
)
def test_split_paragraphs(text: str, pieces: list[str]) -> None:
    assert split_paragraphs(text) == pieces


def test_split_paragraphs_is_linear_on_a_long_line() -> None:
    line = "a: " * 300_000 + "来源: 中" * 100_000 + "一、" * 100_000 + "事项。 " * 100_000
    start = time.perf_counter()
    pieces = split_paragraphs(line)
    assert time.perf_counter() - start < 15
    assert len(pieces) > 100_000


@pytest.mark.parametrize(
    "line",
    [
        "来源: 发布时间:2020-06-28 15:52 累计次数: 字体:[ ]",
        "2023-08-20 09:48:04 来源:中国网 阅读量:12294",
        "快生活 - 生活常识大全",
        "网站目录投稿:绮琴",
        "编辑:丛远华",
        "关键词:科技 创新 机制",
        "阅读量:356",
        "打印本页 关闭窗口",
        "【字体：大 中 小】",
        "分享到:",
        "- 上一篇:教师自修总结",
        "下一篇:201*争先创优工作总结",
        "http://m.bsmz.net/gongwen/679314.html",
        "来源:网络整理 免责声明:本文仅限学习分享",
        "当前位置：首页 > 建议提案",
        "|",
        " | | ",
        "",
    ],
)
def test_noise_lines(line: str) -> None:
    assert is_noise_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "关于进一步加强科技创新生态体系建设的建议",
        "杨浦建设国家创新型试点城区工作汇报",
        "南通市科学技术局",
        "2020-05-29",
        "盛培秀代表:",
        "一、我市科技创新生态体系建设现状",
        "科技咖啡馆活动在南通已成功举办了6年，受到了社会各界的好评。",
        "编辑部的同志认真审核了稿件。",
    ],
)
def test_real_text_is_not_noise(line: str) -> None:
    assert not is_noise_line(line)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("一、我市科技创新生态体系建设现状", 1),
        ("二、下一步打算：", 1),
        ("（一）建设三大体系，构建创新生态网络", 2),
        ("(二)锚定三大重点", 2),
        ("1.加强组织领导", 3),
        ("2、完善政策体系", 3),
        ("（1）设立专项资金", 4),
        ("三年问督三单一表", 0),
        ("一是以企业为主体、高校院所为依托。以增强企业创新能力为核心", None),
        ("1、建议将国家创新型试点城区相关工作纳入科技部、教育部与上海市的部市合作框架。", None),
        ("64.5%的企业已完成改造。", None),
        ("衷心感谢您提出的建议", None),
    ],
)
def test_heading_level(text: str, level: int | None) -> None:
    assert heading_level(text) == level


def test_typical_letters_parse_fast() -> None:
    documents = [_lines(p) for p in sorted(SAMPLES.glob("*.txt"))]
    documents += [_lines(p) for p in sorted(LETTERS.glob("*.txt"))]
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for lines in documents:
            parse_letter(lines)
    per_letter = (time.perf_counter() - start) / (rounds * len(documents))
    assert per_letter < 0.02  # ~1 ms on a developer machine; generous for slow CI


def test_huge_single_line_is_linear() -> None:
    line = ('在全国掀起大众创新创业的热潮中,各县(市)区 "双创" 工作者积极响应。 ' * 40_000)[
        :2_000_000
    ]
    start = time.perf_counter()
    letter = parse_letter(["标题: | 测试", line])
    assert time.perf_counter() - start < 30
    assert letter.blocks


# ---------------------------------------------------------------------------------- paragraph cap


def test_an_over_long_run_is_cut_at_a_sentence_mark_first() -> None:
    sentence = "我们认真研究了您的建议并会同有关部门逐条落实，"  # no sentence-final mark
    text = (sentence * 150 + "。") * 3  # three sentences of 3,451 characters
    pieces = paragraph_split.cap_paragraph(text, 5000)
    assert [len(p) for p in pieces] == [3451, 3451, 3451]
    assert all(p.endswith("。") for p in pieces)


def test_an_over_long_run_without_marks_is_cut_at_white_space_then_hard() -> None:
    words = " ".join(["科技创新"] * 3000)  # 14,999 characters, spaces only
    pieces = paragraph_split.cap_paragraph(words, 5000)
    assert all(len(p) <= 5000 for p in pieces) and len(pieces) == 3
    assert all(not p.startswith(" ") and p.endswith("科技创新") for p in pieces)
    assert " ".join(pieces) == words
    solid = "研" * 12_345
    assert [len(p) for p in paragraph_split.cap_paragraph(solid, 5000)] == [5000, 5000, 2345]


def test_split_paragraphs_never_returns_more_than_the_cap() -> None:
    cap = paragraph_split.MAX_PARAGRAPH_CHARS
    assert cap == 5000  # documented in docs/segmentation.md 3.1
    text = "您提出的建议收悉。" + "".join(chr(0x4E00 + i % 20000) for i in range(60_000))
    pieces = split_paragraphs(text)
    assert max(len(p) for p in pieces) <= cap
    assert "".join(pieces) == text
    # the fallback path (an internal error in the parser) is capped too
    letter = understand._fallback([text])
    assert max(len(b.original) for b in letter.blocks) <= cap
