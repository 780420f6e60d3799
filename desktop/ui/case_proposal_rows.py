"""The case dialog's rows for what the assignment list and the proposal itself add to a case:
its kind (建议/提案/议案; empty = from the proposer's role), the seconders (附议人/联名人) and
the delegation (代表团/界别/所在单位). objectNames ``caseKind``, ``caseSeconders``,
``caseDelegation``. The list's 序号 (``serial``) has no widget and is kept as it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit

from desktop.casework import Case


class CaseProposalRows(QDialog):
    """Mixed into :class:`desktop.ui.case_dialog.CaseDialog`."""

    kind: QComboBox
    seconders: QLineEdit
    delegation: QLineEdit
    original: Case | None

    _row: Callable[..., None]  # the form's row builder (ui/case_form.py)

    def _proposal_rows(self, form: QFormLayout) -> None:
        """Kind, seconders and delegation, after the proposers' rows."""
        self.kind = QComboBox(self)
        self.kind.setObjectName("caseKind")
        for text, data in (
            (self.tr("From the proposer's role"), ""),
            (self.tr("Suggestion (建议)"), "建议"),
            (self.tr("Proposal (提案)"), "提案"),
            (self.tr("Motion (议案)"), "议案"),
        ):
            self.kind.addItem(text, data)
        self.seconders = QLineEdit(self)
        self.seconders.setObjectName("caseSeconders")
        self.seconders.setPlaceholderText(self.tr("Separate names with 、"))
        self.delegation = QLineEdit(self)
        self.delegation.setObjectName("caseDelegation")
        self.delegation.setPlaceholderText(self.tr("e.g. 崇川区代表团, 民进界"))
        self._row(form, self.tr("Kind"), "kind", self.kind)
        self._row(form, self.tr("Seconders"), "seconders", self.seconders)
        self._row(form, self.tr("Delegation / sector"), "delegation", self.delegation)

    def _load_proposal_rows(self, case: Case) -> None:
        index = self.kind.findData(case.kind)
        self.kind.setCurrentIndex(max(index, 0))
        self.seconders.setText("、".join(case.seconders))
        self.delegation.setText(case.delegation)

    def _proposal_data(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData() or "",
            "seconders": self.seconders.text(),
            "delegation": self.delegation.text(),
            "serial": self.original.serial if self.original is not None else "",
        }
