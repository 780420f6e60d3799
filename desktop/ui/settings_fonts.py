"""Settings, Fonts tab: the font of each part of the letter, and whether this PC has it."""

from __future__ import annotations

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.model import FontSpec
from desktop.ui.fonts_check import SUBSTITUTES
from desktop.ui.settings_base import (
    ERROR_STYLE,
    FONT_KEYS,
    HINT_STYLE,
    OFFICIAL_FONTS,
    WARN_STYLE,
)
from desktop.ui.settings_templates import (
    TemplatesTab,
)


class FontsTab(TemplatesTab):
    # ================================================================== (c) fonts
    def _fonts_tab(self) -> QWidget:
        page = QWidget(self)
        installed = QFontDatabase.families()
        self._installed_fonts = set(installed)
        choices = list(OFFICIAL_FONTS) + [f for f in installed if f not in OFFICIAL_FONTS]
        labels = {
            "font_title": self.tr("Title"),
            "font_body": self.tr("Body text"),
            "font_heading1": self.tr("Headings 一、"),
            "font_heading2": self.tr("Headings （一）"),
            "font_page_number": self.tr("Page numbers"),
        }
        defaults = FontSpec()
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.font_combos: dict[str, QComboBox] = {}
        self.font_status: dict[str, QLabel] = {}
        self.font_samples: dict[str, QLabel] = {}
        for row, key in enumerate(FONT_KEYS):
            camel = "font" + "".join(w.capitalize() for w in key.split("_")[1:])
            combo = QComboBox(page)
            combo.setObjectName(camel)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(choices)
            combo.setEditText(getattr(self.profile, key))
            combo.setToolTip(
                self.tr("Default: {font}").format(font=getattr(defaults, key.removeprefix("font_")))
            )
            combo.setMinimumWidth(220)
            status = QLabel(page)
            status.setObjectName(camel + "Status")
            status.setStyleSheet(WARN_STYLE)
            sample = QLabel("关于……的答复 2020年", page)
            sample.setObjectName(camel + "Sample")
            error = QLabel(page)
            error.setObjectName(f"settingsError_{key}")
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            grid.addWidget(QLabel(labels[key], page), row * 2, 0)
            grid.addWidget(combo, row * 2, 1)
            grid.addWidget(status, row * 2, 2)
            grid.addWidget(sample, row * 2, 3)
            grid.addWidget(error, row * 2 + 1, 1, 1, 3)
            self.font_combos[key] = combo
            self.font_status[key] = status
            self.font_samples[key] = sample
            self._field_widgets[key] = combo
            self._error_labels[key] = error
            self._field_tab[key] = 2
            combo.editTextChanged.connect(lambda _t, k=key: self._font_changed(k))
            self._font_changed(key)
        note = QLabel(
            self.tr(
                "The font names are written into the Word file. Word uses them on a PC where"
                " they are installed; “(not installed)” means this PC lacks the font, so the"
                " preview and the PDF use a substitute."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(page)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _font_changed(self, key: str) -> None:
        name = self.font_combos[key].currentText().strip()
        missing = bool(name) and name not in self._installed_fonts
        substitute = next(
            (f for f in SUBSTITUTES.get(name, []) if f in self._installed_fonts), None
        )
        status = self.font_status[key]
        status.setText(self.tr("(not installed)") if missing else "")
        if missing and substitute:
            status.setToolTip(self.tr("This PC shows {font} instead.").format(font=substitute))
        elif missing:
            status.setToolTip(self.tr("This PC shows its default font instead."))
        else:
            status.setToolTip("")
        font = QFont(self.font())
        shown = name if not missing else substitute
        if shown:
            font.setFamilies([shown])
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.2)
        self.font_samples[key].setFont(font)
