"""Headless commands on the library's letters: ``letters``, ``show``, ``edit``, ``delete`` and
``reparse``.

``edit`` makes all its changes through one ``actions.letters.edit`` call, so a bad value anywhere
changes nothing; the clerk's errors (an unknown field or id, a bad date, kind or section, a
malformed ``FIELD=VALUE``) are one Chinese line and exit code 2. Fields are named as
``show --json`` names them, or by the Chinese label ``show`` prints (答复日期 …).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.actions import letters as actions
from desktop.cli_args import print_json, text, whole_number
from desktop.cli_reply import CliError
from desktop.letter_view import SECTION_ZH
from desktop.store import LibraryStore

KIND_ZH = {"reply": "答复", "reference": "参考资料"}

# The fields ``show`` prints, in its order, with the Chinese label it prints them under.
SHOWN_FIELDS: tuple[tuple[str, str], ...] = (
    ("proposal_title", "建议/提案"),
    ("title", "标题"),
    ("session", "会议"),
    ("proposal_number", "编号"),
    ("agency", "答复单位"),
    ("main_organizer", "主办单位"),
    ("reply_date", "答复日期"),
    ("category", "答复类别"),
    ("doc_number", "文号"),
    ("contact_name", "联系人"),
    ("contact_phone", "联系电话"),
    ("source_path", "来源文件"),
)
FIELD_LABELS: dict[str, str] = {
    **dict(SHOWN_FIELDS),
    "addressee": "收件人",
    "addressee_role": "收件人身份",
    "addressee_count": "收件人数",
    "co_organizers": "协办单位",
    "kind": "类型",
}
# Chinese names a clerk may type for a field: the labels above and a few common others.
FIELD_ALIASES: dict[str, str] = {
    **{label: name for name, label in FIELD_LABELS.items() if name != "source_path"},
    "建议": "proposal_title",
    "提案": "proposal_title",
    "建议标题": "proposal_title",
    "提案标题": "proposal_title",
    "建议编号": "proposal_number",
    "提案编号": "proposal_number",
    "届次": "session",
    "单位": "agency",
    "落款单位": "agency",
    "日期": "reply_date",
    "类别": "category",
    "发文字号": "doc_number",
    "代表": "addressee",
    "委员": "addressee",
    # the letter inspector's labels
    "答复对象": "addressee",
    "身份": "addressee_role",
    "提出人数": "addressee_count",
    "建议/提案编号": "proposal_number",
    "建议/提案标题": "proposal_title",
    "文件标题": "title",
    "电话": "contact_phone",
}

UNCERTAIN_MARK = "（待确认）"
CORRECTED_MARK = "（已改正）"


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "edit",
        parents=[common],
        help="改正资料库中一份文件的信息、段落归属或类型",
        description="改正资料库中一份文件：所有改动一次保存；有一处不对则什么都不改。"
        "字段名用 show --json 中的英文名或 show 显示的中文名（如 答复日期）；"
        "值留空（FIELD=）表示清空该项。收件人、协办单位可用顿号分隔多个。",
    )
    p.add_argument("id", type=whole_number(what="文件编号"), metavar="编号", help="文件编号")
    p.add_argument(
        "--set",
        dest="set_fields",
        type=text,
        action="append",
        nargs="+",
        default=[],
        metavar="字段=值",
        help="改一项或多项信息，如 reply_date=2021-06-30 或 答复单位=某某局",
    )
    p.add_argument(
        "--section",
        type=text,
        action="append",
        nargs="+",
        default=[],
        metavar="段落编号=部分",
        help="把段落移到另一部分（段落编号见 show）：部分为 "
        + "，".join(f"{k}={v}" for k, v in SECTION_ZH.items()),
    )
    p.add_argument(
        "--kind", choices=sorted(KIND_ZH), help="文件类型：reply=答复，reference=参考资料"
    )

    p = sub.add_parser(
        "delete",
        parents=[common],
        help="从资料库删除一份文件（需加 --yes 确认）",
        description="从资料库删除一份文件。与其他文件共用的段落保留。需加 --yes 确认。",
    )
    p.add_argument("id", type=whole_number(what="文件编号"), metavar="编号", help="文件编号")
    p.add_argument("--yes", action="store_true", help="确认删除")

    p = sub.add_parser(
        "reparse",
        parents=[common],
        help="用本版程序重新读取旧版程序导入的文件",
        description="用本版程序重新读取资料库中由旧版程序读取的文件（人工改正过的内容保留）。",
    )
    p.add_argument("--all", action="store_true", help="重新读取所有文件，而不只是旧版读取的")


# ----------------------------------------------------------------------------- letters, show


def cmd_letters(store: LibraryStore, args: argparse.Namespace) -> int:
    letters = actions.listing(store=store)
    if args.json:
        print_json(letters)
        return 0
    for x in letters:
        kind = "答复" if x["kind"] == "reply" else "参考"
        who = "、".join(x["addressee"]) + (x["addressee_role"] or "")
        title = x["proposal_title"] or x["title"] or ""
        print(f"{x['id']:>5}  {kind}  {x['reply_date'] or '          '}  {who:<10}  {title}")
    print(f"共 {len(letters)} 份。")
    return 0


def _marks(data: dict[str, Any], name: str) -> str:
    mark = ""
    source = data["sources"].get(name)
    if name in data["corrected"]:
        mark += CORRECTED_MARK
    elif source is not None and not source.get("certain", True):
        mark += UNCERTAIN_MARK
    return mark


def cmd_show(store: LibraryStore, args: argparse.Namespace) -> int:
    data = actions.detail(args.id, store=store)
    if data is None:
        print(f"没有编号为 {args.id} 的文件。", file=sys.stderr)
        return 1
    if args.json:
        print_json(data)
        return 0
    _print_fields(data)
    if "sections" in data["corrected"]:
        print(f"段落归属{CORRECTED_MARK}")
    _print_paragraphs(data["paragraphs"])
    return 0


def _print_fields(data: dict[str, Any]) -> None:
    print(f"类型：{KIND_ZH.get(data['kind'], data['kind'])}{_marks(data, 'kind')}")
    if data.get("case_id") is not None:
        print(f"来自案件：编号 {data['case_id']}（案件标记为已答复时存入）")
    if data["addressee"]:
        who = "、".join(data["addressee"]) + (data["addressee_role"] or "")
        print(f"收件人：{who}{_marks(data, 'addressee')}")
    if data["co_organizers"]:
        print(f"协办单位：{'、'.join(data['co_organizers'])}{_marks(data, 'co_organizers')}")
    for key, label in SHOWN_FIELDS:
        if data.get(key):
            print(f"{label}：{data[key]}{_marks(data, key)}")
        elif key not in data["corrected"] and (data["sources"].get(key) or {}).get("suggestion"):
            # read but not stored (a date that lost its 年月日): the clerk takes it with edit
            suggestion = data["sources"][key]["suggestion"]
            print(
                f"{label}：（待确认：可能是 {suggestion}，用 edit --set {key}={suggestion} 采用）"
            )


def _print_paragraphs(paragraphs: list[dict[str, Any]]) -> None:
    # Headings too carry their paragraph id: ``edit --section`` can move them.
    current = None
    for p in paragraphs:
        if p["is_heading"] or p["section"] != current:
            current = p["section"]
            heading = f"#{p['paragraph_id']} {p['text']}" if p["is_heading"] else ""
            print()
            print(f"【{SECTION_ZH.get(current, current)}】{heading}")
        if not p["is_heading"]:
            print(f"  #{p['paragraph_id']} {p['text']}")


# ------------------------------------------------------------------------------------ edit


def _pairs(values: list[list[str]], what: str, example: str) -> list[tuple[str, str]]:
    out = []
    for value in (v for group in values for v in group):
        name, sep, rest = value.partition("=")
        if not sep or not name.strip():
            raise CliError(f"“{value}”的写法不对：{what}应写成 {example}，没有做任何修改。")
        out.append((name.strip(), rest.strip()))
    return out


def field_name(name: str) -> str:
    """The English field name for a label ``show`` prints; any other name (an English name,
    the window's Chinese label) goes to the store as typed, which knows them or refuses."""
    return FIELD_ALIASES.get(name, name)


def edit_fields(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for raw, value in pairs:
        name = field_name(raw)
        if name in fields:
            raise CliError(f"“{raw}”给了不止一次，没有做任何修改。请每项只写一次。")
        # An empty value clears the field; a list field takes names separated by 、 or ，.
        fields[name] = value
    return fields


def edit_sections(pairs: list[tuple[str, str]]) -> dict[str, str]:
    sections: dict[str, str] = {}
    for raw_id, kind in pairs:
        if raw_id in sections:
            raise CliError(f"段落 {raw_id} 给了不止一次，没有做任何修改。")
        sections[raw_id] = kind
    return sections


def _shown_value(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "（空）"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def changes_zh(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What an edit changed, one Chinese line each."""
    lines = []
    if before["kind"] != after["kind"]:
        lines.append(f"类型：{KIND_ZH[before['kind']]} → {KIND_ZH[after['kind']]}")
    for name, label in FIELD_LABELS.items():
        was, now = before.get(name), after.get(name)
        if name != "kind" and was != now:
            lines.append(f"{label}：{_shown_value(was)} → {_shown_value(now)}")
    before_at = {p["position"]: p for p in before["paragraphs"]}
    for p in after["paragraphs"]:
        old = before_at.get(p["position"])
        if old is None or old["paragraph_id"] != p["paragraph_id"]:
            continue
        if old["section"] != p["section"]:
            snippet = p["text"] if len(p["text"]) <= 20 else p["text"][:20] + "…"
            lines.append(
                f"段落 #{p['paragraph_id']}（{snippet}）："
                f"{SECTION_ZH.get(old['section'], old['section'])} → "
                f"{SECTION_ZH.get(p['section'], p['section'])}"
            )
    return lines


def cmd_edit(store: LibraryStore, args: argparse.Namespace) -> int:
    fields = edit_fields(
        _pairs(args.set_fields, "--set 后的每一项", "字段=值（如 reply_date=2021-06-30）")
    )
    sections = edit_sections(
        _pairs(args.section, "--section 后的每一项", "段落编号=部分（如 12=plan）")
    )
    if not fields and not sections and args.kind is None:
        raise CliError("没有要改的内容：请用 --set、--section 或 --kind 指定改动。")
    edit = actions.edit(args.id, fields=fields, kind=args.kind, sections=sections, store=store)
    if args.json:
        print_json(edit.after)
        return 0
    lines = changes_zh(edit.before, edit.after)
    if not lines:
        print(f"编号 {args.id} 的文件没有变化：新的值与原来的相同。")
        return 0
    print(f"已修改编号 {args.id} 的文件：")
    for line in lines:
        print(f"  {line}")
    return 0


# ---------------------------------------------------------------------------------- delete


def cmd_delete(store: LibraryStore, args: argparse.Namespace) -> int:
    if not args.yes:
        raise CliError(f"没有删除：删除编号 {args.id} 的文件需要确认，确认请加 --yes。")
    title = actions.delete(args.id, store=store).title
    if args.json:
        print_json({"deleted": args.id, "title": title or None})
    else:
        named = f"（{title}）" if title else ""
        print(f"已删除编号 {args.id} 的文件{named}；与其他文件共用的段落仍保留在资料库中。")
    return 0


# --------------------------------------------------------------------------------- reparse


def cmd_reparse(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop.reparse import ReparseSummary

    summary = ReparseSummary()
    for step in actions.reparse(all=args.all, store=store):
        summary.add(step)
        if not args.json:
            print(f"[{step.done}/{step.total}] {_step_zh(step)}", file=sys.stderr, flush=True)
    if args.json:
        print_json(summary.to_json())
    else:
        print(summary.summary_zh())
    return 1 if summary.failed else 0


def _step_zh(step: Any) -> str:
    if step.failed:
        return f"编号 {step.letter_id}：读取失败，保持原样（详情已写入日志文件）"
    text = f"编号 {step.letter_id}：{'有变化' if step.changed else '没有变化'}"
    if step.corrected:
        text += "，人工改正的内容已保留"
    if step.source == "file":
        text += "（从原文件重新读取）"
    elif step.source == "rebuilt":
        text += "（原文件已不在，只重新划分了段落）"
    return text


def reparse_hint(store: LibraryStore) -> str | None:
    """One line for commands that show letters when some wait to be read again, or None."""
    waiting = actions.waiting_for_reparse(store=store)
    if not waiting:
        return None
    return (
        f"提示：资料库中有 {waiting} 份文件是旧版程序读取的，运行“replydesk reparse”"
        "可用本版重新读取（人工改正过的内容保留）。"
    )
