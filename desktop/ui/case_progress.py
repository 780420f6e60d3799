"""The progress of one case (办理经过): move its status (only the moves the rules allow, each
dated), read its dated history, record the co-organizers' opinions (received on a date, the
letter attached and imported into the library) and the deputy's or member's feedback.

Object names: ``caseProgressStatus`` (where the case stands), ``progressMove`` /
``progressMoveDate`` / ``progressMoveButton``, ``progressHistory`` (table), ``progressOpinions``
(table) with ``opinionUnit`` / ``opinionDate`` / ``opinionReceivedButton`` /
``opinionAttachButton``, ``feedbackAnswer`` / ``feedbackDate`` / ``feedbackRemarks`` /
``feedbackButton``, ``feedbackList``, ``progressError`` (the last refusal, in plain Chinese).
Every change goes through ``desktop.actions`` and is refused with nothing changed when the
rules say no; the window hears of it through ``context.caseChanged``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import cases, clerks, lifecycle
from desktop.actions.lifecycle import CaseLifecycle
from desktop.clerks import audit_line
from desktop.errors import ClerkError
from desktop.lifecycle import ANSWERED, FEEDBACK, STATUSES
from desktop.readers import SUPPORTED_SUFFIXES
from desktop.ui.case_fields import ERROR_STYLE, HINT_STYLE
from desktop.ui.case_labels import feedback_label, opinion_state_label, status_label
from desktop.ui.case_state import announce_filed
from desktop.ui.context import AppContext
from desktop.ui.dialog_fit import fit_to_screen
from desktop.ui.file_dialogs import documents_folder


def _date_edit(name: str, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.currentDate())
    return edit


def _iso(edit: QDateEdit) -> str:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day()).isoformat()


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


def _table(name: str, headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CaseProgressDialog(QDialog):
    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseProgressDialog")
        self.context = context
        self.case_id = case_id
        self.view: CaseLifecycle | None = None
        self.state = QLabel(self)
        self.state.setObjectName("caseProgressStatus")
        self.state.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("progressError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self._move_box())
        layout.addWidget(self._history_box(), 1)
        layout.addWidget(self._opinions_box(), 1)
        layout.addWidget(self._co_hint())
        layout.addWidget(self._feedback_box())
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()
        self.resize(760, 720)
        fit_to_screen(self)

    # ================================================================== building
    def _move_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Change the status"), self)
        self.move_to = QComboBox(box)
        self.move_to.setObjectName("progressMove")
        self.move_date = _date_edit("progressMoveDate", box)
        self.move_button = QPushButton(self.tr("Change"), box)
        self.move_button.setObjectName("progressMoveButton")
        self.move_button.clicked.connect(self.change_status)
        row = QHBoxLayout(box)
        row.addWidget(QLabel(self.tr("To"), box))
        row.addWidget(self.move_to, 1)
        row.addWidget(QLabel(self.tr("on"), box))
        row.addWidget(self.move_date)
        row.addWidget(self.move_button)
        return box

    def _history_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("History"), self)
        self.history = _table(
            "progressHistory",
            [self.tr("Date"), self.tr("Status"), self.tr("Round"), self.tr("Note")],
            box,
        )
        self.letters = QLabel(box)
        self.letters.setObjectName("progressLetters")
        self.letters.setWordWrap(True)
        self.audit = QLabel(box)
        self.audit.setObjectName("progressAudit")
        self.audit.setWordWrap(True)
        self.audit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(box)
        layout.addWidget(self.history)
        layout.addWidget(self.letters)
        layout.addWidget(self.audit)
        return box

    def _opinions_box(self) -> QGroupBox:
        self.opinions_box = QGroupBox(self.tr("Co-organizers' opinions"), self)
        box = self.opinions_box
        self.opinions = _table(
            "progressOpinions",
            [self.tr("Unit"), self.tr("Expected by"), self.tr("Received"), self.tr("State"),
             self.tr("Letter")],
            box,
        )  # fmt: skip
        self.opinion_unit = QComboBox(box)
        self.opinion_unit.setObjectName("opinionUnit")
        self.opinion_date = _date_edit("opinionDate", box)
        self.opinion_received = QPushButton(self.tr("Mark received"), box)
        self.opinion_received.setObjectName("opinionReceivedButton")
        self.opinion_received.clicked.connect(lambda: self.record_opinion(None))
        self.opinion_attach = QPushButton(self.tr("Attach the letter…"), box)
        self.opinion_attach.setObjectName("opinionAttachButton")
        self.opinion_attach.setToolTip(
            self.tr("Import the opinion letter into the library, linked to this case")
        )
        self.opinion_attach.clicked.connect(self._choose_letter)
        row = QHBoxLayout()
        row.addWidget(self.opinion_unit, 1)
        row.addWidget(QLabel(self.tr("received on"), box))
        row.addWidget(self.opinion_date)
        row.addWidget(self.opinion_received)
        row.addWidget(self.opinion_attach)
        self.opinions.setMinimumHeight(130)
        layout = QVBoxLayout(box)
        layout.addWidget(self.opinions)
        layout.addLayout(row)
        return box

    def _co_hint(self) -> QLabel:
        self.co_hint = QLabel(self)
        self.co_hint.setObjectName("progressCoHint")
        self.co_hint.setWordWrap(True)
        self.co_hint.setStyleSheet(HINT_STYLE)
        return self.co_hint

    def _feedback_box(self) -> QGroupBox:
        self.feedback_box = QGroupBox(self.tr("Feedback of the deputy or member"), self)
        box = self.feedback_box
        self.feedback_answer = QComboBox(box)
        self.feedback_answer.setObjectName("feedbackAnswer")
        for key in FEEDBACK:
            self.feedback_answer.addItem(feedback_label(key), key)
        self.feedback_date = _date_edit("feedbackDate", box)
        self.feedback_remarks = QLineEdit(box)
        self.feedback_remarks.setObjectName("feedbackRemarks")
        self.feedback_remarks.setPlaceholderText(self.tr("Remarks (optional)"))
        self.feedback_button = QPushButton(self.tr("Record"), box)
        self.feedback_button.setObjectName("feedbackButton")
        self.feedback_button.clicked.connect(self.record_feedback)
        self.feedback_list = QLabel(box)
        self.feedback_list.setObjectName("feedbackList")
        self.feedback_list.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.feedback_answer)
        row.addWidget(self.feedback_date)
        row.addWidget(self.feedback_remarks, 1)
        row.addWidget(self.feedback_button)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.feedback_list)
        return box

    # ================================================================== showing
    def refresh(self) -> None:
        view = self.context.call(lifecycle.lifecycle, self.case_id)
        self.view = view
        case = view.case
        self.setWindowTitle(self.tr("Progress of case No. {number}").format(number=case.number))
        self.state.setText(
            self.tr("No. {number} {title} — now: {status} (round {round})").format(
                number=case.number, title=case.title, status=status_label(case.status),
                round=view.round,
            )
        )  # fmt: skip
        self.move_to.clear()
        for status in view.moves:
            self.move_to.addItem(status_label(status), status)
        # offered first: the next step forward (the usual move), not a step back
        order = list(STATUSES)
        forward = [m for m in view.moves if order.index(m) > order.index(case.status)]
        if forward:
            self.move_to.setCurrentIndex(self.move_to.findData(forward[0]))
        self.letters.setText("；".join(
            self.tr("Reply of round {round}: library letter {id}").format(round=r, id=i)
            for r, i in view.letters.items()
        ))  # fmt: skip
        self.letters.setVisible(bool(view.letters))
        trail = self.context.call(clerks.audit, case_id=self.case_id, limit=5)
        self.audit.setText(self.tr("Who changed it:") + "\n" + "\n".join(map(audit_line, trail)))
        self.audit.setVisible(bool(trail))
        self.move_button.setEnabled(bool(view.moves))
        _fill(self.history, [
            [h.date, status_label(h.status), str(h.round), h.note] for h in view.history
        ])  # fmt: skip
        self._show_opinions(view)
        self._show_feedback(view)

    def _show_opinions(self, view: CaseLifecycle) -> None:
        case = view.case
        main = case.organizer == "main"
        self.opinions_box.setVisible(main and bool(case.co_organizers or view.opinions))
        _fill(self.opinions, [
            [o.unit, o.expected_by or "", o.received or "", opinion_state_label(o.state),
             str(o.letter_id) if o.letter_id else ""]
            for o in view.opinions
        ])  # fmt: skip
        current = self.opinion_unit.currentData()
        self.opinion_unit.clear()
        for unit in case.co_organizers:
            self.opinion_unit.addItem(unit, unit)
        if current is not None:
            self.opinion_unit.setCurrentIndex(max(0, self.opinion_unit.findData(current)))
        self.co_hint.setVisible(not main)
        if not main:
            self.co_hint.setText(
                self.tr(
                    "We are a co-organizer: our opinion letter (会办意见) is drafted in the"
                    " composer from the co-organizer templates and sent to {main}, due {due}."
                ).format(main=case.main_organizer, due=case.due_date or "—")
            )

    def _show_feedback(self, view: CaseLifecycle) -> None:
        self.feedback_box.setEnabled(view.case.status in ANSWERED)
        lines = [
            self.tr("Round {round}: {answer} ({date}) {remarks}").format(
                round=f.round, answer=feedback_label(f.answer), date=f.date or "",
                remarks=f.remarks,
            ).strip()
            for f in view.feedback
        ]  # fmt: skip
        self.feedback_list.setText("\n".join(lines) or self.tr("No feedback recorded yet."))

    # ================================================================== changing
    def _attempt(self, action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a change; a clerk's refusal is shown under the dialog and nothing changed."""
        try:
            result = self.context.call(action, *args, **kwargs)
        except ClerkError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return None
        self.error.hide()
        self.context.caseChanged.emit(self.case_id)
        self.refresh()
        return result

    def change_status(self) -> None:
        status = self.move_to.currentData()
        if status is None:
            return
        # the window saves what is typed in the open draft before a reply is filed
        self.context.caseStatusChanging.emit(self.case_id, status)
        sent = self._attempt(cases.set_status, self.case_id, status,
                             templates=self.context.templates,
                             date=_iso(self.move_date))  # fmt: skip
        if sent is not None:
            announce_filed(self.context, sent)

    def record_opinion(self, letter: Path | None) -> None:
        unit = self.opinion_unit.currentData()
        if unit is None:
            return
        done = self._attempt(lifecycle.record_opinion, self.case_id, unit,
                             received=_iso(self.opinion_date), letter=letter)  # fmt: skip
        if done is not None and done.letter_id is not None:
            self.context.libraryChanged.emit()

    def _choose_letter(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the co-organizer's opinion letter"),
            str(documents_folder()),
            self.tr("Documents ({patterns})").format(patterns=patterns),
        )
        if path:
            self.record_opinion(Path(path))

    def record_feedback(self) -> None:
        self._attempt(lifecycle.record_feedback, self.case_id, self.feedback_answer.currentData(),
                      date=_iso(self.feedback_date),
                      remarks=self.feedback_remarks.text())  # fmt: skip
