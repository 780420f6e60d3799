"""The case dialog filled from a proposal: pasted, or read from its file (pytest-qt)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from desktop.casework import Case
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.case_dialog import CaseDialog
from desktop.ui.context import AppContext

ISSUE_EXAMPLE = (
    "市十八届人大三次会议第101号建议\n"
    "关于加强科技金融服务的建议\n"
    "领衔代表：王明　附议代表：李华、赵强\n"
    "科技型中小企业融资难的问题依然突出，建议设立风险补偿资金池。"
)


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(
        tmp_path / "l.db",
        store=LibraryStore(tmp_path / "l.db"),
        templates=ReplyTemplates(override=tmp_path / "tpl"),
    )
    yield ctx
    ctx.close()


def _dialog(qtbot: QtBot, context: AppContext, case: Case | None = None) -> CaseDialog:
    dialog = CaseDialog(context, case)
    qtbot.addWidget(dialog)
    return dialog


def _text(dialog: CaseDialog, name: str) -> str:
    widget = dialog.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget.text()


def _status(dialog: CaseDialog) -> str:
    return dialog.findChild(QLabel, "casePasteStatus").text()


def test_pasting_the_issue_example_fills_the_case(qtbot: QtBot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    dialog.findChild(QPlainTextEdit, "casePaste").setPlainText(ISSUE_EXAMPLE)
    qtbot.waitUntil(lambda: _text(dialog, "caseNumber") != "", timeout=3000)  # debounced
    assert _text(dialog, "caseNumber") == "101"
    assert _text(dialog, "caseSession") == "市十八届人大三次会议"
    assert _text(dialog, "caseTitle") == "关于加强科技金融服务的建议"
    assert _text(dialog, "caseProposers") == "王明"
    assert _text(dialog, "caseSeconders") == "李华、赵强"
    assert dialog.findChild(QComboBox, "caseKind").currentData() == "建议"
    assert dialog.findChild(QComboBox, "caseRole").currentData() == "代表"
    content = dialog.findChild(QPlainTextEdit, "caseContent").toPlainText()
    assert content == "科技型中小企业融资难的问题依然突出，建议设立风险补偿资金池。"

    with qtbot.waitSignal(context.caseChanged):
        dialog.accept()
    (case,) = context.store.cases.all()
    assert (case.number, case.kind, case.seconders) == ("101", "建议", ["李华", "赵强"])


def test_what_the_clerk_typed_is_kept_and_named(qtbot: QtBot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    number = dialog.findChild(QLineEdit, "caseNumber")
    number.setText("102")
    dialog.findChild(QLineEdit, "caseDelegation").setText("港闸区代表团")
    dialog.fill_from_lines(ISSUE_EXAMPLE.splitlines())
    assert number.text() == "102"
    assert _text(dialog, "caseTitle") == "关于加强科技金融服务的建议"
    assert "101" in _status(dialog)  # the status names the number the text gives
    assert _text(dialog, "caseDelegation") == "港闸区代表团"
    # A second paste replaces what the first one filled, never what was typed.
    dialog.fill_from_lines(["第0456号提案", "《关于加强中小学生视力保护的提案》", "提案人：魏兰"])
    assert number.text() == "102"
    assert _text(dialog, "caseTitle") == "关于加强中小学生视力保护的提案"
    assert _text(dialog, "caseProposers") == "魏兰"
    assert dialog.findChild(QComboBox, "caseKind").currentData() == "提案"
    assert dialog.findChild(QComboBox, "caseRole").currentData() == "委员"


def _cppcc_docx(path: Path) -> Path:
    doc = Document()
    table = doc.add_table(rows=5, cols=4)
    rows = [
        ("提案号", "0231", "届次", "政协十四届三次会议"),
        ("提案标题", "关于提升农村供水保障水平的提案", "界别", "九三学社"),
        ("提案人", "严冬等3人", "联名人", "叶青、程远"),
        ("联系电话", "0513-83336666", "提交日期", "2025-01-10"),
        ("提案内容", "部分村庄管网老化，夏季用水高峰水压不足。", "", ""),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    doc.save(str(path))
    return path


def test_read_from_file_fills_the_case(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _cppcc_docx(tmp_path / "提案0231.docx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = _dialog(qtbot, context)
    button = dialog.findChild(QPushButton, "caseChooseFile")
    assert button.text() == "Read from file…"
    button.click()
    qtbot.waitUntil(lambda: _text(dialog, "caseNumber") == "0231", timeout=10000)
    assert _text(dialog, "caseTitle") == "关于提升农村供水保障水平的提案"
    assert _text(dialog, "caseSession") == "政协十四届三次会议"
    assert _text(dialog, "caseProposers") == "严冬"
    assert dialog.findChild(QSpinBox, "caseProposerCount").value() == 3
    assert _text(dialog, "caseSeconders") == "叶青、程远"
    assert _text(dialog, "caseDelegation") == "九三学社"
    assert dialog.findChild(QComboBox, "caseRole").currentData() == "委员"
    assert dialog.findChild(QComboBox, "caseKind").currentData() == "提案"
    content = dialog.findChild(QPlainTextEdit, "caseContent").toPlainText()
    assert content == "部分村庄管网老化，夏季用水高峰水压不足。"
    assert _text(dialog, "caseContactPhone") == ""  # the proposer's phone is only shown
    assert "0513-83336666" in _status(dialog)


def test_a_file_that_is_no_proposal_fills_nothing(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "会议通知.txt"
    path.write_text("各科室：\n定于下周一上午召开全体会议，请准时参加。\n", encoding="utf-8")
    dialog = _dialog(qtbot, context)
    dialog.load_file(path)
    qtbot.waitUntil(lambda: "会议通知.txt" in _status(dialog), timeout=10000)
    assert "\n" not in _status(dialog)
    for name in ("caseNumber", "caseTitle", "caseSession", "caseProposers", "caseSeconders",
                 "caseDelegation"):  # fmt: skip
        assert _text(dialog, name) == "", name
    assert dialog.findChild(QPlainTextEdit, "caseContent").toPlainText() == ""


def test_editing_a_case_keeps_its_list_fields(qtbot: QtBot, context: AppContext) -> None:
    case = Case(
        number="35",
        title="关于发展林下经济的提案",
        proposers=["邓华"],
        role="委员",
        kind="提案",
        serial="12",
        seconders=["冯佳"],
        delegation="农工党",
    )
    case.id = context.store.cases.save(case)
    dialog = _dialog(qtbot, context, case)
    assert _text(dialog, "caseSeconders") == "冯佳"
    assert _text(dialog, "caseDelegation") == "农工党"
    dialog.findChild(QLineEdit, "caseSeconders").setText("冯佳、蔡明")
    with qtbot.waitSignal(context.caseChanged):
        dialog.accept()
    (saved,) = context.store.cases.all()
    assert saved.kind == "提案" and saved.serial == "12" and saved.delegation == "农工党"
    assert saved.seconders == ["冯佳", "蔡明"]
