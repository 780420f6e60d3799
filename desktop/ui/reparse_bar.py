"""Re-reading stored letters with a newer parser, with a progress bar in the status bar.

:func:`desktop.reparse.reparse_letters` runs as an :class:`~desktop.ui.operations.Operation`
(the import's machinery: a worker thread with its own connection, progress back on the UI
thread, stopped between two letters), so the clerk keeps working while it runs. The clerk's
corrections win over re-reading (the store keeps them); what was re-read before a stop stays.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop.actions import letters
from desktop.errors import ClerkError
from desktop.ui.context import AppContext
from desktop.ui.operations import Cancelled, Operation


class ReparseBar(QWidget):
    """Hidden until :meth:`start`; ``finished(done, changed, stopped)`` when a run ends."""

    finished = Signal(int, int, bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reparseBar")
        self.context = context
        self.operation: Operation | None = None
        self.done = 0
        self.changed = 0
        self.failed = 0  # letters whose reading failed (logged): they stay as they were
        self.last_message = ""  # the end of the last run, in a sentence
        self.stopped = False  # whether the last run was stopped (or failed) before its end
        self.label = QLabel()
        self.label.setObjectName("reparseStatus")
        self.progress = QProgressBar()
        self.progress.setObjectName("reparseProgress")
        self.progress.setFormat(self.tr("%v of %m"))
        self.progress.setMaximumWidth(220)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("reparseStop")
        self.stop_button.setToolTip(
            self.tr("Stop after the letter being read; the letters read so far keep the result")
        )
        self.stop_button.clicked.connect(self.cancel)
        self.stop_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.stop_button)
        context.closing.connect(self.cancel)
        self.hide()

    @property
    def running(self) -> bool:
        return self.operation is not None

    def start(self, *, everything: bool = False) -> bool:
        """Re-read the letters an older parser read (``everything``: all letters); False
        when a run is already under way."""
        if self.running or self.context.closed:
            return False
        self.done = self.changed = self.failed = 0
        self.stopped = False
        self.progress.setRange(0, 0)  # busy until the first letter reports the total
        self.label.setText(self.tr("Re-reading letters…"))
        self.stop_button.setEnabled(True)
        self.show()
        op = self.context.operation(letters.reparse, all=everything)
        op.progress(self._on_progress).success(lambda _v: self._end(False))
        op.failure(self._on_failure)
        op.finished(self._on_finished)
        self.operation = op
        op.run_in_background()
        return True

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
            self.stop_button.setEnabled(False)
            self.label.setText(self.tr("Stopping after the current letter…"))

    def _on_progress(self, value: Any) -> None:
        total = max(int(getattr(value, "total", 0)), 1)
        self.done = int(getattr(value, "done", 0))
        self.changed += 1 if getattr(value, "changed", False) else 0
        self.failed += 1 if getattr(value, "failed", False) else 0
        self.progress.setRange(0, total)
        self.progress.setValue(self.done)
        if self.stop_button.isEnabled():
            self.label.setText(self.tr("Re-reading letters…"))

    def _on_failure(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._end(True)
            return
        message = (
            exc.message
            if isinstance(exc, ClerkError)
            else self.tr(
                "Re-reading stopped because of an internal error; the details are in the log file."
            )
        )
        self._end(True, message)

    def _end(self, stopped: bool, message: str | None = None) -> None:
        self.stopped = stopped
        self.last_message = message or self.summary(stopped)

    def summary(self, stopped: bool) -> str:
        text = self.tr("Re-read %n letter(s)", "", self.done - self.failed)
        if self.changed:
            text += self.tr(", %n changed", "", self.changed)
        else:
            text += self.tr(", none changed")
        if self.failed:
            text += self.tr(
                "; %n could not be read and stay as they were (see the log file)", "", self.failed
            )
        return (self.tr("Stopped. ") + text) if stopped else text

    def _on_finished(self) -> None:
        # The worker's "succeeded"/"failed" and "finished" arrive as separate queued events;
        # ``finished`` is emitted only here, once the bar is hidden and no run is under way,
        # so whoever listens sees the run wholly over.
        self.operation = None
        self.hide()
        if self.changed:
            self.context.libraryChanged.emit()
        self.finished.emit(self.done, self.changed, self.stopped)
