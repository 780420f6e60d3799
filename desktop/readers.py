"""Turn a clerk's file (.txt, .docx, .doc, .wps) into plain lines of text.

Everything a clerk can get wrong — a locked, empty, huge, encrypted, damaged or mislabelled
file, or a missing LibreOffice — ends as :class:`~desktop.model.ImportFailure` with one line of
plain Chinese. Other exceptions are programmer bugs and are left to escape.

No Qt here. python-docx is imported only inside the .docx functions, so the rest of the app
does not depend on it.
"""

from __future__ import annotations

import posixpath
import re
import stat
import unicodedata
import zipfile
import zlib
from collections import Counter
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import unquote

from desktop.model import ExtractedText, ImportFailure
from desktop.soffice import (
    AUTO,
    SOFFICE_TIMEOUT,
    AutoDetect,
    SofficeBroken,
    SofficeError,
    SofficeTimeout,
    convert,
    resolve_soffice,
)
from desktop.soffice import find_soffice as find_soffice  # re-exported for older callers

if TYPE_CHECKING:
    from collections.abc import Iterable

SUPPORTED_SUFFIXES: Final = (".txt", ".docx", ".doc", ".wps")

DEFAULT_MAX_BYTES: Final = 64 * 1024 * 1024

# Zip-bomb limits, checked on the sizes the zip declares before anything is decompressed.
# (zipfile never produces more than the declared size, so the declaration is a real bound.)
MAX_UNZIPPED_TOTAL: Final = 200 * 1024 * 1024
MAX_RATIO_MEMBER_SIZE: Final = 10 * 1024 * 1024  # a member this big must not be over-compressed
MAX_COMPRESSION_RATIO: Final = 100
MAX_ZIP_MEMBERS: Final = 10_000

OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC: Final = b"PK\x03\x04"

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
MSG_CONVERT_TIMEOUT: Final = (
    "LibreOffice 转换超时（超过 {seconds} 秒），请在 Word/WPS 中另存为 .docx 后再导入"
)
MSG_SOFFICE_BROKEN: Final = (
    "无法启动 LibreOffice，请重新安装 LibreOffice，或在 Word/WPS 中另存为 .docx 后再导入"
)
MSG_TOO_BIG: Final = "文件太大（{size} MB），最大只能导入 {limit} MB 的文件"


def _shown_name(path: Path) -> str:
    return (path.name or str(path)).replace("\r", " ").replace("\n", " ")


def _fail(path: Path, reason: str) -> ImportFailure:
    return ImportFailure(f"无法读取 {_shown_name(path)}：{reason}")


def _open_failure(path: Path, reason: str) -> ImportFailure:
    return ImportFailure(f"无法打开文件 {_shown_name(path)}：{reason}")


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
        raise ImportFailure(f"无法导入 {_shown_name(path)}：{kind}，只能导入 {supported} 文件")

    data = _read_bytes(path, max_bytes)
    fmt = suffix[1:]
    if suffix == ".txt":
        return _read_txt(path, data)
    if suffix == ".docx":
        return _read_docx_file(path, data, soffice)
    return _read_legacy(path, data, fmt, soffice)


# ----------------------------------------------------------------------------------------------
# Files


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise _open_failure(path, "这是一个文件夹，不是文件")
        if not stat.S_ISREG(st.st_mode):
            raise _open_failure(path, "这不是普通文件")
        if st.st_size > max_bytes:
            raise _too_big(path, st.st_size, max_bytes)
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise _open_failure(path, "文件不存在，可能已被移动或删除") from None
    except IsADirectoryError:
        raise _open_failure(path, "这是一个文件夹，不是文件") from None
    except OSError:  # PermissionError (locked by Word on Windows, no rights), I/O errors …
        raise _open_failure(
            path, "可能正被其他程序占用或没有权限，请关闭占用它的程序后再试"
        ) from None
    if len(data) > max_bytes:  # the file grew after stat()
        raise _too_big(path, len(data), max_bytes)
    return data


def _too_big(path: Path, size: int, max_bytes: int) -> ImportFailure:
    mb = 1024 * 1024
    return _fail(path, MSG_TOO_BIG.format(size=f"{size / mb:.1f}", limit=f"{max_bytes / mb:g}"))


# ----------------------------------------------------------------------------------------------
# Plain text

_BOMS: Final = (
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)

# C0/C1 control characters that do not belong in text (tab, line breaks, form feed, vertical
# tab and the old DOS end-of-file mark ^Z are fine).
_CONTROL_RE: Final = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_IDEOGRAPH_RE: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_BAD_CATEGORIES: Final = frozenset({"Cn", "Co", "Cs"})  # unassigned, private use, surrogate
_SAMPLE_CHUNK: Final = 16_384


def _read_txt(path: Path, data: bytes) -> ExtractedText:
    try:
        text, encoding = decode_text(data)
    except ImportFailure as exc:
        raise _fail(path, exc.message) from None
    return ExtractedText(lines=_text_lines(text), source_format="txt", encoding=encoding)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes: ``(text, encoding)``.

    Tries, in order: a byte-order mark (UTF-8, UTF-16 LE/BE); strict UTF-8; UTF-16 without a
    mark, recognised by where its NUL bytes fall; strict GB18030 (which covers GBK and GB2312);
    and, last, UTF-16 without a mark that contains no ASCII at all. The result must look like
    text. Raises :class:`ImportFailure` (without a file name) for empty or non-text data.
    """
    if not data:
        raise ImportFailure(MSG_EMPTY)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = _decode_tolerating_cut_end(data[len(bom) :], codec)
            if text is None or not _looks_like_text(text, strict=False):
                raise ImportFailure(MSG_NOT_TEXT)
            return _non_empty(text), name

    if data.startswith((_ZIP_MAGIC, OLE_MAGIC)):
        raise ImportFailure(MSG_NOT_TEXT_BUT_WORD)

    if b"\x00" in data:
        # UTF-8 and GB18030 text never contains NUL bytes; UTF-16 with ASCII in it does.
        for codec16, clear in _utf16_by_nul_bytes(data):
            text = _decode_tolerating_cut_end(data, codec16)
            if text is not None and _looks_like_text(text, strict=not clear):
                return _non_empty(text), codec16
        raise ImportFailure(MSG_NOT_TEXT)

    text = _decode_tolerating_cut_end(data, "utf-8")
    if text is not None:
        if not _looks_like_text(text, strict=False):
            raise ImportFailure(MSG_NOT_TEXT)
        return _non_empty(text), "utf-8"

    text = _decode_tolerating_cut_end(data, "gb18030")
    if text is not None and _looks_like_text(text, strict=True):
        return _non_empty(text), "gb18030"

    # UTF-16 text made only of Chinese characters and full-width punctuation has no NUL bytes.
    if len(data) % 2 == 0:
        for codec16 in ("utf-16-le", "utf-16-be"):
            text = _decode_tolerating_cut_end(data, codec16)
            if text is not None and _looks_like_text(text, strict=True):
                return _non_empty(text), codec16
    raise ImportFailure(MSG_NOT_TEXT)


def _non_empty(text: str) -> str:
    if not text.strip():
        raise ImportFailure(MSG_EMPTY)
    return text


def _decode_tolerating_cut_end(data: bytes, codec: str) -> str | None:
    """Strictly decode; a character cut off by truncation at the very end is dropped."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        start, end = exc.start, exc.end
    if start < len(data) - 3 or end < len(data):
        return None
    try:
        return data[:start].decode(codec)
    except UnicodeDecodeError:
        return None


def _utf16_by_nul_bytes(data: bytes) -> list[tuple[str, bool]]:
    """UTF-16 codecs to try, most likely first, each with whether the evidence is clear.

    UTF-16 LE puts the NUL of each ASCII character at odd offsets, UTF-16 BE at even ones.
    Chinese text has few ASCII characters, and some Chinese characters (一 U+4E00, …) put a
    NUL on the other side, so a weak majority is tried too, with the stricter text check.
    """
    at_even = data[0::2].count(0)
    at_odd = data[1::2].count(0)
    if at_odd == at_even:
        return []
    order = ["utf-16-le", "utf-16-be"] if at_odd > at_even else ["utf-16-be", "utf-16-le"]
    high, low = max(at_odd, at_even), min(at_odd, at_even)
    clear = high >= 2 and high >= 4 * low
    return [(order[0], clear), (order[1], False)]


def _sample(text: str) -> str:
    """At most four chunks spread over the text, so that checks stay fast on 50 MB files."""
    if len(text) <= 4 * _SAMPLE_CHUNK:
        return text
    step = (len(text) - _SAMPLE_CHUNK) // 3
    return "".join(text[i * step : i * step + _SAMPLE_CHUNK] for i in range(4))


def _looks_like_text(text: str, *, strict: bool) -> bool:
    """Whether decoded bytes read as text rather than binary data in disguise.

    ``strict`` is for decodings that accept almost any byte sequence (GB18030, UTF-16 without
    any ASCII): there the Chinese characters must also be mostly common ones.
    """
    if "\x00" in text:
        return False
    sample = _sample(text)
    n = len(sample)
    if n == 0:
        return True
    if len(_CONTROL_RE.findall(sample)) > 0.01 * n + 1:
        return False
    # Judge each distinct character once: Chinese text repeats a few thousand characters.
    counts = Counter(sample)
    bad = sum(
        c
        for ch, c in counts.items()
        if ord(ch) >= 0x80 and unicodedata.category(ch) in _BAD_CATEGORIES
    )
    if bad > 0.02 * n + 2:
        return False
    if not strict:
        return True
    ideographs = {ch: c for ch, c in counts.items() if _IDEOGRAPH_RE.match(ch)}
    n_ideographs = sum(ideographs.values())
    if n_ideographs >= 10:
        # The 3755 GB2312 level-1 characters make up well over 90 % of ordinary Chinese text
        # (traditional text included), but only about a sixth of all the ideographs that random
        # bytes decode to.
        common = sum(c for ch, c in ideographs.items() if _is_gb2312_level1(ch))
        if common < 0.4 * n_ideographs:
            return False
    foreign = sum(c for ch, c in counts.items() if not _plausible_in_chinese_text(ch))
    return foreign <= 0.05 * n + 2


def _is_gb2312_level1(ch: str) -> bool:
    try:
        lead = ch.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7


_PLAUSIBLE_RANGES: Final = (
    (0x0000, 0x024F),  # ASCII, Latin-1, Latin Extended (pinyin)
    (0x0370, 0x04FF),  # Greek, Cyrillic (both in GB2312)
    (0x2000, 0x27BF),  # punctuation, symbols, arrows, maths, box drawing, circled numbers
    (0x2E80, 0x33FF),  # CJK radicals, CJK punctuation, kana, bopomofo, enclosed CJK
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xE000, 0xF8FF),  # private use (self-made characters for rare names); counted elsewhere
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms
)


def _plausible_in_chinese_text(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _PLAUSIBLE_RANGES)


def _text_lines(text: str) -> list[str]:
    """Lines in order, trailing whitespace removed, empty lines (paragraph gaps) dropped."""
    lines = []
    for line in text.splitlines():
        line = line.rstrip()
        if line:
            lines.append(line)
    return lines


# ----------------------------------------------------------------------------------------------
# .docx


def _read_docx_file(path: Path, data: bytes, soffice: str | AutoDetect | None) -> ExtractedText:
    if data.startswith(OLE_MAGIC):
        if _is_encrypted_ole(data):
            raise _fail(path, MSG_PASSWORD)
        # An old binary .doc that somebody renamed (or "saved") as .docx.
        program = resolve_soffice(soffice)
        if program is None:
            raise _fail(path, MSG_LEGACY_DOC)
        return _convert_and_read(path, data, ".doc", "docx", program)
    return _read_docx_bytes(path, data, "docx")


def _read_docx_bytes(path: Path, data: bytes, fmt: str) -> ExtractedText:
    buffer = BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        raise _fail(path, MSG_CORRUPT if data.startswith(b"PK") else MSG_NOT_DOCX)
    body = _docx_body(path, buffer)
    lines: list[str] = []
    _block_lines(body, lines)
    if not lines:
        raise _fail(path, MSG_NO_TEXT_IN_DOC)
    return ExtractedText(lines=lines, source_format=fmt)


_ALLOWED_COMPRESSION: Final = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)


def _check_zip_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse zip bombs from the declared sizes, before anything is decompressed."""
    if len(members) > MAX_ZIP_MEMBERS:
        raise _fail(path, MSG_BOMB)
    total = 0
    for info in members:
        total += info.file_size
        if info.file_size > MAX_RATIO_MEMBER_SIZE and (
            info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        ):
            raise _fail(path, MSG_BOMB)
        if info.flag_bits & 0x1:  # an encrypted zip member: not something Word writes
            raise _fail(path, MSG_PASSWORD)
        if info.compress_type not in _ALLOWED_COMPRESSION:
            raise _fail(path, MSG_CORRUPT)
    if total > MAX_UNZIPPED_TOTAL:
        raise _fail(path, MSG_BOMB)


_OFFICE_DOCUMENT_RELS: Final = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",  # Strict
    }
)
_W_STRICT_NS: Final = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def _docx_body(path: Path, buffer: BytesIO) -> Any:
    """The w:body element of the package's main document.

    Only the main document part is read: python-docx's own loader reads every part and fails
    on files Word opens without complaint (dangling relationships such as ``word/NULL``,
    python-docx issues #797 and #1351), and a damaged style sheet should not stop the import.
    """
    from docx.oxml.parser import parse_xml  # python-docx's parser: no entities, no network
    from lxml import etree

    try:
        with zipfile.ZipFile(buffer) as archive:
            _check_zip_members(path, archive.infolist())
            name = _main_part_name(archive, parse_xml)
            if name is None:
                raise _fail(path, MSG_CORRUPT)
            xml = archive.read(name)
        # Word's "Strict Open XML" flavour differs only in its namespace.
        xml = xml.replace(_W_STRICT_NS, _W_NS.encode())
        root = parse_xml(xml)
    except (
        zipfile.BadZipFile,  # bad CRC, overlapping or missing members, …
        zipfile.LargeZipFile,
        NotImplementedError,  # zip versions or features zipfile does not know
        zlib.error,  # damaged compressed data
        EOFError,  # compressed data cut short
        ValueError,  # bad values in the zip structure, odd XML input
        etree.LxmlError,  # malformed XML
    ):
        raise _fail(path, MSG_CORRUPT) from None
    if root.tag != _w("document"):
        raise _fail(path, MSG_NOT_WORD)
    body = root.find(_w("body"))
    if body is None:
        raise _fail(path, MSG_CORRUPT)
    return body


def _main_part_name(archive: zipfile.ZipFile, parse_xml: Any) -> str | None:
    """The zip member holding the main document, found through the package relationships."""
    from lxml import etree

    names = {info.filename.lower(): info.filename for info in archive.infolist()}
    target = None
    rels_name = names.get("_rels/.rels")
    if rels_name is not None:
        try:
            rels = parse_xml(archive.read(rels_name))
        except (etree.LxmlError, ValueError):
            rels = None  # fall back on the usual name below
        for rel in _children(rels) if rels is not None else ():
            if rel.get("Type") in _OFFICE_DOCUMENT_RELS and rel.get("TargetMode") != "External":
                target = rel.get("Target")
                break
    if target:
        name = posixpath.normpath(unquote(target).lstrip("/"))
        if name.lower() in names:
            return names[name.lower()]
    return names.get("word/document.xml")


# WordprocessingML element names (Clark notation), built without importing python-docx.
_W_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_NS: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W_NS}}}{tag}"


_P: Final = _w("p")
_TBL: Final = _w("tbl")
_TR: Final = _w("tr")
_TC: Final = _w("tc")
_T: Final = _w("t")
_TAB: Final = _w("tab")
_BR: Final = _w("br")
_CR: Final = _w("cr")
_NO_BREAK_HYPHEN: Final = _w("noBreakHyphen")
_TXBX_CONTENT: Final = _w("txbxContent")
_SDT: Final = _w("sdt")
_SDT_CONTENT: Final = _w("sdtContent")
_CUSTOM_XML: Final = _w("customXml")
_ALTERNATE_CONTENT: Final = f"{{{_MC_NS}}}AlternateContent"
_MC_CHOICE: Final = f"{{{_MC_NS}}}Choice"
_MC_FALLBACK: Final = f"{{{_MC_NS}}}Fallback"
_BLOCK_WRAPPERS: Final = frozenset({_CUSTOM_XML, _w("ins"), _w("moveTo")})
# Subtrees of a paragraph whose text is not shown as the paragraph's text.
_SKIPPED_IN_PARAGRAPH: Final = frozenset(
    {
        _w("pPr"),  # paragraph properties (its w:tabs/w:tab are tab stops, not tabs)
        _w("rPr"),
        _w("del"),  # tracked deletions
        _w("moveFrom"),  # tracked moves: the text is shown at w:moveTo
        _w("rt"),  # ruby (phonetic guide) text above the base text
        _w("instrText"),  # field codes
        _w("footnoteReference"),
        _MC_FALLBACK,  # the old-Word copy of a drawing (the mc:Choice copy is read)
    }
)

# A row whose cells hold several paragraphs and this much text is a layout table (a whole
# letter set inside a form): its paragraphs become lines of their own.
_LAYOUT_ROW_CHARS: Final = 200
_CELL_SEPARATOR: Final = " | "


def _children(element: Any) -> Iterable[Any]:
    """Element children, skipping comments and processing instructions."""
    return (child for child in element if isinstance(child.tag, str))


def _block_lines(container: Any, out: list[str]) -> None:
    """Append the lines of a body, cell, text box or content control, in document order."""
    for child in _children(container):
        tag = child.tag
        if tag == _P:
            _paragraph_lines(child, out)
        elif tag == _TBL:
            _table_lines(child, out)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                _block_lines(content, out)
        elif tag in _BLOCK_WRAPPERS:
            _block_lines(child, out)
        elif tag == _ALTERNATE_CONTENT:
            choice = child.find(_MC_CHOICE)  # the mc:Fallback is an older copy of the same
            if choice is not None:
                _block_lines(choice, out)


def _paragraph_lines(p: Any, out: list[str]) -> None:
    parts: list[str] = []
    boxes: list[Any] = []
    _collect_run_text(p, parts, boxes)
    for line in "".join(parts).split("\n"):
        line = line.rstrip()
        if line:
            out.append(line)
    for box in boxes:  # text boxes anchored in this paragraph come right after it
        _block_lines(box, out)


def _collect_run_text(element: Any, parts: list[str], boxes: list[Any]) -> None:
    for child in _children(element):
        tag = child.tag
        if tag == _T:
            if child.text:
                parts.append(child.text)
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _TXBX_CONTENT:
            boxes.append(child)
        elif tag in _SKIPPED_IN_PARAGRAPH:
            continue
        elif tag == _ALTERNATE_CONTENT:
            choice = child.find(_MC_CHOICE)
            if choice is not None:
                _collect_run_text(choice, parts, boxes)
        else:
            _collect_run_text(child, parts, boxes)


def _table_lines(tbl: Any, out: list[str]) -> None:
    for row in _rows(tbl):
        cells: list[list[str]] = []
        for tc in _cells(row):
            cell_lines: list[str] = []
            _block_lines(tc, cell_lines)
            cell_lines = [line.strip() for line in cell_lines if line.strip()]
            if cell_lines:  # empty cells (and vertically merged continuations) are dropped
                cells.append(cell_lines)
        if not cells:
            continue
        several = any(len(cell) > 1 for cell in cells)
        size = sum(len(line) for cell in cells for line in cell)
        if several and size > _LAYOUT_ROW_CHARS:
            for cell in cells:
                out.extend(cell)
        else:
            out.append(_CELL_SEPARATOR.join(" ".join(cell) for cell in cells))


def _rows(tbl: Any) -> Iterable[Any]:
    """The table's w:tr, including rows wrapped in content controls or custom XML."""
    for child in _children(tbl):
        if child.tag == _TR:
            yield child
        elif child.tag in (_SDT, _CUSTOM_XML):
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _rows(inner)


def _cells(row: Any) -> Iterable[Any]:
    """The row's w:tc in order. A horizontally merged cell is one w:tc, so it appears once."""
    for child in _children(row):
        if child.tag == _TC:
            yield child
        elif child.tag in (_SDT, _CUSTOM_XML):
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _cells(inner)


# ----------------------------------------------------------------------------------------------
# OLE compound files (.doc, .wps, encrypted .docx)


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _is_encrypted_ole(data: bytes) -> bool:
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


def _read_legacy(
    path: Path, data: bytes, fmt: str, soffice: str | AutoDetect | None
) -> ExtractedText:
    if zipfile.is_zipfile(BytesIO(data)):  # really a .docx with the wrong extension
        return _read_docx_bytes(path, data, fmt)
    if _is_encrypted_ole(data):
        raise _fail(path, MSG_PASSWORD)
    program = resolve_soffice(soffice)
    if program is None:
        raise _fail(path, MSG_NEED_SOFFICE)
    input_suffix = f".{fmt}"
    if fmt == "wps" and data.startswith(OLE_MAGIC) and _utf16("WordDocument") in data:
        # Kingsoft WPS files are Word binary files; LibreOffice reads .wps as MS Works.
        input_suffix = ".doc"
    return _convert_and_read(path, data, input_suffix, fmt, program)


def _convert_and_read(
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
                raise _fail(path, MSG_CONVERT_FAILED) from None
    except SofficeBroken:
        raise _fail(path, MSG_SOFFICE_BROKEN) from None
    except SofficeTimeout:
        raise _fail(path, MSG_CONVERT_TIMEOUT.format(seconds=SOFFICE_TIMEOUT)) from None
    except SofficeError:  # it ran but produced nothing
        raise _fail(path, MSG_CONVERT_FAILED) from None
    try:
        return _read_docx_bytes(path, converted, fmt)
    except ImportFailure as exc:
        if MSG_NO_TEXT_IN_DOC in exc.message:
            raise
        raise _fail(path, MSG_CONVERT_FAILED) from None
