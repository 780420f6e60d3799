"""The styles part (document defaults, Normal, title, headings, signature, footer, 版记 …) and
the font table of the base package."""

from __future__ import annotations

from desktop.export_docx.elements import Node, el, val, xml_text
from desktop.export_docx.elements import fonts as fonts_of
from desktop.layout import (
    BODY_PT,
    CHAR_SCALE,
    CHAR_TWIPS,
    FOOTER_LINE,
    LINE_PITCH,
    SMALL_PT,
    TITLE_LINE,
    TITLE_PT,
)
from desktop.model import FontSpec


def font_table(fonts: FontSpec) -> Node:
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
    props: Node | None = None,
    run_props: Node | None = None,
    *,
    based_on: str | None = "Normal",
    next_id: str | None = None,
    extra: list[Node] | None = None,
    default: bool = False,
) -> Node:
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


def _exact(line: int) -> Node:
    return el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": line, "w:lineRule": "exact"})


def _no_indent() -> Node:
    return el("w:ind", {"w:firstLineChars": 0, "w:firstLine": 0})


def _sizes(half_points: int) -> list[Node]:
    return [val("w:sz", half_points), val("w:szCs", half_points)]


def _lang() -> Node:
    return el("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"})


def _hidden(priority: int) -> list[Node]:
    return [val("w:uiPriority", priority), el("w:semiHidden"), el("w:unhideWhenUsed")]


def _paragraph_props(*children: Node | None) -> Node:
    return el("w:pPr", children=children)


def _run_props(*children: Node | None) -> Node:
    return el("w:rPr", children=children)


def _unsnapped(size: float, font: str, line: int, jc: str) -> tuple[Node, Node]:
    """Larger or smaller text keeps its natural width (no scaling, no grid snapping)."""
    no_snap = val("w:snapToGrid", 0)
    props = _paragraph_props(no_snap, _exact(line), _no_indent(), val("w:jc", jc))
    half = round(size * 2)
    run_props = _run_props(fonts_of(font), val("w:snapToGrid", 0), val("w:w", 100), *_sizes(half))
    return props, run_props


def _defaults(fonts: FontSpec) -> list[Node]:
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


def _aligned(jc: str) -> Node:
    return _paragraph_props(_no_indent(), val("w:jc", jc))


def _heading(style_id: str, name: str, level: int, font: str, *, keep: bool) -> Node:
    props = _paragraph_props(el("w:keepNext") if keep else None, val("w:outlineLvl", level))
    return _style("paragraph", style_id, name, props, _run_props(fonts_of(font)), next_id="Normal")


def styles_of(fonts: FontSpec) -> list[Node]:
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
