"""The composer's proofreading: findings under the blocks, the summary line, corrections."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QLabel

from desktop.ui.composer_commands import ComposerCommands
from desktop.ui.draft_model import BlockFinding


class ComposerProofing(ComposerCommands):
    """Findings of the proofreader placed in the blocks (the composer's last layer of jobs)."""

    findingsUpdated = Signal(int)  # proofreading ran: number of findings

    summary: QLabel
    proof_timer: QTimer
    block_findings: list[BlockFinding]
    _findings_stale: bool

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
            # A plural form names its context (self.tr from a mixin would stop at Composer).
            n = len(findings)
            text = QCoreApplication.translate("ComposerProofing", "%n problem(s) found", "", n)
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
