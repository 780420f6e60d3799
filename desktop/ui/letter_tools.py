"""The main window's tools for the library's letters: the inspector opened from the library
pane, and re-reading letters with a newer parser (at start when some wait, and on demand
from Tools → 重新识别全部资料). Kept apart from ``main_window.py``, which only creates it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop.actions import letters
from desktop.ui.first_paint import after_first_paint
from desktop.ui.reparse_bar import ReparseBar

if TYPE_CHECKING:
    from desktop.ui.letter_inspector import LetterInspector
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class LetterTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("letterTools")
        self.window = window
        self.context = window.context
        self.inspectors: dict[int, LetterInspector] = {}
        self.reparse_bar = ReparseBar(self.context)
        window.statusBar().addPermanentWidget(self.reparse_bar)
        self.reparse_bar.finished.connect(self._reparse_finished)
        self.reparse_action = QAction(self.tr("Re-read all letters…"), window)
        self.reparse_action.setObjectName("actionReparseAll")
        self.reparse_action.setToolTip(
            self.tr("Read every letter again from its stored text; your corrections stay")
        )
        self.reparse_action.triggered.connect(lambda _c=False: self.reparse_all())
        window.addAction(self.reparse_action)
        tools = window.findChild(QMenu, "menuTools")
        if tools is not None:
            tools.addSeparator()
            tools.addAction(self.reparse_action)
        window.library.letterOpenRequested.connect(self.open_letter)
        window.installEventFilter(self)  # its close: values typed in open inspectors are kept
        after_first_paint(window, self.reparse_if_needed)

    # ----------------------------------------------------------------- inspector
    def open_letter(self, letter_id: int) -> LetterInspector | None:
        """The inspector of ``letter_id`` (the open one brought forward, else a new one)."""
        inspector = self.inspectors.get(letter_id)
        if inspector is None:
            if self.context.call(letters.inspect, letter_id) is None:
                self.window.statusBar().showMessage(
                    self.tr("That letter is no longer in the library."), 8000
                )
                return None
            from desktop.ui.letter_inspector import LetterInspector  # not at start

            inspector = LetterInspector(self.context, letter_id, self.window)
            self.inspectors[letter_id] = inspector
            inspector.destroyed.connect(lambda _o=None, i=letter_id: self.inspectors.pop(i, None))
        inspector.show()  # again after Esc, which only hides it
        inspector.raise_()
        inspector.activateWindow()
        return inspector

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            for inspector in list(self.inspectors.values()):
                inspector.commit_pending()
        return False

    # ----------------------------------------------------------------- re-reading
    def reparse_if_needed(self) -> None:
        """At start: re-read the letters an older parser read, if there are any. A worker
        counts them: the count imports the parser (~0.1 s, not on the UI thread)."""
        if self.context.closed or self.context.read_only:
            return

        def counted(waiting: int) -> None:
            if waiting > 0 and not self.context.closed and not self.reparse_bar.running:
                self.reparse_bar.start()

        self.context.operation(letters.waiting_for_reparse).success(counted).run_in_background()

    def reparse_all(self) -> bool:
        question = self.tr(
            "Read every letter in the library again from its stored text? Your corrections "
            "stay as they are. You can keep working meanwhile."
        )
        answer = QMessageBox.question(self.window, self.tr("Re-read all letters"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.reparse_bar.start(everything=True)

    def _reparse_finished(self, _done: int, _changed: int, _stopped: bool) -> None:
        self.window.statusBar().showMessage(self.reparse_bar.last_message, 10000)
        for inspector in list(self.inspectors.values()):
            inspector.reload()
