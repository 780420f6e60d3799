"""Web pages saved from portals: .html/.htm, and .mht/.mhtml (a page and its pictures in one
MIME message, as browsers and Word save "single file web pages").

The page becomes lines the way a browser lays it out: every block element (paragraph, div,
heading, list item, line break) ends a line, a table row becomes one line of cells joined by
`` | `` (as a .docx table does), scripts, styles, forms' controls and navigation are left out.
Page furniture that is text (无障碍浏览, 网站地图, copyright and ICP lines, 上一篇/下一篇 …) is
kept: the understanding pipeline marks it, as it does for portal pages saved as text.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from email.message import Message
from pathlib import Path
from typing import Any, Final

from desktop.model import ExtractedText, ImportFailure
from desktop.readers.common import MSG_EMPTY, fail
from desktop.readers.text import decode_text, looks_like_text

MSG_WEB_NO_TEXT: Final = (
    "网页里没有文字（可能只有图片，或内容要靠脚本加载），请在浏览器中复制正文另存为 .txt 后再导入"
)
MSG_MHT_BROKEN: Final = (
    "不是有效的 MHT 单文件网页（找不到网页内容），可能已损坏，请在浏览器中重新另存后再导入"
)

_SKIPPED: Final = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "nav",
        "select",
        "option",
        "optgroup",
        "button",
        "input",
        "textarea",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "svg",
        "canvas",
        "map",
        "area",
        "audio",
        "video",
    ]
)
_BLOCKS: Final = frozenset(
    [
        "p",
        "div",
        "br",
        "hr",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "blockquote",
        "pre",
        "center",
        "form",
        "fieldset",
        "legend",
        "address",
        "figure",
        "figcaption",
        "caption",
        "tr",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "body",
        "html",
    ]
)
_CELLS: Final = frozenset({"td", "th"})
# As in the .docx reader: a row whose cells hold several lines and this much text is layout.
_LAYOUT_ROW_CHARS: Final = 200
_CELL_SEPARATOR: Final = " | "

_META_CHARSET_RE: Final = re.compile(
    rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I
)
_XML_DECLARATION_RE: Final = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACE_RE: Final = re.compile(r"[ \t\r\n\f\v]+")


# ---------------------------------------------------------------------------------- sniffing


def sniff_web(data: bytes) -> str | None:
    """``"mht"`` for a MIME message, ``"html"`` for markup, else None: a saved page is often
    named .htm however it was saved, and some portals serve pages named .doc."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"mime-version:", b"from:", b"content-type: multipart", b"x-mht")) or (
        b"mime-version:" in head[:1024] and b"multipart/related" in head
    ):
        return "mht"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta", b"<body")):
        return "html" if b"<?xml" not in head[:6] or b"<html" in head else None
    return None


# -------------------------------------------------------------------------------- decoding


def _declared(data: bytes) -> str | None:
    m = _META_CHARSET_RE.search(data[:8192])
    return m.group(1).decode("ascii").lower() if m else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Pages labelled GB2312 or GBK routinely hold characters of the wider GB18030.
    return "gb18030" if codec in ("gb2312", "gbk", "gb18030", "hz") else codec


def decode_page(data: bytes, declared: str | None = None) -> str:
    """The page's text: valid UTF-8 is UTF-8 (a label saying otherwise is usually stale),
    then the declared charset (HTTP header part or meta tag), then detection."""
    if not data.strip():
        raise ImportFailure(MSG_EMPTY)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    codec = _codec(declared) or _codec(_declared(data))
    if codec and codec not in ("utf-8", "utf_8"):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and looks_like_text(text, strict=False):
            return text
    return decode_text(data)[0]


# ---------------------------------------------------------------------------------- layout


class _Lines:
    """Lines being written: text gathers in ``buf`` until a block boundary ends the line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []

    def text(self, text: str | None) -> None:
        if text:
            self.buf.append(text)

    def end_line(self) -> None:
        if not self.buf:
            return
        # A line break in the page's source is a space, as a browser shows it (and as the
        # portal pages saved as text have it): exporters such as LibreOffice and Word break
        # their source lines at the spaces of the text.
        line = _SPACE_RE.sub(" ", "".join(self.buf).replace("\u00a0", " ")).strip()
        self.buf = []
        if line:
            self.lines.append(line)


def _tag(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _hidden(element: Any) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        "display:none" in style
        or element.get("hidden") is not None
        or (element.get("role") or "").lower() == "navigation"
        or (element.get("aria-hidden") or "").lower() == "true"
    )


def _walk(element: Any, out: _Lines) -> None:
    tag = _tag(element)
    if tag and tag not in _SKIPPED and not _hidden(element):
        if tag == "table":
            out.end_line()
            _table(element, out)
        else:
            block = tag in _BLOCKS or tag in _CELLS
            if block:
                out.end_line()
            out.text(element.text)
            for child in element:
                _walk(child, out)
            if block:
                out.end_line()
    out.text(element.tail)


def _children(element: Any, tags: frozenset[str]) -> list[Any]:
    """Direct children with these tags, looking through thead/tbody/tfoot."""
    found = []
    for child in element:
        tag = _tag(child)
        if tag in tags:
            found.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            found.extend(_children(child, tags))
    return found


def _table(table: Any, out: _Lines) -> None:
    for row in _children(table, frozenset({"tr"})):
        if _hidden(row):
            continue
        cells: list[list[str]] = []
        nested = False
        for cell in _children(row, _CELLS):
            if _hidden(cell):
                continue
            inner = _Lines()
            _walk_inside(cell, inner)
            if inner.lines:
                cells.append(inner.lines)
            nested = nested or any(True for _ in cell.iter("table"))
        _row_lines(cells, nested, out)


def _walk_inside(element: Any, out: _Lines) -> None:
    out.text(element.text)
    for child in element:
        _walk(child, out)
    out.end_line()


def _row_lines(cells: list[list[str]], nested: bool, out: _Lines) -> None:
    if not cells:
        return
    several = any(len(cell) > 1 for cell in cells)
    size = sum(len(line) for cell in cells for line in cell)
    if len(cells) == 1 or nested or (several and size > _LAYOUT_ROW_CHARS):
        for cell in cells:  # a layout table: its cells' lines are the page's lines
            out.lines.extend(cell)
    else:
        out.lines.append(_CELL_SEPARATOR.join(" ".join(cell) for cell in cells))


def html_lines(text: str) -> list[str]:
    """The lines of an HTML page, in reading order."""
    import lxml.html
    from lxml import etree

    text = _XML_DECLARATION_RE.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        return []
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return []
    out = _Lines()
    _walk(root, out)
    out.end_line()
    return out.lines


# ---------------------------------------------------------------------------------- readers


def read_html(
    path: Path, data: bytes, declared: str | None = None, fmt: str = "html"
) -> ExtractedText:
    try:
        text = decode_page(data, declared)
    except ImportFailure as exc:
        raise fail(path, exc.message) from None
    try:
        lines = html_lines(text)
    except RecursionError:  # nesting past what any page has
        raise fail(path, MSG_WEB_NO_TEXT) from None
    if not lines:
        raise fail(path, MSG_WEB_NO_TEXT)
    return ExtractedText(lines=lines, source_format=fmt)


def read_mht(path: Path, data: bytes) -> ExtractedText:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    part = _page_part(message)
    if part is None:
        raise fail(path, MSG_MHT_BROKEN)
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, LookupError):
        payload = None
    if not isinstance(payload, bytes) or not payload.strip():
        raise fail(path, MSG_MHT_BROKEN)
    charset = part.get_content_charset()
    if part.get_content_type() == "text/plain":
        from desktop.readers.text import read_txt

        return ExtractedText(read_txt(path, payload).lines, source_format="mht")
    return read_html(path, payload, charset, fmt="mht")


def _page_part(message: Message) -> Message | None:
    """The message's HTML part (the page), else its plain-text part."""
    plain = None
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        if kind == "text/html":
            return part
        if kind == "text/plain" and plain is None:
            plain = part
    return plain
