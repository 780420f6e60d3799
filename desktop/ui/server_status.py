"""The status bar's word on the office server (issue 14 item 4): asked when the window has
painted and every half minute after, off the UI thread; the clerk sees at once when the
server cannot be reached, and again when it is back. A library in a file shows nothing."""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.actions.server import ServerState, server_state

log = logging.getLogger(__name__)
INTERVAL_MS: Final = 30_000


class _Probe(QRunnable):
    def __init__(self, url: str, done: SignalInstance) -> None:
        super().__init__()
        self.url = url
        self._done = done

    def run(self) -> None:
        try:
            state = server_state(self.url)
        except Exception:  # a probe must never take the window down
            log.exception("server probe failed")
            state = ServerState(reachable=False, refused=False, seconds=0.0)
        self._done.emit(state)


class ServerStatus(QObject):
    """A permanent label in ``window``'s status bar; ``offline`` when the window works on the
    local copy (the start found the server away)."""

    answered = Signal(object)  # ServerState, from the probe's thread
    changed = Signal(bool)  # reachable now (only when it changes)

    def __init__(
        self, window: QMainWindow, url: str, *, offline: bool = False,
        interval_ms: int = INTERVAL_MS,
    ) -> None:  # fmt: skip
        super().__init__(window)
        self.url = url
        self._offline = offline
        self._window = window
        self._busy = False
        self.reachable: bool | None = None
        self.label = QLabel()
        self.label.setObjectName("serverStatus")
        window.statusBar().addPermanentWidget(self.label)
        self.answered.connect(self._show)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        QTimer.singleShot(0, self.check)  # after the first paint, not before it

    def check(self) -> None:
        if self._busy:
            return
        self._busy = True
        QThreadPool.globalInstance().start(_Probe(self.url, self.answered))

    def _show(self, state: ServerState) -> None:
        self._busy = False
        if state.reachable:
            text = self.tr("Server connected")
            tip = self.tr("The shared library on the office server answers.")
        elif state.refused:
            text = self.tr("Server refused the login")
            tip = self.tr("Check the account and password (replydesk server login).")
        elif self._offline:
            text = self.tr("Server unreachable: working on the local copy (read-only)")
            tip = self.tr(
                "This is the copy last downloaded from the server; changes wait until it is back."
            )
        else:
            text = self.tr("Server unreachable")
            tip = self.tr("Check the network, or ask IT whether the server is running.")
        self.label.setText(text)
        self.label.setToolTip(tip)
        if state.reachable != self.reachable:
            if self.reachable is not None:
                self._window.statusBar().showMessage(text, 10_000)
            self.reachable = state.reachable
            self.changed.emit(state.reachable)
