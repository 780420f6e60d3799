"""About: version, Qt/PySide6 versions, the licence and the third-party notices (Qt under the
LGPL with the right to replace it), in Chinese with the app's translator."""

from __future__ import annotations

from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from desktop import __version__
from desktop.ui.about_dialog import AboutDialog


def _dialog(qtbot: QtBot) -> AboutDialog:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_about_shows_versions_licence_and_notices(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.objectName() == "aboutDialog"
    assert dialog.findChild(QLabel, "aboutTitle").text() == "答复助手 ReplyDesk"
    assert __version__ in dialog.findChild(QLabel, "aboutVersion").text()
    qt = dialog.findChild(QLabel, "aboutQtVersion").text()
    assert qVersion() in qt and PySide6.__version__ in qt
    assert "Proprietary" in dialog.license_view.toPlainText()
    notices = dialog.notices_view.toPlainText()
    for needle in ("LGPL", "You may replace the Qt libraries", "download.qt.io", "python-docx",
                   "Jinja2", "MarkupSafe", "sqlite-utils", "platformdirs", "lxml",
                   "public domain", "PSF", "GNU LESSER GENERAL PUBLIC LICENSE"):  # fmt: skip
        assert needle in notices, needle
    tabs = dialog.findChild(QTabWidget, "aboutTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Licence", "Third-party software"]


def test_links_in_the_notices_are_shown_but_never_followed(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    view = dialog.notices_view
    assert "https://download.qt.io/official_releases/QtForPython/" in view.toPlainText()
    assert not view.openLinks() and not view.openExternalLinks()  # no browser, no network


def test_about_is_chinese(chinese: QApplication, qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.windowTitle() == "关于答复助手"
    assert dialog.findChild(QLabel, "aboutVersion").text() == f"版本 {__version__}"
    assert dialog.findChild(QLabel, "aboutDataFolder").text().startswith("数据文件夹：")
    tabs = dialog.findChild(QTabWidget, "aboutTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["许可协议", "第三方软件"]


def test_missing_files_are_said(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from desktop.ui import about_dialog

    monkeypatch.setattr(about_dialog, "license_path", lambda: tmp_path / "LICENSE")
    monkeypatch.setattr(about_dialog, "third_party_notices_path", lambda: tmp_path / "N.md")
    dialog = _dialog(qtbot)
    assert "is missing" in dialog.license_view.toPlainText()
    assert "is missing" in dialog.notices_view.toPlainText()
