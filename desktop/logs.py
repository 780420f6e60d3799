"""Logging to a rotating file in the platform's log folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop.paths import log_dir


class SafeFormatter(logging.Formatter):
    """A formatter whose output every stream can write.

    A file name that is not valid UTF-8 on Linux holds lone surrogates; written as they are,
    the handler's own write fails ("--- Logging error ---" on stderr) and the record, with its
    traceback, is lost. They are written as ``\\udcff`` escapes instead.
    """

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


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
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8", errors="backslashreplace"
        )
    except OSError:
        path = None
        handler = logging.StreamHandler()
    handler._replydesk = True  # type: ignore[attr-defined]
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
