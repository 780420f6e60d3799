"""The main window's backups: back up now, and restore the library from a backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from desktop.actions import backup
from desktop.errors import ClerkError
from desktop.ui.context import AppContext
from desktop.ui.draft_model import DraftModel
from desktop.ui.errors import show_error, show_failure


class WindowBackups(QMainWindow):
    """The Tools menu's backup actions of :class:`desktop.ui.main_window.MainWindow`."""

    context: AppContext
    model: DraftModel
    restart_requested: bool

    def _on_server(self) -> bool:
        """A server's library is backed up by IT on the server: say so instead."""
        if self.context.db_path is not None:
            return False
        show_error(
            self,
            self.tr(
                "The shared library on the server is backed up by IT on the server "
                "(pg_dump); ReplyDesk backs up only a library on this PC."
            ),
        )
        return True

    def backup_now(self) -> None:
        if self._on_server():
            return
        def done(made: backup.BackupMade) -> None:
            self.statusBar().showMessage(
                self.tr("Backed up to %1").replace("%1", str(made.path)), 10000
            )

        self.context.operation(backup.back_up, self.context.db_path).success(done).failure(
            lambda exc: show_failure(self, exc)
        ).run_in_background()

    def restore_from_backup(self) -> None:
        """Put a backup back: checked first, the current library kept aside, then ReplyDesk
        starts again on the restored library (every connection must be closed for it)."""
        from PySide6.QtCore import QThreadPool

        if self._on_server():
            return
        assert self.context.db_path is not None
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from backup"), str(backup.folder(self.context.db_path)),
            self.tr("Library backups (*.db)"),
        )  # fmt: skip
        if not path:
            return
        try:
            info = backup.check(Path(path))
        except ClerkError as exc:
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
            result = backup.restore(Path(path), self.context.db_path)
        except ClerkError as exc:
            show_error(self, exc.message)
            self.restart_requested = True  # the library was not replaced; open it again
            self.close()
            return
        kept = str(result.kept) if result.kept else "—"
        done = self.tr("The library was restored. The library as it was is kept as %1.")
        QMessageBox.information(self, self.tr("Restore from backup"), done.replace("%1", kept))
        self.restart_requested = True
        self.close()
