"""The status bar's word on the office server (issue 14 item 4): asked when the window has
painted and every half minute after, off the UI thread; the clerk sees at once when the
server cannot be reached, and again when it is back. A library in a file shows nothing.

While the server answers, the local copy the window reads when it does not
(desktop/server/offline.py) is refreshed: after the first answer, then every
``REFRESH_HOURS``, in a process of its own."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from desktop.actions.server import (
    SentDrafts,
    ServerState,
    refresh_local_copy,
    send_offline_drafts,
    server_state,
)

log = logging.getLogger(__name__)
INTERVAL_MS: Final = 30_000
REFRESH_HOURS: Final = 4
# The copy folder's work (drafts saved offline, then the local copy) waits this long after the
# window opens: the start has its own work, and a short session needs none of it.
COPY_DELAY_S: Final = 60.0


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


class _Refresh(QRunnable):
    def __init__(self, url: str, folder: Path, done: SignalInstance) -> None:
        super().__init__()
        self._url = url
        self._folder = folder
        self._done = done

    def run(self) -> None:
        try:
            ok = refresh_local_copy(self._url, self._folder)
        except Exception:  # never take the window down for the copy
            log.exception("offline copy refresh failed")
            ok = False
        self._done.emit(ok)


class _Send(QRunnable):
    def __init__(self, url: str, folder: Path, done: SignalInstance) -> None:
        super().__init__()
        self._url = url
        self._folder = folder
        self._done = done

    def run(self) -> None:
        try:
            result: SentDrafts | None = send_offline_drafts(self._url, self._folder)
        except Exception:  # the files stay queued: the next start sends them
            log.exception("sending the drafts saved offline failed")
            result = None
        self._done.emit(result)


class ServerStatus(QObject):
    """A permanent label in ``window``'s status bar; ``offline`` when the window works on the
    local copy (the start found the server away)."""

    answered = Signal(object)  # ServerState, from the probe's thread
    changed = Signal(bool)  # reachable now (only when it changes)
    refreshed = Signal(bool)  # the local copy was refreshed (True) or could not be
    sent = Signal(object)  # SentDrafts (None: sending failed): the drafts saved offline

    def __init__(
        self, window: QMainWindow, url: str, *, offline: bool = False,
        interval_ms: int = INTERVAL_MS, copy_folder: Path | None = None,
        copy_delay: float = COPY_DELAY_S,
    ) -> None:  # fmt: skip
        super().__init__(window)
        self.url = url
        self._offline = offline
        self._window = window
        self._busy = False
        self.reachable: bool | None = None
        # where the local copy is kept (the data folder); None: no copy is made
        self.copy_folder = copy_folder
        self._copy_from = time.monotonic() + copy_delay
        self._refreshing = False
        self._refreshed_at: float | None = None  # time.monotonic() of the last refresh
        self.copy_note = ""  # when the local copy was last refreshed, for the tooltip
        self.refreshed.connect(self._copy_done)
        self.sent.connect(self._drafts_sent)
        self._sending_done = False  # the drafts saved offline were sent this session
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
        self.label.setToolTip(f"{tip}\n{self.copy_note}" if self.copy_note else tip)
        if state.reachable:
            self._send_or_refresh()
        if state.reachable != self.reachable:
            if self.reachable is not None:
                self._window.statusBar().showMessage(text, 10_000)
            if state.reachable and self._offline:
                self._window.statusBar().showMessage(self._back_message(), 0)
            self.reachable = state.reachable
            self.changed.emit(state.reachable)

    def _refresh_if_due(self) -> None:
        if self.copy_folder is None or self._offline or self._refreshing:
            return
        last = self._refreshed_at
        if last is not None and time.monotonic() - last < REFRESH_HOURS * 3600:
            return
        self._refreshing = True
        QThreadPool.globalInstance().start(_Refresh(self.url, self.copy_folder, self.refreshed))

    def _copy_done(self, ok: bool) -> None:
        self._refreshing = False
        self._refreshed_at = time.monotonic()  # a failed one waits for the next turn too
        if ok:
            self.copy_note = self.tr("Local copy updated at %1.").replace(
                "%1", time.strftime("%H:%M")
            )
            self.label.setToolTip(f"{self.label.toolTip()}\n{self.copy_note}")

    def _back_message(self) -> str:
        return self.tr(
            "The server is back: restart ReplyDesk to work on the shared library again;"
            " the drafts saved meanwhile are sent then."
        )

    def _send_or_refresh(self) -> None:
        """On the server: first the drafts saved while it was away, then the local copy."""
        if self.copy_folder is None or self._offline or time.monotonic() < self._copy_from:
            return
        if self._sending_done:
            self._refresh_if_due()
            return
        if self._refreshing:
            return
        self._refreshing = True  # one job on the copy folder at a time
        QThreadPool.globalInstance().start(_Send(self.url, self.copy_folder, self.sent))

    def _drafts_sent(self, result: SentDrafts | None) -> None:
        self._refreshing = False
        self._sending_done = result is not None
        if result is not None and result.sent:
            self._window.statusBar().showMessage(
                self.tr("Drafts saved while the server was away were sent to it: %1.").replace(
                    "%1", str(result.sent)
                ),
                15_000,
            )
        if result is not None and result.conflicts:
            QMessageBox.warning(
                self._window,
                self.tr("Drafts saved while offline"),
                self.tr("A colleague saved these cases while the server was away. Nothing is lost:")
                + "\n\n"
                + "\n".join(result.conflicts),
            )
        if self._sending_done:
            self._refresh_if_due()
