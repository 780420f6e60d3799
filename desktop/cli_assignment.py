"""``replydesk case import LIST [--session S] [--texts FOLDER] [--json]``: the assignment list.

Reads the list (.xlsx/.xls/.et/.csv), stores its readable rows as cases in one transaction (a
case already in the library with the same session and number is updated, not duplicated) and
lists the rows it could not read with the reason. Exit code 0 when every row was imported, 1
when some rows were not (the others are stored), 2 when the list was refused as a whole (no
header, a damaged or password-protected workbook, no LibreOffice for .xls/.et): nothing stored.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desktop.actions import assignment
from desktop.store import LibraryStore


def add_parser(csub: Any, common: argparse.ArgumentParser) -> None:
    p = csub.add_parser(
        "import", parents=[common], help="导入交办清单（.xlsx/.xls/.et/.csv），每行一件案件",
        description="导入交办清单：按表头识别各列（序号、建议号、标题、领衔代表、附议人、代表团、"
        "主办单位、协办单位、交办日期、办理期限、类型），每行存为一件案件。同一会议同一编号的案件"
        "按清单更新，不会重复；无法读取的行逐行说明原因，其余照常导入。",
    )  # fmt: skip
    p.add_argument("list_file", type=Path, metavar="清单文件", help="交办清单文件")
    p.add_argument(
        "--session", default=None, metavar="届次会议",
        help="案件所属会议（默认取清单标题中的会议，如“市十八届人大三次会议”）",
    )  # fmt: skip
    p.add_argument(
        "--texts", type=Path, default=None, metavar="文件夹",
        help="建议/提案原文所在文件夹：按编号或标题匹配到案件，其文字作为案件内容",
    )  # fmt: skip


def cmd_import(store: LibraryStore, args: argparse.Namespace) -> int:
    preview = assignment.read_list(args.list_file, store=store, session=args.session)
    result = assignment.import_list(preview, store=store, texts=args.texts)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 1 if result.problems else 0
    for line in result.problems:
        print(f"未导入 {line}")
    if result.updated:  # the list's numbers that were cases already: changed, not added
        numbers = "、".join(f"第{n}号" for n in result.updated)
        print(f"已有同号案件，按清单更新（草稿和办理状态不变）：{numbers}")
    for line in result.notes:
        print(f"注意 {line}")
    for attached in result.attached:
        print(f"已附加 {attached.file} → 第{attached.number}号（{attached.how}）")
    for line in result.unmatched:
        print(f"未附加 {line}")
    where = f"{result.session}：" if result.session else ""
    skipped = f"；{len(result.problems)} 行未导入" if result.problems else ""
    print(f"{where}新建 {len(result.created)} 件，更新 {len(result.updated)} 件{skipped}。")
    return 1 if result.problems else 0
