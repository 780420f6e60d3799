"""Draw ReplyDesk's Windows icon (``replydesk.ico``) with nothing but the standard library.

A dark-red rounded square with a white letter sheet (folded corner, text lines). Sizes 16–256;
the small sizes are stored as 32-bit BMP entries, 256 as PNG (both valid in an ICO since
Windows Vista). The result is committed; run again only to change the design:

    python build/windows/make_icon.py [OUT.ico]
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)
SUPERSAMPLE = 4  # samples per pixel along each axis

RED = (176, 30, 35)
WHITE = (255, 255, 255)
LINE = (176, 30, 35)
FOLD = (222, 200, 200)

Pixel = tuple[int, int, int, int]


def _in_rounded_rect(
    x: float, y: float, x0: float, y0: float, x1: float, y1: float, r: float
) -> bool:
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def _color_at(x: float, y: float) -> tuple[int, int, int] | None:
    """The colour of the design at (x, y) in the unit square, None where transparent."""
    if not _in_rounded_rect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18):
        return None
    # The sheet: a portrait rectangle with its top-right corner folded down.
    sx0, sy0, sx1, sy1, fold = 0.24, 0.14, 0.76, 0.86, 0.16
    if sx0 <= x <= sx1 and sy0 <= y <= sy1:
        dx, dy = x - (sx1 - fold), y - sy0
        if dx >= 0 and dy <= fold:
            if dx > dy:  # cut away: the background shows
                return RED
            return FOLD  # the folded-over flap
        # Text lines: a short title line, then body lines.
        for i, (lx0, lx1) in enumerate(
            ((0.34, 0.56), (0.31, 0.69), (0.31, 0.69), (0.31, 0.69), (0.31, 0.58))
        ):
            ly = 0.33 + i * 0.1
            if lx0 <= x <= lx1 and ly <= y <= ly + 0.045:
                return LINE
        return WHITE
    return RED


def render(size: int) -> list[list[Pixel]]:
    """RGBA rows, top to bottom, anti-aliased by supersampling."""
    n = SUPERSAMPLE
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            r = g = b = a = 0
            for sy in range(n):
                for sx in range(n):
                    c = _color_at((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)
                    if c is not None:
                        r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
            if a:
                row.append((r // a, g // a, b // a, round(255 * a / (n * n))))
            else:
                row.append((0, 0, 0, 0))
        rows.append(row)
    return rows


def png_bytes(rows: list[list[Pixel]]) -> bytes:
    height, width = len(rows), len(rows[0])
    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def bmp_entry(rows: list[list[Pixel]]) -> bytes:
    """An ICO image entry as a 32-bit BGRA DIB: header, bottom-up pixels, 1-bit AND mask."""
    height, width = len(rows), len(rows[0])
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = b"".join(bytes((p[2], p[1], p[0], p[3])) for row in reversed(rows) for p in row)
    mask_stride = ((width + 31) // 32) * 4
    mask = bytearray()
    for row in reversed(rows):
        bits = bytearray(mask_stride)
        for x, p in enumerate(row):
            if p[3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    return header + pixels + bytes(mask)


def ico_bytes(sizes: tuple[int, ...] = SIZES) -> bytes:
    images = []
    for size in sizes:
        rows = render(size)
        images.append((size, png_bytes(rows) if size >= 256 else bmp_entry(rows)))
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, data in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in images)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).with_name("replydesk.ico")
    out.write_bytes(ico_bytes())
    print(f"wrote {out} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
