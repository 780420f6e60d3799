"""Which engine holds a library: a location is a file path (SQLite, the default: a file in
the user data folder) or a ``postgresql://user@host/dbname`` URL (a shared library on the
office network's PostgreSQL server). The command line's ``--db``, ``$REPLYDESK_DB`` and the
window's setting all name a location; :class:`~desktop.store.library.LibraryStore` opens
either."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

ENV: Final = "REPLYDESK_DB"
SCHEMES: Final = ("postgresql://", "postgres://")

Location = str | Path


def is_server(location: Location | None) -> bool:
    """Whether ``location`` names a PostgreSQL library (a ``postgresql://`` URL)."""
    return isinstance(location, str) and location.strip().lower().startswith(SCHEMES)


def location_from(value: str | Path | None) -> Location | None:
    """A location as given (command line, setting, environment): a URL stays a string (a
    ``Path`` would fold its ``//``), anything else is a path; empty means none."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    return text if is_server(text) else Path(text).expanduser()


def from_environment() -> Location | None:
    """``$REPLYDESK_DB``, when set."""
    return location_from(os.environ.get(ENV))


def default_location() -> Location:
    """The library used when none is given: ``$REPLYDESK_DB`` (a file or a server's URL),
    else ``library.db`` in the user data folder."""
    from desktop.paths import data_dir

    return from_environment() or data_dir() / "library.db"


def shown(location: Location) -> str:
    """The location as the clerk may read it: a URL without its password."""
    if not is_server(location):
        return str(location)
    parts = urlsplit(str(location).strip())
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    user = f"{parts.username}@" if parts.username else ""
    return f"postgresql://{user}{host}{port}{parts.path}"
