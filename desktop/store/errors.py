"""The store's errors for the clerk: ``message`` is plain Chinese."""

from __future__ import annotations

import sqlite3

from desktop.errors import ClerkError


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


class LetterEditError(LibraryError):
    """A change to a letter that the clerk asked for and that cannot be made (an unknown
    field, a date that does not exist, a paragraph not in the letter …). Raised before
    anything is written: the library is as it was. ``message`` is one line of plain Chinese."""


class LetterNotFound(LetterEditError):
    """No letter with this id (deleted meanwhile, or a mistyped number)."""

    def __init__(self, letter_id: object):
        super().__init__(f"资料库中没有编号为 {letter_id} 的文件（可能已被删除），没有做任何修改。")
        self.letter_id = letter_id
