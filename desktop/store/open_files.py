"""Which library files this process has open through SQLite.

On POSIX, closing *any* file descriptor of a file drops every fcntl lock the process holds on
that file — SQLite's locks included. A plain ``open()``/``close()`` of the library (to read
its header, copy it, or by mistake: a pack or a letter named like it) while a connection is
open in the same process leaves that connection without its shared lock; another process
closing its own connection then believes it is the last one and deletes the WAL under it:
lost writes and "database disk image is malformed".

So nothing outside SQLite may open the library (or its ``-wal``/``-shm``/``-journal``) while
a connection to it is open in this process. ``LibraryStore`` registers its file here; code
that opens files with plain ``open()`` asks :func:`is_open_library` first. Only ``stat()`` is
used here, which takes no descriptor.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_SIDECARS = ("-wal", "-shm", "-journal")
_lock = threading.Lock()
_open: dict[tuple[int, int], int] = {}  # (device, inode) of an open library -> connections


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def register(path: Path) -> tuple[int, int] | None:
    """Note that a connection to the library at ``path`` is open; returns the key to
    :func:`unregister` with (the file may be renamed or replaced meanwhile)."""
    key = _identity(path)
    if key is not None:
        with _lock:
            _open[key] = _open.get(key, 0) + 1
    return key


def unregister(key: tuple[int, int] | None) -> None:
    if key is None:
        return
    with _lock:
        left = _open.get(key, 0) - 1
        if left > 0:
            _open[key] = left
        else:
            _open.pop(key, None)


def is_open_library(path: str | Path) -> bool:
    """Whether ``path`` is (or is a sidecar of) a library this process has open."""
    path = Path(path)
    with _lock:
        if not _open:
            return False
    candidates = [path]
    for suffix in _SIDECARS:
        if path.name.endswith(suffix):
            candidates.append(path.with_name(path.name[: -len(suffix)]))
    for candidate in candidates:
        key = _identity(candidate)
        if key is not None:
            with _lock:
                if key in _open:
                    return True
    return False


def read_only_location(path: str | Path) -> bool:
    """Whether an existing library can only be read where it is: the file, or the folder its
    ``-wal``/``-shm`` files would be made in, is not writable (a read-only USB stick, CD or
    share, a read-only mount, a write-protected file). Seen with ``access()`` only."""
    path = Path(path)
    try:
        if not path.is_file():
            return False
        return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)
    except (OSError, ValueError):
        return False
