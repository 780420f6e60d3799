"""The status bar says whether the office server answers (issue 14 item 4), asked off the UI
thread against a real server, and says so again when it changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from desktop.ui.server_status import ServerStatus
from tests.pg_server import PgServer


def test_the_status_bar_tells_a_server_that_answers_from_one_that_does_not(
    qtbot: QtBot, chinese: QApplication, pg_server: PgServer
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    up = ServerStatus(window, pg_server.admin_url, interval_ms=60_000)
    qtbot.waitUntil(lambda: up.reachable is not None, timeout=10_000)
    assert up.reachable is True and up.label.text() == "已连接服务器"

    dead = f"postgresql://{pg_server.user}@127.0.0.1:{pg_server.port + 1}/postgres"
    other = QMainWindow()
    qtbot.addWidget(other)
    down = ServerStatus(other, dead, offline=True, interval_ms=60_000)
    qtbot.waitUntil(lambda: down.reachable is not None, timeout=10_000)
    assert down.reachable is False
    assert down.label.text() == "无法连接服务器：正在使用本机副本（只读）"
    assert "副本" in down.label.toolTip()
    other.show()
    other.grab().save("/tmp/server-status-offline.png")

    # the server comes back (here: the probe is pointed at the live one): the window on the
    # local copy says how to get back to it, and the label says it answers
    down.url = pg_server.admin_url
    with qtbot.waitSignal(down.changed, timeout=10_000) as blocker:
        down.check()
    assert blocker.args == [True]
    assert other.statusBar().currentMessage().startswith("服务器已恢复：请重新启动答复助手")
    assert down.label.text() == "已连接服务器"


def test_the_window_on_a_server_library_shows_the_servers_state(
    qtbot: QtBot,
    chinese: QApplication,
    pg_database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QSettings

    from desktop import paths
    from desktop.store import LibraryStore
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")  # the copy goes there
    store = LibraryStore(pg_database_url)
    context = AppContext(tmp_path / "unused.db", store=store)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    status = window.findChild(QLabel, "serverStatus")
    assert status is not None
    qtbot.waitUntil(lambda: status.text() == "已连接服务器", timeout=10_000)
    qtbot.wait(300)  # the status bar lays the new text out
    window.grab().save("/tmp/server-status-window.png")
    # the copy waits a minute after the start (nothing of it in a short session)
    assert not (tmp_path / "data").exists()
    window.close()
    context.close()


def test_a_window_on_a_library_file_has_no_server_state(
    qtbot: QtBot, sample_store: object, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow

    context = AppContext(sample_store.path, store=sample_store)  # type: ignore[attr-defined]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    qtbot.addWidget(window)
    assert context.server_url is None
    assert window.findChild(QLabel, "serverStatus") is None


def test_while_the_server_answers_the_local_copy_is_refreshed(
    qtbot: QtBot, chinese: QApplication, pg_database_url: str, tmp_path: Path
) -> None:
    from desktop.actions import cases
    from desktop.server.offline import offline_copy_path
    from desktop.store import LibraryStore
    from tests.unit.test_case_sent import a_case

    with LibraryStore(pg_database_url) as store:
        cases.save(a_case("41"), store=store)
    window = QMainWindow()
    qtbot.addWidget(window)
    status = ServerStatus(
        window, pg_database_url, interval_ms=60_000, copy_folder=tmp_path, copy_delay=0
    )
    with qtbot.waitSignal(status.refreshed, timeout=120_000) as done:
        pass
    assert done.args == [True]
    with LibraryStore(offline_copy_path(tmp_path), read_only=True) as copy:
        assert copy.cases.find(a_case("41").session, "41") is not None
    assert "本机副本已于" in status.label.toolTip()
