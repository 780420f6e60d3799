"""PySide6's own start, made lighter: its check of each imported module for ``__feature__``.

Once PySide6 is imported, it asks of every module imported after it — and of every module an
``import`` statement names for the first time after it, ``os`` and ``desktop.store`` included
— whether the module "uses PySide" (``shibokensupport.feature._mod_uses_pyside``: the words
``PySide6`` in its source, so that ``from __feature__ import snake_case`` can be switched per
module). It finds the source with ``inspect.getsource``, which splits each file into lines in
``linecache`` and looks the module up again: about 0.15 ms a module, some 260 modules and 40 ms
of the window's start. :func:`lighten_feature_scan` puts in the same test on the file's bytes
(a few hundredths of a millisecond); a module without a ``.py`` file (built in, compiled, or
the frozen program's, which carries no sources) still goes to PySide6's own check.

The function is private to PySide6: when a version renames it, nothing is replaced and the
start is as slow as PySide6 makes it (tests/ui/test_pyside_start.py says so).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_replydesk_bytes_check"


def lighten_feature_scan() -> bool:
    """Replace PySide6's source check by one on the file's bytes; True when it is in place."""
    import PySide6  # noqa: F401  (installs shibokensupport.feature)

    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None:
        return False
    if getattr(original, _MARK, False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as fh:
                    return b"PySide6" in fh.read()
            except OSError:  # no source beside it: as inspect.getsource's OSError
                return False
        return original(module)

    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
