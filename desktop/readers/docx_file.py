""".docx: the main document part's text, read without python-docx's package loader."""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import unquote

from desktop.model import ExtractedText
from desktop.readers.common import (
    MSG_BOMB,
    MSG_CORRUPT,
    MSG_NO_TEXT_IN_DOC,
    MSG_NOT_DOCX,
    MSG_NOT_WORD,
    MSG_PASSWORD,
    _fail,
)
from desktop.zip_guard import find_zip_bomb

if TYPE_CHECKING:
    from collections.abc import Iterable


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
    if find_zip_bomb(members) is not None:
        raise _fail(path, MSG_BOMB)
    for info in members:
        if info.flag_bits & 0x1:  # an encrypted zip member: not something Word writes
            raise _fail(path, MSG_PASSWORD)
        if info.compress_type not in _ALLOWED_COMPRESSION:
            raise _fail(path, MSG_CORRUPT)


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
        raise _fail(path, MSG_CORRUPT) from None
    if root.tag != _w("document"):
        raise _fail(path, MSG_NOT_WORD)
    body = root.find(_w("body"))
    if body is None:
        raise _fail(path, MSG_CORRUPT)
    return body


def _document_parser() -> Any:
    """The parser for the main document part.

    Entities the document declares itself are expanded (``开头&x;结尾`` with ``x`` declared
    as 中间 reads 开头中间结尾); libxml2 refuses entity expansion bombs. External entities
    (local files, URLs) are never read: a reference to one fails the parse as a damaged file.
    Before lxml 5 there is no "internal only" setting, so nothing is expanded there and
    :func:`_t_text` still keeps the text around the reference.
    """
    from lxml import etree

    if etree.LXML_VERSION >= (5, 0):
        return etree.XMLParser(resolve_entities="internal", no_network=True, remove_blank_text=True)
    return etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)


def _t_text(t: Any) -> str:
    """A w:t's whole text. An unexpanded entity reference, a comment or a processing
    instruction inside it is a child node, and the text after it is that node's tail."""
    pieces = [t.text or ""]
    pieces.extend(child.tail or "" for child in t)
    return "".join(pieces)


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
            parts.append(_t_text(child))
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
