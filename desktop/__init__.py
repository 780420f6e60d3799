"""ReplyDesk (答复助手): an offline assistant for answering deputies' suggestions and proposals."""

from __future__ import annotations

import functools
from typing import Any

APP_NAME = "ReplyDesk"


@functools.cache
def _version() -> str:
    # Reading the installed metadata costs the window's start a few tens of milliseconds:
    # only when the version is asked for (``desktop.__version__``).
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("replydesk")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0.0.0+source"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'desktop' has no attribute {name!r}")
