"""Which of the profile's fonts this PC has, and what prints instead of the missing ones."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QToolBar, QToolButton, QWidget

from desktop.fonts import SUBSTITUTES as SUBSTITUTES
from desktop.fonts import substitute as font_substitute
from desktop.model import FontSpec

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
            substitute = font_substitute(name, available, role)
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


class FontsNotice(QToolBar):
    """A one-line notice above the window's panes when fonts are missing: what it means in a
    few words, 详情 for which fonts and what shows instead, and × to put it away. (The whole
    note in the status bar ran under the case label there.)"""

    def __init__(self, statuses: list[FontStatus], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fontsNotice")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not offered in the tool bars' menu
        self.setStyleSheet("QToolBar#fontsNotice { background: #fff4d6; border: none; }")
        self.details = missing_fonts_note(statuses) or ""
        missing = sum(1 for s in statuses if not s.installed)
        self.label = QLabel(
            self.tr(
                "%n of the letter's fonts are not installed on this PC: the screen shows "
                "similar fonts instead. Exported letters still name the right fonts.",
                "",
                missing,
            ),
            self,
        )
        self.label.setObjectName("fontsNoticeText")
        self.label.setContentsMargins(8, 2, 8, 2)
        self.addWidget(self.label)
        self.details_button = QToolButton(self)
        self.details_button.setObjectName("fontsNoticeDetails")
        self.details_button.setText(self.tr("Details…"))
        self.details_button.clicked.connect(self.show_details)
        self.addWidget(self.details_button)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("fontsNoticeClose")
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Hide this notice"))
        self.close_button.clicked.connect(self.dismiss)
        self.addWidget(self.close_button)

    def show_details(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Fonts"), self.details,
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setObjectName("fontsDetails")
        box.exec()

    def dismiss(self) -> None:
        self.hide()
        self.deleteLater()


def show_fonts_notice(window: QMainWindow, statuses: list[FontStatus]) -> FontsNotice | None:
    """The notice above the window's panes when some of the profile's fonts are missing."""
    if not any(not s.installed for s in statuses):
        return None
    notice = FontsNotice(statuses, window)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, notice)
    return notice
