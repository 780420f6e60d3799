"""Settings: agency profile and seal, answer categories, fonts, reply templates, language.

Tabs (``settingsTabs``):

- **Agency** — the letter format (``letterFormat``: 函 or 版记, with ``issuingOffice`` and
  ``issueDate`` for the 版记's 印发 line), every ``AgencyProfile`` text/number field
  (``agencyName``, ``agencySigner``,
  ``agencyContactName``, ``agencyContactPhone``, ``agencyCc``, ``agencyDocPrefix``,
  ``agencyWorkField``, ``agencyFeedbackForm``, ``agencyContactLine``, ``agencyTextLimit``,
  ``agencyDueMonths``, ``agencyReminderDays``) and the
  seal: ``sealChoose`` picks a PNG/JPEG checked with ``check_seal_image``, ``sealPreview`` shows
  it, ``sealDiameter`` sets its size (20–60 mm), ``sealMessage`` says what is wrong.
- **Categories** — ``categoryScheme`` (ABC / ABCD / 甲乙丙) with the meanings
  (``categoryMeanings``).
- **Fonts** — editable combos ``fontTitle`` … ``fontPageNumber``; ``font…Status`` says
  "(not installed)" when this PC lacks the font.
- **Templates** — ``templateList`` (every template file, shipped and the clerk's own),
  ``templateEditor`` (the clerk's copy in ``ReplyTemplates.override``; the shipped file is never
  written, the copy is made when an edited template is first saved), ``templatePreview``
  rendered with a sample case as you type (300 ms after the last key), ``templateError``
  ("Line 3: …", the line highlighted), ``templateSave`` and ``templateRestore``.
- **Language** — ``languageCombo`` stored in ``QSettings("ReplyDesk", "ReplyDesk")`` under
  ``ui/language`` (``zh_CN`` or ``en``), used from the next start.
- **Library** — ``libraryLocation``: this PC's library, another file, or a shared library
  on the office server (``postgresql://…``), under ``library/location``, used from the next
  start (desktop/ui/settings_library.py).

OK checks every profile value with ``parse_profile_value`` (a ``ProfileError`` is shown under its
field, which gets the focus), stores what changed, the new seal and the unsaved templates, and
emits ``context.profileChanged``. Cancel drops everything not yet saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import clerks
from desktop.actions import profile as profile_actions
from desktop.clerks import login_name
from desktop.profile import (
    AgencyProfile,
    ProfileError,
    parse_profile_value,
)
from desktop.ui.context import AppContext
from desktop.ui.fonts_check import SUBSTITUTES
from desktop.ui.settings_agency import (
    AgencyTab,
)
from desktop.ui.settings_base import (
    DEFAULT_LANGUAGE,
    FONT_KEYS,
    HINT_STYLE,
    INVALID_STYLE,
    LANGUAGE_KEY,
    LANGUAGES,
    OFFICIAL_FONTS,
    SETTINGS_APP,
    SETTINGS_ORG,
)
from desktop.ui.settings_library import LibraryTab

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGE_KEY",
    "OFFICIAL_FONTS",
    "SETTINGS_APP",
    "SETTINGS_ORG",
    "SUBSTITUTES",
    "SettingsDialog",
]


class SettingsDialog(AgencyTab):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.context = context
        self.profile = context.profile()
        self.settings = settings or QSettings(SETTINGS_ORG, SETTINGS_APP)
        self._field_widgets: dict[str, QWidget] = {}
        self._error_labels: dict[str, QLabel] = {}
        self._field_tab: dict[str, int] = {}
        self.error_key: str | None = None
        self._seal_pending: tuple[str, bytes] | None = None
        self._seal_path: Path | None = None  # the picked file, to recheck with a new diameter
        self._buffers: dict[str, str] = {}  # template name → edited text not yet saved
        self._template_name: str | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(self._agency_tab(), self.tr("Agency"))
        self.tabs.addTab(self._categories_tab(), self.tr("Categories"))
        self.tabs.addTab(self._fonts_tab(), self.tr("Fonts"))
        self.tabs.addTab(self._templates_tab(), self.tr("Templates"))
        self.tabs.addTab(self._language_tab(), self.tr("Language"))
        self.library_tab = LibraryTab(self.settings, self)
        self.tabs.addTab(self.library_tab, self.tr("Library"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(940, 680)
        self.finished.connect(self._closed)

    def _closed(self, _result: int) -> None:
        self._preview_timer.stop()

    # ================================================================== (e) language
    def _language_tab(self) -> QWidget:
        page = QWidget(self)
        self.language = QComboBox(page)
        self.language.setObjectName("languageCombo")
        for label, code in LANGUAGES:
            self.language.addItem(label, code)
        current = str(self.settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE))
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        note = QLabel(self.tr("The new language is used the next time ReplyDesk starts."), page)
        note.setObjectName("languageNote")
        note.setStyleSheet(HINT_STYLE)
        self.clerk = QLineEdit(self.context.call(clerks.whoami), page)
        self.clerk.setObjectName("clerkName")
        self.clerk.setToolTip(self.tr(
            "Your name at this PC: every change you make is recorded under it, and “My cases” "
            "lists the cases assigned to it. Empty: your login name."))  # fmt: skip
        self.clerk.setProperty("loginName", login_name())
        if self.context.on_server:  # the server's login is who works there, not a typed name
            self.clerk.setReadOnly(True)
            self.clerk.setToolTip(self.tr(
                "On the office server every change you make is recorded under your login "
                "account, and “My cases” lists the cases assigned to it."))  # fmt: skip
        form = QFormLayout()
        form.addRow(self.tr("Language of the window"), self.language)
        form.addRow(self.tr("Clerk (this PC)"), self.clerk)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    # ================================================================== saving
    def raw_values(self) -> dict[str, str]:
        """Every profile value as ``profile set`` text (what ``parse_profile_value`` reads)."""
        values = {
            "agency_name": self.agency_name.text(),
            "home_places": self.home_places.text(),
            "signer": self.signer.text(),
            "contact_name": self.contact_name.text(),
            "contact_phone": self.contact_phone.text(),
            "cc": self.cc.text(),
            "doc_number_prefix": self.doc_prefix.text(),
            "work_field": self.work_field.text(),
            "feedback_form": "是" if self.feedback_form.isChecked() else "否",
            "contact_line": "是" if self.contact_line.isChecked() else "否",
            "text_limit": str(self.text_limit.value()),
            "due_months": str(self.due_months.value()),
            "reminder_days": str(self.reminder_days.value()),
            "co_due_months": str(self.co_due_months.value()),
            "seal_diameter_mm": f"{self.seal_diameter.value():g}",
            "category_scheme": str(self.scheme.currentData()),
            "letter_format": str(self.letter_format.currentData()),
            "issuing_office": self.issuing_office.text(),
            "issue_date": self.issue_date.text(),
        }
        for key, combo in self.font_combos.items():
            values[key] = combo.currentText()
        return values

    def parsed_values(self) -> dict[str, Any] | None:
        """The parsed profile values, or None after showing the first problem."""
        parsed: dict[str, Any] = {}
        for key, raw in self.raw_values().items():
            try:
                value = parse_profile_value(key, raw)
            except ProfileError as exc:
                self.show_error(key, exc.message)
                return None
            if key in FONT_KEYS and not value:
                self.show_error(key, self.tr("Enter a font name."))
                return None
            parsed[key] = value
        return parsed

    def collected_profile(self) -> AgencyProfile | None:
        """The profile as the dialog shows it now (None while a value is invalid)."""
        data = self.profile.to_json()
        for key, raw in self.raw_values().items():
            try:
                data[key] = parse_profile_value(key, raw)
            except ProfileError:
                return None
        return AgencyProfile.from_json(data)

    def show_error(self, key: str, message: str) -> None:
        self.error_key = key
        label = self._error_labels[key]
        widget = self._field_widgets[key]
        label.setText(message)
        label.show()
        widget.setStyleSheet(INVALID_STYLE)
        self.tabs.setCurrentIndex(self._field_tab[key])
        widget.setFocus()

    def clear_errors(self) -> None:
        self.error_key = None
        for key, label in self._error_labels.items():
            label.hide()
            self._field_widgets[key].setStyleSheet("")

    def accept(self) -> None:
        self.clear_errors()
        values = self.parsed_values()
        if values is None:
            return
        if self._seal_path is not None and self._seal_pending is not None:
            # python-docx loads in ~0.2 s: not while the window starts
            from desktop.export_docx import SealError, check_seal_image

            try:
                check_seal_image(self._seal_path, values["seal_diameter_mm"])
            except SealError as exc:
                self.show_error("seal_diameter_mm", exc.message)
                return
        for name, text in list(self._buffers.items()):
            if not self._write_template(name, text):
                self.tabs.setCurrentIndex(3)
                self.select_template(name)
                return
        if not self.library_tab.save():
            self.tabs.setCurrentWidget(self.library_tab)
            return
        seal = None if self._seal_pending is None else profile_actions.SealFile(*self._seal_pending)
        self.context.call(profile_actions.save, values, seal=seal, only_changed=True)
        if not self.clerk.isReadOnly() and self.clerk.text().strip() != self.context.call(
            clerks.whoami
        ):
            self.context.call(clerks.set_clerk_name, self.clerk.text())
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self.settings.sync()
        self.context.profileChanged.emit()
        super().accept()
