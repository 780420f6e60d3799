"""The saved versions of the open case's draft: when, where from, what changed; restore one.

Every save of a draft is a version (``draft_versions``): the window's saves, the command
line's ``replydesk draft --update``, a restore, the recovery of a draft after a crash. The
dialog lists them, shows the letter text of the chosen version against the current draft or
the version before it (paragraph by paragraph; a changed paragraph shows its changed
characters), and restores one by saving it again as the newest version. Unsaved edits are
saved as a version of their own first, so a restore never loses anything.
"""

from __future__ import annotations

import difflib
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import timestamps
from desktop.actions import drafts
from desktop.casework import Case, Draft
from desktop.compose import compose

if TYPE_CHECKING:
    from desktop.ui.context import AppContext
    from desktop.ui.draft_model import DraftModel

_DEL = "background:#fbdada; color:#8b0000; text-decoration:line-through;"
_INS = "background:#d4f4d4; color:#064006;"


def letter_lines(context: AppContext, case: Case, draft: Draft) -> list[str]:
    """The letter text a draft gives for a case: salutation and body paragraphs."""
    comp = compose(case, context.profile(), draft, templates=context.templates)
    return [comp.letter.salutation, *(p.text for p in comp.letter.paragraphs)]


def _chars(old: str, new: str) -> str:
    """One changed paragraph: removed characters struck out red, added ones green."""
    out = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(html.escape(old[i1:i2]))
            continue
        if i2 > i1:
            out.append(f'<span style="{_DEL}">{html.escape(old[i1:i2])}</span>')
        if j2 > j1:
            out.append(f'<span style="{_INS}">{html.escape(new[j1:j2])}</span>')
    return "".join(out)


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.5


def diff_counts(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """Paragraphs (added, removed, changed) from ``old`` to ``new``."""
    added = removed = changed = 0
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "insert":
            added += j2 - j1
        elif tag == "delete":
            removed += i2 - i1
        elif tag == "replace":
            pairs = min(i2 - i1, j2 - j1)
            changed += pairs
            added += (j2 - j1) - pairs
            removed += (i2 - i1) - pairs
    return added, removed, changed


def _para(body: str, style: str = "", mark: str = "") -> str:
    return f'<p style="margin:0 0 6px 0; {style}"><span style="color:#777">{mark}</span>{body}</p>'


def _removed(texts: list[str]) -> list[str]:
    return [_para(html.escape(text), _DEL, "－ ") for text in texts]


def _added(texts: list[str]) -> list[str]:
    return [_para(html.escape(text), _INS, "＋ ") for text in texts]


def _replaced(old: list[str], new: list[str]) -> list[str]:
    """Paragraphs paired in order: a small change shown character by character, a rewritten
    paragraph (which reads better whole than as scattered characters) as removed and added."""
    rows: list[str] = []
    pairs = min(len(old), len(new))
    for a, b in zip(old[:pairs], new[:pairs], strict=True):
        if _similar(a, b):
            rows.append(_para(_chars(a, b), "", "～ "))
        else:
            rows += _removed([a]) + _added([b])
    return rows + _removed(old[pairs:]) + _added(new[pairs:])


def diff_html(old: list[str], new: list[str]) -> str:
    """``old`` → ``new`` paragraph by paragraph, as HTML for a QTextBrowser."""
    rows: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [_para(html.escape(text), "color:#444;", "　 ") for text in old[i1:i2]]
        else:  # delete and insert are a replace with one side empty
            rows += _replaced(old[i1:i2], new[j1:j2])
    return "".join(rows)


def _machine_note(note: str) -> bool:
    """Notes the program wrote that the source column already says."""
    return note == "replydesk draft" or (note.startswith("恢复自第") and note.endswith("版"))


class VersionsDialog(QDialog):
    restored = Signal(int)  # the new version number a restore saved

    VERSION, SAVED, SOURCE, NOTE = range(4)

    def __init__(self, context: AppContext, model: DraftModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("versionsDialog")
        self.context = context
        self.model = model
        assert model.case is not None and model.case.id is not None
        self.case: Case = model.case
        self.case_id: int = model.case.id
        self.setWindowTitle(
            self.tr("Versions of the draft — No. {number}").format(number=self.case.number)
        )

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._version_table())
        splitter.addWidget(self._diff_side())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 520])

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._buttons())
        screen = self.screen().availableGeometry() if self.screen() else None
        width = min(940, int(screen.width() * 0.9)) if screen else 940
        height = min(600, int(screen.height() * 0.85)) if screen else 600
        self.resize(width, height)
        self.reload()

    def _version_table(self) -> QTableWidget:
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("versionList")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Version"), self.tr("Saved"), self.tr("Where from"), self.tr("Note")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda *_: self._show_diff())
        return self.table

    def _diff_side(self) -> QWidget:
        """What the chosen version changed, compared with the draft now or the version before."""
        self.compare = QComboBox(self)
        self.compare.setObjectName("versionCompare")
        self.compare.addItem(self.tr("with the draft as it is now"), "current")
        self.compare.addItem(self.tr("with the version before it"), "previous")
        self.compare.currentIndexChanged.connect(lambda _i: self._show_diff())
        self.summary = QLabel(self)
        self.summary.setObjectName("versionSummary")
        self.summary.setWordWrap(True)
        self.diff = QTextBrowser(self)
        self.diff.setObjectName("versionDiff")

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Compare the chosen version"), self))
        row.addWidget(self.compare, 1)
        right_layout.addLayout(row)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.diff, 1)
        return right

    def _buttons(self) -> QDialogButtonBox:
        self.restore_button = QPushButton(self.tr("Restore this version"), self)
        self.restore_button.setObjectName("restoreVersionButton")
        self.restore_button.setToolTip(
            self.tr("Saves the chosen version again as the newest one; nothing is deleted.")
        )
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        return buttons

    # ------------------------------------------------------------------ data
    def source_text(self, source: str, restored_from: int | None) -> str:
        if source == "restore" and restored_from is not None:
            return self.tr("Restored from version {n}").format(n=restored_from)
        return {
            "window": self.tr("Saved in the window"),
            "exit": self.tr("Saved when the window closed"),
            "cli": self.tr("Command line (replydesk draft)"),
            "restore": self.tr("Restored from an older version"),
            "recovery": self.tr("Recovered after ReplyDesk closed unexpectedly"),
            "backup": self.tr("Saved before restoring a backup"),
            "copy": self.tr("Copied from another case"),
        }.get(source, self.tr("Not recorded (saved before this was kept)"))

    def reload(self, select: int | None = None) -> None:
        self.versions = self.context.call(drafts.versions, self.case_id)
        self.table.setRowCount(len(self.versions))
        # Newest first: the version a clerk looks for is usually one of the last few.
        for row, v in enumerate(reversed(self.versions)):
            cells = [
                str(v.version),
                timestamps.local_text(str(v.saved_at), sep=" "),
                self.source_text(v.source, v.restored_from),
                "" if _machine_note(v.note) else (v.note or ""),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, v.version)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if self.versions:
            target = 0
            if select is not None:
                numbers = [v.version for v in reversed(self.versions)]
                target = numbers.index(select) if select in numbers else 0
            self.table.setCurrentCell(target, 0)
        self.restore_button.setEnabled(bool(self.versions) and not self.model.read_only)
        if self.model.read_only:  # a sent case: its draft changes only after it is reopened
            self.restore_button.setToolTip(self.tr("The case was replied to: reopen it first."))
        self._show_diff()

    def selected_version(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _lines(self, draft: Draft | None) -> list[str]:
        return letter_lines(self.context, self.case, draft) if draft is not None else []

    def _show_diff(self) -> None:
        version = self.selected_version()
        if version is None:
            self.summary.setText(self.tr("No version of this draft has been saved yet."))
            self.diff.clear()
            return
        chosen = self._lines(self.context.call(drafts.load, self.case_id, version))
        if self.compare.currentData() == "previous":
            older = [v.version for v in self.versions if v.version < version]
            if not older:
                self.summary.setText(self.tr("Version {n} is the first one.").format(n=version))
                self.diff.setHtml(diff_html([], chosen))
                return
            base = self._lines(self.context.call(drafts.load, self.case_id, older[-1]))
            old, new = base, chosen
            label = self.tr("Version {old} → version {new}").format(old=older[-1], new=version)
        else:
            # What restoring the chosen version would change in the draft as it is now.
            old, new = letter_lines(self.context, self.case, self.model.draft), chosen
            label = self.tr("The draft now → version {new}").format(new=version)
        added, removed, changed = diff_counts(old, new)
        if not (added or removed or changed):
            self.summary.setText(label + self.tr(": the same text."))
        else:
            self.summary.setText(
                label
                + self.tr(": {added} paragraph(s) added, {removed} removed, {changed} changed.")
                .format(added=added, removed=removed, changed=changed)
            )  # fmt: skip
        self.diff.setHtml(diff_html(old, new))

    # ------------------------------------------------------------------ restore
    def restore_selected(self) -> int | None:
        """Save the chosen version as the newest and open it; unsaved edits are saved as a
        version of their own first. Returns the new version number."""
        version = self.selected_version()
        if version is None or self.model.read_only:
            return None
        if self.model.is_modified():
            self.model.save(self.context, self.tr("saved before restoring version %1").replace(
                "%1", str(version)))  # fmt: skip
        restored = self.context.call(drafts.restore, self.case_id, version)
        new = restored.version
        self.model.load(self.case, restored.draft)
        self.reload(select=new)
        self.summary.setText(
            self.tr("Version {old} was restored as version {new}.").format(old=version, new=new)
        )
        self.restored.emit(new)
        return new
