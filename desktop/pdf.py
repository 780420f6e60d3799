"""Turn an exported DOCX into a PDF with LibreOffice (headless).

LibreOffice runs through :func:`desktop.soffice.convert` (a private profile, a copy of the DOCX
with a plain ASCII name, killed after :data:`~desktop.soffice.SOFFICE_TIMEOUT` seconds). The
PDF is then written over the target atomically.

Errors a clerk can meet are :class:`PdfUnavailable` (no LibreOffice), :class:`PdfFailed`
(LibreOffice failed or timed out), and :class:`~desktop.safe_write.TargetLocked` /
:class:`~desktop.safe_write.WriteFailed` from writing the PDF; each has a ``message`` in plain
Chinese. No Qt here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Final

from desktop.errors import ClerkError
from desktop.safe_write import atomic_write
from desktop.soffice import (
    AUTO,
    SOFFICE_TIMEOUT,
    AutoDetect,
    SofficeBroken,
    SofficeInputMissing,
    SofficeInputUnreadable,
    SofficeNoOutput,
    SofficeTimeout,
    convert,
    resolve_soffice,
)

__all__ = [
    "AUTO",
    "PdfError",
    "PdfFailed",
    "PdfUnavailable",
    "convert_to_pdf",
    "find_pdftoppm",
    "pdf_page_images",
]

RASTER_DPI: Final = 192  # the preview rasterises LibreOffice's pages once at this resolution
PDFTOPPM_TIMEOUT: Final = 60  # seconds

MSG_NO_SOFFICE: Final = (
    "需要安装 LibreOffice（免费）才能生成 PDF；也可以在 Word/WPS 中打开 DOCX 另存为 PDF。"
)
MSG_FAILED: Final = (
    "LibreOffice 生成 PDF 失败。可以在 Word/WPS 中打开 DOCX 另存为 PDF，或重新安装 LibreOffice。"
)
MSG_TIMEOUT: Final = (
    "LibreOffice 生成 PDF 超时（超过 {seconds} 秒）。可以在 Word/WPS 中打开 DOCX 另存为 PDF。"
)
MSG_BROKEN: Final = (
    "无法启动 LibreOffice，请重新安装 LibreOffice；也可以在 Word/WPS 中打开 DOCX 另存为 PDF。"
)
MSG_NO_INPUT: Final = "找不到要转换的文件“{name}”，请先保存 DOCX。"


class PdfError(ClerkError):
    """A PDF could not be made. ``message`` is plain Chinese for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)


class PdfUnavailable(PdfError):
    """LibreOffice is not installed (or not found)."""


class PdfFailed(PdfError):
    """LibreOffice ran but produced no PDF, failed to start, or timed out."""


def convert_to_pdf(
    docx: Path,
    pdf: Path,
    *,
    soffice: str | AutoDetect | None = AUTO,
    timeout: float = SOFFICE_TIMEOUT,
) -> Path:
    """Convert ``docx`` to ``pdf`` and return ``pdf``.

    ``soffice`` is the LibreOffice program; by default it is looked up with
    :func:`desktop.soffice.find_soffice`, and ``None`` means there is none.
    """
    program = resolve_soffice(soffice)
    if program is None:
        raise PdfUnavailable(MSG_NO_SOFFICE)
    docx, pdf = Path(docx), Path(pdf)
    try:
        with convert(
            program,
            docx,
            name="letter.docx",  # a plain ASCII name, whatever the clerk's was
            convert_to="pdf:writer_pdf_Export",
            timeout=timeout,
            prefix="replydesk-pdf-",
        ) as produced:
            return atomic_write(pdf, lambda target: shutil.copyfile(produced, target))
    except SofficeInputMissing:
        raise PdfFailed(MSG_NO_INPUT.format(name=docx.name)) from None
    except SofficeInputUnreadable:
        raise PdfFailed(f"无法读取“{docx.name}”，请确认文件没有被占用。") from None
    except SofficeBroken:
        raise PdfFailed(MSG_BROKEN) from None
    except SofficeTimeout:
        raise PdfFailed(MSG_TIMEOUT.format(seconds=round(timeout))) from None
    except SofficeNoOutput:
        raise PdfFailed(MSG_FAILED) from None


def find_pdftoppm() -> str | None:
    return shutil.which("pdftoppm")


def pdf_page_images(docx: Path, soffice: str, pdftoppm: str, dpi: int = RASTER_DPI) -> list[bytes]:
    """The DOCX as LibreOffice renders it: PNG bytes per page, rasterised by poppler's
    ``pdftoppm`` (the preview runs this in a worker thread)."""
    with tempfile.TemporaryDirectory(
        prefix="replydesk-preview-", ignore_cleanup_errors=True
    ) as tmp:
        folder = Path(tmp)
        pdf = convert_to_pdf(docx, folder / "letter.pdf", soffice=soffice)
        subprocess.run(
            [pdftoppm, "-r", str(dpi), "-png", str(pdf), str(folder / "page")],
            check=True,
            capture_output=True,
            timeout=PDFTOPPM_TIMEOUT,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0) if os.name == "nt" else 0,
        )
        pages = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [p.read_bytes() for p in pages]
