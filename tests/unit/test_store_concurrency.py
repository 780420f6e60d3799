"""Several real processes writing the same library at once: waits are said, duplicates are
duplicates, nothing is half done, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store import LibraryStore
from desktop.store.connection import LONG_WAIT_ENV, WAIT_MESSAGE

ROOT = Path(__file__).resolve().parents[2]

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")   # as a long import-pack does
conn.execute("INSERT INTO meta (key, value) VALUES ('holder', 'x')")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
conn.execute("ROLLBACK")
"""


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "REPLYDESK_DB": str(tmp_path / "not-this.db"),
        **extra,
    }


def _hold(db: Path, tmp_path: Path, seconds: float) -> subprocess.Popen[bytes]:
    marker = tmp_path / f"holding-{time.monotonic_ns()}"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(marker), str(seconds)])
    while not marker.exists():
        assert holder.poll() is None
        time.sleep(0.01)
    return holder


HOLD_UNTIL_RELEASED = """
import os, sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO meta (key, value) VALUES ('holder', 'x')")
open(sys.argv[2], "w").close()
deadline = time.monotonic() + 600  # a test that died without releasing
while not os.path.exists(sys.argv[3]) and time.monotonic() < deadline:
    time.sleep(0.05)
conn.execute("ROLLBACK")
"""


def _hold_until_released(db: Path, tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """A writer that keeps the library locked until the test says so (however slowly the
    machine starts the commands meant to meet the lock): (the process, its release file)."""
    marker = tmp_path / f"holding-{time.monotonic_ns()}"
    release = tmp_path / f"release-{time.monotonic_ns()}"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_UNTIL_RELEASED, str(db), str(marker), str(release)]
    )
    while not marker.exists():
        assert holder.poll() is None
        time.sleep(0.01)
    return holder, release


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "library.db"
    with LibraryStore(path) as store:
        store.profile.set_value("agency_name", "南通市科学技术局")
    return path


def test_a_write_waits_for_a_long_write_and_says_so(db: Path, tmp_path: Path) -> None:
    holder = _hold(db, tmp_path, 4.0)
    try:
        proc = _cli(_env(tmp_path), "profile", "set", "signer", "张局长", "--db", str(db))
    finally:
        holder.wait()
    assert proc.returncode == 0, proc.stderr
    assert WAIT_MESSAGE in proc.stderr and "Traceback" not in proc.stderr
    with LibraryStore(db) as store:
        assert store.profile.load().signer == "张局长"


def test_a_write_gives_up_before_writing_anything(db: Path, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps(
            {"number": "7", "title": "关于科技创新的建议", "proposers": ["王明"],
             "reply_date": "2026-06-01", "contact_name": "王五", "contact_phone": "1"},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "答复.docx"
    env = _env(tmp_path, **{LONG_WAIT_ENV: "1"})
    holder, release = _hold_until_released(db, tmp_path)
    try:
        profile = _cli(env, "profile", "set", "signer", "张局长", "--db", str(db))
        draft = _cli(env, "draft", "--case", str(case), "--out", str(out), "--db", str(db))
    finally:
        release.touch()
        holder.wait()
    for proc in (profile, draft):
        assert proc.returncode == 2, proc.stderr
        assert WAIT_MESSAGE in proc.stderr and "Traceback" not in proc.stderr
        assert "占用" in proc.stderr.splitlines()[-1] or "写入" in proc.stderr.splitlines()[-1]
    assert not out.exists()
    with LibraryStore(db) as store:
        assert store.profile.load().signer != "张局长"
        assert store.cases.all() == []


def _letter(n: int) -> str:
    return (
        f"关于第{n}号建议的答复\n王明代表：\n您提出的关于第{n}项科技工作的建议收悉，现答复如下。\n"
        f"近年来，我市科技创新平台建设第{n}项持续推进。\n感谢您对科技工作的关心和支持。\n"
    )


def test_two_imports_of_the_same_files_at_once_store_each_once(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02}.txt").write_text(_letter(n), encoding="utf-8")
    env = _env(tmp_path)
    command = [sys.executable, "-m", "desktop", "import", str(folder), "--db", str(db), "--json"]
    procs = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]  # fmt: skip
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
        results.append(json.loads(out))
    statuses = [r["status"] for run in results for r in run]
    assert set(statuses) <= {"imported", "duplicate"}
    assert statuses.count("imported") == 40 and statuses.count("duplicate") == 80
    with LibraryStore(db) as store:
        assert store.letters.count() == 40
        assert store.integrity_check() == "ok"


def test_a_refused_write_is_sqlite_s_own_busy_error_too(db: Path, tmp_path: Path) -> None:
    """Code that handles "database is locked" (the window's autosave, packs) handles it."""
    import sqlite3

    from desktop.store import LibraryBusy

    holder = _hold(db, tmp_path, 3.0)
    try:
        with LibraryStore(db) as store:
            store._database().quiet_wait = 0.1
            store.set_write_wait(0.2)
            with pytest.raises(sqlite3.OperationalError) as info:
                store.set_meta("k", "v")
    finally:
        holder.wait()
    assert isinstance(info.value, LibraryBusy) and "database is locked" in str(info.value)
    assert "本次没有写入" in info.value.message
    with LibraryStore(db) as store:
        assert store.get_meta("k") is None
