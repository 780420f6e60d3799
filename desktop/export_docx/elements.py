"""Small WordprocessingML builders: text runs, run and paragraph properties, as light
``Node`` descriptions that :func:`build` turns into lxml elements (python-docx's parser and
``qn``) in one pass. lxml escapes text and attribute values; the builders only drop what XML
1.0 cannot hold.

:func:`build` makes the root in its own document and every descendant inside it
(``SubElement``), so no element is created twice or moved between documents, and the
namespaces declared on the root serve the whole tree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Final, NamedTuple, TypeAlias

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

from desktop.layout import CHAR_TWIPS

Element: TypeAlias = etree._Element
# Characters XML 1.0 cannot hold (control characters copied from old documents, lone
# surrogates): dropped from the text.
_XML_INVALID_RE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS_RE: Final = re.compile(r"(\t|\r\n|\n|\r)")
XML_SPACE: Final = qn("xml:space")


def xml_text(text: str) -> str:
    return _XML_INVALID_RE.sub("", text)


@functools.lru_cache(maxsize=512)
def _clark(name: str) -> str:
    return name if name.startswith("{") or ":" not in name else qn(name)


@functools.lru_cache(maxsize=256)
def _tag(tag: str) -> tuple[str, dict[str, str]]:
    prefix, _, local = tag.partition(":")
    return f"{{{nsmap[prefix]}}}{local}", {prefix: nsmap[prefix]}


class Node(NamedTuple):
    """An element to be built: Clark tag, attributes, text, children, namespaces to declare
    (a root only; by default its own prefix's)."""

    tag: str
    attrs: tuple[tuple[str, str], ...]
    text: str | None
    children: tuple[Node, ...]
    nsmap: Mapping[str, str]


def el(
    tag: str,
    attrs: Mapping[str, str | int] | None = None,
    children: Iterable[Node | None] = (),
    *,
    text: str | None = None,
    nsdecls: Mapping[str, str] | None = None,
) -> Node:
    """``<tag attrs…>children or text</tag>``; names are prefixed (``w:val``)."""
    clark, own = _tag(tag)
    pairs = tuple((_clark(k), str(v)) for k, v in (attrs or {}).items())
    kids = tuple(c for c in children if c is not None)
    return Node(clark, pairs, None if text is None else xml_text(text), kids, nsdecls or own)


def build(node: Node, parent: Element | None = None) -> Element:
    """The lxml element of ``node`` (python-docx's element classes), under ``parent`` or as
    the root of its own document."""
    if parent is None:
        element = oxml_parser.makeelement(node.tag, nsmap=dict(node.nsmap))
    else:
        element = etree.SubElement(parent, node.tag)
    for name, value in node.attrs:
        element.set(name, value)
    if node.text is not None:
        element.text = node.text
    for child in node.children:
        build(child, element)
    return element


def val(tag: str, value: str | int) -> Node:
    """An element holding a single ``w:val``: ``<w:jc w:val="right"/>``."""
    return el(tag, {"w:val": value})


def fonts(name: str, *, hint: str | None = None) -> Node:
    n = xml_text(name)
    attrs: dict[str, str | int] = {"w:ascii": n, "w:hAnsi": n, "w:eastAsia": n, "w:cs": n}
    if hint:
        attrs["w:hint"] = hint
    return el("w:rFonts", attrs)


def rpr(
    *,
    font: str | None = None,
    bold: bool = False,
    size_pt: float | None = None,
    hint: str | None = None,
) -> Node | None:
    parts: list[Node] = []
    if font is not None:
        parts.append(fonts(font, hint=hint))
    elif hint:
        parts.append(el("w:rFonts", {"w:hint": hint}))
    if bold:
        parts += [el("w:b"), el("w:bCs")]
    if size_pt is not None:
        half = round(size_pt * 2)
        parts += [val("w:sz", half), val("w:szCs", half)]
    return el("w:rPr", children=parts) if parts else None


def run(content: Node, props: Node | None = None) -> Node:
    return el("w:r", children=[props, content])


def runs(text: str, props: Node | None = None) -> list[Node]:
    """The runs of ``text``: a tab is ``w:tab``, a line break ``w:br``; ``props`` (``w:rPr``)
    is copied into each."""
    out = []
    for piece in _BREAKS_RE.split(text):
        if piece == "\t":
            out.append(run(el("w:tab"), props))
        elif piece in ("\n", "\r\n", "\r"):
            out.append(run(el("w:br"), props))
        elif piece:
            out.append(run(el("w:t", {XML_SPACE: "preserve"}, text=piece), props))
    return out


def ind(
    *,
    first: float | None = None,
    left: float | None = None,
    right: float | None = None,
    hanging: float | None = None,
    char_twips: int = CHAR_TWIPS,
) -> Node | None:
    """``w:ind`` in characters (hundredths, what Word and WPS use) with a twips fallback."""
    attrs: dict[str, str | int] = {}
    if left is not None:
        attrs |= {"w:leftChars": round(left * 100), "w:left": round(left * char_twips)}
    if right is not None:
        attrs |= {"w:rightChars": round(right * 100), "w:right": round(right * char_twips)}
    if hanging is not None:
        attrs |= {
            "w:firstLineChars": 0,
            "w:hangingChars": round(hanging * 100),
            "w:hanging": round(hanging * char_twips),
        }
    elif first is not None:
        attrs |= {"w:firstLineChars": round(first * 100), "w:firstLine": round(first * char_twips)}
    return el("w:ind", attrs) if attrs else None


def ppr(
    *,
    style: str | None = None,
    keep_next: bool = False,
    borders: Node | None = None,
    tabs: Node | None = None,
    indent: Node | None = None,
    jc: str | None = None,
    extra: Iterable[Node] = (),
) -> Node | None:
    # Schema order of CT_PPrBase: pStyle, keepNext, pageBreakBefore, …, pBdr, shd, tabs, …,
    # spacing, ind, …, jc, … and sectPr last (``extra``).
    parts = [
        val("w:pStyle", style) if style else None,
        el("w:keepNext") if keep_next else None,
        borders,
        tabs,
        indent,
        val("w:jc", jc) if jc else None,
        *extra,
    ]
    present = [p for p in parts if p is not None]
    return el("w:pPr", children=present) if present else None


def right_tab(position: int) -> Node:
    return el("w:tabs", children=[el("w:tab", {"w:val": "right", "w:pos": position})])


def p(props: Node | None = None, content: Iterable[Node] = ()) -> Node:
    return el("w:p", children=[props, *content])
