"""The page preview: the letter as it will print, with Print, Open in Word/WPS and Export PDF.

Two renderings, and the dialog says which one is on screen:

- **LibreOffice's**, when LibreOffice is installed, the exported DOCX is given and
  ``pdftoppm`` (poppler) is on PATH: the DOCX is converted to PDF in the background
  (:func:`desktop.pdf.convert_to_pdf` in an :class:`~desktop.ui.operations.Operation`) and
  its pages are rasterised with ``pdftoppm`` (QtPdf is not available). The in-app rendering
  is shown meanwhile.
- **ReplyDesk's own** (:mod:`desktop.ui.page_renderer`, the DOCX's page geometry) otherwise.

Print always uses the in-app renderer (:func:`~desktop.ui.page_renderer.print_letter`).
Export PDF uses LibreOffice when it can (the DOCX as LibreOffice prints it), otherwise
:class:`QPdfWriter` with the in-app renderer, and then says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

import shiboken6
from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QPageSize, QPixmap
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.actions.export import write_pdf as export_pdf
from desktop.errors import ClerkError
from desktop.model import ComposedLetter
from desktop.pdf import RASTER_DPI, PdfError, find_pdftoppm
from desktop.pdf import pdf_page_images as libreoffice_pages
from desktop.safe_write import TargetLocked, WriteFailed, atomic_write
from desktop.soffice import AUTO, AutoDetect, resolve_soffice
from desktop.ui.context import AppContext
from desktop.ui.dialog_fit import fit_to_screen
from desktop.ui.errors import show_error
from desktop.ui.first_start_dialog import agency_ready
from desktop.ui.operations import Operation
from desktop.ui.page_renderer import (
    PAGE_HEIGHT_PT,
    PAGE_WIDTH_PT,
    LetterLayout,
    layout_letter,
    print_letter,
    render_pages,
    write_pdf,
)

ZOOMS: Final = (0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0)


class PreviewDialog(QDialog):
    """``PreviewDialog(context, letter, docx_path)``. ``docx_path`` is the exported DOCX
    (needed for LibreOffice's rendering and for Open in Word/WPS); ``soffice`` may name the
    LibreOffice program (``None``: none; by default it is looked for)."""

    pdfExported = Signal(str, bool)  # path, made by LibreOffice
    renderingChanged = Signal(str)  # "libreoffice" | "inapp"

    def __init__(
        self,
        context: AppContext,
        letter: ComposedLetter,
        docx_path: Path | None,
        parent: QWidget | None = None,
        *,
        soffice: str | AutoDetect | None = AUTO,
        pdftoppm: str | AutoDetect | None = AUTO,
        release_check: Callable[[], bool] | None = None,
    ) -> None:
        """``release_check``: asked before the letter leaves the program (print, PDF, open in
        Word/WPS) — the main window's export check of open findings; True lets it go."""
        super().__init__(parent)
        self.context = context
        self.release_check = release_check
        self.released = False  # the clerk already let this letter go once in this preview
        self.letter = letter
        self.docx_path = Path(docx_path) if docx_path is not None else None
        self.soffice = resolve_soffice(soffice)
        self.pdftoppm = find_pdftoppm() if isinstance(pdftoppm, AutoDetect) else pdftoppm
        self.letter_layout: LetterLayout = layout_letter(letter)
        self.rendering = "inapp"  # what is on screen
        self.lo_pages: list[QImage] = []
        self.zoom = 1.0
        self.operations: list[Operation] = []

        self.setObjectName("previewDialog")
        self.setWindowTitle(self.tr("Preview — {title}").format(title=letter.title))
        self.resize(960, 900)
        fit_to_screen(self)
        self._make_labels()
        bar = self._make_bar()
        self._make_pages()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.source_label)
        layout.addWidget(self.fonts_label)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.status_label)

        has_docx = self.docx_path is not None
        self.open_button.setEnabled(has_docx)
        if not has_docx:
            self.open_button.setToolTip(self.tr("Export the reply as DOCX first."))

        self._show_inapp()
        if self.libreoffice_preview_possible():
            self._start_libreoffice_preview()

    def _make_labels(self) -> None:
        self.source_label = QLabel()
        self.source_label.setObjectName("previewSource")
        self.source_label.setWordWrap(True)
        self.fonts_label = QLabel()
        self.fonts_label.setObjectName("previewFonts")
        self.fonts_label.setWordWrap(True)
        self.fonts_label.setStyleSheet("color: #8a5a00;")
        self.status_label = QLabel()
        self.status_label.setObjectName("previewStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _make_bar(self) -> QHBoxLayout:
        self.zoom_out_button = self._button(self.tr("Zoom out"), "previewZoomOut", self.zoom_out)
        self.zoom_in_button = self._button(self.tr("Zoom in"), "previewZoomIn", self.zoom_in)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("previewZoom")
        self.print_button = self._button(self.tr("Print…"), "previewPrint", self.print_with_dialog)
        self.open_button = self._button(
            self.tr("Open in Word/WPS"), "previewOpen", self.open_in_word
        )
        self.pdf_button = self._button(
            self.tr("Export PDF…"), "previewExportPdf", self.choose_and_export_pdf
        )
        close = self._button(self.tr("Close"), "previewClose", self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addStretch(1)
        for button in (self.print_button, self.open_button, self.pdf_button, close):
            bar.addWidget(button)
        return bar

    def _make_pages(self) -> None:
        self.pages_widget = QWidget()
        self.pages_widget.setObjectName("previewPages")
        self.pages_widget.setStyleSheet("#previewPages { background: #8c8c8c; }")
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setSpacing(16)
        self.pages_layout.setContentsMargins(16, 16, 16, 16)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("previewScroll")
        self.scroll_area.setWidget(self.pages_widget)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)

    # ------------------------------------------------------------------ renderings

    def libreoffice_preview_possible(self) -> bool:
        return bool(self.soffice and self.pdftoppm and self.docx_path and self.docx_path.is_file())

    def page_labels(self) -> list[QLabel]:
        return self.pages_widget.findChildren(QLabel, "previewPage")

    def _show_inapp(self, reason: str | None = None) -> None:
        self.rendering = "inapp"
        if self.soffice is None:
            text = self.tr(
                "ReplyDesk's own rendering (LibreOffice is not installed). It follows the "
                "page layout of the DOCX; Word or WPS may break a line differently."
            )
        else:
            text = self.tr(
                "ReplyDesk's own rendering. It follows the page layout of the DOCX; Word or "
                "WPS may break a line differently."
            )
        if reason:
            text = f"{text} {reason}"
        self.source_label.setText(text)
        self._show_font_note()
        self._refresh_pages()
        self.renderingChanged.emit("inapp")

    def _show_font_note(self) -> None:
        subs = self.letter_layout.substitutions
        if not subs:
            self.fonts_label.hide()
            return
        names = self.tr("; ").join(
            self.tr("{wanted} (shown as {used})").format(wanted=wanted, used=used)
            for wanted, used in subs
        )
        self.fonts_label.setText(
            self.tr("Fonts not installed on this computer: {names}.").format(names=names)
        )
        self.fonts_label.show()

    def _start_libreoffice_preview(self) -> None:
        assert self.docx_path is not None and self.soffice and self.pdftoppm
        self.source_label.setText(
            self.source_label.text()
            + " "
            + self.tr("LibreOffice's rendering of the DOCX is being prepared…")
        )
        op = self.context.operation(libreoffice_pages, self.docx_path, self.soffice, self.pdftoppm)
        op.success(self._on_libreoffice_pages).failure(self._on_libreoffice_failed)
        self._run(op)

    def _on_libreoffice_pages(self, pages: object) -> None:
        if not self._alive() or not isinstance(pages, list):
            return
        images = [QImage.fromData(data) for data in pages]
        images = [img for img in images if not img.isNull()]
        if not images:
            self._on_libreoffice_failed(RuntimeError("no pages"))
            return
        for image in images:
            image.setDotsPerMeterX(round(RASTER_DPI / 0.0254))
            image.setDotsPerMeterY(round(RASTER_DPI / 0.0254))
        self.lo_pages = images
        self.rendering = "libreoffice"
        self.source_label.setText(
            self.tr(
                "LibreOffice's rendering of the exported DOCX: this is how it prints from "
                "LibreOffice. Word and WPS may differ slightly."
            )
        )
        self.fonts_label.hide()
        self._refresh_pages()
        self.renderingChanged.emit("libreoffice")

    def _on_libreoffice_failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        message = exc.message if isinstance(exc, ClerkError) else None
        reason = (
            self.tr("(LibreOffice could not render the DOCX: {message})").format(message=message)
            if message
            else self.tr("(LibreOffice could not render the DOCX.)")
        )
        self._show_inapp(reason)

    def _page_images(self) -> list[QImage]:
        ratio = self.devicePixelRatioF() or 1.0
        if self.rendering == "libreoffice" and self.lo_pages:
            size = self._page_size()
            pixel = QSize(round(size.width() * ratio), round(size.height() * ratio))
            return [
                img.scaled(
                    pixel,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                for img in self.lo_pages
            ]
        return render_pages(self.letter_layout, dpi=96 * self.zoom * ratio)

    def _page_size(self) -> QSize:
        """A page's size on screen in device-independent pixels (A4 at 96 dpi × zoom)."""
        return QSize(
            round(PAGE_WIDTH_PT / 72 * 96 * self.zoom), round(PAGE_HEIGHT_PT / 72 * 96 * self.zoom)
        )

    def _refresh_pages(self) -> None:
        for label in self.page_labels():
            self.pages_layout.removeWidget(label)
            label.hide()
            label.setParent(None)
            label.deleteLater()
        ratio = self.devicePixelRatioF() or 1.0
        for number, image in enumerate(self._page_images(), start=1):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setObjectName("previewPage")
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
            label.setFrameShape(QFrame.Shape.Box)
            label.setAccessibleName(self.tr("Page {number}").format(number=number))
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.zoom_label.setText(f"{round(self.zoom * 100)}%")
        self.zoom_out_button.setEnabled(self.zoom > ZOOMS[0])
        self.zoom_in_button.setEnabled(self.zoom < ZOOMS[-1])

    def zoom_in(self) -> None:
        bigger = [z for z in ZOOMS if z > self.zoom + 1e-6]
        if bigger:
            self.zoom = bigger[0]
            self._refresh_pages()

    def zoom_out(self) -> None:
        smaller = [z for z in ZOOMS if z < self.zoom - 1e-6]
        if smaller:
            self.zoom = smaller[-1]
            self._refresh_pages()

    # ------------------------------------------------------------------ actions

    def _may_release(self) -> bool:
        """The agency is set and the clerk accepted the open findings (asked once per preview:
        the letter shown cannot change while the preview is open)."""
        if not agency_ready(self.context, self):
            return False
        if self.release_check is not None and not self.released:
            self.released = self.release_check()
            return self.released
        return True

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)
        printer.setDocName(self.letter.title)
        printer.setFromTo(0, 0)
        return printer

    def print_with_dialog(self) -> None:
        if not self._may_release():
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the reply"))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, len(self.letter_layout.pages))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                pages = print_letter(self.letter_layout, printer)
            finally:
                QGuiApplication.restoreOverrideCursor()
        except OSError:
            show_error(self, self.tr("The printer could not be opened. Check that it is on."))
            return
        self.status_label.setText(
            self.tr("{pages} page(s) sent to the printer.").format(pages=pages)
        )

    def open_in_word(self) -> bool:
        if not self._may_release():
            return False
        if self.docx_path is None or not self.docx_path.is_file():
            show_error(self, self.tr("The DOCX file is not there any more; export it again."))
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.docx_path))):
            show_error(
                self,
                self.tr(
                    "No program for DOCX files is set up on this computer. Install Word, WPS "
                    "or LibreOffice, or open the file yourself: {path}"
                ).format(path=self.docx_path),
            )
            return False
        return True

    def default_pdf_path(self) -> Path:
        if self.docx_path is not None:
            return self.docx_path.with_suffix(".pdf")
        name = "".join(c for c in self.letter.title if c not in '\\/:*?"<>|').strip() or "答复"
        return Path.home() / f"{name}.pdf"

    def choose_and_export_pdf(self) -> None:
        if not self._may_release():
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export PDF"), str(self.default_pdf_path()), self.tr("PDF (*.pdf)")
        )
        if name:
            target = Path(name)
            if target.suffix.lower() != ".pdf":
                target = target.with_name(target.name + ".pdf")
            self.export_pdf(target)

    def export_pdf(self, target: Path) -> None:
        """LibreOffice from the DOCX when possible (in the background), else in-app."""
        if self.soffice and self.docx_path is not None and self.docx_path.is_file():
            self.pdf_button.setEnabled(False)
            self.status_label.setText(self.tr("Making the PDF with LibreOffice…"))
            op = self.context.operation(export_pdf, self.docx_path, target, soffice=self.soffice)
            op.success(lambda _v: self._pdf_done(target, libreoffice=True))
            op.failure(lambda exc: self._pdf_failed(target, exc))
            op.finished(self._pdf_finished)
            self._run(op)
            return
        self._write_inapp_pdf(target, reason=None)

    def _write_inapp_pdf(self, target: Path, reason: str | None) -> None:
        try:
            atomic_write(
                target, lambda tmp: write_pdf(self.letter_layout, tmp, title=self.letter.title)
            )
        except (TargetLocked, WriteFailed) as exc:
            show_error(self, exc.message)
            return
        except OSError:
            show_error(self, self.tr("The PDF could not be written to {path}.").format(path=target))
            return
        self._pdf_done(target, libreoffice=False, reason=reason)

    def _pdf_done(self, target: Path, *, libreoffice: bool, reason: str | None = None) -> None:
        if not self._alive():
            return
        if libreoffice:
            text = self.tr("PDF saved: {path}").format(path=target)
        else:
            why = reason or (
                self.tr("LibreOffice is not installed")
                if self.soffice is None
                else self.tr("there is no exported DOCX")
            )
            text = self.tr(
                "PDF saved: {path}. It is ReplyDesk's own rendering of the letter ({why}); it "
                "follows the page layout of the DOCX, but Word or WPS may break a line "
                "differently."
            ).format(path=target, why=why)
        self.status_label.setText(text)
        self.pdfExported.emit(str(target), libreoffice)

    def _pdf_failed(self, target: Path, exc: BaseException) -> None:
        if not self._alive():
            return
        if isinstance(exc, (TargetLocked, WriteFailed)):
            self.status_label.clear()
            show_error(self, exc.message)
        elif isinstance(exc, PdfError):
            # LibreOffice failed: the in-app rendering still gives the clerk a PDF.
            self._write_inapp_pdf(target, reason=exc.message)
        else:
            self.status_label.clear()
            show_error(self, self.tr("The PDF could not be made; the details are in the log file."))

    def _pdf_finished(self) -> None:
        if self._alive():
            self.pdf_button.setEnabled(True)

    # ------------------------------------------------------------------ plumbing

    def _run(self, op: Operation) -> None:
        self.operations.append(op)
        op.finished(lambda: self.operations.remove(op) if op in self.operations else None)
        op.run_in_background()

    def _alive(self) -> bool:
        return shiboken6.isValid(self)

    def busy(self) -> bool:
        """Whether background work (LibreOffice) is still running."""
        return bool(self.operations)
