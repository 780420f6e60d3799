"""The 版记 block at the foot of the last page (GB/T 9704 7.4; 10.1 for the letter format)."""

from __future__ import annotations

from desktop.export_docx.elements import ind_xml, p_xml, ppr_xml, runs_xml
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


def _rule(edge: str, width_mm: float | None) -> str:
    if width_mm is None:
        return f'<w:{edge} w:val="nil"/>'
    size = THICK_RULE_EIGHTHS if width_mm >= THICK_RULE_MM else THIN_RULE_EIGHTHS
    return f'<w:{edge} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'


def _row_paragraph(row: BanjiRow) -> str:
    if row.kind == "cc":
        # 抄送 indented one character each side, wrapped lines under the first unit (7.4.2).
        ind = ind_xml(left=4, right=1, hanging=3, char_twips=SMALL_CHAR_TWIPS)
        return p_xml(ppr_xml(style="CopyTo", ind=ind), runs_xml(row.text))
    if row.kind == "issue":
        # 印发机关 one character in from the left, 印发日期 one in from the right (7.4.3): a
        # right tab stop, measured from the cell's edge (cell margins are 0).
        tab_pos = TEXT_WIDTH - SMALL_CHAR_TWIPS
        tabs = f'<w:tabs><w:tab w:val="right" w:pos="{tab_pos}"/></w:tabs>'
        ind = ind_xml(left=1, right=0, first=0, char_twips=SMALL_CHAR_TWIPS)
        return p_xml(ppr_xml(style="CopyTo", tabs=tabs, ind=ind, jc="left"), runs_xml(row.text))
    ind = ind_xml(left=1, right=1, first=0, char_twips=SMALL_CHAR_TWIPS)
    return p_xml(ppr_xml(style="CopyTo", ind=ind), runs_xml(row.text))


def copy_to_block(rows: list[BanjiRow]) -> list[str]:
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
        borders = (
            f"<w:tcBorders>{_rule('top', row.rule_above)}{_rule('left', None)}"
            f"{_rule('bottom', row.rule_below)}{_rule('right', None)}</w:tcBorders>"
        )
        cells.append(
            f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{TEXT_WIDTH}" w:type="dxa"/>{borders}</w:tcPr>'
            f"{_row_paragraph(row)}</w:tc></w:tr>"
        )
    table = (
        "<w:tbl><w:tblPr>"
        '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" '
        'w:bottomFromText="0" w:vertAnchor="margin" w:horzAnchor="page" '
        f'w:tblpX="{MARGIN_LEFT}" w:tblpYSpec="bottom"/>'
        '<w:tblOverlap w:val="never"/>'
        f'<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        "</w:tblPr>"
        f'<w:tblGrid><w:gridCol w:w="{TEXT_WIDTH}"/></w:tblGrid>'
        f"{''.join(cells)}</w:tbl>"
    )
    # A table must be followed by a paragraph; this one is a hairline so that it never
    # needs a page of its own.
    return [table, p_xml(ppr_xml(style="EndMark"))]
