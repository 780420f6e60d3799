"""Headless commands on cases: ``case list``, ``case sent CASE_ID``, and the lifecycle of
issue 13 — ``case status CASE_ID STATUS [--date D]``, ``case history CASE_ID``,
``case opinion CASE_ID --unit U [--received D] [--letter FILE]`` and
``case feedback CASE_ID 满意|基本满意|不满意 [--date D] [--remarks R]`` (the rules:
:mod:`desktop.lifecycle`; the subcommands: :mod:`desktop.cli_lifecycle`);
``case due`` (:mod:`desktop.cli_reminders`).

``case sent`` marks a case sent (已答复) and files its final reply in the library, as the
window's status menu does (``actions.cases.mark_sent``); marked again, the same library letter
is updated. A case without a saved draft, an empty draft or an unknown id is one Chinese line
and exit code 2, and nothing is changed.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop import cli_lifecycle
from desktop.actions import cases as actions
from desktop.actions.clerks import mine
from desktop.actions.lifecycle import CaseStanding, standings
from desktop.casework import STATUSES, Case
from desktop.cli_args import print_json, whole_number
from desktop.cli_reminders import add_due_parser, cmd_due
from desktop.lifecycle import ORGANIZER_ROLES
from desktop.store import LibraryStore


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "case", parents=[common], help="查看案件或标记案件已答复",
        description="查看案件（建议、提案）或标记案件已答复。",
    )  # fmt: skip
    csub = p.add_subparsers(dest="case_command", required=True, metavar="操作")
    listing = csub.add_parser(
        "list", parents=[common], help="列出案件（编号、标题、状态、办理期限、经办人）",
        description="列出案件：案件编号、建议/提案编号、标题、办理状态、办理期限、经办人，"
        "最先到期的在前。",
    )  # fmt: skip
    who = listing.add_mutually_exclusive_group()
    who.add_argument("--mine", action="store_true", help="只列出分派给本机经办人的案件")
    who.add_argument("--assignee", metavar="经办人", help="只列出分派给这位经办人的案件")
    sent = csub.add_parser(
        "sent", parents=[common], help="标记案件已答复，并把答复存入资料库",
        description="标记案件已答复（已答复），并把最新保存的答复草稿按导出时的样子存入资料库，"
        "供以后检索和参考。再次标记会更新资料库中的同一份答复，不会重复添加。",
    )  # fmt: skip
    sent.add_argument(
        "case_id", type=whole_number(minimum=1, what="案件编号"), metavar="案件编号",
        help="案件编号（见 case list）",
    )  # fmt: skip
    from desktop.cli_batch import add_export_all

    add_export_all(csub, common)
    cli_lifecycle.add_parsers(csub, common)
    add_due_parser(csub, common)
    from desktop.cli_clerks import add_case_parser
    from desktop.cli_clerks import add_parsers as add_clerk_parsers

    add_case_parser(csub, common)
    add_clerk_parsers(sub, common)  # audit, clerk: the cases' neighbours at the top level
    from desktop.cli_assignment import add_parser as add_import_parser

    add_import_parser(csub, common)


def writes(args: argparse.Namespace) -> bool:
    """Whether this case command changes the library."""
    command = getattr(args, "case_command", None)
    return command in ("sent", "import", "assign") or command in cli_lifecycle.WRITING


def case_json(
    case: Case, letter_id: int | None, standing: CaseStanding | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": case.id,
        "number": case.number,
        "session": case.session,
        "title": case.title,
        "status": case.status,
        "status_zh": STATUSES.get(case.status, case.status),
        "due_date": case.due_date,
        "assignee": case.assignee,
        "letter_id": letter_id,  # the reply in the library, once the case was marked sent
    }
    if standing is not None:  # issue 13: role, round, first answer, feedback, opinions
        data.update({
            "organizer": case.organizer,
            "organizer_zh": ORGANIZER_ROLES.get(case.organizer, case.organizer),
            "assigned_date": case.assigned_date,
            **standing.to_json(),
        })  # fmt: skip
    return data


def cmd_case(store: LibraryStore, args: argparse.Namespace) -> int:
    if args.case_command == "export-all":
        from desktop.cli_batch import cmd_export_all

        return cmd_export_all(store, args)
    if args.case_command == "sent":
        return _sent(store, args)
    if args.case_command in cli_lifecycle.COMMANDS:
        return cli_lifecycle.COMMANDS[args.case_command](store, args)
    if args.case_command == "due":
        return cmd_due(store, args)
    if args.case_command == "import":
        from desktop.cli_assignment import cmd_import

        return cmd_import(store, args)
    if args.case_command == "assign":
        from desktop.cli_clerks import cmd_assign

        return cmd_assign(store, args)
    return _list(store, args)


def _list(store: LibraryStore, args: argparse.Namespace) -> int:
    listing = actions.listing(store=store)
    assignee = store.clerk if getattr(args, "mine", False) else getattr(args, "assignee", None)
    if assignee is not None:
        listing = mine(listing, assignee)
    letters = actions.library_letters(store=store)
    if args.json:
        standing = standings(listing, store=store)
        print_json([case_json(c, letters.get(c.id or 0), standing.get(c.id or 0))
                     for c in listing])  # fmt: skip
        return 0
    for c in listing:
        status = STATUSES.get(c.status, c.status)
        due = c.due_date or "（无期限）"
        who = f"  〔{c.assignee}〕" if c.assignee else ""
        print(f"{c.id:>5}  第{c.number}号  {status}  {due:<10}  {c.title}{who}")
    print(f"共 {len(listing)} 件。")
    return 0


def _sent(store: LibraryStore, args: argparse.Namespace) -> int:
    sent = actions.mark_sent(args.case_id, store=store)
    if args.json:
        print_json(sent.to_json())
        return 0
    done = "答复已存入资料库" if sent.created else "已更新资料库中的答复"
    shared = f"，其中 {sent.shared} 段与资料库中其他文件共用" if sent.shared else ""
    print(
        f"第{sent.number}号案件已标记为已答复；{done}（文件编号 {sent.letter_id}，"
        f"共 {sent.paragraphs} 段{shared}）。"
    )
    return 0
