"""Fonts for the in-app page renderer: the installed family for each role (with
substitutes for fonts this PC lacks) and glyph advances measured without hinting."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Final

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
)

from desktop.fonts import SIMILAR, alias_key, candidates, same_face
from desktop.model import FontSpec

# ----------------------------------------------------------------------------------------------
# Fonts

# The substitutes table is desktop.fonts.


@dataclass(frozen=True)
class ResolvedFonts:
    """The family used for each role, and the fonts that were replaced."""

    families: dict[str, str]
    bold: frozenset[str]  # roles drawn bold (a 小标宋 title shown in a lighter substitute)
    substitutions: tuple[tuple[str, str], ...]  # (wanted, used)

    def font(self, role: str, size_pt: float) -> QFont:
        font = QFont(self.families.get(role, self.families["body"]))
        font.setPointSizeF(size_pt)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(False)
        if role in self.bold:
            font.setBold(True)
        return font


def resolve_fonts(spec: FontSpec) -> ResolvedFonts:
    """Pick an installed family for each role of ``spec``: the font itself or another name of
    it, else a similar face, else a Chinese serif (a sans for 黑体), else any Chinese font.
    Every font that is not there is reported in ``substitutions`` as (wanted, used)."""
    wanted = {
        "body": spec.body,
        "heading1": spec.heading1,
        "heading2": spec.heading2,
        "title": spec.title,
        "page_number": spec.page_number,
    }
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    families: dict[str, str] = {}
    bold: set[str] = set()
    substitutions: dict[str, str] = {}
    for role, name in wanted.items():
        found = next((n for n in candidates(name, role) if QFontDatabase.hasFamily(n)), None)
        if found is None:
            found = chinese[0] if chinese else QFont().defaultFamily()
        families[role] = found
        if found not in same_face(name):
            substitutions[name] = found
            if (
                role == "title"
                and alias_key(name) == "方正小标宋"
                and found not in SIMILAR["方正小标宋"]
            ):
                bold.add(role)  # 小标宋 is a heavy face: a regular Song looks too light
    return ResolvedFonts(families, frozenset(bold), tuple(substitutions.items()))


# A 72 dpi device: font point sizes are then pixels, and metrics are in points.
@functools.cache
def _reference_device() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    dpm = round(72 / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    return image


_MEASURE_PT: Final = 100.0  # glyphs are measured at 100 pt, then scaled: no rounding to pixels


@functools.cache
def _metrics(family: str, bold: bool) -> QFontMetricsF:
    font = QFont(family)
    font.setPointSizeF(_MEASURE_PT)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    font.setBold(bold)
    return QFontMetricsF(font, _reference_device())


@functools.cache
def _advance_per_pt(family: str, bold: bool, ch: str) -> float:
    return _metrics(family, bold).horizontalAdvance(ch) / _MEASURE_PT


class Measure:
    def __init__(self, fonts: ResolvedFonts) -> None:
        self.fonts = fonts

    def _key(self, role: str) -> tuple[str, bool]:
        return self.fonts.families.get(role, self.fonts.families["body"]), role in self.fonts.bold

    def advance(self, ch: str, role: str, size: float) -> float:
        family, bold = self._key(role)
        return _advance_per_pt(family, bold, ch) * size

    def ascent_descent(self, role: str, size: float) -> tuple[float, float]:
        family, bold = self._key(role)
        m = _metrics(family, bold)
        return m.ascent() / _MEASURE_PT * size, m.descent() / _MEASURE_PT * size
