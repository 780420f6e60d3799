"""Small WordprocessingML builders: elements (python-docx's ``OxmlElement`` and parser, lxml),
text runs, run and paragraph properties. lxml escapes text and attribute values; the builders
only drop what XML 1.0 cannot hold.

Each builder returns a new element; appending it to another lets lxml drop the namespace
declarations its new parent already makes, so the document serialises as if parsed whole.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Final, TypeAlias

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


def el(
    tag: str,
    attrs: Mapping[str, str | int] | None = None,
    children: Iterable[Element | None] = (),
    *,
    text: str | None = None,
    nsdecls: dict[str, str] | None = None,
) -> Element:
    """``<tag attrs…>children or text</tag>``; attribute names are prefixed (``w:val``)."""
    # OxmlElement(tag, nsdecls=nsdecls), without parsing the tag again on every call.
    clark, own = _tag(tag)
    element = oxml_parser.makeelement(clark, nsmap=own if nsdecls is None else nsdecls)
    for name, value in (attrs or {}).items():
        element.set(_clark(name), str(value))
    if text is not None:
        element.text = xml_text(text)
    for child in children:
        if child is not None:
            element.append(child)
    return element


def val(tag: str, value: str | int) -> Element:
    """An element holding a single ``w:val``: ``<w:jc w:val="right"/>``."""
    return el(tag, {"w:val": value})


def fonts(name: str, *, hint: str | None = None) -> Element:
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
) -> Element | None:
    parts: list[Element] = []
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


def _copy(element: Element | None) -> Element | None:
    return None if element is None else copy.deepcopy(element)


def run(content: Element, props: Element | None = None) -> Element:
    return el("w:r", children=[_copy(props), content])


def runs(text: str, props: Element | None = None) -> list[Element]:
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
) -> Element | None:
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
    borders: Element | None = None,
    tabs: Element | None = None,
    indent: Element | None = None,
    jc: str | None = None,
    extra: Iterable[Element] = (),
) -> Element | None:
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


def right_tab(position: int) -> Element:
    return el("w:tabs", children=[el("w:tab", {"w:val": "right", "w:pos": position})])


def p(props: Element | None = None, content: Iterable[Element] = ()) -> Element:
    return el("w:p", children=[props, *content])
