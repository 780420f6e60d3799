"""Background operations: slow work off the UI thread, results back on it.

``Operation(fn, *args).success(cb).failure(cb).progress(cb).run()``. When ``fn`` has a
parameter named ``store`` it receives a ``LibraryStore`` opened in the worker thread on the
library file (a connection never crosses threads). A generator ``fn`` reports each value it
yields through ``progress`` and can be cancelled between values; its return value goes to
``success``. Failures reach ``failure`` with the exception (a programmer error is also logged
with its traceback).
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.errors import ClerkError

log = logging.getLogger(__name__)

# Operations still running: a Python reference keeps their signal objects alive.
_RUNNING: set[Operation] = set()


class _Signals(QObject):
    progressed = Signal(object)
    # One signal for the end: success or failure and then "finished" run in one queued call,
    # so no event (a test's wait, a timer, a click) falls between them.
    ended = Signal(bool, object)


class _Relay(QObject):
    """Lives in the thread that created the operation: signals from the worker reach its
    slots queued, so callbacks run there (a plain callable connected without a receiver
    object would run in the worker thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.on_success: list[Callable[[Any], None]] = []
        self.on_failure: list[Callable[[BaseException], None]] = []
        self.on_progress: list[Callable[[Any], None]] = []
        self.on_finished: list[Callable[[], None]] = []

    @Slot(bool, object)
    def ended(self, ok: bool, value: Any) -> None:
        try:
            if ok:
                for cb in self.on_success:
                    cb(value)
            else:
                for cb in self.on_failure:
                    cb(value)
        finally:
            self.finished()

    @Slot(object)
    def progressed(self, value: Any) -> None:
        for cb in self.on_progress:
            cb(value)

    def finished(self) -> None:
        for cb in self.on_finished:
            cb()


def told_to_clerk(exc: Exception) -> Exception:
    """A library's error the clerk can do something about (the server went away, a full
    disk …) as the store's ``LibraryError`` in Chinese (``library_error``); anything else as
    it is. The window shows a ``ClerkError``'s message and a programmer's error's traceback:
    a server restarted under the clerk's search is the former."""
    from desktop.store.errors import DatabaseError, library_error

    if not isinstance(exc, DatabaseError) or isinstance(exc, ClerkError):
        return exc
    told = library_error(exc)
    if told is None:
        return exc
    told.__cause__ = exc
    return told


class Cancelled(Exception):
    pass


class Operation(QRunnable):
    def __init__(self, fn: Callable[..., Any], *args: Any, db_path: Path | str | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.db_path = db_path
        self.signals = _Signals()
        self.relay = _Relay()
        self.signals.progressed.connect(self.relay.progressed)
        self.signals.ended.connect(self.relay.ended)
        self.relay.on_finished.append(lambda: _RUNNING.discard(self))
        self._cancel = threading.Event()
        self.done = threading.Event()

    def success(self, cb: Callable[[Any], None]) -> Operation:
        self.relay.on_success.append(cb)
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> Operation:
        self.relay.on_failure.append(cb)
        return self

    def progress(self, cb: Callable[[Any], None]) -> Operation:
        self.relay.on_progress.append(cb)
        return self

    def finished(self, cb: Callable[[], None]) -> Operation:
        self.relay.on_finished.append(cb)
        return self

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run_in_background(self, pool: QThreadPool | None = None) -> Operation:
        _RUNNING.add(self)
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def run(self) -> None:  # in the worker thread
        store = None
        ok, outcome = False, None
        try:
            kwargs = dict(self.kwargs)
            if "store" in inspect.signature(self.fn).parameters and self.db_path is not None:
                from desktop.store import LibraryStore

                store = LibraryStore(self.db_path)
                kwargs["store"] = store
            result = self.fn(*self.args, **kwargs)
            if inspect.isgenerator(result):
                result = self._drain(result)
            ok, outcome = True, result
        except Cancelled:
            outcome = Cancelled()
        except Exception as exc:
            told = told_to_clerk(exc)
            if not isinstance(told, ClerkError):  # the clerk's errors need no traceback
                log.exception("operation %s failed", getattr(self.fn, "__name__", self.fn))
            outcome = told
        finally:
            if store is not None:
                store.close()
            self.done.set()
            self._tell(self.signals.ended, ok, outcome)

    def _tell(self, signal: Any, *args: Any) -> bool:
        """Emit ``signal``; False when its object is gone — the program is ending and there is
        no one to tell (Qt deleted it when the application quit under a running operation)."""
        try:
            signal.emit(*args)
        except RuntimeError:
            if shiboken6.isValid(self.signals):
                raise
            log.info("operation %s ended after the window", getattr(self.fn, "__name__", self.fn))
            return False
        return True

    def _drain(self, gen: Any) -> Any:
        try:
            while True:
                if self._cancel.is_set() or not self._tell(self.signals.progressed, next(gen)):
                    gen.close()
                    raise Cancelled()
        except StopIteration as stop:
            return stop.value
