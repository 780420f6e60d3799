"""PDF through LibreOffice: the plumbing (with a stand-in soffice) and a real render checked
against GB/T 9704 — 22 lines a page, 28 characters a line, page numbers, seal, copy-to.

The real render is marked ``soffice``; without LibreOffice or poppler-utils it is skipped on a
developer machine and fails in CI (CI=true), which installs both.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.export_docx import write_docx
from desktop.model import ComposedLetter, LetterParagraph, SealSpec
from desktop.pdf import MSG_NO_SOFFICE, PdfFailed, PdfUnavailable, convert_to_pdf
from desktop.readers import find_soffice

ROOT = Path(__file__).resolve().parents[2]
DEMO_SEAL = ROOT / "resources" / "demo_seal.png"
PT_PER_MM = 72 / 25.4

# Text without digits or Latin letters, so that every character is one em wide whatever font
# LibreOffice finds for 仿宋_GB2312.
FILLER = (
    "我局围绕建设创新型城市目标，持续推进科技创新平台建设，企业研发投入稳步增长，"
    "高新技术企业数量明显增加，科技成果转化取得新进展。"
)

posix_only = pytest.mark.skipif(os.name == "nt", reason="the fake soffice is a POSIX script")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def render_letter(seal: bool = True) -> ComposedLetter:
    return ComposedLetter(
        title="关于市十六届人大四次会议第二百七十七号建议的答复",
        salutation="石剑波代表：",
        paragraphs=[LetterParagraph(FILLER * n) for n in (3, 4, 5, 4, 3, 4)]
        + [LetterParagraph("衷心感谢您提出的建议，欢迎继续对我市科技工作提出宝贵意见。")],
        agency="南通市科学技术局",
        date="2020-05-29",
        category_label="A类",
        doc_number="通科函〔2020〕12号",
        contact_note="（联系人：张三）",
        cc=["市人大常委会代表工委", "市政府办公室"],
        seal=SealSpec(DEMO_SEAL.read_bytes(), 42.0) if seal else None,
    )


# ----------------------------------------------------------------------------------------------
# Plumbing, with a stand-in for soffice


def fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "bin" / "soffice"
    script.parent.mkdir(exist_ok=True)
    script.write_text(f"#!{sys.executable}\nimport sys, time, pathlib\n{body}\n")
    script.chmod(0o755)
    return str(script)


def test_no_libreoffice_means_pdf_unavailable(tmp_path: Path) -> None:
    docx = tmp_path / "答复.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(PdfUnavailable) as caught:
        convert_to_pdf(docx, tmp_path / "答复.pdf", soffice=None)
    assert caught.value.message == MSG_NO_SOFFICE
    assert "LibreOffice" in MSG_NO_SOFFICE and "另存为 PDF" in MSG_NO_SOFFICE
    assert not (tmp_path / "答复.pdf").exists()


@posix_only
def test_conversion_plumbing_with_a_fake_soffice(tmp_path: Path) -> None:
    log = tmp_path / "args.txt"
    program = fake_soffice(
        tmp_path,
        f"pathlib.Path({str(log)!r}).write_text('\\n'.join(sys.argv[1:]))\n"
        "outdir = pathlib.Path(sys.argv[sys.argv.index('--outdir') + 1])\n"
        "source = pathlib.Path(sys.argv[-1])\n"
        "(outdir / (source.stem + '.pdf')).write_bytes(b'%PDF-1.4 ' + source.read_bytes())",
    )
    folder = tmp_path / "答复 文件夹"
    folder.mkdir()
    docx = folder / "关于第277号建议的答复.docx"
    docx.write_bytes(b"DOCX")
    pdf = folder / "关于第277号建议的答复.pdf"
    pdf.write_bytes(b"old")
    assert convert_to_pdf(docx, pdf, soffice=program) == pdf
    assert pdf.read_bytes() == b"%PDF-1.4 DOCX"
    args = log.read_text().splitlines()
    assert args[0].startswith("-env:UserInstallation=file:///")
    assert {"--headless", "--norestore", "--convert-to"} <= set(args)
    assert args[args.index("--convert-to") + 1].startswith("pdf")
    assert Path(args[-1]).name == "letter.docx"  # a private copy with a plain name
    assert not Path(args[-1]).exists()  # and its temporary folder is gone
    assert sorted(p.name for p in folder.iterdir()) == sorted([docx.name, pdf.name])


@posix_only
def test_conversion_that_produces_nothing(tmp_path: Path) -> None:
    program = fake_soffice(tmp_path, "print('Error: source file could not be loaded')")
    docx = tmp_path / "答复.docx"
    docx.write_bytes(b"DOCX")
    with pytest.raises(PdfFailed, match="LibreOffice 生成 PDF 失败"):
        convert_to_pdf(docx, tmp_path / "答复.pdf", soffice=program)
    assert not (tmp_path / "答复.pdf").exists()


@posix_only
def test_hung_conversion_is_killed(tmp_path: Path) -> None:
    program = fake_soffice(tmp_path, "time.sleep(60)")
    docx = tmp_path / "答复.docx"
    docx.write_bytes(b"DOCX")
    start = time.monotonic()
    with pytest.raises(PdfFailed, match="超时"):
        convert_to_pdf(docx, tmp_path / "答复.pdf", soffice=program, timeout=0.5)
    assert time.monotonic() - start < 10


def test_missing_docx_and_broken_soffice(tmp_path: Path) -> None:
    with pytest.raises(PdfFailed, match="找不到"):
        convert_to_pdf(tmp_path / "没有.docx", tmp_path / "x.pdf", soffice="/bin/true")
    docx = tmp_path / "答复.docx"
    docx.write_bytes(b"DOCX")
    with pytest.raises(PdfFailed, match="无法启动 LibreOffice"):
        convert_to_pdf(docx, tmp_path / "x.pdf", soffice=str(tmp_path / "no-such-soffice"))


# ----------------------------------------------------------------------------------------------
# A real render


def tools_or_skip() -> str:
    program = find_soffice()
    missing = [
        name
        for name, found in (
            ("LibreOffice (soffice)", program),
            ("pdftotext", shutil.which("pdftotext")),
            ("pdftoppm", shutil.which("pdftoppm")),
        )
        if not found
    ]
    if missing:
        reason = ", ".join(missing) + " not installed; the PDF layout is not checked"
        if in_ci():
            pytest.fail("CI must have " + reason)
        pytest.skip(reason)
    assert program is not None
    return program


@dataclass
class Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    words: list[tuple[str, float, float]]  # text, xMin, xMax

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def pdf_lines(pdf: Path) -> list[list[Line]]:
    """Text lines per page with their boxes in points (pdftotext -bbox-layout)."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    ns = "{http://www.w3.org/1999/xhtml}"
    pages = []
    for page in ET.fromstring(xhtml).iter(ns + "page"):
        lines = []
        for line in page.iter(ns + "line"):
            words = [
                (w.text or "", float(w.get("xMin", 0)), float(w.get("xMax", 0)))
                for w in line.iter(ns + "word")
            ]
            x0, y0, x1, y1 = (float(line.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax"))
            lines.append(Line("".join(w[0] for w in words), x0, y0, x1, y1, words))
        pages.append(sorted(lines, key=lambda ln: ln.y0))
    return pages


def red_box_mm(pdf: Path, page: int, tmp_path: Path, dpi: int = 100) -> tuple[float, ...]:
    """Bounding box (x0, y0, x1, y1 in mm) of the red pixels on a rendered page."""
    stem = tmp_path / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf), str(stem)],
        check=True,
    )
    (ppm,) = tmp_path.glob(f"page{page}*.ppm")
    data = ppm.read_bytes()
    header = data.split(maxsplit=4)
    assert header[0] == b"P6"
    width, height = int(header[1]), int(header[2])
    pixels = header[4]
    xs, ys = [], []
    for y in range(height):
        row = pixels[y * width * 3 : (y + 1) * width * 3]
        for x in range(0, width):
            r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
            if r > 150 and g < 110 and b < 110:
                xs.append(x)
                ys.append(y)
    assert xs, "no red seal on the page"
    mm = 25.4 / dpi
    return (min(xs) * mm, min(ys) * mm, (max(xs) + 1) * mm, (max(ys) + 1) * mm)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[Line]]]:
    program = tools_or_skip()
    folder = tmp_path_factory.mktemp("渲染")
    docx = write_docx(render_letter(), folder / "答复.docx")
    pdf = convert_to_pdf(docx, folder / "答复.pdf", soffice=program)
    return pdf, pdf_lines(pdf)


TEXT_LEFT = 28 * PT_PER_MM
TEXT_RIGHT = (210 - 26) * PT_PER_MM
TEXT_TOP = 37 * PT_PER_MM
TEXT_BOTTOM = (297 - 35) * PT_PER_MM
CHAR = 16 * 0.98  # body character pitch in points


def body_lines(page: list[Line]) -> list[Line]:
    return [ln for ln in page if ln.y0 >= TEXT_TOP - 2 and ln.y1 <= TEXT_BOTTOM + 2]


def page_number(page: list[Line]) -> Line:
    (number,) = [ln for ln in page if ln.y0 > TEXT_BOTTOM]
    return number


@pytest.mark.soffice
def test_a_full_page_has_22_lines_of_28_characters(rendered: tuple[Path, list]) -> None:
    _, pages = rendered
    assert len(pages) >= 3
    page2 = body_lines(pages[1])
    assert len(page2) == 22, [ln.text for ln in page2]
    pitches = [b.y0 - a.y0 for a, b in itertools.pairwise(page2)]
    assert all(abs(p - 28.95) < 0.2 for p in pitches), pitches
    counts = []
    for line in page2:
        if line.x1 >= TEXT_RIGHT - CHAR:  # a full line, not the end of a paragraph
            indent = round((line.x0 - TEXT_LEFT) / CHAR)
            # A comma may hang past the margin (as in Word): it is not counted.
            hanging = 1 if line.x1 > TEXT_RIGHT + 2 and line.text[-1] in "，。、；：" else 0
            counts.append(len(line.text) + indent - hanging)
    assert counts and all(26 <= n <= 28 for n in counts), counts
    assert counts.count(28) >= len(counts) * 0.8, counts


@pytest.mark.soffice
def test_page_numbers_odd_right_even_left(rendered: tuple[Path, list]) -> None:
    _, pages = rendered
    # The letter format (函, GB/T 9704 10.1) shows no page number on page 1.
    assert not [ln for ln in pages[0] if ln.y0 > TEXT_BOTTOM]
    two, three = page_number(pages[1]), page_number(pages[2])
    assert two.text.replace(" ", "") == "—2—"
    assert three.text.replace(" ", "") == "—3—"
    one_char = 14  # 4号, 1 character in from the edge of the text area
    assert abs((TEXT_RIGHT - three.x1) - one_char) < 4, three
    assert abs((two.x0 - TEXT_LEFT) - one_char) < 4, two
    for number in (two, three):  # the dash line about 7 mm under the text area
        assert 5.5 <= (number.cy - TEXT_BOTTOM) / PT_PER_MM <= 8.5, number


@pytest.mark.soffice
def test_page_one_title_and_head_lines(rendered: tuple[Path, list]) -> None:
    _, pages = rendered
    lines = body_lines(pages[0])
    texts = [ln.text for ln in lines]
    assert texts[:4] == [
        "A类",
        "通科函〔2020〕12号",
        "关于市十六届人大四次会议",
        "第二百七十七号建议的答复",
    ], texts
    assert abs(lines[0].x1 - TEXT_RIGHT) < 2  # category top right
    titles = [ln for ln in lines if ln.text.startswith("关于") or ln.text.endswith("答复")]
    assert titles
    for title in titles:
        assert abs(title.cx - (TEXT_LEFT + TEXT_RIGHT) / 2) < 3, title  # centred
    salutation = next(ln for ln in lines if ln.text == "石剑波代表：")
    assert abs(salutation.x0 - TEXT_LEFT) < 1  # flush left
    first_body = lines[lines.index(salutation) + 1]
    assert abs(first_body.x0 - TEXT_LEFT - 2 * 16) < 2  # indented two characters


@pytest.mark.soffice
def test_seal_over_name_and_date_at_true_size(rendered: tuple[Path, list], tmp_path: Path) -> None:
    pdf, pages = rendered
    last = len(pages)
    lines = body_lines(pages[-1])
    name = next(ln for ln in lines if ln.text == "南通市科学技术局")
    date = next(ln for ln in lines if ln.text.replace(" ", "") == "2020年5月29日")
    above = [ln for ln in lines if ln.y1 <= name.y0 and ln.text]
    x0, y0, x1, y1 = red_box_mm(pdf, last, tmp_path)
    assert abs((x1 - x0) - 42) < 1.5 and abs((y1 - y0) - 42) < 1.5, (x0, y0, x1, y1)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    name_cx, name_cy = name.cx / PT_PER_MM, name.cy / PT_PER_MM
    assert abs(cx - name_cx) < 2  # the name is centred under the seal
    assert 0 < name_cy - cy < 6  # name and date sit a little below the seal's centre
    assert date.cy / PT_PER_MM > name_cy
    body_bottom = above[-1].y1 / PT_PER_MM
    assert 0 <= y0 - body_bottom < 10.2  # the seal's top within one line of the body


@pytest.mark.soffice
def test_copy_to_at_the_foot_of_the_last_page(rendered: tuple[Path, list]) -> None:
    _, pages = rendered
    copy_to = [ln for ln in pages[-1] if ln.text.startswith("抄送：")]
    assert len(copy_to) == 1
    line = copy_to[0]
    assert line.text == "抄送：市人大常委会代表工委，市政府办公室。"
    assert TEXT_BOTTOM - 25 < line.y1 <= TEXT_BOTTOM + 1  # at the foot of the text area
    assert abs(line.x0 - TEXT_LEFT - 14) < 2  # indented one character (4号)
    for page in pages[:-1]:
        assert not any(ln.text.startswith("抄送") for ln in page)
