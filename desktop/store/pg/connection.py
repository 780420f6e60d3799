"""A PostgreSQL library's connection, with the surface the repositories use on
:class:`~desktop.store.connection.LibraryDatabase`: ``execute(sql, params)`` (``?``
placeholders) returning a cursor with ``fetchone/fetchall/rowcount/lastrowid``,
``executemany``, ``query`` (rows as dicts), ``atomic()`` (nested: a savepoint),
``snapshot()``, ``begin_write()``, ``conn`` (the same statements, for the repositories that
run several on the connection), ``on_wait``, ``read_only``.

Writers take turns, as on SQLite. Every write transaction starts by taking one advisory
lock of the database (``pg_advisory_xact_lock``), held until it ends: the repositories'
"look, then insert" steps (a letter's duplicate check, the next paragraph id, a case's
session and number) stay correct with several clerks writing at once, exactly as under
SQLite's ``BEGIN IMMEDIATE``, and readers are never held up (PostgreSQL reads a snapshot).
A writer waits quietly for ``quiet_wait`` seconds, then calls ``on_wait`` and waits up to
``long_wait`` seconds more, then gives up with :class:`LibraryBusy` before writing anything.

psycopg's errors leave this module as the store's :class:`ServerError` classes (subclasses
of SQLite's matching ones): the rest of the program catches one family of errors.
"""

from __future__ import annotations

import decimal
import re
import secrets
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final

import psycopg
from psycopg import pq
from psycopg.adapt import Loader

from desktop.store.connection import QUIET_WAIT, long_wait_seconds
from desktop.store.errors import (
    ADMIN_ONLY,
    LibraryBusy,
    LibraryPermissionDenied,
    LibraryReadOnly,
    ServerCommitUnknown,
    ServerError,
    ServerIntegrityError,
    ServerOperationalError,
    ServerProgrammingError,
)
from desktop.store.pg.sql import placeholders

# The advisory lock every write transaction takes first (any fixed number: it names the
# library's write lock within its database).
WRITE_LOCK: Final = 0x5245_504C_5944_534B  # "REPLYDSK"

_INSERT: Final = re.compile(r"\s*INSERT\s+INTO\s+\"?(\w+)\"?", re.I)


class _WholeNumbers(Loader):
    """``numeric`` as SQLite gives it: an int when whole (``sum()`` of integers is numeric
    on PostgreSQL), else a float."""

    def load(self, data: Any) -> int | float:
        value = decimal.Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


def _server_error(exc: psycopg.Error) -> ServerError:
    cls: type[ServerError] = ServerError
    if isinstance(exc, psycopg.IntegrityError):
        cls = ServerIntegrityError
    elif isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        cls = ServerOperationalError
    elif isinstance(exc, psycopg.ProgrammingError):
        cls = ServerProgrammingError
    return cls(str(exc).strip(), exc.sqlstate)


def _commits(sql: str) -> bool:
    return sql.lstrip()[:6].upper() in {"COMMIT", "END"}


def _harmless(sql: str) -> bool:
    """A statement that changes nothing (a read, the start of a transaction)."""
    return sql.lstrip()[:6].upper() in {"SELECT", "BEGIN", "WITH", "SHOW"} or (
        sql.lstrip().upper().startswith("SET ")
    )


@contextmanager
def translated() -> Iterator[None]:
    """psycopg's errors raised as the store's :class:`ServerError` classes."""
    try:
        yield
    except psycopg.errors.InsufficientPrivilege as exc:
        # Always the account's situation, never a bug: an administrator's action tried with
        # a clerk's account (desktop/store/server_roles.py). The statement changed nothing.
        raise LibraryPermissionDenied(ADMIN_ONLY) from exc
    except psycopg.Error as exc:
        raise _server_error(exc) from exc


class PgCursor:
    """A statement's result: ``fetchone``, ``fetchall``, iteration, ``rowcount`` and
    ``lastrowid`` (the ``id`` a single-row INSERT gave, read through ``RETURNING id``)."""

    def __init__(self, cursor: psycopg.Cursor[Any] | None, lastrowid: int | None = None) -> None:
        self._cursor = cursor  # None: nothing was sent
        self.lastrowid = lastrowid
        self.rowcount = cursor.rowcount if cursor is not None else -1

    @property
    def description(self) -> Any:
        return self._cursor.description if self._cursor is not None else None

    def fetchone(self) -> Any:
        if self._cursor is None or self._cursor.description is None:
            return None
        with translated():
            return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        if self._cursor is None or self._cursor.description is None:
            return []
        with translated():
            return self._cursor.fetchall()

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class PgConnection:
    """The statements of a :class:`PgDatabase`, under the name the repositories use for
    SQLite's connection (``self._db.conn.execute``, ``executemany``, ``in_transaction``)."""

    def __init__(
        self,
        raw: psycopg.Connection[Any],
        reopen: Callable[[], psycopg.Connection[Any]] | None = None,
    ) -> None:
        self.raw = raw
        # A connection lost between transactions (the server restarted, the network came
        # back) is made again at the next statement; one lost inside a transaction is
        # reported (the transaction is gone) and made again after it.
        self._reopen = reopen
        self._began = False  # a transaction of ours is open (BEGIN sent, no COMMIT/ROLLBACK)
        self._numbered: dict[str, bool] = {}  # table -> whether the server numbers its ``id``
        # The search indexes the letter repositories write (desktop/store/indexes.py),
        # set by LibraryStore (desktop/store/pg/repositories.py: index_writer).
        self.indexes: Any = None

    @property
    def in_transaction(self) -> bool:
        if self.raw.closed:
            return self._began
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def _track(self, sql: str) -> None:
        head = sql.lstrip()[:12].upper()
        if head.startswith(("BEGIN", "START")):
            self._began = True
        elif head.startswith(("COMMIT", "END")) or (
            head.startswith("ROLLBACK") and not head.startswith("ROLLBACK TO")
        ):
            self._began = False

    def _connected(self, sql: str) -> bool:
        """Make the connection again when it was lost outside a transaction; False when
        the statement is a ROLLBACK of a transaction lost with the connection (the server
        undid it: nothing to send)."""
        if not self.raw.closed:
            return True
        if sql.lstrip().upper().startswith("ROLLBACK"):
            self._began = False
            return False
        if not self._began and self._reopen is not None:
            with translated():
                self.raw = self._reopen()
        return True  # still closed inside a lost transaction: the statement says so

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> PgCursor:
        if not self._connected(sql):
            return PgCursor(None)
        outside = not self._began
        self._track(sql)
        returning = self._returns_id(sql)
        if returning:
            sql = sql.rstrip().rstrip(";") + " RETURNING id"
        with translated():
            try:
                cursor = self._sent_again_if_lost(sql, params, outside)
            except BaseException as exc:
                if outside:  # a BEGIN that failed began nothing: the next one connects again
                    self._began = False
                if isinstance(exc, psycopg.OperationalError) and self.raw.closed and (
                    _commits(sql)
                ):
                    raise ServerCommitUnknown(str(exc).strip()) from exc
                raise
            if not returning:
                return PgCursor(cursor)
            row = cursor.fetchone()
            result = PgCursor(cursor, int(row[0]) if row else None)
            result.rowcount = cursor.rowcount
            return result

    def _sent_again_if_lost(
        self, sql: str, params: Sequence[Any] | None, outside: bool
    ) -> psycopg.Cursor[Any]:
        try:
            return self._send(sql, params)
        except psycopg.OperationalError:
            # psycopg learns that the server ended the connection from the statement that
            # meets it: one that changes nothing, outside a transaction, is sent once more
            # on a new connection.
            if not (outside and self.raw.closed and self._reopen and _harmless(sql)):
                raise
            self.raw = self._reopen()
            return self._send(sql, params)

    def _send(self, sql: str, params: Sequence[Any] | None) -> psycopg.Cursor[Any]:
        if params is None:
            return self.raw.execute(sql.encode())  # no placeholders: sent as it is
        return self.raw.execute(placeholders(sql), list(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> PgCursor:
        self._connected(sql)
        with translated():
            cursor = self.raw.cursor()
            cursor.executemany(placeholders(sql), [list(r) for r in rows])
            return PgCursor(cursor)

    def _returns_id(self, sql: str) -> bool:
        found = _INSERT.match(sql)
        if not found or "RETURNING" in sql.upper() or "VALUES" not in sql.upper():
            return False
        return self._numbers_id(found.group(1).lower())

    def _numbers_id(self, table: str) -> bool:
        """Whether ``table`` has an identity ``id`` (asked once per table and connection;
        a table a migration makes later is asked when first written)."""
        known = self._numbered.get(table)
        if known is None:
            with translated():
                row = self.raw.execute(
                    "SELECT 1 FROM information_schema.columns WHERE table_schema ="
                    " current_schema() AND table_name = %s AND column_name = 'id'"
                    " AND is_identity = 'YES'",
                    [table],
                ).fetchone()
            known = self._numbered[table] = row is not None
        return known

    def forget_tables(self) -> None:
        """Tables were made or changed (a migration): ask again."""
        self._numbered.clear()

    def commit(self) -> None:
        """End the transaction a statement outside ``atomic()`` began (sqlite3's implicit
        one; here every such statement commits by itself)."""
        if self.in_transaction:
            self.execute("COMMIT")

    def close(self) -> None:
        self.raw.close()


class PgDatabase:
    """A PostgreSQL library's connection (see the module's description)."""

    engine: Final = "postgresql"

    def __init__(
        self,
        raw: psycopg.Connection[Any],
        *,
        timeout: float,
        reopen: Callable[[], psycopg.Connection[Any]] | None = None,
    ) -> None:
        self.conn = PgConnection(raw, reopen)
        self.timeout = timeout  # seconds a statement waits for a lock outside a write
        self.quiet_wait = QUIET_WAIT
        self.long_wait = long_wait_seconds()
        self.on_wait: Callable[[], None] | None = None
        self.read_only = False

    # ------------------------------------------------------------------ statements
    def execute(self, sql: str, params: Sequence[Any] | None = None) -> PgCursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> PgCursor:
        return self.conn.executemany(sql, rows)

    def executescript(self, sql: str) -> PgCursor:
        """Several statements without parameters, in the caller's transaction."""
        return self.conn.execute(sql)

    def query(self, sql: str, params: Sequence[Any] | None = None) -> Iterator[dict[str, Any]]:
        # Through execute(): a connection lost between transactions is made again here too.
        cursor = self.conn.execute(sql, list(params or []))
        names = [column.name for column in cursor.description or ()]
        return iter([dict(zip(names, row, strict=True)) for row in cursor.fetchall()])

    def table_names(self) -> list[str]:
        rows = self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema ="
            " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
            [],
        ).fetchall()
        return [str(r[0]) for r in rows]

    # ---------------------------------------------------------------- transactions
    def begin_write(self) -> None:
        """``BEGIN`` and the write lock, waiting for another writer as described above."""
        if self.read_only:
            raise LibraryReadOnly()
        started = time.monotonic()
        if self._try_write_lock(self.quiet_wait):
            return
        if self.on_wait is not None:
            self.on_wait()
        if self._try_write_lock(self.long_wait):
            return
        waited = int(time.monotonic() - started)
        raise LibraryBusy(
            f"资料库正被另一位同事的操作占用，等待 {waited} 秒后仍未结束，本次没有写入任何内容。"
            "请等另一操作（导入、资料包等）完成后再试。"
        )

    def _try_write_lock(self, seconds: float) -> bool:
        self.execute("BEGIN")
        try:
            self.execute(f"SET LOCAL lock_timeout = {max(1, int(seconds * 1000))}")
            self.execute("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK])
            self.execute(f"SET LOCAL lock_timeout = {int(self.timeout * 1000)}")
        except ServerError as exc:
            self.rollback()
            if exc.sqlstate == "55P03":  # lock_not_available: another writer holds it
                return False
            raise
        except BaseException:
            self.rollback()
            raise
        return True

    def rollback(self) -> None:
        # On a lost connection this sends nothing (the server has undone the transaction);
        # the next statement connects again.
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def commit(self) -> None:
        self.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Generator[PgDatabase, None, None]:
        """A read transaction: one consistent view of the library, no lock taken."""
        if self.conn.in_transaction:
            yield self
            return
        self.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        try:
            yield self
        finally:
            self.rollback()

    @contextmanager
    def atomic(self) -> Generator[PgDatabase, None, None]:
        if self.conn.in_transaction:  # nested: a savepoint inside the write transaction
            with self._savepoint():
                yield self
            return
        self.begin_write()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.commit()
            except BaseException:
                self.rollback()
                raise

    @contextmanager
    def _savepoint(self) -> Generator[None, None, None]:
        name = f"replydesk_{secrets.token_hex(8)}"
        self.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self.execute(f"RELEASE SAVEPOINT {name}")

    def close(self) -> None:
        self.conn.close()


def connect(url: str, *, timeout: float, connect_timeout: int) -> PgDatabase:
    """A connection to the library at ``url`` (psycopg's errors are the caller's to tell).
    The password comes from the system keyring, else from libpq's .pgpass; TLS when the
    server offers it (desktop/server/credentials.py)."""

    def opened() -> psycopg.Connection[Any]:
        return open_raw(url, connect_timeout=connect_timeout)

    return PgDatabase(opened(), timeout=timeout, reopen=opened)


def open_raw(url: str, *, connect_timeout: int) -> psycopg.Connection[Any]:
    from desktop.store.credentials import connect_options

    raw = psycopg.connect(
        url,
        autocommit=True,  # transactions are begun and ended by PgDatabase, as on SQLite
        # Parameters bound on the client, as literals: the server infers their types from
        # the statement as it does for literals, as SQLite does ("? IS NULL", "coalesce(?,
        # x)"); bound on the server, an untyped NULL in such a place is an error.
        cursor_factory=psycopg.ClientCursor,
        connect_timeout=connect_timeout,
        application_name="replydesk",
        **connect_options(url),
    )
    raw.adapters.register_loader("numeric", _WholeNumbers)
    return raw
