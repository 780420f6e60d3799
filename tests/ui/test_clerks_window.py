"""Many clerks in the window (issue 14 item 2): the assignee in the cases list and the case
dialog, "My cases", a draft saved by two clerks shown side by side (nothing lost), and the
window following another process's changes without touching the clerk's unsaved text."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from desktop.actions import cases, clerks, drafts
from desktop.casework import Draft, DraftBlock, case_from_json
from desktop.clerks import CLERK_ENV
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.case_dialog import CaseDialog
from desktop.ui.cases_model import CasesModel
from desktop.ui.context import AppContext
from desktop.ui.draft_conflict import DraftConflictDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import ROOT

SESSION = "市十七届人大三次会议"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    db = tmp_path / "shared.db"
    store = LibraryStore(db, clerk="张明")
    for number, title, who in (("8", "关于加强科普工作的建议", "张明"),
                               ("9", "关于发展数字经济的建议", "李华")):  # fmt: skip
        case_id = store.cases.save(case_from_json(
            {"number": number, "session": SESSION, "title": title, "proposers": ["王五"]}))
        store.cases.assign(case_id, who)
    context = AppContext(db, store=store, templates=ReplyTemplates(override=tmp_path / "tpl"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(context, settings=settings)
    qtbot.addWidget(w)
    w.cases.refresh()
    w.resize(1300, 760)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if not w.context.closed:
        w.composer.proof_timer.stop()
        w.change_watch.stop()
        w.close()
        w.context.close()


def _listed(w: MainWindow) -> dict[str, str]:
    proxy = w.cases.proxy
    return {
        proxy.index(r, CasesModel.NUMBER).data(): proxy.index(r, CasesModel.ASSIGNEE).data()
        for r in range(proxy.rowCount())
    }


def _type_in_draft(w: MainWindow, text: str) -> None:
    w.model.insert_block("plan", 0, DraftBlock("free", text))


def _plan(draft: Draft | None) -> list[str]:
    assert draft is not None
    return [b.text for b in draft.sections["plan"] if b.kind == "free"]


def test_the_cases_list_shows_the_clerk_and_filters_my_cases(window: MainWindow) -> None:
    w = window
    assert _listed(w) == {"8": "张明", "9": "李华"}
    header = w.cases.model.headerData(CasesModel.ASSIGNEE, Qt.Orientation.Horizontal)
    assert header == "Clerk"
    combo = w.cases.filter_bar.clerk
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All clerks", "My cases (张明)", "Not assigned", "李华"]  # fmt: skip
    w.cases.filter_bar.show_mine()
    assert _listed(w) == {"8": "张明"}
    combo.setCurrentIndex(combo.findText("李华"))
    assert _listed(w) == {"9": "李华"}
    w.cases.filter_bar.clear()
    assert len(_listed(w)) == 2


def test_the_case_dialog_assigns_the_case(window: MainWindow, qtbot: QtBot) -> None:
    w = window
    case_id = w.context.store.cases.find(SESSION, "9")
    assert case_id is not None
    case = w.context.call(cases.get, case_id)
    dialog = CaseDialog(w.context, case, w)
    qtbot.addWidget(dialog)
    assert dialog.assignee.currentText() == "李华"
    dialog.assignee.setCurrentText("王五")
    dialog.accept()
    stored = w.context.store.cases.get(case_id)
    assert stored is not None and stored.assignee == "王五"
    assert clerks.audit(case_id=case_id, store=w.context.store)[0].detail == "李华 → 王五"
    assert _listed(w)["9"] == "王五"


def _answer_dialog(qtbot: QtBot, button: str, seen: list[DraftConflictDialog]) -> None:
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DraftConflictDialog)
        seen.append(dialog)
        dialog.findChild(QPushButton, button).click()

    QTimer.singleShot(200, click)


def test_a_save_over_another_clerks_version_shows_both_and_keeps_mine(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    w = window
    case_id = w.context.store.cases.find(SESSION, "8")
    assert case_id is not None
    w.open_case(case_id)
    _type_in_draft(w, "张明写的下一步")
    with LibraryStore(w.context.db_path, clerk="李华") as other:  # another PC
        theirs = Draft()
        theirs.sections["plan"] = [DraftBlock("free", "李华写的下一步")]
        drafts.save(case_id, theirs, based_on=0, store=other)
    seen: list[DraftConflictDialog] = []
    _answer_dialog(qtbot, "conflictKeepMine", seen)
    w.save_draft()
    [dialog] = seen
    assert "李华写的下一步" in dialog.theirs.toPlainText()
    assert "张明写的下一步" in dialog.mine.toPlainText()
    versions = drafts.versions(case_id, store=w.context.store)
    assert [(v.version, v.clerk) for v in versions] == [(1, "李华"), (2, "张明")]
    assert _plan(drafts.load(case_id, 1, store=w.context.store)) == ["李华写的下一步"]
    assert "张明写的下一步" in _plan(drafts.load(case_id, 2, store=w.context.store))
    assert w.model.revision == 2 and not w.model.is_modified()


def test_taking_theirs_keeps_mine_in_the_history(window: MainWindow, qtbot: QtBot) -> None:
    w = window
    case_id = w.context.store.cases.find(SESSION, "8")
    assert case_id is not None
    w.open_case(case_id)
    _type_in_draft(w, "张明写的下一步")
    with LibraryStore(w.context.db_path, clerk="李华") as other:
        theirs = Draft()
        theirs.sections["plan"] = [DraftBlock("free", "李华写的下一步")]
        drafts.save(case_id, theirs, based_on=0, store=other)
    seen: list[DraftConflictDialog] = []
    _answer_dialog(qtbot, "conflictTakeTheirs", seen)
    w.save_draft()
    assert seen
    versions = drafts.versions(case_id, store=w.context.store)
    assert [(v.version, v.clerk, v.restored_from) for v in versions] == [
        (1, "李华", None), (2, "张明", None), (3, "张明", 1)]  # fmt: skip
    assert "张明写的下一步" in _plan(drafts.load(case_id, 2, store=w.context.store))
    assert _plan(w.model.draft) == ["李华写的下一步"] and w.model.revision == 3


WORKER = """
import sys
from desktop.actions import cases, clerks, drafts
from desktop.casework import Draft, DraftBlock
from desktop.store import LibraryStore
db, case_id = sys.argv[1], int(sys.argv[2])
with LibraryStore(db) as store:
    draft = Draft()
    draft.sections["plan"] = [DraftBlock("free", "李华在另一台电脑上写的")]
    drafts.save(case_id, draft, based_on=drafts.revision(case_id, store=store), store=store)
    clerks.assign(case_id, "李华", store=store)
print("done")
"""


def test_the_window_follows_another_process_without_replacing_unsaved_text(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    w = window
    case_id = w.context.store.cases.find(SESSION, "8")
    assert case_id is not None
    w.open_case(case_id)
    _type_in_draft(w, "张明尚未保存的文字")
    env = {**os.environ, "PYTHONPATH": str(ROOT), CLERK_ENV: "李华",
           "REPLYDESK_DB": str(tmp_path / "not-this.db")}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(w.context.db_path), str(case_id)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: w.draft_changed_bar.isVisible(), timeout=15000)
    assert "李华" in w.draft_changed_bar.label.text()
    assert _plan(w.model.draft) == ["张明尚未保存的文字"] and w.model.is_modified()
    qtbot.waitUntil(lambda: _listed(w).get("8") == "李华", timeout=5000)
    assert w.model.case is not None and w.model.case.assignee == "李华"
    # A letter imported elsewhere: the library pane is told.
    letter = tmp_path / "答复.txt"
    letter.write_text("王五代表：\n您提出的关于科普工作的建议收悉。现答复如下：\n"
                      "一、我们将加强科普。\n感谢您的关心和支持。\n市科学技术局\n2025年6月1日\n",
                      encoding="utf-8")  # fmt: skip
    with qtbot.waitSignal(w.context.libraryChanged, timeout=15000):
        imported = subprocess.run(
            [sys.executable, "-m", "desktop", "import", str(letter), "--db",
             str(w.context.db_path)], capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        assert imported.returncode == 0, imported.stderr


def test_the_settings_set_this_pcs_clerk(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.settings_dialog import SettingsDialog

    monkeypatch.delenv(CLERK_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    settings = QSettings(str(tmp_path / "dialog.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(window.context, settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.clerk.text() == "张明"
    dialog.clerk.setText("王五")
    dialog.accept()
    assert (tmp_path / "data" / "ReplyDesk" / "clerk.txt").read_text(encoding="utf-8") == "王五\n"
    assert window.context.store.clerk == "王五"
    window.cases.refresh()
    combo = window.cases.filter_bar.clerk
    assert combo.itemText(1) == "My cases (王五)"


def test_a_closed_window_stops_following_changes_and_searching(window: MainWindow) -> None:
    """Closing the window stops the poll for other clerks' changes and a search the clerk
    was still typing (its debounce): nothing runs on a window that is gone."""
    window.library.search_box.setText("科技")  # starts the debounce
    assert window.library._debounce.isActive()
    assert window.change_watch.watch.timer.isActive()
    window.close()
    assert not window.library._debounce.isActive()
    assert not window.change_watch.watch.timer.isActive()
