"""The window on a library from a read-only medium: a notice for as long as it is open, and
a write gives the store's plain message instead of the error dialog with a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.importer import import_paths
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore, open_files
from desktop.ui.app import show_read_only_notice
from desktop.ui.context import AppContext
from desktop.ui.errors import current_error_dialog, install_excepthook
from desktop.ui.main_window import MainWindow
from tests.conftest import SAMPLES


@pytest.fixture
def read_only_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    db = tmp_path / "usb" / "library.db"
    with LibraryStore(db) as store:
        list(import_paths(store, [SAMPLES]))
        store.profile.set_value("agency_name", "南通市科学技术局")
    monkeypatch.setattr(open_files, "read_only_location", lambda path: True)
    store = LibraryStore(db)
    assert store.read_only
    context = AppContext(db, store=store, templates=ReplyTemplates(override=tmp_path / "tpl"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    context.close()


def test_the_window_says_the_library_is_read_only(
    read_only_window: MainWindow, chinese: QApplication, tmp_path: Path
) -> None:
    label = show_read_only_notice(read_only_window)
    found = read_only_window.statusBar().findChild(QLabel, "readOnlyNotice")
    assert found is label and label.isVisible()
    assert "只读资料库" in label.text() and "不能保存修改" in label.text()
    read_only_window.resize(1366, 700)
    read_only_window.grab().save(str(tmp_path / "read-only.png"))


@pytest.mark.qt_no_exception_capture
def test_a_write_in_the_window_is_a_message_not_a_traceback(
    read_only_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    uninstall = install_excepthook(lambda: read_only_window)
    try:
        store = read_only_window.context.store
        QTimer.singleShot(0, lambda: store.profile.set_value("signer", "张局长"))
        qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    finally:
        uninstall()
    assert shown[0].startswith("资料库是只读的")
    assert current_error_dialog() is None
    assert read_only_window.model.autosave_now() is False  # never tries to write
