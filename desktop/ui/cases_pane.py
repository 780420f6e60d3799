"""The list of cases (the suggestions and proposals being answered) with their deadlines.

``CasesModel`` (``ui/cases_model.py``) is a table over ``actions.cases.listing``: number,
proposer, title, due date, status and role, the due date coloured by how close it is.

``CasesPane`` puts a filter box and the combo boxes of ``ui/cases_filters.py`` (status, role,
deadline, category, feedback; combined) above a sortable ``QTableView`` (objectName
``caseList``) and
tells the window which case the clerk picked: ``currentCaseChanged(id)`` when the selection
moves, ``caseActivated(id)`` on double-click or Enter. It reloads on ``context.caseChanged``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import cases, clerks, reminders
from desktop.case_filter import CaseFilter
from desktop.casework import STATUSES
from desktop.lifecycle import allowed_moves
from desktop.ui.case_state import change_status
from desktop.ui.cases_filters import CaseFilterBar
from desktop.ui.cases_model import CasesFilter, CasesModel
from desktop.ui.context import AppContext
from desktop.ui.title_column import TitleColumn

RESIZE_ROWS = 300


class CasesPane(QWidget):
    caseActivated = Signal(int)  # a click, Enter or the menu's Open: open the case
    currentCaseChanged = Signal(int)  # the selection moved (-1: no case selected)
    caseDeleted = Signal(int)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casesPane")
        self.context = context
        self._current_id = -1

        self.model = CasesModel(
            lambda: context.call(cases.listing), self, today=today,
            feedback=lambda: context.call(reminders.feedback_by_case),
        )  # fmt: skip
        self.proxy = CasesFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("caseFilter")
        self.filter_box.setPlaceholderText(self.tr("Filter by number, name or title"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter_changed)

        profile = context.profile()
        self.model.soon_days = profile.reminder_days
        self.filter_bar = CaseFilterBar(
            self, status_text=self.model.status_text, days=profile.reminder_days,
            categories=tuple(profile.categories),
        )  # fmt: skip
        self.filter_bar.changed.connect(self._conditions_changed)
        self._update_clerks()

        self.new_button = QPushButton(self.tr("New case…"), self)
        self.new_button.setObjectName("newCaseButton")
        self.new_button.clicked.connect(self.new_case)
        self.import_button = QPushButton(self.tr("Import list…"), self)
        self.import_button.setObjectName("importListButton")
        self.import_button.setToolTip(
            self.tr(
                "Import the assignment list: the sheet of suggestions and proposals assigned "
                "to the agency"
            )
        )
        self.import_button.clicked.connect(self.import_list)
        self.view = self._make_view()

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("caseListEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); padding: 12px;")

        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.new_button)
        # Below the list, so the pane (and the window's minimum width) stays as narrow.
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(bottom)

        self._update_clerk_column()
        context.caseChanged.connect(self._case_changed)
        context.profileChanged.connect(self._profile_changed)
        self._update_empty_label()

    def _make_view(self) -> QTableView:
        """The table: sorted by due date, one click opens a case, right-click its menu."""
        self.view = QTableView(self)
        self.view.setObjectName("caseList")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(CasesModel.DUE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        # Every column as wide as its widest entry (or its header); the title takes the rest,
        # never less than a few words (ui/title_column.py).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(40)
        self.title_column = TitleColumn(self.view, CasesModel.TITLE)
        header.setResizeContentsPrecision(RESIZE_ROWS)
        header.setHighlightSections(False)
        self.view.clicked.connect(self._activated)  # one click opens the case
        self.view.activated.connect(self._activated)  # Enter (and double-click)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        return self.view

    def import_list(self) -> None:
        """The assignment-list dialog (imported lazily: the window starts without it)."""
        from desktop.ui.assignment_dialog import AssignmentDialog

        AssignmentDialog(self.context, self).exec()

    # ------------------------------------------------------------------ API
    def refresh(self) -> None:
        """Reload the cases from the library, keeping the selected one selected."""
        keep = self._current_id
        self.model.refresh()
        self._update_clerks()
        if keep >= 0 and not self.select_case(keep):
            self._set_current(-1)
        self._update_empty_label()

    def current_case_id(self) -> int | None:
        return self._current_id if self._current_id >= 0 else None

    def select_case(self, case_id: int) -> bool:
        """Select a case (clearing the filter when it hides it); False when it is not listed."""
        row = self.model.row_of(case_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter_box.clear()
            self.filter_bar.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def new_case(self) -> int | None:
        """Open the case dialog for a new case; selects and returns it when saved."""
        from desktop.ui.case_dialog import CaseDialog

        dialog = CaseDialog(self.context, parent=self)
        if dialog.exec() and dialog.case_id is not None:
            self.select_case(dialog.case_id)
            return dialog.case_id
        return None

    def edit_case(self, case_id: int) -> bool:
        """Open the case dialog on an existing case; True when the clerk saved it."""
        from desktop.ui.case_dialog import CaseDialog

        case = self.context.call(cases.get, case_id)
        if case is None:
            return False
        dialog = CaseDialog(self.context, case, parent=self)
        return bool(dialog.exec())

    # ------------------------------------------------------------------ context menu
    def case_menu(self, case_id: int) -> QMenu:
        """Open, duplicate, change status, delete: the menu a right-click on a case shows."""
        case = self.context.call(cases.get, case_id)
        menu = QMenu(self)
        menu.setObjectName("caseMenu")
        if case is None:
            return menu
        menu.addAction(self.tr("Open"), lambda: self.caseActivated.emit(case_id)).setObjectName(
            "caseMenuOpen"
        )
        menu.addAction(self.tr("Duplicate…"), lambda: self.duplicate_case(case_id)).setObjectName(
            "caseMenuDuplicate"
        )
        menu.addAction(self.tr("Progress…"), lambda: self.show_progress(case_id)).setObjectName(
            "caseMenuProgress"
        )
        status_menu = menu.addMenu(self.tr("Status"))
        status_menu.setObjectName("caseMenuStatus")
        for status in STATUSES:
            action = status_menu.addAction(self.model.status_text(status))
            action.setObjectName(f"caseMenuStatus_{status}")
            action.setCheckable(True)
            action.setChecked(case.status == status)
            # only the moves desktop.lifecycle allows (and marking sent again: the letter is
            # updated)
            action.setEnabled(status in allowed_moves(case.status) or status == case.status)
            action.triggered.connect(lambda _checked=False, s=status: self.set_status(case_id, s))
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete_case(case_id)).setObjectName(
            "caseMenuDelete"
        )
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        case_id = index.data(CasesModel.CaseIdRole) if index.isValid() else None
        if case_id is None:
            return
        self.select_case(int(case_id))
        self.case_menu(int(case_id)).exec(self.view.viewport().mapToGlobal(pos))

    def show_progress(self, case_id: int) -> None:
        """The case's progress: dated status moves, opinions, feedback (ui/case_progress)."""
        # Imported when opened: it brings the import pipeline's readers and parser (an opinion's
        # letter), which the window's start does not need (tests/ui/test_cold_start.py).
        from desktop.ui.case_progress import CaseProgressDialog

        CaseProgressDialog(self.context, case_id, self).exec()

    def set_status(self, case_id: int, status: str) -> bool:
        """Change the case's status (marked sent, its reply joins the library); False when
        the core refused it (the clerk was told why)."""
        return change_status(self.context, self, case_id, status)

    def delete_case(self, case_id: int, *, confirm: bool = True) -> bool:
        """Delete a case and its draft versions after the clerk confirmed it."""
        case = self.context.call(cases.get, case_id)
        if case is None:
            return False
        if confirm:
            question = self.tr(
                "Delete case No. {number} “{title}” and its {versions} saved draft version(s)? "
                "This cannot be undone."
            ).format(
                number=case.number,
                title=case.title,
                versions=self.context.call(cases.version_count, case_id),
            )
            answer = QMessageBox.question(
                self, self.tr("Delete case"), question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.context.call(cases.delete, case_id)
        self.caseDeleted.emit(case_id)
        self.refresh()
        return True

    def duplicate_case(self, case_id: int) -> int | None:
        """A new case with this one's fields and newest draft; the clerk enters its number."""
        from desktop.ui.case_dialog import CaseDialog

        original = self.context.call(cases.get, case_id)
        if original is None:
            return None
        copy = cases.blank_copy(original)
        dialog = CaseDialog(self.context, copy, parent=self)
        dialog.setWindowTitle(self.tr("Duplicate case No. {number}").format(
            number=original.number))  # fmt: skip
        if not dialog.exec() or dialog.case_id is None:
            return None
        self.context.call(cases.copy_draft, case_id, dialog.case_id, f"复制自第{original.number}号")
        self.refresh()
        self.select_case(dialog.case_id)
        self.caseActivated.emit(dialog.case_id)
        return dialog.case_id

    def show_due(self, window: str) -> None:
        """Only the cases of a deadline window ("overdue", "soon", "urgent"), the others'
        filters cleared: what the reminder's "All N…" shows."""
        self.filter_box.clear()
        self.filter_bar.clear()
        self.filter_bar.show_due(window)

    def day_changed(self) -> None:
        """Midnight passed with the window open: the colours and the deadline filter follow."""
        self.model.dates_changed()
        self.proxy.refilter()
        self._update_empty_label()

    # ------------------------------------------------------------------ slots
    def _update_clerks(self) -> None:
        """The clerk choices: this PC's clerk and those cases are assigned to."""
        me = self.context.call(clerks.whoami)
        self.filter_bar.set_clerks(me, sorted({c.assignee for c in self.model.cases()} - {""}))
        self._update_clerk_column()

    def _update_clerk_column(self) -> None:
        """The clerk column when it tells something: some case is assigned, and the list
        shows more than one clerk's cases (with “My cases” every row would say the same)."""
        view = getattr(self, "view", None)
        if view is None:
            return  # the filters are set up before the table
        assigned = any(c.assignee for c in self.model.cases())
        one_clerk = self.filter_bar.conditions().assignee is not None
        view.setColumnHidden(CasesModel.ASSIGNEE, not assigned or one_clerk)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_empty_label()

    def _conditions_changed(self, conditions: CaseFilter) -> None:
        self.proxy.set_conditions(conditions)
        self._update_clerk_column()
        self._update_empty_label()

    def _profile_changed(self) -> None:
        if self.context.closed:
            return
        profile = self.context.profile()
        self.model.set_soon_days(profile.reminder_days)
        self.filter_bar.set_days(profile.reminder_days)
        self.filter_bar.set_categories(tuple(profile.categories))
        self.proxy.refilter()
        self._update_empty_label()

    def _case_changed(self, case_id: int) -> None:
        self.refresh()

    def _activated(self, index: QModelIndex) -> None:
        case_id = index.data(CasesModel.CaseIdRole)
        if case_id is not None:
            self.caseActivated.emit(int(case_id))

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = current.data(CasesModel.CaseIdRole) if current.isValid() else None
        self._set_current(int(case_id) if case_id is not None else -1)

    def _set_current(self, case_id: int) -> None:
        if case_id != self._current_id:
            self._current_id = case_id
            self.currentCaseChanged.emit(case_id)

    def _update_empty_label(self) -> None:
        if self.model.rowCount() == 0:
            self.empty_label.setText(
                self.tr(
                    "No cases yet. Click “New case…” to enter the suggestion or proposal"
                    " you are answering."
                )
            )
            self.empty_label.show()
        elif self.proxy.rowCount() == 0 and self.filter_box.text().strip():
            self.empty_label.setText(
                self.tr("No case matches “{text}”.").format(text=self.filter_box.text().strip())
            )
            self.empty_label.show()
        elif self.proxy.rowCount() == 0:
            self.empty_label.setText(self.tr("No case meets the conditions chosen above."))
            self.empty_label.show()
        else:
            self.empty_label.hide()
