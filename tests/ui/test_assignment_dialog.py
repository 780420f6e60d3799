"""The assignment-list dialog: the detected mapping, re-mapping a column, the preview, 导入."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.assignment_dialog import AssignmentDialog
from desktop.ui.assignment_preview import PreviewTable
from desktop.ui.cases_pane import CasesPane
from desktop.ui.context import AppContext
from tests.assignment_lists import AGENCY, SESSION, deputies_list
from tests.ui.test_translation import left_in_english


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    store = LibraryStore(tmp_path / "l.db")
    store.profile.set_value("agency_name", AGENCY)
    ctx = AppContext(
        tmp_path / "l.db", store=store, templates=ReplyTemplates(override=tmp_path / "tpl")
    )
    yield ctx
    ctx.close()


def _dialog(qtbot: QtBot, context: AppContext, path: Path) -> AssignmentDialog:
    dialog = AssignmentDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.listRead, timeout=30000):
        dialog.load(path)
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    return dialog


def _column(table: PreviewTable, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_the_preview_shows_every_row_and_import_stores_them(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    made = deputies_list(tmp_path / "交办清单.xlsx", count=120)
    pane = CasesPane(context, today=dt.date(2026, 3, 1))
    qtbot.addWidget(pane)
    dialog = _dialog(qtbot, context, made.path)
    assert dialog.session_edit.text() == SESSION
    table = dialog.table
    assert table.rowCount() == 123
    statuses = table.statuses()
    assert statuses.count("New") == 120 and statuses.count("Not imported") == 3
    assert _column(table, table.NUMBER)[:3] == ["101", "102", "103"]
    assert "120" in dialog.summary.text() and "3" in dialog.summary.text()
    assert context.store.cases.all() == []  # nothing stored before 导入

    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    stored = context.store.cases.all()
    assert len(stored) == 120 and {c.session for c in stored} == {SESSION}
    assert dialog.table.statuses().count("Update") == 120  # imported again, they would update
    assert pane.model.rowCount() == 120  # the cases pane reloaded


def test_remapping_a_column_changes_the_preview_and_what_is_imported(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "文号", "标题", "领衔代表", "主办单位", "交办日期"])  # 文号: no known header
    for i in range(5):
        ws.append(
            [i + 1, f"A-{i + 31}", f"关于第{i + 1}件事的建议", "王明", "市科技局", "2026.3.5"]
        )
    path = tmp_path / "list.xlsx"
    wb.save(path)
    dialog = _dialog(qtbot, context, path)
    assert dialog.mapping.mapping() == {
        0: "serial", 2: "title", 3: "proposers", 4: "main_organizer", 5: "assigned_date",
    }  # fmt: skip
    assert not dialog.import_button.isEnabled()  # no number column yet
    assert "建议/提案编号" in dialog.summary.text()
    assert set(dialog.table.statuses()) == {"Not imported"}

    dialog.mapping.set_field(1, "number")  # the clerk picks 编号 for the 文号 column
    assert _column(dialog.table, PreviewTable.NUMBER) == [f"A-{i + 31}" for i in range(5)]
    assert set(dialog.table.statuses()) == {"New"}
    assert dialog.import_button.isEnabled()

    dialog.mapping.set_field(0, "number")  # the same field on another column: moved there
    assert dialog.mapping.mapping()[0] == "number" and 1 not in dialog.mapping.mapping()
    assert _column(dialog.table, PreviewTable.NUMBER) == ["1", "2", "3", "4", "5"]
    dialog.mapping.set_field(1, "number")

    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    stored = sorted(context.store.cases.all(), key=lambda c: c.number)
    assert [c.number for c in stored] == [f"A-{i + 31}" for i in range(5)]
    assert stored[0].serial == "" and stored[0].due_date == "2026-06-05"


def test_a_broken_list_is_one_message_and_nothing_is_stored(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.assignment_dialog.show_failure", lambda _p, exc: shown.append(exc.message)
    )
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    dialog = AssignmentDialog(context)
    qtbot.addWidget(dialog)
    dialog.load(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "bad.xlsx" in shown[0] and "损坏" in shown[0]
    assert not dialog.import_button.isEnabled()
    assert context.store.cases.all() == []


def test_the_cases_pane_opens_the_dialog(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[AssignmentDialog] = []
    monkeypatch.setattr(AssignmentDialog, "exec", lambda self: opened.append(self) or 0)
    pane = CasesPane(context)
    qtbot.addWidget(pane)
    pane.import_button.click()
    assert len(opened) == 1 and opened[0].windowTitle() == "Import assignment list"


def test_the_dialog_with_a_preview_is_all_chinese(
    chinese: QApplication, qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    made = deputies_list(tmp_path / "list.xlsx", count=8)
    dialog = _dialog(qtbot, context, made.path)
    assert dialog.windowTitle() == "导入交办清单"
    assert left_in_english(dialog) == []
