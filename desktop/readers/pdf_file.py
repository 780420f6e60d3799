"""Text PDFs through PDFium (pypdfium2): each page's characters with their boxes, as visual
lines for :mod:`desktop.readers.pdf_layout` to turn back into paragraphs.

A PDF without a text layer (a scan), with a password, damaged or cut short, or longer than
:data:`MAX_PDF_PAGES` pages is refused whole with one line of Chinese: nothing of it is stored.
pypdfium2 is imported only here, when a PDF is read.
"""

from __future__ import annotations

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
        lines = [
            line
            for chars in _char_runs(textpage, pdfium_c)
            if (line := _visual_line(chars, number, height)) is not None
        ]
    finally:
        textpage.close()
    return _merge_same_baseline(lines)


_Char = tuple[str, bool, float, float, float, float]  # text, generated, left, bottom, right, top


def _char_runs(textpage: Any, pdfium_c: Any) -> Iterator[list[_Char]]:
    """The page's characters, cut into runs at line breaks (PDFium's generated \\r\\n)."""
    run: list[_Char] = []
    for i in range(textpage.count_chars()):
        ch = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD)
        if ch in "\r\n\x02":  # \x02: a soft hyphen PDFium marks at a line end
            if run:
                yield run
            run = []
            continue
        generated = bool(pdfium_c.FPDFText_IsGenerated(textpage.raw, i))
        left, bottom, right, top = textpage.get_charbox(i)
        run.append((ch, generated, left, bottom, right, top))
    if run:
        yield run


def _visual_line(chars: list[_Char], page: int, page_height: float) -> VisualLine | None:
    inked = [c for c in chars if not c[0].isspace()]
    if not inked:
        return None
    em = statistics.median(max(c[4] - c[2], c[5] - c[3]) for c in inked) or 10.0
    text, cells = _line_text(chars, em)
    return VisualLine(
        text=text.strip(),
        left=min(c[2] for c in inked),
        right=max(c[4] for c in inked),
        top=max(c[5] for c in inked),
        bottom=min(c[3] for c in inked),
        em=em,
        page=page,
        page_height=page_height,
        cells=cells,
    )


def _line_text(chars: list[_Char], em: float) -> tuple[str, bool]:
    """The line's text: a space PDFium made up between Chinese characters is dropped, a gap of
    :data:`_CELL_GAP_EMS` characters or more becomes a cell separator."""
    out: list[str] = []
    cells = False
    last_right: float | None = None
    for i, (ch, generated, left, _b, right, _t) in enumerate(chars):
        if ch.isspace():
            if generated and _beside_cjk(chars, i):
                continue
            out.append(" ")
            continue
        if last_right is not None and left - last_right >= _CELL_GAP_EMS * em:
            while out and out[-1] == " ":
                out.pop()
            out.append(" | ")
            cells = True
        out.append(ch)
        last_right = right
    return "".join(out), cells


def _beside_cjk(chars: list[_Char], i: int) -> bool:
    before = next((c[0] for c in reversed(chars[:i]) if not c[0].isspace()), None)
    after = next((c[0] for c in chars[i + 1 :] if not c[0].isspace()), None)
    return is_cjk_context(before) or is_cjk_context(after)


def _merge_same_baseline(lines: list[VisualLine]) -> list[VisualLine]:
    """Pieces PDFium put on separate lines although they stand side by side on one."""
    out: list[VisualLine] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and _same_row(prev, ln) and ln.left >= prev.right - 0.5 * ln.em:
            gap = ln.left - prev.right
            sep = " | " if gap >= _CELL_GAP_EMS * ln.em else ""
            prev.text = (
                f"{prev.text}{sep}{ln.text}"
                if sep or not _needs_space(prev, ln)
                else f"{prev.text} {ln.text}"
            )
            prev.cells = prev.cells or ln.cells or bool(sep)
            prev.right, prev.top = ln.right, max(prev.top, ln.top)
            prev.bottom = min(prev.bottom, ln.bottom)
            continue
        out.append(ln)
    return out


def _same_row(a: VisualLine, b: VisualLine) -> bool:
    overlap = min(a.top, b.top) - max(a.bottom, b.bottom)
    return overlap >= 0.5 * min(a.top - a.bottom, b.top - b.bottom)


def _needs_space(a: VisualLine, b: VisualLine) -> bool:
    return (
        b.left - a.right > 0.2 * b.em
        and not is_cjk_context(a.text[-1:] or None)
        and not is_cjk_context(b.text[:1] or None)
    )
