"""The 版记 and the letter format (GB/T 9704 7.4, 7.5, 10.1) measured on LibreOffice's PDF,
and the in-app renderer checked against it.

Rules are measured by scanning the pixel rows of a 600 dpi render; text by
``pdftotext -bbox-layout``. Marked ``soffice`` (skipped without LibreOffice and poppler
outside CI, as in tests/unit/test_render_pdf.py).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.export_docx import write_docx
from desktop.model import ComposedLetter, LetterParagraph, SealSpec
from desktop.pdf import convert_to_pdf
from desktop.ui.page_renderer import LetterLayout, layout_letter
from tests.unit.test_render_pdf import (
    DEMO_SEAL,
    FILLER,
    PT_PER_MM,
    TEXT_BOTTOM,
    TEXT_LEFT,
    TEXT_RIGHT,
    Line,
    pdf_lines,
    tools_or_skip,
)

pytestmark = pytest.mark.soffice

PITCH = 28.95
OFFICE = "南通市科学技术局办公室"
# Paragraph lengths (in FILLERs) giving a letter whose text ends on page 1, 2 (with room), 3,
# and one whose text fills page 2 to the last line.
LETTERS = {
    "one": (1,),
    "two": (3, 4, 3),
    "three": (3, 4, 5, 4, 2),
    "full": (3, 4, 5),
}


def letter(counts: tuple[int, ...], letter_format: str) -> ComposedLetter:
    return ComposedLetter(
        title="关于市十六届人大四次会议第二百七十七号建议的答复",
        salutation="石剑波代表：",
        paragraphs=[LetterParagraph(FILLER * n) for n in counts]
        + [LetterParagraph("衷心感谢您提出的建议，欢迎继续对我市科技工作提出宝贵意见。")],
        agency="南通市科学技术局",
        date="2020-05-29",
        category_label="A类",
        doc_number="通科函〔2020〕12号",
        contact_note="（联系人：张三）",
        cc=["市人大常委会代表工委", "市政府办公室"],
        seal=SealSpec(DEMO_SEAL.read_bytes(), 42.0),
        letter_format=letter_format,
        issuing_office=OFFICE,
    )


@dataclass
class Rendered:
    letter: ComposedLetter
    pdf: Path
    pages: list[list[Line]]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Rendered]:
    program = tools_or_skip()
    folder = tmp_path_factory.mktemp("版记")
    out = {}
    for fmt in ("函", "版记"):
        for name, counts in LETTERS.items():
            if fmt == "函" and name in ("one", "full"):
                continue
            composed = letter(counts, fmt)
            docx = write_docx(composed, folder / f"{name}-{fmt}.docx")
            pdf = convert_to_pdf(docx, folder / f"{name}-{fmt}.pdf", soffice=program)
            out[(name, fmt)] = Rendered(composed, pdf, pdf_lines(pdf))
    return out


def dark_rows_mm(pdf: Path, page: int, tmp_path: Path, dpi: int = 600) -> list[tuple[float, float]]:
    """Horizontal rules on a page: (top, thickness) in mm of every run of pixel rows that is
    dark across the middle of the text area (a 10 mm wide strip, so text never qualifies)."""
    x0 = round(90 / 25.4 * dpi)
    stem = tmp_path / f"rules{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page),
         "-x", str(x0), "-W", str(round(10 / 25.4 * dpi)), str(pdf), str(stem)],
        check=True,
    )  # fmt: skip
    (pgm,) = tmp_path.glob(f"rules{page}*.pgm")
    header = pgm.read_bytes().split(maxsplit=4)
    width, height, pixels = int(header[1]), int(header[2]), header[4]
    runs, start = [], None
    for y in range(height + 1):
        row = pixels[y * width : (y + 1) * width] if y < height else b""
        dark = bool(row) and sum(v < 128 for v in row) > 0.95 * width
        if dark and start is None:
            start = y
        elif not dark and start is not None:
            runs.append((start * 25.4 / dpi, (y - start) * 25.4 / dpi))
            start = None
    pgm.unlink()
    return runs


def find(page: list[Line], prefix: str) -> Line | None:
    return next((ln for ln in page if ln.text.replace(" ", "").startswith(prefix)), None)


def page_numbers(pages: list[list[Line]]) -> list[str]:
    return [
        "".join(ln.text for ln in page if ln.y0 > TEXT_BOTTOM).replace(" ", "") for page in pages
    ]


def test_banji_rules_thick_thin_thick_ending_on_the_text_area(
    rendered: dict, tmp_path: Path
) -> None:
    doc = rendered[("two", "版记")]
    assert len(doc.pages) == 2
    rules = dark_rows_mm(doc.pdf, 2, tmp_path)
    assert len(rules) == 3, rules
    (_, first), (_, middle), (last_top, last) = rules
    assert 0.30 <= first <= 0.42 and 0.30 <= last <= 0.42, rules  # 0.35 mm
    assert 0.20 <= middle <= 0.30, rules  # 0.25 mm
    assert abs(last_top + last - 262.0) < 0.3  # the last rule on the text area's lower edge
    assert dark_rows_mm(doc.pdf, 1, tmp_path) == []
    # The letter format has no rules at all.
    han = rendered[("two", "函")]
    assert dark_rows_mm(han.pdf, 2, tmp_path) == []


def test_issue_line_between_the_last_two_rules(rendered: dict, tmp_path: Path) -> None:
    doc = rendered[("two", "版记")]
    page = doc.pages[1]
    issue, date = find(page, OFFICE), find(page, "2020年5月29日印发")
    assert issue is not None and date is not None
    assert abs(issue.cy - date.cy) < 1  # one line: 印发机关 left, 印发日期 right
    assert abs(issue.x0 - TEXT_LEFT - 14) < 2  # 印发机关 one 4号 character in
    assert abs(TEXT_RIGHT - date.x1 - 14) < 2  # 印发日期 one character from the right
    cc = find(page, "抄送：")
    assert cc is not None and cc.y1 < issue.y0
    rules = [top * PT_PER_MM for top, _ in dark_rows_mm(doc.pdf, 2, tmp_path)]
    assert rules[0] < cc.y0 and cc.y1 < rules[1] < issue.y0 and issue.y1 < rules[2]
    # Letter format: 抄送 at the foot, no 印发 line.
    han = rendered[("two", "函")].pages[1]
    assert find(han, OFFICE) is None and not any("印发" in ln.text for ln in han)
    han_cc = find(han, "抄送：")
    assert han_cc is not None and TEXT_BOTTOM - PITCH < han_cc.y1 <= TEXT_BOTTOM + 1


@pytest.mark.parametrize("fmt", ["函", "版记"])
def test_two_blank_lines_between_document_number_and_title(rendered: dict, fmt: str) -> None:
    page = rendered[("two", fmt)].pages[0]
    number, title = find(page, "通科函"), find(page, "关于市十六届")
    assert number is not None and title is not None
    # Number line, two blank lines, then the title's first (36 pt) line.
    assert 2.5 * PITCH < title.y0 - number.y0 < 3.5 * PITCH, (number, title)
    centre = (TEXT_LEFT + TEXT_RIGHT) / 2
    if fmt == "函":
        assert abs(number.x1 - TEXT_RIGHT) < 2  # flush right under the letterhead (10.1)
    else:
        assert abs(number.cx - centre) < 3  # centred (7.2.4)


def test_banji_on_an_even_page(rendered: dict) -> None:
    def where(key: tuple[str, str]) -> tuple[int, int | None, list[str]]:
        pages = rendered[key].pages
        signed = next(
            i for i, p in enumerate(pages, 1) if find(p, "南通市科学技术局") and find(p, "（联系人")
        )
        banji = next((i for i, p in enumerate(pages, 1) if find(p, OFFICE)), None)
        return signed, banji, page_numbers(pages)

    # A 3-page letter: the 版记 alone on page 4, the last face of a double-sided print.
    assert where(("three", "版记")) == (3, 4, ["—1—", "—2—", "—3—", "—4—"])
    # One page: the 版记 on the back.
    assert where(("one", "版记")) == (1, 2, ["—1—", "—2—"])
    # Page 2 holds the text and the 版记.
    assert where(("two", "版记")) == (2, 2, ["—1—", "—2—"])
    # Page 2 full: a blank page 3, the 版记 on page 4, neither numbered (7.5).
    signed, banji, numbers = where(("full", "版记"))
    assert (signed, banji, numbers) == (2, 4, ["—1—", "—2—", "", ""])
    assert rendered[("full", "版记")].pages[2] == []
    # Letter format: 抄送 on the text's last page; no page number on page 1.
    han = rendered[("three", "函")].pages
    assert len(han) == 3 and find(han[2], "抄送：") is not None
    assert page_numbers(han) == ["", "—2—", "—3—"]


def inapp_lines(layout: LetterLayout, index: int) -> list:
    return [ln for ln in layout.pages[index].lines if ln.text]


@pytest.mark.parametrize(
    "key",
    [
        ("one", "版记"),
        ("two", "版记"),
        ("three", "版记"),
        ("full", "版记"),
        ("two", "函"),
        ("three", "函"),
    ],
)
def test_inapp_renderer_agrees_with_libreoffice(
    qapp: object, rendered: dict, key: tuple[str, str], tmp_path: Path
) -> None:
    doc = rendered[key]
    layout = layout_letter(doc.letter)
    assert len(layout.pages) == len(doc.pages)
    assert [p.page_number.text.replace(" ", "") for p in layout.pages] == page_numbers(doc.pages)
    for index, (page, lo_page) in enumerate(zip(layout.pages, doc.pages, strict=True)):
        # The same rules, at the same heights and widths.
        lo_rules = dark_rows_mm(doc.pdf, index + 1, tmp_path)
        assert len(page.rules) == len(lo_rules)
        for rule, (top, thickness) in zip(page.rules, lo_rules, strict=True):
            assert abs(rule.top - top * PT_PER_MM) < 1.0, (rule, top)
            assert abs(rule.width - thickness * PT_PER_MM) < 0.4, (rule, thickness)
        # The same lines of head, signature and 版记, at the same places: x within 2 pt; y
        # measured as LibreOffice's glyph bottom against our baseline, the same offset for
        # every line of the page (so the 版记 sits where LibreOffice puts it).
        offsets = []
        for line in inapp_lines(layout, index):
            if line.kind not in ("head", "salutation", "signature", "date", "note", "copy_to"):
                continue
            # The 印发 line is two pieces of text for pdftotext: 印发机关 and 印发日期.
            parts = [part.replace(" ", "") for part in line.text.split("\t")]
            found = [
                next((ln for ln in lo_page if ln.text.replace(" ", "") == part), None)
                for part in parts
            ]
            assert None not in found, (line.text, [ln.text for ln in lo_page])
            first, last = found[0], found[-1]
            assert first is not None and last is not None
            if line.kind not in ("head", "date"):  # digits differ in width between fonts
                assert abs(first.x0 - line.x) < 2, (line, first)
            if line.kind == "copy_to" or len(parts) > 1:
                assert abs(last.x1 - line.right) < 2, (line, last)
            offsets.append(first.y1 - line.baseline)
        if offsets:
            assert max(offsets) - min(offsets) < 2, offsets
