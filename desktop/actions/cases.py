"""Cases: create, change, list and open the suggestions and proposals being answered."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from desktop.casework import Case, CaseExists, Draft
from desktop.errors import ClerkError
from desktop.store import LibraryStore

LAST_CASE_KEY = "last_open_case"  # library meta: the case reopened at the next start


class CaseNotFound(ClerkError):
    def __init__(self, case_id: int):
        super().__init__(f"没有编号为 {case_id} 的案件（可能已被删除）。")
        self.case_id = case_id


@dataclass(frozen=True)
class OpenedCase:
    """A case as the composer opens it: the draft to show and where it came from."""

    case: Case
    draft: Draft | None
    recovered: bool  # the draft is a working copy not saved as a version
    after_crash: bool | None  # None: not asked (the caller says); False: left by a switch


@dataclass(frozen=True)
class DeletedCase:
    case_id: int
    deleted: bool


def get(case_id: int, *, store: LibraryStore) -> Case | None:
    return store.cases.get(case_id)


def listing(*, store: LibraryStore) -> list[Case]:
    """Every case, the soonest due first."""
    return store.cases.all()


def sessions(*, store: LibraryStore) -> list[str]:
    """The sessions (届次会议) cases were filed under, sorted: what the case dialog offers."""
    return store.cases.sessions()


def duplicate_of(
    session: str, number: str, own_id: int | None = None, *, store: LibraryStore
) -> int | None:
    """The id of another case (not ``own_id``) with this session and number, if any."""
    found = store.cases.find(session, number)
    return None if found is None or found == own_id else found


def save(case: Case, *, store: LibraryStore) -> int:
    """Create the case (no id) or change it; a new case whose session and number are taken
    raises :class:`CaseExists`."""
    return store.cases.save(case)


def set_status(case_id: int, status: str, *, store: LibraryStore) -> None:
    try:
        store.cases.set_status(case_id, status)
    except KeyError:
        raise CaseNotFound(case_id) from None


def version_count(case_id: int, *, store: LibraryStore) -> int:
    return len(store.drafts.versions(case_id))


def delete(case_id: int, *, store: LibraryStore) -> DeletedCase:
    """Delete a case with its draft versions and working copy."""
    return DeletedCase(case_id, store.cases.delete(case_id))


def copy_draft(from_case: int, to_case: int, note: str, *, store: LibraryStore) -> int | None:
    """A duplicated case starts from the newest draft of the one it was copied from:
    the new version's number, or None when there was no draft."""
    draft = store.drafts.load(from_case)
    if draft is None:
        return None
    return store.drafts.save(to_case, draft, note=note, source="copy")


def blank_copy(case: Case) -> Case:
    """The fields of ``case`` for a new one: no id, number, document number; drafting."""
    return dataclasses.replace(case, id=None, number="", status="drafting", doc_number="")


def open_case(case_id: int, *, store: LibraryStore) -> OpenedCase | None:
    """The case with the draft to show: the working copy left when the clerk switched to
    another case (as it was), else the newest saved version. The case is remembered as the
    one to reopen at the next start."""
    case = store.cases.get(case_id)
    if case is None:
        return None
    draft = store.drafts.autosave_of(case_id)
    opened = OpenedCase(case, draft, True, False)
    if draft is None:
        opened = OpenedCase(case, store.drafts.load(case_id), False, None)
    store.set_meta(LAST_CASE_KEY, str(case_id))
    return opened


def last_open(*, store: LibraryStore) -> int | None:
    """The case that was open when ReplyDesk last closed, if it is still there."""
    raw = store.get_meta(LAST_CASE_KEY)
    if not raw or not raw.isdigit() or store.cases.get(int(raw)) is None:
        return None
    return int(raw)


__all__ = [
    "LAST_CASE_KEY",
    "CaseExists",
    "CaseNotFound",
    "DeletedCase",
    "OpenedCase",
    "blank_copy",
    "copy_draft",
    "delete",
    "duplicate_of",
    "get",
    "last_open",
    "listing",
    "open_case",
    "save",
    "sessions",
    "set_status",
    "version_count",
]
