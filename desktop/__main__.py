"""``replydesk`` / ``python -m desktop``: no arguments opens the window; subcommands run headless.

Headless subcommands never import Qt.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import desktop
from desktop.cli_args import (
    ZhArgumentParser,
    add_common,
    common_parent,
    path,
    print_json,
    text,
    whole_number,
)
from desktop.letter_view import SECTION_ZH

if TYPE_CHECKING:
    from desktop.store import LibraryStore

log = logging.getLogger("desktop.cli")


def build_parser() -> argparse.ArgumentParser:
    common = common_parent()
    parser = ZhArgumentParser(
        prog="replydesk",
        description="答复助手 ReplyDesk — 建议提案答复助手。不带参数时打开窗口；"
        "带命令时在命令行中运行，不打开窗口。",
        epilog="每个命令都可以用 --db 指定资料库、用 --json 输出 JSON，放在命令前后均可。"
        "用“replydesk 命令 --help”查看某个命令的用法。",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"replydesk {desktop.__version__}",
        help="显示版本号并退出",
    )
    add_common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser(
        "import", parents=[common], help="导入文件或文件夹", description="导入文件或文件夹"
    )
    p.add_argument("paths", nargs="+", type=path, metavar="路径", help="文件或文件夹")

    sub.add_parser(
        "letters", parents=[common], help="列出资料库中的文件", description="列出资料库中的文件"
    )

    p = sub.add_parser(
        "explain",
        parents=[common],
        help="逐行显示一份文件如何被识别（每行的角色和依据的规则）",
        description="逐行显示一份文件如何被识别：每行的角色、依据的规则，以及读出的字段和来源。"
        "不写入资料库。",
    )
    p.add_argument("file", type=path, metavar="文件", help="要查看的文件")
    p.add_argument(
        "--proposal",
        action="store_true",
        help="按建议、提案或议案原文识别（编号、届次、标题、提出人、附议人、正文各部分）",
    )

    p = sub.add_parser("show", parents=[common], help="显示一份文件", description="显示一份文件")
    p.add_argument("id", type=whole_number(what="文件编号"), metavar="编号", help="文件编号")

    p = sub.add_parser(
        "search",
        parents=[common],
        help="检索段落和文件（标题、小标题、编号、届次、提出人）",
        description="检索段落和文件：多个检索词用空格分开，段落须包含每一个检索词；"
        "文件的标题、建议提案标题、小标题、编号（第35号）、会议届次和提出人合起来包含每一个检索词时，"
        "该文件也列出（列在段落前面）。",
    )
    p.add_argument("query", type=text, metavar="检索词", help="一个或多个检索词（用空格分开）")
    p.add_argument(
        "--section",
        action="append",
        choices=sorted(SECTION_ZH),
        help="只检索这一部分的段落（可重复）："
        + "，".join(f"{k}={v}" for k, v in sorted(SECTION_ZH.items())),
    )
    year = whole_number(minimum=0, what="年份")
    p.add_argument("--year-from", type=year, metavar="年份", help="答复年份不早于")
    p.add_argument("--year-to", type=year, metavar="年份", help="答复年份不晚于")
    p.add_argument("--agency", type=text, metavar="单位", help="答复单位或主办单位包含这些字")
    p.add_argument("--kind", choices=["reply", "reference"], help="reply=答复，reference=参考材料")
    p.add_argument(
        "--proposer", type=text, metavar="姓名", help="提出人（代表、委员或单位）包含这些字"
    )
    p.add_argument(
        "--number", type=text, metavar="编号", help="建议提案编号（35、第35号、035 相同）"
    )
    p.add_argument("--category", type=text, metavar="类别", help="答复类别（如 A、B、C）")
    p.add_argument("--role", choices=["代表", "委员", "单位"], help="提出人是代表、委员还是单位")
    p.add_argument(
        "--limit",
        type=whole_number(minimum=0, what="条数"),
        default=20,
        metavar="条数",
        help="最多显示多少条（默认 20）",
    )

    p = sub.add_parser(
        "similar",
        parents=[common],
        help="查找与建议提案相近的历年答复",
        description="查找与建议提案相近的历年答复",
    )
    p.add_argument("--title", required=True, type=text, metavar="标题", help="建议或提案的标题")
    p.add_argument("--content-file", type=path, metavar="文件", help="建议或提案正文所在的文件")
    p.add_argument(
        "--limit",
        type=whole_number(minimum=0, what="条数"),
        default=10,
        metavar="条数",
        help="最多显示多少份（默认 10）",
    )

    from desktop.cli_maintenance import add_parsers as add_maintenance_parsers
    from desktop.cli_reply import add_parsers

    add_parsers(sub, common)
    add_maintenance_parsers(sub, common)
    from desktop.cli_packs import add_parsers as add_pack_parsers

    add_pack_parsers(sub, common)
    from desktop.cli_letters import add_parsers as add_letter_parsers

    add_letter_parsers(sub, common)
    from desktop.cli_cases import add_parsers as add_case_parsers

    add_case_parsers(sub, common)
    from desktop.cli_report import add_parsers as add_report_parsers

    add_report_parsers(sub, common)
    from desktop.cli_server import add_parsers as add_server_parsers

    add_server_parsers(sub, common)
    return parser


def _open_store(db: Path | str | None) -> Any:
    from desktop.sample import ensure_sample_library
    from desktop.store import LibraryStore
    from desktop.store.connection import WAIT_MESSAGE
    from desktop.store.engine import default_location

    location = db or default_location()
    store = LibraryStore(location)
    # A write that has to wait for another program says so (it may wait for a while).
    store.on_wait(lambda: print(WAIT_MESSAGE, file=sys.stderr, flush=True))
    if store.read_only:
        print(READ_ONLY_NOTICE, file=sys.stderr)
    elif db is None and store.engine == "sqlite":
        # The embedded default library starts with the sample documents (a shared library
        # on a server, named by $REPLYDESK_DB, does not).
        ensure_sample_library(store)
    return store


READ_ONLY_NOTICE = "注意：资料库在只读的位置，已只读打开：可查看、搜索和导出到别处，不能修改。"


def _writes(args: argparse.Namespace) -> bool:
    """Whether a command changes the library (refused at once on a read-only library)."""
    if args.command == "profile":
        return getattr(args, "profile_command", None) == "set"
    if args.command == "case":
        from desktop.cli_cases import writes

        return writes(args)
    return args.command in {"import", "draft", "import-pack", "edit", "delete", "reparse"}


def cmd_import(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop.actions.imports import import_steps
    from desktop.import_pipeline import ImportInterrupted

    results = []
    try:
        for progress in import_steps(args.paths, store=store):
            r = progress.result
            results.append(r)
            if not args.json:
                mark = {"imported": "已导入", "duplicate": "重复", "failed": "失败"}[r.status]
                extra = f"（编号 {r.letter_id}）" if r.letter_id else ""
                detail = f"：{r.message}" if r.status != "imported" else ""
                print(f"[{progress.done}/{progress.total}] {mark} {r.path}{extra}{detail}",
                      flush=True)  # fmt: skip
                if r.notice:
                    print(f"注意：{r.notice}", flush=True)
    except ImportInterrupted as stop:  # the message (on stderr) names what was not kept
        if args.json:  # what was done until then, the files named there failed
            lost = set(stop.lost)
            print_json([
                {**r.to_json(), "status": "failed", "letter_id": None, "message": stop.message}
                if r.path in lost else r.to_json()
                for r in results
            ])  # fmt: skip
        raise
    if args.json:
        print_json([r.to_json() for r in results])
    else:
        counts = {
            s: sum(r.status == s for r in results) for s in ("imported", "duplicate", "failed")
        }
        print(
            f"共 {len(results)} 个文件：导入 {counts['imported']}，重复 {counts['duplicate']}，"
            f"失败 {counts['failed']}。"
        )
    return 1 if any(r.status == "failed" for r in results) else 0


def _search_command(name: str) -> Any:
    def run(store: LibraryStore, args: argparse.Namespace) -> int:
        from desktop import cli_search

        return int(getattr(cli_search, f"cmd_{name}")(store, args))

    return run


def _reply_command(name: str) -> Any:
    def run(store: LibraryStore, args: argparse.Namespace) -> int:
        from desktop import cli_reply

        return int(getattr(cli_reply, f"cmd_{name}")(store, args))

    return run


def _maintenance_command(name: str) -> Any:
    def run(store: LibraryStore, args: argparse.Namespace) -> int:
        from desktop import cli_maintenance

        return int(getattr(cli_maintenance, f"cmd_{name}")(store, args))

    return run


def _letters_command(name: str) -> Any:
    def run(store: LibraryStore, args: argparse.Namespace) -> int:
        from desktop import cli_letters

        return int(getattr(cli_letters, f"cmd_{name}")(store, args))

    return run


def _pack_command(name: str) -> Any:
    def run(store: LibraryStore, args: argparse.Namespace) -> int:
        from desktop import cli_packs

        return int(getattr(cli_packs, f"cmd_{name}")(store, args))

    return run


def cmd_case(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop import cli_cases

    return cli_cases.cmd_case(store, args)


def cmd_report(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop import cli_report

    return cli_report.cmd_report(store, args)


def cmd_server(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop import cli_server

    return cli_server.cmd_server(store, args)


def _clerks_command(name: str) -> Any:  # audit, clerk (registered by desktop.cli_cases)
    def run(store: LibraryStore, args: argparse.Namespace) -> int:
        from desktop import cli_clerks
        return int(getattr(cli_clerks, f"cmd_{name}")(store, args))
    return run


def cmd_explain(_store: LibraryStore, args: argparse.Namespace) -> int:
    if args.proposal:
        from desktop import cli_explain_proposal

        return cli_explain_proposal.cmd_explain_proposal(args)
    from desktop import cli_explain

    return cli_explain.cmd_explain(args)


COMMANDS = {
    "import": cmd_import,
    "explain": cmd_explain,
    "letters": _letters_command("letters"),
    "show": _letters_command("show"),
    "edit": _letters_command("edit"),
    "delete": _letters_command("delete"),
    "reparse": _letters_command("reparse"),
    "search": _search_command("search"),
    "similar": _search_command("similar"),
    "profile": _reply_command("profile"),
    "draft": _reply_command("draft"),
    "check": _reply_command("check"),
    "backup": _maintenance_command("backup"),
    "restore": _maintenance_command("restore"),
    "export-pack": _pack_command("export_pack"),
    "import-pack": _pack_command("import_pack"),
    "case": cmd_case,
    "report": cmd_report,
    "server": cmd_server,
    "audit": _clerks_command("audit"),
    "clerk": _clerks_command("clerk"),
}
# Commands that must not open the library through LibraryStore: a file alone (check), or a
# library that may be damaged or must not be migrated first (backup, restore).
NO_LIBRARY = {"check", "backup", "restore", "explain", "server"}
# Commands that show letters: they say when letters wait to be read by this version's parser
# (reading them again is long work, done by ``reparse`` or the window, never on the side; a
# read-only library cannot be re-read, so it gets no such hint).
SHOWS_LETTERS = {"letters", "show", "search", "similar"}


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def _parse(argv: list[str]) -> argparse.Namespace | int:
    """The parsed arguments, or the exit code when there is nothing to run."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a wrong argument (already printed)
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        parser.print_help()
        return 2
    return args


def _exit_code(exc: Exception) -> int:
    """A clerk's error: 1 for an import the clerk can retry, the command's own code for a
    ``CliError``, else 2."""
    from desktop.cli_reply import CliError
    from desktop.model import ImportFailure

    if isinstance(exc, CliError):
        return exc.code
    return 1 if isinstance(exc, ImportFailure) else 2


def _run(args: argparse.Namespace) -> int:
    store = None
    try:
        if args.command not in NO_LIBRARY:
            store = _open_store(args.db)
            if store.read_only and _writes(args):
                from desktop.store import LibraryReadOnly

                raise LibraryReadOnly()
        code = COMMANDS[args.command](store, args)
        if store is not None and not store.read_only and args.command in SHOWS_LETTERS:
            from desktop.cli_letters import reparse_hint

            hint = reparse_hint(store)
            if hint:
                print(hint, file=sys.stderr)
        return code
    finally:
        if store is not None:
            store.close()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from desktop.paths import enable_portable_from_argv

    argv = enable_portable_from_argv(argv)
    _utf8_streams()
    if not argv:
        from desktop.window_modules import prepare_window_start

        prepare_window_start()  # before Qt (desktop/window_modules.py says what and why)
        from desktop.ui.app import run_app

        return run_app()

    from desktop.errors import ClerkError
    from desktop.logs import setup_logging

    args = _parse(argv)
    if isinstance(args, int):
        return args
    log_file = setup_logging()
    try:
        return _run(args)
    except ClerkError as exc:
        print(exc.message, file=sys.stderr)
        return _exit_code(exc)
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of the output stopped reading (`replydesk explain … | head`): not an
        # error. What is left unflushed would raise again at exit: it goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as a program ended by SIGPIPE
    except Exception:
        # A programmer's error: the details go to the log, the clerk gets one line.
        log.exception("replydesk %s failed", args.command)
        where = f"详情已写入日志：{log_file}" if log_file else "详情见上方的日志输出"
        print(f"程序内部错误，命令“{args.command}”没有完成（{where}）。", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
