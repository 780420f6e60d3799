""".rtf through striprtf (pure Python, so no LibreOffice is needed: clerks' Windows machines
often have none).

Chinese in RTF comes three ways, all read here: ``\\'xx`` bytes in the document's code page
(``\\ansicpg936`` — GBK — from Word and WPS) or a font's ``\\fcharset134``; ``\\uN`` escapes
with a fallback character (LibreOffice, newer Word), negative N and surrogate pairs included;
and raw 8-bit GBK bytes that some converters write without escaping them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from desktop.model import ExtractedText
from desktop.readers.common import MSG_NO_TEXT_IN_DOC, fail
from desktop.readers.text import looks_like_text

MSG_RTF_NOT_RTF: Final = (
    "不是 RTF 文件（内容不以 {\\rtf 开头），可能是其他文件改了扩展名，请确认选对了文件"
)
MSG_RTF_GARBLED: Final = (
    "RTF 文件里的文字读出来是乱码（编码标记有误或文件已损坏），"
    "请在 Word/WPS 中打开并另存为 .docx 后再导入"
)

_RAW_HIGH_BYTE_RE: Final = re.compile(rb"[\x80-\xff]")
# Pictures are written as long runs of hex digits; no text has hundreds of them in a row.
# Dropping them first keeps a letter with a scanned seal from being read character by
# character through megabytes of picture data.
_HEX_RUN_RE: Final = re.compile(rb"[0-9a-fA-F\r\n]{512,}")
_CHINESE_CODE_PAGE_RE: Final = re.compile(rb"\\ansicpg(?:936|54936)(?![0-9])")
_WESTERN_FONT_RE: Final = re.compile(rb"\\fcharset0(?![0-9])")
_CELL_SPLIT_RE: Final = re.compile(r"\s*\|\s*")


def read_rtf(path: Path, data: bytes) -> ExtractedText:
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise fail(path, MSG_RTF_NOT_RTF)
    text = rtf_text(data)
    lines = _lines(text)
    if not lines:
        raise fail(path, MSG_NO_TEXT_IN_DOC)
    if not looks_like_text("\n".join(lines), strict=True):
        raise fail(path, MSG_RTF_GARBLED)
    return ExtractedText(lines=lines, source_format="rtf")


def rtf_text(data: bytes) -> str:
    """The document's text, with \\par as line breaks and table cells separated by ``|``."""
    from striprtf.striprtf import rtf_to_text

    data = _HEX_RUN_RE.sub(b"", data)
    if _CHINESE_CODE_PAGE_RE.search(data[:4096]):
        data = data.replace(b"\\ansicpg54936", b"\\ansicpg936")
        # In a Chinese document the \'xx bytes are GBK even where the font is marked Western
        # (\fcharset0), as WPS and some converters write them.
        data = _WESTERN_FONT_RE.sub(rb"\\fcharset134", data)
    # Raw 8-bit bytes become \'xx escapes, so that the code page decodes them with the rest.
    data = _RAW_HIGH_BYTE_RE.sub(lambda m: b"\\'%02x" % m.group()[0], data)
    text = rtf_to_text(data.decode("ascii"), encoding="cp936", errors="replace")
    # \uN of a character beyond the BMP comes as two surrogates; join them into one.
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _lines(text: str) -> list[str]:
    lines = []
    for raw in text.splitlines():
        line = raw.strip()
        if "|" in line:  # a table row: the cells as the .docx reader joins them
            line = " | ".join(cell for cell in _CELL_SPLIT_RE.split(line) if cell)
        if line:
            lines.append(line)
    return lines
