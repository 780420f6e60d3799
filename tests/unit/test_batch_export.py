"""Batch output: every answered case of a session in one folder, a blocked file reported and
the rest written, stopping between cases, and Windows-safe names."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.__main__ import main
from desktop.actions import batch_export as batch
from desktop.casework import Case, Draft, DraftBlock
from desktop.file_names import safe_stem
from desktop.store import LibraryStore
from tests.formats import soffice_or_skip

SESSION = "市十八届人大三次会议"


def add_case(store: LibraryStore, number: str, status: str = "sent", *,
             session: str = SESSION, title: str = "关于加强科技金融服务的建议",
             draft: bool = True) -> Case:  # fmt: skip
    case = Case(number=number, title=title, proposers=["王明"], session=session,
                assigned_date="2026-03-02", reply_date="2026-05-20", status=status)  # fmt: skip
    case_id = store.cases.save(case)
    if draft:
        d = Draft()
        d.sections["plan"].append(DraftBlock("free", f"下一步，我们将落实第{number}号建议的措施。"))
        store.drafts.save(case_id, d)
    return case


@pytest.fixture
def library(tmp_path: Path) -> LibraryStore:
    store = LibraryStore(tmp_path / "lib.db")
    from desktop.actions import profile

    profile.set_value("agency_name", "南通市科学技术局", store=store)
    for n in ("101", "7", "35"):
        add_case(store, n)
    add_case(store, "36", "drafting")  # not answered: not exported
    add_case(store, "101", session="市政协十四届三次会议")  # another session
    yield store
    store.close()


def test_every_answered_case_of_the_session_is_written_and_a_blocked_file_is_reported(
    library: LibraryStore, tmp_path: Path
) -> None:
    out = tmp_path / "导出"
    cases = batch.answered_cases(SESSION, store=library)
    assert [c.number for c in cases] == ["7", "35", "101"]
    blocked = out / (batch.file_stem(cases[1]) + ".docx")
    out.mkdir()
    blocked.write_bytes(b"open in Word")
    (out / ("~$" + blocked.name[2:])).write_bytes(b"owner")  # Word's lock file beside it
    steps: list[batch.BatchStep] = []
    result = batch.run_all(batch.export_answered(SESSION, out, store=library), steps.append)
    assert [s.done for s in steps] == [1, 2, 3] and steps[-1].total == 3
    assert result.cases == 3
    assert [(f.number, f.kind) for f in result.failed] == [("35", "docx")]
    assert "正在 Word/WPS 中打开" in (result.failed[0].error or "")
    assert blocked.read_bytes() == b"open in Word"  # left as it was
    written = sorted(Path(f.path).name for f in result.written)
    assert len(written) == 5  # 3 texts + 2 DOCX
    for case in (cases[0], cases[2]):
        letter = docx.Document(str(out / (batch.file_stem(case) + ".docx")))
        text = "\n".join(p.text for p in letter.paragraphs)
        assert f"第{case.number}号建议的措施" in text
        body = (out / (batch.file_stem(case) + ".txt")).read_text(encoding="utf-8")
        assert f"第{case.number}号建议的措施" in body
    # the blocked case's plain text went out all the same
    assert (out / (batch.file_stem(cases[1]) + ".txt")).exists()


def test_stopping_between_cases_leaves_the_rest_unwritten(
    library: LibraryStore, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    steps = batch.export_answered(SESSION, out, store=library)
    first = next(steps)
    steps.close()  # what Cancel does between two cases
    assert first.done == 1
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".txt"]


def test_a_case_without_a_draft_is_listed_and_nothing_to_export_is_refused(
    library: LibraryStore, tmp_path: Path
) -> None:
    add_case(library, "50", session="市十八届人大四次会议", draft=False)
    result = batch.run_all(batch.export_answered("市十八届人大四次会议", tmp_path, store=library))
    assert result.written == () and "没有保存过答复草稿" in (result.failed[0].error or "")
    with pytest.raises(batch.NothingToExport, match="没有已答复的案件"):
        next(batch.export_answered("没有这次会议", tmp_path / "x", store=library))
    assert not (tmp_path / "x").exists()


def test_the_sample_agency_signs_nothing(tmp_path: Path) -> None:
    with LibraryStore(tmp_path / "lib.db") as store:
        add_case(store, "1")  # no agency name stored: the profile is the sample's
        with pytest.raises(batch.NothingToExport, match="示例"):
            next(batch.export_answered(SESSION, tmp_path / "o", store=store))
    assert not (tmp_path / "o").exists()


@pytest.mark.soffice
def test_pdfs_are_written_where_libreoffice_is_present(
    library: LibraryStore, tmp_path: Path
) -> None:
    soffice_or_skip()
    result = batch.run_all(batch.export_answered(SESSION, tmp_path, pdf=True, store=library))
    pdfs = [f for f in result.written if f.kind == "pdf"]
    assert len(pdfs) == 3 and not result.failed
    assert all(Path(f.path).read_bytes().startswith(b"%PDF") for f in pdfs)


def test_the_command_line_exports_and_exits_1_when_a_file_is_blocked(
    library: LibraryStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(library.path)
    out = tmp_path / "cli"
    code = main(["case", "export-all", "--session", SESSION, "--to", str(out), "--db", db,
                 "--json"])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and len(data["written"]) == 6 and data["failed"] == []
    target = Path(data["written"][0]["path"])
    target.unlink()
    target.mkdir()  # a folder where the file should go: that one cannot be written
    code = main(["case", "export-all", "--session", SESSION, "--to", str(out), "--db", db])
    captured = capsys.readouterr()
    assert code == 1
    assert "未写出" in captured.err and "共 3 件案件：写出 5 个文件，1 个未能写出" in captured.out
    code = main(["case", "export-all", "--session", "无", "--to", str(out), "--db", db])
    assert code == 2 and "没有已答复的案件" in capsys.readouterr().err


WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(1, 10)}


@given(st.text(max_size=200))
def test_safe_names_are_accepted_by_windows(text: str) -> None:
    stem = safe_stem(text)
    assert stem and len(stem) <= 80
    assert not set(stem) & WINDOWS_FORBIDDEN
    assert not stem.endswith((".", " ")) and not stem.startswith(" ")
    assert stem.split(".")[0].lower() not in RESERVED


def test_safe_names_keep_chinese_titles_readable() -> None:
    assert safe_stem("第101号 关于“智慧/停车”的建议?") == "第101号 关于“智慧_停车”的建议_"
    assert safe_stem("CON") == "_CON" and safe_stem("  ...  ") == "未命名"
