"""The worker processes of an import: each reads and understands the chunks of files it is
sent and sends back what it prepared, over pipes of its own (one for the tasks, one for the
results).

Why not :class:`concurrent.futures.ProcessPoolExecutor`: its workers share one result pipe,
guarded by one lock. A worker killed while writing its result (the system ending it, out of
memory) leaves half a message in that pipe and the lock held: the executor's manager thread
waits in ``recv()`` for the rest for ever, every ``Future.result()`` with it, and so does the
interpreter's exit, which joins that thread. Here a worker's death closes its own pipe: half a
message ends in end-of-file, and the process's sentinel tells a death before anything was
written. Either way :meth:`WorkerPool.receive` raises :class:`WorkerDied` instead of waiting.

Processes are spawned, not forked: the import runs on a thread of the window (forking a
process with threads can copy a held lock) and Windows only has spawn.

The one writer is an import's critical path; the workers fill the time around it. So a worker
runs below the normal priority (the writer, and the window, come first when both want a core)
and sends its results from a thread of its own: a chunk's result (~0.5 MB) does not fit in
the pipe, and a worker that sent it itself would wait until the writer read it — idle while
the writer commits a batch (0.3–0.6 s at 10,000 letters). A worker reads ahead at most the
:data:`~desktop.import_pipeline.IN_FLIGHT` chunks it was sent, which bounds what waits in its
queue. Both together: 175–192 → 219–221 text letters/s on two cores (A/B, 4,000 letters).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import sys
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
WORKER_NICENESS: Final = 10  # POSIX; Windows: BELOW_NORMAL_PRIORITY_CLASS


class WorkerDied(Exception):
    """A worker process ended (killed, out of memory, crashed) before its result was read."""


@dataclass
class Worker:
    process: BaseProcess
    tasks: Connection  # this process writes, the worker reads
    results: Connection  # the worker writes, this process reads


def serve(tasks: Connection, results: Connection) -> None:
    """A worker's life: read tasks, send back their outcomes, until the tasks' pipe closes.

    Tasks are read ahead of the work (the importer sends a few at once), so a stop (the
    importing process closing its ends) is seen after the current chunk, not after all the
    queued ones. Outcomes are sent by a thread, in order, while the next chunk is read."""
    _watch_parent()
    _lower_priority()
    outbox: queue.SimpleQueue[list[Outcome]] = queue.SimpleQueue()
    threading.Thread(target=_send_all, args=(outbox, results), name="results", daemon=True).start()
    queued: deque[Task] = deque()
    try:
        while True:
            while not queued or tasks.poll():
                queued.append(tasks.recv())
            paths, soffice = queued.popleft()
            outbox.put(prepare_files(paths, soffice))
    except (EOFError, OSError):  # the importer closed the pipe: stop quietly
        return


def _send_all(outbox: queue.SimpleQueue[list[Outcome]], results: Connection) -> None:
    """The worker's sending thread: each chunk's outcomes, in order, as the importer reads
    them. Ends when the importer closed its end (it wants no more)."""
    try:
        while True:
            results.send(outbox.get())
    except OSError:
        return


def _lower_priority() -> None:
    """Run below the normal priority: the writer and the window come first (see above)."""
    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x00004000  # BELOW_NORMAL_PRIORITY_CLASS
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(WORKER_NICENESS)
    except (OSError, AttributeError):  # not allowed here: the import is only slower
        log.info("import worker keeps the normal priority", exc_info=True)


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

    def __init__(
        self, count: int, target: Callable[[Connection, Connection], None] | None = None
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._workers: list[Worker] = []
        self._turn = 0
        for _ in range(count):
            task_in, task_out = context.Pipe(duplex=False)  # (reading end, writing end)
            result_in, result_out = context.Pipe(duplex=False)
            process = context.Process(
                target=target or serve,
                args=(task_in, result_out),
                name="replydesk-import",
                daemon=True,
            )
            try:
                process.start()
            except Exception:
                log.exception("cannot start an import worker (%d started)", len(self._workers))
                for end in (task_in, task_out, result_in, result_out):
                    end.close()
                break
            # Only the worker holds its ends now: its death is an end-of-file here.
            task_in.close()
            result_out.close()
            self._workers.append(Worker(process, task_out, result_in))

    @property
    def size(self) -> int:
        return len(self._workers)

    def submit(self, task: Task) -> Worker:
        """Send a task to the next worker in turn; its outcomes come back from
        :meth:`receive`, in the order its tasks were sent."""
        worker = self._workers[self._turn % len(self._workers)]
        self._turn += 1
        try:
            worker.tasks.send(task)
        except OSError as exc:  # its end is closed: the worker is gone
            raise WorkerDied(f"import worker {worker.process.pid} is gone") from exc
        return worker

    def receive(self, worker: Worker) -> list[Outcome]:
        """The outcomes of the oldest task sent to ``worker`` not yet received."""
        while True:
            ready = wait([worker.results, worker.process.sentinel], WAIT_SLICE)
            if worker.results in ready:
                try:
                    outcomes: list[Outcome] = worker.results.recv()
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
            worker.tasks.close()
            worker.results.close()
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
            worker.tasks.close()
            worker.results.close()
