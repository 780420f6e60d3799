"""The role pipeline on letters written here, in our own words: each pattern real letters show
(issue 10), in several wordings. The real corpus is measured by tests/unit/test_accuracy.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.understand import explain, parse_letter

ACK = "您提出的《关于加快乡村公路养护的建议》收悉，现答复如下："
BODY = "今年以来，我局共投入养护资金三千万元，完成了二十条乡村公路的日常养护工作，路况明显改善。"
THANKS = "感谢您对交通运输工作的关心和支持。"


def _roles(lines: list[str]) -> list[tuple[str, str]]:
    parsed, _letter = explain(lines)
    return [(ln.role, ln.text) for ln in parsed]


def _role_of(lines: list[str], text: str) -> str:
    key = text.replace(" ", "")
    return next(role for role, t in _roles(lines) if t.replace(" ", "").startswith(key[:6]))


# -- after the signature come more lines ---------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "role"),
    [
        ("承办负责人：刘建国", "contact"),
        ("承办人及联系电话：孙丽 0731-5551234", "contact"),
        ("经办人：何平", "contact"),
        ("抄送：县人大常委会选工委，县政府督查室", "copy_to"),
        ("抄报：市交通运输局", "copy_to"),
        ("公开方式：主动公开", "disclosure"),
        ("（此件依申请公开）", "disclosure"),
        ("主题词：交通 建议 答复", "after_signature"),
        ("校对：王芳", "furniture"),  # 校对 is page/print furniture wherever it stands
        ("印数：5份", "furniture"),
    ],
)
def test_lines_after_the_signature(tail: str, role: str) -> None:
    lines = ["张华代表：", ACK, BODY, THANKS, "某县交通运输局", "2024年6月3日", tail]
    letter = parse_letter(lines)
    assert letter.agency == "某县交通运输局"
    assert letter.reply_date == "2024-06-03"
    assert _role_of(lines, tail) in {role, "after_signature", "furniture", "contact"}
    assert tail not in [b.text for b in letter.blocks]


@pytest.mark.parametrize(
    "contact",
    [
        "联系人：钱进，电话：0512-6677889",
        "（联系人：钱进；联系电话：0512-6677889）",
        "联系人及电话：钱进 0512-6677889",
    ],
)
def test_contact_before_the_signature(contact: str) -> None:
    lines = ["张华代表：", ACK, BODY, THANKS, contact, "某县交通运输局", "2024年6月3日"]
    letter = parse_letter(lines)
    assert letter.contact_name == "钱进"
    assert letter.contact_phone == "0512-6677889"
    assert [b.section for b in letter.blocks][-1] == "closing"


# -- no signature --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "某县水务局关于县十八届人大三次会议第12号建议的答复",
        "某县水务局对县十八届人大三次会议第12号建议的复函",
        "某县水务局关于第12号代表建议的答复函",
    ],
)
def test_agency_from_the_title_when_unsigned(title: str) -> None:
    letter = parse_letter([title, "张华代表：", ACK, BODY, THANKS])
    assert letter.kind == "reply"
    assert letter.agency == "某县水务局"
    assert letter.proposal_number == "12"
    assert letter.reply_date is None


@pytest.mark.parametrize(
    ("printed", "iso"),
    [("2025610", "2025-06-10"), ("2023531", "2023-05-31"), ("2024 915", "2024-09-15")],
)
def test_signature_date_without_its_marks(printed: str, iso: str) -> None:
    letter = parse_letter(["张华代表：", ACK, BODY, THANKS, "某县水务局", printed])
    # read, and offered to the clerk, but not stored: the reply date sets the letter's year
    assert letter.reply_date is None
    source = letter.sources["reply_date"]
    assert (source.suggestion, source.certain, source.line) == (iso, False, 5)
    assert letter.agency == "某县水务局"


def test_a_portal_reply_date_wins_over_an_offered_one() -> None:
    lines = ["答复时间：2025-06-12", "张华代表：", ACK, BODY, THANKS, "某县水务局", "2025610"]
    letter = parse_letter(lines)
    assert letter.reply_date == "2025-06-12"
    assert letter.sources["reply_date"].rule == "portal-label:date"


def test_ambiguous_digits_are_not_a_date() -> None:
    letter = parse_letter(["张华代表：", ACK, BODY, THANKS, "某县水务局", "2025111"])
    assert letter.reply_date is None  # 1-11 or 11-1


# -- salutations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("salutation", "names", "count", "role"),
    [
        ("尊敬的王明代表：", ["王明"], 1, "代表"),
        ("王明、李娟、赵强代表：", ["王明", "李娟", "赵强"], 3, "代表"),
        ("王明等10位代表：", ["王明"], 10, "代表"),
        ("王明等十二位委员：", ["王明"], 12, "委员"),
        ("王明9名代表", ["王明"], 9, "代表"),
        ("王明代表，您好：", ["王明"], 1, "代表"),
        ("高山代表", ["高山"], 1, "代表"),  # the colon lost
        ("县政协文史委员会：", ["县政协文史委员会"], 1, "单位"),
        ("某街道办事处：", ["某街道办事处"], 1, "单位"),
    ],
)
def test_salutation_forms(salutation: str, names: list[str], count: int, role: str) -> None:
    letter = parse_letter([salutation, ACK, BODY, THANKS, "某县交通运输局", "2024年6月3日"])
    assert letter.kind == "reply"
    assert letter.addressee == names
    assert letter.addressee_count == count
    assert letter.addressee_role == role


@pytest.mark.parametrize(
    "opening",
    [
        "您提出的关于加快乡村公路养护的建议已收悉，现将办理情况答复如下：",
        "你们在县十八届人大三次会议上提出的建议收悉，现答复如下。",
        "关于您提出的加快乡村公路养护的建议，我局高度重视，现答复如下：",
    ],
)
def test_no_salutation_the_acknowledgement_starts_the_letter(opening: str) -> None:
    letter = parse_letter(["关于第12号建议的答复", opening, BODY, THANKS, "某县交通运输局"])
    assert letter.kind == "reply"
    assert next(b.section for b in letter.blocks) == "greeting"
    assert letter.blocks[0].text == opening


def test_a_speech_to_all_deputies_is_reference() -> None:
    letter = parse_letter(["各位代表：", "现在，我代表县人民政府向大会报告工作，请予审议。"])
    assert letter.kind == "reference"


# -- category ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("某交函〔2024〕8号A类 同意公开", "A"),
        ("某交函〔2024〕8号(B)类", "B"),
        ("类别：C", "C"),
        ("办复类别:B", "B"),
        ("C", "C"),
        ("A类)", "A"),
        ("办理结果：B类", "B"),  # a portal's result field holding the category
        ("办理结果：(C)", "C"),
        ("办理结果： | A", "A"),
    ],
)
def test_category_forms(line: str, category: str) -> None:
    letter = parse_letter([line, "张华代表：", ACK, BODY, THANKS])
    assert letter.category == category


def test_category_after_the_text() -> None:
    letter = parse_letter(["张华代表：", ACK, BODY, THANKS, "办复类别：B", "联系人：钱进"])
    assert letter.category == "B"


# -- proposal title ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ack",
    [
        "您提出的《关于加快乡村公路养护的建议》收悉。",
        "您提出的“关于加快乡村公路养护的建议”收悉。",
        "您提出的「关于加快乡村公路养护的建议」收悉。",
        "您提出的关于加快乡村公路养护的建议收悉。",
        "您提出的《关于加快乡村公路养护的建议（第12号建议）收悉。",  # never closed
        "您在县人大三次会议上提出的关于加快乡村公路养护的建议收悉。",
    ],
)
def test_proposal_title_marks(ack: str) -> None:
    letter = parse_letter(["张华代表：", ack, BODY, THANKS])
    assert letter.proposal_title == "关于加快乡村公路养护的建议"


@pytest.mark.parametrize(
    ("ack", "title"),
    [
        ("您提出的“关于加快乡村公路养护”的建议收悉。", "关于加快乡村公路养护"),
        ("您提出的《关于设置“慢”字标志的建议》收悉。", "关于设置“慢”字标志的建议"),
        ("您提出的关于加快乡村公路养护的代表建议收悉。", "关于加快乡村公路养护"),
    ],
)
def test_proposal_title_as_printed(ack: str, title: str) -> None:
    assert parse_letter(["张华代表：", ack, BODY, THANKS]).proposal_title == title


@pytest.mark.parametrize(
    ("title_line", "number"),
    [
        ("关于县十八届人大三次会议第94号建议的答复", "94"),
        ("关于第T014号代表建议的会办意见", "T014"),
        ("关于省人大一次会议台52号建议的答复", "台52"),
    ],
)
def test_proposal_number_as_printed(title_line: str, number: str) -> None:
    letter = parse_letter([title_line, "张华代表：", "您提出的建议收悉。", BODY, THANKS])
    assert letter.proposal_number == number


# -- closing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        "再次感谢您对我局工作的关心和支持！",
        "衷心希望您一如既往地关心交通事业。",
        "顺致崇高敬意！",
        "特此答复。",
        "以上答复如有不妥，请批评指正。",
        "欢迎继续提出宝贵意见。",
    ],
)
def test_closing_forms(closing: str) -> None:
    lines = ["张华代表：", ACK, "一、基本情况", BODY, "二、下一步打算", BODY + "。", closing]
    lines += ["某县交通运输局", "2024年6月3日"]
    letter = parse_letter(lines)
    assert next(b for b in letter.blocks if b.section == "closing").text == closing


@pytest.mark.parametrize(
    "tail",
    [
        ["此复", "某县水务局", "2024年6月3日"],
        ["特此函复", "2024年6月3日"],
        ["此致", "敬礼！", "某县水务局", "2024年6月3日"],
        ["某县水务局", "此致敬礼", "2024年6月3日"],
    ],
)
def test_sign_offs_are_closing_never_the_agency(tail: list[str]) -> None:
    letter = parse_letter(["张华代表：", ACK, BODY, THANKS, *tail])
    assert letter.agency in (None, "某县水务局")
    assert letter.reply_date == "2024-06-03"
    closing = [b.text for b in letter.blocks if b.section == "closing"]
    assert closing[0] == THANKS and closing[-1] in tail
    assert "某县水务局" not in [b.text for b in letter.blocks]


def test_a_feedback_note_before_the_thanks_stays_text() -> None:
    note = "您对答复有何意见，请填写征询意见表寄回。"
    letter = parse_letter(["张华代表：", ACK, BODY, note, THANKS, "某县交通运输局"])
    closing = [b.text for b in letter.blocks if b.section == "closing"]
    assert closing == [THANKS]


# -- portal layouts and furniture ------------------------------------------------------------


def test_portal_label_value_lines() -> None:
    lines = [
        "代表姓名：王明、李娟、赵强",
        "建议内容：关于加快乡村公路养护的建议",
        "承办单位：某县交通运输局",
        "办理结果：",
        ACK,
        BODY,
        THANKS,
    ]
    letter = parse_letter(lines)
    assert letter.kind == "reply"
    assert letter.addressee == ["王明", "李娟", "赵强"]
    assert letter.proposal_title == "关于加快乡村公路养护的建议"
    assert letter.agency == "某县交通运输局"


def test_page_furniture_is_never_text() -> None:
    furniture = [
        "索引号：11320000-2024-001 | 发布机关：某县交通运输局 | 成文日期：2024-06-05",
        "上一条：关于第11号建议的答复",
        "下一条：关于第13号建议的答复",
        "打印本页 关闭",
        "网站标识码：3200000001 苏ICP备12345678号 苏公网安备 32000002000001号",
        "版权所有：某县人民政府",
        "photo_2024.jpg",
    ]
    lines = ["张华代表：", ACK, BODY, THANKS, "某县交通运输局", "2024年6月3日", *furniture]
    letter = parse_letter(lines)
    texts = [b.text for b in letter.blocks]
    assert not any(f[:6] in t for f in furniture for t in texts)
    assert letter.agency == "某县交通运输局"


def test_traditional_characters_are_read_and_kept() -> None:
    lines = [
        "王明代表：",
        "您提出的《關於加快鄉村公路養護的建議》收悉，現答復如下：",
        "今年以來，我局共投入養護資金三千萬元，完成了二十條鄉村公路的日常養護工作。",
        "感謝您對交通運輸工作的關心和支持。",
        "某縣交通運輸局",
        "2024年6月3日",
    ]
    letter = parse_letter(lines)
    assert letter.kind == "reply"
    assert letter.reply_date == "2024-06-03"
    assert [b.section for b in letter.blocks] == ["greeting", "greeting", "status", "closing"]
    assert letter.blocks[2].text.startswith("今年以來")  # the original is kept
    assert letter.agency == "某縣交通運輸局"  # fields as printed, read through the folded text
    assert letter.proposal_title == "關於加快鄉村公路養護的建議"
    assert letter.addressee_role == "代表"  # a role is a value of its own


def test_every_field_records_its_source_line() -> None:
    lines = ["某交函〔2024〕8号", "张华代表：", ACK, BODY, THANKS, "某县交通运输局", "2024年6月3日"]
    letter = parse_letter(lines)
    assert letter.sources["doc_number"].line == 0
    assert letter.sources["addressee"].line == 1
    assert letter.sources["agency"].line == 5
    assert letter.sources["reply_date"].line == 6
    assert letter.source_lines == lines


def test_explain_command_shows_each_line_with_its_role(tmp_path: Path) -> None:
    letter = tmp_path / "答复.txt"
    letter.write_text(
        "\n".join(
            [
                "张华代表：",
                ACK,
                BODY,
                THANKS,
                "某县交通运输局",
                "2024年6月3日",
                "抄送：县人大常委会",
            ]
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "REPLYDESK_DB": str(tmp_path / "never.db")}
    run = [sys.executable, "-m", "desktop", "explain", str(letter)]
    proc = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "称呼" in proc.stdout and "SALUTATION" in proc.stdout
    assert "抄送" in proc.stdout and "答复单位：某县交通运输局" in proc.stdout
    proc = subprocess.run([*run, "--json"], capture_output=True, text=True, env=env, check=False)
    out = json.loads(proc.stdout)
    assert [ln["role"] for ln in out["lines"]] == [
        "salutation",
        "acknowledgement",
        "body",
        "closing",
        "agency",
        "date",
        "copy_to",
    ]
    assert out["fields"]["reply_date"] == {
        "value": "2024-06-03",
        "line": 5,
        "rule": "signature-date",
        "certain": True,
    }
    assert not (tmp_path / "never.db").exists()  # explain writes nothing
    # a date read from digits alone is shown as offered, not stored
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("2024年6月3日", "2024 6 3"), encoding="utf-8"
    )
    proc = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    assert "答复日期：（空）可能是 2024-06-03（待确认，未存入）" in proc.stdout
    db = str(tmp_path / "lib.db")
    cli = [sys.executable, "-m", "desktop", "--db", db]
    subprocess.run([*cli, "import", str(letter)], capture_output=True, env=env, check=True)
    proc = subprocess.run([*cli, "show", "1"], capture_output=True, text=True, env=env, check=False)
    assert "答复日期：（待确认：可能是 2024-06-03，用 edit --set reply_date=2024-06-03 采用）" in (
        proc.stdout
    )
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "explain", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_a_whole_letter_flattened_into_one_portal_cell() -> None:
    cell = (
        "答复内容：张华代表：您提出的建议收悉，现答复如下： 今年以来，我局共投入养护资金三千万元，"
        "完成了二十条乡村公路的日常养护。 感谢您对交通运输工作的关心和支持。 "
        "某县交通运输局 2024年6月3日"
    )
    letter = parse_letter([f"建议标题：关于加快乡村公路养护的建议 | {cell}"])
    assert (letter.kind, letter.addressee, letter.agency) == ("reply", ["张华"], "某县交通运输局")
    assert letter.reply_date == "2024-06-03"
    assert letter.proposal_title == "关于加快乡村公路养护的建议"
    assert [b.section for b in letter.blocks] == ["greeting", "greeting", "status", "closing"]


def test_a_title_broken_over_lines_and_a_number_only() -> None:
    lines = ["关于县十八届人大三次会议第94号", "建议的", "答  复", "张华代表："]
    lines += [
        "您提出的第94号建议收悉，现答复如下：",
        BODY,
        THANKS,
        "某县交通运输局",
        "2024年6月3日",
    ]
    letter = parse_letter(lines)
    assert letter.title == "关于县十八届人大三次会议第94号建议的答复"
    assert letter.proposal_number == "94"
    assert letter.proposal_title is None  # only "第94号建议": no title is made up


def test_a_motion_is_handled_as_a_suggestion() -> None:
    lines = ["关于加快乡村公路养护的议案的答复", "张华代表：", "您提出的议案收悉，现答复如下："]
    letter = parse_letter([*lines, BODY, THANKS, "某县交通运输局", "2024年6月3日"])
    assert letter.proposal_title == "关于加快乡村公路养护的议案"
    assert letter.addressee_role == "代表"
