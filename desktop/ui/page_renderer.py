"""Paint a :class:`~desktop.model.ComposedLetter` with the DOCX's page geometry (GB/T 9704).

The preview and the print path when LibreOffice is absent. Every number comes from
:mod:`desktop.export_docx` (its constants and public helpers ``format_date``, ``split_title``,
``signature_indents``), so the pages shown here are the pages the DOCX makes:

- A4, margins 37/35/28/26 mm; a 156 × 225 mm text area of 22 lines of exactly 28.95 pt.
- Body 16 pt, glyphs scaled to 98 % like the DOCX (``w:w``), so 28 characters fill a line;
  2-character (32 pt) first-line indent; full lines justified. Lines break by measured
  character width (:class:`QFontMetricsF`); runs of Latin letters and digits stay whole; no
  line starts with closing punctuation (，。、；：？！）》” …) — the character before it is pulled
  down to the next line — and none ends with an opening one (（《“ …).
- Head lines (category in the heading-1 font, document number) right-aligned; the title 22 pt
  on 36 pt lines, centred, broken by ``split_title``; one blank line; salutation flush left;
  headings in the heading fonts (a run-in heading "（一）……。" only up to its full stop).
- Signature and date with the indents of ``signature_indents``; the seal drawn at its true
  diameter, centred over the date, its centre a quarter line below the top of the name line.
- Contact note; the copy-to block (disclosure, 抄送) at the foot of the last page between
  0.5 pt rules, or on a page of its own when it does not fit.
- Page numbers "— N —" 14 pt, 1 character in from the right (odd) or the left (even) edge.
- The last body paragraph, the signature, date and note keep together; a heading keeps with
  the line after it (the DOCX's ``keepNext``, which LibreOffice applies to whole paragraphs).

:func:`layout_letter` does all of it without painting and returns the lines (text, kind,
position in points from the paper's top-left corner) per page, so that tests and callers can
look at the layout rather than at pixels. :func:`paint_page` paints one page of a layout;
:func:`render_pages` makes images, :func:`print_letter` prints and :func:`write_pdf` writes a
PDF with :class:`QPdfWriter`.

Fonts come from ``letter.fonts``; a font this PC lacks is replaced by a similar one
(仿宋_GB2312 → 仿宋 → FangSong → … → any Chinese serif font) and reported in
:attr:`LetterLayout.substitutions`. Needs a ``QGuiApplication``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter

from desktop.export_docx import (
    BODY_PT,
    CHAR_SCALE,
    CHAR_TWIPS,
    FOOTER_DISTANCE,
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SEAL_CENTRE_IN_NAME_LINE,
    SMALL_PT,
    TITLE_LINE,
    TITLE_PT,
    _contact_note,
    _salutation,
    _seal_lines_above,
    format_date,
    signature_indents,
    split_title,
    text_width,
)
from desktop.model import ComposedLetter, FontSpec

__all__ = [
    "PAGE_HEIGHT_PT",
    "PAGE_WIDTH_PT",
    "LaidLine",
    "LetterLayout",
    "PageLayout",
    "ResolvedFonts",
    "SealPlacement",
    "break_line_units",
    "layout_letter",
    "paint_letter",
    "paint_page",
    "print_letter",
    "render_pages",
    "resolve_fonts",
    "write_pdf",
]

# ----------------------------------------------------------------------------------------------
# Geometry in points (1/72 in), from the DOCX's twips

PAGE_WIDTH_PT: Final = PAGE_WIDTH / 20  # 595.3
PAGE_HEIGHT_PT: Final = PAGE_HEIGHT / 20  # 841.9
TEXT_LEFT: Final = MARGIN_LEFT / 20
TEXT_RIGHT: Final = (PAGE_WIDTH - MARGIN_RIGHT) / 20
TEXT_TOP: Final = MARGIN_TOP / 20
TEXT_BOTTOM: Final = (PAGE_HEIGHT - MARGIN_BOTTOM) / 20
TEXT_WIDTH_PT: Final = TEXT_RIGHT - TEXT_LEFT  # 442.25
PITCH: Final = LINE_PITCH / 20  # 28.95
TITLE_PITCH: Final = TITLE_LINE / 20  # 36
INDENT_CHAR: Final = CHAR_TWIPS / 20  # one character of indent: 16 pt (not scaled)
SMALL_CHAR: Final = float(SMALL_PT)  # one character of 4号 text: 14 pt
BODY_SCALE: Final = CHAR_SCALE / 100  # body glyphs at 98 % width
FOOTER_BOTTOM: Final = PAGE_HEIGHT_PT - FOOTER_DISTANCE / 20  # bottom of the page-number line
RULE_PT: Final = 0.5
PT_PER_MM: Final = 72 / 25.4
_EPS: Final = 0.01

# Line breaking (避头尾): no line starts with one of these …
NO_LINE_START: Final = "，。、；：？！）》〕」』”’】〉…‥·%‰℃,.;:!?)]}"
# … and none ends with one of these.
NO_LINE_END: Final = "（《〔「『“‘【〈([{"
_LATIN_RUN_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/%]*")
_RUN_IN_RE: Final = re.compile(r"^(.+?[。：:])(.+)$", re.S)

# ----------------------------------------------------------------------------------------------
# Fonts

_SERIF_CJK: Final = (
    "SimSun",
    "宋体",
    "NSimSun",
    "新宋体",
    "Songti SC",
    "STSong",
    "华文宋体",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "思源宋体",
    "Noto Serif CJK SC",
    "Noto Serif SC",
    "AR PL UMing CN",
    "AR PL SungtiL GB",
)
_SANS_CJK: Final = (
    "SimHei",
    "黑体",
    "Microsoft YaHei",
    "微软雅黑",
    "PingFang SC",
    "Heiti SC",
    "STHeiti",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "思源黑体",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)
# Other names of the same typefaces (Windows has 仿宋 / FangSong, not 仿宋_GB2312).
_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "仿宋": ("仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312", "STFangsong", "华文仿宋"),
    "楷体": ("楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312", "STKaiti", "华文楷体"),
    "黑体": ("黑体", "SimHei", "STHeiti", "Heiti SC"),
    "宋体": ("宋体", "SimSun", "NSimSun", "STSong", "华文宋体"),
    "方正小标宋": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"),
}
# Faces that look alike, tried before any Chinese serif or sans.
_SIMILAR: Final[dict[str, tuple[str, ...]]] = {
    "楷体": ("AR PL UKai CN", "AR PL UKai"),
    "方正小标宋": ("华文中宋", "STZhongsong"),
}


@dataclass(frozen=True)
class ResolvedFonts:
    """The family used for each role, and the fonts that were replaced."""

    families: dict[str, str]
    bold: frozenset[str]  # roles drawn bold (a 小标宋 title shown in a lighter substitute)
    substitutions: tuple[tuple[str, str], ...]  # (wanted, used)

    def font(self, role: str, size_pt: float) -> QFont:
        font = QFont(self.families.get(role, self.families["body"]))
        font.setPointSizeF(size_pt)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(False)
        if role in self.bold:
            font.setBold(True)
        return font


def _alias_key(name: str) -> str | None:
    for key, names in _ALIASES.items():
        if name.startswith(key) or name in names:
            return key
    return None


def _same_face(wanted: str) -> list[str]:
    """``wanted`` and the other names of that typeface."""
    key = _alias_key(wanted)
    names = [wanted, wanted.removesuffix("_GB2312"), *(_ALIASES[key] if key else ())]
    return list(dict.fromkeys(n for n in names if n))


def _candidates(wanted: str, role: str) -> list[str]:
    key = _alias_key(wanted)
    generic = _SANS_CJK if role == "heading1" or key == "黑体" else _SERIF_CJK
    names = [*_same_face(wanted), *_SIMILAR.get(key or "", ()), *generic]
    return list(dict.fromkeys(names))


def resolve_fonts(spec: FontSpec) -> ResolvedFonts:
    """Pick an installed family for each role of ``spec``: the font itself or another name of
    it, else a similar face, else a Chinese serif (a sans for 黑体), else any Chinese font.
    Every font that is not there is reported in ``substitutions`` as (wanted, used)."""
    wanted = {
        "body": spec.body,
        "heading1": spec.heading1,
        "heading2": spec.heading2,
        "title": spec.title,
        "page_number": spec.page_number,
    }
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    families: dict[str, str] = {}
    bold: set[str] = set()
    substitutions: dict[str, str] = {}
    for role, name in wanted.items():
        found = next((n for n in _candidates(name, role) if QFontDatabase.hasFamily(n)), None)
        if found is None:
            found = chinese[0] if chinese else QFont().defaultFamily()
        families[role] = found
        if found not in _same_face(name):
            substitutions[name] = found
            if (
                role == "title"
                and _alias_key(name) == "方正小标宋"
                and found not in _SIMILAR["方正小标宋"]
            ):
                bold.add(role)  # 小标宋 is a heavy face: a regular Song looks too light
    return ResolvedFonts(families, frozenset(bold), tuple(substitutions.items()))


# A 72 dpi device: font point sizes are then pixels, and metrics are in points.
@functools.cache
def _reference_device() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    dpm = round(72 / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    return image


_MEASURE_PT: Final = 100.0  # glyphs are measured at 100 pt, then scaled: no rounding to pixels


@functools.cache
def _metrics(family: str, bold: bool) -> QFontMetricsF:
    font = QFont(family)
    font.setPointSizeF(_MEASURE_PT)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    font.setBold(bold)
    return QFontMetricsF(font, _reference_device())


@functools.cache
def _advance_per_pt(family: str, bold: bool, ch: str) -> float:
    return _metrics(family, bold).horizontalAdvance(ch) / _MEASURE_PT


class _Measure:
    def __init__(self, fonts: ResolvedFonts) -> None:
        self.fonts = fonts

    def _key(self, role: str) -> tuple[str, bool]:
        return self.fonts.families.get(role, self.fonts.families["body"]), role in self.fonts.bold

    def advance(self, ch: str, role: str, size: float) -> float:
        family, bold = self._key(role)
        return _advance_per_pt(family, bold, ch) * size

    def ascent_descent(self, role: str, size: float) -> tuple[float, float]:
        family, bold = self._key(role)
        m = _metrics(family, bold)
        return m.ascent() / _MEASURE_PT * size, m.descent() / _MEASURE_PT * size


# ----------------------------------------------------------------------------------------------
# The layout


@dataclass
class LaidLine:
    """One line of a page. Positions are points from the paper's top-left corner."""

    kind: str  # head, title, blank, salutation, body, heading1, heading2, heading3,
    #            attachment, signature, date, note, copy_to, page_number
    text: str
    x: float  # left edge of the first character
    y: float  # top of the line box
    height: float  # the line box: 28.95 pt for body lines, 36 pt for the title
    baseline: float
    size: float  # font size in points
    align: str  # left | right | centre | justify
    scale: float = 1.0  # horizontal glyph scale (0.98 for 16 pt text, as in the DOCX)
    # (character, x, font role) for every character, in order
    glyphs: list[tuple[str, float, str]] = field(default_factory=list, repr=False)
    width: float = 0.0  # from x to the right edge of the last character

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass
class SealPlacement:
    image_path: str
    rect: QRectF  # points, on the page
    behind_text: bool  # an opaque image goes behind the text, a transparent one in front


@dataclass
class PageLayout:
    number: int  # 1-based
    lines: list[LaidLine]  # top to bottom, blanks included; the copy-to lines last
    page_number: LaidLine
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # (x0, x1, y)
    seal: SealPlacement | None = None

    def text_lines(self) -> list[LaidLine]:
        """The lines with text in the text area, copy-to block excluded."""
        return [ln for ln in self.lines if ln.text and ln.kind != "copy_to"]


@dataclass
class LetterLayout:
    pages: list[PageLayout]
    fonts: ResolvedFonts
    warnings: list[str] = field(default_factory=list)

    @property
    def substitutions(self) -> tuple[tuple[str, str], ...]:
        return self.fonts.substitutions


# ---- breaking a paragraph into lines


@dataclass
class _Unit:
    """Characters that stay together on a line: one CJK character, or a Latin/digit run."""

    chars: list[tuple[str, str, float]]  # (character, role, advance)

    @property
    def width(self) -> float:
        return sum(c[2] for c in self.chars)

    @property
    def first(self) -> str:
        return self.chars[0][0]

    @property
    def last(self) -> str:
        return self.chars[-1][0]


def _units(
    cells: Sequence[tuple[str, str]], measure: _Measure, size: float, scale: float, limit: float
) -> list[_Unit]:
    text = "".join(c for c, _ in cells)
    starts = {m.start(): m.end() for m in _LATIN_RUN_RE.finditer(text)}
    out: list[_Unit] = []
    i = 0
    while i < len(cells):
        end = starts.get(i, i + 1)
        chars = [(c, r, measure.advance(c, r, size) * scale) for c, r in cells[i:end]]
        unit = _Unit(chars)
        if end - i > 1 and unit.width > limit:  # a run longer than a line breaks anywhere
            out += [_Unit([ch]) for ch in chars]
        else:
            out.append(unit)
        i = end
    return out


def break_line_units(
    widths: Sequence[float],
    firsts: Sequence[str],
    lasts: Sequence[str],
    first_width: float,
    width: float,
) -> list[tuple[int, int]]:
    """Greedy line breaking: ``(start, end)`` ranges of units per line.

    ``widths`` are the units' widths, ``firsts``/``lasts`` their first and last characters,
    ``first_width`` and ``width`` the room on the first and on the other lines. When the unit
    that would start the next line is closing punctuation, the unit before it is pulled down
    with it (避头); a line does not end with opening punctuation (避尾). Only when that would
    leave a line empty does the punctuation stay at the end of the line, past the margin.
    """
    lines: list[tuple[int, int]] = []
    n = len(widths)
    i = 0
    while i < n:
        avail = first_width if not lines else width
        j, used = i, 0.0
        while j < n and used + widths[j] <= avail + _EPS:
            used += widths[j]
            j += 1
        if j == i:
            j = i + 1  # a unit wider than the line stands alone
        elif j < n:
            k = j
            while k > i + 1 and firsts[k] in NO_LINE_START:
                k -= 1
            while k > i + 1 and lasts[k - 1] in NO_LINE_END:
                k -= 1
            if firsts[k] in NO_LINE_START:
                while j < n and firsts[j] in NO_LINE_START:
                    j += 1
            else:
                j = k
        lines.append((i, j))
        i = j
    return lines


@dataclass
class _Item:
    line: LaidLine
    keep_next: bool = False  # on the same page as the next line (DOCX keepNext)


Cells = Sequence[tuple[str, str]]  # (character, font role)


def _cells(text: str, role: str = "body") -> list[tuple[str, str]]:
    return [(c, role) for c in text]


class _Builder:
    """Builds the lines of a letter top to bottom (the order of ``export_docx._body_xml``),
    then breaks them into pages."""

    def __init__(self, letter: ComposedLetter) -> None:
        self.letter = letter
        self.fonts = resolve_fonts(letter.fonts)
        self.measure = _Measure(self.fonts)
        self.items: list[_Item] = []
        self.warnings: list[str] = []
        self.seal_line: LaidLine | None = None
        self.seal_centre_x = 0.0

    # -- lines

    def _make(
        self,
        kind: str,
        glyphs: list[tuple[str, float, str]],
        end: float,
        *,
        x: float,
        size: float,
        scale: float,
        height: float,
        align: str,
    ) -> LaidLine:
        role = glyphs[0][2] if glyphs else "body"
        asc, desc = self.measure.ascent_descent(role, size)
        return LaidLine(
            kind=kind,
            text="".join(g[0] for g in glyphs),
            x=x,
            y=0.0,
            height=height,
            baseline=height / 2 + (asc - desc) / 2,  # the font's box centred in the line
            size=size,
            align=align,
            scale=scale,
            glyphs=glyphs,
            width=end - x,
        )

    def _line(
        self,
        kind: str,
        cells: Cells,
        align: str,
        *,
        left: float = TEXT_LEFT,
        right: float = TEXT_RIGHT,
        size: float = BODY_PT,
        scale: float = BODY_SCALE,
        height: float = PITCH,
    ) -> LaidLine:
        """One unbroken line between ``left`` and ``right`` (x on the page)."""
        advances = [self.measure.advance(c, r, size) * scale for c, r in cells]
        natural = sum(advances)
        x = {"right": right - natural, "centre": (left + right - natural) / 2}.get(align, left)
        glyphs, pos = [], x
        for (c, r), adv in zip(cells, advances, strict=True):
            glyphs.append((c, pos, r))
            pos += adv
        return self._make(
            kind, glyphs, pos, x=x, size=size, scale=scale, height=height, align=align
        )

    def _paragraph(
        self,
        kind: str,
        cells: Cells,
        *,
        first: float = 2 * INDENT_CHAR,
        left: float = 0.0,
        right: float = 0.0,
        size: float = BODY_PT,
        scale: float = BODY_SCALE,
        height: float = PITCH,
        justify: bool = True,
        keep_next: bool = False,
    ) -> list[_Item]:
        """A wrapped paragraph. ``first`` is the first line's indent, ``left`` the other
        lines', ``right`` the right indent, in points from the edges of the text area. Full
        lines are justified; a line break in the text (``w:br`` in the DOCX) ends a line."""
        segments: list[list[tuple[str, str]]] = [[]]
        for c, r in cells:
            if c == "\n":
                segments.append([])
            elif c != "\r":
                segments[-1].append((" " if c == "\t" else c, r))
        x_left, x_right = TEXT_LEFT + left, TEXT_RIGHT - right
        items: list[_Item] = []
        for seg_no, segment in enumerate(segments):
            start0 = TEXT_LEFT + (first if seg_no == 0 else left)
            units = _units(segment, self.measure, size, scale, x_right - x_left)
            ranges = break_line_units(
                [u.width for u in units],
                [u.first for u in units],
                [u.last for u in units],
                x_right - start0,
                x_right - x_left,
            ) or [(0, 0)]
            for line_no, (a, b) in enumerate(ranges):
                start = start0 if line_no == 0 else x_left
                line_units = units[a:b]
                natural = sum(u.width for u in line_units)
                full = justify and line_no < len(ranges) - 1
                gap = 0.0
                if full and len(line_units) > 1 and natural < x_right - start:
                    gap = (x_right - start - natural) / (len(line_units) - 1)
                glyphs, pos = [], start
                for u_no, unit in enumerate(line_units):
                    pos += gap if u_no else 0.0
                    for c, r, adv in unit.chars:
                        glyphs.append((c, pos, r))
                        pos += adv
                line = self._make(
                    kind,
                    glyphs,
                    pos,
                    x=start,
                    size=size,
                    scale=scale,
                    height=height,
                    align="justify" if full else "left",
                )
                items.append(_Item(line))
        # keepNext moves the whole paragraph along (as LibreOffice does), not just its end.
        for item in items:
            item.keep_next = keep_next
        return items

    def _add(self, *items: _Item) -> None:
        self.items.extend(items)

    def _blank(self, *, keep_next: bool = False) -> _Item:
        line = LaidLine("blank", "", TEXT_LEFT, 0.0, PITCH, PITCH * 0.75, BODY_PT, "left")
        return _Item(line, keep_next)

    # -- the letter, top to bottom

    def build(self) -> LetterLayout:
        letter = self.letter
        self._head_lines()
        title = letter.title.strip()
        if title:
            for text in split_title(title):  # keeps the line breaks the clerk typed
                self._title_line(text)
            self._add(self._blank())
        self._add(*self._paragraph("salutation", _cells(_salutation(letter.salutation)), first=0))
        paragraphs = [p for p in letter.paragraphs if p.text.strip()]
        for i, para in enumerate(paragraphs):
            kind = para.style if para.style in ("heading1", "heading2", "heading3") else "body"
            # The last paragraph keeps with the signature; a heading with what follows it.
            keep = i == len(paragraphs) - 1 or kind in ("heading1", "heading2")
            cells = self._paragraph_cells(para.text.strip(), kind)
            self._add(*self._paragraph(kind, cells, keep_next=keep))
        self._attachments()
        self._signature()
        note = _contact_note(letter.contact_note)
        if note:
            self._add(*self._paragraph("note", _cells(note)))
        pages = self._paginate()
        self._copy_to(pages)
        for page in pages:
            page.page_number = self._page_number(page.number)
        return LetterLayout(pages, self.fonts, self.warnings)

    @staticmethod
    def _paragraph_cells(text: str, kind: str) -> list[tuple[str, str]]:
        """Heading 1 and 2 in their fonts; a run-in heading ("（一）加强平台建设。近年来……")
        only up to its full stop or colon, the rest in the body font."""
        if kind not in ("heading1", "heading2"):
            return _cells(text)
        m = _RUN_IN_RE.match(text)
        if m and m.group(2).strip():
            return _cells(m.group(1), kind) + _cells(m.group(2))
        return _cells(text, kind)

    def _head_lines(self) -> None:
        """Category (heading-1 font) and document number flush right, or number left and
        "签发人：" right when there is a signer; then a blank line."""
        letter = self.letter
        head: list[LaidLine] = []
        category = (letter.category_label or "").strip()
        if category:
            head.append(self._line("head", _cells(category, "heading1"), "right"))
        number = (letter.doc_number or "").strip()
        signer = (letter.signer or "").strip()
        signer_cells = _cells("签发人：") + _cells(signer, "heading2")
        if number and signer:
            line = self._line("head", _cells(number), "left", left=TEXT_LEFT + INDENT_CHAR)
            right = self._line("head", signer_cells, "right", right=TEXT_RIGHT - INDENT_CHAR)
            line.glyphs += right.glyphs
            line.text = f"{line.text}\t{right.text}"
            line.width = right.right - line.x
            head.append(line)
        elif number:
            head.append(self._line("head", _cells(number), "right"))
        elif signer:
            head.append(self._line("head", signer_cells, "right", right=TEXT_RIGHT - INDENT_CHAR))
        if head:
            self._add(*(_Item(line) for line in head), self._blank())

    def _title_line(self, text: str) -> None:
        cells = _cells(text, "title")
        line = self._line("title", cells, "centre", size=TITLE_PT, scale=1.0, height=TITLE_PITCH)
        if line.width <= TEXT_WIDTH_PT + _EPS:
            self._add(_Item(line))
            return
        # Wider than the text area in this font (wide digits): wrap, each line centred.
        wrapped = self._paragraph(
            "title", cells, first=0, size=TITLE_PT, scale=1.0, height=TITLE_PITCH, justify=False
        )
        for item in wrapped:
            ln = item.line
            shift = (TEXT_WIDTH_PT - ln.width) / 2
            ln.x += shift
            ln.glyphs = [(c, x + shift, r) for c, x, r in ln.glyphs]
            ln.align = "centre"
            self._add(item)

    def _attachments(self) -> None:
        """附件：1.×× with later items under "1." and wrapped lines under the names."""
        names = [a.strip().rstrip("。.;；,，、 ") for a in self.letter.attachments if a.strip()]
        if not names:
            return
        self._add(self._blank(keep_next=True))
        label = text_width("附件：")
        if len(names) == 1:
            cells = _cells("附件：" + names[0])
            left = (2 + label) * INDENT_CHAR
            self._add(*self._paragraph("attachment", cells, left=left, keep_next=True))
            return
        for n, name in enumerate(names, start=1):
            left = (2 + label + text_width(f"{n}.")) * INDENT_CHAR
            first = 2 * INDENT_CHAR if n == 1 else (2 + label) * INDENT_CHAR
            cells = _cells(f"{'附件：' if n == 1 else ''}{n}.{name}")
            self._add(*self._paragraph("attachment", cells, first=first, left=left, keep_next=True))

    def _signature(self) -> None:
        """Blank lines, agency name and date at ``signature_indents``; with a seal as many
        blank lines as put its top within one line of the body."""
        letter = self.letter
        agency, date_text = letter.agency.strip(), format_date(letter.date)
        seal = letter.seal
        indents = signature_indents(agency, date_text, sealed=seal is not None)
        for _ in range(_seal_lines_above(seal.diameter_mm) if seal is not None else 1):
            self._add(self._blank(keep_next=True))
        name_right = TEXT_RIGHT - indents.name * INDENT_CHAR
        date_right = TEXT_RIGHT - indents.date * INDENT_CHAR
        name = self._line("signature", _cells(agency), "right", right=name_right)
        date = self._line("date", _cells(date_text), "right", right=date_right)
        has_note = bool(_contact_note(letter.contact_note))
        self._add(_Item(name, keep_next=True), _Item(date, keep_next=has_note))
        if seal is not None:
            self.seal_line = name
            # Centred over the date as the DOCX computes it (nominal widths).
            self.seal_centre_x = date_right - text_width(date_text) * BODY_PT * BODY_SCALE / 2

    # -- pages

    def _paginate(self) -> list[PageLayout]:
        items = self.items
        starts = [0]
        y, i = TEXT_TOP, 0
        while i < len(items):
            if y + items[i].line.height > TEXT_BOTTOM + _EPS and i > starts[-1]:
                start = i
                while start > starts[-1] and items[start - 1].keep_next:
                    start -= 1
                if start == starts[-1]:
                    start = i  # a whole page that keeps together breaks where it overflows
                starts.append(start)
                y, i = TEXT_TOP, start
                continue
            y += items[i].line.height
            i += 1
        pages = []
        for number, (a, b) in enumerate(itertools.pairwise([*starts, len(items)]), start=1):
            y = TEXT_TOP
            lines = []
            for item in items[a:b]:
                _place(item.line, y)
                y += item.line.height
                lines.append(item.line)
            page = PageLayout(number, lines, page_number=_NO_LINE)
            if self.seal_line is not None and self.seal_line in lines:
                page.seal = self._seal_placement(self.seal_line)
            pages.append(page)
        return pages

    def _seal_placement(self, name_line: LaidLine) -> SealPlacement | None:
        seal = self.letter.seal
        if seal is None:
            return None
        image = QImage(seal.image_path)
        if image.isNull():
            name = Path(seal.image_path).name
            self.warnings.append(f"无法读取印章图片“{name}”，预览中未显示印章。")
            return None
        width = seal.diameter_mm * PT_PER_MM
        height = width * image.height() / image.width()
        centre_y = name_line.y + SEAL_CENTRE_IN_NAME_LINE * PITCH
        rect = QRectF(self.seal_centre_x - width / 2, centre_y - height / 2, width, height)
        return SealPlacement(seal.image_path, rect, behind_text=not image.hasAlphaChannel())

    def _copy_to(self, pages: list[PageLayout]) -> None:
        """Disclosure and copy-to rows (4号, indented 1 character each side, 抄送 wrapped
        under the first unit) at the foot of the last page, ruled above and below; on a page
        of their own when they do not fit under the signature."""
        letter = self.letter
        rows: list[list[_Item]] = []
        disclosure = (letter.disclosure or "").strip()
        if disclosure:
            text = disclosure if disclosure.startswith("公开属性") else f"公开属性：{disclosure}"
            rows.append(self._small_row(text, left=SMALL_CHAR))
        units = [u.strip().rstrip("，,、。.；;") for u in letter.cc if u.strip()]
        if units:
            text = "抄送：" + "，".join(units) + "。"
            rows.append(self._small_row(text, left=4 * SMALL_CHAR))
        if not rows:
            return
        height = sum(item.line.height for row in rows for item in row)
        last = pages[-1]
        used = last.lines[-1].y + last.lines[-1].height if last.lines else TEXT_TOP
        if used > TEXT_BOTTOM - height + _EPS:
            last = PageLayout(len(pages) + 1, [], page_number=_NO_LINE)
            pages.append(last)
        y = TEXT_BOTTOM - height
        for row in rows:
            last.rules.append((TEXT_LEFT, TEXT_RIGHT, y))
            for item in row:
                _place(item.line, y)
                y += item.line.height
                last.lines.append(item.line)
        last.rules.append((TEXT_LEFT, TEXT_RIGHT, y))

    def _small_row(self, text: str, *, left: float) -> list[_Item]:
        return self._paragraph(
            "copy_to",
            _cells(text),
            first=SMALL_CHAR,
            left=left,
            right=SMALL_CHAR,
            size=SMALL_PT,
            scale=1.0,
        )

    def _page_number(self, number: int) -> LaidLine:
        """ "— N —", 1 character (14 pt) in from the right edge on odd pages, the left on
        even ones."""
        line = self._line(
            "page_number",
            _cells(f"— {number} —", "page_number"),
            "right" if number % 2 else "left",
            left=TEXT_LEFT + SMALL_CHAR,
            right=TEXT_RIGHT - SMALL_CHAR,
            size=SMALL_PT,
            scale=1.0,
            height=SMALL_PT,
        )
        _place(line, FOOTER_BOTTOM - SMALL_PT)
        # The exact 14 pt line is lower than the font: LibreOffice sets the digits a fifth of
        # an em above the line's bottom, which puts the dashes 7 mm under the text area.
        line.baseline = FOOTER_BOTTOM - 0.2 * SMALL_PT
        return line


_NO_LINE: Final = LaidLine("page_number", "", 0.0, 0.0, 0.0, 0.0, 0.0, "left")


def _place(line: LaidLine, y: float) -> None:
    line.baseline += y - line.y
    line.y = y


def layout_letter(letter: ComposedLetter) -> LetterLayout:
    """Lay ``letter`` out on A4 pages (see the module docstring). Needs a QGuiApplication."""
    return _Builder(letter).build()


# ----------------------------------------------------------------------------------------------
# Painting


def paint_page(
    painter: QPainter,
    layout: LetterLayout,
    index: int,
    target: QRectF | None = None,
    *,
    background: bool = False,
) -> None:
    """Paint page ``index`` of ``layout`` into ``target`` (device pixels; by default the
    paper at its true size from the device's top-left corner, for printers and PDF writers).
    ``background`` fills the paper white first (for images)."""
    page = layout.pages[index]
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else 96
    if target is None:
        target = QRectF(0, 0, PAGE_WIDTH_PT * dpi / 72, PAGE_HEIGHT_PT * dpi / 72)
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.translate(target.topLeft())
        painter.scale(target.width() / PAGE_WIDTH_PT, target.height() / PAGE_HEIGHT_PT)
        if background:
            painter.fillRect(QRectF(0, 0, PAGE_WIDTH_PT, PAGE_HEIGHT_PT), QColor("white"))
        # A font of P points is P × dpi / 72 device pixels before the painter's scaling.
        font_factor = 72 / dpi
        seal_image = QImage(page.seal.image_path) if page.seal is not None else None
        if page.seal is not None and seal_image is not None and page.seal.behind_text:
            painter.drawImage(page.seal.rect, seal_image)
        painter.setPen(QColor("black"))
        for line in [*page.lines, page.page_number]:
            _paint_line(painter, layout.fonts, line, font_factor)
        if page.rules:
            pen = QPen(QColor("black"))
            pen.setWidthF(RULE_PT)
            painter.setPen(pen)
            for x0, x1, y in page.rules:
                painter.drawLine(QPointF(x0, y), QPointF(x1, y))
        if page.seal is not None and seal_image is not None and not page.seal.behind_text:
            painter.drawImage(page.seal.rect, seal_image)
    finally:
        painter.restore()


def _paint_line(painter: QPainter, fonts: ResolvedFonts, line: LaidLine, factor: float) -> None:
    if not line.glyphs:
        return
    painter.save()
    painter.translate(0, line.baseline)
    painter.scale(line.scale, 1.0)
    current: str | None = None
    for ch, x, role in line.glyphs:
        if ch.isspace():
            continue
        if role != current:
            painter.setFont(fonts.font(role, line.size * factor))
            current = role
        painter.drawText(QPointF(x / line.scale, 0), ch)
    painter.restore()


def render_pages(
    letter: ComposedLetter | LetterLayout,
    device_size_px: QSize | tuple[int, int] | None = None,
    dpi: float = 96.0,
) -> list[QImage]:
    """One image per page: A4 at ``dpi`` (794 × 1123 px at 96 dpi), or the page fitted into
    ``device_size_px`` (centred) when given."""
    layout = letter if isinstance(letter, LetterLayout) else layout_letter(letter)
    if device_size_px is None:
        size = QSize(round(PAGE_WIDTH_PT * dpi / 72), round(PAGE_HEIGHT_PT * dpi / 72))
    elif isinstance(device_size_px, QSize):
        size = device_size_px
    else:
        size = QSize(*device_size_px)
    scale = min(size.width() / PAGE_WIDTH_PT, size.height() / PAGE_HEIGHT_PT)
    w, h = PAGE_WIDTH_PT * scale, PAGE_HEIGHT_PT * scale
    target = QRectF((size.width() - w) / 2, (size.height() - h) / 2, w, h)
    images = []
    dpm = round(dpi / 0.0254)
    for index in range(len(layout.pages)):
        image = QImage(size, QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(dpm)
        image.setDotsPerMeterY(dpm)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            paint_page(painter, layout, index, target, background=True)
        finally:
            painter.end()
        images.append(image)
    return images


def paint_letter(
    painter: QPainter,
    letter: ComposedLetter | LetterLayout,
    new_page: Callable[[], object],
    pages: Sequence[int] | None = None,
) -> int:
    """Paint the pages (0-based ``pages``, by default all) at true size on a paged device,
    calling ``new_page`` between them (``QPrinter.newPage``, ``QPdfWriter.newPage``).
    Returns the number of pages painted."""
    layout = letter if isinstance(letter, LetterLayout) else layout_letter(letter)
    wanted = list(range(len(layout.pages))) if pages is None else list(pages)
    for n, index in enumerate(wanted):
        if n:
            new_page()
        paint_page(painter, layout, index)
    return len(wanted)


def print_letter(letter: ComposedLetter | LetterLayout, printer: QPrinter) -> int:
    """Print at true size (the page range chosen in the print dialog is honoured). The
    printer is switched to full-page mode so that the margins are the letter's own. Returns
    the number of pages sent; raises ``OSError`` when the printer cannot be opened."""
    layout = letter if isinstance(letter, LetterLayout) else layout_letter(letter)
    printer.setFullPage(True)
    count = len(layout.pages)
    first, last = printer.fromPage(), printer.toPage()
    if first > 0 or last > 0:
        first = max(1, first or 1)
        last = min(count, last or count)
        pages = list(range(first - 1, last))
    else:
        pages = list(range(count))
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer could not be opened")
    try:
        return paint_letter(painter, layout, printer.newPage, pages)
    finally:
        painter.end()


def write_pdf(letter: ComposedLetter | LetterLayout, path: Path, *, title: str = "") -> Path:
    """Write the in-app rendering as a PDF (A4, no printer margins). Raises ``OSError`` when
    the file cannot be written."""
    layout = letter if isinstance(letter, LetterLayout) else layout_letter(letter)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setResolution(1200)
    writer.setCreator("ReplyDesk")
    if title:
        writer.setTitle(title)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        paint_letter(painter, layout, writer.newPage)
    finally:
        painter.end()
    return Path(path)
