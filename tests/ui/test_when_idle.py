"""when_idle: the work waits while the clerk types or clicks in any of the app's windows —
the window there at the start and a dialog shown afterwards — and runs once she pauses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from desktop.ui import first_paint
from desktop.ui.first_paint import when_idle


def _watching(callback: Callable[[], object]) -> first_paint._WhenIdle:
    """when_idle(callback, 60 s, 10 min) and the object that waits."""
    app = QApplication.instance()
    assert app is not None
    before = set(app.findChildren(first_paint._WhenIdle))
    when_idle(callback, 60000, 600000)
    (watcher,) = set(app.findChildren(first_paint._WhenIdle)) - before
    return watcher


def _key(widget: QLineEdit) -> None:
    window = widget.window().windowHandle()
    assert window is not None
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(window, press)  # as the platform delivers it: to the QWindow


def test_typing_in_the_window_or_a_later_dialog_holds_the_work_back(qtbot: QtBot) -> None:
    window = QMainWindow()
    edit = QLineEdit()
    window.setCentralWidget(edit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    calls: list[str] = []
    watcher = _watching(lambda: calls.append("run"))

    watcher._idle.stop()
    _key(edit)
    assert watcher._idle.isActive()  # typing in the window started the wait again

    dialog = QDialog(window)
    field = QLineEdit(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is dialog.windowHandle())
    watcher._idle.stop()
    _key(field)
    assert watcher._idle.isActive()  # the dialog shown later is watched too

    watcher._idle.stop()
    handle = dialog.windowHandle()
    assert handle is not None
    click = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(5, 5), QPointF(5, 5),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(handle, click)
    assert watcher._idle.isActive()
    assert calls == []

    watcher._idle.setInterval(0)  # the clerk pauses
    watcher._idle.start()
    qtbot.waitUntil(lambda: calls == ["run"])
    dialog.close()


def test_the_work_runs_once_when_the_clerk_does_not_pause(qtbot: QtBot) -> None:
    calls: list[str] = []
    when_idle(lambda: calls.append("run"), 60000, 0)  # at the latest: at once
    qtbot.waitUntil(lambda: calls == ["run"])
    qtbot.wait(50)
    assert calls == ["run"]
