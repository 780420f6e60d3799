"""Settings, Categories tab: the answer category scheme and its meanings."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.profile import (
    CATEGORY_SCHEMES,
)
from desktop.ui.settings_base import (
    HINT_STYLE,
)
from desktop.ui.settings_fonts import (
    FontsTab,
)


class CategoriesTab(FontsTab):
    # ================================================================== (b) categories
    def _categories_tab(self) -> QWidget:
        page = QWidget(self)
        self.scheme = QComboBox(page)
        self.scheme.setObjectName("categoryScheme")
        for name in CATEGORY_SCHEMES:
            self.scheme.addItem(name, name)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(self.profile.category_scheme)))
        self.scheme_meanings = QLabel(page)
        self.scheme_meanings.setObjectName("categoryMeanings")
        self.scheme_meanings.setTextFormat(Qt.TextFormat.RichText)
        self.scheme_meanings.setWordWrap(True)
        self.scheme_meanings.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scheme.currentIndexChanged.connect(lambda _i: self._show_scheme())
        note = QLabel(
            self.tr(
                "The category is printed at the top right of page 1 (e.g. “A类”). The reply"
                " templates are written for A, B and C: D uses the C templates, 甲/乙/丙 use"
                " A/B/C."
            ),
            page,
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Scheme"), self.scheme)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.scheme_meanings)
        layout.addWidget(note)
        layout.addStretch(1)
        self._show_scheme()
        return page

    def _show_scheme(self) -> None:
        scheme = CATEGORY_SCHEMES[self.scheme.currentData()]
        rows = "".join(
            f"<tr><td style='padding:4px 16px 4px 0'><b>{html.escape(code)}类</b></td>"
            f"<td style='padding:4px 0'>{html.escape(meaning)}</td></tr>"
            for code, meaning in scheme.items()
        )
        self.scheme_meanings.setText(f"<table>{rows}</table>")
