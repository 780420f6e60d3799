"""The command line and the window share their use cases (``desktop.actions``): the same clerk's
action run through ``replydesk …`` in a real subprocess and through the window's menu or
inspector gives the same rows and files, and both runs pass through the same action function.

Which function ran is seen by wrapping the action (the wrapper records the call and calls the
real action on the real library; nothing is mocked): in the subprocess by a small launcher
that wraps it before ``desktop.__main__.main`` runs, in the window by monkeypatch.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop.actions import backup as backup_actions
from desktop.actions import letters as letter_actions
from desktop.errors import ClerkError
from desktop.importer import import_file
from desktop.reply_templates import ReplyTemplates
from desktop.sample import ensure_sample_library
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.letter_inspector import LetterInspector
from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

# Wraps one action of ``desktop.actions.<module>`` so that every call is written to a file,
# then runs the real command line.
LAUNCHER = """
import importlib, sys
calls, module, name, *argv = sys.argv[1:]
actions = importlib.import_module("desktop.actions." + module)
real = getattr(actions, name)
def recorded(*args, **kwargs):
    with open(calls, "a", encoding="utf-8") as fh:
        fh.write(name + "\\n")
    return real(*args, **kwargs)
setattr(actions, name, recorded)
from desktop.__main__ import main
sys.exit(main(argv))
"""

LETTER = """关于加快乡村公路养护的建议的答复

王明代表：
您提出的《关于加快乡村公路养护的建议》收悉，现答复如下：
一、办理现状
近年来，我局持续推进农村公路养护工作，群众出行条件明显改善。
二、下一步打算
下一步，我局将加大资金投入，完善养护机制。
感谢您对交通工作的关心和支持。
某县交通运输局
2021年6月18日
"""


def run_cli(tmp_path: Path, module: str, name: str, *argv: str) -> tuple[int, str, list[str]]:
    """``replydesk ARGV`` in a real process with ``desktop.actions.MODULE.NAME`` recorded:
    exit code, stdout and the recorded calls."""
    launcher = tmp_path / "launcher.py"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    calls = tmp_path / f"calls-{name}.txt"
    calls.write_text("", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(launcher), str(calls), module, name, *argv],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120,
    )  # fmt: skip
    return done.returncode, done.stdout + done.stderr, calls.read_text("utf-8").split()


def record(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[str]:
    """Wrap ``module.name`` in this process: the calls are listed, the real action runs."""
    calls: list[str] = []
    real: Callable[..., Any] = getattr(module, name)

    def recorded(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, recorded)
    return calls


def rows(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def library_content(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: rows(db, f"SELECT * FROM {table} ORDER BY 1, 2")
        for table in ("letters", "paragraphs", "letter_paragraphs", "cases")
    }


def make_window(qtbot: QtBot, store: LibraryStore, tmp_path: Path) -> MainWindow:
    context = AppContext(store.path, store=store,
                         templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Path]:
    db = tmp_path / "lib" / "library.db"
    with LibraryStore(db) as store:
        ensure_sample_library(store)
    yield db


def test_a_backup_from_the_command_line_and_from_the_window_is_one_action(
    qtbot: QtBot, library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backups = library.parent / "backups"
    code, out, cli_calls = run_cli(tmp_path, "backup", "back_up", "backup", "--db", str(library))
    assert code == 0, out
    assert cli_calls == ["back_up"]
    made = sorted(backups.glob("library-*-manual.db"))
    assert len(made) == 1 and str(made[0]) in out
    # Backups are named by the minute: the window's, made within it, would take the name.
    by_cli = made[0].rename(tmp_path / "by-cli.db")

    window_calls = record(monkeypatch, backup_actions, "back_up")
    store = LibraryStore(library)
    window = make_window(qtbot, store, tmp_path)
    try:
        window.findChild(type(window.actions_by_key["backup"]), "actionBackupNow").trigger()
        qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(),
                        timeout=20000)  # fmt: skip
        message = window.statusBar().currentMessage()
    finally:
        window.close()
        window.context.close()
    assert window_calls == ["back_up"]
    made = sorted(backups.glob("library-*-manual.db"))
    assert len(made) == 1
    by_window = made[0]
    assert str(by_window) in message
    # Both copies hold the library as it is: the same letters, paragraphs and cases.
    assert library_content(by_cli) == library_content(by_window) == library_content(library)


def test_a_letter_edit_from_the_command_line_and_from_the_inspector_is_one_action(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "a" / "library.db"
    with LibraryStore(first) as store:
        source = tmp_path / "答复.txt"
        source.write_text(LETTER, encoding="utf-8")
        letter_id = import_file(store, source).letter_id
        assert letter_id is not None
    second = tmp_path / "b" / "library.db"
    second.parent.mkdir()
    shutil.copy(first, second)  # the same library twice: one edited by each path

    code, out, cli_calls = run_cli(
        tmp_path, "letters", "edit",
        "edit", str(letter_id), "--set", "reply_date=2021-06-30", "--db", str(first),
    )  # fmt: skip
    assert code == 0, out
    assert cli_calls == ["edit"]
    assert "2021-06-18 → 2021-06-30" in out

    window_calls = record(monkeypatch, letter_actions, "edit")
    store = LibraryStore(second)
    context = AppContext(second, store=store, templates=ReplyTemplates(override=tmp_path / "t"))
    inspector = LetterInspector(context, letter_id)
    inspector.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(inspector)
    inspector.show()
    try:
        edit = inspector.findChild(QLineEdit, "field_reply_date")
        edit.setFocus()
        edit.setText("2021-06-30")
        edit.editingFinished.emit()
    finally:
        inspector.close()
        context.close()
    assert window_calls == ["edit"]
    query = "SELECT reply_date, year, corrections FROM letters WHERE id = ?"
    assert rows(first, query, letter_id) == rows(second, query, letter_id)
    assert rows(first, query, letter_id)[0][0] == "2021-06-30"


def test_a_refused_edit_is_one_chinese_line_on_both_paths(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    with LibraryStore(db) as store:
        source = tmp_path / "答复.txt"
        source.write_text(LETTER, encoding="utf-8")
        letter_id = import_file(store, source).letter_id
        assert letter_id is not None
    before = library_content(db)
    code, out, _calls = run_cli(
        tmp_path, "letters", "edit",
        "edit", str(letter_id), "--set", "reply_date=2021-13-45", "--db", str(db),
    )  # fmt: skip
    assert code == 2
    message = out.strip().splitlines()[-1]
    assert "日期" in message and "Traceback" not in out
    store = LibraryStore(db)
    context = AppContext(db, store=store, templates=ReplyTemplates(override=tmp_path / "t"))
    try:
        with pytest.raises(ClerkError) as refused:
            context.call(letter_actions.edit, letter_id, fields={"reply_date": "2021-13-45"})
    finally:
        context.close()
    assert refused.value.message == message
    assert library_content(db) == before
