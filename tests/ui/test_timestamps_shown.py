"""After m009 the library stores UTC; the window still shows the clerk the local wall-clock
times it showed before (the versions list, the offer to restore an unsaved draft)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui import app as app_module
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.versions_dialog import VersionsDialog
from tests.conftest import FIXTURES


@pytest.fixture
def shanghai() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"  # UTC+8: local and UTC differ
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def _shown_before(column: str, table: str) -> list[str]:
    """What older versions showed: the local time they stored, as text."""
    conn = sqlite3.connect(FIXTURES / "library-v8.db")
    try:
        return [r[0] for r in conn.execute(f"SELECT {column} FROM {table} ORDER BY rowid")]
    finally:
        conn.close()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, shanghai: None) -> MainWindow:
    db = tmp_path / "library.db"
    shutil.copy(FIXTURES / "library-v8.db", db)
    store = LibraryStore(db, backup_dir=tmp_path / "backups")  # migrated to UTC here
    assert store.drafts.versions(1)[0].saved_at.endswith("+00:00")
    context = AppContext(db, store=store, templates=ReplyTemplates(override=tmp_path / "tpl"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(context, settings=settings)
    qtbot.addWidget(w)
    return w


def test_the_versions_list_shows_the_same_local_times(window: MainWindow, qtbot: QtBot) -> None:
    window.open_case(1)
    dialog = VersionsDialog(window.context, window.model, window)
    qtbot.addWidget(dialog)
    shown = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    before = [s.replace("T", " ") for s in _shown_before("saved_at", "draft_versions")]
    assert shown == list(reversed(before))  # newest first


def test_the_unsaved_draft_offer_shows_the_same_local_time(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    app_module.offer_recovery(window)
    (autosaved,) = _shown_before("saved_at", "autosave")
    shown = autosaved.replace("T", " ")[:16]  # the clerk's wall-clock minute, as a date and time
    assert len(asked) == 1 and f"(autosaved {shown})" in asked[0]
