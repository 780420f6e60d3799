"""Import an assignment list (交办清单): choose the file, check the mapping and the preview,
then store the cases.

Reading the list (LibreOffice for .xls/.et can take seconds) and importing (the proposals'
texts are read from their folder first) run as operations (``ctx.operation``); re-mapping a
column or changing the session re-reads the rows already in memory on the UI thread. Nothing
is stored before 导入; the import is one transaction (``actions.assignment.import_list``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import assignment
from desktop.actions.assignment import ImportedList, ListPreview
from desktop.assignment.workbook import LIST_SUFFIXES
from desktop.ui.assignment_preview import MappingTable, PreviewTable
from desktop.ui.context import AppContext
from desktop.ui.errors import show_failure
from desktop.ui.file_dialogs import documents_folder
from desktop.ui.operation_dialog import OperationDialog


class AssignmentDialog(OperationDialog):
    """``listRead(preview)`` when a list was read, ``imported(result)`` after 导入."""

    can_stop = False  # one transaction: it completes or changes nothing
    listRead = Signal(object)
    imported = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("assignmentDialog")
        self.setWindowTitle(self.tr("Import assignment list"))
        self.resize(1100, 640)
        self.preview: ListPreview | None = None
        self.outcome: ImportedList | None = None

        intro = QLabel(
            self.tr(
                "Choose the assignment list (.xlsx, .xls, .et or .csv). Check which column "
                "fills which field and the rows below; nothing is stored until you press Import. "
                "A case already in the library with the same session and number is updated."
            )
        )
        intro.setWordWrap(True)
        self.mapping = MappingTable(self)
        self.mapping.mappingChanged.connect(self._remap)
        self.table = PreviewTable(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.mapping)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 800])
        self.summary = QLabel(self)
        self.summary.setObjectName("assignmentSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._form())
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addLayout(self._buttons())
        self._update_buttons()

    def _form(self) -> QFormLayout:
        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("assignmentFile")
        self.file_edit.setReadOnly(True)
        self.file_button = QPushButton(self.tr("Choose list…"), self)
        self.file_button.setObjectName("assignmentChooseFile")
        self.file_button.clicked.connect(self.choose_file)
        self.session_edit = QLineEdit(self)
        self.session_edit.setObjectName("assignmentSession")
        self.session_edit.setPlaceholderText(self.tr("The session the cases belong to"))
        self.session_edit.editingFinished.connect(self._session_changed)
        self.texts_edit = QLineEdit(self)
        self.texts_edit.setObjectName("assignmentTexts")
        self.texts_edit.setPlaceholderText(
            self.tr("Optional: the folder with the proposals' texts")
        )
        self.texts_button = QPushButton(self.tr("Choose folder…"), self)
        self.texts_button.setObjectName("assignmentChooseTexts")
        self.texts_button.clicked.connect(self.choose_texts)
        form = QFormLayout()
        form.addRow(self.tr("List:"), _row(self.file_edit, self.file_button))
        form.addRow(self.tr("Session:"), self.session_edit)
        form.addRow(self.tr("Proposal texts:"), _row(self.texts_edit, self.texts_button))
        return form

    def _buttons(self) -> QHBoxLayout:
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("assignmentImport")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("assignmentClose")
        self.close_button.clicked.connect(self.reject)
        return self._button_row(self.import_button, self.close_button)

    # ------------------------------------------------------------------ choosing

    def choose_file(self) -> None:
        patterns = " ".join(f"*{s}" for s in LIST_SUFFIXES)
        filters = ";;".join(
            [self.tr("Assignment lists ({patterns})").format(patterns=patterns),
             self.tr("All files (*)")]
        )  # fmt: skip
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the assignment list"), str(documents_folder()), filters
        )
        if name:
            self.load(Path(name))

    def choose_texts(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder of proposal texts"), str(documents_folder())
        )
        if folder:
            self.texts_edit.setText(folder)

    def load(self, path: Path) -> None:
        """Read the list in the background; the preview shows when it is read."""
        if self.running:
            return
        self.file_edit.setText(str(path))
        self.summary.setText(self.tr("Reading the list…"))
        self._run(assignment.read_list, path=path)

    # ------------------------------------------------------------------ preview

    def _show(self, preview: ListPreview) -> None:
        self.preview = preview
        self.outcome = None
        parsed = preview.parsed
        self.session_edit.setText(parsed.context.session)
        self.table.show_rows(preview)
        self.summary.setText(self._preview_summary(preview))
        self._update_buttons()

    def _preview_summary(self, preview: ListPreview) -> str:
        parsed = preview.parsed
        if parsed.missing:
            return self.tr(
                "No column is mapped to: {fields}. Choose it in the list on the left."
            ).format(fields="、".join(parsed.missing))
        cases = parsed.cases
        updates = sum(preview.existing_id(c) is not None for c in cases)
        text = self.tr("{total} cases to import: {new} new, {updates} updates.").format(
            total=len(cases), new=len(cases) - updates, updates=updates
        )
        if parsed.problems:
            text += " " + self.tr("{count} rows cannot be imported (in red).").format(
                count=len(parsed.problems)
            )
        return text

    def _remap(self, mapping: dict[int, str]) -> None:
        if self.preview is None or self.running:
            return
        self._show(self.context.call(assignment.remap, self.preview, mapping))

    def _session_changed(self) -> None:
        if self.preview is None or self.running:
            return
        session = self.session_edit.text().strip()
        if session != self.preview.parsed.context.session:
            self._show(self.context.call(assignment.with_session, self.preview, session))

    # ------------------------------------------------------------------ importing

    def start_import(self) -> None:
        if self.preview is None or self.running or not self._importable():
            return
        self._session_changed()
        folder = self.texts_edit.text().strip()
        self.summary.setText(self.tr("Importing…"))
        self._run(
            assignment.import_list, preview=self.preview, texts=Path(folder) if folder else None
        )

    def _importable(self) -> bool:
        return (
            self.preview is not None
            and not self.preview.parsed.missing
            and bool(self.preview.parsed.cases)
        )

    def _on_success(self, value: object) -> None:
        if isinstance(value, ListPreview):
            self.mapping.show_mapping(value.parsed.labels, value.parsed.mapping)
            self._show(value)
            self.listRead.emit(value)
            return
        if isinstance(value, ImportedList):
            self._imported(value)

    def _imported(self, result: ImportedList) -> None:
        self.outcome = result
        for case_id in result.updated_ids or (-1,):
            self.context.caseChanged.emit(case_id)  # the pane reloads, an open case too
        lines = [
            self.tr("Imported: {new} new cases, {updated} updated.").format(
                new=len(result.created), updated=len(result.updated)
            )
        ]
        if result.problems:
            lines.append(self.tr("Not imported: {rows}").format(rows="；".join(result.problems)))
        if result.attached:
            lines.append(
                self.tr("{count} proposal texts attached.").format(count=len(result.attached))
            )
        if result.unmatched:
            lines.append(self.tr("Not attached: {files}").format(files="；".join(result.unmatched)))
        self.summary.setText("\n".join(lines))
        if self.preview is not None:  # the rows are now in the library: they would update
            self._show(
                self.context.call(assignment.remap, self.preview, self.preview.parsed.mapping)
            )
            self.summary.setText("\n".join(lines))
        self.imported.emit(result)

    def _on_failure(self, exc: BaseException) -> None:
        self.summary.setText("")
        show_failure(self, exc)

    def _update_buttons(self) -> None:
        busy = self.running
        self.import_button.setEnabled(not busy and self._importable())
        self.file_button.setEnabled(not busy)
        self.texts_button.setEnabled(not busy)
        self.mapping.setEnabled(not busy and self.preview is not None)


def _row(edit: QLineEdit, button: QPushButton) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return box
