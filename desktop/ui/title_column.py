"""A table's title column: the room the other columns leave, and never less than a few words.

Qt's ``Stretch`` mode gives a stretched column what the others leave, down to the header's
minimum section size: in a narrow cases pane whose other columns (number, proposer, due
date, status, role, clerk) are as wide as their contents, the title shrank to "关…" and the
clerk could not tell the cases apart. ``TitleColumn`` sizes the column itself: the rest of
the viewport, at least ``FLOOR_CHARS`` characters; below that the table scrolls sideways.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

FLOOR_CHARS: Final = 8  # "关于加快老旧小…": enough to tell two cases apart


class TitleColumn(QObject):
    def __init__(self, view: QTableView, column: int) -> None:
        super().__init__(view)
        self.view = view
        self.column = column
        header = view.horizontalHeader()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)

    @property
    def floor(self) -> int:
        """The narrowest the title gets, in pixels (the font may change after the start)."""
        return self.view.fontMetrics().horizontalAdvance("字" * FLOOR_CHARS) + 12

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self.column and not header.isSectionHidden(c)
        )
        width = max(self.floor, self.view.viewport().width() - others)
        if header.sectionSize(self.column) != width:
            header.resizeSection(self.column, width)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column != self.column:
            self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
