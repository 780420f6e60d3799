"""Which of the profile's fonts this PC has, and what prints instead of the missing ones."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFontDatabase

from desktop.model import FontSpec

# What Windows ships in place of the GB2312 fonts government offices use.
SUBSTITUTES = {
    "仿宋_GB2312": ["仿宋", "FangSong", "STFangsong"],
    "楷体_GB2312": ["楷体", "KaiTi", "STKaiti"],
    "方正小标宋简体": ["方正小标宋_GBK", "华文中宋", "STZhongsong", "宋体", "SimSun"],
    "黑体": ["SimHei", "STHeiti"],
    "宋体": ["SimSun", "NSimSun"],
    "仿宋": ["FangSong"],
    "楷体": ["KaiTi"],
}
ROLES = {
    "title": "Title",
    "body": "Body",
    "heading1": "Level-1 headings",
    "heading2": "Level-2 headings",
    "page_number": "Page numbers",
}


@dataclass
class FontStatus:
    role: str
    name: str
    installed: bool
    substitute: str | None  # what this PC will use instead (None: the system's default)


def check_fonts(fonts: FontSpec, families: list[str] | None = None) -> list[FontStatus]:
    available = set(families if families is not None else QFontDatabase.families())
    out = []
    for role in ROLES:
        name = getattr(fonts, role)
        installed = name in available
        substitute = None
        if not installed:
            substitute = next((s for s in SUBSTITUTES.get(name, []) if s in available), None)
        out.append(FontStatus(role, name, installed, substitute))
    return out


def missing_fonts_note(statuses: list[FontStatus]) -> str | None:
    """A plain note for the clerk when fonts are missing, else None."""
    missing = [s for s in statuses if not s.installed]
    if not missing:
        return None
    parts = []
    for s in missing:
        instead = s.substitute or "系统默认字体"
        parts.append(f"“{s.name}”（用于{_ROLE_ZH[s.role]}）未安装，屏幕预览将用“{instead}”代替")
    return (
        "；".join(parts) + "。导出的 DOCX 仍写明原字体，在装有这些字体的电脑上打印即为标准效果；"
        "也可以在“设置 → 字体”中改用本机已有的字体。"
    )


_ROLE_ZH = {"title": "标题", "body": "正文", "heading1": "一级标题", "heading2": "二级标题",
            "page_number": "页码"}  # fmt: skip
