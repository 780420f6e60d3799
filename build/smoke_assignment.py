"""Smoke step for the frozen bundle: an assignment list (.xlsx) imported by the frozen CLI.

openpyxl reads the list inside the bundle (it is imported only when a list is read, so the
analysis must still have found it). The list is written here with the development
environment's openpyxl, which the project depends on.
"""

from __future__ import annotations

from typing import Any


def check_assignment_list(r: Any, db: Any, fail: Any) -> None:
    import openpyxl

    step = "assignment list"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["市十八届人大三次会议代表建议交办清单"])
    ws.merge_cells("A1:E1")
    ws.append(["序号", "建议号", "标题", "领衔代表", "交办日期"])
    ws.append([1, "301", "关于加强科技金融服务的建议", "王明", 46086])  # an Excel serial date
    ws.append([2, "302", "关于优化公交线路的建议", "李华", "2026.3.5"])
    path = r.scratch / "交办清单.xlsx"
    wb.save(path)
    result = r.run_json(step, "case", "import", str(path), "--db", str(db), "--json")
    if not isinstance(result, dict) or result.get("created") != ["301", "302"]:
        raise fail(step, f"the list's cases were not created: {result!r}")
    listed = r.run_json(step, "case", "list", "--db", str(db), "--json")
    due = {c.get("number"): c.get("due_date") for c in listed} if isinstance(listed, list) else {}
    if due.get("301") != "2026-06-05":
        raise fail(step, f"the serial date was not read: {listed!r}")
    print("  an assignment list (.xlsx, openpyxl) is imported as cases")
