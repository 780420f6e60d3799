"""The case dialog's paste panel: fill the fields from a pasted proposal or one read from a file.

The text goes through ``desktop.understand.proposal.understand_case_text`` (the proposal reader,
or for an earlier reply what it says of the proposal). A field is filled when it is empty or
still holds what an earlier paste put there; a field the clerk typed is never overwritten, and
when the text says something else the status line names it with the value found. A text that
is no proposal fills nothing and says so in one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from desktop.errors import ClerkError
from desktop.readers import SUPPORTED_SUFFIXES, read_document
from desktop.ui.case_fields import ERROR_STYLE
from desktop.ui.case_proposal_rows import CaseProposalRows
from desktop.ui.context import AppContext
from desktop.ui.file_dialogs import documents_folder
from desktop.understand.proposal import ProposalFields, understand_case_text


class CasePaste(CaseProposalRows):
    """What a paste or a file fills in :class:`desktop.ui.case_dialog.CaseDialog`."""

    context: AppContext
    paste: QPlainTextEdit
    paste_status: QLabel
    choose_file: QPushButton
    _paste_timer: QTimer
    _autofilled: dict[str, str]
    _role_touched: bool
    title: QLineEdit
    number: QLineEdit
    session: QLineEdit
    proposers: QLineEdit
    proposer_count: QSpinBox
    role: QComboBox
    content: QPlainTextEdit

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _choose_file(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Read the suggestion or proposal from a file"),
            str(documents_folder()),
            self.tr("Documents ({patterns})").format(patterns=patterns),
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Read a document in the background, then show its text and fill empty fields."""
        self.choose_file.setEnabled(False)
        self.paste_status.setStyleSheet("")
        self.paste_status.setText(self.tr("Reading {name}…").format(name=path.name))
        self.context.operation(read_document, path).success(
            lambda extracted: self._file_read(extracted, path.name)
        ).failure(self._file_failed).finished(
            lambda: self.choose_file.setEnabled(True)
        ).run_in_background()

    def _file_read(self, extracted: Any, name: str = "") -> None:
        lines: list[str] = list(extracted.lines)
        with QSignalBlocker(self.paste):
            self.paste.setPlainText("\n".join(lines))
        self._paste_timer.stop()
        self.fill_from_lines(lines, name)

    def _file_failed(self, exc: BaseException) -> None:
        self.paste_status.setStyleSheet(ERROR_STYLE)
        if not isinstance(exc, ClerkError):
            raise exc  # a programmer's error: the error dialog with its details
        self.paste_status.setText(exc.message)

    def fill_from_paste(self) -> list[str]:
        text = self.paste.toPlainText()
        if not text.strip():
            self.paste_status.setText("")
            return []
        return self.fill_from_lines(text.splitlines())

    def fill_from_lines(self, lines: list[str], name: str = "") -> list[str]:
        """Fill the fields from a proposal's text (or an earlier reply to it); returns the
        names of the fields filled. A field the clerk typed is kept, and the status says so
        when the text says something else."""
        found = understand_case_text(lines)
        if not found.has_fields:
            self._say_nothing(name)
            return []
        filled, kept = self._fill(found)
        self.paste_status.setStyleSheet("")
        parts = []
        if filled:
            parts.append(self.tr("Filled: {fields}.").format(fields=self.tr(", ").join(filled)))
        if kept:
            parts.append(
                self.tr("Kept what you typed: {fields}.").format(fields=self.tr(", ").join(kept))
            )
        if found.proposer_phone:
            parts.append(self.tr("Proposer's phone: {phone}.").format(phone=found.proposer_phone))
        self.paste_status.setText(
            " ".join(parts)
            if filled or kept
            else self.tr("Nothing new found for the empty fields.")
        )
        return filled

    def _say_nothing(self, name: str) -> None:
        self.paste_status.setStyleSheet(ERROR_STYLE)
        self.paste_status.setText(
            self.tr(
                "{name} does not look like a suggestion or proposal: no number, title or"
                " proposer found. Nothing was filled."
            ).format(name=name)
            if name
            else self.tr("No number, title or proposer found in this text. Nothing was filled.")
        )

    def _free(self, field: str, current: str) -> bool:
        """A field may be filled when it is empty or still holds what a paste put there."""
        return not current.strip() or self._autofilled.get(field) == current

    def _fill(self, found: ProposalFields) -> tuple[list[str], list[str]]:
        """(labels of the fields filled, "label (value found)" of typed fields kept)."""
        filled: list[str] = []
        kept: list[str] = []

        def fill_text(field: str, current: str, value: str, label: str) -> bool:
            if not value or current == value:
                return False
            if not self._free(field, current):
                shown = value if len(value) <= 30 else value[:29] + "…"
                kept.append(
                    self.tr("{field} (the text says “{value}”)").format(field=label, value=shown)
                )
                return False
            self._autofilled[field] = value
            filled.append(label)
            return True

        for field, edit, value, label in (
            ("title", self.title, found.title, self.tr("title")),
            ("number", self.number, found.number, self.tr("number")),
            ("session", self.session, found.session, self.tr("session")),
            ("proposers", self.proposers, "、".join(found.proposers), self.tr("proposers")),
            ("seconders", self.seconders, "、".join(found.seconders), self.tr("seconders")),
            ("delegation", self.delegation, found.delegation, self.tr("delegation")),
        ):
            if fill_text(field, edit.text(), value, label):
                edit.setText(value)
        if not found.reply and fill_text(
            "content", self.content.toPlainText(), found.content, self.tr("content")
        ):
            self.content.setPlainText(found.content)
        self._fill_choices(found, filled)
        return filled, kept

    def _fill_choices(self, found: ProposalFields, filled: list[str]) -> None:
        """The number of proposers, the role and the kind: set unless the clerk chose."""
        count = found.proposer_count or 0
        shown = self.proposer_count.value()
        if count and shown != count and (shown == 0 or self._autofilled.get("count") == str(shown)):
            self.proposer_count.setValue(count)
            self._autofilled["count"] = str(count)
            filled.append(self.tr("number of proposers"))
        role = found.role if found.role in ("代表", "委员") else None
        if role and not self._role_touched and self.role.currentData() != role:
            self._select(self.role, role)
            filled.append(self.tr("role"))
        kind = self.kind.currentData() or ""
        if found.kind and found.kind != kind and self._free("kind", kind):
            self._select(self.kind, found.kind)
            self._autofilled["kind"] = found.kind
            filled.append(self.tr("kind"))
