"""Text PDFs: paragraphs joined again, page furniture dropped, bad PDFs refused whole.

The letters are our own words, written as DOCX and turned into PDF by LibreOffice (tests
marked ``soffice``); scanned, blank, encrypted and broken PDFs are drawn with PDFium and qpdf.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.importer import import_paths
from desktop.model import ImportFailure
from desktop.readers import MAX_PDF_PAGES, SUPPORTED_SUFFIXES, read_document
from desktop.readers.pdf_layout import VisualLine, paragraph_lines
from desktop.store import LibraryStore
from tests.formats import (
    blank_pdf,
    encrypt_pdf,
    image_only_pdf,
    letter_docx,
    qpdf_or_skip,
    soffice_convert,
    soffice_or_skip,
)

ROOT = Path(__file__).resolve().parents[2]

STATUS = (
    "近年来，我局会同各区持续推进老旧小区供水设施改造，累计更换老化管道一百二十余公里，"
    "惠及居民四万余户，居民家中水压偏低、清晨出水发黄的情况明显减少。"
)
PLAN = (
    "下一步，我局将把尚未改造的三十个小区全部列入年度计划，先解决水压不足、水质浑浊这些群众"
    "反映最多的问题，改造完成后由供水企业统一接管，建立长效管护机制。"
)
WATER_LETTER = [
    "河川市水务局关于市十六届人大三次会议第58号建议的答复",
    "周明远代表：",
    "您提出的《关于加快老旧小区供水管网改造的建议》收悉。经认真研究，现答复如下：",
    "一、改造工作的进展",
    STATUS * 5,
    "二、下一步工作安排",
    PLAN * 22,  # long enough to run over the page break
    "感谢您对水务工作的关心和支持。",
    "河川市水务局",
    "2024年6月12日",
    "（联系人：陈晓；联系电话：0512-6688123）",
]


def _pdf(
    program: str,
    paragraphs: list[str],
    header: str | None = None,
    page_number: tuple[str, str] = ("- ", " -"),
) -> bytes:
    docx_data = letter_docx(paragraphs, header=header, page_number=page_number)
    return soffice_convert(program, docx_data, "letter.docx", "pdf:writer_pdf_Export")


def _import_one(store: LibraryStore, path: Path) -> tuple[str, int | None, str]:
    results = [p.result for p in import_paths(store, [path])]
    assert len(results) == 1
    return results[0].status, results[0].letter_id, results[0].message


# ---------------------------------------------------------------------------------- real PDFs


@pytest.mark.soffice
def test_a_letter_printed_to_pdf_imports_like_its_docx(tmp_path: Path, store: LibraryStore) -> None:
    program = soffice_or_skip()
    pdf = tmp_path / "答复.pdf"
    pdf.write_bytes(_pdf(program, WATER_LETTER, header="河川市水务局", page_number=("第 ", " 页")))
    lines = read_document(pdf).lines
    assert ".pdf" in SUPPORTED_SUFFIXES
    # each paragraph comes back whole, the one broken over the page break included; the
    # running header and the page numbers are gone
    assert lines == [*WATER_LETTER[:4], STATUS * 5, WATER_LETTER[5], PLAN * 22, *WATER_LETTER[7:]]

    status, letter_id, _ = _import_one(store, pdf)
    assert status == "imported" and letter_id is not None
    letter = store.letters.detail(letter_id)
    assert letter is not None
    assert letter.kind == "reply" and letter.source_format == "pdf"
    assert letter.addressee == ["周明远"]
    assert letter.proposal_title == "关于加快老旧小区供水管网改造的建议"
    assert letter.reply_date == "2024-06-12"
    assert letter.contact_phone == "0512-6688123"
    texts = [p.text for p in letter.paragraphs]
    assert PLAN * 22 in texts
    assert not any("第 1 页" in t or "第1页" in t for t in texts)

    # the DOCX it was printed from gives the same letter: the same lines, so it is the same
    # file to the library
    docx_path = tmp_path / "答复.docx"
    docx_path.write_bytes(letter_docx(WATER_LETTER))
    status, same_id, _ = _import_one(store, docx_path)
    assert (status, same_id) == ("duplicate", letter_id)


@pytest.mark.soffice
def test_explain_shows_the_roles_of_a_pdfs_lines(tmp_path: Path) -> None:
    program = soffice_or_skip()
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(_pdf(program, WATER_LETTER))
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "explain", str(pdf), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["kind"] == "reply"
    roles = {line["text"]: line["role"] for line in out["lines"]}
    assert roles["周明远代表："] == "salutation"
    assert out["fields"]["reply_date"]["value"] == "2024-06-12"


# --------------------------------------------------------------------------------- bad PDFs


def _refused(tmp_path: Path, store: LibraryStore, name: str, data: bytes, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFailure) as caught:
        read_document(path)
    message = caught.value.message
    assert words in message and "\n" not in message, message
    status, letter_id, shown = _import_one(store, path)
    assert (status, letter_id) == ("failed", None) and words in shown
    assert store.letters.count() == 0  # nothing half-stored


def test_a_scanned_pdf_says_it_has_no_text_layer(tmp_path: Path, store: LibraryStore) -> None:
    _refused(tmp_path, store, "扫描件.pdf", image_only_pdf(2), "没有文字层")


def test_a_blank_pdf_has_no_text(tmp_path: Path, store: LibraryStore) -> None:
    _refused(tmp_path, store, "blank.pdf", blank_pdf(2), "没有文字层")


def test_a_pdf_past_the_page_limit_is_refused(tmp_path: Path, store: LibraryStore) -> None:
    _refused(tmp_path, store, "合订本.pdf", blank_pdf(MAX_PDF_PAGES + 1), f"{MAX_PDF_PAGES} 页")


def test_a_pdf_cut_short_is_broken(tmp_path: Path, store: LibraryStore) -> None:
    data = image_only_pdf(3)
    _refused(tmp_path, store, "cut.pdf", data[: len(data) * 2 // 3], "损坏或不完整")
    _refused(tmp_path, store, "head.pdf", data[:200], "损坏或不完整")


def test_a_pdf_with_damaged_insides_is_broken(tmp_path: Path, store: LibraryStore) -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    _refused(tmp_path, store, "garbage.pdf", data, "损坏或不完整")


def test_a_renamed_file_is_not_a_pdf(tmp_path: Path, store: LibraryStore) -> None:
    _refused(tmp_path, store, "notes.pdf", "周明远代表：您好。".encode(), "不是 PDF 文件")


def test_a_password_protected_pdf_is_refused(tmp_path: Path, store: LibraryStore) -> None:
    qpdf = qpdf_or_skip()
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(image_only_pdf())
    locked = tmp_path / "locked.pdf"
    encrypt_pdf(qpdf, plain, locked, "open-sesame")
    _refused(tmp_path, store, "加密.pdf", locked.read_bytes(), "密码保护")


# ------------------------------------------------------------------------ the layout rules


def _line(
    text: str, left: float, top: float, page: int = 0, right: float | None = None
) -> VisualLine:
    em = 16.0
    return VisualLine(
        text=text,
        left=left,
        right=right if right is not None else left + em * len(text),
        top=top,
        bottom=top - em,
        em=em,
        page=page,
        page_height=842.0,
    )


def test_wrapped_lines_join_and_indented_lines_start_paragraphs() -> None:
    full = "这一行写满了整行的宽度所以它的段落在下一行继续"  # 24 characters: 100 → 484
    page = [
        _line("标题居中的一行", 200, 760),
        _line(full, 100, 720),
        _line(full, 100, 691),
        _line("段末短行。", 100, 662),
        _line("新的段落首行缩进两个字符开始并且写满到右边", 132, 633, right=484),
        _line("接着一行。", 100, 604),
        _line("短行单独成段。", 100, 575),
        _line("下一行不缩进。", 100, 546),
    ]
    assert paragraph_lines([page]) == [
        "标题居中的一行",
        full + full + "段末短行。",
        "新的段落首行缩进两个字符开始并且写满到右边接着一行。",
        "短行单独成段。",
        "下一行不缩进。",
    ]


def test_a_paragraph_gap_keeps_paragraphs_apart_even_after_a_full_line() -> None:
    full = "这一行写满了整行的宽度所以它的段落在下一行继续"
    page = [_line(full, 100, 720), _line(full, 100, 691), _line(full, 100, 640)]
    assert paragraph_lines([page]) == [full + full, full]


def test_page_numbers_and_running_headers_go_and_paragraphs_run_over_pages() -> None:
    full = "这一行写满了整行的宽度所以它的段落在下一行继续"
    pages = []
    for n in range(3):
        pages.append(
            [
                _line("河川市水务局", 100, 800, n),
                _line(full, 100, 720, n),
                _line(full, 100, 691, n),
                _line(["- 1 -", "第 2 页", "3/3"][n], 280, 40, n),
            ]
        )
    pages[0].insert(1, _line("第一页正文前的说明。", 132, 750, 0))
    assert paragraph_lines(pages) == ["第一页正文前的说明。", full * 6]


def test_a_page_number_in_the_body_is_text() -> None:
    page = [_line("二〇二四年", 100, 720), _line("12", 100, 500), _line("- 7 -", 280, 30)]
    assert paragraph_lines([page]) == ["二〇二四年", "12"]
