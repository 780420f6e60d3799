"""The store's errors for the clerk (``message`` is plain Chinese), and the one place where an
SQLite error becomes one of them.

:func:`library_error` classifies an ``sqlite3.Error`` by its result code
(``sqlite_errorname``, Python 3.11+), never by its English text, into the
:class:`LibraryError` subclass that says what the clerk can do about it. What Python 3.11
with SQLite 3.40 on this project's machines reports (checked by provoking each for real,
``tests/unit/test_store_errors.py``):

================================  ===================  ==========================
situation                         ``sqlite_errorname``  class
================================  ===================  ==========================
another process holds the lock    SQLITE_BUSY          :class:`LibraryBusy`
same-process table lock           SQLITE_LOCKED        :class:`LibraryBusy`
write on a read-only mount / ro   SQLITE_READONLY      :class:`LibraryReadOnly`
file renamed or deleted under us  SQLITE_READONLY_DBMOVED  :class:`LibraryReadOnly`
disk (or ``max_page_count``) full SQLITE_FULL          :class:`LibraryDiskFull`
damaged pages, truncated file     SQLITE_CORRUPT       :class:`LibraryDamaged`
not an SQLite file at all         SQLITE_NOTADB        :class:`LibraryDamaged`
missing folder, a directory …     SQLITE_CANTOPEN      :class:`LibraryUnreachable`
no permission                     SQLITE_PERM          :class:`LibraryUnreachable`
failing disk, dropped share       SQLITE_IOERR_*       :class:`LibraryIOFailure`
================================  ===================  ==========================

Extended codes (``SQLITE_IOERR_WRITE``, ``SQLITE_READONLY_DBMOVED`` …) are classified by
their primary part. Anything else — a syntax error, a constraint, misuse, a closed connection
(``ProgrammingError`` has no code) — is a programmer's error: :func:`library_error` returns
None and the caller lets it propagate to be logged with its traceback.
"""

from __future__ import annotations

import copy
import sqlite3
from typing import Final

from desktop.errors import ClerkError

# What the database engine raises. The few rooms outside the store that add their own
# consequence to a library error ("这份文件未导入") catch this and pass it to library_error(),
# so that no module but the store names the engine (a PostgreSQL library adds its own here).
DatabaseError = sqlite3.Error


class ServerError(sqlite3.DatabaseError):
    """An error of a PostgreSQL library, as its connection (desktop/store/pg/connection.py)
    raises it: a subclass of SQLite's matching class, so that the handlers above catch both
    engines' errors without importing psycopg (a tenth of a second at the window's start).
    ``sqlstate`` is the server's five-character code (None: the client's own failure, such
    as a connection that broke); the original error is the ``__cause__``."""

    def __init__(self, message: str, sqlstate: str | None = None):
        super().__init__(message)
        self.sqlstate = sqlstate
        # SQLite's name for the same situation, where there is one: is_busy(), is_disk_full()
        # answer for both engines.
        self.sqlite_errorname = _SQLSTATE_AS_SQLITE.get(sqlstate or "", "SQLITE_ERROR")


# serialization failure, deadlock, lock timeout (a writer waited in vain); disk full;
# a read-only transaction or a standby server.
_SQLSTATE_AS_SQLITE: Final = {
    "40001": "SQLITE_BUSY",
    "40P01": "SQLITE_BUSY",
    "55P03": "SQLITE_BUSY",
    "53100": "SQLITE_FULL",
    "25006": "SQLITE_READONLY",
}


class ServerIntegrityError(ServerError, sqlite3.IntegrityError):
    """A constraint refused a row (class 23)."""


class ServerOperationalError(ServerError, sqlite3.OperationalError):
    """The server or the connection failed (connection lost, lock timeout, disk full …)."""


class ServerCommitUnknown(ServerOperationalError):
    """The connection was lost while the server committed: whether the transaction was kept
    cannot be known here (the server may have written it before it went away)."""


class ServerProgrammingError(ServerError, sqlite3.ProgrammingError):
    """The statement is wrong (syntax, an unknown table): a programmer's error."""

BUSY: Final = frozenset({"SQLITE_BUSY", "SQLITE_LOCKED"})
DAMAGE: Final = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


class LibraryError(ClerkError):
    """The library file cannot be used; ``message`` is plain Chinese for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)


class LibraryBusy(LibraryError, sqlite3.OperationalError):
    """Another program held the write lock for longer than a writer waits; nothing was
    written. Also an ``sqlite3.OperationalError`` ("database is locked"), so code that handles
    SQLite's own busy error handles this one the same way."""

    def __init__(self, message: str):
        super().__init__(message)
        self.sqlite_errorname = "SQLITE_BUSY"

    def __str__(self) -> str:
        return f"database is locked: {self.message}"


READ_ONLY_MESSAGE = (
    "资料库是只读的（例如在只读的U盘、光盘或共享文件夹上），不能写入，本次没有改动任何内容。"
    "可以查看、搜索，并导出到别处；要修改，请把资料库复制到可写的位置后再打开。"
)


class LibraryReadOnly(LibraryError, sqlite3.OperationalError):
    """A write to a library opened read-only. Also an ``sqlite3.OperationalError`` ("attempt
    to write a readonly database"), so code that handles SQLite's own read-only error handles
    this one the same way."""

    def __init__(self, message: str = READ_ONLY_MESSAGE):
        super().__init__(message)
        self.sqlite_errorname = "SQLITE_READONLY"

    def __str__(self) -> str:
        return f"attempt to write a readonly database: {self.message}"


class LibraryDiskFull(LibraryError):
    """The disk holding the library (or its journal) is full; the transaction was undone."""


class LibraryDamaged(LibraryError):
    """The library file is damaged or is not an SQLite file; restoring a backup helps."""


class LibraryUnreachable(LibraryError):
    """The library file cannot be opened: moved, deleted, its folder gone, no permission."""


class LibraryCommitUnknown(LibraryUnreachable):
    """The connection to the server broke as it committed: whether the change was kept
    cannot be known (``message`` says so, and that doing it again is safe)."""


class LibraryIOFailure(LibraryError):
    """The operating system failed to read or write the file (failing disk, dropped share)."""


class LibraryLoginFailed(LibraryError):
    """The PostgreSQL server refused the login (wrong password, unknown user, not allowed
    from this computer); nothing was read or written."""


class LibraryPermissionDenied(LibraryError):
    """The server's account may not do this (an administrator's action); nothing changed."""


# What a clerk's account is told when the server refuses an administrator's action (deleting
# letters or cases, assigning cases, the profile, the templates: desktop/store/server_roles.py).
ADMIN_ONLY: Final = (
    "此操作需要管理员权限（您登录服务器的账户是经办人账户），没有做任何修改。"
    "请联系管理员，或用管理员账户操作。"
)


class LetterEditError(LibraryError):
    """A change to a letter that the clerk asked for and that cannot be made (an unknown
    field, a date that does not exist, a paragraph not in the letter …). Raised before
    anything is written: the library is as it was. ``message`` is one line of plain Chinese."""


class LetterNotFound(LetterEditError):
    """No letter with this id (deleted meanwhile, or a mistyped number)."""

    def __init__(self, letter_id: object):
        super().__init__(f"资料库中没有编号为 {letter_id} 的文件（可能已被删除），没有做任何修改。")
        self.letter_id = letter_id


# ----------------------------------------------------------------------------------------------
# Classifying SQLite's errors


def error_kind(exc: BaseException | None) -> str | None:
    """The primary result code's name of an SQLite error (``SQLITE_IOERR`` for
    ``SQLITE_IOERR_WRITE``), or None when ``exc`` carries none (not an SQLite error, or one
    Python raised itself such as a closed connection)."""
    name = getattr(exc, "sqlite_errorname", None)
    if not isinstance(exc, sqlite3.Error) or not isinstance(name, str):
        return None
    parts = name.split("_")
    return "_".join(parts[:2]) if len(parts) >= 2 and parts[0] == "SQLITE" else None


def is_busy(exc: BaseException | None) -> bool:
    """Another connection holds a lock this one waited for in vain."""
    return error_kind(exc) in BUSY


def is_damage(exc: BaseException | None) -> bool:
    """Whether an SQLite error — or a ``ClerkError`` raised from one (its ``__cause__``) —
    says the file is damaged or not a database."""
    if exc is not None and not isinstance(exc, sqlite3.Error):
        exc = exc.__cause__
    return error_kind(exc) in DAMAGE


def is_disk_full(exc: BaseException | None) -> bool:
    return error_kind(exc) == "SQLITE_FULL"


_BUSY_TEXT: Final = "资料库正被其他程序（或另一个答复助手窗口）占用"
_READ_ONLY_TEXT: Final = "资料库是只读的（例如在只读的U盘、光盘或共享文件夹上），不能写入"
_FULL_TEXT: Final = "磁盘空间不足"
_DAMAGED_TEXT: Final = "资料库文件已损坏（或不是资料库文件）"
_UNREACHABLE_TEXT: Final = "无法打开资料库文件（可能已被移动、删除，或没有访问权限）"
_IO_TEXT: Final = "读写资料库文件时出错（磁盘或网络共享出现故障）"

# kind -> (class, what happened, what the clerk can do)
_CLASSES: Final[dict[str, tuple[type[LibraryError], str, str]]] = {
    "SQLITE_BUSY": (LibraryBusy, _BUSY_TEXT, "请稍后再试"),
    "SQLITE_LOCKED": (LibraryBusy, _BUSY_TEXT, "请稍后再试"),
    "SQLITE_READONLY": (
        LibraryReadOnly,
        _READ_ONLY_TEXT,
        "要修改，请把资料库复制到可写的位置后再打开",
    ),
    "SQLITE_FULL": (LibraryDiskFull, _FULL_TEXT, "请清理磁盘后再试"),
    "SQLITE_CORRUPT": (LibraryDamaged, _DAMAGED_TEXT, "可以用“从备份恢复”找回以前的资料"),
    "SQLITE_NOTADB": (LibraryDamaged, _DAMAGED_TEXT, "可以用“从备份恢复”找回以前的资料"),
    "SQLITE_CANTOPEN": (LibraryUnreachable, _UNREACHABLE_TEXT, "请检查资料库所在的位置"),
    "SQLITE_PERM": (LibraryUnreachable, _UNREACHABLE_TEXT, "请检查资料库所在的位置"),
    "SQLITE_IOERR": (LibraryIOFailure, _IO_TEXT, "请检查存储设备或网络连接后再试"),
}


def library_error(exc: BaseException, consequence: str = "") -> LibraryError | None:
    """The clerk's error for an SQLite error, or None when it is a programmer's error (then
    re-raise the original). ``consequence`` says what that meant for the clerk's request
    ("这份文件未导入"); the message reads "<what happened>，<consequence>。<what to do>。".

    A ``LibraryError`` (``LibraryBusy`` raised by the connection's writer, which is an
    ``sqlite3.OperationalError`` too) already says what happened in whole sentences: it comes
    back as it is, or as a copy whose message starts with "<consequence>："."""
    if isinstance(exc, ServerError):
        from desktop.store.pg.errors import server_error

        return server_error(exc, consequence)
    if isinstance(exc, LibraryError):
        if not consequence:
            return exc
        told = copy.copy(exc)
        told.message = f"{consequence}：{exc.message}"
        told.args = (told.message,)
        return told
    kind = error_kind(exc)
    if kind is None or kind not in _CLASSES:
        return None
    cls, happened, advice = _CLASSES[kind]
    middle = f"，{consequence}" if consequence else ""
    return cls(f"{happened}{middle}。{advice}。")
