"""The draft's undo history: one small ``QUndoCommand`` per change of a ``DraftModel``.

Each command remembers what it needs to put the model back and changes it only through the
model's ``raw_*`` methods, which emit the change signals the composer redraws on. Indices are
those of the moment the command is applied; because the stack undoes in order, they are valid
again whenever the command runs. Tested by pushing each on a bare ``QUndoStack`` and undoing.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.casework import DraftBlock

if TYPE_CHECKING:
    from desktop.ui.draft_model import DraftModel

EDIT_TEXT_ID = 1001  # consecutive typing in one block merges into one command
SALUTATION_ID = 1002  # likewise typing in the salutation line


class InsertBlock(QUndoCommand):
    def __init__(self, model: DraftModel, section: str, index: int, block: DraftBlock) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Insert paragraph"))
        self.model = model
        self.section = section
        self.index = index
        self.block = dataclasses.replace(block)  # the caller's object stays the caller's

    def redo(self) -> None:
        self.model.raw_insert(self.section, self.index, dataclasses.replace(self.block))

    def undo(self) -> None:
        self.model.raw_remove(self.section, self.index)


class RemoveBlock(QUndoCommand):
    def __init__(self, model: DraftModel, section: str, index: int) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Delete paragraph"))
        self.model = model
        self.section = section
        self.index = index
        self.block: DraftBlock | None = None

    def redo(self) -> None:
        self.block = self.model.raw_remove(self.section, self.index)

    def undo(self) -> None:
        assert self.block is not None
        self.model.raw_insert(self.section, self.index, self.block)


class MoveBlock(QUndoCommand):
    """Move a block within its section; ``to_index`` is its index after the move."""

    def __init__(self, model: DraftModel, section: str, from_index: int, to_index: int) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Move paragraph"))
        self.model = model
        self.section = section
        self.from_index = from_index
        self.to_index = to_index

    def redo(self) -> None:
        self.model.raw_move(self.section, self.from_index, self.section, self.to_index)

    def undo(self) -> None:
        self.model.raw_move(self.section, self.to_index, self.section, self.from_index)


class MoveBlockToSection(QUndoCommand):
    """Move a block into another section (a drag between section editors); ``to_index`` is
    its index in the target section after the move."""

    def __init__(
        self, model: DraftModel, from_section: str, from_index: int, to_section: str, to_index: int
    ) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Move paragraph"))
        self.model = model
        self.from_section = from_section
        self.from_index = from_index
        self.to_section = to_section
        self.to_index = to_index

    def redo(self) -> None:
        self.model.raw_move(self.from_section, self.from_index, self.to_section, self.to_index)

    def undo(self) -> None:
        self.model.raw_move(self.to_section, self.to_index, self.from_section, self.from_index)


class EditBlockText(QUndoCommand):
    """Replace a block's text. Consecutive edits of the same block merge (typing a sentence is
    one undo step); an edit that brings the text back to where it started removes itself."""

    def __init__(self, model: DraftModel, section: str, index: int, new_text: str) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Edit text"))
        self.model = model
        self.section = section
        self.index = index
        self.old_text = model.blocks(section)[index].text
        self.new_text = new_text

    def id(self) -> int:
        return EDIT_TEXT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, EditBlockText)
            and other.model is self.model
            and other.section == self.section
            and other.index == self.index
        ):
            return False
        self.new_text = other.new_text
        self.setObsolete(self.new_text == self.old_text)
        return True

    def redo(self) -> None:
        self.model.raw_set_text(self.section, self.index, self.new_text)

    def undo(self) -> None:
        self.model.raw_set_text(self.section, self.index, self.old_text)


class ApplyFix(QUndoCommand):
    """Replace ``[start, end)`` of a block's text by a proofreading suggestion."""

    def __init__(
        self,
        model: DraftModel,
        section: str,
        index: int,
        start: int,
        end: int,
        replacement: str,
    ) -> None:
        super().__init__(QCoreApplication.translate("UndoCommands", "Apply correction"))
        text = model.blocks(section)[index].text
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}–{end} outside a text of {len(text)} characters")
        self.model = model
        self.section = section
        self.index = index
        self.start = start
        self.end = end
        self.replacement = replacement
        self.old_text = text
        self.new_text = text[:start] + replacement + text[end:]

    def redo(self) -> None:
        self.model.raw_set_text(self.section, self.index, self.new_text)

    def undo(self) -> None:
        self.model.raw_set_text(self.section, self.index, self.old_text)


class SetSalutation(QUndoCommand):
    """Set the salutation override (``None``: automatic again). Consecutive typing merges into
    one step; "restore automatic" is a step of its own."""

    def __init__(self, model: DraftModel, new: str | None, *, typing: bool = True) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommands", "Edit salutation")
            if new is not None
            else QCoreApplication.translate("UndoCommands", "Automatic salutation")
        )
        self.model = model
        self.old = model.draft.salutation
        self.new = new
        self.typing = typing

    def id(self) -> int:
        return SALUTATION_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetSalutation) and other.model is self.model and other.typing):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.model.raw_set_salutation(self.new)

    def undo(self) -> None:
        self.model.raw_set_salutation(self.old)
