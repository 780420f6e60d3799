"""One block of the composer: a drag handle, a header (kind, source) and its text editor."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.casework import DraftBlock
from desktop.ui.block_editor import BlockEditor
from desktop.ui.draft_model import (
    BLOCK_MIME,
)


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
        # its row in the section's model, kept up to date by the model as blocks move
        self.place = QPersistentModelIndex()

        self.handle = QLabel("⠿", self)
        self.handle.setObjectName("dragHandle")
        self.handle.setToolTip(self.tr("Drag to move this paragraph"))
        self.handle.setCursor(Qt.CursorShape.OpenHandCursor)
        self.handle.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.handle.setFixedWidth(16)

        self.editor = BlockEditor(block.kind != "template", self)
        self.editor.setPlainText(block.text)

        self.header = self._make_header()

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

    def _make_header(self) -> QWidget:
        """The line above the text: the block's kind, its source and the template's link."""
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
        widget = QWidget(self)
        widget.setLayout(header)
        return widget

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
        model = self.place.model()
        if model is not None and self.place.isValid():
            index = model.index(self.place.row(), 0)
            mime = model.mimeData([index])  # the section and row we are at
        else:
            mime = QMimeData()
            mime.setData(BLOCK_MIME, b"{}")
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
