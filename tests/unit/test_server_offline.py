"""Working while the server is away (issue 14 item 4): drafts saved offline wait in the data
folder and reach the server when it is back, each as a new version, with a conflict reported
when another clerk saved meanwhile; nothing typed is lost. Which library the window opens:
the server when it answers, else the local copy downloaded from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.actions import cases
from desktop.casework import Draft, DraftBlock
from desktop.server import offline
from desktop.server.offline import choose_library, queue_draft, queued, send_queued
from desktop.store import LibraryReadOnly, LibraryStore
from desktop.store.server_probe import probe
from tests.pg_server import PgServer
from tests.unit.test_case_sent import a_case

URL = "postgresql://zhangsan@127.0.0.1:5999/replydesk"


def _draft(text: str) -> Draft:
    draft = Draft()
    draft.sections["status"] = [DraftBlock("free", text)]
    return draft


@pytest.fixture
def server(tmp_path: Path) -> LibraryStore:
    """The library the drafts go back to (a SQLite store here: send_queued uses the store's
    public methods only; tests/unit/test_server_pg.py runs the same on PostgreSQL)."""
    store = LibraryStore(tmp_path / "server.db")
    case_id = cases.save(a_case("21"), store=store)
    store.drafts.save(case_id, _draft("服务器上的第一版。"), source="window")
    return store


def test_offline_drafts_are_sent_in_order_and_removed_from_the_queue(
    server: LibraryStore, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    case = a_case("21")
    queue_draft(data, URL, case, 1, _draft("离线写的第一稿。"))
    queue_draft(data, URL, case, 1, _draft("离线写的第二稿。"), note="改了结尾")
    waiting = queued(data, URL)
    assert [q.draft.sections["status"][0].text for q in waiting] == [
        "离线写的第一稿。",
        "离线写的第二稿。",
    ]
    assert queued(data, "postgresql://zhangsan@127.0.0.1:5999/other") == []  # another server's

    report = send_queued(data, URL, server)
    case_id = server.cases.find(case.session, case.number)
    assert case_id is not None
    assert [(s.version, s.conflict) for s in report.sent] == [(2, False), (3, False)]
    assert report.conflicts == [] and report.missing == []
    versions = server.drafts.versions(case_id)
    assert [(v.version, v.source) for v in versions] == [
        (1, "window"),
        (2, "offline"),
        (3, "offline"),
    ]
    assert versions[2].note == "改了结尾"
    loaded = server.drafts.load(case_id, 3)
    assert loaded is not None and loaded.sections["status"][0].text == "离线写的第二稿。"
    assert queued(data, URL) == [] and list((data / offline.QUEUE_FOLDER).iterdir()) == []
    # sending again adds nothing
    assert send_queued(data, URL, server).sent == []
    assert len(server.drafts.versions(case_id)) == 3


def test_a_draft_saved_on_the_server_meanwhile_is_a_conflict_and_both_are_kept(
    server: LibraryStore, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    case = a_case("21")
    queue_draft(data, URL, case, 1, _draft("我在离线时写的。"))
    case_id = server.cases.find(case.session, case.number) or 0
    server.drafts.save(case_id, _draft("同事在此期间保存的。"), source="window")

    report = send_queued(data, URL, server)
    (sent,) = report.conflicts
    assert (sent.base_version, sent.version, sent.number) == (1, 3, "21")
    versions = server.drafts.versions(case_id)
    assert "第 2 版" in versions[2].note
    texts = [server.drafts.load(case_id, v.version).sections["status"][0].text for v in versions]  # type: ignore[union-attr]
    assert texts == ["服务器上的第一版。", "同事在此期间保存的。", "我在离线时写的。"]


def test_a_draft_whose_case_is_gone_stays_queued(server: LibraryStore, tmp_path: Path) -> None:
    data = tmp_path / "data"
    queue_draft(data, URL, a_case("99"), 0, _draft("这个案件服务器上没有。"))
    report = send_queued(data, URL, server)
    assert report.sent == [] and [m.number for m in report.missing] == ["99"]
    (left,) = queued(data, URL)
    assert (
        left.path is not None
        and json.loads(left.path.read_text(encoding="utf-8"))["number"] == "99"
    )


def _dead_url(pg_server: PgServer) -> str:
    """A loopback port nothing listens on (the test server's own port plus one is free: the
    cluster listens on one port)."""
    return f"postgresql://{pg_server.user}@127.0.0.1:{pg_server.port + 1}/postgres"


def test_the_probe_tells_a_server_from_no_server(pg_server: PgServer) -> None:
    assert probe(pg_server.admin_url).reachable
    down = probe(_dead_url(pg_server))
    assert down.state == "unreachable" and down.seconds < 5


def test_the_window_opens_the_local_copy_when_the_server_does_not_answer(
    pg_database_url: str, pg_server: PgServer, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with LibraryStore(pg_database_url) as store:
        cases.save(a_case("31"), store=store)
    assert choose_library(pg_database_url, data).offline is False
    dead = _dead_url(pg_server)

    def away(_url: str, _options: dict[str, object]) -> object:
        return probe(dead)

    with pytest.raises(offline.ServerUnavailable, match="本机也还没有它的副本"):
        choose_library(pg_database_url, data, reach=away)  # type: ignore[arg-type]
    offline.refresh_offline_copy(pg_database_url, data)
    chosen = choose_library(pg_database_url, data, reach=away)  # type: ignore[arg-type]
    assert chosen.offline and chosen.location == offline.offline_copy_path(data)
    assert "本机副本（只读）" in chosen.message
    with offline.open_library(chosen) as copy:
        assert copy.read_only
        case_id = copy.cases.find(a_case("31").session, "31")
        assert case_id is not None
        with pytest.raises(LibraryReadOnly):
            copy.drafts.save(case_id, _draft("离线时不能写进副本。"))
    with LibraryStore(chosen.location) as copy:  # nothing was written
        assert copy.drafts.versions(case_id) == []
