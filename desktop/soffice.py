"""Run LibreOffice (``soffice``) headless to convert one file.

:func:`convert` runs LibreOffice with a private profile in a temporary folder (so it neither
clashes with a LibreOffice the clerk has open nor leaves settings behind), on a copy of the input
with a plain ASCII name (so Chinese paths are fine), and kills it with all its children when it
takes too long. It yields the file LibreOffice produced, which lives until the ``with`` ends.

What goes wrong is raised as a :class:`SofficeError` subclass without a clerk-facing message:
each caller (:mod:`desktop.readers`, :mod:`desktop.pdf`) says it in its own words. No Qt here.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "AUTO",
    "SOFFICE_TIMEOUT",
    "AutoDetect",
    "SofficeBroken",
    "SofficeError",
    "SofficeInputMissing",
    "SofficeInputUnreadable",
    "SofficeNoOutput",
    "SofficeTimeout",
    "convert",
    "find_soffice",
    "resolve_soffice",
]

SOFFICE_TIMEOUT: Final = 120  # seconds for one LibreOffice conversion


class AutoDetect:
    """Marker for "find LibreOffice yourself" (``None`` means "there is no LibreOffice")."""

    def __repr__(self) -> str:
        return "<auto-detect>"


AUTO: Final = AutoDetect()


def resolve_soffice(soffice: str | AutoDetect | None) -> str | None:
    """The program to run: ``soffice`` itself, or :func:`find_soffice`'s answer for :data:`AUTO`."""
    return find_soffice() if isinstance(soffice, AutoDetect) else soffice


def find_soffice() -> str | None:
    """The LibreOffice program (``soffice``), or ``None`` when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _soffice_candidates():
        if candidate.is_file():
            return str(candidate)
    return None


def _soffice_candidates() -> list[Path]:
    candidates: list[Path] = []
    if sys.platform == "win32":
        roots = [
            os.environ.get("PROGRAMFILES"),
            os.environ.get("PROGRAMW6432"),
            os.environ.get("PROGRAMFILES(X86)"),
            r"C:\Program Files",
            r"C:\Program Files (x86)",
        ]
        seen: set[str] = set()
        for root in roots:
            if root and root.lower() not in seen:
                seen.add(root.lower())
                for product in ("LibreOffice", "LibreOffice 7", "LibreOffice 24", "LibreOffice 25"):
                    candidates.append(Path(root) / product / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    else:
        candidates += [
            Path("/usr/lib/libreoffice/program/soffice"),
            Path("/opt/libreoffice/program/soffice"),
            Path("/snap/bin/libreoffice"),
        ]
    return candidates


# ----------------------------------------------------------------------------------------------
# Errors (no clerk-facing text: the callers have their own)


class SofficeError(Exception):
    """A conversion through LibreOffice did not produce a file."""


class SofficeInputMissing(SofficeError):
    """The input file does not exist."""


class SofficeInputUnreadable(SofficeError):
    """The input file could not be copied (locked, no rights, I/O error …)."""


class SofficeBroken(SofficeError):
    """The program could not be started (vanished, not executable, …)."""


class SofficeTimeout(SofficeError):
    """LibreOffice took longer than ``timeout`` seconds and was killed."""

    def __init__(self, timeout: float):
        super().__init__(f"LibreOffice timed out after {timeout} s")
        self.timeout = timeout


class SofficeNoOutput(SofficeError):
    """LibreOffice ran but produced no file, or an empty one."""


# ----------------------------------------------------------------------------------------------
# Conversion


@contextmanager
def convert(
    program: str,
    source: Path | bytes,
    *,
    name: str,
    convert_to: str,
    timeout: float,
    prefix: str = "replydesk-",
) -> Iterator[Path]:
    """Convert ``source`` (a file, or its bytes) and yield the produced file.

    The input is converted as ``name`` (a plain ASCII file name such as ``input.doc``) with
    ``--convert-to convert_to`` (such as ``"pdf:writer_pdf_Export"``); the produced file is named
    after ``name`` with the extension before the ``:``. It and the temporary folder (whose name
    starts with ``prefix``) are removed when the ``with`` ends.
    """
    with tempfile.TemporaryDirectory(prefix=prefix, ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        copy = work / name
        if isinstance(source, bytes):
            copy.write_bytes(source)
        else:
            try:
                shutil.copyfile(source, copy)
            except FileNotFoundError:
                raise SofficeInputMissing(str(source)) from None
            except OSError:
                raise SofficeInputUnreadable(str(source)) from None
        outdir = work / "out"
        outdir.mkdir()
        profile = work / "profile"
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            convert_to,
            "--outdir",
            str(outdir),
            str(copy),
        ]
        _run(command, timeout)
        produced = outdir / f"{copy.stem}.{convert_to.split(':', 1)[0]}"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise SofficeNoOutput(str(produced))
        yield produced


def _run(command: list[str], timeout: float) -> None:
    kwargs: dict[str, Any] = {}
    if os.name == "nt":
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    else:
        kwargs["start_new_session"] = True  # so a hung conversion can be killed with its children
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            **kwargs,
        )
    except OSError:  # the program vanished, is not executable, …
        raise SofficeBroken(command[0]) from None
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_tree(process)
        raise SofficeTimeout(timeout) from None


def _kill_tree(process: subprocess.Popen[bytes]) -> None:
    try:
        if os.name == "nt":
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(process.pid)],
                capture_output=True,
                check=False,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        else:
            os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        pass
    process.kill()
    process.communicate()
