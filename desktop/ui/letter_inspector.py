"""The letter inspector: a stored letter's fields and its paragraphs by section, corrected by
the clerk.

``LetterInspector(context, letter_id)`` is a window of its own (the library stays usable
beside it). Every correction goes to the store at once through
:class:`~desktop.ui.letter_undo.LetterCorrections` and can be undone and redone while the
inspector is open; the library list refreshes through ``context.libraryChanged``. A change
the store refuses is shown as its one-line Chinese message and changes nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import clerks, letters
from desktop.clerks import audit_line
from desktop.library_rows import LetterDetail
from desktop.ui.context import AppContext
from desktop.ui.dialog_fit import fit_to_screen
from desktop.ui.letter_fields_form import LetterFieldsForm, from_text, to_text
from desktop.ui.letter_paragraphs_view import LetterParagraphsView
from desktop.ui.letter_undo import (
    ConfirmField,
    DeleteLetter,
    LetterCorrections,
    MergeParagraphs,
    SetFields,
    SetKind,
    SetSection,
    SplitParagraph,
)

NOTICE_STYLE = "background:#fdecea; color:#8a1c1c; padding:4px 8px; border-radius:3px"


class LetterInspector(QDialog):
    letterDeleted = Signal(int)  # the letter's id, when the clerk deleted it

    def __init__(self, context: AppContext, letter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterInspector")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.call = context.call
        self.corrections = LetterCorrections(self.call, letter_id, self)
        self.corrections.changed.connect(self._changed)
        self.corrections.failed.connect(self.show_problem)
        self.detail: LetterDetail | None = None
        self._make_header()
        self.splitter = self._make_splitter()
        buttons = self._make_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.meta)
        layout.addWidget(self.audit)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        # Enter in a field stores the field: it must not also press a button (Qt makes the
        # first auto-default button of a dialog its default: 在光标处拆分 would split).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.resize(1120, 720)
        fit_to_screen(self)
        self.reload()

    def _make_header(self) -> None:
        """The letter's title, where it came from, and a notice line (hidden until needed)."""
        self.heading = QLabel()
        self.heading.setObjectName("inspectorHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.meta = QLabel()
        self.meta.setObjectName("inspectorMeta")
        self.meta.setStyleSheet("color:#666")
        self.audit = QLabel()  # who changed it last (every clerk's changes are recorded)
        self.audit.setObjectName("inspectorAudit")
        self.audit.setStyleSheet("color:#666")
        self.notice = QLabel()
        self.notice.setObjectName("inspectorNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()

    def _make_splitter(self) -> QSplitter:
        """The fields (left) and the paragraphs by section (right)."""
        self.fields = LetterFieldsForm()
        self.fields.fieldEdited.connect(self.set_field)
        self.fields.fieldConfirmed.connect(self.confirm_field)
        self.fields.kindChosen.connect(self.set_kind)
        fields_scroll = QScrollArea()
        fields_scroll.setWidgetResizable(True)
        fields_scroll.setWidget(self.fields)
        self.paragraphs = LetterParagraphsView()
        self.paragraphs.sectionChosen.connect(self.move_paragraph)
        self.paragraphs.splitRequested.connect(self.split_paragraph)
        self.paragraphs.mergeRequested.connect(self.merge_paragraph)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(fields_scroll)
        splitter.addWidget(self.paragraphs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 620])
        return splitter

    def _make_buttons(self) -> QHBoxLayout:
        """Undo, redo, delete and close."""
        stack = self.corrections.stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.undo_button = self._tool_button("inspectorUndo", self.undo_action)
        self.redo_button = self._tool_button("inspectorRedo", self.redo_action)
        self.delete_button = QPushButton(self.tr("Delete letter…"))
        self.delete_button.setObjectName("inspectorDelete")
        self.delete_button.clicked.connect(self.delete_letter)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("inspectorClose")
        self.close_button.clicked.connect(self.close)
        hint = QLabel(self.tr("Every change is kept in the library at once."))
        hint.setStyleSheet("color:#666")
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.close_button)
        return buttons

    # ----------------------------------------------------------------- closing
    def commit_pending(self) -> bool:
        """Store a value typed but not yet left (the clerk closes the window from inside the
        field); False when the store refused it (the window then stays open with its
        message)."""
        ok = True
        for name, edit in self.fields.edits.items():
            if edit.changed() and not self.corrections.handle.deleted:
                edit.stored = edit.text()
                ok = self.set_field(name, from_text(name, edit.text())) and ok
        return ok

    def reject(self) -> None:  # Esc
        if self.commit_pending():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.commit_pending():
            event.ignore()
            return
        super().closeEvent(event)

    @staticmethod
    def _tool_button(name: str, action: Any) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    @property
    def letter_id(self) -> int:
        return self.corrections.handle.id

    # ----------------------------------------------------------------- showing
    def reload(self) -> None:
        """Fill the form and the paragraphs from the store (after every change)."""
        handle = self.corrections.handle
        detail = None if handle.deleted else self.call(letters.inspect, handle.id)
        enabled = detail is not None
        self.splitter.setEnabled(enabled)
        self.delete_button.setEnabled(enabled)
        if detail is None:
            self.heading.setText(self.tr("This letter was deleted"))
            self.meta.setText(self.tr("Undo brings it back."))
            self.setWindowTitle(self.tr("Letter deleted"))
            return
        self.detail = detail
        title = detail.shown_title or self.tr("(no title)")
        self.heading.setText(title)
        self.setWindowTitle(self.tr("Letter: %1").replace("%1", title))
        self.meta.setText(self._meta_text(detail))
        trail = self.call(clerks.audit, letter_id=detail.id, limit=10)
        self.audit.setText(
            self.tr("Last change: %1").replace("%1", audit_line(trail[0])) if trail else ""
        )
        self.audit.setToolTip("\n".join(audit_line(e) for e in trail))
        self.fields.load(detail)
        self.paragraphs.load(detail.paragraphs)

    def _meta_text(self, detail: LetterDetail) -> str:
        parts = [self.tr("No. %1 in the library").replace("%1", str(detail.id))]
        if detail.source_path:
            parts.append(detail.source_path.replace("\\", "/").rsplit("/", 1)[-1])
        if detail.case_id is not None:
            parts.append(
                self.tr("Reply of case %1, filed when it was marked sent").replace(
                    "%1", str(detail.case_id)
                )
            )
        uncertain = [
            name
            for name, source in detail.sources.items()
            if isinstance(source, dict) and source.get("certain") is False
            and name not in detail.corrected
        ]  # fmt: skip
        if uncertain:
            parts.append(self.tr("%n value(s) to check", "", len(uncertain)))
        if "sections" in detail.corrected:
            parts.append(self.tr("Sections and paragraphs arranged by you"))
        return " · ".join(parts)

    def show_problem(self, message: str) -> None:
        """A change the store refused: its message, and the letter as the store keeps it."""
        self.notice.setText(message)
        self.notice.show()
        self.reload()

    def _changed(self) -> None:
        self.notice.hide()
        self.reload()
        self.context.libraryChanged.emit()

    # ----------------------------------------------------------------- corrections
    def set_field(self, name: str, value: Any) -> bool:
        label = self.fields.labels.get(name, name)
        command = SetFields(self.call, self.corrections.handle, {name: value}, label)
        return self.corrections.run(command)

    def confirm_field(self, name: str, value: Any) -> None:
        handle = self.corrections.handle
        label = self.fields.labels.get(name, name)
        if name == "kind":
            self.corrections.run(SetKind(self.call, handle, value))
            return
        if to_text(name, value) != to_text(name, getattr(self.detail, name, None)):
            self.set_field(name, value)  # typed over and confirmed at once: an edit
            return
        self.corrections.run(ConfirmField(self.call, handle, name, value, label))

    def set_kind(self, kind: str) -> None:
        self.corrections.run(SetKind(self.call, self.corrections.handle, kind))

    def move_paragraph(self, position: int, section: str) -> None:
        self.corrections.run(SetSection(self.call, self.corrections.handle, position, section))

    def split_paragraph(self, position: int, offset: int) -> None:
        self.corrections.run(SplitParagraph(self.call, self.corrections.handle, position, offset))

    def merge_paragraph(self, position: int) -> None:
        self.corrections.run(MergeParagraphs(self.call, self.corrections.handle, position))

    def delete_letter(self) -> None:
        title = (self.detail.shown_title if self.detail else None) or ""
        question = self.tr(
            "Delete “%1” from the library? Paragraphs that other letters share stay in the "
            "library. Undo in this window brings the letter back."
        ).replace("%1", title)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete letter"), question,
                          parent=self)  # fmt: skip
        box.setObjectName("deleteLetterQuestion")
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("deleteLetterYes")
        keep = box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("deleteLetterNo")
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is not delete:
            return
        letter_id = self.letter_id
        if self.corrections.run(DeleteLetter(self.call, self.corrections.handle)):
            self.letterDeleted.emit(letter_id)
