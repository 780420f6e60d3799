"""Drafts: save, autosave, list, load and restore the versions of a case's reply."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.casework import Draft
from desktop.clerks import CaseNotYours, DraftConflict
from desktop.errors import ClerkError
from desktop.library_rows import DraftVersion, PendingAutosave
from desktop.store import LibraryStore
from desktop.store.errors import DatabaseError, library_error


class VersionNotFound(ClerkError):
    def __init__(self, version: int):
        super().__init__(f"没有第 {version} 版草稿（可能已随案件删除）。")
        self.version = version


@dataclass(frozen=True)
class RestoredVersion:
    """An old version saved again as the newest: its new number and its draft."""

    version: int
    draft: Draft


def save(
    case_id: int,
    draft: Draft,
    note: str = "",
    *,
    source: str = "",
    based_on: int | None = None,
    store: LibraryStore,
) -> int:
    """Save the draft as the case's newest version and drop its working copy: the version
    number (the case's new draft revision).

    ``based_on``: the revision the clerk's text started from. When another clerk, window or
    command saved a version since, :class:`DraftConflict` is raised and the clerk's text is
    kept as the case's working copy (nothing is lost; the window shows both versions). On
    the office server a case assigned to another clerk is refused (``CaseNotYours``): the
    text is kept as this clerk's working copy too.

    On the local copy of the office server (the server did not answer at start) the draft
    waits in the data folder and goes to the server when it is back
    (desktop/server/offline.py): the number it is expected to get there.

    A library that cannot be written (the server away, a full disk, busy too long …) raises
    a ``LibraryError`` saying that the draft was not saved — or, when the connection to the
    server broke as it committed, that this cannot be known: saving again is safe (the same
    save returns the version it made)."""
    if store.read_only:
        from desktop.paths import data_dir
        from desktop.server.offline import offline_server, queue_offline_save

        if offline_server(store) is not None:
            return queue_offline_save(store, data_dir(), case_id, draft, note)
    try:
        with store.transaction():
            version = store.drafts.save(case_id, draft, note, source=source, based_on=based_on)
            store.drafts.clear_autosave(case_id)
    except DraftConflict as conflict:
        store.drafts.autosave(case_id, draft)
        raise conflict.kept_as_working_copy() from None
    except CaseNotYours as refused:  # another clerk's case on the office server
        store.drafts.autosave(case_id, draft)  # her own working copy, offered back to her alone
        raise refused.with_text_kept(
            "草稿没有保存；您的文字已留作您的工作副本，没有丢失"
        ) from None
    except DatabaseError as exc:  # the server went away, the disk is full …: nothing saved
        raise library_error(exc, "草稿没有保存") or exc from None
    return version


def revision(case_id: int, *, store: LibraryStore) -> int:
    """The case's draft revision: its newest saved version's number (0: none yet)."""
    return store.drafts.revision(case_id)


def autosave(case_id: int, draft: Draft, *, store: LibraryStore) -> None:
    """Keep the working copy (edits not saved as a version yet). A library that cannot be
    written (full, read-only, busy …) raises a ``LibraryError``."""
    try:
        store.drafts.autosave(case_id, draft)
    except DatabaseError as exc:
        raise library_error(exc, "未能保存工作副本") or exc from None


def clear_autosave(case_id: int, *, store: LibraryStore) -> None:
    try:
        store.drafts.clear_autosave(case_id)
    except DatabaseError as exc:
        raise library_error(exc, "未能删除工作副本") or exc from None


def versions(case_id: int, *, store: LibraryStore) -> list[DraftVersion]:
    """The case's saved versions, oldest first."""
    return store.drafts.versions(case_id)


def load(case_id: int, version: int | None = None, *, store: LibraryStore) -> Draft | None:
    """A saved version (the newest when ``version`` is None), or None."""
    return store.drafts.load(case_id, version)


def restore(case_id: int, version: int, *, store: LibraryStore) -> RestoredVersion:
    """Save an old version again as the newest (history stays linear: nothing is lost)."""
    try:
        new = store.drafts.restore(case_id, version)
    except KeyError:
        raise VersionNotFound(version) from None
    draft = store.drafts.load(case_id, new)
    assert draft is not None
    return RestoredVersion(new, draft)


def pending_autosaves(*, store: LibraryStore) -> list[PendingAutosave]:
    return store.drafts.pending_autosaves()
