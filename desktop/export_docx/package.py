"""The base package (styles, fonts, settings, footers, section), cached per font set, and the
document properties."""

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
    Element,
    el,
    ind,
    p,
    ppr,
    rpr,
    run,
    val,
    xml_text,
)
from desktop.export_docx.elements import fonts as fonts_of
from desktop.layout import (
    BODY_PT,
    CHAR_SCALE,
    CHAR_TWIPS,
    FOOTER_DISTANCE,
    FOOTER_LINE,
    HEADER_DISTANCE,
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SMALL_PT,
    TITLE_LINE,
    TITLE_PT,
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
    font_table = XmlPart(
        PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, _font_table(fonts), package
    )
    part.relate_to(font_table, RT.FONT_TABLE)

    styles = document.styles.element
    for child in list(styles):
        styles.remove(child)
    for child in _styles(fonts):
        styles.append(child)

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
    body.append(section_properties(FooterIds(odd_rid, even_rid, blank_rid)))

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

    def field_char(kind: str) -> Element:
        return run(el("w:fldChar", {"w:fldCharType": kind}))

    dash = rpr(hint="eastAsia")
    ftr.append(p(props, [
        run(el("w:t", {XML_SPACE: "preserve"}, text="— "), dash),
        field_char("begin"),
        run(el("w:instrText", {XML_SPACE: "preserve"}, text=" PAGE ")),
        field_char("separate"),
        run(el("w:t", text="1")),
        field_char("end"),
        run(el("w:t", {XML_SPACE: "preserve"}, text=" —"), dash),
    ]))  # fmt: skip


def _blank_footer(ftr: Any) -> None:
    """A footer without a page number: page 1 of a 函 (GB/T 9704 10.1), and a blank page and
    the 版记 page after it (7.5)."""
    for child in list(ftr):
        ftr.remove(child)
    ftr.append(p(ppr(style="Footer")))


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
) -> Element:
    """The section: A4, GB/T 9704 margins, the 22-line grid; odd and even footers with page
    numbers (none with ``unnumbered``), page 1 without one when ``title_page``."""
    odd, even = (footers.blank, footers.blank) if unnumbered else (footers.odd, footers.even)

    def footer(kind: str, rid: str) -> Element:
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


def _font_table(fonts: FontSpec) -> Element:
    """Each font with the GB2312 character set, so Word substitutes a Chinese font when one is
    missing, and with the common Windows name as ``altName`` (仿宋_GB2312 → 仿宋)."""
    names = dict.fromkeys(
        [fonts.body, fonts.title, fonts.heading1, fonts.heading2, fonts.page_number]
    )
    entries = []
    for name in names:
        alt = name.removesuffix("_GB2312")
        if name.startswith("方正小标宋"):
            alt = "宋体"
        entries.append(el("w:font", {"w:name": xml_text(name)}, [
            val("w:altName", xml_text(alt)) if alt != name else None,
            val("w:charset", 86),
            val("w:family", "modern"),
            val("w:pitch", "fixed"),
        ]))  # fmt: skip
    return el("w:fonts", children=entries)


def _style(
    kind: str,
    style_id: str,
    name: str,
    props: Element | None = None,
    run_props: Element | None = None,
    *,
    based_on: str | None = "Normal",
    next_id: str | None = None,
    extra: list[Element] | None = None,
    default: bool = False,
) -> Element:
    attrs: dict[str, str | int] = {"w:type": kind}
    if default:
        attrs["w:default"] = 1
    attrs["w:styleId"] = style_id
    return el("w:style", attrs, [
        val("w:name", name),
        val("w:basedOn", based_on) if based_on else None,
        val("w:next", next_id) if next_id else None,
        *(extra or [el("w:qFormat")]),
        props,
        run_props,
    ])  # fmt: skip


def _exact(line: int) -> Element:
    return el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": line, "w:lineRule": "exact"})


def _no_indent() -> Element:
    return el("w:ind", {"w:firstLineChars": 0, "w:firstLine": 0})


def _sizes(half_points: int) -> list[Element]:
    return [val("w:sz", half_points), val("w:szCs", half_points)]


def _lang() -> Element:
    return el("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"})


def _hidden(priority: int) -> list[Element]:
    return [val("w:uiPriority", priority), el("w:semiHidden"), el("w:unhideWhenUsed")]


def _paragraph_props(*children: Element | None) -> Element:
    return el("w:pPr", children=children)


def _run_props(*children: Element | None) -> Element:
    return el("w:rPr", children=children)


def _unsnapped(size: float, font: str, line: int, jc: str) -> tuple[Element, Element]:
    """Larger or smaller text keeps its natural width (no scaling, no grid snapping)."""
    no_snap = val("w:snapToGrid", 0)
    props = _paragraph_props(no_snap, _exact(line), _no_indent(), val("w:jc", jc))
    half = round(size * 2)
    run_props = _run_props(fonts_of(font), val("w:snapToGrid", 0), val("w:w", 100), *_sizes(half))
    return props, run_props


def _defaults(fonts: FontSpec) -> list[Element]:
    """Document defaults and the Normal style: every font named explicitly for Latin *and*
    East Asian text (``w:eastAsia``): no theme fonts, which in python-docx's template mean MS
    Mincho."""
    black = val("w:color", "000000")
    base = [fonts_of(fonts.body), black, *_sizes(BODY_PT * 2), _lang()]
    doc_defaults = el("w:docDefaults", children=[
        el("w:rPrDefault", children=[_run_props(*base)]),
        el("w:pPrDefault", children=[_paragraph_props(_exact(LINE_PITCH))]),
    ])  # fmt: skip
    normal_props = _paragraph_props(
        val("w:widowControl", 0),
        val("w:autoSpaceDE", 0),
        val("w:autoSpaceDN", 0),
        _exact(LINE_PITCH),
        el("w:ind", {"w:firstLineChars": 200, "w:firstLine": 2 * CHAR_TWIPS}),
        val("w:jc", "both"),
    )
    normal_run = _run_props(
        fonts_of(fonts.body),
        val("w:color", "000000"),
        val("w:w", CHAR_SCALE),
        *_sizes(BODY_PT * 2),
        _lang(),
    )
    normal = _style(
        "paragraph", "Normal", "Normal", normal_props, normal_run, based_on=None, default=True
    )
    return [doc_defaults, normal]


def _aligned(jc: str) -> Element:
    return _paragraph_props(_no_indent(), val("w:jc", jc))


def _heading(style_id: str, name: str, level: int, font: str, *, keep: bool) -> Element:
    props = _paragraph_props(el("w:keepNext") if keep else None, val("w:outlineLvl", level))
    return _style("paragraph", style_id, name, props, _run_props(fonts_of(font)), next_id="Normal")


def _styles(fonts: FontSpec) -> list[Element]:
    """Document defaults and styles."""
    cell_margins = el("w:tblCellMar", children=[
        el(f"w:{side}", {"w:w": width, "w:type": "dxa"})
        for side, width in (("top", 0), ("left", 108), ("bottom", 0), ("right", 108))
    ])  # fmt: skip
    table_props = el(
        "w:tblPr", children=[el("w:tblInd", {"w:w": 0, "w:type": "dxa"}), cell_margins]
    )
    end_mark_props = _paragraph_props(
        val("w:snapToGrid", 0),
        el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": 10, "w:lineRule": "exact"}),
        _no_indent(),
    )
    return [
        *_defaults(fonts),
        _style("character", "DefaultParagraphFont", "Default Paragraph Font", based_on=None,
               extra=_hidden(1), default=True),
        _style("table", "TableNormal", "Normal Table", based_on=None,
               extra=[*_hidden(99), table_props], default=True),
        _style("numbering", "NoList", "No List", based_on=None, extra=_hidden(99), default=True),
        _style("paragraph", "Title", "Title",
               *_unsnapped(TITLE_PT, fonts.title, TITLE_LINE, "center"), next_id="Normal"),
        _style("paragraph", "HeadLine", "Head Line", _aligned("right"), next_id="Normal"),
        _style("paragraph", "Salutation", "Salutation", _aligned("left"), next_id="Normal"),
        _heading("Heading1", "heading 1", 0, fonts.heading1, keep=True),
        _heading("Heading2", "heading 2", 1, fonts.heading2, keep=True),
        _heading("Heading3", "heading 3", 2, fonts.body, keep=False),
        _style("paragraph", "Signature", "Signature", _aligned("right")),
        _style("paragraph", "Date", "Date", _aligned("right")),
        _style("paragraph", "Note", "Contact Note", _paragraph_props(val("w:jc", "left"))),
        _style("paragraph", "Footer", "footer",
               *_unsnapped(SMALL_PT, fonts.page_number, FOOTER_LINE, "right")),
        _style("paragraph", "CopyTo", "Copy To",
               *_unsnapped(SMALL_PT, fonts.body, LINE_PITCH, "both")),
        _style("paragraph", "EndMark", "End Mark", end_mark_props,
               _run_props(*_sizes(2))),
    ]  # fmt: skip
