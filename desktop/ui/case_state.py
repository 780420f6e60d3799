"""The bar above the composer that says a sent case (已答复) is read-only, with 重新打开 and a
link to the reply as the library keeps it; and marking a case's status from the window.

A reply that has gone out must not change by a stray keystroke: a case whose status is "sent"
opens read-only (the model refuses edits, the composer is locked). "Reopen" puts the case back
to drafting, so the status in the cases pane says what is true; its library letter stays.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.actions import cases
from desktop.actions.cases import SentReply
from desktop.errors import ClerkError
from desktop.ui.context import AppContext
from desktop.ui.errors import show_failure


class ReadOnlyBar(QFrame):
    reopenRequested = Signal()
    letterRequested = Signal(int)  # show the case's reply in the library pane

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBar")
        self.setStyleSheet(
            "#readOnlyBar { background: #fff4ce; border: 1px solid #e0c35c; border-radius: 3px; }"
            " #readOnlyBar QLabel { color: #5c4400; }"
        )
        self.letter_id: int | None = None
        self.label = QLabel(self)
        self.label.setObjectName("readOnlyLabel")
        self.label.setWordWrap(True)
        self.label.setText(
            self.tr("Replied (sent), read-only. Reopen the case to change its draft.")
        )
        self.letter_link = QLabel(self)
        self.letter_link.setObjectName("caseLetterLink")
        self.letter_link.linkActivated.connect(self._link_activated)
        self.letter_link.hide()
        self.reopen_button = QPushButton(self.tr("Reopen"), self)
        self.reopen_button.setObjectName("reopenCaseButton")
        self.reopen_button.setToolTip(self.tr("Set the case back to drafting and edit its draft"))
        self.reopen_button.clicked.connect(self.reopenRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.letter_link)
        layout.addWidget(self.reopen_button)
        self.hide()

    def set_status(self, status: str) -> None:
        """已答复 can be reopened (back to drafting, the same round); 已办结 cannot: a closed
        case is handled again through its feedback (不满意) or the progress dialog."""
        closed = status == "closed"
        self.reopen_button.setVisible(not closed)
        self.label.setText(
            self.tr("Closed, read-only. To answer again, record the feedback under Progress.")
            if closed
            else self.tr("Replied (sent), read-only. Reopen the case to change its draft.")
        )

    def set_letter(self, letter_id: int | None) -> None:
        """The library letter of the case's reply (None: not filed, no link)."""
        self.letter_id = letter_id
        if letter_id is None:
            self.letter_link.hide()
            return
        text = self.tr("In the library: letter {id}").format(id=letter_id)
        self.letter_link.setText(f'<a href="letter:{letter_id}">{text}</a>')
        self.letter_link.setToolTip(self.tr("Show the reply as the library keeps it"))
        self.letter_link.show()

    def _link_activated(self, _href: str) -> None:
        if self.letter_id is not None:
            self.letterRequested.emit(self.letter_id)


def change_status(context: AppContext, parent: QWidget, case_id: int, status: str) -> bool:
    """Store the case's new status; marking it sent files its reply in the library (a case
    without a saved draft is refused with the core's message, and nothing changes). Returns
    whether the status changed."""
    context.caseStatusChanging.emit(case_id, status)
    try:
        sent = context.call(cases.set_status, case_id, status, templates=context.templates)
    except ClerkError as exc:
        show_failure(parent, exc)
        return False
    if sent is not None:
        announce_filed(context, sent)
    context.caseChanged.emit(case_id)
    return True


def announce_filed(context: AppContext, sent: SentReply) -> None:
    """The library has a new or updated letter: the library pane and the window hear of it."""
    context.libraryChanged.emit()
    context.replyFiled.emit(sent.case_id, sent.letter_id, sent.created)


def filed_message(letter_id: int, created: bool) -> str:
    """The status bar's words after a case was marked sent."""
    if created:
        text = QCoreApplication.translate(
            "ReadOnlyBar", "Marked as sent: the reply joined the library as letter {id}."
        )
    else:
        text = QCoreApplication.translate(
            "ReadOnlyBar", "Marked as sent: the reply in the library (letter {id}) was updated."
        )
    return text.format(id=letter_id)
