"""Rows of an assignment list turned into cases, each row read or refused with its reason.

A row gives the fields its mapped columns hold; the rest come from the list as a whole
(:class:`ListContext`: the session, the year of dates written without one, the clerk's
agency and deadlines). Whether the clerk's agency is the main organizer or a co-organizer
decides the case's role (主办 / 协办·会办) and, when the list gives no deadline, the due date
(the profile's months after the assignment, or one month for a co-organizer's opinion).
Empty rows, and a header repeated on every printed page, are skipped; a row that cannot
become a case says why in plain Chinese (:attr:`ListRow.problem`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from desktop.assignment import cells
from desktop.assignment.columns import map_columns
from desktop.casework import FIELD_ZH, Case, CaseError, case_from_json

CO_DUE_MONTHS: Final = 1  # a co-organizer's opinion is due a month after the assignment

_UNIT_SPACES = re.compile(r"[\s\u3000（）()]+")


@dataclass(frozen=True)
class ListContext:
    session: str = ""
    year: int = 2026  # for dates written without a year (3月5日)
    agency: str = ""  # the clerk's agency (profile): main organizer or co-organizer?
    due_months: int = 3
    co_due_months: int = CO_DUE_MONTHS
    kind: str = ""  # 建议/提案/议案 when the list's title or header says so


@dataclass(frozen=True)
class ListRow:
    """One data row: its case, or why it has none; ``given`` are the fields the list set."""

    row: int  # the row number the clerk sees in Excel (1-based)
    case: Case | None
    problem: str = ""
    note: str = ""  # imported, but worth a look (the agency is neither organizer …)
    given: frozenset[str] = field(default_factory=frozenset)
    # What the row says of itself where it has no case (so the clerk finds it in the sheet).
    number_text: str = ""
    title_text: str = ""

    @property
    def described(self) -> str:
        return f"第{self.row}行：{self.problem or self.note}"


def _kind_word(raw: str) -> str | None:
    """建议/提案/议案 from the cell's words (代表建议, 政协提案, 议案); None when none fits."""
    for kind in ("议案", "提案", "建议"):
        if kind in raw:
            return kind
    return None


def unit_key(name: str) -> str:
    return _UNIT_SPACES.sub("", name)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def is_agency(unit: str, agency: str) -> bool:
    """Whether a list's unit names the clerk's agency: the same, one within the other
    (科技局 / 南通市科技局), or the usual abbreviation (市科技局 for 南通市科学技术局: its
    characters in order, the same last character)."""
    a, b = unit_key(unit), unit_key(agency)
    if not a or not b:
        return False
    if a == b or a in b or b in a:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and short[-1] == long[-1] and _subsequence(short, long)


def _organizer(values: dict[str, Any], context: ListContext) -> tuple[str, str]:
    """("main" | "co", a note when the agency is named in neither place)."""
    main = cells.text(values.get("main_organizer"))
    co = cells.names(values.get("co_organizers"))
    if not context.agency or not (main or co):
        return "main", ""
    if main and is_agency(main, context.agency):
        return "main", ""
    if any(is_agency(unit, context.agency) for unit in co):
        return "co", ""
    return "main", f"本单位（{context.agency}）不在主办或协办单位中，按主办导入"


class RowProblem(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _date(values: dict[str, Any], key: str, year: int) -> cells.CellDate:
    found = cells.read_date(values.get(key), year)
    if found is None:
        shown = cells.text(values.get(key))
        raise RowProblem(f"{FIELD_ZH[key]}“{shown}”不是可识别的日期")
    return found


def _required(values: dict[str, Any], key: str) -> None:
    if not cells.text(values.get(key)):
        raise RowProblem(f"缺少{FIELD_ZH[key]}")


def _case_data(values: dict[str, Any], context: ListContext) -> dict[str, Any]:
    """The row as the JSON a case is validated from (:func:`case_from_json`)."""
    data: dict[str, Any] = {
        "number": cells.number(values.get("number")),
        "title": cells.text(values.get("title")),
        "proposers": cells.text(values.get("proposers")),
        "session": cells.text(values.get("session")) or context.session,
        "serial": cells.number(values.get("serial")),
        "seconders": cells.names(values.get("seconders")),
        "delegation": cells.text(values.get("delegation")),
        "main_organizer": cells.text(values.get("main_organizer")),
        "co_organizers": cells.names(values.get("co_organizers")),
        "category": cells.text(values.get("category")),
        "content": cells.text(values.get("content")),
    }
    raw_kind = cells.text(values.get("kind"))
    kind = _kind_word(raw_kind) if raw_kind else context.kind
    if kind is None:
        raise RowProblem(f"类型“{raw_kind}”应为建议、提案或议案")
    data["kind"] = kind
    data["role"] = "委员" if kind == "提案" else "代表"
    organizer, _note = _organizer(values, context)
    data["organizer"] = organizer
    assigned = _date(values, "assigned_date", context.year).iso
    due = cells.due_from(_date(values, "due_date", context.year), assigned)
    months = context.due_months if organizer == "main" else context.co_due_months
    if due is None and assigned is not None:
        due = cells.due_from(cells.CellDate(months=months), assigned)
    data["assigned_date"], data["due_date"] = assigned, due
    return data


def _given(mapping_fields: set[str], case: Case) -> frozenset[str]:
    """The case fields this row sets (an update changes these and leaves the rest)."""
    given = {f for f in mapping_fields if f} | {"organizer", "proposer_count", "proposers_more"}
    if case.kind:
        given |= {"role", "kind"}
    if "assigned_date" in given:
        given.add("due_date")
    return frozenset(given)


def read_row(
    row_number: int, values: dict[str, Any], context: ListContext, mapping_fields: set[str]
) -> ListRow:
    try:
        for key in ("number", "title", "proposers"):
            _required(values, key)
        data = _case_data(values, context)
        case = case_from_json(data)
    except (RowProblem, CaseError) as problem:
        return ListRow(
            row_number, None, problem.message,
            number_text=cells.number(values.get("number")),
            title_text=cells.text(values.get("title")),
        )  # fmt: skip
    _organizer_role, note = _organizer(values, context)
    return ListRow(row_number, case, "", note, _given(mapping_fields, case))


def _values(row: Sequence[Any], mapping: dict[int, str]) -> dict[str, Any]:
    return {name: row[col] if col < len(row) else None for col, name in mapping.items()}


def _blank(values: dict[str, Any]) -> bool:
    return all(not cells.text(v) for v in values.values())


def read_rows(
    rows: Sequence[Sequence[Any]],
    first_data_row: int,
    mapping: dict[int, str],
    context: ListContext,
) -> list[ListRow]:
    """Every data row below the header read into a case, in sheet order; a number that
    appears twice in the list is refused the second time."""
    mapping = {col: name for col, name in mapping.items() if name}
    fields = set(mapping.values())
    result: list[ListRow] = []
    seen: dict[tuple[str, str], int] = {}
    for index in range(first_data_row, len(rows)):
        row = rows[index]
        values = _values(row, mapping)
        if _blank(values) or len(map_columns([cells.text(v) for v in row])) >= 3:
            continue  # an empty row, or the header again (printed on every page)
        read = read_row(index + 1, values, context, fields)
        if read.case is not None:
            key = (read.case.session, read.case.number)
            if key in seen:
                read = ListRow(
                    read.row, None, f"编号“{read.case.number}”与第{seen[key]}行重复，未导入",
                    number_text=read.case.number, title_text=read.case.title,
                )  # fmt: skip
            else:
                seen[key] = read.row
        result.append(read)
    return result
