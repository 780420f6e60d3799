"""Reading a 建议 / 提案 / 议案 into case fields (desktop/understand/proposal*.py).

The proposals here are made up for the tests, several wordings per form."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.casework import case_from_json
from desktop.errors import ClerkError
from desktop.understand.proposal import (
    NotAProposal,
    explain_proposal,
    read_proposal,
    read_proposal_file,
    understand_case_text,
)

ROOT = Path(__file__).resolve().parents[2]
SEED_REPLY = ROOT / "resources" / "sample_library" / "000_f249a5bce850aff6.txt"

DEPUTY_PLAIN = """市十八届人大三次会议第101号建议
关于加强科技金融服务的建议
领衔代表：王明　附议代表：李华、赵强
近年来，我市科技型中小企业发展较快，但融资难的问题依然突出。
一、存在问题
银行对轻资产企业授信谨慎，担保费用偏高。
二、具体建议
（一）设立科技信贷风险补偿资金池。
（二）推动知识产权质押融资扩面。"""


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_the_issue_example_finds_number_session_title_and_people() -> None:
    fields = read_proposal(_lines(DEPUTY_PLAIN))
    assert fields.number == "101"
    assert fields.session == "市十八届人大三次会议"
    assert fields.title == "关于加强科技金融服务的建议"
    assert fields.kind == "建议" and fields.role == "代表"
    assert fields.proposers == ["王明"]
    assert fields.seconders == ["李华", "赵强"]
    assert fields.content.startswith("近年来，我市科技型中小企业")
    assert "关于加强科技金融服务的建议" not in fields.content
    assert "领衔代表" not in fields.content
    assert fields.parts["reason"] == "银行对轻资产企业授信谨慎，担保费用偏高。"
    assert fields.parts["suggestion"].splitlines() == [
        "（一）设立科技信贷风险补偿资金池。",
        "（二）推动知识产权质押融资扩面。",
    ]
    assert fields.found and not fields.reply


@pytest.mark.parametrize(
    ("text", "number", "session", "proposers", "count", "seconders"),
    [
        (  # number after the title, lead and seconders on lines of their own
            "关于推进老旧小区加装电梯的建议\n建议编号：第56号\n领衔人：周红\n"
            "附议人：钱进，郑文 冯佳\n"
            "老旧小区居民年龄偏大，上下楼困难。",
            "56",
            "",
            ["周红"],
            None,
            ["钱进", "郑文", "冯佳"],
        ),
        (  # the joint form, the session in its own line, 联名代表
            "南通市第十七届人民代表大会第二次会议\n代表建议\n第 212 号\n"
            "题目：关于优化公交线网的建议\n提出人：韩梅等5位代表\n"
            "建议理由：部分新建小区没有公交覆盖。\n建议办法：增设微循环线路。",
            "212",
            "南通市第十七届人民代表大会第二次会议",
            ["韩梅"],
            5,
            [],
        ),
        (  # the deputies' names on the line under their label
            "十八届人大三次会议 第7号建议\n关于规范校外培训收费的建议\n领衔代表：\n许诺\n"
            "附议代表：\n蒋欣、沈阳\n校外培训机构预收费纠纷较多。",
            "7",
            "十八届人大三次会议",
            ["许诺"],
            None,
            ["蒋欣", "沈阳"],
        ),
    ],
)
def test_deputy_suggestions_in_several_wordings(
    text: str,
    number: str,
    session: str,
    proposers: list[str],
    count: int | None,
    seconders: list[str],
) -> None:
    fields = read_proposal(_lines(text))
    assert fields.number == number
    assert fields.session == session
    assert fields.proposers == proposers
    assert fields.proposer_count == count
    assert fields.seconders == seconders
    assert fields.kind == "建议" and fields.role == "代表"
    assert fields.title.startswith("关于") and fields.title.endswith("的建议")
    assert fields.content


CPPCC = """政协第十四届南通市委员会第三次会议
提案
第0123号
案由：关于推进社区嵌入式养老服务的提案
提案人：陈静
界别：民进
联系电话：0513-85551234
联名人：孙立　周敏　吴海
理由：
我市六十岁以上老年人口占比已超过三成，居家养老需求增长很快。
办法：
1.在新建小区配建养老服务用房。
2.对运营机构给予床位补贴。
2025年1月8日"""


def test_a_cppcc_proposal_with_its_member_circle_and_co_signers() -> None:
    fields = read_proposal(_lines(CPPCC))
    assert fields.number == "0123"
    assert fields.session == "政协第十四届南通市委员会第三次会议"
    assert fields.title == "关于推进社区嵌入式养老服务的提案"
    assert fields.kind == "提案" and fields.role == "委员"
    assert fields.proposers == ["陈静"]
    assert fields.seconders == ["孙立", "周敏", "吴海"]
    assert fields.delegation == "民进"
    assert fields.proposer_phone == "0513-85551234"
    assert fields.parts["reason"].startswith("我市六十岁以上")
    assert fields.parts["suggestion"].splitlines()[1] == "2.对运营机构给予床位补贴。"
    assert "2025年1月8日" not in fields.content


def test_a_cppcc_proposal_in_another_wording() -> None:
    text = (
        "第0456号提案\n《关于加强中小学生视力保护的提案》\n第一提案人：魏兰（市医学会）\n"
        "所属界别：医药卫生界\n共同提案人：蔡明、罗曼\n手机：13912345678\n"
        "【案由】\n近视低龄化趋势明显，学校户外活动时间不足。\n【具体建议】\n每天保证两小时户外活动。"
    )
    fields = read_proposal(_lines(text))
    assert fields.number == "0456"
    assert fields.title == "关于加强中小学生视力保护的提案"
    assert fields.proposers == ["魏兰"]
    assert fields.seconders == ["蔡明", "罗曼"]
    assert fields.delegation == "医药卫生界"
    assert fields.proposer_phone == "13912345678"
    assert fields.kind == "提案" and fields.role == "委员"
    assert fields.parts == {
        "subject": "近视低龄化趋势明显，学校户外活动时间不足。",
        "suggestion": "每天保证两小时户外活动。",
    }


def test_a_motion_of_deputies() -> None:
    text = (
        "市十八届人大三次会议\n议案\n案号：3\n案由：关于制定城市绿化条例的议案\n"
        "领衔代表：黄涛\n附议代表：马丽、朱强、胡杨、郭静、何平、林峰、高远、梁爽、宋佳、唐宁\n"
        "所在代表团：海门代表团\n案据：现行管理办法层级较低，执法依据不足。\n"
        "方案：建议将条例列入年度立法计划。"
    )
    fields = read_proposal(_lines(text))
    assert fields.kind == "议案" and fields.role == "代表"
    assert fields.number == "3"
    assert fields.title == "关于制定城市绿化条例的议案"
    assert fields.proposers == ["黄涛"] and len(fields.seconders) == 10
    assert fields.delegation == "海门代表团"
    assert fields.parts["reason"] == "现行管理办法层级较低，执法依据不足。"
    assert fields.parts["suggestion"] == "建议将条例列入年度立法计划。"


def test_a_table_row_form_pasted_as_text() -> None:
    text = (
        "标题 | 关于完善城区停车设施的建议 | 建议号 | 2025-035\n"
        "领衔代表 | 刘洋等6位代表 | 代表团 | 崇川区代表团\n"
        "联系电话 | 139 1234 5678\n"
        "案由 | 老城区停车位缺口大，占道停车普遍。\n"
        "建议内容 | 一是挖掘存量空间建设立体停车库。"
    )
    fields = read_proposal(_lines(text))
    assert (fields.title, fields.number) == ("关于完善城区停车设施的建议", "2025-035")
    assert fields.proposers == ["刘洋"] and fields.proposer_count == 6
    assert fields.delegation == "崇川区代表团"
    assert fields.proposer_phone == "13912345678"
    assert fields.parts["subject"] == "老城区停车位缺口大，占道停车普遍。"
    assert "立体停车库" in fields.content


def test_a_list_exported_across_the_page_reads_its_column_labels() -> None:
    text = "提案号 | 提案人 | 界别 | 提案标题\n0789 | 邓华 | 农工党 | 关于发展林下经济的提案"
    fields = read_proposal(_lines(text))
    assert fields.number == "0789"
    assert fields.proposers == ["邓华"]
    assert fields.delegation == "农工党"
    assert fields.title == "关于发展林下经济的提案"
    assert fields.kind == "提案"


def test_the_fields_fill_a_case() -> None:
    case = case_from_json(read_proposal(_lines(CPPCC)).case_data())
    assert case.number == "0123"
    assert case.kind == "提案" and case.role == "委员"
    assert case.proposers == ["陈静"] and case.seconders == ["孙立", "周敏", "吴海"]
    assert case.delegation == "民进"
    assert case.content.startswith("理由：")
    assert case.contact_phone == ""  # the proposer's phone is not the reply's contact


def test_explain_gives_every_line_a_role_and_a_rule() -> None:
    lines, _fields = explain_proposal(_lines(DEPUTY_PLAIN))
    roles = [(ln.role, ln.rule) for ln in lines]
    assert roles[:4] == [
        ("head", "NUMBER-line"),
        ("title", "TITLE-line"),
        ("label", "label:领衔代表"),
        ("label", "label:附议代表"),
    ]
    assert ("part", "PART-heading:suggestion") in roles
    assert all(rule for _role, rule in roles)


def test_a_reply_is_not_a_proposal_but_fills_the_dialog_from_what_it_says() -> None:
    lines = SEED_REPLY.read_text(encoding="utf-8").splitlines()
    assert not read_proposal(lines).found
    fields = understand_case_text(lines)
    assert fields.reply and fields.number == "277"
    assert fields.proposers == ["石剑波"]


def test_text_that_is_no_proposal_finds_nothing() -> None:
    text = "今天天气很好。\n我们去公园散步，看到很多人在锻炼身体。"
    fields = understand_case_text(_lines(text))
    assert not fields.has_fields and not fields.found


def _table_docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("南通市政协提案办理系统导出")
    table = doc.add_table(rows=6, cols=4)
    cells = [
        ("提案号", "0231", "届次", "政协十四届三次会议"),
        ("提案标题", "关于提升农村供水保障水平的提案", "类型", "提案"),
        ("提案人", "严冬", "界别", "九三学社"),
        ("联名人", "叶青、程远", "联系电话", "0513-83336666"),
    ]
    for row, values in zip(table.rows, cells, strict=False):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.rows[4].cells[0].text = "提案内容"
    merged = table.rows[4].cells[1].merge(table.rows[4].cells[3])
    merged.text = "部分村庄管网老化，夏季用水高峰水压不足。"
    merged.add_paragraph("建议实施管网改造，建立水质定期检测制度。")
    doc.save(str(path))
    return path


def test_a_table_export_as_docx(tmp_path: Path) -> None:
    fields = read_proposal_file(_table_docx(tmp_path / "提案0231.docx"))
    assert fields.number == "0231"
    assert fields.session == "政协十四届三次会议"
    assert fields.title == "关于提升农村供水保障水平的提案"
    assert fields.kind == "提案"
    assert fields.proposers == ["严冬"] and fields.seconders == ["叶青", "程远"]
    assert fields.delegation == "九三学社"
    assert fields.proposer_phone == "0513-83336666"
    # the reader joins a cell's paragraphs with a space, which normalizing takes out
    assert fields.content == (
        "部分村庄管网老化，夏季用水高峰水压不足。建议实施管网改造，建立水质定期检测制度。"
    )


def test_a_table_export_as_html(tmp_path: Path) -> None:
    page = """<html><head><meta charset="utf-8"><title>建议详情</title></head><body>
    <table>
    <tr><td>建议编号：</td><td>162</td><td>会议：</td><td>市十八届人大三次会议</td></tr>
    <tr><td>建议标题：</td><td colspan="3">关于加快城市更新片区改造的建议</td></tr>
    <tr><td>领衔代表：</td><td>潘越</td><td>代表团：</td><td>通州区代表团</td></tr>
    <tr><td>附议代表：</td><td colspan="3">杜鹃 田野 任重</td></tr>
    <tr><td>建议内容：</td><td colspan="3">
    <p>片区内危旧房比例高。</p><p>建议分期实施改造。</p></td></tr>
    </table></body></html>"""
    path = tmp_path / "建议162.html"
    path.write_text(page, encoding="utf-8")
    fields = read_proposal_file(path)
    assert fields.number == "162"
    assert fields.session == "市十八届人大三次会议"
    assert fields.title == "关于加快城市更新片区改造的建议"
    assert fields.proposers == ["潘越"]
    assert fields.seconders == ["杜鹃", "田野", "任重"]
    assert fields.delegation == "通州区代表团"
    assert "片区内危旧房比例高" in fields.content and "分期实施改造" in fields.content


def test_a_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "建议.txt"
    path.write_bytes(DEPUTY_PLAIN.encode("gbk"))
    fields = read_proposal_file(path)
    assert (fields.number, fields.proposers) == ("101", ["王明"])


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_a_pdf_and_a_doc_made_by_libreoffice(tmp_path: Path) -> None:
    source = tmp_path / "提案.docx"
    doc = Document()
    for line in CPPCC.splitlines():
        doc.add_paragraph(line)
    doc.save(str(source))
    for target in ("pdf", "doc"):
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{tmp_path}/lo",
                "--convert-to",
                target,
                "--outdir",
                str(tmp_path),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        fields = read_proposal_file(tmp_path / f"提案.{target}")
        assert fields.number == "0123", target
        assert fields.title == "关于推进社区嵌入式养老服务的提案", target
        assert fields.proposers == ["陈静"], target
        assert fields.delegation == "民进", target
        assert fields.kind == "提案", target
        assert fields.parts["suggestion"].endswith("床位补贴。"), target


def test_a_file_that_is_no_proposal_is_refused_in_one_chinese_line(tmp_path: Path) -> None:
    path = tmp_path / "会议通知.txt"
    path.write_text("各科室：\n定于下周一上午召开全体会议，请准时参加。\n", encoding="utf-8")
    with pytest.raises(NotAProposal) as raised:
        read_proposal_file(path)
    assert raised.value.message == (
        "会议通知.txt 不像一份建议、提案或议案：没有找到编号、标题或提出人。"
    )
    reply = tmp_path / "答复.txt"
    reply.write_text(SEED_REPLY.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(NotAProposal, match="是一份答复"):
        read_proposal_file(reply)
    with pytest.raises(ClerkError):
        read_proposal_file(tmp_path / "missing.docx")


def _explain(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "explain", "--proposal", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_explain_proposal_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "建议101.txt"
    path.write_text(DEPUTY_PLAIN, encoding="utf-8")
    proc = _explain(str(path))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    assert out[0] == "建议101.txt：识别为建议。"
    assert "文头" in out[1] and "NUMBER-line" in out[1]
    assert "  提出人：王明  ← 第 3 行，规则 label:领衔代表" in out
    assert "  附议人/联名人：李华、赵强  ← 第 3 行，规则 label:附议代表" in out
    proc = _explain(str(path), "--json")
    data = json.loads(proc.stdout)
    assert data["proposal"] is True
    assert data["fields"]["number"] == {
        "value": "101",
        "line": 0,
        "rule": "NUMBER-in-head",
        "certain": True,
    }
    assert data["lines"][1]["role"] == "title"
    assert data["parts"]["suggestion"].startswith("（一）")


def test_explain_proposal_says_when_a_file_is_none_and_when_it_cannot_be_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "通知.txt"
    path.write_text("各科室：\n定于下周一上午召开全体会议，请准时参加。\n", encoding="utf-8")
    proc = _explain(str(path))
    assert proc.returncode == 0
    assert proc.stdout.splitlines()[0] == (
        "通知.txt：这份文件不像一份建议、提案或议案：没有找到编号、标题或提出人。"
    )
    proc = _explain(str(tmp_path / "无此文件.docx"))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "无此文件.docx" in proc.stderr


def test_a_deputy_suggestion_signed_at_the_end_with_the_delegation_after_the_name() -> None:
    text = (
        "南通市第十七届人民代表大会第四次会议\n代表建议\n（第 88 号）\n"
        "关于进一步规范电动自行车停放充电管理的建议\n代表：顾晓东（崇川区代表团）\n"
        "附议：钱程、孙悦、王立新\n"
        "电动自行车数量快速增长，楼道停放现象屡禁不止，火灾隐患突出。为此建议：\n"
        "一是加快建设集中充电设施。\n二是加强执法检查。\n"
        "                     领衔代表：顾晓东\n                     2025年1月10日"
    )
    lines, fields = explain_proposal(_lines(text))
    assert fields.number == "88"
    assert fields.session == "南通市第十七届人民代表大会第四次会议"
    assert fields.proposers == ["顾晓东"] and fields.delegation == "崇川区代表团"
    assert fields.sources["delegation"].rule == "DELEGATION-after-name"
    assert fields.seconders == ["钱程", "孙悦", "王立新"]
    assert fields.parts["suggestion"] == "一是加快建设集中充电设施。\n二是加强执法检查。"
    assert fields.content.endswith("二是加强执法检查。")
    assert "领衔代表" not in fields.content and "2025年" not in fields.content
    assert [ln.role for ln in lines][-2:] == ["label", "date"]


FORM_LINES = {
    "number": "提案号：0777",
    "title": "提案标题：关于加快智慧农业发展的提案",
    "proposers": "提案人：包容",
    "seconders": "联名人：柏林、齐心",
    "delegation": "界别：农业界",
    "phone": "联系电话：13800001111",
}


@given(order=st.permutations(sorted(FORM_LINES)), table=st.booleans())
def test_form_labels_in_any_order_and_shape(order: list[str], table: bool) -> None:
    rows = [FORM_LINES[key] for key in order]
    if table:  # the same form as a two-column table
        rows = [row.replace("：", " | ", 1) for row in rows]
    fields = read_proposal([*rows, "理由：农业生产数字化水平不高。"])
    assert fields.number == "0777"
    assert fields.title == "关于加快智慧农业发展的提案"
    assert fields.proposers == ["包容"] and fields.seconders == ["柏林", "齐心"]
    assert fields.delegation == "农业界" and fields.proposer_phone == "13800001111"
    assert fields.kind == "提案" and fields.parts == {"reason": "农业生产数字化水平不高。"}


_ALPHABET = "关于的建议提案议案第号届次会议：:|、领衔代表附议人界别\n 一二三0123abc。（）"


@settings(max_examples=200)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=40), max_size=12))
def test_the_reader_never_raises(lines: list[str]) -> None:
    fields, explained = read_proposal(lines), explain_proposal(lines)
    assert fields.found == explained[1].found
    assert all(ln.rule for ln in explained[0])


def test_a_huge_paragraph_is_one_body_line() -> None:
    text = "理由：" + "我市老旧小区较多，改造任务重。" * 40000 + "办法："
    lines, fields = explain_proposal(["关于推进老旧小区改造的建议", text, "分批实施。"])
    assert [ln.role for ln in lines] == ["title", "label", "label", "body"]
    assert fields.parts["suggestion"] == "分批实施。"
