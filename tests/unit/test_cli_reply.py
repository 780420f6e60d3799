from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from desktop.__main__ import main
from desktop.store import LibraryStore
from tests.conftest import ROOT, SAMPLES

DEMO_SEAL = ROOT / "resources" / "demo_seal.png"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "lib.db")
    assert run(capsys, "import", str(SAMPLES), "--db", path)[0] == 0
    assert run(capsys, "profile", "set", "agency_name", "南通市科学技术局", "--db", path)[0] == 0
    return path


def _case(tmp_path: Path, **extra: object) -> Path:
    data = {
        "number": "12",
        "session": "市十七届人大三次会议",
        "title": "关于加快众创空间建设的建议",
        "proposers": ["张三", "李四"],
        "role": "代表",
        "category": "B",
        "content": "建议加快众创空间建设。",
        "reply_date": "2026-06-01",
        "contact_name": "王五",
        "contact_phone": "0513-85000000",
        "cc": ["市人大常委会代表工委", "市政府办公室"],
        "sections": {"plan": ["下一步，我们将继续推进众创空间建设。"]},
        **extra,
    }
    path = tmp_path / "案件 12.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _paragraph_ids(db: str, query: str, section: str) -> list[int]:
    with LibraryStore(db) as store:
        from desktop.search import search
        from desktop.store import SearchFilters

        hits = search(store, query, filters=SearchFilters(sections=(section,)), limit=2)
        return [h.paragraph_id for h in hits]


def test_profile_show_and_set(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "profile", "set", "agency_name", "南通市科学技术局", "--db", db)
    assert code == 0 and "已保存" in out
    assert run(capsys, "profile", "set", "seal_diameter_mm", "45", "--db", db)[0] == 0
    code, out, _ = run(capsys, "profile", "show", "--db", db, "--json")
    profile = json.loads(out)
    assert profile["agency_name"] == "南通市科学技术局" and profile["seal_diameter_mm"] == 45.0
    code, _, err = run(capsys, "profile", "set", "seal_diameter_mm", "很大", "--db", db)
    assert code == 2 and "数字" in err
    code, out, _ = run(capsys, "profile", "show", "--db", db)
    assert "发文机关（署名）（agency_name）：南通市科学技术局" in out
    assert "A类：所提问题已经解决或基本解决" in out


def test_profile_seal_image(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "profile", "set", "seal_image", str(DEMO_SEAL), "--db", db)
    assert code == 0
    code, out, _ = run(capsys, "profile", "show", "--db", db, "--json")
    assert json.loads(out)["seal_image"] == "demo_seal.png"
    fake = tmp_path / "seal.png"
    fake.write_text("not a picture")
    code, _, err = run(capsys, "profile", "set", "seal_image", str(fake), "--db", db)
    assert code == 2 and "印章" in err
    code, _, err = run(capsys, "profile", "set", "seal_image", str(tmp_path / "无.png"), "--db", db)
    assert code == 2 and "找不到" in err


def test_draft_writes_docx_text_and_records_the_case(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status_ids = _paragraph_ids(db, "众创空间", "status")
    plan_ids = _paragraph_ids(db, "众创社区", "plan")
    assert status_ids and plan_ids
    out = tmp_path / "输出 答复" / "答复.docx"
    out.parent.mkdir()
    text = tmp_path / "正文.txt"
    code, stdout, err = run(
        capsys, "draft", "--case", str(_case(tmp_path)), "--use", *map(str, plan_ids + status_ids),
        "--out", str(out), "--text", str(text), "--db", db, "--json",
    )  # fmt: skip
    assert code == 0, err
    result = json.loads(stdout)
    assert result["sealed"] is False
    # A title line break (w:br) reads back as "\n".
    paragraphs = [p.text.replace("\n", "") for p in Document(str(out)).paragraphs if p.text.strip()]
    assert "关于市十七届人大三次会议第12号建议的答复" in paragraphs
    assert "张三、李四代表：" in paragraphs
    body = paragraphs[paragraphs.index("张三、李四代表：") + 1 :]
    with LibraryStore(db) as store:
        texts = store.search.paragraph_texts(status_ids + plan_ids)
    # Template text first, then the reused paragraphs filed under that section, then free text.
    i_status = body.index("一、工作现状")
    i_plan = body.index("二、下一步工作打算")
    assert body[i_status + 1 : i_status + 1 + len(status_ids)] == [texts[i] for i in status_ids]
    assert body[i_plan + 1 : i_plan + 1 + len(plan_ids)] == [texts[i] for i in plan_ids]
    assert body[i_plan + 1 + len(plan_ids)] == "下一步，我们将继续推进众创空间建设。"
    assert any("2026年6月1日" in p for p in paragraphs)
    plain = text.read_text(encoding="utf-8")
    assert plain.startswith("张三、李四代表：\n\n您们提出的")
    assert "2026年6月1日" not in plain and "关于市十七届" not in plain
    with LibraryStore(db) as store:
        cases = store.cases.all()
        assert [c.number for c in cases] == ["12"]
        draft = store.drafts.load(cases[0].id or 0)
        assert draft is not None
        used = [b.paragraph_id for b in draft.sections["status"] if b.kind == "library"]
        assert used == status_ids


def test_draft_with_seal_and_pdf(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = _case(tmp_path, agency={"name": "南通市科学技术局", "seal_image": str(DEMO_SEAL)})
    out = tmp_path / "答复.docx"
    args = ["draft", "--case", str(case), "--out", str(out), "--db", db, "--json"]
    if shutil.which("soffice") or shutil.which("libreoffice"):
        args += ["--pdf", str(tmp_path / "答复.pdf")]
    code, stdout, err = run(capsys, *args)
    assert code == 0, err
    assert json.loads(stdout)["sealed"] is True
    assert b"wp:anchor" in _document_xml(out)
    if "--pdf" in args:
        assert (tmp_path / "答复.pdf").read_bytes().startswith(b"%PDF")


def _document_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml")


def test_draft_bad_input_writes_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "答复.docx"
    bad = _case(tmp_path, proposers=[])
    code, _, err = run(capsys, "draft", "--case", str(bad), "--out", str(out), "--db", db)
    assert code == 2 and "提出人" in err and "proposers" in err
    broken = tmp_path / "坏.json"
    broken.write_text('{"number": "1",', encoding="utf-8")
    code, _, err = run(capsys, "draft", "--case", str(broken), "--out", str(out), "--db", db)
    assert code == 2 and "不是有效的 JSON" in err
    code, _, err = run(capsys, "draft", "--case", str(_case(tmp_path)), "--use", "999999",
                       "--out", str(out), "--db", db)  # fmt: skip
    assert code == 2 and "999999" in err
    no_seal = _case(tmp_path, agency={"seal_image": str(tmp_path / "没有.png")})
    code, _, err = run(capsys, "draft", "--case", str(no_seal), "--out", str(out), "--db", db)
    assert code == 2 and "--no-seal" in err
    assert not out.exists()
    code, _, err = run(capsys, "draft", "--case", str(no_seal), "--out", str(out), "--db", db,
                       "--no-seal")  # fmt: skip
    assert code == 0 and out.exists()


def test_draft_to_a_locked_target_keeps_it(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "答复.docx"
    out.write_bytes(b"the clerk's open letter")
    (tmp_path / "~$答复.docx").write_bytes(b"owner")  # Word/WPS has it open
    code, _, err = run(capsys, "draft", "--case", str(_case(tmp_path)), "--out", str(out),
                       "--db", db)  # fmt: skip
    assert code == 2 and "答复(2).docx" in err
    assert out.read_bytes() == b"the clerk's open letter"
    with LibraryStore(db) as store:  # the case and its draft were not kept without the letter
        assert store.cases.all() == []


def _window_case(db: str) -> int:
    """A case as the clerk saved it in the window, with the clerk's own draft."""
    from desktop.casework import Case, Draft, DraftBlock

    with LibraryStore(db) as store:
        case = Case(number="12", session="市十七届人大三次会议", title="关于众创空间的建议",
                    proposers=["王明"], doc_number="通科函〔2026〕7号")  # fmt: skip
        case_id = store.cases.save(case)
        draft = Draft()
        draft.sections["plan"].append(DraftBlock("free", "科员亲手写的下一步打算。"))
        store.drafts.save(case_id, draft, source="window")
        return case_id


def test_draft_refuses_an_existing_case_without_update(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = _window_case(db)
    out = tmp_path / "答复.docx"
    code, stdout, err = run(capsys, "draft", "--case", str(_case(tmp_path)), "--out", str(out),
                            "--db", db)  # fmt: skip
    assert code == 2, stdout
    assert "市十七届人大三次会议第12号" in err and "--update" in err
    assert not out.exists()
    with LibraryStore(db) as store:
        case = store.cases.get(case_id)
        assert case is not None and case.proposers == ["王明"]
        assert case.doc_number == "通科函〔2026〕7号"
        assert [v.version for v in store.drafts.versions(case_id)] == [1]

    code, stdout, err = run(capsys, "draft", "--case", str(_case(tmp_path)), "--out", str(out),
                            "--db", db, "--update", "--json")  # fmt: skip
    assert code == 0, err
    result = json.loads(stdout)
    assert result["case_id"] == case_id and result["draft_version"] == 2 and result["updated"]
    assert out.exists()
    with LibraryStore(db) as store:
        case = store.cases.get(case_id)
        assert case is not None and case.proposers == ["张三", "李四"]
        versions = store.drafts.versions(case_id)
        assert [(v.version, v.source) for v in versions] == [(1, "window"), (2, "cli")]
        clerks = store.drafts.load(case_id, 1)
        assert clerks is not None
        assert [b.text for b in clerks.sections["plan"]][-1] == "科员亲手写的下一步打算。"
        assert len(store.cases.all()) == 1


def test_draft_on_a_locked_library_writes_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse
    import sqlite3

    from desktop.cli_reply import CliError, cmd_draft

    out = tmp_path / "答复.docx"
    args = argparse.Namespace(case=_case(tmp_path), use=[], out=out, text=None, pdf=None,
                              no_seal=True, update=False, json=False)  # fmt: skip
    other = sqlite3.connect(db)
    other.execute("BEGIN IMMEDIATE")  # an import in another process holds the write lock
    try:
        with LibraryStore(db) as store:
            store._database().quiet_wait = store._database().long_wait = 0.2
            with pytest.raises(CliError) as raised:
                cmd_draft(store, args)
    finally:
        other.rollback()
        other.close()
    assert raised.value.code == 2 and "占用" in raised.value.message
    assert not out.exists()
    with LibraryStore(db) as store:
        assert store.cases.all() == []


def test_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "答复.txt"
    path.write_text("石剑波代表：\n衷心感谢您对我市科技工作的的厚爱,至2016年已建有33家。\n",
                    encoding="gbk")  # fmt: skip
    code, out, _ = run(capsys, "check", str(path), "--date", "2020-06-01", "--json")
    findings = json.loads(out)
    assert code == 1  # problems found
    kinds = {f["kind"] for f in findings}
    assert {"doubled", "halfwidth_punct", "stale_year"} <= kinds
    assert all(set(f) == {"kind", "message", "paragraph", "start", "end", "suggestion"}
               for f in findings)  # fmt: skip
    doubled = next(f for f in findings if f["kind"] == "doubled")
    assert doubled["paragraph"] == 1
    line = "衷心感谢您对我市科技工作的的厚爱,至2016年已建有33家。"
    assert line[doubled["start"] : doubled["end"]] in ("的", "的的")
    code, out, _ = run(capsys, "check", str(path), "--date", "2020-06-01", "--fix")
    assert code == 1 and "已自动修改" in out  # the stale year has no mechanical fix
    fixed = path.read_text(encoding="gbk")
    assert "的的" not in fixed and "厚爱，至2016年" in fixed


def _docx_texts(path: Path) -> list[str]:
    return [p.text.replace("\n", "") for p in Document(str(path)).paragraphs if p.text.strip()]


@pytest.mark.parametrize(
    ("proposers", "salutation", "you"),
    [
        ("王明代表", "王明代表：", "您提出的"),
        ("王明 代表", "王明代表：", "您提出的"),
        (["王明 代表"], "王明代表：", "您提出的"),
        ("王明、李华代表", "王明、李华代表：", "您们提出的"),
        ("张三等10位代表", "张三等10位代表：", "您们提出的"),
    ],
)
def test_draft_reads_proposers_given_as_text_or_list(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    proposers: str | list[str],
    salutation: str,
    you: str,
) -> None:
    db = str(tmp_path / "lib.db")
    assert run(capsys, "profile", "set", "agency_name", "南通市科学技术局", "--db", db)[0] == 0
    out = tmp_path / "答复.docx"
    case = _case(tmp_path, proposers=proposers)
    code, _, err = run(capsys, "draft", "--case", str(case), "--out", str(out), "--db", db)
    assert code == 0, err
    texts = _docx_texts(out)
    assert salutation in texts
    assert texts[texts.index(salutation) + 1].startswith(you)


def test_draft_copy_to_empty_absent_or_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.db")
    assert run(capsys, "profile", "set", "agency_name", "南通市科学技术局", "--db", db)[0] == 0
    assert run(capsys, "profile", "set", "cc", "市人大常委会代表工委", "--db", db)[0] == 0
    results = {}
    for number, extra in (("1", {"cc": []}), ("2", {}), ("3", {"cc": ["市政府办公室"]})):
        case = _case(tmp_path, number=number, **extra)
        if not extra:
            data = json.loads(case.read_text(encoding="utf-8"))
            del data["cc"]
            case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        out = tmp_path / f"答复{number}.docx"
        code, _, err = run(capsys, "draft", "--case", str(case), "--out", str(out), "--db", db)
        assert code == 0, err
        cells = [c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells]
        results[number] = [t for t in cells if "抄送" in t]
    assert results["1"] == []  # "cc": [] — no copy-to block
    assert len(results["2"]) == 1 and "市人大常委会代表工委" in results["2"][0]
    assert len(results["3"]) == 1 and "市政府办公室" in results["3"][0]
    assert "市人大常委会代表工委" not in results["3"][0]


def test_draft_is_refused_while_the_profile_is_the_samples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "new.db")
    assert run(capsys, "import", str(SAMPLES), "--db", path)[0] == 0
    out = tmp_path / "答复.docx"
    code, _, err = run(capsys, "draft", "--case", str(_case(tmp_path)), "--out", str(out),
                       "--db", path)  # fmt: skip
    assert code == 2 and "示例" in err and "replydesk profile set agency_name" in err
    assert not out.exists()
    with LibraryStore(path) as store:
        assert store.cases.all() == []
    _, shown, _ = run(capsys, "profile", "show", "--db", path)
    assert "仍是示例" in shown
    # A CASE.json that names the agency itself is the clerk's explicit choice.
    named = _case(tmp_path, agency={"name": "如皋市科学技术局"})
    code, _, err = run(capsys, "draft", "--case", str(named), "--out", str(out), "--db", path)
    assert code == 0, err
    assert "如皋市科学技术局" in [p.text for p in Document(str(out)).paragraphs]
    out.unlink()
    assert run(capsys, "profile", "set", "agency_name", "海安市科学技术局", "--db", path)[0] == 0
    code, _, err = run(capsys, "draft", "--case", str(_case(tmp_path)), "--out", str(out),
                       "--db", path, "--update")  # fmt: skip
    assert code == 0, err
    assert "海安市科学技术局" in [p.text for p in Document(str(out)).paragraphs]


def _replydesk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=120,
        env={**os.environ, "REPLYDESK_DB": str(cwd / "never.db"), "PYTHONPATH": str(ROOT)},
    )  # fmt: skip


def test_check_exit_status_in_a_real_process(tmp_path: Path) -> None:
    clean = tmp_path / "干净.txt"
    clean.write_text("王明代表：\n您提出的建议收悉。\n", encoding="utf-8")
    fixable = tmp_path / "可修改.txt"
    fixable.write_text("王明代表：\n您提出的的建议收悉。\n", encoding="utf-8")
    placeholder = tmp_path / "占位.txt"
    placeholder.write_text("王明代表：\n受【请填写原因】等条件限制。\n", encoding="utf-8")
    broken = tmp_path / "损坏.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    date = ["--date", "2026-06-01"]
    assert _replydesk("check", str(clean), *date, cwd=tmp_path).returncode == 0
    done = _replydesk("check", str(placeholder), *date, cwd=tmp_path)
    assert done.returncode == 1 and "【请填写原因】" in done.stdout
    assert _replydesk("check", str(fixable), *date, cwd=tmp_path).returncode == 1
    done = _replydesk("check", str(fixable), *date, "--fix", cwd=tmp_path)
    assert done.returncode == 0, done.stdout  # everything it found, it fixed
    assert _replydesk("check", str(fixable), *date, cwd=tmp_path).returncode == 0
    for missing in (broken, tmp_path / "没有这个文件.docx"):
        done = _replydesk("check", str(missing), cwd=tmp_path)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert done.stderr.strip() and len(done.stderr.strip().splitlines()) == 1
    done = _replydesk("check", "--help", cwd=tmp_path)
    assert done.returncode == 0
    assert "0" in done.stdout and "1" in done.stdout and "2" in done.stdout
    assert not (tmp_path / "never.db").exists()


def test_draft_prints_the_findings_it_exported_with(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.db")
    assert run(capsys, "profile", "set", "agency_name", "南通市科学技术局", "--db", db)[0] == 0
    out = tmp_path / "答复.docx"
    # Category C: the shipped template leaves 【请填写原因】 for the clerk. No contact given.
    case = _case(tmp_path, category="C", contact_name="", contact_phone="")
    code, stdout, err = run(capsys, "draft", "--case", str(case), "--out", str(out), "--db", db)
    assert code == 0 and out.exists()
    assert "【请填写原因】" in err and "未填写的占位符" in err
    assert "缺少联系人" in err and "联系人行" in err
    assert "【请填写原因】" not in stdout  # stdout stays the summary
    out2 = tmp_path / "答复2.docx"
    case = _case(tmp_path, number="13", category="C", contact_name="", contact_phone="")
    code, stdout, err = run(
        capsys, "draft", "--case", str(case), "--out", str(out2), "--db", db, "--json"
    )
    assert code == 0
    findings = json.loads(stdout)["findings"]
    placeholder = next(f for f in findings if f["kind"] == "placeholder")
    assert placeholder["place"].startswith("正文第") and placeholder["kind_zh"] == "未填写的占位符"
    assert any(f["kind"] == "contact_missing" for f in findings)
    # A profile that does not expect a contact line: no such finding; a clean B letter: none.
    assert run(capsys, "profile", "set", "contact_line", "否", "--db", db)[0] == 0
    case = _case(tmp_path, number="14", contact_name="", contact_phone="")
    code, stdout, err = run(
        capsys, "draft", "--case", str(case), "--out", str(tmp_path / "3.docx"), "--db", db,
        "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(stdout)["findings"] == [], stdout
    case = _case(tmp_path, number="15")
    code, stdout, err = run(
        capsys, "draft", "--case", str(case), "--out", str(tmp_path / "4.docx"), "--db", db
    )
    assert code == 0 and "需要核对" not in err


def test_update_keeps_the_status_and_refuses_a_sent_case(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = _window_case(db)
    with LibraryStore(db) as store:
        store.cases.set_status(case_id, "signoff")
    out = tmp_path / "答复.docx"
    args = ["draft", "--case", str(_case(tmp_path)), "--out", str(out), "--db", db, "--update"]
    code, _, err = run(capsys, *args)
    assert code == 0, err
    with LibraryStore(db) as store:
        case = store.cases.get(case_id)
        assert case is not None and case.status == "signoff" and case.proposers == ["张三", "李四"]
        store.cases.set_status(case_id, "sent")
    out.unlink()
    code, _, err = run(capsys, *args)
    assert code == 2 and "已答复" in err and "重新打开" in err
    assert not out.exists()
    with LibraryStore(db) as store:
        assert len(store.drafts.versions(case_id)) == 2
        assert store.cases.get(case_id).status == "sent"  # type: ignore[union-attr]
    with LibraryStore(db) as store:
        store.cases.set_status(case_id, "closed")
    code, _, err = run(capsys, *args)
    assert code == 2 and "已办结（只读）" in err and not out.exists()
    with LibraryStore(db) as store:
        assert len(store.drafts.versions(case_id)) == 2
