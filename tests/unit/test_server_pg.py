"""The office server on a real PostgreSQL (issue 14 items 3 and 5): ``server init`` makes the
schema, the roles and their rights; a clerk's account reads and works on cases but is refused
an administrator's action with a plain message, nothing changed; ``server upload`` moves a PC
library onto the server (a second run adds nothing); ``server download`` makes a SQLite copy
equal to it. Real subprocesses, a real server (tests/pg_server.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.actions import cases as case_actions
from desktop.actions import clerks, drafts
from desktop.casework import Case, Draft, DraftBlock
from desktop.clerks import CaseNotYours
from desktop.store import LibraryStore
from tests.pg_server import PgServer
from tests.unit.test_server_copy import (
    comparable_case,
    comparable_letter,
    own_case,
    source_library,
)

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "REPLYDESK_DB"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**env, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip


def _sql(server: PgServer, url: str, sql: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql)
        return list(cur.fetchall()) if cur.description else []


@pytest.fixture
def initialised(pg_database_url: str) -> str:
    proc = _cli("server", "init", pg_database_url, "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["migrations"][:1] == ["m001_library"] and report["grants"] > 10
    assert any("replydesk_clerk" in step for step in report["next_steps"])
    return pg_database_url


@dataclass(frozen=True)
class Logins:
    """Two clerks and an administrator of one initialised library: login names and URLs."""

    names: dict[str, str]  # "a", "b", "admin" -> login role
    urls: dict[str, str]


@pytest.fixture
def logins(pg_server: PgServer, initialised: str) -> Iterator[Logins]:
    """Login roles of their own (roles belong to the whole server): clerks "a" and "b", an
    administrator "admin"; dropped after the test."""
    groups = {"a": "clerk", "b": "clerk", "admin": "admin"}
    names = {who: f"t_{who}_{uuid.uuid4().hex[:8]}" for who in groups}
    for who, name in names.items():
        _sql(pg_server, pg_server.admin_url,
             f"CREATE ROLE {name} LOGIN IN ROLE replydesk_{groups[who]}")  # fmt: skip
    dbname = initialised.rsplit("/", 1)[1]
    try:
        yield Logins(names, {who: pg_server.url(dbname, n) for who, n in names.items()})
    finally:
        for name in names.values():
            gone = (
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{name}'"
            )
            _sql(pg_server, pg_server.admin_url, gone)
            _sql(pg_server, pg_server.admin_url, f"DROP ROLE IF EXISTS {name}")


@pytest.fixture
def account(logins: Logins) -> tuple[str, str]:
    """(a clerk's URL, an administrator's URL)."""
    return logins.urls["a"], logins.urls["admin"]


def test_init_gives_the_roles_their_rights_and_can_run_again(
    pg_server: PgServer, initialised: str
) -> None:
    def may(role: str, table: str, right: str) -> bool:
        ((yes,),) = _sql(pg_server, initialised,
                         f"SELECT has_table_privilege('{role}', '{table}', '{right}')")  # fmt: skip
        return bool(yes)

    assert may("replydesk_clerk", "letters", "SELECT") and may(
        "replydesk_clerk", "letters", "INSERT"
    )
    assert not may("replydesk_clerk", "letters", "DELETE")
    assert may("replydesk_clerk", "draft_versions", "INSERT")
    assert not may("replydesk_clerk", "cases", "DELETE")
    assert not may("replydesk_clerk", "profile", "UPDATE")
    assert not may("replydesk_clerk", "profile_files", "INSERT")
    assert may("replydesk_admin", "letters", "DELETE") and may(
        "replydesk_admin", "profile", "UPDATE"
    )
    again = _cli("server", "init", initialised, "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["roles_created"] == []


def test_a_clerk_works_on_cases_but_an_administrators_action_is_refused_plainly(
    account: tuple[str, str], tmp_path: Path
) -> None:
    clerk, admin = account
    source, _ = source_library(tmp_path)
    proc = _cli("server", "upload", "--from", str(source), "--db", clerk, "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["letters_added"] == 3 and report["cases_added"] == 2
    assert report["profile"] == "no-right"  # the agency profile is the administrator's
    with LibraryStore(clerk) as store:
        letter_id = store.letters.all()[0].id
        assert store.profile.is_sample()

    for args in (["delete", str(letter_id), "--yes"], ["profile", "set", "agency_name", "某局"]):
        proc = _cli(*args, "--db", clerk)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.startswith("此操作需要管理员权限"), proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    with LibraryStore(clerk) as store:
        assert store.letters.get(letter_id) is not None and store.profile.is_sample()

    proc = _cli("delete", str(letter_id), "--yes", "--db", admin)
    assert proc.returncode == 0, proc.stderr
    with LibraryStore(admin) as store:
        assert store.letters.get(letter_id) is None


def test_upload_twice_adds_nothing_and_download_is_the_same_library(
    initialised: str, tmp_path: Path
) -> None:
    source, made = source_library(tmp_path)
    first = _cli("server", "upload", "--from", str(source), "--db", initialised, "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["profile"] == "copied"
    again = _cli("server", "upload", "--from", str(source), "--db", initialised, "--json")
    assert again.returncode == 0, again.stderr
    counts = json.loads(again.stdout)
    assert (counts["letters_added"], counts["letters_present"]) == (0, 3)
    assert (counts["cases_added"], counts["cases_present"], counts["paragraphs_added"]) == (0, 2, 0)

    copy = tmp_path / "副本" / "library.db"
    proc = _cli("server", "download", "--db", initialised, "--to", str(copy), "--json")
    assert proc.returncode == 0, proc.stderr
    with LibraryStore(source) as pc, LibraryStore(copy) as local:
        by_hash = {r.content_hash: r.id for r in local.letters.all()}
        ids = {r.id: by_hash[r.content_hash] for r in pc.letters.all()}
        assert len(ids) == 3
        for src, dst in ids.items():
            assert comparable_letter(local.letters.detail(dst)) == comparable_letter(
                pc.letters.detail(src)
            )
        for case_id in (made["sent"], made["working"]):
            record = pc.copies.read_case(case_id)
            assert record is not None
            there = local.cases.find(record.case.session, record.case.number)
            copied = local.copies.read_case(there or 0)
            assert copied is not None
            assert own_case(copied) == comparable_case(record, ids)
        assert local.copies.profile_values() == pc.copies.profile_values()

    assert sorted(p.name for p in copy.parent.iterdir()) == ["library.db"]  # nothing beside

    # the offline copy refreshed: an earlier download of the same server is replaced …
    proc = _cli("server", "download", "--db", initialised, "--to", str(copy))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in copy.parent.iterdir()) == ["library.db"]
    # … any other file is not
    proc = _cli("server", "download", "--db", initialised, "--to", str(source))
    assert proc.returncode == 2 and "没有覆盖" in proc.stderr
    with LibraryStore(source) as pc:
        assert pc.letters.count() == 3


def test_upload_into_the_library_it_comes_from_is_refused(tmp_path: Path) -> None:
    lib = tmp_path / "x.db"
    LibraryStore(lib).close()
    proc = _cli("server", "upload", "--db", str(lib), "--from", str(lib))
    assert proc.returncode == 2 and "同一个资料库" in proc.stderr


def test_a_clerk_opening_a_server_that_needs_an_upgrade_is_told_to_ask_the_administrator(
    pg_server: PgServer, account: tuple[str, str]
) -> None:
    clerk, _ = account
    # as if this program were newer than the server's schema: the last migration not applied
    dbname = clerk.rsplit("/", 1)[1]
    owner = pg_server.url(dbname)
    (last,) = _sql(pg_server, owner, "SELECT max(name) FROM replydesk_migrations")[0]
    _sql(pg_server, owner, f"DELETE FROM replydesk_migrations WHERE name = '{last}'")
    proc = _cli("letters", "--db", clerk)
    assert proc.returncode == 2
    assert "需要升级" in proc.stderr and "replydesk server init" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    # nothing was changed: still one migration short
    left = f"SELECT count(*) FROM replydesk_migrations WHERE name = '{last}'"
    rows = _sql(pg_server, owner, left)
    assert rows == [(0,)]


# ----------------------------------------------------------------------------- own cases
def _a_case(number: str) -> Case:
    return Case(number=number, title=f"关于第{number}号的建议", proposers=["王明"],
                session="市十七届人大三次会议")  # fmt: skip


def _plan(text: str) -> Draft:
    draft = Draft()
    draft.sections["plan"] = [DraftBlock("free", text)]
    return draft


def _row(url: str, sql: str) -> tuple[object, ...]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(sql).fetchone()
    assert row is not None
    return tuple(row)


def test_a_clerk_changes_her_own_and_unassigned_cases_and_is_told_whose_the_others_are(
    logins: Logins, initialised: str
) -> None:
    a, b = logins.names["a"], logins.names["b"]
    with LibraryStore(logins.urls["admin"]) as admin:
        ids = {key: case_actions.save(_a_case(n), store=admin)
               for key, n in (("hers", "1"), ("free", "2"), ("theirs", "3"))}  # fmt: skip
        clerks.assign(ids["hers"], a, store=admin)
        clerks.assign(ids["theirs"], b, store=admin)
        # the assign list offers the server's logins, not the names cases happen to carry
        offered = clerks.assignable(store=admin)
        assert {a, b, logins.names["admin"]} <= set(offered)
        assert "postgres" not in offered

    with LibraryStore(logins.urls["a"]) as store:
        assert store.clerk == a
        for key in ("hers", "free"):
            case = store.cases.get(ids[key])
            assert case is not None
            case.title += "（修改）"
            case_actions.save(case, store=store)
            case_actions.set_status(ids[key], "drafting", store=store)
            assert drafts.save(ids[key], _plan("她的文字"), based_on=0, store=store) == 1
        before = _row(initialised, "SELECT count(*) FROM audit")
        theirs = store.cases.get(ids["theirs"])
        assert theirs is not None
        theirs.title = "不该改的标题"
        refusals = []
        for attempt in (
            lambda: case_actions.save(theirs, store=store),
            lambda: case_actions.set_status(ids["theirs"], "drafting", store=store),
            lambda: drafts.save(ids["theirs"], _plan("写在别人案件上的文字"), store=store),
        ):
            with pytest.raises(CaseNotYours) as refused:
                attempt()
            refusals.append(refused.value.message)
        told = f"这个案件已分派给{b}，只有经办人或管理员可以修改"
        assert all(m.startswith(told) for m in refusals), refusals
        assert "工作副本" in refusals[-1] and "\n" not in refusals[-1]
        # nothing of hers reached the case …
        where = f"WHERE id = {ids['theirs']}"
        assert _row(initialised, f"SELECT title, status, draft_revision FROM cases {where}") == (
            "关于第3号的建议", "pending", 0)  # fmt: skip
        where = f"WHERE case_id = {ids['theirs']}"
        assert _row(initialised, f"SELECT count(*) FROM draft_versions {where}") == (0,)
        assert _row(initialised, "SELECT count(*) FROM audit") == before
        # … and nothing typed is lost: her text is her own working copy, offered to her alone
        kept = store.drafts.autosave_of(ids["theirs"])
        assert kept is not None and kept.sections["plan"][0].text == "写在别人案件上的文字"
    with LibraryStore(logins.urls["b"]) as other:
        assert other.drafts.autosave_of(ids["theirs"]) is None

    # the command line says the same in one line, exit 2
    proc = _cli("case", "status", str(ids["theirs"]), "drafting", "--db", logins.urls["a"])
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(f"这个案件已分派给{b}，只有经办人或管理员可以修改")
    assert len(proc.stderr.strip().splitlines()) == 1

    # the clerk it is assigned to, and an administrator, may
    with LibraryStore(logins.urls["b"]) as store:
        assert drafts.save(ids["theirs"], _plan("经办人的文字"), based_on=0, store=store) == 1
    with LibraryStore(logins.urls["admin"]) as store:
        case_actions.set_status(ids["theirs"], "drafting", store=store)
        assert drafts.save(ids["theirs"], _plan("管理员的文字"), based_on=1, store=store) == 2
        assert [v.clerk for v in drafts.versions(ids["theirs"], store=store)] == [
            b, logins.names["admin"]]  # fmt: skip
    assert _row(initialised, f"SELECT status FROM cases WHERE id = {ids['theirs']}") == (
        "drafting",)  # fmt: skip


def test_the_audit_names_the_login_whatever_the_clerk_calls_herself(
    logins: Logins, initialised: str
) -> None:
    a = logins.names["a"]
    with LibraryStore(logins.urls["admin"]) as admin:
        case_id = case_actions.save(_a_case("7"), store=admin)
    # $REPLYDESK_CLERK says otherwise: the store asks the server who is logged in
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "case", "status", str(case_id), "drafting",
         "--db", logins.urls["a"]],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), "REPLYDESK_CLERK": "冒名的人"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert _row(initialised, "SELECT clerk, action FROM audit ORDER BY id DESC LIMIT 1") == (
        a, "case.status")  # fmt: skip
    # a program that sends another name is overruled by the server's trigger
    with LibraryStore(logins.urls["a"], clerk="冒名的人") as store:
        drafts.save(case_id, _plan("一"), based_on=0, store=store)
    where = f"WHERE case_id = {case_id}"
    assert _row(initialised, f"SELECT clerk FROM draft_versions {where}") == (a,)
    assert _row(initialised, "SELECT clerk FROM audit ORDER BY id DESC LIMIT 1") == (a,)

    # so is a clerk writing the audit table herself
    import psycopg

    with psycopg.connect(logins.urls["a"], autocommit=True) as conn:
        conn.execute(
            "INSERT INTO audit (at, clerk, action, target) VALUES (now()::text, '管理员', 'x', 'y')"
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # and cannot change it
            conn.execute("UPDATE audit SET clerk = '管理员'")
    assert _row(initialised, "SELECT clerk, action FROM audit ORDER BY id DESC LIMIT 1") == (a, "x")
    # an administrator's update keeps who did it
    with psycopg.connect(logins.urls["admin"], autocommit=True) as conn:
        conn.execute(f"UPDATE draft_versions SET clerk = 'x', note = '改' {where}")
    assert _row(initialised, f"SELECT clerk, note FROM draft_versions {where}") == (a, "改")


def test_a_clerks_upload_leaves_out_the_cases_assigned_to_others_and_says_so(
    logins: Logins, tmp_path: Path
) -> None:
    pc = tmp_path / "pc.db"
    with LibraryStore(pc, clerk="张明") as store:
        for number, assignee in (("21", ""), ("22", "李华")):
            case_id = case_actions.save(_a_case(number), store=store)
            if assignee:
                clerks.assign(case_id, assignee, store=store)
            drafts.save(case_id, _plan(f"第{number}号的稿子"), based_on=0, store=store)
            store.drafts.autosave(case_id, _plan("没保存的"))
    proc = _cli("server", "upload", "--from", str(pc), "--db", logins.urls["a"], "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["cases_added"] == 1 and report["draft_versions"] == 1
    assert report["cases_refused"] == ["市十七届人大三次会议第22号（李华）"]
    proc = _cli("server", "upload", "--from", str(pc), "--db", logins.urls["a"])
    assert proc.returncode == 0 and "另有 1 件案件已分派给他人" in proc.stdout, proc.stdout
    # the administrator's account uploads it; the server records its version under the account
    # that put it there (only the owner's rows keep the PC's names: desktop/store/pg/own_cases.py)
    proc = _cli("server", "upload", "--from", str(pc), "--db", logins.urls["admin"], "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["cases_added"] == 1
    with LibraryStore(logins.urls["admin"]) as server:
        case_id = server.cases.find("市十七届人大三次会议", "22")
        assert case_id is not None
        versions = drafts.versions(case_id, store=server)
        assert [(v.version, v.clerk) for v in versions] == [(1, logins.names["admin"])]
