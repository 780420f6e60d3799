"""Logging to a rotating file in the platform's log folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop.paths import log_dir


def setup_logging(folder: Path | None = None, *, level: int = logging.INFO) -> Path | None:
    """Send log records to ``replydesk.log`` (rotated at 1 MB, 5 kept); returns its path.

    A log folder that cannot be created must not stop the app: then records go to stderr.
    """
    root = logging.getLogger()
    root.setLevel(level)
    for existing in root.handlers:
        if getattr(existing, "_replydesk", False):
            name = getattr(existing, "baseFilename", None)
            return Path(name) if name else None
    folder = folder or log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "replydesk.log"
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        path = None
        handler = logging.StreamHandler()
    handler._replydesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
