"""The in-app page renderer: the DOCX's page geometry, checked on the layout it exposes."""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.export_docx import format_date, signature_indents, split_title, write_docx
from desktop.layout import text_extent
from desktop.model import ComposedLetter, FontSpec, LetterParagraph, SealSpec
from desktop.soffice import find_soffice
from desktop.ui.context import AppContext
from desktop.ui.page_renderer import (
    NO_LINE_START,
    PAGE_HEIGHT_PT,
    PAGE_WIDTH_PT,
    LetterLayout,
    break_line_units,
    layout_letter,
    print_letter,
    render_pages,
    resolve_fonts,
    write_pdf,
)
from desktop.ui.preview import PreviewDialog

ROOT = Path(__file__).resolve().parents[2]
DEMO_SEAL = ROOT / "resources" / "demo_seal.png"
PT_PER_MM = 72 / 25.4
TEXT_LEFT = 28 * PT_PER_MM
TEXT_RIGHT = PAGE_WIDTH_PT - 26 * PT_PER_MM
TEXT_TOP = 37 * PT_PER_MM
TEXT_BOTTOM = PAGE_HEIGHT_PT - 35 * PT_PER_MM
PITCH = 28.95
CHAR = 16 * 0.98
TOL = 0.1  # points: the DOCX's twips are rounded

# Chinese text without digits or Latin letters: every character is one em wide in any
# Chinese font, so the line breaks do not depend on the fonts of the machine.
FILLER = (
    "我局围绕建设创新型城市目标，持续推进科技创新平台建设，企业研发投入稳步增长，"
    "高新技术企业数量明显增加，科技成果转化取得新进展。"
)


def make_letter(counts: tuple[int, ...], *, seal: bool = True, **kw: object) -> ComposedLetter:
    fields: dict = {
        "title": "关于市十六届人大四次会议第二百七十七号建议的答复",
        "salutation": "石剑波代表：",
        "paragraphs": [LetterParagraph(FILLER * n) for n in counts],
        "agency": "南通市科学技术局",
        "date": "2020-05-29",
        "category_label": "A类",
        "doc_number": "通科函〔2020〕12号",
        "contact_note": "（联系人：张三）",
        "cc": ["市人大常委会代表工委", "市政府办公室"],
        "seal": SealSpec(DEMO_SEAL.read_bytes(), 42.0) if seal else None,
    }
    fields.update(kw)
    return ComposedLetter(**fields)


@pytest.fixture
def two_pages(qapp: object) -> LetterLayout:
    return layout_letter(make_letter((3, 4, 3)))


@pytest.fixture
def long_letter(qapp: object) -> LetterLayout:
    return layout_letter(make_letter((3, 4, 5, 4, 3, 4)))


def test_two_page_letter_renders_two_a4_pages(qapp: object, two_pages: LetterLayout) -> None:
    assert len(two_pages.pages) == 2
    images = render_pages(two_pages, dpi=96)
    assert len(images) == 2
    for image in images:
        # A4 at 96 dpi: 210 mm × 297 mm = 793.7 × 1122.5 px
        assert (image.width(), image.height()) == (794, 1123)
        assert abs(image.dotsPerMeterX() * 0.0254 - 96) < 0.5
    # Ink where the first body line is, none in the left margin.
    first = two_pages.pages[0].text_lines()[0]
    scale = 96 / 72
    row = round((first.baseline - 5) * scale)
    line_pixels = [images[0].pixelColor(x, row) for x in range(images[0].width())]
    assert any(c.lightness() < 100 for c in line_pixels)
    assert all(c == QColor("white") for c in line_pixels[: round(TEXT_LEFT * scale) - 2])
    # A size of our own: the page fitted in, centred.
    (small,) = render_pages(layout_letter(make_letter((1,))), (300, 300), 96)
    assert (small.width(), small.height()) == (300, 300)


def test_a_full_page_has_22_lines_at_the_exact_pitch(long_letter: LetterLayout) -> None:
    page = long_letter.pages[1]
    lines = page.lines
    assert len(lines) == 22, [ln.text for ln in lines]
    assert all(ln.kind == "body" for ln in lines)
    assert abs(lines[0].y - TEXT_TOP) < TOL
    for a, b in itertools.pairwise(lines):
        assert abs(b.y - a.y - PITCH) < 1e-6
    assert lines[-1].y + lines[-1].height <= TEXT_BOTTOM + TOL
    assert lines[-1].y + 2 * lines[-1].height > TEXT_BOTTOM  # a 23rd would not fit
    for line in lines:
        assert line.size == 16
        # Closing punctuation may hang past the margin (as LibreOffice and Word set it).
        hanging = 1 if line.text[-1] in NO_LINE_START and line.right > TEXT_RIGHT + TOL else 0
        assert line.x >= TEXT_LEFT - TOL and line.right <= TEXT_RIGHT + hanging * 16 + TOL
        indent = round((line.x - TEXT_LEFT) / 16)
        assert indent in (0, 2)
        if line.align == "justify" and not hanging:  # a full line: 28 characters with indent
            assert abs(line.right - TEXT_RIGHT) < TOL
            assert 27 <= len(line.text) + indent <= 28, line.text
    full = [ln for ln in lines if ln.align == "justify"]
    assert sum(len(ln.text) + round((ln.x - TEXT_LEFT) / 16) >= 28 for ln in full) >= 0.8 * len(
        full
    )


def test_no_line_starts_with_closing_punctuation(long_letter: LetterLayout) -> None:
    for page in long_letter.pages:
        for line in page.lines:
            assert not line.text.startswith(tuple(NO_LINE_START)), line.text
    # FILLER's 27th character is a comma: the first line (2 characters indented) holds 26
    # and the "，" that would start the second hangs past the margin, as LibreOffice sets it.
    body = [ln for ln in long_letter.pages[0].lines if ln.kind == "body"]
    assert body[0].text == FILLER[:27]
    assert body[0].right > TEXT_RIGHT and body[1].text.startswith("企业")


def test_line_breaking_rules() -> None:
    one = [1.0] * 6
    # Room for 4: the 5th would start with "，" → it hangs at the end of the first line.
    assert break_line_units(one, list("甲乙丙丁，戊"), list("甲乙丙丁，戊"), 4, 4) == [
        (0, 5),
        (5, 6),
    ]
    # An opening bracket does not end a line.
    assert break_line_units(one, list("甲乙丙《丁戊"), list("甲乙丙《丁戊"), 4, 4) == [
        (0, 3),
        (3, 6),
    ]
    # A closing mark after a single unit hangs rather than leaving a line empty.
    assert break_line_units([1.0, 1.0], ["甲", "。"], ["甲", "。"], 1, 1) == [(0, 2)]
    assert break_line_units([], [], [], 4, 4) == []


def test_page_one_head_title_salutation(two_pages: LetterLayout) -> None:
    lines = two_pages.pages[0].lines
    kinds = [ln.kind for ln in lines[:8]]
    # Two blank lines between the document number and the title (GB/T 9704 10.1).
    assert kinds == ["head", "head", "blank", "blank", "title", "title", "blank", "salutation"]
    assert [ln.text for ln in lines[:2]] == ["A类", "通科函〔2020〕12号"]
    for head in lines[:2]:
        assert abs(head.right - TEXT_RIGHT) < TOL  # flush right
    titles = [ln for ln in lines if ln.kind == "title"]
    assert [t.text for t in titles] == split_title(make_letter(()).title)
    for title in titles:
        assert title.size == 22 and title.height == 36
        assert abs((title.x + title.right) / 2 - (TEXT_LEFT + TEXT_RIGHT) / 2) < TOL
    salutation = lines[7]
    assert salutation.text == "石剑波代表：" and abs(salutation.x - TEXT_LEFT) < TOL
    body = lines[8]
    assert abs(body.x - TEXT_LEFT - 32) < TOL  # two characters of 16 pt


def test_title_keeps_the_line_breaks_the_clerk_typed(qapp: object) -> None:
    layout = layout_letter(make_letter((1,), title="关于加强科技创新\n工作的答复"))
    titles = [ln.text for ln in layout.pages[0].lines if ln.kind == "title"]
    assert titles == ["关于加强科技创新", "工作的答复"]


def test_page_numbers_odd_right_even_left(qapp: object) -> None:
    layout = layout_letter(make_letter((3, 4, 5, 4, 3, 4), letter_format="版记"))
    for page in layout.pages:
        number = page.page_number
        assert number.text == f"— {page.number} —"
        assert number.size == 14
        if page.number % 2:
            assert number.align == "right" and abs(TEXT_RIGHT - number.right - 14) < TOL
        else:
            assert number.align == "left" and abs(number.x - TEXT_LEFT - 14) < TOL
        # The dash line about 7 mm under the text area.
        centre = number.baseline - 0.35 * 14
        assert 5.5 <= (centre - TEXT_BOTTOM) / PT_PER_MM <= 8.5


def test_signature_seal_and_copy_to(two_pages: LetterLayout) -> None:
    last = two_pages.pages[-1]
    kinds = [ln.kind for ln in last.lines]
    name = next(ln for ln in last.lines if ln.kind == "signature")
    date = next(ln for ln in last.lines if ln.kind == "date")
    assert date.text == format_date("2020-05-29") == "2020年5月29日"
    assert kinds.index("date") == kinds.index("signature") + 1
    assert kinds[kinds.index("signature") - 2 : kinds.index("signature")] == ["blank", "blank"]
    indents = signature_indents(name.text, date.text, sealed=True)
    assert abs(TEXT_RIGHT - date.right - indents.date * 16) < TOL
    assert abs(TEXT_RIGHT - name.right - indents.name * 16) < TOL
    # The seal at its true size, over name and date, a little above their middle.
    assert last.seal is not None and two_pages.pages[0].seal is None
    rect = last.seal.rect
    assert abs(rect.width() - 42 * PT_PER_MM) < TOL and abs(rect.height() - 42 * PT_PER_MM) < 1
    assert abs(rect.center().x() - (date.x + date.right) / 2) < 8
    assert 0 < name.y + name.height / 2 - rect.center().y() < 10
    body_bottom = max(ln.y + ln.height for ln in last.lines if ln.kind == "body")
    assert 0 <= rect.top() - body_bottom < PITCH
    note = next(ln for ln in last.lines if ln.kind == "note")
    assert note.text == "（联系人：张三）" and note.y > date.y
    # Letter format (函, GB/T 9704 10.1): 抄送 at the foot of the text area, without rules,
    # indented one 14 pt character; no page number on page 1.
    copy_to = [ln for ln in last.lines if ln.kind == "copy_to"]
    assert [ln.text for ln in copy_to] == ["抄送：市人大常委会代表工委，市政府办公室。"]
    assert abs(copy_to[-1].y + copy_to[-1].height - TEXT_BOTTOM) < TOL
    assert abs(copy_to[0].x - TEXT_LEFT - 14) < TOL and copy_to[0].size == 14
    assert not any(page.rules for page in two_pages.pages)
    assert two_pages.pages[0].page_number.text == "" and last.page_number.text == "— 2 —"
    for page in two_pages.pages[:-1]:
        assert all(ln.kind != "copy_to" for ln in page.lines)


def test_banji_rules_and_issue_line(qapp: object) -> None:
    """版记 format (7.4): thick first and last rule, thin between, the 印发 line last with the
    印发机关 one character in from the left and the date one in from the right."""
    layout = layout_letter(
        make_letter((3, 4, 3), letter_format="版记", issuing_office="南通市科学技术局办公室")
    )
    last = layout.pages[-1]
    assert last.number == 2
    rows = [ln for ln in last.lines if ln.kind == "copy_to"]
    assert [ln.text for ln in rows] == [
        "抄送：市人大常委会代表工委，市政府办公室。",
        "南通市科学技术局办公室\t2020年5月29日印发",
    ]
    issue = rows[1]
    assert abs(issue.x - TEXT_LEFT - 14) < TOL and abs(TEXT_RIGHT - issue.right - 14) < TOL
    rules = last.rules
    assert [round(r.width, 2) for r in rules] == [1.0, 0.75, 1.0]  # 0.35 / 0.26 / 0.35 mm
    assert abs(rules[-1].bottom - TEXT_BOTTOM) < TOL  # the last rule on the text area's edge
    assert rules[0].bottom <= rows[0].y and rows[0].y + rows[0].height <= rules[1].top + TOL
    assert rules[1].bottom <= issue.y + TOL and issue.y + issue.height <= rules[2].top + TOL
    assert layout.pages[0].page_number.text == "— 1 —"  # the standard format numbers page 1
    # The letter's date unless the profile sets another 印发日期.
    other = layout_letter(make_letter((3, 4, 3), letter_format="版记", issue_date="2020-06-01"))
    issue_text = [ln.text for ln in other.pages[-1].lines if ln.kind == "copy_to"][-1]
    assert issue_text == "南通市科学技术局\t2020年6月1日印发"


@pytest.mark.parametrize(
    ("counts", "text_pages", "banji_page", "unnumbered"),
    [
        ((1,), 1, 2, set()),  # a one-page letter: the 版记 on the back
        ((3, 4, 3), 2, 2, set()),  # room on page 2: at its foot
        ((3, 4, 5, 4, 2), 3, 4, set()),  # text ends on page 3: the 版记 on page 4
        ((3, 4, 6), 2, 4, {3, 4}),  # page 2 full: a blank page 3, 版记 on page 4, unnumbered
    ],
)
def test_banji_lands_on_an_even_page(
    qapp: object, counts: tuple[int, ...], text_pages: int, banji_page: int, unnumbered: set
) -> None:
    layout = layout_letter(make_letter(counts, letter_format="版记"))
    assert len(layout.pages) == banji_page
    kinds = [{ln.kind for ln in page.lines if ln.text} for page in layout.pages]
    assert "date" in kinds[text_pages - 1] and all("date" not in k for k in kinds[text_pages:])
    assert "copy_to" in kinds[banji_page - 1]
    assert not any(layout.pages[n].rules for n in range(banji_page - 1))
    missing = {page.number for page in layout.pages if not page.page_number.text}
    assert missing == unnumbered
    # The letter format keeps the 抄送 on the text's last page when it fits.
    letter = layout_letter(make_letter(counts))
    assert "copy_to" in {ln.kind for ln in letter.pages[-1].lines}
    assert len(letter.pages) == text_pages + (1 if counts == (3, 4, 6) else 0)


def test_last_paragraph_keeps_with_the_signature(long_letter: LetterLayout) -> None:
    last = long_letter.pages[-1]
    assert last.lines[0].kind == "body"  # the whole last paragraph came along
    assert FILLER[-10:] in last.lines[0].text or len(last.lines) > 6


def test_without_seal_and_with_a_signer_and_attachments(qapp: object) -> None:
    layout = layout_letter(
        make_letter(
            (1,),
            seal=False,
            signer="李四",
            attachments=["办理情况表", "征询意见表"],
            disclosure="主动公开",
        )
    )
    lines = layout.pages[0].lines
    head = lines[1]
    assert head.text == "通科函〔2020〕12号\t签发人：李四"
    assert abs(head.x - TEXT_LEFT - 16) < TOL and abs(head.right - (TEXT_RIGHT - 16)) < TOL
    assert [g[2] for g in head.glyphs[-2:]] == ["heading2", "heading2"]
    attachments = [ln for ln in lines if ln.kind == "attachment"]
    assert [a.text for a in attachments] == ["附件：1.办理情况表", "2.征询意见表"]
    assert abs(attachments[0].x - TEXT_LEFT - 32) < TOL
    assert abs(attachments[1].x - TEXT_LEFT - 5 * 16) < TOL  # under "1."
    kinds = [ln.kind for ln in lines]
    assert kinds[kinds.index("signature") - 1] == "blank" and layout.pages[0].seal is None
    name = lines[kinds.index("signature")]
    assert abs(TEXT_RIGHT - name.right - 2 * 16) < TOL  # right-indented 2 characters
    copy_to = [ln.text for ln in lines if ln.kind == "copy_to"]
    assert copy_to == ["公开属性：主动公开", "抄送：市人大常委会代表工委，市政府办公室。"]


def test_run_in_heading_font_only_for_the_heading(qapp: object) -> None:
    letter = make_letter(())
    letter.paragraphs = [
        LetterParagraph("一、办理情况", "heading1"),
        LetterParagraph("（一）加强平台建设。近年来成效明显。", "heading2"),
    ]
    lines = layout_letter(letter).pages[0].lines
    h1 = next(ln for ln in lines if ln.kind == "heading1")
    assert {g[2] for g in h1.glyphs} == {"heading1"}
    h2 = next(ln for ln in lines if ln.kind == "heading2")
    roles = [g[2] for g in h2.glyphs]
    assert roles[: len("（一）加强平台建设。")] == ["heading2"] * len("（一）加强平台建设。")
    assert set(roles[len("（一）加强平台建设。") :]) == {"body"}


def test_missing_fonts_are_replaced_and_reported(qapp: object) -> None:
    spec = FontSpec(
        title="没有这种字体甲", body="没有这种字体乙", heading1="黑体", heading2="楷体_GB2312"
    )
    fonts = resolve_fonts(spec)
    wanted = dict(fonts.substitutions)
    assert "没有这种字体甲" in wanted and "没有这种字体乙" in wanted
    for family in fonts.families.values():
        assert family  # something installed for every role
    layout = layout_letter(make_letter((1,), fonts=spec))
    assert layout.substitutions == fonts.substitutions


def test_line_breaks_and_digits(qapp: object) -> None:
    letter = make_letter(())
    number = "0513-85000000"
    letter.paragraphs = [LetterParagraph("联系电话" + "一" * 20 + number + "。第二行\n第三行")]
    body = [ln for ln in layout_letter(letter).pages[0].lines if ln.kind == "body"]
    texts = [ln.text for ln in body]
    assert any(number in t for t in texts)  # a number is never split
    assert texts[-1] == "第三行" and abs(body[-1].x - TEXT_LEFT) < TOL
    # An ASCII word with signs ("3+3+N") is one word for LibreOffice, and so for us and for
    # the DOCX writer's line count.
    letter.paragraphs = [LetterParagraph("围绕" + "一" * 22 + '"3+3+N"产业体系')]
    body = [ln for ln in layout_letter(letter).pages[0].lines if ln.kind == "body"]
    assert [ln.text for ln in body] == ["围绕" + "一" * 22, '"3+3+N"产业体系']
    assert text_extent(letter).pages == 1


def test_print_and_pdf(qapp: object, tmp_path: Path, two_pages: LetterLayout) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_letter(two_pages, printer) == 2
    printed = (tmp_path / "printed.pdf").read_bytes()
    assert printed.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", printed)) == 2

    out = write_pdf(two_pages, tmp_path / "答复.pdf", title="答复")
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) == 2


def test_renders_without_a_window(qtbot: QtBot) -> None:
    images = render_pages(make_letter((1,), seal=True), dpi=48)
    assert len(images) == 1 and not images[0].isNull()
    assert images[0].format() in (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32)


# ----------------------------------------------------------------------------------------------
# The preview dialog (desktop/ui/preview.py) on top of the renderer


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(tmp_path / "library.db")
    yield ctx
    ctx.close()


def test_preview_without_libreoffice(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    letter = make_letter((3, 4, 3))
    dialog = PreviewDialog(context, letter, None, soffice=None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.objectName() == "previewDialog"
    assert dialog.rendering == "inapp" and not dialog.busy()
    assert "not installed" in dialog.findChild(QLabel, "previewSource").text()
    pages = dialog.page_labels()
    assert len(pages) == 2
    width = pages[0].width()
    assert abs(width - 794) <= 1  # A4 at 96 dpi, 100 %
    assert not dialog.findChild(QPushButton, "previewOpen").isEnabled()  # no DOCX yet
    dialog.findChild(QPushButton, "previewZoomIn").click()
    assert dialog.page_labels()[0].width() > width
    dialog.zoom_out()
    dialog.zoom_out()
    assert dialog.page_labels()[0].width() < width

    target = tmp_path / "导出" / "答复.pdf"
    target.parent.mkdir()
    with qtbot.waitSignal(dialog.pdfExported, timeout=10000) as blocker:
        dialog.export_pdf(target)
    assert blocker.args == [str(target), False]
    assert target.read_bytes().startswith(b"%PDF")
    status = dialog.findChild(QLabel, "previewStatus").text()
    assert str(target) in status and "own rendering" in status


def _tools() -> tuple[str, str]:
    program, pdftoppm = find_soffice(), shutil.which("pdftoppm")
    if not program or not pdftoppm:
        pytest.skip("LibreOffice or pdftoppm not installed: LibreOffice's preview not checked")
    return program, pdftoppm


@pytest.mark.soffice
def test_preview_prefers_libreoffice(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    _tools()
    letter = make_letter((3, 4, 3))
    docx = write_docx(letter, tmp_path / "答复.docx")
    dialog = PreviewDialog(context, letter, docx)
    qtbot.addWidget(dialog)
    assert dialog.rendering == "inapp" and dialog.busy()  # shown at once, LibreOffice follows
    with qtbot.waitSignal(dialog.renderingChanged, timeout=120000) as blocker:
        pass
    assert blocker.args == ["libreoffice"]
    assert "LibreOffice" in dialog.findChild(QLabel, "previewSource").text()
    assert len(dialog.page_labels()) == 2
    target = tmp_path / "答复.pdf"
    with qtbot.waitSignal(dialog.pdfExported, timeout=120000) as exported:
        dialog.export_pdf(target)
    assert exported.args == [str(target), True]
    assert target.read_bytes().startswith(b"%PDF")
