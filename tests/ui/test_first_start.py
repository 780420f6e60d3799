"""First start asks for the clerk's agency; nothing goes out signed by the sample agency."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.casework import case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.sample import sample_letter_ids
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.first_start_dialog import FirstStartDialog
from desktop.ui.main_window import MainWindow
from tests.conftest import ROOT

DEMO_SEAL = ROOT / "resources" / "demo_seal.png"


@pytest.fixture
def context(sample_store: LibraryStore, tmp_path: Path) -> AppContext:
    return AppContext(sample_store.path, store=sample_store,
                      templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip


def test_first_start_dialog_saves_the_agency(context: AppContext, qtbot: QtBot) -> None:
    store = context.store
    assert store.profile.is_sample()
    dialog = FirstStartDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.agency.text() == ""  # the sample's name is not offered as the clerk's
    dialog.accept()  # no name: refused, nothing saved
    assert dialog.error.isVisibleTo(dialog) and "发文机关" in dialog.error.text()
    assert store.profile.is_sample()
    dialog.agency.setText("如皋市科学技术局")
    dialog.contact_name.setText("陈静")
    dialog.contact_phone.setText("0513-87000000")
    dialog.cc.setText("市人大常委会代表工委，市政府办公室")
    assert dialog.set_seal_file(DEMO_SEAL)
    dialog.remove_samples.setChecked(True)
    dialog.accept()
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    profile = store.profile.load()
    assert (profile.agency_name, profile.contact_name, profile.contact_phone) == (
        "如皋市科学技术局", "陈静", "0513-87000000",
    )  # fmt: skip
    assert profile.cc == ["市人大常委会代表工委", "市政府办公室"]
    seal = store.profile.get_file("seal_image")
    assert seal is not None and seal.data == DEMO_SEAL.read_bytes()
    assert not store.profile.is_sample()
    assert sample_letter_ids(store) == [] and store.letters.count() == 0


def test_later_saves_nothing_and_the_dialog_fits_a_small_screen(
    context: AppContext, qtbot: QtBot
) -> None:
    dialog = FirstStartDialog(context)
    qtbot.addWidget(dialog)
    dialog.agency.setText("如皋市科学技术局")
    dialog.show()
    size = dialog.size()
    assert size.width() <= 1366 and size.height() <= 768 - 80  # a taskbar and a title bar
    dialog.later_button.click()
    assert context.store.profile.is_sample()
    assert len(sample_letter_ids(context.store)) == 5


def test_export_is_refused_while_the_profile_is_the_samples(
    context: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    qtbot.addWidget(window)
    case_id = context.store.cases.save(
        case_from_json({"number": "3", "title": "关于科普的建议", "proposers": ["李四"]})
    )
    window.open_case(case_id)
    asked: list[str] = []

    def answer_no(_parent: object, _title: str, text: str, *a: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    target = tmp_path / "答复.docx"
    assert window.export_docx(target) is None
    assert window.export_text(tmp_path / "答复.txt") is None
    assert not target.exists() and not (tmp_path / "答复.txt").exists()
    assert len(asked) == 2 and "Agency name" in asked[0] and "南通市科学技术局" in asked[0]

    # "Yes" opens the dialog; once the clerk saves the agency, the export goes ahead.
    def fill_and_save() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, FirstStartDialog) and w.isVisible())  # fmt: skip
        dialog.agency.setText("如皋市科学技术局")
        dialog.save_button.click()

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.wait(1)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, fill_and_save)
    # (the letter's open findings, e.g. no contact line, are another check: answered "export
    # anyway" here, tested in test_main_window)
    monkeypatch.setattr(window, "_findings_allow_export", lambda _comp: True)
    assert window.export_docx(target) == target
    from docx import Document

    assert "如皋市科学技术局" in [p.text for p in Document(str(target)).paragraphs]
    window.composer.proof_timer.stop()  # nothing may read the library after the test closes it
    window.close()
