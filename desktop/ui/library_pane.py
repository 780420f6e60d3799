"""The library pane: search as you type, filters, hits with their source, similar letters."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.casework import SECTIONS, Case, DraftBlock
from desktop.letter_view import SECTION_ZH, group_sections
from desktop.search import SearchHit, search
from desktop.similar import similar_letters
from desktop.store import SearchFilters
from desktop.ui.context import AppContext
from desktop.ui.library_widgets import (
    BLOCK_ROLE,
    HTML_ROLE,
    MARK_OPEN,
    PARAGRAPH_MIME,
    HitDelegate,
    SearchBox,
    _DragList,
    _SimilarTree,
    block_for_hit,
    paragraph_mime,
)

DEBOUNCE_MS = 250
PAGE = 50  # hits shown at first, and added by each "Show more"


def _named(widget: Any, name: str) -> Any:
    widget.setObjectName(name)
    return widget


class LibraryPane(QWidget):
    insertRequested = Signal(str, object)  # section, DraftBlock
    searched = Signal(int)  # number of hits shown (tests and the status bar)
    letterOpenRequested = Signal(int)  # open a letter in the inspector to read and correct it

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.search_box = SearchBox()
        self.search_box.setObjectName("librarySearch")
        self.search_box.setPlaceholderText(self.tr("Search past replies and reference material"))
        self.search_box.setClearButtonEnabled(True)

        self.section_filter = _named(QComboBox(), "filterSection")
        self.section_filter.addItem(self.tr("All sections"), "")
        for kind in (*SECTIONS, "body"):
            self.section_filter.addItem(SECTION_ZH[kind], kind)
        self.kind_filter = _named(QComboBox(), "filterKind")
        self.kind_filter.addItem(self.tr("Replies and reference"), "")
        self.kind_filter.addItem(self.tr("Replies"), "reply")
        self.kind_filter.addItem(self.tr("Reference"), "reference")
        self.year_from = _named(QSpinBox(), "filterYearFrom")
        self.year_to = _named(QSpinBox(), "filterYearTo")
        for box in (self.year_from, self.year_to):
            box.setRange(1990, 2100)
            box.setSpecialValueText(self.tr("any"))
            box.setMinimum(1989)
            box.setValue(1989)
        self.agency_filter = _named(QLineEdit(), "filterAgency")
        self.agency_filter.setPlaceholderText(self.tr("Agency"))

        self.results = _DragList()
        self.results.setObjectName("libraryResults")
        self.results.setWordWrap(True)
        self.results.setDragEnabled(True)
        self.results.setAlternatingRowColors(True)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.preview = _named(QTextBrowser(), "sourcePreview")
        self.similar = _named(_SimilarTree(), "similarList")
        self.similar.setHeaderHidden(True)
        self.similar.setWordWrap(True)
        self.similar.setDragEnabled(True)
        self.similar.setExpandsOnDoubleClick(False)  # a double-click opens the letter
        self._last_view: QWidget = self.results  # where the Insert button takes from
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.insert_button = _named(QPushButton(self.tr("Insert")), "insertHit")
        self.insert_button.setToolTip(
            self.tr("Insert the selected paragraph into the section it was filed under")
        )
        self.insert_button.setEnabled(False)
        self.insert_button.clicked.connect(self._insert_current)
        self.open_button = _named(QPushButton(self.tr("Open letter")), "openLetter")
        self.open_button.setToolTip(self.tr("See and correct the letter's fields and sections"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_current)
        for view in (self.results, self.similar):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        filters = QHBoxLayout()
        for w in (self.section_filter, self.kind_filter, self.year_from, QLabel("–"),
                  self.year_to, self.agency_filter):  # fmt: skip
            filters.addWidget(w)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.search_box)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.results, 1)
        self.more_button = _named(QPushButton(self.tr("Show more")), "showMoreHits")
        self.more_button.setToolTip(self.tr("Show the next %1 paragraphs").replace("%1", str(PAGE)))
        self.more_button.hide()
        self.more_button.clicked.connect(self.show_more)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.more_button)
        status_row.addWidget(self.open_button)
        status_row.addWidget(self.insert_button)
        top_layout.addLayout(status_row)
        similar_box = QWidget()
        similar_layout = QVBoxLayout(similar_box)
        similar_layout.setContentsMargins(0, 0, 0, 0)
        similar_layout.addWidget(QLabel(self.tr("Similar past replies")))
        similar_layout.addWidget(self.similar)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.preview)
        self.splitter.addWidget(similar_box)
        self.splitter.setSizes([420, 220, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self._limit = PAGE
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._schedule)
        for combo in (self.section_filter, self.kind_filter):
            combo.currentIndexChanged.connect(self._schedule)
        for spin in (self.year_from, self.year_to):
            spin.valueChanged.connect(self._schedule)
        self.agency_filter.textChanged.connect(self._schedule)
        self.results.currentItemChanged.connect(self._show_source)
        # Not "itemActivated": some styles activate on a single click.
        self.results.itemDoubleClicked.connect(self._insert_item)
        self.results.enterPressed.connect(self._insert_item)
        self.results.customContextMenuRequested.connect(self._results_menu)
        self.similar.itemDoubleClicked.connect(self._insert_similar)
        self.similar.enterPressed.connect(self._insert_similar)
        self.similar.currentItemChanged.connect(self._show_similar_source)
        self.similar.customContextMenuRequested.connect(self._similar_menu)
        self.results.currentItemChanged.connect(self._update_insert_button)
        self.similar.currentItemChanged.connect(self._update_insert_button)
        context.libraryChanged.connect(self._schedule)
        context.closing.connect(self._debounce.stop)
        self._list_letters()
        self._similar_op: Any = None

    # ----------------------------------------------------------------- search
    def _schedule(self, *_args: object) -> None:
        self._limit = PAGE  # a new query or filter starts with the first page again
        self._debounce.start()

    def show_more(self) -> None:
        """The next page of hits below the ones shown, the selected hit kept."""
        row = self.results.currentRow()
        self._limit += PAGE
        self.run_search()
        if row >= 0:
            self.results.setCurrentRow(row)
        self.results.scrollToItem(self.results.item(max(0, self._limit - 2 * PAGE)))

    def filters(self) -> SearchFilters:
        section = self.section_filter.currentData()
        y_from = self.year_from.value()
        y_to = self.year_to.value()
        return SearchFilters(
            sections=(section,) if section else (),
            year_from=y_from if y_from >= 1990 else None,
            year_to=y_to if y_to >= 1990 else None,
            agency=self.agency_filter.text().strip() or None,
            kind=self.kind_filter.currentData() or None,
        )

    def run_search(self) -> None:
        if self.context.closed:
            return  # a search scheduled just before the library closed
        if self.search_box.composing:
            return  # the input method has not committed the word yet
        query = self.search_box.text().strip()
        self.results.clear()
        if not query:
            self.more_button.hide()
            self._list_letters()
            self.searched.emit(0)
            return
        hits = search(self.context.store, query, filters=self.filters(), limit=self._limit)
        for hit in hits:
            self._add_hit(hit)
        if not hits:
            self.preview.clear()  # the letter of an earlier search's hit is no answer to this one
        if hits.problem:
            self.status.setText(hits.problem)
        elif hits.truncated:
            self.status.setText(
                self.tr("Showing the first %1 of %2 paragraphs")
                .replace("%1", str(len(hits)))
                .replace("%2", f"{hits.total}{'' if hits.total_exact else '+'}")
            )
        else:
            self.status.setText(self.tr("%n paragraph(s) found", "", len(hits)))
        self.more_button.setVisible(hits.truncated)
        self.searched.emit(len(hits))

    def _add_hit(self, hit: SearchHit) -> None:
        years = sorted({s["year"] for s in hit.source_details if s.get("year")}, reverse=True)
        titles = {s.get("title") for s in hit.source_details if s.get("title")}
        where = "、".join(f"{y}年" for y in years[:3])
        count = len(hit.sources)
        source = (f"《{next(iter(titles))}》" if len(titles) == 1 else "") + (
            self.tr(" · %n letter(s)", "", count) if count > 1 else ""
        )
        item = QListWidgetItem()
        item.setData(BLOCK_ROLE, block_for_hit(hit))
        item.setData(Qt.ItemDataRole.ToolTipRole, hit.text)
        item.setData(
            HTML_ROLE,
            f"<span style='color:#555'>[{SECTION_ZH.get(hit.section, hit.section)}] "
            f"{html.escape(where)} {html.escape(source)}</span><br>"
            + hit.snippet.replace("<mark>", MARK_OPEN).replace("</mark>", "</span>"),
        )
        item.setData(Qt.ItemDataRole.DisplayRole, hit.text)  # for accessibility and sorting
        self.results.addItem(item)

    def _list_letters(self) -> None:
        """With no query, the library's letters, newest first: a newcomer sees what is there
        and can read any of them; a paragraph is inserted from a search or the preview."""
        letters = self.context.store.letters.all()
        for letter in letters[:500]:
            kind = self.tr("Reply") if letter["kind"] == "reply" else self.tr("Reference")
            title = letter.get("proposal_title") or letter.get("title") or ""
            item = QListWidgetItem()
            item.setData(BLOCK_ROLE, ("", DraftBlock("library", "", None, letter["id"])))
            item.setData(
                HTML_ROLE,
                f"<span style='color:#555'>[{html.escape(kind)}] "
                f"{html.escape(letter.get('reply_date') or '')}</span> {html.escape(title)}",
            )
            item.setData(Qt.ItemDataRole.DisplayRole, title)
            self.results.addItem(item)
        self.status.setText(self.tr("The library holds %n document(s)", "", len(letters)))

    def _insert_item(self, item: QListWidgetItem) -> None:
        section, block = item.data(BLOCK_ROLE)
        if section and block is not None and block.text:
            self.insertRequested.emit(section, block)
        elif block is not None and block.letter_id:  # a whole letter: open it
            self.letterOpenRequested.emit(block.letter_id)

    # ----------------------------------------------------------------- insert button, menus
    def _current_paragraph(self) -> tuple[str, DraftBlock] | None:
        """The hit or similar paragraph the clerk selected last (None: a whole letter)."""
        similar_item = self.similar.currentItem()
        if self._last_view is self.similar and similar_item is not None:
            data = similar_item.data(0, BLOCK_ROLE)
        elif self._last_view is self.results and self.results.currentItem() is not None:
            data = self.results.currentItem().data(BLOCK_ROLE)
        else:
            return None
        section, block = data or ("", None)
        return (section, block) if section and block is not None and block.text else None

    def _update_insert_button(self, current: object = None, *_args: object) -> None:
        if current is not None:
            self._last_view = self.similar if isinstance(current, QTreeWidgetItem) else self.results
        self.insert_button.setEnabled(self._current_paragraph() is not None)
        self.open_button.setEnabled(self._current_letter() is not None)

    def _current_letter(self) -> int | None:
        """The letter of the hit, paragraph or letter the clerk selected last."""
        view_item: Any = None
        similar_item, result_item = self.similar.currentItem(), self.results.currentItem()
        if self._last_view is self.similar and similar_item is not None:
            view_item = similar_item.data(0, BLOCK_ROLE)
        elif self._last_view is self.results and result_item is not None:
            view_item = result_item.data(BLOCK_ROLE)
        _section, block = view_item or ("", None)
        return block.letter_id if block is not None and block.letter_id else None

    def _open_current(self) -> None:
        letter_id = self._current_letter()
        if letter_id is not None:
            self.letterOpenRequested.emit(letter_id)

    def letter_menu(self, letter_id: int, menu: QMenu | None = None) -> QMenu:
        """The inspector's entry on a hit's or a letter's context menu."""
        menu = menu or QMenu(self)
        action = menu.addAction(self.tr("Open and correct the letter…"))
        action.setObjectName("inspectLetter")
        action.triggered.connect(lambda: self.letterOpenRequested.emit(letter_id))
        return menu

    def _insert_current(self) -> None:
        found = self._current_paragraph()
        if found is not None:
            self.insertRequested.emit(*found)

    def paragraph_menu(self, section: str, block: DraftBlock) -> QMenu:
        """Insert into any section (the paragraph's own first and marked), show its letter,
        copy its text."""
        menu = QMenu(self)
        names = {
            "greeting": self.tr("Insert into the opening"),
            "status": self.tr("Insert into the current situation"),
            "plan": self.tr("Insert into the next steps"),
            "closing": self.tr("Insert into the closing"),
        }
        for target in (section, *(s for s in SECTIONS if s != section)):
            action = menu.addAction(names[target])
            action.setObjectName(f"insertInto_{target}")
            action.triggered.connect(lambda _c=False, t=target: self.insertRequested.emit(t, block))
            if target == section:
                menu.setDefaultAction(action)
                menu.addSeparator()
        menu.addSeparator()
        open_action = menu.addAction(self.tr("Show the source letter"))
        open_action.setObjectName("openSource")
        open_action.setEnabled(bool(block.letter_id))
        open_action.triggered.connect(
            lambda: self.show_letter(block.letter_id or 0, block.paragraph_id)
        )
        copy_action = menu.addAction(self.tr("Copy text"))
        copy_action.setObjectName("copyText")
        copy_action.triggered.connect(lambda: QApplication.clipboard().setText(block.text))
        if block.letter_id:
            self.letter_menu(block.letter_id, menu)
        return menu

    def _results_menu(self, pos: QPoint) -> None:
        item = self.results.itemAt(pos)
        if item is None:
            return
        section, block = item.data(BLOCK_ROLE)
        where = self.results.viewport().mapToGlobal(pos)
        if section and block is not None and block.text:
            self.paragraph_menu(section, block).exec(where)
        elif block is not None and block.letter_id:
            self.letter_menu(block.letter_id).exec(where)

    def _similar_menu(self, pos: QPoint) -> None:
        item = self.similar.itemAt(pos)
        if item is None:
            return
        section, block = item.data(0, BLOCK_ROLE) or ("", None)
        where = self.similar.viewport().mapToGlobal(pos)
        if section and block is not None and block.text:
            self.paragraph_menu(section, block).exec(where)
        elif block is not None and block.letter_id:
            self.letter_menu(block.letter_id).exec(where)

    # ----------------------------------------------------------------- source preview
    def show_letter(self, letter_id: int, paragraph_id: int | None = None) -> None:
        letter = self.context.store.letters.get(letter_id)
        if letter is None:
            self.preview.clear()
            return
        title = html.escape(letter.get("proposal_title") or letter.get("title") or "")
        meta = " ".join(
            html.escape(str(m)) for m in (letter.get("agency"), letter.get("reply_date")) if m
        )
        parts = [f"<h3>{title}</h3><p style='color:#666'>{meta}</p>"]
        anchor = ""
        for section in group_sections(letter["paragraphs"]):
            parts.append(f"<p style='color:#888'>【{SECTION_ZH.get(section['kind'])}】</p>")
            if section["heading"]:
                parts.append(f"<p><b>{html.escape(section['heading'])}</b></p>")
            for p in section["paragraphs"]:
                hit = p["id"] == paragraph_id
                if hit:
                    anchor = f"p{p['id']}"
                style = "background:#fff3b0" if hit else ""
                parts.append(
                    f"<p style='{style}'><a name='p{p['id']}'></a>　　{html.escape(p['text'])}</p>"
                )
        self.preview.setHtml("".join(parts))
        if anchor:
            self.preview.scrollToAnchor(anchor)

    def _show_source(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            _section, block = item.data(BLOCK_ROLE)
            if block.letter_id:
                self.show_letter(block.letter_id, block.paragraph_id)

    # ----------------------------------------------------------------- similar letters
    def show_similar_for(self, case: Case | None) -> None:
        """Find past replies like the open case without being asked (off the UI thread)."""
        self.similar.clear()
        if case is None or not case.title.strip():
            return
        if self._similar_op is not None:
            self._similar_op.cancel()
        placeholder = QTreeWidgetItem([self.tr("Looking for similar replies…")])
        self.similar.addTopLevelItem(placeholder)

        def find(title: str, content: str, *, store: Any) -> list[Any]:
            return similar_letters(store, title, content, limit=8)

        op = self.context.operation(find, case.title, case.content)
        op.success(self._fill_similar).failure(lambda _e: self.similar.clear())
        self._similar_op = op.run_in_background()

    def _fill_similar(self, letters: list[Any]) -> None:
        self.similar.clear()
        if not letters:
            self.similar.addTopLevelItem(QTreeWidgetItem([self.tr("No similar replies found")]))
            return
        for found in letters:
            top = QTreeWidgetItem([f"{found.year or ''} {found.title or ''}".strip()])
            top.setData(0, BLOCK_ROLE, ("", DraftBlock("library", "", None, found.letter_id)))
            self.similar.addTopLevelItem(top)
            for p in found.paragraphs:
                section = p["section"] if p["section"] in SECTIONS else "status"
                block = DraftBlock("library", p["text"], p["paragraph_id"], found.letter_id,
                                   found.year, found.title)  # fmt: skip
                text = p["text"] if len(p["text"]) <= 80 else p["text"][:80] + "…"
                child = QTreeWidgetItem([f"[{SECTION_ZH.get(p['section'], '')}] {text}"])
                child.setToolTip(0, p["text"])
                child.setData(0, BLOCK_ROLE, (section, block))
                top.addChild(child)
            top.setExpanded(True)

    def _insert_similar(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        section, block = item.data(0, BLOCK_ROLE) or ("", None)
        if section and block is not None and block.text:
            self.insertRequested.emit(section, block)
        elif block is not None and block.letter_id:
            self.letterOpenRequested.emit(block.letter_id)

    def _show_similar_source(self, item: QTreeWidgetItem | None, _prev: object = None) -> None:
        if item is None:
            return
        _section, block = item.data(0, BLOCK_ROLE) or ("", None)
        if block is not None and block.letter_id:
            self.show_letter(block.letter_id, block.paragraph_id)


__all__ = [
    "HTML_ROLE",
    "MARK_OPEN",
    "PARAGRAPH_MIME",
    "LibraryPane",
    "QModelIndex",
    "QPersistentModelIndex",
    "block_for_hit",
    "paragraph_mime",
]
