"""Documents in other formats for the import tests, made at test time (no binary files are
committed): DOCX letters written with python-docx, converted by LibreOffice to PDF, HTML or
RTF, PDFs drawn with PDFium, encrypted with qpdf."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from desktop.soffice import SOFFICE_TIMEOUT, convert, find_soffice


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def soffice_or_skip() -> str:
    """LibreOffice: skipped on a developer machine without it, a failure in CI."""
    program = find_soffice()
    if program is None:
        if _in_ci():
            pytest.fail("CI must have LibreOffice (soffice) installed for the format tests")
        pytest.skip("LibreOffice (soffice) is not installed; conversions not tested")
    return program


def qpdf_or_skip() -> str:
    program = shutil.which("qpdf")
    if program is None:
        if _in_ci():
            pytest.fail("CI must have qpdf installed (.ci/run) for the encrypted-PDF test")
        pytest.skip("qpdf is not installed; the encrypted PDF is not tested")
    return program


def _page_number_field(paragraph: object, before: str, after: str) -> None:
    p = paragraph  # a python-docx Paragraph
    p.add_run(before)  # type: ignore[attr-defined]
    run = p.add_run()  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)
    p.add_run(after)  # type: ignore[attr-defined]


def letter_docx(
    paragraphs: list[str],
    *,
    header: str | None = None,
    page_number: tuple[str, str] | None = ("- ", " -"),
    indent_over: int = 40,
) -> bytes:
    """A DOCX letter: the first paragraph centred (the title), paragraphs longer than
    ``indent_over`` characters with a two-character first-line indent, an optional running
    header and a page number field in the footer between ``page_number``'s two texts."""
    document = docx.Document()
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if page_number:
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_number_field(footer, *page_number)
    for i, text in enumerate(paragraphs):
        p = document.add_paragraph(text)
        if i == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif len(text) > indent_over:
            p.paragraph_format.first_line_indent = Pt(24)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def soffice_convert(program: str, data: bytes, name: str, convert_to: str) -> bytes:
    """LibreOffice's conversion of ``data`` (as file ``name``) with ``--convert-to``."""
    with convert(program, data, name=name, convert_to=convert_to, timeout=SOFFICE_TIMEOUT) as out:
        return out.read_bytes()


def image_only_pdf(pages: int = 1) -> bytes:
    """A "scanned" PDF: each page holds one picture (grey bars like lines of print), no text."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = pdf.new_page(595, 842)
        bitmap = pdfium.PdfBitmap.new_native(300, 400, pdfium.raw.FPDFBitmap_BGR)
        bitmap.fill_rect((255, 255, 255, 255), 0, 0, 300, 400)
        for row in range(20, 380, 18):
            bitmap.fill_rect((40, 40, 40, 255), 20, row, 260, 8)
        image = pdfium.PdfImage.new(pdf)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(450, 600).translate(70, 120))
        page.insert_obj(image)
        page.gen_content()
        page.close()
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def blank_pdf(pages: int) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842).close()
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def encrypt_pdf(qpdf: str, source: Path, target: Path, user_password: str) -> None:
    subprocess.run(
        [qpdf, "--encrypt", user_password, "owner-secret", "256", "--", str(source), str(target)],
        check=True,
        capture_output=True,
        timeout=60,
    )
