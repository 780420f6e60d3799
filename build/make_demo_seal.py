"""Draw ``resources/demo_seal.png``: the demo seal used in screenshots and tests.

A red ring, a five-pointed star and the characters 样章 ("specimen seal") drawn as strokes, on
a transparent background, 600 × 600 pixels (42 mm at 363 dpi). No fonts and no Pillow: the
shapes are measured with signed distances (which also gives smooth edges) and the PNG is
written with zlib and struct.

Run from the project root: ``python build/make_demo_seal.py``. The output is committed.
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

SIZE = 600
DIAMETER_MM = 42.0
RED = (226, 20, 30)
OPACITY = 0.92  # printed seal ink lets the black text show through a little

RING_OUTER = 292.0
RING_WIDTH = 20.0
STAR_CENTRE = (300.0, 268.0)
STAR_OUTER = 92.0
STAR_INNER = STAR_OUTER * math.sin(math.radians(18)) / math.sin(math.radians(54))  # regular
STROKE = 9.0  # width of the strokes of 样章

# 样 and 章 as line segments in a unit box (x to the right, y down).
GLYPHS: dict[str, list[tuple[float, float, float, float]]] = {
    "样": [
        (0.02, 0.30, 0.38, 0.30),  # 木
        (0.20, 0.04, 0.20, 0.98),
        (0.20, 0.36, 0.02, 0.74),
        (0.22, 0.44, 0.38, 0.60),
        (0.58, 0.04, 0.65, 0.17),  # 羊
        (0.90, 0.04, 0.82, 0.17),
        (0.48, 0.25, 0.98, 0.25),
        (0.52, 0.46, 0.94, 0.46),
        (0.45, 0.68, 1.00, 0.68),
        (0.73, 0.25, 0.73, 0.98),
    ],
    "章": [
        (0.50, 0.00, 0.50, 0.08),  # 立
        (0.18, 0.11, 0.82, 0.11),
        (0.35, 0.15, 0.40, 0.25),
        (0.65, 0.15, 0.60, 0.25),
        (0.06, 0.28, 0.94, 0.28),
        (0.25, 0.36, 0.25, 0.62),  # 早
        (0.75, 0.36, 0.75, 0.62),
        (0.25, 0.36, 0.75, 0.36),
        (0.25, 0.49, 0.75, 0.49),
        (0.25, 0.62, 0.75, 0.62),
        (0.06, 0.77, 0.94, 0.77),
        (0.50, 0.62, 0.50, 1.00),
    ],
}
TEXT_TOP = 392.0
GLYPH_SIZE = 78.0
GLYPH_GAP = 18.0

Shape = Callable[[float, float], float]  # signed distance: negative inside


def ring(cx: float, cy: float, outer: float, width: float) -> Shape:
    inner = outer - width

    def sd(x: float, y: float) -> float:
        d = math.hypot(x - cx, y - cy)
        return max(d - outer, inner - d)

    return sd


def star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    points = []
    for k in range(10):
        radius = outer if k % 2 == 0 else inner
        angle = math.radians(-90 + 36 * k)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def polygon(points: list[tuple[float, float]]) -> Shape:
    edges = list(zip(points, points[1:] + points[:1], strict=True))

    def sd(x: float, y: float) -> float:
        inside = False
        best = math.inf
        for (x1, y1), (x2, y2) in edges:
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
            best = min(best, _segment_distance(x, y, x1, y1, x2, y2))
        return -best if inside else best

    return sd


def _segment_distance(x: float, y: float, x1: float, y1: float, x2: float, y2: float) -> float:
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length2))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def strokes(segments: list[tuple[float, float, float, float]], width: float) -> Shape:
    def sd(x: float, y: float) -> float:
        return min(_segment_distance(x, y, *s) for s in segments) - width / 2

    return sd


def text_segments() -> list[tuple[float, float, float, float]]:
    total = 2 * GLYPH_SIZE + GLYPH_GAP
    left = SIZE / 2 - total / 2
    out = []
    for i, ch in enumerate("样章"):
        x0 = left + i * (GLYPH_SIZE + GLYPH_GAP)
        for ax, ay, bx, by in GLYPHS[ch]:
            out.append(
                (
                    x0 + ax * GLYPH_SIZE,
                    TEXT_TOP + ay * GLYPH_SIZE,
                    x0 + bx * GLYPH_SIZE,
                    TEXT_TOP + by * GLYPH_SIZE,
                )
            )
    return out


def draw() -> list[bytearray]:
    """Rows of RGBA pixels."""
    star_points = star(*STAR_CENTRE, STAR_OUTER, STAR_INNER)
    text = text_segments()
    # Each shape with the box outside which it surely does not reach (saves most of the work).
    pad = 2.0
    xs = [p[0] for p in star_points]
    ys = [p[1] for p in star_points]
    tx = [v for s in text for v in (s[0], s[2])]
    ty = [v for s in text for v in (s[1], s[3])]
    boxed: list[tuple[Shape, tuple[float, float, float, float]]] = [
        (polygon(star_points), (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)),
        (
            strokes(text, STROKE),
            (min(tx) - STROKE, min(ty) - STROKE, max(tx) + STROKE, max(ty) + STROKE),
        ),
    ]
    the_ring = ring(SIZE / 2, SIZE / 2, RING_OUTER, RING_WIDTH)
    ring_inner = RING_OUTER - RING_WIDTH
    rows = []
    for py in range(SIZE):
        row = bytearray(SIZE * 4)
        y = py + 0.5
        for px in range(SIZE):
            x = px + 0.5
            coverage = 0.0
            if ring_inner - pad < math.hypot(x - SIZE / 2, y - SIZE / 2) < RING_OUTER + pad:
                coverage = _coverage(the_ring, x, y)
            for shape, (x0, y0, x1, y1) in boxed:
                if coverage < 1.0 and x0 <= x <= x1 and y0 <= y <= y1:
                    coverage = max(coverage, _coverage(shape, x, y))
            if coverage > 0:
                row[px * 4 : px * 4 + 4] = bytes((*RED, round(255 * OPACITY * coverage)))
        rows.append(row)
    return rows


def _coverage(shape: Shape, x: float, y: float) -> float:
    """How much of the pixel centred at (x, y) the shape covers, from its signed distance."""
    return min(1.0, max(0.0, 0.5 - shape(x, y)))


def png(rows: list[bytearray], dots_per_metre: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    height, width = len(rows), len(rows[0]) // 4
    raw = b"".join(b"\x00" + bytes(row) for row in rows)  # filter type 0 on every row
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
        + chunk(b"pHYs", struct.pack(">IIB", dots_per_metre, dots_per_metre, 1))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    target = root / "resources" / "demo_seal.png"
    dots_per_metre = round(SIZE / (DIAMETER_MM / 1000))
    data = png(draw(), dots_per_metre)
    target.write_bytes(data)
    print(f"wrote {target} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
