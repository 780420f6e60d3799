"""Cell values of an assignment list as case values: text, numbers, names, dates.

A spreadsheet hands over what the office typed: a number stored as text (" 0101"), a float
(101.0), a date as a real date, as an Excel serial (46086 = 2026-03-05, sometimes stored as
text), or as text in any of the forms clerks write — ``2026.3.5``, ``2026-03-05``,
``2026/3/5``, ``2026年3月5日``, ``二〇二六年三月五日``, ``20260305`` — or without its year
(``3月5日``, ``3.5``), which is then the session's year. Deadlines are sometimes a span
(``3个月``, ``三个月``): that many months from the assignment.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from desktop.casework import add_months
from desktop.dates import parse_date
from desktop.numerals import counting_number

EXCEL_EPOCH: Final = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Lotus's leap day)
# Serials a list's dates can have: 1990-01-01 … 2099-12-31.
MIN_SERIAL: Final = 32874
MAX_SERIAL: Final = 73050

_SPACES = re.compile(r"\s+")
_NO_YEAR = re.compile(r"^(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|[./-]\s*(\d{1,2}))$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL_TEXT = re.compile(r"^\d{5}(?:\.0+)?$")
_MONTHS = re.compile(r"^([0-9一二三四五六七八九十两]{1,3})\s*个?\s*月(?:内|以内)?$")
_NAME_SPLIT = re.compile(r"[、，,；;／/\s]+")


def text(value: object) -> str:
    """The cell as one line of text: numbers without a trailing ``.0``, spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _SPACES.sub(" ", str(value).replace("\u3000", " ")).strip()


def number(value: object) -> str:
    """A proposal number as stored: ``第101号`` → ``101``, ``101.0`` → ``101``, full-width
    digits plain; leading zeros kept (``0101`` is how some offices number)."""
    raw = unicodedata.normalize("NFKC", text(value)).replace(" ", "")
    return raw.removeprefix("第").removesuffix("号").strip()


def names(value: object) -> list[str]:
    """Names separated by 、，, ; or spaces (a co-organizer or seconder list)."""
    return [n for n in _NAME_SPLIT.split(text(value)) if n]


@dataclass(frozen=True)
class CellDate:
    iso: str | None = None
    months: int | None = None  # a span ("3个月"): that many months from the assignment


def serial_date(serial: float) -> str | None:
    if not MIN_SERIAL <= serial <= MAX_SERIAL:
        return None
    return (EXCEL_EPOCH + dt.timedelta(days=int(serial))).isoformat()


def _without_year(s: str, year: int) -> str | None:
    m = _NO_YEAR.match(s)
    if m is None:
        return None
    month, day = int(m.group(1)), int(m.group(2) or m.group(3))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _compact(s: str) -> str | None:
    m = _COMPACT.match(s)
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _span(s: str) -> int | None:
    m = _MONTHS.match(s)
    if m is None:
        return None
    raw = m.group(1)
    try:
        months = int(raw) if raw.isdigit() else counting_number(raw.replace("两", "二"))
    except KeyError:  # 一十一十: not a counting number
        return None
    return months if months and 0 < months <= 24 else None


def read_date(value: object, year: int) -> CellDate | None:
    """The date a cell holds (``year`` for dates written without one); None when the cell
    holds something that is no date. An empty cell is ``CellDate()``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return CellDate()
    if isinstance(value, dt.datetime):
        return CellDate(value.date().isoformat())
    if isinstance(value, dt.date):
        return CellDate(value.isoformat())
    if isinstance(value, int | float) and not isinstance(value, bool):
        iso = serial_date(float(value))
        return CellDate(iso) if iso else None
    s = unicodedata.normalize("NFKC", str(value)).strip()
    if _SERIAL_TEXT.match(s):
        iso = serial_date(float(s))
        return CellDate(iso) if iso else None
    iso = _compact(s) or parse_date(s) or _without_year(s, year)
    if iso is not None:
        return CellDate(iso)
    months = _span(s)
    return CellDate(months=months) if months else None


def due_from(cell: CellDate, assigned: str | None) -> str | None:
    """The due date a deadline cell gives: its date, or the span from the assignment."""
    if cell.iso:
        return cell.iso
    if cell.months and assigned:
        return add_months(assigned, cell.months)
    return None
