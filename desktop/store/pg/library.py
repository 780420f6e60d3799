"""Opening a library on a PostgreSQL server for :class:`~desktop.store.library.LibraryStore`:
connect (a few seconds at most), check the server (desktop/store/pg/checks.py), refuse a
schema newer than this program's, migrate. Every failure is a :class:`LibraryError` in
plain Chinese, raised before anything is written; the PC's own library is never touched."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Final

import psycopg

from desktop.store.backup import BackupFile, BackupInfo
from desktop.store.backups import BackupRepository
from desktop.store.errors import (
    LibraryError,
    LibraryPermissionDenied,
    ServerError,
    library_error,
)
from desktop.store.pg import schema
from desktop.store.pg.checks import check_server
from desktop.store.pg.connection import PgDatabase, connect
from desktop.store.pg.errors import connect_error

log = logging.getLogger(__name__)
CONNECT_TIMEOUT: Final = 5  # seconds: an unreachable server is told soon, not after minutes


def open_database(url: str, where: str, *, timeout: float) -> PgDatabase:
    """The library's connection, checked and migrated."""
    try:
        db = connect(url, timeout=timeout, connect_timeout=CONNECT_TIMEOUT)
    except psycopg.Error as exc:
        raise connect_error(exc, where) from exc
    except ValueError as exc:  # psycopg's answer to a URL it cannot read
        raise LibraryError(f"资料库地址“{where}”的格式不对（{exc}）。") from exc
    try:
        check_server(db, where)
        schema.check_not_newer(db, where)
        done = schema.migrate(db)
    except LibraryPermissionDenied as exc:  # a clerk's account cannot change the schema
        db.close()
        raise LibraryError(
            f"服务器“{where}”上的资料库需要升级到本版本答复助手的格式，而您的账户不能修改"
            "资料库结构，没有做任何修改。请管理员用资料库所有者的账户运行 replydesk server init"
            "（见 docs/server-it.md）。"
        ) from exc
    except ServerError as exc:
        db.close()
        problem = library_error(exc, f"服务器“{where}”上的资料库无法打开")
        if problem is None:
            raise
        raise problem from exc
    except BaseException:
        db.close()
        raise
    if done:
        log.info("library %s migrated: %s", where, done)
    return db


class ServerBackups(BackupRepository):
    """A server's library is backed up on the server (pg_dump, by IT: docs/server-it.md),
    not by this program: there are no copies here, and making one is refused plainly."""

    def make(
        self,
        reason: str = "manual",
        *,
        target_file: Path | None = None,
        now: dt.datetime | None = None,
    ) -> Path:
        raise LibraryError(
            "服务器上的资料库由信息技术人员在服务器上备份（pg_dump），本程序不为它做备份。"
        )

    def all(self) -> list[BackupFile]:
        return []

    def newest_good(self) -> tuple[BackupInfo | None, list[tuple[Path, str]]]:
        return None, []
