"""The seal image: checked (size, PNG/JPEG, CRCs) and measured at its true diameter.

The image travels as bytes (:class:`~desktop.model.SealSpec`): from the profile in the library,
or read once from the file a clerk chooses (:func:`read_seal_file`). python-docx's
``docx.image`` reads the headers (format, pixel size); the PNG's chunks are walked here for
their CRCs and its transparency, which needs no imaging library: Pillow, measured in a
PyInstaller 6 one-folder build, adds 21 MB (PIL 3.8 MB, pillow.libs 12 MB, the rest of what
they pull in) to a bundle at 149.4 MB of its 150 MB budget, for these 30 lines.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from docx.image.image import Image
from docx.opc.constants import CONTENT_TYPE as CT

from desktop.errors import ClerkError
from desktop.layout import EMU_PER_MM
from desktop.model import SealSpec

MAX_SEAL_BYTES: Final = 5 * 1024 * 1024
MIN_SEAL_MM: Final = 20.0
MAX_SEAL_MM: Final = 80.0


class SealError(ClerkError):
    """The seal image cannot be used. ``message`` is plain Chinese for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)


def read_seal_file(path: Path, diameter_mm: float = 42.0) -> SealSpec:
    """The seal image file a clerk chose, read once (not checked: see :func:`load_seal`).
    Raises :class:`SealError` when it is missing, a folder, unreadable or too big."""
    path = Path(path)
    shown = path.name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_SEAL_BYTES:
            raise SealError(
                f"印章图片“{shown}”太大（{size / 1024 / 1024:.1f} MB），"
                f"最大 {MAX_SEAL_BYTES // 1024 // 1024} MB，请换一张较小的 PNG 图片。"
            )
        blob = path.read_bytes()
    except FileNotFoundError:
        raise SealError(
            f"找不到印章图片“{path}”，可能已被移动或删除，请在设置中重新选择。"
        ) from None
    except IsADirectoryError:
        raise SealError(f"印章图片“{path}”是一个文件夹，请在设置中重新选择图片文件。") from None
    except OSError:
        raise SealError(f"无法读取印章图片“{shown}”，请确认文件没有被占用、有读取权限。") from None
    return SealSpec(blob, diameter_mm, shown)


def check_seal_image(path: Path, diameter_mm: float = 42.0) -> SealSpec:
    """The seal at ``path``, read and checked: raises :class:`SealError` unless it exists, is
    at most :data:`MAX_SEAL_BYTES`, a readable PNG or JPEG, and ``diameter_mm`` a plausible
    size."""
    spec = read_seal_file(path, diameter_mm)
    load_seal(spec)
    return spec


# ----------------------------------------------------------------------------------------------
# The seal image


@dataclass(frozen=True)
class SealImage:
    blob: bytes
    filename: str
    diameter_mm: float
    width_emu: int
    height_emu: int
    transparent: bool


def load_seal(spec: SealSpec) -> SealImage:
    """The seal checked and measured at its true diameter; :class:`SealError` when unusable."""
    shown = spec.name
    _check_diameter(spec.diameter_mm)
    blob = spec.image
    if not blob:
        raise SealError(f"印章图片“{shown}”是空文件，请在设置中重新选择。")
    if len(blob) > MAX_SEAL_BYTES:
        raise SealError(f"印章图片“{shown}”太大，请换一张较小的 PNG 图片。")
    try:
        image = Image.from_blob(blob)
    except Exception:  # python-docx raises several kinds for unreadable headers
        raise SealError(
            f"印章图片“{shown}”不是可用的 PNG 或 JPEG 图片（可能已损坏），请换一张图片。"
        ) from None
    transparent = _check_format(image, blob, shown)
    if image.px_width <= 0 or image.px_height <= 0:
        raise SealError(f"印章图片“{shown}”尺寸不对，请换一张图片。")
    width = round(spec.diameter_mm * EMU_PER_MM)
    height = round(width * image.px_height / image.px_width)
    return SealImage(
        blob=blob,
        filename=f"seal.{image.ext}",
        diameter_mm=spec.diameter_mm,
        width_emu=width,
        height_emu=height,
        transparent=transparent,
    )


def _check_diameter(diameter_mm: float) -> None:
    if not (MIN_SEAL_MM <= diameter_mm <= MAX_SEAL_MM):
        raise SealError(
            f"印章直径 {diameter_mm:g} 毫米不合常规，应在 {MIN_SEAL_MM:g}～{MAX_SEAL_MM:g} "
            "毫米之间（常用 42、45、50 毫米），请在设置中修改。"
        )


def _check_format(image: Image, blob: bytes, shown: str) -> bool:
    """PNG (chunks intact) or JPEG (complete); returns whether the image is transparent."""
    if image.content_type == CT.JPEG:
        _jpeg_check(blob)
        return False
    if image.content_type != CT.PNG:
        raise SealError(
            f"印章图片“{shown}”是 {image.ext.upper()} 格式，请使用透明背景的 PNG 图片（或 JPEG）。"
        )
    transparent = _png_check(blob)
    if transparent is None:
        raise SealError(f"印章图片“{shown}”已损坏（PNG 数据不完整），请换一张图片。")
    return transparent


def _png_check(blob: bytes) -> bool | None:
    """Walk the PNG chunks (CRCs checked): ``None`` if damaged, else whether it has alpha."""
    pos, alpha, seen_end, seen_data = 8, False, False, False
    while pos + 12 <= len(blob):
        (length,) = struct.unpack(">I", blob[pos : pos + 4])
        kind = blob[pos + 4 : pos + 8]
        data_end = pos + 8 + length
        if data_end + 4 > len(blob):
            return None
        (crc,) = struct.unpack(">I", blob[data_end : data_end + 4])
        if zlib.crc32(blob[pos + 4 : data_end]) != crc:
            return None
        if kind == b"IHDR" and length >= 10:
            alpha = blob[pos + 8 + 9] in (4, 6)
        elif kind == b"tRNS":
            alpha = True
        elif kind == b"IDAT":
            seen_data = True
        elif kind == b"IEND":
            seen_end = True
            break
        pos = data_end + 4
    if not (seen_end and seen_data):
        return None
    return alpha


def _jpeg_check(blob: bytes) -> None:
    if not blob.startswith(b"\xff\xd8") or b"\xff\xd9" not in blob[-1024:]:
        raise SealError("印章图片（JPEG）已损坏或不完整，请换一张图片。")
