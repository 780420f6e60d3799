"""The window follows other clerks' work: every two seconds it asks for the newest audit id
(one indexed read, ``actions.clerks.latest_change``; every change of any clerk, window or
command writes an audit row in its transaction). When it moved, the rows since say what
changed: the cases list and the reminders reload, the open case's record is read again (the
draft stays as the clerk has it; marked sent elsewhere, it turns read-only; deleted, it is
closed and the status bar says by whom), letters make the library pane reload, the profile
what follows it (the categories, the letter's signature), and a new version of the open draft
saved elsewhere is announced in ``DraftChangedBar`` (objectName ``draftChangedBar``) — the
clerk's text is never replaced underneath her; "Compare…" shows both versions.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop import timestamps
from desktop.actions import cases, clerks, drafts
from desktop.actions.clerks import Changes
from desktop.actions.server import ServerState, unreachable
from desktop.clerks import DraftConflict
from desktop.errors import ClerkError
from desktop.ui.context import AppContext

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
POLL_MS = 2000


class ChangeWatch(QObject):
    """Polls the library for changes made anywhere; ``changed(Changes)`` when there are."""

    changed = Signal(object)  # actions.clerks.Changes

    def __init__(self, context: AppContext, parent: QObject | None = None,
                 *, interval_ms: int = POLL_MS) -> None:  # fmt: skip
        super().__init__(parent)
        self.context = context
        self.seen = context.call(clerks.latest_change)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        context.closing.connect(self.timer.stop)
        self.paused = False  # the server did not answer: no polling until it does
        self.timer.start()

    def stop(self) -> None:
        """No more polls (the window closes: a closed window follows no one)."""
        self.timer.stop()

    def resume(self) -> None:
        """The server answers again: poll at once (what changed meanwhile), then as before."""
        if not self.paused or self.context.closed:
            return
        self.paused = False
        self.timer.start()
        self.poll()

    def poll(self) -> Changes | None:
        if self.context.closed:
            return None
        try:
            latest = self.context.call(clerks.latest_change)
            if latest <= self.seen:
                return None
            found = self.context.call(clerks.changes_since, self.seen)
        except ClerkError as exc:
            if unreachable(exc):
                # The server is away. Each poll on this (the window's) thread would wait for
                # the connection's timeout: the watch pauses until the status bar's probe,
                # off this thread, finds the server answering again (:meth:`resume`).
                log.info("change poll paused: the server does not answer", exc_info=True)
                self.timer.stop()
                self.paused = True
            else:  # busy for a moment: ask again at the next tick
                log.info("change poll skipped", exc_info=True)
            return None
        self.seen = found.latest
        self.changed.emit(found)
        return found


class DraftChangedBar(QFrame):
    compareRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftChangedBar")
        self.setStyleSheet(
            "#draftChangedBar { background: #e8f0fe; border: 1px solid #8ab4f8;"
            " border-radius: 3px; }"
        )
        self.label = QLabel(self)
        self.label.setObjectName("draftChangedLabel")
        self.label.setWordWrap(True)
        compare = QPushButton(self.tr("Compare…"), self)
        compare.setObjectName("draftChangedCompare")
        compare.clicked.connect(self.compareRequested)
        hide = QPushButton(self.tr("Hide"), self)
        hide.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(compare)
        layout.addWidget(hide)
        self.hide()

    def announce(self, clerk: str, version: int, saved_at: str) -> None:
        when = timestamps.local_text(saved_at, " ")[11:16]
        self.label.setText(self.tr(
            "{clerk} saved version {version} of this draft at {when}. Your text is unchanged; "
            "saving it will show both versions."
        ).format(clerk=clerk or "?", version=version, when=when))  # fmt: skip
        self.show()


class WindowWatch(QObject):
    """Connects the watch to the window: what a change elsewhere does to what it shows."""

    def __init__(self, window: MainWindow, bar: DraftChangedBar) -> None:
        super().__init__(window)
        self.window = window
        self.bar = bar
        self.watch = ChangeWatch(window.context, self)
        self.watch.changed.connect(self.apply)
        status = getattr(window, "server_status", None)  # on the office server only
        if status is not None:
            status.answered.connect(self._server_answered)
        bar.compareRequested.connect(self.compare)
        window.model.modelReset.connect(bar.hide)
        window.model.saved.connect(lambda _version: bar.hide())

    def stop(self) -> None:
        self.watch.stop()

    def _server_answered(self, state: ServerState) -> None:
        if state.reachable:
            self.watch.resume()

    def apply(self, changes: Changes) -> None:
        window = self.window
        if changes.case_ids:
            window.cases.refresh()
            window.reminder_banner.refresh()  # what is overdue or due soon, anyone's cases
        case_id = window.model.case_id
        if case_id is not None and case_id in changes.case_ids:
            case = window.context.call(cases.get, case_id)
            if case is None:
                self._deleted_elsewhere(changes, case_id)
            else:
                window.case_changed_elsewhere(case)
                self._draft_changed(case_id)
        if changes.letters:
            window.context.libraryChanged.emit()
        if changes.profile:  # the administrator's agency details, categories, templates
            window.context.profileChanged.emit()

    def _deleted_elsewhere(self, changes: Changes, case_id: int) -> None:
        """The open case was deleted by another clerk: the window closes it and says who."""
        window = self.window
        number = window.model.case.number if window.model.case is not None else str(case_id)
        who = next((e.clerk for e in reversed(changes.entries)
                    if e.action == "case.deleted" and e.case_id == case_id), "")  # fmt: skip
        window.cases.caseDeleted.emit(case_id)
        window.statusBar().showMessage(
            self.tr("Case No. {number} was deleted by {clerk}; it is closed here.").format(
                number=number, clerk=who or "?"
            )
        )

    def _draft_changed(self, case_id: int) -> None:
        revision = self.window.context.call(drafts.revision, case_id)
        if revision == self.window.model.revision:
            return
        versions = self.window.context.call(drafts.versions, case_id)
        newest = versions[-1] if versions else None
        if newest is not None:
            self.bar.announce(newest.clerk, newest.version, newest.saved_at)

    def compare(self) -> None:
        model = self.window.model
        case_id = model.case_id
        if case_id is None:
            return
        versions = self.window.context.call(drafts.versions, case_id)
        if not versions:
            return
        newest = versions[-1]
        conflict = DraftConflict(
            case_id, based_on=model.revision, revision=newest.version, clerk=newest.clerk,
            saved_at=newest.saved_at, theirs=self.window.context.call(drafts.load, case_id),
            mine=model.draft, kept=True,
        )  # fmt: skip
        from desktop.ui.draft_conflict import resolve_conflict

        if resolve_conflict(self.window, self.window.context, model, conflict) is not None:
            self.bar.hide()
