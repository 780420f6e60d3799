"""Setting up the office server and moving libraries onto it and back: what
``replydesk server init | upload | download | login`` do, Qt-free (the window may call them
too). The server's address is a ``postgresql://user@host[:port]/dbname`` URL without a
password (desktop/server/credentials.py)."""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from desktop import timestamps
from desktop.errors import ClerkError
from desktop.server.copy import CopyReport, Progress, copy_library
from desktop.store import LibraryStore
from desktop.store.credentials import check_no_password, connect_options
from desktop.store.engine import Location, is_server, shown
from desktop.store.server_roles import ADMIN, CLERK, InitOutcome, init_server

log = logging.getLogger(__name__)

DOWNLOADED_FROM: Final = "downloaded_from"  # meta key of a downloaded copy: the server
DOWNLOADED_AT: Final = "downloaded_at"


class ServerSetupError(ClerkError):
    """A server command that cannot be done as asked; nothing was changed."""


def server_url(location: object, what: str) -> str:
    """``location`` as the server's address, or :class:`ServerSetupError`."""
    if location is None or not is_server(str(location)):
        raise ServerSetupError(
            f"{what}需要服务器地址：用 --db postgresql://用户名@服务器/资料库名 指定，"
            "或在设置中选择服务器上的资料库。"
        )
    url = str(location).strip()
    check_no_password(url)
    return url


@dataclass(frozen=True)
class InitReport:
    server: str
    migrations: list[str]
    roles_created: list[str]
    grants: int
    next_steps: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "server": self.server,
            "migrations": self.migrations,
            "roles_created": self.roles_created,
            "grants": self.grants,
            "next_steps": self.next_steps,
        }


def init(url: str) -> InitReport:
    """Create (or bring up to date) the library's schema on the server, the two roles and
    their rights. Run by the IT person with the database owner's account; running it again
    after an upgrade migrates and grants again."""
    check_no_password(url)
    outcome: InitOutcome = init_server(url, connect_options(url), open_library=_migrate)
    return InitReport(
        server=shown(url),
        migrations=outcome.migrations,
        roles_created=outcome.roles_created,
        grants=len(outcome.grants),
        next_steps=next_steps(url),
    )


def _migrate(url: str) -> list[str]:
    with LibraryStore(url) as store:
        return store.schema_migrations()


def next_steps(url: str) -> list[str]:
    where = shown(url)
    return [
        f"为每位经办人建立登录账户：CREATE ROLE 账户名 LOGIN PASSWORD '初始密码' IN ROLE {CLERK};",
        f"为管理员建立登录账户：CREATE ROLE 账户名 LOGIN PASSWORD '初始密码' IN ROLE {ADMIN};",
        "在 pg_hba.conf 中只允许办公网段以 scram-sha-256 方式登录，然后重新加载服务器配置"
        "（见 docs/server-it.md）。",
        f"在每台电脑上：设置 → 资料库位置 选择服务器上的资料库（{where}，把用户名换成该经办人的"
        "账户），再运行 replydesk server login 地址 保存密码（或由信息技术人员写 .pgpass 文件）。",
        "把各电脑上原有的资料库搬到服务器：replydesk server upload --db 服务器地址"
        "（可重复运行，已上传的不会重复）。",
        "每天用 pg_dump 备份资料库（见 docs/server-it.md）。",
    ]


def upload(source: Path, target: Location, *, progress: Progress | None = None) -> CopyReport:
    """Copy the PC library at ``source`` into the library at ``target`` (the server, or any
    library), idempotently."""
    if not source.exists():
        raise ServerSetupError(f"本机资料库“{source}”不存在，没有上传任何内容。")
    if not is_server(target) and Path(target).resolve() == source.resolve():
        raise ServerSetupError(f"上传的来源和目标是同一个资料库“{source}”，没有上传任何内容。")
    with LibraryStore(source) as local, LibraryStore(target) as server:
        return copy_library(local, server, progress=progress)


def download(source: Location, target: Path, *, progress: Progress | None = None) -> CopyReport:
    """A SQLite copy of the library at ``source`` (the server's) at ``target``, written beside
    it and put in place whole. An existing ``target`` is replaced only when it is an earlier
    download of the same library (the offline copy refreshed); any other file is refused."""
    where = shown(source)
    if not is_server(source) and Path(source).resolve() == target.resolve():
        raise ServerSetupError(f"“{target}”就是要下载的资料库本身，没有覆盖。请换一个文件名。")
    if target.exists():
        earlier = _downloaded_from(target)
        if earlier != where:
            raise ServerSetupError(
                f"“{target}”已存在，且不是从 {where} 下载的副本，没有覆盖。请换一个文件名。"
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    _remove_library_files(part)
    try:
        with LibraryStore(source) as server, LibraryStore(part, backup_dir=part.parent) as copy:
            report = copy_library(server, copy, progress=progress)
            copy.set_meta(DOWNLOADED_FROM, where)
            copy.set_meta(DOWNLOADED_AT, timestamps.now())
        _remove_library_files(target, keep_main=True)
        os.replace(part, target)
    finally:
        _remove_library_files(part)
    return report


def _downloaded_from(path: Path) -> str | None:
    try:
        with LibraryStore(path) as store:
            return store.get_meta(DOWNLOADED_FROM)
    except ClerkError:
        return None


def _remove_library_files(path: Path, *, keep_main: bool = False) -> None:
    """A SQLite library's file and its -wal/-shm companions (stale ones would be read with
    the new file)."""
    names = [f"{path}-wal", f"{path}-shm", f"{path}-journal"]
    if not keep_main:
        names.append(str(path))
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            Path(name).unlink()
