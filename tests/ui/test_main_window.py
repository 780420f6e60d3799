"""The whole flow as a clerk does it, on real widgets and a real library in a temp folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.case_dialog import CaseDialog
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow

OBJECT_NAMES = [
    "caseList", "composer", "sectionEditor_greeting", "sectionEditor_status", "sectionEditor_plan",
    "sectionEditor_closing", "librarySearch", "libraryResults", "similarList",
]  # fmt: skip
ACTION_NAMES = ["actionNewCase", "actionImport", "actionExportDocx", "actionPrint", "actionUndo",
                "actionRedo"]  # fmt: skip


def commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    widget.inputMethodEvent(event)  # type: ignore[attr-defined]


@pytest.fixture
def window(qtbot: QtBot, sample_store: LibraryStore, tmp_path: Path) -> Iterator[MainWindow]:
    sample_store.profile.set_value("agency_name", "南通市科学技术局")  # the clerk's own
    sample_store.profile.set_value("contact_name", "李明")  # a letter with nothing to check
    sample_store.profile.set_value("contact_phone", "0513-85000000")
    context = AppContext(sample_store.path, store=sample_store,
                         templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(context, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    context.close()


def test_object_names_for_testing_and_accessibility(window: MainWindow) -> None:
    for name in OBJECT_NAMES:
        assert window.findChild(QWidget, name) is not None, name
    for name in ACTION_NAMES:
        action = window.findChild(QAction, name)
        assert action is not None and not action.shortcut().isEmpty(), name


def answer_export_check(button: str, seen: list[list[str]]) -> None:
    """Press ``button`` ("exportAnyway" / "backToLetter") in the export check once it shows,
    noting the findings it listed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPushButton, QTextBrowser

    tries = [250]  # 5 s, then the test's own assertion says what is missing

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "exportCheckDialog":
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, press)
            return
        listed = dialog.findChild(QTextBrowser, "exportFindings")
        seen.append(listed.toPlainText().splitlines())
        dialog.findChild(QPushButton, button).click()

    QTimer.singleShot(0, press)


def _new_case(window: MainWindow, qtbot: QtBot) -> int:
    dialog = CaseDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "caseNumber").setText("12")
    dialog.findChild(QLineEdit, "caseSession").setText("市十七届人大三次会议")
    dialog.findChild(QLineEdit, "caseTitle").setText("关于加快众创空间建设的建议")
    dialog.findChild(QLineEdit, "caseProposers").setText("张三")
    dialog.findChild(QPlainTextEdit, "caseContent").setPlainText("建议加快众创空间和孵化器建设。")
    dialog.accept()
    assert dialog.case_id is not None
    return dialog.case_id


def test_full_flow_new_case_search_insert_reorder_undo_export(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    case_id = _new_case(window, qtbot)
    cases = window.findChild(QTableView, "caseList")
    qtbot.waitUntil(lambda: cases.model().rowCount() == 1)
    window.open_case(case_id)
    assert "关于加快众创空间建设的建议" in window.windowTitle()

    # Similar past replies appear without being asked.
    similar = window.library.similar
    qtbot.waitUntil(lambda: similar.model().rowCount() > 1, timeout=5000)

    pane = window.library
    pane.section_filter.setCurrentIndex(pane.section_filter.findData("status"))
    with qtbot.waitSignal(window.library.searched, timeout=3000):
        commit(window.library.search_box, "众创空间")
    results = window.library.results
    results.setFocus()
    qtbot.waitUntil(results.hasFocus)
    assert results.model().rowCount() >= 2
    first = results.model().index(0, 0).data(Qt.ItemDataRole.UserRole)[1]
    second = results.model().index(1, 0).data(Qt.ItemDataRole.UserRole)[1]
    for row in (0, 1):
        results.setCurrentIndex(results.model().index(row, 0))
        qtbot.keyClick(results, Qt.Key.Key_Return)
    status = [b for b in window.model.blocks("status") if b.kind == "library"]
    assert [b.paragraph_id for b in status] == [first.paragraph_id, second.paragraph_id]

    # Reorder: the second inserted paragraph moves up, then undo puts it back.
    index = window.model.blocks("status").index(status[1])
    window.composer.select("status", index)
    window.composer.move_up_action.trigger()
    moved = [b.paragraph_id for b in window.model.blocks("status") if b.kind == "library"]
    assert moved == [second.paragraph_id, first.paragraph_id]
    window.findChild(QAction, "actionUndo").trigger()
    restored = [b.paragraph_id for b in window.model.blocks("status") if b.kind == "library"]
    assert restored == [first.paragraph_id, second.paragraph_id]

    target = tmp_path / "答复 输出.docx"
    seen: list[list[str]] = []
    answer_export_check("exportAnyway", seen)  # the reused paragraphs' old figures are listed
    assert window.export_docx(target) == target
    assert seen and seen[0]
    paragraphs = [p.text.replace("\n", "") for p in Document(str(target)).paragraphs]
    body = [p for p in paragraphs if p.strip()]
    i1, i2 = body.index(first.text), body.index(second.text)
    assert i1 < i2
    assert body.index("张三代表：") < i1
    assert any("众创空间" in p for p in body)


def test_export_to_a_file_open_in_word_offers_another_name(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.open_case(_new_case(window, qtbot))
    target = tmp_path / "答复.docx"
    target.write_bytes(b"open in Word")
    (tmp_path / "~$答复.docx").write_bytes(b"owner")
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    written = window.export_docx(target)
    assert written == tmp_path / "答复(2).docx" and written.exists()
    assert target.read_bytes() == b"open in Word"
    assert asked and "答复(2).docx" in asked[0]


def test_geometry_and_splitters_are_restored(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.resize(760, 560)  # the offscreen screen is 800 × 600
    window.splitter.setSizes([200, 500, 300])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(window.context, settings=window.settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size().width() == 760
    assert again.splitter.sizes() == sizes


def test_a_hit_goes_into_its_own_section_unless_put_elsewhere(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_case(_new_case(window, qtbot))
    with qtbot.waitSignal(window.library.searched, timeout=3000):
        commit(window.library.search_box, "众创社区")  # filed under "plan" in its old letter
    section, block = window.library.results.model().index(0, 0).data(Qt.ItemDataRole.UserRole)
    assert section == "plan"
    window.composer.select("closing", 0)  # the clerk was last working in the closing
    window.library.results.setCurrentIndex(window.library.results.model().index(0, 0))
    window.library.results.setFocus()
    qtbot.waitUntil(window.library.results.hasFocus)
    qtbot.keyClick(window.library.results, Qt.Key.Key_Return)
    assert [b.paragraph_id for b in window.model.blocks("plan")] == [None, block.paragraph_id]
    assert block.paragraph_id not in [b.paragraph_id for b in window.model.blocks("closing")]
    # the hit's menu puts it where the clerk says
    menu = window.library.paragraph_menu(section, block)
    menu.findChild(QAction, "insertInto_closing").trigger()
    assert block.paragraph_id in [b.paragraph_id for b in window.model.blocks("closing")]


def test_enter_held_while_closing_settings_inserts_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Settings opened from the hits list, closed with Enter held a moment: the dialog takes the
    press, the key's auto-repeats arrive at the list the focus returns to."""
    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QDialog

    window.open_case(_new_case(window, qtbot))
    with qtbot.waitSignal(window.library.searched, timeout=3000):
        commit(window.library.search_box, "众创社区")
    results = window.library.results
    results.setCurrentIndex(results.model().index(0, 0))
    results.setFocus()
    qtbot.waitUntil(results.hasFocus)
    before = {s: list(window.model.blocks(s)) for s in window.model.draft.sections}
    closed: list[str] = []

    def press_enter() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        closed.append(type(dialog).__name__)
        dialog.accept()  # the first press
        results.setFocus()  # where the focus goes back to (the platform does this)
        for _ in range(3):  # the key still held: auto-repeated presses
            QApplication.sendEvent(
                QApplication.focusWidget() or results,
                QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                          Qt.KeyboardModifier.NoModifier, "\r", True),
            )  # fmt: skip

    QTimer.singleShot(200, press_enter)
    window.open_settings()
    assert closed == ["SettingsDialog"]
    assert {s: list(window.model.blocks(s)) for s in window.model.draft.sections} == before


def test_back_up_now_and_restore_from_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window.backup_now()
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(), timeout=10000)
    backups = sorted((window.context.db_path.parent / "backups").glob("library-*-manual.db"))
    assert backups
    letters_before = window.context.store.letters.count()
    window.context.store.db.execute("DELETE FROM letter_paragraphs")
    window.context.store.db.execute("DELETE FROM letters")
    window.context.store.db.conn.commit()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backups[-1]), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.restore_from_backup()
    assert window.restart_requested
    with LibraryStore(window.context.db_path) as again:
        assert again.letters.count() == letters_before
    assert list((window.context.db_path.parent / "backups").glob("*before-restore*.db"))


def test_export_with_open_findings_lists_them_and_needs_export_anyway(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop.casework import DraftBlock

    window.open_case(_new_case(window, qtbot))
    clean = tmp_path / "无问题.docx"
    assert window.export_docx(clean) == clean  # nothing open: no question asked
    window.composer.insert_paragraph("status", DraftBlock("free", "我们将于【请填写日期】前完成。"))
    target = tmp_path / "答复.docx"
    seen: list[list[str]] = []
    answer_export_check("backToLetter", seen)
    assert window.export_docx(target) is None
    assert not target.exists()  # cancelled: nothing written
    assert len(seen) == 1 and any("【请填写日期】" in m or "占位" in m for m in seen[0]), seen
    text_target = tmp_path / "答复.txt"
    answer_export_check("backToLetter", seen)
    assert window.export_text(text_target) is None and not text_target.exists()
    answer_export_check("exportAnyway", seen)
    assert window.export_docx(target) == target and target.exists()
    body = [p.text for p in Document(str(target)).paragraphs]
    assert any("【请填写日期】" in p for p in body)


def test_printing_and_the_previews_outputs_pass_the_export_check(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Print, and the preview's Print / Export PDF / Open in Word, send the letter out too:
    with open findings they ask first, and 返回修改 stops them before any dialog or file."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog, QFileDialog

    from desktop.casework import DraftBlock
    from desktop.ui import preview as preview_module

    window.open_case(_new_case(window, qtbot))
    window.composer.insert_paragraph("status", DraftBlock("free", "我们将于【请填写日期】前完成。"))
    reached: list[str] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: reached.append("print dialog") or 0)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (reached.append("save dialog"), ("", ""))[1]),
    )
    seen: list[list[str]] = []

    answer_export_check("backToLetter", seen)
    window.print_letter()
    assert reached == [] and len(seen) == 1  # asked, refused: no print dialog

    # No LibreOffice rendering in the background: this test is about what leaves the program.
    monkeypatch.setattr(preview_module, "resolve_soffice", lambda _choice: None)
    previews: list[preview_module.PreviewDialog] = []
    monkeypatch.setattr(
        preview_module.PreviewDialog,
        "exec",
        lambda self: previews.append(self) or QDialog.DialogCode.Rejected,
    )
    window.preview()
    (dialog,) = previews
    qtbot.addWidget(dialog)
    answer_export_check("backToLetter", seen)
    dialog.print_with_dialog()
    answer_export_check("backToLetter", seen)
    dialog.choose_and_export_pdf()
    answer_export_check("backToLetter", seen)
    assert dialog.open_in_word() is False
    assert reached == [] and len(seen) == 4
    assert all(any("【请填写日期】" in m or "占位" in m for m in s) for s in seen), seen

    answer_export_check("exportAnyway", seen)
    dialog.print_with_dialog()  # let go once: the preview does not ask again
    dialog.choose_and_export_pdf()
    assert reached == ["print dialog", "save dialog"] and len(seen) == 5
