"""The zip-bomb guard for every zip the app opens: .docx files and packs.

Checked on the sizes the zip declares, before anything is decompressed (zipfile never produces
more than a member's declared size, so the declaration is a real bound). One set of limits:

- ``MAX_UNZIPPED_TOTAL`` — all members together. 500 MB: a pack of a whole 10,000-letter
  library is about 330 MB uncompressed (33 KB a letter), and the pack exporter refuses to
  write a pack over this limit, so every pack the app writes can be read back.
- ``MAX_COMPRESSION_RATIO`` for members over ``RATIO_FLOOR`` — uncompressed / compressed.
  Letters compress 3–10 fold, a Word document part 5–20 fold; a zip bomb about 1000 fold
  (deflate's limit). 100 above 1 MB: the stricter of the two values the readers (100 above
  10 MB) and the packs (200 above 1 MB) used before.
- ``MAX_ZIP_MEMBERS`` — a Word file has a few dozen parts; a format may allow fewer (a pack
  holds at most the manifest, the letters and 50 templates).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

MAX_UNZIPPED_TOTAL: Final = 500 * 1024 * 1024
MAX_COMPRESSION_RATIO: Final = 100
RATIO_FLOOR: Final = 1024 * 1024
MAX_ZIP_MEMBERS: Final = 10_000


@dataclass(frozen=True)
class ZipBomb:
    """Why a zip was refused: ``"members"``, ``"ratio"`` (``member`` and its ``ratio``) or
    ``"total"`` (``total`` uncompressed bytes)."""

    reason: str
    member: str | None = None
    ratio: int = 0
    total: int = 0


def find_zip_bomb(members: Iterable[zipfile.ZipInfo]) -> ZipBomb | None:
    """The first sign of a zip bomb in ``members`` (a ``ZipFile.infolist()``), or None."""
    infos = list(members)
    if len(infos) > MAX_ZIP_MEMBERS:
        return ZipBomb("members")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_COMPRESSION_RATIO * max(
            info.compress_size, 1
        ):
            return ZipBomb("ratio", member=info.filename, ratio=ratio)
    if total > MAX_UNZIPPED_TOTAL:
        return ZipBomb("total", total=total)
    return None
