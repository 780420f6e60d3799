"""The proposals' own texts, sent with the list as a folder of files, matched to its cases.

A file belongs to a case by its number in the file name (``第101号.docx``, ``101 关于….doc``,
``建议0101.pdf``), else by its title in the file name, else by the number or the title the
proposal reader finds in it (:func:`desktop.understand.proposal.read_proposal`: a head line
``市十八届人大三次会议第101号建议``, ``编号：101``, a ``关于…的建议`` title), else by a number
or title in its first lines. Each file is read by :func:`desktop.readers.read_document` (so
.docx/.doc/.pdf/.txt/.html/.rtf); the proposal's body (without its head, title and proposer
lines) becomes the case's content, or the whole text when the reader finds no body. A file
that matches no case, matches a case another file already took, or cannot be read is listed
with the reason; it never stops the import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.casework import Case
from desktop.model import ImportFailure
from desktop.readers import SUPPORTED_SUFFIXES, read_document
from desktop.soffice import AUTO, AutoDetect
from desktop.understand.proposal import ProposalFields, read_proposal

HEAD_LINES: Final = 15  # a proposal says its number and title near the top
MIN_TITLE_CHARS: Final = 6  # shorter file names are no title

_DIGITS = re.compile(r"\d+")
_NUMBER_WORD = re.compile(r"(?:第|编号|案号|建议号|提案号|议案号)\s*[:：]?\s*([A-Za-z]?\d+)")
_PUNCT = re.compile(r"[\s\W_]+")

Key = tuple[str, str]  # (session, number) of a case


@dataclass(frozen=True)
class Attached:
    file: str
    number: str
    how: str  # 文件名中的编号 / 文件名中的标题 / 正文中的编号 / 正文中的标题


@dataclass(frozen=True)
class TextMatches:
    contents: dict[Key, str]
    attached: tuple[Attached, ...] = ()
    unmatched: tuple[str, ...] = ()  # "file：why", in plain Chinese


def _number_key(number: str) -> str:
    s = unicodedata.normalize("NFKC", number).strip()
    return str(int(s)) if s.isdigit() else s.upper()


def _plain(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text))


def _years(s: str) -> set[str]:
    return {d for d in _DIGITS.findall(s) if len(d) == 4 and d.startswith(("19", "20"))}


class _Index:
    """The cases by number and by plain title."""

    def __init__(self, cases: Iterable[Case]) -> None:
        self.by_number: dict[str, Case] = {}
        self.titles: list[tuple[str, Case]] = []
        for case in cases:
            self.by_number.setdefault(_number_key(case.number), case)
            self.titles.append((_plain(case.title), case))

    def by_numbers(self, candidates: list[str]) -> Case | None:
        found = {id(c): c for n in candidates if (c := self.by_number.get(_number_key(n)))}
        return next(iter(found.values())) if len(found) == 1 else None

    def by_title(self, text: str) -> Case | None:
        plain = _plain(text)
        if len(plain) < MIN_TITLE_CHARS:
            return None
        hits = [c for t, c in self.titles if t and (t in plain or (plain in t))]
        return hits[0] if len(hits) == 1 else None


def _in_name(index: _Index, stem: str) -> tuple[Case | None, str]:
    words = [m.group(1) for m in _NUMBER_WORD.finditer(stem)]
    numbers = words or [d for d in _DIGITS.findall(stem) if d not in _years(stem)]
    case = index.by_numbers(numbers)
    if case is not None:
        return case, "文件名中的编号"
    title_part = _DIGITS.sub("", stem)
    case = index.by_title(title_part)
    return (case, "文件名中的标题") if case else (None, "")


def _in_proposal(index: _Index, fields: ProposalFields) -> tuple[Case | None, str]:
    if fields.reply:
        return None, ""
    case = index.by_numbers([fields.number]) if fields.number else None
    if case is not None:
        return case, "正文中的编号"
    case = index.by_title(fields.title) if fields.title else None
    return (case, "正文中的标题") if case else (None, "")


def _in_text(index: _Index, lines: list[str]) -> tuple[Case | None, str]:
    head = lines[:HEAD_LINES]
    numbers = [m.group(1) for line in head for m in _NUMBER_WORD.finditer(line)]
    case = index.by_numbers(numbers)
    if case is not None:
        return case, "正文中的编号"
    for line in head:
        case = index.by_title(line)
        if case is not None:
            return case, "正文中的标题"
    return None, ""


def text_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
    )


def match_texts(
    cases: Iterable[Case],
    folder: Path,
    *,
    soffice: str | AutoDetect | None = AUTO,
    on_file: Callable[[int, int], None] | None = None,
) -> TextMatches:
    """Read every proposal file in ``folder`` and give each matched case its text."""
    index = _Index(cases)
    contents: dict[Key, str] = {}
    attached: list[Attached] = []
    unmatched: list[str] = []
    files = text_files(folder)
    for done, path in enumerate(files, 1):
        if on_file is not None:
            on_file(done, len(files))
        try:
            lines = [line for line in read_document(path, soffice=soffice).lines if line.strip()]
        except ImportFailure as failure:
            unmatched.append(f"{path.name}：{failure.message}")
            continue
        fields = read_proposal(lines)
        case, how = _in_name(index, path.stem)
        if case is None:
            case, how = _in_proposal(index, fields)
        if case is None:
            case, how = _in_text(index, lines)
        if case is None:
            unmatched.append(f"{path.name}：找不到编号或标题相符的案件")
            continue
        key = (case.session, case.number)
        if key in contents:
            unmatched.append(f"{path.name}：第{case.number}号已有对应的文件，未再附加")
            continue
        contents[key] = fields.content.strip() or "\n".join(lines)
        attached.append(Attached(path.name, case.number, how))
    return TextMatches(contents, tuple(attached), tuple(unmatched))
