"""The salutation line above the opening: what the letter will say ("王明代表："), editable.

It shows the automatic salutation (from the case's proposers and the salutation template) until
the clerk types over it; the typed line is the draft's ``salutation`` override, each edit an
undo step of the draft's stack, and "Automatic" puts the automatic line back (undoable too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from desktop.ui.draft_model import DraftModel

if TYPE_CHECKING:
    from desktop.ui.context import AppContext


class SalutationLine(QWidget):
    def __init__(self, context: AppContext, model: DraftModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("salutationLine")
        self.context = context
        self.model = model
        self.caption = QLabel(self.tr("Salutation"), self)
        self.caption.setObjectName("sectionCaption")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("salutationEdit")
        self.edit.setToolTip(
            self.tr("The line the letter opens with. Type over it to change it for this letter.")
        )
        self.state = QLabel(self)
        self.state.setObjectName("salutationState")
        self.restore_button = QToolButton(self)
        self.restore_button.setObjectName("restoreSalutation")
        self.restore_button.setText(self.tr("Automatic"))
        self.restore_button.setToolTip(
            self.tr("Use the salutation made from the case's proposers again")
        )
        self.restore_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.state)
        layout.addWidget(self.restore_button)

        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self.refresh)  # a line left empty: automatic again
        self.restore_button.clicked.connect(self.restore_automatic)
        for signal in (model.salutationChanged, model.modelReset, model.caseUpdated,
                       context.profileChanged):  # fmt: skip
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the override, or the automatic line when there is none."""
        has_case = self.model.case is not None
        self.setEnabled(has_case)
        override = self.model.draft.salutation
        text = override if override is not None else self.model.automatic_salutation(self.context)
        if not has_case:
            text = ""
        typing_afresh = self.edit.hasFocus() and not self.edit.text().strip()
        if self.edit.text() != text and not typing_afresh:
            position = self.edit.cursorPosition()
            self.edit.setText(text)
            self.edit.setCursorPosition(min(position, len(text)))
        self.state.setText(
            self.tr("(automatic)") if has_case and override is None else self.tr("(typed)")
        )
        self.state.setVisible(has_case)
        self.restore_button.setEnabled(has_case and override is not None)

    def _edited(self, text: str) -> None:
        if self.model.case is None:
            return
        # Typing the automatic line back (or clearing the line) is the automatic salutation.
        automatic = self.model.automatic_salutation(self.context)
        same = text.strip() in ("", automatic, automatic.removesuffix("："))
        self.model.set_salutation(None if same else text)

    def restore_automatic(self) -> None:
        self.model.set_salutation(None, typing=False)
