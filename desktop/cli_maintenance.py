"""Headless maintenance commands: ``backup`` and ``restore``.

Both work on the library file alone (``NO_LIBRARY_COMMANDS``): they never open it through
``LibraryStore``, so they work when it is damaged, and neither migrates it nor fills in the
sample library. Exit codes: 0 done, 1 refused or failed (the reason is printed), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.actions import backup
from desktop.actions.backup import BackupInfo
from desktop.cli_args import print_json
from desktop.cli_reply import CliError
from desktop.errors import ClerkError
from desktop.paths import default_db_path

if TYPE_CHECKING:
    from desktop.store import LibraryStore

NO_LIBRARY_COMMANDS = frozenset({"backup", "restore"})


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "backup",
        parents=[common],
        help="备份资料库（默认备份到资料库旁的 backups 文件夹）",
        description="备份资料库（默认备份到资料库旁的 backups 文件夹）",
    )
    p.add_argument(
        "--to",
        type=Path,
        default=None,
        metavar="位置",
        help="一个文件夹（自动按日期命名）或以 .db 结尾的文件名",
    )

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="用备份替换资料库（当前的资料库另存一份）",
        description="用备份替换资料库（先检查备份；当前的资料库另存一份）",
    )
    p.add_argument("path", type=Path, metavar="备份文件", help="要恢复的备份文件")
    p.add_argument("--yes", action="store_true", help="替换前不再询问")


def _db(args: argparse.Namespace) -> Path:
    from desktop.store.engine import default_location, is_server
    from desktop.store.errors import LibraryError

    if is_server(args.db) or (args.db is None and is_server(default_location())):
        raise LibraryError(
            "服务器上的资料库由信息技术人员在服务器上备份和恢复（pg_dump），"
            "本程序的 backup、restore 只用于本机的资料库文件。"
        )
    return Path(args.db) if args.db is not None else default_db_path()


def describe(info: BackupInfo) -> list[str]:
    """What was checked in a backup, for the clerk (plain Chinese lines)."""
    return [
        f"备份文件：{info.path}",
        "完整性检查：通过",
        f"数据库版本：{info.schema}（本程序可以打开）",
        f"备份时间：{info.made_at:%Y-%m-%d %H:%M}",
        f"内容：文件 {info.letters} 份，段落 {info.paragraphs} 个，案件 {info.cases} 件",
    ]


def cmd_backup(store: LibraryStore, args: argparse.Namespace) -> int:
    db = _db(args)
    try:
        made = backup.back_up(db, args.to)
    except ClerkError as exc:
        raise CliError(exc.message, 1) from None
    info = made.info
    if args.json:
        print_json({"library": str(db), "backup": info.to_json()})
    else:
        print(f"已备份资料库“{db}”到：{made.path}")
        print(f"内容：文件 {info.letters} 份，段落 {info.paragraphs} 个，案件 {info.cases} 件")
    return 0


def _confirm(question: str) -> None:
    """Ask on the terminal; raises ``CliError`` unless the answer is yes."""
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError("没有恢复：需要确认。确认替换请加 --yes。", 1)
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes", "是"):
        raise CliError("已取消，资料库没有改动。", 1)


def cmd_restore(store: LibraryStore, args: argparse.Namespace) -> int:
    db = _db(args)
    try:
        info = backup.check(args.path)
    except ClerkError as exc:
        raise CliError(f"不能恢复：{exc.message}", 1) from None
    if not args.json:
        for line in describe(info):
            print(line)
    if not args.yes:
        _confirm(f"用这个备份替换资料库“{db}”吗？当前资料库会另存一份。")
    try:
        result = backup.restore(args.path, db)
    except ClerkError as exc:
        raise CliError(f"不能恢复：{exc.message}", 1) from None
    if args.json:
        print_json(result.to_json())
        return 0
    if result.kept is not None:
        print(f"原来的资料库已另存为：{result.kept}")
    print(f"已用备份恢复资料库：{result.library}")
    return 0
