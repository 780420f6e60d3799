from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.model import Block, ParsedLetter
from desktop.normalize import normalize_text
from desktop.store import LibraryStore
from tests.pg_server import NoServer, PgServer, running_server

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "sample_library"
FIXTURES = ROOT / "tests" / "fixtures"


# ---------------------------------------------------------------------------------- no network
# ReplyDesk never uses the network. Any attempt from Python to reach another machine — a
# connect()/connect_ex()/sendto() on an Internet socket, socket.create_connection(), or a name
# lookup other than the local host — raises NetworkBlocked *and* is recorded, so the session
# fails even when the code under test swallows the exception. AF_UNIX sockets (Qt's
# QLocalServer/QLocalSocket use them, from C++ anyway) and socketpair() stay allowed.
# Qt's own C++ networking does not go through Python's socket module and is not seen here.


class NetworkBlocked(RuntimeError):
    pass


NETWORK_ATTEMPTS: list[str] = []
_LOCAL_NAMES = frozenset({None, "", "localhost", "127.0.0.1", "::1", b"localhost"})
_in_socketpair = threading.local()


def _blocked(what: str, address: Any) -> NetworkBlocked:
    message = f"network access attempted in a test: {what}({address!r}); ReplyDesk is offline"
    NETWORK_ATTEMPTS.append(message)
    return NetworkBlocked(message)


def _is_unix(sock: socket.socket) -> bool:
    return getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_sendto = socket.socket.sendto
    real_getaddrinfo = socket.getaddrinfo
    real_socketpair = socket.socketpair

    def connect(self: socket.socket, address: Any) -> None:
        if not _is_unix(self) and not getattr(_in_socketpair, "on", False):
            raise _blocked("socket.connect", address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not _is_unix(self) and not getattr(_in_socketpair, "on", False):
            raise _blocked("socket.connect_ex", address)
        return real_connect_ex(self, address)

    def sendto(self: socket.socket, *args: Any) -> int:
        if not _is_unix(self):
            raise _blocked("socket.sendto", args[-1])
        return real_sendto(self, *args)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        raise _blocked("socket.create_connection", address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in _LOCAL_NAMES:
            raise _blocked("socket.getaddrinfo", host)
        return real_getaddrinfo(host, *args, **kwargs)

    def socketpair(*args: Any, **kwargs: Any) -> Any:
        # On Windows socketpair() is a loopback TCP connection made in Python: not network.
        _in_socketpair.on = True
        try:
            return real_socketpair(*args, **kwargs)
        finally:
            _in_socketpair.on = False

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", connect)
        mp.setattr(socket.socket, "connect_ex", connect_ex)
        mp.setattr(socket.socket, "sendto", sendto)
        mp.setattr(socket, "create_connection", create_connection)
        mp.setattr(socket, "getaddrinfo", getaddrinfo)
        mp.setattr(socket, "socketpair", socketpair)
        yield


@pytest.fixture
def network_attempts() -> list[str]:
    """The attempts recorded so far (a test that provokes one on purpose clears it)."""
    return NETWORK_ATTEMPTS


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if NETWORK_ATTEMPTS:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_sep(
                "=", "network access attempted (ReplyDesk must stay offline)", red=True
            )
            for attempt in NETWORK_ATTEMPTS:
                reporter.write_line(attempt)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def make_letter(
    paragraphs: list[tuple[str, str]] | list[str],
    *,
    kind: str = "reply",
    date: str | None = "2020-05-29",
    title: str | None = None,
    agency: str | None = "南通市科学技术局",
    headings: tuple[int, ...] = (),
) -> ParsedLetter:
    """A parsed letter built by hand: (section, text) pairs, or plain texts in ``body``."""
    blocks = []
    for i, item in enumerate(paragraphs):
        section, text = item if isinstance(item, tuple) else ("body", item)
        blocks.append(Block(normalize_text(text), text, section, i in headings))
    return ParsedLetter(
        kind=kind,
        blocks=blocks,
        proposal_title=title,
        title=title,
        reply_date=date,
        agency=agency,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LibraryStore]:
    s = LibraryStore(tmp_path / "library.db")
    yield s
    s.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_location(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a new library goes, on each engine: a file (SQLite), and a fresh database on the
    test server as its URL (PostgreSQL, skipped without a server). The one parametrisation
    of the store suite: a store-level test file switches its library to this (or to
    ``engine_store``) and runs on both engines (one suite, not two)."""
    if request.param == "postgresql":
        return str(request.getfixturevalue("pg_database_url"))
    return tmp_path / "library.db"


@pytest.fixture
def engine_store(engine_location: Path | str) -> Iterator[LibraryStore]:
    """An empty library at ``engine_location``: SQLite, then PostgreSQL."""
    s = LibraryStore(engine_location)
    yield s
    s.close()


@pytest.fixture
def sample_store(tmp_path: Path) -> Iterator[LibraryStore]:
    from desktop.sample import ensure_sample_library

    s = LibraryStore(tmp_path / "library.db")
    results = ensure_sample_library(s)
    assert [r.status for r in results] == ["imported"] * 5, results
    yield s
    s.close()


# ---------------------------------------------------------------------------------- PostgreSQL
# The shared library's engine, tested against a real server (tests/pg_server.py): the one .ci/run
# started ($REPLYDESK_TEST_PG) or a temporary cluster this session starts and stops. Without a
# server the PostgreSQL cases are skipped with the reason — but not under CI=true.


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        with running_server() as server:
            yield server
    except NoServer as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI must test PostgreSQL: {exc}")
        pytest.skip(str(exc))


@pytest.fixture
def pg_database_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh empty database on the test server, as a URL; dropped after the test."""
    name = pg_server.create_database()
    try:
        yield pg_server.url(name)
    finally:
        pg_server.drop_database(name)
