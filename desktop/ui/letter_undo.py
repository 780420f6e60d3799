"""The letter inspector's undo history: one ``QUndoCommand`` per correction of a stored letter.

Unlike the draft's commands (``undo_commands.py``), these change the library itself: every
command is carried out in the store first (``LetterCorrections.run``) and pushed only when the
store took it, so a change the store refused (a clerk error: an invalid date, a letter deleted
meanwhile) is shown and leaves neither the database nor the history changed. Undo writes the
letter back as the snapshot taken just before the change holds it
(``actions.letters.restore``: the old values, their sources, what the clerk had corrected; a
deleted letter comes back); redo makes the change again. The letter's id lives in a shared
:class:`LetterHandle` because a restored letter may come back under a new id, and older
commands must follow it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.actions import letters
from desktop.errors import ClerkError
from desktop.library_rows import LetterDetail, LetterSnapshot

log = logging.getLogger(__name__)
Call = Callable[..., Any]  # AppContext.call


@dataclass
class LetterHandle:
    """The letter the commands act on; ``deleted`` while a delete is not undone."""

    id: int
    deleted: bool = False


class LetterCommand(QUndoCommand):
    """A correction already made in the store when it is pushed: the stack's first ``redo``
    (which ``push`` calls) does nothing; later ones (after an undo) make it again. Undo puts
    back the letter exactly as it was before (:meth:`do` took a snapshot): the old values,
    their sources and which of them the clerk had corrected."""

    def __init__(self, text: str, call: Call, handle: LetterHandle) -> None:
        super().__init__(text)
        self.call = call  # AppContext.call: runs an action on the window's library
        self.handle = handle
        self.corrections: LetterCorrections | None = None  # set by LetterCorrections.run
        self.before: LetterSnapshot | None = None
        self._pushed = False

    def apply(self) -> None:
        """The change itself, in the store."""
        raise NotImplementedError

    def do(self) -> None:
        self.before = self.call(letters.snapshot, self.handle.id)
        self.apply()

    def revert(self) -> None:
        assert self.before is not None
        self.handle.id = self.call(letters.restore, self.before)
        self.handle.deleted = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._guarded(self.do)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step: Callable[[], None]) -> None:
        assert self.corrections is not None
        try:
            step()
        except ClerkError as exc:  # anything else: the error dialog with its traceback
            self.corrections.failed.emit(exc.message)
        self.corrections.changed.emit()

    def paragraph_id(self, position: int) -> int:
        """The id of the paragraph at ``position`` now (ids change when a split or merge is
        undone: a paragraph no letter used any more comes back as a new row)."""
        detail: LetterDetail | None = self.call(letters.inspect, self.handle.id)
        for p in detail.paragraphs if detail else []:
            if p.position == position:
                return p.paragraph_id
        return -1  # the store refuses it with its message


class SetFields(LetterCommand):
    """Set fields (``{name: value}``)."""

    def __init__(
        self, call: Call, handle: LetterHandle, new: dict[str, Any], label: str = ""
    ) -> None:
        text = QCoreApplication.translate("LetterCommands", "Edit %1")
        super().__init__(text.replace("%1", label or "、".join(new)), call, handle)
        self.new = new

    def apply(self) -> None:
        self.call(letters.edit, self.handle.id, fields=self.new)


class ConfirmField(SetFields):
    """The clerk confirms an uncertain value: it is recorded as the clerk's own."""

    def __init__(
        self, call: Call, handle: LetterHandle, name: str, value: Any, label: str = ""
    ) -> None:
        super().__init__(call, handle, {name: value})
        text = QCoreApplication.translate("LetterCommands", "Confirm %1")
        self.setText(text.replace("%1", label or name))


class SetKind(LetterCommand):
    def __init__(self, call: Call, handle: LetterHandle, kind: str) -> None:
        text = QCoreApplication.translate("LetterCommands", "Switch reply/reference")
        super().__init__(text, call, handle)
        self.kind = kind

    def apply(self) -> None:
        self.call(letters.edit, self.handle.id, kind=self.kind)


class SetSection(LetterCommand):
    """Move the paragraph at ``position`` to another section."""

    def __init__(self, call: Call, handle: LetterHandle, position: int, section: str) -> None:
        text = QCoreApplication.translate("LetterCommands", "Move paragraph to another section")
        super().__init__(text, call, handle)
        self.position = position
        self.section = section

    def apply(self) -> None:
        sections = {self.paragraph_id(self.position): self.section}
        self.call(letters.edit, self.handle.id, sections=sections)


class SplitParagraph(LetterCommand):
    """Split the paragraph at ``position`` before its character ``offset``."""

    def __init__(self, call: Call, handle: LetterHandle, position: int, offset: int) -> None:
        text = QCoreApplication.translate("LetterCommands", "Split paragraph")
        super().__init__(text, call, handle)
        self.position = position
        self.offset = offset

    def apply(self) -> None:
        self.call(letters.split_paragraph, self.handle.id, self.position, self.offset)


class MergeParagraphs(LetterCommand):
    """Merge the paragraph at ``position`` with the next."""

    def __init__(self, call: Call, handle: LetterHandle, position: int) -> None:
        text = QCoreApplication.translate("LetterCommands", "Merge paragraphs")
        super().__init__(text, call, handle)
        self.position = position

    def apply(self) -> None:
        self.call(letters.merge_paragraphs, self.handle.id, self.position)


class DeleteLetter(LetterCommand):
    """Delete the letter (paragraphs other letters share stay); undo restores the snapshot,
    under the same id when it is still free."""

    def __init__(self, call: Call, handle: LetterHandle) -> None:
        text = QCoreApplication.translate("LetterCommands", "Delete letter")
        super().__init__(text, call, handle)

    def apply(self) -> None:
        self.call(letters.delete, self.handle.id)
        self.handle.deleted = True


class LetterCorrections(QObject):
    """The undo stack of one open letter and the one way to change it: :meth:`run`."""

    changed = Signal()  # the letter in the store changed (a change, an undo, a redo)
    failed = Signal(str)  # the store refused: its one-line Chinese message

    def __init__(self, call: Call, letter_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call = call  # AppContext.call: runs an action on the window's library
        self.handle = LetterHandle(letter_id)
        self.stack = QUndoStack(self)

    def run(self, command: LetterCommand) -> bool:
        """Make the change in the store; push it when the store took it. False (and
        ``failed`` emitted) when the store refused it with a clerk's message."""
        command.corrections = self
        try:
            command.do()
        except ClerkError as exc:
            self.failed.emit(exc.message)
            return False
        self.stack.push(command)
        self.changed.emit()
        return True
