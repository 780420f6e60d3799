"""The library pane: search as you type, filters, hits with their source, similar letters.

The pane calls the search actions (desktop/actions/search.py) through ``AppContext``: a search
on the UI thread (``ctx.call``: a few milliseconds), similar replies off it
(``ctx.operation``). The hits and the similar replies are list models
(ui/search_results.py, ui/similar_list.py) painted by their delegates.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.actions.search import (
    BROWSE_LIMIT,
    SearchFilters,
    SearchPage,
    SimilarLetter,
    browse,
    search,
    similar,
    source_letter,
)
from desktop.casework import SECTIONS, Case, DraftBlock
from desktop.letter_view import SECTION_ZH, group_sections
from desktop.ui.context import AppContext
from desktop.ui.library_widgets import (
    BLOCK_ROLE,
    PARAGRAPH_MIME,
    EnterListView,
    SearchBox,
    paragraph_mime,
)
from desktop.ui.search_results import ResultDelegate, ResultRow, ResultsModel, block_for_hit
from desktop.ui.similar_list import SimilarDelegate, SimilarModel

DEBOUNCE_MS = 250
PAGE = 50  # hits shown at first, and added by each "Show more"
LETTER_PAGE = 100  # letters listed at first, and added as the clerk scrolls to the last one


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
        self._similar_op: Any = None
        self._limit = PAGE
        self._build_search_row()
        self._build_lists()
        self._build_buttons()
        self._lay_out()
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._connect()
        self._list_letters()

    # ----------------------------------------------------------------- building
    def _build_search_row(self) -> None:
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
        self._build_letter_filters()

    def _build_letter_filters(self) -> None:
        """The letter's own filters: proposer, number, category, role."""
        self.proposer_filter = _named(QLineEdit(), "filterProposer")
        self.proposer_filter.setPlaceholderText(self.tr("Proposer"))
        self.number_filter = _named(QLineEdit(), "filterNumber")
        self.number_filter.setPlaceholderText(self.tr("Number"))
        self.number_filter.setToolTip(self.tr("The proposal's number: 35 or 第35号"))
        self.category_filter = _named(QLineEdit(), "filterCategory")
        self.category_filter.setPlaceholderText(self.tr("Category"))
        self.role_filter = _named(QComboBox(), "filterRole")
        self.role_filter.addItem(self.tr("Any proposer"), "")
        self.role_filter.addItem(self.tr("Deputies"), "代表")
        self.role_filter.addItem(self.tr("CPPCC members"), "委员")
        self.role_filter.addItem(self.tr("Units"), "单位")

    def _build_lists(self) -> None:
        self.results_model = ResultsModel(self)
        self.results = _named(EnterListView(), "libraryResults")
        self.results.setModel(self.results_model)
        self.results.setWordWrap(True)
        self.results.setDragEnabled(True)
        self.results.setAlternatingRowColors(True)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.preview = _named(QTextBrowser(), "sourcePreview")
        self.similar_model = SimilarModel(self)
        self.similar = _named(EnterListView(), "similarList")
        self.similar.setModel(self.similar_model)
        self.similar.setItemDelegate(SimilarDelegate(self.similar))
        self.similar.setDragEnabled(True)
        self.similar.setResizeMode(QListView.ResizeMode.Adjust)
        self._last_view: QListView = self.results  # where the Insert button takes from
        for view in (self.results, self.similar):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _build_buttons(self) -> None:
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.insert_button = _named(QPushButton(self.tr("Insert")), "insertHit")
        self.insert_button.setToolTip(
            self.tr("Insert the selected paragraph into the section it was filed under")
        )
        self.insert_button.setEnabled(False)
        self.open_button = _named(QPushButton(self.tr("Open letter")), "openLetter")
        self.open_button.setToolTip(self.tr("See and correct the letter's fields and sections"))
        self.open_button.setEnabled(False)
        self.more_button = _named(QPushButton(self.tr("Show more")), "showMoreHits")
        self.more_button.setToolTip(self.tr("Show the next %1 hits").replace("%1", str(PAGE)))
        self.more_button.hide()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for w in (self.section_filter, self.kind_filter, self.year_from, QLabel("–"),
                  self.year_to, self.agency_filter):  # fmt: skip
            filters.addWidget(w)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.search_box)
        top_layout.addLayout(filters)
        letter_filters = QHBoxLayout()
        for w in (self.proposer_filter, self.number_filter, self.category_filter,
                  self.role_filter):  # fmt: skip
            letter_filters.addWidget(w)
        top_layout.addLayout(letter_filters)
        top_layout.addWidget(self.results, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        for button in (self.more_button, self.open_button, self.insert_button):
            status_row.addWidget(button)
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

    def _connect(self) -> None:
        self.insert_button.clicked.connect(self._insert_current)
        self.open_button.clicked.connect(self._open_current)
        self.more_button.clicked.connect(self.show_more)
        self._debounce.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._schedule)
        for combo in (self.section_filter, self.kind_filter, self.role_filter):
            combo.currentIndexChanged.connect(self._schedule)
        for spin in (self.year_from, self.year_to):
            spin.valueChanged.connect(self._schedule)
        for line in (self.agency_filter, self.proposer_filter, self.number_filter,
                     self.category_filter):  # fmt: skip
            line.textChanged.connect(self._schedule)
        for view, menu in ((self.results, self._results_menu), (self.similar, self._similar_menu)):
            # Not "activated": some styles activate on a single click.
            view.doubleClicked.connect(self._activate)
            view.enterPressed.connect(self._activate)
            view.customContextMenuRequested.connect(menu)
            view.selectionModel().currentChanged.connect(self._current_changed)
        self.context.libraryChanged.connect(self._schedule)
        self.context.closing.connect(self._debounce.stop)

    # ----------------------------------------------------------------- search
    def _schedule(self, *_args: object) -> None:
        self._limit = PAGE  # a new query or filter starts with the first page again
        self._debounce.start()

    def show_more(self) -> None:
        """The next page of hits below the ones shown, the selected hit kept."""
        row = self.results.currentIndex().row()
        self._limit += PAGE
        self.run_search()
        if row >= 0:
            self.results.setCurrentIndex(self.results_model.index(row))
        self.results.scrollTo(self.results_model.index(max(0, self._limit - 2 * PAGE)))

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
            proposer=self.proposer_filter.text().strip() or None,
            number=self.number_filter.text().strip() or None,
            category=self.category_filter.text().strip() or None,
            role=self.role_filter.currentData() or None,
        )

    def run_search(self) -> None:
        if self.context.closed:
            return  # a search scheduled just before the library closed
        if self.search_box.composing:
            return  # the input method has not committed the word yet
        query = self.search_box.text().strip()
        if not query:
            self.more_button.hide()
            self._list_letters()
            self.searched.emit(0)
            return
        page = self.context.call(search, query, filters=self.filters(), limit=self._limit)
        self._show_page(page)
        self.searched.emit(len(page.hits))

    def _show_page(self, page: SearchPage) -> None:
        self.results.setUniformItemSizes(False)  # a hit takes the lines its text needs
        self.results_model.set_rows([self.results_model.hit_row(hit) for hit in page.hits])
        self._update_insert_button()
        if not page.hits:
            self.preview.clear()  # the letter of an earlier search's hit is no answer to this one
        self.status.setText(self._count_text(page))
        self.more_button.setVisible(page.truncated)

    def _count_text(self, page: SearchPage) -> str:
        if page.problem:
            return page.problem
        if page.truncated:
            return (
                self.tr("Showing the first %1 of %2 hits")
                .replace("%1", str(len(page.hits)))
                .replace("%2", f"{page.total}{'' if page.total_exact else '+'}")
            )
        return self.tr("%n hit(s) found", "", len(page.hits))

    def _list_letters(self) -> None:
        """With no query, the library's letters, newest first: a newcomer sees what is there
        and can read any of them; a paragraph is inserted from a search or the preview."""
        listing = self.context.call(browse, limit=min(LETTER_PAGE, BROWSE_LIMIT))
        self.results.setUniformItemSizes(True)  # one line per letter (ui/search_results.py)
        rows = [self.results_model.letter_row(x) for x in listing.letters]
        self.results_model.set_rows(rows, self._more_letters)
        self._update_insert_button()
        self.status.setText(self.tr("The library holds %n document(s)", "", listing.total))

    def _more_letters(self, shown: int) -> list[ResultRow]:
        """The listing's next page, up to ``BROWSE_LIMIT`` letters in all."""
        limit = min(LETTER_PAGE, BROWSE_LIMIT - shown)
        if limit <= 0 or self.context.closed:
            return []
        listing = self.context.call(browse, limit=limit, offset=shown)
        return [self.results_model.letter_row(x) for x in listing.letters]

    def _activate(self, index: QModelIndex) -> None:
        """Double-click or Enter on a row: insert a paragraph, open a whole letter."""
        section, block = index.data(BLOCK_ROLE) or ("", None)
        if section and block is not None and block.text:
            self.insertRequested.emit(section, block)
        elif block is not None and block.letter_id:
            self.letterOpenRequested.emit(block.letter_id)

    # ----------------------------------------------------------------- insert button, menus
    def _selected(self) -> tuple[str, DraftBlock | None]:
        """The row the clerk selected last, in the hits or the similar replies."""
        index = self._last_view.currentIndex()
        data = index.data(BLOCK_ROLE) if index.isValid() else None
        return data or ("", None)

    def _current_paragraph(self) -> tuple[str, DraftBlock] | None:
        """The hit or similar paragraph the clerk selected last (None: a whole letter)."""
        section, block = self._selected()
        return (section, block) if section and block is not None and block.text else None

    def _current_letter(self) -> int | None:
        """The letter of the hit, paragraph or letter the clerk selected last."""
        _section, block = self._selected()
        return block.letter_id if block is not None and block.letter_id else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        view = self.similar if current.model() is self.similar_model else self.results
        if current.isValid():
            self._last_view = view
            _section, block = current.data(BLOCK_ROLE) or ("", None)
            if block is not None and block.letter_id:
                self.show_letter(block.letter_id, block.paragraph_id)
        self._update_insert_button()

    def _update_insert_button(self) -> None:
        self.insert_button.setEnabled(self._current_paragraph() is not None)
        self.open_button.setEnabled(self._current_letter() is not None)

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

    def _menu_at(self, view: QListView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        section, block = (index.data(BLOCK_ROLE) if index.isValid() else None) or ("", None)
        where = view.viewport().mapToGlobal(pos)
        if section and block is not None and block.text:
            self.paragraph_menu(section, block).exec(where)
        elif block is not None and block.letter_id:
            self.letter_menu(block.letter_id).exec(where)

    def _results_menu(self, pos: QPoint) -> None:
        self._menu_at(self.results, pos)

    def _similar_menu(self, pos: QPoint) -> None:
        self._menu_at(self.similar, pos)

    def stop(self) -> None:
        """The window closes: a search the clerk was still typing is not run."""
        self._debounce.stop()

    # ----------------------------------------------------------------- source preview
    def show_letter(self, letter_id: int, paragraph_id: int | None = None) -> None:
        letter = self.context.call(source_letter, letter_id)
        if letter is None:
            self.preview.clear()
            return
        import html  # here: not needed for the window to start

        title = html.escape(letter.shown_title or "")
        meta = " ".join(html.escape(str(m)) for m in (letter.agency, letter.reply_date) if m)
        parts = [f"<h3>{title}</h3><p style='color:#666'>{meta}</p>"]
        anchor = ""
        for section in group_sections(letter.paragraphs):
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

    # ----------------------------------------------------------------- similar letters
    def show_similar_for(self, case: Case | None) -> None:
        """Find past replies like the open case without being asked (off the UI thread)."""
        self.similar_model.clear()
        if case is None or not case.title.strip():
            return
        if self._similar_op is not None:
            self._similar_op.cancel()
        self.similar_model.set_note(self.tr("Looking for similar replies…"))
        op = self.context.operation(similar, case.title, case.content, case_id=case.id)
        op.success(self._fill_similar).failure(lambda _e: self.similar_model.clear())
        self._similar_op = op.run_in_background()

    def _fill_similar(self, letters: tuple[SimilarLetter, ...]) -> None:
        if not letters:
            self.similar_model.set_note(self.tr("No similar replies found"))
            return
        self.similar_model.set_letters(letters)


__all__ = [
    "PARAGRAPH_MIME",
    "LibraryPane",
    "block_for_hit",
    "paragraph_mime",
]
