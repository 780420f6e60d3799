"""Colleague packs in the window: export one, import one (see :mod:`desktop.packs`).

Both run as :class:`~desktop.ui.operations.Operation` with the worker's own library
connection, so the window stays responsive. The import verifies the whole pack first and
merges it in one transaction: a refusal (a damaged, foreign, tampered or newer pack, a locked
library, a full disk) is shown plainly in the dialog and leaves the library as it was;
"Stop" rolls the merge back. ``context.libraryChanged`` is emitted when letters were added.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import letters, packs
from desktop.errors import ClerkError
from desktop.packs import (
    ExportReport,
    ImportReport,
    PackProgress,
    edited_templates,
)
from desktop.paragraph_split import MAX_PARAGRAPH_CHARS
from desktop.safe_write import TargetLocked
from desktop.ui.context import AppContext
from desktop.ui.operation_dialog import OperationDialog
from desktop.ui.operations import Cancelled

ERROR_COLOUR = "#c62828"


def _documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def _plain_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _set_error(label: QLabel, error: bool) -> None:
    label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
    label.setProperty("error", error)


# ==============================================================================================
# Export


class ExportPackDialog(OperationDialog):
    """Choose what goes into the pack, then where it goes; ``exportFinished(report)`` with
    the :class:`~desktop.packs.ExportReport` (None when it failed or was given up)."""

    exportFinished = Signal(object)
    can_stop = False  # a pack half written is never left behind; closing waits for it

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("exportPackDialog")
        self.setWindowTitle(self.tr("Export a pack for colleagues"))
        self.resize(560, 360)
        self.report: ExportReport | None = None
        self._retry: Path | None = None  # the name to write to when the chosen one was in use

        intro = QLabel(
            self.tr(
                "Put the letters of your library into one pack file. Copy it to your colleagues "
                "yourself (USB stick, shared folder): nothing is sent over a network. Letters "
                "they already have are skipped when they import it."
            )
        )
        intro.setWordWrap(True)
        since_row, hint = self._since_choice()
        self._make_templates_check()

        self.progress = QProgressBar()
        self.progress.setObjectName("packProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.result_label = _plain_label("packResult")

        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("packExport")
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("packClose")
        buttons = self._button_row(self.export_button, self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.all_radio)
        layout.addLayout(since_row)
        layout.addWidget(hint)
        layout.addWidget(self.templates_check)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)

        self.export_button.clicked.connect(lambda _checked=False: self.start())
        self.close_button.clicked.connect(self.reject)

    def _since_choice(self) -> tuple[QHBoxLayout, QLabel]:
        """All letters, or those added since a day (by default: since the last pack)."""
        count = self.context.call(letters.count)
        self.all_radio = QRadioButton(
            self.tr("All letters in the library ({count})").format(count=count)
        )
        self.all_radio.setObjectName("packAll")
        self.since_radio = QRadioButton(self.tr("Only letters added to the library since"))
        self.since_radio.setObjectName("packSince")
        self.since_date = QDateEdit()
        self.since_date.setObjectName("packSinceDate")
        self.since_date.setCalendarPopup(True)
        self.since_date.setDisplayFormat("yyyy-MM-dd")
        self.since_date.setMaximumDate(QDate.currentDate())
        previous = self.context.call(packs.previous_export)
        default = previous or dt.date.today() - dt.timedelta(days=30)
        self.since_date.setDate(QDate(default.year, default.month, default.day))
        since_row = QHBoxLayout()
        since_row.addWidget(self.since_radio)
        since_row.addWidget(self.since_date)
        since_row.addStretch(1)
        hint = QLabel(
            self.tr(
                "Counts the day a letter came into your library (imported, or received in a "
                "pack), not its reply date: what is new since you last sent a pack."
            )
        )
        hint.setObjectName("packSinceHint")
        hint.setWordWrap(True)
        if previous is not None:
            hint.setText(
                hint.text()
                + " "
                + self.tr("Your last pack was made on {date}.").format(date=previous.isoformat())
            )
        self.all_radio.setChecked(True)
        self.since_date.setEnabled(False)
        self.since_radio.toggled.connect(self.since_date.setEnabled)
        return since_row, hint

    def _make_templates_check(self) -> None:
        self._n_templates = len(edited_templates(self.context.templates.override))
        self.templates_check = QCheckBox(
            self.tr("Include my edited reply templates ({count})").format(count=self._n_templates)
        )
        self.templates_check.setObjectName("packTemplates")
        self.templates_check.setChecked(self._n_templates > 0)
        self.templates_check.setEnabled(self._n_templates > 0)
        self.templates_check.setToolTip(
            self.tr("Your colleagues get them beside their own templates, never in their place.")
        )

    def since(self) -> dt.date | None:
        if not self.since_radio.isChecked():
            return None
        qdate = self.since_date.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())

    def choose_target(self) -> Path | None:
        name = self.tr("Replies pack {date}.zip").format(date=f"{dt.date.today():%Y%m%d}")
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the pack"),
            str(_documents_folder() / name),
            self.tr("ReplyDesk pack (*.zip)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        return target if target.suffix.lower() == ".zip" else target.with_name(target.name + ".zip")

    def start(self, target: Path | None = None) -> None:
        if self.running:
            return
        target = target or self.choose_target()
        if target is None:
            return
        self.report = None
        self.result_label.setText(self.tr("Writing the pack…"))
        _set_error(self.result_label, False)
        self.progress.show()
        self._run(
            packs.export,
            out=target,
            since=self.since(),
            templates_dir=self.context.templates.override,
            include_templates=self.templates_check.isChecked(),
        )

    def _on_success(self, report: object) -> None:
        if not isinstance(report, ExportReport):
            return
        self.report = report
        text = self.tr("Pack saved: {path}").format(path=report.path) + "\n"
        text += self.tr("{letters} letters, {templates} templates.").format(
            letters=report.letters, templates=len(report.templates)
        )
        if report.too_large:
            text += "\n" + self.tr(
                "{count} letters were left out (numbers {ids}): a paragraph longer than "
                "{limit} characters, from an older version, would make a colleague's import "
                "refuse the pack."
            ).format(
                count=len(report.too_large),
                ids=", ".join(str(i) for i in report.too_large[:10]),
                limit=MAX_PARAGRAPH_CHARS,
            )
        self.result_label.setText(text)
        self.exportFinished.emit(report)

    def _on_failure(self, exc: BaseException) -> None:
        if isinstance(exc, TargetLocked):
            instead = self.tr("Save as %1 instead?").replace("%1", exc.suggestion.name)
            answer = QMessageBox.question(
                self, self.tr("File in use"), exc.message + "\n\n" + instead
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.result_label.clear()
                self._retry = exc.suggestion
                return
        message = (
            exc.message
            if isinstance(exc, ClerkError)
            else self.tr(
                "The pack was not written because of an internal error; the details are in the "
                "log file."
            )
        )
        self.result_label.setText(message)
        _set_error(self.result_label, True)
        self.exportFinished.emit(None)

    def _operation_ended(self) -> None:
        self.progress.hide()
        retry = self._retry
        if retry is not None:
            self._retry = None
            self.start(retry)

    def _update_buttons(self) -> None:
        running = self.running
        self.export_button.setEnabled(not running)
        self.all_radio.setEnabled(not running)
        self.since_radio.setEnabled(not running)
        self.since_date.setEnabled(not running and self.since_radio.isChecked())
        self.templates_check.setEnabled(not running and self._n_templates > 0)


def export_pack_dialog(context: AppContext, parent: QWidget | None = None) -> ExportReport | None:
    """Show :class:`ExportPackDialog`; the report of the last pack written, if any."""
    dialog = ExportPackDialog(context, parent)
    dialog.exec()
    return dialog.report


# ==============================================================================================
# Import


class ImportPackDialog(OperationDialog):
    """Choose a pack, check it and add its letters. ``importFinished(report)`` with the
    :class:`~desktop.packs.ImportReport`, or None when the pack was refused or the import
    stopped (then nothing was imported). Closing while importing stops (nothing of the pack is
    imported), then closes."""

    importFinished = Signal(object)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("importPackDialog")
        self.setWindowTitle(self.tr("Import a colleague's pack"))
        self.resize(620, 380)
        self.report: ImportReport | None = None

        intro = QLabel(
            self.tr(
                "Add the letters of a pack a colleague made with ReplyDesk. The pack is checked "
                "completely first: if anything is wrong with it, nothing is imported. Letters "
                "you already have are skipped. Templates in the pack are kept aside and never "
                "replace yours."
            )
        )
        intro.setWordWrap(True)

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("packPath")
        self.path_edit.setPlaceholderText(self.tr("The pack file from your colleague"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("packChoose")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)

        self.progress = QProgressBar()
        self.progress.setObjectName("packProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m letters"))
        self.status = _plain_label("packStatus")
        self.result_label = _plain_label("packResult")

        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("packImport")
        self.import_button.setDefault(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("packStop")
        self.stop_button.setToolTip(self.tr("Stop and import nothing of this pack."))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("packClose")
        buttons = self._button_row(self.import_button, self.stop_button, self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(path_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.result_label, 1)
        layout.addLayout(buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(lambda _checked=False: self.start())
        self.stop_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.path_edit.textChanged.connect(lambda _text: self._update_buttons())
        if path is not None:
            self.path_edit.setText(str(path))
        self._update_buttons()

    # ------------------------------------------------------------------ choosing

    def path(self) -> Path | None:
        text = self.path_edit.text().strip().strip('"')
        return Path(text) if text else None

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the pack"),
            str(_documents_folder()),
            ";;".join([self.tr("ReplyDesk pack (*.zip)"), self.tr("All files (*)")]),
        )
        if chosen:
            self.path_edit.setText(chosen)

    # ------------------------------------------------------------------ running

    def start(self) -> None:
        path = self.path()
        if self.running or path is None:
            return
        self.report = None
        self.result_label.clear()
        _set_error(self.result_label, False)
        self.progress.setRange(0, 0)  # busy while the pack is checked
        self.status.setText(self.tr("Checking the pack…"))
        # The worker passes ``store``.
        self._run(packs.import_steps, path=str(path), templates_dir=self.context.templates.override)

    def _show_stopping(self) -> None:
        self.status.setText(self.tr("Stopping; nothing of this pack is imported…"))

    def _on_progress(self, value: object) -> None:
        if not isinstance(value, PackProgress) or self._cancelling:
            return
        if value.phase == "verify":
            self.progress.setRange(0, 0)
            self.status.setText(self.tr("Checking the pack…"))
        else:
            self.progress.setRange(0, max(value.total, 1))
            self.progress.setValue(value.done)
            self.status.setText(
                self.tr("Adding letters: {done} of {total}").format(
                    done=value.done, total=value.total
                )
            )

    def _on_success(self, report: object) -> None:
        if not isinstance(report, ImportReport):
            return
        self.report = report
        self.progress.setRange(0, max(report.pack.letters, 1))
        self.progress.setValue(report.pack.letters)
        self.status.setText(self.tr("Import finished."))
        lines = [
            self.tr("{added} letters added, {duplicates} already in your library, "
                    "{paragraphs} new paragraphs.").format(
                added=len(report.added), duplicates=len(report.duplicates),
                paragraphs=report.new_paragraphs),
            self.tr("The pack was made on {date}.").format(date=report.pack.created_at[:10]),
        ]  # fmt: skip
        if report.templates_folder:
            lines.append(
                self.tr(
                    "Its templates were saved in {folder}; your own templates are unchanged."
                ).format(folder=report.templates_folder)
            )
        self.result_label.setText("\n".join(lines))
        if report.added:
            self.context.libraryChanged.emit()
        self.importFinished.emit(report)

    def _on_failure(self, exc: BaseException) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Stopped: nothing of this pack was imported."))
        else:
            self.status.setText(self.tr("The pack was not imported; your library is unchanged."))
            message = (
                exc.message
                if isinstance(exc, ClerkError)
                else self.tr(
                    "The import stopped because of an internal error; "
                    "the details are in the log file."
                )
            )
            self.result_label.setText(message)
            _set_error(self.result_label, True)
        self.importFinished.emit(None)

    # ------------------------------------------------------------------ window

    def _update_buttons(self) -> None:
        running = self.running
        self.path_edit.setEnabled(not running)
        self.choose_button.setEnabled(not running)
        self.import_button.setEnabled(not running and self.path() is not None)
        self.stop_button.setEnabled(running and not self._cancelling)
        self.close_button.setEnabled(True)
