"""Two clerks, two PCs, one library on the office server (issue 14's "done when"): two windows,
each with its own data folder, settings and clerk's name, on one PostgreSQL database — clerk
张明 on an administrator's account, clerk 李华 on a clerk's account (each login named as its
clerk: on the server the login is who works), as ``server init`` and the IT page make them.
What one does, the other's window shows without a restart (its change watch polls the audit
id); a draft both saved is shown side by side and both versions stay; a letter imported on
the command line reaches both libraries' lists; ``audit`` says who did what. Everything is
checked on the widgets' text (in Chinese, as the clerks see it) and on the server's rows.

With ``$REPLYDESK_SHOTS`` set to a folder (run under Xvfb), the test also saves what 李华
sees: the conflict dialog and the cases list with its clerk column.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.actions import cases, clerks
from desktop.casework import Draft, DraftBlock, case_from_json
from desktop.clerks import CLERK_ENV, save_clerk_name
from desktop.store import LibraryStore
from desktop.ui import app as ui_app
from desktop.ui.case_dialog import CaseDialog
from desktop.ui.cases_model import CasesModel
from desktop.ui.draft_conflict import DraftConflictDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import ROOT
from tests.pg_server import PgServer

SESSION = "市十七届人大三次会议"
CASE = {
    "number": "1203",
    "session": SESSION,
    "title": "关于加快老旧小区加装电梯的建议",
    "proposers": ["王某某"],
    "assigned_date": "2026-03-05",
}
LETTER = (
    "王五代表：\n您提出的关于加强科普阵地建设的建议收悉。现答复如下：\n"
    "一、我们将在全市新建二十个社区科普馆。\n感谢您对科普工作的关心和支持。\n"
    "市科学技术局\n2025年6月1日\n"
)
SHOTS = os.environ.get("REPLYDESK_SHOTS")


def _cli(*args: str, data_home: Path) -> subprocess.CompletedProcess[str]:
    """A command on a clerk's PC: her data folder (and so her 经办人), no $REPLYDESK_DB."""
    env = {k: v for k, v in os.environ.items() if k not in ("REPLYDESK_DB", CLERK_ENV)}
    env.update(PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(data_home))
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip


def _sql(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture
def accounts(pg_server: PgServer, pg_database_url: str, tmp_path: Path) -> Iterator[dict[str, str]]:
    """The server as IT sets it up: ``server init`` as the owner, the agency's name set, one
    administrator's and one clerk's login account. {"admin": URL, "clerk": URL}."""
    done = _cli("server", "init", pg_database_url, "--json", data_home=tmp_path / "it")
    assert done.returncode == 0, done.stderr
    done = _cli("profile", "set", "agency_name", "市科学技术局", "--db", pg_database_url,
                data_home=tmp_path / "it")  # fmt: skip
    assert done.returncode == 0, done.stderr
    # On the server the login is the clerk (desktop/store/pg/own_cases.py): the accounts are
    # named as the clerks are (quoted; roles belong to the whole server, dropped after).
    names = {"admin": "张明", "clerk": "李华"}
    for group, name in names.items():
        _sql(pg_server.admin_url, f'DROP ROLE IF EXISTS "{name}"')
        _sql(pg_server.admin_url, f'CREATE ROLE "{name}" LOGIN IN ROLE replydesk_{group}')
    dbname = pg_database_url.rsplit("/", 1)[1]
    try:
        yield {g: pg_server.url(dbname, quote(name)) for g, name in names.items()}
    finally:
        for name in names.values():
            _sql(pg_server.admin_url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                      f" WHERE usename = '{name}'")  # fmt: skip
            _sql(pg_server.admin_url, f'DROP ROLE IF EXISTS "{name}"')


class Clerk:
    """One clerk's PC: a data folder holding her 经办人 name, a settings file, a window."""

    def __init__(self, name: str, url: str, home: Path) -> None:
        self.name, self.url, self.home = name, url, home
        self.data_home = home / "data"
        self.window: MainWindow | None = None

    @property
    def w(self) -> MainWindow:
        assert self.window is not None
        return self.window

    def start(self, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
        # The data folder is the process's: the window reads its clerk's name from it at start.
        monkeypatch.setenv("XDG_DATA_HOME", str(self.data_home))
        save_clerk_name(self.name)
        settings = QSettings(str(self.home / "settings.ini"), QSettings.Format.IniFormat)
        opened = ui_app.open_window(self.url, settings)
        assert opened is not None
        _context, window = opened
        qtbot.addWidget(window)
        qtbot.waitSignal(window.started, timeout=15000).wait()
        window.resize(1500, 900)
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.context.store.clerk == self.name, timeout=1000)
        self.window = window
        return window

    def close(self) -> None:
        if self.window is not None and not self.window.context.closed:
            self.window.composer.proof_timer.stop()
            self.window.close()
            self.window.context.close()


@pytest.fixture
def two_clerks(
    accounts: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Clerk, Clerk]]:
    monkeypatch.delenv(CLERK_ENV, raising=False)  # each PC's name is in its data folder
    monkeypatch.delenv("REPLYDESK_DB", raising=False)
    a = Clerk("张明", accounts["admin"], tmp_path / "pc-zhang")
    b = Clerk("李华", accounts["clerk"], tmp_path / "pc-li")
    yield a, b
    for clerk in (a, b):
        clerk.close()


def _listed(w: MainWindow) -> dict[str, str]:
    """The cases list as shown: number → the clerk column's text."""
    proxy = w.cases.proxy
    return {
        str(proxy.index(r, CasesModel.NUMBER).data()): str(
            proxy.index(r, CasesModel.ASSIGNEE).data() or "")
        for r in range(proxy.rowCount())
    }  # fmt: skip


def _library_lines(w: MainWindow) -> list[str]:
    model = w.library.results_model
    return [
        model.row_at(r).lead + "".join(p for p, _ in model.row_at(r).pieces)
        for r in range(model.rowCount())
    ]


def _type(w: MainWindow, text: str) -> None:
    w.model.insert_block("plan", 0, DraftBlock("free", text))


def _plan(draft: Draft | None) -> list[str]:
    assert draft is not None
    return [b.text for b in draft.sections["plan"] if b.kind == "free"]


def _when_modal(answer: Callable[[QWidget], None], *, within_ms: int = 15000) -> list[QWidget]:
    """Answer the first modal dialog shown within ``within_ms``; the dialogs answered."""
    seen: list[QWidget] = []
    tries = [within_ms // 100]

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(100, look)
            return
        seen.append(dialog)
        answer(dialog)

    QTimer.singleShot(100, look)
    return seen


def _shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def test_two_clerks_share_one_library_on_the_server(
    qtbot: QtBot, chinese: QApplication, two_clerks: tuple[Clerk, Clerk],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pg_database_url: str,
) -> None:  # fmt: skip
    zhang, li = two_clerks
    a = zhang.start(qtbot, monkeypatch)
    b = li.start(qtbot, monkeypatch)
    assert a.context.on_server and b.context.on_server

    # 张明 (administrator) registers two cases and assigns them in the case dialog: one to
    # 李华, one to himself.
    ids = {}
    for number, title, who in ((CASE["number"], CASE["title"], "李华"),
                               ("1204", "关于完善社区养老服务设施的建议", "张明")):  # fmt: skip
        ids[number] = a.context.call(cases.save, case_from_json({**CASE, "number": number,
                                                                 "title": title}))  # fmt: skip
        a.cases.refresh()
        dialog = CaseDialog(a.context, a.context.call(cases.get, ids[number]), a)
        qtbot.addWidget(dialog)
        dialog.assignee.setCurrentText(who)
        dialog.accept()
    case_id = ids[CASE["number"]]
    assert _listed(a) == {CASE["number"]: "李华", "1204": "张明"}

    # 李华's window learns it from the change watch: "My cases" lists hers, no restart.
    mine = b.cases.filter_bar
    mine.show_mine()
    assert mine.clerk.currentText() == "我的案件（李华）"
    qtbot.waitUntil(lambda: _listed(b) == {CASE["number"]: "李华"}, timeout=10000)
    header = b.cases.model.headerData(CasesModel.ASSIGNEE, Qt.Orientation.Horizontal)
    assert header == "经办人"
    mine.clear()  # all clerks' cases: the clerk column says whose each is
    assert _listed(b) == {CASE["number"]: "李华", "1204": "张明"}
    assert not b.cases.view.isColumnHidden(CasesModel.ASSIGNEE)
    title = b.cases.view.horizontalHeader().sectionSize(CasesModel.TITLE)
    assert title >= b.cases.view.fontMetrics().horizontalAdvance("关于加快老旧小区")
    with LibraryStore(pg_database_url, clerk="测试") as server:
        stored = server.cases.get(case_id)
        assert stored is not None and stored.assignee == "李华"
        [assigned] = [e for e in server.audit.entries(case_id=case_id)
                      if e.action == "case.assigned"]  # fmt: skip
        assert assigned.clerk == "张明" and assigned.detail.endswith("李华")
    _shot(b, "shared-library-cases.png")

    # Both open the case at revision 0; 张明 saves first, then 李华 from the older revision.
    a.open_case(case_id)
    b.open_case(case_id)
    assert a.model.revision == b.model.revision == 0
    _type(a, "张明写的：明年新增加装电梯一百台。")
    a.save_draft()
    assert a.model.revision == 1 and "第 1 版" in a.statusBar().currentMessage()
    _type(b, "李华写的：简化加装电梯的审批手续。")
    qtbot.waitUntil(lambda: b.draft_changed_bar.isVisible(), timeout=10000)
    assert "张明" in b.draft_changed_bar.label.text()

    texts: dict[str, str] = {}

    def keep_mine(dialog: QWidget) -> None:
        assert isinstance(dialog, DraftConflictDialog)
        texts["title"] = dialog.windowTitle()
        texts["theirs"] = dialog.theirs.toPlainText()
        texts["mine"] = dialog.mine.toPlainText()
        texts["intro"] = dialog.findChild(QWidget, "conflictIntro").text()  # type: ignore[union-attr]
        _shot(dialog, "shared-library-conflict.png")
        button = dialog.findChild(QPushButton, "conflictKeepMine")
        assert button is not None and button.text() == "保留我的"
        button.click()

    seen = _when_modal(keep_mine)
    b.save_draft()
    assert seen, "李华 was not shown the conflict"
    assert texts["title"] == "别人已保存了这份草稿"
    assert "张明" in texts["intro"] and "第 1 版" in texts["intro"]
    assert "还没有保存过" in texts["intro"] and "第 0 版" not in texts["intro"]
    assert "张明写的：明年新增加装电梯一百台。" in texts["theirs"]
    assert "李华写的：简化加装电梯的审批手续。" in texts["mine"]
    assert "张明写的" not in texts["mine"] and "李华写的" not in texts["theirs"]
    assert b.model.revision == 2 and not b.model.is_modified()
    with LibraryStore(pg_database_url, clerk="测试") as server:
        versions = server.drafts.versions(case_id)
        assert [(v.version, v.clerk) for v in versions] == [(1, "张明"), (2, "李华")]
        assert _plan(server.drafts.load(case_id, 1)) == ["张明写的：明年新增加装电梯一百台。"]
        assert _plan(server.drafts.load(case_id, 2)) == ["李华写的：简化加装电梯的审批手续。"]
    # 张明's window is told that 李华 saved version 2; his text stays as it is.
    qtbot.waitUntil(lambda: a.draft_changed_bar.isVisible(), timeout=10000)
    assert "李华" in a.draft_changed_bar.label.text()
    assert _plan(a.model.draft) == ["张明写的：明年新增加装电梯一百台。"]

    # 李华 imports a letter on her PC's command line while both windows are open.
    letter = tmp_path / "科普答复.txt"
    letter.write_text(LETTER, encoding="utf-8")
    done = _cli("import", str(letter), "--db", li.url, data_home=li.data_home)
    assert done.returncode == 0, done.stderr
    for w in (a, b):
        qtbot.waitUntil(lambda w=w: any("科普" in line for line in _library_lines(w)),
                        timeout=10000)  # fmt: skip
        assert "1 份" in w.library.status.text()

    # The audit trail on the command line: who did what.
    done = _cli("audit", "--db", zhang.url, data_home=zhang.data_home)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any("张明  分派案件" in line and "李华" in line for line in lines), lines
    assert any("张明  保存草稿" in line and "第 1 版" in line for line in lines), lines
    assert any("李华  保存草稿" in line and "第 2 版" in line for line in lines), lines
    assert any("李华  导入文件" in line for line in lines), lines
    rows = json.loads(_cli("audit", "--json", "--db", li.url, data_home=li.data_home).stdout)
    assert {r["clerk"] for r in rows} >= {"张明", "李华"}


def test_a_clerks_unsaved_text_and_open_case_stay_on_her_pc(
    qtbot: QtBot, two_clerks: tuple[Clerk, Clerk], monkeypatch: pytest.MonkeyPatch,
    pg_database_url: str,
) -> None:  # fmt: skip
    """张明's working copy (his edits not saved as a version, autosaved every few seconds) and
    the case he had open are his: 李华's window neither opens them at its start nor shows his
    text when she opens the case, and her own working copy leaves his as it was."""
    zhang, li = two_clerks
    a = zhang.start(qtbot, monkeypatch)
    case_id = a.context.call(cases.save, case_from_json(CASE))
    a.cases.refresh()
    a.open_case(case_id)
    _type(a, "张明尚未保存的文字")
    a.model.autosave_now()  # a new paragraph is written at once; typing every few seconds

    asked: list[str] = []

    def note_and_close(dialog: QWidget) -> None:
        asked.append(dialog.text() if isinstance(dialog, QMessageBox) else repr(dialog))
        dialog.close()

    _when_modal(note_and_close, within_ms=1000)  # a question about his text would be wrong
    b = li.start(qtbot, monkeypatch)
    qtbot.wait(1200)
    assert asked == [] and b.model.case is None
    b.open_case(case_id)
    assert _plan(b.model.draft) == [] and not b.model.is_modified()
    _type(b, "李华尚未保存的文字")
    b.model.autosave_now()
    with LibraryStore(pg_database_url, clerk="张明") as his, \
            LibraryStore(pg_database_url, clerk="李华") as hers:  # fmt: skip
        assert _plan(his.drafts.autosave_of(case_id)) == ["张明尚未保存的文字"]
        assert _plan(hers.drafts.autosave_of(case_id)) == ["李华尚未保存的文字"]
        assert [p.case_id for p in his.drafts.pending_autosaves()] == [case_id]


def test_a_clerks_account_is_not_offered_an_administrators_work(
    qtbot: QtBot, chinese: QApplication, two_clerks: tuple[Clerk, Clerk],
    monkeypatch: pytest.MonkeyPatch, pg_database_url: str,
) -> None:  # fmt: skip
    """The agency's profile not entered yet: 张明's administrator account is asked for it at
    the start; 李华's clerk account (the server refuses her the profile) is told that an
    administrator enters it, not given a form she cannot save. Her case dialog shows whose
    the case is without offering to change it (assigning is an administrator's right)."""
    from desktop.ui.first_start_dialog import agency_ready

    _sql(pg_database_url, "DELETE FROM profile WHERE key = 'agency_name'")
    zhang, li = two_clerks
    a = zhang.start(qtbot, monkeypatch)
    assert a.first_start is not None and a.first_start.isVisible()
    a.first_start.reject()
    b = li.start(qtbot, monkeypatch)
    assert b.first_start is None
    assert "管理员" in b.statusBar().currentMessage()

    told: list[str] = []

    def note_and_close(dialog: QWidget) -> None:
        told.append(dialog.text() if isinstance(dialog, QMessageBox) else repr(dialog))
        dialog.close()

    _when_modal(note_and_close)
    assert agency_ready(b.context, b) is False
    [said] = told
    assert "管理员" in said and "发文机关" in said

    case_id = a.context.call(cases.save, case_from_json(CASE))
    a.context.call(clerks.assign, case_id, "李华")
    dialog = CaseDialog(b.context, b.context.call(cases.get, case_id), b)
    qtbot.addWidget(dialog)
    assert dialog.assignee.currentText() == "李华" and not dialog.assignee.isEnabled()
    assert dialog.assignee.toolTip() == "只有管理员可以分派案件"
    dialog.title.setText("关于加快老旧小区加装电梯工作的建议")
    dialog.accept()  # her own change to the case is kept; the assignee stays
    with LibraryStore(pg_database_url, clerk="测试") as server:
        stored = server.cases.get(case_id)
        assert stored is not None and stored.assignee == "李华"
        assert stored.title == "关于加快老旧小区加装电梯工作的建议"


def test_the_administrators_profile_change_reaches_the_clerks_window(
    qtbot: QtBot, chinese: QApplication, two_clerks: tuple[Clerk, Clerk],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """张明 (administrator) switches the bureau's answer categories to 甲乙丙: 李华's open
    window follows (its category filter offers 甲类 …) without a restart."""
    from desktop.actions import profile

    zhang, li = two_clerks
    a = zhang.start(qtbot, monkeypatch)
    b = li.start(qtbot, monkeypatch)
    combo = b.cases.filter_bar.category
    assert "A类" in [combo.itemText(i) for i in range(combo.count())]
    a.context.call(profile.save, {"category_scheme": "甲乙丙"}, only_changed=True)
    qtbot.waitUntil(
        lambda: "甲类" in [combo.itemText(i) for i in range(combo.count())], timeout=10000
    )
    assert "A类" not in [combo.itemText(i) for i in range(combo.count())]


def test_a_case_marked_sent_elsewhere_turns_read_only_in_the_other_window(
    qtbot: QtBot, chinese: QApplication, two_clerks: tuple[Clerk, Clerk],
    monkeypatch: pytest.MonkeyPatch, pg_database_url: str,
) -> None:  # fmt: skip
    """张明 saves the draft and marks the case 已答复 (its reply is filed) while 李华 has it
    open: her window shows it as sent and read-only, as her own marking would; what she had
    typed stays hers, in her working copy — nothing is written over the filed reply."""
    zhang, li = two_clerks
    a = zhang.start(qtbot, monkeypatch)
    b = li.start(qtbot, monkeypatch)
    case_id = a.context.call(cases.save, case_from_json(CASE))
    a.open_case(case_id)
    _type(a, "张明写的：明年新增加装电梯一百台。")
    a.save_draft()
    qtbot.waitUntil(lambda: CASE["number"] in _listed(b), timeout=10000)
    b.open_case(case_id)
    _type(b, "李华补充的一句。")
    a.context.call(cases.set_status, case_id, "sent", templates=a.context.templates)
    qtbot.waitUntil(lambda: b.read_only_bar.isVisible(), timeout=10000)
    assert b.model.read_only and not b.composer.isEnabled()
    assert not b.actions_by_key["save"].isEnabled()
    assert "只读" in b.read_only_bar.label.text()
    assert b.read_only_bar.letter_link.isVisibleTo(b)  # the reply he filed, in the library
    with LibraryStore(pg_database_url, clerk="李华") as hers:
        assert [v.clerk for v in hers.drafts.versions(case_id)] == ["张明"]
        assert "李华补充的一句。" in _plan(hers.drafts.autosave_of(case_id))


def test_a_case_changed_by_another_clerk_meanwhile_is_not_overwritten_unknowingly(
    qtbot: QtBot, chinese: QApplication, two_clerks: tuple[Clerk, Clerk],
    monkeypatch: pytest.MonkeyPatch, pg_database_url: str,
) -> None:  # fmt: skip
    """张明 has the case dialog open; 李华 moves the case to 待审核 and sets the contact. His
    OK saves nothing and says who changed it (his entries stay); a second OK saves his
    entries knowingly. Before, his OK silently put the status and fields back."""
    zhang, li = two_clerks
    a = zhang.start(qtbot, monkeypatch)
    b = li.start(qtbot, monkeypatch)
    case_id = a.context.call(cases.save, case_from_json({**CASE, "status": "drafting"}))
    dialog = CaseDialog(a.context, a.context.call(cases.get, case_id), a)
    qtbot.addWidget(dialog)
    dialog.contact_phone.setText("0513-85000001")

    hers = b.context.call(cases.get, case_id)
    assert hers is not None
    hers.contact_name = "李华"
    hers.status = "review"
    b.context.call(cases.save_case, hers)

    told: list[str] = []

    def note_and_close(box: QWidget) -> None:
        told.append(box.text() if isinstance(box, QMessageBox) else repr(box))
        box.close()

    _when_modal(note_and_close)
    dialog.accept()
    [said] = told
    assert "李华" in said and "1203" in said and "没有保存" in said and "再次点击" in said
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.contact_phone.text() == "0513-85000001"
    with LibraryStore(pg_database_url, clerk="测试") as server:
        stored = server.cases.get(case_id)
        assert stored is not None
        assert (stored.status, stored.contact_name, stored.contact_phone) == ("review", "李华", "")
    dialog.accept()  # now knowingly
    assert dialog.result() == dialog.DialogCode.Accepted
    with LibraryStore(pg_database_url, clerk="测试") as server:
        stored = server.cases.get(case_id)
        assert stored is not None and stored.contact_phone == "0513-85000001"


def test_the_reminders_follow_the_cases_another_clerk_adds(
    qtbot: QtBot, chinese: QApplication, two_clerks: tuple[Clerk, Clerk],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """张明 registers a case already past its due date: 李华's open window lists it in its
    reminder banner (已超期) as it lists it among the cases, without a restart."""
    zhang, li = two_clerks
    a = zhang.start(qtbot, monkeypatch)
    b = li.start(qtbot, monkeypatch)
    banner = b.reminder_banner
    assert not banner.isVisible()
    a.context.call(cases.save, case_from_json({**CASE, "assigned_date": "2025-01-06"}))
    qtbot.waitUntil(lambda: CASE["number"] in _listed(b), timeout=10000)
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    widgets = [*banner.findChildren(QLabel), *banner.findChildren(QPushButton)]
    shown = " ".join(w.text() for w in widgets if w.isVisibleTo(banner))
    assert "已超期" in shown and CASE["number"] in shown


def test_a_case_deleted_by_the_administrator_is_closed_in_the_clerks_window_and_said(
    qtbot: QtBot, chinese: QApplication, two_clerks: tuple[Clerk, Clerk],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    zhang, li = two_clerks
    a = zhang.start(qtbot, monkeypatch)
    b = li.start(qtbot, monkeypatch)
    case_id = a.context.call(cases.save, case_from_json(CASE))
    qtbot.waitUntil(lambda: CASE["number"] in _listed(b), timeout=10000)
    b.open_case(case_id)
    assert a.context.call(cases.delete, case_id).deleted
    qtbot.waitUntil(lambda: b.model.case is None, timeout=10000)
    assert _listed(b) == {}
    assert b.statusBar().currentMessage() == "第1203号案件已被张明删除，这里已关闭该案件。"


def test_a_clerk_is_told_that_a_case_is_another_clerks_and_keeps_her_text(
    qtbot: QtBot, two_clerks: tuple[Clerk, Clerk], monkeypatch: pytest.MonkeyPatch,
    pg_database_url: str,
) -> None:  # fmt: skip
    """On the server a clerk's account changes only her own cases and unassigned ones: 李华
    saving the draft of a case assigned to 张明 is told so in a message, nothing reaches the
    case, and what she typed stays in the composer and as her own working copy; the case
    dialog says the same under its fields."""
    zhang, li = two_clerks
    a = zhang.start(qtbot, monkeypatch)
    case_id = a.context.call(cases.save, case_from_json(CASE))
    a.context.call(clerks.assign, case_id, "张明")
    b = li.start(qtbot, monkeypatch)
    b.cases.refresh()
    b.open_case(case_id)
    _type(b, "李华写在张明案件上的文字")

    told: list[str] = []

    def note_and_close(dialog: QWidget) -> None:
        told.append(dialog.text() if isinstance(dialog, QMessageBox) else repr(dialog))
        dialog.close()

    seen = _when_modal(note_and_close)
    b.save_draft()
    assert seen and told[0].startswith("这个案件已分派给张明，只有经办人或管理员可以修改"), told
    assert "工作副本" in told[0]
    assert b.model.is_modified() and _plan(b.model.draft) == ["李华写在张明案件上的文字"]
    with LibraryStore(pg_database_url, clerk="李华") as server:
        assert server.drafts.versions(case_id) == [] and server.drafts.revision(case_id) == 0
        assert _plan(server.drafts.autosave_of(case_id)) == ["李华写在张明案件上的文字"]

    case = b.context.call(cases.get, case_id)
    dialog = CaseDialog(b.context, case, b)
    qtbot.addWidget(dialog)
    dialog.title.setText("李华改的标题")
    dialog.accept()
    assert dialog.error_text().startswith("这个案件已分派给张明，只有经办人或管理员可以修改")
    assert dialog.result() == 0  # not accepted: what she typed stays in the dialog
    with LibraryStore(pg_database_url, clerk="测试") as server:
        stored = server.cases.get(case_id)
        assert stored is not None and stored.title == CASE["title"]

    # who she is there is her login, not a name she could type in the settings
    from desktop.ui.settings_dialog import SettingsDialog

    ini = QSettings(str(li.home / "dialog.ini"), QSettings.Format.IniFormat)
    settings = SettingsDialog(b.context, settings=ini)
    qtbot.addWidget(settings)
    assert settings.clerk.text() == "李华" and settings.clerk.isReadOnly()
