"""Every dialog fits a 1366×768 screen with a taskbar (about 1366×728 left, minus the title
bar): its smallest size always, and its opening size once fitted to that screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.casework import case_from_json
from desktop.proofread.common import Finding
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.dialog_fit import TITLE_BAR, fit_to_screen
from desktop.ui.main_window import MainWindow

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar


@pytest.fixture
def window(qtbot: QtBot, sample_store: LibraryStore, tmp_path: Path) -> Iterator[MainWindow]:
    context = AppContext(
        sample_store.path, store=sample_store, templates=ReplyTemplates(override=tmp_path / "tpl")
    )
    win = MainWindow(
        context, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    case_id = context.store.cases.save(
        case_from_json(
            {"number": "12", "title": "关于加快众创空间建设的建议", "proposers": ["张三", "李四"]}
        )
    )
    win.open_case(case_id)
    yield win
    win.composer.proof_timer.stop()
    win.model.autosave_timer.stop()
    context.close()


def _dialogs(win: MainWindow) -> dict[str, Callable[[], QDialog]]:
    from desktop.ui.about_dialog import AboutDialog
    from desktop.ui.case_dialog import CaseDialog
    from desktop.ui.errors import ErrorDialog
    from desktop.ui.export_check import ExportCheckDialog
    from desktop.ui.first_start_dialog import FirstStartDialog
    from desktop.ui.guide_dialog import GuideDialog
    from desktop.ui.import_dialog import ImportDialog
    from desktop.ui.letter_inspector import LetterInspector
    from desktop.ui.pack_dialogs import ImportPackDialog
    from desktop.ui.preview import PreviewDialog
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.versions_dialog import VersionsDialog

    ctx = win.context
    many = [Finding("placeholder", "“【请填写原因】”像是没有填写的占位内容" * 3, 1, 0, 8)] * 20
    return {
        "case": lambda: CaseDialog(ctx, win.model.case, win),
        "settings": lambda: SettingsDialog(ctx, win),
        "import": lambda: ImportDialog(ctx, [], win),
        "import pack": lambda: ImportPackDialog(ctx, win),
        "about": lambda: AboutDialog(win),
        "guide": lambda: GuideDialog(win),
        "export check": lambda: ExportCheckDialog(
            many, ["张三代表：", "受【请填写原因】等条件限制" * 10], ["正文第 1 段"] * 20, win
        ),
        "versions": lambda: VersionsDialog(ctx, win.model, win),
        "first start": lambda: FirstStartDialog(ctx, win),
        "preview": lambda: PreviewDialog(
            ctx, win.model.compose(ctx).letter, None, win, soffice=None
        ),
        "error": lambda: ErrorDialog("Traceback (most recent call last):\nValueError: x", win),
        "letter inspector": lambda: _kept(LetterInspector(ctx, ctx.store.letters.all()[0].id)),
    }


def _kept(dialog: QDialog) -> QDialog:
    """A dialog that deletes itself on close, kept for qtbot to close again."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    return dialog


def test_every_dialog_fits_a_1366_by_768_screen(window: MainWindow, qtbot: QtBot) -> None:
    too_big = []
    for name, make in _dialogs(window).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        smallest = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        if smallest.width() > LAPTOP.width() or smallest.height() + TITLE_BAR > LAPTOP.height():
            too_big.append(f"{name}: at least {smallest.width()}×{smallest.height()}")
        fit_to_screen(dialog, LAPTOP)
        if dialog.width() > LAPTOP.width() or dialog.height() + TITLE_BAR > LAPTOP.height():
            too_big.append(f"{name}: opens at {dialog.width()}×{dialog.height()}")
        dialog.close()
    assert too_big == []


def test_dialogs_taller_than_the_screen_open_fitted(window: MainWindow, qtbot: QtBot) -> None:
    from desktop.ui.case_dialog import CaseDialog
    from desktop.ui.preview import PreviewDialog

    screen = window.screen().availableGeometry()
    for dialog in (CaseDialog(window.context, window.model.case, window),
                   PreviewDialog(window.context, window.model.compose(window.context).letter,
                                 None, window, soffice=None)):  # fmt: skip
        qtbot.addWidget(dialog)
        assert dialog.height() + TITLE_BAR <= screen.height()
        assert dialog.width() <= screen.width()
