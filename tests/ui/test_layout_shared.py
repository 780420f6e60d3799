"""The DOCX writer and the in-app page renderer take the GB/T 9704 arithmetic from one home
(desktop/layout.py): for the same letter they print the same salutation, run-in headings,
date, contact note, signature indents and blank lines above the seal."""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Any

import pytest
from lxml import etree

from desktop.export_docx import build_docx_bytes
from desktop.layout import (
    contact_note_text,
    format_date,
    run_in_heading,
    salutation_text,
    seal_lines_above,
    signature_indents,
)
from desktop.model import ComposedLetter, LetterParagraph, SealSpec
from desktop.ui.page_layout import layout_letter
from desktop.ui.page_lines import INDENT_CHAR, TEXT_RIGHT, LaidLine
from tests.conftest import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DEMO_SEAL = ROOT / "resources" / "demo_seal.png"
RUN_IN = "（一）加强平台建设。近年来，我局持续推进科技创新平台建设，成效明显。"
ALONE = "（二）下一步工作打算"


def _letter(diameter: float) -> ComposedLetter:
    return ComposedLetter(
        title="关于市十六届人大四次会议第277号建议的答复",
        salutation="石剑波代表:",  # half-width colon: both print the full-width one
        paragraphs=[
            LetterParagraph("您提出的建议收悉。现答复如下："),
            LetterParagraph("一、工作开展情况", "heading1"),
            LetterParagraph(RUN_IN, "heading2"),
            LetterParagraph(ALONE, "heading2"),
            LetterParagraph("1.强化企业创新主体地位。内容。", "heading3"),
        ],
        agency="南通市科学技术局",
        date="2026-06-01",
        contact_note="联系人：张三，联系电话：0513-85000000",  # no parentheses given
        seal=SealSpec(DEMO_SEAL.read_bytes(), diameter),
    )


def _paragraphs(letter: ComposedLetter) -> list[Any]:
    xml = zipfile.ZipFile(BytesIO(build_docx_bytes(letter))).read("word/document.xml")
    return etree.fromstring(xml).find(f"{W}body").findall(f"{W}p")


def _style(p: Any) -> str | None:
    found = p.find(f"{W}pPr/{W}pStyle")
    return None if found is None else found.get(f"{W}val")


def _text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _font_split(p: Any) -> tuple[str, str]:
    """A paragraph's text in its style's font, and in a font its runs set themselves."""
    own, other = "", ""
    for r in p.findall(f"{W}r"):
        text = "".join(t.text or "" for t in r.iter(f"{W}t"))
        if r.find(f"{W}rPr/{W}rFonts") is None:
            own += text
        else:
            other += text
    return own, other


def _lines(letter: ComposedLetter) -> list[LaidLine]:
    return [line for page in layout_letter(letter).pages for line in page.lines]


@pytest.mark.parametrize("diameter", [42.0, 50.0])
def test_export_and_page_renderer_agree(qapp: object, diameter: float) -> None:
    letter = _letter(diameter)
    paragraphs = _paragraphs(letter)
    lines = _lines(letter)

    salutation = salutation_text(letter.salutation)
    assert salutation == "石剑波代表："
    assert [_text(p) for p in paragraphs if _style(p) == "Salutation"] == [salutation]
    assert [ln.text for ln in lines if ln.kind == "salutation"] == [salutation]

    # A run-in heading: the heading font up to its full stop, the body font after it.
    heading, rest = run_in_heading(RUN_IN, "heading2") or ("", "")
    assert heading == "（一）加强平台建设。" and rest.startswith("近年来")
    docx_heading2 = [_font_split(p) for p in paragraphs if _style(p) == "Heading2"]
    assert docx_heading2 == [(heading, rest), (ALONE, "")]
    glyphs = [g for ln in lines if ln.kind == "heading2" for g in ln.glyphs]
    in_heading_font = "".join(c for c, _x, role in glyphs if role == "heading2")
    in_body_font = "".join(c for c, _x, role in glyphs if role == "body")
    assert (in_heading_font, in_body_font) == (heading + ALONE, rest)
    assert run_in_heading("1.强化企业创新主体地位。内容。", "heading3") is None

    date = format_date(letter.date)
    assert date == "2026年6月1日"
    assert [_text(p) for p in paragraphs if _style(p) == "Date"] == [date]
    assert [ln.text for ln in lines if ln.kind == "date"] == [date]

    note = contact_note_text(letter.contact_note)
    assert note == "（联系人：张三，联系电话：0513-85000000）"
    assert [_text(p) for p in paragraphs if _style(p) == "Note"] == [note]
    assert "".join(ln.text for ln in lines if ln.kind == "note") == note

    # Signature indents: characters in the DOCX, points on the rendered page.
    indents = signature_indents(letter.agency, date, sealed=True)
    for style, kind, indent in (("Signature", "signature", indents.name),
                                ("Date", "date", indents.date)):  # fmt: skip
        (p,) = [p for p in paragraphs if _style(p) == style]
        assert p.find(f"{W}pPr/{W}ind").get(f"{W}rightChars") == str(round(indent * 100))
        (line,) = [ln for ln in lines if ln.kind == kind]
        assert line.right == pytest.approx(TEXT_RIGHT - indent * INDENT_CHAR, abs=0.5)

    # As many blank lines above the name as put the seal's top under the body.
    blanks = seal_lines_above(diameter)
    assert blanks == (2 if diameter < 46 else 3)
    k = next(i for i, p in enumerate(paragraphs) if _style(p) == "Signature")
    assert all(_text(p) == "" for p in paragraphs[k - blanks : k])
    assert _text(paragraphs[k - blanks - 1]) != ""
    j = next(i for i, ln in enumerate(lines) if ln.kind == "signature")
    assert [ln.kind for ln in lines[j - blanks - 1 : j]] == ["heading3", *["blank"] * blanks]
