"""The composer: the open case's draft, section by section, block by block.

``Composer(context, model)`` shows one ``SectionEditor`` per section inside a single scroll
area; each shows its blocks (``BlockWidget``: a small header and an auto-height ``BlockEditor``).
Nothing here changes the draft directly: every edit goes through the ``DraftModel``'s public
methods, which push undo commands, and the widgets follow the model's signals.

Keys: Enter splits a block, Ctrl+Enter adds an empty paragraph after the selected block,
Alt+Up / Alt+Down move it, Esc selects the block as a whole, then Delete removes it
(Backspace in an empty paragraph removes it too), Ctrl+. applies the correction under the
cursor. Blocks are dragged by their handle, within a section or to another; library paragraphs
(``PARAGRAPH_MIME``) can be dropped anywhere.

Proofreading runs 400 ms after the last change: findings are underlined with a red wave, their
message is the tooltip and the context menu offers the correction (改为“X”).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
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
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QToolBar,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.casework import SECTIONS, DraftBlock
from desktop.ui.draft_model import (
    BLOCK_MIME,
    PARAGRAPH_MIME,
    BlockFinding,
    DraftModel,
    block_from_json,
)

if TYPE_CHECKING:
    from desktop.ui.context import AppContext

PROOFREAD_DELAY_MS = 400

STYLE = """
QFrame#blockWidget { background: #ffffff; border: 1px solid #e2e2e2; border-radius: 4px; }
QFrame#blockWidget[kind="template"] { background: #f4f4f5; }
QFrame#blockWidget[kind="library"] { background: #f5f9ff; border-left: 3px solid #93b4e0; }
QFrame#blockWidget[selected="true"] { border: 1px solid #2f6fd1; }
QFrame#blockWidget[kind="library"][selected="true"] { border-left: 3px solid #2f6fd1; }
QTextEdit#blockText { background: transparent; border: none; }
QLabel#blockKind { color: #6b6b6b; }
QLabel#blockSource { color: #4a5a70; }
QLabel#dragHandle { color: #9a9a9a; }
QLabel#sectionCaption { font-weight: bold; }
QLabel#emptySection { color: #9a9a9a; }
QFrame#dropIndicator { background: #2f6fd1; }
"""


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


class BlockWidget(QFrame):
    """One block: a drag handle, a header (kind, source) and its text."""

    selectRequested = Signal()
    removeRequested = Signal()
    sourceRequested = Signal(int)
    dragStarted = Signal()
    dragFinished = Signal()

    def __init__(self, block: DraftBlock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blockWidget")
        self.kind = block.kind
        self.setProperty("kind", block.kind)
        self.setProperty("selected", False)
        # a template block is reached with Tab as a whole; the others through their text
        self.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if block.kind == "template" else Qt.FocusPolicy.ClickFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._press: QPoint | None = None

        self.handle = QLabel("⠿", self)
        self.handle.setObjectName("dragHandle")
        self.handle.setToolTip(self.tr("Drag to move this paragraph"))
        self.handle.setCursor(Qt.CursorShape.OpenHandCursor)
        self.handle.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.handle.setFixedWidth(16)

        self.editor = BlockEditor(block.kind != "template", self)
        self.editor.setPlainText(block.text)

        self.kind_label = QLabel(self)
        self.kind_label.setObjectName("blockKind")
        self.source_label = QLabel(self)
        self.source_label.setObjectName("blockSource")
        self.source_label.setTextFormat(Qt.TextFormat.RichText)
        self.source_label.setWordWrap(True)  # a long title must not widen the composer
        self.source_label.linkActivated.connect(self._link)
        self.detach_link = QLabel(self)
        self.detach_link.setObjectName("detachTemplate")
        self.detach_link.setTextFormat(Qt.TextFormat.RichText)
        self.detach_link.linkActivated.connect(lambda _href: self.editor.detachRequested.emit())

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(8)
        top = Qt.AlignmentFlag.AlignTop
        header.addWidget(self.kind_label, 0, top)
        header.addWidget(self.source_label, 1, top)
        header.addWidget(self.detach_link, 0, top)
        self.header = QWidget(self)
        self.header.setLayout(header)

        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.header)
        body.addWidget(self.editor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.handle)
        layout.addLayout(body, 1)
        self.update_block(block)
        self.editor.clicked.connect(self._clicked)
        self.editor.gotFocus.connect(self.selectRequested.emit)
        self.editor.escapePressed.connect(self._escape)

    def update_block(self, block: DraftBlock) -> None:
        """Header texts (the kind and, for a library block, where it came from)."""
        self.letter_id = block.letter_id
        if block.kind == "template":
            self.kind_label.setText(self.tr("Template"))
            label = self.tr("Edit text")
            self.detach_link.setText(f'<a href="edit">{label}</a>')
            self.detach_link.setToolTip(
                self.tr("Replace the template by its text, to change it for this letter")
            )
            self.source_label.clear()
        elif block.kind == "library":
            self.kind_label.setText(self.tr("Library"))
            self.detach_link.hide()
            parts = []
            if block.source_title:
                title = block.source_title.strip()
                parts.append(title if title.startswith("《") else f"《{title}》")
            if block.year:
                parts.append(self.tr("in {0}").format(block.year))
            if block.letter_id is not None:
                parts.append(self.tr("No. {0}").format(block.letter_id))
            line = self.tr("From: {0}").format(" ".join(parts)) if parts else ""
            link = ""
            if block.letter_id is not None:
                label = self.tr("Open")
                link = f' <a href="open:{block.letter_id}">{label}</a>'
            self.source_label.setText(_escape_html(line) + link)
            self.source_label.setToolTip(line)
        else:
            self.kind_label.clear()
            self.source_label.clear()
            self.detach_link.hide()
        self.header.setVisible(block.kind != "free")

    def _link(self, href: str) -> None:
        if href.startswith("open:"):
            self.sourceRequested.emit(int(href.removeprefix("open:")))

    def set_selected(self, selected: bool) -> None:
        if self.property("selected") == selected:
            return
        self.setProperty("selected", selected)
        self.style().unpolish(self)
        self.style().polish(self)
        self.update()

    def focus_block(self) -> None:
        """Focus the text when it can be edited, else the block as a whole."""
        if self.editor.editable:
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clicked(self) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.selectRequested.emit()

    def _escape(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectRequested.emit()

    # ------------------------------------------------------------------ keys, mouse, drag
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectRequested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.removeRequested.emit()
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self.editor.navigateRequested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.editor.editable:
            self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.selectRequested.emit()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        distance = (event.position().toPoint() - self._press).manhattanLength()
        if distance < QApplication.startDragDistance():
            return
        self._press = None
        mime = QMimeData()
        mime.setData(BLOCK_MIME, b"{}")  # the drop target asks its composer where we are
        drag = QDrag(self)
        drag.setMimeData(mime)
        picture = self.grab()
        if picture.width() > 360:
            picture = picture.scaledToWidth(360, Qt.TransformationMode.SmoothTransformation)
        drag.setPixmap(picture)
        drag.setHotSpot(QPoint(10, 10))
        self.dragStarted.emit()
        drag.exec(Qt.DropAction.MoveAction)
        # The move is applied now, back in the main event loop: moving a block can delete this
        # widget, which must not happen inside the drag's own event loop.
        self.dragFinished.emit()


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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


class Composer(QWidget):
    sourceRequested = Signal(int)  # letter id of a library block's source ("打开")
    currentBlockChanged = Signal(str, int)  # section, index ("" and -1: nothing selected)
    findingsUpdated = Signal(int)  # proofreading ran: number of findings

    def __init__(
        self, context: AppContext, model: DraftModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.context = context
        self.model = model
        self._selected: BlockWidget | None = None  # the selected block (follows its moves)
        self._announced: tuple[str, int] | None = None
        self.block_findings: list[BlockFinding] = []
        self._findings_stale = True
        self._drag_source: BlockWidget | None = None
        self._pending_drop: tuple[tuple[str, int], str, int] | None = None
        self.setStyleSheet(STYLE)

        captions = {
            "greeting": self.tr("Opening"),
            "status": self.tr("Current situation"),
            "plan": self.tr("Next steps"),
            "closing": self.tr("Closing"),
        }
        self.editors: dict[str, SectionEditor] = {
            s: SectionEditor(self, s, captions.get(s, s)) for s in SECTIONS
        }

        # actions: the shortcuts work while the focus is anywhere in the composer
        stack = model.undo_stack
        self.undo_action = self._action(self.tr("Undo"), None, stack.undo)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("Redo"), None, stack.redo)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        self.move_up_action = self._action(
            self.tr("Move up"), "Alt+Up", lambda: self.move_current(-1)
        )
        self.move_down_action = self._action(
            self.tr("Move down"), "Alt+Down", lambda: self.move_current(1)
        )
        self.delete_action = self._action(self.tr("Delete paragraph"), None, self.delete_current)
        self.insert_action = self._action(
            self.tr("New paragraph"), "Ctrl+Return", self.insert_free_after_current
        )
        self.insert_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.quick_fix_action = self._action(
            self.tr("Apply correction"), "Ctrl+.", self.apply_fix_at_cursor
        )
        self.next_finding_action = self._action(self.tr("Next problem"), "F8", self.next_finding)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        # a tool bar folds what does not fit into its » menu: the composer can be narrow
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("composerToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.addActions([self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.move_up_action, self.move_down_action,
                                 self.delete_action, self.insert_action])  # fmt: skip

        self.summary = QLabel(self)
        self.summary.setObjectName("findingsSummary")
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        next_button = QToolButton(self)
        next_button.setObjectName("nextFinding")
        next_button.setDefaultAction(self.next_finding_action)
        next_button.setAutoRaise(True)
        status = QHBoxLayout()
        status.setContentsMargins(8, 2, 6, 2)
        status.addWidget(self.summary, 1)
        status.addWidget(next_button)

        page = QWidget()
        page.setObjectName("composerPage")
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(12, 6, 12, 12)
        page_layout.setSpacing(4)
        for editor in self.editors.values():
            page_layout.addWidget(editor)
        page_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("composerScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(status)

        self.proof_timer = QTimer(self)
        self.proof_timer.setSingleShot(True)
        self.proof_timer.setInterval(PROOFREAD_DELAY_MS)
        self.proof_timer.timeout.connect(self.refresh)
        context.closing.connect(self.proof_timer.stop)

        model.modelReset.connect(self._rebuild)
        model.blockInserted.connect(self._inserted)
        model.blockRemoved.connect(self._removed)
        model.blockMoved.connect(self._moved)
        model.blockTextChanged.connect(self._text_changed)
        model.structureChanged.connect(self._fix_tab_order)
        model.changed.connect(self._changed)
        model.caseUpdated.connect(self._changed)
        context.profileChanged.connect(self._changed)
        context.caseChanged.connect(self._case_changed)
        self._rebuild()

    def _undo_text(self, text: str) -> None:
        self.undo_action.setToolTip(self.tr("Undo: {0}").format(text) if text else "")

    def _redo_text(self, text: str) -> None:
        self.redo_action.setToolTip(self.tr("Redo: {0}").format(text) if text else "")

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            sequence = QKeySequence(shortcut)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            native = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({native})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # ------------------------------------------------------------------ building
    def _rebuild(self) -> None:
        for editor in self.editors.values():
            editor.clear()
        self._selected = None
        if self.model.case is None:
            self._update_actions()
            return
        for section, editor in self.editors.items():
            for index, block in enumerate(self.model.blocks(section)):
                editor.insert_widget(index, block)
        self.refresh()
        self._fix_tab_order()
        self._update_actions()

    def _wire(self, editor: SectionEditor, widget: BlockWidget) -> None:
        def at(action: Callable[[str, int], object]) -> Callable[..., None]:
            """Run ``action(section, index)`` for the block's place at the time of the signal
            (a widget already taken out of the composer does nothing)."""

            def run(*_args: object) -> None:
                place = self.locate(widget)
                if place is not None:
                    action(*place)

            return run

        widget.selectRequested.connect(at(self._select))
        widget.removeRequested.connect(at(self.model.remove_block))
        widget.sourceRequested.connect(self.sourceRequested.emit)
        widget.dragStarted.connect(lambda: self._drag_started(widget))
        widget.dragFinished.connect(self._drag_finished)
        text = widget.editor
        text.before_menu = self._ensure_fresh_findings
        text.textEdited.connect(lambda t: at(lambda s, i: self.model.edit_text(s, i, t))())
        text.splitRequested.connect(
            lambda pos: at(lambda s, i: self.model.split_block(s, i, pos))()
        )
        text.pasteRequested.connect(
            lambda pos, parts: at(lambda s, i: self.model.split_block(s, i, pos, parts))()
        )
        text.removeEmptyRequested.connect(at(self._remove_empty))
        text.navigateRequested.connect(lambda step: at(lambda s, i: self._navigate(s, i, step))())
        text.fixRequested.connect(self.apply_finding)
        text.detachRequested.connect(
            at(lambda s, i: self.model.detach_template(s, i, self.context))
        )
        if widget.kind == "template" and self.model.case is not None:
            text.setPlainText(self.model.template_text(editor.section, self.context))

    # ------------------------------------------------------------------ model signals
    def _inserted(self, section: str, index: int) -> None:
        self.editors[section].insert_widget(index, self.model.block(section, index))
        self._select(section, index, focus=self._has_focus())
        self._ensure_visible()

    def _removed(self, section: str, index: int) -> None:
        had_focus = self._has_focus()
        editor = self.editors[section]
        was_selected = editor.widgets[index] is self._selected
        editor.remove_widget(index)
        if was_selected:
            self._selected = None
            neighbour = min(index, len(editor.widgets) - 1)
            if neighbour >= 0:
                self._select(section, neighbour, focus=had_focus)
        self._announce()
        self._update_actions()

    def _moved(self, section: str, from_index: int, to_index: int) -> None:
        had_focus = self._has_focus()
        self.editors[section].move_widget(from_index, to_index)
        self._select(section, to_index, focus=had_focus)
        QTimer.singleShot(0, self._ensure_visible)

    def _text_changed(self, section: str, index: int) -> None:
        block = self.model.block(section, index)
        self.editors[section].widgets[index].editor.set_text(block.text)

    def _changed(self) -> None:
        self._findings_stale = True
        self.proof_timer.start()
        self._update_actions()

    def _case_changed(self, case_id: int) -> None:
        if self.model.case_id == case_id:
            case = self.context.store.get_case(case_id)
            if case is not None:
                self.model.update_case(case)

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
        count = len(self.model.blocks(place[0])) if place is not None else 0
        index = place[1] if place is not None else -1
        self.move_up_action.setEnabled(has and index > 0)
        self.move_down_action.setEnabled(has and index < count - 1)
        self.delete_action.setEnabled(has)
        self.insert_action.setEnabled(self.model.case is not None)

    # ------------------------------------------------------------------ commands
    def move_current(self, delta: int) -> None:
        if self.current is None:
            return
        section, index = self.current
        self.model.move_block(section, index, index + delta)

    def delete_current(self) -> None:
        if self.current is not None:
            self.model.remove_block(*self.current)

    def _ordered(self) -> list[tuple[str, int, BlockWidget]]:
        return [
            (section, i, widget)
            for section, editor in self.editors.items()
            for i, widget in enumerate(editor.widgets)
        ]

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
        after the selected block when it is in ``section``, else at the section's end.
        Returns the index it got."""
        if self.model.case is None:
            return -1
        if index is None:
            if self.current is not None and self.current[0] == section:
                index = self.current[1] + 1
            else:
                index = len(self.model.blocks(section))
        index = max(0, min(index, len(self.model.blocks(section))))
        self.model.insert_block(section, index, block)
        self.select(section, index, focus=False)
        return index

    def locate(self, source: object) -> tuple[str, int] | None:
        """Where a block widget (a drag's source) is, when it is one of ours."""
        if not isinstance(source, BlockWidget):
            return None
        for section, editor in self.editors.items():
            if source in editor.widgets:
                return section, editor.index_of(source)
        return None

    def drop_block(self, origin: tuple[str, int], section: str, index: int) -> None:
        """A block dropped before position ``index`` of ``section``."""
        if self._drag_source is not None:
            self._pending_drop = (origin, section, index)  # applied when the drag ends
            return
        from_section, from_index = origin
        if from_section == section:
            to_index = index - 1 if from_index < index else index
            self.model.move_block(section, from_index, to_index)
        else:
            self.model.move_block_to_section(from_section, from_index, section, index)

    def _drag_started(self, widget: BlockWidget) -> None:
        self._drag_source = widget
        self._pending_drop = None

    def _drag_finished(self) -> None:
        self._drag_source = None
        pending, self._pending_drop = self._pending_drop, None
        if pending is not None:
            self.drop_block(*pending)

    # ------------------------------------------------------------------ proofreading
    def refresh(self) -> None:
        """Re-render the templates and proofread now (normally 400 ms after a change)."""
        self.proof_timer.stop()
        self._findings_stale = False
        if self.model.case is None:
            self.block_findings = []
            self.summary.clear()
            return
        findings = self.model.findings(self.context)
        rendered = self.model.rendered_templates(self.context)
        self.block_findings = findings
        by_block: dict[tuple[str, int], list[BlockFinding]] = {}
        for f in findings:
            if f.section is not None and f.index is not None:
                by_block.setdefault((f.section, f.index), []).append(f)
        for section, editor in self.editors.items():
            for index, widget in enumerate(editor.widgets):
                if widget.kind == "template":
                    widget.editor.set_text("\n".join(rendered.get(section, [])))
                widget.editor.set_findings(by_block.get((section, index), []))
        self._show_summary(findings)
        self.findingsUpdated.emit(len(findings))

    def _show_summary(self, findings: list[BlockFinding]) -> None:
        comp = self.model.last_composition
        problems = [str(p) for p in comp.problems] if comp is not None else []
        if findings:
            text = self.tr("%n problem(s) found", "", len(findings))
        else:
            text = self.tr("No problems found")
        outside = [f.message for f in findings if f.section is None]
        tips = problems + (outside or [f.message for f in findings[:20]])
        if problems:
            text = self.tr("Template error") + " · " + text
        self.summary.setText(text)
        self.summary.setToolTip("\n".join(tips))
        self.summary.setStyleSheet("color: #b3261e;" if problems or outside else "")

    def _ensure_fresh_findings(self) -> None:
        if self._findings_stale:
            self.refresh()

    def apply_finding(self, finding: BlockFinding) -> None:
        if finding.section is None or finding.index is None or finding.suggestion is None:
            return
        self.model.apply_fix(
            finding.section, finding.index, finding.start, finding.end, finding.suggestion
        )
        self.refresh()

    def apply_fix_at_cursor(self) -> None:
        """Ctrl+.: apply the first correction at the text cursor of the selected block."""
        widget = self.current_widget()
        if widget is None or not widget.editor.editable:
            return
        self._ensure_fresh_findings()
        widget = self.current_widget()
        if widget is None:
            return
        for f in widget.editor.findings_at(widget.editor.cursor_index()):
            if f.fixable:
                self.apply_finding(f)
                return

    def next_finding(self) -> None:
        """F8: put the cursor on the next underlined problem (after the cursor, wrapping)."""
        self._ensure_fresh_findings()
        order = {(s, i): k for k, (s, i, _w) in enumerate(self._ordered())}
        placed = sorted(
            (order[(f.section, f.index)], f.start, f)
            for f in self.block_findings
            if f.section is not None and f.index is not None and (f.section, f.index) in order
        )
        if not placed:
            return
        here = (-1, -1)
        widget = self.current_widget()
        if self.current is not None and widget is not None:
            cursor = widget.editor.cursor_index() if widget.editor.hasFocus() else -1
            here = (order[self.current], cursor)
        after = [p for p in placed if (p[0], p[1]) > here]
        _k, _start, finding = (after or placed)[0]
        assert finding.section is not None and finding.index is not None
        self.select(finding.section, finding.index, focus=False)
        target = self.block_widget(finding.section, finding.index)
        target.focus_block()
        if target.editor.editable:
            target.editor.set_cursor_index(finding.start)
        target.editor.ensureCursorVisible()
