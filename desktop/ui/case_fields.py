"""The case dialog's building blocks: the optional date field and the styles of its messages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 2px solid #d32f2f; border-radius: 3px;"
HINT_STYLE = "color: palette(mid);"


def _iso(date: QDate) -> str:
    return f"{date.year():04d}-{date.month():02d}-{date.day():02d}"


def _qdate(iso: str) -> QDate:
    d = dt.date.fromisoformat(iso)
    return QDate(d.year, d.month, d.day)


class DateField(QWidget):
    """An optional date: a check box ("set") and a ``QDateEdit`` enabled when it is ticked."""

    changed = Signal()

    def __init__(self, object_name: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.check.setObjectName(object_name + "Set")
        self.edit = QDateEdit(self)
        self.edit.setObjectName(object_name)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.edit.setMinimumWidth(130)
        self.setFocusProxy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on:
            self.edit.setFocus()
        self.changed.emit()

    def value(self) -> str | None:
        return _iso(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, iso: str | None) -> None:
        with QSignalBlocker(self.check), QSignalBlocker(self.edit):
            self.check.setChecked(iso is not None)
            self.edit.setEnabled(iso is not None)
            if iso is not None:
                self.edit.setDate(_qdate(iso))
        self.changed.emit()
