"""A delegate for flat lists drawn as the trees they replaced: each row indented by its level,
the selection and hover ground across the whole row as a tree draws it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex


class IndentedRowDelegate(QStyledItemDelegate):
    """Indents a row by ``INDENT`` times :meth:`level` (0 by default)."""

    INDENT = 20

    def level(self, index: Index) -> int:
        return 0

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.rect.setLeft(option.rect.left() + self.level(index) * self.INDENT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = QStyleOptionViewItem(option)
        QStyledItemDelegate.initStyleOption(self, row, index)  # the whole row, not indented
        widget = row.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, row, painter, widget)
        super().paint(painter, option, index)
