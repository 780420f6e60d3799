"""``replydesk explain --proposal FILE [--json]``: how a 建议/提案/议案 was read — every piece with
its role and rule, then the case fields with the line and rule each came from.

Reads the file only (``desktop.understand.proposal``); nothing is written to the library. A file
that is not a proposal is shown all the same, and the last line says so (exit 0: explaining is
the point); a file that cannot be read is one Chinese line and exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.model import ImportFailure
from desktop.readers import read_document
from desktop.understand.proposal import MSG_A_REPLY, MSG_NOT_A_PROPOSAL, explain_proposal
from desktop.understand.proposal_fields import ProposalFields

ROLE_ZH = {
    "label": "字段",
    "value": "字段值",
    "columns": "表头行",
    "head": "文头",
    "title": "标题",
    "part": "正文小标题",
    "body": "正文",
    "date": "日期",
    "furniture": "页码等",
    "reply-title": "答复标题",
    "salutation": "称呼",
}
FIELD_ZH = {
    "number": "编号",
    "session": "届次",
    "title": "标题",
    "kind": "类型",
    "role": "身份",
    "proposers": "提出人",
    "seconders": "附议人/联名人",
    "delegation": "代表团/界别/单位",
    "proposer_phone": "提出人电话",
    "content": "正文",
}
PART_ZH = {"subject": "案由", "reason": "理由", "suggestion": "建议（办法）"}


def _shown(fields: ProposalFields, name: str) -> str:
    value = getattr(fields, name)
    if isinstance(value, list):
        text = "、".join(value)
        if name == "proposers" and fields.proposer_count:
            text += f"（共 {fields.proposer_count} 位）"
        return text
    value = str(value)
    return value if len(value) <= 40 else value[:39].replace("\n", " ") + "…"


def _verdict(fields: ProposalFields) -> str:
    if fields.reply:
        return f"这份文件{MSG_A_REPLY}。"
    if not fields.found:
        return f"这份文件{MSG_NOT_A_PROPOSAL}。"
    return f"识别为{fields.kind or '建议或提案'}。"


def cmd_explain_proposal(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        extracted = read_document(path)
    except ImportFailure as exc:
        print(f"{path.name}：{exc.message}", file=sys.stderr)
        return 2
    lines, fields = explain_proposal(extracted.lines)
    if args.json:
        out = {
            "file": str(path),
            "proposal": fields.found,
            "reply": fields.reply,
            "lines": [line.to_json() for line in lines],
            "fields": {
                name: {"value": getattr(fields, name), **source.to_json()}
                for name, source in fields.sources.items()
            },
            "parts": fields.parts,
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"{path.name}：{_verdict(fields)}")
    for line in lines:
        role = ROLE_ZH.get(line.role, line.role)
        text = line.text if len(line.text) <= 60 else line.text[:59] + "…"
        print(f"{line.source + 1:>4}  {role:<8}{line.rule:<28} {text}")
    print("字段：")
    for name, source in fields.sources.items():
        where = f"第 {source.line + 1} 行" if source.line is not None else "推断"
        print(
            f"  {FIELD_ZH.get(name, name)}：{_shown(fields, name)}  ← {where}，规则 {source.rule}"
        )
    for key, text in fields.parts.items():
        print(f"  正文·{PART_ZH.get(key, key)}：{len(text)} 字")
    return 0
