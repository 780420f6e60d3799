"""The composer's commands: move, delete, insert, navigate, and blocks dropped or dragged."""

from __future__ import annotations

import itertools

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from desktop.casework import DraftBlock
from desktop.ui.block_widget import BlockWidget
from desktop.ui.composer_selection import ComposerSelection


class ComposerCommands(ComposerSelection):
    """What the composer's actions and drops do to the draft (through the model)."""

    _drag_source: BlockWidget | None
    _pending_drop: tuple[tuple[str, int], str, int] | None

    # ------------------------------------------------------------------ commands
    def move_current(self, delta: int) -> None:
        if self.current is None:
            return
        section, index = self.current
        target = self.move_target(section, index, delta)
        if target is None:
            return
        if target[0] == section:
            self.model.move_block(section, index, target[1])
        else:
            self.model.move_block_to_section(section, index, *target)

    def delete_current(self) -> None:
        if self.current is not None:
            self.model.remove_block(*self.current)

    def _navigate(self, section: str, index: int, step: int) -> None:
        """Up from a block's first line / Down from its last: the block before / after,
        across sections, with the cursor at its near end."""
        order = self._ordered()
        k = next(k for k, (s, i, _w) in enumerate(order) if (s, i) == (section, index))
        if not 0 <= k + step < len(order):
            return
        target_section, target_index, widget = order[k + step]
        self.select(target_section, target_index, focus=False)
        widget.focus_block()
        if widget.editor.editable:
            widget.editor.moveCursor(
                QTextCursor.MoveOperation.End if step < 0 else QTextCursor.MoveOperation.Start
            )

    def _fix_tab_order(self) -> None:
        """Tab goes through the blocks in the order they are shown."""
        targets: list[QWidget] = [
            w.editor if w.editor.editable else w for _s, _i, w in self._ordered()
        ]
        for before, after in itertools.pairwise(targets):
            QWidget.setTabOrder(before, after)

    def _remove_empty(self, section: str, index: int) -> None:
        self.model.remove_block(section, index)
        if index > 0:  # Backspace continues at the end of the paragraph before
            editor = self.block_widget(section, index - 1).editor
            if editor.editable:
                editor.setFocus()
                editor.moveCursor(QTextCursor.MoveOperation.End)

    def insert_free_paragraph(self, section: str, index: int | None = None) -> None:
        """An empty paragraph of the clerk's own, focused for typing."""
        if self.model.case is None:
            return
        if index is None:
            index = len(self.model.blocks(section))
        self.model.insert_block(section, index, DraftBlock("free", ""))
        self.select(section, index)
        self.block_widget(section, index).focus_block()

    def insert_free_after_current(self) -> None:
        if self.current is not None:
            section, index = self.current
            self.insert_free_paragraph(section, index + 1)
        else:
            self.insert_free_paragraph("status")

    def insert_paragraph(self, section: str, block: DraftBlock, index: int | None = None) -> int:
        """Insert a library paragraph (double-click or Enter in the library pane, or a drop):
        after the selected block when it is in ``section``, else at the section's end; never
        above the section's heading. Returns the index it got."""
        if self.model.case is None:
            return -1
        if index is None:
            if self.current is not None and self.current[0] == section:
                index = self.current[1] + 1
            else:
                index = len(self.model.blocks(section))
        index = self.editors[section].model.insert_row(index)
        self.model.insert_block(section, index, block)
        self.select(section, index, focus=False)
        return index

    def drop_block(self, origin: tuple[str, int], section: str, index: int) -> None:
        """A block dropped before position ``index`` of ``section``."""
        if self._drag_source is not None:
            self._pending_drop = (origin, section, index)  # applied when the drag ends
            return
        self.editors[section].model.drop_block(origin, index)

    def _drag_started(self, widget: BlockWidget) -> None:
        self._drag_source = widget
        self._pending_drop = None

    def _drag_finished(self) -> None:
        self._drag_source = None
        pending, self._pending_drop = self._pending_drop, None
        if pending is not None:
            self.drop_block(*pending)
