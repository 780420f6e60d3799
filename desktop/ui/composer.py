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

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import cases
from desktop.casework import SECTIONS
from desktop.ui.block_editor import BlockEditor
from desktop.ui.block_widget import BlockWidget
from desktop.ui.composer_proofing import ComposerProofing
from desktop.ui.draft_model import (
    BlockFinding,
    DraftModel,
)
from desktop.ui.salutation_line import SalutationLine
from desktop.ui.section_editor import SectionEditor
from desktop.ui.section_model import SectionModel

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
QLabel#salutationState { color: #6b6b6b; }
QFrame#dropIndicator { background: #2f6fd1; }
"""


class Composer(ComposerProofing):
    sourceRequested = Signal(int)  # letter id of a library block's source ("打开")

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
        # the section models follow the draft before the composer does (connected first)
        self.section_models = {
            s: SectionModel(model, s, self.heading_floor, self) for s in SECTIONS
        }
        self.editors: dict[str, SectionEditor] = {
            s: SectionEditor(self, s, captions.get(s, s), self.section_models[s]) for s in SECTIONS
        }

        self._make_actions()
        self._make_toolbar()
        self._lay_out(self._make_status_row())
        self.proof_timer = QTimer(self)
        self.proof_timer.setSingleShot(True)
        self.proof_timer.setInterval(PROOFREAD_DELAY_MS)
        self.proof_timer.timeout.connect(self.refresh)
        context.closing.connect(self.proof_timer.stop)
        self._follow(model, context)
        for editor in self.editors.values():
            editor.rebuild()  # the draft was loaded before the composer came: no reset signal
        self._rebuild()

    # ------------------------------------------------------------------ construction steps
    def _make_actions(self) -> None:
        """The actions; their shortcuts work while the focus is anywhere in the composer."""
        stack = self.model.undo_stack
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

    def _make_toolbar(self) -> None:
        # a tool bar folds what does not fit into its » menu: the composer can be narrow
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("composerToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.addActions([self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.move_up_action, self.move_down_action,
                                 self.delete_action, self.insert_action])  # fmt: skip

    def _make_status_row(self) -> QHBoxLayout:
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
        return status

    def _lay_out(self, status: QHBoxLayout) -> None:
        page = QWidget()
        page.setObjectName("composerPage")
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(12, 6, 12, 12)
        page_layout.setSpacing(4)
        self.salutation = SalutationLine(self.context, self.model, page)
        page_layout.addWidget(self.salutation)
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

    def _follow(self, model: DraftModel, context: AppContext) -> None:
        """The composer follows the draft (after the section models, connected before it)."""
        model.modelReset.connect(self._rebuild)
        model.blockInserted.connect(self._inserted)
        model.blockRemoved.connect(self._removed)
        model.blockMoved.connect(self._moved)
        model.structureChanged.connect(self._fix_tab_order)
        model.changed.connect(self._changed)
        model.caseUpdated.connect(self._changed)
        context.profileChanged.connect(self._changed)
        context.caseChanged.connect(self._case_changed)

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
        """Another draft: the section editors have rebuilt their blocks from their models."""
        self._selected = None
        if self.model.case is None:
            self._update_actions()
            return
        self.refresh()
        self._fix_tab_order()
        self._update_actions()

    def wire_block(self, editor: SectionEditor, widget: BlockWidget) -> None:
        """Connect a new block widget once: each signal acts on the block's place at the
        time (its model row), so moves and inserts never need the connections made again."""

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
        self._select(section, index, focus=self._has_focus())
        self._ensure_visible()

    def _removed(self, section: str, index: int) -> None:
        had_focus = self._has_focus()
        editor = self.editors[section]  # its widget is gone already (the model removed the row)
        was_selected = self._selected is not None and self.locate(self._selected) is None
        if was_selected:
            self._selected = None
            neighbour = min(index, len(editor.widgets) - 1)
            if neighbour >= 0:
                self._select(section, neighbour, focus=had_focus)
        self._announce()
        self._update_actions()

    def _moved(self, section: str, from_index: int, to_index: int) -> None:
        had_focus = self._has_focus()
        self._select(section, to_index, focus=had_focus)
        QTimer.singleShot(0, self._ensure_visible)

    def _changed(self) -> None:
        self._findings_stale = True
        self.proof_timer.start()
        self._update_actions()

    def _case_changed(self, case_id: int) -> None:
        if self.model.case_id == case_id:
            case = self.context.call(cases.get, case_id)
            if case is not None:
                self.model.update_case(case)


__all__ = ["BlockEditor", "BlockWidget", "Composer", "SectionEditor"]
