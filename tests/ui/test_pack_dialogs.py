from __future__ import annotations

import datetime as dt
import errno
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

import desktop.safe_write
from desktop.packs import ExportReport, ImportReport, export_pack
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.store.letter_lifecycle import LetterRepository
from desktop.ui.context import AppContext
from desktop.ui.pack_dialogs import ExportPackDialog, ImportPackDialog, export_pack_dialog
from tests.ui.test_translation import left_in_english

CHINESE = re.compile("[\u4e00-\u9fff]")


@pytest.fixture
def sender(sample_store: LibraryStore, tmp_path: Path) -> Iterator[AppContext]:
    tpl = tmp_path / "sender-tpl"
    tpl.mkdir()
    (tpl / "greeting.j2").write_text("您提出的《{{ title }}》收悉。", "utf-8")
    ctx = AppContext(sample_store.path, store=sample_store, templates=ReplyTemplates(override=tpl))
    yield ctx
    ctx.close()


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(
        tmp_path / "receiver.db", templates=ReplyTemplates(override=tmp_path / "receiver-tpl")
    )
    yield ctx
    ctx.close()


@pytest.fixture
def pack(sample_store: LibraryStore, tmp_path: Path) -> Path:
    target = tmp_path / "同事资料包.zip"
    tpl = tmp_path / "pack-tpl"
    tpl.mkdir()
    (tpl / "plan.j2").write_text("下一步，我们将{{ plan }}。", "utf-8")
    export_pack(sample_store, target, templates_dir=tpl)
    return target


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[tuple[Any, ...]]:
    asked: list[tuple[Any, ...]] = []

    def answer(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def _export_dialog(qtbot: QtBot, context: AppContext) -> ExportPackDialog:
    dialog = ExportPackDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _import_dialog(qtbot: QtBot, context: AppContext, path: Path | None) -> ImportPackDialog:
    dialog = ImportPackDialog(context, None, path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


# ---------------------------------------------------------------------------------- export


def test_export_writes_the_pack_in_the_background(
    qtbot: QtBot, sender: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "给同事"  # no suffix: .zip is added
    asked = _save_as(monkeypatch, target)
    dialog = _export_dialog(qtbot, sender)
    assert dialog.all_radio.isChecked() and not dialog.since_date.isEnabled()
    assert dialog.templates_check.isChecked() and dialog.templates_check.isEnabled()
    with qtbot.waitSignal(dialog.exportFinished, timeout=20000) as finished:
        dialog.export_button.click()
        assert dialog.running and dialog.progress.isVisible()
        assert not dialog.export_button.isEnabled()
    report = finished.args[0]
    assert isinstance(report, ExportReport)
    assert report.letters == 5 and report.templates == ["greeting.j2"]
    assert report.path == str(tmp_path / "给同事.zip") and Path(report.path).is_file()
    assert asked and asked[0][2].endswith(".zip")
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    assert report.path in dialog.result_label.text()
    assert not dialog.progress.isVisible() and dialog.export_button.isEnabled()
    assert dialog.result_label.property("error") is False


def test_export_says_which_letters_it_left_out(
    qtbot: QtBot, sender: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    chinese: QApplication,
) -> None:  # fmt: skip
    from tests.conftest import make_letter

    assert sender.store is not None
    old = sender.store.letters.add(
        make_letter(["长" * 9000]), content_hash="old", source_path="old.txt", source_format="txt"
    )
    _save_as(monkeypatch, tmp_path / "留下.zip")
    dialog = _export_dialog(qtbot, sender)
    with qtbot.waitSignal(dialog.exportFinished, timeout=20000) as finished:
        dialog.export_button.click()
    assert finished.args[0].too_large == [old]
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    text = dialog.result_label.text()
    assert f"另有 1 份文件未放入资料包（编号 {old}）" in text and "5000 字" in text, text


def test_export_since_a_date_and_the_next_dialog_proposes_the_last_export(
    qtbot: QtBot, sender: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save_as(monkeypatch, tmp_path / "新增.zip")
    dialog = _export_dialog(qtbot, sender)
    dialog.since_radio.setChecked(True)
    assert dialog.since_date.isEnabled()
    today = dt.date.today()
    dialog.since_date.setDate(QDate(today.year, today.month, today.day))
    dialog.templates_check.setChecked(False)
    assert dialog.since() == today
    with qtbot.waitSignal(dialog.exportFinished, timeout=20000) as finished:
        dialog.start()
    report = finished.args[0]
    assert report.since == today.isoformat() and report.letters == 5 and report.templates == []
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)

    again = _export_dialog(qtbot, sender)
    assert again.since_date.date() == QDate(today.year, today.month, today.day)


def test_a_full_disk_is_reported_and_no_pack_is_left(
    qtbot: QtBot, sender: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "u盘"
    folder.mkdir()
    _save_as(monkeypatch, folder / "资料包.zip")

    def no_space(_path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(desktop.safe_write, "_fsync_file", no_space)
    dialog = _export_dialog(qtbot, sender)
    with qtbot.waitSignal(dialog.exportFinished, timeout=20000) as finished:
        dialog.start()
    assert finished.args == [None]
    assert "磁盘空间不足" in dialog.result_label.text()
    assert dialog.result_label.property("error") is True
    assert list(folder.iterdir()) == []


def test_a_pack_in_use_can_be_saved_under_another_name(
    qtbot: QtBot, sender: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "资料包.zip"
    target.write_bytes(b"old")
    (tmp_path / "~$资料包.zip").write_bytes(b"")  # held open by another program
    _save_as(monkeypatch, target)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = _export_dialog(qtbot, sender)
    reports: list[object] = []
    dialog.exportFinished.connect(reports.append)
    dialog.start()
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    assert isinstance(reports[0], ExportReport)
    assert reports[0].path == str(tmp_path / "资料包(2).zip")
    assert target.read_bytes() == b"old"


def test_export_pack_dialog_returns_the_report(
    qtbot: QtBot, sender: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ExportPackDialog, "exec", lambda self: 0)
    assert export_pack_dialog(sender, None) is None


# ---------------------------------------------------------------------------------- import


def test_import_a_pack(qtbot: QtBot, receiver: AppContext, pack: Path, tmp_path: Path) -> None:
    dialog = _import_dialog(qtbot, receiver, pack)
    changed: list[bool] = []
    receiver.libraryChanged.connect(lambda: changed.append(True))
    with qtbot.waitSignal(dialog.importFinished, timeout=20000) as finished:
        dialog.import_button.click()
        assert dialog.running
        assert dialog.progress.maximum() == 0  # busy while the pack is checked
        assert not dialog.import_button.isEnabled() and dialog.stop_button.isEnabled()
    report = finished.args[0]
    assert isinstance(report, ImportReport)
    assert len(report.added) == 5 and report.duplicates == []
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    assert changed == [True]
    assert receiver.store.letters.count() == 5
    assert dialog.progress.value() == dialog.progress.maximum() == 5
    text = dialog.result_label.text()
    assert "5" in text and str(report.new_paragraphs) in text
    folder = tmp_path / "receiver-tpl" / "from-packs" / "同事资料包"
    assert str(folder) in text and (folder / "plan.j2").is_file()
    assert not (tmp_path / "receiver-tpl" / "plan.j2").exists()
    assert dialog.import_button.isEnabled() and not dialog.stop_button.isEnabled()

    # The same pack again: nothing added, nothing announced.
    with qtbot.waitSignal(dialog.importFinished, timeout=20000) as finished:
        dialog.start()
    assert finished.args[0].added == [] and len(finished.args[0].duplicates) == 5
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    assert changed == [True]


def test_a_refused_pack_is_shown_plainly_and_changes_nothing(
    qtbot: QtBot, receiver: AppContext, pack: Path, tmp_path: Path
) -> None:
    half = tmp_path / "半个资料包.zip"
    half.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])
    dialog = _import_dialog(qtbot, receiver, half)
    changed: list[bool] = []
    receiver.libraryChanged.connect(lambda: changed.append(True))
    with qtbot.waitSignal(dialog.importFinished, timeout=20000) as finished:
        dialog.start()
    assert finished.args == [None]
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    message = dialog.result_label.text()
    assert CHINESE.search(message) and "不是完整的压缩包" in message and "\n" not in message
    assert dialog.result_label.property("error") is True
    assert dialog.status.text()
    assert changed == []
    assert receiver.store.letters.count() == 0
    assert receiver.store.integrity_check() == "ok"


def test_stop_imports_nothing(
    qtbot: QtBot,
    receiver: AppContext,
    pack: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import desktop.packs.merge

    monkeypatch.setattr(desktop.packs.merge, "MERGE_PROGRESS_EVERY", 1)
    real_add = LetterRepository.add

    def slow_add(self: LetterRepository, *args: Any, **kwargs: Any) -> int:
        time.sleep(0.15)
        return real_add(self, *args, **kwargs)

    monkeypatch.setattr(LetterRepository, "add", slow_add)
    dialog = _import_dialog(qtbot, receiver, pack)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 5 and dialog.progress.value() >= 1,
                    timeout=20000)  # fmt: skip
    with qtbot.waitSignal(dialog.importFinished, timeout=20000) as finished:
        dialog.stop_button.click()
        assert not dialog.stop_button.isEnabled()
    assert finished.args == [None]
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    assert receiver.store.letters.count() == 0 and receiver.store.letters.paragraph_count() == 0
    assert not (tmp_path / "receiver-tpl" / "from-packs").exists()
    assert dialog.status.text() == dialog.tr("Stopped: nothing of this pack was imported.")
    assert dialog.result_label.text() == ""


def test_choose_file_and_empty_path(
    qtbot: QtBot, receiver: AppContext, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _import_dialog(qtbot, receiver, None)
    assert not dialog.import_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pack), ""))
    dialog.choose_button.click()
    assert dialog.path() == pack and dialog.import_button.isEnabled()


# ---------------------------------------------------------------------------------- Chinese


def test_the_pack_dialogs_are_all_chinese(
    chinese: QApplication,
    qtbot: QtBot,
    sender: AppContext,
    receiver: AppContext,
    pack: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export = _export_dialog(qtbot, sender)
    assert export.windowTitle() == "导出资料包给同事"
    assert left_in_english(export) == []
    _save_as(monkeypatch, tmp_path / "中文.zip")
    with qtbot.waitSignal(export.exportFinished, timeout=20000):
        export.start()
    qtbot.waitUntil(lambda: not export.running, timeout=5000)
    assert left_in_english(export) == []

    dialog = _import_dialog(qtbot, receiver, pack)
    assert dialog.windowTitle() == "导入同事的资料包"
    assert left_in_english(dialog) == []
    with qtbot.waitSignal(dialog.importFinished, timeout=20000):
        dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    assert "新增 5 份文件" in dialog.result_label.text()
    assert left_in_english(dialog) == []
