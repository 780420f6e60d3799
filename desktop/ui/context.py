"""What every pane shares: the library, the templates, and the "something changed" signals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.profile import AgencyProfile
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.operations import Operation


class AppContext(QObject):
    libraryChanged = Signal()  # letters were imported or removed
    caseChanged = Signal(int)  # a case record was created or edited
    profileChanged = Signal()  # the agency profile or templates changed
    closing = Signal()  # the library is about to close: stop timers that would read it

    def __init__(
        self,
        db_path: Path,
        *,
        templates: ReplyTemplates | None = None,
        store: LibraryStore | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.store = store or LibraryStore(self.db_path)  # the UI thread's connection
        self.templates = templates or ReplyTemplates()
        self.closed = False

    def profile(self) -> AgencyProfile:
        return self.store.profile.load()

    def operation(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Operation:
        """An operation whose ``store`` parameter gets its own connection in the worker."""
        return Operation(fn, *args, db_path=self.db_path, **kwargs)

    def close(self) -> None:
        self.closing.emit()
        self.closed = True
        self.store.close()
