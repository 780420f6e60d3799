"""What a PostgreSQL server must offer before the library is used on it, checked at connect.

- ``pg_trgm``: Chinese search of three characters and more runs on its trigram index. It is
  installed when missing (a trusted extension since PostgreSQL 13: the database's owner may);
  when the server cannot, IT is told how.
- A character classification (``LC_CTYPE``) that counts Chinese characters as letters:
  under plain "C" pg_trgm makes no trigrams of Chinese at all and every search would miss.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.store.errors import LibraryError, LibraryPermissionDenied, ServerError

if TYPE_CHECKING:
    from desktop.store.pg.connection import PgDatabase


class ServerUnsuitable(LibraryError):
    """The server lacks what the library needs (an extension, a locale); IT can fix it."""


def check_server(db: PgDatabase, where: str) -> None:
    ensure_trigrams(db, where)
    check_locale(db, where)


def ensure_trigrams(db: PgDatabase, where: str) -> None:
    row = db.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'", []).fetchone()
    if row is not None:
        return
    try:
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except (ServerError, LibraryPermissionDenied) as exc:  # the account may not install it
        code = "42501" if isinstance(exc, LibraryPermissionDenied) else exc.sqlstate
        raise ServerUnsuitable(
            f"服务器“{where}”上的资料库缺少中文检索所需的 pg_trgm 扩展，本程序也无法安装它"
            f"（{code or '无代码'}）；本机的资料库没有受到影响。请信息技术人员安装"
            "PostgreSQL 的 contrib 组件（Debian/Ubuntu：postgresql-contrib；Windows 安装包已"
            "自带），再以管理员身份在该资料库中执行：CREATE EXTENSION pg_trgm;"
        ) from exc


def check_locale(db: PgDatabase, where: str) -> None:
    row = db.execute(
        "SELECT show_trgm('公交线') <> '{}', current_setting('lc_ctype')", []
    ).fetchone()
    if row is not None and row[0]:
        return
    ctype = row[1] if row is not None else "?"
    raise ServerUnsuitable(
        f"服务器“{where}”上的资料库的字符分类（LC_CTYPE={ctype}）不把汉字当作文字，"
        "中文检索无法使用，所以没有连接；本机的资料库没有受到影响。请信息技术人员以 UTF-8 的"
        "区域设置重新创建该资料库，例如：CREATE DATABASE 名称 TEMPLATE template0 "
        "ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';"
    )
