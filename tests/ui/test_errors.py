from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop import __version__
from desktop.logs import setup_logging
from desktop.ui import errors
from desktop.ui.errors import ErrorDialog, current_error_dialog, install_excepthook, show_error


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """ReplyDesk's log handler on a temporary folder, for this test only."""
    root = logging.getLogger()
    saved = [h for h in root.handlers if getattr(h, "_replydesk", False)]
    for handler in saved:
        root.removeHandler(handler)
    path = setup_logging(tmp_path / "logs")
    assert path is not None
    yield path
    for handler in [h for h in root.handlers if getattr(h, "_replydesk", False)]:
        root.removeHandler(handler)
        handler.close()
    for handler in saved:
        root.addHandler(handler)


@pytest.fixture
def hook(qtbot: QtBot) -> Iterator[QWidget]:
    window = QWidget()
    qtbot.addWidget(window)
    uninstall = install_excepthook(lambda: window)
    yield window
    dialog = current_error_dialog()
    if dialog is not None:
        dialog.close()
    uninstall()


def _raise_in_slot() -> None:
    def on_save_clicked() -> None:
        raise ValueError("演示错误 in a slot")

    on_save_clicked()


@pytest.mark.qt_no_exception_capture
def test_uncaught_exception_in_a_slot_shows_the_dialog_and_is_logged(
    qtbot: QtBot, hook: QWidget, log_file: Path
) -> None:
    assert sys.excepthook is not sys.__excepthook__
    QTimer.singleShot(0, _raise_in_slot)  # Qt calls sys.excepthook for the slot's exception
    qtbot.waitUntil(lambda: current_error_dialog() is not None, timeout=3000)
    dialog = current_error_dialog()
    assert isinstance(dialog, ErrorDialog)
    assert dialog.objectName() == "errorDialog"
    assert dialog.isVisible() and dialog.parentWidget() is hook
    details = dialog.findChild(QPlainTextEdit, "errorDetails")
    assert details.isReadOnly()
    text = details.toPlainText()
    assert "Traceback (most recent call last)" in text
    assert "ValueError: 演示错误 in a slot" in text
    assert "on_save_clicked" in text
    assert __version__ in text
    assert "Something went wrong inside ReplyDesk" in dialog.summary.text()

    copy = dialog.findChild(QPushButton, "copyDetails")
    copy.click()
    assert QGuiApplication.clipboard().text() == text

    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "Uncaught exception" in logged
    assert "Traceback (most recent call last)" in logged
    assert "ValueError: 演示错误 in a slot" in logged


def test_excepthook_called_directly_and_a_second_error_joins_the_first(
    qtbot: QtBot, hook: QWidget, log_file: Path
) -> None:
    for message in ("first problem", "second problem"):
        try:
            raise RuntimeError(message)
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorDialog"]
    assert len([d for d in dialogs if d.isVisible() and d.parentWidget() is hook]) == 1
    text = current_error_dialog().details_text()
    assert "first problem" in text and "second problem" in text


def test_exception_in_a_thread_is_shown_on_the_ui_thread(
    qtbot: QtBot, hook: QWidget, log_file: Path
) -> None:
    def work() -> None:
        raise KeyError("线程里的错误")

    thread = threading.Thread(target=work, name="worker-1")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: current_error_dialog() is not None, timeout=3000)
    assert "KeyError" in current_error_dialog().details_text()
    assert "thread worker-1" in log_file.read_text(encoding="utf-8")


def test_a_failing_dialog_falls_back_to_stderr_without_recursion(
    qtbot: QtBot, hook: QWidget, log_file: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    calls: list[int] = []

    def broken_dialog(*_args: object, **_kwargs: object) -> None:
        calls.append(1)
        raise RuntimeError("the dialog itself is broken")

    monkeypatch.setattr(errors, "ErrorDialog", broken_dialog)
    try:
        raise ValueError("original problem")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert calls == [1]
    err = capsys.readouterr().err
    assert "original problem" in err and "could not be shown" in err
    assert current_error_dialog() is None


def test_keyboard_interrupt_goes_to_the_previous_hook(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[type] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, v, tb: seen.append(t))
    uninstall: Callable[[], None] = install_excepthook(lambda: None)
    try:
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    finally:
        uninstall()
    assert seen == [KeyboardInterrupt]
    assert current_error_dialog() is None


def test_show_error_is_a_warning_box(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: shown.append((title, text))
    )
    show_error(None, "印章图片太大，请换一张较小的 PNG 图片。")
    assert shown == [("ReplyDesk", "印章图片太大，请换一张较小的 PNG 图片。")]

    def broken(*_args: object) -> None:
        raise RuntimeError("no display")

    monkeypatch.setattr(QMessageBox, "warning", broken)
    show_error(None, "还是要告诉办事员")  # does not raise: goes to stderr
