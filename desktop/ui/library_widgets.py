"""The library pane's small widgets and what a dragged paragraph carries: the IME-aware search
box and the list view that inserts on Enter (hits and similar replies)."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListView

from desktop.casework import DraftBlock

PARAGRAPH_MIME = "application/x-replydesk-paragraph"
BLOCK_ROLE = Qt.ItemDataRole.UserRole  # (section, DraftBlock); section "" for a whole letter


def paragraph_mime(section: str, block: DraftBlock) -> QMimeData:
    mime = QMimeData()
    payload = {"section": section, "block": block.to_json()}
    mime.setData(PARAGRAPH_MIME, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    mime.setText(block.text)
    return mime


class SearchBox(QLineEdit):
    """A line edit that knows when a Chinese input method is still composing a word:
    the pinyin being typed is not text yet and must not start a search."""

    def __init__(self) -> None:
        super().__init__()
        self.composing = False

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self.composing = bool(event.preeditString())
        super().inputMethodEvent(event)


class EnterListView(QListView):
    """The hits, and the similar replies. Enter inserts the current row only when pressed
    here: not an auto-repeated Enter whose press began in a dialog that has just closed (after
    Settings, the key still held repeated into the list), and not a style's single-click
    "activation"."""

    enterPressed = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            index = self.currentIndex()
            if not event.isAutoRepeat() and self.hasFocus() and index.isValid():
                self.enterPressed.emit(index)
            return
        super().keyPressEvent(event)
