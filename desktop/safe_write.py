"""Write a file so that the clerk never ends up with half a document.

The new content goes to a temporary file in the target's own folder (the same volume, so the
final rename cannot turn into a copy), is flushed to disk, and only then replaces the target in
one step with :func:`os.replace`. Whatever goes wrong on the way, the old file is left as it was
and the temporary file is removed.

What a clerk can cause ends as one of two exceptions with a ``message`` in plain Chinese:

- :class:`TargetLocked` — the file is open in Word/WPS (an owner file ``~$答复.docx`` or
  LibreOffice's ``.~lock.答复.docx#`` lies beside it, or Windows refuses to replace it). It
  carries ``suggestion``, the next free name (``答复(2).docx``) to offer instead.
- :class:`WriteFailed` — a full disk, a folder without write permission, a folder that is gone.

No Qt here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from desktop.errors import ClerkError
from desktop.store.open_files import is_open_library

__all__ = [
    "TargetLocked",
    "WriteFailed",
    "atomic_write",
    "current_umask",
    "lock_files",
    "next_free_name",
]

# Windows: antivirus and indexing services hold a fresh file for a moment; retry the final
# rename a few times before calling the target locked.
_REPLACE_RETRIES: Final = 5
_REPLACE_RETRY_DELAY: Final = 0.1  # seconds
_NUMBERED_RE: Final = re.compile(r"^(?P<stem>.*)\((?P<n>\d{1,4})\)\Z")
_DISK_FULL_ERRNOS: Final = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None
)
_READ_ONLY_FS_ERRNOS: Final = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


class TargetLocked(ClerkError):
    """The target is open in another program, so it cannot be overwritten now."""

    def __init__(self, message: str, suggestion: Path):
        super().__init__(message)
        self.suggestion = suggestion


class WriteFailed(ClerkError):
    """The file could not be written (full disk, no permission, missing folder, …)."""

    def __init__(self, message: str):
        super().__init__(message)


# ----------------------------------------------------------------------------------------------
# Names


def lock_files(target: Path) -> list[Path]:
    """The owner/lock files that Word, WPS and LibreOffice put beside a document they have open.

    Word and WPS write ``~$`` + the name; for longer names Word overwrites the first characters
    instead (a stem of 7 characters loses one, 8 or more lose two). LibreOffice writes
    ``.~lock.NAME#``.
    """
    name = target.name
    stem_length = len(target.stem)
    names = ["~$" + name]
    if stem_length == 7:
        names.append("~$" + name[1:])
    elif stem_length >= 8:
        names.append("~$" + name[2:])
    names.append(f".~lock.{name}#")
    return [target.with_name(n) for n in dict.fromkeys(names)]


def _is_free(path: Path) -> bool:
    return not path.exists() and not any(lock.exists() for lock in lock_files(path))


def next_free_name(path: Path) -> Path:
    """``答复.docx`` → ``答复(2).docx`` (or ``(3)``, …): the first name nobody uses or holds open.

    A name that is already numbered counts on: ``答复(2).docx`` → ``答复(3).docx``.
    """
    path = Path(path)
    stem, suffix = path.stem, path.suffix
    start = 2
    numbered = _NUMBERED_RE.match(stem)
    if numbered:
        stem, start = numbered["stem"], int(numbered["n"]) + 1
    n = start
    while True:
        candidate = path.with_name(f"{stem}({n}){suffix}")
        if _is_free(candidate):
            return candidate
        n += 1


# ----------------------------------------------------------------------------------------------
# Messages


def _program_for(target: Path) -> str:
    suffix = target.suffix.lower()
    if suffix in (".docx", ".doc", ".wps", ".rtf", ".odt"):
        return "Word/WPS"
    if suffix == ".pdf":
        return "PDF 阅读器"
    return "其他程序"


def _locked(target: Path) -> TargetLocked:
    suggestion = next_free_name(target)
    message = (
        f"“{target.name}”正在 {_program_for(target)} 中打开，无法覆盖。"
        f"请先关闭它，或另存为“{suggestion.name}”。"
    )
    return TargetLocked(message, suggestion)


def _read_only(target: Path) -> TargetLocked:
    suggestion = next_free_name(target)
    message = f"“{target.name}”是只读文件，无法覆盖。请另存为“{suggestion.name}”。"
    return TargetLocked(message, suggestion)


def _disk_full(target: Path) -> WriteFailed:
    return WriteFailed(
        f"磁盘空间不足，无法保存“{target.name}”。请清理磁盘（如清空回收站）或换一个位置保存。"
    )


def _no_permission(folder: Path) -> WriteFailed:
    return WriteFailed(
        f"没有权限写入文件夹“{folder}”，无法保存。请换一个位置保存（例如“文档”或桌面）。"
    )


def _no_folder(folder: Path) -> WriteFailed:
    return WriteFailed(f"文件夹“{folder}”不存在，可能已被移动或删除。请重新选择保存位置。")


def _other(target: Path, exc: OSError) -> WriteFailed:
    reason = exc.strerror or exc.__class__.__name__
    return WriteFailed(f"无法保存“{target.name}”：{reason}。请换一个位置保存后再试。")


# ----------------------------------------------------------------------------------------------
# Writing


def atomic_write(target: Path, write: Callable[[Path], object], *, private: bool = False) -> Path:
    """Replace ``target`` with what ``write`` puts into the temporary path it is given.

    ``write`` is called with a new, empty file's path in the target's folder. When it returns,
    the file is flushed to disk and moved over the target in one step. On any failure the
    temporary file is removed and the old target is untouched; :class:`TargetLocked` and
    :class:`WriteFailed` report what the clerk can fix, anything else (a bug in ``write``)
    escapes as it is. Returns ``target``.

    The result gets the permissions the clerk's other files get (``0o666`` less the umask), or
    keeps those of the file it replaces: letters are written to be shared, and the temporary
    file's private ``0o600`` must not leak into them. ``private`` keeps it ``0o600`` (packs of
    the whole library).
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise _no_folder(folder)
    if target.is_dir():
        raise WriteFailed(f"“{target}”是一个文件夹，请换一个文件名保存。")
    if is_open_library(target):  # replacing it, or even opening it, would break the library
        raise WriteFailed(f"“{target.name}”是资料库文件本身，不能用它保存，请换一个文件名。")
    old_mode = None
    if target.exists():
        _check_not_open(target)
        with contextlib.suppress(OSError):
            old_mode = stat.S_IMODE(target.stat().st_mode)

    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.stem[:40]}.", suffix=".tmp")
    except OSError as exc:
        raise _map_error(exc, target, creating=True) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            write(tmp)
            if not private:
                # After ``write``: a writer that replaced the path would have reset it.
                os.chmod(tmp, old_mode if old_mode is not None else 0o666 & ~current_umask())
            _fsync_file(tmp)
            _replace(tmp, target)
        except TargetLocked:
            raise
        except OSError as exc:
            raise _map_error(exc, target, creating=False) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_folder(folder)
    return target


_UMASK_LOCK: Final = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux), else
    set and restored at once under a lock (the only portable way to read it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _check_not_open(target: Path) -> None:
    """Raise :class:`TargetLocked` when another program has ``target`` open."""
    if any(lock.is_file() for lock in lock_files(target)):
        raise _locked(target)
    # Windows: Word and WPS open a document without sharing write access, so opening it for
    # writing fails. Append mode without writing leaves the content and the time stamp alone.
    try:
        with open(target, "ab"):
            pass
    except PermissionError:
        if not os.access(target, os.W_OK):
            raise _read_only(target) from None
        raise _locked(target) from None
    except OSError:
        pass  # anything else shows up again, with a better message, when we write


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        f.flush()
        os.fsync(f.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows cannot open folders this way)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _replace(tmp: Path, target: Path) -> None:
    attempts = _REPLACE_RETRIES if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            if attempt + 1 < attempts:
                time.sleep(_REPLACE_RETRY_DELAY)
                continue
            if target.exists() and not os.access(target, os.W_OK):
                raise _read_only(target) from None
            raise _locked(target) from None


def _map_error(exc: OSError, target: Path, *, creating: bool) -> WriteFailed:
    folder = target.parent
    if exc.errno in _DISK_FULL_ERRNOS:
        return _disk_full(target)
    if isinstance(exc, FileNotFoundError) and not folder.is_dir():
        return _no_folder(folder)
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return _no_permission(folder)
    if creating and exc.errno in _READ_ONLY_FS_ERRNOS:
        return _no_permission(folder)
    return _other(target, exc)
