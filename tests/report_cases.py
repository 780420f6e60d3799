"""~30 varied cases for the report's tests, stored in a real library through the lifecycle
(statuses moved on their dates, feedback, co-organizers' opinions), with what each was made
of (:class:`Made`) so a test can count independently. Deterministic: the same every run."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from desktop.actions.lifecycle import record_feedback
from desktop.casework import Case, add_months
from desktop.store import LibraryStore

SESSION_A = "市十八届人大三次会议"
SESSION_B = "市政协十四届三次会议"
TITLES = (
    "关于加强科技金融服务的建议", "关于推进老旧小区加装电梯的建议", "关于加快众创空间建设的提案",
    "关于优化公交线网的建议", "关于河道长效管护的提案", "关于支持中小企业研发投入的建议",
    "关于完善社区养老服务的提案", "关于建设智慧停车系统的建议",
)  # fmt: skip
NAMES = ("王明", "李华", "赵强", "陈静", "周立", "吴敏", "郑伟", "孙丽")
CO_UNITS = ("市财政局", "市税务局")
FEEDBACK_ZH = {"satisfied": "满意", "basically": "基本满意", "unsatisfied": "不满意"}


@dataclass
class Made:
    """What a case was made of: the test's own record, independent of the report's code."""

    case: Case
    sent_on: str | None = None  # the day its first reply went out (None: not answered)
    feedback: str = ""  # 满意 / 基本满意 / 不满意
    opinions: dict[str, str | None] = field(default_factory=dict)  # unit → received (None)


def _day(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def _plan(i: int, rng: random.Random, year: int) -> tuple[Made, str, str | None]:
    """(the case to store, its final status, its feedback answer id)."""
    member = i % 3 == 1
    assigned = (dt.date(year, 3, 1) + dt.timedelta(days=rng.randrange(0, 40))).isoformat()
    organizer = "co" if i % 5 == 0 else "main"
    due = add_months(assigned, 1 if organizer == "co" else 3)
    status = rng.choice(["pending", "drafting", "review", "signoff", "sent", "sent", "closed",
                         "closed", "redo"])  # fmt: skip
    case = Case(
        number=str(100 + i), title=TITLES[i % len(TITLES)], proposers=[NAMES[i % len(NAMES)]],
        role="委员" if member else "代表", session=SESSION_B if member else SESSION_A,
        kind="议案" if i in (3, 21) else "", organizer=organizer,
        main_organizer="市发展改革委" if organizer == "co" else "",
        co_organizers=list(CO_UNITS) if organizer == "main" and i % 4 == 1 else [],
        category=rng.choice(["A", "B", "C", "", "A类"]), assigned_date=assigned, due_date=due,
        status="pending",
    )  # fmt: skip
    made = Made(case)
    answer = None
    if status in ("sent", "closed", "redo"):
        made.sent_on = _day(due, rng.choice([-30, -3, 0, 9]))
        # The letter may be dated a day or two before it went out: the report counts the day
        # it was marked sent, not the letter's date.
        case.reply_date = _day(made.sent_on, -rng.choice([0, 2]))
        answer = {"closed": rng.choice(["satisfied", "basically"]), "redo": "unsatisfied",
                  "sent": None}[status]  # fmt: skip
        made.feedback = FEEDBACK_ZH.get(answer or "", "")
    for unit in case.co_organizers:  # opinions due a month after assignment
        made.opinions[unit] = rng.choice([_day(assigned, 20), _day(assigned, 45), None])
    return made, status, answer


def _store(store: LibraryStore, made: Made, status: str, answer: str | None) -> None:
    case = made.case
    case_id = store.cases.save(case)  # pending on its assignment date
    assert case.assigned_date is not None
    if status != "pending":
        store.cases.set_status(case_id, "drafting", date=_day(case.assigned_date, 3))
    if status in ("review", "signoff"):
        store.cases.set_status(case_id, status, date=_day(case.assigned_date, 10))
    if made.sent_on is not None:
        store.cases.set_status(case_id, "sent", date=made.sent_on)
    if answer is not None:
        record_feedback(case_id, answer, date=_day(made.sent_on or "", 15), store=store)
    for unit, received in made.opinions.items():
        if received is not None:
            store.opinions.record(case_id, unit, received=received)


def store_cases(store: LibraryStore, year: int = 2026) -> list[Made]:
    rng = random.Random(13)
    made: list[Made] = []
    for i in range(30):
        plan = _plan(i, rng, year)
        _store(store, *plan)
        made.append(plan[0])
    # A case stored already answered (a list imported after the fact): no move into 已答复 in
    # its history, its reply date stands for the day it went out.
    late = Case(number="60", title=TITLES[2], proposers=["陈静"], session=SESSION_A,
                assigned_date=f"{year}-04-01", due_date=f"{year}-07-01",
                reply_date=f"{year}-06-20", status="sent", category="B")  # fmt: skip
    store.cases.save(late)
    made.append(Made(late, sent_on=late.reply_date))
    # Another year, and one with no date at all: counted in neither 2026 nor any year.
    store.cases.save(Case(number="7", title=TITLES[0], proposers=["王明"], session=SESSION_A,
                          assigned_date=f"{year - 1}-03-02", due_date=f"{year - 1}-06-02",
                          status="sent", reply_date=f"{year - 1}-05-20", category="B"))  # fmt: skip
    store.cases.save(Case(number="8", title=TITLES[1], proposers=["李华"], session=SESSION_A))
    return made
