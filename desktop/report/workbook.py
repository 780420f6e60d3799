"""The report as an .xlsx workbook (openpyxl): a summary sheet with the counts, and a sheet
with one row per case and every field, so the clerk never keeps a side spreadsheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.casework import FIELD_ZH, STATUSES, Case
from desktop.report.counts import ROLE_LABELS, CaseFacts, YearReport
from desktop.report.summary import NOTES, report_title, scope_line, summary_tables
from desktop.safe_write import atomic_write

SUMMARY_SHEET = "汇总"
CASES_SHEET = "案件清单"
NUMBER_FORMATS = {"count": "0", "rate": "0.0%", "days": "0.0"}


def _names(values: list[str]) -> str:
    return "、".join(values)


# Every field of a case, in the order the clerk reads a row: (heading, value of the case).
CASE_COLUMNS: tuple[tuple[str, Callable[[Case], Any]], ...] = (
    ("案件编号", lambda c: c.id),
    (FIELD_ZH["serial"], lambda c: c.serial),
    (FIELD_ZH["session"], lambda c: c.session),
    (FIELD_ZH["number"], lambda c: c.number),
    ("类型", lambda c: c.kind_word),
    (FIELD_ZH["title"], lambda c: c.title),
    (FIELD_ZH["proposers"], lambda c: c.proposers_field),
    (FIELD_ZH["role"], lambda c: c.role),
    (FIELD_ZH["seconders"], lambda c: _names(c.seconders)),
    (FIELD_ZH["delegation"], lambda c: c.delegation),
    ("承办方式", lambda c: ROLE_LABELS.get(c.organizer, c.organizer)),
    (FIELD_ZH["main_organizer"], lambda c: c.main_organizer),
    (FIELD_ZH["co_organizers"], lambda c: _names(c.co_organizers)),
    (FIELD_ZH["category"], lambda c: c.category),
    (FIELD_ZH["status"], lambda c: STATUSES.get(c.status, c.status)),
    (FIELD_ZH["assigned_date"], lambda c: c.assigned_date),
    (FIELD_ZH["due_date"], lambda c: c.due_date),
    (FIELD_ZH["reply_date"], lambda c: c.reply_date),
    (FIELD_ZH["doc_number"], lambda c: c.doc_number),
    (FIELD_ZH["contact_name"], lambda c: c.contact_name),
    (FIELD_ZH["contact_phone"], lambda c: c.contact_phone),
    (FIELD_ZH["disclosure"], lambda c: c.disclosure),
    (FIELD_ZH["cc"], lambda c: _names(c.cc)),
    (FIELD_ZH["content"], lambda c: c.content),
)


def _on_time(facts: CaseFacts) -> str:
    return {True: "是", False: "否", None: ""}[facts.on_time]


# What the report adds to the case's own fields.
FACT_COLUMNS: tuple[tuple[str, Callable[[CaseFacts], Any]], ...] = (
    ("答复发出日期", lambda f: f.answered_day),
    ("按期答复", _on_time),
    ("办理天数", lambda f: f.days_to_answer),
    ("满意度", lambda f: f.satisfaction),
    ("会办意见（已收/应收）",
     lambda f: f"{sum(1 for o in f.opinions if o.received)}/{len(f.opinions)}"
     if f.opinions else ""),
)  # fmt: skip


def case_row(facts: CaseFacts) -> list[Any]:
    row = [value(facts.case) for _, value in CASE_COLUMNS]
    row += [value(facts) for _, value in FACT_COLUMNS]
    return [None if v == "" else v for v in row]


def headings() -> list[str]:
    return [h for h, _ in CASE_COLUMNS] + [h for h, _ in FACT_COLUMNS]


def build_workbook(report: YearReport, agency: str = "") -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = SUMMARY_SHEET
    sheet.append([report_title(report, agency)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([scope_line(report)])
    for table in summary_tables(report):
        sheet.append([])
        sheet.append([table.title, table.heading])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for row in table.rows:
            sheet.append([row.label, row.value])
            sheet.cell(sheet.max_row, 2).number_format = NUMBER_FORMATS[row.format]
    sheet.append([])
    for note in NOTES:
        sheet.append([note])
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 12

    cases = book.create_sheet(CASES_SHEET)
    cases.append(headings())
    for cell in cases[1]:
        cell.font = Font(bold=True)
    for facts in report.cases:
        cases.append(case_row(facts))
    cases.freeze_panes = "A2"
    return book


def write_workbook(report: YearReport, target: Path, agency: str = "") -> Path:
    book = build_workbook(report, agency)
    return atomic_write(target, lambda tmp: book.save(str(tmp)))
