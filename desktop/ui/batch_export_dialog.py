"""Export every answered case of a session (File → Export all answered cases…): DOCX, PDF where
LibreOffice is present, and the plain-text bodies in one folder, with progress and Stop.

The export runs as an :class:`~desktop.ui.operations.Operation` over
:func:`desktop.actions.batch_export.export_answered`; Stop ends it between two cases (the
files already written stay). A file that cannot be written gets a red row with its reason and
the rest go on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import batch_export
from desktop.actions.batch_export import BatchFile, BatchResult, BatchStep
from desktop.actions.cases import sessions
from desktop.errors import ClerkError
from desktop.soffice import find_soffice
from desktop.ui.context import AppContext
from desktop.ui.file_dialogs import documents_folder
from desktop.ui.operation_dialog import OperationDialog
from desktop.ui.operations import Cancelled

FAILED_COLOUR = QColor("#c62828")
FOLDER_KEY = "batch_export/folder"


class BatchExportDialog(OperationDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:  # fmt: skip
        super().__init__(context, parent)
        self.settings = settings or QSettings()
        self.outcome: BatchResult | None = None
        self.files: list[BatchFile] = []
        self.setObjectName("batchExportDialog")
        self.setWindowTitle(self.tr("Export all answered cases"))
        self.resize(760, 520)
        form = self._make_choices()
        self._make_progress()
        buttons = self._make_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.current)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self._update_buttons()

    def _make_choices(self) -> QFormLayout:
        self.session = QComboBox()
        self.session.setObjectName("batchSession")
        for name in self.context.call(sessions):
            self.session.addItem(name, name)
        self.session.addItem(self.tr("All sessions"), "")
        self.folder = QLineEdit(str(self.settings.value(FOLDER_KEY) or documents_folder()))
        self.folder.setObjectName("batchFolder")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.pdf = QCheckBox(self.tr("Also PDF (through LibreOffice)"))
        self.pdf.setObjectName("batchPdf")
        if find_soffice() is None:
            self.pdf.setEnabled(False)
            self.pdf.setToolTip(self.tr("LibreOffice is not installed: no PDFs."))
        form = QFormLayout()
        form.addRow(self.tr("Session:"), self.session)
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow("", self.pdf)
        return form

    def _make_progress(self) -> None:
        self.progress = QProgressBar()
        self.progress.setObjectName("batchProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.current = QLabel()
        self.current.setObjectName("batchCurrent")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("batchResults")
        self.table.setHorizontalHeaderLabels([self.tr("Case"), self.tr("File"), self.tr("Note")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(1, 320)
        self.summary = QLabel()
        self.summary.setObjectName("batchSummary")
        self.summary.setWordWrap(True)

    def _make_buttons(self) -> QHBoxLayout:
        self.start_button = QPushButton(self.tr("Export"))
        self.start_button.setObjectName("batchStart")
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.setObjectName("batchCancel")
        self.close_button = QPushButton(self.tr("Close"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        return self._button_row(self.start_button, self.cancel_button, self.close_button)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"),
                                                  self.folder.text())  # fmt: skip
        if folder:
            self.folder.setText(folder)

    # ------------------------------------------------------------------ running

    def start(self) -> None:
        folder = self.folder.text().strip()
        if self.running or not folder:
            return
        self.files, self.outcome = [], None
        self.table.setRowCount(0)
        self.summary.clear()
        self.progress.setRange(0, 0)
        self.current.setText(self.tr("Exporting…"))
        self.settings.setValue(FOLDER_KEY, folder)
        self._run(batch_export.export_answered, session=self.session.currentData() or None,
                  folder=Path(folder), pdf=self.pdf.isChecked(),
                  templates=self.context.templates)  # fmt: skip

    def _show_stopping(self) -> None:
        self.current.setText(self.tr("Stopping after the current case…"))

    def _on_progress(self, value: object) -> None:
        if not isinstance(value, BatchStep):
            return
        self.progress.setRange(0, value.total)
        self.progress.setValue(value.done)
        if not self._cancelling:
            self.current.setText(self.tr("Exported %1 of %2 cases").replace(
                "%1", str(value.done)).replace("%2", str(value.total)))  # fmt: skip
        for f in value.files:
            self._add_row(f)

    def _add_row(self, f: BatchFile) -> None:
        self.files.append(f)
        row = self.table.rowCount()
        self.table.insertRow(row)
        items = [QTableWidgetItem(f.number), QTableWidgetItem(Path(f.path).name),
                 QTableWidgetItem(f.error or self.tr("Written"))]  # fmt: skip
        for column, item in enumerate(items):
            item.setToolTip(f.path if column == 1 else item.text())
            if f.error is not None:
                item.setForeground(QBrush(FAILED_COLOUR))
            self.table.setItem(row, column, item)

    def _on_success(self, value: object) -> None:
        if isinstance(value, BatchResult):
            self.outcome = value
            text = self.tr("%1 case(s): %2 file(s) written, %3 not written. Folder: %4")
            for i, part in enumerate((value.cases, len(value.written), len(value.failed),
                                      value.folder), start=1):  # fmt: skip
                text = text.replace(f"%{i}", str(part))
            if value.pdf_skipped:
                text += " " + self.tr("LibreOffice is not installed: no PDFs.")
            self.summary.setText(text)
            self.current.setText(self.tr("Done."))

    def _on_failure(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.current.setText(self.tr("Stopped: the files already written stay."))
            self.summary.setText(self.tr("%1 file(s) written before stopping.").replace(
                "%1", str(sum(f.error is None for f in self.files))))  # fmt: skip
            return
        if isinstance(exc, ClerkError):
            self.current.setText(exc.message)
            return
        self.current.setText(
            self.tr("The export stopped because of an internal error; the details are in the log.")
        )

    def _operation_ended(self) -> None:
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)

    def _update_buttons(self) -> None:
        self.start_button.setEnabled(not self.running)
        self.cancel_button.setEnabled(self.running and not self._cancelling)
        self.session.setEnabled(not self.running)
        self.folder.setEnabled(not self.running)
