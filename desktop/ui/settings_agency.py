"""Settings, Agency tab: the profile's texts and numbers, and the seal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QPixmap,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import profile as profile_actions
from desktop.ui.file_dialogs import documents_folder
from desktop.ui.settings_base import (
    ERROR_STYLE,
    HINT_STYLE,
    SEAL_PREVIEW_PX,
)
from desktop.ui.settings_categories import (
    CategoriesTab,
)


class AgencyTab(CategoriesTab):
    # ================================================================== (a) agency
    def _agency_tab(self) -> QWidget:
        page = QWidget(self)
        profile_box = self._profile_box(page)
        right = QVBoxLayout()
        right.addWidget(self._seal_box(page), 1)
        right.addWidget(self._format_box(page))
        layout = QHBoxLayout(page)
        layout.addWidget(profile_box, 3)
        layout.addLayout(right, 2)
        return page

    def _profile_box(self, page: QWidget) -> QGroupBox:
        """The agency's name, signer, contact, copy-to, document number prefix and limits."""
        p = self.profile
        self.agency_name = self._line("agencyName", p.agency_name, self.tr("e.g. 南通市科学技术局"))
        self.home_places = self._line(
            "agencyHomePlaces", "、".join(p.home_places), self.tr("e.g. 江苏省、崇川区、海门区")
        )
        self.home_places.setToolTip(
            self.tr(
                "Places that count as your own besides those in the agency name: a paragraph "
                "reused from another letter that names another place is flagged."
            )
        )
        self.signer = self._line("agencySigner", p.signer, self.tr("Printed as 签发人 when set"))
        self.contact_name = self._line("agencyContactName", p.contact_name)
        self.contact_phone = self._line(
            "agencyContactPhone", p.contact_phone, self.tr("e.g. 0513-85000000")
        )
        self.cc = self._line("agencyCc", "、".join(p.cc), self.tr("Separate units with 、"))
        self.doc_prefix = self._line("agencyDocPrefix", p.doc_number_prefix, self.tr("e.g. 通科函"))
        self.work_field = self._line("agencyWorkField", p.work_field, self.tr("e.g. 科技"))
        self.work_field.setToolTip(
            self.tr("Used in the thanks: 衷心感谢您对我市……工作的关心和支持")
        )
        self.feedback_form = QCheckBox(
            self.tr("Ask the deputy to return the feedback form (征询意见表)"), self
        )
        self.feedback_form.setObjectName("agencyFeedbackForm")
        self.feedback_form.setChecked(p.feedback_form)
        self.contact_line = QCheckBox(
            self.tr("Warn before export when the contact name or phone is missing"), self
        )
        self.contact_line.setObjectName("agencyContactLine")
        self.contact_line.setChecked(p.contact_line)
        self._limit_fields()

        profile_box = QGroupBox(self.tr("Profile"), page)
        form = QFormLayout(profile_box)
        self._row(form, 0, "agency_name", self.tr("Agency name (signature)"), self.agency_name)
        self._row(form, 0, "home_places", self.tr("Own places"), self.home_places)
        self._row(form, 0, "signer", self.tr("Signer"), self.signer)
        self._row(form, 0, "contact_name", self.tr("Default contact"), self.contact_name)
        self._row(form, 0, "contact_phone", self.tr("Contact phone"), self.contact_phone)
        self._row(form, 0, "cc", self.tr("Copy to"), self.cc)
        self._row(form, 0, "doc_number_prefix", self.tr("Document number prefix"), self.doc_prefix)
        self._row(form, 0, "work_field", self.tr("Work field"), self.work_field)
        self._row(form, 0, "feedback_form", self.tr("Feedback form"), self.feedback_form)
        self._row(form, 0, "contact_line", self.tr("Contact line"), self.contact_line)
        self._row(form, 0, "text_limit", self.tr("Plain-text limit"), self.text_limit)
        self._row(form, 0, "due_months", self.tr("Deadline"), self.due_months)
        self._row(form, 0, "reminder_days", self.tr("Remind"), self.reminder_days)
        self._row(form, 0, "co_due_months", self.tr("Co-organizer deadline"), self.co_due_months)
        return profile_box

    def _limit_fields(self) -> None:
        """The plain-text limit, the deadline and the reminder's window."""
        p = self.profile
        self.text_limit = QSpinBox(self)
        self.text_limit.setObjectName("agencyTextLimit")
        self.text_limit.setRange(1, 100_000)
        self.text_limit.setSingleStep(100)
        self.text_limit.setValue(p.text_limit)
        self.text_limit.setSuffix(self.tr(" characters"))
        self.text_limit.setToolTip(
            self.tr("Warn when the plain-text body for an online handling system is longer.")
        )
        self.due_months = QSpinBox(self)
        self.due_months.setObjectName("agencyDueMonths")
        self.due_months.setRange(1, 24)
        self.due_months.setValue(p.due_months)
        self.due_months.setSuffix(self.tr(" months after assignment"))
        self.co_due_months = QSpinBox(self)
        self.co_due_months.setObjectName("agencyCoDueMonths")
        self.co_due_months.setRange(1, 24)
        self.co_due_months.setValue(p.co_due_months)
        self.co_due_months.setSuffix(self.tr(" months after assignment"))
        self.reminder_days = QSpinBox(self)
        self.reminder_days.setObjectName("agencyReminderDays")
        self.reminder_days.setRange(1, 365)
        self.reminder_days.setValue(p.reminder_days)
        self.reminder_days.setSuffix(self.tr(" days before the deadline"))
        self.reminder_days.setToolTip(
            self.tr(
                "The reminder above the cases lists the cases not yet answered that are due "
                "within this many days, and those overdue."
            )
        )

    def _seal_box(self, page: QWidget) -> QGroupBox:
        """The seal image (checked when chosen, stored on OK) and its diameter."""
        p = self.profile
        seal_box = QGroupBox(self.tr("Seal"), page)
        self.seal_preview = QLabel(seal_box)
        self.seal_preview.setObjectName("sealPreview")
        self.seal_preview.setFixedSize(SEAL_PREVIEW_PX + 10, SEAL_PREVIEW_PX + 10)
        self.seal_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seal_preview.setStyleSheet(
            "background: white; border: 1px solid palette(mid); color: #777;"
        )
        self.seal_name = QLabel(seal_box)
        self.seal_name.setObjectName("sealName")
        self.seal_name.setWordWrap(True)
        self.seal_choose = QPushButton(self.tr("Choose seal image…"), seal_box)
        self.seal_choose.setObjectName("sealChoose")
        self.seal_choose.clicked.connect(self._choose_seal)
        self.seal_diameter = QDoubleSpinBox(seal_box)
        self.seal_diameter.setObjectName("sealDiameter")
        self.seal_diameter.setRange(20.0, 60.0)
        self.seal_diameter.setDecimals(1)
        self.seal_diameter.setSingleStep(1.0)
        self.seal_diameter.setSuffix(" mm")
        self.seal_diameter.setValue(p.seal_diameter_mm)
        self.seal_message = QLabel(seal_box)
        self.seal_message.setObjectName("sealMessage")
        self.seal_message.setWordWrap(True)
        self.seal_message.setStyleSheet(ERROR_STYLE)
        self.seal_message.hide()
        hint = QLabel(
            self.tr(
                "A PNG with a transparent background looks best; it is pressed over the agency"
                " name and date. Common sizes: 42, 45 or 50 mm."
            ),
            seal_box,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        diameter_row = QHBoxLayout()
        diameter_row.addWidget(QLabel(self.tr("Diameter"), seal_box))
        diameter_row.addWidget(self.seal_diameter)
        diameter_row.addStretch(1)
        seal_layout = QVBoxLayout(seal_box)
        seal_layout.addWidget(self.seal_preview, 0, Qt.AlignmentFlag.AlignHCenter)
        seal_layout.addWidget(self.seal_name)
        seal_layout.addWidget(self.seal_choose)
        seal_layout.addLayout(diameter_row)
        seal_layout.addWidget(self.seal_message)
        seal_layout.addWidget(hint)
        seal_layout.addStretch(1)
        self._field_widgets["seal_diameter_mm"] = self.seal_diameter
        self._error_labels["seal_diameter_mm"] = self.seal_message
        self._field_tab["seal_diameter_mm"] = 0

        stored = self.context.call(profile_actions.seal_file)
        if stored is not None:
            self._show_seal(stored.name, stored.data)
        else:
            self.seal_preview.setText(self.tr("No seal image"))
        return seal_box

    def _format_box(self, page: QWidget) -> QGroupBox:
        """The letter format (GB/T 9704: 函 or 版记) and, for the 版记, 印发机关 and 印发日期."""
        p = self.profile
        box = QGroupBox(self.tr("Letter format"), page)
        self.letter_format = QComboBox(box)
        self.letter_format.setObjectName("letterFormat")
        self.letter_format.addItem(self.tr("函 — letter format, no 印发 line"), "函")
        self.letter_format.addItem(self.tr("版记 — with 印发机关 and 印发日期"), "版记")
        self.letter_format.setCurrentIndex(max(0, self.letter_format.findData(p.letter_format)))
        self.issuing_office = self._line(
            "issuingOffice", p.issuing_office, self.tr("Empty: the agency name")
        )
        self.issue_date = self._line(
            "issueDate", p.issue_date, self.tr("e.g. 2026-06-01; empty: the letter's date")
        )
        hint = QLabel(
            self.tr(
                "函: 抄送 at the foot of the last page, no rules, no page number on page 1."
                " 版记: 抄送 and the 印发 line between rules, on an even page."
            ),
            box,
        )
        hint.setObjectName("letterFormatHint")
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout(box)
        self._row(form, 0, "letter_format", self.tr("Format"), self.letter_format)
        self._row(form, 0, "issuing_office", self.tr("Issued by"), self.issuing_office)
        self._row(form, 0, "issue_date", self.tr("Issue date"), self.issue_date)
        form.addRow(hint)
        self.letter_format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self._format_changed()
        return box

    def _format_changed(self) -> None:
        banji = self.letter_format.currentData() == "版记"
        self.issuing_office.setEnabled(banji)
        self.issue_date.setEnabled(banji)

    def _show_seal(self, name: str, data: bytes) -> None:
        pixmap = QPixmap()
        if pixmap.loadFromData(data):
            self.seal_preview.setPixmap(
                pixmap.scaled(
                    SEAL_PREVIEW_PX,
                    SEAL_PREVIEW_PX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.seal_preview.setText(self.tr("Cannot show this image"))
        self.seal_name.setText(name)

    def _choose_seal(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the seal image"),
            str(documents_folder()),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if path:
            self.set_seal_file(Path(path))

    def set_seal_file(self, path: Path) -> bool:
        """Check and show a seal image; it is stored when the dialog is accepted."""
        self.seal_message.hide()
        # python-docx loads in ~0.2 s: not while the window starts
        from desktop.export_docx import SealError, check_seal_image

        try:
            check_seal_image(path, self.seal_diameter.value())
            data = path.read_bytes()
        except SealError as exc:
            self.seal_message.setText(exc.message)
            self.seal_message.show()
            return False
        except OSError as exc:
            self.seal_message.setText(
                self.tr("Cannot read {name}: {reason}").format(name=path.name, reason=exc)
            )
            self.seal_message.show()
            return False
        self._seal_pending = (path.name, data)
        self._seal_path = path
        self._show_seal(path.name, data)
        return True
