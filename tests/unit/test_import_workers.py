"""The import's worker processes (desktop/import_workers.py): they run below the normal
priority and go on reading while the writer does not take their results."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from pathlib import Path

import pytest

import desktop.import_workers as import_workers
from desktop.import_steps import PreparedFile
from desktop.import_workers import WorkerPool, serve


def test_a_worker_goes_on_while_its_results_wait_to_be_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each chunk's result is larger than a pipe holds: a worker that sent it itself would
    stop at the first one until the writer read it (the writer commits a batch meanwhile)."""
    prepared: list[list[str]] = []
    all_read = threading.Event()

    def fake_prepare(paths: list[str], _soffice: str | None) -> list[str]:
        prepared.append(paths)
        if len(prepared) == 3:
            all_read.set()
        return [p * 200_000 for p in paths]  # ~1 MB: far more than a pipe's buffer

    monkeypatch.setattr(import_workers, "prepare_files", fake_prepare)
    monkeypatch.setattr(import_workers, "_lower_priority", lambda: None)  # not this process
    task_in, task_out = multiprocessing.Pipe(duplex=False)
    result_in, result_out = multiprocessing.Pipe(duplex=False)
    worker = threading.Thread(target=serve, args=(task_in, result_out), daemon=True)
    worker.start()
    for name in ("a", "b", "c"):
        task_out.send(([name, name + "2"], None))
    assert all_read.wait(30), "the worker stopped at its first result"  # none read yet
    assert [result_in.recv() for _ in range(3)] == [
        [n * 200_000, (n + "2") * 200_000] for n in ("a", "b", "c")
    ]  # in order, whole
    task_out.close()  # the importer is done: the worker ends
    worker.join(30)
    assert not worker.is_alive()
    result_in.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX niceness")
def test_workers_run_below_the_normal_priority(tmp_path: Path) -> None:
    letter = tmp_path / "答复.txt"
    letter.write_text("关于加强科普工作的建议的答复\n\n张明代表：\n\n您提出的建议收悉。\n", "utf-8")
    pool = WorkerPool(1)
    try:
        worker = pool.submit(([str(letter)], None))
        [outcome] = pool.receive(worker)  # it has started and read the file
        assert isinstance(outcome, PreparedFile)
        pid = worker.process.pid
        assert pid is not None
        mine = os.getpriority(os.PRIO_PROCESS, 0)
        assert os.getpriority(os.PRIO_PROCESS, pid) == min(
            19, mine + import_workers.WORKER_NICENESS
        )
    finally:
        pool.stop()
