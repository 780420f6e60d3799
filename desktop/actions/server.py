"""The office server as the window sees it: whether it answers now (the status bar), and the
drafts saved while it did not (desktop/server/offline.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.store.credentials import connect_options
from desktop.store.server_probe import probe


@dataclass(frozen=True)
class ServerState:
    reachable: bool
    refused: bool  # it answered and refused the login (password, pg_hba.conf)
    seconds: float


def server_state(url: str) -> ServerState:
    """Ask the server once (a few seconds at most); run it off the UI thread."""
    result = probe(url, connect_options(url))
    return ServerState(result.reachable, result.state == "refused", result.seconds)


def refresh_local_copy(url: str, data_dir: Path) -> bool:
    """Refresh the copy of the server's library kept in ``data_dir`` for when the server is
    away (a process of its own; minutes at most). True when done."""
    from desktop.server.offline import refresh_in_process

    return refresh_in_process(url, data_dir)


@dataclass(frozen=True)
class SentDrafts:
    """The drafts saved while the server was away, now on it."""

    sent: int
    conflicts: list[str]  # one line each: which case, which versions
    waiting: int  # still queued (their case is not on the server, or is another clerk's)


def send_offline_drafts(url: str, data_dir: Path) -> SentDrafts:
    """Save the drafts queued while the server was away on it (a connection of its own; run
    off the UI thread). Nothing is lost: each becomes a new version; a conflict is a case
    another clerk saved meanwhile."""
    from desktop.server.offline import queued, send_queued
    from desktop.store import LibraryStore

    if not queued(data_dir, url):
        return SentDrafts(0, [], 0)
    with LibraryStore(url) as store:
        report = send_queued(data_dir, url, store)
    conflicts = [
        f"第{s.number}号《{s.title}》：您离线时从第 {s.base_version} 版改起，服务器上此间已有"
        f"新版本；您的稿件已保存为第 {s.version} 版，请在“草稿版本”中比较。"
        for s in report.conflicts
    ]
    return SentDrafts(len(report.sent), conflicts, len(report.missing) + len(report.refused))


def local_copy(url: str, data_dir: Path) -> Path | None:
    """The copy of the server's library kept in the data folder, if any."""
    from desktop.server.offline import local_copy as found

    return found(url, data_dir)


def unreachable(exc: Exception) -> bool:
    """Whether ``exc`` says the library (the office server) cannot be reached just now."""
    from desktop.store.errors import LibraryUnreachable

    return isinstance(exc, LibraryUnreachable)
