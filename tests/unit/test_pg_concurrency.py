"""Ten clerks' PCs on one PostgreSQL library at once (issue 14): real processes.

Seven clients hold a store open as the window does and three run ``python -m desktop``
commands (tests/unit/pg_load_client.py). For ``$REPLYDESK_CONCURRENCY_SECONDS`` (60 on CI,
15 elsewhere) they import folders — the same shared folders by several clients at once, and
folders of their own holding a copy of a shared letter — search, and save drafts of shared
cases with the draft version check. Afterwards: no error but the expected draft
conflicts; every save reported done is in the library, and nothing else (versions counted
exactly); each letter is stored once, with one "imported" result among all the clients' and
"duplicate" for every other; the audit table holds exactly one row per change.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from desktop.actions import cases as case_actions
from desktop.actions.search import search
from desktop.casework import Case
from desktop.store import LibraryStore
from tests.conftest import ROOT
from tests.pg_server import PgServer
from tests.unit.pg_load_client import write_folder

CLIENT = Path(__file__).with_name("pg_load_client.py")
SECONDS_ENV = "REPLYDESK_CONCURRENCY_SECONDS"
CLIENTS = 10
CLI_CLIENTS = 3
SESSION = "市十七届人大三次会议"


def _seconds() -> float:
    default = "60" if os.environ.get("CI", "").lower() == "true" else "15"
    return min(60.0, float(os.environ.get(SECONDS_ENV, default)))


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    return {
        **os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"), "REPLYDESK_DB": str(tmp_path / "not-this.db"),
    }  # fmt: skip


@pytest.fixture
def clerk_urls(pg_server: PgServer, pg_database_url: str) -> Iterator[dict[str, str]]:
    """The library set up as on the office server (``server init``: roles, rights, the login
    recorded as who did what) and a login of her own for each clerk: name -> URL."""
    init = subprocess.run(
        [sys.executable, "-m", "desktop", "server", "init", pg_database_url, "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={k: v for k, v in os.environ.items() if k != "REPLYDESK_DB"},
    )  # fmt: skip
    assert init.returncode == 0, init.stderr
    names = [f"t_load{i}_{uuid.uuid4().hex[:8]}" for i in range(CLIENTS)]
    dbname = pg_database_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
        for name in names:
            admin.execute(f"CREATE ROLE {name} LOGIN IN ROLE replydesk_clerk")
        try:
            yield {name: pg_server.url(dbname, name) for name in names}
        finally:
            for name in names:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                    [name],
                )
                admin.execute(f"DROP ROLE IF EXISTS {name}")


def _setup(db: str) -> list[dict[str, Any]]:
    """The shared cases (and the agency, which the command line's draft needs), made by the
    administrator."""
    cases = []
    with LibraryStore(db) as store:
        store.profile.set_value("agency_name", "南通市科学技术局")
        for number in ("11", "12", "13", "14"):
            case = Case(number=number, session=SESSION, title=f"关于第{number}号科技工作的建议",
                        proposers=["王明"])  # fmt: skip
            case_id = case_actions.save(case, store=store)
            cases.append({"id": case_id, "number": number, "session": SESSION,
                          "title": case.title})  # fmt: skip
    return cases


def test_ten_clients_on_one_server_library_lose_and_double_nothing(
    tmp_path: Path, pg_server: PgServer, pg_database_url: str, clerk_urls: dict[str, str]
) -> None:
    seconds = _seconds()
    db = pg_database_url
    cases = _setup(db)
    admin = pg_server.user  # on the server the login is who did what
    shared_numbers = list(range(1, 25))
    shared = [str(write_folder(tmp_path / f"shared-{i}", shared_numbers[i::3])) for i in range(3)]
    procs = []
    for i, (clerk, url) in enumerate(clerk_urls.items()):
        work = tmp_path / f"client-{i}"
        work.mkdir()
        spec = {
            "db": url, "clerk": clerk, "mode": "cli" if i < CLI_CLIENTS else "store",
            "seconds": seconds, "seed": i, "work": str(work), "shared": shared,
            "shared_numbers": shared_numbers,
            # The commands are slower (a process each): they share case 13 with everyone and
            # case 14 among themselves, or another PC's save would come before each of theirs.
            "cases": cases[2:] if i < CLI_CLIENTS else cases[:3],
        }  # fmt: skip
        (work / "spec.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        proc = subprocess.Popen(
            [sys.executable, str(CLIENT), str(work / "spec.json")], cwd=ROOT,
            env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8",
        )  # fmt: skip
        procs.append(proc)
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=seconds + 300)
        assert proc.returncode == 0, err[-3000:]
        reports.append(json.loads(out))

    errors = [e for r in reports for e in r["errors"]]
    assert not errors, errors[0]
    saves = [(s["case_id"], s["version"], r["clerk"], s["text"]) for r in reports
             for s in r["saves"]]  # fmt: skip
    results = [res for r in reports for i in r["imports"] for res in i["results"]]
    # Each letter's text once in the library: one "imported" among all the results naming
    # it (a shared folder, or a copy in a folder of its own), "duplicate" for the others.
    by_text: dict[str, list[dict[str, Any]]] = {}
    for res in results:
        text = Path(res["path"]).read_text(encoding="utf-8")
        by_text.setdefault(text, []).append(res)
    imported_ids = set()
    for text, found in by_text.items():
        statuses = Counter(res["status"] for res in found)
        assert statuses["imported"] == 1, (text[:20], statuses)
        assert set(statuses) <= {"imported", "duplicate"}, statuses
        ids = {res["letter_id"] for res in found}
        assert len(ids) == 1, ids
        imported_ids |= ids

    with LibraryStore(db) as store:
        letters = store.db.execute("SELECT id FROM letters").fetchall()
        assert sorted(r[0] for r in letters) == sorted(imported_ids)
        stored = store.db.execute(
            "SELECT case_id, version, clerk, content FROM draft_versions"
        ).fetchall()
        # Exactly the saves reported done: nothing lost, nothing saved that was refused.
        assert len(stored) == len(saves)
        assert {(r[0], r[1], r[2]) for r in stored} == {s[:3] for s in saves}
        content = {(r[0], r[1]): r[3] for r in stored}
        assert all(text in content[(case_id, version)] for case_id, version, _, text in saves)
        for case in cases:
            versions = sorted(s[1] for s in saves if s[0] == case["id"])
            assert versions == list(range(1, len(versions) + 1))
            assert store.drafts.revision(case["id"]) == len(versions)
        audit = Counter(
            (r[0], r[1], r[2])
            for r in store.db.execute("SELECT action, target_id, clerk FROM audit").fetchall()
        )
        cli_clerks = {r["clerk"] for r in reports if r["mode"] == "cli"}
        expected = Counter(("case.created", c["id"], admin) for c in cases)
        expected.update(("draft.saved", v, clerk) for _, v, clerk, _ in saves)
        expected.update(("case.changed", case_id, clerk) for case_id, _, clerk, _ in saves
                        if clerk in cli_clerks)  # fmt: skip
        imported_by = [(res["letter_id"], r["clerk"]) for r in reports for i in r["imports"]
                       for res in i["results"] if res["status"] == "imported"]  # fmt: skip
        expected.update(("letter.imported", letter_id, clerk) for letter_id, clerk in imported_by)
        profile = audit.pop(("profile.changed", None, admin))
        assert profile == 1 and audit == expected
        # What was stored is found by its own words.
        for text in sorted(by_text)[:: max(1, len(by_text) // 5)]:
            [number] = re.findall(r"编号(\d+)持续", text)
            page = search(f"编号{number}持续", store=store)
            assert by_text[text][0]["letter_id"] in {s for h in page.hits for s in h.sources}

    conflicts = sum(r["conflicts"] for r in reports)
    print(
        f"\n{seconds:.0f} s, {CLIENTS} clients: {len(saves)} saves, {conflicts} conflicts,"
        f" {len(results)} import results ({len(letters)} letters),"
        f" {sum(r['searches'] for r in reports)} searches; per client (saves/conflicts/"
        "imports/searches): "
        + ", ".join(
            f"{len(r['saves'])}/{r['conflicts']}/{len(r['imports'])}/{r['searches']}"
            for r in reports
        )
    )
    assert saves and conflicts and len(letters) > len(shared_numbers)
