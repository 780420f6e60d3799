"""The clerk's password for the office server, never in plain text, and how the connection is
made (TLS).

Where the password comes from, in this order:

1. the operating system's keyring (Windows Credential Manager, macOS Keychain, the Secret
   Service of a Linux desktop: GNOME Keyring, KWallet, deepin's keyring on 统信UOS), through
   the ``keyring`` package; ``replydesk server login URL`` puts it there (asked for, never on
   the command line);
2. otherwise libpq's own sources, which this program never writes: the ``.pgpass`` file the
   IT person writes (``%APPDATA%\\postgresql\\pgpass.conf`` on Windows, ``~/.pgpass`` mode
   0600 elsewhere; docs/server-it.md), or ``$PGPASSFILE``.

A machine without a usable keyring (a Linux PC without a Secret Service, a locked-down
Windows account) is not an error until the clerk tries to store a password: reading falls back
to libpq silently, storing says plainly what to do instead.

A password written into the library's address (``postgresql://user:secret@host/db``) is
refused wherever this program would keep the address (settings, the keyring's name for it):
:func:`check_no_password`.

TLS: ``sslmode`` is ``prefer`` unless the address says otherwise (``?sslmode=require`` or
``?sslmode=verify-full&sslrootcert=…``): encrypted whenever the server offers it, and a
bureau that installed a certificate can insist on it. The program connects to the one
address configured and nowhere else (no discovery, no fallback host).
"""

from __future__ import annotations

import logging
from typing import Any, Final
from urllib.parse import parse_qs, urlsplit

from desktop.errors import ClerkError

log = logging.getLogger(__name__)

SERVICE: Final = "ReplyDesk"  # the keyring's service name for the library's passwords
SSL_MODES: Final = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_SSL_MODE: Final = "prefer"


class CredentialsError(ClerkError):
    """The password could not be stored or the address is not acceptable."""


def account(url: str) -> str:
    """The name the keyring keeps the password under: ``user@host:port/dbname``."""
    parts = urlsplit(url.strip())
    user = parts.username or ""
    host = parts.hostname or "localhost"
    port = parts.port or 5432
    return f"{user}@{host}:{port}{parts.path or '/'}"


def check_no_password(url: str) -> None:
    """Refuse an address that carries a password (it would be kept in plain text)."""
    parts = urlsplit(url.strip())
    query = parse_qs(parts.query)
    if parts.password is not None or "password" in query:
        raise CredentialsError(
            "服务器地址中不能写密码（密码会以明文保存）。请去掉地址中的密码，"
            "再用“replydesk server login 地址”把密码存入系统密钥环。"
        )
    mode = query.get("sslmode", [DEFAULT_SSL_MODE])[-1]
    if mode not in SSL_MODES:
        raise CredentialsError(
            f"服务器地址中的 sslmode“{mode}”无效，应为 {'、'.join(SSL_MODES)} 之一。"
        )
    if not parts.username:
        raise CredentialsError("服务器地址中缺少用户名，应为 postgresql://用户名@服务器/资料库名。")


def checked_url(url: str) -> str:
    """``url`` stripped, when it is a server address this program may keep."""
    url = url.strip()
    if not url.lower().startswith(("postgresql://", "postgres://")):
        raise CredentialsError(
            f"“{url[:80]}”不是服务器地址，应为 postgresql://用户名@服务器/资料库名。"
        )
    check_no_password(url)
    return url


def _keyring() -> Any | None:
    """The ``keyring`` module with a usable backend, or None (not installed, or only the
    "fail" backend: no keyring service on this machine)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration: as if there were none
        log.warning("keyring backend could not be loaded", exc_info=True)
        return None
    if isinstance(backend, fail.Keyring):
        return None
    return keyring


def keyring_available() -> bool:
    return _keyring() is not None


def password_for(url: str) -> str | None:
    """The stored password for the address, or None (then libpq reads .pgpass)."""
    kr = _keyring()
    if kr is None:
        return None
    try:
        value = kr.get_password(SERVICE, account(url))
    except Exception:  # a locked or unreachable keyring: libpq's sources still apply
        log.warning("keyring could not be read", exc_info=True)
        return None
    return str(value) if value is not None else None


def store_password(url: str, password: str) -> None:
    """Keep the password in the OS keyring; :class:`CredentialsError` when there is none."""
    check_no_password(url)
    kr = _keyring()
    if kr is None:
        raise CredentialsError(
            "本机没有可用的系统密钥环，密码无法安全保存，没有保存任何内容。"
            "请让信息技术人员为本机写 .pgpass 文件（见 docs/server-it.md）。"
        )
    try:
        kr.set_password(SERVICE, account(url), password)
    except Exception as exc:
        log.warning("keyring could not store the password", exc_info=True)
        raise CredentialsError(
            f"系统密钥环拒绝保存密码（{exc}），没有保存任何内容。"
            "请解锁密钥环后再试，或让信息技术人员为本机写 .pgpass 文件。"
        ) from None


def forget_password(url: str) -> bool:
    """Remove the stored password; False when there was none (or no keyring)."""
    kr = _keyring()
    if kr is None:
        return False
    try:
        if kr.get_password(SERVICE, account(url)) is None:
            return False
        kr.delete_password(SERVICE, account(url))
    except Exception:
        log.warning("keyring could not delete the password", exc_info=True)
        return False
    return True


def connect_options(url: str) -> dict[str, Any]:
    """psycopg's keyword arguments beside the address: the stored password (when the address
    has none) and ``sslmode`` (``prefer`` unless the address names one)."""
    parts = urlsplit(url.strip())
    query = parse_qs(parts.query)
    options: dict[str, Any] = {}
    if "sslmode" not in query:
        options["sslmode"] = DEFAULT_SSL_MODE
    if parts.password is None and "password" not in query:
        password = password_for(url)
        if password is not None:
            options["password"] = password
    return options
