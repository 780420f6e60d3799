"""The entry points: :func:`check` runs every rule, :func:`apply_fixes` applies suggestions."""

from __future__ import annotations

from datetime import date as _date
from typing import TYPE_CHECKING

from desktop.dates import parse_date
from desktop.proofread.common import KINDS, Finding, Provenance
from desktop.proofread.headings import empty_sections, heading_sequence
from desktop.proofread.list_markers import list_markers
from desktop.proofread.placeholders import placeholder_findings
from desktop.proofread.salutation import foreign_addressees, salutation
from desktop.proofread.stale import stale_relative, stale_years
from desktop.proofread.typography import date_formats, doubled, punctuation, unbalanced

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

# ----------------------------------------------------------------------------------------------
# Public API


def check(
    paragraphs: list[str],
    *,
    reply_date: str | None = None,
    proposers: list[str] | None = None,
    provenance: Sequence[Provenance | None] | None = None,
    salutation_index: int | None = None,
    body_end: int | None = None,
) -> list[Finding]:
    """Every finding in ``paragraphs``, sorted by (paragraph, start).

    ``reply_date`` (any form :func:`desktop.dates.parse_date` understands; default today) sets
    the reply year for ``stale_year``. ``provenance[i]`` says paragraph ``i`` was reused from a
    library letter (None: written anew); when ``provenance`` is given, ``stale_relative`` looks
    at reused paragraphs only. ``proposers`` are the names the salutation must use.
    ``list_marker`` looks at the same paragraphs as ``stale_relative``.
    ``body_end``: paragraphs from there on are not the letter's body (a heading just before it
    heads an empty section).
    """
    if provenance is not None and len(provenance) != len(paragraphs):
        raise ValueError("provenance must have one entry per paragraph")
    reply_year = _reply_year(reply_date)
    findings: list[Finding] = []
    reused: dict[int, Provenance | None] = {}
    for i, text in enumerate(paragraphs):
        source = provenance[i] if provenance is not None else None
        findings.extend(punctuation(i, text))
        findings.extend(doubled(i, text))
        findings.extend(unbalanced(i, text))
        findings.extend(stale_years(i, text, reply_year, source))
        if provenance is None or source is not None:
            findings.extend(stale_relative(i, text, source))
            reused[i] = source
        findings.extend(placeholder_findings(i, text))
        findings.extend(date_formats(i, text))
    if proposers:
        findings.extend(salutation(paragraphs, proposers, salutation_index))
    findings.extend(foreign_addressees(paragraphs, proposers, salutation_index))
    findings.extend(heading_sequence(paragraphs))
    findings.extend(list_markers(paragraphs, reused))
    findings.extend(empty_sections(paragraphs, body_end))
    findings.sort(key=lambda f: (f.paragraph, f.start, f.end, KINDS.index(f.kind)))
    return findings


def apply_fixes(
    paragraphs: list[str], findings: Iterable[Finding]
) -> tuple[list[str], list[Finding]]:
    """Apply every finding that has a suggestion: ``(new texts, applied findings)``.

    Within a paragraph, findings are taken by start; one that overlaps an earlier taken one (or
    lies outside the paragraph) is skipped. Replacements are made right to left, so the offsets
    of the others stay valid.
    """
    texts = list(paragraphs)
    applied: list[Finding] = []
    for index, chosen in select_fixes(texts, findings).items():
        text = texts[index]
        for f in reversed(chosen):
            assert f.suggestion is not None
            text = text[: f.start] + f.suggestion + text[f.end :]
        texts[index] = text
        applied.extend(chosen)
    applied.sort(key=lambda f: (f.paragraph, f.start))
    return texts, applied


def select_fixes(texts: Sequence[str], findings: Iterable[Finding]) -> dict[int, list[Finding]]:
    by_paragraph: dict[int, list[Finding]] = {}
    for f in findings:
        if f.suggestion is None or not 0 <= f.paragraph < len(texts):
            continue
        if not 0 <= f.start <= f.end <= len(texts[f.paragraph]):
            continue
        by_paragraph.setdefault(f.paragraph, []).append(f)
    chosen: dict[int, list[Finding]] = {}
    for index, items in sorted(by_paragraph.items()):
        items.sort(key=lambda f: (f.start, f.end))
        taken: list[Finding] = []
        last_end = -1
        for f in items:
            if f.start < last_end:
                continue
            taken.append(f)
            last_end = f.end
        chosen[index] = taken
    return chosen


def _reply_year(reply_date: str | None) -> int:
    if reply_date is None:
        return _date.today().year
    iso = parse_date(reply_date)
    if iso is None:
        raise ValueError(f"无法识别答复日期：{reply_date}")
    return int(iso[:4])
