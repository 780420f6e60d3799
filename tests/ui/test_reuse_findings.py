"""Safe reuse in the window: a paragraph reused from a letter of another city is underlined
in the composer with its source and correction, the correction changes the draft, and the
export check lists the finding with its correction. Real library file, real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.actions.export import read_letter_inputs
from desktop.actions.imports import import_files
from desktop.casework import DraftBlock, case_from_json
from desktop.compose import finding_place
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.composer import Composer
from desktop.ui.context import AppContext
from desktop.ui.draft_model import DraftModel
from desktop.ui.export_check import ExportCheckDialog

OLD = """关于市十五届人大二次会议第82号建议的答复

陈建国代表：

您提出的《关于优化杨浦区公交线路的建议》收悉，现答复如下：

一、工作现状

上海市杨浦区交通委员会近年来在五角场地区试点公交线路优化，我区已开通社区巴士。

感谢您对交通工作的关心和支持。

上海市杨浦区交通委员会
2019年6月20日
"""


@pytest.fixture
def setup(
    qtbot: QtBot, tmp_path: Path
) -> Iterator[tuple[Composer, DraftModel, AppContext, DraftBlock]]:
    db = tmp_path / "l.db"
    store = LibraryStore(db)
    source = tmp_path / "旧答复.txt"
    source.write_text(OLD, encoding="utf-8")
    import_files([source], store=store)
    store.profile.set_value("agency_name", "南通市科学技术局")
    letter = store.letters.all()[0]
    row = next(p for p in store.letters.paragraphs(letter.id) if p.text.startswith("上海市"))
    block = DraftBlock("library", row.text, row.paragraph_id, letter.id, letter.year, letter.title)
    context = AppContext(db, store=store, templates=ReplyTemplates(override=tmp_path / "none"))
    case = case_from_json(
        {
            "number": "35",
            "title": "关于加快科技成果转化的建议",
            "proposers": ["王明"],
            "reply_date": "2026-06-01",
        }
    )
    store.cases.save(case)
    model = DraftModel(context, autosave_ms=60_000)
    model.load(store.cases.get(case.id or 0) or case, store.drafts.load(case.id or 0))
    composer = Composer(context, model)
    qtbot.addWidget(composer)
    composer.resize(800, 900)
    composer.show()
    qtbot.waitExposed(composer)
    yield composer, model, context, block
    context.close()


def test_reused_place_is_underlined_with_source_and_fixed_in_the_draft(
    setup: tuple[Composer, DraftModel, AppContext, DraftBlock],
) -> None:
    composer, model, _context, block = setup
    index = composer.insert_paragraph("status", block)
    composer.refresh()
    editor = composer.block_widget("status", index).editor
    messages = [f.message for f in editor.findings]
    source = f"《关于优化杨浦区公交线路的建议》（编号 {block.letter_id}）"
    place = next(m for m in messages if m.startswith("“上海市杨浦区”不是本单位所在地（南通市）"))
    assert source in place
    assert any(m.startswith("“我区”指原答复单位所在的区") and source in m for m in messages)
    assert place in composer.summary.toolTip()

    text = editor.toPlainText()
    actions = editor.fix_actions(text.index("我区") + 1)
    assert [a.text() for a in actions] == ["Change to “我市”"]
    actions[0].trigger()
    assert "我市已开通社区巴士" in model.block("status", index).text
    assert "我市已开通社区巴士" in editor.toPlainText()
    assert not any(m.startswith("“我区”") for m in (f.message for f in editor.findings))
    model.undo_stack.undo()
    assert "我区已开通社区巴士" in model.block("status", index).text


def test_export_check_lists_the_reuse_finding_and_its_fix(
    qtbot: QtBot, setup: tuple[Composer, DraftModel, AppContext, DraftBlock]
) -> None:
    composer, model, context, block = setup
    composer.insert_paragraph("status", block)
    prepared = model.prepare(context, context.call(read_letter_inputs))
    reuse = [f for f in prepared.findings if f.kind == "reuse_place"]
    assert len(reuse) == 2
    letter = prepared.letter
    texts = [letter.salutation, *(p.text for p in letter.paragraphs)]
    texts += [letter.contact_note or "", letter.title]
    places = [finding_place(prepared.composition, f) for f in prepared.findings]
    dialog = ExportCheckDialog(prepared.findings, texts, places)
    qtbot.addWidget(dialog)
    shown = dialog.list.toPlainText()
    assert "“上海市杨浦区”不是本单位所在地（南通市）" in shown
    assert "Change to “我市”" in shown


def test_own_places_are_set_in_the_settings_dialog(
    qtbot: QtBot, tmp_path: Path, setup: tuple[Composer, DraftModel, AppContext, DraftBlock]
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLineEdit

    from desktop.ui.settings_dialog import SettingsDialog

    composer, _model, context, block = setup
    index = composer.insert_paragraph("status", block)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(context, settings=settings)
    qtbot.addWidget(dialog)
    field = dialog.findChild(QLineEdit, "agencyHomePlaces")
    assert field is not None and field.text() == ""
    field.setText("上海市，杨浦区")
    with qtbot.waitSignal(context.profileChanged):
        dialog.accept()
    assert context.store.profile.load().home_places == ["上海市", "杨浦区"]
    composer.refresh()
    editor = composer.block_widget("status", index).editor
    assert not any("上海市杨浦区" in f.message for f in editor.findings)
