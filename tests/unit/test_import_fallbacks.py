"""Every way the worker pool of an import can fail still gives each file a result, and each
imported file its own letter id: a worker that cannot be started (too many processes, as under
``ulimit -u``), a worker killed halfway, a calling script without a ``__main__`` guard."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import pickle
import signal
import struct
import subprocess
import sys
import textwrap
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest

import desktop.import_pipeline as pipeline
import desktop.import_workers as import_workers
from bench.corpus import generate
from desktop.import_steps import prepare_files
from desktop.importer import ImportProgress, import_paths
from desktop.store import LibraryStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Letters past the pool's threshold in a folder (text, GBK text, DOCX, a few re-saved
    duplicates)."""
    root = tmp_path_factory.mktemp("many") / "letters"
    generate(root, pipeline.PARALLEL_MIN_FILES + 6, seed=11)
    return root


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _assert_each_file_stored_once(
    db: Path, files: list[Path], results: list[dict[str, Any]]
) -> None:
    """One result per file, in order; every imported file's id is a letter read from that
    very file; duplicates name a stored letter; the library holds nothing else."""
    assert [Path(r["path"]).name for r in results] == [p.name for p in files]
    assert {r["status"] for r in results} <= {"imported", "duplicate"}, results
    with LibraryStore(db) as store:
        for r in results:
            row = store.letters.get(r["letter_id"])
            assert row is not None, r
            if r["status"] == "imported":
                assert Path(row.source_path or "").name == Path(r["path"]).name
        assert store.letters.count() == sum(r["status"] == "imported" for r in results)


def _as_json(steps: list[ImportProgress]) -> list[dict[str, Any]]:
    return [s.result.to_json() for s in steps]


def test_a_worker_that_cannot_be_started_leaves_no_file_behind(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first worker starts, the second cannot (fork fails with EAGAIN, as it does past
    the user's process limit): the started worker's files and all the rest are stored."""
    spawn = multiprocessing.get_context("spawn").Process
    real_start = spawn.start
    started = 0

    def start(self: multiprocessing.process.BaseProcess) -> None:
        nonlocal started
        started += 1
        if started > 1:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
        real_start(self)

    monkeypatch.setattr(spawn, "start", start)
    files = _files(folder)
    with LibraryStore(tmp_path / "lib.db") as store:
        steps = list(import_paths(store, [folder], workers=2))
    assert started >= 2  # the pool did try to start its second worker
    _assert_each_file_stored_once(tmp_path / "lib.db", files, _as_json(steps))


def test_a_worker_killed_halfway_leaves_no_file_behind(folder: Path, tmp_path: Path) -> None:
    """A worker killed while the import runs (the system ending it, out of memory): the
    chunks it held and those still queued are read by the importing process."""
    files = _files(folder)
    steps: list[ImportProgress] = []
    killed = False
    with LibraryStore(tmp_path / "lib.db") as store:
        for step in import_paths(store, [folder], workers=2):
            steps.append(step)
            if not killed:
                workers = multiprocessing.active_children()
                assert workers, "the import did not use worker processes"
                for worker in workers:
                    os.kill(worker.pid or 0, signal.SIGKILL)
                killed = True
    assert killed
    _assert_each_file_stored_once(tmp_path / "lib.db", files, _as_json(steps))
    _assert_told_once(steps)
    assert multiprocessing.active_children() == []  # no worker left behind


def _assert_told_once(steps: list[ImportProgress]) -> None:
    notices = [s.result.notice for s in steps if s.result.notice]
    assert len(notices) == 1 and "后台进程意外结束" in notices[0], notices


def _serve_one_then_die_parsing(tasks: Connection, results: Connection) -> None:
    """A worker that answers its first task, then dies while reading the second."""
    paths, soffice = tasks.recv()
    results.send(prepare_files(paths, soffice))
    tasks.recv()
    os._exit(9)


def _serve_one_then_die_sending(tasks: Connection, results: Connection) -> None:
    """A worker that answers its first task, then dies halfway through sending the second's
    result: the message's length and part of it are in the pipe, the rest never comes."""
    paths, soffice = tasks.recv()
    results.send(prepare_files(paths, soffice))
    paths, soffice = tasks.recv()
    message = pickle.dumps(prepare_files(paths, soffice))
    os.write(results.fileno(), struct.pack("!i", len(message)) + message[: len(message) // 2])
    os._exit(9)


@pytest.mark.parametrize("serve", [_serve_one_then_die_parsing, _serve_one_then_die_sending])
def test_a_worker_that_dies_at_a_given_moment_leaves_no_file_behind(
    serve: Callable[[Connection, Connection], None],
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Deterministic deaths of every worker: while reading its second chunk, and while
    writing its second chunk's result (the moment that used to hang the import for ever)."""
    monkeypatch.setattr(import_workers, "serve", serve)
    files = _files(folder)
    with LibraryStore(tmp_path / "lib.db") as store:
        steps = list(import_paths(store, [folder], workers=2))
    _assert_each_file_stored_once(tmp_path / "lib.db", files, _as_json(steps))
    _assert_told_once(steps)
    # the workers' first chunks came from them (at least the first one: a dead worker found
    # while sending it the next chunk ends the pool at once), the rest was read here
    first_noticed = next(i for i, s in enumerate(steps) if s.result.notice)
    assert first_noticed in (pipeline.CHUNK, 2 * pipeline.CHUNK)
    assert multiprocessing.active_children() == []


# Spawn starts a worker by importing the calling script again (as __mp_main__): without a
# guard, every worker would run this import again, into the same library.
_UNGUARDED = """
    import json, sys
    from pathlib import Path
    from desktop.importer import import_paths
    from desktop.store import LibraryStore

    with LibraryStore(Path(sys.argv[2])) as store:
        results = [s.result.to_json() for s in import_paths(store, [Path(sys.argv[1])])]
    print(json.dumps(results, ensure_ascii=False))
"""


def test_a_script_without_a_main_guard_imports_each_file_once(folder: Path, tmp_path: Path) -> None:
    script = tmp_path / "unguarded.py"
    script.write_text(textwrap.dedent(_UNGUARDED), encoding="utf-8")
    db = tmp_path / "lib.db"
    proc = subprocess.run(
        [sys.executable, str(script), str(folder), str(db)],
        capture_output=True, text=True, encoding="utf-8", timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    outputs = proc.stdout.splitlines()
    assert len(outputs) == 1, "the import ran again in the worker processes"
    _assert_each_file_stored_once(db, _files(folder), json.loads(outputs[0]))
