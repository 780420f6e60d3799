"""The library's listing before any query: one line per letter, a page at a time.

The window lists the newest letters at start; sizing each of 500 wrapped titles cost the start
a tenth of a second, so a letter is one line (its title elided when the pane is narrow, whole in
the tooltip), every row is as high (the view sizes one), and the next page comes when the
clerk scrolls to the last row, up to ``BROWSE_LIMIT``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui import library_pane
from desktop.ui.context import AppContext
from desktop.ui.library_pane import LibraryPane
from desktop.ui.library_widgets import BLOCK_ROLE
from desktop.ui.search_results import ResultDelegate
from tests.conftest import make_letter

LONG = "关于进一步加强和改进城市公共交通线路规划与站点设置以方便群众出行的建议"


@pytest.fixture
def pane(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LibraryPane]:
    monkeypatch.setattr(library_pane, "LETTER_PAGE", 10)
    monkeypatch.setattr(library_pane, "BROWSE_LIMIT", 25)
    store = LibraryStore(tmp_path / "library.db")
    for n in range(30):  # the newest first: the day of the month orders them
        title = LONG if n == 29 else f"关于第{n}号建议的答复"
        store.letters.add(
            make_letter([("status", f"第{n}份答复的正文。")], date=f"2024-05-{n + 1:02d}",
                        title=title),
            content_hash=f"h{n}", source_path=None, source_format=None,
        )  # fmt: skip
    context = AppContext(store.path, store=store,
                         templates=ReplyTemplates(override=tmp_path / "none"))  # fmt: skip
    widget = LibraryPane(context)
    qtbot.addWidget(widget)
    yield widget
    context.close()


def _letter_ids(pane: LibraryPane) -> list[int]:
    model = pane.results_model
    return [model.index(r, 0).data(BLOCK_ROLE)[1].letter_id for r in range(model.rowCount())]


def test_the_listing_comes_a_page_at_a_time_as_the_clerk_scrolls(
    qtbot: QtBot, pane: LibraryPane
) -> None:
    model = pane.results_model
    assert model.rowCount() == 10
    assert pane.status.text() == "The library holds 30 document(s)"
    assert model.index(0, 0).data() == LONG  # the newest first
    pane.resize(420, 500)
    pane.show()
    qtbot.waitExposed(pane)
    for expected in (20, 25):
        pane.results.scrollToBottom()
        qtbot.waitUntil(lambda n=expected: model.rowCount() == n, timeout=3000)  # type: ignore[misc]
    pane.results.scrollToBottom()
    QApplication.processEvents()
    assert model.rowCount() == 25  # BROWSE_LIMIT: the search finds the rest
    ids = _letter_ids(pane)
    assert len(set(ids)) == 25  # pages follow each other: none twice, none left out
    with LibraryStore(pane.context.db_path) as store:
        assert ids == [x.id for x in store.letters.all()[:25]]
    # a row chosen on a later page opens its letter as on the first
    pane.results.setCurrentIndex(model.index(22, 0))
    assert "第7份答复的正文" in pane.preview.toPlainText()


def _painted_text(pane: LibraryPane, index: QModelIndex, width: int) -> tuple[str, int]:
    delegate = pane.results.itemDelegate()
    assert isinstance(delegate, ResultDelegate)
    option = QStyleOptionViewItem()
    option.font = pane.results.font()
    option.rect = QRect(0, 0, width, 40)
    doc = delegate.document(option, index)
    return doc.toPlainText(), int(doc.size().height())


def test_a_letter_is_one_line_and_a_long_title_is_elided(qtbot: QtBot, pane: LibraryPane) -> None:
    assert pane.results.uniformItemSizes()  # every row as high: the view sizes one
    long_row = pane.results_model.index(0, 0)
    short_row = pane.results_model.index(1, 0)
    wide_text, wide_height = _painted_text(pane, long_row, 2000)
    assert wide_text == f"[Reply] 2024-05-30 {LONG}"  # room enough: all of it
    narrow_text, narrow_height = _painted_text(pane, long_row, 260)
    assert narrow_text.endswith("…") and narrow_text.startswith("[Reply] 2024-05-30 关于")
    assert LONG.startswith(narrow_text.removeprefix("[Reply] 2024-05-30 ").removesuffix("…"))
    assert narrow_height == wide_height == _painted_text(pane, short_row, 260)[1]
    assert long_row.data(Qt.ItemDataRole.ToolTipRole) == LONG  # the whole title on hover


def test_search_hits_keep_their_own_heights(qtbot: QtBot, pane: LibraryPane) -> None:
    with qtbot.waitSignal(pane.searched, timeout=3000):
        pane.search_box.setText("答复的正文")
    assert not pane.results.uniformItemSizes()  # a hit's text wraps over the lines it needs
    assert pane.results_model.rowCount() == 30
    assert not pane.results_model.canFetchMore(QModelIndex())  # "Show more" pages hits
    with qtbot.waitSignal(pane.searched, timeout=3000):
        pane.search_box.clear()
    assert pane.results.uniformItemSizes() and pane.results_model.rowCount() == 10
