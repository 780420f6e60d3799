"""Where a case stands (issue 13): its statuses, the moves between them, the deadlines of its
organizer role, the co-organizers' opinions and the deputy's or member's feedback. Qt-free
values and rules; the store keeps the dated history (:mod:`desktop.store.case_lifecycle`).

Statuses are stored as English ids and shown in Chinese (:data:`STATUSES`)::

    pending 待办 → drafting 起草中 → review 待审核 → signoff 待签发 → sent 已答复 → closed 已办结
                                                                        ↘ redo 重新办理 (round 2)

The moves the clerk may make — the one place they are written (:data:`TRANSITIONS`):

- **forward** along the chain, one step or several (a small office has no review step, and a
  status entered late is recorded late: 起草中 → 已答复 at once is allowed, as ``case sent``
  always was);
- **back** from 起草中, 待审核 or 待签发 to an earlier working status (the draft came back from
  review or sign-off: 待审核 → 起草中), and from 已答复 to 待签发 (marked sent by mistake; the
  reply already filed in the library stays and is updated when it is marked sent again);
- 已答复 → 已办结 (the case is finished: feedback received, or none expected), and back
  已办结 → 已答复 (closed by mistake);
- 已答复 or 已办结 → 重新办理: the answer was not satisfactory (recording 不满意 feedback does
  this by itself). 重新办理 starts the next **round**: from it the case moves forward again
  (起草中, 待审核, 待签发, 已答复); the second round's reply, marked sent, becomes a second
  library letter and the first stays.
- nothing moves back to 待办 once the work has started except from 起草中 (started by mistake),
  and nothing enters 重新办理 before an answer went out.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from desktop.dates import parse_date
from desktop.errors import ClerkError

# Display order (the cases pane sorts by it). English ids are what the library stores.
STATUSES: dict[str, str] = {
    "pending": "待办",
    "drafting": "起草中",
    "review": "待审核",
    "signoff": "待签发",
    "sent": "已答复",
    "closed": "已办结",
    "redo": "重新办理",
}
# Ids stored before issue 13 and what they are now: "awaiting" was 待签发 (awaiting sign-off).
LEGACY_STATUSES: dict[str, str] = {"awaiting": "signoff"}
INITIAL_STATUS = "pending"
# Statuses at which the round's answer has gone out (feedback can be recorded).
ANSWERED: frozenset[str] = frozenset({"sent", "closed"})

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "pending": ("drafting", "review", "signoff", "sent"),
    "drafting": ("pending", "review", "signoff", "sent"),
    "review": ("drafting", "signoff", "sent"),
    "signoff": ("drafting", "review", "sent"),
    "sent": ("drafting", "review", "signoff", "closed", "redo"),
    "closed": ("sent", "redo"),
    "redo": ("drafting", "review", "signoff", "sent"),
}

# Feedback of the deputy or member (征询意见表): stored ids, shown in Chinese.
FEEDBACK: dict[str, str] = {
    "satisfied": "满意",
    "basically": "基本满意",
    "unsatisfied": "不满意",
}
ORGANIZER_ROLES: dict[str, str] = {"main": "主办", "co": "协办（会办）"}


class StatusError(ClerkError, ValueError):
    """A status the clerk asked for is unknown, or not a move allowed from where the case is."""


def status_zh(status: str) -> str:
    return STATUSES.get(LEGACY_STATUSES.get(status, status), status)


def normalize_status(value: str) -> str:
    """The stored id of ``value``: an id (``review``), its Chinese name (待审核) or an id
    stored before issue 13 (``awaiting``). Raises :class:`StatusError` on anything else."""
    value = value.strip()
    value = LEGACY_STATUSES.get(value, value)
    if value in STATUSES:
        return value
    for key, zh in STATUSES.items():
        if value == zh:
            return key
    names = "、".join(f"{zh}（{key}）" for key, zh in STATUSES.items())
    raise StatusError(f"没有“{value}”这个办理状态。可用的状态：{names}。")


def allowed_moves(status: str) -> tuple[str, ...]:
    """The statuses a case at ``status`` may move to (:data:`TRANSITIONS`)."""
    return TRANSITIONS.get(LEGACY_STATUSES.get(status, status), ())


def check_move(current: str, target: str) -> None:
    """Raise :class:`StatusError` (plain Chinese) unless ``current → target`` is allowed."""
    if target in allowed_moves(current):
        return
    allowed = "、".join(STATUSES[s] for s in allowed_moves(current)) or "（无）"
    why = ""
    if target == "redo":
        why = "只有已答复或已办结的案件才能重新办理；"
    elif target == "closed":
        why = "只有已答复的案件才能办结；"
    raise StatusError(
        f"案件现在是“{status_zh(current)}”，不能改为“{status_zh(target)}”：{why}"
        f"可以改为：{allowed}。未作任何修改。"
    )


def normalize_feedback(value: str) -> str:
    """The stored id of a feedback answer given as 满意/基本满意/不满意 or as its id."""
    value = value.strip()
    if value in FEEDBACK:
        return value
    for key, zh in FEEDBACK.items():
        if value == zh:
            return key
    raise StatusError(f"反馈意见只能是：{'、'.join(FEEDBACK.values())}，而不是“{value}”。")


def parse_iso(value: str, what: str) -> str:
    """``value`` as an ISO date, or a :class:`StatusError` naming ``what``."""
    iso = parse_date(value.strip()) if value else None
    if iso is None:
        raise StatusError(f"“{what}”不是有效日期：{value}（应写成 2026-03-05 这样的日期）。")
    return iso


# ------------------------------------------------------------------------- deadlines


def add_months(iso: str, months: int) -> str:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    d = dt.date.fromisoformat(iso)
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day).isoformat()


def role_months(organizer: str, main_months: int, co_months: int) -> int:
    """Months from assignment to the deadline for our role: 主办 (main) or 协办 (co)."""
    return co_months if organizer == "co" else main_months


# ------------------------------------------------------------------ co-organizer opinions


@dataclass(frozen=True)
class OpinionState:
    """One co-organizer's opinion on a main-organizer case, as of ``today``.

    ``state``: ``received`` (a date is recorded), ``overdue`` (not received and the expected
    date has passed), ``expected`` (not received, not yet due, or no assignment date to count
    from: ``expected_by`` is then None)."""

    unit: str
    expected_by: str | None
    received: str | None
    letter_id: int | None
    remarks: str
    state: str

    @property
    def state_zh(self) -> str:
        return OPINION_STATES[self.state]

    def to_json(self) -> dict[str, object]:
        return {
            "unit": self.unit,
            "expected_by": self.expected_by,
            "received": self.received,
            "letter_id": self.letter_id,
            "remarks": self.remarks,
            "state": self.state,
            "state_zh": self.state_zh,
            "on_time": None if self.received is None or self.expected_by is None
            else self.received <= self.expected_by,
        }  # fmt: skip


OPINION_STATES = {"expected": "待收", "received": "已收到", "overdue": "逾期未收"}


@dataclass(frozen=True)
class RecordedOpinion:
    """What the library holds for one unit (``store.opinions``): received date, letter."""

    unit: str
    received: str | None
    letter_id: int | None
    remarks: str


def opinion_states(
    co_organizers: list[str],
    assigned_date: str | None,
    recorded: list[RecordedOpinion],
    *,
    co_months: int,
    today: dt.date,
) -> list[OpinionState]:
    """Every co-organizer's opinion of a main-organizer case: the case's co-organizers in
    order, then any unit with a recorded opinion that is no longer listed."""
    expected = add_months(assigned_date, co_months) if assigned_date else None
    by_unit = {r.unit: r for r in recorded}
    units = list(co_organizers) + [r.unit for r in recorded if r.unit not in co_organizers]
    out: list[OpinionState] = []
    for unit in units:
        rec = by_unit.get(unit)
        received = rec.received if rec else None
        if received:
            state = "received"
        elif expected is not None and today.isoformat() > expected:
            state = "overdue"
        else:
            state = "expected"
        out.append(OpinionState(unit, expected, received, rec.letter_id if rec else None,
                                rec.remarks if rec else "", state))  # fmt: skip
    return out
