"""What every rule shares: the ``Finding`` and ``Provenance`` values, the rule names (``KINDS``) and
span and numeral helpers."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from desktop.cjk import IDEOGRAPHS
from desktop.urls import url_spans

if TYPE_CHECKING:
    from collections.abc import Iterable


KINDS: Final = (
    "halfwidth_punct",
    "doc_number_bracket",
    "doubled",
    "unbalanced",
    "stale_year",
    "stale_relative",
    "salutation_mismatch",
    "heading_sequence",
    "placeholder",
    "date_format",
    "empty_section",
    "contact_missing",
    "list_marker",
    "reuse_place",
    "reuse_name",
    "reuse_proposal",
)


@dataclass
class Finding:
    """One problem: ``[start, end)`` of paragraph ``paragraph`` (0-based, in the checked list).

    ``suggestion`` is the replacement for that span when the fix is mechanical, else None.
    """

    kind: str
    message: str
    paragraph: int
    start: int
    end: int
    suggestion: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message": self.message,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
        }


@dataclass
class Provenance:
    """Where a reused paragraph came from: the library letter, its year and title."""

    letter_id: int
    year: int | None
    title: str | None


# ----------------------------------------------------------------------------------------------
# Shared helpers

_TITLE_RE: Final = re.compile(r"《[^《》\n]{0,200}》")
# The parentheses right after a title: 《……法》（2015年修订）, 《……》(国办发〔2015〕9号).
_AFTER_TITLE_RE: Final = re.compile(r"(?<=》)\s*[（(][^（）()\n]{1,40}[）)]")
# A document number in any brackets: 通政发〔2015〕37号, 国办发[2015]9号.
_DOC_NUMBER_RE: Final = re.compile(
    rf"[{IDEOGRAPHS}]{{1,12}}[〔\[【（(]\s*(?:19|20)\d{{2}}\s*[〕\]】）)]\s*第?\s*\d{{1,5}}\s*号"
)


class Spans:
    """A set of character spans, asked in O(log n) whether it covers or touches a range."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, end - 1) - 1
        return k >= 0 and self.ends[k] > start

    def covers(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start) - 1
        return k >= 0 and self.ends[k] >= end


def url_cover(text: str) -> Spans:
    """Where the URLs of ``text`` are (:func:`desktop.urls.url_spans`)."""
    return Spans(url_spans(text))


def protected_spans(text: str) -> Spans:
    """Spans whose years and figures are citations, not facts: titles, document numbers, URLs."""
    cited = (
        m.span()
        for regex in (_TITLE_RE, _AFTER_TITLE_RE, _DOC_NUMBER_RE)
        for m in regex.finditer(text)
    )
    return Spans([*cited, *url_spans(text)])


def quote(text: str) -> str:
    return f"“{text}”"


def source_note(provenance: Provenance | None) -> str:
    """``；此段来自2017年的答复《……》（编号 3）`` or ``""``."""
    if provenance is None:
        return ""
    year = f"{provenance.year}年的" if provenance.year else ""
    title = (provenance.title or "").strip()
    if title and not title.startswith("《"):
        title = f"《{title}》"
    if not year and not title:
        return f"；此段来自编号 {provenance.letter_id} 的答复"
    return f"；此段来自{year}答复{title}（编号 {provenance.letter_id}）"
