"""Before a letter goes out: the proofreading findings still open, and an explicit choice.

``confirm_export(parent, findings, texts)`` returns True at once when there is nothing to
show; otherwise it lists each finding (where it is, the words it is about, what is wrong) and
exports only when the clerk presses 仍然导出 ("Export anyway"). The default button goes back
to the letter, so Enter or Esc never sends a letter with problems out by accident.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.proofread.common import Finding

EXCERPT = 12  # characters of context either side of the flagged words


def excerpt(text: str, start: int, end: int) -> str:
    """The flagged words with a little context, marked 【…】."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    before = text[max(0, start - EXCERPT) : start]
    after = text[end : end + EXCERPT]
    lead = "…" if start > EXCERPT else ""
    tail = "…" if end + EXCERPT < len(text) else ""
    marked = f"【{text[start:end]}】" if end > start else ""
    return f"{lead}{before}{marked}{after}{tail}"


class ExportCheckDialog(QDialog):
    def __init__(
        self,
        findings: Sequence[Finding],
        texts: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        """``texts``: the checked paragraphs as the findings count them (0: the salutation)."""
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
        self.list = QTreeWidget(self)
        self.list.setObjectName("exportFindings")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels([self.tr("Where"), self.tr("Text"), self.tr("Problem")])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for f in findings:
            text = texts[f.paragraph] if 0 <= f.paragraph < len(texts) else ""
            where = (
                self.tr("Salutation")
                if f.paragraph == 0
                else self.tr("Paragraph %1").replace("%1", str(f.paragraph))
            )
            item = QTreeWidgetItem([where, excerpt(text, f.start, f.end), f.message])
            item.setToolTip(1, text)
            item.setToolTip(2, f.message)
            self.list.addTopLevelItem(item)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.list.setColumnWidth(1, 260)

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
        self.resize(760, 380)
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)


def confirm_export(
    parent: QWidget | None, findings: Sequence[Finding], texts: Sequence[str]
) -> bool:
    """True: export (nothing open, or the clerk chose 仍然导出)."""
    if not findings:
        return True
    return ExportCheckDialog(findings, texts, parent).exec() == QDialog.DialogCode.Accepted
