"""GB/T 9704-2012 page arithmetic shared by the DOCX writer and the in-app page renderer.

Qt-free and python-docx-free: the layout numbers (page, margins, 22 × 28 grid, type sizes),
the signature block's indents, the 版记 and the page count; text widths and title breaking
live in ``desktop.title_lines`` and are re-exported here. See ``desktop.export_docx`` for
how each number was checked against LibreOffice's rendering.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Final

from desktop.cjk import NO_LINE_START as _NO_LINE_START
from desktop.model import ComposedLetter
from desktop.title_lines import TITLE_MAX_CHARS as TITLE_MAX_CHARS
from desktop.title_lines import char_width
from desktop.title_lines import split_title as split_title
from desktop.title_lines import text_width as text_width

# ----------------------------------------------------------------------------------------------
# Layout numbers (twips = 1/20 pt; EMU = 1/914400 in; 1 mm = 36000 EMU)

EMU_PER_MM: Final = 36000
EMU_PER_PT: Final = 12700


def _mm_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


PAGE_WIDTH: Final = 11906  # 210 mm
PAGE_HEIGHT: Final = 16838  # 297 mm
MARGIN_TOP: Final = _mm_twips(37)  # 2098
MARGIN_BOTTOM: Final = _mm_twips(35)  # 1984
MARGIN_LEFT: Final = _mm_twips(28)  # 1587
MARGIN_RIGHT: Final = _mm_twips(26)  # 1474
TEXT_WIDTH: Final = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845 twips = 156 mm
LINE_PITCH: Final = 579  # twips: 28.95 pt, 22 lines in the 225 mm text area
LINES_PER_PAGE: Final = 22
CHARS_PER_LINE: Final = 28

BODY_PT: Final = 16  # 3号
TITLE_PT: Final = 22  # 2号
SMALL_PT: Final = 14  # 4号: page numbers, copy-to block
TITLE_LINE: Final = 720  # twips: 36 pt exact lines for the 22 pt title

# 156 mm hold 27.6 characters of 16 pt. Word's character grid (w:docGrid linesAndChars with
# w:charSpace) would make 28, but LibreOffice snaps every 16 pt character to two cells of that
# grid (14 characters a line). Condensing with w:spacing (-0.25 pt) gives 28 in Word and
# LibreOffice, but LibreOffice then drops a comma that hangs past the right margin. So the
# body glyphs are scaled to 98 % (w:w): 28 × 15.68 pt = 439 pt fits the 442.25 pt line, 29 do
# not, in Word, WPS and LibreOffice alike, and no punctuation is lost.
CHAR_SCALE: Final = 98  # w:w, percent
CHAR_PITCH_PT: Final = BODY_PT * CHAR_SCALE / 100  # 15.68
CHAR_TWIPS: Final = BODY_PT * 20  # "one character" of indent at 16 pt

# The page number's dash line sits 7 mm below the text area (269 mm from the top of the
# page, measured in a LibreOffice rendering): the footer paragraph is an exact 14 pt line
# whose bottom is FOOTER_DISTANCE above the paper's edge.
FOOTER_LINE: Final = 280  # twips, exact
FOOTER_DISTANCE: Final = _mm_twips(25)
HEADER_DISTANCE: Final = _mm_twips(15)

# Where the seal's centre lies, measured down from the top of the agency-name line, as a
# fraction of a line: a little above the name, so that name and date sit below the centre.
SEAL_CENTRE_IN_NAME_LINE: Final = 0.25


def format_date(iso: str) -> str:
    """``2020-05-29`` → ``2020年5月29日`` (Arabic numerals, no leading zeros)."""
    try:
        day = dt.date.fromisoformat(iso.strip()[:10])
    except ValueError:
        return iso.strip()
    return f"{day.year}年{day.month}月{day.day}日"


# ----------------------------------------------------------------------------------------------
# The signature block


@dataclass(frozen=True)
class SignatureIndents:
    """Right indents of the agency-name and date lines, in characters of 16 pt."""

    name: float
    date: float


def width_pt(text: str) -> float:
    """Printed width of body text (16 pt, scaled to 98 %) in points."""
    return sum(char_width(ch) * CHAR_PITCH_PT for ch in text)


def signature_indents(agency: str, date_text: str, *, sealed: bool) -> SignatureIndents:
    """Where the name and date lines go (GB/T 9704 7.3.5).

    With a seal: the date is right-indented 4 characters and the name is centred over it (a
    name too long for that ends at the margin, and the date moves left to stay centred under
    it). Without a seal: the name is right-indented 2 characters and the date starts
    2 characters further right than the name; when the date is longer than the name, the date
    is right-indented 2 characters and the name moves left so that it still starts
    2 characters before the date.
    """
    name_w = width_pt(agency) / BODY_PT
    date_w = width_pt(date_text) / BODY_PT
    if sealed:
        centre = max(4.0 + date_w / 2, name_w / 2)
        return SignatureIndents(name=centre - name_w / 2, date=centre - date_w / 2)
    if date_w > name_w:
        return SignatureIndents(name=2.0 + date_w + 2.0 - name_w, date=2.0)
    # Both right-aligned (so the date can never wrap, whatever font prints its digits): the
    # name starts 2 + name characters from the right margin, the date 2 characters less.
    return SignatureIndents(name=2.0, date=2.0 + name_w - 2.0 - date_w)


def seal_lines_above(diameter_mm: float) -> int:
    """Blank lines between the body and the agency name, so that the seal's top edge lies
    below the body's last line and less than one line under it."""
    radius_pt = diameter_mm / 25.4 * 72 / 2
    line_pt = LINE_PITCH / 20
    above = radius_pt - SEAL_CENTRE_IN_NAME_LINE * line_pt
    return max(1, math.ceil(above / line_pt - 1e-6))


def salutation_text(text: str) -> str:
    text = text.strip()
    if text.endswith(":"):
        text = text[:-1]
    if not text.endswith("："):
        text += "："
    return text


# A heading that runs into its paragraph: "（一）加强平台建设。近年来……".
RUN_IN_RE: Final = re.compile(r"^(.+?[。：:])(.+)$", re.S)


def run_in_heading(text: str, style: str) -> tuple[str, str] | None:
    """A level-1 or level-2 heading followed by text in the same paragraph, split into the
    heading (printed in the heading font) and the rest (body font); None when ``style`` is
    another style or the heading stands alone."""
    if style not in ("heading1", "heading2"):
        return None
    m = RUN_IN_RE.match(text)
    if m and m.group(2).strip():
        return m.group(1), m.group(2)
    return None


def contact_note_text(note: str | None) -> str:
    note = (note or "").strip()
    if not note:
        return ""
    if note.startswith("(") and note.endswith(")"):
        note = f"（{note[1:-1]}）"
    if not (note.startswith("（") and note.endswith("）")):
        note = f"（{note}）"
    return note


# ----------------------------------------------------------------------------------------------
# Letter format and the 版记 (GB/T 9704 7.4 and 10.1)

LETTER_FORMATS: Final = ("函", "版记")
# 7.4.1: the first and last 版记 rules thick (0.35 mm recommended), those between thin
# (0.25 mm). In a DOCX a border is given in eighths of a point: 8 (1 pt = 0.353 mm) and 6
# (0.75 pt = 0.265 mm) are the nearest widths Word, WPS and LibreOffice all draw.
THICK_RULE_MM: Final = 0.35
THIN_RULE_MM: Final = 0.25
THICK_RULE_EIGHTHS: Final = 8
THIN_RULE_EIGHTHS: Final = 6
# 10.1 (and 7.3.1 after the red rule): the title two lines below the element above it.
BLANKS_BEFORE_TITLE: Final = 2
BANJI_ROW_PT: Final = LINE_PITCH / 20  # each 版记 row one line of the grid


def is_banji_format(letter_format: str | None) -> bool:
    return (letter_format or "").strip() == "版记"


@dataclass(frozen=True)
class BanjiRow:
    """One row of the 版记 block. ``text`` of the 印发 row is ``office\\tdate印发``."""

    kind: str  # "disclosure" | "cc" | "issue"
    text: str
    rule_above: float | None  # rule width in mm above the row, None for none
    rule_below: float | None  # only the last row of the 版记 format has one


def banji_rows(
    *,
    letter_format: str,
    cc: list[str],
    disclosure: str | None,
    issuing_office: str,
    issue_date_text: str,
) -> list[BanjiRow]:
    """The 版记 rows, top to bottom.

    版记 format (7.4): every element between rules, the first and last rule thick and those
    between thin, the 印发机关 and 印发日期 line last, directly above the last rule.
    函 format (10.1): 抄送 (and the disclosure line) at the foot of the last page, without
    rules and without the 印发 line.
    """
    texts: list[tuple[str, str]] = []
    disclosure = (disclosure or "").strip()
    if disclosure:
        text = disclosure if disclosure.startswith("公开属性") else f"公开属性：{disclosure}"
        texts.append(("disclosure", text))
    units = [u.strip().rstrip("，,、。.；;") for u in cc if u.strip()]
    if units:
        texts.append(("cc", "抄送：" + "，".join(units) + "。"))
    if not is_banji_format(letter_format):
        return [BanjiRow(kind, text, None, None) for kind, text in texts]
    texts.append(("issue", f"{issuing_office.strip()}\t{issue_date_text}印发"))
    rows = []
    for i, (kind, text) in enumerate(texts):
        above = THICK_RULE_MM if i == 0 else THIN_RULE_MM
        below = THICK_RULE_MM if i == len(texts) - 1 else None
        rows.append(BanjiRow(kind, text, above, below))
    return rows


def letter_banji_rows(letter: ComposedLetter) -> list[BanjiRow]:
    """:func:`banji_rows` for a :class:`~desktop.model.ComposedLetter`."""
    office = (letter.issuing_office or "").strip() or letter.agency.strip()
    date = (letter.issue_date or "").strip() or letter.date
    return banji_rows(
        letter_format=letter.letter_format,
        cc=list(letter.cc),
        disclosure=letter.disclosure,
        issuing_office=office,
        issue_date_text=format_date(date),
    )


@dataclass(frozen=True)
class BanjiPlacement:
    """Where the 版记 goes, given the page the text ends on."""

    page: int  # 1-based page that carries the 版记
    blank_pages: int  # empty pages inserted between the text and the 版记 page (0 or 1)
    new_page: bool  # the 版记 does not share the text's last page

    @property
    def unnumbered_from(self) -> int | None:
        """7.5: when a blank page precedes the 版记 page, neither carries a page number."""
        return self.page - 1 if self.blank_pages else None


def place_banji(letter_format: str, last_page: int, fits: bool) -> BanjiPlacement:
    """函: the foot of the last page, or of the next page when it does not fit there.
    版记 (7.4.1): the last face of a double-sided print — the first even page that can hold
    it: the text's last page when that is even and has room, else the page after it when
    that is even, else a blank page and then the next (even) page."""
    if not is_banji_format(letter_format):
        return BanjiPlacement(last_page if fits else last_page + 1, 0, not fits)
    first = last_page if fits else last_page + 1
    page = first + (first % 2)
    return BanjiPlacement(page, page - last_page - 1 if page > last_page else 0, page > last_page)


# ----------------------------------------------------------------------------------------------
# Page count without a renderer (for the DOCX writer, which cannot ask the word processor)

TEXT_HEIGHT_PT: Final = (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) / 20
_LINE_EMS: Final = math.floor((TEXT_WIDTH / 20 + 0.01) / CHAR_PITCH_PT * 2) / 2  # 28.0


def _wrapped_lines(text: str, first_ems: float, ems: float) -> int:
    """How many lines ``text`` takes at nominal widths (CJK 1, Latin and digits ½): a run of
    ASCII letters, digits and signs stays whole (as LibreOffice breaks it); closing
    punctuation hangs past the margin rather than start a line (as Word, WPS and LibreOffice
    set Chinese text)."""
    lines, used, room = 1, 0.0, first_ems
    i = 0
    while i < len(text):
        j = i + 1
        if "!" <= text[i] <= "~":  # a run of ASCII (a number, "3+3+N") is one word
            while j < len(text) and "!" <= text[j] <= "~":
                j += 1
        # ASCII is half a character wide in 仿宋_GB2312 and 仿宋; a substituted font (one
        # that draws digits wider) can wrap a line with many digits one character earlier.
        width = char_width(text[i]) if j == i + 1 else text_width(text[i:j])
        if used + width > room + 1e-9 and used > 0 and text[i] not in _NO_LINE_START:
            lines, used, room = lines + 1, 0.0, ems
        used += width
        i = j
    return lines


@dataclass(frozen=True)
class TextExtent:
    pages: int  # pages the letter's text fills (without the 版记)
    used_pt: float  # height used on the last page, from the top of the text area

    def room_pt(self) -> float:
        return TEXT_HEIGHT_PT - self.used_pt


def text_extent(letter: ComposedLetter) -> TextExtent:
    """Pages and the height used on the last one, for the lines the DOCX writes in the order
    it writes them (``export_docx.body``), with its keep-with-next rules: the last body
    paragraph, headings and the attachment note keep with what follows."""
    pitch = LINE_PITCH / 20
    items: list[tuple[float, bool]] = []  # (height, keep with next)

    def para(text: str, first: float, *, keep: bool = False, left: float = 0.0) -> None:
        n = _wrapped_lines(text, _LINE_EMS - first, _LINE_EMS - left)
        items.extend([(pitch, keep)] * n)

    head = 0
    if (letter.category_label or "").strip():
        head += 1
    if (letter.doc_number or "").strip() or (letter.signer or "").strip():
        head += 1
    if head:
        items.extend([(pitch, False)] * (head + BLANKS_BEFORE_TITLE))
    if letter.title.strip():
        items.extend([(TITLE_LINE / 20, False)] * len(split_title(letter.title)))
        items.append((pitch, False))
    para(salutation_text(letter.salutation), 0.0)
    paragraphs = [p for p in letter.paragraphs if p.text.strip()]
    for i, p in enumerate(paragraphs):
        keep = i == len(paragraphs) - 1 or p.style in ("heading1", "heading2")
        para(p.text.strip(), 2.0, keep=keep)
    attachments = [a.strip() for a in letter.attachments if a.strip()]
    if attachments:
        items.append((pitch, True))
        for n, name in enumerate(attachments, start=1):
            label = "附件：" if n == 1 else ""
            number = "" if len(attachments) == 1 else f"{n}."
            para(f"{label}{number}{name}", 2.0, keep=True, left=5.0)
    blanks = seal_lines_above(letter.seal.diameter_mm) if letter.seal is not None else 1
    note = contact_note_text(letter.contact_note)
    items.extend([(pitch, True)] * (blanks + 1))
    items.append((pitch, bool(note)))
    if note:
        para(note, 2.0)
    return _paginate_extent(items)


def _paginate_extent(items: list[tuple[float, bool]]) -> TextExtent:
    """Break ``items`` into pages: an item that does not fit starts a page, taking along the
    items before it that keep with the next one (unless that would move a whole page)."""
    starts, y, i = [0], 0.0, 0
    while i < len(items):
        if y + items[i][0] > TEXT_HEIGHT_PT + 0.01 and i > starts[-1]:
            start = i
            while start > starts[-1] and items[start - 1][1]:
                start -= 1
            if start == starts[-1]:
                start = i
            starts.append(start)
            y, i = 0.0, start
            continue
        y += items[i][0]
        i += 1
    return TextExtent(len(starts), y)


def banji_row_lines(row: BanjiRow) -> int:
    """Lines a 版记 row takes (4号 text, not scaled, indented as the DOCX indents it)."""
    ems = TEXT_WIDTH / 20 / SMALL_PT
    if row.kind == "issue":
        return 1
    if row.kind == "cc":
        return _wrapped_lines(row.text, ems - 2, ems - 5)
    return _wrapped_lines(row.text, ems - 2, ems - 2)


def banji_height_pt(rows: list[BanjiRow]) -> float:
    return sum(banji_row_lines(row) for row in rows) * BANJI_ROW_PT


def plan_banji(letter: ComposedLetter) -> tuple[list[BanjiRow], BanjiPlacement | None]:
    """The 版记 rows of ``letter`` and where they go (None without rows), from the page count
    at nominal widths (:func:`text_extent`)."""
    rows = letter_banji_rows(letter)
    if not rows:
        return rows, None
    extent = text_extent(letter)
    fits = banji_height_pt(rows) <= extent.room_pt() + 0.01
    return rows, place_banji(letter.letter_format, extent.pages, fits)
