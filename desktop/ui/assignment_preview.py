"""The two tables of the assignment-list dialog: the column mapping and the preview.

:class:`MappingTable` lists the sheet's columns, each with its header text and a combo box
naming the case field it fills (or none); changing a combo emits ``mappingChanged`` with the
whole mapping, a field taken from another column leaves that column unused (each field comes
from one column). :class:`PreviewTable` shows every row read from the list: whether it becomes
a new case, updates one already in the library or cannot be imported (with the reason).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.actions.assignment import ListPreview
from desktop.assignment.columns import FIELDS
from desktop.assignment.rows import ListRow

PROBLEM_COLOUR = QColor("#c62828")
NOTE_COLOUR = QColor("#8d6e00")


class MappingTable(QTableWidget):
    mappingChanged = Signal(object)  # {column: field} (a dict with int keys: not a QVariantMap)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("assignmentMapping")
        self.setHorizontalHeaderLabels([self.tr("Column in the list"), self.tr("Case field")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        self._filling = False

    def show_mapping(self, labels: tuple[str, ...], mapping: dict[int, str]) -> None:
        self._filling = True
        self.setRowCount(len(labels))
        self.combos = []
        for col, label in enumerate(labels):
            letter = _column_letter(col)
            label = " ".join(label.split())  # "办理\n期限" on one line
            item = QTableWidgetItem(f"{letter}  {label}" if label else letter)
            self.setItem(col, 0, item)
            combo = QComboBox(self)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setObjectName(f"assignmentField{col}")
            combo.addItem(self.tr("(not imported)"), "")
            for key, name in FIELDS.items():
                combo.addItem(name, key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(col, ""))))
            combo.currentIndexChanged.connect(lambda _i, c=col: self._changed(c))
            self.setCellWidget(col, 1, combo)
            self.combos.append(combo)
        self._filling = False

    def mapping(self) -> dict[int, str]:
        return {col: str(c.currentData()) for col, c in enumerate(self.combos) if c.currentData()}

    def set_field(self, column: int, field: str) -> None:
        """Map ``column`` to ``field`` ("" for none) as the clerk's choice would."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def _changed(self, column: int) -> None:
        if self._filling:
            return
        field = self.combos[column].currentData()
        self._filling = True
        for col, combo in enumerate(self.combos):
            if col != column and field and combo.currentData() == field:
                combo.setCurrentIndex(0)  # each field comes from one column
        self._filling = False
        self.mappingChanged.emit(self.mapping())


def _column_letter(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class PreviewTable(QTableWidget):
    ROW, STATUS, NUMBER, TITLE, PROPOSER, ORGANIZER, ASSIGNED, DUE, NOTE = range(9)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 9, parent)
        self.setObjectName("assignmentPreview")
        self.setHorizontalHeaderLabels([
            self.tr("Row"), self.tr("Import as"), self.tr("Number"), self.tr("Title"),
            self.tr("Proposer"), self.tr("Our role"), self.tr("Assigned"), self.tr("Due"),
            self.tr("Problem or note"),
        ])  # fmt: skip
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def show_rows(self, preview: ListPreview) -> None:
        rows = preview.parsed.rows
        self.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for col, text in enumerate(self._texts(row, preview)):
                item = QTableWidgetItem(text)
                if col in (self.TITLE, self.NOTE) and text:
                    item.setToolTip(text)  # shown whole where the column cuts it
                if row.case is None:
                    item.setForeground(QBrush(PROBLEM_COLOUR))
                elif row.note and col == self.NOTE:
                    item.setForeground(QBrush(NOTE_COLOUR))
                self.setItem(index, col, item)
        self.setColumnWidth(self.TITLE, 250)

    def _texts(self, row: ListRow, preview: ListPreview) -> list[str]:
        case = row.case
        if case is None:
            return [
                str(row.row), self.tr("Not imported"), row.number_text, row.title_text,
                "", "", "", "", row.problem,
            ]  # fmt: skip
        existing = preview.existing_id(case)
        status = self.tr("Update") if existing is not None else self.tr("New")
        role = self.tr("Main") if case.organizer == "main" else self.tr("Co-organizer")
        return [
            str(row.row), status, case.number, case.title, case.proposers_field, role,
            case.assigned_date or "", case.due_date or "", row.note,
        ]  # fmt: skip

    def statuses(self) -> list[str]:
        items = [self.item(r, self.STATUS) for r in range(self.rowCount())]
        return [item.text() if item is not None else "" for item in items]


__all__ = ["MappingTable", "PreviewTable"]
