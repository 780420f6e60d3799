"""Text PDFs through PDFium (pypdfium2): each page's characters with their boxes, as visual
lines for :mod:`desktop.readers.pdf_layout` to turn back into paragraphs.

A PDF without a text layer (a scan), with a password, damaged or cut short, or longer than
:data:`MAX_PDF_PAGES` pages is refused whole with one line of Chinese: nothing of it is stored.
pypdfium2 is imported only here, when a PDF is read.
"""

from __future__ import annotations

import itertools
import statistics
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from desktop.cjk import is_cjk_context
from desktop.model import ExtractedText
from desktop.readers.common import fail
from desktop.readers.pdf_layout import VisualLine, paragraph_lines
from desktop.readers.text import looks_like_text

if TYPE_CHECKING:
    from collections.abc import Iterator

# A reply letter is a few pages, a yearly compilation of replies a few hundred; past this a
# file is not one letter and reading it would hold the import for minutes.
MAX_PDF_PAGES: Final = 300

MSG_PDF_NOT_PDF: Final = (
    "不是 PDF 文件（内容不以 %PDF 开头），可能是其他文件改了扩展名，请确认选对了文件"
)
MSG_PDF_PASSWORD: Final = (
    "PDF 有密码保护，请在 PDF 阅读器中输入密码后另存一份不加密的 PDF，或找到它的 Word 版本再导入"
)
MSG_PDF_BROKEN: Final = "PDF 文件已损坏或不完整（可能没有下载完），请重新获取这份文件后再导入"
MSG_PDF_NO_TEXT: Final = (
    "这份 PDF 没有文字层（是扫描件或图片），无法读出文字；请先用 OCR 软件识别为文字，"
    "或找到它的 Word 版本再导入"
)
MSG_PDF_SCANNED_PAGES: Final = (
    "这份 PDF 的第 {pages} 页没有文字层（是扫描的图片），无法完整读出；请先用 OCR 软件识别为文字，"
    "或找到它的 Word 版本再导入"
)
MSG_PDF_TOO_MANY_PAGES: Final = (
    "PDF 共 {pages} 页，超过了 {limit} 页的上限，不像是一份答复；请只导出需要的页后再导入"
)
MSG_PDF_GARBLED: Final = (
    "PDF 里的文字无法正确读出（字体没有文字编码，读出来是乱码），请找到它的 Word 版本再导入"
)

# A gap this many characters wide inside a line separates table cells.
_CELL_GAP_EMS: Final = 3.0

# PDFium is not thread-safe: the window's import thread and anything else reading a PDF take
# turns.
_PDFIUM_LOCK = threading.Lock()


def read_pdf(path: Path, data: bytes) -> ExtractedText:
    head = data[:1024]
    if b"%PDF-" not in head:
        raise fail(path, MSG_PDF_NOT_PDF)
    # A PDF ends with %%EOF; PDFium would quietly rebuild a file cut short and hand back the
    # pages it still finds, so an interrupted download is refused rather than half-imported.
    if b"%%EOF" not in data[-2048:]:
        raise fail(path, MSG_PDF_BROKEN)
    with _PDFIUM_LOCK:
        pages = _read_pages(path, data)
    lines = paragraph_lines(pages)
    if not looks_like_text("\n".join(lines), strict=True):
        raise fail(path, MSG_PDF_GARBLED)
    return ExtractedText(lines=lines, source_format="pdf")


def _read_pages(path: Path, data: bytes) -> list[list[VisualLine]]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (
            pdfium_c.FPDF_ERR_PASSWORD,
            pdfium_c.FPDF_ERR_SECURITY,
        ):
            raise fail(path, MSG_PDF_PASSWORD) from None
        raise fail(path, MSG_PDF_BROKEN) from None
    try:
        count = len(document)
        if count > MAX_PDF_PAGES:
            raise fail(path, MSG_PDF_TOO_MANY_PAGES.format(pages=count, limit=MAX_PDF_PAGES))
        pages: list[list[VisualLine]] = []
        scanned: list[int] = []
        for number in range(count):
            page = document[number]
            try:
                lines = _page_lines(page, number, pdfium_c)
                if not lines and _has_images(page, pdfium_c):
                    scanned.append(number + 1)
            finally:
                page.close()
            pages.append(lines)
    except pdfium.PdfiumError:
        raise fail(path, MSG_PDF_BROKEN) from None
    finally:
        document.close()
    _refuse_scans(path, pages, scanned)
    return pages


def _refuse_scans(path: Path, pages: list[list[VisualLine]], scanned: list[int]) -> None:
    if not any(pages):
        raise fail(path, MSG_PDF_NO_TEXT)
    if scanned:
        shown = "、".join(str(n) for n in scanned[:5]) + ("等" if len(scanned) > 5 else "")
        raise fail(path, MSG_PDF_SCANNED_PAGES.format(pages=shown))


def _has_images(page: Any, pdfium_c: Any) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))


def _page_lines(page: Any, number: int, pdfium_c: Any) -> list[VisualLine]:
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        chars = list(_inked_chars(textpage, pdfium_c))
    finally:
        textpage.close()
    return [_visual_line(row, number, height) for row in _rows(chars)]


_Char = tuple[str, float, float, float, float]  # text, left, bottom, right, top


def _inked_chars(textpage: Any, pdfium_c: Any) -> Iterator[_Char]:
    """The page's characters with their boxes. Spaces and line breaks are left out, PDFium's
    made-up ones and real ones alike: the rows and gaps are read from the boxes instead.

    The boxes are the loose ones (the advance width by the font's height): letters of one
    word touch, and a comma or a quotation mark is as tall as the characters beside it.
    """
    import ctypes

    box = pdfium_c.FS_RECTF()
    for i in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
        ch = chr(code) if 0 < code < 0x110000 else "\ufffd"
        if ch.isspace() or ch in "\x00\x02" or pdfium_c.FPDFText_IsGenerated(textpage.raw, i):
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, ctypes.byref(box)):
            continue
        yield ch, box.left, box.bottom, box.right, max(box.top, box.bottom + 0.1)


class _Row:
    def __init__(self, char: _Char) -> None:
        self.chars = [char]
        self.bottom, self.top = char[2], char[4]

    def takes(self, char: _Char) -> bool:
        """Whether ``char`` stands on this row: it overlaps the row's band by half the height
        of the smaller of the two (a comma sits low, a quotation mark high)."""
        overlap = min(self.top, char[4]) - max(self.bottom, char[2])
        return overlap >= 0.5 * min(char[4] - char[2], self.top - self.bottom)

    def add(self, char: _Char) -> None:
        self.chars.append(char)
        self.bottom, self.top = min(self.bottom, char[2]), max(self.top, char[4])


def _rows(chars: list[_Char]) -> list[_Row]:
    """The characters grouped into rows by position, top to bottom, each left to right.

    PDFium gives characters in the order the page draws them, which is not always reading
    order: a quotation mark in another font may be drawn after the whole line.
    """
    rows: list[_Row] = []
    for char in chars:
        row = next((r for r in reversed(rows) if r.takes(char)), None)
        if row is None:
            rows.append(_Row(char))
        else:
            row.add(char)
    rows.sort(key=lambda r: -(r.top + r.bottom))
    for row in rows:
        row.chars.sort(key=lambda c: c[1])
    return rows


def _visual_line(row: _Row, page: int, page_height: float) -> VisualLine:
    chars = row.chars
    em = statistics.median(max(c[3] - c[1], c[4] - c[2]) for c in chars) or 10.0
    text, cells = _row_text(chars, em)
    return VisualLine(
        text=text,
        left=min(c[1] for c in chars),
        right=max(c[3] for c in chars),
        top=row.top,
        bottom=row.bottom,
        em=em,
        page=page,
        page_height=page_height,
        cells=cells,
    )


def _row_text(chars: list[_Char], em: float) -> tuple[str, bool]:
    """The row's text and whether it is a row of table cells: pieces apart by
    :data:`_CELL_GAP_EMS` characters or more are cells (joined by `` | ``), unless they are
    single characters (a title spaced out, 答    复)."""
    pieces: list[list[_Char]] = [[chars[0]]]
    for prev, char in itertools.pairwise(chars):
        if char[0] == prev[0] and abs(char[1] - prev[1]) < 0.3 * em:
            continue  # drawn twice, a little offset: "bold" made by overprinting
        if char[1] - prev[3] >= _CELL_GAP_EMS * em:
            pieces.append([])
        pieces[-1].append(char)
    texts = [_piece_text(piece, em) for piece in pieces]
    if len(texts) > 1 and all(len(t) >= 2 for t in texts):
        return " | ".join(texts), True
    return " ".join(texts), False


def _piece_text(chars: list[_Char], em: float) -> str:
    """A space wherever the text leaves one: a fifth of a character between Latin words, or
    between Chinese sentences of run-on text (where it separates paragraphs). Between Chinese
    and a figure or Latin word, Word and LibreOffice set a quarter of a character apart
    themselves, so there only a wider gap is a space."""
    out = [chars[0][0]]
    for prev, char in itertools.pairwise(chars):
        gap = char[1] - prev[3]
        mixed = (is_cjk_context(prev[0]) and _latin(char[0])) or (
            _latin(prev[0]) and is_cjk_context(char[0])
        )
        if gap >= (0.6 if mixed else 0.2) * em:
            out.append(" ")
        out.append(char[0])
    return "".join(out)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
