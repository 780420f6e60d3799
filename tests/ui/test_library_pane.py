from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QListWidget, QPushButton, QTreeWidget
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
    pane.results.setFocus()
    qtbot.waitUntil(pane.results.hasFocus)
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
    assert "关于在南通市组织社会大众聚力创新" in tree.topLevelItem(0).text(0)
    child = tree.topLevelItem(0).child(0)
    pane.show()
    qtbot.waitExposed(pane)
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
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


def _enter(*, auto_repeat: bool = False) -> QKeyEvent:
    return QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", auto_repeat
    )


def test_enter_inserts_only_when_pressed_in_the_list(qtbot: QtBot, pane: LibraryPane) -> None:
    with qtbot.waitSignal(pane.searched, timeout=3000):
        commit(pane.search_box, "众创社区")
    pane.show()
    qtbot.waitExposed(pane)
    pane.results.setCurrentRow(0)
    inserted: list[object] = []
    pane.insertRequested.connect(lambda section, block: inserted.append((section, block)))
    pane.search_box.setFocus()
    qtbot.waitUntil(pane.search_box.hasFocus)
    QApplication.sendEvent(pane.results, _enter())  # the list does not have the focus
    pane.results.setFocus()
    qtbot.waitUntil(pane.results.hasFocus)
    QApplication.sendEvent(pane.results, _enter(auto_repeat=True))  # a key held elsewhere
    assert inserted == []
    QApplication.sendEvent(pane.results, _enter())
    assert len(inserted) == 1 and inserted[0][0] == "plan"  # type: ignore[index]


def test_insert_button_and_menu_on_hits(qtbot: QtBot, pane: LibraryPane) -> None:
    with qtbot.waitSignal(pane.searched, timeout=3000):
        commit(pane.search_box, "众创社区")
    button = pane.findChild(QPushButton, "insertHit")
    assert not button.isEnabled()  # nothing chosen yet
    pane.results.setCurrentRow(0)
    assert button.isEnabled()
    with qtbot.waitSignal(pane.insertRequested, timeout=1000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    section, block = blocker.args
    assert section == "plan" and "众创社区" in block.text

    menu = pane.paragraph_menu(section, block)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["insertInto_plan", "insertInto_greeting", "insertInto_status",
                     "insertInto_closing", "openSource", "copyText", "inspectLetter"]  # fmt: skip
    assert menu.defaultAction().objectName() == "insertInto_plan"
    assert menu.defaultAction().text() == "Insert into the next steps"
    with qtbot.waitSignal(pane.insertRequested, timeout=1000) as chosen:
        menu.findChild(QAction, "insertInto_closing").trigger()
    assert chosen.args[0] == "closing" and chosen.args[1].paragraph_id == block.paragraph_id
    menu.findChild(QAction, "copyText").trigger()
    assert QApplication.clipboard().text() == block.text
    pane.preview.clear()
    menu.findChild(QAction, "openSource").trigger()
    assert block.text in pane.preview.toPlainText()


def test_the_source_preview_clears_when_nothing_is_found(qtbot: QtBot, pane: LibraryPane) -> None:
    with qtbot.waitSignal(pane.searched, timeout=3000):
        commit(pane.search_box, "众创社区")
    pane.results.setCurrentRow(0)
    assert "众创社区" in pane.preview.toPlainText()
    pane.search_box.clear()
    with qtbot.waitSignal(pane.searched, timeout=3000) as blocker:
        commit(pane.search_box, "没有这样的词语组合")
    assert blocker.args[0] == 0
    assert pane.preview.toPlainText() == ""


def test_counts_are_honest_and_more_can_be_shown(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.conftest import make_letter

    store = LibraryStore(tmp_path / "many.db")
    for n in range(62):  # 62 paragraphs hold the word, each in its own letter
        store.letters.add(
            make_letter([("status", f"第{n}号孵化基地建设进展顺利，成效明显。")]),
            content_hash=f"h{n}", source_path=None, source_format=None,
        )  # fmt: skip
    context = AppContext(store.path, store=store,
                         templates=ReplyTemplates(override=tmp_path / "none"))  # fmt: skip
    pane = LibraryPane(context)
    qtbot.addWidget(pane)
    more = pane.findChild(QPushButton, "showMoreHits")
    with qtbot.waitSignal(pane.searched, timeout=3000) as first:
        commit(pane.search_box, "孵化基地")
    assert first.args[0] == 50 and pane.results.count() == 50
    assert pane.status.text() == "Showing the first 50 of 62 paragraphs"
    assert not more.isHidden()
    pane.results.setCurrentRow(3)
    with qtbot.waitSignal(pane.searched, timeout=3000) as second:
        qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert second.args[0] == 62 and pane.results.count() == 62
    assert pane.status.text() == "62 paragraph(s) found"
    assert more.isHidden() and pane.results.currentRow() == 3
    # a new query starts again with the first page
    pane.search_box.clear()
    with qtbot.waitSignal(pane.searched, timeout=3000) as third:
        commit(pane.search_box, "进展")
    assert third.args[0] == 50
    context.close()
