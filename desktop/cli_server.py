"""``replydesk server …``: the office server (a shared library on PostgreSQL).

- ``server init URL`` — the IT person, once (and again after an upgrade): schema, roles,
  rights; prints what to do next;
- ``server login URL`` — a clerk, once per PC: the password, asked for (never on the command
  line), kept in the system keyring; ``server logout URL`` forgets it;
- ``server upload [--from LIBRARY]`` — a PC's library onto the server (``--db`` or the
  configured server), idempotent;
- ``server download --to FILE.db`` — a SQLite copy of the server's library.

Exit codes: 0 done, 2 the server could not be used as asked (unreachable, login refused, no
right, no keyring …: one line of Chinese on stderr says why) or a wrong argument.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from desktop.cli_args import print_json, text
from desktop.cli_reply import CliError


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    server = sub.add_parser(
        "server",
        parents=[common],
        help="办公网服务器上的共享资料库（PostgreSQL）：建立、登录、上传、下载",
        description="办公网服务器上的共享资料库（PostgreSQL）。服务器地址的格式："
        "postgresql://用户名@服务器[:端口]/资料库名（地址中不写密码）。",
    )
    ssub = server.add_subparsers(dest="server_command", metavar="操作", required=True)
    p = ssub.add_parser(
        "init",
        parents=[common],
        help="在服务器上建立资料库、角色和权限（信息技术人员运行）",
        description="在服务器上建立（或升级）资料库结构、经办人和管理员两个角色及其权限，"
        "并列出接下来要做的事。请用资料库所有者的账户运行；升级答复助手后再运行一次。",
    )
    p.add_argument(
        "url", type=text, metavar="服务器地址", help="postgresql://用户名@服务器/资料库名"
    )
    p = ssub.add_parser(
        "login",
        parents=[common],
        help="把登录服务器的密码存入系统密钥环",
        description="输入登录服务器的密码（不显示），存入系统密钥环；本程序不以明文保存密码。"
        "没有密钥环的电脑请由信息技术人员写 .pgpass 文件。",
    )
    p.add_argument(
        "url", type=text, metavar="服务器地址", help="postgresql://用户名@服务器/资料库名"
    )
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（供脚本使用）")
    p = ssub.add_parser(
        "logout",
        parents=[common],
        help="删除系统密钥环中保存的密码",
        description="删除系统密钥环中该地址的密码",
    )
    p.add_argument(
        "url", type=text, metavar="服务器地址", help="postgresql://用户名@服务器/资料库名"
    )
    p = ssub.add_parser(
        "upload",
        parents=[common],
        help="把本机资料库上传到服务器（可重复运行，不会重复）",
        description="把本机资料库的文件（含修正）、案件（含历次稿件、办理记录）、单位信息"
        "上传到 --db 指定的服务器（默认：设置中的资料库）。服务器上已有的文件和案件不会重复上传。",
    )
    p.add_argument("--from", dest="source", type=Path, metavar="资料库文件",
                   help="要上传的本机资料库（默认：用户数据文件夹中的 library.db）")  # fmt: skip
    p = ssub.add_parser(
        "download",
        parents=[common],
        help="把服务器上的资料库下载为本机的资料库文件",
        description="把 --db 指定的服务器上的资料库（默认：设置中的资料库）完整复制为一个"
        "本机资料库文件。",
    )
    p.add_argument("--to", dest="target", type=Path, required=True, metavar="文件.db",
                   help="要写入的资料库文件（已存在时只覆盖从同一服务器下载的副本）")  # fmt: skip


def cmd_server(_store: object, args: argparse.Namespace) -> int:
    handler = {
        "init": _init,
        "login": _login,
        "logout": _logout,
        "upload": _upload,
        "download": _download,
    }[args.server_command]
    return handler(args)


def _init(args: argparse.Namespace) -> int:
    from desktop.server import setup

    url = setup.server_url(args.url, "建立服务器上的资料库")
    report = setup.init(url)
    if args.json:
        print_json(report.to_json())
        return 0
    print(f"服务器上的资料库已就绪：{report.server}")
    print(f"资料库结构：{len(report.migrations)} 个版本已应用。")
    made = "、".join(report.roles_created) or "无（已存在）"
    print(f"新建的角色：{made}；已设置 {report.grants} 项权限。")
    print("接下来请信息技术人员：")
    for n, step in enumerate(report.next_steps, 1):
        print(f"  {n}. {step}")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("服务器密码（输入时不显示）：")
    if not password:
        raise CliError("没有输入密码，没有保存任何内容。")
    return password


def _login(args: argparse.Namespace) -> int:
    from desktop.store import credentials

    url = credentials.checked_url(args.url)
    credentials.store_password(url, _read_password(args))
    where = credentials.account(url)
    if args.json:
        print_json({"saved": True, "account": where})
    else:
        print(f"密码已存入系统密钥环（{where}）。")
    return 0


def _logout(args: argparse.Namespace) -> int:
    from desktop.store import credentials

    url = credentials.checked_url(args.url)
    removed = credentials.forget_password(url)
    if args.json:
        print_json({"removed": removed, "account": credentials.account(url)})
    else:
        print("已删除保存的密码。" if removed else "系统密钥环中没有该地址的密码。")
    return 0


def _progress(args: argparse.Namespace) -> Any:
    if args.json:
        return None
    names = {"letters": "文件", "cases": "案件"}

    def show(stage: str, done: int, total: int) -> None:
        print(f"{names.get(stage, stage)} {done}/{total}", file=sys.stderr, flush=True)

    return show


def _summary(report: Any) -> str:
    profile = {"copied": "已复制", "kept": "目标已有，保留目标的", "none": "无",
               "no-right": "没有权限修改（需要管理员），未复制"}[report.profile]  # fmt: skip
    return (
        f"文件：新增 {report.letters_added} 份，已有 {report.letters_present} 份"
        f"（其中 {report.letters_corrected} 份采用了本次带来的修正），新增段落 "
        f"{report.paragraphs_added} 个；案件：新增 {report.cases_added} 件"
        f"（{report.draft_versions} 个稿件版本），已有 {report.cases_present} 件；"
        f"单位信息：{profile}。" + _refused(report.cases_refused)
    )


def _refused(cases: list[str]) -> str:
    if not cases:
        return ""
    return (
        f"另有 {len(cases)} 件案件已分派给他人，经办人账户不能上传，未上传（请用管理员账户再运行"
        f"一次）：{'、'.join(cases)}。"
    )


def _upload(args: argparse.Namespace) -> int:
    from desktop.paths import data_dir
    from desktop.server import setup
    from desktop.store.engine import default_location

    target = args.db or default_location()
    source = args.source or data_dir() / "library.db"
    report = setup.upload(Path(source), target, progress=_progress(args))
    if args.json:
        print_json(report.to_json())
    else:
        print("已上传。" + _summary(report))
    return 0


def _download(args: argparse.Namespace) -> int:
    from desktop.server import setup
    from desktop.store.engine import default_location

    source = args.db or default_location()
    report = setup.download(source, args.target, progress=_progress(args))
    if args.json:
        print_json({**report.to_json(), "path": str(args.target)})
    else:
        print(f"已下载到 {args.target}。" + _summary(report))
    return 0
