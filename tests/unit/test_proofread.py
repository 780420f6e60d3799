from __future__ import annotations

import json
import multiprocessing
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.model import ImportFailure
from desktop.normalize import doc_year_fixes, normalize_text, punctuation_fixes
from desktop.proofread import (
    KINDS,
    Finding,
    Provenance,
    apply_fixes,
    check,
    check_file,
    find_salutation,
    salutation_names,
)
from desktop.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
SEED_000 = ROOT / "resources" / "sample_library" / "000_f249a5bce850aff6.txt"
REPLY_DATE = "2020-06-01"


def found(
    text: str | list[str], kind: str, **kwargs: object
) -> list[tuple[int, int, int, str | None]]:
    """(paragraph, start, end, suggestion) of the findings of one kind."""
    paragraphs = [text] if isinstance(text, str) else text
    kwargs.setdefault("reply_date", REPLY_DATE)
    return [
        (f.paragraph, f.start, f.end, f.suggestion)
        for f in check(paragraphs, **kwargs)  # type: ignore[arg-type]
        if f.kind == kind
    ]


def findings_of(text: str | list[str], kind: str, **kwargs: object) -> list[Finding]:
    paragraphs = [text] if isinstance(text, str) else text
    kwargs.setdefault("reply_date", REPLY_DATE)
    return [f for f in check(paragraphs, **kwargs) if f.kind == kind]  # type: ignore[arg-type]


# ----------------------------------------------------------------------------------------------
# Finding / JSON


def test_finding_json_shape() -> None:
    findings = check(["工作的的厚爱,谢谢"], reply_date=REPLY_DATE)
    data = json.loads(json.dumps([f.to_json() for f in findings], ensure_ascii=False))
    assert data == [
        {
            "kind": "doubled",
            "message": "“的的”重复了，应为“的”",
            "paragraph": 0,
            "start": 2,
            "end": 4,
            "suggestion": "的",
        },
        {
            "kind": "halfwidth_punct",
            "message": "中文里用了半角标点“,”，应为全角“，”",
            "paragraph": 0,
            "start": 6,
            "end": 7,
            "suggestion": "，",
        },
    ]
    assert list(data[0]) == ["kind", "message", "paragraph", "start", "end", "suggestion"]


def test_findings_are_sorted_and_kinds_known() -> None:
    paragraphs = read_document(SEED_000).lines
    findings = check(paragraphs, reply_date=REPLY_DATE)
    keys = [(f.paragraph, f.start) for f in findings]
    assert keys == sorted(keys)
    assert {f.kind for f in findings} <= set(KINDS)
    for f in findings:
        assert 0 <= f.start < f.end <= len(paragraphs[f.paragraph])
        assert f.message


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        check(["文字"], reply_date="不是日期")
    with pytest.raises(ValueError):
        check(["一", "二"], provenance=[None])


# ----------------------------------------------------------------------------------------------
# halfwidth_punct, doc_number_bracket


def test_halfwidth_punctuation_in_chinese_text() -> None:
    text = "各部门,各单位:请研究;可行吗?好!见附件(一)等."
    assert found(text, "halfwidth_punct") == [
        (0, 3, 4, "，"),
        (0, 7, 8, "："),
        (0, 11, 12, "；"),
        (0, 15, 16, "？"),
        (0, 17, 18, "！"),
        (0, 21, 22, "（"),
        (0, 23, 24, "）"),
        (0, 25, 26, "。"),
    ]
    assert found('解决"短板"问题', "halfwidth_punct") == [(0, 2, 3, "“"), (0, 5, 6, "”")]


@pytest.mark.parametrize(
    "text",
    [
        "早上6:30出发",
        "增长64.5%以上",
        "比例为1:2时",
        "共2,500家",
        "他说Hello, world然后离开",
        "网址http://a.com/x?id=1,2&b=3 详见",
        "f(x) = (a + b)",
        "各部门，各单位：请研究；好！（一）。",
    ],
)
def test_halfwidth_negatives(text: str) -> None:
    assert found(text, "halfwidth_punct") == []


def test_halfwidth_in_a_mixed_sentence_leaves_numbers_alone() -> None:
    text = "早上6:30出发,比例为1:2,增长64.5%"
    assert found(text, "halfwidth_punct") == [(0, 8, 9, "，"), (0, 15, 16, "，")]


@pytest.mark.parametrize(
    ("text", "span", "old"),
    [
        ("通政发[2015]37号", (3, 9), "[2015]"),
        ("国办发【2015】9号", (3, 9), "【2015】"),
        ("通委发(2010)3号", (3, 9), "(2010)"),
        ("通委发（2010）第3号", (3, 9), "（2010）"),
    ],
)
def test_doc_number_brackets(text: str, span: tuple[int, int], old: str) -> None:
    findings = check([text], reply_date=REPLY_DATE)
    # The brackets are one doc_number_bracket finding, not two half-width ones.
    assert [(f.kind, f.start, f.end, f.suggestion) for f in findings] == [
        ("doc_number_bracket", *span, old[1:-1].join("〔〕"))
    ]
    assert old in findings[0].message


@pytest.mark.parametrize(
    "text", ["通政发〔2015〕37号", "[2015] is a year", "见[2015]年报", "发[2015]号"]
)
def test_doc_number_negatives(text: str) -> None:
    assert found(text, "doc_number_bracket") == []


@settings(max_examples=1500, suppress_health_check=list(HealthCheck), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *',:;!?()"，：；！？（）“”[]【】.。 \u3000\t\u200b',
                *"中文号发aZ09%/",
                "http://",
                "2015",
            ]
        ),
        max_size=30,
    ).map("".join)
)
@example('"("[)【')  # a converted parenthesis makes the quotes convertible in turn
def test_punctuation_fixes_agree_with_normalize_text(text: str) -> None:
    chars = list(text)
    for i, new in punctuation_fixes(text):
        chars[i] = new
    fixed = "".join(chars)
    assert normalize_text(fixed) == normalize_text(text)
    assert punctuation_fixes(fixed) == []


def test_punctuation_fixes_map_positions_past_zero_width_characters() -> None:
    assert punctuation_fixes("中\u200b,文") == [(2, "，")]
    assert doc_year_fixes("通政发[2015]37号") == [(3, 9, "〔2015〕")]


# ----------------------------------------------------------------------------------------------
# doubled


@pytest.mark.parametrize(
    ("text", "start", "end", "suggestion"),
    [
        ("工作的的厚爱", 2, 4, "的"),
        ("做了了大量工作", 1, 3, "了"),
        ("我们在在推进", 2, 4, "在"),
        ("科技和和教育", 2, 4, "和"),
        ("这是是重点", 1, 3, "是"),
        ("我们我们要", 0, 4, "我们"),
        ("市科技局科技局牵头", 1, 7, "科技局"),
        ("工作的的的厚爱", 2, 5, "的"),
    ],
)
def test_doubled_typos(text: str, start: int, end: int, suggestion: str) -> None:
    assert found(text, "doubled") == [(0, start, end, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "常常人人天天渐渐看看谢谢星星试试年年多多纷纷默默刚刚往往处处个个一一层层步步",
        "请研究研究，再讨论讨论",
        "一个一个地落实，一步一步推进",
        "共11家，编号1122",
        "为了了解情况",
        "不了了之",
        "实现目的的手段",
        "他说的的确是实情",
        "关键是是否落实",
        "实事求是是我们的原则",
        "保持稳定和和谐",
        "实实在在",
        "和和美美",
        "现在在做",
        "积极参与与支持",
        "科技、教育等等",
        "是不是不想做",
        "十一十一",
    ],
)
def test_doubled_negatives(text: str) -> None:
    assert found(text, "doubled") == []


# ----------------------------------------------------------------------------------------------
# unbalanced


@pytest.mark.parametrize(
    ("text", "position", "words"),
    [
        ("“短板", 0, "左双引号“没有对应的右双引号”"),
        ("短板”问题", 2, "多出的右双引号”"),
        ("（见《规定》", 0, "左括号（"),
        ("《通知》〔2015", 4, "左六角括号〔"),
        ("【重要", 0, "左方头括号【"),
        ("「引文", 0, "左直角引号「"),
        ("他说‘好", 2, "左单引号‘"),
    ],
)
def test_unbalanced_pairs(text: str, position: int, words: str) -> None:
    findings = findings_of(text, "unbalanced")
    assert [(f.start, f.end, f.suggestion) for f in findings] == [(position, position + 1, None)]
    assert words in findings[0].message


def test_mismatched_pair_reports_both_marks() -> None:
    assert found("见《规定〕", "unbalanced") == [(0, 1, 2, None), (0, 4, 5, None)]
    assert found("见《规定）", "unbalanced") == [(0, 1, 2, None), (0, 4, 5, None)]


@pytest.mark.parametrize(
    "text",
    [
        "他说“好‘的’”。",
        "《关于〔2015〕的通知》（试行）",
        "1）首先，2）其次",
        "一）首先",
        "各县(市）区",
        "f(x 中文",
        "don’t 中文",
        "网址http://a.com/(x 详见",
    ],
)
def test_unbalanced_negatives(text: str) -> None:
    assert found(text, "unbalanced") == []


# ----------------------------------------------------------------------------------------------
# stale_year


def test_stale_years() -> None:
    text = "至2016年，全市已建有33家，2018年底达到50家，2019年再增10家。"
    assert found(text, "stale_year") == [(0, 1, 6, None), (0, 16, 21, None)]
    message = findings_of(text, "stale_year")[0].message
    assert "“2016年”" in message and "2020年" in message


@pytest.mark.parametrize(
    "text",
    [
        "2019年，我市新增10家",
        "根据《国办发〔2015〕9号》文件",
        "印发了《行动计划》(通政发〔2015〕37号)",
        "落实《2016年工作要点》",
        "依据《促进科技成果转化法》（2015年修订）",
        "实施《2015—2025年规划》",
        "2015—2025年规划期内",
        "国办发〔2015〕9号",
        "二〇一六年",
        "12016年",
    ],
)
def test_stale_year_negatives(text: str) -> None:
    assert found(text, "stale_year") == []


def test_year_range_is_judged_by_its_last_year() -> None:
    assert found("2015-2016年", "stale_year") == [(0, 0, 10, None)]
    assert found("2015年至2016年", "stale_year") == [(0, 0, 11, None)]


def test_stale_year_default_reply_date_is_today() -> None:
    year = date.today().year
    assert check([f"{year - 1}年"]) == []
    assert [f.kind for f in check([f"{year - 2}年"])] == ["stale_year"]


def test_stale_year_names_the_source_letter() -> None:
    source = Provenance(3, 2017, "关于在南通市组织社会大众聚力创新的建议")
    [finding] = findings_of(["至2016年，我市"], "stale_year", provenance=[source])
    assert finding.message.endswith(
        "此段来自2017年的答复《关于在南通市组织社会大众聚力创新的建议》（编号 3）"
    )
    [finding] = findings_of(["至2016年"], "stale_year", provenance=[Provenance(7, None, None)])
    assert finding.message.endswith("此段来自编号 7 的答复")


def test_seed_000_doubled_and_stale_year() -> None:
    paragraphs = read_document(SEED_000).lines
    findings = check(paragraphs, reply_date=REPLY_DATE)
    reply = next(i for i, p in enumerate(paragraphs) if p.startswith("答复内容"))
    text = paragraphs[reply]

    doubled = [f for f in findings if f.kind == "doubled"]
    start = text.index("工作的的厚爱") + 2
    assert [(f.paragraph, f.start, f.end, f.suggestion) for f in doubled] == [
        (reply, start, start + 2, "的")
    ]

    start = text.index("至2016年") + 1
    stale = [f for f in findings if f.kind == "stale_year" and f.start == start]
    assert [(f.paragraph, f.end, f.suggestion) for f in stale] == [(reply, start + 5, None)]
    assert "“2016年”" in stale[0].message

    relative = [f for f in findings if f.kind == "stale_relative"]
    assert any(text[f.start : f.end] == "已建有市级以上众创空间33家" for f in relative)
    brackets = [f for f in findings if f.kind == "doc_number_bracket"]
    assert [text[f.start : f.end] for f in brackets] == ["[2010]"]
    assert any(f.kind == "halfwidth_punct" for f in findings)


# ----------------------------------------------------------------------------------------------
# stale_relative


@pytest.mark.parametrize(
    ("text", "snippet", "word"),
    [
        ("目前已建有33家众创空间", "目前已建有33家", "目前"),
        ("截至去年底共建成120个", "截至去年底共建成120个", "截至"),
        ("我市已建有市级以上众创空间33家。", "已建有市级以上众创空间33家", "已"),
        ("今年以来完成投资64.5亿元", "今年以来完成投资64.5亿元", "今年"),
        ("目前，全市共有高新技术企业1200家", "目前，全市共有高新技术企业1200家", "目前"),
        ("至今已建成三十三家", "至今已建成三十三家", "至今"),
        ("共有33家至今仍在运营", "33家至今", "至今"),
    ],
)
def test_stale_relative(text: str, snippet: str, word: str) -> None:
    [finding] = findings_of(text, "stale_relative")
    start = text.index(snippet)
    assert (finding.start, finding.end, finding.suggestion) == (start, start + len(snippet), None)
    assert f"“{word}”" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "您提出的建议已收悉。",
        "仅此而已，共3家",
        "已于2020年5月29日印发",
        "目前已建成5G基站",
        "目前正在推进。下一步将新建3家",
        "已建成，全市共有众创空间33家",
        "截至2019年底",
        "目前执行《2016年行动计划》",
    ],
)
def test_stale_relative_negatives(text: str) -> None:
    assert found(text, "stale_relative") == []


def test_stale_relative_only_in_reused_paragraphs_when_provenance_is_given() -> None:
    paragraphs = ["目前已建有33家", "目前已建有33家"]
    source = Provenance(3, 2017, "关于组织大众创新的建议")
    findings = findings_of(paragraphs, "stale_relative", provenance=[None, source])
    assert [f.paragraph for f in findings] == [1]
    assert findings[0].message.endswith("此段来自2017年的答复《关于组织大众创新的建议》（编号 3）")
    assert [f.paragraph for f in findings_of(paragraphs, "stale_relative")] == [0, 1]


# ----------------------------------------------------------------------------------------------
# salutation_mismatch


@pytest.mark.parametrize(
    ("paragraphs", "proposers", "expected"),
    [
        (["尊敬的张三代表：衷心感谢"], ["石剑波"], [(0, 3, 5, "石剑波")]),
        (["尊敬的石剑波代表: 衷心感谢"], ["石剑波"], []),
        (["关于建议的答复", "张三等5位代表：", "正文"], ["张三", "李四"], []),
        (["关于建议的答复", "王五等5位代表：", "正文"], ["张三", "李四"], [(1, 0, 2, None)]),
        (["张三、王五代表：", "正文"], ["张三", "李四"], [(0, 3, 5, None)]),
        (["张三、李四委员：", "正文"], ["李四", "张三"], []),
        (["王  芳代表：", "正文"], ["王芳"], []),
        (["各位代表："], ["王芳"], []),
        # Past the first 3 paragraphs it is no salutation, but still someone else addressed.
        (["标题", "正文", "说明", "张三代表："], ["李四"], [(3, 0, 2, None)]),
    ],
)
def test_salutation(
    paragraphs: list[str], proposers: list[str], expected: list[tuple[int, int, int, str | None]]
) -> None:
    assert found(paragraphs, "salutation_mismatch", proposers=proposers) == expected


def test_salutation_message_and_explicit_index() -> None:
    paragraphs = ["张三代表：", "李四代表："]
    finding, reused = findings_of(paragraphs, "salutation_mismatch", proposers=["王五"])
    assert finding.paragraph == 0
    assert "“张三”" in finding.message and "王五" in finding.message
    # The second salutation is a paragraph reused from a letter to someone else.
    assert (reused.paragraph, reused.start, reused.end) == (1, 0, 2)
    assert "“李四代表”" in reused.message and "其他人" in reused.message
    explicit = findings_of(
        paragraphs, "salutation_mismatch", proposers=["张三"], salutation_index=1
    )
    assert [(f.paragraph, f.start, f.end) for f in explicit] == [(1, 0, 2)]
    # Without proposers the letter's own salutation names the addressee.
    assert found(paragraphs, "salutation_mismatch") == [(1, 0, 2, None)]
    assert found(["张三代表：", "正文"], "salutation_mismatch") == []


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("盛培秀代表：", "盛培秀"),
        ("尊敬的盛培秀代表：", "盛培秀"),
        ("盛培秀代表：您提出的《关于加强科普的建议》收悉。", "盛培秀"),
        ("盛培秀代表提出的《关于加强科普的建议》收悉。", "盛培秀"),
        ("盛培秀代表领衔提出的建议收悉。", "盛培秀"),
        ("盛培秀等5位代表提出的建议收悉。", "盛培秀"),
        ("衷心感谢盛培秀代表对我市科技工作的关心。", "盛培秀"),
        ("对盛培秀代表的建议，我局高度重视。", "盛培秀"),
        ("收到盛培秀代表的来信后，我们进行了研究。", "盛培秀"),
        ("尊敬的盛培秀代表，您好！", "盛培秀"),
        ("欧阳娜娜委员提出的提案很有针对性。", "欧阳娜娜"),
        ("阿不都·热合曼代表：您好", "阿不都·热合曼"),
        ("李华、盛培秀代表：", "盛培秀"),
    ],
)
def test_a_reused_paragraph_addressing_someone_else(paragraph: str, name: str) -> None:
    paragraphs = ["王明、李华代表：", "您们提出的建议收悉。", paragraph]
    [finding] = findings_of(paragraphs, "salutation_mismatch", proposers=["王明", "李华"])
    assert finding.paragraph == 2
    assert paragraph[finding.start : finding.end] == name
    assert "王明、李华" in finding.message and finding.suggestion is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "王明代表提出的建议收悉，感谢王明代表。",
        "感谢李华代表对我市工作的关心。",
        "我们邀请人大代表视察，听取全国人大代表、市政协委员的意见。",
        "部分代表提出，各位代表的意见我们认真吸收。",
        "基层代表、青年代表、妇女代表和企业代表的建议。",
        "市科技创新委员会负责统筹，委员会主任由市长兼任。",
        "如皋市十七届人民代表大会第五次会议上，代表联名提出。",
        "市人大常委会代表工委",
    ],
)
def test_mentions_of_the_proposers_and_of_nobody_are_fine(paragraph: str) -> None:
    paragraphs = ["王明、李华代表：", paragraph]
    assert found(paragraphs, "salutation_mismatch", proposers=["王明", "李华"]) == []


def test_salutation_helpers() -> None:
    assert find_salutation(["关于……的答复", "石剑波代表：", "正文"]) == 1
    assert find_salutation(["正文"]) is None
    assert salutation_names("尊敬的张三、李四代表：") == [(3, 5, "张三"), (6, 8, "李四")]
    assert salutation_names("张三等10位代表：") == [(0, 2, "张三")]
    assert salutation_names("衷心感谢您") == []


# ----------------------------------------------------------------------------------------------
# heading_sequence


def test_heading_levels() -> None:
    paragraphs = [
        "一、现状",
        "（一）甲",
        "（二）乙",
        "（四）丁",
        "二、打算",
        "（一）甲",
        "（三）丙",
        "四、其他",
    ]
    assert found(paragraphs, "heading_sequence") == [
        (3, 1, 2, "三"),
        (6, 1, 2, "二"),
        (7, 0, 1, "三"),
    ]
    messages = [f.message for f in findings_of(paragraphs, "heading_sequence")]
    assert "跳过了“（三）”" in messages[0]


def test_heading_duplicate_renumbers_what_follows() -> None:
    paragraphs = ["一、现状", "二、乙", "二、丙", "三、丁"]
    assert found(paragraphs, "heading_sequence") == [(2, 0, 1, "三"), (3, 0, 1, "四")]
    fixed, _ = apply_fixes(paragraphs, check(paragraphs, reply_date=REPLY_DATE))
    assert fixed == ["一、现状", "二、乙", "三、丙", "四、丁"]


def test_heading_restart_and_missing_start_have_no_suggestion() -> None:
    assert found(["一、甲", "二、乙", "三、丙", "一、丁"], "heading_sequence") == [(3, 0, 1, None)]
    assert found(["二、开头"], "heading_sequence") == [(0, 0, 1, None)]
    assert found(["（二）开头"], "heading_sequence") == [(0, 1, 2, None)]


def test_arabic_heading_levels() -> None:
    assert found(["1.首先", "2.其次", "4.最后", "1.5亿元"], "heading_sequence") == [(2, 0, 1, "3")]
    assert found(["（1）甲", "（3）丙"], "heading_sequence") == [(1, 1, 2, "2")]


def test_yishi_markers() -> None:
    assert found("一是加强领导；二是完善制度；四是强化考核。", "heading_sequence") == [
        (0, 14, 15, "三")
    ]
    across = ["一是加强领导。", "说明文字", "二是完善。", "四是考核。"]
    assert found(across, "heading_sequence") == [(3, 0, 1, "三")]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["一、现状", "（一）甲", "（二）乙", "二、打算", "（一）甲", "（二）乙", "三、其他"],
        ["一是加强领导；二是完善制度；三是强化考核。"],
        ["一是甲。二是乙。", "一是丙。二是丁。"],  # a new list in a new paragraph
        ["统一是关键，唯一是目标，其中之一是"],
        ["1.5亿元", "2020年"],
    ],
)
def test_heading_negatives(paragraphs: list[str]) -> None:
    assert found(paragraphs, "heading_sequence") == []


def test_nested_yishi_list() -> None:
    text = (
        "一是甲。二是乙。三是丙。四是丁。五是戊。六是统筹。一是优化；二是围绕；三是加强。七是其他。"
    )
    assert found(text, "heading_sequence") == []


# ----------------------------------------------------------------------------------------------
# placeholder


def test_placeholders() -> None:
    text = (
        "尊敬的{{ name }}代表：{% if x %}xx单位××同志＿＿，___【请填写日期】"
        "（此处填写数字）某某TODO □□ 电话0513-xxxxxxx"
    )
    spans = [text[f.start : f.end] for f in findings_of(text, "placeholder")]
    assert spans == [
        "{{ name }}",
        "{% if x %}",
        "xx",
        "××",
        "＿＿",
        "___",
        "【请填写日期】",
        "（此处填写数字）",
        "某某",
        "TODO",
        "□□",
        "xxxxxxx",
    ]
    assert all(f.suggestion is None for f in findings_of(text, "placeholder"))


@pytest.mark.parametrize(
    "text",
    ["XXL 号码", "某单位", "电话0513-12345678", "下划线_a_b", "【重要】通知", "（此前）", "Xbox"],
)
def test_placeholder_negatives(text: str) -> None:
    assert found(text, "placeholder") == []


# ----------------------------------------------------------------------------------------------
# date_format


@pytest.mark.parametrize(
    ("written", "official", "why"),
    [
        ("2020-05-29", "2020年5月29日", "年月日"),
        ("2020.5.29", "2020年5月29日", "年月日"),
        ("2020/5/29", "2020年5月29日", "年月日"),
        ("2020年05月09日", "2020年5月9日", "不加“0”"),
        ("二〇二〇年五月二十九日", "2020年5月29日", "阿拉伯数字"),
        ("2017年6月29号", "2017年6月29日", "不写“号”"),
        ("2020 年 5 月 29 日", "2020年5月29日", "不规范"),
    ],
)
def test_date_format(written: str, official: str, why: str) -> None:
    text = f"成文日期：{written}。"
    [finding] = findings_of(text, "date_format")
    assert (finding.start, finding.end, finding.suggestion) == (5, 5 + len(written), official)
    assert why in finding.message


def test_leading_zero_without_a_day() -> None:
    assert found("2020年05月启动", "date_format") == [(0, 5, 7, "5")]


@pytest.mark.parametrize(
    "text", ["2020年5月29日", "网址http://a.cn/2020-05-29/x.html", "共12.5万元", "2020年5月"]
)
def test_date_format_negatives(text: str) -> None:
    assert found(text, "date_format") == []


# ----------------------------------------------------------------------------------------------
# apply_fixes


def test_apply_fixes() -> None:
    paragraphs = [
        "尊敬的张三代表:",
        "衷心感谢您对科技工作的的厚爱,见通政发[2015]37号.",
        "目前已建有33家",
    ]
    findings = check(paragraphs, reply_date=REPLY_DATE, proposers=["石剑波"])
    fixed, applied = apply_fixes(paragraphs, findings)
    assert fixed == [
        "尊敬的石剑波代表：",
        "衷心感谢您对科技工作的厚爱，见通政发〔2015〕37号。",
        "目前已建有33家",
    ]
    assert [f.kind for f in applied] == [
        "salutation_mismatch",
        "halfwidth_punct",
        "doubled",
        "halfwidth_punct",
        "doc_number_bracket",
        "halfwidth_punct",
    ]
    assert paragraphs[1] == "衷心感谢您对科技工作的的厚爱,见通政发[2015]37号."  # not mutated
    assert check(fixed, reply_date=REPLY_DATE, proposers=["石剑波"]) == [
        f for f in check(fixed, reply_date=REPLY_DATE) if f.kind == "stale_relative"
    ]


def test_apply_fixes_skips_overlaps_and_bad_findings() -> None:
    findings = [
        Finding("doubled", "m", 0, 2, 4, "的"),
        Finding("doubled", "m", 0, 3, 5, "X"),  # overlaps the first: skipped
        Finding("placeholder", "m", 0, 0, 1, None),  # no suggestion
        Finding("doubled", "m", 5, 0, 1, "Y"),  # no such paragraph
        Finding("doubled", "m", 1, 0, 99, "Z"),  # outside the paragraph
        Finding("halfwidth_punct", "m", 1, 1, 2, "，"),
    ]
    fixed, applied = apply_fixes(["工作的的厚爱", "好,的"], list(reversed(findings)))
    assert fixed == ["工作的厚爱", "好，的"]
    assert applied == [findings[0], findings[5]]


# ----------------------------------------------------------------------------------------------
# check_file


def test_check_file_txt_gbk(tmp_path: Path) -> None:
    path = tmp_path / "答复.txt"
    original = "石剑波代表:\r\n\r\n衷心感谢您对科技工作的的厚爱!  \r\n至2016年，已建有33家。\r\n"
    data = original.encode("gbk")
    path.write_bytes(data)

    findings, applied = check_file(path, date=REPLY_DATE, fix=False)
    assert applied is None
    assert path.read_bytes() == data
    got = [(f.kind, f.paragraph, f.start, f.end, f.suggestion) for f in findings]
    assert got == [
        ("halfwidth_punct", 0, 5, 6, "："),
        ("doubled", 1, 10, 12, "的"),
        ("halfwidth_punct", 1, 14, 15, "！"),
        ("stale_year", 2, 1, 6, None),
        ("stale_relative", 2, 7, 13, None),
    ]

    findings2, applied = check_file(path, date=REPLY_DATE, fix=True)
    assert findings2 == findings
    assert applied == [
        "第 1 段：“:”→“：”",
        "第 2 段：“的的”→“的”",
        "第 2 段：“!”→“！”",
    ]
    expected = "石剑波代表：\r\n\r\n衷心感谢您对科技工作的厚爱！  \r\n至2016年，已建有33家。\r\n"
    assert path.read_bytes() == expected.encode("gbk")
    assert (tmp_path / "答复.txt.bak").read_bytes() == data
    assert read_document(path).encoding == "gb18030"

    # Nothing left to fix: the file and its backup stay as they are.
    _, applied = check_file(path, date=REPLY_DATE, fix=True)
    assert applied == []
    assert (tmp_path / "答复.txt.bak").read_bytes() == data


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8-sig", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_check_file_txt_keeps_encoding_and_bom(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(bom + "工作的的厚爱\n第二段".encode(encoding))
    check_file(path, date=REPLY_DATE, fix=True)
    assert path.read_bytes() == bom + "工作的厚爱\n第二段".encode(encoding)


def test_check_file_docx_fix_keeps_formatting(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "答复.docx"
    document = docx.Document()
    document.add_paragraph("尊敬的石剑波代表:")
    document.add_paragraph("")  # empty: not counted
    p = document.add_paragraph()
    p.add_run("衷心感谢您对科技工作的")
    p.add_run("的厚爱")  # the doubled 的 spans two runs
    bold = p.add_run("和支持")
    bold.bold = True
    p.add_run("!")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].add_run("见通政发[2015]37号")
    document.save(str(path))
    original = path.read_bytes()

    findings, applied = check_file(path, date=REPLY_DATE, fix=False)
    assert applied is None
    assert [(f.kind, f.paragraph, f.start, f.end) for f in findings] == [
        ("halfwidth_punct", 0, 8, 9),
        ("doubled", 1, 10, 12),
        ("halfwidth_punct", 1, 17, 18),
        ("doc_number_bracket", 2, 4, 10),
    ]

    _, applied = check_file(path, date=REPLY_DATE, fix=True)
    assert applied is not None and len(applied) == 4
    assert (tmp_path / "答复.docx.bak").read_bytes() == original

    reopened = docx.Document(str(path))
    texts = [p.text for p in reopened.paragraphs]
    assert texts == ["尊敬的石剑波代表：", "", "衷心感谢您对科技工作的厚爱和支持！"]
    runs = reopened.paragraphs[2].runs
    assert [r.text for r in runs] == ["衷心感谢您对科技工作的", "厚爱", "和支持", "！"]
    assert [bool(r.bold) for r in runs] == [False, False, True, False]
    assert reopened.tables[0].cell(0, 0).text == "见通政发〔2015〕37号"


def test_check_file_refuses_other_files(tmp_path: Path) -> None:
    other = tmp_path / "a.pdf"
    other.write_bytes(b"%PDF")
    with pytest.raises(ImportFailure, match="只能检查"):
        check_file(other, date=None, fix=False)
    with pytest.raises(ImportFailure, match="不存在"):
        check_file(tmp_path / "missing.txt", date=None, fix=False)


def test_docx_fix_that_crosses_a_tab_is_skipped() -> None:
    import docx

    from desktop.proofread.files import _replace_in_segments, _segments

    p = docx.Document().add_paragraph()
    p.add_run("张")
    p.add_run().add_tab()
    p.add_run("三 ")
    element = p._p
    assert "".join(t for _, t in _segments(element)) == "张\t三 "
    assert _replace_in_segments(element, 0, 3, "李四") is False
    assert p.text == "张\t三 "
    assert _replace_in_segments(element, 2, 3, " 四") is True
    assert p.text == "张\t 四 "
    assert p.runs[2]._r.t_lst[0].get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


def _check_pathological(text: str) -> int:
    return len(check([text], reply_date=REPLY_DATE))


def test_check_finishes_on_pathological_input() -> None:
    """Inputs that make a backtracking pattern explode (runs of one bracket, repeated phrases).
    Each is checked in a child process: a catastrophic pattern fails this test at the hang
    guard instead of stalling the suite. The guard is far above any real cost (seconds) and
    says nothing about speed, which bench/ measures."""
    cases = [
        "（" * 50_000 + "》" * 50_000,
        "）" * 100_000,
        "目前已建有33家，" * 20_000,
        "至2016年《2016年》" * 20_000,
        "的的" * 50_000,
        "某某" * 50_000,
        "一是二是" * 30_000,
        "各县(市)区," * 30_000,
    ]
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        for text in cases:
            pool.apply_async(_check_pathological, (text,)).get(timeout=600)


def test_empty_input() -> None:
    assert check([], reply_date=REPLY_DATE) == []
    assert check(["", "  "], reply_date=REPLY_DATE, proposers=["张三"]) == []
    assert apply_fixes([], []) == ([], [])


# ----------------------------------------------------------------------------------------------
# empty_section


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["一、办理情况", "二、下一步工作打算", "我们将继续推进。"], [0]),
        (["一、办理情况", "（一）推进情况", "正文。", "（二）存在问题", "二、下一步"], [3, 4]),
        (["一、办理情况", "（一）推进情况", "正文。"], []),
        (["一、加强科技创新。我市已建成众创空间33家。", "二、下一步"], [1]),
        (["1.加强科技创新", "2.完善政策体系"], []),  # list items, not sections
        (["一、办理情况", "正文。", "二、下一步工作打算"], [2]),
    ],
)
def test_empty_section(paragraphs: list[str], expected: list[int]) -> None:
    findings = findings_of(paragraphs, "empty_section")
    assert [f.paragraph for f in findings] == expected
    for f in findings:
        assert paragraphs[f.paragraph] in f.message and f.suggestion is None


def test_placeholders_a_template_leaves() -> None:
    for text in ("受【请填写原因】等条件限制", "于××年完成", "联系人：XX", "电话：＿＿＿＿"):
        assert found(text, "placeholder"), text
