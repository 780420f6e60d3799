"""Headless commands of the drafting work: ``profile``, ``draft`` and ``check``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.actions.profile import ProfileView
from desktop.casework import (
    SECTIONS,
    Case,
    CaseError,
    CaseExists,
    Draft,
    DraftBlock,
    case_from_json,
)
from desktop.cli_args import INT64_MAX, has_surrogates, print_json, text, whole_number
from desktop.compose import Composition, default_draft, finding_place
from desktop.errors import ClerkError
from desktop.profile import (
    PROFILE_KEYS_ZH,
    SEAL_KEY,
    AgencyProfile,
    ProfileError,
    parse_profile_value,
)
from desktop.proofread import Finding
from desktop.reply_templates import ReplyTemplates
from desktop.sample import SAMPLE_PROFILE_CLI
from desktop.store import LibraryStore
from desktop.store.errors import DatabaseError, library_error

if TYPE_CHECKING:
    from desktop.store import LibraryStore

if TYPE_CHECKING:
    from desktop.actions.export import LetterInputs, PreparedLetter


class CliError(ClerkError):
    """A clerk-caused problem: printed as is, exit code ``code``."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("profile", parents=[common], help="查看或修改单位信息",
                       description="查看或修改单位信息（落款、联系人、印章、抄送等）")  # fmt: skip
    psub = p.add_subparsers(dest="profile_command", required=True, metavar="操作")
    psub.add_parser("show", parents=[common], help="显示单位信息", description="显示单位信息")
    pset = psub.add_parser("set", parents=[common], help="修改一项设置", description=(
        "修改一项设置。可设置的项目：" + "，".join(f"{k}={v}" for k, v in PROFILE_KEYS_ZH.items())
    ))  # fmt: skip
    pset.add_argument("key", choices=sorted(PROFILE_KEYS_ZH), metavar="项目",
                      help="要修改的项目（见上）")  # fmt: skip
    pset.add_argument("value", type=text, metavar="值",
                      help="新的值；seal_image 填印章图片（PNG）的路径")  # fmt: skip

    p = sub.add_parser("draft", parents=[common], help="生成答复并写成 DOCX 文件",
                       description="按案件文件生成答复，写成 DOCX 文件")  # fmt: skip
    p.add_argument("--case", type=Path, required=True, metavar="案件.json",
                   help="写有案件信息的 JSON 文件")  # fmt: skip
    p.add_argument("--use", type=whole_number(minimum=1, what="段落编号"), nargs="+",
                   action="extend", default=[], metavar="编号",
                   help="要引用的资料库段落编号（可多个）")  # fmt: skip
    p.add_argument("--out", type=Path, required=True, metavar="答复.docx",
                   help="答复写到这个 DOCX 文件")  # fmt: skip
    p.add_argument("--text", type=Path, metavar="文件", help="同时把纯文本正文写到这个文件")
    p.add_argument("--pdf", type=Path, metavar="文件",
                   help="同时生成 PDF（需要 LibreOffice）")  # fmt: skip
    p.add_argument("--no-seal", action="store_true", help="不加电子印章")
    p.add_argument("--update", action="store_true",
                   help="案件已在资料库中：按案件文件修改它，并把这份答复存为最新版本"
                        "（不加此项时，已有的案件会被拒绝）")  # fmt: skip
    p.add_argument("--based-on", type=whole_number(minimum=0, what="草稿版本"), metavar="版本",
                   help="这份答复是在第几版草稿上改的：其间别人又保存了新版本时不保存、"
                        "不生成文件，退出码 2")  # fmt: skip

    p = sub.add_parser("check", parents=[common], help="校对答复（.docx 或 .txt）",
                       description="校对答复（.docx 或 .txt）",
                       epilog="退出状态：0 = 没有发现问题；"
                              "1 = 发现问题（加 --fix 时：修改后仍有问题）；"
                              "2 = 无法读取或写入文件")  # fmt: skip
    p.add_argument("file", type=Path, metavar="文件", help="要校对的答复")
    p.add_argument("--date", type=text, metavar="日期",
                   help="答复日期（YYYY-MM-DD），用于检查过时的年份和时间表述")  # fmt: skip
    p.add_argument("--fix", action="store_true", help="自动改正标点等机械性问题")


# --------------------------------------------------------------------------- profile


def cmd_profile(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop.actions import profile as actions

    if args.profile_command == "set":
        actions.set_value(args.key, args.value, store=store)
        if not args.json:
            print(f"已保存：{PROFILE_KEYS_ZH[args.key]}")
    shown = actions.show(store=store)
    if args.json:
        print_json(shown.to_json())
    elif args.profile_command == "show":
        _print_profile(shown)
    return 0


def _print_profile(shown: ProfileView) -> None:
    if shown.is_sample:
        print("注意：机关信息仍是示例，导出答复前请先设置 agency_name（本单位全称）。")
    data = shown.to_json()
    for key, label in PROFILE_KEYS_ZH.items():
        value = data.get(key)
        if isinstance(value, list):
            value = "、".join(value)
        if isinstance(value, bool):
            value = "是" if value else "否"
        print(f"{label}（{key}）：{value if value not in (None, '') else '（未设置）'}")
    print("答复类别：")
    for code, meaning in shown.profile.categories.items():
        print(f"  {code}类：{meaning}")


# --------------------------------------------------------------------------- draft


def _load_case_file(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError(f"找不到案件文件“{path}”。") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"无法读取案件文件“{path}”：{exc}。") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CliError(
            f"案件文件“{path.name}”不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列附近有错误。"
        ) from None
    except RecursionError:
        raise CliError(f"案件文件“{path.name}”嵌套层数太多，不是有效的案件文件。") from None
    if not isinstance(data, dict):
        raise CliError("案件文件应为一个 JSON 对象（{…}）。")
    _check_case_values(data, path.name)
    return data


def _check_case_values(data: dict[str, Any], name: str) -> None:
    """Refuse what JSON allows but a letter and the library cannot hold: a lone surrogate
    ("\\ud800" escapes) in a text, an integer past 64 bits."""
    stack: list[tuple[str, Any]] = [(str(k), v) for k, v in data.items()]
    while stack:
        key, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((f"{key}.{k}", v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((key, v) for v in value)
        elif isinstance(value, str) and has_surrogates(value):
            raise CliError(f"案件文件“{name}”的 {key} 含有无法识别的字符，请改正后再试。")
        elif isinstance(value, int) and not -INT64_MAX - 1 <= value <= INT64_MAX:
            raise CliError(f"案件文件“{name}”的 {key} 数字太大。")


def _letter_inputs(store: LibraryStore, data: dict[str, Any], *, sealed: bool) -> LetterInputs:
    """The stored profile (read once) with CASE.json's ``agency`` overrides, and the seal: the
    stored image, or the file CASE.json names (not read with ``--no-seal``)."""
    from desktop.actions.export import read_letter_inputs

    inputs = read_letter_inputs(store=store)
    overrides = data.get("agency") or {}
    if not isinstance(overrides, dict):
        raise CliError('案件文件中的 agency 应为一个对象，例如 {"name": "南通市科学技术局"}。')
    seal_path: str | None = None
    for given_key, value in overrides.items():
        key = "agency_name" if given_key == "name" else str(given_key)
        if key == SEAL_KEY:
            seal_path = str(value) if value else None
            continue
        setattr(inputs.profile, key, _agency_value(given_key, key, value))
    if not sealed:
        return inputs.unsealed()
    if seal_path is None:
        return inputs
    try:
        return inputs.with_seal_file(Path(seal_path))
    except ClerkError as exc:
        raise CliError(f"{exc.message} 如需先生成不带印章的答复，请加 --no-seal。") from None


def _agency_value(given_key: str, key: str, value: Any) -> Any:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        text = "、".join(str(v) for v in value)
    try:
        return parse_profile_value(key, text)
    except ProfileError as exc:
        raise CliError(f"案件文件 agency.{given_key}：{exc.message}") from None


def _used_blocks(store: LibraryStore, ids: list[int]) -> list[tuple[str, DraftBlock]]:
    used = []
    sources = store.search.paragraph_sources(ids)
    texts = store.search.paragraph_texts(ids)
    for pid in ids:
        if pid not in texts or not sources.get(pid):
            raise CliError(f"资料库中没有编号为 {pid} 的段落（--use {pid}）。")
        src = sources[pid][0]  # the newest letter it stands in
        section = src.section if src.section in SECTIONS else "status"
        used.append(
            (section, DraftBlock("library", texts[pid], pid, src.letter_id, src.year,
                                 src.title))
        )  # fmt: skip
    return used


def _library_write_error(exc: DatabaseError) -> CliError:
    consequence = "本次未保存案件和草稿，也未生成任何文件"
    problem = library_error(exc, consequence)
    if problem is None:
        return CliError(f"资料库无法写入（{exc}）：{consequence}。请稍后再试。")
    return CliError(problem.message)


def _keep_status(stored: Case | None, case: Case, data: dict[str, Any]) -> None:
    """``--update`` changes the case's fields, not where it stands in the work: the status
    stays unless CASE.json names one, and a sent case (read-only in the window) is refused."""
    if stored is None or "status" in data:
        return
    if stored.status == "sent":
        raise CliError(
            f"第{case.number}号案件已答复（只读），未作任何修改。如确需修改，请先在窗口中"
            '“重新打开”该案件，或在案件文件中写明 "status": "drafting"。'
        )
    if stored.status == "closed":  # 已办结: answered again only through 重新办理
        raise CliError(
            f"第{case.number}号案件已办结（只读），未作任何修改。如需再次答复，请先记录反馈"
            "（replydesk case feedback … 不满意）或改为重新办理。"
        )
    case.status = stored.status


def cmd_draft(store: LibraryStore, args: argparse.Namespace) -> int:
    data = _load_case_file(args.case)
    inputs = _letter_inputs(store, data, sealed=not args.no_seal)
    case, existing = _case_to_draft(store, data, inputs.profile, update=args.update)
    draft = default_draft(_used_blocks(store, args.use), _free_sections(data))
    prepared = _prepare(store, case, draft, inputs)
    case_id, version = _save_and_write(store, case, draft, prepared, args)
    result: dict[str, Any] = {
        "case_id": case_id,
        "draft_version": version,
        "updated": existing is not None,
        "docx": str(args.out),
        "sealed": prepared.letter.seal is not None,
        "template_problems": [str(p) for p in prepared.composition.problems],
        # What the letter went out with: the proofreader's findings, where they are.
        "findings": [
            {
                **f.to_json(),
                "kind_zh": FINDING_ZH.get(f.kind, f.kind),
                "place": finding_place(prepared.composition, f),
            }
            for f in prepared.findings
        ],
    }
    _write_extras(prepared, args, result)
    if args.json:
        print_json(result)
        return 0
    done = "已更新案件" if existing is not None else "已保存案件"
    print(f"{done}（编号 {case_id}），草稿第 {version} 版。")
    print(f"已生成答复：{args.out}" + ("（含电子印章）" if result["sealed"] else "（无印章）"))
    for key, label in (("text", "纯文本正文"), ("pdf", "PDF")):
        if key in result:
            print(f"已生成{label}：{result[key]}")
    _print_findings(prepared.composition, prepared.findings)
    return 0


def _case_to_draft(
    store: LibraryStore, data: dict[str, Any], profile: AgencyProfile, *, update: bool
) -> tuple[Case, int | None]:
    """The case of CASE.json and the id of the stored case it updates (``--update``)."""
    named = data.get("agency") or {}
    if store.profile.is_sample() and not (named.get("name") or named.get("agency_name")):
        raise CliError(SAMPLE_PROFILE_CLI.format(agency=profile.agency_name))
    try:
        case = case_from_json(
            data, due_months=profile.due_months, co_due_months=profile.co_due_months
        )
    except CaseError as exc:
        raise CliError(exc.message) from None
    existing = store.cases.find(case.session, case.number)
    if existing is not None and not update:
        raise CliError(CaseExists(existing, case.session, case.number).message)
    if existing is not None:
        _keep_status(store.cases.get(existing), case, data)
    return case, existing


def _free_sections(data: dict[str, Any]) -> dict[str, list[str]]:
    free = data.get("sections") or {}
    if not isinstance(free, dict) or any(
        k not in SECTIONS or not isinstance(v, list) or not all(isinstance(t, str) for t in v)
        for k, v in free.items()
    ):
        raise CliError(
            '案件文件中的 sections 应为 {"greeting"|"status"|"plan"|"closing": [段落文字, …]}。'
        )
    return free


def _prepare(
    store: LibraryStore, case: Case, draft: Draft, inputs: LetterInputs
) -> PreparedLetter:
    """The draft composed once (with the reuse check), the seal checked first."""
    from desktop.actions.export import compose_letter, read_reuse_context

    try:
        inputs.check_seal()
    except ClerkError as exc:
        raise CliError(f"{exc.message} 如需先生成不带印章的答复，请加 --no-seal。") from None
    reuse = read_reuse_context(draft, inputs.profile, store=store)
    prepared = compose_letter(case, draft, inputs, templates=ReplyTemplates(), reuse=reuse)
    for problem in prepared.composition.problems:
        print(str(problem), file=sys.stderr)
    return prepared


def _save_and_write(
    store: LibraryStore,
    case: Case,
    draft: Draft,
    prepared: PreparedLetter,
    args: argparse.Namespace,
) -> tuple[int, int]:
    """The case and its draft version are written first, in one transaction that holds the
    library's write lock while the DOCX is written: a busy or read-only library refuses
    before any file exists, and a DOCX that cannot be written leaves the library unchanged."""
    from desktop.actions.export import write_docx
    from desktop.safe_write import TargetLocked

    try:
        case_id, version = store.cases.save_with_draft(
            case, draft, source="cli", update=args.update, note="replydesk draft",
            before_commit=lambda: write_docx(prepared.letter, args.out),
            based_on=getattr(args, "based_on", None),
        )  # fmt: skip
    except TargetLocked as exc:
        raise CliError(f"{exc.message}（可用 --out {exc.suggestion}）") from None
    except DatabaseError as exc:  # LibraryBusy too: it waited (and said so on stderr)
        raise _library_write_error(exc) from None
    except ClerkError as exc:  # CaseExists, WriteFailed
        raise CliError(exc.message) from None
    return case_id, version


def _write_extras(
    prepared: PreparedLetter, args: argparse.Namespace, result: dict[str, Any]
) -> None:
    """``--text`` and ``--pdf`` beside the DOCX."""
    from desktop.actions.export import write_pdf, write_text

    if args.text:
        try:
            text = write_text(prepared.letter, args.text, limit=prepared.inputs.profile.text_limit)
        except ClerkError as exc:  # TargetLocked, WriteFailed
            raise CliError(exc.message) from None
        result["text"] = str(args.text)
        result["text_warning"] = text.warning
        if text.warning:
            print(text.warning, file=sys.stderr)
    if args.pdf:
        try:
            write_pdf(args.out, args.pdf)
        except ClerkError as exc:  # PdfError, TargetLocked, WriteFailed
            raise CliError(f"DOCX 已生成：{args.out}。PDF 未生成：{exc.message}", code=1) from None
        result["pdf"] = str(args.pdf)


def _print_findings(comp: Composition, findings: list[Finding]) -> None:
    """The findings the letter was written with, to stderr: the clerk sees them, a script
    reading stdout is not disturbed."""
    if not findings:
        return
    print(f"请注意：答复中有 {len(findings)} 处需要核对（文件已照常生成）：", file=sys.stderr)
    for f in findings:
        fix = _fix_note(f)
        kind = FINDING_ZH.get(f.kind, f.kind)
        print(f"  {finding_place(comp, f)} [{kind}] {f.message}{fix}", file=sys.stderr)


def _fix_note(f: Finding) -> str:
    if f.suggestion is None:
        return ""
    return f"（建议改为“{f.suggestion}”）" if f.suggestion else "（建议删去）"


# --------------------------------------------------------------------------- check

FINDING_ZH = {
    "halfwidth_punct": "半角标点",
    "doc_number_bracket": "文号括号",
    "doubled": "重复字词",
    "unbalanced": "括号引号不配对",
    "stale_year": "过时年份",
    "stale_relative": "需核实的时间表述",
    "salutation_mismatch": "称呼不符",
    "heading_sequence": "标题序号",
    "placeholder": "未填写的占位符",
    "date_format": "日期格式",
    "empty_section": "空标题",
    "contact_missing": "缺少联系人",
    "list_marker": "多余的列表符号",
    "reuse_place": "沿用的地名或单位",
    "reuse_name": "沿用的提出人姓名",
    "reuse_proposal": "沿用的建议编号或标题",
}


def cmd_check(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop.dates import parse_date
    from desktop.model import ImportFailure
    from desktop.proofread import check_file

    date = None
    if args.date:
        date = parse_date(args.date)
        if date is None:
            raise CliError(f"--date 不是有效日期：{args.date}（应为 YYYY-MM-DD）。")
    try:
        findings, applied = check_file(args.file, date=date, fix=args.fix)
    except ImportFailure as exc:
        raise CliError(exc.message) from None
    # 0 clean, 1 problems (with --fix: problems the fixes left), 2 unreadable (CliError).
    left = len(findings) - len(applied or [])
    code = 1 if left > 0 else 0
    if args.json:
        print_json([f.to_json() for f in findings])
        return code
    for f in findings:
        fix = _fix_note(f)
        kind = FINDING_ZH.get(f.kind, f.kind)
        print(f"第 {f.paragraph + 1} 段 第 {f.start + 1} 字 [{kind}] {f.message}{fix}")
    if args.fix:
        print(f"已自动修改 {len(applied or [])} 处。")
    print(f"共发现 {len(findings)} 处问题。")
    return code
