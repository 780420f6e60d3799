"""An assignment list read whole: the sheet, its header, the list's session and year, the rows.

:func:`parse_list` finds the header (:func:`desktop.assignment.columns.find_header`), reads
what the title rows above it say — the session (``市第十八届人民代表大会第三次会议``), the
year, whether the list holds 建议 or 提案 — and reads every row into a case. :func:`remap`
reads the same sheet again with the columns the clerk re-mapped in the preview.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Final

from desktop.assignment import cells
from desktop.assignment.columns import FIELDS, HEADER_SCAN_ROWS, Header, find_header
from desktop.assignment.rows import ListContext, ListRow, read_rows
from desktop.assignment.workbook import ListError, Sheet
from desktop.casework import Case

REQUIRED: Final = ("number", "title", "proposers")

_NUM = "[一二三四五六七八九十〇零0-9]+"
_SESSION = re.compile(
    rf"[\u4e00-\u9fff]{{0,14}}?第?{_NUM}届[\u4e00-\u9fff]{{0,12}}?第?{_NUM}次会议"
)
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)\s*年")


@dataclass(frozen=True)
class ListOptions:
    """What the list does not say itself: the clerk's session (else the title's), the
    agency and its deadline months (profile), today (for the year when nothing says it)."""

    session: str | None = None
    agency: str = ""
    due_months: int = 3
    co_due_months: int = 1
    today: dt.date | None = None


@dataclass(frozen=True)
class ParsedList:
    name: str  # the file's name
    sheet: Sheet
    header: Header
    mapping: dict[int, str]  # column → field, as detected or as the clerk re-mapped it
    context: ListContext
    rows: tuple[ListRow, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return self.header.labels

    @property
    def cases(self) -> list[Case]:
        return [r.case for r in self.rows if r.case is not None]

    @property
    def problems(self) -> list[ListRow]:
        return [r for r in self.rows if r.case is None]

    @property
    def missing(self) -> list[str]:
        """Required fields no column is mapped to, in the clerk's words."""
        have = set(self.mapping.values())
        return [FIELDS[f] for f in REQUIRED if f not in have]


def title_lines(sheet: Sheet, header: Header) -> list[str]:
    """The text of the rows above the header (the list's title, the office, the date)."""
    lines = []
    for row in sheet.rows[: header.row]:
        text = "".join(dict.fromkeys(cells.text(v) for v in row if cells.text(v)))
        if text:
            lines.append(text)
    return lines


def session_in(lines: list[str]) -> str:
    for line in lines:
        m = _SESSION.search(line.replace(" ", ""))
        if m:
            return re.sub(r"^.*?年", "", m.group(0)).removeprefix("关于")
    return ""


def _kind_in(lines: list[str], labels: tuple[str, ...]) -> str:
    words = "".join(lines) + "".join(labels)
    found = [k for k in ("议案", "提案", "建议") if k in words]
    return found[0] if len(found) == 1 else ""


def _year(lines: list[str], session: str, sheet: Sheet, header: Header, today: dt.date) -> int:
    """The year of dates written without one: the session's or the title's, else the most
    common year of the list's dated cells, else this year."""
    for text in (session, *lines):
        m = _YEAR.search(text)
        if m:
            return int(m.group(1))
    date_cols = [c for c, f in header.mapping.items() if f in ("assigned_date", "due_date")]
    years: Counter[int] = Counter()
    for row in sheet.rows[header.first_data_row :]:
        for col in date_cols:
            found = cells.read_date(row[col] if col < len(row) else None, 1)
            if found is not None and found.iso and not found.iso.startswith("0001"):
                years[int(found.iso[:4])] += 1
    return years.most_common(1)[0][0] if years else today.year


def parse_list(sheet: Sheet, name: str, options: ListOptions) -> ParsedList:
    """Read the sheet: its header, the list's context and every row."""
    header = find_header([list(r) for r in sheet.rows])
    if header is None:
        raise ListError(
            f"在 {name} 的前{HEADER_SCAN_ROWS}行中找不到表头：清单应有一行列名，"
            "如“序号、建议号、标题、领衔代表、主办单位、交办日期”。"
        )
    lines = title_lines(sheet, header)
    session = options.session if options.session is not None else session_in(lines)
    context = ListContext(
        session=session.strip(),
        year=_year(lines, session, sheet, header, options.today or dt.date.today()),
        agency=options.agency,
        due_months=options.due_months,
        co_due_months=options.co_due_months,
        kind=_kind_in(lines, header.labels),
    )
    rows = read_rows(sheet.rows, header.first_data_row, header.mapping, context)
    return ParsedList(name, sheet, header, dict(header.mapping), context, tuple(rows))


def remap(parsed: ParsedList, mapping: dict[int, str]) -> ParsedList:
    """The same list read with the clerk's mapping (column → field, "" for none)."""
    mapping = {col: name for col, name in mapping.items() if name}
    rows = read_rows(parsed.sheet.rows, parsed.header.first_data_row, mapping, parsed.context)
    return dataclasses.replace(parsed, mapping=mapping, rows=tuple(rows))


def with_session(parsed: ParsedList, session: str) -> ParsedList:
    """The same list filed under another session (the clerk typed it in the preview)."""
    context = dataclasses.replace(parsed.context, session=session.strip())
    rows = read_rows(parsed.sheet.rows, parsed.header.first_data_row, parsed.mapping, context)
    return dataclasses.replace(parsed, context=context, rows=tuple(rows))
