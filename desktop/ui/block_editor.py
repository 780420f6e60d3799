"""A block's text editor: plain text, as tall as its text, with the composer's keys
(Enter splits, Up/Down cross blocks, Esc selects the block) and proofreading underlines."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFrame,
    QSizePolicy,
    QTextEdit,
    QToolTip,
    QWidget,
)

from desktop.ui.draft_model import (
    BlockFinding,
)

if TYPE_CHECKING:
    pass


def _qt_pos(text: str, index: int) -> int:
    """A Python index into ``text`` as a Qt (UTF-16) position."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def _py_pos(text: str, qt_pos: int) -> int:
    """A Qt (UTF-16) position in ``text`` as a Python index."""
    units = 0
    for i, ch in enumerate(text):
        if units >= qt_pos:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """Lengths of the common prefix and (non-overlapping) common suffix."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, suffix


class BlockEditor(QTextEdit):
    """A plain-text editor as tall as its text (no scroll bar of its own)."""

    textEdited = Signal(str)  # the clerk changed the text
    splitRequested = Signal(int)  # Enter at this position
    pasteRequested = Signal(int, list)  # paragraphs pasted at this position (2 or more)
    removeEmptyRequested = Signal()  # Backspace in an empty paragraph
    escapePressed = Signal()
    navigateRequested = Signal(int)  # Up on the first line (-1), Down on the last line (+1)
    clicked = Signal()  # a read-only editor was clicked (it takes no focus)
    gotFocus = Signal()
    fixRequested = Signal(object)  # BlockFinding
    detachRequested = Signal()  # "edit the template text" from the context menu

    def __init__(self, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blockText")
        self.editable = editable
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # the draft's undo stack does this
        self.setTabChangesFocus(True)
        self.setAcceptDrops(False)  # drops go to the section editor
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setReadOnly(not editable)
        if not editable:
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        self.findings: list[BlockFinding] = []
        self.before_menu: Callable[[], None] | None = None  # refreshes stale findings
        self._syncing = False
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self.textChanged.connect(self._text_changed)
        self._fit_height()

    # ------------------------------------------------------------------ text
    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        """Show the model's text, keeping the cursor next to what changed."""
        old = self.toPlainText()
        if old == text:
            return
        _prefix, suffix = _common_ends(old, text)
        self._syncing = True
        try:
            self.setPlainText(text)
        finally:
            self._syncing = False
        self.set_findings([])
        cursor = self.textCursor()
        cursor.setPosition(_qt_pos(text, len(text) - suffix))
        self.setTextCursor(cursor)

    def _text_changed(self) -> None:
        if not self._syncing and self.editable:
            self.textEdited.emit(self.toPlainText())

    def cursor_index(self) -> int:
        return _py_pos(self.toPlainText(), self.textCursor().position())

    def set_cursor_index(self, index: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(_qt_pos(self.toPlainText(), index))
        self.setTextCursor(cursor)

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        height = int(self.document().size().height() + 0.999) + margins.top() + margins.bottom()
        self.setFixedHeight(max(height, self.fontMetrics().lineSpacing() + 10))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    # ------------------------------------------------------------------ findings
    def set_findings(self, findings: list[BlockFinding]) -> None:
        self.findings = findings
        text = self.toPlainText()
        selections = []
        for f in findings:
            start, end = f.start, max(f.end, f.start + 1)
            start, end = min(start, len(text)), min(end, len(text))
            if start >= end:
                start = max(0, end - 1)
            cursor = QTextCursor(self.document())
            cursor.setPosition(_qt_pos(text, start))
            cursor.setPosition(_qt_pos(text, end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#d32f2f"))
            fmt.setBackground(QColor(229, 57, 53, 34))  # a wave alone is easy to miss
            fmt.setToolTip(f.message)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def findings_at(self, index: int) -> list[BlockFinding]:
        return [f for f in self.findings if f.start <= index <= max(f.end, f.start + 1)]

    def _index_at(self, pos: QPoint) -> int:
        return _py_pos(self.toPlainText(), self.cursorForPosition(pos).position())

    def _hover_findings(self, pos: QPoint) -> list[BlockFinding]:
        index = self._index_at(pos)
        # the character under the pointer: between index-1 and index, take the one it covers
        return [f for f in self.findings if f.start <= index < max(f.end, f.start + 1)] or [
            f for f in self.findings if f.start < index <= f.end
        ]

    def fix_actions(self, index: int, parent: QWidget | None = None) -> list[QAction]:
        """The corrections offered at a text position (the context menu's first entries)."""
        actions = []
        for f in self.findings_at(index):
            if not f.fixable or f.suggestion is None:
                continue
            if f.suggestion:
                label = self.tr("Change to “{0}”").format(f.suggestion)
            else:
                label = self.tr("Delete “{0}”").format(self.toPlainText()[f.start : f.end])
            action = QAction(label, parent or self)
            action.setToolTip(f.message)
            action.triggered.connect(lambda _checked=False, f=f: self.fixRequested.emit(f))
            actions.append(action)
        return actions

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self._hover_findings(event.pos())
            if found:
                QToolTip.showText(
                    event.globalPos(), "\n".join(f.message for f in found), self.viewport()
                )
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.before_menu is not None:
            self.before_menu()
        index = self._index_at(event.pos())
        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions():
            if action.objectName() in ("edit-undo", "edit-redo"):
                menu.removeAction(action)  # the text's own undo is off: the draft's is used
        first = menu.actions()[0] if menu.actions() else None
        extra: list[QAction] = self.fix_actions(index, menu)
        for f in self.findings_at(index):
            if not f.fixable:
                info = QAction(f.message, menu)
                info.setEnabled(False)
                extra.append(info)
        if not self.editable:
            detach = QAction(self.tr("Edit this template text"), menu)
            detach.triggered.connect(self.detachRequested.emit)
            extra.append(detach)
        if extra:
            menu.insertActions(first, extra)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]
        menu.exec(event.globalPos())
        menu.deleteLater()

    # ------------------------------------------------------------------ keys
    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()  # let the composer's undo/redo shortcuts have it
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        plain = mods & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if key == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            return
        if (
            self.editable
            and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and (plain or mods == Qt.KeyboardModifier.ShiftModifier)
        ):
            cursor = self.textCursor()
            if cursor.hasSelection():
                cursor.removeSelectedText()
            self.splitRequested.emit(self.cursor_index())
            return
        if plain and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            up = key == Qt.Key.Key_Up
            probe = QTextCursor(self.textCursor())
            moved = probe.movePosition(
                QTextCursor.MoveOperation.Up if up else QTextCursor.MoveOperation.Down
            )
            if not moved or not self.editable:
                self.navigateRequested.emit(-1 if up else 1)
                return
        if self.editable and key == Qt.Key.Key_Backspace and plain and not self.toPlainText():
            self.removeEmptyRequested.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.gotFocus.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if not self.editable:
            self.clicked.emit()

    # ------------------------------------------------------------------ paste
    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text().replace("\r\n", "\n").replace("\r", "\n")
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        if len(paragraphs) < 2:
            self.insertPlainText(paragraphs[0] if paragraphs else text.strip())
            return
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.removeSelectedText()
        self.pasteRequested.emit(self.cursor_index(), paragraphs)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()
