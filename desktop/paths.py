"""Where ReplyDesk keeps its files on the clerk's PC."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "ReplyDesk"
DB_ENV = "REPLYDESK_DB"


def data_dir() -> Path:
    """The per-user data folder (library, edited templates, backups)."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path:
    """The library used when no ``--db`` is given: ``$REPLYDESK_DB`` or the data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / "library.db"


def resources_dir() -> Path:
    """The shipped ``resources/`` folder, in a source tree and in a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def sample_library_dir() -> Path:
    return resources_dir() / "sample_library"
