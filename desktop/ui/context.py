"""What every pane shares: the library, the templates, and the "something changed" signals.

The window reaches the library only through here: :meth:`AppContext.call` runs an action
(``desktop.actions``) on the UI thread's connection (quick reads and small writes), and
:meth:`AppContext.operation` runs one in a worker thread on a connection of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.profile import AgencyProfile
from desktop.store import LibraryStore
from desktop.ui.operations import Operation

if TYPE_CHECKING:
    from desktop.reply_templates import ReplyTemplates

T = TypeVar("T")


class AppContext(QObject):
    libraryChanged = Signal()  # letters were imported or removed
    caseChanged = Signal(int)  # a case record was created or edited
    # (case id, new status) about to be stored: the window saves the open draft first, so a
    # case marked sent files what the clerk typed
    caseStatusChanging = Signal(int, str)
    replyFiled = Signal(int, int, bool)  # a sent case's reply is in the library: case, letter, new
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
        self._templates = templates
        self.closed = False

    @property
    def server_url(self) -> str | None:
        """The office server's address when the library is on one (the status bar asks
        whether it answers: desktop/ui/server_status.py), else None."""
        return str(self.store.location) if self.store.engine == "postgresql" else None

    @property
    def templates(self) -> ReplyTemplates:
        """The reply templates, made when first asked for: jinja2 is not imported while the
        window starts."""
        if self._templates is None:
            from desktop.reply_templates import ReplyTemplates

            self._templates = ReplyTemplates()
        return self._templates

    @templates.setter
    def templates(self, templates: ReplyTemplates) -> None:
        self._templates = templates

    @classmethod
    def open(cls, db_path: Path) -> AppContext:
        """Open the library for the window. Raises ``LibraryError`` (damaged, newer, …)."""
        return cls(db_path, store=LibraryStore(db_path))

    def set_write_wait(self, seconds: float) -> None:
        """How long the UI thread's writes wait for another program's write before they say
        the library is busy."""
        self.store.set_write_wait(seconds)

    @property
    def read_only(self) -> bool:
        """The library is on a read-only medium: it can be read, not changed."""
        return bool(self.store.read_only)

    def call(self, action: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``action`` on the UI thread's library: ``action(*args, store=…, **kwargs)``.
        A ``ClerkError`` it raises goes to the caller (or, uncaught, to the message box of
        ``ui/errors.py``)."""
        return action(*args, store=self.store, **kwargs)

    def profile(self) -> AgencyProfile:
        from desktop.actions import profile

        return self.call(profile.load)

    def operation(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Operation:
        """An operation whose ``store`` parameter gets its own connection in the worker."""
        return Operation(fn, *args, db_path=self.db_path, **kwargs)

    def close(self) -> None:
        self.closing.emit()
        self.closed = True
        self.store.close()
