"""The case dialog: enter or edit the record of the suggestion/proposal being answered.

Every field of ``desktop.casework.Case`` has a widget (objectNames ``caseNumber``,
``caseSession``, ``caseTitle``, ``caseProposers``, ``caseProposerCount``, ``caseRole``,
``caseOrganizer``, ``caseMainOrganizer``, ``caseCoOrganizers``, ``caseCategory``,
``caseAssignedDate``, ``caseDueDate``, ``caseContent``, ``caseReplyDate``, ``caseContactName``,
``caseContactPhone``, ``caseCc``, ``caseDisclosure``, ``caseDocNumber``, ``caseStatus``).
The optional dates are a check box (``…Set``) beside a ``QDateEdit``.

The clerk can paste the suggestion text (or a reply portal export) into ``casePaste`` or load a
file with ``caseChooseFile``: what ``parse_letter`` finds fills the fields that are still empty
(or that an earlier paste filled), never what the clerk typed.

OK validates with ``case_from_json``; a ``CaseError`` is shown under the field it names, which
is highlighted and focused, and the dialog stays open. A valid case is saved with
``actions.cases.save_case``, ``context.caseChanged`` is emitted and ``case_id`` holds its id.
A case saved as sent (已答复) files its reply in the library with it; without a saved draft
that is refused under the status field and nothing is saved.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import cases, clerks
from desktop.actions.cases import CaseChangedElsewhere, NothingToFile
from desktop.casework import (
    Case,
    CaseError,
    CaseExists,
    add_months,
    case_from_json,
)
from desktop.clerks import CaseNotYours
from desktop.lifecycle import StatusError
from desktop.profile import AgencyProfile
from desktop.ui.case_errors import CaseErrors
from desktop.ui.case_fields import ERROR_STYLE
from desktop.ui.case_form import CaseForm
from desktop.ui.case_paste import CasePaste
from desktop.ui.case_progress import CaseProgressDialog
from desktop.ui.case_state import announce_filed
from desktop.ui.context import AppContext
from desktop.ui.dialog_fit import fit_to_screen


class CaseDialog(CasePaste, CaseErrors, CaseForm):
    def __init__(
        self, context: AppContext, case: Case | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseDialog")
        self.context = context
        self.profile: AgencyProfile = context.profile()
        self.original = case
        # The case as the clerk opened it: a save finding it changed since (another clerk's
        # status or fields) saves nothing and says so (actions.cases.CaseChangedElsewhere).
        self.started_from = copy.deepcopy(case) if case is not None and case.id else None
        self.case: Case | None = None  # the saved case, after OK
        self.case_id: int | None = case.id if case is not None else None
        self.error_field: str | None = None  # the field the last error was about
        self._autofilled: dict[str, str] = {}  # field → value a paste put there
        self._role_touched = case is not None
        self._auto_due: str | None = None  # the due date last computed from the assigned date
        self._doc_prefix = ""

        self.setWindowTitle(
            self.tr("New case")
            if case is None
            else self.tr("Edit case No. {number}").format(number=case.number)
        )
        self._build()
        self._load(case)
        self.resize(1080, 760)
        fit_to_screen(self)

    # ================================================================== building
    def _build(self) -> None:
        self._field_widgets: dict[str, QWidget] = {}
        self._error_labels: dict[str, QLabel] = {}
        self._labels: list[QLabel] = []
        scroll = self._fields_scroll(
            self._suggestion_box(), self._handling_box(), self._reply_box()
        )
        paste_box = self._paste_box()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(paste_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])

        self.general_error = QLabel(self)
        self.general_error.setObjectName("caseError")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.progress_button = self.buttons.addButton(
            self.tr("Progress…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.progress_button.setObjectName("caseProgressButton")
        self.progress_button.setToolTip(
            self.tr("Status history, co-organizers' opinions and the deputy's feedback")
        )
        self.progress_button.setEnabled(self.case_id is not None)
        self.progress_button.clicked.connect(self.show_progress)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _paste_box(self) -> QGroupBox:
        """Paste or choose the suggestion's text: empty fields are filled from it."""
        paste_box = QGroupBox(self.tr("Fill from the suggestion text"), self)
        paste_layout = QVBoxLayout(paste_box)
        intro = QLabel(
            self.tr(
                "Paste the suggestion, its portal page or an earlier reply here, or choose a"
                " file. Empty fields are filled from what is found; what you typed is kept."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.paste = QPlainTextEdit(self)
        self.paste.setObjectName("casePaste")
        self.paste.setPlaceholderText(self.tr("Paste text here"))
        self.choose_file = QPushButton(self.tr("Read from file…"), self)
        self.choose_file.setObjectName("caseChooseFile")
        self.choose_file.clicked.connect(self._choose_file)
        self.paste_status = QLabel(self)
        self.paste_status.setObjectName("casePasteStatus")
        self.paste_status.setWordWrap(True)
        paste_layout.addWidget(intro)
        paste_layout.addWidget(self.paste, 1)
        row = QHBoxLayout()
        row.addWidget(self.choose_file)
        row.addStretch(1)
        paste_layout.addLayout(row)
        paste_layout.addWidget(self.paste_status)
        self._paste_timer = QTimer(self, singleShot=True, interval=300)
        self._paste_timer.timeout.connect(self.fill_from_paste)
        self.paste.textChanged.connect(self._paste_timer.start)
        return paste_box

    def show_progress(self) -> None:
        """The case's progress; what it changed (the status, a second round's cleared reply
        date and number) is shown here too, so saving the dialog does not undo it."""
        if self.case_id is None:
            return
        CaseProgressDialog(self.context, self.case_id, self).exec()
        case = self.context.call(cases.get, self.case_id)
        if case is not None:
            self._offer_statuses(case.status)
            self.reply_date.set_value(case.reply_date)
            self.doc_number.setText(case.doc_number)
            if self.started_from is not None:  # her own moves are no change by someone else
                self.started_from = dataclasses.replace(
                    self.started_from, status=case.status, reply_date=case.reply_date,
                    doc_number=case.doc_number,
                )  # fmt: skip

    # ================================================================== loading
    def _load(self, case: Case | None) -> None:
        profile = self.profile
        if case is None:
            self.contact_name.setText(profile.contact_name)
            self.contact_phone.setText(profile.contact_phone)
            self.cc.setText("、".join(profile.cc))
            if profile.doc_number_prefix:
                self._doc_prefix = f"{profile.doc_number_prefix}〔{dt.date.today().year}〕"
                self.doc_number.setText(self._doc_prefix)
            return
        self.number.setText(case.number)
        self.session.setText(case.session)
        self.title.setText(case.title)
        self.proposers.setText(case.proposers_field)
        self.proposer_count.setValue(case.proposer_count or 0)
        self._select(self.role, case.role)
        self._load_proposal_rows(case)
        self.content.setPlainText(case.content)
        self._select(self.organizer, case.organizer)
        self.main_organizer.setText(case.main_organizer)
        self.co_organizers.setText("、".join(case.co_organizers))
        if case.category and self.category.findData(case.category) < 0:
            self.category.addItem(
                self.tr("{code} (not in the current scheme)").format(code=case.category),
                case.category,
            )
        self._select(self.category, case.category)
        self.assigned.set_value(case.assigned_date)
        self.due.set_value(case.due_date)
        if case.assigned_date and case.due_date == add_months(
            case.assigned_date, self._due_months()
        ):
            self._auto_due = case.due_date
        self._offer_statuses(case.status)
        self.assignee.setCurrentText(case.assignee)
        self.reply_date.set_value(case.reply_date)
        self.doc_number.setText(case.doc_number)
        self.contact_name.setText(case.contact_name)
        self.contact_phone.setText(case.contact_phone)
        # Shown in full so that clearing the field means "no copy-to block" (cc_given).
        self.cc.setText("、".join(case.cc if case.cc or case.cc_given else profile.cc))
        self._select(self.disclosure, case.disclosure)
        # Empty fields fall back to the profile when the letter is composed: say so.
        for edit, default in (
            (self.contact_name, profile.contact_name),
            (self.contact_phone, profile.contact_phone),
        ):
            if default:
                edit.setPlaceholderText(self.tr("From the profile: {value}").format(value=default))

    # ================================================================== validation
    def data(self) -> dict[str, Any]:
        """The fields as ``case_from_json`` reads them."""
        doc_number = self.doc_number.text().strip()
        if self._doc_prefix and doc_number == self._doc_prefix:
            doc_number = ""  # the prefix alone: no number given yet
        return {
            "number": self.number.text(),
            "session": self.session.text(),
            "title": self.title.text(),
            "proposers": self.proposers.text(),  # read by desktop.proposers
            "proposer_count": self.proposer_count.value() or None,
            "role": self.role.currentData(),
            "organizer": self.organizer.currentData(),
            "main_organizer": self.main_organizer.text(),
            "co_organizers": self.co_organizers.text(),
            "category": self.category.currentData() or "",
            "assigned_date": self.assigned.value(),
            "due_date": self.due.value(),
            "content": self.content.toPlainText(),
            "reply_date": self.reply_date.value(),
            "contact_name": self.contact_name.text(),
            "contact_phone": self.contact_phone.text(),
            "cc": self.cc.text(),
            "disclosure": self.disclosure.currentData(),
            "doc_number": doc_number,
            "status": self.status.currentData(),
            "assignee": self.assignee.currentText(),
            **self._proposal_data(),
        }

    def validate(self) -> Case | None:
        """The case the fields describe, or None after showing what is wrong."""
        self.clear_errors()
        try:
            case = case_from_json(
                self.data(),
                due_months=self.profile.due_months,
                co_due_months=self.profile.co_due_months,
            )
        except CaseError as exc:
            self.show_error(exc.field, exc.message)
            return None
        count = case.proposer_count
        if count is not None and count < len(case.proposers):
            self.show_error(
                "proposer_count",
                self.tr("{count} proposers, but {listed} names are listed.").format(
                    count=count, listed=len(case.proposers)
                ),
            )
            return None
        if case.assigned_date and case.due_date and case.due_date < case.assigned_date:
            self.show_error("due_date", self.tr("The due date is before the assignment date."))
            return None
        own_id = self.original.id if self.original is not None else None
        if self.context.call(cases.duplicate_of, case.session, case.number, own_id) is not None:
            self.show_error(
                "number",
                self.tr("Case No. {number} of this session is already in the list.").format(
                    number=case.number
                ),
            )
            return None
        case.id = own_id
        return case

    def _changed_elsewhere(self, exc: CaseChangedElsewhere) -> None:
        """Another clerk changed the case since the dialog opened: say who and when; the
        clerk's entries stay. OK again saves them over the change, now that she knows."""
        self.started_from = exc.current
        QMessageBox.warning(
            self,
            self.tr("Changed by someone else"),
            exc.message + "\n\n" + self.tr(
                "Your entries are still in the form. To see the change, cancel and open the "
                "case again; to save your entries over it, press OK again."
            ),
        )  # fmt: skip

    def accept(self) -> None:
        case = self.validate()
        if case is None:
            return
        if case.id is not None:  # the window saves the open draft before it is filed
            self.context.caseStatusChanging.emit(case.id, case.status)
        assignee, case.assignee = case.assignee, ""  # given by the assign action alone
        try:
            saved = self.context.call(cases.save_case, case, templates=self.context.templates,
                                      based_on=self.started_from)  # fmt: skip
        except CaseChangedElsewhere as exc:
            self._changed_elsewhere(exc)
            return
        except CaseExists:  # made meanwhile by another window or the command line
            self.show_error(
                "number",
                self.tr("Case No. {number} of this session is already in the list.").format(
                    number=case.number
                ),
            )
            return
        except (NothingToFile, StatusError) as exc:  # nothing was saved
            self.show_error("status", exc.message)
            return
        except CaseNotYours as exc:  # another clerk's case on the office server
            self.show_error("general", exc.message)
            return
        self.case_id = saved.case_id
        stored = self.original.assignee if self.original and self.original.id is not None else ""
        if assignee != stored:
            self.context.call(clerks.assign, saved.case_id, assignee)
        case.assignee = assignee
        self.case = case
        if saved.sent is not None:
            announce_filed(self.context, saved.sent)
        self.context.caseChanged.emit(self.case_id)
        super().accept()
