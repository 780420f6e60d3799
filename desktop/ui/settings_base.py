"""What every tab of the settings dialog shares: its state, the form-row helpers, constants."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.profile import (
    AgencyProfile,
)
from desktop.ui.context import AppContext

SETTINGS_ORG = "ReplyDesk"
SETTINGS_APP = "ReplyDesk"
LANGUAGE_KEY = "ui/language"
# Where the library is (Settings, Library tab): empty for the file in the data folder, or a
# file, or a server's postgresql:// URL; $REPLYDESK_DB wins over it.
LIBRARY_KEY = "library/location"
LANGUAGES = (("中文（简体）", "zh_CN"), ("English", "en"))
DEFAULT_LANGUAGE = "zh_CN"

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 2px solid #d32f2f; border-radius: 3px;"
WARN_STYLE = "color: #a15c00;"
HINT_STYLE = "color: palette(mid);"
SEAL_PREVIEW_PX = 150
# Fonts the national standard for official documents (GB/T 9704) names, offered first.
OFFICIAL_FONTS = (
    "方正小标宋简体",
    "仿宋_GB2312",
    "仿宋",
    "黑体",
    "楷体_GB2312",
    "楷体",
    "宋体",
)
FONT_KEYS = ("font_title", "font_body", "font_heading1", "font_heading2", "font_page_number")
VARIANT_ORDER = {"": 0, "co": 1, "A": 2, "B": 3, "C": 4}


class SettingsBase(QDialog):
    """The dialog's shared state (set in ``SettingsDialog.__init__``) and form helpers; each
    tab is a class between this one and ``SettingsDialog``."""

    context: AppContext
    profile: AgencyProfile
    settings: QSettings
    tabs: QTabWidget
    error_key: str | None
    _field_widgets: dict[str, QWidget]
    _error_labels: dict[str, QLabel]
    _field_tab: dict[str, int]
    _seal_pending: tuple[str, bytes] | None
    _seal_path: Path | None
    _buffers: dict[str, str]
    _template_name: str | None

    # ------------------------------------------------------------------ helpers
    def _row(self, form: QFormLayout, tab: int, key: str, label: str, widget: QWidget) -> None:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = QLabel(box)
        error.setObjectName(f"settingsError_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(error)
        form.addRow(label, box)
        self._field_widgets[key] = widget
        self._error_labels[key] = error
        self._field_tab[key] = tab

    def _line(self, name: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def collected_profile(self) -> AgencyProfile | None:
        """The profile as the dialog shows it now (``SettingsDialog`` reads its fields)."""
        raise NotImplementedError
