"""The open case's draft as the composer edits it: blocks per section, an undo stack, autosave.

Every change is a command from ``ui/undo_commands.py`` pushed on ``undo_stack``; the public
methods (``insert_block``, ``edit_text`` …) build and push them. The commands change the draft
through the ``raw_*`` methods, which emit the fine-grained signals the composer redraws on
(``blockInserted`` …) and then ``changed`` — plus ``structureChanged`` for an insert, removal or
move, which also writes the autosave copy at once. A timer writes it every few seconds while
there are unsaved edits; ``save`` stores a version and drops the autosave copy.

``compose`` and ``findings`` assemble the letter with the core (``desktop.compose``) and map the
proofreader's findings — positions in the composed, normalized paragraphs — back to positions
in the text each block shows (a template block shows its rendered paragraphs, one per line).
"""

from __future__ import annotations

import copy
import dataclasses
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.actions import drafts
from desktop.casework import SECTIONS, Case, Draft, DraftBlock
from desktop.errors import ClerkError
from desktop.ui.draft_blocks import BLOCK_MIME as BLOCK_MIME
from desktop.ui.draft_blocks import PARAGRAPH_MIME as PARAGRAPH_MIME
from desktop.ui.draft_blocks import BlockFinding as BlockFinding
from desktop.ui.draft_blocks import ParagraphRef as ParagraphRef
from desktop.ui.draft_blocks import block_from_json as block_from_json
from desktop.ui.draft_blocks import map_span as map_span
from desktop.ui.draft_blocks import paragraph_mime_data as paragraph_mime_data
from desktop.ui.undo_commands import (
    ApplyFix,
    EditBlockText,
    InsertBlock,
    MoveBlock,
    MoveBlockToSection,
    RemoveBlock,
    SetSalutation,
)

if TYPE_CHECKING:
    from desktop.actions.export import LetterInputs, PreparedLetter
    from desktop.compose import Composition
    from desktop.ui.context import AppContext

# Composing (templates, the proofreader, the reuse checks) is imported when a case is open,
# not while the window starts (tests/ui/test_cold_start.py).

log = logging.getLogger(__name__)

AUTOSAVE_MS = 5000


class _GuardedUndoStack(QUndoStack):
    """Every edit of the draft is pushed here: a read-only draft refuses them all."""

    def __init__(self, model: DraftModel) -> None:
        super().__init__(model)
        self._model = model

    def push(self, cmd: QUndoCommand) -> None:
        if self._model.read_only:
            return
        super().push(cmd)


class DraftModel(QObject):
    changed = Signal()  # anything in the draft changed
    structureChanged = Signal()  # a block was inserted, removed or moved
    blockInserted = Signal(str, int)  # section, index
    blockRemoved = Signal(str, int)  # section, index it had
    blockMoved = Signal(str, int, int)  # section, from index, to index (within the section)
    blockTextChanged = Signal(str, int)  # section, index
    salutationChanged = Signal()  # the override was set, edited or dropped (automatic again)
    modelReset = Signal()  # another case or draft was loaded
    caseUpdated = Signal()  # the case record was edited (template text may change)
    modifiedChanged = Signal(bool)  # unsaved changes appeared / were saved or undone
    saved = Signal(int)  # the version number written
    autosaved = Signal()
    autosaveFailed = Signal(str)  # a message for the status bar

    def __init__(
        self,
        context: AppContext | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context  # for the autosave timer; None: no autosave (unit tests)
        self.case: Case | None = None
        self.draft = Draft()
        self.read_only = False  # a sent case (已答复): no edit reaches the draft until reopened
        # The draft revision the text in memory started from: a save states it, and another
        # clerk's save in between makes it a DraftConflict (actions.drafts.save).
        self.revision = 0
        self.undo_stack: QUndoStack = _GuardedUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._dirty = False  # changed since the last autosave or save
        self._keep_working_copy = False  # clear_history() at work
        self._loading = False
        self._recovered = False  # the draft came back from an autosave copy after a crash
        self._rendered: dict[str, list[str]] | None = None  # template paragraphs per section
        self._paragraphs: list[ParagraphRef] = []
        self.last_composition: Composition | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.structureChanged.connect(self.autosave_now)
        if context is not None:
            self.autosave_timer.start()
            # Write the last edits before the library closes, then stop.
            context.closing.connect(self.autosave_now)
            context.closing.connect(self.autosave_timer.stop)

    # ------------------------------------------------------------------ reading
    def blocks(self, section: str) -> list[DraftBlock]:
        return self.draft.sections[section]

    def block(self, section: str, index: int) -> DraftBlock:
        return self.draft.sections[section][index]

    @property
    def case_id(self) -> int | None:
        return self.case.id if self.case is not None else None

    def is_modified(self) -> bool:
        """Unsaved changes (what a save would write)."""
        return not self.undo_stack.isClean()

    # ------------------------------------------------------------------ loading
    def load(
        self,
        case: Case,
        draft: Draft | None = None,
        *,
        recovered: bool = False,
        after_crash: bool | None = None,
        revision: int | None = None,
    ) -> None:
        """Open a case's draft (a fresh one from templates when ``draft`` is None); the undo
        history starts empty. ``recovered``: the draft is an autosave copy, so it counts as
        unsaved and its autosave row stays until it is saved. The case open before keeps its
        unsaved edits as its autosave copy (``discard_autosave`` first to drop them).
        ``after_crash`` (default: ``recovered``) labels the next saved version as recovered
        after a crash; a working copy left by switching cases is not. ``revision``: the
        draft revision ``draft`` is based on (default: the case's newest, read now)."""
        self.autosave_now()
        if revision is None and self.context is not None and case.id is not None:
            revision = self.context.call(drafts.revision, case.id)
        self.revision = revision or 0
        self._loading = True
        try:
            self.undo_stack.clear()
            self.case = case
            self.draft = copy.deepcopy(draft) if draft is not None else Draft()
            for section in SECTIONS:
                self.draft.sections.setdefault(section, [])
            self._rendered = None
            self._paragraphs = []
            self._dirty = recovered
            self._recovered = recovered if after_crash is None else after_crash
            if recovered:
                self.undo_stack.resetClean()
        finally:
            self._loading = False
        self.modifiedChanged.emit(self.is_modified())
        self.modelReset.emit()
        self.changed.emit()

    def unload(self) -> None:
        """No case open any more (its case was deleted): an empty, read-only draft."""
        self._loading = True
        try:
            self.undo_stack.clear()
            self.case = None
            self.draft = Draft()
            self._rendered = None
            self._paragraphs = []
            self._dirty = False
            self._recovered = False
        finally:
            self._loading = False
        self.modifiedChanged.emit(False)
        self.modelReset.emit()
        self.changed.emit()

    def update_case(self, case: Case) -> None:
        """The case record was edited elsewhere: keep the draft, re-render the templates."""
        self.case = case
        self._rendered = None
        self.caseUpdated.emit()

    # ------------------------------------------------------------------ public edits (undoable)
    def insert_block(self, section: str, index: int, block: DraftBlock) -> None:
        index = max(0, min(index, len(self.blocks(section))))
        self.undo_stack.push(InsertBlock(self, section, index, block))

    def remove_block(self, section: str, index: int) -> None:
        self.undo_stack.push(RemoveBlock(self, section, index))

    def move_block(self, section: str, from_index: int, to_index: int) -> None:
        """Move within a section; ``to_index`` is the block's index after the move."""
        count = len(self.blocks(section))
        if not (0 <= from_index < count and 0 <= to_index < count) or from_index == to_index:
            return
        self.undo_stack.push(MoveBlock(self, section, from_index, to_index))

    def move_block_to_section(
        self, from_section: str, from_index: int, to_section: str, to_index: int
    ) -> None:
        if from_section == to_section:
            self.move_block(from_section, from_index, to_index)
            return
        to_index = max(0, min(to_index, len(self.blocks(to_section))))
        self.undo_stack.push(
            MoveBlockToSection(self, from_section, from_index, to_section, to_index)
        )

    def edit_text(self, section: str, index: int, new_text: str) -> None:
        if self.block(section, index).text == new_text:
            return
        self.undo_stack.push(EditBlockText(self, section, index, new_text))

    def apply_fix(self, section: str, index: int, start: int, end: int, replacement: str) -> None:
        self.undo_stack.push(ApplyFix(self, section, index, start, end, replacement))

    def split_block(
        self, section: str, index: int, position: int, pieces: list[str] | None = None
    ) -> None:
        """Break a block at ``position`` (Enter): the rest of its text becomes a free block after
        it. With ``pieces`` (pasted paragraphs, two or more) the first is appended to the block's
        head, the middle ones become free blocks and the last starts the tail. One undo step."""
        parts = pieces if pieces is not None and len(pieces) >= 2 else ["", ""]
        text = self.block(section, index).text
        head = text[:position] + parts[0]
        new_texts = [*parts[1:-1], parts[-1] + text[position:]]
        self.undo_stack.beginMacro(self.tr("Split paragraph"))
        try:
            if head != text:
                self.undo_stack.push(EditBlockText(self, section, index, head))
            for k, new_text in enumerate(new_texts, start=1):
                self.undo_stack.push(
                    InsertBlock(self, section, index + k, DraftBlock("free", new_text))
                )
        finally:
            self.undo_stack.endMacro()

    def set_salutation(self, text: str | None, *, typing: bool = True) -> None:
        """The clerk's salutation line; ``None`` or blank: the automatic one again."""
        new = text if text is not None and text.strip() else None
        if new == self.draft.salutation:
            return
        self.undo_stack.push(SetSalutation(self, new, typing=typing))

    def automatic_salutation(self, context: AppContext) -> str:
        """The salutation the letter gets from the case when the clerk has not typed one."""
        if self.case is None:
            return ""
        from desktop.compose import automatic_salutation

        return automatic_salutation(self.case, context.profile(), context.templates)

    def detach_template(self, section: str, index: int, context: AppContext) -> None:
        """Replace a template block by free blocks holding its rendered paragraphs, so the clerk
        can edit them (fill in a placeholder). One undo step."""
        paragraphs = self.rendered_templates(context).get(section, [])
        self.undo_stack.beginMacro(self.tr("Edit template text"))
        try:
            self.undo_stack.push(RemoveBlock(self, section, index))
            for k, text in enumerate(paragraphs):
                self.undo_stack.push(
                    InsertBlock(self, section, index + k, DraftBlock("free", text))
                )
        finally:
            self.undo_stack.endMacro()

    # ------------------------------------------------------------------ raw mutators
    # For ui/undo_commands.py only: everything else goes through the undo stack.
    def raw_insert(self, section: str, index: int, block: DraftBlock) -> None:
        self.blocks(section).insert(index, block)
        self.blockInserted.emit(section, index)
        self._structure_changed()

    def raw_remove(self, section: str, index: int) -> DraftBlock:
        block = self.blocks(section).pop(index)
        self.blockRemoved.emit(section, index)
        self._structure_changed()
        return block

    def raw_move(self, from_section: str, from_index: int, to_section: str, to_index: int) -> None:
        block = self.blocks(from_section).pop(from_index)
        self.blocks(to_section).insert(to_index, block)
        if from_section == to_section:
            self.blockMoved.emit(from_section, from_index, to_index)
        else:
            self.blockRemoved.emit(from_section, from_index)
            self.blockInserted.emit(to_section, to_index)
        self._structure_changed()

    def raw_set_text(self, section: str, index: int, text: str) -> None:
        blocks = self.blocks(section)
        blocks[index] = dataclasses.replace(blocks[index], text=text)
        self.blockTextChanged.emit(section, index)
        self._dirty = True
        self.changed.emit()

    def raw_set_salutation(self, text: str | None) -> None:
        self.draft.salutation = text
        self.salutationChanged.emit()
        self._dirty = True
        self.changed.emit()

    def _structure_changed(self) -> None:
        self._dirty = True
        self.changed.emit()
        self.structureChanged.emit()

    # ------------------------------------------------------------------ saving
    def autosave_now(self) -> bool:
        """Write the working copy when there are edits since the last write. False when
        nothing was written (nothing to write, no case, or the write failed)."""
        if not self._dirty or self.context is None or self.case_id is None or self._loading:
            return False
        if getattr(self.context, "closed", False) or self.context.read_only:
            return False
        try:
            self.context.call(drafts.autosave, self.case_id, self.draft)
        except (ClerkError, OSError) as exc:
            log.exception("autosave of case %s failed", self.case_id)
            why = exc.message if isinstance(exc, ClerkError) else str(exc)
            self.autosaveFailed.emit(self.tr("Autosave failed: {0}").format(why))
            return False
        self._dirty = False
        self.autosaved.emit()
        return True

    def discard_autosave(self) -> None:
        """The clerk chose not to keep the unsaved edits: drop the working copy (the draft in
        memory stays as it is until another one is loaded)."""
        self._dirty = False
        if self.context is not None and self.case_id is not None:
            self.context.call(drafts.clear_autosave, self.case_id)

    def save(self, context: AppContext, note: str = "", *, source: str = "window") -> int:
        """Store the draft as the case's newest version; returns its number. ``source`` says
        where it came from (``casework.DRAFT_SOURCES``); a draft recovered after a crash is
        saved as such the first time."""
        if self.case_id is None:
            raise ValueError("no case is open")
        if self._recovered:
            source = "recovery"
        version = context.call(drafts.save, self.case_id, self.draft, note, source=source,
                               based_on=self.revision)  # fmt: skip
        self.revision = version
        self._recovered = False
        self._dirty = False
        self.undo_stack.setClean()
        self.saved.emit(version)
        return version

    def clear_history(self) -> None:
        """Forget undo and redo (a sent case: no undo may change its reply). Edits not saved
        as a version stay in the working copy: a cleared history is no undo back to the saved
        text (another clerk marked the case sent while this one was typing)."""
        self._keep_working_copy = True
        try:
            self.undo_stack.clear()
        finally:
            self._keep_working_copy = False

    def _clean_changed(self, clean: bool) -> None:
        if self._loading:
            return
        if clean and not self._keep_working_copy:
            # Undone back to the saved version: no working copy to recover any more.
            self._dirty = False
            if self.context is not None and self.case_id is not None:
                try:
                    self.context.call(drafts.clear_autosave, self.case_id)
                except (ClerkError, OSError):
                    log.exception("clearing the autosave of case %s failed", self.case_id)
        self.modifiedChanged.emit(not clean)

    # ------------------------------------------------------------------ composing, proofreading
    def compose(self, context: AppContext) -> Composition:
        """The letter as the composer shows it (the profile, no seal); also refreshes the
        template texts and the paragraph → block map ``findings`` uses."""
        if self.case is None:
            raise ValueError("no case is open")
        from desktop.compose import compose

        comp = compose(self.case, context.profile(), self.draft, templates=context.templates)
        self._remember(comp)
        return comp

    def prepare(self, context: AppContext, inputs: LetterInputs) -> PreparedLetter:
        """The letter as it goes out, composed once with the profile and seal an export read
        (``actions.export.read_letter_inputs``), with the findings the clerk is told about."""
        if self.case is None:
            raise ValueError("no case is open")
        from desktop.actions.export import compose_letter, read_reuse_context

        reuse = context.call(read_reuse_context, self.draft, inputs.profile)
        prepared = compose_letter(
            self.case, self.draft, inputs, templates=context.templates, reuse=reuse
        )
        self._remember(prepared.composition)
        return prepared

    def _remember(self, comp: Composition) -> None:
        # Each printed paragraph knows its block (a template heading over an empty section is
        # not printed, so recounting the blocks would misplace findings).
        self._paragraphs = [
            ParagraphRef(p.origin.section, p.origin.index, p.origin.line, p.origin.raw, p.text)
            for p in comp.letter.paragraphs
            if p.origin is not None
        ]
        self._rendered = comp.rendered
        self.last_composition = comp

    def rendered_templates(self, context: AppContext) -> dict[str, list[str]]:
        """The rendered template paragraphs per section (sections with a template block)."""
        if self._rendered is None or any(
            b.kind == "template" and s not in self._rendered
            for s in SECTIONS
            for b in self.blocks(s)
        ):
            self.compose(context)
        assert self._rendered is not None
        return self._rendered

    def template_text(self, section: str, context: AppContext) -> str:
        """What a template block of ``section`` shows: its paragraphs, one per line."""
        return "\n".join(self.rendered_templates(context).get(section, []))

    def findings(self, context: AppContext) -> list[BlockFinding]:
        """The proofreader's findings, each placed in the block (and its shown text) it is in."""
        if self.case is None:
            return []
        from desktop.actions.export import read_reuse_context
        from desktop.compose import check_composition

        comp = self.compose(context)
        reuse = context.call(read_reuse_context, self.draft, context.profile())
        out: list[BlockFinding] = []
        for f in check_composition(comp, self.case, reuse=reuse):
            k = f.paragraph - 1  # paragraph 0 is the salutation
            if not 0 <= k < len(self._paragraphs):
                out.append(BlockFinding(f, None, None, f.start, f.end, False))
                continue
            ref = self._paragraphs[k]
            if self.block(ref.section, ref.index).kind == "template":
                lines = (self._rendered or {}).get(ref.section, [])
                offset = sum(len(p) + 1 for p in lines[: ref.line])
                start, end = offset + f.start, offset + f.end
                out.append(BlockFinding(f, ref.section, ref.index, start, end, False))
                continue
            start, end = map_span(ref.raw, ref.shown, f.start, f.end)
            fixable = f.suggestion is not None
            out.append(BlockFinding(f, ref.section, ref.index, start, end, fixable))
        return out
