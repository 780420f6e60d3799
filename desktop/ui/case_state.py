"""The bar above the composer that says a sent case (已答复) is read-only, with 重新打开.

A reply that has gone out must not change by a stray keystroke: a case whose status is "sent"
opens read-only (the model refuses edits, the composer is locked). "Reopen" puts the case back
to drafting, so the status in the cases pane says what is true.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ReadOnlyBar(QFrame):
    reopenRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBar")
        self.setStyleSheet(
            "#readOnlyBar { background: #fff4ce; border: 1px solid #e0c35c; border-radius: 3px; }"
            " #readOnlyBar QLabel { color: #5c4400; }"
        )
        self.label = QLabel(self)
        self.label.setObjectName("readOnlyLabel")
        self.label.setWordWrap(True)
        self.label.setText(
            self.tr("Replied (sent), read-only. Reopen the case to change its draft.")
        )
        self.reopen_button = QPushButton(self.tr("Reopen"), self)
        self.reopen_button.setObjectName("reopenCaseButton")
        self.reopen_button.setToolTip(self.tr("Set the case back to drafting and edit its draft"))
        self.reopen_button.clicked.connect(self.reopenRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reopen_button)
        self.hide()
