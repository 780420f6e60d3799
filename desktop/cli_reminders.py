"""``replydesk case due [--days N] [--json]``: the cases overdue and those due within N days,
and the co-organizers' opinions overdue.

The same list as the window's reminder banner (``actions.reminders.due_cases``); N is the
profile's ``reminder_days`` unless ``--days`` is given. Registered under ``case`` by
``cli_cases.py``.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop.actions import reminders
from desktop.actions.reminders import DueCase
from desktop.casework import STATUSES
from desktop.cli_args import whole_number
from desktop.store import LibraryStore


def add_due_parser(csub: Any, common: argparse.ArgumentParser) -> None:
    due = csub.add_parser(
        "due", parents=[common], help="列出已超期和即将到期的案件",
        description="列出尚未答复、已超过办理期限的案件，以及在 N 天内到期的案件"
        "（N 默认取设置中的“到期提醒”天数）。",
    )  # fmt: skip
    due.add_argument(
        "--days", type=whole_number(minimum=0, maximum=reminders.MAX_DAYS, what="天数"),
        default=None, metavar="N", help="列出 N 天内到期的案件（0 = 只列今天到期的）",
    )  # fmt: skip


def _line(case: DueCase) -> str:
    if case.days_left < 0:
        when = f"已超期 {-case.days_left} 天"
    elif case.days_left == 0:
        when = "今天到期"
    else:
        when = f"还剩 {case.days_left} 天"
    role = "协办" if case.organizer == "co" else "主办"
    status = STATUSES.get(case.status, case.status)
    return (
        f"{case.case_id:>5}  第{case.number}号  {case.due_date}  {when:<8}  {role}  {status}  "
        f"{case.title}"
    )


def cmd_due(store: LibraryStore, args: argparse.Namespace) -> int:
    found = reminders.due_cases(store=store, days=args.days)
    if args.json:
        print(json.dumps(found.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(f"已超期：{len(found.overdue)} 件")
    for case in found.overdue:
        print(_line(case))
    print(f"{found.days} 天内到期：{len(found.due_soon)} 件")
    for case in found.due_soon:
        print(_line(case))
    if found.opinions_overdue:
        print(f"协办意见逾期未收：{len(found.opinions_overdue)} 份")
        for o in found.opinions_overdue:
            print(f"{o.case_id:>5}  第{o.number}号  {o.unit}  应于 {o.expected_by} 前  "
                  f"已逾期 {o.days_overdue} 天  {o.title}")  # fmt: skip
    return 0
