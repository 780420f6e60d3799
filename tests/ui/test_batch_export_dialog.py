"""The batch export dialog writes the session's answered cases with progress, lists a file it
could not write, and Stop ends the run between two cases."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.actions import batch_export
from desktop.actions import profile as profile_actions
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.batch_export_dialog import BatchExportDialog
from desktop.ui.context import AppContext
from tests.unit.test_batch_export import SESSION, add_case


@pytest.fixture
def context(tmp_path: Path) -> AppContext:
    db = tmp_path / "library.db"
    store = LibraryStore(db)
    profile_actions.set_value("agency_name", "南通市科学技术局", store=store)
    for n in range(1, 7):
        add_case(store, str(n))
    return AppContext(db, store=store, templates=ReplyTemplates(override=tmp_path / "tpl"))


def dialog_for(qtbot: QtBot, context: AppContext, folder: Path) -> BatchExportDialog:
    settings = QSettings(str(folder.parent / "settings.ini"), QSettings.Format.IniFormat)
    dialog = BatchExportDialog(context, settings=settings)
    qtbot.addWidget(dialog)
    dialog.session.setCurrentIndex(dialog.session.findData(SESSION))
    dialog.folder.setText(str(folder))
    dialog.pdf.setChecked(False)
    return dialog


def test_the_dialog_writes_every_case_and_lists_the_blocked_file(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    case = batch_export.answered_cases(SESSION, store=context.store)[2]
    (out / (batch_export.file_stem(case) + ".txt")).mkdir()  # a folder in the text file's way
    dialog = dialog_for(qtbot, context, out)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert dialog.outcome is not None and dialog.progress.value() == 6
    assert len(dialog.outcome.written) == 11 and len(dialog.outcome.failed) == 1
    rows = [
        [dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())
    ]
    blocked = [r for r in rows if r[0] == case.number and r[1].endswith(".txt")]
    assert blocked and "文件夹" in blocked[0][2]
    assert "6" in dialog.summary.text() and "11" in dialog.summary.text()
    assert len(list(out.glob("*.docx"))) == 6


def test_stop_ends_the_export_between_two_cases(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = batch_export.write_docx
    calls: list[int] = []

    def held(letter: object, target: Path) -> object:
        calls.append(1)
        if len(calls) == 1:  # the first case waits until the clerk has pressed Stop
            release.wait(30)
        return real(letter, target)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_export, "write_docx", held)
    out = tmp_path / "out"
    dialog = dialog_for(qtbot, context, out)
    dialog.start()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=30000)  # case 1 under way
    dialog.cancel()
    assert not dialog.cancel_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.outcome is None
    # the case under way was finished (its DOCX and plain text), no other was begun
    assert len(list(out.glob("*.docx"))) == 1 and len(calls) == 1
    assert dialog.table.rowCount() == 2 and "2" in dialog.summary.text()
