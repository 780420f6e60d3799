"""Where ReplyDesk keeps its files on the clerk's PC.

Installed (the normal case): the per-user folders of the platform (``platformdirs``), and
QSettings' native store (the registry on Windows).

Portable (a USB stick, a shared folder): everything — library, edited templates, backups,
settings (``settings.ini``) and logs — goes to a ``data/`` folder beside the program. Portable
mode is on when

- the program is a frozen build (PyInstaller) and a file ``portable.txt`` lies beside the
  executable, or
- ``--portable`` is on the command line (:func:`enable_portable_from_argv`, called first thing
  by ``desktop.__main__.main``).

Run from source, ``portable.txt`` is ignored (the "executable" is the Python interpreter) and
``--portable`` puts ``data/`` in the source tree (the folder holding the ``desktop`` package).

``$REPLYDESK_DB`` still chooses the library file in portable mode (it is set on purpose).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs

APP_DIR_NAME = "ReplyDesk"
DB_ENV = "REPLYDESK_DB"
PORTABLE_FLAG = "--portable"
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"
SETTINGS_FILE = "settings.ini"

_portable_forced = False  # set by --portable


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def program_dir() -> Path:
    """The folder of the program: beside the executable when frozen, else the source tree."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def set_portable(on: bool) -> None:
    """Force portable mode on (``--portable``) or back to what ``portable.txt`` says."""
    global _portable_forced
    _portable_forced = on


def enable_portable_from_argv(argv: Sequence[str]) -> list[str]:
    """Drop ``--portable`` from the arguments and, when it was there, switch portable mode on.

    ``desktop.__main__.main`` calls this before anything looks at a path (logging, the
    library, QSettings)."""
    rest = [a for a in argv if a != PORTABLE_FLAG]
    if len(rest) != len(argv):
        set_portable(True)
    return rest


def is_portable() -> bool:
    if _portable_forced:
        return True
    return is_frozen() and (program_dir() / PORTABLE_MARKER).is_file()


def portable_data_dir() -> Path:
    return program_dir() / PORTABLE_DATA


def data_dir() -> Path:
    """The data folder (library, edited templates, backups; in portable mode also settings
    and logs)."""
    if is_portable():
        return portable_data_dir()
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    if is_portable():
        return portable_data_dir() / "logs"
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def settings_path() -> Path | None:
    """The INI file for QSettings in portable mode; None means the platform's native store."""
    if is_portable():
        return portable_data_dir() / SETTINGS_FILE
    return None


def default_db_path() -> Path:
    """The library used when no ``--db`` is given: ``$REPLYDESK_DB`` or the data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / "library.db"


def backups_dir(db_path: Path | None = None) -> Path:
    """Where a library's backups go: the ``backups`` folder beside the library file.

    For the default library that is ``<data folder>/backups``; for a library given with
    ``--db`` it is ``<its folder>/backups`` (the same folder ``LibraryStore`` puts its
    before-migration copies in)."""
    db = Path(db_path) if db_path is not None else default_db_path()
    return db.parent / "backups"


def resources_dir() -> Path:
    """The shipped ``resources/`` folder, in a source tree and in a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def sample_library_dir() -> Path:
    return resources_dir() / "sample_library"


def license_path() -> Path:
    """The LICENSE file: at the top of a source tree, or in a bundle's ``resources/``."""
    bundled = resources_dir() / "LICENSE"
    if bundled.is_file():
        return bundled
    return resources_dir().parent / "LICENSE"


def third_party_notices_path() -> Path:
    return resources_dir() / "THIRD_PARTY_NOTICES.md"
