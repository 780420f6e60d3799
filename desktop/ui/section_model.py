"""One section of the open draft as a list model: the composer's rows, and where a dropped
block or library paragraph lands.

The draft (``DraftModel``) keeps the blocks and the undo stack; a ``SectionModel`` shows one
section's blocks as rows and follows the draft's signals, so the section's widgets follow
rows (inserted, removed, moved) and each block widget keeps its place as a
``QPersistentModelIndex``. Drops go through :meth:`SectionModel.dropMimeData`: a block
dragged from the composer (``BLOCK_MIME``: its section and row) moves, a library paragraph
(``PARAGRAPH_MIME``) is inserted — never above the section's heading.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.casework import DraftBlock
from desktop.ui.draft_model import BLOCK_MIME, PARAGRAPH_MIME, DraftModel, block_from_json

BLOCK_ROLE = Qt.ItemDataRole.UserRole  # the DraftBlock
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "template", "library" or "free"

Index = QModelIndex | QPersistentModelIndex


def block_origin(mime: QMimeData) -> tuple[str, int] | None:
    """The section and row a dragged block came from (None: not a block drag we can read)."""
    if not mime.hasFormat(BLOCK_MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(BLOCK_MIME).data()).decode("utf-8"))
        return str(data["section"]), int(data["row"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def dropped_paragraph(mime: QMimeData) -> DraftBlock | None:
    """The library paragraph a drop carries, as a library block (None: unreadable)."""
    try:
        data = json.loads(bytes(mime.data(PARAGRAPH_MIME).data()).decode("utf-8"))
        block = block_from_json(data)
    except (ValueError, UnicodeDecodeError):
        return None
    if block.kind == "template":
        block.kind = "library"
    return block


class SectionModel(QAbstractListModel):
    """The blocks of ``section`` in the draft, as rows. ``heading_floor(section)`` is the
    first row a block may take there (1 below a heading, else 0)."""

    def __init__(
        self,
        draft: DraftModel,
        section: str,
        heading_floor: Callable[[str], int],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.section = section
        self.heading_floor = heading_floor
        draft.modelReset.connect(self._reset)
        draft.blockInserted.connect(self._inserted)
        draft.blockRemoved.connect(self._removed)
        draft.blockMoved.connect(self._moved)
        draft.blockTextChanged.connect(self._text_changed)

    # ------------------------------------------------------------------ following the draft
    # The draft has already changed when it signals: the begin/end pairs only tell the views
    # and move the persistent indexes the block widgets hold.
    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _inserted(self, section: str, row: int) -> None:
        if section == self.section:
            self.beginInsertRows(QModelIndex(), row, row)
            self.endInsertRows()

    def _removed(self, section: str, row: int) -> None:
        if section == self.section:
            self.beginRemoveRows(QModelIndex(), row, row)
            self.endRemoveRows()

    def _moved(self, section: str, from_row: int, to_row: int) -> None:
        if section == self.section:
            # Qt counts the destination before the move: one further down when moving down
            destination = to_row + 1 if to_row > from_row else to_row
            self.beginMoveRows(QModelIndex(), from_row, from_row, QModelIndex(), destination)
            self.endMoveRows()

    def _text_changed(self, section: str, row: int) -> None:
        if section == self.section:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, BLOCK_ROLE])

    # ------------------------------------------------------------------ the model
    def blocks(self) -> list[DraftBlock]:
        return self.draft.blocks(self.section) if self.draft.case is not None else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.blocks())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        blocks = self.blocks()
        if not index.isValid() or not 0 <= index.row() < len(blocks):
            return None
        block = blocks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return block.text
        if role == BLOCK_ROLE:
            return block
        if role == KIND_ROLE:
            return block.kind
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsDragEnabled)
        )

    def mimeTypes(self) -> list[str]:
        return [BLOCK_MIME, PARAGRAPH_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        payload = {"section": self.section, "row": indexes[0].row()}
        mime.setData(BLOCK_MIME, json.dumps(payload).encode("utf-8"))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(PARAGRAPH_MIME) or block_origin(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """A block or library paragraph dropped before ``row`` (-1: at the end)."""
        if self.draft.case is None:
            return False
        if row < 0:
            row = self.rowCount()
        origin = block_origin(data)
        if origin is not None:
            return self.drop_block(origin, row)
        if data.hasFormat(PARAGRAPH_MIME):
            block = dropped_paragraph(data)
            if block is None:
                return False
            self.draft.insert_block(self.section, self.insert_row(row), block)
            return True
        return False

    # ------------------------------------------------------------------ the drop arithmetic
    def insert_row(self, row: int) -> int:
        """Where a new block asked for at ``row`` goes: below the heading, within the rows."""
        return max(self.heading_floor(self.section), min(row, self.rowCount()))

    def drop_block(self, origin: tuple[str, int], row: int) -> bool:
        """Move the block at ``origin`` (section, row) to before ``row`` of this section. The
        heading of a section stays at its head; nothing goes above one."""
        from_section, from_row = origin
        if from_row < self.heading_floor(from_section):
            return False
        row = max(row, self.heading_floor(self.section))
        if from_section == self.section:
            to_row = row - 1 if from_row < row else row  # its index once it is out of the way
            self.draft.move_block(self.section, from_row, to_row)
        else:
            self.draft.move_block_to_section(from_section, from_row, self.section, row)
        return True
