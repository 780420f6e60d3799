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

from desktop.errors import ClerkError
from desktop.profile import AgencyProfile
from desktop.store import LibraryStore
from desktop.store.engine import (
    Location,
    checked_location,
    default_location,
    from_environment,
    is_server,
    location_from,
    shown,
)
from desktop.ui.operations import Operation, told_to_clerk

if TYPE_CHECKING:
    from desktop.reply_templates import ReplyTemplates

T = TypeVar("T")
__all__ = ["AppContext", "checked_location", "library_location", "location_from", "shown"]


def library_location(setting: object = None) -> Location:
    """The library the window opens: ``$REPLYDESK_DB``, else the location chosen in Settings
    (``setting``: a file, or a server's ``postgresql://`` URL), else ``library.db`` in the
    user data folder."""
    chosen = location_from(str(setting)) if setting else None
    return from_environment() or chosen or default_location()


def location_from_environment() -> str | None:
    """``$REPLYDESK_DB`` as the clerk may read it (None: not set)."""
    found = from_environment()
    return shown(found) if found is not None else None


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
        location: Path | str,
        *,
        templates: ReplyTemplates | None = None,
        store: LibraryStore | None = None,
    ) -> None:
        super().__init__()
        self.location = location
        # A library on a server (PostgreSQL) has no file: no backups, no file check here.
        self.on_server = is_server(location)
        self.db_path: Path | None = None if self.on_server else Path(location)
        self.store = store or LibraryStore(location)  # the UI thread's connection
        self._templates = templates
        self.closed = False

    # The server whose local copy this window reads, read-only: it did not answer at start
    # (desktop/server/offline.py); None on the server itself or on a library file.
    offline_from: str | None = None

    @property
    def server_url(self) -> str | None:
        """The office server's address when the library is on one, or is its local copy (the
        status bar asks whether it answers: desktop/ui/server_status.py), else None."""
        if self.offline_from is not None:
            return self.offline_from
        return str(self.store.location) if self.store.engine == "postgresql" else None

    @classmethod
    def open_offline(cls, location: Path | str, problem: ClerkError) -> AppContext | None:
        """The local copy of the server at ``location``, read-only, when ``problem`` (from
        :meth:`open`) says the server cannot be reached and a copy of it is in the data
        folder; else None."""
        from desktop.actions.server import local_copy
        from desktop.paths import data_dir
        from desktop.store.errors import LibraryUnreachable

        if not is_server(location) or not isinstance(problem, LibraryUnreachable):
            return None
        copy = local_copy(str(location), data_dir())
        if copy is None:
            return None
        context = cls(copy, store=LibraryStore(copy, read_only=True))
        context.offline_from = str(location)
        return context

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
    def open(cls, location: Path | str) -> AppContext:
        """Open the library for the window. Raises ``LibraryError`` (damaged, newer, a server
        that cannot be reached …)."""
        return cls(location, store=LibraryStore(location))

    @property
    def shown_location(self) -> str:
        """Where the library is, as the clerk may read it (a URL without its password)."""
        return shown(self.location)

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
        ``ui/errors.py``); so does a library's error the clerk can do something about (the
        server went away …), as the store's ``LibraryError`` (``told_to_clerk``)."""
        try:
            return action(*args, store=self.store, **kwargs)
        except Exception as exc:
            told = told_to_clerk(exc)
            if told is exc:
                raise
            raise told from exc

    def profile(self) -> AgencyProfile:
        from desktop.actions import profile

        return self.call(profile.load)

    def operation(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Operation:
        """An operation whose ``store`` parameter gets its own connection in the worker."""
        return Operation(fn, *args, db_path=self.location, **kwargs)

    def close(self) -> None:
        self.closing.emit()
        self.closed = True
        self.store.close()
