"""DOCX export (GB/T 9704 layout) and the atomic writer behind it.

Every exported document is reopened — with python-docx and as raw XML — and checked against
the layout numbers in shared/docs/gbt9704.md.
"""

from __future__ import annotations

import errno
import os
import struct
import time
import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.shared import Mm, Pt, Twips
from lxml import etree

from desktop import safe_write
from desktop.export_docx import (
    EMU_PER_MM,
    MAX_SEAL_BYTES,
    SealError,
    build_docx_bytes,
    check_seal_image,
    format_date,
    signature_indents,
    split_title,
    text_width,
    write_docx,
)
from desktop.model import ComposedLetter, FontSpec, LetterParagraph, SealSpec
from desktop.safe_write import TargetLocked, WriteFailed, atomic_write, next_free_name

ROOT = Path(__file__).resolve().parents[2]
DEMO_SEAL = ROOT / "resources" / "demo_seal.png"

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
W = "{" + NS["w"] + "}"
R = "{" + NS["r"] + "}"

FILLER = (
    "我局围绕建设创新型城市目标，持续推进科技创新平台建设，企业研发投入稳步增长，"
    "高新技术企业数量明显增加，科技成果转化取得新进展。"
)


def make_letter(**changes: Any) -> ComposedLetter:
    fields: dict[str, Any] = {
        "title": "关于市十六届人大四次会议第277号建议的答复",
        "salutation": "石剑波代表：",
        "paragraphs": [
            LetterParagraph("您提出的建议收悉。衷心感谢您对科技工作的关心和支持！现答复如下："),
            LetterParagraph("一、工作开展情况", "heading1"),
            LetterParagraph("（一）加强平台建设。" + FILLER, "heading2"),
            LetterParagraph(FILLER * 3),
            LetterParagraph("1.强化企业创新主体地位", "heading3"),
            LetterParagraph("衷心感谢您提出的建议，欢迎继续对我市科技工作提出宝贵意见。"),
        ],
        "agency": "南通市科学技术局",
        "date": "2020-05-29",
        "category_label": "A类",
        "doc_number": "通科函〔2020〕12号",
        "contact_note": "（联系人：张三，联系电话：0513-85000000）",
        "cc": ["市人大常委会代表工委", "市政府办公室"],
        "disclosure": "主动公开",
        "seal": SealSpec(DEMO_SEAL.read_bytes(), 42.0),
    }
    fields.update(changes)
    return ComposedLetter(**fields)


class Docx:
    """An exported DOCX, reopened: python-docx's view and the raw XML parts."""

    def __init__(self, data: bytes):
        self.data = data
        self.document = docx.Document(BytesIO(data))
        self.zip = zipfile.ZipFile(BytesIO(data))
        self.body = self.xml("word/document.xml").find("w:body", NS)
        self.styles = self.xml("word/styles.xml")
        self.settings = self.xml("word/settings.xml")

    def xml(self, name: str) -> Any:
        return etree.fromstring(self.zip.read(name))

    def style(self, style_id: str) -> Any:
        found = self.styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert found is not None, style_id
        return found

    def paragraphs(self) -> list[Any]:
        return self.body.findall("w:p", NS)

    def paragraph(self, text: str) -> Any:
        for p in self.body.iter(W + "p"):
            if text_of(p) == text:
                return p
        raise AssertionError(f"no paragraph {text!r}: {[text_of(p) for p in self.paragraphs()]}")

    def footer(self, kind: str) -> Any:
        sect = self.body.find("w:sectPr", NS)
        ref = sect.find(f"w:footerReference[@w:type='{kind}']", NS)
        assert ref is not None, kind
        rid = ref.get(R + "id")
        rels = self.xml("word/_rels/document.xml.rels")
        target = rels.find(f"rel:Relationship[@Id='{rid}']", NS).get("Target")
        return self.xml("word/" + target)


def text_of(element: Any) -> str:
    parts = []
    for node in element.iter(W + "t", W + "br"):
        parts.append("\n" if node.tag == W + "br" else (node.text or ""))
    return "".join(parts)


def attr(element: Any, path: str, name: str) -> str | None:
    found = element.find(path, NS)
    return None if found is None else found.get(W + name)


def int_attr(element: Any, path: str, name: str) -> int:
    value = attr(element, path, name)
    assert value is not None, (path, name)
    return int(value)


@pytest.fixture(scope="module")
def sealed() -> Docx:
    return Docx(build_docx_bytes(make_letter()))


@pytest.fixture(scope="module")
def unsealed() -> Docx:
    return Docx(build_docx_bytes(make_letter(seal=None)))


# ----------------------------------------------------------------------------------------------
# Page


def test_a4_page_and_gbt9704_margins(sealed: Docx) -> None:
    section = sealed.document.sections[0]
    assert section.page_width == Twips(11906)
    assert section.page_height == Twips(16838)
    for actual, mm in (
        (section.top_margin, 37),
        (section.bottom_margin, 35),
        (section.left_margin, 28),
        (section.right_margin, 26),
    ):
        assert actual is not None
        assert abs(actual - Mm(mm)) < Mm(0.05), (actual.mm, mm)
    pg_mar = sealed.body.find("w:sectPr/w:pgMar", NS)
    assert {k: pg_mar.get(W + k) for k in ("top", "bottom", "left", "right")} == {
        "top": "2098",
        "bottom": "1984",
        "left": "1587",
        "right": "1474",
    }
    # The text area holds 22 exact lines of 28.95 pt.
    text_height = 16838 - 2098 - 1984
    assert 22 * 579 <= text_height < 23 * 579
    grid = sealed.body.find("w:sectPr/w:docGrid", NS)
    assert grid.get(W + "linePitch") == "579"


def test_page_number_sits_about_7mm_below_the_text_area(sealed: Docx) -> None:
    pg_mar = sealed.body.find("w:sectPr/w:pgMar", NS)
    footer_mm = int(pg_mar.get(W + "footer")) * 25.4 / 1440
    line_mm = int_attr(sealed.style("Footer"), "w:pPr/w:spacing", "line") * 25.4 / 1440
    # The footer line's top is 297 - footer - line from the top of the page; the text area
    # ends at 262 mm; the dash (half-way down the 14 pt line) is then about 7 mm below it.
    dash_mm = 297 - footer_mm - line_mm / 2
    assert 268 <= dash_mm <= 270.5, dash_mm


# ----------------------------------------------------------------------------------------------
# Fonts and styles


def east_asian_fonts(element: Any) -> set[str]:
    return {f.get(W + "eastAsia") for f in element.iter(W + "rFonts") if f.get(W + "eastAsia")}


def test_defaults_and_styles_name_latin_and_east_asian_fonts() -> None:
    fonts = FontSpec(
        title="华文中宋", body="仿宋", heading1="SimHei", heading2="楷体", page_number="宋体"
    )
    doc = Docx(build_docx_bytes(make_letter(fonts=fonts)))
    defaults = doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert {defaults.get(W + k) for k in ("ascii", "hAnsi", "eastAsia", "cs")} == {"仿宋"}
    lang = doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(W + "eastAsia") == "zh-CN"
    expected = {
        "Normal": "仿宋",
        "Title": "华文中宋",
        "Heading1": "SimHei",
        "Heading2": "楷体",
        "Heading3": "仿宋",
        "Footer": "宋体",
        "CopyTo": "仿宋",
    }
    for style_id, font in expected.items():
        r_fonts = doc.style(style_id).find("w:rPr/w:rFonts", NS)
        assert r_fonts is not None, style_id
        for key in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert r_fonts.get(W + key) == font, (style_id, key)
    # No theme fonts anywhere (python-docx's theme means MS Mincho for Chinese text).
    for part in ("word/styles.xml", "word/document.xml", "word/fontTable.xml"):
        xml = doc.zip.read(part).decode()
        assert "Theme=" not in xml and "Mincho" not in xml and "明朝" not in xml, part
    assert east_asian_fonts(doc.xml("word/fontTable.xml")) == set()
    names = {f.get(W + "name") for f in doc.xml("word/fontTable.xml").findall("w:font", NS)}
    assert names == {"华文中宋", "仿宋", "SimHei", "楷体", "宋体"}


def test_default_font_spec_goes_into_the_styles(sealed: Docx) -> None:
    spec = FontSpec()
    assert attr(sealed.style("Normal"), "w:rPr/w:rFonts", "eastAsia") == spec.body
    assert attr(sealed.style("Title"), "w:rPr/w:rFonts", "eastAsia") == spec.title
    assert attr(sealed.style("Heading1"), "w:rPr/w:rFonts", "eastAsia") == "黑体"
    assert attr(sealed.style("Heading2"), "w:rPr/w:rFonts", "eastAsia") == "楷体_GB2312"
    table = {f.get(W + "name"): f for f in sealed.xml("word/fontTable.xml")}
    assert attr(table["仿宋_GB2312"], "w:altName", "val") == "仿宋"
    assert attr(table["仿宋_GB2312"], "w:charset", "val") == "86"


def test_body_is_16pt_black_exact_28_95pt_with_2_character_indent(sealed: Docx) -> None:
    normal = sealed.style("Normal")
    assert attr(normal, "w:rPr/w:sz", "val") == "32"
    assert attr(normal, "w:rPr/w:color", "val") == "000000"
    assert attr(normal, "w:rPr/w:w", "val") == "98"  # 28 characters a line, see the module
    spacing = normal.find("w:pPr/w:spacing", NS)
    assert (spacing.get(W + "line"), spacing.get(W + "lineRule")) == ("579", "exact")
    assert (spacing.get(W + "before"), spacing.get(W + "after")) == ("0", "0")
    ind = normal.find("w:pPr/w:ind", NS)
    assert (ind.get(W + "firstLineChars"), ind.get(W + "firstLine")) == ("200", "640")
    assert attr(normal, "w:pPr/w:widowControl", "val") == "0"  # 22 lines on every page
    defaults = sealed.styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:spacing", NS)
    assert (defaults.get(W + "line"), defaults.get(W + "lineRule")) == ("579", "exact")
    # python-docx sees the same.
    style = sealed.document.styles["Normal"]
    assert style.font.size == Pt(16)
    assert style.paragraph_format.line_spacing == Pt(28.95)
    # Body paragraphs use Normal (no style of their own) and so inherit all of that.
    body = sealed.paragraph(FILLER * 3)
    assert body.find("w:pPr/w:pStyle", NS) is None


def test_title_is_22pt_centred_without_indent(sealed: Docx) -> None:
    title = sealed.style("Title")
    assert attr(title, "w:rPr/w:sz", "val") == "44"
    assert attr(title, "w:pPr/w:jc", "val") == "center"
    assert attr(title, "w:pPr/w:ind", "firstLineChars") == "0"
    spacing = title.find("w:pPr/w:spacing", NS)
    assert spacing.get(W + "lineRule") == "exact" and 720 <= int(spacing.get(W + "line")) <= 800
    p = sealed.paragraph("关于市十六届人大四次会议\n第277号建议的答复")
    assert attr(p, "w:pPr/w:pStyle", "val") == "Title"
    following = p.getnext()
    assert text_of(following) == ""  # one blank line after the title
    assert text_of(following.getnext()) == "石剑波代表："


def test_headings_use_heiti_and_kaiti(sealed: Docx) -> None:
    h1 = sealed.paragraph("一、工作开展情况")
    assert attr(h1, "w:pPr/w:pStyle", "val") == "Heading1"
    h2 = sealed.paragraph("（一）加强平台建设。" + FILLER)
    assert attr(h2, "w:pPr/w:pStyle", "val") == "Heading2"
    runs = h2.findall("w:r", NS)
    # The run-in heading keeps the style's 楷体; the text after it is body text.
    assert text_of(runs[0]) == "（一）加强平台建设。"
    assert runs[0].find("w:rPr", NS) is None
    assert attr(runs[1], "w:rPr/w:rFonts", "eastAsia") == FontSpec().body
    h3 = sealed.paragraph("1.强化企业创新主体地位")
    assert attr(h3, "w:pPr/w:pStyle", "val") == "Heading3"
    for style_id in ("Heading1", "Heading2", "Heading3"):
        style = sealed.style(style_id)
        assert attr(style, "w:basedOn", "val") == "Normal"  # 16 pt, exact, 2-character indent
        assert style.find("w:pPr/w:ind", NS) is None


def test_category_top_right_then_doc_number(sealed: Docx) -> None:
    first, second = sealed.paragraphs()[:2]
    assert text_of(first) == "A类"
    assert attr(first, "w:pPr/w:jc", "val") == "right"
    assert attr(first, "w:r/w:rPr/w:rFonts", "eastAsia") == "黑体"
    assert attr(sealed.style("HeadLine"), "w:pPr/w:ind", "firstLineChars") == "0"
    assert text_of(second) == "通科函〔2020〕12号"
    assert attr(second, "w:pPr/w:jc", "val") == "right"


def test_doc_number_and_signer_share_a_line() -> None:
    doc = Docx(build_docx_bytes(make_letter(signer="李四", category_label=None)))
    line = doc.paragraphs()[0]
    assert text_of(line) == "通科函〔2020〕12号签发人：李四"
    assert line.find(".//w:r/w:tab", NS) is not None
    assert attr(line, "w:pPr/w:tabs/w:tab", "val") == "right"


def test_salutation_flush_left_ending_with_full_width_colon(sealed: Docx) -> None:
    p = sealed.paragraph("石剑波代表：")
    assert attr(p, "w:pPr/w:pStyle", "val") == "Salutation"
    assert attr(sealed.style("Salutation"), "w:pPr/w:ind", "firstLineChars") == "0"
    assert attr(sealed.style("Salutation"), "w:pPr/w:ind", "firstLine") == "0"
    for given in ("石剑波代表:", "石剑波代表"):
        doc = Docx(build_docx_bytes(make_letter(salutation=given, seal=None)))
        doc.paragraph("石剑波代表：")


# ----------------------------------------------------------------------------------------------
# Signature, seal, date, note


def anchors(doc: Docx) -> list[Any]:
    return doc.body.findall(".//wp:anchor", NS)


@pytest.mark.parametrize("diameter", [42.0, 50.0])
def test_seal_is_a_floating_picture_at_true_size(diameter: float) -> None:
    doc = Docx(build_docx_bytes(make_letter(seal=SealSpec(DEMO_SEAL.read_bytes(), diameter))))
    (anchor,) = anchors(doc)
    extent = anchor.find("wp:extent", NS)
    size = round(diameter * EMU_PER_MM)
    assert (int(extent.get("cx")), int(extent.get("cy"))) == (size, size)
    assert anchor.find("wp:wrapNone", NS) is not None
    assert anchor.get("behindDoc") == "0"  # a transparent PNG lies in front, like ink
    assert anchor.find("wp:positionV", NS).get("relativeFrom") == "paragraph"
    assert int(anchor.find("wp:positionV/wp:posOffset", NS).text) < 0  # reaches up
    xfrm_ext = anchor.find(".//pic:spPr/a:xfrm/a:ext", NS)
    assert int(xfrm_ext.get("cx")) == size
    # The picture is in the package, related from the document.
    rid = anchor.find(".//a:blip", NS).get(R + "embed")
    part = doc.document.part.related_parts[rid]
    assert part.content_type == "image/png"
    assert part.blob == DEMO_SEAL.read_bytes()
    # Anchored in the agency-name paragraph, right above the date.
    name = anchor.getparent().getparent().getparent()
    assert text_of(name) == "南通市科学技术局"
    date = name.getnext()
    assert text_of(date) == "2020年5月29日"
    assert attr(date, "w:pPr/w:ind", "rightChars") == "400"
    assert attr(date, "w:pPr/w:jc", "val") == "right"


def test_seal_top_lies_within_one_line_below_the_body(sealed: Docx) -> None:
    for diameter in (42.0, 45.0, 50.0):
        doc = Docx(build_docx_bytes(make_letter(seal=SealSpec(DEMO_SEAL.read_bytes(), diameter))))
        (anchor,) = anchors(doc)
        name = anchor.getparent().getparent().getparent()
        blank = 0
        p = name.getprevious()
        while text_of(p) == "":
            blank += 1
            p = p.getprevious()
        assert text_of(p).startswith("衷心感谢")
        line_emu = 579 * 635  # twips → EMU
        top = int(anchor.find("wp:positionV/wp:posOffset", NS).text)  # from the name's top
        gap = blank * line_emu + top  # from the body's last line down to the seal's top
        assert 0 <= gap < line_emu, (diameter, blank, gap)
        # Name and date sit below the seal's centre.
        centre = top + int(anchor.find("wp:extent", NS).get("cy")) // 2
        assert 0 < centre < line_emu // 2


def test_seal_is_centred_over_the_date_and_the_name_too(sealed: Docx) -> None:
    (anchor,) = anchors(sealed)
    text_width_emu = (11906 - 1587 - 1474) * 635
    left = int(anchor.find("wp:positionH/wp:posOffset", NS).text)
    assert anchor.find("wp:positionH", NS).get("relativeFrom") == "column"
    seal_centre = left + 42 * EMU_PER_MM // 2
    indents = signature_indents("南通市科学技术局", "2020年5月29日", sealed=True)
    assert indents.date == pytest.approx(4.0)
    # Widths in characters: CJK 1, digits ½, all at 98 %.
    name_w, date_w = 8 * 0.98, (3 + 3.5) * 0.98
    assert indents.name == pytest.approx(4 + date_w / 2 - name_w / 2)
    date_centre = text_width_emu - (4 + date_w / 2) * 16 * 12700
    assert abs(seal_centre - date_centre) < 0.5 * EMU_PER_MM
    name = anchor.getparent().getparent().getparent()
    assert attr(name, "w:pPr/w:ind", "rightChars") == str(round(indents.name * 100))
    assert attr(name, "w:pPr/w:jc", "val") == "right"


def test_long_agency_name_keeps_name_and_date_centred() -> None:
    indents = signature_indents(
        "南通市人民政府办公室关于科技创新工作领导小组", "2020年5月29日", sealed=True
    )
    assert indents.name == pytest.approx(0)
    assert indents.date > 4


def test_unsealed_signature_offsets(unsealed: Docx) -> None:
    assert anchors(unsealed) == []
    name = unsealed.paragraph("南通市科学技术局")
    date = name.getnext()
    assert text_of(date) == "2020年5月29日"
    assert text_of(name.getprevious()) == ""  # one blank line after the body
    assert text_of(name.getprevious().getprevious()).startswith("衷心感谢")
    assert attr(name, "w:pPr/w:ind", "rightChars") == "200"
    name_right = int_attr(name, "w:pPr/w:ind", "rightChars") / 100
    date_right = int_attr(date, "w:pPr/w:ind", "rightChars") / 100
    for p in (name, date):
        assert attr(p, "w:pPr/w:jc", "val") == "right"
    # The date starts two characters further right than the name.
    name_start = name_right + text_width("南通市科学技术局") * 0.98
    date_start = date_right + text_width("2020年5月29日") * 0.98
    assert name_start - date_start == pytest.approx(2.0, abs=0.01)
    assert attr(name, "w:pPr/w:ind", "right") == "640"


def test_unsealed_date_longer_than_name() -> None:
    indents = signature_indents("南通市科技局", "2021年10月1日", sealed=False)
    assert indents.date == 2.0
    name_w, date_w = 6 * 0.98, 6.5 * 0.98
    assert (indents.name + name_w) - (indents.date + date_w) == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("iso", "printed"),
    [
        ("2020-05-29", "2020年5月29日"),
        ("2021-10-01", "2021年10月1日"),
        ("2019-12-31", "2019年12月31日"),
    ],
)
def test_date_is_printed_without_leading_zeros(iso: str, printed: str) -> None:
    assert format_date(iso) == printed
    doc = Docx(build_docx_bytes(make_letter(date=iso, seal=None)))
    doc.paragraph(printed)


def test_contact_note_under_the_date_in_parentheses(sealed: Docx) -> None:
    note = sealed.paragraph("（联系人：张三，联系电话：0513-85000000）")
    assert text_of(note.getprevious()) == "2020年5月29日"
    assert attr(note, "w:pPr/w:pStyle", "val") == "Note"
    assert attr(sealed.style("Note"), "w:basedOn", "val") == "Normal"  # 2-character indent
    assert sealed.style("Note").find("w:pPr/w:ind", NS) is None
    doc = Docx(build_docx_bytes(make_letter(contact_note="联系人：李四", seal=None)))
    doc.paragraph("（联系人：李四）")


def test_signature_block_keeps_together_with_the_last_body_line(sealed: Docx) -> None:
    name = sealed.paragraph("南通市科学技术局")
    p = name
    while not text_of(p).startswith("衷心感谢"):
        p = p.getprevious()
        assert p.find("w:pPr/w:keepNext", NS) is not None, text_of(p)
    assert name.find("w:pPr/w:keepNext", NS) is not None


def test_attachment_note_numbered_and_aligned() -> None:
    doc = Docx(build_docx_bytes(make_letter(attachments=["平台名单。", "项目清单"], seal=None)))
    first = doc.paragraph("附件：1.平台名单")
    second = doc.paragraph("2.项目清单")
    assert text_of(first.getprevious()) == ""  # one blank line after the body
    ind1, ind2 = first.find("w:pPr/w:ind", NS), second.find("w:pPr/w:ind", NS)
    # Both names start 6 characters in (2 + "附件：" + "1."); the first line starts at 2, the
    # second item's number right under "1.".
    assert ind1.get(W + "leftChars") == ind2.get(W + "leftChars") == "600"
    assert ind1.get(W + "hangingChars") == "400"
    assert ind2.get(W + "hangingChars") == "100"
    single = Docx(build_docx_bytes(make_letter(attachments=["平台名单"], seal=None)))
    p = single.paragraph("附件：平台名单")
    assert attr(p, "w:pPr/w:ind", "hangingChars") == "300"


# ----------------------------------------------------------------------------------------------
# Copy-to block


def test_letter_format_copy_to_at_the_page_foot_without_rules(sealed: Docx) -> None:
    tables = sealed.body.findall("w:tbl", NS)
    assert len(tables) == 1
    (table,) = tables
    position = table.find("w:tblPr/w:tblpPr", NS)
    assert position.get(W + "vertAnchor") == "margin"
    assert position.get(W + "tblpYSpec") == "bottom"
    assert table.find("w:tblPr/w:tblW", NS).get(W + "w") == str(11906 - 1587 - 1474)
    rows = [text_of(tc) for tc in table.iter(W + "tc")]
    assert rows == ["公开属性：主动公开", "抄送：市人大常委会代表工委，市政府办公室。"]
    for tc in table.iter(W + "tc"):
        for side in ("top", "bottom"):  # 函 (GB/T 9704 10.1): no rules, no 印发 line
            border = tc.find(f"w:tcPr/w:tcBorders/w:{side}", NS)
            assert border.get(W + "val") == "nil"
        p = tc.find("w:p", NS)
        assert attr(p, "w:pPr/w:pStyle", "val") == "CopyTo"
        assert attr(p, "w:pPr/w:ind", "leftChars") in ("100", "400")
        assert attr(p, "w:pPr/w:ind", "rightChars") == "100"
    copy_to = sealed.style("CopyTo")
    assert attr(copy_to, "w:rPr/w:sz", "val") == "28"  # 4号
    # The table is the end of the letter (only the hairline paragraph a table needs follows).
    after = table.getnext()
    assert attr(after, "w:pPr/w:pStyle", "val") == "EndMark"
    assert after.getnext().tag == W + "sectPr"


def test_banji_format_rules_and_issue_line() -> None:
    """版记 (7.4): first and last rule thick (8/8 pt ≈ 0.35 mm), the ones between thin
    (6/8 pt ≈ 0.26 mm); the 印发机关 left-indented one 4号 character, the date right-aligned
    one character from the edge, 印发日期 the letter's date unless set."""
    doc = Docx(
        build_docx_bytes(make_letter(letter_format="版记", issuing_office="南通市科学技术局办公室"))
    )
    (table,) = doc.body.findall("w:tbl", NS)
    cells = list(table.iter(W + "tc"))
    assert [text_of(tc) for tc in cells] == [
        "公开属性：主动公开",
        "抄送：市人大常委会代表工委，市政府办公室。",
        "南通市科学技术局办公室2020年5月29日印发",
    ]
    tops = [attr(tc, "w:tcPr/w:tcBorders/w:top", "sz") for tc in cells]
    bottoms = [attr(tc, "w:tcPr/w:tcBorders/w:bottom", "val") for tc in cells]
    assert tops == ["8", "6", "6"] and bottoms == ["nil", "nil", "single"]
    assert attr(cells[-1], "w:tcPr/w:tcBorders/w:bottom", "sz") == "8"
    issue = cells[-1].find("w:p", NS)
    assert attr(issue, "w:pPr/w:ind", "leftChars") == "100"
    assert issue.find(".//w:r/w:tab", NS) is not None
    assert attr(issue, "w:pPr/w:tabs/w:tab", "val") == "right"
    assert attr(issue, "w:pPr/w:tabs/w:tab", "pos") == str(11906 - 1587 - 1474 - 280)
    dated = Docx(build_docx_bytes(make_letter(letter_format="版记", issue_date="2020-06-01")))
    assert text_of(list(dated.body.iter(W + "tc"))[-1]) == "南通市科学技术局2020年6月1日印发"


def test_first_page_number_only_in_the_banji_format() -> None:
    """函 (10.1): no page number on page 1 — a first-page footer without one (w:titlePg)."""
    han = Docx(build_docx_bytes(make_letter()))
    sect = han.body.find("w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None
    (p,) = han.footer("first").findall("w:p", NS)
    assert text_of(p) == "" and not list(p.iter(W + "fldChar"))
    banji = Docx(build_docx_bytes(make_letter(letter_format="版记")))
    assert banji.body.find("w:sectPr/w:titlePg", NS) is None


def test_doc_number_centred_in_the_banji_format_and_two_lines_above_the_title() -> None:
    for fmt, jc in (("函", "right"), ("版记", "center")):
        doc = Docx(build_docx_bytes(make_letter(letter_format=fmt)))
        paragraphs = doc.paragraphs()
        assert text_of(paragraphs[1]) == "通科函〔2020〕12号"
        assert attr(paragraphs[1], "w:pPr/w:jc", "val") == jc
        # GB/T 9704 10.1: the title two lines below the document number.
        assert [text_of(p) for p in paragraphs[2:4]] == ["", ""]
        assert attr(paragraphs[4], "w:pPr/w:pStyle", "val") == "Title"


def test_copy_to_ends_with_full_stop_and_is_optional() -> None:
    doc = Docx(build_docx_bytes(make_letter(cc=["市政府办公室。", "市财政局，"], disclosure=None)))
    (row,) = [text_of(tc) for tc in doc.body.iter(W + "tc")]
    assert row == "抄送：市政府办公室，市财政局。"
    none = Docx(build_docx_bytes(make_letter(cc=[], disclosure=None)))
    assert none.body.findall("w:tbl", NS) == []


# ----------------------------------------------------------------------------------------------
# Page numbers


def test_page_numbers_in_odd_and_even_footers(sealed: Docx) -> None:
    assert sealed.settings.find("w:evenAndOddHeaders", NS) is not None
    assert sealed.document.settings.odd_and_even_pages_header_footer
    for kind, jc, side in (("default", "right", "rightChars"), ("even", "left", "leftChars")):
        footer = sealed.footer(kind)
        (p,) = footer.findall("w:p", NS)
        assert attr(p, "w:pPr/w:jc", "val") == jc
        assert attr(p, "w:pPr/w:ind", side) == "100"
        chars = [c.get(W + "fldCharType") for c in p.iter(W + "fldChar")]
        assert chars == ["begin", "separate", "end"]
        assert [t.text.strip() for t in p.iter(W + "instrText")] == ["PAGE"]
        assert text_of(p) == "— 1 —"
    footer_style = sealed.style("Footer")
    assert attr(footer_style, "w:rPr/w:sz", "val") == "28"
    assert attr(footer_style, "w:rPr/w:rFonts", "ascii") == FontSpec().page_number


# ----------------------------------------------------------------------------------------------
# Properties and package validity


def test_core_properties(sealed: Docx) -> None:
    props = sealed.document.core_properties
    assert props.title == "关于市十六届人大四次会议第277号建议的答复"
    assert props.author == "南通市科学技术局"
    assert props.language == "zh-CN"
    assert props.comments == ""
    doc = Docx(build_docx_bytes(make_letter(author="张三")))
    assert doc.document.core_properties.author == "张三"


def test_package_holds_only_what_a_letter_needs(sealed: Docx) -> None:
    names = set(sealed.zip.namelist())
    assert "docProps/thumbnail.jpeg" not in names
    assert "word/stylesWithEffects.xml" not in names
    assert not any(n.startswith("customXml/") for n in names)
    assert {"word/document.xml", "word/styles.xml", "word/settings.xml"} <= names
    assert sum(n.startswith("word/media/") for n in names) == 1
    # Odd and even page numbers, and a footer without one (page 1 of a 函, GB/T 9704 7.5 pages).
    assert sum(n.startswith("word/footer") for n in names) == 3
    # Every relationship points at a part that exists.
    for rels_name in [n for n in names if n.endswith(".rels")]:
        base = rels_name.replace("_rels/", "").removesuffix(".rels")
        folder = base.rsplit("/", 1)[0] if "/" in base else ""
        for rel in sealed.xml(rels_name).findall("rel:Relationship", NS):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target").lstrip("/")
            path = os.path.normpath(f"{folder}/{target}" if folder else target)
            assert path.replace(os.sep, "/") in names, (rels_name, target)


def test_docpr_ids_are_unique() -> None:
    doc = Docx(build_docx_bytes(make_letter()))
    ids = [e.get("id") for e in doc.body.iter("{" + NS["wp"] + "}docPr")]
    assert len(ids) == len(set(ids)) == 1


# Child order of the elements we write, from the WordprocessingML schema (ECMA-376 part 1).
SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
    "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
    "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi "
    "rtlGutter docGrid printerSettings sectPrChange",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
    "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr "
    "trPr tcPr tblStylePr",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
    "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark",
    "pBdr": "top left bottom right between bar",
    "tcBorders": "top start left bottom end right insideH insideV tl2br tr2bl",
    "anchor": "simplePos positionH positionV extent effectExtent wrapNone wrapSquare "
    "wrapTight wrapThrough wrapTopAndBottom docPr cNvGraphicFramePr graphic",
}


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def check_order(root: Any) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = local(element.tag)
        if name not in SCHEMA_ORDER or (name == "rPr" and local(element.getparent().tag) == "pPr"):
            continue
        order = SCHEMA_ORDER[name].split()
        children = [local(c.tag) for c in element if isinstance(c.tag, str)]
        unknown = [c for c in children if c not in order]
        assert not unknown, (name, unknown)
        positions = [order.index(c) for c in children]
        assert positions == sorted(positions), (name, children)


def test_elements_are_in_schema_order() -> None:
    for letter in (
        make_letter(),
        make_letter(seal=None, signer="李四", attachments=["甲", "乙"]),
    ):
        doc = Docx(build_docx_bytes(letter))
        for part in ("word/document.xml", "word/styles.xml", "word/settings.xml"):
            check_order(doc.xml(part))
        check_order(doc.footer("default"))
        check_order(doc.footer("even"))


def test_text_with_awkward_characters_survives() -> None:
    letter = make_letter(
        paragraphs=[LetterParagraph("A&B <c> “引号” \x0b控制符\t制表")],
        title="关于<测试>&的答复",
        seal=None,
    )
    doc = Docx(build_docx_bytes(letter))
    p = doc.paragraph("A&B <c> “引号” 控制符制表")  # \x0b dropped; the tab is a w:tab
    assert p.find(".//w:tab", NS) is not None
    assert doc.document.core_properties.title == "关于<测试>&的答复"


def test_build_is_fast() -> None:
    letter = make_letter(paragraphs=[LetterParagraph(FILLER * 4) for _ in range(8)])
    build_docx_bytes(letter)  # the first call builds the cached base package
    start = time.perf_counter()
    for _ in range(5):
        build_docx_bytes(letter)
    assert (time.perf_counter() - start) / 5 < 0.1


# ----------------------------------------------------------------------------------------------
# Title breaking


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "关于市十六届人大四次会议第277号建议的答复",
            ["关于市十六届人大四次会议", "第277号建议的答复"],
        ),
        (  # 《》 and numbers stay whole, even at the cost of balance
            "关于《关于加快科技成果转化的建议》的办理情况答复",
            ["关于《关于加快科技成果转化的建议》", "的办理情况答复"],
        ),
        (
            "对市政协十五届三次会议第20200123号提案的答复意见",
            ["对市政协十五届三次会议第20200123号", "提案的答复意见"],
        ),
        (
            "关于2020年度科技创新券使用情况及下一步改进措施的建议的答复",
            ["关于2020年度科技创新券使用情况", "及下一步改进措施的建议的答复"],
        ),
        (  # a book title longer than a line has to break inside
            "关于《关于加快推进南通市科技创新与产业深度融合发展的建议》的答复",
            ["关于《关于加快推进南通市科技创新", "与产业深度融合发展的建议》的答复"],
        ),
    ],
)
def test_long_titles_break_into_balanced_lines(title: str, expected: list[str]) -> None:
    lines = split_title(title)
    assert lines == expected
    widths = [text_width(line) for line in lines]
    assert max(widths) <= 20
    assert widths == sorted(widths, reverse=True)  # trapezoid: upper lines not shorter


def test_three_line_title() -> None:
    title = (
        "关于加快推进我市科技创新平台建设和高新技术企业培育工作"
        "以及进一步优化创新创业环境的建议的答复"
    )
    lines = split_title(title)
    assert "".join(lines) == title
    widths = [text_width(line) for line in lines]
    assert len(lines) == 3
    assert max(widths) <= 20 and max(widths) - min(widths) <= 2
    assert widths == sorted(widths, reverse=True)


def test_short_title_stays_on_one_line_and_typed_breaks_are_kept() -> None:
    assert split_title("关于第277号建议的答复") == ["关于第277号建议的答复"]
    assert split_title("关于建议\n的答复") == ["关于建议", "的答复"]


def test_title_prefers_a_natural_break() -> None:
    assert split_title("关于市十六届人大四次会议第277号建议的答复") == [
        "关于市十六届人大四次会议",
        "第277号建议的答复",
    ]


def test_long_title_written_with_a_line_break() -> None:
    doc = Docx(build_docx_bytes(make_letter(seal=None)))
    (title,) = [p for p in doc.paragraphs() if attr(p, "w:pPr/w:pStyle", "val") == "Title"]
    assert len(title.findall(".//w:br", NS)) == 1


# ----------------------------------------------------------------------------------------------
# The seal image


def tiny_png(color_type: int = 6, *, break_crc: bool = False) -> bytes:
    channels = {2: 3, 6: 4}[color_type]
    raw = b"".join(b"\x00" + b"\xff" * (4 * channels) for _ in range(4))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) ^ (1 if break_crc and kind == b"IDAT" else 0)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, color_type, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_demo_seal_is_a_600px_transparent_png() -> None:
    data = DEMO_SEAL.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height, depth, color_type = struct.unpack(">IIBB", data[16:26])
    assert (width, height, depth, color_type) == (600, 600, 8, 6)


def test_opaque_seal_goes_behind_the_text(tmp_path: Path) -> None:
    path = tmp_path / "opaque.png"
    path.write_bytes(tiny_png(color_type=2))
    doc = Docx(build_docx_bytes(make_letter(seal=SealSpec(path.read_bytes(), 45.0))))
    (anchor,) = anchors(doc)
    assert anchor.get("behindDoc") == "1"


@pytest.mark.parametrize(
    ("content", "diameter", "expected"),
    [
        (None, 42.0, "找不到印章图片"),
        (b"", 42.0, "空文件"),
        (b"not an image at all", 42.0, "不是可用的 PNG 或 JPEG"),
        (b"GIF89a" + b"\x01\x00\x01\x00" + b"\x00" * 20, 42.0, "GIF"),
        (tiny_png(break_crc=True), 42.0, "已损坏"),
        (tiny_png()[:-12], 42.0, "已损坏"),
        (tiny_png(), 5.0, "印章直径"),
        (tiny_png(), 200.0, "印章直径"),
    ],
)
def test_unusable_seal_raises_seal_error(
    tmp_path: Path, content: bytes | None, diameter: float, expected: str
) -> None:
    path = tmp_path / "seal.png"
    with pytest.raises(SealError) as caught:
        if content is None:  # only a file can be missing: the letter carries the bytes
            check_seal_image(path, diameter)
        else:
            build_docx_bytes(make_letter(seal=SealSpec(content, diameter)))
    assert expected in caught.value.message


def test_check_seal_image(tmp_path: Path) -> None:
    check_seal_image(DEMO_SEAL)
    check_seal_image(DEMO_SEAL, 50.0)
    with pytest.raises(SealError, match="找不到"):
        check_seal_image(tmp_path / "none.png")
    with pytest.raises(SealError, match="印章直径"):
        check_seal_image(DEMO_SEAL, 0)


def test_huge_seal_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    path.write_bytes(tiny_png() + b"\x00" * MAX_SEAL_BYTES)
    with pytest.raises(SealError, match="太大"):
        build_docx_bytes(make_letter(seal=SealSpec(path.read_bytes(), 42.0)))
    with pytest.raises(SealError, match="太大"):
        check_seal_image(path)


def test_seal_error_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "答复.docx"
    target.write_bytes(b"old")
    with pytest.raises(SealError):
        write_docx(make_letter(seal=SealSpec(b"not an image", name="seal.png")), target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["答复.docx"]


# ----------------------------------------------------------------------------------------------
# write_docx and the atomic writer


def test_write_docx_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "答复.docx"
    target.write_bytes(b"old")
    assert write_docx(make_letter(), target) == target
    Docx(target.read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["答复.docx"]


def test_failure_mid_write_leaves_old_file_and_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "答复.docx"
    target.write_bytes(b"old")

    def half_then_crash(tmp: Path) -> None:
        tmp.write_bytes(b"half a docu")
        raise RuntimeError("bug in the writer")

    with pytest.raises(RuntimeError):
        atomic_write(target, half_then_crash)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["答复.docx"]


def test_temp_file_is_in_the_target_folder(tmp_path: Path) -> None:
    seen: list[Path] = []

    def write(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_bytes(b"new")

    atomic_write(tmp_path / "答复.docx", write)
    assert seen[0].parent == tmp_path
    assert (tmp_path / "答复.docx").read_bytes() == b"new"


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        ("答复.docx", "~$答复.docx"),
        ("答复.docx", ".~lock.答复.docx#"),
        ("关于第277号建议的答复.docx", "~$第277号建议的答复.docx"),  # Word, long names
        ("abcdefg.docx", "~$bcdefg.docx"),  # Word, 7-character names
    ],
)
def test_owner_file_beside_target_means_locked(tmp_path: Path, name: str, owner: str) -> None:
    target = tmp_path / name
    target.write_bytes(b"old")
    (tmp_path / owner).write_bytes(b"owner")
    with pytest.raises(TargetLocked) as caught:
        atomic_write(target, lambda tmp: tmp.write_bytes(b"new"))
    stem = name.removesuffix(".docx")
    assert caught.value.suggestion == tmp_path / f"{stem}(2).docx"
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, owner])


def test_locked_message_is_plain_chinese(tmp_path: Path) -> None:
    target = tmp_path / "答复.docx"
    target.write_bytes(b"old")
    (tmp_path / "~$答复.docx").write_bytes(b"owner")
    with pytest.raises(TargetLocked) as caught:
        write_docx(make_letter(), target)
    assert caught.value.message == (
        "“答复.docx”正在 Word/WPS 中打开，无法覆盖。请先关闭它，或另存为“答复(2).docx”。"
    )


def test_permission_error_on_replace_means_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "答复.docx"
    target.write_bytes(b"old")

    def refuse(src: Any, dst: Any) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(safe_write.os, "replace", refuse)
    with pytest.raises(TargetLocked) as caught:
        atomic_write(target, lambda tmp: tmp.write_bytes(b"new"))
    assert caught.value.suggestion.name == "答复(2).docx"
    assert "正在 Word/WPS 中打开" in caught.value.message
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["答复.docx"]


def test_permission_error_opening_target_means_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "答复.docx"
    target.write_bytes(b"old")
    real_open = open

    def windows_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if Path(file) == target and "a" in mode:
            raise PermissionError(errno.EACCES, "sharing violation")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", windows_open)
    called: list[Path] = []
    with pytest.raises(TargetLocked):
        atomic_write(target, called.append)
    assert called == []  # refused before any work was done


def test_disk_full_is_write_failed(tmp_path: Path) -> None:
    target = tmp_path / "答复.docx"
    target.write_bytes(b"old")

    def full(tmp: Path) -> None:
        tmp.write_bytes(b"part")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(WriteFailed) as caught:
        atomic_write(target, full)
    assert caught.value.message.startswith("磁盘空间不足")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["答复.docx"]


def test_disk_full_on_replace_is_write_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(src: Any, dst: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "replace", full)
    with pytest.raises(WriteFailed, match="磁盘空间不足"):
        atomic_write(tmp_path / "答复.docx", lambda tmp: tmp.write_bytes(b"new"))
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_write_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_rights(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safe_write.tempfile, "mkstemp", no_rights)
    with pytest.raises(WriteFailed) as caught:
        atomic_write(tmp_path / "答复.docx", lambda tmp: None)
    assert caught.value.message.startswith("没有权限写入")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_read_only_folder_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(WriteFailed, match="没有权限写入"):
            atomic_write(folder / "答复.docx", lambda tmp: tmp.write_bytes(b"x"))
    finally:
        folder.chmod(0o700)


def test_missing_folder_is_write_failed(tmp_path: Path) -> None:
    with pytest.raises(WriteFailed, match="不存在"):
        atomic_write(tmp_path / "gone" / "答复.docx", lambda tmp: None)


def test_next_free_name(tmp_path: Path) -> None:
    target = tmp_path / "答复.docx"
    assert next_free_name(target) == tmp_path / "答复(2).docx"
    (tmp_path / "答复(2).docx").write_bytes(b"")
    (tmp_path / "~$答复(3).docx").write_bytes(b"")  # open in Word, not yet saved
    assert next_free_name(target) == tmp_path / "答复(4).docx"
    assert next_free_name(tmp_path / "答复(2).docx") == tmp_path / "答复(4).docx"
    assert next_free_name(tmp_path / "a.pdf") == tmp_path / "a(2).pdf"


def test_pdf_target_locked_mentions_a_pdf_reader(tmp_path: Path) -> None:
    target = tmp_path / "答复.pdf"
    target.write_bytes(b"%PDF")
    (tmp_path / "~$答复.pdf").write_bytes(b"")
    with pytest.raises(TargetLocked, match="PDF 阅读器"):
        atomic_write(target, lambda tmp: None)


def test_title_of_exactly_twenty_characters_is_broken_on_purpose() -> None:
    # Measured at 20 em it would wrap by itself in real fonts and orphan "复" on line 2.
    assert split_title("关于市十七届人大三次会议第12号建议的答复") == [
        "关于市十七届人大三次会议",
        "第12号建议的答复",
    ]
