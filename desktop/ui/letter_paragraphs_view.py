"""The inspector's view of a stored letter's paragraphs, grouped by section in letter order.

A tree: one entry per run of paragraphs of one section (开头, 办理现状, 下一步打算, 结尾, 正文),
the paragraphs under it. The selected paragraph's whole text stands below, where the clerk puts
the cursor to split it. The view changes nothing itself: it emits ``sectionChosen(position,
section)``, ``splitRequested(position, offset)`` and ``mergeRequested(position)``, and is
filled again from the store by :meth:`load`.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.library_rows import ParagraphRow

SECTION_ORDER = ("greeting", "status", "plan", "closing", "body")
POSITION_ROLE = Qt.ItemDataRole.UserRole
PREVIEW_CHARS = 90  # a paragraph's line in the tree; the whole text is below it


class LetterParagraphsView(QWidget):
    sectionChosen = Signal(int, str)  # position, section
    splitRequested = Signal(int, int)  # position, offset into its text
    mergeRequested = Signal(int)  # position (merged with the next paragraph)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterParagraphs")
        self.section_names = {
            "greeting": self.tr("Opening"),
            "status": self.tr("Current situation"),
            "plan": self.tr("Next steps"),
            "closing": self.tr("Closing"),
            "body": self.tr("Body"),
        }
        self.paragraphs: list[ParagraphRow] = []
        self.tree = QTreeWidget()
        self.tree.setObjectName("inspectorParagraphs")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.currentItemChanged.connect(lambda *_a: self._show_current())
        self.text = QPlainTextEdit()
        self.text.setObjectName("inspectorParagraphText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setPlaceholderText(self.tr("Select a paragraph to see its whole text"))
        self.section_box = QComboBox()
        self.section_box.setObjectName("inspectorSection")
        for kind in SECTION_ORDER:
            self.section_box.addItem(self.section_names[kind], kind)
        self.section_box.setToolTip(self.tr("The section this paragraph belongs to"))
        self.section_box.activated.connect(self._section_activated)
        self.split_button = QPushButton(self.tr("Split at cursor"))
        self.split_button.setObjectName("inspectorSplit")
        self.split_button.setToolTip(
            self.tr("Click in the text below where the new paragraph should begin")
        )
        self.split_button.clicked.connect(self.split_at_cursor)
        self.merge_button = QPushButton(self.tr("Merge with next"))
        self.merge_button.setObjectName("inspectorMerge")
        self.merge_button.clicked.connect(self.merge_with_next)
        self.text.cursorPositionChanged.connect(self._update_buttons)

        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Section:")))
        actions.addWidget(self.section_box)
        actions.addStretch(1)
        actions.addWidget(self.split_button)
        actions.addWidget(self.merge_button)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addLayout(actions)
        below_layout.addWidget(self.text, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(below)
        splitter.setSizes([420, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._update_buttons()

    # ----------------------------------------------------------------- filling
    def load(self, paragraphs: list[ParagraphRow], select: int | None = None) -> None:
        """Show ``paragraphs`` (the store's, in order); keep the paragraph at ``select``
        (default: the one selected now) selected."""
        if select is None:
            select = self.current_position()
        self.paragraphs = sorted(paragraphs, key=lambda p: p.position)
        self.tree.clear()
        group: QTreeWidgetItem | None = None
        group_kind = None
        bold = QFont()
        bold.setBold(True)
        chosen = None
        for p in self.paragraphs:
            if group is None or p.section != group_kind:
                group_kind = p.section
                group = QTreeWidgetItem([self.section_names.get(group_kind, group_kind)])
                group.setFont(0, bold)
                group.setForeground(0, QBrush(QColor("#555")))
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
            text = p.text
            shown = text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"
            item = QTreeWidgetItem([shown])
            item.setData(0, POSITION_ROLE, p.position)
            item.setToolTip(0, text)
            if p.is_heading:
                item.setFont(0, bold)
            group.addChild(item)
            if p.position == select:
                chosen = item
        items = self.items()
        if chosen is None and items:  # the first paragraph, or the last after a merge at the end
            at = min(select or 0, len(items) - 1)
            chosen = items[at]
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self._show_current()

    def items(self) -> list[QTreeWidgetItem]:
        """The paragraph items, in letter order."""
        found: list[QTreeWidgetItem] = []
        for group in self._groups():
            found.extend(c for j in range(group.childCount()) if (c := group.child(j)))
        return found

    def _groups(self) -> list[QTreeWidgetItem]:
        count = self.tree.topLevelItemCount()
        return [g for i in range(count) if (g := self.tree.topLevelItem(i)) is not None]

    def groups(self) -> list[tuple[str, list[str]]]:
        """(section name, paragraph texts) per group as shown: what tests and users read."""
        out = []
        for group in self._groups():
            texts = [c.toolTip(0) for j in range(group.childCount()) if (c := group.child(j))]
            out.append((group.text(0), texts))
        return out

    def select_position(self, position: int) -> None:
        for item in self.items():
            if item.data(0, POSITION_ROLE) == position:
                self.tree.setCurrentItem(item)
                return

    def current_position(self) -> int | None:
        item = self.tree.currentItem()
        position = item.data(0, POSITION_ROLE) if item is not None else None
        return position if isinstance(position, int) else None

    def current(self) -> ParagraphRow | None:
        position = self.current_position()
        return next((p for p in self.paragraphs if p.position == position), None)

    def _show_current(self) -> None:
        p = self.current()
        self.text.setPlainText(p.text if p else "")
        if p is not None:
            self.section_box.setCurrentIndex(max(0, self.section_box.findData(p.section)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        p = self.current()
        position = p.position if p else None
        last = self.paragraphs[-1].position if self.paragraphs else None
        offset = self.text.textCursor().position()
        self.section_box.setEnabled(p is not None)
        self.split_button.setEnabled(p is not None and 0 < offset < len(p.text))
        self.merge_button.setEnabled(p is not None and position != last)

    # ----------------------------------------------------------------- clerk's actions
    def _section_activated(self, _index: int) -> None:
        p = self.current()
        section = self.section_box.currentData()
        if p is not None and section != p.section:
            self.sectionChosen.emit(p.position, section)

    def _move_current(self, section: str) -> None:
        p = self.current()
        if p is not None and p.section != section:
            self.sectionChosen.emit(p.position, section)

    def split_at_cursor(self) -> None:
        p = self.current()
        offset = self.text.textCursor().position()
        if p is not None and 0 < offset < len(p.text):
            self.splitRequested.emit(p.position, offset)

    def merge_with_next(self) -> None:
        p = self.current()
        if p is not None and p is not self.paragraphs[-1]:
            self.mergeRequested.emit(p.position)

    def _menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        position = item.data(0, POSITION_ROLE) if item is not None else None
        if item is None or not isinstance(position, int):
            return
        self.tree.setCurrentItem(item)
        self.section_menu().exec(self.tree.viewport().mapToGlobal(pos))

    def section_menu(self) -> QMenu:
        """Move the selected paragraph to another section, or merge it with the next."""
        menu = QMenu(self)
        p = self.current()
        for kind in SECTION_ORDER:
            action = menu.addAction(self.tr("Move to %1").replace("%1", self.section_names[kind]))
            action.setObjectName(f"moveTo_{kind}")
            action.setEnabled(p is not None and p.section != kind)
            action.triggered.connect(lambda _c=False, k=kind: self._move_current(k))
        menu.addSeparator()
        merge = menu.addAction(self.merge_button.text())
        merge.setObjectName("mergeNext")
        merge.setEnabled(self.merge_button.isEnabled())
        merge.triggered.connect(self.merge_with_next)
        return menu
