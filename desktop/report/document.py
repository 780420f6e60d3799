"""The report as a Word document: the title, the scope, each count as a table, the charts of
categories and satisfaction (native chart parts, :mod:`desktop.report.chart_part`), the notes.

Plain A4 with the house fonts (仿宋 body, 黑体 headings, set through ``w:eastAsia``) so it prints
the same in Word, WPS and LibreOffice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.model import FontSpec
from desktop.report.chart_part import (
    CHART_CT,
    CHART_RT,
    PACKAGE_RT,
    XLSX_CT,
    chart_workbook,
    chart_xml,
)
from desktop.report.counts import YearReport
from desktop.report.summary import (
    NOTES,
    SummaryTable,
    chart_series,
    report_title,
    scope_line,
    summary_tables,
)
from desktop.safe_write import atomic_write

CHART_WIDTH_CM = 15.0
CHART_HEIGHT_CM = 6.5
EMU_PER_CM = 360000


def _fonts(run: Any, east_asian: str, size_pt: float, *, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.size = Pt(size_pt)
    run.font.bold = bold
    run.font.name = "Times New Roman"
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)


def _paragraph(doc: Any, text: str, font: str, size: float, *, bold: bool = False,
               centre: bool = False, after: float = 6) -> Any:  # fmt: skip
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    para = doc.add_paragraph()
    if centre:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.space_after = Pt(after)
    _fonts(para.add_run(text), font, size, bold=bold)
    return para


COLUMNS_CM = (10.0, 4.0)  # label, value: 14 cm of the 15.6 cm text width, centred
HEADER_SHADE = "E7E6E6"


def _cell(cell: Any, text: str, font: str, *, centre: bool, shade: bool) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    para = cell.paragraphs[0]
    para.paragraph_format.space_before = Pt(2)
    para.paragraph_format.space_after = Pt(2)
    if centre:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fonts(para.add_run(text), font, 12)
    if shade:
        cell._tc.get_or_add_tcPr().append(parse_xml(
            '<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            f' w:val="clear" w:color="auto" w:fill="{HEADER_SHADE}"/>'
        ))  # fmt: skip


def _table(doc: Any, table: SummaryTable, fonts: FontSpec) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm

    heading = _paragraph(doc, table.title, fonts.heading1, 14, after=4)
    heading.paragraph_format.keep_with_next = True  # never a heading alone at a page's foot
    grid = doc.add_table(rows=1, cols=2)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    rows = [("项目", table.heading), *((r.label, r.shown) for r in table.rows)]
    for _ in rows[1:]:
        grid.add_row()
    for column, width in zip(grid.columns, COLUMNS_CM, strict=True):
        column.width = Cm(width)  # the grid LibreOffice and WPS lay out by
    for i, (label, value) in enumerate(rows):
        row = grid.rows[i]
        for cell, width in zip(row.cells, COLUMNS_CM, strict=True):
            cell.width = Cm(width)  # the cells Word lays out by
        font = fonts.body if i else fonts.heading1
        _cell(row.cells[0], label, font, centre=False, shade=i == 0)
        _cell(row.cells[1], value, font, centre=True, shade=i == 0)
        if i < len(rows) - 1:  # a table breaks across pages only as a last resort
            for cell in row.cells:
                for para in cell.paragraphs:
                    para.paragraph_format.keep_with_next = True
    _paragraph(doc, "", fonts.body, 6, after=0)


def _add_chart(doc: Any, number: int, title: str, labels: list[str], values: list[int]) -> None:
    """A chart part with its workbook, shown inline in its own centred paragraph."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    package = doc.part.package
    data = Part(PackURI(f"/word/embeddings/report_chart{number}.xlsx"), XLSX_CT,
                chart_workbook(labels, values, "件数"), package)  # fmt: skip
    chart = Part(PackURI(f"/word/charts/chart{number}.xml"), CHART_CT,
                 chart_xml(title, labels, values, "件数"), package)  # fmt: skip
    assert chart.relate_to(data, PACKAGE_RT) == "rId1"  # the id chart_xml names
    rid = doc.part.relate_to(chart, CHART_RT)
    cx, cy = int(CHART_WIDTH_CM * EMU_PER_CM), int(CHART_HEIGHT_CM * EMU_PER_CM)
    inline = parse_xml(
        '<wp:inline distT="0" distB="0" distL="0" distR="0" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{900 + number}" name="图表 {number}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline>'
    )
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    drawing = parse_xml(
        '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    )
    drawing.append(inline)
    para.add_run()._r.append(drawing)


def build_document(report: YearReport, agency: str = "", fonts: FontSpec | None = None) -> Any:
    import docx
    from docx.shared import Cm

    fonts = fonts or FontSpec()
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    # The agency on a line of its own: the title then breaks where a clerk would break it.
    title = report_title(report, agency).replace(agency, agency + "\n", 1) if agency else (
        report_title(report))  # fmt: skip
    _paragraph(doc, title, fonts.title, 22, centre=True, after=12)
    _paragraph(doc, scope_line(report), fonts.body, 14, after=12)
    for table in summary_tables(report):
        _table(doc, table, fonts)
    _paragraph(doc, "图表", fonts.heading1, 14, after=4).paragraph_format.keep_with_next = True
    for number, (title, labels, values) in enumerate(chart_series(report), start=1):
        _add_chart(doc, number, title, labels, values)
    _paragraph(doc, "说明", fonts.heading1, 14, after=4)
    for note in NOTES:
        _paragraph(doc, note, fonts.body, 12, after=2)
    return doc


def write_document(report: YearReport, target: Path, agency: str = "") -> Path:
    doc = build_document(report, agency)
    return atomic_write(target, lambda tmp: doc.save(str(tmp)))
