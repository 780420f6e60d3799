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
- Category label ("A类", 黑体) flush right; the document number flush right in the letter
  format (10.1) and centred in the 版记 format (7.2.4); with a signer, number left and
  "签发人：" right on one line (7.2.4). Two blank lines, then the title (10.1; 7.3.1).
- Seal: anchored in the agency-name paragraph, horizontally centred on the date line,
  its centre a quarter line below the top of the name line (name and date sit below the
  centre); as many blank lines above the name as put the seal's top less than one line
  below the body (2 for 42–45 mm, 3 for 50 mm).
- 版记: a one-column table floated to the bottom of the text area (``w:tblpPr``), anchored
  horizontally to the page, which LibreOffice needs before it floats a table as wide as the
  text. Its rows and page come from :mod:`desktop.layout` (``letter_banji_rows``,
  ``place_banji``), shared with the in-app renderer; see docs/export.md for the two formats.
- Autospacing between Chinese and Latin text/digits is off, so that widths (and so the
  signature's indents) are predictable: "2020年5月29日" is 6.5 characters.

Only this package imports python-docx. The document is built from a small base package
(styles, fonts, settings, footers, section: ``package``) cached per font set, plus the body
(``body``, ``banji``), as WordprocessingML elements made with python-docx's ``OxmlElement``
(``elements``), because python-docx has no API for most of what GB/T 9704 needs (East Asian
fonts, exact spacing, character indents, PAGE fields, floating pictures and tables); the seal
image is checked and measured in ``seal``.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import docx

from desktop.export_docx.body import body_element
from desktop.export_docx.elements import build
from desktop.export_docx.package import (
    FooterIds,
    base_package,
    font_key,
    section_properties,
    set_properties,
)
from desktop.export_docx.seal import (
    MAX_SEAL_BYTES,
    SealError,
    check_seal_image,
    load_seal,
    read_seal_file,
)
from desktop.layout import (
    EMU_PER_MM,
    format_date,
    is_banji_format,
    plan_banji,
    signature_indents,
    split_title,
    text_width,
)
from desktop.model import ComposedLetter
from desktop.safe_write import atomic_write

__all__ = [
    "EMU_PER_MM",
    "MAX_SEAL_BYTES",
    "SealError",
    "build_docx_bytes",
    "check_seal_image",
    "format_date",
    "read_seal_file",
    "signature_indents",
    "split_title",
    "text_width",
    "write_docx",
]


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
    seal = load_seal(letter.seal) if letter.seal is not None else None
    document = docx.Document(BytesIO(base_package(font_key(letter.fonts))))
    seal_rid = None
    if seal is not None:
        seal_rid, _ = document.part.get_or_add_image(BytesIO(seal.blob))
    body = document.element.body
    base_sect_pr = body.sectPr
    footers = FooterIds.of(base_sect_pr)
    banji = plan_banji(letter)
    placement = banji[1]
    letter_format = not is_banji_format(letter.letter_format)
    # The letter format prints no page number on page 1 (GB/T 9704 10.1); a blank page before
    # the 版记 page leaves both unnumbered (7.5), so they get a section of their own.
    two_sections = placement is not None and placement.blank_pages > 0
    section_one = section_properties(footers, title_page=letter_format) if two_sections else None
    fragment = body_element(letter, banji, seal, seal_rid, section_one)
    for child in list(fragment):
        base_sect_pr.addprevious(child)
    sect_pr = build(section_properties(footers, title_page=letter_format, unnumbered=two_sections))
    base_sect_pr.addprevious(sect_pr)
    body.remove(base_sect_pr)
    set_properties(document, letter)
    out = BytesIO()
    document.save(out)
    return out.getvalue()
