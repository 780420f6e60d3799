"""The 版记 block at the foot of the last page (GB/T 9704 7.4; 10.1 for the letter format)."""

from __future__ import annotations

from desktop.export_docx.elements import Node, el, ind, p, ppr, right_tab, runs, val
from desktop.layout import (
    MARGIN_LEFT,
    SMALL_PT,
    TEXT_WIDTH,
    THICK_RULE_EIGHTHS,
    THICK_RULE_MM,
    THIN_RULE_EIGHTHS,
    BanjiRow,
)

SMALL_CHAR_TWIPS = SMALL_PT * 20  # one character of 4号 text


def _rule(edge: str, width_mm: float | None) -> Node:
    if width_mm is None:
        return val(f"w:{edge}", "nil")
    size = THICK_RULE_EIGHTHS if width_mm >= THICK_RULE_MM else THIN_RULE_EIGHTHS
    attrs: dict[str, str | int] = {
        "w:val": "single",
        "w:sz": size,
        "w:space": 0,
        "w:color": "000000",
    }
    return el(f"w:{edge}", attrs)


def _row_paragraph(row: BanjiRow) -> Node:
    if row.kind == "cc":
        # 抄送 indented one character each side, wrapped lines under the first unit (7.4.2).
        indent = ind(left=4, right=1, hanging=3, char_twips=SMALL_CHAR_TWIPS)
        return p(ppr(style="CopyTo", indent=indent), runs(row.text))
    if row.kind == "issue":
        # 印发机关 one character in from the left, 印发日期 one in from the right (7.4.3): a
        # right tab stop, measured from the cell's edge (cell margins are 0).
        tabs = right_tab(TEXT_WIDTH - SMALL_CHAR_TWIPS)
        indent = ind(left=1, right=0, first=0, char_twips=SMALL_CHAR_TWIPS)
        return p(ppr(style="CopyTo", tabs=tabs, indent=indent, jc="left"), runs(row.text))
    indent = ind(left=1, right=1, first=0, char_twips=SMALL_CHAR_TWIPS)
    return p(ppr(style="CopyTo", indent=indent), runs(row.text))


def _dxa(tag: str, width: int) -> Node:
    return el(tag, {"w:w": width, "w:type": "dxa"})


def _table_properties() -> Node:
    no_margin = [_dxa("w:left", 0), _dxa("w:right", 0)]
    return el("w:tblPr", children=[
        el("w:tblpPr", {"w:leftFromText": 0, "w:rightFromText": 0, "w:topFromText": 0,
                        "w:bottomFromText": 0, "w:vertAnchor": "margin", "w:horzAnchor": "page",
                        "w:tblpX": MARGIN_LEFT, "w:tblpYSpec": "bottom"}),
        val("w:tblOverlap", "never"),
        _dxa("w:tblW", TEXT_WIDTH),
        el("w:tblLayout", {"w:type": "fixed"}),
        el("w:tblCellMar", children=no_margin),
        el("w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0, "w:firstColumn": 0,
                         "w:lastColumn": 0, "w:noHBand": 1, "w:noVBand": 1}),
    ])  # fmt: skip


def copy_to_block(rows: list[BanjiRow]) -> list[Node]:
    """The 版记 rows in a one-column table floated to the foot of the text area.

    A table (rather than paragraph borders) keeps the rules the full width of the text area
    while the text is indented one character each side; floating it to the bottom margin
    puts it at the foot of whatever page it falls on, so its last rule lies on the lower
    edge of the text area (7.4.1). Each rule is the top border of the row below it (and the
    last one the bottom border of the last row), so that no two borders meet and merge.
    """
    if not rows:
        return []
    cells = []
    for row in rows:
        borders = el("w:tcBorders", children=[
            _rule("top", row.rule_above), _rule("left", None),
            _rule("bottom", row.rule_below), _rule("right", None),
        ])  # fmt: skip
        properties = el("w:tcPr", children=[_dxa("w:tcW", TEXT_WIDTH), borders])
        cell = el("w:tc", children=[properties, _row_paragraph(row)])
        cells.append(el("w:tr", children=[cell]))
    grid = el("w:tblGrid", children=[el("w:gridCol", {"w:w": TEXT_WIDTH})])
    table = el("w:tbl", children=[_table_properties(), grid, *cells])
    # A table must be followed by a paragraph; this one is a hairline so that it never
    # needs a page of its own.
    return [table, p(ppr(style="EndMark"))]
