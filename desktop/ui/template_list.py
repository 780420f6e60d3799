"""The Templates tab's list as a model: each section's name (bold), then its templates
indented below it — "Default", "Category B", "Co-organizer opinion" … with "(edited)" for the
clerk's copy (in italics) and "*" for changes not saved yet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.ui.indented_rows import IndentedRowDelegate

NAME_ROLE = Qt.ItemDataRole.UserRole  # a template's file name; None on a section's row

Index = QModelIndex | QPersistentModelIndex


class TemplateListModel(QAbstractListModel):
    """Rows: a section, then its templates. ``is_edited(name)`` says whether the clerk has a
    copy of a template, ``is_unsaved(name)`` whether it has changes not written yet."""

    def __init__(
        self,
        is_edited: Callable[[str], bool],
        is_unsaved: Callable[[str], bool],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._is_edited = is_edited
        self._is_unsaved = is_unsaved
        self._rows: list[tuple[str, str | None]] = []  # (section, template name or None)

    def set_names(self, names: Sequence[str]) -> None:
        """The templates in list order (grouped by section)."""
        rows: list[tuple[str, str | None]] = []
        for name in names:
            section = name.split(".")[0]
            if not rows or rows[-1][0] != section:  # the names come grouped by section
                rows.append((section, None))
            rows.append((section, name))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, name: str) -> int | None:
        return next((r for r, (_s, n) in enumerate(self._rows) if n == name), None)

    def first_template_row(self, row: int) -> int | None:
        """The row of the first template at or after ``row`` (a section's default)."""
        return next((r for r in range(row, len(self._rows)) if self._rows[r][1]), None)

    def refresh(self, name: str) -> None:
        """A template was edited, saved or restored: its label and font follow."""
        row = self.row_of(name)
        if row is not None:
            self.dataChanged.emit(self.index(row), self.index(row))

    # ------------------------------------------------------------------ labels
    def section_label(self, section: str) -> str:
        return {
            "title": self.tr("Title"),
            "salutation": self.tr("Salutation"),
            "greeting": self.tr("Greeting"),
            "status": self.tr("What was done"),
            "plan": self.tr("Next steps"),
            "closing": self.tr("Closing"),
            "contact": self.tr("Contact note"),
        }.get(section, section)

    def variant_label(self, name: str) -> str:
        _section, *variants = name.removesuffix(".j2").split(".")
        if not variants:
            return self.tr("Default")
        parts = [
            self.tr("Co-organizer opinion")
            if v == "co"
            else self.tr("Category {code}").format(code=v)
            for v in variants
        ]
        return self.tr(", ").join(parts)

    def template_label(self, name: str) -> str:
        text = self.variant_label(name)
        if self._is_edited(name):
            text += " " + self.tr("(edited)")
        if self._is_unsaved(name):
            text += " *"
        return text

    # ------------------------------------------------------------------ the model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        section, name = self._rows[index.row()]
        if role == NAME_ROLE:
            return name
        if role == Qt.ItemDataRole.DisplayRole:
            return self.section_label(section) if name is None else self.template_label(name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return name
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if name is None:
                font.setBold(True)
            else:
                font.setItalic(self._is_edited(name))
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()][1] is None:  # a section: choosing it shows its default
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class TemplateListDelegate(IndentedRowDelegate):
    """Indents the templates below their section's name, as the tree it replaced did."""

    INDENT = 14

    def level(self, index: Index) -> int:
        return 0 if index.data(NAME_ROLE) is None else 1
