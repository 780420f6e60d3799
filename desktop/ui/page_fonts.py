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

from desktop.model import FontSpec

# ----------------------------------------------------------------------------------------------
# Fonts

_SERIF_CJK: Final = (
    "SimSun",
    "宋体",
    "NSimSun",
    "新宋体",
    "Songti SC",
    "STSong",
    "华文宋体",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "思源宋体",
    "Noto Serif CJK SC",
    "Noto Serif SC",
    "AR PL UMing CN",
    "AR PL SungtiL GB",
)
_SANS_CJK: Final = (
    "SimHei",
    "黑体",
    "Microsoft YaHei",
    "微软雅黑",
    "PingFang SC",
    "Heiti SC",
    "STHeiti",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "思源黑体",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)
# Other names of the same typefaces (Windows has 仿宋 / FangSong, not 仿宋_GB2312).
_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "仿宋": ("仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312", "STFangsong", "华文仿宋"),
    "楷体": ("楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312", "STKaiti", "华文楷体"),
    "黑体": ("黑体", "SimHei", "STHeiti", "Heiti SC"),
    "宋体": ("宋体", "SimSun", "NSimSun", "STSong", "华文宋体"),
    "方正小标宋": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"),
}
# Faces that look alike, tried before any Chinese serif or sans.
_SIMILAR: Final[dict[str, tuple[str, ...]]] = {
    "楷体": ("AR PL UKai CN", "AR PL UKai"),
    "方正小标宋": ("华文中宋", "STZhongsong"),
}


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


def _alias_key(name: str) -> str | None:
    for key, names in _ALIASES.items():
        if name.startswith(key) or name in names:
            return key
    return None


def _same_face(wanted: str) -> list[str]:
    """``wanted`` and the other names of that typeface."""
    key = _alias_key(wanted)
    names = [wanted, wanted.removesuffix("_GB2312"), *(_ALIASES[key] if key else ())]
    return list(dict.fromkeys(n for n in names if n))


def _candidates(wanted: str, role: str) -> list[str]:
    key = _alias_key(wanted)
    generic = _SANS_CJK if role == "heading1" or key == "黑体" else _SERIF_CJK
    names = [*_same_face(wanted), *_SIMILAR.get(key or "", ()), *generic]
    return list(dict.fromkeys(names))


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
        found = next((n for n in _candidates(name, role) if QFontDatabase.hasFamily(n)), None)
        if found is None:
            found = chinese[0] if chinese else QFont().defaultFamily()
        families[role] = found
        if found not in _same_face(name):
            substitutions[name] = found
            if (
                role == "title"
                and _alias_key(name) == "方正小标宋"
                and found not in _SIMILAR["方正小标宋"]
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
