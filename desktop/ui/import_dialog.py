"""Import letters into the library: choose files and folders, watch the progress, stop.

The import runs as an :class:`~desktop.ui.operations.Operation` over
:func:`desktop.importer.import_paths` (one transaction per file), so the window stays
responsive; every file reports through the operation's progress signal and gets a row in the
result table. Cancel stops between two files: what was imported stays imported.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import imports
from desktop.actions.imports import ImportProgress, ImportResult
from desktop.errors import ClerkError
from desktop.readers import SUPPORTED_SUFFIXES
from desktop.ui.context import AppContext
from desktop.ui.file_dialogs import documents_folder
from desktop.ui.operation_dialog import OperationDialog
from desktop.ui.operations import Cancelled

STATUS_ROLE = Qt.ItemDataRole.UserRole  # the status column's raw status: imported/duplicate/failed
FAILED_COLOUR = QColor("#c62828")


class ImportDialog(OperationDialog):
    """``ImportDialog(context, paths)``: ``paths`` pre-fills the list (e.g. files dropped on
    the window). ``importFinished(imported, duplicates, failed, cancelled)`` is emitted when
    a run ends; ``context.libraryChanged`` when it imported anything. Closing while importing
    stops after the current file, then closes."""

    importFinished = Signal(int, int, int, bool)

    def __init__(
        self, context: AppContext, paths: list[Path] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import letters"))
        self.resize(760, 560)
        self.results: list[ImportResult] = []
        intro = QLabel(
            self.tr(
                "Add past replies and reference documents (.txt, .docx, .doc, .wps, .rtf, "
                "text PDFs, web pages saved as .html or .mht) or whole folders. Each file is "
                "imported on its own: stopping keeps the files already imported."
            )
        )
        intro.setWordWrap(True)
        paths_row = self._paths_row()
        self._make_progress()
        self._make_results()
        buttons = self._make_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(paths_row, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.current)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.path_list.itemSelectionChanged.connect(self._update_buttons)

        for path in paths or []:
            self.add_path(Path(path))
        self._update_buttons()

    def _paths_row(self) -> QHBoxLayout:
        """The files and folders to import, with the buttons that add and remove them."""
        self.path_list = QListWidget()
        self.path_list.setObjectName("importPaths")
        self.path_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_files_button.setObjectName("importAddFiles")
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.add_folder_button.setObjectName("importAddFolder")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("importRemove")
        chooser = QVBoxLayout()
        chooser.addWidget(self.add_files_button)
        chooser.addWidget(self.add_folder_button)
        chooser.addWidget(self.remove_button)
        chooser.addStretch(1)
        paths_row = QHBoxLayout()
        paths_row.addWidget(self.path_list, 1)
        paths_row.addLayout(chooser)
        return paths_row

    def _make_progress(self) -> None:
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m files"))
        self.progress.setTextVisible(False)  # no "0 of 1 files" before there is anything to count
        self.current = QLabel()
        self.current.setObjectName("importCurrent")

    def _make_results(self) -> None:
        """One row per file read: its name, the result and a note."""
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("importResults")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Result"), self.tr("Note")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)

    def _make_buttons(self) -> QHBoxLayout:
        self.start_button = QPushButton(self.tr("Start import"))
        self.start_button.setObjectName("importStart")
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setToolTip(
            self.tr("Stop after the file being imported; the files already imported stay.")
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("importClose")
        return self._button_row(self.start_button, self.cancel_button, self.close_button)

    # ------------------------------------------------------------------ choosing

    def paths(self) -> list[Path]:
        return [
            Path(self.path_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.path_list.count())
        ]

    def add_path(self, path: Path) -> None:
        if path in self.paths():
            return
        label = f"{path}{os.sep if path.is_dir() else ''}"
        self.path_list.addItem(label)
        self.path_list.item(self.path_list.count() - 1).setData(Qt.ItemDataRole.UserRole, str(path))
        self._update_buttons()

    def choose_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES))
        filters = ";;".join(
            [self.tr("Letters ({patterns})").format(patterns=patterns), self.tr("All files (*)")]
        )
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add files"), str(documents_folder()), filters
        )
        for name in files:
            self.add_path(Path(name))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Add folder"), str(documents_folder())
        )
        if folder:
            self.add_path(Path(folder))

    def remove_selected(self) -> None:
        for item in self.path_list.selectedItems():
            self.path_list.takeItem(self.path_list.row(item))
        self._update_buttons()

    # ------------------------------------------------------------------ running

    def start(self) -> None:
        paths = self.paths()
        if self.running or not paths:
            return
        self.results = []
        self.table.setRowCount(0)
        self.summary.clear()
        self.progress.setRange(0, 0)  # busy until the first file reports the total
        self.progress.setValue(0)
        self.current.setText(self.tr("Looking for files…"))
        # ``paths`` by keyword: the worker passes ``store``.
        self._run(imports.import_steps, paths=[str(p) for p in paths])

    def _show_stopping(self) -> None:
        self.current.setText(self.tr("Stopping after the current file…"))

    def _on_progress(self, value: object) -> None:
        if not isinstance(value, ImportProgress):
            return
        self.progress.setRange(0, max(value.total, 1))
        self.progress.setValue(value.done)
        self.progress.setTextVisible(value.total > 0)
        if not self._cancelling:
            self.current.setText(
                self.tr("Imported {done} of {total} files").format(
                    done=value.done, total=value.total
                )
            )
        self._add_result(value.result)

    def _on_success(self, _value: object) -> None:
        self._show_summary(cancelled=False)

    def _on_failure(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._show_summary(cancelled=True)
            return
        message = (
            exc.message
            if isinstance(exc, ClerkError)
            else self.tr(
                "The import stopped because of an internal error; the details are in the log file."
            )
        )
        self._show_summary(cancelled=False, error=message)

    def _operation_ended(self) -> None:
        if self.progress.maximum() == 0:  # nothing reported: no files found
            self.progress.setRange(0, 1)
            self.progress.setValue(0)

    # ------------------------------------------------------------------ results

    def status_text(self, status: str) -> str:
        return {
            "imported": self.tr("Imported"),
            "duplicate": self.tr("Duplicate"),
            "failed": self.tr("Failed"),
        }.get(status, status)

    def _add_result(self, result: ImportResult) -> None:
        self.results.append(result)
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(Path(result.path).name)
        name.setToolTip(result.path)
        status = QTableWidgetItem(self.status_text(result.status))
        status.setData(STATUS_ROLE, result.status)
        text = f"{result.message} {result.notice}".strip()
        message = QTableWidgetItem(text)
        message.setToolTip(text)
        for column, item in enumerate((name, status, message)):
            if result.status == "failed":
                item.setForeground(QBrush(FAILED_COLOUR))
            self.table.setItem(row, column, item)
        self.table.scrollToItem(name)

    def counts(self) -> dict[str, int]:
        counts = {"imported": 0, "duplicate": 0, "failed": 0}
        for result in self.results:
            counts[result.status] = counts.get(result.status, 0) + 1
        return counts

    def _show_summary(self, *, cancelled: bool, error: str | None = None) -> None:
        c = self.counts()
        text = self.tr("{imported} imported, {duplicate} already in the library, {failed} failed.")
        text = text.format(**c)
        if cancelled:
            text = self.tr("Stopped. ") + text
            self.current.setText(self.tr("Import stopped; the files imported so far are kept."))
        elif error:
            text = f"{error} {text}"
            self.current.setText("")
        elif not self.results:
            text = self.tr("No letters found in the chosen files and folders.")
            self.current.setText("")
        else:
            self.current.setText(self.tr("Import finished."))
        self.summary.setText(text)
        if c["imported"]:
            self.context.libraryChanged.emit()
        self.importFinished.emit(c["imported"], c["duplicate"], c["failed"], cancelled)

    # ------------------------------------------------------------------ window

    def _update_buttons(self) -> None:
        running = self.running
        for button in (self.add_files_button, self.add_folder_button):
            button.setEnabled(not running)
        self.remove_button.setEnabled(not running and bool(self.path_list.selectedItems()))
        self.start_button.setEnabled(not running and self.path_list.count() > 0)
        self.cancel_button.setEnabled(running and not self._cancelling)
        self.close_button.setEnabled(True)
