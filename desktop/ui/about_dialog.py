"""About ReplyDesk: the version, the versions of Qt/PySide6/Python, the data folder, the
licence (``LICENSE``) and the third-party notices (``resources/THIRD_PARTY_NOTICES.md``).

Object names: ``aboutDialog``; labels ``aboutTitle``, ``aboutVersion``, ``aboutQtVersion``,
``aboutDataFolder``; tabs ``aboutTabs`` with ``aboutLicense`` (plain text) and
``aboutNotices`` (the Markdown rendered; links are shown, never followed: no network).
"""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.paths import data_dir, is_portable, license_path, third_party_notices_path

APP_TITLE = "答复助手 ReplyDesk"


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About ReplyDesk"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)

        title = QLabel(APP_TITLE, self)
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)

        self.version_label = self._label(
            "aboutVersion", self.tr("Version %1").replace("%1", __version__)
        )
        layout.addWidget(self.version_label)
        self.qt_label = self._label(
            "aboutQtVersion",
            self.tr("Qt %1 · PySide6 %2 · Python %3")
            .replace("%1", qVersion())
            .replace("%2", PySide6.__version__)
            .replace("%3", platform.python_version()),
        )
        layout.addWidget(self.qt_label)
        folder = (
            self.tr("Portable: all data is kept in %1")
            if is_portable()
            else self.tr("Data folder: %1")
        ).replace("%1", str(data_dir()))
        self.folder_label = self._label("aboutDataFolder", folder)
        layout.addWidget(self.folder_label)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("aboutTabs")
        self.license_view = QPlainTextEdit(self)
        self.license_view.setObjectName("aboutLicense")
        self.license_view.setReadOnly(True)
        self.license_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        licence = _read(license_path())
        self.license_view.setPlainText(
            licence
            if licence is not None
            else self.tr("The licence file %1 is missing.").replace("%1", str(license_path()))
        )
        self.tabs.addTab(self.license_view, self.tr("Licence"))

        self.notices_view = QTextBrowser(self)
        self.notices_view.setObjectName("aboutNotices")
        self.notices_view.setOpenLinks(False)
        self.notices_view.setOpenExternalLinks(False)
        notices = _read(third_party_notices_path())
        if notices is not None:
            self.notices_view.setMarkdown(notices)
        else:
            self.notices_view.setPlainText(
                self.tr("The third-party notices file %1 is missing.").replace(
                    "%1", str(third_party_notices_path())
                )
            )
        self.tabs.addTab(self.notices_view, self.tr("Third-party software"))
        layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label
