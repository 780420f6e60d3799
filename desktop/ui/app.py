"""Start the window: a library browser (search + letter preview) until the full workflow lands.

The three-pane window with cases and the composer is the window issue's work; this keeps the
"start the app" command honest in the meantime and is replaced by it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.letter_view import SECTION_ZH, group_sections
from desktop.logs import setup_logging
from desktop.paths import default_db_path
from desktop.sample import ensure_sample_library
from desktop.search import search
from desktop.store import LibraryError, LibraryStore


class LibraryWindow(QMainWindow):
    def __init__(self, store: LibraryStore):
        super().__init__()
        self.store = store
        self.setWindowTitle("答复助手 — 资料库")
        self.search_box = QLineEdit(
            placeholderText="输入关键词搜索以往答复和参考资料（多个词用空格分开）"
        )
        self.search_box.setObjectName("librarySearch")
        self.results = QListWidget()
        self.results.setObjectName("libraryResults")
        self.results.setWordWrap(True)
        self.preview = QTextBrowser()
        self.preview.setObjectName("letterPreview")
        self.status = QLabel()

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.addWidget(self.search_box)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([520, 680])
        self.setCentralWidget(splitter)
        self.resize(1200, 760)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _t: self._debounce.start())
        self.results.currentItemChanged.connect(self._show_current)
        self.show_letter_list()

    def show_letter_list(self) -> None:
        self.results.clear()
        for letter in self.store.list_letters():
            kind = "答复" if letter["kind"] == "reply" else "参考资料"
            title = letter["proposal_title"] or letter["title"] or "（无标题）"
            item = QListWidgetItem(f"[{kind}] {letter['reply_date'] or ''} {title}")
            item.setData(Qt.ItemDataRole.UserRole, (letter["id"], None))
            self.results.addItem(item)
        self.status.setText(f"资料库共 {self.store.letter_count()} 份文件")

    def run_search(self) -> None:
        query = self.search_box.text().strip()
        if not query:
            self.show_letter_list()
            return
        hits = search(self.store, query, limit=50)
        self.results.clear()
        for hit in hits:
            label = QLabel(f"<b>[{SECTION_ZH.get(hit.section, hit.section)}]</b> {hit.snippet}")
            label.setWordWrap(True)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, (hit.letter_id, hit.paragraph_id))
            item.setSizeHint(label.sizeHint())
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        self.status.setText(f"找到 {len(hits)} 段")

    def _show_current(self, item: QListWidgetItem | None, _prev: object = None) -> None:
        if item is None:
            return
        letter_id, paragraph_id = item.data(Qt.ItemDataRole.UserRole)
        letter = self.store.get_letter(letter_id)
        if letter is None:
            return
        parts = [f"<h2>{letter['proposal_title'] or letter['title'] or ''}</h2>"]
        meta = [letter.get("agency"), letter.get("reply_date")]
        parts.append(f"<p style='color:#666'>{' '.join(m for m in meta if m)}</p>")
        for section in group_sections(letter["paragraphs"]):
            parts.append(f"<p style='color:#888'>【{SECTION_ZH.get(section['kind'])}】</p>")
            if section["heading"]:
                parts.append(f"<h3>{section['heading']}</h3>")
            for p in section["paragraphs"]:
                style = "background:#fff3b0" if p["id"] == paragraph_id else ""
                parts.append(f"<p style='{style}'>　　{p['text']}</p>")
        self.preview.setHtml("".join(parts))


def run_app(argv: list[str] | None = None) -> int:
    setup_logging()
    app = QApplication.instance() or QApplication(argv or sys.argv)
    try:
        store = LibraryStore(default_db_path())
    except LibraryError as exc:
        QMessageBox.critical(None, "答复助手", exc.message)
        return 2
    ensure_sample_library(store)
    window = LibraryWindow(store)
    window.show()
    code = app.exec()
    store.close()
    return int(code)
