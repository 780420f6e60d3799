"""The window on a shared library: its location chosen in Settings (or $REPLYDESK_DB), the
window opened on a PostgreSQL server, two windows' contexts seeing each other's cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.actions import cases
from desktop.casework import case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui import app as ui_app
from desktop.ui.context import AppContext, library_location
from desktop.ui.settings_base import LIBRARY_KEY
from desktop.ui.settings_dialog import SettingsDialog

CASE = {
    "number": "1001",
    "session": "市十七届人大三次会议",
    "title": "关于加快老旧小区加装电梯的建议",
    "proposers": ["王某某"],
    "assigned_date": "2026-03-05",
}


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_library_location_is_checked_and_kept_for_the_next_start(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REPLYDESK_DB", raising=False)
    context = AppContext(
        tmp_path / "l.db",
        store=LibraryStore(tmp_path / "l.db"),
        templates=ReplyTemplates(override=tmp_path / "tpl"),
    )
    try:
        dialog = SettingsDialog(context, settings=settings)
        qtbot.addWidget(dialog)
        field = dialog.findChild(QLineEdit, "libraryLocation")
        error = dialog.findChild(QLabel, "libraryLocationError")
        assert field.text() == "" and "library.db" in field.placeholderText()

        field.setText("postgresql://clerk:s3cret@office-db/replydesk")
        dialog.accept()
        assert dialog.result() != dialog.DialogCode.Accepted
        assert dialog.tabs.currentWidget() is dialog.library_tab
        assert not error.isHidden() and "不能写密码" in error.text()
        assert settings.value(LIBRARY_KEY) is None

        field.setText("postgresql://clerk@office-db/replydesk")
        dialog.accept()
        assert dialog.result() == dialog.DialogCode.Accepted
        assert settings.value(LIBRARY_KEY) == "postgresql://clerk@office-db/replydesk"
        assert library_location(settings.value(LIBRARY_KEY)) == (
            "postgresql://clerk@office-db/replydesk"
        )
        monkeypatch.setenv("REPLYDESK_DB", str(tmp_path / "env.db"))
        assert library_location(settings.value(LIBRARY_KEY)) == tmp_path / "env.db"
        again = SettingsDialog(context, settings=settings)
        qtbot.addWidget(again)
        note = again.findChild(QLabel, "libraryLocationNote").text()
        assert "REPLYDESK_DB" in note and "env.db" in note
    finally:
        context.close()


def test_the_window_opens_a_shared_library_and_sees_another_clerks_case(
    qtbot: QtBot, pg_database_url: str, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr("desktop.ui.window_backups.show_error", lambda _w, m: told.append(m))
    monkeypatch.setenv("REPLYDESK_DB", pg_database_url)
    location = library_location(settings.value(LIBRARY_KEY))
    assert location == pg_database_url
    opened = ui_app.open_window(location, settings)
    assert opened is not None
    context, window = opened
    qtbot.addWidget(window)
    try:
        assert context.on_server and context.db_path is None
        assert context.store.engine == "postgresql"
        assert context.call(cases.listing) == []
        other = AppContext.open(pg_database_url)  # another clerk's window
        try:
            case_id = other.call(cases.save, case_from_json(CASE))
        finally:
            other.close()
        assert [c.id for c in context.call(cases.listing)] == [case_id]
        assert context.store.letters.count() == 0  # no sample letters in a shared library
        window.backup_now()
        assert told and "pg_dump" in told[0]
    finally:
        window.close()
        context.close()
