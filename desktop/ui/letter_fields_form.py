"""The inspector's form of a stored letter's fields: one row per field, a value the clerk can
edit, an amber mark on a value the program was not sure of (with the rule and the source line
that gave it, and 确认 to record it as the clerk's), and a note on values the clerk corrected.

The form changes nothing itself: it emits ``fieldEdited(name, value)``, ``fieldConfirmed(name,
value)`` and ``kindChosen(kind)`` and is filled again from the store by :meth:`load`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from desktop.dates import parse_date
from desktop.library_rows import LetterDetail

UNCERTAIN_STYLE = "background:#ffe7a3; border:1px solid #e0a800; border-radius:3px; padding:0 4px"
CORRECTED_STYLE = "color:#2e7d32"
CLERK_RULE = "clerk"  # the store's rule for a value the clerk set
UNCERTAIN_EDIT = "QLineEdit { background:#fff6db; border:1px solid #e0a800; }"

# Fields shown, in the order a clerk reads a reply. Lists are edited as "、"-separated text.
FIELDS = (
    "addressee",
    "addressee_role",
    "addressee_count",
    "proposal_number",
    "proposal_title",
    "title",
    "session",
    "agency",
    "main_organizer",
    "co_organizers",
    "reply_date",
    "category",
    "doc_number",
    "contact_name",
    "contact_phone",
)
LIST_FIELDS = ("addressee", "co_organizers")


def to_text(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name in LIST_FIELDS and isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def from_text(name: str, text: str) -> Any:
    """The value to store for what the clerk typed (lists split on 、，, and spaces)."""
    text = text.strip()
    if name in LIST_FIELDS:
        for sep in ("，", ",", "；", ";", " "):
            text = text.replace(sep, "、")
        return [part for part in text.split("、") if part]
    if name == "addressee_count":
        return int(text) if text.isdigit() else (text or None)
    if name == "reply_date" and text:
        return parse_date(text) or text  # 2020年5月29日 as typed; the store refuses nonsense
    return text or None


class _FieldEdit(QLineEdit):
    """A field's value; ``committed`` when the clerk leaves it or presses Enter with a
    changed value (typing alone changes nothing in the library)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.stored = ""
        self.setObjectName(f"field_{name}")

    def set_stored(self, text: str) -> None:
        self.stored = text
        self.setText(text)
        self.setCursorPosition(0)

    def changed(self) -> bool:
        return self.text().strip() != self.stored.strip()


class LetterFieldsForm(QWidget):
    fieldEdited = Signal(str, object)  # name, new value
    fieldConfirmed = Signal(str, object)  # name, value as shown
    kindChosen = Signal(str)  # "reply" | "reference"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterFields")
        self.labels = {
            "kind": self.tr("Type"),
            "addressee": self.tr("Addressed to"),
            "addressee_role": self.tr("Role"),
            "addressee_count": self.tr("Number of proposers"),
            "proposal_number": self.tr("Suggestion/proposal number"),
            "proposal_title": self.tr("Suggestion/proposal title"),
            "title": self.tr("Document title"),
            "session": self.tr("Session"),
            "agency": self.tr("Replying agency"),
            "main_organizer": self.tr("Main organizer"),
            "co_organizers": self.tr("Co-organizers"),
            "reply_date": self.tr("Reply date"),
            "category": self.tr("Category"),
            "doc_number": self.tr("Document number"),
            "contact_name": self.tr("Contact person"),
            "contact_phone": self.tr("Phone"),
        }
        self.detail: LetterDetail | None = None
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind = QComboBox()
        self.kind.setObjectName("field_kind")
        self.kind.addItem(self.tr("Reply"), "reply")
        self.kind.addItem(self.tr("Reference material"), "reference")
        self.kind.activated.connect(self._kind_activated)
        self.edits: dict[str, _FieldEdit] = {}
        self.marks: dict[str, QLabel] = {}
        self.confirm_buttons: dict[str, QToolButton] = {}
        self.corrected: dict[str, QLabel] = {}
        for name in ("kind", *FIELDS):
            editor: QWidget
            if name == "kind":
                editor = self.kind
            else:
                edit = _FieldEdit(name)
                edit.editingFinished.connect(lambda e=edit: self._commit(e))
                self.edits[name] = edit
                editor = edit
            mark = QLabel(self.tr("Check"))
            mark.setObjectName(f"uncertain_{name}")
            mark.setStyleSheet(UNCERTAIN_STYLE)
            confirm = QToolButton()
            confirm.setObjectName(f"confirm_{name}")
            confirm.setText(self.tr("Confirm"))
            confirm.setToolTip(self.tr("The value is right: record it as yours"))
            confirm.clicked.connect(lambda _c=False, n=name: self._confirm(n))
            corrected = QLabel(self.tr("Corrected"))
            corrected.setObjectName(f"corrected_{name}")
            corrected.setStyleSheet(CORRECTED_STYLE)
            corrected.setToolTip(self.tr("You corrected this value; re-reading keeps it"))
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(editor, 1)
            for w in (mark, confirm, corrected):
                w.hide()
                row.addWidget(w)
            self.marks[name] = mark
            self.confirm_buttons[name] = confirm
            self.corrected[name] = corrected
            label = QLabel(self.labels[name])
            label.setBuddy(editor)
            layout.addRow(label, row)

    # ----------------------------------------------------------------- filling
    def load(self, detail: LetterDetail) -> None:
        self.detail = detail
        self.kind.setCurrentIndex(max(0, self.kind.findData(detail.kind)))
        for name, edit in self.edits.items():
            edit.set_stored(to_text(name, getattr(detail, name)))
        sources = detail.sources
        corrected = set(detail.corrected)
        lines = detail.source_lines
        for name in ("kind", *FIELDS):
            source = sources.get(name) or {}
            uncertain = source.get("certain") is False and name not in corrected
            self.marks[name].setVisible(uncertain)
            self.confirm_buttons[name].setVisible(uncertain)
            self.corrected[name].setVisible(name in corrected)
            editor = self.kind if name == "kind" else self.edits[name]
            tips = self.source_tip(source, lines) if source else []
            if uncertain:
                tips.insert(0, self.tr("The program is not sure of this value; please check it."))
            suggestion = self.suggestion(name) if uncertain else None
            if name != "kind":
                # a value read but not stored (a date that lost its 年月日) is offered
                self.edits[name].setPlaceholderText(
                    self.tr("Possibly %1").replace("%1", suggestion) if suggestion else ""
                )
            self.confirm_buttons[name].setText(
                self.tr("Use it") if suggestion else self.tr("Confirm")
            )
            tip = "\n".join(tips)
            self.marks[name].setToolTip(tip)
            editor.setToolTip(tip)
            if name != "kind":
                editor.setStyleSheet(UNCERTAIN_EDIT if uncertain else "")

    def source_tip(self, source: dict[str, Any], lines: list[str]) -> list[str]:
        """Where the value came from: the rule, and the line when there is one."""
        if source.get("rule") == CLERK_RULE:
            return [self.corrected["kind"].toolTip()]
        tips = [self.tr("Rule: %1").replace("%1", str(source.get("rule") or "—"))]
        line = source.get("line")
        if isinstance(line, int):
            text = lines[line] if 0 <= line < len(lines) else ""
            tips.append(self.tr("Line %1: %2").replace("%1", str(line + 1)).replace("%2", text))
        return tips

    def suggestion(self, name: str) -> str | None:
        """The value the program read but did not store, while the field is still empty."""
        source = (self.detail.sources if self.detail else {}).get(name) or {}
        value = source.get("suggestion")
        if not isinstance(value, str) or name == "kind" or self.edits[name].stored.strip():
            return None
        return value

    def is_uncertain(self, name: str) -> bool:
        return not self.marks[name].isHidden()

    def is_corrected(self, name: str) -> bool:
        return not self.corrected[name].isHidden()

    # ----------------------------------------------------------------- clerk's actions
    def _commit(self, edit: _FieldEdit) -> None:
        if not edit.changed():
            return
        edit.stored = edit.text()  # the same value again (editingFinished twice) is no change
        self.fieldEdited.emit(edit.name, from_text(edit.name, edit.text()))

    def _kind_activated(self, _index: int) -> None:
        kind = self.kind.currentData()
        if self.detail is not None and kind != self.detail.kind:
            self.kindChosen.emit(kind)

    def _confirm(self, name: str) -> None:
        if name == "kind":
            self.fieldConfirmed.emit(name, self.detail.kind if self.detail else None)
            return
        edit = self.edits[name]
        suggestion = self.suggestion(name)
        text = edit.text() if edit.text().strip() or not suggestion else suggestion
        self.fieldConfirmed.emit(name, from_text(name, text))
