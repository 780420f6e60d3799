"""The 版记 block at the foot of the last page."""

from __future__ import annotations

from typing import Final

from desktop.export_docx.elements import (
    _ind,
    _p,
    _ppr,
    _runs,
)
from desktop.layout import (
    MARGIN_LEFT,
    TEXT_WIDTH,
)
from desktop.model import ComposedLetter

BORDER_SIZE: Final = 4  # eighths of a point: 0.5 pt lines around the copy-to block


def _copy_to_block(letter: ComposedLetter) -> list[str]:
    """Disclosure and copy-to lines (版记) in a one-column table floated to the page foot.

    A table (rather than paragraph borders) keeps the rules the full width of the text area
    while the text is indented one character each side; floating it to the bottom margin
    puts it at the foot of whatever page it falls on — the last one.
    """
    rows = []
    disclosure = (letter.disclosure or "").strip()
    if disclosure:
        text = disclosure if disclosure.startswith("公开属性") else f"公开属性：{disclosure}"
        rows.append(
            _p(
                _ppr(style="CopyTo", ind=_ind(left=1, right=1, first=0, char_twips=280)),
                _runs(text),
            )
        )
    units = [u.strip().rstrip("，,、。.；;") for u in letter.cc if u.strip()]
    if units:
        text = "抄送：" + "，".join(units) + "。"
        ind = _ind(left=4, right=1, hanging=3, char_twips=280)
        rows.append(_p(_ppr(style="CopyTo", ind=ind), _runs(text)))
    if not rows:
        return []
    line = f'w:val="single" w:sz="{BORDER_SIZE}" w:space="0" w:color="000000"'
    cells = []
    for row in rows:
        borders = f"<w:tcBorders><w:top {line}/><w:bottom {line}/></w:tcBorders>"
        cells.append(
            f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{TEXT_WIDTH}" w:type="dxa"/>{borders}</w:tcPr>'
            f"{row}</w:tc></w:tr>"
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
    return [table, _p(_ppr(style="EndMark"))]
