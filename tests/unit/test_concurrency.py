"""The command line used while the window is open, as it happens: real processes.

One process holds the window's store open and writes cases, draft versions and autosaves,
running the window's start-up check and daily backup in a worker thread
(tests/unit/concurrency_window.py). Meanwhile other processes run ``python -m desktop``
``import``, ``search``, ``draft`` and ``backup`` against the same library, and this process
watches the library's ``-wal`` file. Afterwards every write that was reported done is in the
library, ``PRAGMA integrity_check`` is ok, and the ``-wal`` file was never deleted (or
replaced) while the window's connection was open.

On POSIX, closing any file descriptor of a file drops every fcntl lock the process holds on
it: a plain ``open()``/``close()`` of the library in the window's process made the next
closing command believe it was the last connection and delete the WAL under the window.

The run lasts ``$REPLYDESK_CONCURRENCY_SECONDS`` (default 60 on CI, 20 elsewhere).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.store import LibraryStore

ROOT = Path(__file__).resolve().parents[2]
WINDOW = Path(__file__).with_name("concurrency_window.py")
SECONDS_ENV = "REPLYDESK_CONCURRENCY_SECONDS"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fcntl lock semantics are POSIX")


def _seconds() -> float:
    default = "60" if os.environ.get("CI") else "20"
    return min(60.0, float(os.environ.get(SECONDS_ENV, default)))


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "REPLYDESK_DB": str(tmp_path / "not-this.db"),
    }


def _letter(n: int) -> str:
    return (
        f"关于第{n}号建议的答复\n王明代表：\n"
        f"您提出的关于加快科技创新第{n}项工作的建议收悉，现答复如下。\n"
        f"一、办理情况\n近年来，我市科技创新平台建设编号{n}持续推进，成效明显。\n"
        f"二、下一步工作\n我们将继续推进第{n}项科技工作，确保落实到位。\n"
        "感谢您对科技工作的关心和支持。\n南通市科学技术局\n2026年6月1日\n"
    )


def _case(folder: Path, n: int) -> Path:
    data = {
        "number": f"C{n}",
        "session": "命令行",
        "title": f"关于第{n}号科技工作的建议",
        "proposers": ["李四"],
        "role": "代表",
        "category": "B",
        "content": "建议加快科技创新。",
        "reply_date": "2026-06-01",
        "contact_name": "王五",
        "contact_phone": "0513-85000000",
        "sections": {"plan": [f"下一步，我们将推进第{n}项工作。"]},
        "agency": {"name": "南通市科学技术局"},
    }
    path = folder / f"case-{n}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


class WalWatch(threading.Thread):
    """Polls the ``-wal`` file: records every moment it is missing or a different file."""

    def __init__(self, db: Path, closing: Path) -> None:
        super().__init__(daemon=True)
        self.wal = Path(f"{db}-wal")
        self.closing = closing  # written by the window just before it closes its connection
        self.stop = threading.Event()
        self.first: int | None = None
        self.events: list[str] = []
        self.polls = 0

    def run(self) -> None:
        while not self.stop.is_set() and not self.closing.exists():
            self.polls += 1
            try:
                inode: int | None = os.stat(self.wal).st_ino
            except FileNotFoundError:
                inode = None
            if self.closing.exists():
                break  # the window's own close removes the -wal: that is expected
            if inode is None:
                self.events.append("the -wal file was deleted")
            elif self.first is None:
                self.first = inode
            elif inode != self.first:
                self.events.append("the -wal file was replaced by another file")
            time.sleep(0.002)


def test_commands_while_the_window_is_open_lose_nothing(tmp_path: Path) -> None:
    seconds = _seconds()
    db = tmp_path / "library.db"
    env = _env(tmp_path)
    LibraryStore(db).close()  # created and migrated before anyone else comes
    work = tmp_path / "work"
    work.mkdir()
    out = tmp_path / "window.json"

    window = subprocess.Popen(
        [sys.executable, str(WINDOW), str(db), str(out), str(seconds)],
        cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    ready = Path(f"{out}.ready")
    closing = Path(f"{out}.closing")
    start = time.monotonic()
    while not ready.exists():
        assert window.poll() is None, window.stderr.read() if window.stderr else ""
        assert time.monotonic() - start < 60
        time.sleep(0.01)
    watch = WalWatch(db, closing)
    watch.start()

    imported: dict[int, int] = {}  # file number -> letter id
    drafted: list[str] = []
    backups: list[str] = []
    failures: list[str] = []  # commands that said something a clerk must never see
    counter = iter(range(1, 1_000_000))
    lock = threading.Lock()

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [sys.executable, "-m", "desktop", *args, "--db", str(db), "--json"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        text = proc.stdout + proc.stderr
        if "Traceback" in text or "malformed" in text or "内部错误" in text:
            with lock:
                failures.append(f"{args[0]}: exit {proc.returncode}\n{text[-2000:]}")
        return proc

    def importer() -> None:
        while not closing.exists():
            with lock:
                n = next(counter)
            path = work / f"letter-{n}.txt"
            path.write_text(_letter(n), encoding="utf-8")
            proc = cli("import", str(path))
            if proc.returncode == 0:
                result = json.loads(proc.stdout)[0]
                if result["status"] == "imported":
                    imported[n] = int(result["letter_id"])

    def searcher() -> None:
        while not closing.exists():
            cli("search", "科技")

    def drafter() -> None:
        while not closing.exists():
            with lock:
                n = next(counter)
            proc = cli("draft", "--case", str(_case(work, n)), "--out", str(work / f"{n}.docx"))
            if proc.returncode == 0:
                drafted.append(f"C{n}")

    def backer() -> None:
        while not closing.exists():
            proc = cli("backup")
            if proc.returncode == 0:
                backups.append(json.loads(proc.stdout)["backup"]["path"])
            time.sleep(1.0)

    workers = [threading.Thread(target=f) for f in (importer, importer, searcher, drafter, backer)]
    for w in workers:
        w.start()
    try:
        window.wait(timeout=seconds + 120)
    finally:
        for w in workers:
            w.join(timeout=180)
        watch.stop.set()
        watch.join()
    assert window.returncode == 0, window.stderr.read() if window.stderr else ""
    report = json.loads(out.read_text(encoding="utf-8"))

    assert watch.first is not None and watch.polls > 100
    assert not watch.events, f"{watch.events[0]} while the window's connection was open"
    assert not failures, failures[0]
    assert not report["errors"], report["errors"][0]
    assert not report["problems"], report["problems"]
    assert report["backups"], "the window's daily backup never ran"
    assert imported and drafted and backups and report["cases"]

    conn = sqlite3.connect(str(db))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        letters = {r[0] for r in conn.execute("SELECT id FROM letters")}
        assert set(imported.values()) <= letters
        assert len(letters) == len(imported)
        saved = dict(
            conn.execute(
                "SELECT c.number, count(v.id) FROM cases c LEFT JOIN draft_versions v"
                " ON v.case_id = c.id GROUP BY c.id"
            ).fetchall()
        )
        for number, versions in report["cases"].items():
            assert saved.get(number) == versions, number
        for number in drafted:
            assert saved.get(number, 0) >= 1, number
        autosaved = conn.execute("SELECT count(*) FROM autosave").fetchone()[0]
        assert autosaved == len(report["cases"])
    finally:
        conn.close()
    print(
        f"\n{seconds:.0f} s: {len(imported)} imports, {len(drafted)} CLI drafts, {len(backups)}"
        f" CLI backups; window: {len(report['cases'])} cases, {autosaved} autosaves,"
        f" {len(report['backups'])} daily backups; {watch.polls} polls of the -wal"
    )
    for path in backups + report["backups"][-3:]:
        check = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            check.close()
