"""Headless commands for colleague packs: ``export-pack`` and ``import-pack``.

See :mod:`desktop.packs` for the pack format. Exit codes: 0 done, 1 the pack was refused or
could not be written (the message says why, in Chinese, on stderr), 2 a wrong argument.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli_args import print_json, text
from desktop.cli_reply import CliError

if TYPE_CHECKING:
    from desktop.store import LibraryStore


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "export-pack",
        parents=[common],
        help="把资料库中的文件打包，分享给同事",
        description="把资料库中的文件打包，分享给同事",
    )
    p.add_argument("--out", type=Path, required=True, metavar="资料包.zip", help="资料包文件")
    p.add_argument(
        "--since",
        type=text,
        metavar="日期",
        help="只打包这一天（YYYY-MM-DD）及以后导入资料库的文件：上次打包以来新增的",
    )
    p.add_argument("--no-templates", action="store_true", help="不包含修改过的答复模板")

    p = sub.add_parser(
        "import-pack",
        parents=[common],
        help="检查同事的资料包并导入其中的文件",
        description="检查同事的资料包并导入其中的文件（重复的跳过，保留来源）",
    )
    p.add_argument("pack", type=Path, metavar="资料包.zip", help="资料包文件")


def _since(text: str | None) -> dt.date | None:
    from desktop.dates import parse_date

    if not text:
        return None
    iso = parse_date(text)
    if iso is None:
        raise CliError(f"--since 不是有效日期：{text}（应为 YYYY-MM-DD）。")
    return dt.date.fromisoformat(iso)


def cmd_export_pack(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop.actions import packs
    from desktop.packs import PackError
    from desktop.safe_write import TargetLocked, WriteFailed

    since = _since(args.since)
    try:
        report = packs.export(
            args.out, since=since, include_templates=not args.no_templates, store=store
        )
    except TargetLocked as exc:
        raise CliError(f"{exc.message}（可用 --out {exc.suggestion}）", code=1) from None
    except (WriteFailed, PackError) as exc:
        raise CliError(exc.message, code=1) from None
    if args.json:
        print_json(report.to_json())
    else:
        print(report.summary_zh())
    return 0


def cmd_import_pack(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop.actions import packs
    from desktop.packs import PackError, PackProgress

    def progress(step: PackProgress) -> None:
        if not args.json and step.phase == "merge" and step.total >= 200:
            print(f"[{step.done}/{step.total}] 正在导入…", file=sys.stderr, flush=True)

    try:
        report = packs.import_(args.pack, progress=progress, store=store)
    except PackError as exc:
        raise CliError(exc.message, code=1) from None
    if args.json:
        print_json(report.to_json())
        return 0
    info = report.pack
    print(f"资料包：{info.path}（制作于 {info.created_at}，来自资料库 {info.library_id}）")
    print(report.summary_zh())
    if report.templates_folder:
        print(
            f"模板保存在“{report.templates_folder}”，并未启用；需要时请将其复制到"
            f"“{Path(report.templates_folder).parent.parent}”。"
        )
    return 0
