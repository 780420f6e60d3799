"""Font substitutes: the one Qt-free table of which installed font stands in for a missing one.

Government offices write 仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体; Windows ships 仿宋 /
FangSong and 楷体 / KaiTi instead, and a Linux or macOS machine other names again. The page
renderer (ui/page_fonts.py), the missing-fonts notice (ui/fonts_check.py) and the fonts tab of
the settings all ask this table, so the notice names the face the screen really shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

SERIF_CJK: Final = (
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
SANS_CJK: Final = (
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
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "仿宋": ("仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312", "STFangsong", "华文仿宋"),
    "楷体": ("楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312", "STKaiti", "华文楷体"),
    "黑体": ("黑体", "SimHei", "STHeiti", "Heiti SC"),
    "宋体": ("宋体", "SimSun", "NSimSun", "STSong", "华文宋体"),
    "方正小标宋": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"),
}
# Faces that look alike, tried before any Chinese serif or sans.
SIMILAR: Final[dict[str, tuple[str, ...]]] = {
    "楷体": ("AR PL UKai CN", "AR PL UKai"),
    "方正小标宋": ("华文中宋", "STZhongsong"),
}
# The fonts a reply letter is written in (the profile's defaults and their usual companions).
OFFICIAL_FONT_NAMES: Final = (
    "仿宋_GB2312",
    "楷体_GB2312",
    "方正小标宋简体",
    "黑体",
    "宋体",
    "仿宋",
    "楷体",
)


def alias_key(name: str) -> str | None:
    """The typeface ``name`` is a name of (a key of :data:`ALIASES`), or None."""
    for key, names in ALIASES.items():
        if name.startswith(key) or name in names:
            return key
    return None


def same_face(wanted: str) -> list[str]:
    """``wanted`` and the other names of that typeface."""
    key = alias_key(wanted)
    names = [wanted, wanted.removesuffix("_GB2312"), *(ALIASES[key] if key else ())]
    return list(dict.fromkeys(n for n in names if n))


def candidates(wanted: str, role: str = "body") -> list[str]:
    """The families to try for ``wanted``, best first: its other names, similar faces, then
    the Chinese serifs (the sans faces for level-1 headings and 黑体)."""
    key = alias_key(wanted)
    generic = SANS_CJK if role == "heading1" or key == "黑体" else SERIF_CJK
    names = [*same_face(wanted), *SIMILAR.get(key or "", ()), *generic]
    return list(dict.fromkeys(names))


def substitutes(wanted: str, role: str = "body") -> list[str]:
    """What may stand in for ``wanted``: :func:`candidates` without ``wanted`` itself."""
    return [name for name in candidates(wanted, role) if name != wanted]


def substitute(
    wanted: str, installed: Callable[[str], bool] | Iterable[str], role: str = "body"
) -> str | None:
    """The first of :func:`substitutes` that is installed, or None."""
    has = installed if callable(installed) else set(installed).__contains__
    return next((name for name in substitutes(wanted, role) if has(name)), None)


# For each official font, what stands in for it, in order.
SUBSTITUTES: Final[dict[str, list[str]]] = {name: substitutes(name) for name in OFFICIAL_FONT_NAMES}
