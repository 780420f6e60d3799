"""OLE compound files (.doc, .wps, encrypted .docx) and their conversion through LibreOffice."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from desktop.model import ExtractedText, ImportFailure
from desktop.readers.common import (
    MSG_CONVERT_FAILED,
    MSG_CONVERT_TIMEOUT,
    MSG_CONVERTED_GARBLED,
    MSG_NEED_SOFFICE,
    MSG_NO_TEXT_IN_DOC,
    MSG_PASSWORD,
    MSG_SOFFICE_BROKEN,
    OLE_MAGIC,
    fail,
)
from desktop.readers.docx_file import read_docx_bytes
from desktop.readers.text import looks_like_text
from desktop.soffice import (
    SOFFICE_TIMEOUT,
    AutoDetect,
    SofficeBroken,
    SofficeError,
    SofficeTimeout,
    convert,
    resolve_soffice,
)


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def is_encrypted_ole(data: bytes) -> bool:
    """A password-protected Word file.

    An encrypted .docx is an OLE compound file holding ``EncryptionInfo`` and
    ``EncryptedPackage`` streams; a protected binary .doc has the fEncrypted bit set in the
    File Information Block at the start of its ``WordDocument`` stream.
    """
    if not data.startswith(OLE_MAGIC):
        return False
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return True
    return _word_fib_encrypted(data)


def _word_fib_encrypted(data: bytes) -> bool:
    if len(data) < 0x20:
        return False
    sector_shift = int.from_bytes(data[0x1E:0x20], "little")
    if sector_shift not in (9, 12):
        return False
    sector = 1 << sector_shift
    # The WordDocument stream (> 4 KB, so in ordinary sectors) starts on a sector boundary with
    # wIdent 0xA5EC; flags at offset 0x0A, fEncrypted = 0x0100.
    for offset in range(sector, len(data) - 0x0C, sector):
        if data[offset : offset + 2] == b"\xec\xa5":
            nfib = int.from_bytes(data[offset + 2 : offset + 4], "little")
            if 0x60 <= nfib <= 0x200:
                flags = int.from_bytes(data[offset + 0x0A : offset + 0x0C], "little")
                return bool(flags & 0x0100)
    return False


# ----------------------------------------------------------------------------------------------
# .doc / .wps through LibreOffice


def read_legacy(
    path: Path, data: bytes, fmt: str, soffice: str | AutoDetect | None
) -> ExtractedText:
    if zipfile.is_zipfile(BytesIO(data)):  # really a .docx with the wrong extension
        return read_docx_bytes(path, data, fmt)
    if is_encrypted_ole(data):
        raise fail(path, MSG_PASSWORD)
    program = resolve_soffice(soffice)
    if program is None:
        raise fail(path, MSG_NEED_SOFFICE)
    input_suffix = f".{fmt}"
    if fmt == "wps" and data.startswith(OLE_MAGIC) and _utf16("WordDocument") in data:
        # Kingsoft WPS files are Word binary files; LibreOffice reads .wps as MS Works.
        input_suffix = ".doc"
    return convert_and_read(path, data, input_suffix, fmt, program)


def convert_and_read(
    path: Path, data: bytes, input_suffix: str, fmt: str, soffice: str
) -> ExtractedText:
    """Convert with LibreOffice in a private profile, then read the resulting .docx."""
    try:
        with convert(
            soffice,
            data,
            name=f"input{input_suffix}",  # a plain ASCII name, whatever the clerk's was
            convert_to="docx:MS Word 2007 XML",
            timeout=SOFFICE_TIMEOUT,
        ) as result:
            try:
                converted = result.read_bytes()
            except OSError:
                raise fail(path, MSG_CONVERT_FAILED) from None
    except SofficeBroken:
        raise fail(path, MSG_SOFFICE_BROKEN) from None
    except SofficeTimeout:
        raise fail(path, MSG_CONVERT_TIMEOUT.format(seconds=SOFFICE_TIMEOUT)) from None
    except SofficeError:  # it ran but produced nothing
        raise fail(path, MSG_CONVERT_FAILED) from None
    try:
        extracted = read_docx_bytes(path, converted, fmt)
    except ImportFailure as exc:
        if MSG_NO_TEXT_IN_DOC in exc.message:
            raise
        raise fail(path, MSG_CONVERT_FAILED) from None
    # LibreOffice "converts" almost anything: random bytes behind an OLE header, or a damaged
    # .doc, come back as pages of mojibake. The plain-text check judges what it returned.
    if not looks_like_text("\n".join(extracted.lines), strict=True):
        raise fail(path, MSG_CONVERTED_GARBLED)
    return extracted
