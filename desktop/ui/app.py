"""Start the window: translations, error handling, one instance per library, crash recovery.

Before the library is opened its file is checked (``PRAGMA quick_check``); a damaged library
is offered back from its newest good backup (``open_library``). After the window is shown the
day's backup is made in the background (``start_daily_backup``). In portable mode the settings
are an INI file in the data folder (``app_settings``).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from desktop import timestamps, words
from desktop.actions import backup, cases, clerks, drafts, letters, profile
from desktop.errors import ClerkError
from desktop.logs import setup_logging
from desktop.paths import backups_dir, resources_dir, settings_path
from desktop.ui.context import AppContext, library_location
from desktop.ui.errors import install_excepthook
from desktop.ui.first_paint import after_first_paint, when_idle
from desktop.ui.fonts_check import check_fonts, missing_fonts_note, show_fonts_notice
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_base import (
    DEFAULT_LANGUAGE,
    LANGUAGE_KEY,
    LIBRARY_KEY,
    SETTINGS_APP,
    SETTINGS_ORG,
)
from desktop.ui.single_instance import SingleInstance

log = logging.getLogger(__name__)
_KEEP: list[object] = []  # translators must outlive the window
QT_TRANSLATION_LOADED = False  # Qt's own dialog texts (qtbase_zh_CN) found
SMOKE_ENV = "REPLYDESK_SMOKE_TEST"  # the frozen build's smoke test: show, report, close
UI_WRITE_WAIT = 5.0  # seconds, after the first 1.5 s (desktop.store.connection)
WARM_UP_IDLE = 1500  # ms without a key or click before the word segmenter loads
WARM_UP_AT_MOST = 10000  # ms after the start: then it loads anyway


def install_translations(app: QApplication, language: str) -> bool:
    """Chinese (the default) or English (the source strings). True when Chinese loaded."""
    if language != "zh_CN":
        return False
    qt = QTranslator(app)
    global QT_TRANSLATION_LOADED
    if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):  # fmt: skip
        app.installTranslator(qt)
        _KEEP.append(qt)
        QT_TRANSLATION_LOADED = True
    # Installed last, asked first: ours also mends a few of Qt's dialog texts (file_dialogs.py).
    ours = QTranslator(app)
    loaded = ours.load(str(resources_dir() / "translations" / "replydesk_zh_CN.qm"))
    if loaded:
        app.installTranslator(ours)
        _KEEP.append(ours)
    return loaded


def offer_recovery(window: MainWindow) -> None:
    """After a crash or power cut: offer back the drafts that were not saved."""
    context = window.context
    for pending in context.call(drafts.pending_autosaves):
        case_id, saved_at, draft = pending.case_id, pending.saved_at, pending.draft
        case = context.call(cases.get, case_id)
        if case is None:
            context.call(drafts.clear_autosave, case_id)
            continue
        answer = QMessageBox.question(
            window,
            QCoreApplication.translate("MainWindow", "Restore unsaved draft"),
            QCoreApplication.translate(
                "MainWindow",
                "The draft of “%1” was not saved when ReplyDesk last closed (autosaved %2). "
                "Restore it?",
            )
            .replace("%1", case.title)
            .replace("%2", timestamps.local_text(saved_at, " ")[:16]),
        )
        if answer == QMessageBox.StandardButton.Yes:
            window.open_case(case_id, draft, recovered=True)
            return
        context.call(drafts.clear_autosave, case_id)


def app_settings() -> QSettings:
    """The window's settings: the platform's native store, or in portable mode the INI file
    in the data folder beside the program."""
    path = settings_path()
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(SETTINGS_ORG, SETTINGS_APP)


def offer_restore(db: Path, problem: str, parent: QWidget | None = None) -> bool:
    """The library file is damaged: offer its newest good backup. True when it was restored."""
    folder = backups_dir(db)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        info, refused = backup.newest_good(db)
    finally:
        QApplication.restoreOverrideCursor()
    for path, reason in refused:
        log.warning("backup %s not usable: %s", path, reason)
    title = QCoreApplication.translate("app", "ReplyDesk")
    if info is None:
        QMessageBox.critical(
            parent,
            title,
            QCoreApplication.translate(
                "app",
                "The library file is damaged (%1) and there is no usable backup in %2.\n\n"
                "The file is at:\n%3\n\nReplyDesk has not changed it. Give it to your IT "
                "support, or restore a backup copy with “replydesk restore FILE”.",
            )
            .replace("%1", problem)
            .replace("%2", str(folder))
            .replace("%3", str(db)),
        )
        return False
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("app", "The library is damaged"),
        QCoreApplication.translate(
            "app",
            "The library file is damaged (%1).\n\nRestore the newest good backup, made %2 "
            "(%3 letters, %4 cases)?\n%5\n\nThe damaged file is kept in the backups folder.",
        )
        .replace("%1", problem)
        .replace("%2", f"{info.made_at:%Y-%m-%d %H:%M}")
        .replace("%3", str(info.letters))
        .replace("%4", str(info.cases))
        .replace("%5", str(info.path)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        QMessageBox.information(
            parent,
            title,
            QCoreApplication.translate(
                "app",
                "The library was not changed. The damaged file is at:\n%1\n\nReplyDesk "
                "cannot start with it. Its backups are in %2: restore one (for example with "
                "“replydesk restore FILE”), or give the file to your IT support.",
            )
            .replace("%1", str(db))
            .replace("%2", str(folder)),
        )
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = backup.restore(info.path, db)
    except ClerkError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.critical(parent, title, exc.message)
        return False
    QApplication.restoreOverrideCursor()
    log.warning("library %s was damaged (%s); restored from %s, kept %s",
                db, problem, info.path, result.kept)  # fmt: skip
    QMessageBox.information(
        parent,
        title,
        QCoreApplication.translate(
            "app",
            "The library was restored from the backup made %1. The damaged file is kept as:\n%2",
        )
        .replace("%1", f"{info.made_at:%Y-%m-%d %H:%M}")
        .replace("%2", str(result.kept or "")),
    )
    return True


def open_library(db: Path | str, parent: QWidget | None = None) -> AppContext | None:
    """Open the library; when its file is too damaged to open, offer to restore the newest
    good backup first. None when it cannot be opened (the clerk was told why).

    The full ``quick_check`` of a large library reads the whole file (1.5 s for 500 MB from a
    cold disk), so it runs after the window is up (:func:`start_background_check`)."""
    try:
        return AppContext.open(db)
    except ClerkError as exc:
        offline = AppContext.open_offline(db, exc)  # the server away: its local copy
        if offline is not None:
            log.warning("server %s unreachable, the window reads its local copy", db)
            return offline
        if not backup.damaged(exc):
            QMessageBox.critical(
                parent, QCoreApplication.translate("app", "ReplyDesk"), exc.message
            )
            return None
        problem = str(exc.__cause__)
    assert isinstance(db, Path)  # only a file is damaged (a server's library is the server's)
    log.error("library %s is damaged: %s", db, problem)
    if not offer_restore(db, problem, parent):
        return None
    try:
        return AppContext.open(db)
    except ClerkError as exc:
        QMessageBox.critical(parent, QCoreApplication.translate("app", "ReplyDesk"), exc.message)
        return None


def start_background_check(context: AppContext, window: MainWindow) -> None:
    """Check the whole library file off the UI thread; on damage, offer the newest good
    backup and start again on it (the window closes either way: it must not go on writing
    into a damaged file)."""
    db = context.db_path
    assert db is not None  # a library file (a server's library is not checked here)

    def damaged(problem: str | None) -> None:
        if not problem:
            return
        log.error("library %s is damaged: %s", context.db_path, problem)
        if window.model.case is not None and window.model.is_modified():
            try:
                window.model.save(context)
            except Exception:
                log.exception("saving the open draft of a damaged library failed")
        context.close()
        QThreadPool.globalInstance().waitForDone(10000)
        window.restart_requested = offer_restore(db, problem, window)
        window.close()

    context.operation(backup.damage, context.db_path).success(damaged).run_in_background()


def start_daily_backup(context: AppContext, window: QMainWindow) -> None:
    """The day's backup, in the background (a local copy: about 2 s for 10,000 letters)."""

    def done(path: object) -> None:
        if path is not None:
            log.info("daily backup %s", path)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, ClerkError):
            raise exc
        message = exc.message
        log.warning("daily backup failed: %s", message)
        window.statusBar().showMessage(
            QCoreApplication.translate("app", "The daily backup was not made: %1").replace(
                "%1", message
            ),
            20000,
        )

    context.operation(backup.daily, context.db_path).success(done).failure(
        failed
    ).run_in_background()


def show_read_only_notice(window: QMainWindow) -> QLabel:
    """A library on a read-only medium was opened read-only: say so for as long as the window
    is open (every write is refused with the store's message, see ``LibraryReadOnly``)."""
    label = QLabel(
        QCoreApplication.translate(
            "app",
            "Read-only library: it is on a read-only medium. You can read, search and export; "
            "changes cannot be saved.",
        )
    )
    label.setObjectName("readOnlyNotice")
    label.setStyleSheet("QLabel { color: #8a4b00; font-weight: bold; padding: 0 6px; }")
    window.statusBar().addPermanentWidget(label)
    log.info("library opened read-only (read-only medium)")
    return label


def bring_forward(window: MainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


def run_app(argv: list[str] | None = None, db_path: Path | None = None) -> int:
    setup_logging()
    app = QApplication.instance() or QApplication(argv or sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(SETTINGS_ORG)
    app.setApplicationName(SETTINGS_APP)
    settings = app_settings()
    ours_loaded = install_translations(app, str(settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE)))
    window_ref: list[MainWindow] = []
    install_excepthook(lambda: window_ref[0] if window_ref else None)

    db = db_path or library_location(settings.value(LIBRARY_KEY))
    instance = SingleInstance(db)
    if not instance.claim():
        log.info("another window has library %s open; it was asked to come forward", db)
        return 0
    opened = open_window(db, settings)
    if opened is None:
        instance.release()
        return 2
    context, window = opened
    window_ref.append(window)
    instance.activated.connect(lambda: bring_forward(window))
    if os.environ.get(SMOKE_ENV):
        # A second after the start that follows the first paint (however slow the machine).
        window.started.connect(
            lambda: QTimer.singleShot(1000, lambda: smoke_report_and_close(window, ours_loaded))
        )
    code = app.exec()
    instance.release()
    context.close()
    if window.restart_requested:
        restart()
    return int(code)


def open_window(db: Path | str, settings: QSettings) -> tuple[AppContext, MainWindow] | None:
    """Open the library and show the window on it; the rest of the start
    (:func:`start_window`) runs once the window has been painted. None when the library
    cannot be opened (the clerk was told why). bench/ui_bench.py times this function.
    Python's cycle collector, paused for the start (desktop/window_modules.py), runs again
    afterwards, however this ends."""
    paused = not gc.isenabled()
    try:
        context = open_library(db)
        if context is None:
            return None
        if not context.read_only and not context.on_server:  # a shared library: no samples
            context.call(letters.ensure_samples)
        # The UI thread's writes (autosave, saving a case) wait a few seconds for another
        # program's write, not the command line's two minutes: then they say it is busy.
        context.set_write_wait(UI_WRITE_WAIT)
        window = MainWindow(context, settings=settings)
        window.show()
        # The clerk sees the window first: the first-start dialog, crash recovery, the last
        # case (composing it loads the templates and the checks) and the checks follow its
        # first paint.
        after_first_paint(window, lambda: start_window(context, window))
        return context, window
    finally:
        if paused:
            # What the start made lives as long as the window (modules, classes, widgets):
            # moved out of the collector's sight, or its first run would walk all of it at
            # once, right before the first paint (the pause's gain was gone: 0.55 → 0.51 s).
            gc.freeze()
            gc.enable()


def ask_for_the_agency(context: AppContext, window: MainWindow) -> None:
    """The profile is still the sample agency's: ask for the agency's details — or, on a
    clerk's account of the office server (the profile is the administrator's), say who
    enters them."""
    if not context.call(clerks.may_administer):
        log.info("the server's profile is still the sample agency's; this account is a clerk's")
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "app",
                "Your agency's name has not been entered yet: an administrator enters it "
                "(Settings → Profile). Until then replies cannot be exported.",
            ),
            120000,
        )
        return
    # Window-modal and not blocking: the rest of the start goes on behind it.
    log.info("first start: the profile is still the sample agency's; asking for the agency")
    from desktop.ui.first_start_dialog import FirstStartDialog

    window.first_start = FirstStartDialog(context, window)
    window.first_start.open()


def start_window(context: AppContext, window: MainWindow) -> None:
    """What follows the window's first paint: the agency (first start), the fonts, crash
    recovery, the last case, and the background check and backup; ``window.started`` is
    emitted at the end."""
    if context.closed:
        return  # the window was closed before its first paint
    if context.call(profile.is_sample) and not context.read_only:
        ask_for_the_agency(context, window)
    statuses = check_fonts(context.profile().fonts)
    if show_fonts_notice(window, statuses) is not None:
        log.info("fonts: %s", missing_fonts_note(statuses))
    if context.read_only:
        show_read_only_notice(window)
    else:
        offer_recovery(window)
    if window.model.case is None and window.reopen_last_case():
        log.info("reopened case %s, open when ReplyDesk last closed", window.model.case_id)
    if not context.on_server:  # a server's library is checked and backed up on the server
        start_background_check(context, window)
    if not context.read_only and not context.on_server:  # read-only: so is its backups folder
        start_daily_backup(context, window)
    # The reuse check and the similar list segment on the UI thread: jieba's dictionary loads
    # beforehand, in a pause of the clerk's (it holds the interpreter ~0.3 s on any thread).
    when_idle(words.warm_up, WARM_UP_IDLE, WARM_UP_AT_MOST)
    window.started.emit()


def smoke_report_and_close(window: MainWindow, ours_loaded: bool) -> None:
    log.info(
        "smoke test: window shown; replydesk_zh_CN=%s qtbase_zh_CN=%s",
        ours_loaded,
        QT_TRANSLATION_LOADED,
    )
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.close()  # the first-start dialog, when the smoke test's library is new
    window.close()


def restart() -> None:
    """Start ReplyDesk again (after a restore), the same way it was started."""
    from PySide6.QtCore import QProcess

    args = sys.argv[1:]
    if getattr(sys, "frozen", False):
        QProcess.startDetached(sys.executable, args)
    else:
        QProcess.startDetached(sys.executable, ["-m", "desktop", *args])
