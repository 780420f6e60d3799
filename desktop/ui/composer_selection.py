"""The composer's places and selection: which block is selected, where a block may go
(the heading floor, Move up/down across sections), and finding a block widget's place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from desktop.casework import SECTIONS
from desktop.normalize import normalize_text
from desktop.ui.block_widget import BlockWidget
from desktop.ui.draft_model import DraftModel
from desktop.ui.section_editor import SectionEditor

if TYPE_CHECKING:
    from desktop.ui.context import AppContext


class ComposerSelection(QWidget):
    """The selected block and the places blocks may take (the base of :class:`Composer`)."""

    currentBlockChanged = Signal(str, int)  # section, index ("" and -1: nothing selected)

    context: AppContext
    model: DraftModel
    editors: dict[str, SectionEditor]
    scroll_area: QScrollArea
    move_up_action: QAction
    move_down_action: QAction
    delete_action: QAction
    insert_action: QAction
    _selected: BlockWidget | None
    _announced: tuple[str, int] | None

    # ------------------------------------------------------------------ selection
    def _has_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.isAncestorOf(focus)

    def block_widget(self, section: str, index: int) -> BlockWidget:
        return self.editors[section].widgets[index]

    @property
    def current(self) -> tuple[str, int] | None:
        """The selected block's section and index, or None."""
        return self.locate(self._selected) if self._selected is not None else None

    def current_widget(self) -> BlockWidget | None:
        return self._selected if self.current is not None else None

    def _announce(self) -> None:
        place = self.current
        if place != self._announced:
            self._announced = place
            self.currentBlockChanged.emit(*(place or ("", -1)))

    def select(self, section: str, index: int, *, focus: bool = True) -> None:
        """Select a block (and put the focus in it)."""
        self._select(section, index, focus=focus)
        self._ensure_visible()

    def _select(self, section: str, index: int, *, focus: bool = False) -> None:
        widgets = self.editors[section].widgets
        if not 0 <= index < len(widgets):
            return
        old, new = self._selected, widgets[index]
        self._selected = new
        if old is not None and old is not new and self.locate(old) is not None:
            old.set_selected(False)
        new.set_selected(True)
        focused = QApplication.focusWidget()
        if focus and not new.hasFocus() and not (focused and new.isAncestorOf(focused)):
            new.focus_block()
        self._announce()
        self._update_actions()

    def _ensure_visible(self) -> None:
        widget = self.current_widget()
        if widget is not None:
            self.scroll_area.ensureWidgetVisible(widget, 0, 24)

    def _update_actions(self) -> None:
        place = self.current
        has = place is not None
        self.move_up_action.setEnabled(
            place is not None and self.move_target(place[0], place[1], -1) is not None
        )
        self.move_down_action.setEnabled(
            place is not None and self.move_target(place[0], place[1], 1) is not None
        )
        self.delete_action.setEnabled(has)
        self.insert_action.setEnabled(self.model.case is not None)

    # ------------------------------------------------------------------ places
    def heading_floor(self, section: str) -> int:
        """The first index a paragraph may take in ``section``: 1 when its first block shows
        the section's heading ("一、工作现状", from the template or typed), else 0. Nothing is
        ever put above a heading."""
        blocks = self.model.blocks(section)
        if not blocks or self.model.case is None:
            return 0
        first = blocks[0]
        if first.kind == "template":
            lines = self.model.rendered_templates(self.context).get(section, [])
            text = lines[0] if lines else ""
        else:
            text = normalize_text(first.text.split("\n", 1)[0])
        from desktop.understand import heading_level  # the parser: not while the window starts

        return 1 if text and heading_level(text) == 1 else 0

    def move_target(self, section: str, index: int, delta: int) -> tuple[str, int] | None:
        """Where Move up (-1) / Move down (+1) takes a block: a step within its section, and
        at the section's edge into the next section (the end of the one before, the top of
        the one after, below its heading). None: it cannot move (a heading stays put)."""
        if index < self.heading_floor(section):
            return None
        target = index + delta
        if self.heading_floor(section) <= target < len(self.model.blocks(section)):
            return section, target
        k = SECTIONS.index(section) + delta
        if not 0 <= k < len(SECTIONS):
            return None
        other = SECTIONS[k]
        return (
            (other, len(self.model.blocks(other)))
            if delta < 0
            else (other, self.heading_floor(other))
        )

    def _ordered(self) -> list[tuple[str, int, BlockWidget]]:
        return [
            (section, i, widget)
            for section, editor in self.editors.items()
            for i, widget in enumerate(editor.widgets)
        ]

    def locate(self, source: object) -> tuple[str, int] | None:
        """Where a block widget (a drag's source) is, when it is one of ours."""
        if not isinstance(source, BlockWidget) or not source.place.isValid():
            return None
        model = source.place.model()
        for section, editor in self.editors.items():
            if editor.model is model:
                return section, source.place.row()
        return None
