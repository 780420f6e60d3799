"""The blocks of one section in the composer, and the drop target for blocks and paragraphs.

The editor shows its :class:`~desktop.ui.section_model.SectionModel`'s rows as block widgets
and follows the model (rows inserted, removed, moved, text changed); each widget holds its row
as a ``QPersistentModelIndex``. A drop is handed to the model, which decides where it lands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, QPoint, Qt
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

from desktop.ui.block_widget import BlockWidget
from desktop.ui.draft_model import BLOCK_MIME, PARAGRAPH_MIME
from desktop.ui.section_model import BLOCK_ROLE, SectionModel, block_origin

if TYPE_CHECKING:
    from desktop.ui.composer import Composer


class SectionEditor(QFrame):
    """The blocks of one section, in order, and a drop target for blocks and paragraphs."""

    def __init__(self, composer: Composer, section: str, caption: str, model: SectionModel) -> None:
        super().__init__(composer)
        self.composer = composer
        self.section = section
        self.model = model
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

        model.modelReset.connect(self.rebuild)
        model.rowsInserted.connect(self._rows_inserted)
        model.rowsRemoved.connect(self._rows_removed)
        model.rowsMoved.connect(self._rows_moved)
        model.dataChanged.connect(self._rows_changed)

    # ------------------------------------------------------------------ following the model
    def rebuild(self) -> None:
        """A widget per row again (another draft was loaded)."""
        self.clear()
        for row in range(self.model.rowCount()):
            self.insert_widget(row)

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.insert_widget(row)

    def _rows_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(last, first - 1, -1):
            self.remove_widget(row)

    def _rows_moved(
        self, _parent: QModelIndex, start: int, _end: int, _dest: QModelIndex, row: int
    ) -> None:
        self.move_widget(start, row - 1 if row > start else row)

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        for row in range(top.row(), bottom.row() + 1):
            self.widgets[row].editor.set_text(self.model.index(row).data())

    # ------------------------------------------------------------------ block widgets
    def index_of(self, widget: BlockWidget) -> int:
        return widget.place.row()

    def insert_widget(self, row: int) -> BlockWidget:
        index = self.model.index(row)
        widget = BlockWidget(index.data(BLOCK_ROLE), self)
        widget.place = QPersistentModelIndex(index)
        self.widgets.insert(row, widget)
        self.blocks_layout.insertWidget(row, widget)
        widget.show()  # now, not when the layout gets to it: it may take the focus at once
        self.composer.wire_block(self, widget)
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
        row = self.drop_index(event.position().toPoint().y())
        if mime.hasFormat(BLOCK_MIME):
            origin = block_origin(mime)
            if origin is None or self.composer.locate(event.source()) is None:
                event.ignore()
                return
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self.composer.drop_block(origin, self.section, row)
            return
        action = Qt.DropAction.CopyAction
        if mime.hasFormat(PARAGRAPH_MIME) and self.model.dropMimeData(
            mime, action, row, 0, QModelIndex()
        ):
            event.setDropAction(action)
            event.accept()
            return
        event.ignore()
