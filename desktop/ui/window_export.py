"""The main window's letter output: export to DOCX, PDF and plain text, preview, print, and
opening the letter in Word/WPS."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from desktop.errors import ClerkError
from desktop.safe_write import TargetLocked
from desktop.ui.context import AppContext
from desktop.ui.draft_model import DraftModel
from desktop.ui.errors import show_error

if TYPE_CHECKING:
    from desktop.actions.export import PreparedLetter

# desktop.actions.export (composing, DOCX writing) and the agency form are imported on the
# first output, not while the window starts.


def _safe_name(title: str) -> str:
    return re.sub(r'[\\/:*?"<>|\n\r\t]', "", title).strip()[:80] or "答复"


class LetterOutput(QMainWindow):
    """The File menu's output actions of :class:`desktop.ui.main_window.MainWindow`."""

    context: AppContext
    model: DraftModel
    settings: QSettings
    _preview_dir: tempfile.TemporaryDirectory[str]
    last_docx: Path

    def _prepared(self) -> PreparedLetter | None:
        """The open draft composed once for output, with the profile and seal read once; None
        when no case is open or the clerk declined to write without an unusable seal."""
        if self.model.case is None:
            show_error(self, self.tr("Open a case first."))
            return None
        from desktop.actions.export import read_letter_inputs

        inputs = self.context.call(read_letter_inputs)
        try:
            inputs.check_seal()
        except ClerkError as exc:  # SealError
            without = self.tr("Write the letter without the seal?")
            answer = QMessageBox.question(self, self.tr("Seal"), exc.message + "\n\n" + without)
            if answer != QMessageBox.StandardButton.Yes:
                return None
            inputs = inputs.unsealed()
        prepared = self.model.prepare(self.context, inputs)
        for problem in prepared.composition.problems:
            self.statusBar().showMessage(str(problem), 10000)
        return prepared

    def _ask_target(self, suffix: str, filter_text: str) -> Path | None:
        case = self.model.case
        folder = self.settings.value("export/folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name = _safe_name(case.title if case else "答复") + "的答复" + suffix
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), str(Path(folder) / name),
                                              filter_text)  # fmt: skip
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        self.settings.setValue("export/folder", str(target.parent))
        return target

    def _findings_allow_export(self, prepared: PreparedLetter) -> bool:
        """Open proofreading findings are listed; the letter goes out only on 仍然导出."""
        from desktop.ui.export_check import confirm_export

        return confirm_export(self, prepared.composition, prepared.findings)

    def _letter_to_release(self) -> PreparedLetter | None:
        """The composed letter, when it may leave the program (export, print): the agency is
        set and the clerk accepted any open findings. None otherwise (the clerk was told)."""
        from desktop.ui.first_start_dialog import agency_ready  # seldom needed at a start

        if not agency_ready(self.context, self):
            return None
        prepared = self._prepared()
        if prepared is None or not self._findings_allow_export(prepared):
            return None
        return prepared

    def export_docx(self, target: Path | None = None) -> Path | None:
        prepared = self._letter_to_release()
        if prepared is None:
            return None
        target = target or self._ask_target(".docx", self.tr("Word document (*.docx)"))
        if target is None:
            return None
        from desktop.actions.export import write_docx

        while True:
            try:
                written = write_docx(prepared.letter, target)
            except TargetLocked as exc:
                instead = self.tr("Save as %1 instead?").replace("%1", exc.suggestion.name)
                answer = QMessageBox.question(
                    self, self.tr("File in use"), exc.message + "\n\n" + instead
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return None
                target = exc.suggestion
                continue
            except ClerkError as exc:  # WriteFailed
                show_error(self, exc.message)
                return None
            break
        self.last_docx = written.path
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(written.path)), 8000)
        return written.path

    def export_text(self, target: Path | None = None) -> Path | None:
        prepared = self._letter_to_release()
        if prepared is None:
            return None
        target = target or self._ask_target(".txt", self.tr("Plain text (*.txt)"))
        if target is None:
            return None
        from desktop.actions.export import write_text

        try:
            written = write_text(prepared.letter, target, limit=prepared.inputs.profile.text_limit)
        except ClerkError as exc:  # TargetLocked, WriteFailed
            show_error(self, exc.message)
            return None
        if written.warning:
            QMessageBox.information(self, self.tr("Plain text"), written.warning)
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(target)), 8000)
        return target

    def export_pdf(self) -> None:
        docx = self.export_docx()
        if docx is None:
            return

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ClerkError):  # PdfError, TargetLocked, WriteFailed
                show_error(self, exc.message)
            else:
                raise exc

        from desktop.actions.export import write_pdf

        self.statusBar().showMessage(self.tr("Making the PDF…"))
        self.context.operation(write_pdf, docx, docx.with_suffix(".pdf")).success(
            lambda written: self.statusBar().showMessage(
                self.tr("Saved %1").replace("%1", str(written.path)), 8000
            )
        ).failure(failed).run_in_background()

    def preview(self) -> None:
        prepared = self._prepared()
        if prepared is None:
            return
        from desktop.actions.export import write_docx
        from desktop.ui.preview import PreviewDialog

        # The DOCX LibreOffice's rendering and "Open in Word/WPS" use, until it is exported.
        docx = write_docx(prepared.letter, Path(self._preview_dir.name) / "preview.docx").path
        PreviewDialog(
            self.context,
            prepared.letter,
            docx,
            self,
            release_check=lambda: self._findings_allow_export(prepared),
        ).exec()

    def print_letter(self) -> None:
        prepared = self._letter_to_release()
        if prepared is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from desktop.ui.page_renderer import print_letter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            print_letter(prepared.letter, printer)

    def open_in_word(self) -> None:
        docx = self.export_docx()
        if docx is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(docx)))
