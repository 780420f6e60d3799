"""Turn an exported DOCX into a PDF with LibreOffice (headless).

LibreOffice runs with a private profile in a temporary folder (so it neither clashes with a
LibreOffice the clerk has open nor leaves settings behind), on a copy of the DOCX with a plain
ASCII name (so Chinese paths are fine), and is killed after :data:`SOFFICE_TIMEOUT` seconds.
The PDF is then written over the target atomically.

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
from typing import Any, Final

from desktop.readers import AUTO, SOFFICE_TIMEOUT, _Auto, _kill_tree, find_soffice
from desktop.safe_write import atomic_write

__all__ = ["AUTO", "PdfError", "PdfFailed", "PdfUnavailable", "convert_to_pdf"]

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


class PdfError(Exception):
    """A PDF could not be made. ``message`` is plain Chinese for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class PdfUnavailable(PdfError):
    """LibreOffice is not installed (or not found)."""


class PdfFailed(PdfError):
    """LibreOffice ran but produced no PDF, failed to start, or timed out."""


def convert_to_pdf(
    docx: Path,
    pdf: Path,
    *,
    soffice: str | _Auto | None = AUTO,
    timeout: float = SOFFICE_TIMEOUT,
) -> Path:
    """Convert ``docx`` to ``pdf`` and return ``pdf``.

    ``soffice`` is the LibreOffice program; by default it is looked up with
    :func:`desktop.readers.find_soffice`, and ``None`` means there is none.
    """
    program = find_soffice() if isinstance(soffice, _Auto) else soffice
    if program is None:
        raise PdfUnavailable(MSG_NO_SOFFICE)
    docx, pdf = Path(docx), Path(pdf)
    with tempfile.TemporaryDirectory(prefix="replydesk-pdf-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        source = work / "letter.docx"
        try:
            shutil.copyfile(docx, source)
        except FileNotFoundError:
            raise PdfFailed(MSG_NO_INPUT.format(name=docx.name)) from None
        except OSError:
            raise PdfFailed(f"无法读取“{docx.name}”，请确认文件没有被占用。") from None
        outdir = work / "out"
        outdir.mkdir()
        profile = work / "profile"
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(outdir),
            str(source),
        ]
        _run(command, timeout)
        produced = outdir / "letter.pdf"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise PdfFailed(MSG_FAILED)
        return atomic_write(pdf, lambda target: shutil.copyfile(produced, target))


def _run(command: list[str], timeout: float) -> None:
    kwargs: dict[str, Any] = {}
    if os.name == "nt":
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    else:
        kwargs["start_new_session"] = True  # so a hung conversion can be killed with its children
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            **kwargs,
        )
    except OSError:
        raise PdfFailed(MSG_BROKEN) from None
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_tree(process)
        raise PdfFailed(MSG_TIMEOUT.format(seconds=round(timeout))) from None
