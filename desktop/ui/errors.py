"""What the clerk sees when something goes wrong.

- :func:`install_excepthook` replaces ``sys.excepthook`` and ``threading.excepthook``: an
  uncaught exception is logged with its traceback and shown in an :class:`ErrorDialog` — a
  short plain summary, the details (traceback, version, operating system) in a read-only box,
  and a "Copy details" button for the IT support. An exception in a worker thread is shown
  on the UI thread.
- :func:`show_error` shows a clerk-facing error (a problem the clerk can fix, with the plain
  Chinese ``message`` the core gives) as a warning box.

Neither may make things worse: when showing a dialog fails, or an error comes while the error
dialog is being built, the text goes to stderr instead — never to another dialog.
"""

from __future__ import annotations

import contextlib
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

import shiboken6
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

import desktop
from desktop.errors import ClerkError

log = logging.getLogger("desktop.ui.errors")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


def error_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The traceback with the program version and the system, for the IT support."""
    lines = [
        f"ReplyDesk {desktop.__version__}",
        f"Python {platform.python_version()}, PySide6 {pyside_version}",
        f"{platform.platform()}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return "\n".join(lines)


class ErrorDialog(QDialog):
    """The summary, the details and a Copy button. More errors arriving while it is open are
    added to its details (one dialog, not a cascade)."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("ReplyDesk — an error occurred"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.resize(640, 420)

        icon = QLabel()
        style = self.style()
        icon.setPixmap(
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary = QLabel(
            self.tr(
                "Something went wrong inside ReplyDesk. Your work is saved automatically, "
                "so you can usually carry on. If it happens again, click “Copy details” and "
                "send them to whoever looks after this computer."
            )
        )
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.summary, 1)

        self.details = QPlainTextEdit()
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setPlainText(details)

        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self.copy_details)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("errorClose")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Details:")))
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)

    def details_text(self) -> str:
        return self.details.toPlainText()

    def add_details(self, details: str) -> None:
        self.details.appendPlainText("\n" + "-" * 60 + "\n" + details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self.copy_button.setText(self.tr("Copied"))
        QTimer.singleShot(2000, self._reset_copy_label)

    def _reset_copy_label(self) -> None:
        self.copy_button.setText(self.tr("Copy details"))


# ----------------------------------------------------------------------------------------------
# The hook


class _Bridge(QObject):
    """Lives on the UI thread: errors from other threads reach the dialog through it."""

    show = Signal(str)

    def __init__(self, handler: _Handler) -> None:
        super().__init__()
        self.handler = handler
        self.show.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @Slot(str)
    def _show(self, details: str) -> None:
        self.handler.show_dialog(details)


class _Handler:
    def __init__(self, parent_getter: Callable[[], QWidget | None]) -> None:
        self.parent_getter = parent_getter
        self.dialog: ErrorDialog | None = None
        self.busy = False  # building or showing the dialog right now
        self.bridge = _Bridge(self)

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        *,
        thread_name: str | None = None,
    ) -> None:
        try:
            where = f" in thread {thread_name}" if thread_name else ""
            log.error("Uncaught exception%s", where, exc_info=(exc_type, exc, tb))
            details = error_details(exc_type, exc, tb)
        except Exception:  # logging itself failed: stderr is all that is left
            _to_stderr(exc_type, exc, tb)
            return
        app = QApplication.instance()
        if app is None:
            _to_stderr(exc_type, exc, tb)
            return
        if threading.current_thread() is not threading.main_thread():
            self.bridge.show.emit(details)  # queued to the UI thread
            return
        self.show_dialog(details)

    def show_dialog(self, details: str) -> None:
        if self.busy:  # the dialog failed while being shown: do not recurse
            sys.stderr.write(details + "\n")
            return
        self.busy = True
        try:
            if self.dialog is not None and _valid(self.dialog) and self.dialog.isVisible():
                self.dialog.add_details(details)
                return
            parent = None
            try:
                parent = self.parent_getter()
            except Exception:
                parent = None
            dialog = ErrorDialog(details, parent)
            dialog.destroyed.connect(self._forget)
            self.dialog = dialog
            dialog.open()  # window-modal, does not block: the event loop goes on
            dialog.raise_()
        except Exception:
            sys.stderr.write("ReplyDesk: the error dialog could not be shown.\n")
            sys.stderr.write(details + "\n")
            traceback.print_exc(file=sys.stderr)
        finally:
            self.busy = False

    def _forget(self, *_args: object) -> None:
        self.dialog = None


def _valid(obj: QObject) -> bool:
    try:
        return bool(shiboken6.isValid(obj))
    except Exception:
        return False


def _to_stderr(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    with contextlib.suppress(Exception):
        traceback.print_exception(exc_type, exc, tb, file=sys.stderr)


_HANDLER: _Handler | None = None


def current_error_dialog() -> ErrorDialog | None:
    """The error dialog on screen, if any."""
    if _HANDLER is None or _HANDLER.dialog is None or not _valid(_HANDLER.dialog):
        return None
    return _HANDLER.dialog


def install_excepthook(parent_getter: Callable[[], QWidget | None]) -> Callable[[], None]:
    """Show uncaught exceptions in an :class:`ErrorDialog` over ``parent_getter()`` (the main
    window, or ``None``). Returns a function that puts the previous hooks back.

    ``KeyboardInterrupt`` and ``SystemExit`` go to the previous hook unchanged.
    """
    global _HANDLER
    handler = _Handler(parent_getter)
    _HANDLER = handler
    previous_sys = sys.excepthook
    previous_thread = threading.excepthook

    def sys_hook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, (KeyboardInterrupt, SystemExit)):
            previous_sys(exc_type, exc, tb)
            return
        if isinstance(exc, ClerkError):  # the clerk's situation (read-only, busy …): a message
            log.info("refused: %s", exc.message)
            show_error(parent_getter(), exc.message)
            return
        handler.handle(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            previous_thread(args)
            return
        name = args.thread.name if args.thread is not None else None
        handler.handle(args.exc_type, args.exc_value, args.exc_traceback, thread_name=name)

    sys.excepthook = sys_hook
    threading.excepthook = thread_hook

    def uninstall() -> None:
        global _HANDLER
        if sys.excepthook is sys_hook:
            sys.excepthook = previous_sys
        if threading.excepthook is thread_hook:
            threading.excepthook = previous_thread
        if _HANDLER is handler:
            _HANDLER = None

    return uninstall


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    """A clerk-facing error (``message`` is already plain language) in a warning box. Falls
    back to stderr when no box can be shown."""
    try:
        if QApplication.instance() is None:
            raise RuntimeError("no QApplication")
        QMessageBox.warning(parent, title or _tr("ReplyDesk"), message)
    except Exception:
        with contextlib.suppress(Exception):
            sys.stderr.write(f"ReplyDesk: {message}\n")


def show_failure(parent: QWidget | None, exc: BaseException) -> None:
    """An operation failed: a clerk's error is shown with its message; anything else is a
    programmer's error and goes on to the error dialog (raised again into the excepthook)."""
    if not isinstance(exc, ClerkError):
        raise exc
    show_error(parent, exc.message)
