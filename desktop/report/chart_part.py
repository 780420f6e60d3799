"""A bar chart as a native Word chart part (DrawingML ``c:chartSpace``), with its data as an
embedded workbook so the clerk can edit it in Word or WPS.

Why a chart part and not a picture: it adds nothing to the installed program (no plotting
library, no image library, no font file to find on the clerk's PC), Word, WPS and LibreOffice
draw it from the cached values with the PC's own Chinese fonts, and it prints as vectors.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_RT = R_NS + "/chart"
PACKAGE_RT = R_NS + "/package"
BAR_COLOUR = "2F5597"  # a dark blue that stays distinct printed in grey
FONT = "宋体"


def _text_props(size: int, bold: bool = False) -> str:
    b = ' b="1"' if bold else ""
    return (
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size * 100}"{b}>'
        f'<a:latin typeface="{FONT}"/><a:ea typeface="{FONT}"/></a:defRPr></a:pPr>'
        '<a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
    )


def _str_cache(values: Sequence[str]) -> str:
    pts = "".join(f'<c:pt idx="{i}"><c:v>{escape(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return f'<c:strCache><c:ptCount val="{len(values)}"/>{pts}</c:strCache>'


def _num_cache(values: Sequence[int]) -> str:
    pts = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values))
    return (
        f'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{len(values)}"/>'
        f"{pts}</c:numCache>"
    )


def chart_xml(title: str, labels: Sequence[str], values: Sequence[int], series: str) -> bytes:
    """The chart part: one series of columns, the value on each, the title above.
    Its embedded workbook (``rId1``) holds the labels in A2… and the values in B2…."""
    last = len(labels) + 1
    axis_top = max([*values, 1])
    major = max(1, -(-axis_top // 5))  # about five grid lines, whole numbers
    xml = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">
<c:lang val="zh-CN"/><c:roundedCorners val="0"/>
<c:chart>
<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>
<a:r><a:rPr lang="zh-CN" sz="1200" b="1"><a:latin typeface="{FONT}"/><a:ea typeface="{FONT}"/>
</a:rPr><a:t>{escape(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>
<c:autoTitleDeleted val="0"/>
<c:plotArea><c:layout/>
<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>
<c:ser><c:idx val="0"/><c:order val="0"/>
<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f>{_str_cache([series])}</c:strRef></c:tx>
<c:spPr><a:solidFill><a:srgbClr val="{BAR_COLOUR}"/></a:solidFill></c:spPr>
<c:invertIfNegative val="0"/>
<c:dLbls>{_text_props(10)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>
<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>
<c:showBubbleSize val="0"/></c:dLbls>
<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last}</c:f>{_str_cache(labels)}</c:strRef></c:cat>
<c:val><c:numRef><c:f>Sheet1!$B$2:$B${last}</c:f>{_num_cache(values)}</c:numRef></c:val>
</c:ser>
<c:gapWidth val="80"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>
<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling>
<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>
<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>
{_text_props(10)}<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/>
<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>
<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/>
<c:max val="{axis_top + major}"/><c:min val="0"/></c:scaling>
<c:delete val="0"/><c:axPos val="l"/>
<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill>
</a:ln></c:spPr></c:majorGridlines>
<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/>
<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{_text_props(10)}
<c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>
<c:majorUnit val="{major}"/></c:valAx>
</c:plotArea>
<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>
</c:chart>
{_text_props(10)}
<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>
</c:chartSpace>"""
    return xml.encode("utf-8")


def chart_workbook(labels: Sequence[str], values: Sequence[int], series: str) -> bytes:
    """The chart's data as Word's "edit data" opens it."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["", series])
    for label, value in zip(labels, values, strict=True):
        sheet.append([label, value])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
