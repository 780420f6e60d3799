"""First start: the clerk's own agency, so that no letter goes out signed by the sample one.

A new library's profile is the sample agency's (``desktop.sample``). Until the clerk saves an
agency name here, in Settings or with ``replydesk profile set agency_name``, exports are refused.
The dialog asks for the agency name (required), the contact person and phone, the copy-to
(抄送) list and, optionally, a seal image; it explains the five sample letters and can remove
them. "Later" closes it without saving anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import clerks, letters
from desktop.actions import profile as profile_actions
from desktop.profile import ProfileError, parse_profile_value
from desktop.sample import SAMPLE_AGENCY

if TYPE_CHECKING:
    from desktop.ui.context import AppContext

ERROR_STYLE = "color: #b00020;"


class FirstStartDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartDialog")
        self.context = context
        self.setWindowTitle(self.tr("Welcome to ReplyDesk"))
        self._seal: tuple[str, bytes] | None = None
        shown = context.call(profile_actions.show)

        heading = QLabel(self.tr("Your agency"), self)
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        intro = QLabel(
            self.tr(
                "ReplyDesk signs every reply with your agency's name and prints its contact "
                "and copy-to lines. Enter them once here; you can change them later in "
                "Settings. Until your agency's name is saved, letters cannot be exported."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = self._form(shown)
        self.error = QLabel(self)
        self.error.setObjectName("firstStartError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self._sample_box())
        layout.addStretch(1)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(520)
        self.resize(620, self.sizeHint().height())
        self.agency.setFocus(Qt.FocusReason.OtherFocusReason)

    def _form(self, shown: profile_actions.ProfileView) -> QFormLayout:
        """The agency's name (empty while it is the sample's), contact, copy-to and seal."""
        profile = shown.profile
        self.agency = QLineEdit("" if shown.is_sample else profile.agency_name, self)
        self.agency.setObjectName("firstStartAgency")
        self.agency.setPlaceholderText(self.tr("The full name, e.g. 如皋市科学技术局"))
        self.contact_name = QLineEdit(profile.contact_name, self)
        self.contact_name.setObjectName("firstStartContactName")
        self.contact_phone = QLineEdit(profile.contact_phone, self)
        self.contact_phone.setObjectName("firstStartContactPhone")
        self.contact_phone.setPlaceholderText(self.tr("e.g. 0513-85000000"))
        self.cc = QLineEdit("、".join(profile.cc), self)
        self.cc.setObjectName("firstStartCc")
        self.cc.setPlaceholderText(self.tr("Units separated by 、 — leave empty for no copy-to"))
        self.seal_name = QLabel(self.tr("None (replies are printed without a seal)"), self)
        self.seal_name.setObjectName("firstStartSealName")
        self.seal_name.setWordWrap(True)
        if shown.seal_name is not None:
            self.seal_name.setText(shown.seal_name)
        seal_button = QPushButton(self.tr("Choose…"), self)
        seal_button.setObjectName("firstStartSealChoose")
        seal_button.clicked.connect(self._choose_seal)
        seal_row = QHBoxLayout()
        seal_row.addWidget(self.seal_name, 1)
        seal_row.addWidget(seal_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Agency name *"), self.agency)
        form.addRow(self.tr("Contact person"), self.contact_name)
        form.addRow(self.tr("Contact phone"), self.contact_phone)
        form.addRow(self.tr("Copy to (抄送)"), self.cc)
        form.addRow(self.tr("Seal image (optional)"), seal_row)
        return form

    def _sample_box(self) -> QGroupBox:
        """Offers to remove the sample letters (hidden when there are none)."""
        samples = self.context.call(letters.sample_count)
        self.remove_samples = QCheckBox(self.tr("Remove the sample letters now"), self)
        self.remove_samples.setObjectName("firstStartRemoveSamples")
        sample_box = QGroupBox(self.tr("The sample library"), self)
        sample_text = QLabel(
            self.tr(
                "The library holds %n sample reply letter(s) of %1 (published letters), loaded "
                "so that you can try searching and reusing paragraphs straight away. They are "
                "only examples: remove them here, or later with Tools → Remove sample letters.",
                "",
                samples,
            ).replace("%1", SAMPLE_AGENCY),
            sample_box,
        )
        sample_text.setWordWrap(True)
        sample_layout = QVBoxLayout(sample_box)
        sample_layout.addWidget(sample_text)
        sample_layout.addWidget(self.remove_samples)
        sample_box.setVisible(samples > 0)
        return sample_box

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("firstStartSave")
        self.later_button = buttons.addButton(
            self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setObjectName("firstStartLater")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    # ------------------------------------------------------------------ seal
    def _choose_seal(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the seal image"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.set_seal_file(Path(path))

    def set_seal_file(self, path: Path) -> bool:
        """Check a seal image; it is stored when the dialog is saved."""
        # python-docx loads in ~0.2 s: not while the window starts
        from desktop.export_docx import SealError, check_seal_image

        try:
            check_seal_image(path, self.context.profile().seal_diameter_mm)
            data = path.read_bytes()
        except SealError as exc:
            self._show_error(exc.message)
            return False
        except OSError as exc:
            self._show_error(
                self.tr("Cannot read {name}: {reason}").format(name=path.name, reason=exc)
            )
            return False
        self.error.hide()
        self._seal = (path.name, data)
        self.seal_name.setText(path.name)
        return True

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # ------------------------------------------------------------------ save
    def accept(self) -> None:
        try:
            values = {
                key: parse_profile_value(key, widget.text())
                for key, widget in (
                    ("contact_name", self.contact_name),
                    ("contact_phone", self.contact_phone),
                    ("cc", self.cc),
                    ("agency_name", self.agency),
                )
            }
        except ProfileError as exc:
            self._show_error(exc.message)
            self.agency.setFocus()
            return
        seal = profile_actions.SealFile(*self._seal) if self._seal is not None else None
        remove = self.remove_samples.isChecked() and self.remove_samples.isVisibleTo(self)
        self.context.call(profile_actions.save, values, seal=seal, remove_samples=remove)
        if self.remove_samples.isChecked():
            self.context.libraryChanged.emit()
        self.context.profileChanged.emit()
        super().accept()


def agency_ready(context: AppContext, parent: QWidget | None) -> bool:
    """True when letters may go out: the clerk has saved the agency's name. Otherwise say
    what to set and offer the dialog; True only when the clerk then saved it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    if not context.call(profile_actions.is_sample):
        return True
    if not context.call(clerks.may_administer):  # a clerk's account on the office server
        QMessageBox.information(
            parent,
            QCoreApplication.translate("FirstStartDialog", "Your agency"),
            QCoreApplication.translate(
                "FirstStartDialog",
                "The letter would be signed by the sample agency (%1): your agency's name has "
                "not been entered yet. On the office server an administrator enters it "
                "(Settings → Profile → Agency name (signature)); ask them, then export again.",
            ).replace("%1", context.profile().agency_name),
        )
        return False
    text = QCoreApplication.translate(
        "FirstStartDialog",
        "The letter would be signed by the sample agency (%1): your agency's name has not been "
        "entered yet. Enter it first (Settings → Profile → Agency name (signature), or here "
        "now).\n\nEnter your agency's details now?",
    ).replace("%1", context.profile().agency_name)
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("FirstStartDialog", "Your agency"), text
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    FirstStartDialog(context, parent).exec()
    return not context.call(profile_actions.is_sample)
