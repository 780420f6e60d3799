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
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from desktop.export_docx.elements import (
    escape_attr,
    fonts_xml,
    ind_xml,
    ppr_xml,
    rpr_xml,
)
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
        PackURI("/word/fontTable.xml"),
        CT.WML_FONT_TABLE,
        parse_xml(_font_table_xml(fonts)),
        package,
    )
    part.relate_to(font_table, RT.FONT_TABLE)

    styles = document.styles.element
    for child in list(styles):
        styles.remove(child)
    for child in parse_xml(_styles_xml(fonts)):
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
    body.append(parse_xml(sect_pr_xml(FooterIds(odd_rid, even_rid, blank_rid))))

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
    ind = (
        ind_xml(right=1, first=0, char_twips=280)
        if odd
        else ind_xml(left=1, first=0, char_twips=280)
    )
    ppr = ppr_xml(style="Footer", ind=ind, jc="right" if odd else "left")
    dash = rpr_xml(hint="eastAsia")
    runs = (
        f'<w:r>{dash}<w:t xml:space="preserve">— </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r>{dash}<w:t xml:space="preserve"> —</w:t></w:r>'
    )
    ftr.append(parse_xml(f"<w:p {nsdecls('w')}>{ppr}{runs}</w:p>"))


def _blank_footer(ftr: Any) -> None:
    """A footer without a page number: page 1 of a 函 (GB/T 9704 10.1), and a blank page and
    the 版记 page after it (7.5)."""
    for child in list(ftr):
        ftr.remove(child)
    ftr.append(parse_xml(f"<w:p {nsdecls('w')}>{ppr_xml(style='Footer')}</w:p>"))


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


def sect_pr_xml(
    footers: FooterIds, *, title_page: bool = False, unnumbered: bool = False, ns: bool = True
) -> str:
    """The section: A4, GB/T 9704 margins, the 22-line grid; odd and even footers with page
    numbers (none with ``unnumbered``), page 1 without one when ``title_page``."""
    odd, even = (footers.blank, footers.blank) if unnumbered else (footers.odd, footers.even)
    decls = f" {nsdecls('w', 'r')}" if ns else ""
    return (
        f"<w:sectPr{decls}>"
        f'<w:footerReference w:type="default" r:id="{odd}"/>'
        f'<w:footerReference w:type="even" r:id="{even}"/>'
        f'<w:footerReference w:type="first" r:id="{footers.blank}"/>'
        f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_LEFT}" w:header="{HEADER_DISTANCE}" w:footer="{FOOTER_DISTANCE}" '
        'w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        f"{'<w:titlePg/>' if title_page else ''}"
        f'<w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/>'
        "</w:sectPr>"
    )


def _font_table_xml(fonts: FontSpec) -> str:
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
        alt_xml = f'<w:altName w:val="{escape_attr(alt)}"/>' if alt != name else ""
        entries.append(
            f'<w:font w:name="{escape_attr(name)}">{alt_xml}<w:charset w:val="86"/>'
            '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
    return f"<w:fonts {nsdecls('w')}>{''.join(entries)}</w:fonts>"


def _style(
    kind: str,
    style_id: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    *,
    based_on: str | None = "Normal",
    next_id: str | None = None,
    extra: str = "",
    default: bool = False,
) -> str:
    parts = [f'<w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_id:
        parts.append(f'<w:next w:val="{next_id}"/>')
    parts.append(extra or "<w:qFormat/>")
    parts.append(ppr)
    parts.append(rpr)
    default_attr = ' w:default="1"' if default else ""
    return (
        f'<w:style w:type="{kind}"{default_attr} w:styleId="{style_id}">{"".join(parts)}</w:style>'
    )


def _exact(line: int) -> str:
    return f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'


def _styles_xml(fonts: FontSpec) -> str:
    """Document defaults and styles. Every font is named explicitly for Latin *and* East Asian
    text (``w:eastAsia``): no theme fonts, which in python-docx's template mean MS Mincho."""
    body_rpr_base = (
        f"{fonts_xml(fonts.body)}"
        '<w:color w:val="000000"/>'
        f'<w:sz w:val="{BODY_PT * 2}"/><w:szCs w:val="{BODY_PT * 2}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
    )
    doc_defaults = (
        "<w:docDefaults>"
        f"<w:rPrDefault><w:rPr>{body_rpr_base}</w:rPr></w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{_exact(LINE_PITCH)}</w:pPr></w:pPrDefault>"
        "</w:docDefaults>"
    )
    no_indent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
    normal = _style(
        "paragraph",
        "Normal",
        "Normal",
        '<w:pPr><w:widowControl w:val="0"/>'
        '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
        f"{_exact(LINE_PITCH)}"
        f'<w:ind w:firstLineChars="200" w:firstLine="{2 * CHAR_TWIPS}"/>'
        '<w:jc w:val="both"/></w:pPr>',
        f'<w:rPr>{fonts_xml(fonts.body)}<w:color w:val="000000"/>'
        f'<w:w w:val="{CHAR_SCALE}"/>'
        f'<w:sz w:val="{BODY_PT * 2}"/><w:szCs w:val="{BODY_PT * 2}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>',
        based_on=None,
        default=True,
    )

    def unsnapped(
        size: float, font: str, line: int, jc: str, ind: str = no_indent
    ) -> tuple[str, str]:
        # Larger or smaller text keeps its natural width (no scaling, no grid snapping).
        ppr = f'<w:pPr><w:snapToGrid w:val="0"/>{_exact(line)}{ind}<w:jc w:val="{jc}"/></w:pPr>'
        rpr = (
            f'<w:rPr>{fonts_xml(font)}<w:snapToGrid w:val="0"/><w:w w:val="100"/>'
            f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/></w:rPr>'
        )
        return ppr, rpr

    title_ppr, title_rpr = unsnapped(TITLE_PT, fonts.title, TITLE_LINE, "center")
    footer_ppr, footer_rpr = unsnapped(SMALL_PT, fonts.page_number, FOOTER_LINE, "right")
    copy_ppr, copy_rpr = unsnapped(SMALL_PT, fonts.body, LINE_PITCH, "both")
    styles = [
        _style(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            based_on=None,
            extra='<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
            default=True,
        ),
        _style(
            "table",
            "TableNormal",
            "Normal Table",
            based_on=None,
            extra='<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
            '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
            '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>",
            default=True,
        ),
        _style(
            "numbering",
            "NoList",
            "No List",
            based_on=None,
            extra='<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>',
            default=True,
        ),
        _style("paragraph", "Title", "Title", title_ppr, title_rpr, next_id="Normal"),
        _style(
            "paragraph",
            "HeadLine",
            "Head Line",
            f'<w:pPr>{no_indent}<w:jc w:val="right"/></w:pPr>',
            next_id="Normal",
        ),
        _style(
            "paragraph",
            "Salutation",
            "Salutation",
            f'<w:pPr>{no_indent}<w:jc w:val="left"/></w:pPr>',
            next_id="Normal",
        ),
        _style(
            "paragraph",
            "Heading1",
            "heading 1",
            '<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr>',
            f"<w:rPr>{fonts_xml(fonts.heading1)}</w:rPr>",
            next_id="Normal",
        ),
        _style(
            "paragraph",
            "Heading2",
            "heading 2",
            '<w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr>',
            f"<w:rPr>{fonts_xml(fonts.heading2)}</w:rPr>",
            next_id="Normal",
        ),
        _style(
            "paragraph",
            "Heading3",
            "heading 3",
            '<w:pPr><w:outlineLvl w:val="2"/></w:pPr>',
            f"<w:rPr>{fonts_xml(fonts.body)}</w:rPr>",
            next_id="Normal",
        ),
        _style(
            "paragraph",
            "Signature",
            "Signature",
            f'<w:pPr>{no_indent}<w:jc w:val="right"/></w:pPr>',
        ),
        _style("paragraph", "Date", "Date", f'<w:pPr>{no_indent}<w:jc w:val="right"/></w:pPr>'),
        _style("paragraph", "Note", "Contact Note", '<w:pPr><w:jc w:val="left"/></w:pPr>'),
        _style("paragraph", "Footer", "footer", footer_ppr, footer_rpr),
        _style("paragraph", "CopyTo", "Copy To", copy_ppr, copy_rpr),
        _style(
            "paragraph",
            "EndMark",
            "End Mark",
            '<w:pPr><w:snapToGrid w:val="0"/>'
            '<w:spacing w:before="0" w:after="0" w:line="10" w:lineRule="exact"/>'
            f"{no_indent}</w:pPr>",
            '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>',
        ),
    ]
    return f"<w:styles {nsdecls('w')}>{doc_defaults}{normal}{''.join(styles)}</w:styles>"
