from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QTextBrowser
from pytestqt.qtbot import QtBot

from desktop.store import LibraryStore
from desktop.ui.app import LibraryWindow


def type_chinese(widget: QLineEdit, text: str) -> None:
    """Type as a Chinese input method does: it commits the finished characters.

    (QTest.keyClicks only handles ASCII: Qt asserts on other characters.)
    """
    event = QInputMethodEvent()
    event.setCommitString(text)
    widget.inputMethodEvent(event)


def test_search_as_you_type_and_preview(qtbot: QtBot, sample_store: LibraryStore) -> None:
    window = LibraryWindow(sample_store)
    qtbot.addWidget(window)
    results = window.findChild(QListWidget, "libraryResults")
    box = window.findChild(QLineEdit, "librarySearch")
    assert results.count() == 5  # the letter list before any search
    type_chinese(box, "众创空间")
    qtbot.waitUntil(lambda: window.status.text().startswith("找到"), timeout=3000)
    assert results.count() > 0
    label = results.itemWidget(results.item(0))
    assert "<mark>众创空间</mark>" in label.text()
    results.setCurrentRow(0)
    preview = window.findChild(QTextBrowser, "letterPreview")
    assert "众创空间" in preview.toPlainText()
    assert "石剑波" in preview.toPlainText() or "盛培秀" in preview.toPlainText()
    box.clear()
    qtbot.waitUntil(lambda: results.count() == 5, timeout=3000)
    assert results.item(0).data(Qt.ItemDataRole.UserRole)[1] is None
