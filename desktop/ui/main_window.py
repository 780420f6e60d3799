"""The main window: cases (left), composer (centre), library (right), and the clerk's actions."""

from __future__ import annotations

import logging
import re
import tempfile
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import cases
from desktop.casework import Case, Draft
from desktop.clerks import CaseNotYours, DraftConflict
from desktop.lifecycle import ANSWERED
from desktop.sent_letter import joins_library
from desktop.ui.case_state import ReadOnlyBar, change_status, filed_message
from desktop.ui.cases_pane import CasesPane
from desktop.ui.change_watch import DraftChangedBar, WindowWatch
from desktop.ui.composer import Composer
from desktop.ui.context import AppContext
from desktop.ui.draft_model import DraftModel
from desktop.ui.errors import show_error
from desktop.ui.letter_tools import LetterTools
from desktop.ui.library_pane import LibraryPane
from desktop.ui.reminder_banner import ReminderBanner
from desktop.ui.settings_base import SETTINGS_APP, SETTINGS_ORG
from desktop.ui.window_backups import WindowBackups
from desktop.ui.window_export import LetterOutput
from desktop.ui.window_tools import WindowTools

log = logging.getLogger(__name__)


_ACCELERATOR = re.compile(r"\(&\w\)|&(?=\w)")


def button_text(text: str) -> str:
    """A menu text as a tool bar button shows it: without the accelerator ("&New" in English,
    "新建(&N)" in Chinese) and the "…" that says a dialog follows."""
    return _ACCELERATOR.sub("", text).removesuffix("…").strip()


class MainWindow(LetterOutput, WindowTools, WindowBackups):
    started = Signal()  # the start that follows the first paint is done (desktop.ui.app)

    def __init__(self, context: AppContext, *, settings: QSettings | None = None) -> None:
        super().__init__()
        self.context = context
        self.settings = settings or QSettings(SETTINGS_ORG, SETTINGS_APP)
        self.setObjectName("mainWindow")
        self.restart_requested = False  # set after a restore: run_app starts the app again
        self.first_start: QWidget | None = None  # the first-start dialog while it is open
        self.setWindowTitle(self.tr("ReplyDesk"))
        self._preview_dir = tempfile.TemporaryDirectory(prefix="replydesk-preview-")

        self.model = DraftModel(context, parent=self)
        self.draft_changed_bar = DraftChangedBar()
        self.cases = CasesPane(context)
        self.composer = Composer(context, self.model)
        self.library = LibraryPane(context)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.cases)
        self.splitter.addWidget(self._centre())
        self.splitter.addWidget(self.library)
        self.splitter.setStretchFactor(1, 3)
        # The cases pane shows its seven columns (the clerk last), the title a few words wide.
        self.splitter.setSizes([500, 610, 430])
        self._add_reminder_banner()
        self.case_label = QLabel()
        self.statusBar().addPermanentWidget(self.case_label)
        if context.server_url is not None:  # a library on the office server: say if it answers
            from desktop import paths
            from desktop.ui.server_status import ServerStatus

            self.server_status = ServerStatus(
                self, context.server_url, offline=context.offline_from is not None,
                copy_folder=paths.data_dir(),
            )  # fmt: skip

        self._make_actions()
        self.cases.caseActivated.connect(self.open_case)
        self.cases.caseDeleted.connect(self._case_deleted)
        self.library.insertRequested.connect(self._insert)
        self.composer.sourceRequested.connect(lambda letter_id: self.library.show_letter(letter_id))
        self.model.modifiedChanged.connect(lambda _m: self._update_title())
        self.model.autosaveFailed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        context.caseChanged.connect(self._case_edited)
        context.caseStatusChanging.connect(self._status_changing)
        context.replyFiled.connect(self._reply_filed)
        self._restore_geometry()
        self._update_title()
        self.letter_tools = LetterTools(self)  # the inspector and re-reading
        self.change_watch = WindowWatch(self, self.draft_changed_bar)  # other clerks' work

    def _centre(self) -> QWidget:
        """The composer under its bars: read-only (a sent case), another clerk saved."""
        composer_scroll = self.composer if _scrolls(self.composer) else _scroll(self.composer)
        self.read_only_bar = ReadOnlyBar()
        self.read_only_bar.reopenRequested.connect(self.reopen_case)
        self.read_only_bar.letterRequested.connect(lambda lid: self.library.show_letter(lid))
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(2)
        centre_layout.addWidget(self.read_only_bar)
        centre_layout.addWidget(self.draft_changed_bar)  # another clerk saved the open draft
        centre_layout.addWidget(composer_scroll, 1)
        return centre

    def _add_reminder_banner(self) -> None:
        """The reminders (cases overdue or due soon) in a strip above the panes."""
        banner = self.reminder_banner = ReminderBanner(self.context, settings=self.settings)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(banner)
        body_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(body)
        banner.caseRequested.connect(self.open_case)
        banner.showAllRequested.connect(self.cases.show_due)
        banner.dayChanged.connect(self.cases.day_changed)
        self.cases.caseDeleted.connect(lambda _id: banner.refresh())
        # After the window is shown: the first check does not hold up the start.
        QTimer.singleShot(0, banner, banner.start)

    # ----------------------------------------------------------------- actions
    def _action(self, name: str, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setIconText(button_text(text))
        action.setToolTip(button_text(text))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        std = QKeySequence.StandardKey
        a = {
            "new": self._action("actionNewCase", self.tr("&New case…"), self.new_case, std.New),
            "edit": self._action(
                "actionEditCase", self.tr("&Edit case…"), self.edit_case, "Ctrl+Shift+E"
            ),
            "save": self._action("actionSave", self.tr("&Save draft"), self.save_draft, std.Save),
            "versions": self._action(
                "actionVersions", self.tr("Draft &versions…"), self.show_versions, "Ctrl+Shift+H"
            ),
            "import": self._action(
                "actionImport", self.tr("&Import letters…"), self.import_letters, "Ctrl+I"
            ),
            "docx": self._action(
                "actionExportDocx", self.tr("Export &DOCX…"), self.export_docx, "Ctrl+E"
            ),
            "pdf": self._action(
                "actionExportPdf", self.tr("Export &PDF…"), self.export_pdf, "Ctrl+Shift+P"
            ),
            "text": self._action(
                "actionExportText", self.tr("Export plain &text…"), self.export_text, "Ctrl+T"
            ),
            "export_all": self._action(
                "actionExportAll", self.tr("Export all &answered cases…"), self.export_all
            ),
            "preview": self._action("actionPreview", self.tr("Pre&view…"), self.preview, "Ctrl+R"),
            "print": self._action("actionPrint", self.tr("&Print…"), self.print_letter, std.Print),
            "word": self._action(
                "actionOpenInWord", self.tr("Open in &Word/WPS"), self.open_in_word, "Ctrl+O"
            ),
            "find": self._action(
                "actionFind", self.tr("&Search the library"), self._focus_search, std.Find
            ),
            "settings": self._action(
                "actionSettings", self.tr("Se&ttings…"), self.open_settings, "Ctrl+,"
            ),
            "import_pack": self._action(
                "actionImportPack", self.tr("Import a colleague's pac&k…"), self.import_pack
            ),
            "export_pack": self._action(
                "actionExportPack", self.tr("E&xport pack for colleagues…"), self.export_pack
            ),
            "agency": self._action(
                "actionAgencySetup", self.tr("Your &agency…"), self.setup_agency
            ),
            "remove_samples": self._action(
                "actionRemoveSamples", self.tr("Remove sample &letters…"), self.remove_samples
            ),
            "report": self._action(
                "actionYearReport", self.tr("&Year-end report…"), self.year_report
            ),
            "backup": self._action("actionBackupNow", self.tr("&Back up now"), self.backup_now),
            "restore": self._action(
                "actionRestoreBackup", self.tr("&Restore from backup…"), self.restore_from_backup
            ),
            "guide": self._action("actionUserGuide", self.tr("&User guide"), self.user_guide, "F1"),
            "about": self._action("actionAbout", self.tr("&About ReplyDesk"), self.about),
            "quit": self._action("actionQuit", self.tr("&Quit"), self.close, std.Quit),
        }
        undo = self.model.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setObjectName("actionUndo")
        undo.setIconText(button_text(undo.text()))
        undo.setShortcut(QKeySequence(std.Undo))
        redo = self.model.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setObjectName("actionRedo")
        redo.setIconText(button_text(redo.text()))
        redo.setShortcut(QKeySequence(std.Redo))
        # The composer's own undo/redo shortcuts would be ambiguous beside the window's.
        for action in (getattr(self.composer, "undo_action", None),
                       getattr(self.composer, "redo_action", None)):  # fmt: skip
            if action is not None:
                action.setShortcut(QKeySequence())
        self.actions_by_key = {**a, "undo": undo, "redo": redo}

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_keys = (
            "new", "edit", "save", "versions", None, "import", "import_pack", "export_pack", None,
            "docx", "pdf", "text", "word", "export_all", None, "preview", "print", None, "quit",
        )  # fmt: skip
        for key in file_keys:
            file_menu.addSeparator() if key is None else file_menu.addAction(a[key])
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction(a["find"])
        tools = bar.addMenu(self.tr("&Tools"))
        tools.setObjectName("menuTools")
        tools.addAction(a["settings"])
        tools.addAction(a["agency"])
        tools.addAction(a["remove_samples"])
        tools.addSeparator()
        tools.addAction(a["report"])
        tools.addSeparator()
        tools.addAction(a["backup"])
        tools.addAction(a["restore"])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(a["guide"])
        help_menu.addAction(a["about"])
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        for key in ("new", "save", "import", "docx", "preview", "print"):
            toolbar.addAction(a[key])
        toolbar.addAction(undo)
        toolbar.addAction(redo)

    # ----------------------------------------------------------------- cases
    # The dialogs are imported when first opened: the window starts without them.
    def new_case(self) -> None:
        from desktop.ui.case_dialog import CaseDialog

        dialog = CaseDialog(self.context, None, self)
        if dialog.exec() and dialog.case_id is not None:
            self.open_case(dialog.case_id)

    def edit_case(self) -> None:
        if self.model.case is None or self.model.case.id is None:
            show_error(self, self.tr("Open a case first."))
            return
        from desktop.ui.case_dialog import CaseDialog

        dialog = CaseDialog(self.context, self.model.case, self)
        dialog.exec()

    def _case_edited(self, case_id: int) -> None:
        if self.model.case is not None and self.model.case.id == case_id:
            case = self.context.call(cases.get, case_id)
            if case is not None:
                if case.status == "sent" and self.model.is_modified():
                    self.model.save(self.context)  # marked sent: what was typed is kept
                self.model.update_case(case)
                self._apply_case_state()
                self._update_title()

    def case_changed_elsewhere(self, case: Case) -> None:
        """The open case's record was changed by another clerk, window or command: show it as
        it is now. Marked 已答复 there, it turns read-only here as if marked here, and what
        the clerk typed stays in her working copy (never saved over the reply filed)."""
        if case.status in ANSWERED:
            self.model.autosave_now()
        self.model.update_case(case)
        self._apply_case_state()
        self._update_title()

    def _status_changing(self, case_id: int, status: str) -> None:
        """Marked sent while open: what the clerk typed is saved first, so it is what the
        library keeps."""
        case = self.model.case
        is_open = case is not None and case.id == case_id
        if is_open and joins_library(status) and self.model.is_modified():
            self.model.save(self.context)

    def _reply_filed(self, case_id: int, letter_id: int, created: bool) -> None:
        self.statusBar().showMessage(filed_message(letter_id, created), 10000)
        self.library.show_letter(letter_id)
        if self.model.case is not None and self.model.case.id == case_id:
            self.read_only_bar.set_letter(letter_id)

    def open_case(
        self, case_id: int, draft: Draft | None = None, *, recovered: bool = False
    ) -> None:
        if draft is None and self.model.case is not None and self.model.case.id == case_id:
            return  # already open: a click must not reload it over the clerk's edits
        if self.model.case is not None and self.model.case.id != case_id:
            self.model.autosave_now()
        opened = self.context.call(cases.open_case, case_id)
        if opened is None:
            return
        if draft is None:
            # Edits not saved before the clerk switched to another case come back as they were.
            self.model.load(opened.case, opened.draft, recovered=opened.recovered,
                            after_crash=opened.after_crash, revision=opened.revision)  # fmt: skip
        else:
            self.model.load(opened.case, draft, recovered=recovered, after_crash=None,
                            revision=opened.revision)  # fmt: skip
        self.cases.select_case(case_id)
        self._apply_case_state()
        self.library.show_similar_for(opened.case)
        self._update_title()

    def reopen_last_case(self) -> bool:
        """At start: open the case that was open when ReplyDesk last closed."""
        case_id = self.context.call(cases.last_open)
        if case_id is None:
            return False
        self.open_case(case_id)
        return True

    def _apply_case_state(self) -> None:
        """A sent case (已答复) is read-only until the clerk reopens it."""
        case = self.model.case
        read_only = case is not None and case.status in ANSWERED  # 已答复, 已办结
        if read_only:
            self.model.clear_history()  # no undo may change a sent reply either
        self.model.read_only = read_only or case is None
        self.composer.setEnabled(not self.model.read_only)
        self.read_only_bar.setVisible(read_only)
        if read_only and case is not None and case.id is not None:
            self.read_only_bar.set_status(case.status)
            self.read_only_bar.set_letter(self.context.call(cases.library_letter, case.id))
        self.actions_by_key["save"].setEnabled(not self.model.read_only)

    def reopen_case(self) -> None:
        if self.model.case is None or self.model.case.id is None:
            return
        # back to drafting: the reply stays in the library until the clerk deletes it there
        change_status(self.context, self, self.model.case.id, "drafting")

    def _case_deleted(self, case_id: int) -> None:
        if self.model.case is not None and self.model.case.id == case_id:
            self.model.unload()
            self._apply_case_state()
            self._update_title()

    def _insert(self, section: str, block: Any) -> None:
        if self.model.case is None:
            self.statusBar().showMessage(
                self.tr("Open or create a case to insert paragraphs."), 5000
            )
            return
        if self.model.read_only:
            self.statusBar().showMessage(
                self.tr("This case was replied to and is read-only: reopen it to change it."),
                5000,
            )
            return
        # Into the section asked for: the one the paragraph was filed under in its old letter
        # (double-click, Enter, Insert), or the one chosen from the hit's context menu.
        self.composer.insert_paragraph(section, block)

    def save_draft(self) -> None:
        if self.model.case is None:
            return
        try:
            version = self.model.save(self.context)
        except DraftConflict as conflict:  # another clerk saved meanwhile: both are shown
            from desktop.ui.draft_conflict import resolve_conflict

            resolve_conflict(self, self.context, self.model, conflict)
            return
        except CaseNotYours as refused:  # on the server: her text stays, her working copy too
            show_error(self, refused.message)
            return
        self.statusBar().showMessage(
            self.tr("Draft saved as version %1.").replace("%1", str(version)), 5000
        )

    def show_versions(self) -> None:
        if self.model.case is None or self.model.case.id is None:
            show_error(self, self.tr("Open a case first."))
            return
        from desktop.ui.versions_dialog import VersionsDialog

        dialog = VersionsDialog(self.context, self.model, self)
        dialog.restored.connect(
            lambda v: self.statusBar().showMessage(
                self.tr("Restored as version %1.").replace("%1", str(v)), 8000
            )
        )
        dialog.exec()

    # ----------------------------------------------------------------- library
    def _focus_search(self) -> None:
        self.library.search_box.setFocus()
        self.library.search_box.selectAll()

    # ----------------------------------------------------------------- window state
    def _update_title(self) -> None:
        case = self.model.case
        base = self.tr("ReplyDesk")
        if case is None:
            self.setWindowTitle(base)
            self.case_label.setText("")
            return
        mark = "*" if self.model.is_modified() else ""
        self.setWindowTitle(f"{mark}{case.title} — {base}")
        self.case_label.setText(f"第{case.number}号 {case.addressee}{case.role}")

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry()
            self.resize(min(1440, int(screen.width() * 0.95)), min(900, int(screen.height() * 0.9)))
        state = self.settings.value("window/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        if self.model.case is not None and self.model.is_modified():
            try:
                self.model.save(self.context, source="exit")
            except DraftConflict:  # the text stays as the working copy, offered at the next start
                log.warning("draft of case %s kept as working copy: conflict", self.model.case_id)
            except CaseNotYours:  # another clerk's case: the text stays as her working copy
                log.warning("draft of case %s refused: not this clerk's", self.model.case_id)
        self.model.autosave_timer.stop()
        self.change_watch.stop()  # a closed window follows no one
        self.library.stop()
        self._preview_dir.cleanup()
        super().closeEvent(event)


def _scrolls(widget: QWidget) -> bool:
    return bool(widget.findChild(QScrollArea))


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area
