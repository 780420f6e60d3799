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
