"""The blocks of one section in the composer, and the drop target for blocks and paragraphs."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
)

from desktop.casework import DraftBlock
from desktop.ui.block_widget import BlockWidget
from desktop.ui.draft_model import (
    BLOCK_MIME,
    PARAGRAPH_MIME,
    block_from_json,
)

if TYPE_CHECKING:
    from desktop.ui.composer import Composer


class SectionEditor(QFrame):
    """The blocks of one section, in order, and a drop target for blocks and paragraphs."""

    def __init__(self, composer: Composer, section: str, caption: str) -> None:
        super().__init__(composer)
        self.composer = composer
        self.section = section
        self.setObjectName(f"sectionEditor_{section}")
        self.setAcceptDrops(True)
        self.widgets: list[BlockWidget] = []

        self.caption = QLabel(caption, self)
        self.caption.setObjectName("sectionCaption")
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("addParagraph")
        self.add_button.setText(self.tr("+ Paragraph"))
        self.add_button.setToolTip(self.tr("Add an empty paragraph at the end of this section"))
        self.add_button.setAutoRaise(True)
        self.add_button.clicked.connect(self._add_clicked)
        self.empty_label = QLabel(self.tr("No paragraphs: drop one here or add one"), self)
        self.empty_label.setObjectName("emptySection")

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.caption)
        top.addStretch(1)
        top.addWidget(self.add_button)
        self.blocks_layout = QVBoxLayout()
        self.blocks_layout.setContentsMargins(0, 0, 0, 0)
        self.blocks_layout.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(self.blocks_layout)
        layout.addWidget(self.empty_label)

        self.indicator = QFrame(self)
        self.indicator.setObjectName("dropIndicator")
        self.indicator.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.indicator.hide()

    # ------------------------------------------------------------------ block widgets
    def index_of(self, widget: BlockWidget) -> int:
        return self.widgets.index(widget)

    def insert_widget(self, index: int, block: DraftBlock) -> BlockWidget:
        widget = BlockWidget(block, self)
        self.widgets.insert(index, widget)
        self.blocks_layout.insertWidget(index, widget)
        widget.show()  # now, not when the layout gets to it: it may take the focus at once
        self.composer._wire(self, widget)
        self.empty_label.hide()
        return widget

    def remove_widget(self, index: int) -> None:
        widget = self.widgets.pop(index)
        self.blocks_layout.removeWidget(widget)
        widget.hide()
        widget.deleteLater()
        self.empty_label.setVisible(not self.widgets)

    def move_widget(self, from_index: int, to_index: int) -> None:
        widget = self.widgets.pop(from_index)
        self.widgets.insert(to_index, widget)
        self.blocks_layout.removeWidget(widget)
        self.blocks_layout.insertWidget(to_index, widget)

    def clear(self) -> None:
        while self.widgets:
            self.remove_widget(len(self.widgets) - 1)

    def _add_clicked(self) -> None:
        self.composer.insert_free_paragraph(self.section, len(self.widgets))

    # ------------------------------------------------------------------ drops
    def drop_index(self, y: int) -> int:
        for i, widget in enumerate(self.widgets):
            middle = widget.mapTo(self, QPoint(0, widget.height() // 2)).y()
            if y < middle:
                return i
        return len(self.widgets)

    def _accepts(self, mime: QMimeData, source: object) -> bool:
        if mime.hasFormat(PARAGRAPH_MIME):
            return True
        return mime.hasFormat(BLOCK_MIME) and self.composer.locate(source) is not None

    def _show_indicator(self, index: int) -> None:
        if index < len(self.widgets):
            y = self.widgets[index].mapTo(self, QPoint(0, 0)).y() - 3
        elif self.widgets:
            last = self.widgets[-1]
            y = last.mapTo(self, QPoint(0, last.height())).y() + 1
        else:
            y = self.empty_label.geometry().top()
        self.indicator.setGeometry(0, max(y, 0), self.width(), 2)
        self.indicator.show()
        self.indicator.raise_()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData(), event.source()):
            event.acceptProposedAction()
            self._show_indicator(self.drop_index(event.position().toPoint().y()))
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event.mimeData(), event.source()):
            event.acceptProposedAction()
            self._show_indicator(self.drop_index(event.position().toPoint().y()))
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.indicator.hide()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.indicator.hide()
        mime = event.mimeData()
        index = self.drop_index(event.position().toPoint().y())
        if mime.hasFormat(BLOCK_MIME):
            origin = self.composer.locate(event.source())
            if origin is None:
                event.ignore()
                return
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self.composer.drop_block(origin, self.section, index)
            return
        if mime.hasFormat(PARAGRAPH_MIME):
            try:
                data = json.loads(bytes(mime.data(PARAGRAPH_MIME).data()).decode("utf-8"))
                block = block_from_json(data)
            except (ValueError, UnicodeDecodeError):
                event.ignore()
                return
            if block.kind == "template":
                block.kind = "library"
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.composer.insert_paragraph(self.section, block, index)
            return
        event.ignore()
