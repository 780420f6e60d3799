"""Which engine holds a library: a location is a file path (SQLite, the default: a file in
the user data folder) or a ``postgresql://user@host/dbname`` URL (a shared library on the
office network's PostgreSQL server). The command line's ``--db``, ``$REPLYDESK_DB`` and the
window's setting all name a location; :class:`~desktop.store.library.LibraryStore` opens
either."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

ENV: Final = "REPLYDESK_DB"
SCHEMES: Final = ("postgresql://", "postgres://")

Location = str | Path


def is_server(location: Location | None) -> bool:
    """Whether ``location`` names a PostgreSQL library (a ``postgresql://`` URL)."""
    return isinstance(location, str) and location.strip().lower().startswith(SCHEMES)


def location_from(value: str | Path | None) -> Location | None:
    """A location as given (command line, setting, environment): a URL stays a string (a
    ``Path`` would fold its ``//``), anything else is a path; empty means none."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    return text if is_server(text) else Path(text).expanduser()


def from_environment() -> Location | None:
    """``$REPLYDESK_DB``, when set."""
    return location_from(os.environ.get(ENV))


def default_location() -> Location:
    """The library used when none is given: ``$REPLYDESK_DB`` (a file or a server's URL),
    else ``library.db`` in the user data folder."""
    from desktop.paths import data_dir

    return from_environment() or data_dir() / "library.db"


def shown(location: Location) -> str:
    """The location as the clerk may read it: a URL without its password."""
    if not is_server(location):
        return str(location)
    parts = urlsplit(str(location).strip())
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    user = f"{parts.username}@" if parts.username else ""
    return f"postgresql://{user}{host}{port}{parts.path}"


def checked_location(text: str) -> Location | None:
    """A location the clerk typed (Settings), checked: None for empty (the default file);
    a URL must name a server and a database, and carries no password — the password is
    the OS keyring's or the .pgpass file's (docs/server-it.md), never a setting in plain
    text. Raises :class:`~desktop.store.errors.LibraryError` in plain Chinese."""
    from desktop.store.errors import LibraryError

    location = location_from(text)
    if not isinstance(location, str):
        return location
    try:
        parts = urlsplit(location)
        parts.port  # noqa: B018 - reading it checks the port
    except ValueError as exc:
        raise LibraryError(f"服务器地址“{shown_safely(location)}”的格式不对（{exc}）。") from exc
    if parts.password:
        raise LibraryError(
            "服务器地址中不能写密码：密码请保存在系统的凭据管理（钥匙串）或信息技术人员配置的"
            " .pgpass 文件中。请把地址改为 postgresql://用户名@服务器/资料库 的形式。"
        )
    if not parts.hostname and "host=" not in parts.query:
        raise LibraryError("服务器地址缺少服务器名称，应为 postgresql://用户名@服务器/资料库。")
    if parts.path.strip("/") == "":
        raise LibraryError("服务器地址缺少资料库名称，应为 postgresql://用户名@服务器/资料库。")
    return location


def shown_safely(location: str) -> str:
    """:func:`shown`, or the text with anything after ``:`` in its user part hidden when it
    cannot be read as a URL."""
    try:
        return shown(location)
    except ValueError:
        return location.split("@")[-1]
