"""The case dialog's paste panel: fill the empty fields from a pasted text or a chosen file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from desktop.errors import ClerkError
from desktop.model import ParsedLetter
from desktop.readers import SUPPORTED_SUFFIXES, read_document
from desktop.ui.case_fields import ERROR_STYLE
from desktop.ui.context import AppContext
from desktop.ui.file_dialogs import documents_folder
from desktop.understand import parse_letter


class CasePaste(QDialog):
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

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _choose_file(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the suggestion or reply"),
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
        self.context.operation(read_document, path).success(self._file_read).failure(
            self._file_failed
        ).finished(lambda: self.choose_file.setEnabled(True)).run_in_background()

    def _file_read(self, extracted: Any) -> None:
        lines: list[str] = list(extracted.lines)
        with QSignalBlocker(self.paste):
            self.paste.setPlainText("\n".join(lines))
        self._paste_timer.stop()
        self.fill_from_lines(lines)

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

    def fill_from_lines(self, lines: list[str]) -> list[str]:
        """Fill the empty fields from a parsed text; returns the names of the fields filled."""
        parsed = parse_letter(lines)
        filled = self._fill(parsed)
        self.paste_status.setStyleSheet("")
        if filled:
            self.paste_status.setText(
                self.tr("Filled: {fields}.").format(fields=self.tr(", ").join(filled))
            )
        else:
            self.paste_status.setText(
                self.tr("Nothing new found for the empty fields.")
                if self._found_anything(parsed)
                else self.tr("No number, title or proposer found in this text.")
            )
        return filled

    @staticmethod
    def _found_anything(parsed: ParsedLetter) -> bool:
        return bool(
            parsed.proposal_title or parsed.proposal_number or parsed.session or parsed.addressee
        )

    def _free(self, field: str, current: str) -> bool:
        """A field may be filled when it is empty or still holds what a paste put there."""
        return not current.strip() or self._autofilled.get(field) == current

    def _fill(self, parsed: ParsedLetter) -> list[str]:
        filled: list[str] = []

        def fill_line(field: str, edit: QLineEdit, value: str | None, label: str) -> None:
            if value and self._free(field, edit.text()) and edit.text() != value:
                edit.setText(value)
                self._autofilled[field] = value
                filled.append(label)

        fill_line("title", self.title, parsed.proposal_title, self.tr("title"))
        fill_line("number", self.number, parsed.proposal_number, self.tr("number"))
        fill_line("session", self.session, parsed.session, self.tr("session"))
        role = parsed.addressee_role if parsed.addressee_role in ("代表", "委员") else None
        if role and parsed.addressee:
            fill_line(
                "proposers", self.proposers, "、".join(parsed.addressee), self.tr("proposers")
            )
            count = parsed.addressee_count or 0
            count = count if count > len(parsed.addressee) else 0
            shown = self.proposer_count.value()
            free = shown == 0 or self._autofilled.get("count") == str(shown)
            if count and free and shown != count:
                self.proposer_count.setValue(count)
                self._autofilled["count"] = str(count)
                filled.append(self.tr("number of proposers"))
        if role and not self._role_touched and self.role.currentData() != role:
            self._select(self.role, role)
            filled.append(self.tr("role"))
        return filled
