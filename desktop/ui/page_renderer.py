"""Paint a :class:`~desktop.model.ComposedLetter` with the DOCX's page geometry (GB/T 9704).

The preview and the print path when LibreOffice is absent. Every number comes from
:mod:`desktop.layout` (the constants and helpers ``format_date``, ``split_title``,
``signature_indents``), so the pages shown here are the pages the DOCX makes:

- A4, margins 37/35/28/26 mm; a 156 × 225 mm text area of 22 lines of exactly 28.95 pt.
- Body 16 pt, glyphs scaled to 98 % like the DOCX (``w:w``), so 28 characters fill a line;
  2-character (32 pt) first-line indent; full lines justified. Lines break by measured
  character width (:class:`QFontMetricsF`); runs of Latin letters and digits stay whole; no
  line starts with closing punctuation (，。、；：？！）》” …) — it hangs past the margin at the
  end of the line before, as LibreOffice and Word set it — and none ends with an opening one.
- Head lines: category (heading-1 font) right; document number right (函) or centred (版记);
  two blank lines; the title 22 pt on 36 pt lines, centred, broken by ``split_title``; one
  blank line; salutation flush left;
  headings in the heading fonts (a run-in heading "（一）……。" only up to its full stop).
- Signature and date with the indents of ``signature_indents``; the seal drawn at its true
  diameter, centred over the date, its centre a quarter line below the top of the name line.
- Contact note; the 版记 (disclosure, 抄送, and in the 版记 format the 印发 line between a
  thick first and last rule and thin ones between) at the foot of the last page, or of the
  page :func:`desktop.layout.place_banji` chooses (an even one in the 版记 format).
- Page numbers "— N —" 14 pt, 1 character in from the right (odd) or the left (even) edge;
  none on page 1 of a 函, nor on a blank page and the 版记 page after it.
- The last body paragraph, the signature, date and note keep together; a heading keeps with
  the line after it (the DOCX's ``keepNext``, which LibreOffice applies to whole paragraphs).

:func:`layout_letter` does all of it without painting and returns the lines (text, kind,
position in points from the paper's top-left corner) per page, so that tests and callers can
look at the layout rather than at pixels. :func:`paint_page` paints one page of a layout;
:func:`render_pages` makes images, :func:`print_letter` prints and :func:`write_pdf` writes a
PDF with :class:`QPdfWriter`.

Fonts come from ``letter.fonts``; a font this PC lacks is replaced by a similar one
(仿宋_GB2312 → 仿宋 → FangSong → … → any Chinese serif font) and reported in
:attr:`LetterLayout.substitutions`. Needs a ``QGuiApplication``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtPrintSupport import QPrinter

from desktop.model import ComposedLetter
from desktop.ui.page_fonts import ResolvedFonts, resolve_fonts
from desktop.ui.page_layout import (
    layout_letter,
)
from desktop.ui.page_lines import (
    NO_LINE_START,
    PAGE_HEIGHT_PT,
    PAGE_WIDTH_PT,
    LaidLine,
    LetterLayout,
    PageLayout,
    SealPlacement,
    break_line_units,
)

__all__ = [
    "NO_LINE_START",
    "PAGE_HEIGHT_PT",
    "PAGE_WIDTH_PT",
    "LaidLine",
    "LetterLayout",
    "PageLayout",
    "ResolvedFonts",
    "SealPlacement",
    "break_line_units",
    "layout_letter",
    "paint_letter",
    "paint_page",
    "print_letter",
    "render_pages",
    "resolve_fonts",
    "write_pdf",
]


# ----------------------------------------------------------------------------------------------
# Painting


def paint_page(
    painter: QPainter,
    layout: LetterLayout,
    index: int,
    target: QRectF | None = None,
    *,
    background: bool = False,
) -> None:
    """Paint page ``index`` of ``layout`` into ``target`` (device pixels; by default the
    paper at its true size from the device's top-left corner, for printers and PDF writers).
    ``background`` fills the paper white first (for images)."""
    page = layout.pages[index]
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else 96
    if target is None:
        target = QRectF(0, 0, PAGE_WIDTH_PT * dpi / 72, PAGE_HEIGHT_PT * dpi / 72)
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.translate(target.topLeft())
        painter.scale(target.width() / PAGE_WIDTH_PT, target.height() / PAGE_HEIGHT_PT)
        if background:
            painter.fillRect(QRectF(0, 0, PAGE_WIDTH_PT, PAGE_HEIGHT_PT), QColor("white"))
        # A font of P points is P × dpi / 72 device pixels before the painter's scaling.
        font_factor = 72 / dpi
        seal_image = QImage.fromData(page.seal.image) if page.seal is not None else None
        if page.seal is not None and seal_image is not None and page.seal.behind_text:
            painter.drawImage(page.seal.rect, seal_image)
        painter.setPen(QColor("black"))
        for line in [*page.lines, page.page_number]:
            _paint_line(painter, layout.fonts, line, font_factor)
        for rule in page.rules:
            painter.fillRect(QRectF(rule.x0, rule.top, rule.x1 - rule.x0, rule.width), "black")
        if page.seal is not None and seal_image is not None and not page.seal.behind_text:
            painter.drawImage(page.seal.rect, seal_image)
    finally:
        painter.restore()


def _paint_line(painter: QPainter, fonts: ResolvedFonts, line: LaidLine, factor: float) -> None:
    if not line.glyphs:
        return
    painter.save()
    painter.translate(0, line.baseline)
    painter.scale(line.scale, 1.0)
    current: str | None = None
    for ch, x, role in line.glyphs:
        if ch.isspace():
            continue
        if role != current:
            painter.setFont(fonts.font(role, line.size * factor))
            current = role
        painter.drawText(QPointF(x / line.scale, 0), ch)
    painter.restore()


def render_pages(
    letter: ComposedLetter | LetterLayout,
    device_size_px: QSize | tuple[int, int] | None = None,
    dpi: float = 96.0,
) -> list[QImage]:
    """One image per page: A4 at ``dpi`` (794 × 1123 px at 96 dpi), or the page fitted into
    ``device_size_px`` (centred) when given."""
    layout = letter if isinstance(letter, LetterLayout) else layout_letter(letter)
    if device_size_px is None:
        size = QSize(round(PAGE_WIDTH_PT * dpi / 72), round(PAGE_HEIGHT_PT * dpi / 72))
    elif isinstance(device_size_px, QSize):
        size = device_size_px
    else:
        size = QSize(*device_size_px)
    scale = min(size.width() / PAGE_WIDTH_PT, size.height() / PAGE_HEIGHT_PT)
    w, h = PAGE_WIDTH_PT * scale, PAGE_HEIGHT_PT * scale
    target = QRectF((size.width() - w) / 2, (size.height() - h) / 2, w, h)
    images = []
    dpm = round(dpi / 0.0254)
    for index in range(len(layout.pages)):
        image = QImage(size, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(dpm)
        image.setDotsPerMeterY(dpm)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            paint_page(painter, layout, index, target, background=True)
        finally:
            painter.end()
        images.append(image)
    return images


def paint_letter(
    painter: QPainter,
    letter: ComposedLetter | LetterLayout,
    new_page: Callable[[], object],
    pages: Sequence[int] | None = None,
) -> int:
    """Paint the pages (0-based ``pages``, by default all) at true size on a paged device,
    calling ``new_page`` between them (``QPrinter.newPage``, ``QPdfWriter.newPage``).
    Returns the number of pages painted."""
    layout = letter if isinstance(letter, LetterLayout) else layout_letter(letter)
    wanted = list(range(len(layout.pages))) if pages is None else list(pages)
    for n, index in enumerate(wanted):
        if n:
            new_page()
        paint_page(painter, layout, index)
    return len(wanted)


def print_letter(letter: ComposedLetter | LetterLayout, printer: QPrinter) -> int:
    """Print at true size (the page range chosen in the print dialog is honoured). The
    printer is switched to full-page mode so that the margins are the letter's own. Returns
    the number of pages sent; raises ``OSError`` when the printer cannot be opened."""
    layout = letter if isinstance(letter, LetterLayout) else layout_letter(letter)
    printer.setFullPage(True)
    count = len(layout.pages)
    first, last = printer.fromPage(), printer.toPage()
    if first > 0 or last > 0:
        first = max(1, first or 1)
        last = min(count, last or count)
        pages = list(range(first - 1, last))
    else:
        pages = list(range(count))
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer could not be opened")
    try:
        return paint_letter(painter, layout, printer.newPage, pages)
    finally:
        painter.end()


def write_pdf(letter: ComposedLetter | LetterLayout, path: Path, *, title: str = "") -> Path:
    """Write the in-app rendering as a PDF (A4, no printer margins). Raises ``OSError`` when
    the file cannot be written."""
    layout = letter if isinstance(letter, LetterLayout) else layout_letter(letter)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setResolution(1200)
    writer.setCreator("ReplyDesk")
    if title:
        writer.setTitle(title)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        paint_letter(painter, layout, writer.newPage)
    finally:
        painter.end()
    return Path(path)
