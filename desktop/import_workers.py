"""The worker processes of an import: each reads and understands the chunks of files it is
sent and sends back what it prepared, over a pipe of its own.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: its workers share one result pipe,
guarded by one lock. A worker killed while writing its result (the system ending it, out of
memory) leaves half a message in that pipe and the lock held: the executor's manager thread
waits in ``recv()`` for the rest for ever, every ``Future.result()`` with it, and so does the
interpreter's exit, which joins that thread. Here a worker's death closes its own pipe: half a
message ends in end-of-file, and the process's sentinel tells a death before anything was
written. Either way :meth:`WorkerPool.receive` raises :class:`WorkerDied` instead of waiting.

Processes are spawned, not forked: the import runs on a thread of the window (forking a
process with threads can copy a held lock) and Windows only has spawn.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Final

from desktop.import_steps import Crash, ImportResult, PreparedFile, prepare_files

log = logging.getLogger(__name__)

Outcome = PreparedFile | ImportResult | Crash
Task = tuple[list[str], str | None]  # the chunk's paths, the soffice to convert .doc with

# A worker asked to stop finishes the chunk it is reading (a LibreOffice conversion has its
# own time limit); one still running after this long is terminated.
STOP_SECONDS: Final = 60.0
# How long one wait for a result lasts before the worker's life is checked again (its
# sentinel already wakes the wait when it dies: this is a second guard, not the detector).
WAIT_SLICE: Final = 1.0


class WorkerDied(Exception):
    """A worker process ended (killed, out of memory, crashed) before its result was read."""


@dataclass
class Worker:
    process: BaseProcess
    conn: Connection


def serve(conn: Connection) -> None:
    """A worker's life: read tasks, send back their outcomes, until the pipe closes.

    Tasks are read ahead of the work (the importer sends a few at once), so a stop (the
    importing process closing its end) is seen after the current chunk, not after all the
    queued ones."""
    _watch_parent()
    queued: deque[Task] = deque()
    try:
        while True:
            while not queued or conn.poll():
                queued.append(conn.recv())
            paths, soffice = queued.popleft()
            conn.send(prepare_files(paths, soffice))
    except (EOFError, OSError):  # the importer closed the pipe: stop quietly
        return


def _watch_parent() -> None:
    """In a worker: end when the importing process ends. A window killed mid-import would
    otherwise leave its workers blocked for ever on the pipe of results no one reads."""

    def watch() -> None:
        parent = multiprocessing.parent_process()
        if parent is not None:
            parent.join()
            os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class WorkerPool:
    """Up to ``count`` worker processes, sent chunks in turn. A worker that cannot be started
    (too many processes for the user, no memory, a frozen program that cannot run itself) is
    logged and left out: :attr:`size` may be smaller than asked, even 0."""

    def __init__(self, count: int, target: Callable[[Connection], None] | None = None) -> None:
        context = multiprocessing.get_context("spawn")
        self._workers: list[Worker] = []
        self._turn = 0
        for _ in range(count):
            mine, theirs = context.Pipe()
            process = context.Process(
                target=target or serve, args=(theirs,), name="replydesk-import", daemon=True
            )
            try:
                process.start()
            except Exception:
                log.exception("cannot start an import worker (%d started)", len(self._workers))
                mine.close()
                theirs.close()
                break
            # Only the worker holds its end now: its death is an end-of-file here.
            theirs.close()
            self._workers.append(Worker(process, mine))

    @property
    def size(self) -> int:
        return len(self._workers)

    def submit(self, task: Task) -> Worker:
        """Send a task to the next worker in turn; its outcomes come back from
        :meth:`receive`, in the order its tasks were sent."""
        worker = self._workers[self._turn % len(self._workers)]
        self._turn += 1
        try:
            worker.conn.send(task)
        except OSError as exc:  # its end is closed: the worker is gone
            raise WorkerDied(f"import worker {worker.process.pid} is gone") from exc
        return worker

    def receive(self, worker: Worker) -> list[Outcome]:
        """The outcomes of the oldest task sent to ``worker`` not yet received."""
        while True:
            ready = wait([worker.conn, worker.process.sentinel], WAIT_SLICE)
            if worker.conn in ready:
                try:
                    outcomes: list[Outcome] = worker.conn.recv()
                except (EOFError, OSError) as exc:  # died before or while writing
                    raise self._died(worker) from exc
                return outcomes
            if ready or worker.process.exitcode is not None:
                raise self._died(worker)

    def _died(self, worker: Worker) -> WorkerDied:
        worker.process.join(1.0)
        code = worker.process.exitcode
        return WorkerDied(f"import worker {worker.process.pid} ended (exit code {code})")

    def stop(self) -> None:
        """Let every worker finish its current chunk and end (queued ones are dropped)."""
        for worker in self._workers:
            worker.conn.close()
        for worker in self._workers:
            worker.process.join(STOP_SECONDS)
        self.terminate()

    def terminate(self) -> None:
        """End every worker now (a broken pool: a dead worker may mean no memory left)."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in self._workers:
            worker.process.join()
            worker.conn.close()
