"""Many clerks at once: who is working, who a case is assigned to, and the audit trail of who
changed what (issue 14). ``assign`` is the one function an administrator's right guards."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.casework import Case
from desktop.clerks import clean_name, current_clerk, save_clerk_name
from desktop.errors import ClerkError
from desktop.library_rows import AuditEntry
from desktop.store import LibraryStore


class CaseToAssignNotFound(ClerkError):
    def __init__(self, case_id: int):
        super().__init__(f"没有编号为 {case_id} 的案件（可能已被删除），未分派。")
        self.case_id = case_id


@dataclass(frozen=True)
class Assignment:
    case_id: int
    clerk: str
    changed: bool  # False: the case was the clerk's already

    def to_json(self) -> dict[str, object]:
        return {"case_id": self.case_id, "assignee": self.clerk, "changed": self.changed}


@dataclass(frozen=True)
class Changes:
    """What changed in the library since ``after`` (another clerk's work or one's own):
    the newest audit id, the cases touched and whether letters or the profile changed."""

    latest: int
    case_ids: frozenset[int]
    drafts_of: frozenset[int]  # cases whose draft got a new version
    letters: bool
    profile: bool
    entries: tuple[AuditEntry, ...]


def assign(case_id: int, clerk: str, *, store: LibraryStore) -> Assignment:
    """Give a case to a clerk ("" = to nobody)."""
    name = clean_name(clerk)
    try:
        changed = store.cases.assign(case_id, name)
    except KeyError:
        raise CaseToAssignNotFound(case_id) from None
    return Assignment(case_id, name, changed)


def assignees(*, store: LibraryStore) -> list[str]:
    """Clerks cases are assigned to, with the clerk at this PC (on the office server: with
    its login accounts), each once, sorted: the cases filter offers them."""
    return sorted({*store.cases.assignees(), *store.cases.accounts(), store.clerk})


def assignable(*, store: LibraryStore) -> list[str]:
    """Whom a case can be assigned to: on the office server its clerks' and administrators'
    login accounts (a name that is no login would give the case to nobody who can work on
    it); in a library file the names cases carry and the clerk at this PC."""
    return store.cases.accounts() or assignees(store=store)


def mine(cases: list[Case], clerk: str) -> list[Case]:
    """The cases assigned to ``clerk`` (我的案件)."""
    return [c for c in cases if c.assignee == clerk]


def whoami(*, store: LibraryStore) -> str:
    return store.clerk


def set_clerk_name(name: str, *, store: LibraryStore | None = None) -> str:
    """Set this PC's (this login's) 经办人; "" goes back to the login name. The open store
    records its next changes under the new name. Returns the name now in force."""
    save_clerk_name(name)
    now = current_clerk()
    if store is not None:
        store.clerk = now
    return now


def audit(
    *,
    case_id: int | None = None,
    letter_id: int | None = None,
    limit: int | None = None,
    store: LibraryStore,
) -> list[AuditEntry]:
    """Who changed what and when, newest first (of one case or one letter when given)."""
    return store.audit.entries(case_id=case_id, letter_id=letter_id, limit=limit)


def latest_change(*, store: LibraryStore) -> int:
    """The newest audit id: a window polls it (one indexed read) to notice others' work."""
    return store.audit.latest_id()


def changes_since(after: int, *, store: LibraryStore) -> Changes:
    """What changed after the audit id ``after`` (at most 1,000 rows; more means "a lot":
    the caller reloads everything)."""
    rows = tuple(store.audit.entries(after=after, limit=1000))
    latest = rows[-1].id if rows else after
    return Changes(
        latest=latest,
        case_ids=frozenset(r.case_id for r in rows if r.case_id is not None),
        drafts_of=frozenset(r.case_id for r in rows if r.target == "draft" and r.case_id),
        letters=any(r.target == "letter" for r in rows),
        profile=any(r.target == "profile" for r in rows),
        entries=rows,
    )


def may_administer(*, store: LibraryStore) -> bool:
    """Whether the account may assign cases, delete letters and cases and set the agency's
    profile (a clerk's account on the office server may not: the window does not offer it)."""
    return store.may_administer()
