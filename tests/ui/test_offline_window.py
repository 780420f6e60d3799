"""The window when the office server cannot be reached (issue 14 item 4): it opens the local
copy read-only and says so in its status bar; a draft saved there waits in the data folder and
reaches the server at the next start there — a colleague's save meanwhile is a conflict shown,
and both drafts are kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from desktop import paths
from desktop.actions import cases
from desktop.casework import Draft, DraftBlock
from desktop.server.offline import queue_draft, queued, refresh_offline_copy
from desktop.store import LibraryStore
from desktop.ui import app as ui_app
from desktop.ui.server_status import ServerStatus
from tests.pg_server import NoServer, server_bin, temporary_cluster
from tests.unit.test_case_sent import a_case


def _draft(text: str) -> Draft:
    draft = Draft()
    draft.sections["status"] = [DraftBlock("free", text)]
    return draft


def test_the_window_works_on_the_local_copy_while_the_server_is_away(
    qtbot: QtBot, chinese: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = server_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server programs")
    data = tmp_path / "data"
    monkeypatch.setattr(paths, "data_dir", lambda: data)
    try:
        with temporary_cluster(bin_dir) as server:  # a server of its own: it is stopped below
            url = server.url("postgres")
            with LibraryStore(url) as store:
                case_id = cases.save(a_case("51"), store=store)
                store.drafts.save(case_id, _draft("服务器上的第一版。"), source="window")
            refresh_offline_copy(url, data)
    except NoServer as exc:
        pytest.skip(str(exc))
    # the server is gone now
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    opened = ui_app.open_window(url, settings)
    assert opened is not None
    context, window = opened
    qtbot.addWidget(window)
    try:
        assert context.offline_from == url and context.read_only
        label = window.findChild(QLabel, "serverStatus")
        assert label is not None
        qtbot.waitUntil(lambda: "本机副本（只读）" in label.text(), timeout=15_000)
        window.open_case(case_id)
        window.model.draft.sections["status"] = [DraftBlock("free", "离线时改写的一段。")]
        version = window.model.save(context)
        assert version == 2  # what it is expected to become on the server
        (waiting,) = queued(data, url)
        assert waiting.base_version == 1
        assert waiting.draft.sections["status"][0].text == "离线时改写的一段。"
    finally:
        window.close()
        context.close()
    with LibraryStore(data / "server-copy.db", read_only=True) as copy:
        assert len(copy.drafts.versions(case_id)) == 1  # the copy itself is not written


def test_back_on_the_server_the_drafts_saved_offline_are_sent_and_a_conflict_shown(
    qtbot: QtBot,
    chinese: QApplication,
    pg_database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with LibraryStore(pg_database_url) as store:
        case_id = cases.save(a_case("52"), store=store)
        store.drafts.save(case_id, _draft("第一版。"), source="window")
        case = store.cases.get(case_id)
    assert case is not None
    queue_draft(tmp_path, pg_database_url, case, 1, _draft("我离线时写的。"))
    with LibraryStore(pg_database_url) as store:  # a colleague saves meanwhile
        store.drafts.save(case_id, _draft("同事保存的。"), source="window")
    shown: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.server_status.QMessageBox.warning",
        lambda _parent, _title, text: shown.append(text),
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    status = ServerStatus(
        window, pg_database_url, interval_ms=60_000, copy_folder=tmp_path, copy_delay=0
    )
    with qtbot.waitSignal(status.sent, timeout=30_000) as done:
        pass
    assert done.args[0].sent == 1 and len(done.args[0].conflicts) == 1
    assert shown and "第52号" in shown[0] and "第 3 版" in shown[0]
    assert window.statusBar().currentMessage() == "离线时保存的稿件已上传到服务器：1 份。"
    assert queued(tmp_path, pg_database_url) == []
    with LibraryStore(pg_database_url) as store:
        texts = [
            store.drafts.load(case_id, v.version).sections["status"][0].text  # type: ignore[union-attr]
            for v in store.drafts.versions(case_id)
        ]
    assert texts == ["第一版。", "同事保存的。", "我离线时写的。"]
    qtbot.waitSignal(status.refreshed, timeout=120_000).wait()  # the copy follows
