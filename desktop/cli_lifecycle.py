"""The lifecycle's subcommands of ``replydesk case`` (issue 13): ``status``, ``history``,
``opinion`` and ``feedback``. A move the rules do not allow, an unknown status or feedback
word, a bad date or an unknown case is one Chinese line and exit code 2, and nothing is
changed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.actions import cases as case_actions
from desktop.actions import lifecycle as actions
from desktop.cli_args import path, print_json, text, whole_number
from desktop.lifecycle import FEEDBACK, STATUSES, parse_iso, status_zh
from desktop.store import LibraryStore

WRITING = frozenset({"status", "opinion", "feedback"})


def _case_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "case_id", type=whole_number(minimum=1, what="案件编号"), metavar="案件编号",
        help="案件编号（见 case list）",
    )  # fmt: skip


def add_parsers(csub: Any, common: argparse.ArgumentParser) -> None:
    names = "、".join(f"{zh}（{key}）" for key, zh in STATUSES.items())
    status = csub.add_parser(
        "status", parents=[common], help="改变案件的办理状态（记录日期）",
        description=f"改变案件的办理状态并记录日期。状态：{names}。只允许合理的变更"
        "（如待审核可退回起草中）；改为已答复会把答复存入资料库。",
    )  # fmt: skip
    _case_id(status)
    status.add_argument("status", type=text, metavar="状态", help="新状态（中文或英文代号）")
    status.add_argument("--date", type=text, metavar="日期", help="变更日期（默认今天）")
    history = csub.add_parser(
        "history", parents=[common], help="查看案件的办理经过（状态变更、反馈、协办意见）",
        description="按时间列出案件的每次状态变更（日期、轮次），以及反馈和协办单位意见。",
    )  # fmt: skip
    _case_id(history)
    opinion = csub.add_parser(
        "opinion", parents=[common], help="记录协办单位意见（收到日期、意见函）",
        description="主办案件：记录某协办单位的意见已收到（日期），可附意见函文件，"
        "意见函作为协办答复导入资料库并与案件关联。",
    )  # fmt: skip
    _case_id(opinion)
    opinion.add_argument("--unit", type=text, required=True, metavar="单位", help="协办单位")
    opinion.add_argument("--received", type=text, metavar="日期", help="收到日期")
    opinion.add_argument("--letter", type=path, metavar="文件", help="协办意见函文件")
    opinion.add_argument("--remarks", type=text, metavar="备注", help="备注")
    feedback = csub.add_parser(
        "feedback", parents=[common], help="记录代表/委员的反馈（满意、基本满意、不满意）",
        description="记录代表或委员对答复的反馈意见。满意、基本满意：案件办结；"
        "不满意：案件转为重新办理，再次答复（第一次的答复保留在资料库中）。",
    )  # fmt: skip
    _case_id(feedback)
    feedback.add_argument(
        "answer", type=text, metavar="反馈", help="、".join(FEEDBACK.values())
    )  # fmt: skip
    feedback.add_argument("--date", type=text, metavar="日期", help="反馈日期（默认今天）")
    feedback.add_argument("--remarks", type=text, default="", metavar="备注", help="备注")


def _date(value: str | None, what: str) -> str | None:
    return parse_iso(value, what) if value else None


def _status(store: LibraryStore, args: argparse.Namespace) -> int:
    date = _date(args.date, "变更日期")
    before = case_actions.get(args.case_id, store=store)
    sent = case_actions.set_status(args.case_id, args.status, store=store, date=date)
    case = case_actions.get(args.case_id, store=store)
    assert case is not None
    changed = before is None or before.status != case.status
    if args.json:
        data: dict[str, Any] = {
            "id": case.id, "number": case.number, "status": case.status,
            "status_zh": status_zh(case.status), "changed": changed,
            "sent": sent.to_json() if sent is not None else None,
        }  # fmt: skip
        print_json(data)
        return 0
    if not changed and sent is None:
        print(f"第{case.number}号案件已是“{status_zh(case.status)}”，未作修改。")
        return 0
    print(f"第{case.number}号案件已改为“{status_zh(case.status)}”。")
    if sent is not None:
        done = "答复已存入资料库" if sent.created else "已更新资料库中的答复"
        print(f"{done}（文件编号 {sent.letter_id}）。")
    return 0


def _history(store: LibraryStore, args: argparse.Namespace) -> int:
    view = actions.lifecycle(args.case_id, store=store)
    if args.json:
        print_json(view.to_json())
        return 0
    case = view.case
    print(f"第{case.number}号  {case.title}  现状：{status_zh(case.status)}（第 {view.round} 轮）")
    for change in view.history:
        note = f"  {change.note}" if change.note else ""
        print(f"  {change.date}  第{change.round}轮  {status_zh(change.status)}{note}")
    for fb in view.feedback:
        remarks = f"  {fb.remarks}" if fb.remarks else ""
        print(f"  反馈（第{fb.round}轮）：{FEEDBACK[fb.answer]}  {fb.date or ''}{remarks}")
    for op in view.opinions:
        when = op.received or (f"应于 {op.expected_by} 前" if op.expected_by else "")
        letter = f"  意见函 {op.letter_id}" if op.letter_id else ""
        print(f"  协办意见：{op.unit}  {op.state_zh}  {when}{letter}")
    for round_, letter_id in view.letters.items():
        print(f"  第{round_}轮答复：资料库文件 {letter_id}")
    moves = "、".join(STATUSES[m] for m in view.moves) or "（无）"
    print(f"  可改为：{moves}")
    return 0


def _opinion(store: LibraryStore, args: argparse.Namespace) -> int:
    received = _date(args.received, "收到日期")
    letter: Path | None = args.letter
    result = actions.record_opinion(args.case_id, args.unit, store=store, received=received,
                                    letter=letter, remarks=args.remarks)  # fmt: skip
    if args.json:
        print_json({"case_id": result.case_id, "unit": result.unit,
                     "received": result.received, "letter_id": result.letter_id,
                     "letter_created": result.letter_created})  # fmt: skip
        return 0
    said = f"已于 {received} 收到" if received else "尚未收到"
    print(f"已记录{result.unit}的协办意见：{said}。")
    if result.letter_id is not None:
        how = "已导入资料库" if result.letter_created else "资料库中已有，已关联"
        print(f"意见函{how}（文件编号 {result.letter_id}）。")
    return 0


def _feedback(store: LibraryStore, args: argparse.Namespace) -> int:
    date = _date(args.date, "反馈日期")
    done = actions.record_feedback(args.case_id, args.answer, store=store, date=date,
                                   remarks=args.remarks)  # fmt: skip
    if args.json:
        print_json(done.to_json())
        return 0
    print(
        f"已记录第{done.number}号案件第{done.round}轮答复的反馈：{FEEDBACK[done.answer]}；"
        f"案件现为“{STATUSES[done.status]}”。"
    )
    return 0


COMMANDS: dict[str, Callable[[LibraryStore, argparse.Namespace], int]] = {
    "status": _status,
    "history": _history,
    "opinion": _opinion,
    "feedback": _feedback,
}
