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
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.casework import SECTIONS, DraftBlock
from desktop.normalize import normalize_text
from desktop.ui.block_editor import BlockEditor
from desktop.ui.block_widget import BlockWidget
from desktop.ui.draft_model import (
    BlockFinding,
    DraftModel,
)
from desktop.ui.salutation_line import SalutationLine
from desktop.ui.section_editor import SectionEditor
from desktop.understand import heading_level

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
        self.salutation = SalutationLine(context, model, page)
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
        self.move_up_action.setEnabled(
            place is not None and self.move_target(place[0], place[1], -1) is not None
        )
        self.move_down_action.setEnabled(
            place is not None and self.move_target(place[0], place[1], 1) is not None
        )
        self.delete_action.setEnabled(has)
        self.insert_action.setEnabled(self.model.case is not None)

    # ------------------------------------------------------------------ commands
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

    def move_current(self, delta: int) -> None:
        if self.current is None:
            return
        section, index = self.current
        target = self.move_target(section, index, delta)
        if target is None:
            return
        if target[0] == section:
            self.model.move_block(section, index, target[1])
        else:
            self.model.move_block_to_section(section, index, *target)

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
        after the selected block when it is in ``section``, else at the section's end; never
        above the section's heading. Returns the index it got."""
        if self.model.case is None:
            return -1
        if index is None:
            if self.current is not None and self.current[0] == section:
                index = self.current[1] + 1
            else:
                index = len(self.model.blocks(section))
        floor = self.heading_floor(section)
        index = max(floor, min(index, len(self.model.blocks(section))))
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
        if from_index < self.heading_floor(from_section):
            return  # the heading stays at the head of its section
        index = max(index, self.heading_floor(section))
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


__all__ = ["BlockEditor", "BlockWidget", "Composer", "SectionEditor"]
