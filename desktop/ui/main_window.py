"""The main window: cases (left), composer (centre), library (right), and the clerk's actions."""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.casework import Draft
from desktop.compose import export_findings, plain_text_body
from desktop.ui.case_dialog import CaseDialog
from desktop.ui.case_state import ReadOnlyBar
from desktop.ui.cases_pane import CasesPane
from desktop.ui.composer import Composer
from desktop.ui.context import AppContext
from desktop.ui.draft_model import DraftModel
from desktop.ui.errors import show_error
from desktop.ui.first_start_dialog import FirstStartDialog, agency_ready
from desktop.ui.import_dialog import ImportDialog
from desktop.ui.letter_tools import LetterTools
from desktop.ui.library_pane import LibraryPane
from desktop.ui.settings_dialog import SETTINGS_APP, SETTINGS_ORG, SettingsDialog

log = logging.getLogger(__name__)
SEAL_KEY = "seal_image"
LAST_CASE_KEY = "last_open_case"  # library meta: the case reopened at the next start


def _safe_name(title: str) -> str:
    return re.sub(r'[\\/:*?"<>|\n\r\t]', "", title).strip()[:80] or "答复"


_ACCELERATOR = re.compile(r"\(&\w\)|&(?=\w)")


def button_text(text: str) -> str:
    """A menu text as a tool bar button shows it: without the accelerator ("&New" in English,
    "新建(&N)" in Chinese) and the "…" that says a dialog follows."""
    return _ACCELERATOR.sub("", text).removesuffix("…").strip()


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, *, settings: QSettings | None = None) -> None:
        super().__init__()
        self.context = context
        self.settings = settings or QSettings(SETTINGS_ORG, SETTINGS_APP)
        self.setObjectName("mainWindow")
        self.restart_requested = False  # set after a restore: run_app starts the app again
        self.first_start: QWidget | None = None  # the first-start dialog while it is open
        self.setWindowTitle(self.tr("ReplyDesk"))
        self._seal_dir = tempfile.TemporaryDirectory(prefix="replydesk-seal-")

        self.model = DraftModel(context, parent=self)
        self.cases = CasesPane(context)
        self.composer = Composer(context, self.model)
        self.library = LibraryPane(context)
        composer_scroll = self.composer if _scrolls(self.composer) else _scroll(self.composer)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.cases)
        self.read_only_bar = ReadOnlyBar()
        self.read_only_bar.reopenRequested.connect(self.reopen_case)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(2)
        centre_layout.addWidget(self.read_only_bar)
        centre_layout.addWidget(composer_scroll, 1)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.library)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 660, 460])  # the cases pane shows its due dates
        self.setCentralWidget(self.splitter)
        self.case_label = QLabel()
        self.statusBar().addPermanentWidget(self.case_label)

        self._make_actions()
        self.cases.caseActivated.connect(self.open_case)
        self.cases.caseDeleted.connect(self._case_deleted)
        self.library.insertRequested.connect(self._insert)
        self.composer.sourceRequested.connect(lambda letter_id: self.library.show_letter(letter_id))
        self.model.modifiedChanged.connect(lambda _m: self._update_title())
        self.model.autosaveFailed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        context.caseChanged.connect(self._case_edited)
        self._restore_geometry()
        self._update_title()
        self.letter_tools = LetterTools(self)  # the inspector and re-reading

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
            "docx", "pdf", "text", "word", None, "preview", "print", None, "quit",
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
    def new_case(self) -> None:
        dialog = CaseDialog(self.context, None, self)
        if dialog.exec() and dialog.case_id is not None:
            self.open_case(dialog.case_id)

    def edit_case(self) -> None:
        if self.model.case is None or self.model.case.id is None:
            show_error(self, self.tr("Open a case first."))
            return
        dialog = CaseDialog(self.context, self.model.case, self)
        dialog.exec()

    def _case_edited(self, case_id: int) -> None:
        if self.model.case is not None and self.model.case.id == case_id:
            case = self.context.store.get_case(case_id)
            if case is not None:
                if case.status == "sent" and self.model.is_modified():
                    self.model.save(self.context)  # marked sent: what was typed is kept
                self.model.update_case(case)
                self._apply_case_state()
                self._update_title()

    def open_case(
        self, case_id: int, draft: Draft | None = None, *, recovered: bool = False
    ) -> None:
        store = self.context.store
        if draft is None and self.model.case is not None and self.model.case.id == case_id:
            return  # already open: a click must not reload it over the clerk's edits
        if self.model.case is not None and self.model.case.id != case_id:
            self.model.autosave_now()
        case = store.get_case(case_id)
        if case is None:
            return
        after_crash = None
        if draft is None:
            # Edits not saved before the clerk switched to another case come back as they were.
            draft = store.autosave_of(case_id)
            if draft is not None:
                recovered, after_crash = True, False
            else:
                draft = store.load_draft(case_id)
        self.model.load(case, draft, recovered=recovered, after_crash=after_crash)
        store.set_meta(LAST_CASE_KEY, str(case_id))
        self.cases.select_case(case_id)
        self._apply_case_state()
        self.library.show_similar_for(case)
        self._update_title()

    def reopen_last_case(self) -> bool:
        """At start: open the case that was open when ReplyDesk last closed."""
        raw = self.context.store.get_meta(LAST_CASE_KEY)
        if not raw or not raw.isdigit() or self.context.store.get_case(int(raw)) is None:
            return False
        self.open_case(int(raw))
        return True

    def _apply_case_state(self) -> None:
        """A sent case (已答复) is read-only until the clerk reopens it."""
        case = self.model.case
        read_only = case is not None and case.status == "sent"
        if read_only:
            self.model.undo_stack.clear()  # no undo may change a sent reply either
        self.model.read_only = read_only or case is None
        self.composer.setEnabled(not self.model.read_only)
        self.read_only_bar.setVisible(read_only)
        self.actions_by_key["save"].setEnabled(not self.model.read_only)

    def reopen_case(self) -> None:
        if self.model.case is None or self.model.case.id is None:
            return
        self.context.store.set_case_status(self.model.case.id, "drafting")
        self.context.caseChanged.emit(self.model.case.id)

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
        version = self.model.save(self.context)
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

    # ----------------------------------------------------------------- letter output
    def _seal_path(self) -> str | None:
        stored = self.context.store.get_profile_file(SEAL_KEY)
        if stored is None:
            return None
        path = Path(self._seal_dir.name) / stored[0]
        path.write_bytes(stored[1])
        return str(path)

    def _composition(self) -> Any:
        if self.model.case is None:
            show_error(self, self.tr("Open a case first."))
            return None
        comp = self.model.compose(self.context)
        seal = self._seal_path()
        if seal is not None:
            from desktop.export_docx import SealError, check_seal_image
            from desktop.model import SealSpec

            try:
                check_seal_image(Path(seal))
            except SealError as exc:
                without = self.tr("Write the letter without the seal?")
                answer = QMessageBox.question(self, self.tr("Seal"), exc.message + "\n\n" + without)
                if answer != QMessageBox.StandardButton.Yes:
                    return None
            else:
                comp.letter.seal = SealSpec(seal, self.context.profile().seal_diameter_mm)
        for problem in comp.problems:
            self.statusBar().showMessage(str(problem), 10000)
        return comp

    def _ask_target(self, suffix: str, filter_text: str) -> Path | None:
        case = self.model.case
        folder = self.settings.value("export/folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name = _safe_name(case.title if case else "答复") + "的答复" + suffix
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), str(Path(folder) / name),
                                              filter_text)  # fmt: skip
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        self.settings.setValue("export/folder", str(target.parent))
        return target

    def _findings_allow_export(self, comp: Any) -> bool:
        """Open proofreading findings are listed; the letter goes out only on 仍然导出."""
        from desktop.ui.export_check import confirm_export

        assert self.model.case is not None
        findings = export_findings(comp, self.model.case, self.context.profile())
        return confirm_export(self, comp, findings)

    def _letter_to_release(self) -> Any | None:
        """The composed letter, when it may leave the program (export, print): the agency is
        set and the clerk accepted any open findings. None otherwise (the clerk was told)."""
        if not agency_ready(self.context, self):
            return None
        comp = self._composition()
        if comp is None or not self._findings_allow_export(comp):
            return None
        return comp

    def export_docx(self, target: Path | None = None) -> Path | None:
        comp = self._letter_to_release()
        if comp is None:
            return None
        target = target or self._ask_target(".docx", self.tr("Word document (*.docx)"))
        if target is None:
            return None
        from desktop.export_docx import write_docx
        from desktop.safe_write import TargetLocked, WriteFailed

        while True:
            try:
                write_docx(comp.letter, target)
            except TargetLocked as exc:
                instead = self.tr("Save as %1 instead?").replace("%1", exc.suggestion.name)
                answer = QMessageBox.question(
                    self, self.tr("File in use"), exc.message + "\n\n" + instead
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return None
                target = exc.suggestion
                continue
            except WriteFailed as exc:
                show_error(self, exc.message)
                return None
            break
        self.last_docx = target
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(target)), 8000)
        return target

    def export_text(self, target: Path | None = None) -> Path | None:
        comp = self._letter_to_release()
        if comp is None:
            return None
        text, warning = plain_text_body(comp.letter, self.context.profile().text_limit)
        target = target or self._ask_target(".txt", self.tr("Plain text (*.txt)"))
        if target is None:
            return None
        from desktop.safe_write import TargetLocked, WriteFailed, atomic_write

        try:
            atomic_write(target, lambda tmp: _write_utf8(tmp, text))
        except (TargetLocked, WriteFailed) as exc:
            show_error(self, exc.message)
            return None
        if warning:
            QMessageBox.information(self, self.tr("Plain text"), warning)
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(target)), 8000)
        return target

    def export_pdf(self) -> None:
        docx = self.export_docx()
        if docx is None:
            return
        target = docx.with_suffix(".pdf")
        from desktop.pdf import PdfError, convert_to_pdf
        from desktop.safe_write import TargetLocked, WriteFailed

        def convert() -> Path:
            return convert_to_pdf(docx, target)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PdfError | TargetLocked | WriteFailed):
                show_error(self, exc.message)
            else:
                raise exc

        self.statusBar().showMessage(self.tr("Making the PDF…"))
        self.context.operation(convert).success(
            lambda path: self.statusBar().showMessage(
                self.tr("Saved %1").replace("%1", str(path)), 8000
            )
        ).failure(failed).run_in_background()

    def preview(self) -> None:
        comp = self._composition()
        if comp is None:
            return
        from desktop.export_docx import write_docx
        from desktop.ui.preview import PreviewDialog

        docx = Path(self._seal_dir.name) / "preview.docx"
        write_docx(comp.letter, docx)
        PreviewDialog(
            self.context,
            comp.letter,
            docx,
            self,
            release_check=lambda: self._findings_allow_export(comp),
        ).exec()

    def print_letter(self) -> None:
        comp = self._letter_to_release()
        if comp is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from desktop.ui.page_renderer import print_letter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            print_letter(comp.letter, printer)

    def open_in_word(self) -> None:
        docx = self.export_docx()
        if docx is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(docx)))

    # ----------------------------------------------------------------- library
    def import_letters(self, paths: list[Path] | None = None) -> None:
        ImportDialog(self.context, paths, self).exec()

    def _focus_search(self) -> None:
        self.library.search_box.setFocus()
        self.library.search_box.selectAll()

    def open_settings(self) -> None:
        SettingsDialog(self.context, self, settings=self.settings).exec()

    def setup_agency(self) -> bool:
        """The agency's name, contact, copy-to list and seal (asked at first start)."""
        return bool(FirstStartDialog(self.context, self).exec())

    def remove_samples(self) -> None:
        from desktop.sample import remove_sample_library, sample_letter_ids

        count = len(sample_letter_ids(self.context.store))
        if count == 0:
            QMessageBox.information(
                self, self.tr("Sample letters"), self.tr("The sample letters are already removed.")
            )
            return
        question = self.tr("Remove the %n sample letter(s) from the library?", "", count)
        if QMessageBox.question(self, self.tr("Sample letters"), question) != (
            QMessageBox.StandardButton.Yes
        ):
            return
        removed = remove_sample_library(self.context.store)
        self.context.libraryChanged.emit()
        self.statusBar().showMessage(self.tr("Removed %n sample letter(s).", "", removed), 8000)

    def import_pack(self) -> None:
        from desktop.ui.pack_dialogs import ImportPackDialog

        ImportPackDialog(self.context, self).exec()

    def export_pack(self) -> None:
        from desktop.ui.pack_dialogs import export_pack_dialog

        export_pack_dialog(self.context, self)

    def user_guide(self) -> None:
        from desktop.ui.guide_dialog import GuideDialog

        GuideDialog(self).exec()

    def about(self) -> None:
        from desktop.ui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    # ----------------------------------------------------------------- backups
    def backup_now(self) -> None:
        from desktop.store.backup import make_backup

        def done(path: Path) -> None:
            self.statusBar().showMessage(self.tr("Backed up to %1").replace("%1", str(path)), 10000)

        self.context.operation(make_backup, self.context.db_path, reason="manual").success(
            done
        ).failure(
            lambda exc: show_error(self, getattr(exc, "message", str(exc)))
        ).run_in_background()

    def restore_from_backup(self) -> None:
        """Put a backup back: checked first, the current library kept aside, then ReplyDesk
        starts again on the restored library (every connection must be closed for it)."""
        from PySide6.QtCore import QThreadPool

        from desktop.paths import backups_dir
        from desktop.store.backup import BackupError, check_backup, restore_backup

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from backup"), str(backups_dir(self.context.db_path)),
            self.tr("Library backups (*.db)"),
        )  # fmt: skip
        if not path:
            return
        try:
            info = check_backup(Path(path))
        except BackupError as exc:
            show_error(self, exc.message)
            return
        question = (
            self.tr(
                "Restore the library from the backup of %1 (%2 letters, %3 cases)? "
                "The library as it is now is kept in the backups folder, and ReplyDesk "
                "starts again."
            )
            .replace("%1", info.made_at.strftime("%Y-%m-%d %H:%M"))
            .replace("%2", str(info.letters))
            .replace("%3", str(info.cases))
        )
        if QMessageBox.question(self, self.tr("Restore from backup"), question) != (
            QMessageBox.StandardButton.Yes
        ):
            return
        if self.model.case is not None and self.model.is_modified():
            self.model.save(self.context, source="backup")
        self.context.close()
        QThreadPool.globalInstance().waitForDone(10000)
        try:
            result = restore_backup(Path(path), self.context.db_path)
        except BackupError as exc:
            show_error(self, exc.message)
            self.restart_requested = True  # the library was not replaced; open it again
            self.close()
            return
        kept = str(result.kept) if result.kept else "—"
        done = self.tr("The library was restored. The library as it was is kept as %1.")
        QMessageBox.information(self, self.tr("Restore from backup"), done.replace("%1", kept))
        self.restart_requested = True
        self.close()

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
            self.model.save(self.context, source="exit")
        self.model.autosave_timer.stop()
        self.library._debounce.stop()
        self._seal_dir.cleanup()
        super().closeEvent(event)


def _write_utf8(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _scrolls(widget: QWidget) -> bool:
    return bool(widget.findChild(QScrollArea))


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area
