"""Two clerks saved the same case's draft: both versions side by side.

``DraftConflictDialog`` (objectName ``draftConflictDialog``) shows the other clerk's version
(``conflictTheirs``) beside the clerk's own text (``conflictMine``), both selectable, with
buttons to keep hers (``conflictKeepMine``: saved on top, the other version stays in the
history), take theirs (``conflictTakeTheirs``: hers is saved as a version first, then theirs
becomes the newest), copy the selected text of either side (``conflictCopyTheirs``,
``conflictCopyMine``: to paste into the draft), or decide later (her text stays open and
unsaved, and is the case's working copy).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import timestamps
from desktop.actions import drafts
from desktop.casework import SECTIONS, Draft
from desktop.clerks import DraftConflict
from desktop.ui.context import AppContext
from desktop.ui.draft_model import DraftModel

KEEP_MINE, TAKE_THEIRS = "mine", "theirs"


class DraftConflictDialog(QDialog):
    def __init__(self, conflict: DraftConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftConflictDialog")
        self.setWindowTitle(self.tr("Someone else saved this draft"))
        self.conflict = conflict
        self.choice: str | None = None
        when = timestamps.local_text(conflict.saved_at, " ")[:16] if conflict.saved_at else ""
        if conflict.based_on:
            said = self.tr(
                "{clerk} saved version {version} of this draft at {when}, after you started "
                "from version {base}. Nothing is lost: compare the two, then keep yours, take "
                "theirs, or copy passages from one to the other."
            )
        else:  # no "version 0": she started before anyone had saved the draft
            said = self.tr(
                "{clerk} saved version {version} of this draft at {when}; when you started, it "
                "had not been saved yet. Nothing is lost: compare the two, then keep yours, take "
                "theirs, or copy passages from one to the other."
            )
        intro = QLabel(said.format(clerk=conflict.clerk, version=conflict.revision, when=when,
                                   base=conflict.based_on), self)  # fmt: skip
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        self.theirs = self._pane("conflictTheirs", conflict.theirs)
        self.mine = self._pane("conflictMine", conflict.mine)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Version {version} by {clerk}").format(
            version=conflict.revision, clerk=conflict.clerk), self), 0, 0)  # fmt: skip
        grid.addWidget(QLabel(self.tr("Your text (not saved yet)"), self), 0, 1)
        grid.addWidget(self.theirs, 1, 0)
        grid.addWidget(self.mine, 1, 1)
        grid.addWidget(self._copy_button("conflictCopyTheirs", self.theirs), 2, 0)
        grid.addWidget(self._copy_button("conflictCopyMine", self.mine), 2, 1)
        self.keep_mine = self._button("conflictKeepMine", self.tr("Keep mine"), KEEP_MINE)
        self.keep_mine.setToolTip(
            self.tr("Save your text as the newest version; theirs stays in the version history")
        )
        self.take_theirs = self._button("conflictTakeTheirs", self.tr("Take theirs"), TAKE_THEIRS)
        self.take_theirs.setToolTip(
            self.tr("Open their version; your text is saved in the version history first")
        )
        later = QPushButton(self.tr("Decide later"), self)
        later.setObjectName("conflictLater")
        later.setToolTip(self.tr("Keep editing your text; it is kept as the working copy"))
        later.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_mine, self.take_theirs, later):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)
        self.resize(960, 560)

    def _pane(self, name: str, draft: Draft | None) -> QPlainTextEdit:
        pane = QPlainTextEdit(self)
        pane.setObjectName(name)
        pane.setReadOnly(True)
        pane.setPlainText(self.draft_text(draft))
        return pane

    def _copy_button(self, name: str, pane: QPlainTextEdit) -> QPushButton:
        button = QPushButton(self.tr("Copy selected text"), self)
        button.setObjectName(name)
        button.setToolTip(self.tr("Copy the selection to paste it into the draft"))
        button.clicked.connect(lambda: self.copy_selection(pane))
        return button

    def _button(self, name: str, text: str, choice: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def copy_selection(self, pane: QPlainTextEdit) -> str:
        text = pane.textCursor().selectedText().replace("\u2029", "\n") or pane.toPlainText()
        QGuiApplication.clipboard().setText(text)
        return text

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def draft_text(self, draft: Draft | None) -> str:
        """The draft's sections and blocks as plain text (a template block as a placeholder:
        both sides render the same template)."""
        if draft is None:
            return ""
        captions = {
            "greeting": self.tr("Opening"), "status": self.tr("Current situation"),
            "plan": self.tr("Next steps"), "closing": self.tr("Closing"),
        }  # fmt: skip
        parts: list[str] = []
        if draft.salutation:
            parts.append(draft.salutation)
        for section in SECTIONS:
            lines = [
                b.text if b.kind != "template" else self.tr("[template text]")
                for b in draft.sections.get(section, [])
            ]
            parts.append(f"【{captions[section]}】\n" + "\n".join(lines))
        return "\n\n".join(parts)


def resolve_conflict(
    parent: QWidget, context: AppContext, model: DraftModel, conflict: DraftConflict
) -> int | None:
    """Show the conflict; save as the clerk chose. The version now newest, or None (decided
    later: her text stays open, unsaved)."""
    dialog = DraftConflictDialog(conflict, parent)
    if not dialog.exec() or dialog.choice is None:
        return None
    return apply_choice(context, model, conflict, dialog.choice)


def apply_choice(
    context: AppContext, model: DraftModel, conflict: DraftConflict, choice: str
) -> int:
    """Keep mine: saved on top of theirs. Take theirs: mine saved first (in the history),
    then theirs restored as the newest and opened."""
    model.revision = conflict.revision
    note = QCoreApplication.translate(
        "DraftConflictDialog", "your text when {clerk} had saved version {version}"
    ).format(
        clerk=conflict.clerk, version=conflict.revision)  # fmt: skip
    if choice == KEEP_MINE:
        return model.save(context)
    model.save(context, note)
    restored = context.call(drafts.restore, conflict.case_id, conflict.revision)
    if model.case is not None:
        model.load(model.case, restored.draft, revision=restored.version)
    return restored.version
