"""Understanding a document: lines get roles, fields and sections are read from the roles.

The pipeline (``docs/segmentation.md``):

1. ``lines.collect``: the reader's lines become paragraphs (``Line``), each keeping the index of
   the line it came from, its original and normalized text, and a copy folded to simplified
   characters that every pattern reads;
2. ``roles.assign_roles``: every line gets a role and the name of the rule that gave it;
3. ``fields.read_fields``: the letter's fields from the roles, each with its source;
4. ``sections``: the stored paragraphs and their sections.

``parse_letter(lines)`` runs it; ``explain(lines)`` returns the lines with their roles for
``replydesk explain``. ``PARSER_VERSION`` grows whenever the rules change what a stored letter
would be read as, so letters imported earlier are read again (``desktop/reparse.py``).
"""

from __future__ import annotations

import logging
import re

from desktop.dates import find_dates
from desktop.model import Block, FieldSource, ParsedLetter
from desktop.normalize import normalize_text
from desktop.paragraph_split import cap_paragraph
from desktop.parser_version import PARSER_VERSION  # kept apart: counting needs no parser
from desktop.understand.fields import read_fields
from desktop.understand.headings import heading_level
from desktop.understand.lines import Layout, Line, collect
from desktop.understand.roles import assign_roles
from desktop.understand.sections import reference_blocks, reply_blocks
from desktop.understand.tail import date_only

log = logging.getLogger(__name__)


__all__ = ["PARSER_VERSION", "explain", "heading_level", "parse_letter"]


def explain(raw_lines: list[str]) -> tuple[list[Line], ParsedLetter]:
    """Every line with its role and rule, and the letter read from them."""
    lines = collect(list(raw_lines or []))
    layout = assign_roles(lines)
    letter = _letter(lines, layout)
    return lines, letter


def parse_letter(raw_lines: list[str]) -> ParsedLetter:
    """Parse a document's lines into a reply or a reference. Never raises."""
    source = [line for line in (raw_lines or []) if isinstance(line, str)]
    try:
        _lines, letter = explain(source)
    except Exception:  # odd input must not stop an import; keep whatever text there is
        log.exception("the parser failed; the document is kept as plain text")
        letter = _fallback(source)
    letter.source_lines = source
    return letter


def _letter(lines: list[Line], layout: Layout) -> ParsedLetter:
    letter = ParsedLetter(kind=layout.kind)
    if layout.kind == "reply":
        start = lines[layout.start] if layout.start is not None else None
        letter.sources["kind"] = FieldSource(
            start.source if start else None, start.rule if start and start.rule else "ACK"
        )
        read_fields(lines, layout, letter)
        letter.blocks = reply_blocks(lines)
        return letter
    letter.sources["kind"] = FieldSource(None, "no-salutation-or-acknowledgement")
    _reference(lines, letter)
    return letter


def _reference(lines: list[Line], letter: ParsedLetter) -> None:
    text_lines = [ln for ln in lines if ln.role not in ("furniture", "portal")]
    text_lines = _reference_title(text_lines, letter)
    if letter.title:
        _repeated_title(text_lines, letter.title)
    rest = [ln for ln in text_lines if ln.role not in ("furniture", "title")]
    for ln in rest:
        ln.rule = ln.rule or "reference-text"
    if rest:
        _date_line(rest[-1], letter)
    if letter.reply_date is None:
        _page_date(lines, letter)
    letter.blocks = reference_blocks([ln for ln in lines if ln.role not in ("title", "date")])


def _reference_title(text_lines: list[Line], letter: ParsedLetter) -> list[Line]:
    """The first text line as the title when it looks like one (reference-title), else its
    first sentence (first-sentence); the text lines left after the title line."""
    if not text_lines:
        return text_lines
    first = text_lines[0]
    if _title_like(first.text):
        first.set("title", "reference-title")
        letter.title = first.text
        letter.sources["title"] = FieldSource(first.source, "reference-title")
        return text_lines[1:]
    letter.title = _derived_title(first.text)
    letter.sources["title"] = FieldSource(first.source, "first-sentence", False)
    return text_lines


def _repeated_title(text_lines: list[Line], title: str) -> None:
    """A line repeating the title (a page prints it twice) is furniture: repeated-title."""
    key = re.sub(r"\s+", "", title)
    for ln in text_lines:
        if re.sub(r"\s+", "", ln.text.strip("《》")) == key:
            ln.set("furniture", "repeated-title")


def _date_line(last: Line, letter: ParsedLetter) -> None:
    """The last text line when it is nothing but a date: date-line."""
    iso = date_only(last.text)
    if iso:
        last.set("date", "date-line")
        letter.reply_date = iso
        letter.sources["reply_date"] = FieldSource(last.source, "date-line")


def _page_date(lines: list[Line], letter: ParsedLetter) -> None:
    """Without a date line, the first date in the page's furniture (page-date, uncertain)."""
    for ln in lines:
        if ln.role == "furniture" and len(ln.text) <= 200:
            found = find_dates(ln.text)
            if found:
                letter.reply_date = found[0][2]
                letter.sources["reply_date"] = FieldSource(ln.source, "page-date", False)
                return


def _title_like(text: str) -> bool:
    return (
        len(text) <= 50
        and not re.search(r"[。！？；!?;]", text)
        and not text.endswith(("：", ":"))
        and heading_level(text) in (0, None)
        and date_only(text) is None
    )


def _derived_title(text: str) -> str:
    """A display title for a document without a title line: its first sentence, shortened."""
    first = re.split(r"[。！？!?]", text, maxsplit=1)[0].strip()
    return first if len(first) <= 30 else first[:30] + "…"


def _fallback(lines: list[str]) -> ParsedLetter:
    letter = ParsedLetter(kind="reference")
    try:
        for raw in lines:
            for original in cap_paragraph(str(raw)):
                text = normalize_text(original)
                if text:
                    letter.blocks.append(Block(text, original, "body"))
    except Exception:
        log.exception("even the plain-text fallback failed")
    return letter
