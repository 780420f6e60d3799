"""Many clerks at once on the command line (issue 14): ``case assign CASE_ID CLERK``,
``audit [--case ID] [--letter ID] [--limit N]`` and ``clerk [NAME]`` (who this PC's changes
are recorded under: 经办人; ``$REPLYDESK_CLERK`` overrides it for one command)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.actions import clerks as actions
from desktop.clerks import AUDIT_ACTIONS
from desktop.cli_args import print_json, text, whole_number
from desktop.store import LibraryStore
from desktop.timestamps import local_text


def add_case_parser(csub: Any, common: argparse.ArgumentParser) -> None:
    p = csub.add_parser(
        "assign", parents=[common], help="把案件分派给经办人",
        description="把案件分派给一位经办人（姓名为空表示取消分派）。记入操作记录。",
    )  # fmt: skip
    p.add_argument("case_id", type=whole_number(minimum=1, what="案件编号"), metavar="案件编号",
                   help="案件编号（见 case list）")  # fmt: skip
    p.add_argument("clerk", metavar="经办人", help="经办人姓名")


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "audit", parents=[common], help="查看操作记录（谁在何时改了什么）",
        description="列出操作记录：谁在何时导入、修改、删除了文件，新建、修改、分派了案件，"
        "保存了草稿，修改了机关信息。最新的在前。",
    )  # fmt: skip
    p.add_argument("--case", type=whole_number(minimum=1, what="案件编号"), metavar="案件编号",
                   help="只看这个案件（含其草稿）")  # fmt: skip
    p.add_argument("--letter", type=whole_number(minimum=1, what="文件编号"), metavar="文件编号",
                   help="只看这份文件")  # fmt: skip
    p.add_argument("--limit", type=whole_number(minimum=1, what="条数"), default=100,
                   metavar="条数", help="最多显示多少条（默认 100）")  # fmt: skip
    p = sub.add_parser(
        "clerk", parents=[common], help="查看或设置本机的经办人",
        description="查看或设置本机（本用户）的经办人：此后的修改都记在这个名字下。"
        "不设置时用操作系统的登录名；环境变量 REPLYDESK_CLERK 可临时指定。",
    )  # fmt: skip
    p.add_argument("name", nargs="?", type=text, metavar="姓名",
                   help="新的经办人姓名（不填则显示当前的）")  # fmt: skip


def cmd_assign(store: LibraryStore, args: argparse.Namespace) -> int:
    done = actions.assign(args.case_id, args.clerk, store=store)
    if args.json:
        print_json(done.to_json())
        return 0
    who = done.clerk or "（无人）"
    if done.changed:
        print(f"案件 {done.case_id} 已分派给 {who}。")
    else:
        print(f"案件 {done.case_id} 本来就分派给 {who}，未作修改。")
    return 0


def cmd_audit(store: LibraryStore, args: argparse.Namespace) -> int:
    rows = actions.audit(case_id=args.case, letter_id=args.letter, limit=args.limit, store=store)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        what = AUDIT_ACTIONS.get(r.action, r.action)
        target = f"#{r.target_id}" if r.target_id is not None else ""
        if r.target == "draft":
            target = f"案件 {r.case_id} 第 {r.target_id} 版"
        elif r.target == "case":
            target = f"案件 {r.target_id}"
        elif r.target == "letter":
            target = f"文件 {r.target_id}"
        detail = f"  {r.detail}" if r.detail else ""
        print(f"{local_text(r.at, ' ')}  {r.clerk}  {what} {target}{detail}")
    print(f"共 {len(rows)} 条。")
    return 0


def cmd_clerk(store: LibraryStore, args: argparse.Namespace) -> int:
    name = actions.whoami(store=store)
    if args.name is not None:
        name = actions.set_clerk_name(args.name, store=store)
    if args.json:
        print_json({"clerk": name})
    else:
        print(f"本机经办人：{name}")
    return 0
