"""The library pane's results list as a model and its delegate.

A row is a search hit (its section, years and source above a window of its text, the terms
marked) or, before any query, one of the library's letters. The model holds plain rows
(:class:`ResultRow`); the delegate paints them, marking the hit's terms from their offsets
(``SearchHit.highlights``), so no markup travels from the search to the screen.

A letter of the listing is one line (its title elided when the pane is narrow, whole in the
tooltip): all its rows are as high, so the view sizes one of them instead of laying out each
title (``setUniformItemSizes``), and the listing comes a page at a time as the clerk scrolls
(``fetchMore``) — at start both cost the window a tenth of a second for 500 letters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.actions.search import SearchHit
from desktop.casework import SECTIONS, DraftBlock
from desktop.letter_search_fields import FIELD_ZH
from desktop.letter_view import SECTION_ZH
from desktop.library_rows import LetterRow
from desktop.ui.library_widgets import BLOCK_ROLE, PARAGRAPH_MIME, paragraph_mime

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
LEAD_COLOR = QColor("#555555")  # the line about where a hit comes from
MARK_COLOR = QColor("#ffe58f")  # the background of a search term

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ResultRow:
    """One row of the results: ``lead`` (grey: where it comes from) then the text in
    ``pieces`` (each with whether it is a search term), on a line of its own when
    ``lead_above``. ``section`` is empty for a whole letter. A ``single_line`` row never
    wraps: what does not fit is elided."""

    lead: str
    pieces: tuple[tuple[str, bool], ...]
    lead_above: bool
    section: str
    block: DraftBlock
    tooltip: str | None = None
    single_line: bool = False

    @property
    def text(self) -> str:
        return "".join(piece for piece, _marked in self.pieces)

    @property
    def is_paragraph(self) -> bool:
        return bool(self.section and self.block.text)


def block_for_hit(hit: SearchHit) -> tuple[str, DraftBlock]:
    """Where a hit goes in a draft (its section; reference text goes to the status section)
    and the library block that keeps its provenance. A letter hit is a whole letter: no
    section, no text (it opens the letter, like a letter of the list)."""
    src = hit.source_details[0] if hit.source_details else None
    if hit.is_letter:
        year, title = (src.year, src.title) if src else (None, None)
        return "", DraftBlock("library", "", None, hit.letter_id, year, title)
    section = hit.section if hit.section in SECTIONS else "status"
    block = DraftBlock(
        "library", hit.text, hit.paragraph_id, hit.letter_id or None,
        src.year if src else None, src.title if src else None,
    )  # fmt: skip
    return section, block


MoreRows = Callable[[int], Sequence[ResultRow]]


class ResultsModel(QAbstractListModel):
    """The rows of the results list: hits of a search, or the library's letters."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []
        self._more: MoreRows | None = None

    # ------------------------------------------------------------------ filling
    def set_rows(self, rows: Sequence[ResultRow], more: MoreRows | None = None) -> None:
        """Show ``rows``; ``more(n)`` gives the rows after the first ``n`` (none: the end),
        asked for when the view scrolls to the last row."""
        self.beginResetModel()
        self._rows = list(rows)
        self._more = more
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._more is None:
            return
        rows = list(self._more(len(self._rows)))
        if not rows:
            self._more = None
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def clear(self) -> None:
        self.set_rows([])

    def hit_row(self, hit: SearchHit) -> ResultRow:
        """A hit: "[section] years 《title》 · n letters" above the window of its text; a
        letter hit: "[标题] year" (the fields that hold the terms) above their text."""
        if hit.is_letter:
            return self.letter_hit_row(hit)
        years = sorted({s.year for s in hit.source_details if s.year}, reverse=True)
        titles = {s.title for s in hit.source_details if s.title}
        where = "、".join(f"{y}年" for y in years[:3])
        count = len(hit.sources)
        source = (f"《{next(iter(titles))}》" if len(titles) == 1 else "") + (
            self.tr(" · %n letter(s)", "", count) if count > 1 else ""
        )
        pieces = hit.pieces()
        lo, hi = hit.window
        if lo > 0:
            pieces.insert(0, ("…", False))
        if hi < len(hit.text):
            pieces.append(("…", False))
        section, block = block_for_hit(hit)
        lead = (f"[{SECTION_ZH.get(hit.section, hit.section)}]", where, source)
        return ResultRow(
            lead=" ".join(part for part in lead if part),
            pieces=tuple(pieces),
            lead_above=True,
            section=section,
            block=block,
            tooltip=hit.text,
        )

    def letter_hit_row(self, hit: SearchHit) -> ResultRow:
        """A letter found by its title, headings or metadata: the fields named, e.g.
        "[标题] 2024年" or "[会议 · 提出人] 2022年", above their text with the terms marked."""
        years = [f"{s.year}年" for s in hit.source_details[:1] if s.year]
        names = " · ".join(FIELD_ZH.get(n, n) for n in hit.section.split("+"))
        pieces = hit.pieces()
        lo, hi = hit.window
        if lo > 0:
            pieces.insert(0, ("…", False))
        if hi < len(hit.text):
            pieces.append(("…", False))
        section, block = block_for_hit(hit)
        title = hit.source_details[0].title if hit.source_details else None
        return ResultRow(
            lead=" ".join([f"[{names}]", *years]),
            pieces=tuple(pieces),
            lead_above=True,
            section=section,
            block=block,
            tooltip=title or hit.text,
        )

    def letter_row(self, letter: LetterRow) -> ResultRow:
        """A whole letter of the library: "[Reply] date" and its title, on one line."""
        kind = self.tr("Reply") if letter.kind == "reply" else self.tr("Reference")
        title = letter.shown_title or ""
        return ResultRow(
            lead=f"[{kind}] {letter.reply_date or ''}",
            pieces=((" " + title, False),),
            lead_above=False,
            section="",
            block=DraftBlock("library", "", None, letter.id),
            tooltip=title or None,
            single_line=True,
        )

    # ------------------------------------------------------------------ the model
    def row_at(self, row: int) -> ResultRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # the whole text, for accessibility (the delegate paints the marked window)
            return row.block.text if row.is_paragraph else row.text.strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip
        if role == BLOCK_ROLE:
            return row.section, row.block
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._rows[index.row()].is_paragraph:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [PARAGRAPH_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        row = self._rows[indexes[0].row()]
        return paragraph_mime(row.section, row.block)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class ResultDelegate(QStyledItemDelegate):
    """Paints a row's lead and text, the search terms on a yellow ground, straight into the
    list: no widget per hit, so a search with fifty hits is on screen at once."""

    PADDING = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # Each row is laid out once per width: the view asks every row's size, then paints
        # the visible ones. Rows are replaced, never changed, so a row object is the key.
        self._laid_out: dict[tuple[int, int], tuple[ResultRow, QTextDocument]] = {}

    def document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        """The row as laid out for painting (its width is the view's)."""
        row: ResultRow | None = index.data(ROW_ROLE)
        width = option.rect.width() if option.rect.width() > 0 else 400
        key = (id(row), width)
        cached = self._laid_out.get(key)
        if row is not None and cached is not None and cached[0] is row:
            return cached[1]
        if len(self._laid_out) > 2000:  # a new search: the old rows' layouts go
            self._laid_out.clear()
        doc = self._lay_out(option, index, row, width)
        if row is not None:
            self._laid_out[key] = (row, doc)
        return doc

    def _lay_out(
        self, option: QStyleOptionViewItem, index: Index, row: ResultRow | None, width: int
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        text_width = max(50, width - 2 * self.PADDING)
        cursor = QTextCursor(doc)
        if row is None:
            cursor.insertText(index.data() or "")
        else:
            lead = QTextCharFormat()
            lead.setForeground(LEAD_COLOR)
            cursor.insertText(row.lead, lead)
            if row.lead_above:
                cursor.insertText("\n", QTextCharFormat())
            pieces = row.pieces
            if row.single_line:
                one_line = QTextOption()
                one_line.setWrapMode(QTextOption.WrapMode.NoWrap)
                doc.setDefaultTextOption(one_line)
                room = text_width - 2 * doc.documentMargin() - ELIDE_SLACK
                pieces = _elided(pieces, QFontMetricsF(option.font), room, row.lead)
            plain, marked = QTextCharFormat(), QTextCharFormat()
            marked.setBackground(MARK_COLOR)
            for piece, is_term in pieces:
                cursor.insertText(piece, marked if is_term else plain)
        doc.setTextWidth(text_width)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self.document(option, index)
        rect = option.rect
        painter.save()
        painter.translate(rect.left() + self.PADDING, rect.top() + self.PADDING)
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        doc = self.document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2 * self.PADDING)


ELIDE_SLACK = 2.0  # px: the text layout and the font metrics may round apart


def _elided(
    pieces: tuple[tuple[str, bool], ...], metrics: QFontMetricsF, room: float, lead: str
) -> tuple[tuple[str, bool], ...]:
    """A one-line row's text shortened with "…" to what fits beside its lead."""
    text = "".join(piece for piece, _marked in pieces)
    left = room - metrics.horizontalAdvance(lead)
    if metrics.horizontalAdvance(text) <= left:
        return pieces
    return ((metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, left)), False),)
