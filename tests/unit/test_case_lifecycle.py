"""Issue 13 items 3 and 4: a case's statuses with their dated history, the organizer role's
deadlines, co-organizers' opinions, feedback and the second round after 不满意."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.actions import cases, lifecycle
from desktop.casework import Case, Draft, DraftBlock, case_from_json
from desktop.lifecycle import (
    STATUSES,
    TRANSITIONS,
    RecordedOpinion,
    StatusError,
    check_move,
    normalize_status,
    opinion_states,
)
from desktop.store import LibraryStore
from tests.unit.test_case_sent import cli, rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIRST = "经研究，我局今年已在开发区增开夜间公交线路两条，并调整了三处站点。"
SECOND = "针对您的意见，我局又会同开发区管委会增设了两处港湾式停靠站，并延长末班车时间。"


def a_case(number: str = "31", **extra: object) -> Case:
    return case_from_json(
        {"number": number, "session": "市十七届人大三次会议",
         "title": "关于优化开发区公交线路的建议", "proposers": "周红、吴刚",
         "category": "A", "assigned_date": "2026-03-05",
         "co_organizers": ["市财政局", "市规划局"], **extra}
    )  # fmt: skip


def draft_saying(text: str) -> Draft:
    draft = Draft()
    draft.sections["status"] = [DraftBlock("template"), DraftBlock("free", text)]
    return draft


@pytest.fixture
def store(engine_store: LibraryStore) -> LibraryStore:
    """Every test here runs on both engines (tests/conftest.py: engine_store)."""
    engine_store.profile.set_value("agency_name", "某市交通运输局")
    return engine_store


# ------------------------------------------------------------------------- the rules


def test_every_move_leads_to_a_known_status_and_redo_only_follows_an_answer() -> None:
    for source, targets in TRANSITIONS.items():
        assert source in STATUSES and targets and source not in targets
        assert set(targets) <= set(STATUSES)
    entering_redo = {s for s, targets in TRANSITIONS.items() if "redo" in targets}
    assert entering_redo == {"sent", "closed"}
    assert {s for s, targets in TRANSITIONS.items() if "closed" in targets} == {"sent"}
    check_move("review", "drafting")  # the clerk steps back
    with pytest.raises(StatusError) as refused:
        check_move("drafting", "closed")
    assert refused.value.message.startswith("案件现在是“起草中”，不能改为“已办结”")
    assert normalize_status("待审核") == "review" and normalize_status("awaiting") == "signoff"
    with pytest.raises(StatusError):
        normalize_status("已完成")


def test_opinions_are_expected_received_or_overdue_from_the_dates() -> None:
    recorded = [RecordedOpinion("市财政局", "2026-03-30", None, ""),
                RecordedOpinion("市水利局", None, None, "电话催办")]  # fmt: skip
    units = ["市财政局", "市规划局", "市水利局"]

    def states(today: dt.date, co_months: int = 1) -> dict[str, tuple[str | None, str]]:
        out = opinion_states(units, "2026-03-05", recorded, co_months=co_months, today=today)
        return {o.unit: (o.expected_by, o.state) for o in out}

    assert states(dt.date(2026, 4, 5)) == {
        "市财政局": ("2026-04-05", "received"),
        "市规划局": ("2026-04-05", "expected"),  # due today: not yet overdue
        "市水利局": ("2026-04-05", "expected"),
    }
    assert states(dt.date(2026, 4, 6)) == {
        "市财政局": ("2026-04-05", "received"),
        "市规划局": ("2026-04-05", "overdue"),
        "市水利局": ("2026-04-05", "overdue"),
    }
    assert states(dt.date(2026, 4, 6), co_months=2)["市规划局"] == ("2026-05-05", "expected")
    no_date = opinion_states(["市规划局"], None, [], co_months=1, today=dt.date(2030, 1, 1))
    assert [(o.expected_by, o.state) for o in no_date] == [(None, "expected")]


def test_the_deadline_follows_the_organizer_role_and_the_profile() -> None:
    main = case_from_json(
        {"number": "1", "title": "关于某事的建议", "proposers": "王明",
         "assigned_date": "2026-03-31"}, due_months=3, co_due_months=1,
    )  # fmt: skip
    co = case_from_json({"number": "2", "title": "关于某事的建议", "proposers": "王明",
                         "organizer": "co", "main_organizer": "市发展改革委",
                         "assigned_date": "2026-03-31"}, due_months=3, co_due_months=1)  # fmt: skip
    assert (main.due_date, co.due_date) == ("2026-06-30", "2026-04-30")
    assert main.status == "pending"


# ------------------------------------------------------------------------- the store


def test_a_move_is_dated_in_the_history_and_a_refused_one_changes_nothing(
    store: LibraryStore,
) -> None:
    case_id = cases.save(a_case(), store=store)
    cases.set_status(case_id, "起草中", store=store, date="2026-03-08")
    cases.set_status(case_id, "review", store=store, date="2026-03-20")
    cases.set_status(case_id, "drafting", store=store, date="2026-03-21")  # sent back
    before = rows(store.location, "SELECT * FROM case_status_history")
    for target, date in (("closed", None), ("redo", None), ("review", "2026-03-01")):
        with pytest.raises(StatusError) as refused:
            cases.set_status(case_id, target, store=store, date=date)
        assert "未作任何修改" in refused.value.message
    assert rows(store.location, "SELECT * FROM case_status_history") == before
    assert rows(store.location, "SELECT status FROM cases") == [("drafting",)]
    history = [(h.previous, h.status, h.date, h.round) for h in store.case_history.of_case(case_id)]
    assert history == [
        (None, "pending", "2026-03-05", 1),  # a new case: 待办 on its assignment date
        ("pending", "drafting", "2026-03-08", 1),
        ("drafting", "review", "2026-03-20", 1),
        ("review", "drafting", "2026-03-21", 1),
    ]


def test_unsatisfied_feedback_opens_a_second_round_whose_reply_is_a_second_letter(
    store: LibraryStore,
) -> None:
    case_id = cases.save(a_case(reply_date="2026-05-20", doc_number="通交函〔2026〕8号"),
                         store=store)  # fmt: skip
    store.drafts.save(case_id, draft_saying(FIRST))
    first = cases.set_status(case_id, "sent", store=store, date="2026-05-20")
    assert first is not None and first.created
    done = lifecycle.record_feedback(case_id, "不满意", store=store, date="2026-06-10",
                                     remarks="希望增设站点")  # fmt: skip
    assert (done.round, done.answer, done.status) == (1, "unsatisfied", "redo")
    case = store.cases.get(case_id)
    assert case is not None and case.reply_date is None and case.doc_number == ""
    # marking the second round's reply sent before it is written refiles nothing new
    store.drafts.save(case_id, draft_saying(SECOND))
    cases.set_status(case_id, "drafting", store=store, date="2026-06-12")
    second = cases.set_status(case_id, "sent", store=store, date="2026-07-01",
                              today=dt.date(2026, 7, 1))  # fmt: skip
    assert second is not None and second.created and second.letter_id != first.letter_id
    assert store.case_letters.rounds_of(case_id) == {1: first.letter_id, 2: second.letter_id}
    old = [p.text for p in store.letters.paragraphs(first.letter_id)]
    new = [p.text for p in store.letters.paragraphs(second.letter_id)]
    assert FIRST in old and SECOND not in old and SECOND in new
    first_letter = store.letters.get(first.letter_id)
    assert first_letter is not None and first_letter.doc_number == "通交函〔2026〕8号"
    # satisfied the second time: closed; the first round's feedback stays
    lifecycle.record_feedback(case_id, "满意", store=store, date="2026-07-15")
    assert store.cases.status_of(case_id) == "closed"
    assert [(f.round, f.answer) for f in store.feedback.of_case(case_id)] == [
        (1, "unsatisfied"), (2, "satisfied"),
    ]  # fmt: skip
    assert store.feedback.latest_by_case()[case_id].answer == "satisfied"
    assert store.feedback.first_by_case()[case_id].answer == "unsatisfied"
    assert store.case_history.first_sent_dates() == {case_id: "2026-05-20"}
    assert [h.round for h in store.case_history.of_case(case_id)][-4:] == [2, 2, 2, 2]


def test_feedback_before_an_answer_is_refused(store: LibraryStore) -> None:
    case_id = cases.save(a_case(), store=store)
    with pytest.raises(StatusError) as refused:
        lifecycle.record_feedback(case_id, "满意", store=store)
    assert "还没有答复，不能记录反馈" in refused.value.message
    with pytest.raises(StatusError):
        lifecycle.record_feedback(case_id, "很好", store=store)
    assert store.feedback.of_case(case_id) == []


def test_an_opinion_letter_joins_the_library_as_a_co_organizers_reply(
    store: LibraryStore, tmp_path: Path
) -> None:
    case_id = cases.save(a_case(), store=store)
    letter = tmp_path / "市财政局意见.txt"
    letter.write_text(
        "关于市十七届人大三次会议第31号建议的会办意见\n\n某市交通运输局：\n"
        "你局转来的《关于优化开发区公交线路的建议》收悉。经研究，我局意见如下：\n"
        "市级财政将对开发区新增公交线路给予运营补贴，具体标准按有关规定执行。\n"
        "市财政局\n2026年3月28日\n",
        encoding="utf-8",
    )
    done = lifecycle.record_opinion(case_id, "市财政局", store=store, received="2026-03-28",
                                    letter=letter)  # fmt: skip
    assert done.letter_id is not None and done.letter_created
    stored = store.letters.get(done.letter_id)
    assert stored is not None and stored.kind == "reply"
    assert (stored.addressee, stored.addressee_role, stored.agency) == (
        ["某市交通运输局"], "单位", "市财政局",
    )  # fmt: skip
    assert (stored.main_organizer, stored.co_organizers, stored.proposal_number) == (
        "某市交通运输局", ["市财政局"], "31",
    )  # fmt: skip
    states = lifecycle.opinions(store.cases.get(case_id) or a_case(), store=store,
                                today=dt.date(2026, 4, 20))  # fmt: skip
    assert [(o.unit, o.state, o.letter_id) for o in states] == [
        ("市财政局", "received", done.letter_id), ("市规划局", "overdue", None),
    ]  # fmt: skip
    # an unreadable letter: refused, nothing recorded for the unit
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"not a docx")
    letters_before = rows(store.location, "SELECT count(*) FROM letters")
    with pytest.raises(lifecycle.OpinionLetterError):
        lifecycle.record_opinion(case_id, "市规划局", store=store, received="2026-04-02",
                                 letter=bad)  # fmt: skip
    assert rows(store.location, "SELECT count(*) FROM letters") == letters_before
    assert [o.unit for o in store.opinions.of_case(case_id)] == ["市财政局"]
    # remarks added later: the date and the letter recorded before stay
    lifecycle.record_opinion(case_id, "市财政局", store=store, remarks="已电话确认")
    assert store.opinions.of_case(case_id) == [
        RecordedOpinion("市财政局", "2026-03-28", done.letter_id, "已电话确认"),
    ]  # fmt: skip


def test_migration_from_v13_maps_old_statuses_and_starts_the_history(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    shutil.copy(FIXTURES / "library-v13.db", path)
    conn = sqlite3.connect(path)
    with conn:  # a second case as issue 12 stored one awaiting sign-off
        data = json.loads(conn.execute("SELECT data FROM cases WHERE id = 1").fetchone()[0])
        data.update(status="awaiting", number="13", reply_date=None)
        conn.execute(
            "INSERT INTO cases (number, session, title, data, status, created_at, updated_at)"
            " VALUES ('13', ?, ?, ?, 'awaiting', ?, ?)",
            [data["session"], data["title"], json.dumps(data, ensure_ascii=False),
             "2026-11-30T02:00:00+00:00", "2026-12-01T03:00:00+00:00"],
        )  # fmt: skip
    conn.close()
    with LibraryStore(path) as store:
        listing = {c.number: c.status for c in store.cases.all()}
        assert listing == {"12": "sent", "13": "signoff"}
        awaiting = store.cases.find(data["session"], "13")
        assert awaiting is not None
        [first] = store.case_history.of_case(awaiting)
        assert (first.status, first.previous, first.round) == ("signoff", None, 1)
        assert first.note == "升级前的状态"
        assert store.case_letters.rounds_of(1) == {1: 7}
    assert rows(path, "SELECT status FROM cases ORDER BY id") == [("sent",), ("signoff",)]


# ------------------------------------------------------------------------- the CLI


def test_a_case_goes_through_every_status_to_feedback_on_the_command_line(
    store: LibraryStore,
) -> None:
    case_id = cases.save(a_case(reply_date="2026-05-28"), store=store)
    store.drafts.save(case_id, draft_saying(FIRST))
    db = store.location
    store.close()
    steps = [("起草中", "2026-03-09"), ("review", "2026-04-20"), ("待签发", "2026-05-06"),
             ("已答复", "2026-05-28")]  # fmt: skip
    for status, date in steps:
        proc = cli(db, "case", "status", str(case_id), status, "--date", date)
        assert proc.returncode == 0, proc.stderr
    assert "已改为“已答复”" in proc.stdout and "答复已存入资料库" in proc.stdout
    refused = cli(db, "case", "status", str(case_id), "待办")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.strip().startswith("案件现在是“已答复”，不能改为“待办”")
    opinion = cli(db, "case", "opinion", str(case_id), "--unit", "市财政局", "--received",
                  "2026年4月2日")  # fmt: skip
    assert opinion.returncode == 0 and "2026-04-02 收到" in opinion.stdout
    fb = cli(db, "case", "feedback", str(case_id), "基本满意", "--date", "2026-06-18",
             "--remarks", "希望继续关注")  # fmt: skip
    assert fb.returncode == 0 and "案件现为“已办结”" in fb.stdout
    history = cli(db, "case", "history", str(case_id), "--json")
    assert history.returncode == 0, history.stderr
    data = json.loads(history.stdout)
    assert [(h["status"], h["date"]) for h in data["history"]] == [
        ("pending", "2026-03-05"), ("drafting", "2026-03-09"), ("review", "2026-04-20"),
        ("signoff", "2026-05-06"), ("sent", "2026-05-28"), ("closed", "2026-06-18"),
    ]  # fmt: skip
    assert data["feedback"] == [{"round": 1, "answer": "basically", "answer_zh": "基本满意",
                                 "date": "2026-06-18", "remarks": "希望继续关注"}]  # fmt: skip
    assert [(o["unit"], o["state"]) for o in data["opinions"]] == [
        ("市财政局", "received"), ("市规划局", "overdue"),
    ]  # fmt: skip
    text = cli(db, "case", "history", str(case_id))
    assert "2026-05-06  第1轮  待签发" in text.stdout and "基本满意" in text.stdout
    listed = json.loads(cli(db, "case", "list", "--json").stdout)
    assert listed[0]["status_zh"] == "已办结" and listed[0]["first_sent"] == "2026-05-28"
    assert listed[0]["feedback"]["answer_zh"] == "基本满意" and listed[0]["round"] == 1
    assert listed[0]["organizer_zh"] == "主办"
    bad = cli(db, "case", "feedback", str(case_id), "不满", "--date", "2026-06-20")
    assert bad.returncode == 2 and "反馈意见只能是" in bad.stderr
    assert rows(db, "SELECT count(*) FROM case_feedback") == [(1,)]


def test_a_co_organizer_case_drafts_an_opinion_letter_to_the_main_organizer() -> None:
    from desktop.compose import compose
    from desktop.profile import AgencyProfile
    from desktop.reply_templates import ReplyTemplates

    case = a_case(organizer="co", main_organizer="市发展改革委", category="A", co_organizers=[])
    comp = compose(case, AgencyProfile(agency_name="某市交通运输局"), draft_saying(FIRST),
                   templates=ReplyTemplates(), today=dt.date(2026, 3, 28))  # fmt: skip
    letter = comp.letter
    assert letter.title == "关于市十七届人大三次会议第31号建议的会办意见"
    assert letter.salutation == "市发展改革委："
    texts = [p.text for p in letter.paragraphs]
    assert texts[0].endswith("现将会办意见函告如下：") and FIRST in texts
    assert texts[-1] == "以上意见，供参考。"
    # the category is the main organizer's to give; no copy-to list on an opinion
    assert letter.category_label is None and letter.cc == []
    assert case.due_date == "2026-04-05"  # a month after assignment


def test_a_co_organizers_opinion_is_filed_as_written_to_the_main_organizer(
    store: LibraryStore,
) -> None:
    case_id = cases.save(a_case(organizer="co", main_organizer="市发展改革委", category="B",
                                co_organizers=[]), store=store)  # fmt: skip
    store.drafts.save(case_id, draft_saying(FIRST))
    sent = cases.set_status(case_id, "sent", store=store, date="2026-03-30")
    assert sent is not None
    letter = store.letters.get(sent.letter_id)
    assert letter is not None and letter.kind == "reply"
    assert (letter.addressee, letter.addressee_role, letter.addressee_count) == (
        ["市发展改革委"], "单位", 1,
    )  # fmt: skip
    assert (letter.agency, letter.main_organizer, letter.co_organizers, letter.category) == (
        "某市交通运输局", "市发展改革委", ["某市交通运输局"], None,
    )  # fmt: skip
    assert letter.title == "关于市十七届人大三次会议第31号建议的会办意见"
