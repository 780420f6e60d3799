from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot

from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.settings_dialog import LANGUAGE_KEY, SettingsDialog

ROOT = Path(__file__).resolve().parents[2]
DEMO_SEAL = ROOT / "resources" / "demo_seal.png"


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(
        tmp_path / "l.db",
        store=LibraryStore(tmp_path / "l.db"),
        templates=ReplyTemplates(override=tmp_path / "tpl"),
    )
    yield ctx
    ctx.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _dialog(qtbot: QtBot, context: AppContext, settings: QSettings) -> SettingsDialog:
    dialog = SettingsDialog(context, settings=settings)
    qtbot.addWidget(dialog)
    return dialog


def test_agency_name_and_seal_diameter_are_stored(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    dialog = _dialog(qtbot, context, settings)
    assert dialog.objectName() == "settingsDialog"
    dialog.findChild(QLineEdit, "agencyName").setText("南通市发展和改革委员会")
    dialog.findChild(QLineEdit, "agencyCc").setText("市人大常委会代表工委，市政府办公室")
    dialog.findChild(QDoubleSpinBox, "sealDiameter").setValue(45)
    dialog.findChild(QSpinBox, "agencyDueMonths").setValue(6)
    dialog.findChild(QCheckBox, "agencyFeedbackForm").setChecked(True)
    contact_line = dialog.findChild(QCheckBox, "agencyContactLine")
    assert contact_line.isChecked()  # letters are expected to carry a contact line
    contact_line.setChecked(False)
    scheme = dialog.findChild(QComboBox, "categoryScheme")
    scheme.setCurrentIndex(scheme.findData("ABCD"))
    assert "留作参考" in dialog.findChild(QLabel, "categoryMeanings").text()
    with qtbot.waitSignal(context.profileChanged):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    profile = context.store.profile.load()
    assert profile.agency_name == "南通市发展和改革委员会"
    assert profile.seal_diameter_mm == 45.0
    assert profile.cc == ["市人大常委会代表工委", "市政府办公室"]
    assert profile.due_months == 6
    assert profile.feedback_form is True
    assert profile.contact_line is False
    assert profile.category_scheme == "ABCD"


def test_profile_error_is_shown_at_its_field(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    dialog = _dialog(qtbot, context, settings)
    name = dialog.findChild(QLineEdit, "agencyName")
    name.setText("  ")
    dialog.tabs.setCurrentIndex(3)
    with qtbot.assertNotEmitted(context.profileChanged):
        dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.tabs.currentIndex() == 0
    assert dialog.focusWidget() is name
    error = dialog.findChild(QLabel, "settingsError_agency_name")
    assert error.isVisibleTo(dialog) and "发文机关不能为空" in error.text()
    assert context.store.profile.load().agency_name == "南通市科学技术局"


def test_seal_picker_shows_and_stores_the_image(
    qtbot: QtBot, context: AppContext, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(DEMO_SEAL), ""))
    dialog = _dialog(qtbot, context, settings)
    dialog.findChild(QPushButton, "sealChoose").click()
    preview = dialog.findChild(QLabel, "sealPreview")
    assert not preview.pixmap().isNull()
    assert max(preview.pixmap().width(), preview.pixmap().height()) <= preview.width()
    assert not dialog.findChild(QLabel, "sealMessage").isVisibleTo(dialog)
    assert context.store.profile.get_file("seal_image") is None  # stored on OK
    dialog.accept()
    stored = context.store.profile.get_file("seal_image")
    assert stored is not None and (stored.name, stored.data) == (
        "demo_seal.png",
        DEMO_SEAL.read_bytes(),
    )

    again = _dialog(qtbot, context, settings)  # the stored seal is shown when reopened
    assert not again.findChild(QLabel, "sealPreview").pixmap().isNull()


def test_a_file_that_is_not_an_image_is_refused(
    qtbot: QtBot,
    context: AppContext,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    fake = tmp_path / "seal.png"
    fake.write_text("这不是图片", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fake), ""))
    dialog = _dialog(qtbot, context, settings)
    dialog.findChild(QPushButton, "sealChoose").click()
    message = dialog.findChild(QLabel, "sealMessage")
    assert message.isVisibleTo(dialog)
    assert "seal.png" in message.text() and "PNG" in message.text()
    assert dialog.findChild(QLabel, "sealPreview").pixmap().isNull()
    dialog.accept()
    assert context.store.profile.get_file("seal_image") is None


def test_fonts_that_are_not_installed_are_marked(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    dialog = _dialog(qtbot, context, settings)
    combo = dialog.findChild(QComboBox, "fontBody")
    status = dialog.findChild(QLabel, "fontBodyStatus")
    combo.setEditText("没有这种字体")
    assert status.text() == "(not installed)"
    installed = QFontDatabase.families()[0]
    combo.setEditText(installed)
    assert status.text() == ""
    dialog.accept()
    assert context.store.profile.load().font_body == installed


def _editor(dialog: SettingsDialog) -> QPlainTextEdit:
    return dialog.findChild(QPlainTextEdit, "templateEditor")


def test_template_editor_reports_an_unknown_variable_at_its_line(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    dialog = _dialog(qtbot, context, settings)
    dialog.tabs.setCurrentIndex(3)
    dialog.select_template("greeting.j2")
    editor = _editor(dialog)
    preview = dialog.findChild(QTextBrowser, "templatePreview")
    error = dialog.findChild(QLabel, "templateError")
    assert "收悉" in preview.toPlainText()
    assert "{{" not in preview.toPlainText()

    editor.setPlainText("{{ addressee }}{{ role }}：\n\n{{ nme }}")
    qtbot.waitUntil(lambda: error.text() != "", timeout=2000)  # debounced check
    assert error.text().startswith("Line 3:")
    assert "nme" in error.text()
    assert dialog.template_editor.error_line == 3
    selections = editor.extraSelections()
    assert len(selections) == 1 and selections[0].cursor.blockNumber() == 2

    editor.setPlainText("{{ addressee }}{{ role }}：")
    qtbot.waitUntil(lambda: error.text() == "", timeout=2000)
    assert preview.toPlainText() == "石剑波代表："
    assert editor.extraSelections() == []


def test_template_syntax_error_reports_line_2(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    dialog = _dialog(qtbot, context, settings)
    dialog.select_template("closing.j2")
    _editor(dialog).setPlainText("衷心感谢！\n{% if %}\n")
    dialog.update_preview()  # what the 300 ms timer does
    error = dialog.findChild(QLabel, "templateError")
    assert error.text().startswith("Line 2:")
    assert "2" in error.text()


def test_saving_writes_the_clerks_copy_and_restore_default_removes_it(
    qtbot: QtBot, context: AppContext, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = context.templates.shipped / "greeting.j2"
    shipped_text = shipped.read_text(encoding="utf-8")
    copy = context.templates.override / "greeting.j2"
    dialog = _dialog(qtbot, context, settings)
    dialog.select_template("greeting.j2")
    editor = _editor(dialog)
    assert editor.toPlainText() == shipped_text
    editor.setPlainText("{{ you }}提出的《{{ title }}》收悉，现答复如下：")
    assert not copy.exists()  # nothing is written before Save
    with qtbot.waitSignal(context.profileChanged):
        dialog.findChild(QPushButton, "templateSave").click()
    assert copy.read_text(encoding="utf-8") == "{{ you }}提出的《{{ title }}》收悉，现答复如下："
    assert shipped.read_text(encoding="utf-8") == shipped_text  # never touched
    assert not list(copy.parent.glob("*.tmp"))
    # The shared renderer now uses the clerk's copy.
    text, problems = context.templates.render("greeting", dialog.sample_context("greeting.j2"), [])
    assert text.endswith("收悉，现答复如下：") and problems == []

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.findChild(QPushButton, "templateRestore").click()
    assert not copy.exists()
    assert editor.toPlainText() == shipped_text


def test_unsaved_template_edits_are_written_on_ok_and_dropped_on_cancel(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    copy = context.templates.override / "plan.j2"
    dialog = _dialog(qtbot, context, settings)
    dialog.select_template("plan.j2")
    _editor(dialog).setPlainText("下一步，{{ we }}将继续努力。")
    dialog.reject()
    assert not copy.exists()

    dialog = _dialog(qtbot, context, settings)
    dialog.select_template("plan.j2")
    _editor(dialog).setPlainText("下一步，{{ we }}将继续努力。")
    dialog.accept()
    assert copy.read_text(encoding="utf-8") == "下一步，{{ we }}将继续努力。"


def test_language_is_stored_for_the_next_start(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    dialog = _dialog(qtbot, context, settings)
    combo = dialog.findChild(QComboBox, "languageCombo")
    assert combo.currentData() == "zh_CN"
    assert "next time" in dialog.findChild(QLabel, "languageNote").text()
    combo.setCurrentIndex(combo.findData("en"))
    dialog.accept()
    assert settings.value(LANGUAGE_KEY) == "en"
    assert (
        _dialog(qtbot, context, settings).findChild(QComboBox, "languageCombo").currentData()
        == "en"
    )


def test_letter_format_and_issue_line_are_stored(
    qtbot: QtBot, context: AppContext, settings: QSettings, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, context, settings)
    combo = dialog.findChild(QComboBox, "letterFormat")
    office = dialog.findChild(QLineEdit, "issuingOffice")
    date = dialog.findChild(QLineEdit, "issueDate")
    assert combo.currentData() == "函" and not office.isEnabled()  # the 印发 line is 版记 only
    combo.setCurrentIndex(combo.findData("版记"))
    assert office.isEnabled() and date.isEnabled()
    office.setText("南通市科学技术局办公室")
    date.setText("六月一日")
    dialog.accept()
    assert dialog.error_key == "issue_date" and dialog.result() != QDialog.DialogCode.Accepted
    error = dialog.findChild(QLabel, "settingsError_issue_date")
    assert error.isVisibleTo(dialog) and "2026-06-01" in error.text()
    date.setText("2026-06-01")
    with qtbot.waitSignal(context.profileChanged):
        dialog.accept()
    profile = context.profile()
    assert (profile.letter_format, profile.issuing_office, profile.issue_date) == (
        "版记",
        "南通市科学技术局办公室",
        "2026-06-01",
    )
    dialog.resize(940, 680)
    dialog.tabs.setCurrentIndex(0)
    dialog.grab().save(str(tmp_path / "settings-agency.png"))
