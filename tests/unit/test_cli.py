from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.__main__ import main
from tests.conftest import ROOT, SAMPLES


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "lib.db")
    code, _, _ = run(capsys, "import", str(SAMPLES), "--db", path)
    assert code == 0
    return path


def test_import_json_shape_and_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "坏 文件.txt"
    bad.write_bytes(b"")
    db = str(tmp_path / "lib.db")
    code, out, _ = run(
        capsys, "import", str(SAMPLES / "000_f249a5bce850aff6.txt"), str(bad), "--db", db, "--json"
    )
    assert code == 1
    results = json.loads(out)
    assert [r["status"] for r in results] == ["imported", "failed"]
    assert set(results[0]) >= {"path", "status", "letter_id", "message"}
    assert isinstance(results[0]["letter_id"], int)
    assert results[1]["letter_id"] is None and results[1]["message"]
    code, out, _ = run(
        capsys, "import", str(SAMPLES / "000_f249a5bce850aff6.txt"), "--db", db, "--json"
    )
    assert code == 0 and json.loads(out)[0]["status"] == "duplicate"


def test_letters_and_show(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "letters", "--db", db, "--json")
    letters = json.loads(out)
    assert code == 0 and len(letters) == 5
    reply = next(x for x in letters if x["proposal_number"] == "277")
    code, out, _ = run(capsys, "show", str(reply["id"]), "--db", db, "--json")
    letter = json.loads(out)
    assert letter["kind"] == "reply"
    assert letter["addressee"] == ["石剑波"] and letter["addressee_role"] == "代表"
    assert letter["reply_date"] == "2017-06-29"
    assert letter["co_organizers"] == ["科协"]
    kinds = [s["kind"] for s in letter["sections"]]
    assert kinds[0] == "greeting" and "status" in kinds
    para = letter["sections"][0]["paragraphs"][0]
    assert set(para) == {"id", "text"}
    code, out, _ = run(capsys, "show", str(reply["id"]), "--db", db)
    assert "石剑波" in out and "【开头】" in out
    code, _, err = run(capsys, "show", "9999", "--db", db)
    assert code == 1 and "没有编号" in err


def test_search_json_and_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "众创空间", "--db", db, "--json", "--limit", "5")
    hits = json.loads(out)
    assert code == 0 and isinstance(hits, list) and 0 < len(hits) <= 5
    assert set(hits[0]) >= {
        "paragraph_id",
        "letter_id",
        "sources",
        "section",
        "text",
        "snippet",
        "score",
    }
    assert all("众创空间" in h["text"] for h in hits)
    code, out, _ = run(
        capsys,
        "search",
        "科",
        "--db",
        db,
        "--json",
        "--section",
        "plan",
        "--year-from",
        "2020",
        "--year-to",
        "2020",
    )
    hits = json.loads(out)
    assert hits and all(h["section"] == "plan" and "科" in h["text"] for h in hits)
    code, out, _ = run(capsys, "search", "科技 创新", "--db", db)
    assert code == 0 and "「" in out


def test_search_says_when_its_limit_cut_the_list(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "search", "科", "--db", db, "--json", "--limit", "1000")
    every = json.loads(out)
    assert code == 0 and len(every) > 3 and err.strip() == f"共 {len(every)} 条。"
    code, out, err = run(capsys, "search", "科", "--db", db, "--json", "--limit", "3")
    cut = json.loads(out)
    assert len(cut) == 3
    assert err.strip() == f"显示前 3 条，共 {len(every)} 条；用 --limit 显示更多。"
    code, out, _ = run(capsys, "search", "科", "--db", db, "--limit", "3")
    assert code == 0
    assert out.splitlines()[-1] == f"显示前 3 条，共 {len(every)} 条；用 --limit 显示更多。"
    code, out, _ = run(capsys, "search", "科", "--db", db, "--limit", "1000")
    assert out.splitlines()[-1] == f"共 {len(every)} 条。"


def test_similar(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "建议 正文.txt"
    content.write_text(
        "建议政府支持众创空间建设，发挥老科协作用，推动大众创新创业。", encoding="gbk"
    )
    code, out, _ = run(
        capsys,
        "similar",
        "--title",
        "关于支持众创空间发展的建议",
        "--content-file",
        str(content),
        "--db",
        db,
        "--json",
    )
    found = json.loads(out)
    assert code == 0 and found
    assert set(found[0]) >= {"letter_id", "title", "score", "paragraphs"}
    assert found[0]["title"] == "关于在南通市组织社会大众聚力创新"
    assert set(found[0]["paragraphs"][0]) >= {"paragraph_id", "section", "text"}


def test_default_library_comes_from_env_and_starts_with_samples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPLYDESK_DB", str(tmp_path / "env.db"))
    code, out, _ = run(capsys, "letters", "--json")
    assert code == 0 and len(json.loads(out)) == 5
    assert (tmp_path / "env.db").exists()


def test_headless_commands_never_load_qt(tmp_path: Path) -> None:
    script = (
        "import sys; from desktop.__main__ import main; "
        f"code = main(['import', {str(SAMPLES)!r}, '--db', {str(tmp_path / 'x.db')!r}, '--json']);"
        f"main(['search', '科技', '--db', {str(tmp_path / 'x.db')!r}]);"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'; "
        "sys.exit(code)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()


def test_a_broken_library_file_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "letters", "--db", str(db))
    assert code == 2 and "无法打开" in err and "Traceback" not in err


def test_output_cut_short_by_its_reader_is_not_an_error(tmp_path: Path) -> None:
    """`replydesk explain letter.txt | head`: the reader stops reading; the command ends
    quietly (no "internal error" line, no traceback in the log)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_STATE_HOME": str(tmp_path / "state")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "explain", str(SAMPLES / "001_a031955aa3c0a65d.txt")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the command prints its first line (it is still starting)
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert code in (141, -13), err  # as a program ended by SIGPIPE
    assert err == ""
    logs = list((tmp_path / "state").rglob("*.log"))
    assert all("Traceback" not in p.read_text(encoding="utf-8") for p in logs)
