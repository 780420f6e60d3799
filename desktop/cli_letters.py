"""Headless commands on the library's letters: ``letters`` and ``show``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.letter_view import SECTION_ZH


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_letters(store: Any, args: argparse.Namespace) -> int:
    from desktop.letter_view import letter_json

    letters = [letter_json(x) for x in store.list_letters()]
    if args.json:
        _print_json(letters)
        return 0
    for x in letters:
        kind = "答复" if x["kind"] == "reply" else "参考"
        who = "、".join(x["addressee"]) + (x["addressee_role"] or "")
        title = x["proposal_title"] or x["title"] or ""
        print(f"{x['id']:>5}  {kind}  {x['reply_date'] or '          '}  {who:<10}  {title}")
    print(f"共 {len(letters)} 份。")
    return 0


def cmd_show(store: Any, args: argparse.Namespace) -> int:
    from desktop.letter_view import letter_json

    letter = store.get_letter(args.id)
    if letter is None:
        print(f"没有编号为 {args.id} 的文件。", file=sys.stderr)
        return 1
    data = letter_json(letter)
    if args.json:
        _print_json(data)
        return 0
    labels = [
        ("proposal_title", "建议/提案"), ("title", "标题"), ("session", "会议"),
        ("proposal_number", "编号"), ("agency", "答复单位"), ("reply_date", "答复日期"),
        ("category", "答复类别"), ("doc_number", "文号"), ("contact_name", "联系人"),
        ("contact_phone", "联系电话"), ("source_path", "来源文件"),
    ]  # fmt: skip
    if data["addressee"]:
        print(f"收件人：{'、'.join(data['addressee'])}{data['addressee_role'] or ''}")
    if data["co_organizers"]:
        print(f"协办单位：{'、'.join(data['co_organizers'])}")
    for key, label in labels:
        if data.get(key):
            print(f"{label}：{data[key]}")
    for section in data["sections"]:
        print()
        print(f"【{SECTION_ZH.get(section['kind'], section['kind'])}】{section['heading'] or ''}")
        for p in section["paragraphs"]:
            print(f"  {p['text']}")
    return 0
