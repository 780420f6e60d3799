from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
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

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "resources" / "sample_library" / "000_f249a5bce850aff6.txt"


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


def _line(dialog: CaseDialog, name: str) -> QLineEdit:
    widget = dialog.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def test_every_field_has_a_named_widget(qtbot: QtBot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    assert dialog.objectName() == "caseDialog"
    for name in ("caseNumber", "caseSession", "caseTitle", "caseProposers", "caseMainOrganizer",
                 "caseCoOrganizers", "caseContactName", "caseContactPhone", "caseCc",
                 "caseDocNumber"):  # fmt: skip
        _line(dialog, name)
    for name in ("caseRole", "caseOrganizer", "caseCategory", "caseDisclosure", "caseStatus"):
        assert dialog.findChild(QComboBox, name) is not None, name
    for name in ("caseAssignedDate", "caseDueDate", "caseReplyDate"):
        assert dialog.findChild(QDateEdit, name) is not None, name
    assert dialog.findChild(QSpinBox, "caseProposerCount") is not None
    assert dialog.findChild(QPlainTextEdit, "caseContent") is not None
    assert dialog.findChild(QPlainTextEdit, "casePaste") is not None
    categories = dialog.findChild(QComboBox, "caseCategory")
    texts = [categories.itemText(i) for i in range(categories.count())]
    assert any(t.startswith("A类") and "已经解决" in t for t in texts)  # meanings shown


def test_new_case_takes_defaults_from_the_profile(qtbot: QtBot, context: AppContext) -> None:
    context.store.profile.set_value("contact_name", "王明")
    context.store.profile.set_value("contact_phone", "0513-85000000")
    context.store.profile.set_value("cc", ["市人大常委会代表工委"])
    context.store.profile.set_value("doc_number_prefix", "通科函")
    dialog = _dialog(qtbot, context)
    assert _line(dialog, "caseContactName").text() == "王明"
    assert _line(dialog, "caseContactPhone").text() == "0513-85000000"
    assert _line(dialog, "caseCc").text() == "市人大常委会代表工委"
    assert _line(dialog, "caseDocNumber").text().startswith("通科函〔")
    # The prefix alone is not a document number yet.
    assert dialog.data()["doc_number"] == ""


def test_empty_title_shows_the_message_at_the_field_and_keeps_the_dialog_open(
    qtbot: QtBot, context: AppContext
) -> None:
    dialog = _dialog(qtbot, context)
    dialog.show()
    qtbot.waitExposed(dialog)
    _line(dialog, "caseNumber").setText("277")
    _line(dialog, "caseProposers").setText("石剑波")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert dialog.error_field == "title"
    error = dialog.findChild(QLabel, "caseError_title")
    assert error.isVisibleTo(dialog) and "标题" in error.text()
    title = _line(dialog, "caseTitle")
    assert dialog.focusWidget() is title
    assert "border" in title.styleSheet()
    assert context.store.cases.all() == []

    title.setText("关于在南通市组织社会大众聚力创新的建议")
    with qtbot.waitSignal(context.caseChanged) as changed:
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not error.isVisibleTo(dialog)
    assert changed.args == [dialog.case_id]


def test_missing_proposers_and_co_opinion_without_main_organizer(
    qtbot: QtBot, context: AppContext
) -> None:
    dialog = _dialog(qtbot, context)
    _line(dialog, "caseNumber").setText("277")
    _line(dialog, "caseTitle").setText("关于……的建议")
    dialog.accept()
    assert dialog.error_field == "proposers"
    assert dialog.focusWidget() is _line(dialog, "caseProposers")
    _line(dialog, "caseProposers").setText("张三、李四")
    organizer = dialog.findChild(QComboBox, "caseOrganizer")
    organizer.setCurrentIndex(organizer.findData("co"))
    dialog.accept()
    assert dialog.error_field == "main_organizer"
    assert "主办单位" in dialog.error_text()
    count = dialog.findChild(QSpinBox, "caseProposerCount")
    _line(dialog, "caseMainOrganizer").setText("市发展改革委")
    count.setValue(1)  # fewer than the names listed
    dialog.accept()
    assert dialog.error_field == "proposer_count"
    count.setValue(5)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = context.store.cases.get(dialog.case_id)
    assert saved.addressee == "张三等5位" and saved.organizer == "co"


def test_due_date_follows_the_assignment_date_until_changed(
    qtbot: QtBot, context: AppContext
) -> None:
    context.store.profile.set_value("due_months", 3)
    dialog = _dialog(qtbot, context)
    assigned_set = dialog.findChild(QCheckBox, "caseAssignedDateSet")
    assigned = dialog.findChild(QDateEdit, "caseAssignedDate")
    due = dialog.findChild(QDateEdit, "caseDueDate")
    assigned_set.setChecked(True)
    assigned.setDate(QDate(2024, 1, 31))
    assert dialog.data()["due_date"] == "2024-04-30"
    assigned.setDate(QDate(2024, 2, 15))
    assert dialog.data()["due_date"] == "2024-05-15"
    due.setDate(QDate(2024, 8, 15))  # six months for a hard matter
    assigned.setDate(QDate(2024, 2, 16))
    assert dialog.data()["due_date"] == "2024-08-15"


def test_paste_fills_empty_fields_but_keeps_what_the_clerk_typed(
    qtbot: QtBot, context: AppContext
) -> None:
    dialog = _dialog(qtbot, context)
    _line(dialog, "caseSession").setText("市十六届人大一次会议")
    paste = dialog.findChild(QPlainTextEdit, "casePaste")
    paste.setPlainText(SEED.read_text(encoding="utf-8"))
    title = _line(dialog, "caseTitle")
    qtbot.waitUntil(lambda: title.text() != "", timeout=3000)  # debounced parse
    assert title.text() == "关于在南通市组织社会大众聚力创新"
    assert _line(dialog, "caseNumber").text() == "277"
    assert _line(dialog, "caseProposers").text() == "石剑波"
    assert _line(dialog, "caseSession").text() == "市十六届人大一次会议"
    assert dialog.findChild(QComboBox, "caseRole").currentData() == "代表"
    assert "title" in dialog.findChild(QLabel, "casePasteStatus").text()

    # Typed by the clerk: kept when another text is pasted. Filled by a paste: replaced.
    _line(dialog, "caseNumber").setText("278")
    filled = dialog.fill_from_lines(
        ["张三等5位委员：", "您们提出的《关于加快科技成果转化的提案》（第45号）收悉。现答复如下："]
    )
    assert _line(dialog, "caseNumber").text() == "278"
    assert title.text() == "关于加快科技成果转化的提案"
    assert _line(dialog, "caseProposers").text() == "张三"
    assert dialog.findChild(QSpinBox, "caseProposerCount").value() == 5
    assert dialog.findChild(QComboBox, "caseRole").currentData() == "委员"
    assert filled


def test_choose_file_reads_and_fills(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(SEED), ""))
    dialog = _dialog(qtbot, context)
    dialog.findChild(QPushButton, "caseChooseFile").click()
    number = _line(dialog, "caseNumber")
    qtbot.waitUntil(lambda: number.text() == "277", timeout=5000)
    assert _line(dialog, "caseProposers").text() == "石剑波"
    assert "石剑波" in dialog.findChild(QPlainTextEdit, "casePaste").toPlainText()


def test_a_file_that_cannot_be_read_is_explained(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, context)
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4")
    dialog.load_file(bad)
    status = dialog.findChild(QLabel, "casePasteStatus")
    qtbot.waitUntil(lambda: ".pdf" in status.text(), timeout=5000)


def test_save_creates_the_row_and_editing_updates_it(qtbot: QtBot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    _line(dialog, "caseNumber").setText("第277号")
    _line(dialog, "caseSession").setText("市十六届人大四次会议")
    _line(dialog, "caseTitle").setText("关于在南通市组织社会大众聚力创新的建议")
    _line(dialog, "caseProposers").setText("石剑波，李四")
    _line(dialog, "caseCoOrganizers").setText("市科协")
    category = dialog.findChild(QComboBox, "caseCategory")
    category.setCurrentIndex(category.findData("B"))
    with qtbot.waitSignal(context.caseChanged):
        dialog.accept()
    cases = context.store.cases.all()
    assert len(cases) == 1 and cases[0].id == dialog.case_id
    case = cases[0]
    assert case.number == "277"
    assert case.proposers == ["石剑波", "李四"]
    assert case.co_organizers == ["市科协"]
    assert case.category == "B"

    edit = _dialog(qtbot, context, case)
    assert _line(edit, "caseProposers").text() == "石剑波、李四"
    _line(edit, "caseTitle").setText("关于组织社会大众聚力创新的建议")
    status = edit.findChild(QComboBox, "caseStatus")
    status.setCurrentIndex(status.findData("signoff"))
    edit.accept()
    assert edit.case_id == case.id
    again = context.store.cases.get(case.id)
    assert again.title == "关于组织社会大众聚力创新的建议" and again.status == "signoff"
    assert len(context.store.cases.all()) == 1

    duplicate = _dialog(qtbot, context)
    _line(duplicate, "caseNumber").setText("277")
    _line(duplicate, "caseSession").setText("市十六届人大四次会议")
    _line(duplicate, "caseTitle").setText("另一件")
    _line(duplicate, "caseProposers").setText("王五")
    duplicate.accept()
    assert duplicate.error_field == "number"
    assert context.store.cases.get(case.id).title == "关于组织社会大众聚力创新的建议"


def _new_case(qtbot: QtBot, context: AppContext, proposers: str, number: str) -> Case:
    dialog = _dialog(qtbot, context)
    _line(dialog, "caseNumber").setText(number)
    _line(dialog, "caseTitle").setText("关于加强科普的建议")
    _line(dialog, "caseProposers").setText(proposers)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error_text()
    case = context.store.cases.get(dialog.case_id)
    assert case is not None
    return case


def test_proposers_typed_with_role_words_and_spaces(qtbot: QtBot, context: AppContext) -> None:
    assert _new_case(qtbot, context, "王明代表", "1").proposers == ["王明"]
    assert _new_case(qtbot, context, "王明 代表", "2").proposers == ["王明"]
    assert _new_case(qtbot, context, "王\u3000芳、李华", "3").proposers == ["王芳", "李华"]
    joint = _new_case(qtbot, context, "张三等10位代表", "4")
    assert (joint.proposers, joint.addressee) == (["张三"], "张三等10位")
    more = _new_case(qtbot, context, "张三等", "5")
    assert more.addressee == "张三等" and more.joint
    # Reopened, the field shows what was meant, and saving it again changes nothing.
    for case in (joint, more):
        edit = _dialog(qtbot, context, case)
        assert _line(edit, "caseProposers").text() == case.proposers_field
        edit.accept()
        again = context.store.cases.get(case.id)
        assert again.addressee == case.addressee


def test_clearing_copy_to_means_no_copy_to_block(qtbot: QtBot, context: AppContext) -> None:
    from desktop.casework import Draft
    from desktop.compose import compose

    context.store.profile.set_value("cc", ["市人大常委会代表工委"])
    dialog = _dialog(qtbot, context)
    _line(dialog, "caseNumber").setText("9")
    _line(dialog, "caseTitle").setText("关于加强科普的建议")
    _line(dialog, "caseProposers").setText("王明")
    _line(dialog, "caseCc").clear()
    dialog.accept()
    case = context.store.cases.get(dialog.case_id)
    profile = context.store.profile.load()
    letter = compose(case, profile, Draft(), templates=context.templates).letter
    assert letter.cc == []
    assert _line(_dialog(qtbot, context, case), "caseCc").text() == ""
    # A case saved before "cleared" existed (no cc_given) still gets the profile's list, and
    # the dialog shows that list so that clearing it is a visible choice.
    old = Case(number="10", title="t", proposers=["李华"])
    context.store.cases.save(old)
    assert compose(old, profile, Draft(), templates=context.templates).letter.cc == [
        "市人大常委会代表工委"
    ]
    assert _line(_dialog(qtbot, context, old), "caseCc").text() == "市人大常委会代表工委"


def test_a_role_word_typed_with_the_name_sets_the_role(qtbot: QtBot, context: AppContext) -> None:
    dialog = _dialog(qtbot, context)
    role = dialog.findChild(QComboBox, "caseRole")
    assert role.currentData() == "代表"
    _line(dialog, "caseProposers").setText("李华委员")
    assert role.currentData() == "委员"
    _line(dialog, "caseNumber").setText("8")
    _line(dialog, "caseTitle").setText("关于加强科普的提案")
    dialog.accept()
    case = context.store.cases.get(dialog.case_id)
    assert (case.proposers, case.role, case.kind_word) == (["李华"], "委员", "提案")
    # A role the clerk chose is kept.
    chosen = _dialog(qtbot, context)
    chosen_role = chosen.findChild(QComboBox, "caseRole")
    chosen_role.setCurrentIndex(chosen_role.findData("委员"))
    chosen._role_activated(chosen_role.currentIndex())
    _line(chosen, "caseProposers").setText("王明代表")
    assert chosen_role.currentData() == "委员"
