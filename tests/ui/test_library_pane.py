from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QListView, QPushButton, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop.casework import case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.library_pane import PARAGRAPH_MIME, LibraryPane
from desktop.ui.library_widgets import BLOCK_ROLE
from desktop.ui.search_results import MARK_COLOR, ROW_ROLE
from desktop.ui.similar_list import KIND_ROLE, SimilarDelegate


def commit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    event = QInputMethodEvent()
    event.setCommitString(text)
    widget.inputMethodEvent(event)


def at(view: QListView, row: int) -> QModelIndex:
    return view.model().index(row, 0)


def choose(view: QListView, row: int) -> None:
    view.setCurrentIndex(at(view, row))


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
    results = pane.findChild(QListView, "libraryResults")
    row = at(results, 0).data(ROW_ROLE)
    assert "众创空间" in [piece for piece, marked in row.pieces if marked]
    assert at(results, 0).data(Qt.ItemDataRole.ToolTipRole) == row.block.text
    # what the delegate paints: the lead line, then the text with the term on a yellow ground
    option = QStyleOptionViewItem()
    option.initFrom(results)
    option.rect = results.visualRect(at(results, 0))
    doc = results.itemDelegate().document(option, at(results, 0))
    lead, body = doc.toPlainText().split("\n", 1)
    assert lead.startswith("[") and "众创空间" in body
    start = doc.toPlainText().index("众创空间")
    cursor = QTextCursor(doc)
    cursor.setPosition(start + 1)
    assert cursor.charFormat().background().color() == MARK_COLOR
    cursor.setPosition(len(lead) + 1)  # the first character of the text, not a term
    if not body.startswith("众创空间"):
        assert cursor.charFormat().background().color() != MARK_COLOR
    choose(results, 0)
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
    assert pane.results.model().rowCount() > 0
    for i in range(pane.results.model().rowCount()):
        _section, block = at(pane.results, i).data(BLOCK_ROLE)
        assert block.year == 2020


def test_double_click_enter_and_drag_offer_the_paragraph(qtbot: QtBot, pane: LibraryPane) -> None:
    with qtbot.waitSignal(pane.searched, timeout=3000):
        commit(pane.search_box, "众创社区")
    item = at(pane.results, 0)
    pane.show()
    qtbot.waitExposed(pane)
    rect = pane.results.visualRect(item)
    with qtbot.waitSignal(pane.insertRequested, timeout=1000) as blocker:
        # As a person does it: the first click selects, the second makes the double-click.
        qtbot.mouseClick(pane.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(pane.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    section, block = blocker.args
    assert section == "plan" and "众创社区" in block.text and block.paragraph_id
    assert block.kind == "library" and block.letter_id
    choose(pane.results, 0)
    pane.results.setFocus()
    qtbot.waitUntil(pane.results.hasFocus)
    with qtbot.waitSignal(pane.insertRequested, timeout=1000):
        qtbot.keyClick(pane.results, Qt.Key.Key_Return)
    assert pane.results.model().flags(item) & Qt.ItemFlag.ItemIsDragEnabled
    mime = pane.results.model().mimeData([item])
    payload = json.loads(bytes(mime.data(PARAGRAPH_MIME).data()).decode("utf-8"))
    assert payload["section"] == "plan" and payload["block"]["paragraph_id"] == block.paragraph_id


def test_similar_replies_appear_for_the_open_case(qtbot: QtBot, pane: LibraryPane) -> None:
    case = case_from_json({"number": "1", "title": "关于支持众创空间发展的建议",
                           "proposers": ["张三"]})  # fmt: skip
    pane.show_similar_for(case)
    view = pane.findChild(QListView, "similarList")
    model = view.model()
    assert model.rowCount() == 1 and at(view, 0).data() == "Looking for similar replies…"
    qtbot.waitUntil(lambda: model.rowCount() > 1, timeout=5000)
    assert at(view, 0).data(KIND_ROLE) == "letter"
    assert "关于在南通市组织社会大众聚力创新" in at(view, 0).data()
    child = at(view, 1)
    assert child.data(KIND_ROLE) == "paragraph" and child.data().startswith("[")
    section, block = child.data(BLOCK_ROLE)
    assert child.data(Qt.ItemDataRole.ToolTipRole) == block.text and block.paragraph_id
    payload = json.loads(bytes(model.mimeData([child]).data(PARAGRAPH_MIME).data()).decode())
    assert payload["block"]["paragraph_id"] == block.paragraph_id
    pane.show()
    qtbot.waitExposed(pane)
    # the delegate draws the tree it replaced: room for the branch arrow before a letter, its
    # paragraphs a level further in
    delegate = view.itemDelegate()
    for index, indent in (
        (at(view, 0), SimilarDelegate.INDENT),
        (child, 2 * SimilarDelegate.INDENT),
    ):
        option = QStyleOptionViewItem()
        option.rect = view.visualRect(index)
        delegate.initStyleOption(option, index)
        assert option.rect.left() == view.visualRect(index).left() + indent
        assert option.text == index.data()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    with qtbot.waitSignal(pane.insertRequested, timeout=1000) as blocker:
        view.setCurrentIndex(child)
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args[1].text == block.text and blocker.args[0] == section


def test_an_empty_query_lists_the_library(qtbot: QtBot, pane: LibraryPane) -> None:
    assert pane.results.model().rowCount() == 5  # the sample library, before any search
    choose(pane.results, 0)
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
    choose(pane.results, 0)
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
    choose(pane.results, 0)
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
    choose(pane.results, 0)
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
    assert first.args[0] == 50 and pane.results.model().rowCount() == 50
    assert pane.status.text() == "Showing the first 50 of 62 hits"
    assert not more.isHidden()
    choose(pane.results, 3)
    with qtbot.waitSignal(pane.searched, timeout=3000) as second:
        qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert second.args[0] == 62 and pane.results.model().rowCount() == 62
    assert pane.status.text() == "62 hit(s) found"
    assert more.isHidden() and pane.results.currentIndex().row() == 3
    # a new query starts again with the first page
    pane.search_box.clear()
    with qtbot.waitSignal(pane.searched, timeout=3000) as third:
        commit(pane.search_box, "进展")
    assert third.args[0] == 50
    context.close()
