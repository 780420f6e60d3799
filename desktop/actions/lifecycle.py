"""A case's lifecycle (issue 13): its dated status history, the co-organizers' opinions on a
main-organizer case, and the deputy's or member's feedback. The window and the command line
call these; the moves themselves are :func:`desktop.actions.cases.set_status`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop.actions.cases import CaseNotFound, check_change_date, enter_redo
from desktop.casework import Case
from desktop.import_steps import ImportResult, PreparedFile, prepare_file, store_prepared
from desktop.lifecycle import (
    ANSWERED,
    FEEDBACK,
    STATUSES,
    OpinionState,
    StatusError,
    allowed_moves,
    normalize_feedback,
    opinion_states,
    status_zh,
)
from desktop.store import LibraryStore
from desktop.store.case_lifecycle import FeedbackRow, StatusChange


@dataclass(frozen=True)
class CaseLifecycle:
    """Everything the lifecycle view of one case shows."""

    case: Case
    round: int
    history: list[StatusChange]
    moves: tuple[str, ...]  # the statuses it may move to now
    opinions: list[OpinionState]  # main-organizer cases: one per co-organizer
    feedback: list[FeedbackRow]  # one per answered round that got an answer
    letters: dict[int, int]  # {round: library letter of that round's reply}

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.case.id,
            "number": self.case.number,
            "status": self.case.status,
            "status_zh": status_zh(self.case.status),
            "round": self.round,
            "moves": list(self.moves),
            "history": [history_json(h) for h in self.history],
            "opinions": [o.to_json() for o in self.opinions],
            "feedback": [feedback_json(f) for f in self.feedback],
            "letters": {str(k): v for k, v in self.letters.items()},
        }


def history_json(change: StatusChange) -> dict[str, object]:
    return {
        "status": change.status,
        "status_zh": status_zh(change.status),
        "previous": change.previous,
        "date": change.date,
        "round": change.round,
        "note": change.note,
    }


def feedback_json(row: FeedbackRow) -> dict[str, object]:
    return {
        "round": row.round,
        "answer": row.answer,
        "answer_zh": FEEDBACK[row.answer],
        "date": row.date,
        "remarks": row.remarks,
    }


def _case(case_id: int, store: LibraryStore) -> Case:
    case = store.cases.get(case_id)
    if case is None:
        raise CaseNotFound(case_id)
    return case


def lifecycle(case_id: int, *, store: LibraryStore, today: dt.date | None = None) -> CaseLifecycle:
    """The case's history, allowed moves, opinions (as of ``today``), feedback and letters."""
    case = _case(case_id, store)
    return CaseLifecycle(
        case=case,
        round=store.case_history.current_round(case_id),
        history=store.case_history.of_case(case_id),
        moves=allowed_moves(case.status),
        opinions=opinions(case, store=store, today=today),
        feedback=store.feedback.of_case(case_id),
        letters=store.case_letters.rounds_of(case_id),
    )


def history(case_id: int, *, store: LibraryStore) -> list[StatusChange]:
    _case(case_id, store)
    return store.case_history.of_case(case_id)


# ------------------------------------------------------------------------- opinions


def opinions(
    case: Case, *, store: LibraryStore, today: dt.date | None = None
) -> list[OpinionState]:
    """The co-organizers' opinions of a main-organizer case: expected by assignment + the
    profile's co-organizer months, received, or overdue as of ``today``. [] for a
    co-organizer case (it writes an opinion; it does not collect them)."""
    if case.organizer != "main" or case.id is None:
        return []
    profile = store.profile.load()
    return opinion_states(
        case.co_organizers,
        case.assigned_date,
        store.opinions.of_case(case.id),
        co_months=profile.co_due_months,
        today=today or dt.date.today(),
    )


@dataclass(frozen=True)
class RecordedOpinionResult:
    case_id: int
    unit: str
    received: str | None
    letter_id: int | None  # the opinion letter as imported into the library
    letter_created: bool  # False: the file was in the library already (linked)


class OpinionLetterError(StatusError):
    """The opinion letter could not be imported (unreadable file …): nothing was recorded."""


def record_opinion(
    case_id: int,
    unit: str,
    *,
    store: LibraryStore,
    received: str | None = None,
    letter: Path | None = None,
    remarks: str | None = None,
) -> RecordedOpinionResult:
    """Record a co-organizer's opinion on a main-organizer case: received on ``received``
    (ISO; None = still expected), with its letter imported into the library as a reply by a
    co-organizer (kind reply, addressed to the main organizer, the unit as agency and
    co-organizer, the case's number, title and session) and linked to the case (received
    today when no date is given). A date recorded before is kept when none is given. The
    file is read before anything is written; the letter and the opinion are stored in one
    transaction, or neither."""
    case = _case(case_id, store)
    unit = unit.strip()
    _check_unit(case, unit)
    prepared = _prepared(letter) if letter is not None else None
    if prepared is not None and received is None:
        # the letter is here: received today, unless a date was recorded before
        known = {o.unit: o.received for o in store.opinions.of_case(case_id)}
        received = known.get(unit) or dt.date.today().isoformat()
    letter_id: int | None = None
    created = False
    with store.transaction():
        if prepared is not None:
            letter_id, created = _store_opinion_letter(store, prepared, case, unit)
        store.opinions.record(case_id, unit, received=received, letter_id=letter_id,
                              remarks=remarks)  # fmt: skip
    return RecordedOpinionResult(case_id, unit, received, letter_id, created)


def _check_unit(case: Case, unit: str) -> None:
    if case.organizer != "main":
        raise StatusError(
            f"第{case.number}号案件本单位是协办单位，不收集协办意见；"
            "协办案件请起草会办意见（答复）寄给主办单位。"
        )
    if unit not in case.co_organizers:
        listed = "、".join(case.co_organizers) or "（未填写协办单位）"
        raise StatusError(
            f"“{unit}”不是第{case.number}号案件的协办单位（本案协办单位：{listed}）。"
            "请先在案件中填写协办单位。未作任何修改。"
        )


def _prepared(path: Path) -> PreparedFile:
    prepared = prepare_file(path, None)
    if isinstance(prepared, ImportResult):
        raise OpinionLetterError(f"协办意见函未能导入：{prepared.message or prepared.path}。"
                                 "未作任何修改。")  # fmt: skip
    return prepared


def _store_opinion_letter(
    store: LibraryStore, prepared: PreparedFile, case: Case, unit: str
) -> tuple[int, bool]:
    result = store_prepared(store, prepared)
    if result.letter_id is None:
        raise OpinionLetterError(f"协办意见函未能导入：{result.message}。未作任何修改。")
    main = case.main_organizer or store.profile.load().agency_name
    # The letter is what the co-organizer wrote to us, the main organizer: the case says
    # who, about what; the reader's guesses for these fields give way to it.
    store.letters.edit(
        result.letter_id,
        kind="reply",
        fields={
            "addressee": [main],
            "addressee_role": "单位",
            "agency": unit,
            "main_organizer": main,
            "co_organizers": [unit],
            "proposal_number": case.number,
            "proposal_title": case.title,
            "session": case.session or None,
        },
    )
    return result.letter_id, result.status == "imported"


# ------------------------------------------------------------------------- feedback


@dataclass(frozen=True)
class RecordedFeedback:
    case_id: int
    number: str
    round: int
    answer: str
    status: str  # the case's status after it: closed (满意/基本满意) or redo (不满意)

    def to_json(self) -> dict[str, object]:
        return {
            "case_id": self.case_id,
            "number": self.number,
            "round": self.round,
            "answer": self.answer,
            "answer_zh": FEEDBACK[self.answer],
            "status": self.status,
            "status_zh": STATUSES[self.status],
        }


def record_feedback(
    case_id: int,
    answer: str,
    *,
    store: LibraryStore,
    date: str | None = None,
    remarks: str = "",
) -> RecordedFeedback:
    """Record the deputy's or member's answer (满意 / 基本满意 / 不满意) on the current round's
    reply, dated ``date`` (today by default). The case must have been answered (已答复 or
    已办结). 满意 or 基本满意 closes an answered case (已办结); 不满意 reopens it for a second
    reply (重新办理, the next round) — the first reply stays in the library. One
    transaction."""
    key = normalize_feedback(answer)
    case = _case(case_id, store)
    if case.status not in ANSWERED:
        raise StatusError(
            f"第{case.number}号案件现在是“{status_zh(case.status)}”，还没有答复，不能记录反馈。"
            "未作任何修改。"
        )
    day = date or dt.date.today().isoformat()
    with store.transaction():
        check_change_date(case_id, day, store)
        round_ = store.case_history.current_round(case_id)
        store.feedback.record(case_id, round_, key, date=day, remarks=remarks.strip())
        note = f"反馈：{FEEDBACK[key]}"
        if key == "unsatisfied":
            enter_redo(case_id, store=store, date=day, note=note)
        elif case.status == "sent":
            store.cases.set_status(case_id, "closed", date=day, note=note)
        status = store.cases.status_of(case_id) or case.status
    return RecordedFeedback(case_id, case.number, round_, key, status)


__all__ = [
    "CaseLifecycle",
    "CaseStanding",
    "OpinionLetterError",
    "RecordedFeedback",
    "RecordedOpinionResult",
    "feedback_json",
    "history",
    "history_json",
    "lifecycle",
    "opinions",
    "record_feedback",
    "record_opinion",
    "standings",
]


# ------------------------------------------------------------------------- overview


@dataclass(frozen=True)
class CaseStanding:
    """Where one case stands, for lists and reports (:func:`standings`)."""

    case_id: int
    round: int
    first_sent: str | None  # the date the first reply went out (已答复, round 1)
    feedback: FeedbackRow | None  # on the newest answered round
    opinions: list[OpinionState]  # main-organizer cases: one per co-organizer

    def to_json(self) -> dict[str, object]:
        return {
            "round": self.round,
            "first_sent": self.first_sent,
            "feedback": feedback_json(self.feedback) if self.feedback else None,
            "opinions": [o.to_json() for o in self.opinions],
        }


def standings(
    case_list: list[Case], *, store: LibraryStore, today: dt.date | None = None
) -> dict[int, CaseStanding]:
    """{case id: its round, first sent date, latest feedback, opinions} for ``case_list``,
    read with one query per table (not per case)."""
    rounds = store.case_history.rounds()
    first_sent = store.case_history.first_sent_dates()
    feedback = store.feedback.latest_by_case()
    recorded = store.opinions.by_case()
    co_months = store.profile.load().co_due_months
    day = today or dt.date.today()
    out: dict[int, CaseStanding] = {}
    for case in case_list:
        if case.id is None:
            continue
        states: list[OpinionState] = []
        if case.organizer == "main":
            states = opinion_states(
                case.co_organizers, case.assigned_date, recorded.get(case.id, []),
                co_months=co_months, today=day,
            )  # fmt: skip
        out[case.id] = CaseStanding(case.id, rounds.get(case.id, 1), first_sent.get(case.id),
                                    feedback.get(case.id), states)  # fmt: skip
    return out
