"""File names that every system the clerk's files travel to accepts (Windows is the strictest):
no reserved characters or names, no trailing dot or space, a length Windows' paths allow."""

from __future__ import annotations

import re

# <>:"/\|?* and the control characters are refused by Windows (and / everywhere).
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9 are devices, with any extension.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
MAX_STEM = 80  # characters: a folder path of ~150 more stays under Windows' 260


def safe_stem(text: str, *, fallback: str = "未命名", limit: int = MAX_STEM) -> str:
    """``text`` as a file name's stem (the part before the extension)."""
    stem = _FORBIDDEN.sub("_", text)
    stem = " ".join(stem.split())  # tabs, newlines, runs of spaces: one space
    stem = stem[:limit].rstrip(". ")
    stem = stem.lstrip()
    if not stem or set(stem) <= {"_", "."}:
        stem = fallback
    if _RESERVED.match(stem):
        stem = "_" + stem
    return stem
