from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.store import LibraryStore
from desktop.ui.operations import Cancelled, Operation


def test_result_and_progress_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    seen: list[object] = []

    def work(n: int) -> Iterator[int]:
        yield from range(n)
        return n * 10

    op = Operation(work, 3).progress(seen.append)
    with qtbot.waitSignal(op.signals.succeeded, timeout=5000) as blocker:
        op.run_in_background()
    assert blocker.args == [30]
    qtbot.waitUntil(lambda: seen == [0, 1, 2])


def test_store_is_opened_in_the_worker(qtbot: QtBot, tmp_path: Path) -> None:
    LibraryStore(tmp_path / "l.db").close()

    def count(store: LibraryStore) -> int:
        return store.letters.count()

    op = Operation(count, db_path=tmp_path / "l.db")
    with qtbot.waitSignal(op.signals.succeeded, timeout=5000) as blocker:
        op.run_in_background()
    assert blocker.args == [0]


def test_failure_and_cancel(qtbot: QtBot) -> None:
    def boom() -> None:
        raise ValueError("bad")

    op = Operation(boom)
    with qtbot.waitSignal(op.signals.failed, timeout=5000) as blocker:
        op.run_in_background()
    assert isinstance(blocker.args[0], ValueError)

    def endless() -> Iterator[int]:
        i = 0
        while True:
            yield i
            i += 1

    op = Operation(endless)
    op.progress(lambda _v: op.cancel())
    with qtbot.waitSignal(op.signals.failed, timeout=5000) as blocker:
        op.run_in_background()
    assert isinstance(blocker.args[0], Cancelled)


def test_callbacks_run_on_the_thread_that_made_the_operation(qtbot: QtBot) -> None:
    import threading

    threads: list[threading.Thread] = []
    op = Operation(lambda: 1).success(lambda _v: threads.append(threading.current_thread()))
    with qtbot.waitSignal(op.signals.finished, timeout=5000):
        op.run_in_background()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads == [threading.main_thread()]
