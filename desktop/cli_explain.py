"""``replydesk explain FILE [--json]``: every line of a document with the role it got and the
rule that gave it, then the fields read from the roles with their sources.

Nothing is written to the library: this reads the file, runs the same pipeline the importer
runs (``desktop.understand``) and shows why the letter was read as it was.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.model import ImportFailure
from desktop.readers import read_document
from desktop.understand import explain

ROLE_ZH = {
    "furniture": "网页杂项",
    "portal": "系统字段",
    "title": "标题",
    "doc_number": "文号",
    "category": "类别",
    "agency": "署名单位",
    "salutation": "称呼",
    "acknowledgement": "开头（收悉）",
    "heading": "小标题",
    "body": "正文",
    "closing": "结束语",
    "date": "日期",
    "contact": "联系人",
    "copy_to": "抄送",
    "disclosure": "公开方式",
    "organizer": "主办/协办",
    "cosigner": "附议",
    "after_signature": "版记等",
}
FIELD_ZH = {
    "kind": "类型",
    "title": "标题",
    "addressee": "答复对象",
    "addressee_role": "身份",
    "addressee_count": "人数",
    "proposal_number": "编号",
    "proposal_title": "建议/提案标题",
    "session": "届次",
    "agency": "答复单位",
    "reply_date": "答复日期",
    "category": "类别",
    "doc_number": "文号",
    "contact_name": "联系人",
    "contact_phone": "联系电话",
}


def cmd_explain(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        extracted = read_document(path)
    except ImportFailure as exc:
        print(f"{path.name}：{exc.message}", file=sys.stderr)
        return 2
    lines, letter = explain(extracted.lines)
    fields = {
        name: {
            "value": getattr(letter, name, None) if name != "kind" else letter.kind,
            **source.to_json(),
        }
        for name, source in letter.sources.items()
    }
    if args.json:
        out = {
            "file": str(path),
            "kind": letter.kind,
            "lines": [line.to_json() for line in lines],
            "fields": fields,
            "sections": [
                {"section": b.section, "is_heading": b.is_heading, "text": b.text}
                for b in letter.blocks
            ],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    kind = "答复" if letter.kind == "reply" else "参考资料"
    print(f"{path.name}：识别为{kind}")
    for line in lines:
        role = ROLE_ZH.get(line.role, line.role)
        text = line.text if len(line.text) <= 60 else line.text[:59] + "…"
        print(f"{line.source + 1:>4}  {role:<8}{line.rule:<34} {text}")
    print("字段：")
    for name, source in letter.sources.items():
        value = letter.kind if name == "kind" else getattr(letter, name, None)
        if isinstance(value, list):
            value = "、".join(str(v) for v in value)
        where = f"第 {source.line + 1} 行" if source.line is not None else "推断"
        unsure = "" if source.certain else "（待确认）"
        if source.suggestion is not None:
            value, unsure = f"（空）可能是 {source.suggestion}", "（待确认，未存入）"
        print(f"  {FIELD_ZH.get(name, name)}：{value}{unsure}  ← {where}，规则 {source.rule}")
    return 0
