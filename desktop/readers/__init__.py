"""Turn a clerk's file (.txt, .docx, .doc, .wps, .pdf, .rtf, saved web pages) into lines of text.

The suffix picks the reader; where a suffix is known to lie (a page saved as .htm that is
really an MHT message, a portal's ".doc" that is a web page), the content decides.

Everything a clerk can get wrong — a locked, empty, huge, encrypted, damaged or mislabelled
file, or a missing LibreOffice — ends as :class:`~desktop.model.ImportFailure` with one line of
plain Chinese. Other exceptions are programmer bugs and are left to escape.

No Qt here. python-docx is imported only inside the .docx functions, so the rest of the app
does not depend on it.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Final

from desktop.model import ExtractedText, ImportFailure
from desktop.readers.common import (
    MSG_BOMB,
    MSG_CONVERT_FAILED,
    MSG_CONVERT_TIMEOUT,
    MSG_CONVERTED_GARBLED,
    MSG_CORRUPT,
    MSG_EMPTY,
    MSG_LEGACY_DOC,
    MSG_NEED_SOFFICE,
    MSG_NO_TEXT_IN_DOC,
    MSG_NOT_DOCX,
    MSG_NOT_TEXT,
    MSG_NOT_TEXT_BUT_WORD,
    MSG_NOT_WORD,
    MSG_PASSWORD,
    MSG_SOFFICE_BROKEN,
    MSG_TOO_BIG,
    OLE_MAGIC,
    fail,
    open_failure,
    printable_path,
    shown_name,
)
from desktop.readers.docx_file import read_docx_bytes
from desktop.readers.legacy import convert_and_read, is_encrypted_ole, read_legacy
from desktop.readers.pdf_file import MAX_PDF_PAGES, read_pdf
from desktop.readers.rtf import read_rtf
from desktop.readers.text import decode_text, read_txt
from desktop.readers.web import read_html, read_mht, sniff_web
from desktop.soffice import AUTO, AutoDetect, resolve_soffice
from desktop.soffice import find_soffice as find_soffice  # re-exported for older callers
from desktop.zip_guard import (
    MAX_COMPRESSION_RATIO,
    MAX_UNZIPPED_TOTAL,
    MAX_ZIP_MEMBERS,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_COMPRESSION_RATIO",
    "MAX_PDF_PAGES",
    "MAX_UNZIPPED_TOTAL",
    "MAX_ZIP_MEMBERS",
    "MSG_BOMB",
    "MSG_CONVERTED_GARBLED",
    "MSG_CONVERT_FAILED",
    "MSG_CONVERT_TIMEOUT",
    "MSG_CORRUPT",
    "MSG_EMPTY",
    "MSG_LEGACY_DOC",
    "MSG_NEED_SOFFICE",
    "MSG_NOT_DOCX",
    "MSG_NOT_TEXT",
    "MSG_NOT_TEXT_BUT_WORD",
    "MSG_NOT_WORD",
    "MSG_NO_TEXT_IN_DOC",
    "MSG_PASSWORD",
    "MSG_SOFFICE_BROKEN",
    "MSG_TOO_BIG",
    "OLE_MAGIC",
    "SUPPORTED_SUFFIXES",
    "decode_text",
    "find_soffice",
    "printable_path",
    "read_document",
]

SUPPORTED_SUFFIXES: Final = (
    ".txt",
    ".docx",
    ".doc",
    ".wps",
    ".pdf",
    ".html",
    ".htm",
    ".mht",
    ".mhtml",
    ".rtf",
)
_WEB_SUFFIXES: Final = (".html", ".htm", ".mht", ".mhtml")

DEFAULT_MAX_BYTES: Final = 64 * 1024 * 1024

# ----------------------------------------------------------------------------------------------
# Public API


def read_document(
    path: Path | str,
    *,
    soffice: str | AutoDetect | None = AUTO,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ExtractedText:
    """Read one file into lines of text, or raise :class:`ImportFailure`.

    ``soffice`` is the LibreOffice program used for .doc/.wps; by default it is looked up with
    :func:`find_soffice`, and ``None`` means LibreOffice is not available.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"不支持 {suffix} 文件" if suffix else "不支持没有扩展名的文件"
        supported = "、".join(SUPPORTED_SUFFIXES)
        raise ImportFailure(f"无法导入 {shown_name(path)}：{kind}，只能导入 {supported} 文件")

    data = _read_bytes(path, max_bytes)
    fmt = suffix[1:]
    if suffix == ".txt":
        return read_txt(path, data)
    if suffix == ".docx":
        return _read_docx_file(path, data, soffice)
    if suffix == ".pdf":
        return read_pdf(path, data)
    if suffix == ".rtf" or data.lstrip()[:5] == b"{\\rtf":  # Word saves RTF as .doc on request
        return _with_format(read_rtf(path, data), fmt)
    web = sniff_web(data)
    if suffix in _WEB_SUFFIXES:
        if web is None:  # no markup at the start: the suffix decides
            web = "mht" if suffix in (".mht", ".mhtml") else "html"
        return read_mht(path, data) if web == "mht" else read_html(path, data)
    if web is not None:  # a web page named .doc/.wps, as some portals serve them
        return read_mht(path, data) if web == "mht" else read_html(path, data, fmt=fmt)
    return read_legacy(path, data, fmt, soffice)


def _with_format(extracted: ExtractedText, fmt: str) -> ExtractedText:
    extracted.source_format = fmt
    return extracted


# ----------------------------------------------------------------------------------------------
# Files


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise open_failure(path, "这是一个文件夹，不是文件")
        if not stat.S_ISREG(st.st_mode):
            raise open_failure(path, "这不是普通文件")
        if st.st_size > max_bytes:
            raise _too_big(path, st.st_size, max_bytes)
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise open_failure(path, "文件不存在，可能已被移动或删除") from None
    except IsADirectoryError:
        raise open_failure(path, "这是一个文件夹，不是文件") from None
    except OSError:  # PermissionError (locked by Word on Windows, no rights), I/O errors …
        raise open_failure(
            path, "可能正被其他程序占用或没有权限，请关闭占用它的程序后再试"
        ) from None
    if len(data) > max_bytes:  # the file grew after stat()
        raise _too_big(path, len(data), max_bytes)
    return data


def _too_big(path: Path, size: int, max_bytes: int) -> ImportFailure:
    mb = 1024 * 1024
    return fail(path, MSG_TOO_BIG.format(size=f"{size / mb:.1f}", limit=f"{max_bytes / mb:g}"))


# ----------------------------------------------------------------------------------------------
# .docx


def _read_docx_file(path: Path, data: bytes, soffice: str | AutoDetect | None) -> ExtractedText:
    if data.startswith(OLE_MAGIC):
        if is_encrypted_ole(data):
            raise fail(path, MSG_PASSWORD)
        # An old binary .doc that somebody renamed (or "saved") as .docx.
        program = resolve_soffice(soffice)
        if program is None:
            raise fail(path, MSG_LEGACY_DOC)
        return convert_and_read(path, data, ".doc", "docx", program)
    return read_docx_bytes(path, data, "docx")
