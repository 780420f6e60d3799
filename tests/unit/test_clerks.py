"""Many clerks at once (issue 14 item 2): who is working, cases assigned to clerks, the draft
version check, the audit trail, and imports from several PCs at once. Two stores on one
library file stand for two clerks' PCs; real processes where the issue says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.actions import cases as case_actions
from desktop.actions import clerks, drafts
from desktop.casework import Case, Draft, DraftBlock
from desktop.clerks import CLERK_ENV, DraftConflict, current_clerk, login_name
from desktop.store import LibraryStore
from tests.conftest import ROOT

OpenAs = Callable[[str], LibraryStore]


@pytest.fixture
def location(engine_location: Path | str) -> str:
    """One shared library on each engine (the store suite's parametrisation): a file, and a
    fresh database on the test server — what several PCs open at once."""
    return str(engine_location)


@pytest.fixture
def library(location: str) -> Iterator[OpenAs]:
    """Open the same library as a given clerk (each call: another PC's store)."""
    opened: list[LibraryStore] = []

    def open_as(clerk: str) -> LibraryStore:
        store = LibraryStore(location, clerk=clerk)
        opened.append(store)
        return store

    yield open_as
    for store in opened:
        store.close()


def _case(number: str = "45", **extra: object) -> Case:
    return Case(number=number, title="关于完善公交线路的建议", proposers=["王明"],
                session="市十七届人大三次会议", **extra)  # type: ignore[arg-type]  # fmt: skip


def _draft(text: str) -> Draft:
    draft = Draft()
    draft.sections["plan"] = [DraftBlock("free", text)]
    return draft


def _texts(draft: Draft | None) -> list[str]:
    assert draft is not None
    return [b.text for b in draft.sections["plan"]]


# ----------------------------------------------------------------------------- identity
def test_the_clerk_is_the_settings_name_else_the_login(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CLERK_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert current_clerk() == login_name()
    clerks.set_clerk_name("  张  明 ")
    assert current_clerk() == "张 明"
    with LibraryStore(tmp_path / "lib.db") as store:
        assert store.clerk == "张 明"
        case_actions.save(_case(), store=store)
        assert [e.clerk for e in clerks.audit(store=store)] == ["张 明"]
        assert clerks.set_clerk_name("李华", store=store) == "李华"
        clerks.assign(1, "李华", store=store)
        assert clerks.audit(store=store)[0].clerk == "李华"
    monkeypatch.setenv(CLERK_ENV, "王五")
    assert current_clerk() == "王五"
    clerks.set_clerk_name("")
    monkeypatch.delenv(CLERK_ENV)
    assert current_clerk() == login_name()


# ----------------------------------------------------------------------------- assignee
def test_assigning_a_case_is_seen_by_the_other_clerk_and_kept_by_their_saves(
    library: OpenAs,
) -> None:
    zhang, li = library("张明"), library("李华")
    case_id = case_actions.save(_case(), store=zhang)
    stale = li.cases.get(case_id)
    assert stale is not None and stale.assignee == ""
    assert clerks.assign(case_id, "李华", store=zhang).changed
    assert not clerks.assign(case_id, "李华", store=zhang).changed  # nothing written again
    seen = li.cases.get(case_id)
    assert seen is not None and seen.assignee == "李华"
    assert [c.id for c in clerks.mine(case_actions.listing(store=li), li.clerk)] == [case_id]
    # A clerk saving the case she opened before the assignment does not undo it.
    stale.title = "关于优化公交线路的建议"
    case_actions.save(stale, store=li)
    after = zhang.cases.get(case_id)
    assert after is not None and after.assignee == "李华" and after.title.startswith("关于优化")
    assert clerks.assignees(store=zhang) == sorted({"李华", "张明"})
    with pytest.raises(clerks.CaseToAssignNotFound):
        clerks.assign(999, "李华", store=zhang)
    new = case_actions.save(_case("46", assignee="王五"), store=zhang)
    stored = li.cases.get(new)
    assert stored is not None and stored.assignee == "王五"


# ----------------------------------------------------------------------------- drafts
def test_a_draft_saved_on_an_old_revision_is_a_conflict_that_loses_nothing(
    library: OpenAs,
) -> None:
    zhang, li = library("张明"), library("李华")
    case_id = case_actions.save(_case(), store=zhang)
    opened_z = case_actions.open_case(case_id, store=zhang)
    opened_l = case_actions.open_case(case_id, store=li)
    assert opened_z is not None and opened_l is not None
    assert opened_z.revision == opened_l.revision == 0
    first = drafts.save(case_id, _draft("张明的文字"), source="window",
                        based_on=opened_z.revision, store=zhang)  # fmt: skip
    assert first == 1 and drafts.revision(case_id, store=li) == 1
    with pytest.raises(DraftConflict) as caught:
        drafts.save(case_id, _draft("李华的文字"), source="window",
                    based_on=opened_l.revision, store=li)  # fmt: skip
    conflict = caught.value
    assert "张明" in conflict.message and "第 1 版" in conflict.message
    assert "工作副本" in conflict.message and "\n" not in conflict.message
    assert conflict.revision == 1 and conflict.based_on == 0 and conflict.clerk == "张明"
    assert _texts(conflict.theirs) == ["张明的文字"] and _texts(conflict.mine) == ["李华的文字"]
    # Nothing of hers was saved over his, and her text is the case's working copy.
    assert [v.clerk for v in drafts.versions(case_id, store=zhang)] == ["张明"]
    assert _texts(li.drafts.autosave_of(case_id)) == ["李华的文字"]
    # Having seen his version she saves on top of it: accepted, recorded under her name.
    second = drafts.save(case_id, _draft("李华的文字"), source="window",
                         based_on=conflict.revision, store=li)  # fmt: skip
    assert second == 2
    assert [(v.version, v.clerk) for v in drafts.versions(case_id, store=zhang)] == [
        (1, "张明"), (2, "李华")]  # fmt: skip
    saved = [(e.clerk, e.action, e.target_id) for e in clerks.audit(case_id=case_id, store=zhang)]
    assert saved[:2] == [("李华", "draft.saved", 2), ("张明", "draft.saved", 1)]


def test_each_clerk_has_her_own_working_copy_and_last_case(library: OpenAs) -> None:
    zhang, li = library("张明"), library("李华")
    case_id = case_actions.save(_case(), store=zhang)
    other = case_actions.save(_case("46"), store=zhang)
    case_actions.open_case(case_id, store=zhang)
    drafts.autosave(case_id, _draft("张明没保存的"), store=zhang)
    opened = case_actions.open_case(other, store=li)
    assert opened is not None and not opened.recovered
    assert case_actions.last_open(store=zhang) == case_id
    assert case_actions.last_open(store=li) == other
    assert drafts.pending_autosaves(store=li) == []
    opened = case_actions.open_case(case_id, store=li)
    assert opened is not None and not opened.recovered and opened.draft is None
    drafts.autosave(case_id, _draft("李华没保存的"), store=li)
    assert _texts(zhang.drafts.autosave_of(case_id)) == ["张明没保存的"]
    assert _texts(li.drafts.autosave_of(case_id)) == ["李华没保存的"]
    drafts.save(case_id, _draft("李华的文字"), based_on=0, store=li)  # clears hers alone
    assert li.drafts.autosave_of(case_id) is None
    assert [p.case_id for p in drafts.pending_autosaves(store=zhang)] == [case_id]
    assert case_actions.delete(case_id, store=zhang).deleted
    assert drafts.pending_autosaves(store=zhang) == []


def test_the_same_save_made_again_is_no_conflict_and_saves_nothing_twice(
    library: OpenAs,
) -> None:
    # A save whose confirmation was lost (the connection broke as the server committed)
    # is tried again by the clerk: it gets the version it made, nothing is stored twice.
    zhang, li = library("张明"), library("李华")
    case_id = case_actions.save(_case(), store=zhang)
    assert drafts.save(case_id, _draft("张明的文字"), based_on=0, store=zhang) == 1
    before = clerks.latest_change(store=zhang)
    assert drafts.save(case_id, _draft("张明的文字"), based_on=0, store=zhang) == 1
    assert [v.version for v in drafts.versions(case_id, store=li)] == [1]
    assert clerks.latest_change(store=zhang) == before  # no audit row either
    # Another text, or another clerk's same text, on the old revision is a conflict.
    with pytest.raises(DraftConflict):
        drafts.save(case_id, _draft("张明改过的文字"), based_on=0, store=zhang)
    with pytest.raises(DraftConflict):
        drafts.save(case_id, _draft("张明的文字"), based_on=0, store=li)
    assert drafts.save(case_id, _draft("二"), based_on=1, store=li) == 2
    with pytest.raises(DraftConflict):  # only the newest version is the same save
        drafts.save(case_id, _draft("张明的文字"), based_on=0, store=zhang)
    assert drafts.revision(case_id, store=zhang) == 2


def test_a_case_saved_on_what_another_clerk_changed_since_is_refused(library: OpenAs) -> None:
    zhang, li = library("张明"), library("李华")
    case_id = case_actions.save(_case(), store=zhang)
    opened = case_actions.get(case_id, store=zhang)
    assert opened is not None
    hers = case_actions.get(case_id, store=li)
    assert hers is not None
    hers.contact_name = "李华"
    case_actions.save_case(hers, store=li, based_on=case_actions.get(case_id, store=li))
    mine = case_actions.get(case_id, store=zhang)
    assert mine is not None
    mine.contact_phone = "0513-85000001"
    mine.contact_name = ""
    with pytest.raises(case_actions.CaseChangedElsewhere) as caught:
        case_actions.save_case(mine, store=zhang, based_on=opened)
    assert caught.value.clerk == "李华" and "没有保存" in caught.value.message
    stored = case_actions.get(case_id, store=zhang)
    assert stored is not None and (stored.contact_name, stored.contact_phone) == ("李华", "")
    case_actions.save_case(mine, store=zhang, based_on=caught.value.current)  # knowingly
    stored = case_actions.get(case_id, store=li)
    assert stored is not None and stored.contact_phone == "0513-85000001"


def test_restoring_and_saving_without_a_base_move_the_revision(library: OpenAs) -> None:
    store = library("张明")
    case_id = case_actions.save(_case(), store=store)
    drafts.save(case_id, _draft("一"), store=store)
    drafts.save(case_id, _draft("二"), based_on=1, store=store)
    restored = drafts.restore(case_id, 1, store=store)
    assert restored.version == 3 == drafts.revision(case_id, store=store)
    with pytest.raises(DraftConflict):
        drafts.save(case_id, _draft("三"), based_on=2, store=store)


# ----------------------------------------------------------------------------- audit
def test_the_audit_records_every_change_in_its_transaction(library: OpenAs, tmp_path: Path) -> None:
    store = library("张明")
    letter = tmp_path / "答复.txt"
    letter.write_text(
        "王明代表：\n您提出的关于公交线路的建议收悉。现答复如下：\n"
        "一、我们已优化三条线路。\n感谢您对交通工作的关心和支持。\n南通市交通运输局\n"
        "2025年6月1日\n",
        encoding="utf-8",
    )
    from desktop.actions.imports import import_steps

    [step] = list(import_steps([letter], store=store))
    letter_id = step.result.letter_id
    assert letter_id is not None
    store.letters.edit(letter_id, fields={"category": "A"})
    store.profile.set_value("agency_name", "南通市交通运输局")
    case_id = case_actions.save(_case(), store=store)
    case_actions.set_status(case_id, "drafting", store=store)
    store.letters.delete(letter_id)
    actions = [(e.action, e.target_id) for e in clerks.audit(store=store)]
    assert actions == [
        ("letter.deleted", letter_id),
        ("case.status", case_id),
        ("case.created", case_id),
        ("profile.changed", None),
        ("letter.edited", letter_id),
        ("letter.imported", letter_id),
    ]
    assert [e.action for e in clerks.audit(letter_id=letter_id, store=store)][-1] == (
        "letter.imported")  # fmt: skip
    # A change that fails leaves no audit row behind (the same transaction).
    before = clerks.latest_change(store=store)
    with pytest.raises(RuntimeError), store.transaction():
        clerks.assign(case_id, "李华", store=store)
        raise RuntimeError("power cut")
    assert clerks.latest_change(store=store) == before
    stored = store.cases.get(case_id)
    assert stored is not None and stored.assignee == ""
    changes = clerks.changes_since(before - 2, store=store)
    assert changes.case_ids == {case_id} and changes.letters and changes.latest == before


# ----------------------------------------------------------------------------- processes
def _env(tmp_path: Path, clerk: str) -> dict[str, str]:
    home = tmp_path / "home"
    return {
        **os.environ, "PYTHONPATH": str(ROOT), CLERK_ENV: clerk, "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
        "REPLYDESK_DB": str(tmp_path / "not-this.db"),
    }  # fmt: skip


def _replydesk(tmp_path: Path, clerk: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
        encoding="utf-8", timeout=180, env=_env(tmp_path, clerk), cwd=tmp_path,
    )  # fmt: skip


@dataclass(frozen=True)
class Clerk:
    """A clerk working from her own PC: where she opens the library and the name the library
    records (the settings' 经办人 on a library file, the login on the server)."""

    db: str
    name: str


@pytest.fixture
def clerk_at(location: str, request: pytest.FixtureRequest) -> Iterator[Callable[[str], Clerk]]:
    """A clerk's PC: on a file the name is hers ($REPLYDESK_CLERK); on the server she logs in
    with an account of her own (the server names who did what: desktop/store/pg/own_cases.py)."""
    made: list[str] = []
    if not location.startswith("postgresql"):
        yield lambda name: Clerk(location, name)
        return
    import psycopg

    server = request.getfixturevalue("pg_server")
    dbname = location.rsplit("/", 1)[1]

    def login(name: str) -> Clerk:
        role = f"t_clerk_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(server.admin_url, autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {role} LOGIN SUPERUSER")
        made.append(role)
        return Clerk(server.url(dbname, role), role)

    yield login
    with psycopg.connect(server.url(dbname), autocommit=True) as conn:
        for role in made:  # the first to open the library made (owns) its tables
            conn.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                         f" WHERE usename = '{role}'")  # fmt: skip
            conn.execute(f"REASSIGN OWNED BY {role} TO CURRENT_USER")
            conn.execute(f"DROP ROLE IF EXISTS {role}")


def test_cli_assign_list_audit_and_a_draft_conflict_between_two_processes(
    tmp_path: Path, clerk_at: Callable[[str], Clerk]
) -> None:
    zhang, li, wang = clerk_at("张明"), clerk_at("李华"), clerk_at("王五")
    db = zhang.db
    with LibraryStore(db, clerk=zhang.name) as store:
        store.profile.set_value("agency_name", "南通市交通运输局")
        case_id = case_actions.save(_case("12"), store=store)
    done = _replydesk(tmp_path, zhang.name, "case", "assign", str(case_id), li.name, "--db", db)
    assert done.returncode == 0 and li.name in done.stdout, done.stderr
    done = _replydesk(tmp_path, li.name, "case", "list", "--mine", "--json", "--db", li.db)
    assert [(c["id"], c["assignee"]) for c in json.loads(done.stdout)] == [(case_id, li.name)]
    done = _replydesk(tmp_path, wang.name, "case", "list", "--mine", "--json", "--db", wang.db)
    assert json.loads(done.stdout) == []
    case_file = tmp_path / "案件.json"
    case_file.write_text(json.dumps({
        "number": "12", "session": "市十七届人大三次会议", "title": "关于完善公交线路的建议",
        "proposers": ["王明"], "reply_date": "2026-06-01",
    }, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    draft = ["draft", "--case", str(case_file), "--update", "--based-on", "0"]
    first = _replydesk(tmp_path, li.name, *draft, "--db", li.db, "--out",
                       str(tmp_path / "李华.docx"))  # fmt: skip
    assert first.returncode == 0, first.stderr
    second = _replydesk(tmp_path, wang.name, *draft, "--db", wang.db, "--out",
                        str(tmp_path / "王五.docx"))  # fmt: skip
    assert second.returncode == 2
    [line] = second.stderr.strip().splitlines()
    assert li.name in line and "第 1 版" in line and "第 0 版" in line
    assert not (tmp_path / "王五.docx").exists()
    done = _replydesk(tmp_path, wang.name, "audit", "--case", str(case_id), "--json", "--db", db)
    rows = json.loads(done.stdout)
    assert [(r["clerk"], r["action"]) for r in rows] == [
        (li.name, "draft.saved"), (li.name, "case.changed"), (zhang.name, "case.assigned"),
        (zhang.name, "case.created")]  # fmt: skip
    done = _replydesk(tmp_path, wang.name, "case", "assign", "99", li.name, "--db", db)
    assert done.returncode == 2
    assert done.stderr.strip() == "没有编号为 99 的案件（可能已被删除），未分派。"


SAVER = """
import json, sys
from desktop.actions import drafts
from desktop.casework import Draft, DraftBlock
from desktop.clerks import DraftConflict
from desktop.store import LibraryStore
db, clerk, case_id, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
saved, conflicts = [], 0
with LibraryStore(db, clerk=clerk) as store:
    for n in range(rounds):
        base = drafts.revision(case_id, store=store)
        draft = Draft()
        draft.sections["plan"] = [DraftBlock("free", f"{clerk}-{n}")]
        try:
            saved.append(drafts.save(case_id, draft, based_on=base, store=store))
        except DraftConflict:
            conflicts += 1
print(json.dumps({"saved": saved, "conflicts": conflicts}))
"""


def test_two_processes_saving_at_once_lose_no_version(tmp_path: Path, location: str) -> None:
    db = location
    with LibraryStore(db, clerk="张明") as store:
        case_id = case_actions.save(_case(), store=store)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, db, clerk, str(case_id), "40"],
            stdout=subprocess.PIPE,
            text=True,
            env=_env(tmp_path, clerk),
        )
        for clerk in ("张明", "李华")
    ]
    results = [json.loads(p.communicate(timeout=180)[0]) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    saved = sorted(v for r in results for v in r["saved"])
    with LibraryStore(db) as store:
        versions = drafts.versions(case_id, store=store)
        assert saved == [v.version for v in versions] == list(range(1, len(saved) + 1))
        assert drafts.revision(case_id, store=store) == len(saved)
        assert len(saved) + sum(r["conflicts"] for r in results) == 80
        rows = clerks.audit(case_id=case_id, store=store)
        assert sum(r.action == "draft.saved" for r in rows) == len(saved)


def test_two_processes_importing_one_folder_store_each_letter_once(
    tmp_path: Path, clerk_at: Callable[[str], Clerk]
) -> None:
    folder = tmp_path / "答复"
    folder.mkdir()
    for n in range(12):
        (folder / f"答复{n:02d}.txt").write_text(
            f"王明代表：\n您提出的关于第{n}条公交线路的建议收悉。现答复如下：\n"
            f"一、第{n}条线路将在{n + 1}月调整站点。\n感谢您对交通工作的关心和支持。\n"
            "南通市交通运输局\n2025年6月1日\n",
            encoding="utf-8",
        )
    two = [clerk_at("张明"), clerk_at("李华")]
    db = two[0].db
    LibraryStore(db).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "desktop", "import", str(folder), "--json", "--db", c.db],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=_env(tmp_path, c.name),
            cwd=tmp_path,
        )
        for c in two
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    results = [r for out, _ in outs for r in json.loads(out)]
    by_status: dict[str, int] = {}
    for r in results:
        by_status[r["status"]] = by_status.get(r["status"], 0) + 1
    assert by_status == {"imported": 12, "duplicate": 12}
    assert all("资料库中已有" in r["message"] for r in results if r["status"] == "duplicate")
    with LibraryStore(db) as store:
        assert store.letters.count() == 12
        imported = [e for e in clerks.audit(store=store) if e.action == "letter.imported"]
        assert len(imported) == 12 and {e.clerk for e in imported} <= {c.name for c in two}


def test_a_copied_case_keeps_its_clerk_revision_and_who_saved_each_version(
    tmp_path: Path, location: str
) -> None:
    with LibraryStore(tmp_path / "pc.db", clerk="张明") as pc:
        case_id = case_actions.save(_case(), store=pc)
        clerks.assign(case_id, "李华", store=pc)
        drafts.save(case_id, _draft("一"), based_on=0, store=pc)
        record = pc.copies.read_case(case_id)
    assert record is not None
    with LibraryStore(location, clerk="王五") as server:
        with server.transaction():
            copied = server.copies.write_case(record, {})
        stored = server.cases.get(copied)
        assert stored is not None and stored.assignee == "李华"
        assert drafts.revision(copied, store=server) == 1
        assert [v.clerk for v in drafts.versions(copied, store=server)] == ["张明"]
        with pytest.raises(DraftConflict):
            drafts.save(copied, _draft("二"), based_on=0, store=server)
