"""The one family of errors a clerk causes or can fix.

Every use case (``desktop.actions``) and the rooms below it raise a :class:`ClerkError` (or a
subclass) when the clerk's input or situation is the cause: a bad or locked file, a template
typo, a full disk, a library on a read-only stick. ``message`` is one line of plain Chinese
that says what happened and, where possible, what to do; it is shown as is — printed by the
CLI (exit code 2), put in a message box by the window. Anything else that escapes is a
programmer's error: logged with its traceback and shown with a way to copy the details.
"""

from __future__ import annotations

__all__ = ["ClerkError"]


class ClerkError(Exception):
    """A problem the clerk can understand and act on; ``message`` is plain Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
