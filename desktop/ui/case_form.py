"""The case dialog's form: the groups of fields (the suggestion, our handling, the reply) and
how they follow each other (the role from the proposers, the due date from the assignment).
Part of :class:`desktop.ui.case_dialog.CaseDialog`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import cases, clerks
from desktop.casework import DISCLOSURES, STATUSES, add_months
from desktop.lifecycle import INITIAL_STATUS, allowed_moves, role_months
from desktop.profile import AgencyProfile
from desktop.proposers import parse_proposers
from desktop.ui.case_fields import ERROR_STYLE, HINT_STYLE, DateField
from desktop.ui.case_labels import status_label
from desktop.ui.context import AppContext


class CaseForm(QDialog):
    """The fields of a case, built and kept in step; the dialog loads, checks and saves them."""

    context: AppContext
    profile: AgencyProfile
    _labels: list[QLabel]
    _field_widgets: dict[str, QWidget]
    _error_labels: dict[str, QLabel]
    _role_touched: bool
    _auto_due: str | None
    _scroll: QScrollArea
    # Kind, seconders and delegation rows: ui/case_proposal_rows.py, mixed in by the dialog.
    _proposal_rows: Callable[[QFormLayout], None]

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _row(
        self, form: QFormLayout, label: str, field: str, widget: QWidget, hint: str = ""
    ) -> None:
        """A form row whose field has an error label under it (hidden until needed)."""
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        if hint:
            hint_label = QLabel(hint, box)
            hint_label.setObjectName(f"caseHint_{field}")
            hint_label.setWordWrap(True)
            hint_label.setStyleSheet(HINT_STYLE)
            layout.addWidget(hint_label)
        error = QLabel(box)
        error.setObjectName(f"caseError_{field}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(error)
        label_widget = QLabel(label, self)
        self._labels.append(label_widget)
        form.addRow(label_widget, box)
        self._field_widgets[field] = widget
        self._error_labels[field] = error

    def _suggestion_box(self) -> QGroupBox:
        """The suggestion: number, session, title, proposers, their role, the text."""
        self.number = self._line("caseNumber", self.tr("e.g. 277"))
        self.session = self._line("caseSession", self.tr("e.g. 市十六届人大四次会议"))
        sessions = self.context.call(cases.sessions)
        if sessions:
            completer = QCompleter(sessions, self)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.session.setCompleter(completer)
        self.title = self._line("caseTitle", self.tr("e.g. 关于……的建议"))
        self.proposers = self._line(
            "caseProposers", self.tr("Lead first; separate names with 、 or commas")
        )
        self.proposer_count = QSpinBox(self)
        self.proposer_count.setObjectName("caseProposerCount")
        self.proposer_count.setRange(0, 999)
        self.proposer_count.setSpecialValueText(self.tr("As many as listed"))
        self.proposer_count.setToolTip(
            self.tr("For joint suggestions: the number of deputies, e.g. 5 for “张三等5位代表”.")
        )
        self.role = self._combo(
            "caseRole",
            [
                (self.tr("Deputy (suggestion)"), "代表"),
                (self.tr("CPPCC member (proposal)"), "委员"),
            ],
        )
        self.role.activated.connect(self._role_activated)
        self.proposers.textChanged.connect(self._proposers_edited)
        self.content = QPlainTextEdit(self)
        self.content.setObjectName("caseContent")
        self.content.setPlaceholderText(
            self.tr("The text of the suggestion or proposal (optional)")
        )
        self.content.setMinimumHeight(80)
        self.content.setMaximumHeight(120)

        suggestion = QGroupBox(self.tr("Suggestion / proposal"), self)
        form = QFormLayout(suggestion)
        self._row(form, self.tr("Number"), "number", self.number)
        self._row(form, self.tr("Session"), "session", self.session)
        self._row(form, self.tr("Title"), "title", self.title)
        self._row(form, self.tr("Proposers"), "proposers", self.proposers)
        self._row(form, self.tr("Number of proposers"), "proposer_count", self.proposer_count)
        self._row(form, self.tr("Proposer is a"), "role", self.role)
        self._proposal_rows(form)  # kind, seconders, delegation (ui/case_proposal_rows.py)
        self._row(form, self.tr("Content"), "content", self.content)
        return suggestion

    def _handling_box(self) -> QGroupBox:
        """Our part (main or co-organizer), the category, the dates, the status."""
        self.organizer = self._combo(
            "caseOrganizer",
            [
                (self.tr("Main organizer: reply to the deputy"), "main"),
                (self.tr("Co-organizer: opinion to the main organizer"), "co"),
            ],
        )
        self.main_organizer = self._line(
            "caseMainOrganizer", self.tr("Required for a co-organizer opinion")
        )
        self.co_organizers = self._line("caseCoOrganizers", self.tr("Separate units with 、"))
        self.category = QComboBox(self)
        self.category.setObjectName("caseCategory")
        self.category.addItem(self.tr("Not decided yet"), "")
        for code, meaning in self.profile.categories.items():
            self.category.addItem(f"{code}类 — {meaning}", code)
        self.assigned = DateField("caseAssignedDate", self.tr("Assigned on"), self)
        self.due = DateField("caseDueDate", self.tr("Due by"), self)
        self.assigned.changed.connect(self._assigned_changed)
        self.status = self._combo("caseStatus", [])
        self._offer_statuses(None)
        self.assignee = QComboBox(self)
        self.assignee.setObjectName("caseAssignee")
        self.assignee.setEditable(True)
        self.assignee.addItem("")
        self.assignee.addItems(self.context.call(clerks.assignable))
        self.assignee.setToolTip(self.tr("The clerk who works on this case; empty: nobody yet"))
        if not self.context.call(clerks.may_administer):  # a clerk's account on the server
            self.assignee.setEnabled(False)
            self.assignee.setToolTip(self.tr("Only an administrator assigns cases"))
        self.organizer.activated.connect(lambda _i: self._assigned_changed())

        handling = QGroupBox(self.tr("Handling"), self)
        form = QFormLayout(handling)
        self._row(form, self.tr("We are the"), "organizer", self.organizer)
        self._row(form, self.tr("Main organizer"), "main_organizer", self.main_organizer)
        self._row(form, self.tr("Co-organizers"), "co_organizers", self.co_organizers)
        self._row(form, self.tr("Answer category"), "category", self.category)
        self._row(form, self.tr("Assignment date"), "assigned_date", self.assigned)
        self._row(
            form,
            self.tr("Due date"),
            "due_date",
            self.due,
            self.tr(
                "{main} months after assignment as main organizer, {co} as co-organizer,"
                " unless you change it"
            ).format(main=self.profile.due_months, co=self.profile.co_due_months),
        )
        self._row(form, self.tr("Status"), "status", self.status)
        self._row(form, self.tr("Clerk"), "assignee", self.assignee)
        return handling

    def _reply_box(self) -> QGroupBox:
        """The reply's date, document number, contact, copy-to and disclosure."""
        self.reply_date = DateField("caseReplyDate", self.tr("Dated"), self)
        self.doc_number = self._line("caseDocNumber", self.tr("e.g. 通科函〔2020〕12号"))
        self.contact_name = self._line("caseContactName")
        self.contact_phone = self._line("caseContactPhone")
        self.cc = self._line("caseCc", self.tr("Separate units with 、; empty: no copy-to block"))
        self.disclosure = self._combo("caseDisclosure", [(d, d) for d in DISCLOSURES])

        reply = QGroupBox(self.tr("Reply"), self)
        form = QFormLayout(reply)
        self._row(
            form,
            self.tr("Reply date"),
            "reply_date",
            self.reply_date,
            self.tr("When not set: the day the reply is exported"),
        )
        self._row(form, self.tr("Document number"), "doc_number", self.doc_number)
        self._row(form, self.tr("Contact person"), "contact_name", self.contact_name)
        self._row(form, self.tr("Contact phone"), "contact_phone", self.contact_phone)
        self._row(form, self.tr("Copy to"), "cc", self.cc)
        self._row(form, self.tr("Disclosure"), "disclosure", self.disclosure)
        return reply

    def _fields_scroll(self, *groups: QGroupBox) -> QScrollArea:
        """The three groups in one scrolling column, their labels one width."""
        fields = QWidget(self)
        fields_layout = QVBoxLayout(fields)
        for group in groups:
            fields_layout.addWidget(group)
        fields_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        label_width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:
            label.setMinimumWidth(label_width)
        self._scroll = scroll
        return scroll

    # ================================================================== behaviour
    def _role_activated(self, _index: int) -> None:
        self._role_touched = True

    def _proposers_edited(self, text: str) -> None:
        """ "李华委员" typed as the proposer says the role too, unless the clerk chose one."""
        role = parse_proposers(text).role
        if role and not self._role_touched and self.role.currentData() != role:
            self._select(self.role, role)

    def _due_months(self) -> int:
        """Months from assignment to the deadline for the role chosen (主办 / 协办)."""
        profile = self.profile
        return role_months(self.organizer.currentData(), profile.due_months, profile.co_due_months)

    def _offer_statuses(self, current: str | None) -> None:
        """The status field offers where the case is and the moves the rules allow from there
        (desktop.lifecycle.TRANSITIONS); a new case may start at any status but 重新办理."""
        choices = [s for s in STATUSES if s != "redo"]
        if current is not None:
            choices = [current, *allowed_moves(current)]
        self.status.clear()
        for status in choices:
            self.status.addItem(status_label(status), status)
        self._select(self.status, current or INITIAL_STATUS)

    def _assigned_changed(self) -> None:
        """Keep the due date at assignment + the role's months (profile) until the clerk sets
        another one."""
        assigned = self.assigned.value()
        due = self.due.value()
        if assigned is None or (due is not None and due != self._auto_due):
            return
        self._auto_due = add_months(assigned, self._due_months())
        self.due.set_value(self._auto_due)
