"""A PostgreSQL library's errors as the clerk reads them (plain Chinese), by the server's
SQLSTATE code; a failed login by what the server and libpq said.

The server's codes (https://www.postgresql.org/docs/15/errcodes-appendix.html) are stable;
a failure while connecting carries none (psycopg 3 reports libpq's message), so
:func:`connect_error` reads that message: libpq's own words are English, the server's follow
its ``lc_messages`` (English or Chinese on a bureau's server), and both are looked for. What
is not recognised is still told in Chinese, with the server's words after it.

No psycopg here: :mod:`desktop.store.errors` imports this module to classify a
:class:`~desktop.store.errors.ServerError`.
"""

from __future__ import annotations

from typing import Final

from desktop.store.errors import (
    LibraryBusy,
    LibraryCommitUnknown,
    LibraryDiskFull,
    LibraryError,
    LibraryLoginFailed,
    LibraryPermissionDenied,
    LibraryReadOnly,
    LibraryUnreachable,
    ServerCommitUnknown,
    ServerError,
)

_UNREACHABLE: Final = "无法连接资料库服务器"
_UNREACHABLE_ADVICE: Final = "请检查网络连接和设置中的服务器地址，或请信息技术人员确认服务器已开启"
_BUSY: Final = "资料库服务器上另一位同事的操作与本次操作冲突"
_PERMISSION: Final = "此操作需要管理员权限（您登录服务器的账户是经办人账户）"
_PERMISSION_ADVICE: Final = "请联系管理员，或用管理员账户操作"

_LATER: Final = "请稍后再试，或联系信息技术人员"

# SQLSTATE (whole code, else its two-character class) -> (class, what happened, advice)
_BY_CODE: Final[dict[str, tuple[type[LibraryError], str, str]]] = {
    "40001": (LibraryBusy, _BUSY, "请再试一次"),
    "40P01": (LibraryBusy, _BUSY, "请再试一次"),
    "55P03": (LibraryBusy, "资料库服务器正被其他同事的操作占用", "请稍后再试"),
    "42501": (LibraryPermissionDenied, _PERMISSION, _PERMISSION_ADVICE),
    "28P01": (
        LibraryLoginFailed,
        "服务器拒绝登录（用户名或密码不对）",
        "请检查设置中的用户名和密码",
    ),
    "28000": (LibraryLoginFailed, "服务器拒绝登录", "请联系信息技术人员为本机开通访问"),
    "3D000": (
        LibraryUnreachable,
        "服务器上没有设置中的资料库",
        "请核对设置中的资料库名称，或请信息技术人员创建它",
    ),
    "53100": (LibraryDiskFull, "资料库服务器的磁盘空间不足", "请联系信息技术人员清理服务器磁盘"),
    "25006": (LibraryReadOnly, "资料库服务器当前只允许读取，不能写入", _LATER),
    "08": (LibraryUnreachable, "与资料库服务器的连接中断", _UNREACHABLE_ADVICE),
    "57": (LibraryUnreachable, "资料库服务器已停止或正在重启", _LATER),
    "53": (LibraryUnreachable, "资料库服务器资源不足（连接数或内存）", _LATER),
}


# The caller's consequence ("这份文件未导入") may be untrue here: the server may have kept it.
COMMIT_UNKNOWN: Final = (
    "与资料库服务器的连接在保存的最后一步中断，不能确定刚才的修改是否已经保存。"
    "请在服务器恢复后查看；没有保存的再做一次即可（已导入的文件会显示为“重复”，"
    "已保存的草稿不会再存一版）。"
)


def server_error(exc: ServerError, consequence: str = "") -> LibraryError | None:
    """The clerk's error for a server's error, or None for a programmer's error (a syntax
    error, an unknown table, a constraint that the code should have checked first). A
    broken connection (no code) is the clerk's: the network or the server went away."""
    if isinstance(exc, ServerCommitUnknown):
        return LibraryCommitUnknown(COMMIT_UNKNOWN)
    code = exc.sqlstate or "08"
    found = _BY_CODE.get(code) or _BY_CODE.get(code[:2])
    if found is None:
        return None
    cls, happened, advice = found
    middle = f"，{consequence}" if consequence else ""
    return cls(f"{happened}{middle}。{advice}。")


# Markers in a failed connection's message (libpq's English, the server's English or
# Chinese) -> the situation
_LOGIN_MARKERS: Final = (
    ("password authentication failed", "28P01"),
    ("no password supplied", "28P01"),
    ("口令认证失败", "28P01"),
    ("密码认证失败", "28P01"),
    ("没有提供口令", "28P01"),
    ("pg_hba.conf", "28000"),
    ('role "', "28000"),
    ('角色 "', "28000"),
    ('database "', "3D000"),
    ('数据库 "', "3D000"),
    ("the database system is starting up", "57"),
    ("the database system is shutting down", "57"),
    ("too many clients", "53"),
)


def connect_error(exc: BaseException, where: str) -> LibraryError:
    """The clerk's error for a connection that could not be made to ``where`` (the
    server's address, without a password)."""
    text = str(exc)
    code = next((c for marker, c in _LOGIN_MARKERS if marker in text), None)
    if code is None:
        timeout = "timeout expired" in text
        happened = f"{_UNREACHABLE}“{where}”" + ("（等待超时）" if timeout else "")
        return LibraryUnreachable(
            f"{happened}，本机的资料库没有受到影响。{_UNREACHABLE_ADVICE}。（{_detail(text)}）"
        )
    cls, happened, advice = _BY_CODE[code]
    return cls(f"{happened}（服务器“{where}”），本机的资料库没有受到影响。{advice}。")


def _detail(text: str) -> str:
    """libpq's message on one line, without psycopg's "connection failed:" prefix."""
    line = " ".join(text.split())
    return line.removeprefix("connection failed: ")[:200]
