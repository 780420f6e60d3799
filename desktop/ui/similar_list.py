"""The similar past replies as a list model: each letter, then its best paragraphs indented
below it (or one line saying the search runs or found nothing)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from desktop.actions.search import SimilarLetter
from desktop.casework import SECTIONS, DraftBlock
from desktop.letter_view import SECTION_ZH
from desktop.ui.indented_rows import IndentedRowDelegate
from desktop.ui.library_widgets import BLOCK_ROLE, PARAGRAPH_MIME, paragraph_mime

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "letter", "paragraph" or "note"
PREVIEW_CHARS = 80  # a paragraph's first characters on its row; the tooltip has it all

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SimilarRow:
    kind: str  # "letter" | "paragraph" | "note"
    text: str
    section: str = ""  # where a paragraph goes in the draft
    block: DraftBlock | None = None
    tooltip: str | None = None

    @property
    def is_paragraph(self) -> bool:
        return self.kind == "paragraph"


def similar_rows(letters: Sequence[SimilarLetter]) -> list[SimilarRow]:
    """A letter's row ("year title") and below it a row per paragraph ("[section] text")."""
    rows: list[SimilarRow] = []
    for found in letters:
        rows.append(SimilarRow(
            "letter", f"{found.year or ''} {found.title or ''}".strip(),
            block=DraftBlock("library", "", None, found.letter_id),
        ))  # fmt: skip
        for p in found.paragraphs:
            section = p.section if p.section in SECTIONS else "status"
            block = DraftBlock("library", p.text, p.paragraph_id, found.letter_id,
                               found.year, found.title)  # fmt: skip
            text = p.text if len(p.text) <= PREVIEW_CHARS else p.text[:PREVIEW_CHARS] + "…"
            label = f"[{SECTION_ZH.get(p.section, '')}] {text}"
            rows.append(SimilarRow("paragraph", label, section, block, p.text))
    return rows


class SimilarModel(QAbstractListModel):
    """Rows of the similar-replies list (see :func:`similar_rows`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SimilarRow] = []

    def set_letters(self, letters: Sequence[SimilarLetter]) -> None:
        self._reset(similar_rows(letters))

    def set_note(self, text: str) -> None:
        """One line instead of letters: the search runs, or found nothing."""
        self._reset([SimilarRow("note", text)])

    def clear(self) -> None:
        self._reset([])

    def _reset(self, rows: list[SimilarRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> SimilarRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip
        if role == BLOCK_ROLE:
            return (row.section, row.block) if row.block is not None else None
        if role == KIND_ROLE:
            return row.kind
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self._rows[index.row()]
        if row.kind == "note":
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if row.is_paragraph:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [PARAGRAPH_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        row = self._rows[indexes[0].row()]
        assert row.block is not None  # only paragraphs can be dragged
        return paragraph_mime(row.section, row.block)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class SimilarDelegate(IndentedRowDelegate):
    """Draws the list as the tree it replaced: an open branch arrow before each letter, its
    paragraphs indented below it, one line a row (elided)."""

    INDENT = 20  # a tree level

    def level(self, index: Index) -> int:
        return {"letter": 1, "paragraph": 2}.get(index.data(KIND_ROLE), 0)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # As wide as the view, not as the text: a long row is elided, never scrolled to.
        hint = super().sizeHint(option, index)
        return QSize(1, hint.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if index.data(KIND_ROLE) != "letter":
            return
        branch = QStyleOptionViewItem(option)
        branch.rect = QRect(option.rect.left(), option.rect.top(), self.INDENT,
                            option.rect.height())  # fmt: skip
        branch.state = option.state | QStyle.StateFlag.State_Children | QStyle.StateFlag.State_Open
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, branch, painter, widget)
