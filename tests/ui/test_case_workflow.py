"""The cases pane in the window: a click opens, edits survive switching, the last case comes
back at start, a sent case is read-only until reopened, a deleted case closes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from desktop.casework import DraftBlock, case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.cases_model import CasesModel
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow

SESSION = "市十七届人大三次会议"


def _make(qtbot: QtBot, db: Path, tmp_path: Path) -> MainWindow:
    context = AppContext(db, store=LibraryStore(db),
                         templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    qtbot.addWidget(window)
    return window


def _close(window: MainWindow) -> None:
    window.composer.proof_timer.stop()
    window.close()
    window.context.close()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    w = _make(qtbot, tmp_path / "library.db", tmp_path)
    for number, title, name in (("8", "关于加强科普工作的建议", "李四"),
                                ("9", "关于发展数字经济的建议", "王五")):  # fmt: skip
        w.context.store.cases.save(
            case_from_json(
                {"number": number, "session": SESSION, "title": title, "proposers": [name]}
            )
        )
    w.cases.refresh()
    w.resize(1300, 700)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if not w.context.closed:
        _close(w)


def _case_id(window: MainWindow, number: str) -> int:
    return next(c.id for c in window.context.store.cases.all() if c.number == number)  # type: ignore[return-value]


def _click(qtbot: QtBot, window: MainWindow, number: str) -> None:
    view = window.cases.view
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == number)
    rect = view.visualRect(model.index(row, CasesModel.TITLE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_click_opens_and_switching_keeps_unsaved_edits(qtbot: QtBot, window: MainWindow) -> None:
    _click(qtbot, window, "8")
    assert window.model.case_id == _case_id(window, "8")
    window.composer.insert_paragraph("plan", DraftBlock("free", "尚未保存的打算。"))
    _click(qtbot, window, "8")  # the open case again: nothing reloads
    assert "尚未保存的打算。" in [b.text for b in window.model.blocks("plan")]
    _click(qtbot, window, "9")
    assert window.model.case_id == _case_id(window, "9")
    _click(qtbot, window, "8")
    assert "尚未保存的打算。" in [b.text for b in window.model.blocks("plan")]
    assert window.model.is_modified()
    window.save_draft()
    versions = window.context.store.drafts.versions(_case_id(window, "8"))
    assert [v.source for v in versions] == ["window"]  # switching is not a crash


def test_the_last_open_case_reopens_at_start(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _click(qtbot, window, "9")
    _close(window)
    again = _make(qtbot, tmp_path / "library.db", tmp_path)
    assert again.reopen_last_case()
    assert again.model.case_id == _case_id(again, "9")
    assert again.cases.current_case_id() == again.model.case_id
    _close(again)


def test_a_sent_case_is_read_only_until_reopened(qtbot: QtBot, window: MainWindow) -> None:
    case_id = _case_id(window, "8")
    window.context.store.cases.set_status(case_id, "sent")
    window.cases.refresh()
    _click(qtbot, window, "8")
    assert window.read_only_bar.isVisibleTo(window)
    assert "read-only" in window.read_only_bar.label.text()
    assert not window.composer.isEnabled()
    before = [b.text for b in window.model.blocks("plan")]
    window.model.insert_block("plan", 0, DraftBlock("free", "不应写入。"))
    window._insert("plan", DraftBlock("free", "也不应写入。"))
    assert [b.text for b in window.model.blocks("plan")] == before
    assert not window.model.is_modified()
    assert "read-only" in window.statusBar().currentMessage()

    window.read_only_bar.reopen_button.click()
    case = window.context.store.cases.get(case_id)
    assert case is not None and case.status == "drafting"
    assert not window.read_only_bar.isVisibleTo(window) and window.composer.isEnabled()
    window.model.insert_block("plan", 0, DraftBlock("free", "现在可以写。"))
    assert window.model.blocks("plan")[0].text == "现在可以写。"

    # Marked sent from the pane while open with unsaved edits: they are saved, then locked.
    window.cases.set_status(case_id, "sent")
    assert window.model.read_only and window.read_only_bar.isVisibleTo(window)
    saved = window.context.store.drafts.load(case_id)
    assert saved is not None and saved.sections["plan"][0].text == "现在可以写。"


def test_deleting_the_open_case_closes_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    _click(qtbot, window, "8")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.cases.delete_case(_case_id(window, "8"))
    assert window.model.case is None
    assert window.windowTitle() == "ReplyDesk"


def test_a_sent_cases_versions_cannot_be_restored(qtbot: QtBot, window: MainWindow) -> None:
    from desktop.casework import Draft
    from desktop.ui.versions_dialog import VersionsDialog

    case_id = _case_id(window, "8")
    window.context.store.drafts.save(case_id, Draft(), source="window")
    window.context.store.drafts.save(case_id, Draft(), source="cli")
    window.context.store.cases.set_status(case_id, "sent")
    window.cases.refresh()
    _click(qtbot, window, "8")
    dialog = VersionsDialog(window.context, window.model, window)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentCell(1, 0)
    assert not dialog.restore_button.isEnabled()
    assert dialog.restore_selected() is None
    assert len(window.context.store.drafts.versions(case_id)) == 2
