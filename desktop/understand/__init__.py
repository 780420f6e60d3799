"""Understanding a document: lines get roles, fields and sections are read from the roles.

``parse_letter(lines)`` is the entry point; ``PARSER_VERSION`` grows whenever the rules change
what a stored letter would be read as, so letters imported earlier are read again
(``desktop/reparse.py``). ``docs/segmentation.md`` describes the pipeline.
"""

from __future__ import annotations

from desktop.letter_parser import parse_letter as _parse_letter
from desktop.model import ParsedLetter

# 1: the rule-by-rule parser of issues 1–9. 2: the role pipeline of issue 10.
PARSER_VERSION = 1

__all__ = ["PARSER_VERSION", "parse_letter"]


def parse_letter(lines: list[str]) -> ParsedLetter:
    """Parse a document's lines into a reply or a reference. Never raises."""
    letter = _parse_letter(lines)
    letter.source_lines = [line for line in (lines or []) if isinstance(line, str)]
    return letter
