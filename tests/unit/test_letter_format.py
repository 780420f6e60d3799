"""The letter format is a profile choice, set on the command line and used by `draft`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from desktop.__main__ import main
from desktop.profile import AgencyProfile, ProfileError, parse_profile_value

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def banji_texts(path: Path) -> tuple[list[str], list[str | None]]:
    """The 版记 table's row texts and the sizes of its top borders."""
    body = Document(str(path)).element.body
    (table,) = body.findall(f"{W}tbl")
    cells = list(table.iter(f"{W}tc"))
    texts = ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in cells]
    tops = [(tc.find(f"{W}tcPr/{W}tcBorders/{W}top").get(f"{W}sz")) for tc in cells]
    return texts, tops


def test_profile_keys_parse_and_refuse() -> None:
    assert AgencyProfile().letter_format == "函"
    assert parse_profile_value("letter_format", " 版记 ") == "版记"
    with pytest.raises(ProfileError, match="函"):
        parse_profile_value("letter_format", "公文")
    assert parse_profile_value("issue_date", "2026-06-01") == "2026-06-01"
    assert parse_profile_value("issue_date", "") == ""
    with pytest.raises(ProfileError, match="2026-06-01"):
        parse_profile_value("issue_date", "六月一日")


def test_cli_sets_the_format_and_draft_follows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.db")
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps(
            {
                "number": "12",
                "title": "关于加快众创空间建设的建议",
                "proposers": ["张三"],
                "role": "代表",
                "category": "A",
                "content": "建议。",
                "reply_date": "2026-06-01",
                "cc": ["市人大常委会代表工委"],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert run(capsys, "profile", "set", "agency_name", "某市科学技术局", "--db", db)[0] == 0
    code, _, err = run(capsys, "profile", "set", "letter_format", "公文", "--db", db)
    assert code == 2 and "函" in err and "版记" in err
    assert run(capsys, "profile", "set", "letter_format", "版记", "--db", db)[0] == 0
    code, out, _ = run(
        capsys, "profile", "set", "issuing_office", "某市科学技术局办公室", "--db", db
    )
    assert code == 0 and "已保存" in out
    code, out, _ = run(capsys, "profile", "show", "--db", db, "--json")
    shown = json.loads(out)
    assert shown["letter_format"] == "版记" and shown["issuing_office"] == "某市科学技术局办公室"

    docx = tmp_path / "版记.docx"
    assert run(capsys, "draft", "--case", str(case), "--out", str(docx), "--db", db)[0] == 0
    texts, tops = banji_texts(docx)
    assert texts == [
        "公开属性：主动公开",
        "抄送：市人大常委会代表工委。",
        "某市科学技术局办公室2026年6月1日印发",
    ]
    assert tops == ["8", "6", "6"]  # thick first rule, thin between

    assert run(capsys, "profile", "set", "letter_format", "函", "--db", db)[0] == 0
    docx = tmp_path / "函.docx"
    args = ("draft", "--case", str(case), "--out", str(docx), "--update", "--db", db)
    assert run(capsys, *args)[0] == 0
    texts, tops = banji_texts(docx)
    assert texts == ["公开属性：主动公开", "抄送：市人大常委会代表工委。"]
    assert tops == [None, None]  # no rules, no 印发 line
