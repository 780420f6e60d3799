"""The base package (settings, footers, section; styles and fonts from ``styles``), cached
per font set, and the document properties."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, Final

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.ns import nsmap, qn

from desktop.export_docx.elements import (
    XML_SPACE,
    Node,
    build,
    el,
    ind,
    p,
    ppr,
    rpr,
    run,
)
from desktop.export_docx.styles import font_table, styles_of
from desktop.layout import (
    FOOTER_DISTANCE,
    HEADER_DISTANCE,
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)
from desktop.model import ComposedLetter, FontSpec

# ----------------------------------------------------------------------------------------------
# Document properties


def set_properties(document: Any, letter: ComposedLetter) -> None:
    props = document.core_properties
    author = (letter.author or letter.agency or "").strip()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = letter.title.replace("\n", "")
    props.author = author
    props.last_modified_by = author
    props.language = "zh-CN"
    props.created = now
    props.modified = now
    props.revision = 1


# ----------------------------------------------------------------------------------------------
# The base package: styles, fonts, settings, footers, section — cached per font set


_SECTION_NAMESPACES: Final = {prefix: nsmap[prefix] for prefix in ("w", "r")}

# Parts of python-docx's template that a letter does not need (the theme stays: Word wants it).
_DROPPED_RELS: Final = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.CUSTOM_XML,
    RT.NUMBERING,
    RT.FONT_TABLE,
)


def font_key(fonts: FontSpec) -> tuple[str, str, str, str, str]:
    return (fonts.title, fonts.body, fonts.heading1, fonts.heading2, fonts.page_number)


@functools.lru_cache(maxsize=8)
def base_package(key: tuple[str, str, str, str, str]) -> bytes:
    fonts = FontSpec(*key)
    document = docx.Document(BytesIO(_default_template()))
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in _DROPPED_RELS:
            del part.rels[rid]
    fonts_part = XmlPart(
        PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, build(font_table(fonts)), package
    )
    part.relate_to(fonts_part, RT.FONT_TABLE)

    styles = document.styles.element
    for child in list(styles):
        styles.remove(child)
    for child in styles_of(fonts):
        styles.append(build(child))

    settings = document.settings
    settings.odd_and_even_pages_header_footer = True
    settings_el = settings.element
    for lang in settings_el.findall(qn("w:themeFontLang")):
        lang.set(qn("w:eastAsia"), "zh-CN")
    for rsids in settings_el.findall(qn("w:rsids")):
        settings_el.remove(rsids)

    odd_part, odd_rid = part.add_footer_part()
    even_part, even_rid = part.add_footer_part()
    _fill_footer(odd_part.element, odd=True)
    _fill_footer(even_part.element, odd=False)
    blank_part, blank_rid = part.add_footer_part()
    _blank_footer(blank_part.element)

    body = document.element.body
    body.clear_content()
    body.remove(body.sectPr)
    body.append(build(section_properties(FooterIds(odd_rid, even_rid, blank_rid))))

    document.core_properties.comments = ""
    document.core_properties.author = ""
    out = BytesIO()
    document.save(out)
    return out.getvalue()


@functools.lru_cache(maxsize=1)
def _default_template() -> bytes:
    path = Path(docx.__file__).parent / "templates" / "default.docx"
    return path.read_bytes()


def _fill_footer(ftr: Any, *, odd: bool) -> None:
    for child in list(ftr):
        ftr.remove(child)
    side = {"right": 1} if odd else {"left": 1}
    props = ppr(
        style="Footer", indent=ind(**side, first=0, char_twips=280), jc="right" if odd else "left"
    )

    def field_char(kind: str) -> Node:
        return run(el("w:fldChar", {"w:fldCharType": kind}))

    dash = rpr(hint="eastAsia")
    ftr.append(build(p(props, [
        run(el("w:t", {XML_SPACE: "preserve"}, text="— "), dash),
        field_char("begin"),
        run(el("w:instrText", {XML_SPACE: "preserve"}, text=" PAGE ")),
        field_char("separate"),
        run(el("w:t", text="1")),
        field_char("end"),
        run(el("w:t", {XML_SPACE: "preserve"}, text=" —"), dash),
    ])))  # fmt: skip


def _blank_footer(ftr: Any) -> None:
    """A footer without a page number: page 1 of a 函 (GB/T 9704 10.1), and a blank page and
    the 版记 page after it (7.5)."""
    for child in list(ftr):
        ftr.remove(child)
    ftr.append(build(p(ppr(style="Footer"))))


@dataclass(frozen=True)
class FooterIds:
    odd: str
    even: str
    blank: str

    @classmethod
    def of(cls, sect_pr: Any) -> FooterIds:
        """The relationship ids the base package's section gives its footers."""
        refs = {
            ref.get(qn("w:type")): ref.get(qn("r:id"))
            for ref in sect_pr.findall(qn("w:footerReference"))
        }
        return cls(refs["default"], refs["even"], refs["first"])


def section_properties(
    footers: FooterIds, *, title_page: bool = False, unnumbered: bool = False
) -> Node:
    """The section: A4, GB/T 9704 margins, the 22-line grid; odd and even footers with page
    numbers (none with ``unnumbered``), page 1 without one when ``title_page``."""
    odd, even = (footers.blank, footers.blank) if unnumbered else (footers.odd, footers.even)

    def footer(kind: str, rid: str) -> Node:
        return el("w:footerReference", {"w:type": kind, "r:id": rid})

    return el("w:sectPr", children=[
        footer("default", odd),
        footer("even", even),
        footer("first", footers.blank),
        el("w:pgSz", {"w:w": PAGE_WIDTH, "w:h": PAGE_HEIGHT}),
        el("w:pgMar", {"w:top": MARGIN_TOP, "w:right": MARGIN_RIGHT, "w:bottom": MARGIN_BOTTOM,
                       "w:left": MARGIN_LEFT, "w:header": HEADER_DISTANCE,
                       "w:footer": FOOTER_DISTANCE, "w:gutter": 0}),
        el("w:cols", {"w:space": 425}),
        el("w:titlePg") if title_page else None,
        el("w:docGrid", {"w:type": "lines", "w:linePitch": LINE_PITCH}),
    ], nsdecls=_SECTION_NAMESPACES)  # fmt: skip
