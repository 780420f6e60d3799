from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.store import LibraryStore
from desktop.ui.operations import Cancelled, Operation
from tests.pg_server import PgServer


def test_result_and_progress_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    seen: list[object] = []

    def work(n: int) -> Iterator[int]:
        yield from range(n)
        return n * 10

    op = Operation(work, 3).progress(seen.append)
    with qtbot.waitSignal(op.signals.ended, timeout=5000) as blocker:
        op.run_in_background()
    assert blocker.args == [True, 30]
    qtbot.waitUntil(lambda: seen == [0, 1, 2])


def test_store_is_opened_in_the_worker(qtbot: QtBot, tmp_path: Path) -> None:
    LibraryStore(tmp_path / "l.db").close()

    def count(store: LibraryStore) -> int:
        return store.letters.count()

    op = Operation(count, db_path=tmp_path / "l.db")
    with qtbot.waitSignal(op.signals.ended, timeout=5000) as blocker:
        op.run_in_background()
    assert blocker.args == [True, 0]


def test_failure_and_cancel(qtbot: QtBot) -> None:
    def boom() -> None:
        raise ValueError("bad")

    op = Operation(boom)
    with qtbot.waitSignal(op.signals.ended, timeout=5000) as blocker:
        op.run_in_background()
    assert blocker.args[0] is False and isinstance(blocker.args[1], ValueError)

    def endless() -> Iterator[int]:
        i = 0
        while True:
            yield i
            i += 1

    op = Operation(endless)
    op.progress(lambda _v: op.cancel())
    with qtbot.waitSignal(op.signals.ended, timeout=5000) as blocker:
        op.run_in_background()
    assert blocker.args[0] is False and isinstance(blocker.args[1], Cancelled)


def test_the_result_and_the_end_arrive_together(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoever is woken by the result (a test's wait, a timer, the clerk's click) already
    sees the operation finished, even when closing the worker's store takes a while."""
    import time

    LibraryStore(tmp_path / "l.db").close()
    close = LibraryStore.close

    def slow_close(self: LibraryStore) -> None:
        time.sleep(0.3)
        close(self)

    monkeypatch.setattr(LibraryStore, "close", slow_close)
    results: list[int] = []
    ended: list[bool] = []

    def count(store: LibraryStore) -> int:
        return store.letters.count()

    op = Operation(count, db_path=tmp_path / "l.db")
    op.success(results.append).finished(lambda: ended.append(True))
    op.run_in_background()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [0] and ended == [True]


def test_callbacks_run_on_the_thread_that_made_the_operation(qtbot: QtBot) -> None:
    import threading

    threads: list[threading.Thread] = []
    op = Operation(lambda: 1).success(lambda _v: threads.append(threading.current_thread()))
    with qtbot.waitSignal(op.signals.ended, timeout=5000):
        op.run_in_background()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads == [threading.main_thread()]


def test_a_server_gone_under_an_operation_or_a_call_is_told_in_chinese(
    qtbot: QtBot, pg_server: PgServer, pg_database_url: str
) -> None:
    """The server went away under the window's work (a background search, a call on the
    window's own connection, the poll for other clerks' changes): the clerk reads the store's
    message, or nothing, not a traceback."""
    import psycopg

    from desktop.actions.search import search
    from desktop.store.errors import LibraryUnreachable
    from desktop.ui.change_watch import ChangeWatch
    from desktop.ui.context import AppContext

    name = pg_database_url.rsplit("/", 1)[1]

    def away(store: LibraryStore) -> None:
        """No new session accepted, the store's own ended (a stopped server)."""
        pid = store.db.conn.raw.info.backend_pid  # type: ignore[attr-defined]
        with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])

    def back() -> None:
        with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')

    def search_while_away(query: str, *, store: LibraryStore) -> object:
        away(store)
        try:
            return search(query, store=store)
        finally:
            back()

    LibraryStore(pg_database_url).close()
    op = Operation(search_while_away, "科技", db_path=pg_database_url)
    with qtbot.waitSignal(op.signals.ended, timeout=20000) as blocker:
        op.run_in_background()
    [ok, told] = blocker.args
    assert ok is False
    assert isinstance(told, LibraryUnreachable) and "资料库服务器" in told.message

    context = AppContext.open(pg_database_url)
    try:
        with pytest.raises(LibraryUnreachable, match="资料库服务器"):
            context.call(search_while_away, "科技")
        assert context.call(search, "科技").total == 0  # back: the same connection answers
        # The watch on other clerks' changes polls every two seconds: while the server is
        # away it says nothing (it raised into the error dialog at each tick) and pauses
        # (each poll would hold the window for the connection's timeout); resumed when the
        # server answers, it sees what was done meanwhile.
        watch = ChangeWatch(context, interval_ms=3_600_000)
        away(context.store)
        try:
            assert watch.poll() is None
            assert watch.paused and not watch.timer.isActive()
        finally:
            back()
        with LibraryStore(pg_database_url) as other:
            other.profile.set_value("agency_name", "某市交通运输局")
        with qtbot.waitSignal(watch.changed, timeout=5000):
            watch.resume()
        assert not watch.paused and watch.timer.isActive()
    finally:
        context.close()


def test_an_operation_outliving_its_signals_ends_quietly_and_stops(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The application quit under a running operation (Qt deleted its signal object): the
    worker neither raises into Qt's "Error calling Python override" nor goes on working."""
    import shiboken6

    made: list[int] = []

    def endless() -> Iterator[int]:
        while True:
            made.append(len(made))
            yield made[-1]

    op = Operation(endless)
    shiboken6.delete(op.signals)
    with caplog.at_level("INFO", logger="desktop.ui.operations"):
        op.run()  # in this thread: what the worker does
    assert op.done.is_set()
    assert made == [0]  # stopped at the first value it could not report
    assert "ended after the window" in caplog.text
    assert "Traceback" not in caplog.text
