"""At start a damaged library is noticed before it is used, and the newest good backup is
offered; declining leaves the file as it is and says where it is. Portable settings, and the
day's backup in the background."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import paths
from desktop.actions import backup as backup_actions
from desktop.sample import ensure_sample_library
from desktop.store import LibraryStore, backup
from desktop.store.backup import BackupError
from desktop.ui import app as app_module
from desktop.ui.app import app_settings, open_library, start_daily_backup
from desktop.ui.context import AppContext

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


class Boxes:
    """Records every message box instead of showing it; ``question`` answers ``answer``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton):
        self.shown: list[tuple[str, str, str]] = []
        self.answer = answer
        for kind in ("critical", "information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, self._box(kind))
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _box(self, kind: str) -> Any:
        def show(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
            self.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    def _question(self, parent: Any, title: str, text: str, *a: Any) -> Any:
        self.shown.append(("question", title, text))
        return self.answer

    def kinds(self) -> list[str]:
        return [k for k, _, _ in self.shown]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "library.db"
    with LibraryStore(db) as store:
        ensure_sample_library(store)
    return db


def letters(db: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, title, content_hash FROM letters ORDER BY id").fetchall()
    finally:
        conn.close()


def damage(db: Path) -> None:
    """Damage the middle of the file: it still opens; the background check finds it."""
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xa5" * (size // 3))


def damage_schema(db: Path) -> None:
    """Damage page 1 (the schema): the library cannot even be opened."""
    with open(db, "r+b") as fh:
        fh.seek(100)
        fh.write(b"\xa5" * 3900)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_sound_library_opens_without_a_question(
    qapp: QApplication, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = Boxes(monkeypatch, No)
    context = open_library(library)
    assert context is not None and context.store.letters.count() == 5
    context.close()
    assert boxes.shown == []


def test_a_damaged_library_is_restored_from_the_newest_good_backup(
    chinese: QApplication, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = letters(library)
    older = backup.make_backup(library, reason="daily", now=dt.datetime(2026, 11, 20, 8, 0))
    newest = backup.make_backup(library, reason="manual", now=dt.datetime(2026, 11, 21, 8, 0))
    damage(newest)  # the newest copy is bad too: the one before it is offered
    damage_schema(library)
    boxes = Boxes(monkeypatch, Yes)
    context = open_library(library)
    assert context is not None
    try:
        assert context.store.integrity_check() == "ok"
        assert context.store.letters.count() == 5
    finally:
        context.close()
    assert letters(library) == original
    assert boxes.kinds() == ["question", "information"]
    _, title, text = boxes.shown[0]
    assert title == "资料库已损坏"
    assert "2026-11-20 08:00" in text and str(older) in text and "含文件 5 份" in text
    assert "已用 2026-11-20 08:00 的备份恢复资料库" in boxes.shown[1][2]
    kept = list(backup.backups_dir(library).glob("*before-restore*"))
    assert len(kept) == 1 and str(kept[0]) in boxes.shown[1][2]


def test_declining_leaves_the_file_and_says_where_it_is(
    qapp: QApplication, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup.make_backup(library, reason="daily")
    damage_schema(library)
    before = sha(library)
    boxes = Boxes(monkeypatch, No)
    assert open_library(library) is None  # run_app exits with 2
    assert boxes.kinds() == ["question", "information"]
    assert str(library) in boxes.shown[1][2]
    assert sha(library) == before
    assert not list(backup.backups_dir(library).glob("*before-restore*"))


def test_no_usable_backup(
    qapp: QApplication, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open(library, "r+b") as fh:
        fh.write(b"\x00" * 64)  # the header is gone: not even SQLite can open it
    before = sha(library)
    boxes = Boxes(monkeypatch, Yes)
    assert open_library(library) is None
    assert boxes.kinds() == ["critical"]
    assert str(library) in boxes.shown[0][2] and "no usable backup" in boxes.shown[0][2]
    assert sha(library) == before


def test_a_library_from_a_newer_version_is_not_treated_as_damaged(
    qapp: QApplication, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup.make_backup(library, reason="daily")
    conn = sqlite3.connect(library)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('replydesk', 'm999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    boxes = Boxes(monkeypatch, Yes)
    assert open_library(library) is None
    assert boxes.kinds() == ["critical"]  # no restore offered over a newer library
    assert "更新版本" in boxes.shown[0][2]


def test_portable_settings_are_an_ini_file_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "_portable_forced", False)
    native = app_settings()
    assert native.format() == QSettings.Format.NativeFormat
    monkeypatch.setattr(app_module, "settings_path", lambda: tmp_path / "data" / "settings.ini")
    portable = app_settings()
    assert portable.format() == QSettings.Format.IniFormat
    assert Path(portable.fileName()) == tmp_path / "data" / "settings.ini"


def test_the_daily_backup_runs_in_the_background(
    qtbot: QtBot, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = AppContext(library)
    window = QMainWindow()
    qtbot.addWidget(window)
    try:
        start_daily_backup(context, window)
        folder = backup.backups_dir(library)
        qtbot.waitUntil(lambda: len(list(folder.glob("library-*-daily.db"))) == 1, timeout=10000)

        def fail(db: Path) -> None:
            raise BackupError("磁盘空间不足，无法写入备份。")

        monkeypatch.setattr(backup_actions, "daily", fail)
        start_daily_backup(context, window)
        qtbot.waitUntil(lambda: "磁盘空间不足" in window.statusBar().currentMessage(), timeout=5000)
    finally:
        context.close()


def test_damage_found_after_start_offers_the_backup_and_starts_again(
    qtbot: QtBot, library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.reply_templates import ReplyTemplates
    from desktop.ui.app import start_background_check
    from desktop.ui.main_window import MainWindow

    original = letters(library)
    backup.make_backup(library, reason="daily", now=dt.datetime(2026, 11, 20, 8, 0))
    damage(library)
    opened = open_library(library)  # the middle of the file is damaged: it still opens
    assert opened is not None
    context = AppContext(
        library, store=opened.store, templates=ReplyTemplates(override=tmp_path / "t")
    )
    window = MainWindow(
        context, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    boxes = Boxes(monkeypatch, Yes)
    start_background_check(context, window)
    qtbot.waitUntil(lambda: context.closed and not window.isVisible(), timeout=20000)
    assert window.restart_requested
    assert boxes.kinds() == ["question", "information"]
    assert letters(library) == original
