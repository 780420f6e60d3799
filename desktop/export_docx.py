"""Write a :class:`~desktop.model.ComposedLetter` as a DOCX laid out per GB/T 9704-2012.

The layout numbers come from ``shared/docs/gbt9704.md``: A4 with margins 37/35/28/26 mm, a
156 × 225 mm text area of 22 lines × 28 characters, every line an **exact** 28.95 pt; 3号
(16 pt) 仿宋 body, 2号 (22 pt) 小标宋 title, 黑体/楷体 headings, "— 1 —" page numbers in odd
(right) and even (left) footers, the seal as a floating picture at its true size, and the
copy-to block (版记) at the foot of the last page.

Decisions, each checked by rendering with LibreOffice (tests/unit/test_render_pdf.py):

- 28 characters a line: body glyphs scaled to 98 % (``w:w``), not Word's character grid and
  not ``w:spacing`` condensing — see :data:`CHAR_SCALE`. The section's ``w:docGrid`` is
  ``type="lines"`` with ``linePitch="579"``, so text a clerk adds later snaps to the 22 lines.
- Category label ("A类", 黑体) and document number flush right above the title (the
  document number's place in the letter format, GB/T 9704 10.1); with a signer, number left and
  "签发人：" right on one line (7.2.4). A blank line, then the title.
- Seal: anchored in the agency-name paragraph, horizontally centred on the date line,
  its centre a quarter line below the top of the name line (name and date sit below the
  centre); as many blank lines above the name as put the seal's top less than one line
  below the body (2 for 42–45 mm, 3 for 50 mm).
- Copy-to: a one-column table with 0.5 pt top and bottom rules, floated to the bottom of the
  text area (``w:tblpPr``); it is anchored horizontally to the page, which LibreOffice needs
  before it floats a table as wide as the text. When it does not fit under the signature it
  goes to the foot of a page of its own (版记页).
- Autospacing between Chinese and Latin text/digits is off, so that widths (and so the
  signature's indents) are predictable: "2020年5月29日" is 6.5 characters.

This is the only module that imports python-docx. The document is built from a small base
package (styles, fonts, settings, footers, section) cached per font set, plus body XML written
here, because python-docx has no API for most of what GB/T 9704 needs (East Asian fonts, exact
spacing, character indents, PAGE fields, floating pictures and tables).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import re
import struct
import unicodedata
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, Final

import docx
from docx.image.image import Image
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from desktop.model import ComposedLetter, FontSpec, LetterParagraph, SealSpec
from desktop.safe_write import atomic_write

__all__ = [
    "MAX_SEAL_BYTES",
    "SealError",
    "build_docx_bytes",
    "check_seal_image",
    "format_date",
    "signature_indents",
    "split_title",
    "text_width",
    "write_docx",
]

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
# 442 pt / 22 pt = 20 characters fit a title line; one is kept in reserve because fonts draw
# digits wider than half an em and Word spaces Chinese from digits (autoSpaceDN), so a title
# measured at exactly 20 would wrap on its own and leave a single character on line 2.
TITLE_MAX_CHARS: Final = 19.0

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

BORDER_SIZE: Final = 4  # eighths of a point: 0.5 pt lines around the copy-to block

MAX_SEAL_BYTES: Final = 5 * 1024 * 1024
MIN_SEAL_MM: Final = 20.0
MAX_SEAL_MM: Final = 80.0
# Where the seal's centre lies, measured down from the top of the agency-name line, as a
# fraction of a line: a little above the name, so that name and date sit below the centre.
SEAL_CENTRE_IN_NAME_LINE: Final = 0.25

# Characters XML 1.0 cannot hold (control characters copied from old documents, lone
# surrogates): dropped from the text.
_XML_INVALID_RE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class SealError(Exception):
    """The seal image cannot be used. ``message`` is plain Chinese for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# ----------------------------------------------------------------------------------------------
# Public API


def write_docx(letter: ComposedLetter, target: Path) -> Path:
    """Write ``letter`` to ``target`` atomically (see :func:`desktop.safe_write.atomic_write`).

    Raises :class:`SealError` (before anything is written) when the seal image is unusable,
    and :class:`~desktop.safe_write.TargetLocked` / :class:`~desktop.safe_write.WriteFailed`
    when the file cannot be written.
    """
    data = build_docx_bytes(letter)
    return atomic_write(Path(target), lambda tmp: tmp.write_bytes(data))


def build_docx_bytes(letter: ComposedLetter) -> bytes:
    """The DOCX file for ``letter``."""
    seal = _load_seal(letter.seal) if letter.seal is not None else None
    document = docx.Document(BytesIO(_base_package(_font_key(letter.fonts))))
    seal_rid = None
    if seal is not None:
        seal_rid, _ = document.part.get_or_add_image(BytesIO(seal.blob))
    body = document.element.body
    sect_pr = body.sectPr
    fragment = parse_xml(_body_xml(letter, seal, seal_rid))
    for child in list(fragment):
        sect_pr.addprevious(child)
    _set_properties(document, letter)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def check_seal_image(path: Path, diameter_mm: float = 42.0) -> None:
    """Raise :class:`SealError` unless ``path`` is a usable seal image (exists, at most
    :data:`MAX_SEAL_BYTES`, a readable PNG or JPEG) and ``diameter_mm`` a plausible size."""
    _load_seal(SealSpec(str(path), diameter_mm))


def format_date(iso: str) -> str:
    """``2020-05-29`` → ``2020年5月29日`` (Arabic numerals, no leading zeros)."""
    try:
        day = dt.date.fromisoformat(iso.strip()[:10])
    except ValueError:
        return iso.strip()
    return f"{day.year}年{day.month}月{day.day}日"


# ----------------------------------------------------------------------------------------------
# Text measuring and the title


def _char_width(ch: str) -> float:
    """Width in characters (ems): CJK and full-width 1, Latin letters and digits ½."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 0.5


def text_width(text: str) -> float:
    """Width of ``text`` in characters (CJK 1, Latin letters and digits ½)."""
    return sum(_char_width(ch) for ch in text)


_OPENERS: Final = "（《〔「『“‘【([{"
_CLOSERS: Final = "，。、；：？！）》〕」』”’】…—%)]},.;:!?"
_AFTER_NUMBER: Final = "号年月日届次个家项条件元万亿%"
_GOOD_AFTER: Final = ("》", "的", "、", "，", "会议", "关于")
_GOOD_BEFORE: Final = ("第", "《", "关于")


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".")


def _break_bonus(title: str, level: int) -> dict[int, float]:
    """Positions where a title may break (before ``title[i]``), each with a preference bonus.

    ``level`` 0 keeps 《》, 〔〕 and numbers whole; 1 may break inside 《》 and 〔〕 (a book
    title longer than a line); 2 may break anywhere but next to punctuation.
    """
    allowed: dict[int, float] = {}
    book = bracket = 0
    for i in range(1, len(title)):
        prev, nxt = title[i - 1], title[i]
        book += {"《": 1, "》": -1}.get(prev, 0)
        bracket += {"〔": 1, "〕": -1, "[": 1, "]": -1}.get(prev, 0)
        if level < 1 and (book > 0 or bracket > 0):
            continue
        if level < 2:
            if _is_ascii_alnum(prev) and _is_ascii_alnum(nxt):
                continue  # inside a number or a Latin word
            if prev.isdigit() and nxt in _AFTER_NUMBER:
                continue
            if prev == "第" and nxt.isdigit():
                continue
        if nxt in _CLOSERS or prev in _OPENERS:
            continue
        bonus = 0.0
        if title[:i].endswith(_GOOD_AFTER):
            bonus += 1.0
        if title[i:].startswith(_GOOD_BEFORE):
            bonus += 1.0
        allowed[i] = bonus
    return allowed


def split_title(title: str, max_chars: float = TITLE_MAX_CHARS) -> list[str]:
    """Break a long title into balanced lines of at most ``max_chars`` characters.

    Lines are as even as possible, the upper line at least as long as the lower one (a
    trapezoid), never broken inside 《》, 〔〕 or a number, nor before closing or after opening
    punctuation. Line breaks the clerk typed (``\\n``) are kept as they are.
    """
    title = " ".join(title.split(" ")).strip()
    if "\n" in title:
        return [line.strip() for line in title.split("\n") if line.strip()]
    total = text_width(title)
    if total <= max_chars:
        return [title]
    for level in (0, 1, 2):
        best = _best_split(title, _break_bonus(title, level), max_chars)
        if best is not None:
            return best
    # Nothing fits (a title without any break opportunity): cut at the width.
    lines, line = [], ""
    for ch in title:
        if text_width(line + ch) > max_chars:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


def _best_split(title: str, allowed: dict[int, float], max_chars: float) -> list[str] | None:
    prefix = [0.0]
    for ch in title:
        prefix.append(prefix[-1] + _char_width(ch))
    total = prefix[-1]
    positions = sorted(allowed)
    n_min = math.ceil(total / max_chars - 1e-9)
    for k in range(n_min, n_min + 3):
        best: tuple[float, tuple[int, ...]] | None = None
        for cuts in _candidate_cuts(positions, prefix, k, max_chars):
            bounds = (0, *cuts, len(title))
            widths = [prefix[b] - prefix[a] for a, b in itertools.pairwise(bounds)]
            if max(widths) > max_chars + 1e-9:
                continue
            mean = total / k
            cost = sum((w - mean) ** 2 for w in widths)
            cost += sum(100.0 for a, b in itertools.pairwise(widths) if b > a + 1e-9)
            cost -= 6.0 * sum(allowed[c] for c in cuts)  # word-boundary breaks over symmetry
            if best is None or cost < best[0]:
                best = (cost, cuts)
        if best is not None:
            bounds = (0, *best[1], len(title))
            return [title[a:b].strip() for a, b in itertools.pairwise(bounds)]
    return None


def _candidate_cuts(
    positions: list[int], prefix: list[float], k: int, max_chars: float
) -> list[tuple[int, ...]]:
    """Break combinations for ``k`` lines: all of them up to 3 lines, a greedy one beyond."""
    if k == 2:
        return [(p,) for p in positions]
    if k == 3:
        return [(p, q) for i, p in enumerate(positions) for q in positions[i + 1 :]]
    total = prefix[-1]
    cuts: list[int] = []
    for line in range(1, k):
        target = total * line / k
        later = [p for p in positions if not cuts or p > cuts[-1]]
        if not later:
            return []
        cuts.append(min(later, key=lambda p: abs(prefix[p] - target)))
    return [tuple(cuts)]


# ----------------------------------------------------------------------------------------------
# The signature block


@dataclass(frozen=True)
class SignatureIndents:
    """Right indents of the agency-name and date lines, in characters of 16 pt."""

    name: float
    date: float


def _width_pt(text: str) -> float:
    """Printed width of body text (16 pt, scaled to 98 %) in points."""
    return sum(_char_width(ch) * CHAR_PITCH_PT for ch in text)


def signature_indents(agency: str, date_text: str, *, sealed: bool) -> SignatureIndents:
    """Where the name and date lines go (GB/T 9704 7.3.5).

    With a seal: the date is right-indented 4 characters and the name is centred over it (a
    name too long for that ends at the margin, and the date moves left to stay centred under
    it). Without a seal: the name is right-indented 2 characters and the date starts
    2 characters further right than the name; when the date is longer than the name, the date
    is right-indented 2 characters and the name moves left so that it still starts
    2 characters before the date.
    """
    name_w = _width_pt(agency) / BODY_PT
    date_w = _width_pt(date_text) / BODY_PT
    if sealed:
        centre = max(4.0 + date_w / 2, name_w / 2)
        return SignatureIndents(name=centre - name_w / 2, date=centre - date_w / 2)
    if date_w > name_w:
        return SignatureIndents(name=2.0 + date_w + 2.0 - name_w, date=2.0)
    # Both right-aligned (so the date can never wrap, whatever font prints its digits): the
    # name starts 2 + name characters from the right margin, the date 2 characters less.
    return SignatureIndents(name=2.0, date=2.0 + name_w - 2.0 - date_w)


def _seal_lines_above(diameter_mm: float) -> int:
    """Blank lines between the body and the agency name, so that the seal's top edge lies
    below the body's last line and less than one line under it."""
    radius_pt = diameter_mm / 25.4 * 72 / 2
    line_pt = LINE_PITCH / 20
    above = radius_pt - SEAL_CENTRE_IN_NAME_LINE * line_pt
    return max(1, math.ceil(above / line_pt - 1e-6))


# ----------------------------------------------------------------------------------------------
# The seal image


@dataclass(frozen=True)
class _Seal:
    blob: bytes
    filename: str
    diameter_mm: float
    width_emu: int
    height_emu: int
    transparent: bool


def _load_seal(spec: SealSpec) -> _Seal:
    path = Path(spec.image_path)
    shown = path.name or str(path)
    if not (MIN_SEAL_MM <= spec.diameter_mm <= MAX_SEAL_MM):
        raise SealError(
            f"印章直径 {spec.diameter_mm:g} 毫米不合常规，应在 {MIN_SEAL_MM:g}～{MAX_SEAL_MM:g} "
            "毫米之间（常用 42、45、50 毫米），请在设置中修改。"
        )
    try:
        size = path.stat().st_size
        if size > MAX_SEAL_BYTES:
            raise SealError(
                f"印章图片“{shown}”太大（{size / 1024 / 1024:.1f} MB），"
                f"最大 {MAX_SEAL_BYTES // 1024 // 1024} MB，请换一张较小的 PNG 图片。"
            )
        blob = path.read_bytes()
    except FileNotFoundError:
        raise SealError(
            f"找不到印章图片“{path}”，可能已被移动或删除，请在设置中重新选择。"
        ) from None
    except IsADirectoryError:
        raise SealError(f"印章图片“{path}”是一个文件夹，请在设置中重新选择图片文件。") from None
    except OSError:
        raise SealError(f"无法读取印章图片“{shown}”，请确认文件没有被占用、有读取权限。") from None
    if not blob:
        raise SealError(f"印章图片“{shown}”是空文件，请在设置中重新选择。")
    if len(blob) > MAX_SEAL_BYTES:
        raise SealError(f"印章图片“{shown}”太大，请换一张较小的 PNG 图片。")
    try:
        image = Image.from_blob(blob)
    except Exception:  # python-docx raises several kinds for unreadable headers
        raise SealError(
            f"印章图片“{shown}”不是可用的 PNG 或 JPEG 图片（可能已损坏），请换一张图片。"
        ) from None
    if image.content_type == CT.PNG:
        transparent = _png_check(blob)
    elif image.content_type == CT.JPEG:
        _jpeg_check(blob)
        transparent = False
    else:
        raise SealError(
            f"印章图片“{shown}”是 {image.ext.upper()} 格式，请使用透明背景的 PNG 图片（或 JPEG）。"
        )
    if transparent is None:
        raise SealError(f"印章图片“{shown}”已损坏（PNG 数据不完整），请换一张图片。")
    if image.px_width <= 0 or image.px_height <= 0:
        raise SealError(f"印章图片“{shown}”尺寸不对，请换一张图片。")
    width = round(spec.diameter_mm * EMU_PER_MM)
    height = round(width * image.px_height / image.px_width)
    return _Seal(
        blob=blob,
        filename=f"seal.{image.ext}",
        diameter_mm=spec.diameter_mm,
        width_emu=width,
        height_emu=height,
        transparent=transparent,
    )


def _png_check(blob: bytes) -> bool | None:
    """Walk the PNG chunks (CRCs checked): ``None`` if damaged, else whether it has alpha."""
    pos, alpha, seen_end, seen_data = 8, False, False, False
    while pos + 12 <= len(blob):
        (length,) = struct.unpack(">I", blob[pos : pos + 4])
        kind = blob[pos + 4 : pos + 8]
        data_end = pos + 8 + length
        if data_end + 4 > len(blob):
            return None
        (crc,) = struct.unpack(">I", blob[data_end : data_end + 4])
        if zlib.crc32(blob[pos + 4 : data_end]) != crc:
            return None
        if kind == b"IHDR" and length >= 10:
            alpha = blob[pos + 8 + 9] in (4, 6)
        elif kind == b"tRNS":
            alpha = True
        elif kind == b"IDAT":
            seen_data = True
        elif kind == b"IEND":
            seen_end = True
            break
        pos = data_end + 4
    if not (seen_end and seen_data):
        return None
    return alpha


def _jpeg_check(blob: bytes) -> None:
    if not blob.startswith(b"\xff\xd8") or b"\xff\xd9" not in blob[-1024:]:
        raise SealError("印章图片（JPEG）已损坏或不完整，请换一张图片。")


# ----------------------------------------------------------------------------------------------
# XML helpers


def _esc(text: str) -> str:
    text = _XML_INVALID_RE.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _esc(text).replace('"', "&quot;")


def _fonts(name: str, *, hint: str | None = None) -> str:
    n = _attr(name)
    extra = f' w:hint="{hint}"' if hint else ""
    return f'<w:rFonts w:ascii="{n}" w:hAnsi="{n}" w:eastAsia="{n}" w:cs="{n}"{extra}/>'


def _rpr(
    *,
    font: str | None = None,
    bold: bool = False,
    size_pt: float | None = None,
    hint: str | None = None,
) -> str:
    parts = []
    if font is not None:
        parts.append(_fonts(font, hint=hint))
    elif hint:
        parts.append(f'<w:rFonts w:hint="{hint}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if size_pt is not None:
        half = round(size_pt * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _runs(text: str, rpr: str = "") -> str:
    out = []
    for piece in re.split(r"(\t|\r\n|\n|\r)", text):
        if piece == "\t":
            out.append(f"<w:r>{rpr}<w:tab/></w:r>")
        elif piece in ("\n", "\r\n", "\r"):
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        elif piece:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(piece)}</w:t></w:r>')
    return "".join(out)


def _ind(
    *,
    first: float | None = None,
    left: float | None = None,
    right: float | None = None,
    hanging: float | None = None,
    char_twips: int = CHAR_TWIPS,
) -> str:
    """``w:ind`` in characters (hundredths, what Word and WPS use) with a twips fallback."""
    attrs = []
    if left is not None:
        attrs.append(f'w:leftChars="{round(left * 100)}" w:left="{round(left * char_twips)}"')
    if right is not None:
        attrs.append(f'w:rightChars="{round(right * 100)}" w:right="{round(right * char_twips)}"')
    if hanging is not None:
        attrs.append(
            f'w:firstLineChars="0" w:hangingChars="{round(hanging * 100)}" '
            f'w:hanging="{round(hanging * char_twips)}"'
        )
    elif first is not None:
        attrs.append(
            f'w:firstLineChars="{round(first * 100)}" w:firstLine="{round(first * char_twips)}"'
        )
    return f"<w:ind {' '.join(attrs)}/>" if attrs else ""


def _ppr(
    *,
    style: str | None = None,
    keep_next: bool = False,
    borders: str = "",
    tabs: str = "",
    ind: str = "",
    jc: str | None = None,
) -> str:
    # Schema order of CT_PPrBase: pStyle, keepNext, …, pBdr, shd, tabs, …, spacing, ind, …, jc.
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        parts.append("<w:keepNext/>")
    parts.append(borders)
    parts.append(tabs)
    parts.append(ind)
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    inner = "".join(parts)
    return f"<w:pPr>{inner}</w:pPr>" if inner else ""


def _p(ppr: str = "", runs: str = "") -> str:
    return f"<w:p>{ppr}{runs}</w:p>"


# ----------------------------------------------------------------------------------------------
# The body


def _body_xml(letter: ComposedLetter, seal: _Seal | None, seal_rid: str | None) -> str:
    fonts = letter.fonts
    out: list[str] = []
    out += _head_lines(letter)
    title_lines = split_title(letter.title) if letter.title.strip() else []
    if title_lines:
        out.append(_p(_ppr(style="Title"), _runs("\n".join(title_lines))))
        out.append(_p())  # one blank line after the title
    out.append(_p(_ppr(style="Salutation"), _runs(_salutation(letter.salutation))))

    paragraphs = [p for p in letter.paragraphs if p.text.strip()]
    for i, para in enumerate(paragraphs):
        # The last body line keeps company with the signature (no signature page without text).
        out.append(_body_paragraph(para, fonts, keep_next=i == len(paragraphs) - 1))

    attachments = [a for a in (x.strip() for x in letter.attachments) if a]
    if attachments:
        out.append(_p(_ppr(keep_next=True)))
        out += _attachment_lines(attachments)

    date_text = format_date(letter.date)
    agency = letter.agency.strip()
    note = _contact_note(letter.contact_note)
    if seal is not None and seal_rid is not None:
        out += _sealed_signature(agency, date_text, seal, seal_rid, has_note=bool(note))
    else:
        out += _plain_signature(agency, date_text, has_note=bool(note))
    if note:
        out.append(_p(_ppr(style="Note"), _runs(note)))

    out += _copy_to_block(letter)
    return f"<w:body {nsdecls('w', 'r', 'wp', 'a', 'pic')}>{''.join(out)}</w:body>"


def _head_lines(letter: ComposedLetter) -> list[str]:
    """Category (top right), document number (right) and signer, then a blank line."""
    fonts = letter.fonts
    out = []
    if letter.category_label and letter.category_label.strip():
        out.append(
            _p(
                _ppr(style="HeadLine", jc="right"),
                _runs(letter.category_label.strip(), _rpr(font=fonts.heading1)),
            )
        )
    doc_number = (letter.doc_number or "").strip()
    signer = (letter.signer or "").strip()
    if doc_number and signer:
        # GB/T 9704 7.2.4: number left-indented 1 character, signer right-indented 1 character.
        tab = f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH - CHAR_TWIPS}"/></w:tabs>'
        runs = (
            _runs(doc_number)
            + "<w:r><w:tab/></w:r>"
            + _runs("签发人：")
            + _runs(signer, _rpr(font=fonts.heading2))
        )
        out.append(_p(_ppr(style="HeadLine", tabs=tab, ind=_ind(left=1, first=0)), runs))
    elif doc_number:
        out.append(_p(_ppr(style="HeadLine", jc="right"), _runs(doc_number)))
    elif signer:
        runs = _runs("签发人：") + _runs(signer, _rpr(font=fonts.heading2))
        out.append(_p(_ppr(style="HeadLine", ind=_ind(right=1, first=0), jc="right"), runs))
    if out:
        out.append(_p())
    return out


def _salutation(text: str) -> str:
    text = text.strip()
    if text.endswith(":"):
        text = text[:-1]
    if not text.endswith("："):
        text += "："
    return text


_HEADING_STYLES: Final = {"heading1": "Heading1", "heading2": "Heading2", "heading3": "Heading3"}
_RUN_IN_RE: Final = re.compile(r"^(.+?[。：:])(.+)$", re.S)


def _body_paragraph(para: LetterParagraph, fonts: FontSpec, *, keep_next: bool) -> str:
    text = para.text.strip()
    style = _HEADING_STYLES.get(para.style)
    ppr = _ppr(style=style, keep_next=keep_next)
    if style is None:
        return _p(ppr, _runs(text))
    # A run-in heading — "（一）加强平台建设。近年来……" — takes the heading font for the
    # heading only; the text after it is body text.
    m = _RUN_IN_RE.match(text)
    if m and m.group(2).strip() and style != "Heading3":
        heading, rest = m.group(1), m.group(2)
        return _p(ppr, _runs(heading) + _runs(rest, _rpr(font=fonts.body)))
    return _p(ppr, _runs(text))


def _number_width(n: int) -> float:
    return text_width(f"{n}.")


def _attachment_lines(attachments: list[str]) -> list[str]:
    """The attachment note: 附件：1.××, further items aligned under "1.", wrapped lines under
    the names (GB/T 9704 7.3.3); a single attachment is not numbered."""
    out = []
    names = [a.rstrip("。.;；,，、 ") for a in attachments]
    label = 3.0  # "附件："
    if len(names) == 1:
        ind = _ind(left=2 + label, hanging=label)
        out.append(_p(_ppr(keep_next=True, ind=ind), _runs("附件：" + names[0])))
        return out
    for n, name in enumerate(names, start=1):
        number = _number_width(n)
        hanging = number + (label if n == 1 else 0.0)
        ind = _ind(left=2 + label + number, hanging=hanging)
        prefix = "附件：" if n == 1 else ""
        out.append(_p(_ppr(keep_next=True, ind=ind), _runs(f"{prefix}{n}.{name}")))
    return out


def _sealed_signature(
    agency: str, date_text: str, seal: _Seal, rid: str, *, has_note: bool
) -> list[str]:
    indents = signature_indents(agency, date_text, sealed=True)
    out = [_p(_ppr(keep_next=True)) for _ in range(_seal_lines_above(seal.diameter_mm))]
    # The seal's centre: horizontally over the centre of the date line, vertically a little
    # above the middle of the agency-name line (the anchor paragraph).
    text_width_pt = TEXT_WIDTH / 20
    date_centre_pt = text_width_pt - indents.date * BODY_PT - _width_pt(date_text) / 2
    left_emu = round(date_centre_pt * EMU_PER_PT - seal.width_emu / 2)
    centre_pt = SEAL_CENTRE_IN_NAME_LINE * LINE_PITCH / 20
    top_emu = round(centre_pt * EMU_PER_PT - seal.height_emu / 2)
    anchor = _seal_anchor(seal, rid, left_emu, top_emu)
    name_ppr = _ppr(
        style="Signature", keep_next=True, ind=_ind(right=indents.name, first=0), jc="right"
    )
    out.append(_p(name_ppr, anchor + _runs(agency)))
    date_ppr = _ppr(
        style="Date", keep_next=has_note, ind=_ind(right=indents.date, first=0), jc="right"
    )
    out.append(_p(date_ppr, _runs(date_text)))
    return out


def _plain_signature(agency: str, date_text: str, *, has_note: bool) -> list[str]:
    indents = signature_indents(agency, date_text, sealed=False)
    out = [_p(_ppr(keep_next=True))]
    name_ppr = _ppr(
        style="Signature", keep_next=True, ind=_ind(right=indents.name, first=0), jc="right"
    )
    out.append(_p(name_ppr, _runs(agency)))
    date_ppr = _ppr(
        style="Date", keep_next=has_note, ind=_ind(right=indents.date, first=0), jc="right"
    )
    out.append(_p(date_ppr, _runs(date_text)))
    return out


def _contact_note(note: str | None) -> str:
    note = (note or "").strip()
    if not note:
        return ""
    if note.startswith("(") and note.endswith(")"):
        note = f"（{note[1:-1]}）"
    if not (note.startswith("（") and note.endswith("）")):
        note = f"（{note}）"
    return note


def _seal_anchor(seal: _Seal, rid: str, left_emu: int, top_emu: int) -> str:
    """A floating picture (``wp:anchor``) at true size, positioned against its paragraph.

    A transparent PNG lies in front of the text like a pressed seal; an opaque image goes
    behind the text so that it cannot hide the name and date.
    """
    behind = "0" if seal.transparent else "1"
    cx, cy = seal.width_emu, seal.height_emu
    return (
        "<w:r><w:rPr><w:noProof/></w:rPr><w:drawing>"
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="251659264" behindDoc="{behind}" locked="1" layoutInCell="1" '
        f'allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{left_emu}</wp:posOffset>'
        "</wp:positionH>"
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{top_emu}</wp:posOffset>'
        "</wp:positionV>"
        f'<wp:extent cx="{cx}" cy="{cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        "<wp:wrapNone/>"
        '<wp:docPr id="1" name="印章" descr="印章"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        "<a:graphic>"
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        "<pic:pic>"
        f'<pic:nvPicPr><pic:cNvPr id="0" name="{seal.filename}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        "</pic:blipFill>"
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></w:r>"
    )


def _copy_to_block(letter: ComposedLetter) -> list[str]:
    """Disclosure and copy-to lines (版记) in a one-column table floated to the page foot.

    A table (rather than paragraph borders) keeps the rules the full width of the text area
    while the text is indented one character each side; floating it to the bottom margin
    puts it at the foot of whatever page it falls on — the last one.
    """
    rows = []
    disclosure = (letter.disclosure or "").strip()
    if disclosure:
        text = disclosure if disclosure.startswith("公开属性") else f"公开属性：{disclosure}"
        rows.append(
            _p(
                _ppr(style="CopyTo", ind=_ind(left=1, right=1, first=0, char_twips=280)),
                _runs(text),
            )
        )
    units = [u.strip().rstrip("，,、。.；;") for u in letter.cc if u.strip()]
    if units:
        text = "抄送：" + "，".join(units) + "。"
        ind = _ind(left=4, right=1, hanging=3, char_twips=280)
        rows.append(_p(_ppr(style="CopyTo", ind=ind), _runs(text)))
    if not rows:
        return []
    line = f'w:val="single" w:sz="{BORDER_SIZE}" w:space="0" w:color="000000"'
    cells = []
    for row in rows:
        borders = f"<w:tcBorders><w:top {line}/><w:bottom {line}/></w:tcBorders>"
        cells.append(
            f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{TEXT_WIDTH}" w:type="dxa"/>{borders}</w:tcPr>'
            f"{row}</w:tc></w:tr>"
        )
    table = (
        "<w:tbl><w:tblPr>"
        '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" '
        'w:bottomFromText="0" w:vertAnchor="margin" w:horzAnchor="page" '
        f'w:tblpX="{MARGIN_LEFT}" w:tblpYSpec="bottom"/>'
        '<w:tblOverlap w:val="never"/>'
        f'<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        "</w:tblPr>"
        f'<w:tblGrid><w:gridCol w:w="{TEXT_WIDTH}"/></w:tblGrid>'
        f"{''.join(cells)}</w:tbl>"
    )
    # A table must be followed by a paragraph; this one is a hairline so that it never
    # needs a page of its own.
    return [table, _p(_ppr(style="EndMark"))]


# ----------------------------------------------------------------------------------------------
# Document properties


def _set_properties(document: Any, letter: ComposedLetter) -> None:
    props = document.core_properties
    author = (letter.author or letter.agency or "").strip()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = letter.title.replace("\n", "")
    props.author = author
    props.last_modified_by = author
    props.language = "zh-CN"
    props.created = now
    props.modified = now
    props.revision = 1


# ----------------------------------------------------------------------------------------------
# The base package: styles, fonts, settings, footers, section — cached per font set


# Parts of python-docx's template that a letter does not need (the theme stays: Word wants it).
_DROPPED_RELS: Final = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.CUSTOM_XML,
    RT.NUMBERING,
    RT.FONT_TABLE,
)


def _font_key(fonts: FontSpec) -> tuple[str, str, str, str, str]:
    return (fonts.title, fonts.body, fonts.heading1, fonts.heading2, fonts.page_number)


@functools.lru_cache(maxsize=8)
def _base_package(key: tuple[str, str, str, str, str]) -> bytes:
    fonts = FontSpec(*key)
    document = docx.Document(BytesIO(_default_template()))
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in _DROPPED_RELS:
            del part.rels[rid]
    font_table = XmlPart(
        PackURI("/word/fontTable.xml"),
        CT.WML_FONT_TABLE,
        parse_xml(_font_table_xml(fonts)),
        package,
    )
    part.relate_to(font_table, RT.FONT_TABLE)

    styles = document.styles.element
    for child in list(styles):
        styles.remove(child)
    for child in parse_xml(_styles_xml(fonts)):
        styles.append(child)

    settings = document.settings
    settings.odd_and_even_pages_header_footer = True
    settings_el = settings.element
    for lang in settings_el.findall(qn("w:themeFontLang")):
        lang.set(qn("w:eastAsia"), "zh-CN")
    for rsids in settings_el.findall(qn("w:rsids")):
        settings_el.remove(rsids)

    odd_part, odd_rid = part.add_footer_part()
    even_part, even_rid = part.add_footer_part()
    _fill_footer(odd_part.element, odd=True)
    _fill_footer(even_part.element, odd=False)

    body = document.element.body
    body.clear_content()
    body.remove(body.sectPr)
    body.append(parse_xml(_sect_pr_xml(odd_rid, even_rid)))

    document.core_properties.comments = ""
    document.core_properties.author = ""
    out = BytesIO()
    document.save(out)
    return out.getvalue()


@functools.lru_cache(maxsize=1)
def _default_template() -> bytes:
    path = Path(docx.__file__).parent / "templates" / "default.docx"
    return path.read_bytes()


def _fill_footer(ftr: Any, *, odd: bool) -> None:
    for child in list(ftr):
        ftr.remove(child)
    ind = _ind(right=1, first=0, char_twips=280) if odd else _ind(left=1, first=0, char_twips=280)
    ppr = _ppr(style="Footer", ind=ind, jc="right" if odd else "left")
    dash = _rpr(hint="eastAsia")
    runs = (
        f'<w:r>{dash}<w:t xml:space="preserve">— </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r>{dash}<w:t xml:space="preserve"> —</w:t></w:r>'
    )
    ftr.append(parse_xml(f"<w:p {nsdecls('w')}>{ppr}{runs}</w:p>"))


def _sect_pr_xml(odd_rid: str, even_rid: str) -> str:
    return (
        f"<w:sectPr {nsdecls('w', 'r')}>"
        f'<w:footerReference w:type="default" r:id="{odd_rid}"/>'
        f'<w:footerReference w:type="even" r:id="{even_rid}"/>'
        f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_LEFT}" w:header="{HEADER_DISTANCE}" w:footer="{FOOTER_DISTANCE}" '
        'w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/>'
        "</w:sectPr>"
    )


def _font_table_xml(fonts: FontSpec) -> str:
    """Each font with the GB2312 character set, so Word substitutes a Chinese font when one is
    missing, and with the common Windows name as ``altName`` (仿宋_GB2312 → 仿宋)."""
    names = dict.fromkeys(
        [fonts.body, fonts.title, fonts.heading1, fonts.heading2, fonts.page_number]
    )
    entries = []
    for name in names:
        alt = name.removesuffix("_GB2312")
        if name.startswith("方正小标宋"):
            alt = "宋体"
        alt_xml = f'<w:altName w:val="{_attr(alt)}"/>' if alt != name else ""
        entries.append(
            f'<w:font w:name="{_attr(name)}">{alt_xml}<w:charset w:val="86"/>'
            '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
    return f"<w:fonts {nsdecls('w')}>{''.join(entries)}</w:fonts>"


def _style(
    kind: str,
    style_id: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    *,
    based_on: str | None = "Normal",
    next_id: str | None = None,
    extra: str = "",
    default: bool = False,
) -> str:
    parts = [f'<w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_id:
        parts.append(f'<w:next w:val="{next_id}"/>')
    parts.append(extra or "<w:qFormat/>")
    parts.append(ppr)
    parts.append(rpr)
    default_attr = ' w:default="1"' if default else ""
    return (
        f'<w:style w:type="{kind}"{default_attr} w:styleId="{style_id}">{"".join(parts)}</w:style>'
    )


def _exact(line: int) -> str:
    return f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'


def _styles_xml(fonts: FontSpec) -> str:
    """Document defaults and styles. Every font is named explicitly for Latin *and* East Asian
    text (``w:eastAsia``): no theme fonts, which in python-docx's template mean MS Mincho."""
    body_rpr_base = (
        f"{_fonts(fonts.body)}"
        '<w:color w:val="000000"/>'
        f'<w:sz w:val="{BODY_PT * 2}"/><w:szCs w:val="{BODY_PT * 2}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
    )
    doc_defaults = (
        "<w:docDefaults>"
        f"<w:rPrDefault><w:rPr>{body_rpr_base}</w:rPr></w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{_exact(LINE_PITCH)}</w:pPr></w:pPrDefault>"
        "</w:docDefaults>"
    )
    no_indent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
    normal = _style(
        "paragraph",
        "Normal",
        "Normal",
        '<w:pPr><w:widowControl w:val="0"/>'
        '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
        f"{_exact(LINE_PITCH)}"
        f'<w:ind w:firstLineChars="200" w:firstLine="{2 * CHAR_TWIPS}"/>'
        '<w:jc w:val="both"/></w:pPr>',
        f'<w:rPr>{_fonts(fonts.body)}<w:color w:val="000000"/>'
        f'<w:w w:val="{CHAR_SCALE}"/>'
        f'<w:sz w:val="{BODY_PT * 2}"/><w:szCs w:val="{BODY_PT * 2}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>',
        based_on=None,
        default=True,
    )

    def unsnapped(
        size: float, font: str, line: int, jc: str, ind: str = no_indent
    ) -> tuple[str, str]:
        # Larger or smaller text keeps its natural width (no scaling, no grid snapping).
        ppr = f'<w:pPr><w:snapToGrid w:val="0"/>{_exact(line)}{ind}<w:jc w:val="{jc}"/></w:pPr>'
        rpr = (
            f'<w:rPr>{_fonts(font)}<w:snapToGrid w:val="0"/><w:w w:val="100"/>'
            f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/></w:rPr>'
        )
        return ppr, rpr

    title_ppr, title_rpr = unsnapped(TITLE_PT, fonts.title, TITLE_LINE, "center")
    footer_ppr, footer_rpr = unsnapped(SMALL_PT, fonts.page_number, FOOTER_LINE, "right")
    copy_ppr, copy_rpr = unsnapped(SMALL_PT, fonts.body, LINE_PITCH, "both")
    styles = [
        _style(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            based_on=None,
            extra='<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
            default=True,
        ),
        _style(
            "table",
            "TableNormal",
            "Normal Table",
            based_on=None,
            extra='<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
            '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
            '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>",
            default=True,
        ),
        _style(
            "numbering",
            "NoList",
            "No List",
            based_on=None,
            extra='<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>',
            default=True,
        ),
        _style("paragraph", "Title", "Title", title_ppr, title_rpr, next_id="Normal"),
        _style(
            "paragraph",
            "HeadLine",
            "Head Line",
            f'<w:pPr>{no_indent}<w:jc w:val="right"/></w:pPr>',
            next_id="Normal",
        ),
        _style(
            "paragraph",
            "Salutation",
            "Salutation",
            f'<w:pPr>{no_indent}<w:jc w:val="left"/></w:pPr>',
            next_id="Normal",
        ),
        _style(
            "paragraph",
            "Heading1",
            "heading 1",
            '<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr>',
            f"<w:rPr>{_fonts(fonts.heading1)}</w:rPr>",
            next_id="Normal",
        ),
        _style(
            "paragraph",
            "Heading2",
            "heading 2",
            '<w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr>',
            f"<w:rPr>{_fonts(fonts.heading2)}</w:rPr>",
            next_id="Normal",
        ),
        _style(
            "paragraph",
            "Heading3",
            "heading 3",
            '<w:pPr><w:outlineLvl w:val="2"/></w:pPr>',
            f"<w:rPr>{_fonts(fonts.body)}</w:rPr>",
            next_id="Normal",
        ),
        _style(
            "paragraph",
            "Signature",
            "Signature",
            f'<w:pPr>{no_indent}<w:jc w:val="right"/></w:pPr>',
        ),
        _style("paragraph", "Date", "Date", f'<w:pPr>{no_indent}<w:jc w:val="right"/></w:pPr>'),
        _style("paragraph", "Note", "Contact Note", '<w:pPr><w:jc w:val="left"/></w:pPr>'),
        _style("paragraph", "Footer", "footer", footer_ppr, footer_rpr),
        _style("paragraph", "CopyTo", "Copy To", copy_ppr, copy_rpr),
        _style(
            "paragraph",
            "EndMark",
            "End Mark",
            '<w:pPr><w:snapToGrid w:val="0"/>'
            '<w:spacing w:before="0" w:after="0" w:line="10" w:lineRule="exact"/>'
            f"{no_indent}</w:pPr>",
            '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>',
        ),
    ]
    return f"<w:styles {nsdecls('w')}>{doc_defaults}{normal}{''.join(styles)}</w:styles>"
