"""The main window's library and tools actions: import letters and packs, settings, the agency,
the sample letters, the guide and the about box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop.actions import letters
from desktop.ui.context import AppContext


class WindowTools(QMainWindow):
    """The library and Tools menu actions of :class:`desktop.ui.main_window.MainWindow`."""

    context: AppContext
    settings: QSettings

    # Each dialog is imported when first opened (the import dialog brings the readers and
    # the import pipeline): the window starts without them.
    def import_letters(self, paths: list[Path] | None = None) -> None:
        from desktop.ui.import_dialog import ImportDialog

        ImportDialog(self.context, paths, self).exec()

    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.context, self, settings=self.settings).exec()

    def setup_agency(self) -> bool:
        """The agency's name, contact, copy-to list and seal (asked at first start)."""
        from desktop.ui.first_start_dialog import FirstStartDialog

        return bool(FirstStartDialog(self.context, self).exec())

    def remove_samples(self) -> None:
        count = self.context.call(letters.sample_count)
        if count == 0:
            QMessageBox.information(
                self, self.tr("Sample letters"), self.tr("The sample letters are already removed.")
            )
            return
        # Plural forms name their context: PySide's tr() walks the classes of the window and
        # takes "%n" filled in by an untranslated lookup for a translation (MainWindow first).
        question = QCoreApplication.translate(
            "WindowTools", "Remove the %n sample letter(s) from the library?", "", count
        )
        if QMessageBox.question(self, self.tr("Sample letters"), question) != (
            QMessageBox.StandardButton.Yes
        ):
            return
        removed = self.context.call(letters.remove_samples)
        self.context.libraryChanged.emit()
        removed_text = QCoreApplication.translate(
            "WindowTools", "Removed %n sample letter(s).", "", removed
        )
        self.statusBar().showMessage(removed_text, 8000)

    def import_pack(self) -> None:
        from desktop.ui.pack_dialogs import ImportPackDialog

        ImportPackDialog(self.context, self).exec()

    def export_pack(self) -> None:
        from desktop.ui.pack_dialogs import export_pack_dialog

        export_pack_dialog(self.context, self)

    def year_report(self) -> None:
        from desktop.ui.report_page import ReportPage

        ReportPage(self.context, self, settings=self.settings).exec()

    def export_all(self) -> None:
        from desktop.ui.batch_export_dialog import BatchExportDialog

        BatchExportDialog(self.context, self, settings=self.settings).exec()

    def user_guide(self) -> None:
        from desktop.ui.guide_dialog import GuideDialog

        GuideDialog(self).exec()

    def about(self) -> None:
        from desktop.ui.about_dialog import AboutDialog

        AboutDialog(self).exec()
