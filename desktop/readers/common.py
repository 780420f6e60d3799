"""What every reader shares: the messages a clerk sees and how a failure names the file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from desktop.model import ImportFailure

OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC: Final = b"PK\x03\x04"

# ----------------------------------------------------------------------------------------------
# Messages (the part after "无法读取 <文件名>：").

MSG_EMPTY: Final = "文件是空的"
MSG_NOT_TEXT: Final = "不是文本文件，内容看起来是乱码或二进制数据，请确认选对了文件"
MSG_NOT_TEXT_BUT_WORD: Final = (
    "不是文本文件，内容看起来是 Word 等 Office 文档，如果是 Word 文档，"
    "请把扩展名改为 .docx 或 .doc 后再导入"
)
MSG_NO_TEXT_IN_DOC: Final = "文档里没有文字（可能只有图片或是扫描件）"
MSG_PASSWORD: Final = "文档有密码保护，请在 Word/WPS 中取消密码后再导入"
MSG_CORRUPT: Final = "文档已损坏或不完整，请在 Word/WPS 中打开并另存为 .docx 后再导入"
MSG_NOT_DOCX: Final = (
    "不是有效的 Word 文档（.docx），可能已损坏或扩展名被改过，"
    "请在 Word/WPS 中打开并另存为 .docx 后再导入"
)
MSG_NOT_WORD: Final = "不是 Word 文档（可能是 Excel、PPT 或其他文件改了扩展名），请确认选对了文件"
MSG_BOMB: Final = "文档解压后过大，疑似损坏或恶意文件"
MSG_LEGACY_DOC: Final = (
    "这个文件其实是旧版 Word（.doc）格式，请在 Word/WPS 中另存为 .docx 后再导入，"
    "或安装 LibreOffice（免费）后直接导入"
)
MSG_NEED_SOFFICE: Final = (
    "需要安装 LibreOffice（免费）才能导入 .doc/.wps 文件，或在 Word/WPS 中另存为 .docx 后再导入"
)
MSG_CONVERT_FAILED: Final = (
    "LibreOffice 转换失败，文件可能已损坏或有密码保护，请在 Word/WPS 中打开并另存为 .docx 后再导入"
)
MSG_CONVERTED_GARBLED: Final = (
    "LibreOffice 转换出的内容是乱码，文件可能已损坏或不是 Word 文档，"
    "请在 Word/WPS 中打开检查并另存为 .docx 后再导入"
)
MSG_CONVERT_TIMEOUT: Final = (
    "LibreOffice 转换超时（超过 {seconds} 秒），请在 Word/WPS 中另存为 .docx 后再导入"
)
MSG_SOFFICE_BROKEN: Final = (
    "无法启动 LibreOffice，请重新安装 LibreOffice，或在 Word/WPS 中另存为 .docx 后再导入"
)
MSG_TOO_BIG: Final = "文件太大（{size} MB），最大只能导入 {limit} MB 的文件"


_SURROGATE_RE: Final = re.compile("[\ud800-\udfff]")


def printable_path(path: Path | str) -> str:
    """``path`` as text that can be shown, logged and stored.

    A file name that is not valid UTF-8 on Linux (``b'\\xff.txt'``) reaches Python with each
    bad byte as a lone surrogate, which no UTF-8 terminal, log or SQLite can take: each becomes
    the replacement character U+FFFD (``\ufffd.txt``).
    """
    return _SURROGATE_RE.sub("\ufffd", str(path))


def shown_name(path: Path) -> str:
    return printable_path(path.name or str(path)).replace("\r", " ").replace("\n", " ")


def fail(path: Path, reason: str) -> ImportFailure:
    return ImportFailure(f"无法读取 {shown_name(path)}：{reason}")


def open_failure(path: Path, reason: str) -> ImportFailure:
    return ImportFailure(f"无法打开文件 {shown_name(path)}：{reason}")
