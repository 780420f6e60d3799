"""The template editor's live preview renders the text from a string: no scratch file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser
from pytestqt.qtbot import QtBot

from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.settings_dialog import SettingsDialog


def test_live_preview_writes_no_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "tpl"
    temp = tmp_path / "temp"  # where a scratch file would go
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    context = AppContext(
        tmp_path / "l.db",
        store=LibraryStore(tmp_path / "l.db"),
        templates=ReplyTemplates(override=user),
    )
    try:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        dialog = SettingsDialog(context, settings=settings)
        qtbot.addWidget(dialog)
        dialog.select_template("greeting.j2")
        dialog.findChild(QPlainTextEdit, "templateEditor").setPlainText("预览{{ role }}：")
        dialog.update_preview()
        preview = dialog.findChild(QTextBrowser, "templatePreview")
        assert preview.toPlainText() == "预览代表："
        assert list(temp.iterdir()) == []
        assert not user.exists()
    finally:
        context.close()
