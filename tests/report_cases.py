"""~30 varied cases for the report's tests, stored in a real library (shared by the unit and
window tests). Deterministic: the same cases every run."""

from __future__ import annotations

import datetime as dt
import random

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


def varied_cases(year: int = 2026) -> list[Case]:
    rng = random.Random(13)
    cases: list[Case] = []
    for i in range(30):
        member = i % 3 == 1
        assigned = dt.date(year, 3, 1) + dt.timedelta(days=rng.randrange(0, 40))
        status = rng.choice(["drafting", "signoff", "sent", "sent", "sent"])
        organizer = "co" if i % 5 == 0 else "main"
        due = add_months(assigned.isoformat(), 1 if organizer == "co" else 3)
        reply = None
        if status == "sent":
            # some early, some on the day, some late
            reply = dt.date.fromisoformat(due) + dt.timedelta(days=rng.choice([-30, -3, 0, 9]))
        cases.append(Case(
            number=str(100 + i),
            title=TITLES[i % len(TITLES)],
            proposers=[NAMES[i % len(NAMES)]],
            role="委员" if member else "代表",
            session=SESSION_B if member else SESSION_A,
            kind="议案" if i in (4, 22) else "",
            organizer=organizer,
            main_organizer="市发展改革委" if organizer == "co" else "",
            category=rng.choice(["A", "B", "C", "", "A类"]),
            assigned_date=assigned.isoformat(),
            due_date=due,
            reply_date=reply.isoformat() if reply else None,
            status=status,
        ))  # fmt: skip
    # Another year, and one with no date at all: counted in neither 2026 nor any year.
    cases.append(Case(number="7", title=TITLES[0], proposers=["王明"], session=SESSION_A,
                      assigned_date=f"{year - 1}-03-02", due_date=f"{year - 1}-06-02",
                      status="sent", reply_date=f"{year - 1}-05-20", category="B"))  # fmt: skip
    cases.append(Case(number="8", title=TITLES[1], proposers=["李华"], session=SESSION_A))
    return cases


def store_cases(store: LibraryStore, year: int = 2026) -> list[Case]:
    for case in (cases := varied_cases(year)):
        store.cases.save(case)
    return cases
