from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QListWidget, QTreeWidget
from pytestqt.qtbot import QtBot

from desktop.casework import case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.library_pane import PARAGRAPH_MIME, LibraryPane


def commit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    event = QInputMethodEvent()
    event.setCommitString(text)
    widget.inputMethodEvent(event)


def preedit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.inputMethodEvent(QInputMethodEvent(text, []))


@pytest.fixture
def pane(qtbot: QtBot, sample_store: LibraryStore, tmp_path: Path) -> Iterator[LibraryPane]:
    context = AppContext(sample_store.path, store=sample_store,
                         templates=ReplyTemplates(override=tmp_path / "none"))  # fmt: skip
    widget = LibraryPane(context)
    qtbot.addWidget(widget)
    yield widget
    context.close()


def test_search_as_you_type_shows_marked_hits_and_the_source(
    qtbot: QtBot, pane: LibraryPane
) -> None:
    with qtbot.waitSignal(pane.searched, timeout=3000) as blocker:
        commit(pane.search_box, "众创空间")
    assert blocker.args[0] > 0
    results = pane.findChild(QListWidget, "libraryResults")
    from desktop.ui.library_pane import HTML_ROLE, MARK_OPEN

    assert f"{MARK_OPEN}众创空间</span>" in results.item(0).data(HTML_ROLE)
    results.setCurrentRow(0)
    assert "众创空间" in pane.preview.toPlainText()


def test_input_method_composition_does_not_search(qtbot: QtBot, pane: LibraryPane) -> None:
    searches: list[int] = []
    pane.searched.connect(searches.append)
    preedit(pane.search_box, "zhongchuang")
    qtbot.wait(400)
    assert searches == []  # pinyin being composed is not a query
    assert pane.search_box.composing
    with qtbot.waitSignal(pane.searched, timeout=3000):
        commit(pane.search_box, "众创")
    assert not pane.search_box.composing


def test_filters_narrow_the_hits(qtbot: QtBot, pane: LibraryPane) -> None:
    with qtbot.waitSignal(pane.searched, timeout=3000) as everything:
        commit(pane.search_box, "科技")
    pane.kind_filter.setCurrentIndex(pane.kind_filter.findData("reference"))
    with qtbot.waitSignal(pane.searched, timeout=3000) as refs:
        pass
    assert 0 < refs.args[0] < everything.args[0]
    pane.kind_filter.setCurrentIndex(0)
    pane.year_from.setValue(2020)
    pane.year_to.setValue(2020)
    with qtbot.waitSignal(pane.searched, timeout=3000):
        pass
    for i in range(pane.results.count()):
        _section, block = pane.results.item(i).data(Qt.ItemDataRole.UserRole)
        assert block.year == 2020


def test_double_click_enter_and_drag_offer_the_paragraph(qtbot: QtBot, pane: LibraryPane) -> None:
    with qtbot.waitSignal(pane.searched, timeout=3000):
        commit(pane.search_box, "众创社区")
    item = pane.results.item(0)
    pane.show()
    qtbot.waitExposed(pane)
    rect = pane.results.visualItemRect(item)
    with qtbot.waitSignal(pane.insertRequested, timeout=1000) as blocker:
        # As a person does it: the first click selects, the second makes the double-click.
        qtbot.mouseClick(pane.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(pane.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    section, block = blocker.args
    assert section == "plan" and "众创社区" in block.text and block.paragraph_id
    assert block.kind == "library" and block.letter_id
    pane.results.setCurrentRow(0)
    with qtbot.waitSignal(pane.insertRequested, timeout=1000):
        qtbot.keyClick(pane.results, Qt.Key.Key_Return)
    mime = pane.results.mimeData([item])
    payload = json.loads(bytes(mime.data(PARAGRAPH_MIME).data()).decode("utf-8"))
    assert payload["section"] == "plan" and payload["block"]["paragraph_id"] == block.paragraph_id


def test_similar_replies_appear_for_the_open_case(qtbot: QtBot, pane: LibraryPane) -> None:
    case = case_from_json({"number": "1", "title": "关于支持众创空间发展的建议",
                           "proposers": ["张三"]})  # fmt: skip
    pane.show_similar_for(case)
    tree = pane.findChild(QTreeWidget, "similarList")
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0
                    and tree.topLevelItem(0).childCount() > 0, timeout=5000)  # fmt: skip
    assert "关于在南通市组织社会大众聚力创新的建议" in tree.topLevelItem(0).text(0)
    child = tree.topLevelItem(0).child(0)
    with qtbot.waitSignal(pane.insertRequested, timeout=1000) as blocker:
        tree.setCurrentItem(child)
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert blocker.args[1].text


def test_an_empty_query_lists_the_library(qtbot: QtBot, pane: LibraryPane) -> None:
    assert pane.results.count() == 5  # the sample library, before any search
    pane.results.setCurrentRow(0)
    assert pane.preview.toPlainText().strip()
    with qtbot.assertNotEmitted(pane.insertRequested):
        qtbot.keyClick(pane.results, Qt.Key.Key_Return)  # a whole letter is not a paragraph
