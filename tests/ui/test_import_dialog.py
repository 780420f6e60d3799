from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressBar, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

import desktop.importer
from desktop.ui.context import AppContext
from desktop.ui.import_dialog import FAILED_COLOUR, STATUS_ROLE, ImportDialog
from tests.conftest import SAMPLES

CHINESE = re.compile("[\u4e00-\u9fff]")

LETTER = """关于市十七届人大三次会议第{n}号建议的答复

张三代表：
您提出的《关于加快第{n}批孵化器建设的建议》收悉。现答复如下：
一、工作现状
近年来，我市已建成孵化器{n}家，在孵企业{m}余家。
二、下一步打算
下一步，我们将继续加大第{n}批孵化器建设力度。
衷心感谢您提出的建议。
南通市科学技术局
2021年6月1日
"""


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(tmp_path / "library.db")
    yield ctx
    ctx.close()


def _dialog(qtbot: QtBot, context: AppContext, paths: list[Path]) -> ImportDialog:
    dialog = ImportDialog(context, paths)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _statuses(table: QTableWidget) -> list[str]:
    return [table.item(row, 1).data(STATUS_ROLE) for row in range(table.rowCount())]


def test_import_sample_library_and_a_bad_file(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    bad = tmp_path / "坏文件"
    bad.mkdir()
    (bad / "空白答复.txt").write_bytes(b"")
    dialog = _dialog(qtbot, context, [SAMPLES, bad])
    assert dialog.objectName() == "importDialog"
    changed: list[bool] = []
    context.libraryChanged.connect(lambda: changed.append(True))
    progress = dialog.findChild(QProgressBar, "importProgress")
    seen: list[int] = []
    progress.valueChanged.connect(seen.append)

    with qtbot.waitSignal(dialog.importFinished, timeout=30000) as finished:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        assert dialog.running
        assert not dialog.start_button.isEnabled()
        assert dialog.findChild(QPushButton, "importCancel").isEnabled()
    assert finished.args == [5, 0, 1, False]
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)

    assert progress.maximum() == 6
    assert progress.value() == 6
    assert seen[-1] == 6 and len([v for v in seen if v > 0]) >= 2  # updated per file
    table = dialog.findChild(QTableWidget, "importResults")
    assert table.rowCount() == 6
    statuses = _statuses(table)
    assert sorted(statuses) == ["failed"] + ["imported"] * 5
    failed_row = statuses.index("failed")
    assert table.item(failed_row, 0).text() == "空白答复.txt"
    assert table.item(failed_row, 1).text() == dialog.status_text("failed")
    message = table.item(failed_row, 2).text()
    assert CHINESE.search(message), message
    for column in range(3):
        assert table.item(failed_row, column).foreground().color() == FAILED_COLOUR
    ok_row = statuses.index("imported")
    assert table.item(ok_row, 2).foreground().color() != FAILED_COLOUR
    assert "5" in dialog.summary.text() and "1" in dialog.summary.text()
    assert changed == [True]
    assert context.store.letters.count() == 5
    assert dialog.start_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_nothing_imported_does_not_announce_a_change(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    dialog = _dialog(qtbot, context, [empty])
    changed: list[bool] = []
    context.libraryChanged.connect(lambda: changed.append(True))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert dialog.table.rowCount() == 0
    assert dialog.summary.text()
    assert changed == []


def test_cancel_keeps_what_was_imported_and_the_window_stays_responsive(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "四十份答复"
    folder.mkdir()
    for n in range(40):
        (folder / f"答复{n:02d}.txt").write_text(LETTER.format(n=n + 1, m=100 + n), "utf-8")

    real_import_file = desktop.importer.import_file

    def slow_import_file(*args: object, **kwargs: object) -> desktop.importer.ImportResult:
        time.sleep(0.03)  # a real .doc through LibreOffice takes seconds
        return real_import_file(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(desktop.importer, "import_file", slow_import_file)

    dialog = _dialog(qtbot, context, [folder])
    ticks_while_running: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(
        lambda: ticks_while_running.append(time.monotonic()) if dialog.running else None
    )
    timer.start()
    changed: list[bool] = []
    context.libraryChanged.connect(lambda: changed.append(True))

    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=10000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.cancel_button.isEnabled()  # one click is enough
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    timer.stop()

    imported = [r for r in dialog.results if r.status == "imported"]
    assert 1 <= len(imported) < 40
    assert dialog.table.rowCount() == len(dialog.results) < 40
    assert dialog.progress.maximum() == 40
    assert context.store.letters.count() == len(imported)
    assert context.store.integrity_check() == "ok"
    assert changed == [True]
    assert dialog.summary.text()
    # The UI thread kept handling events while the files were imported.
    assert len(ticks_while_running) >= 3, ticks_while_running

    # The rest can be imported afterwards: nothing half-done is left behind.
    monkeypatch.setattr(desktop.importer, "import_file", real_import_file)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    statuses = [r.status for r in dialog.results]
    assert statuses.count("duplicate") == len(imported)
    assert statuses.count("imported") == 40 - len(imported)
    assert context.store.letters.count() == 40


def test_closing_while_importing_stops_first(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "答复"
    folder.mkdir()
    for n in range(10):
        (folder / f"{n}.txt").write_text(LETTER.format(n=n + 1, m=n), "utf-8")
    real_import_file = desktop.importer.import_file

    def slow_import_file(*args: object, **kwargs: object) -> desktop.importer.ImportResult:
        time.sleep(0.03)
        return real_import_file(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(desktop.importer, "import_file", slow_import_file)
    dialog = _dialog(qtbot, context, [folder])
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=10000)
    dialog.reject()
    assert dialog.isVisible()  # stays until the current file is done
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert not dialog.running
    assert context.store.integrity_check() == "ok"


def test_no_file_count_before_anything_is_counted(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, context, [])
    bar = dialog.findChild(QProgressBar, "importProgress")
    assert not bar.isTextVisible()  # not "0 of 1 files" with nothing chosen
    letter = tmp_path / "一.txt"
    letter.write_text(LETTER.format(n=1, m=10), encoding="utf-8")
    dialog.add_path(letter)
    assert not bar.isTextVisible()
    with qtbot.waitSignal(dialog.importFinished, timeout=30000):
        dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert bar.isTextVisible() and bar.text() == "1 of 1 files"
