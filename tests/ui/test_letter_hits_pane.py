"""Letter hits in the library pane: the field named above its text, the terms marked, the
letter opened on a double click; the proposer, number, category and role filters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.importer import import_paths
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.library_pane import LibraryPane
from desktop.ui.library_widgets import BLOCK_ROLE
from desktop.ui.search_results import ROW_ROLE
from tests.unit.test_letter_search import BICYCLE, PARKING, WATER


@pytest.fixture
def pane(qtbot: QtBot, tmp_path: Path) -> Iterator[LibraryPane]:
    folder = tmp_path / "letters"
    folder.mkdir()
    for name, text in (("停车.txt", PARKING), ("饮水.txt", WATER), ("自行車.txt", BICYCLE)):
        (folder / name).write_text(text, encoding="utf-8")
    store = LibraryStore(tmp_path / "library.db")
    assert [p.result.status for p in import_paths(store, [folder])] == ["imported"] * 3
    context = AppContext(store.path, store=store,
                         templates=ReplyTemplates(override=tmp_path / "none"))  # fmt: skip
    widget = LibraryPane(context)
    qtbot.addWidget(widget)
    yield widget
    context.close()


def _rows(pane: LibraryPane) -> list:
    model = pane.results.model()
    return [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]


def _search(qtbot: QtBot, pane: LibraryPane, text: str) -> None:
    with qtbot.waitSignal(pane.searched, timeout=3000):
        pane.search_box.setText(text)


def test_a_letter_hit_names_its_field_and_marks_the_terms(qtbot: QtBot, pane: LibraryPane) -> None:
    _search(qtbot, pane, "第35号")
    first = _rows(pane)[0]
    assert first.lead == "[标题] 2024年"
    assert first.text == "关于市十届人大二次会议第35号建议的答复"
    assert [p for p, marked in first.pieces if marked] == ["第35号"]
    # a whole letter: nothing to insert, double click opens it
    section, block = pane.results.model().index(0, 0).data(BLOCK_ROLE)
    assert section == "" and block.text == "" and block.letter_id
    assert not first.is_paragraph
    with qtbot.waitSignal(pane.letterOpenRequested, timeout=1000) as opened:
        pane.results.doubleClicked.emit(pane.results.model().index(0, 0))
    assert opened.args == [block.letter_id]
    # paragraphs follow the letters, with their sections
    _search(qtbot, pane, "停车")
    rows = _rows(pane)
    assert rows[0].lead == "[建议/提案] 2024年" and not rows[0].is_paragraph
    assert rows[1].is_paragraph and rows[1].lead.startswith("[")
    assert all(r.is_paragraph for r in rows[1:])

    _search(qtbot, pane, "十届二次会议 陈志明")
    row = _rows(pane)[0]
    assert row.lead == "[标题 · 提出人] 2022年"
    assert [p for p, marked in row.pieces if marked] == ["十屆二次會議", "陳志明"]
    assert pane.status.text() == "1 hit(s) found"


def test_the_letter_filters(qtbot: QtBot, pane: LibraryPane) -> None:
    proposer = pane.findChild(QLineEdit, "filterProposer")
    number = pane.findChild(QLineEdit, "filterNumber")
    category = pane.findChild(QLineEdit, "filterCategory")
    role = pane.findChild(QComboBox, "filterRole")
    _search(qtbot, pane, "感谢")
    everyone = {r.block.letter_id for r in _rows(pane)}
    assert len(everyone) == 3

    with qtbot.waitSignal(pane.searched, timeout=3000):
        role.setCurrentIndex(role.findData("委员"))
    members = {r.block.letter_id for r in _rows(pane)}
    assert len(members) == 2 and members < everyone
    with qtbot.waitSignal(pane.searched, timeout=3000):
        proposer.setText("刘芳")
    (water,) = {r.block.letter_id for r in _rows(pane)}
    assert pane.filters().proposer == "刘芳" and pane.filters().role == "委员"

    with qtbot.waitSignal(pane.searched, timeout=3000):
        role.setCurrentIndex(0)
    with qtbot.waitSignal(pane.searched, timeout=3000):
        proposer.clear()
    with qtbot.waitSignal(pane.searched, timeout=3000):
        number.setText("第108号")
    assert {r.block.letter_id for r in _rows(pane)} == {water}
    with qtbot.waitSignal(pane.searched, timeout=3000):
        category.setText("A")
    assert _rows(pane) == [] and pane.status.text() == "0 hit(s) found"


def test_the_filters_speak_chinese(chinese, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = LibraryStore(tmp_path / "library.db")
    context = AppContext(store.path, store=store,
                         templates=ReplyTemplates(override=tmp_path / "none"))  # fmt: skip
    pane = LibraryPane(context)
    qtbot.addWidget(pane)
    role = pane.findChild(QComboBox, "filterRole")
    assert [role.itemText(i) for i in range(role.count())] == ["提出人不限", "代表", "委员", "单位"]
    assert pane.findChild(QLineEdit, "filterProposer").placeholderText() == "提出人"
    assert pane.findChild(QLineEdit, "filterNumber").placeholderText() == "编号"
    assert pane.findChild(QLineEdit, "filterCategory").placeholderText() == "类别"
    context.close()
