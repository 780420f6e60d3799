"""A dialog that runs one background :class:`~desktop.ui.operations.Operation` at a time.

:class:`OperationDialog` keeps the lifecycle the import and pack dialogs share: ``running``
while an operation is under way, :meth:`~OperationDialog.cancel` (a generator operation stops
between two of its steps), closing the window while running (stop, then close when the
operation has ended; or, where stopping is not offered, refuse to close) and the end of a run.
Subclasses build their own widgets and texts and override the hooks: ``_on_progress``,
``_on_success``, ``_on_failure``, ``_show_stopping``, ``_operation_ended`` and
``_update_buttons``. The base class shows no text of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget

from desktop.ui.context import AppContext
from desktop.ui.operations import Operation


class OperationDialog(QDialog):
    # False: the operation cannot be stopped, and closing the window waits for it to end.
    can_stop = True

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.operation: Operation | None = None
        self._cancelling = False
        self._close_when_done = False

    @staticmethod
    def _button_row(*buttons: QPushButton) -> QHBoxLayout:
        """The buttons side by side at the right."""
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        return row

    @property
    def running(self) -> bool:
        return self.operation is not None

    def _run(self, fn: Callable[..., Any], **kwargs: Any) -> None:
        """Run ``fn(**kwargs)`` in the background (``store`` is passed by the worker)."""
        self._cancelling = False
        op = self.context.operation(fn, **kwargs)
        op.progress(self._on_progress).success(self._on_success).failure(self._on_failure)
        op.finished(self._on_finished)
        self.operation = op
        self._update_buttons()
        op.run_in_background()

    def cancel(self) -> None:
        if self.operation is not None and not self._cancelling:
            self._cancelling = True
            self.operation.cancel()
            self._show_stopping()
            self._update_buttons()

    def _on_finished(self) -> None:
        self.operation = None
        self._cancelling = False
        self._update_buttons()
        self._operation_ended()
        if self._close_when_done:
            super().reject()

    def reject(self) -> None:
        if self.running:
            if self.can_stop:
                self._close_when_done = True
                self.cancel()
            return
        super().reject()

    # ------------------------------------------------------------------ hooks

    def _on_progress(self, value: object) -> None:
        """A value the operation yielded."""

    def _on_success(self, value: object) -> None:
        """The operation's result."""

    def _on_failure(self, exc: BaseException) -> None:
        """The operation failed, or was stopped (``exc`` is then ``Cancelled``)."""

    def _show_stopping(self) -> None:
        """Say that the operation stops after its current step."""

    def _operation_ended(self) -> None:
        """After a run (success or failure): tidy up; the buttons are already updated."""

    def _update_buttons(self) -> None:
        """Enable the widgets for the running / not running / stopping state."""
