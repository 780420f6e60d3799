"""Before a letter goes out: the proofreading findings still open, and an explicit choice.

``confirm_export(parent, composition, findings)`` returns True at once when there is nothing to
show; otherwise it lists each finding (where it is, what is wrong, the words it is about) and
exports only when the clerk presses 仍然导出 ("Export anyway"). The default button goes back
to the letter, so Enter or Esc never sends a letter with problems out by accident.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.compose import Composition, finding_place
from desktop.proofread.common import Finding

EXCERPT = 14  # characters of context either side of the flagged words
MARK = "<span style='background:#ffd6d6'>{}</span>"


def excerpt_html(text: str, start: int, end: int) -> str:
    """The flagged words, highlighted, with a little context either side."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    lead = "…" if start > EXCERPT else ""
    tail = "…" if end + EXCERPT < len(text) else ""
    return (
        lead
        + html.escape(text[max(0, start - EXCERPT) : start])
        + MARK.format(html.escape(text[start:end]))
        + html.escape(text[end : end + EXCERPT])
        + tail
    )


class ExportCheckDialog(QDialog):
    def __init__(
        self,
        findings: Sequence[Finding],
        texts: Sequence[str],
        places: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        """``texts``: the checked paragraphs as the findings count them (0: the salutation);
        ``places``: where each finding is, in words (compose.finding_place)."""
        super().__init__(parent)
        self.setObjectName("exportCheckDialog")
        self.setWindowTitle(self.tr("Check before export"))
        intro = QLabel(
            self.tr(
                "Proofreading found %n problem(s) in this letter that are still open. "
                "Go back and correct them, or export the letter as it is.",
                "",
                len(findings),
            ),
            self,
        )
        intro.setWordWrap(True)
        # A text browser, not a table: Chinese has no spaces to wrap a table cell at, and every
        # word of a finding should be readable without widening a column.
        self.list = QTextBrowser(self)
        self.list.setObjectName("exportFindings")
        rows = []
        for f, where in zip(findings, places, strict=True):
            text = texts[f.paragraph] if 0 <= f.paragraph < len(texts) else ""
            rows.append(
                "<tr><td style='color:#555; white-space:nowrap'>" + html.escape(where) + "</td>"
                f"<td><b>{html.escape(f.message)}</b><br>{excerpt_html(text, f.start, f.end)}"
                f"{self._fix_html(f, text)}</td></tr>"
            )
        self.list.setHtml(
            "<table cellspacing='0' cellpadding='5' width='100%'>" + "".join(rows) + "</table>"
        )

        self.buttons = QDialogButtonBox(self)
        self.back_button = QPushButton(self.tr("Back to the letter"), self)
        self.back_button.setObjectName("backToLetter")
        self.export_button = QPushButton(self.tr("Export anyway"), self)
        self.export_button.setObjectName("exportAnyway")
        self.export_button.setAutoDefault(False)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.back_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(720, min(560, 180 + 64 * len(findings)))
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)


    def _fix_html(self, finding: Finding, text: str) -> str:
        """The correction the composer offers for a finding (Ctrl+. there), if any."""
        if finding.suggestion is None:
            return ""
        if finding.suggestion:
            label = self.tr("Change to “{0}”").format(finding.suggestion)
        else:
            label = self.tr("Delete “{0}”").format(text[finding.start : finding.end].strip())
        return "<br><span style='color:#1b5e20'>" + html.escape(label) + "</span>"


def confirm_export(parent: QWidget | None, comp: Composition, findings: Sequence[Finding]) -> bool:
    """True: export (nothing open, or the clerk chose 仍然导出)."""
    if not findings:
        return True
    letter = comp.letter
    texts = [letter.salutation, *(p.text for p in letter.paragraphs)]
    texts += [letter.contact_note or "", letter.title]  # as check_composition counts them
    places = [finding_place(comp, f) for f in findings]
    dialog = ExportCheckDialog(findings, texts, places, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
