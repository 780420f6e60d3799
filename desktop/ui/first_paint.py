"""Work that waits: for the window's first paint (the clerk sees the window before the start's
checks, dialogs and the last case run: desktop.ui.app.start_window), or for a pause in the
clerk's typing and clicking (loading the word segmenter)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QWidget

FIRST_PAINT_WAIT = 500  # ms: a window shown minimized or on no screen is never painted


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self._callback: Callable[[], object] | None = callback
        window.installEventFilter(self)
        if window.isVisible():
            self._wait_for_paint()

    def _wait_for_paint(self) -> None:
        QTimer.singleShot(FIRST_PAINT_WAIT, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._callback is None:
            return False
        if event.type() == QEvent.Type.Show:
            self._wait_for_paint()
        elif event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # The next turn of the event loop: the painted window reaches the screen first.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def after_first_paint(window: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` once, on the event loop's turn after ``window`` is first painted (or
    ``FIRST_PAINT_WAIT`` ms after it is shown when no paint comes); not at all for a window
    never shown or gone."""
    _FirstPaint(window, callback)


_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                    QEvent.Type.InputMethod})  # fmt: skip


class _WhenIdle(QObject):
    # It watches the windows, not the application: a Python filter on the application is
    # handed every event of every object, and the first one for an object of Qt's internal
    # classes has PySide make all its modules' remaining types (~80 enums, ~70 ms at the
    # start). A window's input passes through its QWindow first; a window shown later (a
    # dialog, a menu, a combo box's list) takes the focus, and is watched from then on.
    def __init__(self, callback: Callable[[], object], idle_ms: int, at_most_ms: int) -> None:
        app = QCoreApplication.instance()
        super().__init__(app)
        self._callback: Callable[[], object] | None = callback
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._run)
        self._idle.start()
        QTimer.singleShot(at_most_ms, self, self._run)
        if isinstance(app, QGuiApplication):
            for window in app.topLevelWindows():
                window.installEventFilter(self)
            app.focusWindowChanged.connect(self._watch)

    def _watch(self, window: QWindow | None) -> None:
        if window is not None and self._callback is not None:
            window.installEventFilter(self)  # once: Qt keeps one entry per filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self._callback is not None:
            self._idle.start()  # the clerk is at work: wait for a pause
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is None:
            return
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self._watch)
        self._idle.stop()
        self.deleteLater()  # the windows' filters go with it
        callback()


def when_idle(callback: Callable[[], object], idle_ms: int, at_most_ms: int) -> None:
    """Call ``callback`` once the clerk has not typed or clicked for ``idle_ms``, and at the
    latest after ``at_most_ms``: for work that holds the UI thread a moment (loading jieba's
    dictionary holds the interpreter ~0.3 s, whichever thread does it)."""
    _WhenIdle(callback, idle_ms, at_most_ms)
