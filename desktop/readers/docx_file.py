""".docx: the main document part's text, read without python-docx's package loader."""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from desktop.docx_text import (
    ALTERNATE_CONTENT,
    MC_CHOICE,
    P,
    as_transitional,
    children,
    main_part_name,
    paragraph_text,
    w,
)
from desktop.model import ExtractedText
from desktop.readers.common import (
    MSG_BOMB,
    MSG_CORRUPT,
    MSG_NO_TEXT_IN_DOC,
    MSG_NOT_DOCX,
    MSG_NOT_WORD,
    MSG_PASSWORD,
    fail,
)
from desktop.zip_guard import find_zip_bomb

if TYPE_CHECKING:
    from collections.abc import Iterable


def read_docx_bytes(path: Path, data: bytes, fmt: str) -> ExtractedText:
    buffer = BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        raise fail(path, MSG_CORRUPT if data.startswith(b"PK") else MSG_NOT_DOCX)
    body = _docx_body(path, buffer)
    lines: list[str] = []
    _block_lines(body, lines)
    if not lines:
        raise fail(path, MSG_NO_TEXT_IN_DOC)
    return ExtractedText(lines=lines, source_format=fmt)


_ALLOWED_COMPRESSION: Final = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)


def _check_zip_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse zip bombs from the declared sizes, before anything is decompressed."""
    if find_zip_bomb(members) is not None:
        raise fail(path, MSG_BOMB)
    for info in members:
        if info.flag_bits & 0x1:  # an encrypted zip member: not something Word writes
            raise fail(path, MSG_PASSWORD)
        if info.compress_type not in _ALLOWED_COMPRESSION:
            raise fail(path, MSG_CORRUPT)


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
            name = main_part_name(archive, parse_xml)
            if name is None:
                raise fail(path, MSG_CORRUPT)
            xml = archive.read(name)
        xml, _ = as_transitional(xml)
        root = etree.fromstring(xml, _document_parser())
    except (
        zipfile.BadZipFile,  # bad CRC, overlapping or missing members, …
        zipfile.LargeZipFile,
        NotImplementedError,  # zip versions or features zipfile does not know
        zlib.error,  # damaged compressed data
        EOFError,  # compressed data cut short
        ValueError,  # bad values in the zip structure, odd XML input
        etree.LxmlError,  # malformed XML
    ):
        raise fail(path, MSG_CORRUPT) from None
    if root.tag != w("document"):
        raise fail(path, MSG_NOT_WORD)
    body = root.find(w("body"))
    if body is None:
        raise fail(path, MSG_CORRUPT)
    return body


def _document_parser() -> Any:
    """The parser for the main document part.

    Entities the document declares itself are expanded (``开头&x;结尾`` with ``x`` declared
    as 中间 reads 开头中间结尾); libxml2 refuses entity expansion bombs. External entities
    (local files, URLs) are never read: a reference to one fails the parse as a damaged file.
    Before lxml 5 there is no "internal only" setting, so nothing is expanded there and
    :func:`desktop.docx_text.t_text` still keeps the text around the reference.
    """
    from lxml import etree

    if etree.LXML_VERSION >= (5, 0):
        return etree.XMLParser(resolve_entities="internal", no_network=True, remove_blank_text=True)
    return etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)


_TBL: Final = w("tbl")
_TR: Final = w("tr")
_TC: Final = w("tc")
_SDT: Final = w("sdt")
_SDT_CONTENT: Final = w("sdtContent")
_CUSTOM_XML: Final = w("customXml")
_BLOCK_WRAPPERS: Final = frozenset({_CUSTOM_XML, w("ins"), w("moveTo")})
# A row whose cells hold several paragraphs and this much text is a layout table (a whole
# letter set inside a form): its paragraphs become lines of their own.
_LAYOUT_ROW_CHARS: Final = 200
_CELL_SEPARATOR: Final = " | "


def _block_lines(container: Any, out: list[str]) -> None:
    """Append the lines of a body, cell, text box or content control, in document order."""
    for child in children(container):
        tag = child.tag
        if tag == P:
            _paragraph_lines(child, out)
        elif tag == _TBL:
            _table_lines(child, out)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                _block_lines(content, out)
        elif tag in _BLOCK_WRAPPERS:
            _block_lines(child, out)
        elif tag == ALTERNATE_CONTENT:
            choice = child.find(MC_CHOICE)  # the mc:Fallback is an older copy of the same
            if choice is not None:
                _block_lines(choice, out)


def _paragraph_lines(p: Any, out: list[str]) -> None:
    walked = paragraph_text(p)
    for line in walked.text.split("\n"):
        line = line.rstrip()
        if line:
            out.append(line)
    for box in walked.boxes:  # text boxes anchored in this paragraph come right after it
        _block_lines(box, out)


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
    for child in children(tbl):
        if child.tag == _TR:
            yield child
        elif child.tag in (_SDT, _CUSTOM_XML):
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _rows(inner)


def _cells(row: Any) -> Iterable[Any]:
    """The row's w:tc in order. A horizontally merged cell is one w:tc, so it appears once."""
    for child in children(row):
        if child.tag == _TC:
            yield child
        elif child.tag in (_SDT, _CUSTOM_XML):
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if inner is not None:
                yield from _cells(inner)
