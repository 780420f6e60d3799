"""The library pane's list widgets and what a hit carries: the marked-text delegate, the
IME-aware search box, the hits list and the similar-letters tree (Enter and drag), and a hit's
section and provenance block."""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from desktop.casework import SECTIONS, DraftBlock
from desktop.search import SearchHit

PARAGRAPH_MIME = "application/x-replydesk-paragraph"
BLOCK_ROLE = Qt.ItemDataRole.UserRole


def block_for_hit(hit: SearchHit) -> tuple[str, DraftBlock]:
    """Where a hit goes in a draft (its section; reference text goes to the status section)
    and the library block that keeps its provenance."""
    src = hit.source_details[0] if hit.source_details else {}
    section = hit.section if hit.section in SECTIONS else "status"
    block = DraftBlock(
        "library", hit.text, hit.paragraph_id, hit.letter_id or None, src.get("year"),
        src.get("title"),
    )  # fmt: skip
    return section, block


def paragraph_mime(section: str, block: DraftBlock) -> QMimeData:
    mime = QMimeData()
    payload = {"section": section, "block": block.to_json()}
    mime.setData(PARAGRAPH_MIME, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    mime.setText(block.text)
    return mime


HTML_ROLE = Qt.ItemDataRole.UserRole + 1
MARK_OPEN = "<span style='background:#ffe58f'>"


class HitDelegate(QStyledItemDelegate):
    """Paints a hit's rich text (marked terms) straight into the list: no widget per hit,
    so a search with fifty hits is on screen at once."""

    PADDING = 4

    def _document(self, option: QStyleOptionViewItem, index: Any) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(HTML_ROLE) or html.escape(index.data() or ""))
        width = option.rect.width() if option.rect.width() > 0 else 400
        doc.setTextWidth(max(50, width - 2 * self.PADDING))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + self.PADDING, option.rect.top() + self.PADDING)
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2 * self.PADDING)


class SearchBox(QLineEdit):
    """A line edit that knows when a Chinese input method is still composing a word:
    the pinyin being typed is not text yet and must not start a search."""

    def __init__(self) -> None:
        super().__init__()
        self.composing = False

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self.composing = bool(event.preeditString())
        super().inputMethodEvent(event)


def _is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _DragList(QListWidget):
    """The hits. Enter inserts the current hit only when pressed here: not an auto-repeated
    Enter whose press began in a dialog that has just closed (after Settings, the key still
    held repeated into the list), and not a style's single-click "activation"."""

    enterPressed = Signal(QListWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_enter(event):
            event.accept()
            item = self.currentItem()
            if not event.isAutoRepeat() and self.hasFocus() and item is not None:
                self.enterPressed.emit(item)
            return
        super().keyPressEvent(event)

    def mimeData(self, items: Any) -> QMimeData:
        item = items[0]
        section, block = item.data(BLOCK_ROLE)
        return paragraph_mime(section, block)

    def mimeTypes(self) -> list[str]:
        return [PARAGRAPH_MIME]


class _SimilarTree(QTreeWidget):
    """Similar letters and their paragraphs; Enter as in the hits list."""

    enterPressed = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_enter(event):
            event.accept()
            item = self.currentItem()
            if not event.isAutoRepeat() and self.hasFocus() and item is not None:
                self.enterPressed.emit(item)
            return
        super().keyPressEvent(event)
