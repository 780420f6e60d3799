"""The status bar says whether the office server answers (issue 14 item 4), asked off the UI
thread against a real server, and says so again when it changes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMainWindow
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

    # the server comes back (here: the probe is pointed at the live one): said once
    down.url = pg_server.admin_url
    with qtbot.waitSignal(down.changed, timeout=10_000) as blocker:
        down.check()
    assert blocker.args == [True]
    assert other.statusBar().currentMessage() == "已连接服务器"
