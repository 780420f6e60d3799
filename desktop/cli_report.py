"""``replydesk report --year Y [--session S] [--xlsx OUT.xlsx] [--docx OUT.docx] [--json]``:
the year-end counts printed, and written as a workbook and a Word document on request."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from desktop.cli_args import path, text, whole_number

if TYPE_CHECKING:
    from desktop.store import LibraryStore


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "report", parents=[common], help="年度办理情况统计（可写成 Excel 和 Word）",
        description="统计一年交办的建议、提案：按类型、承办方式、答复类别、办理状态、满意度，"
        "按期答复率、平均办理天数和协办单位会办意见；可写成 Excel 工作簿（含每件案件一行）"
        "和 Word 文档（含表格和图表）。",
    )  # fmt: skip
    p.add_argument("--year", required=True, type=whole_number(minimum=1900, maximum=2999,
                   what="年份"), metavar="年份", help="统计哪一年交办的案件")  # fmt: skip
    p.add_argument("--session", type=text, metavar="届次", help="只统计这次会议的案件")
    p.add_argument("--xlsx", type=path, metavar="文件.xlsx", help="写成 Excel 工作簿")
    p.add_argument("--docx", type=path, metavar="文件.docx", help="写成 Word 文档")


def cmd_report(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop.actions import report as actions
    from desktop.report.summary import report_title, scope_line, summary_tables

    found = actions.year_report(args.year, args.session, store=store)
    agency = actions.agency_name(store=store)
    written: dict[str, str] = {}
    if args.xlsx:
        written["xlsx"] = str(actions.write_xlsx(found, args.xlsx, agency=agency))
    if args.docx:
        written["docx"] = str(actions.write_docx(found, args.docx, agency=agency))
    if args.json:
        print(json.dumps({**found.to_json(), "written": written}, ensure_ascii=False, indent=2))
        return 0
    print(report_title(found, agency))
    print(scope_line(found))
    for table in summary_tables(found):
        print(f"\n{table.title}")
        for row in table.rows:
            print(f"  {row.label}：{row.shown}")
    if found.undated:
        print(f"\n另有 {found.undated} 件案件没有交办日期、办理期限或答复日期，未计入任何年份。")
    for kind, where in written.items():
        print(f"已写出{'Excel 工作簿' if kind == 'xlsx' else 'Word 文档'}：{where}")
    return 0
