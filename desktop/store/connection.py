"""The library's connection: every write transaction takes the write lock first, and waits.

SQLite's default ``BEGIN`` is deferred: a transaction that reads and then writes asks for the
write lock only at its first write, and when another process committed in between, SQLite
answers "database is locked" at once, without waiting (its snapshot is stale). So every write
transaction here starts with ``BEGIN IMMEDIATE``: it waits for the lock before reading.

Another process may hold the write lock for long (an import of a 2,000-letter pack takes
16 s). A writer waits quietly for ``QUIET_WAIT`` seconds, then calls the store's ``on_wait``
(the command line prints :data:`WAIT_MESSAGE`) and waits up to ``LONG_WAIT`` seconds more;
then it gives up with :class:`LibraryBusy` before it has written anything.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Generator
from contextlib import contextmanager
from typing import Final

from sqlite_utils import Database

from desktop.store.errors import LibraryBusy, LibraryReadOnly, is_busy

QUIET_WAIT: Final = 1.5  # seconds
# Seconds a writer waits after the notice; $REPLYDESK_LOCK_WAIT changes it (tests, slow shares).
LONG_WAIT_ENV: Final = "REPLYDESK_LOCK_WAIT"
LONG_WAIT: Final = 120.0
WAIT_MESSAGE: Final = "资料库正被另一操作占用，正在等待…"


def _has_code(sql: str) -> bool:
    """Whether a piece of a script holds more than white space, ``;`` and comments."""
    return any(
        line.strip().strip(";").strip() and not line.strip().startswith("--")
        for line in sql.splitlines()
    )


def long_wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(LONG_WAIT_ENV, LONG_WAIT)))
    except ValueError:
        return LONG_WAIT


class LibraryDatabase(Database):
    """sqlite-utils' ``Database`` whose :meth:`atomic` takes the write lock first."""

    engine: Final = "sqlite"  # PostgreSQL's: desktop.store.pg.connection.PgDatabase

    def __init__(self, conn: sqlite3.Connection, *, timeout: float) -> None:
        # No sqlite-utils plugins: the library needs none, and looking for them reads every
        # installed package's metadata (tens of milliseconds of the window's start).
        super().__init__(conn, execute_plugins=False)
        self.timeout = timeout  # the connection's busy timeout for reads, in seconds
        self.quiet_wait = QUIET_WAIT
        self.long_wait = long_wait_seconds()
        self.on_wait: Callable[[], None] | None = None
        self.read_only = False  # opened read-only: every write is refused before it starts

    def _busy_timeout(self, seconds: float) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def begin_write(self) -> None:
        """``BEGIN IMMEDIATE``, waiting for another writer as described above."""
        if self.read_only:
            raise LibraryReadOnly()
        started = time.monotonic()
        try:
            self._busy_timeout(self.quiet_wait)
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
            if self.on_wait is not None:
                self.on_wait()
            self._busy_timeout(self.long_wait)
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
                waited = int(time.monotonic() - started)
                raise LibraryBusy(
                    f"资料库正被另一操作占用，等待 {waited} 秒后仍未结束，本次没有写入任何内容。"
                    "请等另一操作（导入、资料包等）完成后再试。"
                ) from exc
        finally:
            self._busy_timeout(self.timeout)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        """Inside a transaction, statement by statement: ``sqlite3.executescript`` would
        commit the transaction first (a migration must stay one transaction, under the
        write lock, with the record that it was applied)."""
        if not self.conn.in_transaction:
            return super().executescript(sql)
        cursor = self.conn.cursor()
        statement = ""
        for piece in sql.split(";"):
            statement += piece + ";"
            if sqlite3.complete_statement(statement):
                if _has_code(statement):
                    cursor.execute(statement)
                statement = ""
        if _has_code(statement[:-1]):
            cursor.execute(statement[:-1])
        return cursor

    @contextmanager
    def snapshot(self) -> Generator[Database, None, None]:
        """A read transaction (plain ``BEGIN``): one consistent view, no write lock taken."""
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    @contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:  # nested: a savepoint inside the write transaction
            with super().atomic() as db:
                yield db
            return
        self.begin_write()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise
