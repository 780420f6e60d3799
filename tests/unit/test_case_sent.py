"""A case marked sent (已答复) files its final reply in the library (issue 12, item 5): the rows
``case sent`` leaves in a real library (through a real subprocess and through the action),
the letter found by search afterwards, one letter however often the case is marked sent,
reused paragraphs linked and not copied, refusals that change nothing, ``case list``."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.actions import cases, imports
from desktop.actions.search import search, similar
from desktop.casework import Case, Draft, DraftBlock, case_from_json
from desktop.normalize import normalized_hash
from desktop.store import LibraryStore

ROOT = Path(__file__).resolve().parents[2]
OLD_REPLY = """关于改善城区公交线网的建议的答复

陈静代表：
您提出的《关于改善城区公交线网的建议》收悉，现答复如下：
近年来，我局优化调整公交线路十二条，新辟社区微循环线路四条，群众候车时间明显缩短。
下一步，我局将结合轨道交通开通，继续优化线网布局。
感谢您对交通工作的关心和支持。
某市交通运输局
2023年6月20日
"""
REUSED = "近年来，我局优化调整公交线路十二条，新辟社区微循环线路四条，群众候车时间明显缩短。"
OWN_TEXT = "今年，我局在开发区新开通夜间公交线路两条，方便企业职工下班出行。"
PLAN_TEXT = "下一步，我局将会同规划部门评估新建小区的公交需求，适时增设站点。"


def rows(db: Path | str, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """What a connection of its own reads in the library at ``db`` (a file, or a server's
    URL: ``store.location``)."""
    if isinstance(db, str):
        with LibraryStore(db) as other:
            return [tuple(r) for r in other.db.execute(sql, list(params)).fetchall()]
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def cli(db: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    """``replydesk`` as a clerk runs it: a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def a_case(number: str = "12", reply_date: str | None = "2026-06-30") -> Case:
    return case_from_json(
        {"number": number, "session": "市十七届人大三次会议",
         "title": "关于优化开发区公交线路的建议", "proposers": "周红、吴刚",
         "category": "A", "assigned_date": "2026-04-01", "reply_date": reply_date,
         "contact_name": "孙磊", "contact_phone": "0513-85001234"}
    )  # fmt: skip


def reply_draft(store: LibraryStore, reused_id: int, old_letter: int, own: str = OWN_TEXT) -> Draft:
    draft = Draft()
    draft.sections["status"] = [
        DraftBlock("template"),
        DraftBlock("library", REUSED, reused_id, old_letter, 2023, "关于改善城区公交线网的建议"),
        DraftBlock("free", own),
    ]
    draft.sections["plan"] = [DraftBlock("free", PLAN_TEXT)]
    return draft


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, int, int]:
    """A library with an old reply, the agency set, and a case with a saved draft that reuses
    one of the old reply's paragraphs: (database, case id, the reused paragraph's id)."""
    db = tmp_path / "library.db"
    source = tmp_path / "旧答复.txt"
    source.write_text(OLD_REPLY, encoding="utf-8")
    with LibraryStore(db) as store:
        report = imports.import_files([source], store=store)
        old_letter = report.results[0].letter_id
        assert old_letter is not None
        store.profile.set_value("agency_name", "某市交通运输局")
        reused = [p for p in store.letters.paragraphs(old_letter) if p.text == REUSED]
        assert len(reused) == 1
        case_id = cases.save(a_case(), store=store)
        store.drafts.save(case_id, reply_draft(store, reused[0].paragraph_id, old_letter))
    return db, case_id, reused[0].paragraph_id


def test_case_sent_files_the_reply_as_a_library_letter(library: tuple[Path, int, int]) -> None:
    db, case_id, reused = library
    proc = cli(db, "case", "sent", str(case_id), "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    letter_id = result["letter_id"]
    assert result["case_id"] == case_id and result["created"] is True and result["shared"] == 1

    assert rows(db, "SELECT status FROM cases WHERE id = ?", case_id) == [("sent",)]
    (letter,) = rows(
        db,
        """SELECT kind, case_id, proposal_number, proposal_title, session, addressee,
                  addressee_role, addressee_count, agency, reply_date, year, category,
                  contact_name, contact_phone, source_format, title
           FROM letters WHERE id = ?""",
        letter_id,
    )
    assert letter[:15] == (
        "reply", case_id, "12", "关于优化开发区公交线路的建议", "市十七届人大三次会议",
        '["周红", "吴刚"]', "代表", 2, "某市交通运输局", "2026-06-30", 2026, "A", "孙磊",
        "0513-85001234", "case",
    )  # fmt: skip
    assert "第12号建议" in letter[15]  # the title the export prints
    placed = rows(
        db,
        """SELECT lp.section, p.text, lp.is_heading FROM letter_paragraphs lp
           JOIN paragraphs p ON p.id = lp.paragraph_id WHERE lp.letter_id = ?
           ORDER BY lp.position""",
        letter_id,
    )
    sections = [s for s, _, _ in placed]
    assert sections == sorted(sections, key=["greeting", "status", "plan", "closing"].index)
    assert placed[0] == ("greeting", "周红、吴刚代表：", 0)
    texts = [t for _, t, _ in placed]
    assert ("status", REUSED, 0) in placed and ("status", OWN_TEXT, 0) in placed
    assert ("plan", PLAN_TEXT, 0) in placed
    assert texts.index(REUSED) < texts.index(OWN_TEXT) < texts.index(PLAN_TEXT)
    # the template text as the export writes it: placeholders filled, no braces left
    greeting = placed[1][1]
    assert "关于优化开发区公交线路的建议" in greeting and "{{" not in greeting
    assert any(h for _, _, h in placed)  # the template's heading is kept as a heading
    # the reused paragraph is one row standing in both letters
    assert rows(db, "SELECT count(*) FROM paragraphs WHERE hash = ?", normalized_hash(REUSED)) == [
        (1,)
    ]
    assert rows(db, "SELECT count(*) FROM letter_paragraphs WHERE paragraph_id = ?", reused) == [
        (2,)
    ]

    with LibraryStore(db) as store:
        page = search("夜间公交线路", store=store)
    assert [h.letter_id for h in page.hits] == [letter_id]


def test_marking_sent_again_updates_the_same_letter(library: tuple[Path, int, int]) -> None:
    db, case_id, reused = library
    with LibraryStore(db) as store:
        first = cases.mark_sent(case_id, store=store)
        old_own = rows(db, "SELECT id FROM paragraphs WHERE text = ?", OWN_TEXT)
        cases.set_status(case_id, "drafting", store=store)  # reopened: the letter stays
        assert cases.library_letter(case_id, store=store) == first.letter_id
        assert rows(db, "SELECT count(*) FROM letters WHERE case_id = ?", case_id) == [(1,)]
        changed = reply_draft(store, reused, 1, own="今年，我局在开发区新开通通勤公交线路三条。")
        store.drafts.save(case_id, changed)
        letters_before = store.letters.count()
        again = cases.set_status(case_id, "sent", store=store)
    assert again is not None
    assert again.letter_id == first.letter_id and again.created is False
    assert rows(db, "SELECT count(*) FROM letters")[0][0] == letters_before
    # the old free paragraph only this letter used is gone, with its index entries
    assert old_own and rows(db, "SELECT count(*) FROM paragraphs WHERE id = ?", old_own[0][0]) == [
        (0,)
    ]
    texts = [
        r[0]
        for r in rows(
            db,
            """SELECT p.text FROM letter_paragraphs lp JOIN paragraphs p ON p.id = lp.paragraph_id
               WHERE lp.letter_id = ? ORDER BY lp.position""",
            again.letter_id,
        )
    ]
    assert "今年，我局在开发区新开通通勤公交线路三条。" in texts and OWN_TEXT not in texts
    assert rows(db, "SELECT count(*) FROM letter_paragraphs WHERE paragraph_id = ?", reused) == [
        (2,)
    ]
    with LibraryStore(db) as store:
        assert search("夜间公交线路", store=store).hits == ()
        assert [h.letter_id for h in search("通勤公交线路", store=store).hits] == [again.letter_id]


def test_reopening_or_deleting_the_case_keeps_its_letter(library: tuple[Path, int, int]) -> None:
    db, case_id, _ = library
    with LibraryStore(db) as store:
        sent = cases.mark_sent(case_id, store=store)
        cases.set_status(case_id, "drafting", store=store)
        assert rows(db, "SELECT case_id FROM letters WHERE id = ?", sent.letter_id) == [(case_id,)]
        cases.delete(case_id, store=store)
    assert rows(db, "SELECT case_id, kind FROM letters WHERE id = ?", sent.letter_id) == [
        (None, "reply")
    ]


def test_the_reply_date_is_the_day_it_was_marked_unless_the_case_has_one(
    tmp_path: Path, store: LibraryStore
) -> None:
    case_id = cases.save(a_case("13", reply_date=None), store=store)
    draft = Draft()
    draft.sections["status"] = [DraftBlock("free", OWN_TEXT)]
    store.drafts.save(case_id, draft)
    sent = cases.mark_sent(case_id, store=store, today=dt.date(2026, 7, 3))
    letter = store.letters.get(sent.letter_id)
    assert letter is not None and letter.reply_date == "2026-07-03" and letter.year == 2026
    # the profile is still the sample's: the letter is not filed under the sample agency
    assert letter.agency is None and letter.case_id == case_id


def test_a_case_without_a_draft_is_refused_and_nothing_is_written(
    library: tuple[Path, int, int],
) -> None:
    db, _, _ = library
    with LibraryStore(db) as store:
        bare = cases.save(a_case("40"), store=store)
        empty = cases.save(a_case("41"), store=store)
        store.drafts.save(empty, Draft(sections={s: [] for s in ("greeting", "status")}))
        templates_only = cases.save(a_case("42"), store=store)
        store.drafts.save(templates_only, Draft())  # the templates' greeting and closing alone
    before = rows(db, "SELECT count(*) FROM letters")
    refusals = (
        (bare, "还没有保存过答复草稿"),
        (empty, "答复草稿是空的"),
        (templates_only, "只有模板的开头和结尾"),
    )
    for case_id, reason in refusals:
        proc = cli(db, "case", "sent", str(case_id))
        assert proc.returncode == 2 and proc.stdout == ""
        assert reason in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
        assert rows(db, "SELECT status FROM cases WHERE id = ?", case_id) == [("pending",)]
    proc = cli(db, "case", "sent", "999")
    assert proc.returncode == 2 and "没有编号为 999 的案件" in proc.stderr
    assert rows(db, "SELECT count(*) FROM letters") == before
    assert rows(db, "SELECT count(*) FROM letters WHERE case_id IS NOT NULL") == [(0,)]


def test_the_status_and_the_letter_change_together_or_not_at_all(
    library: tuple[Path, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, case_id, _ = library
    with LibraryStore(db) as store:

        def fail(*_args: object, **_kwargs: object) -> None:
            raise RuntimeError("disk gone")

        monkeypatch.setattr(store.cases, "set_status", fail)
        with pytest.raises(RuntimeError):
            cases.mark_sent(case_id, store=store)
    assert rows(db, "SELECT count(*) FROM letters WHERE case_id IS NOT NULL") == [(0,)]
    assert rows(db, "SELECT count(*) FROM paragraphs WHERE text = ?", OWN_TEXT) == [(0,)]
    assert rows(db, "SELECT status FROM cases WHERE id = ?", case_id) == [("pending",)]


def test_a_case_saved_as_sent_files_its_reply(library: tuple[Path, int, int]) -> None:
    """The case dialog saves the whole case: set to 已答复 there, the reply is filed too."""
    db, case_id, _ = library
    with LibraryStore(db) as store:
        case = store.cases.get(case_id)
        assert case is not None
        case.status = "sent"
        cases.save(case, store=store)
        letter_id = cases.library_letter(case_id, store=store)
        assert letter_id is not None
        # a new case saved as sent without a draft: refused, not stored at all
        new = a_case("50")
        new.status = "sent"
        with pytest.raises(cases.NothingToFile):
            cases.save(new, store=store)
        assert store.cases.find(new.session, "50") is None


def test_a_filed_reply_is_not_re_read_by_a_newer_parser(library: tuple[Path, int, int]) -> None:
    db, case_id, _ = library
    with LibraryStore(db) as store:
        sent = cases.mark_sent(case_id, store=store)
        assert sent.letter_id not in store.letters.without_lines(all=True, current=10**6)
        assert sent.letter_id not in store.letters.for_reparse(all=True)


def test_case_list_gives_id_number_title_status_and_due_date(
    library: tuple[Path, int, int],
) -> None:
    db, case_id, _ = library
    with LibraryStore(db) as store:
        other = cases.save(a_case("7"), store=store)
        letter = cases.mark_sent(case_id, store=store).letter_id
    proc = cli(db, "case", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    listed = {c["id"]: c for c in json.loads(proc.stdout)}
    assert listed[case_id] == {
        "id": case_id, "number": "12", "session": "市十七届人大三次会议",
        "title": "关于优化开发区公交线路的建议", "status": "sent", "status_zh": "已答复",
        "due_date": "2026-07-01", "assignee": "", "letter_id": letter,
        # issue 13: role, assignment, round, first answer, feedback, co-organizers' opinions
        "organizer": "main", "organizer_zh": "主办", "assigned_date": "2026-04-01",
        "round": 1, "first_sent": listed[case_id]["first_sent"], "feedback": None,
        "opinions": [],
    }  # fmt: skip
    assert listed[case_id]["first_sent"] is not None
    assert listed[other]["status"] == "pending" and listed[other]["letter_id"] is None
    text = cli(db, "case", "list")
    assert text.returncode == 0
    assert "第12号" in text.stdout and "已答复" in text.stdout and "2026-07-01" in text.stdout
    assert "共 2 件" in text.stdout


def test_two_cases_with_the_same_words_get_a_letter_each(library: tuple[Path, int, int]) -> None:
    """Two cases answered in the same words (the same title and draft, another number): the
    library keeps both replies, each linked to its own case."""
    db, case_id, reused = library
    with LibraryStore(db) as store:
        twin = cases.save(a_case("13"), store=store)
        store.drafts.save(twin, reply_draft(store, reused, 1))
        first = cases.mark_sent(case_id, store=store)
        second = cases.mark_sent(twin, store=store)
    assert first.letter_id != second.letter_id
    assert rows(db, "SELECT case_id FROM letters WHERE case_id IS NOT NULL ORDER BY id") == [
        (case_id,),
        (twin,),
    ]


def test_a_deleted_letter_is_filed_anew_when_the_case_is_marked_sent_again(
    library: tuple[Path, int, int],
) -> None:
    db, case_id, _ = library
    with LibraryStore(db) as store:
        first = cases.mark_sent(case_id, store=store)
        store.letters.delete(first.letter_id)  # the clerk deleted it in the library
        assert cases.library_letter(case_id, store=store) is None
        again = cases.mark_sent(case_id, store=store)
    assert again.created is True
    assert rows(db, "SELECT id FROM letters WHERE case_id = ?", case_id) == [(again.letter_id,)]


def test_a_sent_case_is_not_offered_its_own_reply_as_similar(
    library: tuple[Path, int, int],
) -> None:
    """Once filed, the case's reply shares its title word for word and would top the case's
    own similar list; the window asks with the case's id and gets the past replies only."""
    db, case_id, _ = library
    with LibraryStore(db) as store:
        filed = cases.mark_sent(case_id, store=store)
        case = store.cases.get(case_id)
        assert case is not None
        anyone = [s.letter_id for s in similar(case.title, case.content, store=store)]
        assert anyone[0] == filed.letter_id  # the reason for the exclusion
        own_case = similar(case.title, case.content, case_id=case_id, store=store)
    ids = [s.letter_id for s in own_case]
    assert filed.letter_id not in ids
    assert ids and ids[0] == anyone[1]  # the old reply on bus routes moves up
