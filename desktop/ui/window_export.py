"""The main window's letter output: export to DOCX, PDF and plain text, preview, print, and
opening the letter in Word/WPS."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from desktop.compose import export_findings, plain_text_body
from desktop.ui.context import AppContext
from desktop.ui.draft_model import DraftModel
from desktop.ui.errors import show_error
from desktop.ui.first_start_dialog import agency_ready

SEAL_KEY = "seal_image"


def _safe_name(title: str) -> str:
    return re.sub(r'[\\/:*?"<>|\n\r\t]', "", title).strip()[:80] or "答复"


class LetterOutput(QMainWindow):
    """The File menu's output actions of :class:`desktop.ui.main_window.MainWindow`."""

    context: AppContext
    model: DraftModel
    settings: QSettings
    _seal_dir: tempfile.TemporaryDirectory[str]
    last_docx: Path

    def _seal_path(self) -> str | None:
        stored = self.context.store.profile.get_file(SEAL_KEY)
        if stored is None:
            return None
        path = Path(self._seal_dir.name) / stored[0]
        path.write_bytes(stored[1])
        return str(path)

    def _composition(self) -> Any:
        if self.model.case is None:
            show_error(self, self.tr("Open a case first."))
            return None
        comp = self.model.compose(self.context)
        seal = self._seal_path()
        if seal is not None:
            from desktop.export_docx import SealError, check_seal_image
            from desktop.model import SealSpec

            try:
                check_seal_image(Path(seal))
            except SealError as exc:
                without = self.tr("Write the letter without the seal?")
                answer = QMessageBox.question(self, self.tr("Seal"), exc.message + "\n\n" + without)
                if answer != QMessageBox.StandardButton.Yes:
                    return None
            else:
                comp.letter.seal = SealSpec(seal, self.context.profile().seal_diameter_mm)
        for problem in comp.problems:
            self.statusBar().showMessage(str(problem), 10000)
        return comp

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

    def _findings_allow_export(self, comp: Any) -> bool:
        """Open proofreading findings are listed; the letter goes out only on 仍然导出."""
        from desktop.ui.export_check import confirm_export

        assert self.model.case is not None
        findings = export_findings(comp, self.model.case, self.context.profile())
        return confirm_export(self, comp, findings)

    def _letter_to_release(self) -> Any | None:
        """The composed letter, when it may leave the program (export, print): the agency is
        set and the clerk accepted any open findings. None otherwise (the clerk was told)."""
        if not agency_ready(self.context, self):
            return None
        comp = self._composition()
        if comp is None or not self._findings_allow_export(comp):
            return None
        return comp

    def export_docx(self, target: Path | None = None) -> Path | None:
        comp = self._letter_to_release()
        if comp is None:
            return None
        target = target or self._ask_target(".docx", self.tr("Word document (*.docx)"))
        if target is None:
            return None
        from desktop.export_docx import write_docx
        from desktop.safe_write import TargetLocked, WriteFailed

        while True:
            try:
                write_docx(comp.letter, target)
            except TargetLocked as exc:
                instead = self.tr("Save as %1 instead?").replace("%1", exc.suggestion.name)
                answer = QMessageBox.question(
                    self, self.tr("File in use"), exc.message + "\n\n" + instead
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return None
                target = exc.suggestion
                continue
            except WriteFailed as exc:
                show_error(self, exc.message)
                return None
            break
        self.last_docx = target
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(target)), 8000)
        return target

    def export_text(self, target: Path | None = None) -> Path | None:
        comp = self._letter_to_release()
        if comp is None:
            return None
        text, warning = plain_text_body(comp.letter, self.context.profile().text_limit)
        target = target or self._ask_target(".txt", self.tr("Plain text (*.txt)"))
        if target is None:
            return None
        from desktop.safe_write import TargetLocked, WriteFailed, atomic_write

        try:
            atomic_write(target, lambda tmp: _write_utf8(tmp, text))
        except (TargetLocked, WriteFailed) as exc:
            show_error(self, exc.message)
            return None
        if warning:
            QMessageBox.information(self, self.tr("Plain text"), warning)
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(target)), 8000)
        return target

    def export_pdf(self) -> None:
        docx = self.export_docx()
        if docx is None:
            return
        target = docx.with_suffix(".pdf")
        from desktop.pdf import PdfError, convert_to_pdf
        from desktop.safe_write import TargetLocked, WriteFailed

        def convert() -> Path:
            return convert_to_pdf(docx, target)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PdfError | TargetLocked | WriteFailed):
                show_error(self, exc.message)
            else:
                raise exc

        self.statusBar().showMessage(self.tr("Making the PDF…"))
        self.context.operation(convert).success(
            lambda path: self.statusBar().showMessage(
                self.tr("Saved %1").replace("%1", str(path)), 8000
            )
        ).failure(failed).run_in_background()

    def preview(self) -> None:
        comp = self._composition()
        if comp is None:
            return
        from desktop.export_docx import write_docx
        from desktop.ui.preview import PreviewDialog

        docx = Path(self._seal_dir.name) / "preview.docx"
        write_docx(comp.letter, docx)
        PreviewDialog(
            self.context,
            comp.letter,
            docx,
            self,
            release_check=lambda: self._findings_allow_export(comp),
        ).exec()

    def print_letter(self) -> None:
        comp = self._letter_to_release()
        if comp is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from desktop.ui.page_renderer import print_letter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            print_letter(comp.letter, printer)

    def open_in_word(self) -> None:
        docx = self.export_docx()
        if docx is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(docx)))


def _write_utf8(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
