"""``replydesk edit``, ``delete``, ``show`` and ``reparse`` as a clerk's terminal runs them: real
``python -m desktop`` subprocesses on a library of letters written for these tests.

Every refused command is checked against a dump of the whole database taken before it.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.__main__ import main
from desktop.understand import PARSER_VERSION
from tests.conftest import ROOT

CHINESE = re.compile(r"[\u4e00-\u9fff]")

LETTER_A = """B类
海科函〔2023〕7号
关于市十八届人大二次会议第56号建议的答复

刘敏代表：
您提出的《关于加强社区老年食堂建设的建议》收悉。感谢您对民政工作的关心和支持！经认真研究，现答复如下：
一、工作现状
目前全市已建成社区老年食堂120个，覆盖街道八成以上，每天为老人提供午餐约九千份。
二、下一步打算
下一步，我们将推动老年食堂向农村延伸，计划明年新增30个助餐点，并完善送餐上门服务。
衷心感谢您对我局工作的关心和支持，欢迎继续提出宝贵意见。

海州市民政局
2023年6月20日
（联系人：陈静，联系电话：0518-85551234）
"""

LETTER_B = """A类
海科函〔2023〕9号
关于市十八届人大二次会议第61号建议的答复

周宇代表：
您提出的《关于完善社区养老驿站运营补贴的建议》收悉。经认真研究，现答复如下：
一、工作现状
全市现有社区养老驿站45家，去年起按服务人次发放运营补贴，驿站平均入住率提高了一成。
二、下一步打算
我们将会同财政部门调整补贴标准，把失能老人护理服务纳入补贴范围。
衷心感谢您对我局工作的关心和支持，欢迎继续提出宝贵意见。

海州市民政局
2023年7月3日
（联系人：陈静，联系电话：0518-85551234）
"""
SHARED_CLOSING = "衷心感谢您对我局工作的关心和支持，欢迎继续提出宝贵意见。"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    base = tmp_path / "home"
    out = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "REPLYDESK"))}
    out.update(
        HOME=str(base),
        XDG_DATA_HOME=str(base / "data"),
        XDG_CONFIG_HOME=str(base / "config"),
        XDG_STATE_HOME=str(base / "state"),
        XDG_CACHE_HOME=str(base / "cache"),
        REPLYDESK_DB=str(base / "default" / "library.db"),
        PYTHONPATH=str(ROOT),
    )
    return out


class Cli:
    def __init__(self, env: dict[str, str], db: Path):
        self.env, self.db = env, db

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "desktop", *args, "--db", str(self.db)]
        return subprocess.run(
            argv, cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120
        )

    def json(self, *args: str) -> object:
        proc = self(*args, "--json")
        assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
        return json.loads(proc.stdout)

    def show(self, letter_id: int) -> dict[str, object]:
        data = self.json("show", str(letter_id))
        assert isinstance(data, dict)
        return data

    def dump(self) -> list[str]:
        conn = sqlite3.connect(f"{self.db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return list(conn.iterdump())
        finally:
            conn.close()


@pytest.fixture
def cli(env: dict[str, str], tmp_path: Path) -> Cli:
    return Cli(env, tmp_path / "lib.db")


def _letter(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _import(cli: Cli, path: Path) -> tuple[str, int]:
    results = cli.json("import", str(path))
    assert isinstance(results, list)
    return results[0]["status"], results[0]["letter_id"]


def _paragraph(letter: dict[str, object], start: str) -> dict[str, object]:
    paragraphs = letter["paragraphs"]
    assert isinstance(paragraphs, list)
    return next(p for p in paragraphs if p["text"].startswith(start))


def test_edit_fields_section_and_kind_then_show_and_reimport(cli: Cli, tmp_path: Path) -> None:
    path = _letter(tmp_path, "老年食堂 答复.txt", LETTER_A)
    status, letter_id = _import(cli, path)
    assert status == "imported"
    before = cli.show(letter_id)
    assert before["agency"] == "海州市民政局" and before["reply_date"] == "2023-06-20"
    assert before["corrected"] == [] and before["parser_version"] == PARSER_VERSION
    plan = _paragraph(before, "下一步，我们将推动")
    assert plan["section"] == "plan"
    # the keys issue 2 promised stay as they were
    assert {"id", "kind", "addressee", "reply_date", "sections"} <= set(before)
    assert set(before["sections"][0]["paragraphs"][0]) == {"id", "text"}  # type: ignore[index]
    assert set(plan) == {"position", "paragraph_id", "section", "is_heading", "text", "original"}

    proc = cli(
        "edit", str(letter_id),
        "--set", "reply_date=2023-06-21", "答复单位=海州市民政局办公室", "category=",
        "--set", "co_organizers=海州市财政局、海州市卫健委", "电话=0518-85550000",
        "--section", f"{plan['paragraph_id']}=status",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "答复日期：2023-06-20 → 2023-06-21" in proc.stdout
    assert "答复单位：海州市民政局 → 海州市民政局办公室" in proc.stdout
    assert "答复类别：B → （空）" in proc.stdout
    assert f"段落 #{plan['paragraph_id']}" in proc.stdout and "下一步 → 现状" in proc.stdout

    after = cli.show(letter_id)
    assert after["reply_date"] == "2023-06-21" and after["year"] == 2023
    assert after["agency"] == "海州市民政局办公室"
    assert after["category"] is None
    assert after["co_organizers"] == ["海州市财政局", "海州市卫健委"]
    assert after["contact_phone"] == "0518-85550000"
    assert _paragraph(after, "下一步，我们将推动")["section"] == "status"
    assert {"reply_date", "agency", "category", "co_organizers", "sections"} <= set(
        after["corrected"]  # type: ignore[arg-type]
    )
    assert after["sources"]["agency"]["rule"] == "clerk"  # type: ignore[index]
    untouched = {k: v for k, v in before.items() if k not in after["corrected"]}  # type: ignore[operator]
    for key in ("addressee", "proposal_title", "doc_number", "contact_name", "title", "session"):
        assert after[key] == untouched[key]

    edited = cli.json("edit", str(letter_id), "--kind", "reference")
    assert isinstance(edited, dict)
    assert edited["kind"] == "reference" and "kind" in edited["corrected"]
    assert cli.show(letter_id) == edited

    shown = cli("show", str(letter_id))
    assert shown.returncode == 0
    assert "类型：参考资料（已改正）" in shown.stdout
    assert "答复单位：海州市民政局办公室（已改正）" in shown.stdout
    assert f"#{plan['paragraph_id']} 下一步，我们将推动" in shown.stdout

    # The same file again: still the duplicate of the corrected letter, the edits stay.
    status, again = _import(cli, path)
    assert (status, again) == ("duplicate", letter_id)
    assert cli.show(letter_id) == edited
    assert len(cli.json("letters")) == 1  # type: ignore[arg-type]


def test_delete_needs_yes_and_keeps_paragraphs_other_letters_share(
    cli: Cli, tmp_path: Path
) -> None:
    _, a = _import(cli, _letter(tmp_path, "a.txt", LETTER_A))
    _, b = _import(cli, _letter(tmp_path, "b.txt", LETTER_B))
    before = cli.dump()
    proc = cli("delete", str(a))
    assert proc.returncode == 2 and "--yes" in proc.stderr and CHINESE.search(proc.stderr)
    assert cli.dump() == before

    deleted = cli.json("delete", str(a), "--yes")
    assert deleted == {"deleted": a, "title": "关于加强社区老年食堂建设的建议"}
    assert cli("show", str(a)).returncode == 1
    assert [x["id"] for x in cli.json("letters")] == [b]  # type: ignore[union-attr]
    closing = _paragraph(cli.show(b), SHARED_CLOSING)
    assert closing["section"] == "closing"
    hits = cli.json("search", "欢迎继续提出宝贵意见")
    assert [h["letter_id"] for h in hits] == [b]  # type: ignore[union-attr]
    assert cli.json("search", "老年食堂") == []  # A's own paragraphs went with it

    proc = cli("delete", str(b), "--yes")
    assert proc.returncode == 0 and f"已删除编号 {b} 的文件" in proc.stdout
    assert cli.json("letters") == []


def test_every_bad_edit_or_delete_is_one_chinese_line_and_changes_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    _, a = _import(cli, _letter(tmp_path, "a.txt", LETTER_A))
    _, b = _import(cli, _letter(tmp_path, "b.txt", LETTER_B))
    letter = cli.show(a)
    plan = _paragraph(letter, "下一步，我们将推动")["paragraph_id"]
    only_b = _paragraph(cli.show(b), "我们将会同财政部门")["paragraph_id"]
    before = cli.dump()
    bad = [
        ["edit", str(a), "--set", "agency=新单位", "mood=happy"],  # unknown field, with a good one
        ["edit", str(a), "--set", "reply_date=2023-02-30"],  # no such day
        ["edit", str(a), "--set", "答复日期=去年六月"],  # not a date
        ["edit", "9999", "--set", "agency=某局"],  # no such letter
        ["edit", str(a), "--kind", "memo"],  # not a kind
        ["edit", str(a), "--section", f"{plan}=middle"],  # not a section
        ["edit", str(a), "--section", f"{only_b}=plan"],  # a paragraph of another letter
        ["edit", str(a), "--section", "第三段=plan"],  # not a paragraph id
        ["edit", str(a), "--set", "agency"],  # no "="
        ["edit", str(a), "--set", "=某局"],  # no field name
        ["edit", str(a), "--set", "agency=甲局", "agency=乙局"],  # the same field twice
        ["edit", str(a)],  # nothing to change
        ["edit", "三", "--set", "agency=某局"],  # not an id
        ["delete", str(a)],  # no --yes
        ["delete", "9999", "--yes"],  # no such letter
    ]
    for argv in bad:
        proc = cli(*argv)
        lines = proc.stderr.strip().splitlines()
        assert proc.returncode == 2, (argv, proc.stdout, proc.stderr)
        assert len(lines) == 1 and CHINESE.search(lines[0]), (argv, proc.stderr)
        assert "Traceback" not in proc.stderr and proc.stdout == ""
        assert cli.dump() == before, argv
    assert cli.show(a) == letter


def test_show_marks_uncertain_and_corrected_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.import_steps
    from desktop.model import FieldSource, ParsedLetter

    real = desktop.import_steps.parse_letter

    def unsure_date(lines: list[str]) -> ParsedLetter:
        letter = real(lines)
        letter.sources["reply_date"] = FieldSource(12, "damaged_date", certain=False)
        letter.sources["agency"] = FieldSource(11, "signature", certain=True)
        return letter

    monkeypatch.setattr(desktop.import_steps, "parse_letter", unsure_date)
    db = str(tmp_path / "lib.db")
    assert main(["import", str(_letter(tmp_path, "a.txt", LETTER_A)), "--db", db]) == 0
    capsys.readouterr()
    assert main(["show", "1", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "答复日期：2023-06-20（待确认）" in out
    assert "答复单位：海州市民政局\n" in out  # certain: no mark
    assert main(["show", "1", "--db", db, "--json"]) == 0
    sources = json.loads(capsys.readouterr().out)["sources"]
    assert sources["reply_date"] == {"line": 12, "rule": "damaged_date", "certain": False}
    # the clerk confirms it: corrected, no longer to be confirmed
    assert main(["edit", "1", "--set", "reply_date=2023-06-20", "--db", db]) == 0
    capsys.readouterr()
    assert main(["show", "1", "--db", db]) == 0
    assert "答复日期：2023-06-20（已改正）" in capsys.readouterr().out


def test_reparse_rereads_what_the_clerk_did_not_correct(cli: Cli, tmp_path: Path) -> None:
    _, a = _import(cli, _letter(tmp_path, "a.txt", LETTER_A))
    _, b = _import(cli, _letter(tmp_path, "b.txt", LETTER_B))
    assert cli("edit", str(a), "--set", "agency=海州市民政局养老服务处").returncode == 0
    # What an older parser left: a wrong contact in both letters, and its version number.
    conn = sqlite3.connect(cli.db)
    with conn:
        conn.execute("UPDATE letters SET contact_name = '旧程序读错的人', parser_version = 0")
    conn.close()
    shown = cli("letters")
    assert shown.returncode == 0
    assert "有 2 份文件是旧版程序读取的" in shown.stderr and "replydesk reparse" in shown.stderr
    assert "reparse" not in cli("profile", "show").stderr  # only commands that show letters

    proc = cli("reparse")
    assert proc.returncode == 0, proc.stderr
    assert f"[1/2] 编号 {a}：有变化，人工改正的内容已保留" in proc.stderr
    assert f"[2/2] 编号 {b}：有变化\n" in proc.stderr
    assert proc.stdout.strip() == (
        "重新读取 2 份文件，其中 2 份有变化；1 份中人工改正过的内容已保留。"
    )
    first, second = cli.show(a), cli.show(b)
    assert first["agency"] == "海州市民政局养老服务处"  # the clerk's correction won
    assert first["contact_name"] == second["contact_name"] == "陈静"  # read again
    assert first["parser_version"] == second["parser_version"] == PARSER_VERSION
    assert "旧版程序" not in cli("letters").stderr
    assert cli.json("reparse") == {
        "read": 0, "changed": 0, "kept_corrections": 0, "failed": 0, "sources": {},
        "parser_version": PARSER_VERSION,
    }  # fmt: skip
    everything = cli.json("reparse", "--all")
    assert isinstance(everything, dict)
    assert (everything["read"], everything["changed"]) == (2, 0)
    assert everything["sources"] == {"stored": 2}


CORPUS = ROOT.parent / "shared" / "corpus" / "letters"


@pytest.mark.skipif(not (CORPUS / "d001.txt").is_file(), reason="../shared/corpus is not here")
def test_a_real_letter_corrected_reread_and_deleted(cli: Cli) -> None:
    status, letter_id = _import(cli, CORPUS / "d001.txt")
    assert status == "imported"
    before = cli.show(letter_id)
    body = [p for p in before["paragraphs"] if not p["is_heading"]]  # type: ignore[union-attr]
    last = body[-1]
    moved_to = "status" if last["section"] != "status" else "plan"
    proc = cli(
        "edit", str(letter_id), "--set", "答复日期=2017-08-10", "category=C",
        "contact_name=张湘平", "--section", f"{last['paragraph_id']}={moved_to}",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    after = cli.show(letter_id)
    assert (after["reply_date"], after["category"]) == ("2017-08-10", "C")
    assert _paragraph(after, last["text"])["section"] == moved_to
    # reading it again (every letter, with this version's parser) keeps all of that
    assert cli("reparse", "--all").returncode == 0
    again = cli.show(letter_id)
    assert (again["reply_date"], again["category"]) == ("2017-08-10", "C")
    assert _paragraph(again, last["text"])["section"] == moved_to
    assert again["addressee"] == before["addressee"]
    assert _import(cli, CORPUS / "d001.txt") == ("duplicate", letter_id)
    assert cli("delete", str(letter_id), "--yes").returncode == 0
    assert cli.json("letters") == []
