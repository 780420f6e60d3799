"""Importing many files at once: worker processes read and understand them while this process,
the one writer, stores them in batched transactions.

Reading and understanding a file (decoding, the parser, hashes, folding, words) needs nothing
from the library, so it runs in a pool of processes (spawned, as on Windows and in the frozen
program: ``multiprocessing.freeze_support()`` in the entry script). The writer stores the
prepared letters in file order, many per transaction: a transaction's commit and the FTS5
segments it writes cost about as much as storing a few letters.

What :func:`desktop.importer.import_paths` promises stays true:

- every file gets one result, in order, and is stored entirely or not at all. A file's step
  is yielded once it is written, and the transaction is committed every
  :data:`BATCH_LETTERS` letters or :data:`BATCH_SECONDS` seconds and when the generator ends
  or is stopped (the window's cancel closes it between two steps): what was reported is
  exactly what is kept. When a commit fails (a full disk, an I/O error), the batch is rolled
  back and the import stops with :class:`ImportInterrupted`, which names the files reported
  since the last commit that were not kept after all;
- a bad file spoils nothing: a file that cannot be read fails alone (in its worker); when
  storing one letter raises, the transaction rolls back, the letters already written in it
  are written again (in order, so under the same ids) and only that one fails;
- a library that refuses to write (busy for too long, read-only) fails the file with its
  message;
- a worker process that dies (killed, out of memory) costs nothing: the others are ended, its
  chunk and all files after it are read in this process, and the first of them carries a
  notice for the clerk (:attr:`ImportResult.notice`); the traceback goes to the log.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from desktop.import_steps import (
    INTERNAL_ERROR,
    Crash,
    ImportResult,
    PreparedFile,
    add_prepared,
    prepare_files,
    refused,
    store_prepared,
)
from desktop.import_workers import Worker, WorkerDied, WorkerPool
from desktop.readers import printable_path
from desktop.store import LibraryError, LibraryStore
from desktop.store.errors import DatabaseError, LibraryCommitUnknown, library_error
from desktop.store.open_files import is_open_library

log = logging.getLogger(__name__)

# Below this many files the pool's start (a Python per worker, ~0.5 s) costs more than it saves:
# ~100 files take about that long read here. The real corpus (72 letters) is read in process.
PARALLEL_MIN_FILES: Final = 100
MAX_WORKERS: Final = 4
CHUNK: Final = 8  # files per task sent to a worker
# Tasks queued per worker: how far a worker may read ahead of the writer (it goes on while the
# writer commits, desktop/import_workers.py), and what bounds the memory of prepared letters
# (~0.5 MB a chunk).
IN_FLIGHT: Final = 8
BATCH_LETTERS: Final = 200  # letters per write transaction at most …
# … and a transaction at least this often: each commit writes a new segment in every FTS5
# index, merged again later — commits every 0.5 s (~100 letters) cost the writer a third more
# CPU per letter than 200-letter ones. Progress is reported per file and a cancel commits at
# once: only another writer (waiting up to 2 minutes) and a crash see the batch's length.
BATCH_SECONDS: Final = 2.0

Outcome = PreparedFile | ImportResult | Crash


def default_workers(n_files: int) -> int:
    """Worker processes for an import of ``n_files`` files (0: read them in this process)."""
    if n_files < PARALLEL_MIN_FILES:
        return 0
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def import_prepared_files(
    store: LibraryStore, files: list[Path], *, soffice: str | None, workers: int
) -> Iterator[ImportResult]:
    """Every file's result, in order (see the module's description)."""
    writer = _BatchWriter(store)
    try:
        for path, outcome, notice in _outcomes(files, soffice, workers):
            result = writer.write(path, outcome)
            yield dataclasses.replace(result, notice=notice) if notice else result
            writer.commit_if_due()
    finally:
        writer.commit()


def _outcomes(
    files: list[Path], soffice: str | None, workers: int
) -> Iterator[tuple[Path, Outcome, str]]:
    """Each file with what reading it gave, in order, and a notice for the clerk (the first
    file read here after the workers failed): from worker processes, or read here."""
    pool = WorkerPool(workers) if workers > 0 else None
    if pool is None or pool.size == 0:
        for path in files:
            yield path, _prepare_here(path, soffice), ""
        return
    chunks = deque(files[i : i + CHUNK] for i in range(0, len(files), CHUNK))
    pending: deque[tuple[list[Path], Worker]] = deque()
    try:
        while chunks or pending:
            # A chunk leaves its queue only once its worker took it / gave its outcomes.
            while chunks and len(pending) < pool.size * IN_FLIGHT:
                worker = pool.submit(([str(p) for p in chunks[0]], soffice))
                pending.append((chunks.popleft(), worker))
            outcomes = pool.receive(pending[0][1])
            chunk = pending.popleft()[0]
            yield from ((p, o, "") for p, o in zip(chunk, outcomes, strict=True))
    except WorkerDied:
        # The rest is read here; the pipes of the other workers may hold half-read chunks,
        # and a killed worker often means the system is short of memory: they are ended.
        log.exception("import worker died; reading the remaining files in this process")
        pool.terminate()
        rest = [p for chunk, _ in pending for p in chunk] + [p for c in chunks for p in c]
        yield from _read_here_after_failure(rest, soffice)
    finally:
        pool.stop()


WORKER_DIED: Final = (
    "读取文件的后台进程意外结束（可能是内存不足或被系统终止），"
    "从这份文件起改由本程序直接读取，导入照常进行，只是慢一些。"
)


def _read_here_after_failure(
    files: list[Path], soffice: str | None
) -> Iterator[tuple[Path, Outcome, str]]:
    for number, path in enumerate(files):
        yield path, _prepare_here(path, soffice), WORKER_DIED if number == 0 else ""


class ImportInWorkerStart(RuntimeError):
    """An import called while a spawned process starts (a programmer's error)."""


def refuse_in_starting_worker() -> None:
    """Spawn starts a worker by running the calling script again: a script without an
    ``if __name__ == "__main__":`` guard would import every file again in each worker, into
    the same library, competing with the real import for its write lock (files refused as
    busy). Failing here fails the worker's start instead: the real import reads the files
    itself, once."""
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise ImportInWorkerStart(
            "an import cannot run while a worker process starts: guard the calling script's"
            ' top level with `if __name__ == "__main__":`'
        )


def _prepare_here(path: Path, soffice: str | None) -> Outcome:
    return prepare_files([str(path)], soffice)[0]


class ImportInterrupted(LibraryError):
    """A batch's commit failed: the import stops, and the files reported since the last
    commit were not kept."""

    def __init__(self, cause: LibraryError, lost: list[str]) -> None:
        names = "、".join(Path(name).name for name in lost[:3])
        more = f"等 {len(lost)} 份" if len(lost) > 3 else ""
        fate = "不能确定是否已保存" if isinstance(cause, LibraryCommitUnknown) else "未能保存"
        lost_text = f"刚才列为已导入的{names}{more}{fate}，请重新导入（已保存的会显示为重复）。"
        said = cause.message.rstrip("。")
        super().__init__(f"导入中断：{said}" + (f"；{lost_text}" if lost else "。"))
        self.lost = lost


class _BatchWriter:
    """The one writer: prepared letters into the library, many per transaction."""

    def __init__(self, store: LibraryStore) -> None:
        self._store = store
        self._written: list[PreparedFile] = []  # in the open transaction, in order
        self._ids: list[int | None] = []
        self._open = False
        self._started = 0.0

    def write(self, path: Path, outcome: Outcome) -> ImportResult:
        if isinstance(outcome, Crash):
            log.error("import of %s failed\n%s", outcome.path, outcome.trace)
            return ImportResult(outcome.name, "failed", message=INTERNAL_ERROR)
        if isinstance(outcome, ImportResult):
            return outcome
        if is_open_library(path):  # only this process knows which libraries are open
            message = "这是资料库文件本身，不能作为文件导入。"
            return ImportResult(printable_path(path), "failed", message=message)
        try:
            self._begin()
            result = add_prepared(self._store, outcome)
        except LibraryError as exc:  # busy for too long, or read-only: nothing written
            self._recover()
            return refused(outcome.name, exc)
        except Exception:
            # A bug of ours, the disk, or the server gone: the transaction is lost; write
            # again what was reported, then this letter alone, in a transaction of its own.
            self._recover(commit=True)
            return _store_alone(self._store, outcome)
        self._written.append(outcome)
        self._ids.append(result.letter_id if result.status == "imported" else None)
        return result

    def commit_if_due(self) -> None:
        due = len(self._written) >= BATCH_LETTERS or (
            time.monotonic() - self._started >= BATCH_SECONDS
        )
        if self._open and due:
            self.commit()

    def commit(self) -> None:
        if self._open:
            self._open = False
            written, ids = self._written, self._ids
            self._written, self._ids = [], []
            try:
                self._store.letters.end_batch(commit=True)
            except LibraryError as exc:
                lost = [p.name for p, i in zip(written, ids, strict=True) if i is not None]
                raise ImportInterrupted(exc, lost) from exc

    def _begin(self) -> None:
        if not self._open:
            self._store.letters.begin_batch()
            self._open = True
            self._started = time.monotonic()

    def _recover(self, *, commit: bool = False) -> None:
        """Roll the transaction back and write its letters again (and commit them). When the
        library cannot be written now (the server went away, a full disk), the import stops
        with :class:`ImportInterrupted` naming the letters the batch reported."""
        lost = [p.name for p, i in zip(self._written, self._ids, strict=True) if i is not None]
        try:
            self._rollback_and_rewrite()
            if commit:
                self.commit()
        except ImportInterrupted:
            raise
        except (LibraryError, DatabaseError) as exc:
            if self._open:  # the rewrite's transaction, broken: nothing of it is kept
                self._open = False
                self._store.letters.end_batch(commit=False)
            self._written, self._ids = [], []
            problem = library_error(exc)
            if problem is None:
                raise
            raise ImportInterrupted(problem, lost) from exc

    def _rollback_and_rewrite(self) -> None:
        """Roll the transaction back and write its letters again, as they were reported."""
        if not self._open:
            return
        self._store.letters.end_batch(commit=False)
        self._open = False
        written, ids = self._written, self._ids
        self._written, self._ids = [], []
        if not written:
            return
        self._begin()
        for prepared, reported in zip(written, ids, strict=True):
            again = add_prepared(self._store, prepared)
            if reported is not None and again.letter_id != reported:
                log.error("letter %s stored again as %s", reported, again.letter_id)
            self._written.append(prepared)
            self._ids.append(again.letter_id if again.status == "imported" else None)


def _store_alone(store: LibraryStore, prepared: PreparedFile) -> ImportResult:
    try:
        return store_prepared(store, prepared)
    except Exception:
        log.exception("import of %s failed", prepared.source_path)
        return ImportResult(prepared.name, "failed", message=INTERNAL_ERROR)
