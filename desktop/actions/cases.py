"""Cases: create, change, list and open the suggestions and proposals being answered."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.casework import Case, CaseExists, Draft
from desktop.errors import ClerkError
from desktop.lifecycle import StatusError, check_move, normalize_status
from desktop.sent_letter import has_body, joins_library, sent_letter
from desktop.store import LibraryStore
from desktop.store.case_letters import FiledReply

if TYPE_CHECKING:
    # Composing is imported when a reply is filed: the window imports this module at start.
    from desktop.reply_templates import ReplyTemplates

LAST_CASE_KEY = "last_open_case"  # library meta: the case reopened at the next start


class CaseNotFound(ClerkError):
    def __init__(self, case_id: int):
        super().__init__(f"没有编号为 {case_id} 的案件（可能已被删除）。")
        self.case_id = case_id


class CaseChangedElsewhere(ClerkError):
    """The case was changed (by another clerk, window or command) after the clerk opened it:
    nothing was saved; ``current`` is the case as it is now."""

    def __init__(self, current: Case, clerk: str, at: str):
        from desktop.timestamps import local_text

        when = local_text(at, " ")[:16] if at else ""
        who = clerk or "另一位经办人"
        super().__init__(
            f"案件没有保存：{who}于 {when} 修改了第{current.number}号案件，是在您打开它之后。"
        )
        self.current = current
        self.clerk = who
        self.at = at


class NothingToFile(ClerkError):
    """A case marked sent whose reply cannot join the library: no draft, or an empty one."""


@dataclass(frozen=True)
class SentReply:
    """A case marked sent and its reply as it now stands in the library."""

    case_id: int
    number: str
    letter_id: int
    created: bool  # False: the case's letter from an earlier marking was updated
    paragraphs: int
    shared: int  # paragraphs stored once and standing in other letters too (reused)

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class OpenedCase:
    """A case as the composer opens it: the draft to show and where it came from."""

    case: Case
    draft: Draft | None
    recovered: bool  # the draft is a working copy not saved as a version
    after_crash: bool | None  # None: not asked (the caller says); False: left by a switch
    revision: int = 0  # the case's draft revision when opened: the next save is based on it


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


@dataclass(frozen=True)
class SavedCase:
    case_id: int
    sent: SentReply | None  # saved as sent: its reply as filed in the library


def save(
    case: Case,
    *,
    store: LibraryStore,
    templates: ReplyTemplates | None = None,
    today: dt.date | None = None,
) -> int:
    """Create the case (no id) or change it; a new case whose session and number are taken
    raises :class:`CaseExists`. A case saved as sent files its reply (:func:`save_case`)."""
    return save_case(case, store=store, templates=templates, today=today).case_id


def save_case(
    case: Case,
    *,
    store: LibraryStore,
    templates: ReplyTemplates | None = None,
    today: dt.date | None = None,
    based_on: Case | None = None,
) -> SavedCase:
    """Save the case; one saved as sent (the case dialog's status) files its reply in the
    library in the same transaction (:func:`mark_sent`): both are kept, or neither.
    ``based_on``: the case as the clerk opened it; when it was changed since (another clerk's
    status, fields …), nothing is saved and :class:`CaseChangedElsewhere` says who did it."""
    with store.transaction():
        if based_on is not None and case.id is not None:
            _check_unchanged(case.id, based_on, store)
        _check_saved_status(case, store)
        case_id = store.cases.save(case)
        if not joins_library(case.status):
            return SavedCase(case_id, None)
        filed = _file_reply(case, store, templates, today)
    return SavedCase(case_id, _sent(case, filed))


def _check_unchanged(case_id: int, based_on: Case, store: LibraryStore) -> None:
    """The stored case (its row held until the save ends) is still the one the clerk opened;
    the assignee is left out (assigning is the administrator's, and a save keeps it)."""
    current = store.cases.hold(case_id)
    if current is None:
        raise CaseNotFound(case_id)
    if dataclasses.replace(current, assignee="") == dataclasses.replace(based_on, assignee=""):
        return
    last = [e for e in store.audit.entries(case_id=case_id, limit=50) if e.target == "case"]
    raise CaseChangedElsewhere(current, last[0].clerk if last else "", last[0].at if last else "")


def _check_saved_status(case: Case, store: LibraryStore) -> None:
    """A case saved with another status than the stored one makes an allowed move; a new
    case may start anywhere but at 重新办理 (there was no first answer)."""
    before = store.cases.status_of(case.id) if case.id is not None else None
    if before is None:
        if case.status == "redo":
            raise StatusError("新案件不能从“重新办理”开始：重新办理是对已答复案件的再次办理。")
        return
    if before != case.status:
        check_move(before, case.status)


def set_status(
    case_id: int,
    status: str,
    *,
    store: LibraryStore,
    templates: ReplyTemplates | None = None,
    today: dt.date | None = None,
    date: str | None = None,
    note: str = "",
) -> SentReply | None:
    """Move the case to ``status`` (an id, its Chinese name, or an old id), dated ``date``
    (ISO; today by default), if :data:`desktop.lifecycle.TRANSITIONS` allows the move —
    else :class:`StatusError` and nothing changes. Marking it sent files its reply
    (:func:`mark_sent`, also when it is sent already: the letter is updated); entering
    重新办理 starts the next round (:func:`enter_redo`); any other status leaves the library
    letter where it is. The same status again changes nothing."""
    status = normalize_status(status)
    current = store.cases.status_of(case_id)
    if current is None:
        raise CaseNotFound(case_id)
    if joins_library(status):
        day = dt.date.fromisoformat(date) if date else today
        return mark_sent(case_id, store=store, templates=templates, today=day, status=status,
                         date=date)  # fmt: skip
    if current == status:
        return None
    check_move(current, status)
    with store.transaction():
        check_change_date(case_id, date, store)
        if status == "redo":
            enter_redo(case_id, store=store, date=date, note=note)
        else:
            store.cases.set_status(case_id, status, date=date, note=note)
    return None


def enter_redo(case_id: int, *, store: LibraryStore, date: str | None, note: str = "") -> None:
    """The answer was not satisfactory: the case is 重新办理, its next round begins. The
    first answer's reply date and document number belong to the reply already filed in the
    library (kept there); the case forgets them, so the second reply gets its own."""
    case = store.cases.get(case_id)
    if case is None:
        raise CaseNotFound(case_id)
    check_move(case.status, "redo")
    case.status, case.reply_date, case.doc_number = "redo", None, ""
    store.cases.save(case, status_date=date, status_note=note)


def check_change_date(case_id: int, date: str | None, store: LibraryStore) -> None:
    """A change is not dated before the case's previous one: the history stays in order."""
    last = store.case_history.last(case_id)
    if date and last is not None and date < last.date:
        raise StatusError(
            f"日期 {date} 早于上一次状态变更（{last.date}），状态变更须按时间先后记录。"
            "未作任何修改。"
        )


def mark_sent(
    case_id: int,
    *,
    store: LibraryStore,
    templates: ReplyTemplates | None = None,
    today: dt.date | None = None,
    status: str = "sent",
    date: str | None = None,
) -> SentReply:
    """Mark the case sent (已答复) and file its final reply — the newest saved draft, composed
    as the export composes it — as a library letter: kind reply, the case's fields, the
    draft's sections, ``case_id`` its provenance. Marked again, the same letter is updated.
    One transaction: the status and the letter change together, or nothing does.
    ``today`` is the reply date when the case has none (the day it was marked); ``date`` the
    date of the status change (today by default). Each round (after 重新办理) files its own
    letter: the first round's stays as it was."""
    with store.transaction():
        case = store.cases.get(case_id)
        if case is None:
            raise CaseNotFound(case_id)
        if case.status != status:
            check_move(case.status, status)
        check_change_date(case_id, date, store)
        filed = _file_reply(case, store, templates, today)
        store.cases.set_status(case_id, status, date=date)
    return _sent(case, filed)


def _sent(case: Case, filed: FiledReply) -> SentReply:
    assert case.id is not None
    return SentReply(case.id, case.number, filed.letter_id, filed.created, filed.paragraphs,
                     filed.shared)  # fmt: skip


def _file_reply(
    case: Case, store: LibraryStore, templates: ReplyTemplates | None, today: dt.date | None
) -> FiledReply:
    assert case.id is not None
    draft = store.drafts.load(case.id)
    if draft is None:
        raise NothingToFile(
            f"第{case.number}号案件还没有保存过答复草稿，不能标记为已答复：请先起草并保存答复。"
        )
    from desktop.compose import compose
    from desktop.reply_templates import ReplyTemplates
    from desktop.understand import PARSER_VERSION

    profile = store.profile.load()
    comp = compose(case, profile, draft, templates=templates or ReplyTemplates(), today=today)
    if not has_body(draft, comp):
        raise NothingToFile(
            f"第{case.number}号案件的答复草稿是空的（只有模板的开头和结尾），不能标记为已答复："
            "请先写好答复正文并保存。"
        )
    letter = sent_letter(case, comp, profile, sample_profile=store.profile.is_sample())
    round_ = store.case_history.current_round(case.id)
    return store.case_letters.file_reply(case.id, letter, parser_version=PARSER_VERSION,
                                         round_=round_)  # fmt: skip


def library_letters(*, store: LibraryStore) -> dict[int, int]:
    """{case id: library letter id} of every case whose reply was filed."""
    return store.case_letters.by_case()


def library_letter(case_id: int, *, store: LibraryStore) -> int | None:
    """The library letter of the case's reply (filed when it was marked sent), if any."""
    return store.case_letters.of_case(case_id)


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
    # The revision before the draft: a save in between makes the next save a conflict shown
    # to the clerk (never a silent overwrite of the version she did not see).
    revision = store.drafts.revision(case_id)
    draft = store.drafts.autosave_of(case_id)
    opened = OpenedCase(case, draft, True, False, revision)
    if draft is None:
        opened = OpenedCase(case, store.drafts.load(case_id), False, None, revision)
    if not store.read_only:  # a read-only library (a local copy of the server) cannot keep it
        store.set_meta(last_case_key(store.clerk), str(case_id))
    return opened


def last_case_key(clerk: str) -> str:
    """The library meta key of the case a clerk had open last: each clerk's own (a library
    on a server has many; one clerk's start must not open the case another was working on)."""
    return f"{LAST_CASE_KEY}:{clerk}"


def last_open(*, store: LibraryStore) -> int | None:
    """The case this clerk had open when ReplyDesk last closed, if it is still there (a PC
    library from before it was kept per clerk: the one it kept)."""
    raw = store.get_meta(last_case_key(store.clerk))
    if raw is None and store.engine == "sqlite":
        raw = store.get_meta(LAST_CASE_KEY)
    if not raw or not raw.isdigit() or store.cases.get(int(raw)) is None:
        return None
    return int(raw)


__all__ = [
    "LAST_CASE_KEY",
    "CaseChangedElsewhere",
    "CaseExists",
    "CaseNotFound",
    "DeletedCase",
    "NothingToFile",
    "OpenedCase",
    "SavedCase",
    "SentReply",
    "blank_copy",
    "copy_draft",
    "delete",
    "duplicate_of",
    "enter_redo",
    "get",
    "last_case_key",
    "last_open",
    "library_letter",
    "library_letters",
    "listing",
    "mark_sent",
    "open_case",
    "save",
    "save_case",
    "sessions",
    "set_status",
    "version_count",
]
