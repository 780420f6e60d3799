"""``replydesk case import``: a real subprocess on a real library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.store import LibraryStore
from tests.assignment_lists import AGENCY, SESSION, deputies_list

ROOT = Path(__file__).resolve().parents[2]


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "REPLYDESK"))}
    env.update(HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=180,
    )  # fmt: skip


def test_case_import_stores_the_list_and_lists_the_rows_it_could_not_read(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    with LibraryStore(db) as store:
        store.profile.set_value("agency_name", AGENCY)
    made = deputies_list(tmp_path / "交办清单.xlsx", count=30)
    proc = _cli(tmp_path, "--db", str(db), "case", "import", str(made.path))
    assert proc.returncode == 1, proc.stderr  # some rows could not be read; the rest stored
    for row in made.bad_rows:
        assert f"未导入 第{row}行：" in proc.stdout
    assert f"{SESSION}：新建 30 件，更新 0 件；3 行未导入。" in proc.stdout

    plain = _cli(tmp_path, "--db", str(db), "case", "import", str(made.path))
    assert "已有同号案件，按清单更新（草稿和办理状态不变）：第101号、第102号" in plain.stdout
    assert f"{SESSION}：新建 0 件，更新 30 件；3 行未导入。" in plain.stdout

    again = _cli(tmp_path, "--db", str(db), "case", "import", str(made.path), "--json")
    assert again.returncode == 1
    result = json.loads(again.stdout)
    assert result["created"] == [] and len(result["updated"]) == 30
    assert len(result["problems"]) == 3

    listing = _cli(tmp_path, "--db", str(db), "case", "list", "--json")
    cases = json.loads(listing.stdout)
    assert sorted(c["number"] for c in cases) == sorted(c.number for c in made.cases)
    assert {c["session"] for c in cases} == {SESSION}


def test_case_import_of_a_broken_file_is_one_line_exit_2_and_nothing_stored(
    tmp_path: Path,
) -> None:
    db = tmp_path / "library.db"
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    proc = _cli(tmp_path, "--db", str(db), "case", "import", str(bad), "--session", "S")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "坏.xlsx" in proc.stderr
    with LibraryStore(db) as store:
        assert store.cases.all() == []
