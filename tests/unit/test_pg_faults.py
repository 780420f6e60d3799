"""The server stopped under real work (issue 14): imports and draft saves run by real
processes (tests/unit/pg_fault_client.py) while a cluster of the test's own is stopped —
``pg_ctl stop -m fast`` (sessions ended, open transactions rolled back), then ``-m
immediate`` (the server killed, recovered at the next start) — and started again on the
same port.

Each operation either completed, or the clerk was told in plain Chinese that the server is
away, and it succeeded when tried again after the restart. Nothing is half-written: every
letter in the library has all its paragraphs and search index rows (the same rows as a
clean import of its file into another database), each draft version is whole, each letter
and each version is there once however often it was tried, and the audit table holds one
row per change.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from desktop import import_pipeline
from desktop.actions import cases as case_actions
from desktop.actions.imports import import_files, import_steps
from desktop.casework import Case
from desktop.import_pipeline import ImportInterrupted
from desktop.store import LibraryStore
from tests.conftest import ROOT
from tests.pg_server import NoServer, PgServer, server_bin, temporary_cluster
from tests.unit.pg_fault_client import write_letters

CLIENT = Path(__file__).with_name("pg_fault_client.py")
SESSION = "市十七届人大三次会议"
# What the clerk may be told while the server is away (desktop/store/pg/errors.py).
UNKNOWN = "不能确定刚才的修改是否已经保存"  # COMMIT_UNKNOWN: the connection broke at COMMIT
SERVER_AWAY = ("与资料库服务器的连接中断", "资料库服务器已停止或正在重启", "无法连接资料库服务器",
               UNKNOWN)  # fmt: skip


@pytest.fixture(scope="module")
def own_server() -> Iterator[PgServer]:
    """A cluster of this module's own: its tests stop and start it."""
    on_ci = os.environ.get("CI", "").lower() == "true"
    bin_dir = server_bin()
    try:
        if bin_dir is None:
            raise NoServer("PostgreSQL's server programs are not installed")
        with temporary_cluster(bin_dir) as server:
            yield server
    except NoServer as exc:
        if on_ci:
            pytest.fail(f"CI must test PostgreSQL: {exc}")
        pytest.skip(str(exc))


def _progress(files: list[Path]) -> list[int]:
    return [int(f.read_text() or 0) if f.exists() else 0 for f in files]


def _wait_for_progress(files: list[Path], procs: list[subprocess.Popen[str]], more: int) -> None:
    """Until every client has done ``more`` operations more than now."""
    start = _progress(files)
    deadline = time.monotonic() + 120
    while any(n < s + more for n, s in zip(_progress(files), start, strict=True)):
        assert all(p.poll() is None for p in procs), "a client ended early"
        assert time.monotonic() < deadline, _progress(files)
        time.sleep(0.05)


def _wait_for_a_command_halfway(
    db: str, work: Path, size: int, procs: list[subprocess.Popen[str]]
) -> None:
    """Until the command-line client's import has stored some letters of its folder, not
    all: the server is stopped under a running ``replydesk import``."""
    deadline = time.monotonic() + 60
    with psycopg.connect(db, autocommit=True) as conn:
        while time.monotonic() < deadline:
            assert all(p.poll() is None for p in procs), "a client ended early"
            folders = sorted(work.glob("f*"), key=lambda f: int(f.name[1:]))
            if folders:
                done = conn.execute(
                    "SELECT count(*) FROM letters WHERE source_path LIKE %s",
                    [f"{folders[-1]}/%"],
                ).fetchone()
                if done and 0 < done[0] < size:
                    return
            time.sleep(0.01)
    raise AssertionError("the command-line import was never seen halfway")


def _finish(proc: subprocess.Popen[str]) -> tuple[str, str]:
    try:
        return proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return out, f"{err}\n(killed: still running two minutes after the stop)"


def _index_rows(store: LibraryStore) -> dict[str, Any]:
    """Each letter by its content: its paragraphs in order and all its search index rows."""
    q = store.db.execute
    found: dict[str, Any] = {}
    for letter_id, content_hash, title in q("SELECT id, content_hash, title FROM letters"):
        paragraphs = q(
            "SELECT lp.position, lp.section, p.text, p.search_text,"
            " (SELECT grams FROM paragraph_grams g WHERE g.paragraph_id = p.id),"
            " (SELECT count(*) FROM paragraph_words w WHERE w.paragraph_id = p.id)"
            " FROM letter_paragraphs lp JOIN paragraphs p ON p.id = lp.paragraph_id"
            " WHERE lp.letter_id = ? ORDER BY lp.position",
            [letter_id],
        ).fetchall()
        search = q(
            "SELECT fields, headings, proposers, number, year FROM letter_search"
            " WHERE letter_id = ?",
            [letter_id],
        ).fetchall()
        words = q("SELECT count(*) FROM title_words WHERE letter_id = ?", [letter_id]).fetchone()
        source = q("SELECT count(*) FROM letter_sources WHERE letter_id = ?", [letter_id])
        found[content_hash] = {
            "title": title, "paragraphs": [tuple(map(str, p)) for p in paragraphs],
            "search": [tuple(r) for r in search], "title_words": words[0],
            "sources": source.fetchone()[0],
        }  # fmt: skip
    return found


def _clean_import(server: PgServer, texts: set[str], folder: Path) -> dict[str, Any]:
    """The rows of these letters imported into a new database while nothing goes wrong."""
    with LibraryStore(server.url(server.create_database())) as clean:
        write_letters(folder, [])
        for n, text in enumerate(sorted(texts)):
            (folder / f"{n}.txt").write_text(text, encoding="utf-8")
        assert not import_files([folder], store=clean).failed
        return _index_rows(clean)


def test_a_server_stopped_under_imports_and_saves_leaves_nothing_half_written(
    tmp_path: Path, own_server: PgServer
) -> None:
    db = own_server.url(own_server.create_database())
    case_ids = []
    with LibraryStore(db, clerk="管理员") as store:
        for number in ("21", "22"):
            case = Case(number=number, session=SESSION, title=f"关于第{number}号的建议",
                        proposers=["王明"])  # fmt: skip
            case_ids.append(case_actions.save(case, store=store))
    shared = [str(write_letters(tmp_path / f"shared-{i}", [90_000 + 10 * i + n for n in range(4)]))
              for i in range(2)]  # fmt: skip
    specs: list[dict[str, Any]] = [
        # A command imports folders of 12 letters: the server goes away in the middle.
        # (the command records its login as who imported; the stores say whom they work for)
        {"clerk": own_server.user, "kind": "cli-import", "first": 0, "shared": shared,
         "size": 12},
        {"clerk": "李华", "kind": "store-import", "first": 1000, "shared": shared, "size": 4},
        {"clerk": "王五", "kind": "save", "case_id": case_ids[0]},
        {"clerk": "赵六", "kind": "save", "case_id": case_ids[1]},
    ]  # fmt: skip
    stop = tmp_path / "stop"
    progress = [tmp_path / f"progress-{i}" for i in range(len(specs))]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "data"),
           "REPLYDESK_DB": str(tmp_path / "not-this.db")}  # fmt: skip
    procs = []
    for i, spec in enumerate(specs):
        path = tmp_path / f"spec-{i}.json"
        spec.update(db=db, stop=str(stop), progress=str(progress[i]), work=str(tmp_path / str(i)))
        path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        proc = subprocess.Popen(
            [sys.executable, str(CLIENT), str(path)], cwd=ROOT, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )  # fmt: skip
        procs.append(proc)
    try:
        _wait_for_progress(progress, procs, 1)
        for mode in ("fast", "immediate"):
            _wait_for_a_command_halfway(db, Path(specs[0]["work"]), specs[0]["size"], procs)
            own_server.stop(mode)
            time.sleep(1.5)  # every client tries (and is told) while the server is away
            own_server.start()
            _wait_for_progress(progress, procs, 1)
    finally:
        stop.write_text("stop")
        outs = [_finish(p) for p in procs]
    assert [p.returncode for p in procs] == [0] * len(procs), [err[-3000:] for _, err in outs]
    reports = [json.loads(out) for out, _ in outs]
    errors = [e for r in reports for e in r["errors"]]
    assert not errors, errors[0]

    # Each failed try was told as the server being away, and the operation was done after.
    told = [t for r in reports for d in r["done"] for t in d["told"]]
    assert told, "no operation met the stopped server"
    for t in told:
        assert any(words in t["message"] for words in SERVER_AWAY), t
        assert t["kind"] in {"file", "open", "LibraryUnreachable", "LibraryCommitUnknown"}, t
    imports = [(r["clerk"], res) for r in reports for d in r["done"] if "folder" in d
               for res in d["results"]]  # fmt: skip
    texts = {Path(res["path"]).read_text(encoding="utf-8") for _, res in imports}
    imported = Counter(Path(res["path"]).read_text(encoding="utf-8") for _, res in imports
                       if res["status"] == "imported")  # fmt: skip
    assert set(imported.values()) == {1}  # no text imported twice, by any try of any client

    with LibraryStore(db) as store:
        stored = _index_rows(store)
        # Each letter once, complete: the same rows as a clean import of its file.
        assert len(stored) == len(texts)
        assert stored == _clean_import(own_server, texts, tmp_path / "reference")

        for spec, report in zip(specs, reports, strict=True):
            if spec["kind"] != "save":
                continue
            done = [(d["version"], d["text"]) for d in report["done"]]
            assert [v for v, _ in done] == list(range(1, len(done) + 1))
            rows = store.db.execute(
                "SELECT version, clerk, content FROM draft_versions WHERE case_id = ?"
                " ORDER BY version",
                [spec["case_id"]],
            ).fetchall()
            assert [(r[0], r[1]) for r in rows] == [(v, spec["clerk"]) for v, _ in done]
            for (version, text), row in zip(done, rows, strict=True):
                draft = json.loads(row[2])
                assert text in row[2] and "第二段" in row[2], (version, draft)
            assert store.drafts.revision(spec["case_id"]) == len(done)
        audit = store.db.execute("SELECT action, target_id, clerk FROM audit").fetchall()
        assert Counter(r[0] for r in audit) == {
            "case.created": 2,
            "letter.imported": len(stored),
            "draft.saved": sum(len(r["done"]) for r in reports if "version" in r["done"][0]),
        }
        for spec, report in zip(specs, reports, strict=True):
            if spec["kind"] == "save":
                saved = [(r[1], r[2]) for r in audit if r[0] == "draft.saved"
                         and r[2] == spec["clerk"]]  # fmt: skip
                assert sorted(saved) == [(d["version"], spec["clerk"]) for d in report["done"]]
        # Each letter imported once, by the clerk told so — or by a clerk told that the
        # connection broke as the server committed (it was kept: "duplicate" when tried again).
        letters = {r[1]: r[2] for r in audit if r[0] == "letter.imported"}
        assert len(letters) == len(stored)
        reported = {
            res["letter_id"]: clerk for clerk, res in imports if res["status"] == "imported"
        }
        assert all(letters[letter_id] == clerk for letter_id, clerk in reported.items())
        unknown = [t for t in told if UNKNOWN in t["message"]]
        assert len(letters) - len(reported) <= len(unknown)
    print(
        f"\n{len(unknown)} commits of unknown outcome; {len(texts)} letters; per client"
        " (operations done / tries told the server was away): "
        + ", ".join(
            f"{r['clerk']} {len(r['done'])}/{sum(len(d['told']) for d in r['done'])}"
            for r in reports
        )
    )


def test_a_large_import_keeps_exactly_what_it_reported_when_the_server_stops(
    tmp_path: Path, own_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder of many letters goes through the batch writer (desktop/import_pipeline.py:
    many letters per transaction, here 25). The server is killed after a batch was
    committed, halfway through the next: the letters reported since the last commit are
    named as not kept and the import stops; every letter reported imported and not named is
    in the library. The same import after the restart completes the folder, each letter
    once and whole."""
    monkeypatch.setattr(import_pipeline, "BATCH_LETTERS", 25)
    db = own_server.url(own_server.create_database())
    folder = write_letters(tmp_path / "答复", list(range(1000, 1120)))
    reported: list[Any] = []
    lost: list[str] = []
    with LibraryStore(db, clerk="张明") as store, psycopg.connect(db, autocommit=True) as watch:
        restart = threading.Timer(1.5, own_server.start)
        try:
            for step in import_steps([folder], store=store):
                reported.append(step.result)
                # The server is killed once a batch was committed and the next one holds
                # letters already reported: the import goes on from the file after this one.
                if watch.closed:
                    continue
                [(kept_yet,)] = watch.execute("SELECT count(*) FROM letters").fetchall()
                if 0 < kept_yet <= sum(r.status == "imported" for r in reported) - 5:
                    watch.close()
                    own_server.stop("immediate")
                    restart.start()
        except ImportInterrupted as exc:
            assert any(words in exc.message for words in SERVER_AWAY), exc.message
            lost = exc.lost
        finally:
            if watch.closed:
                restart.join()
        assert watch.closed, "the import ended before the server was stopped"
        failed = [r for r in reported if r.status == "failed"]
        assert lost, "the import never met the stopped server"
        assert all(any(w in r.message for w in SERVER_AWAY) for r in failed), failed[0]
        kept = {r[0]: r[1] for r in store.db.execute("SELECT id, source_path FROM letters")}
        told_kept = [r for r in reported if r.status == "imported" and r.path not in lost]
        assert all(kept.get(r.letter_id) == r.path for r in told_kept)
        assert len(kept) >= len(told_kept) and len(kept) <= len(told_kept) + len(lost)

        again = import_files([folder], store=store).results
        assert Counter(r.status for r in again) == Counter({
            "duplicate": len(kept), "imported": 120 - len(kept)})  # fmt: skip
        texts = {p.read_text(encoding="utf-8") for p in folder.iterdir()}
        assert _index_rows(store) == _clean_import(own_server, texts, tmp_path / "reference")
        audit = Counter(r[0] for r in store.db.execute("SELECT target_id FROM audit"))
        assert set(audit.values()) == {1} and len(audit) == 120
    print(
        f"\n{len(told_kept)} reported and kept, {len(lost)} named as not kept,"
        f" {len(failed)} failed one by one; the same import again: {len(kept)} duplicates"
    )


def test_the_import_command_lists_what_it_kept_when_the_server_stops(
    tmp_path: Path, own_server: PgServer
) -> None:
    """``replydesk import --json`` of a large folder, the server killed once a batch was
    committed: the list still comes out — the files of the lost batch marked failed with
    the reason, every file listed as imported is in the library — and the exit code says
    that not everything was imported. The same command after the restart completes it."""
    db = own_server.url(own_server.create_database())
    LibraryStore(db).close()
    folder = write_letters(tmp_path / "答复", list(range(3000, 3300)))
    command = [sys.executable, "-m", "desktop", "import", str(folder), "--json", "--db", db]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "data")}
    run = {"cwd": ROOT, "env": env, "text": True, "encoding": "utf-8"}
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **run)
    with psycopg.connect(db, autocommit=True) as watch:
        while watch.execute("SELECT count(*) FROM letters").fetchone() == (0,):
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.01)
    own_server.stop("immediate")
    restart = threading.Timer(1.5, own_server.start)
    restart.start()
    out, err = proc.communicate(timeout=300)
    restart.join()
    assert proc.returncode in (1, 2), err  # 2: stopped with the batch lost; 1: files failed
    results = json.loads(out)
    assert "Traceback" not in err and "内部错误" not in err
    failed = [r for r in results if r["status"] == "failed"]
    assert failed and all(any(w in r["message"] for w in SERVER_AWAY) for r in failed)
    if proc.returncode == 2:
        assert err.startswith("导入中断：") and any(w in err for w in SERVER_AWAY), err
    with LibraryStore(db) as store:
        kept = dict(store.db.execute("SELECT id, source_path FROM letters").fetchall())
    imported = [r for r in results if r["status"] == "imported"]
    assert all(kept.get(r["letter_id"]) == r["path"] for r in imported)
    assert len(kept) >= len(imported)
    again = subprocess.run(command, capture_output=True, timeout=300, **run)
    assert again.returncode == 0, again.stderr
    statuses = Counter(r["status"] for r in json.loads(again.stdout))
    assert statuses == Counter({"duplicate": len(kept), "imported": 300 - len(kept)})
    print(
        f"\nexit {proc.returncode}: {len(imported)} imported, {len(failed)} failed,"
        f" {len(results)} listed of 300; kept {len(kept)}"
    )
