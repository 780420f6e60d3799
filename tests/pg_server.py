"""A real PostgreSQL server for the tests: the one .ci/run started, or a temporary cluster.

``$REPLYDESK_TEST_PG`` names an administrator URL of a running server (``.ci/run`` starts one
with initdb in a temporary folder on a loopback port and sets it). Without it, the session
starts its own cluster when PostgreSQL's server programs are installed (Debian's
``postgresql`` package puts them in /usr/lib/postgresql/N/bin), and stops it at the end.
Without either, the PostgreSQL cases are skipped — except under ``CI=true``, where a missing
server is a failure: CI must test both engines.

initdb refuses to run as root; as root the cluster runs as the ``postgres`` system user (the
Debian package creates it). The cluster's locale is C.UTF-8, which classifies Chinese
characters as letters (pg_trgm then makes trigrams of them).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

URL_ENV = "REPLYDESK_TEST_PG"


class NoServer(Exception):
    """No PostgreSQL to test against; the message says why."""


@dataclass(frozen=True)
class PgServer:
    """A running server: ``admin_url`` connects as a superuser to its ``postgres`` database.
    A temporary cluster (``cluster`` set) can be stopped and started again on its port."""

    admin_url: str
    host: str
    port: int
    user: str
    cluster: Cluster | None = None

    def stop(self, mode: str = "fast") -> None:
        """``pg_ctl stop -m fast`` (sessions ended, their transactions rolled back) or
        ``-m immediate`` (the server killed, recovery at the next start)."""
        assert self.cluster is not None, "only a temporary cluster is stopped by the tests"
        self.cluster.pg_ctl("-m", mode, "-w", "stop")

    def start(self) -> None:
        assert self.cluster is not None, "only a temporary cluster is started by the tests"
        self.cluster.start(self.port)

    def url(self, dbname: str, user: str | None = None) -> str:
        return f"postgresql://{user or self.user}@{self.host}:{self.port}/{dbname}"

    def create_database(self, prefix: str = "t") -> str:
        """A new empty database with a unique name; returns its name."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        return name

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass(frozen=True)
class Cluster:
    """A temporary cluster's programs and folders (as the server user when run as root)."""

    bin_dir: Path
    top: Path
    prefix: tuple[str, ...]

    @property
    def data(self) -> Path:
        return self.top / "data"

    def pg_ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.prefix, str(self.bin_dir / "pg_ctl"), "-D", str(self.data), *args],
            check=True, capture_output=True, text=True,
        )  # fmt: skip

    def start(self, port: int) -> None:
        self.pg_ctl(
            "-l", str(self.top / "log"), "-w", "-o",
            f"-p {port} -k {self.top} -c listen_addresses=127.0.0.1 -c fsync=off", "start",
        )  # fmt: skip


def server_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder, or None."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    # Bind, not connect: the test session's network guard only watches outgoing connections.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user() -> list[str]:
    """The command prefix that runs a server program as a non-root user."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            raise NoServer("running as root and runuser is missing: cannot start PostgreSQL")
        return [runuser, "-u", "postgres", "--"]
    return []


def _parse(url: str) -> PgServer:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return PgServer(
        admin_url=url,
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
    )


@contextlib.contextmanager
def temporary_cluster(bin_dir: Path) -> Iterator[PgServer]:
    """initdb in a temporary folder, start on a free loopback port, stop and delete at the end."""
    prefix = _as_server_user()
    top = Path(tempfile.mkdtemp(prefix="replydesk-pg-"))
    if prefix:
        shutil.chown(top, "postgres", "postgres")
    cluster = Cluster(bin_dir, top, tuple(prefix))
    port = _free_port()
    try:
        subprocess.run(
            [*prefix, str(bin_dir / "initdb"), "-D", str(cluster.data), "-E", "UTF8",
             "--locale=C.UTF-8", "-A", "trust", "-U", "postgres"],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        cluster.start(port)
    except subprocess.CalledProcessError as exc:
        log = (top / "log").read_text(errors="replace") if (top / "log").exists() else ""
        shutil.rmtree(top, ignore_errors=True)
        raise NoServer(f"could not start PostgreSQL: {exc.stderr or exc.stdout}{log}") from exc
    try:
        yield PgServer(
            admin_url=f"postgresql://postgres@127.0.0.1:{port}/postgres",
            host="127.0.0.1",
            port=port,
            user="postgres",
            cluster=cluster,
        )
    finally:
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(cluster.data), "-m", "immediate",
             "-w", "stop"],
            capture_output=True,
        )  # fmt: skip
        shutil.rmtree(top, ignore_errors=True)


@contextlib.contextmanager
def running_server() -> Iterator[PgServer]:
    """The server named by $REPLYDESK_TEST_PG, or a temporary cluster; NoServer if neither."""
    url = os.environ.get(URL_ENV)
    if url:
        yield _parse(url)
        return
    bin_dir = server_bin()
    if bin_dir is None:
        raise NoServer(
            f"no PostgreSQL: set {URL_ENV} or install the server "
            "(Debian: apt-get install postgresql)"
        )
    with temporary_cluster(bin_dir) as server:
        yield server
