"""Settings, Library tab: where the library is — the file in the data folder (the default),
another file, or a shared library on the office network's PostgreSQL server
(``postgresql://user@server/database``). Used from the next start; ``$REPLYDESK_DB`` wins
over it (the tab says so). Widgets: ``libraryLocation`` (empty: the default file),
``libraryLocationError`` (why a location is refused), ``libraryLocationNote``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.errors import ClerkError
from desktop.ui.context import checked_location, library_location, location_from_environment
from desktop.ui.settings_base import HINT_STYLE, INVALID_STYLE, LIBRARY_KEY


class LibraryTab(QWidget):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryTab")
        self.settings = settings
        self.location = QLineEdit(self)
        self.location.setObjectName("libraryLocation")
        self.location.setText(str(settings.value(LIBRARY_KEY, "") or ""))
        self.location.setPlaceholderText(str(library_location(None)))
        self.location.setMinimumWidth(460)
        self.error = QLabel(self)
        self.error.setObjectName("libraryLocationError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        explained = QLabel(
            self.tr(
                "Leave empty for the library on this PC. A shared library on the office "
                "server: postgresql://user@server/database (the password is kept by the "
                "system's credential store or IT's .pgpass file, never here)."
            ),
            self,
        )
        explained.setWordWrap(True)
        explained.setStyleSheet(HINT_STYLE)
        self.note = QLabel(self._note(), self)
        self.note.setObjectName("libraryLocationNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Library"), self.location)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(explained)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def _note(self) -> str:
        note = self.tr("The library chosen here is opened the next time ReplyDesk starts.")
        environment = location_from_environment()
        if environment is not None:
            note += " " + self.tr(
                "The environment variable REPLYDESK_DB is set: ReplyDesk opens %1 instead."
            ).replace("%1", environment)
        return note

    def save(self) -> bool:
        """Store the location (False after showing why it is refused)."""
        text = self.location.text().strip()
        try:
            checked_location(text)
        except ClerkError as exc:
            self.error.setText(exc.message)
            self.error.show()
            self.location.setStyleSheet(INVALID_STYLE)
            self.location.setFocus()
            return False
        self.error.hide()
        self.location.setStyleSheet("")
        self.settings.setValue(LIBRARY_KEY, text)
        return True
