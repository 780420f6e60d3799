"""Removing what an interrupted backup or restore left behind (a kill, a power cut).

``restore_backup`` copies the backup to ``.<library>.restore-<PID>.part`` beside the library;
a copy whose process is gone is removed at the next restore, backup or start. Copies in the
backups folder (``*.part``, no process in their name) are removed once they are a day old:
no backup takes that long. Only names are looked at (and ``stat()``); nothing is opened.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from pathlib import Path
from typing import Final

_RESTORE_PART: Final = re.compile(
    r"^\.(?P<db>.+)\.restore-(?P<pid>\d{1,10})\.part(?P<side>-wal|-shm|-journal)?\Z"
)
STALE_PART_AGE: Final = 24 * 3600.0  # seconds


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (a reused id counts as alive: nothing is lost)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def remove_leftovers(db: Path, backups: Path | None = None) -> list[Path]:
    """Remove the stale restore copies beside ``db`` and the day-old ``.part`` files in
    ``backups``; returns what was removed."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(db.parent):
            m = _RESTORE_PART.match(entry.name)
            if not m or m["db"] != db.name or pid_alive(int(m["pid"])):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    if backups is not None:
        now = time.time()
        with contextlib.suppress(OSError):
            for entry in os.scandir(backups):
                if not entry.name.endswith(".part") or not entry.is_file(follow_symlinks=False):
                    continue
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_PART_AGE:
                        os.unlink(entry.path)
                        removed.append(Path(entry.path))
    return removed
