"""Start the window: translations, error handling, one instance per library, crash recovery."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.logs import setup_logging
from desktop.paths import default_db_path, resources_dir
from desktop.sample import ensure_sample_library
from desktop.store import LibraryError, LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.errors import install_excepthook
from desktop.ui.fonts_check import check_fonts, missing_fonts_note
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import DEFAULT_LANGUAGE, LANGUAGE_KEY, SETTINGS_APP, SETTINGS_ORG
from desktop.ui.single_instance import SingleInstance

log = logging.getLogger(__name__)
_KEEP: list[object] = []  # translators must outlive the window


def install_translations(app: QApplication, language: str) -> bool:
    """Chinese (the default) or English (the source strings). True when Chinese loaded."""
    if language != "zh_CN":
        return False
    ours = QTranslator(app)
    loaded = ours.load(str(resources_dir() / "translations" / "replydesk_zh_CN.qm"))
    if loaded:
        app.installTranslator(ours)
        _KEEP.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):  # fmt: skip
        app.installTranslator(qt)
        _KEEP.append(qt)
    return loaded


def offer_recovery(window: MainWindow, store: LibraryStore) -> None:
    """After a crash or power cut: offer back the drafts that were not saved."""
    for case_id, saved_at, draft in store.pending_autosaves():
        case = store.get_case(case_id)
        if case is None:
            store.clear_autosave(case_id)
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
            .replace("%2", saved_at),
        )
        if answer == QMessageBox.StandardButton.Yes:
            window.open_case(case_id, draft, recovered=True)
            return
        store.clear_autosave(case_id)


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
    settings = QSettings(SETTINGS_ORG, SETTINGS_APP)
    install_translations(app, str(settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE)))
    window_ref: list[MainWindow] = []
    install_excepthook(lambda: window_ref[0] if window_ref else None)

    db = db_path or default_db_path()
    instance = SingleInstance(db)
    if not instance.claim():
        log.info("another window has library %s open; it was asked to come forward", db)
        return 0
    try:
        store = LibraryStore(db)
    except LibraryError as exc:
        QMessageBox.critical(None, app.translate("app", "ReplyDesk"), exc.message)
        return 2
    ensure_sample_library(store)
    context = AppContext(db, store=store)
    window = MainWindow(context, settings=settings)
    window_ref.append(window)
    instance.activated.connect(lambda: bring_forward(window))
    window.show()
    note = missing_fonts_note(check_fonts(context.profile().fonts))
    if note:
        window.statusBar().showMessage(note, 20000)
        log.info("fonts: %s", note)
    offer_recovery(window, store)
    code = app.exec()
    instance.release()
    context.close()
    return int(code)
