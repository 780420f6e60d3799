"""The window speaks Chinese: with the zh_CN translator installed exactly as the app does it,
no string a clerk can see is left in English (menus, buttons, labels, placeholders, tool tips,
tab and header texts, window titles) in the main window with a case open and in every dialog.
English stays selectable: with "en" no translator is installed and the source strings show."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.casework import case_from_json
from desktop.model import FontSpec
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui import app as app_module
from desktop.ui.case_dialog import CaseDialog
from desktop.ui.context import AppContext
from desktop.ui.errors import ErrorDialog
from desktop.ui.import_dialog import ImportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.preview import PreviewDialog
from desktop.ui.settings_dialog import OFFICIAL_FONTS, SUBSTITUTES, SettingsDialog
from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "replydesk_zh_CN.ts"

CASE = {
    "number": "277",
    "session": "市十六届人大四次会议",
    "title": "关于加快众创空间建设的建议",
    "proposers": ["张三", "李四"],
    "proposer_count": 5,
    "co_organizers": ["市财政局"],
    "category": "A",
    "assigned_date": "2020-03-20",
    "content": "建议加快众创空间和孵化器建设。",
    "contact_name": "王五",
    "contact_phone": "0513-85000000",
    "cc": ["市人大常委会代表工作委员会"],
    "doc_number": "通科函〔2020〕12号",
}

# Latin words a Chinese window legitimately shows: file formats, programs, key names, the
# product's own name, category letters and the name of the English language in its menu.
ALLOWED = {
    "DOCX", "PDF", "TXT", "PNG", "JPEG", "JPG", "Word", "WPS", "LibreOffice", "ReplyDesk",
    "Ctrl", "Alt", "Shift", "Enter", "Return", "Esc", "Del", "Tab", "Home", "End", "PgUp",
    "PgDown", "Meta", "English",
}  # fmt: skip
DATA = [
    re.compile(r"<[^<>]*>"),  # HTML tags of rich text
    re.compile(r"&[a-z]+;"),  # HTML entities
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}"),  # template variables shown as such
    re.compile(r"(?:https?|postgres(?:ql)?)://\S+"),  # URLs (a shared library's server too)
    re.compile(r"\.pgpass\b|\bpg_dump\b"),  # PostgreSQL's password file and dump program
    re.compile(r"(?:[A-Za-z]:)?(?:[\\/][^\\/\s：，。）)]+)+[\\/]?"),  # file paths
    re.compile(
        r"[\w.-]*\.(?:j2|docx?|pdf|txt|wps|rtf|html?|mht(?:ml)?|png|jpe?g|db|ini|log)\b",
        re.IGNORECASE,
    ),
]
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
CATEGORY_LETTERS = re.compile(r"[A-D]+")  # the schemes "ABC" and "ABCD"


def font_names() -> list[str]:
    """Font family names are data the clerk chooses, longest first (removed before checking)."""
    names = set(QFontDatabase.families()) | set(OFFICIAL_FONTS)
    names |= {name for pair in SUBSTITUTES.items() for name in (pair[0], *pair[1])}
    names |= {str(v) for v in vars(FontSpec()).values() if isinstance(v, str)}
    return sorted((n for n in names if n), key=len, reverse=True)


def english_words(text: str, fonts: list[str]) -> list[str]:
    """The runs of 3+ Latin letters in ``text`` that are neither allowed words nor data."""
    for pattern in DATA:
        text = pattern.sub(" ", text)
    for name in fonts:
        text = text.replace(name, " ")
    return [
        w
        for w in LATIN_WORD.findall(text)
        if w not in ALLOWED and not CATEGORY_LETTERS.fullmatch(w)
    ]


def _action_texts(action: QAction) -> list[str]:
    texts = [action.text(), action.toolTip(), action.statusTip(), action.iconText()]
    menu = action.menu()
    if isinstance(menu, QMenu):
        texts.append(menu.title())
        for sub in menu.actions():
            texts += _action_texts(sub)
    return texts


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount() private
        return 1


def _view_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    for column in range(_columns(model, view.rootIndex())):
        texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    # Placeholder rows ("Looking for…") and tool tips are the window's; the rows themselves are
    # the library's and the cases' data, which is Chinese too.
    stack = [view.rootIndex()]
    while stack:
        parent = stack.pop()
        for row in range(min(model.rowCount(parent), 50)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str):
                        texts.append(value)
                if column == 0 and isinstance(view, QTreeView):
                    stack.append(index)
    return texts


def widget_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything ``widget`` and its visible children show as text."""
    found: list[tuple[str, str]] = []

    def add(w: QWidget, *texts: str) -> None:
        where = f"{type(w).__name__}#{w.objectName()}"
        found.extend((where, t) for t in texts if t)

    for w in [widget, *widget.findChildren(QWidget)]:
        if w is not widget and not w.isVisibleTo(widget):
            continue  # hidden, or a popup (a combo box's list) not open
        add(w, w.toolTip(), w.statusTip(), w.whatsThis())
        if w.isWindow():
            add(w, w.windowTitle())
        if isinstance(w, QLabel | QAbstractButton):
            add(w, w.text())
        elif isinstance(w, QGroupBox):
            add(w, w.title())
        elif isinstance(w, QTextBrowser):  # shown, not typed: its text is the window's
            add(w, w.placeholderText(), w.toPlainText())
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):  # typed text is data
            add(w, w.placeholderText())
        elif isinstance(w, QAbstractSpinBox):
            add(w, w.text(), w.specialValueText())
        elif isinstance(w, QComboBox):
            add(w, *(w.itemText(i) for i in range(w.count())))
            line = w.lineEdit()
            if line is not None:
                add(w, line.placeholderText())
        elif isinstance(w, QProgressBar):
            add(w, w.format(), w.text())
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, w.tabText(i), w.tabToolTip(i))
        elif isinstance(w, QAbstractItemView):
            add(w, *_view_texts(w))
        elif isinstance(w, QMenu):
            add(w, w.title())
        for action in w.actions():
            add(w, *_action_texts(action))
        if isinstance(w, QMainWindow):
            bar = w.menuBar()
            for action in bar.actions():
                add(bar, *_action_texts(action))
            add(w, w.statusBar().currentMessage())
    return found


def left_in_english(widget: QWidget) -> list[str]:
    fonts = font_names()
    return [
        f"{where}: {text!r} ({', '.join(words)})"
        for where, text in widget_texts(widget)
        if (words := english_words(text, fonts))
    ]


# ----------------------------------------------------------------------------------------------

WindowMaker = Callable[[], MainWindow]


@pytest.fixture
def context(sample_store: LibraryStore, tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(sample_store.path, store=sample_store,
                     templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    yield ctx
    ctx.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(
    qtbot: QtBot, context: AppContext, settings: QSettings
) -> Iterator[Callable[[], MainWindow]]:
    """Builds the main window when called (after the translator is in place); afterwards its
    timers are stopped before the library closes, so that nothing fires into the next test."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(context, settings=settings)
        qtbot.addWidget(window)
        window.resize(1400, 860)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.composer.proof_timer.stop()
        window.model.autosave_timer.stop()
        window.close()
        window.composer.proof_timer.stop()


def _open_case(qtbot: QtBot, window: MainWindow) -> int:
    case_id = window.context.store.cases.save(case_from_json(CASE))
    window.open_case(case_id)
    similar = window.library.similar
    qtbot.waitUntil(lambda: similar.model().rowCount() > 1, timeout=5000)
    window.library.search_box.setText("孵化器")
    qtbot.waitUntil(lambda: window.library.results.model().rowCount() > 0, timeout=5000)
    return case_id


def _show(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_main_window_with_a_case_open_is_all_chinese(
    chinese: QApplication, qtbot: QtBot, context: AppContext, make_window: WindowMaker
) -> None:
    window = make_window()
    assert window.windowTitle() == "答复助手"
    assert left_in_english(window) == []  # no case yet: the empty list's hint

    _open_case(qtbot, window)
    window.save_draft()  # a status bar message
    assert window.windowTitle() == "关于加快众创空间建设的建议 — 答复助手"
    assert [a.text() for a in window.menuBar().actions()] == [
        "文件(&F)", "编辑(&E)", "工具(&T)", "帮助(&H)",
    ]  # fmt: skip
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert [a.iconText() for a in toolbar.actions()] == [
        "新建案件", "保存草稿", "导入资料", "导出 DOCX", "预览", "打印", "撤销", "重做"
    ]  # fmt: skip
    assert left_in_english(window) == []


def test_case_dialog_is_all_chinese(
    chinese: QApplication, qtbot: QtBot, context: AppContext, make_window: WindowMaker
) -> None:
    window = make_window()
    case_id = _open_case(qtbot, window)
    new = _show(qtbot, CaseDialog(context, None, window))
    assert new.windowTitle() == "新建案件"
    new.fill_from_lines((SAMPLES / "000_f249a5bce850aff6.txt").read_text("utf-8").splitlines())
    assert new.findChild(QLabel, "casePasteStatus").text().startswith("已填入：")
    assert left_in_english(new) == []

    case = context.store.cases.get(case_id)
    edit = _show(qtbot, CaseDialog(context, case, window))
    assert edit.windowTitle() == "编辑第 277 号案件"
    assert left_in_english(edit) == []


def test_settings_dialog_every_tab_is_all_chinese(
    chinese: QApplication, qtbot: QtBot, context: AppContext, settings: QSettings
) -> None:
    dialog = _show(qtbot, SettingsDialog(context, settings=settings))
    tabs = dialog.findChild(QTabWidget, "settingsTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "本单位", "答复类别", "字体", "模板", "语言", "资料库"
    ]  # fmt: skip
    problems = []
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        QApplication.processEvents()
        problems += left_in_english(dialog)
    assert problems == []


def test_import_dialog_is_all_chinese(
    chinese: QApplication, qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    dialog = ImportDialog(context, [SAMPLES])
    _show(qtbot, dialog)
    assert left_in_english(dialog) == []
    with qtbot.waitSignal(dialog.importFinished, timeout=30000):
        dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert left_in_english(dialog) == []  # results: every sample is already in the library


def test_preview_and_error_dialogs_are_all_chinese(
    chinese: QApplication, qtbot: QtBot, context: AppContext, make_window: WindowMaker
) -> None:
    window = make_window()
    _open_case(qtbot, window)
    letter = window.model.compose(context).letter
    preview = _show(qtbot, PreviewDialog(context, letter, None, window, soffice=None))
    assert preview.windowTitle().startswith("预览 — ")
    assert left_in_english(preview) == []

    error = _show(qtbot, ErrorDialog("Traceback (most recent call last):\nValueError: x", window))
    assert error.windowTitle() == "答复助手 — 出现错误"
    error.copy_details()
    assert left_in_english(error) == []  # the details are for IT support: not checked


def test_english_stays_selectable(
    qapp: QApplication, qtbot: QtBot, make_window: WindowMaker
) -> None:
    before = len(app_module._KEEP)
    assert app_module.install_translations(qapp, "en") is False
    assert len(app_module._KEEP) == before  # nothing installed
    window = make_window()
    _open_case(qtbot, window)
    assert window.windowTitle() == "关于加快众创空间建设的建议 — ReplyDesk"
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&Tools", "&Help"]
    assert window.actions_by_key["new"].text() == "&New case…"
    # The check above is not blind: the English window fails it.
    assert any("Similar past replies" in p for p in left_in_english(window))
    assert window.library.search_box.placeholderText() == (
        "Search past replies and reference material"
    )


def test_english_words_allow_data_but_not_english() -> None:
    fonts = ["Times New Roman", "仿宋_GB2312"]
    assert english_words("导出 DOCX(&D)…", fonts) == []
    assert english_words("默认：Times New Roman", fonts) == []
    assert english_words("您的修改版：/tmp/pytest/tpl/greeting.A.j2", fonts) == []
    assert english_words("例如 {{ addressee }}、{{ title }}", fonts) == []
    assert english_words('<a href="open:3">打开</a>', fonts) == []
    assert english_words("Ctrl+Shift+E", fonts) == []
    assert english_words("&Save draft", fonts) == ["Save", "draft"]
    assert english_words("已导入 3 files", fonts) == ["files"]


def test_every_message_is_translated_with_its_placeholders() -> None:
    placeholder = re.compile(r"%(?:\d+|n|v|m)|\{\w*\}|\{\{|\}\}|\{%|<[^<>]*>")
    problems = []
    for context in ET.parse(TS).iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.findall("numerusform")]
            texts = forms or [translation.text or ""]
            if translation.get("type") == "unfinished" or not all(texts):
                problems.append(f"{name}: {source!r} untranslated")
            for text in texts:
                if sorted(placeholder.findall(text)) != sorted(placeholder.findall(source)):
                    problems.append(f"{name}: {source!r} -> {text!r}")
    assert problems == []
    assert TS.with_suffix(".qm").stat().st_mtime >= TS.stat().st_mtime - 1


def test_file_dialog_is_chinese_and_starts_in_documents(
    chinese: QApplication, qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Qt's own file dialog (used where the platform has no native one, e.g. Linux without a
    desktop theme): its labels and columns are Chinese; ours start in the Documents folder."""
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.file_dialogs import documents_folder

    (tmp_path / "答复.docx").write_bytes(b"")
    dialog = QFileDialog(None, "选择文件", str(tmp_path), "Word (*.docx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    _show(qtbot, dialog)
    labels = [w.text() for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog)]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    view = dialog.findChild(QTreeView, "treeView")
    headers = [view.model().headerData(c, Qt.Orientation.Horizontal)
               for c in range(view.model().columnCount())]  # fmt: skip
    assert headers == ["名称", "大小", "类型", "修改日期"]
    # the filter we gave and the sidebar's folder names ("root") are data
    data = ("QComboBox#fileTypeCombo", "QListView#sidebar")
    assert [t for t in left_in_english(dialog) if not t.startswith(data)] == []

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda _p, _t, folder, _f: (asked.append(folder), ([], ""))[1])  # fmt: skip
    ImportDialog(context, []).choose_files()
    assert asked == [str(documents_folder())]


def test_export_check_dialog_is_all_chinese(chinese: QApplication, qtbot: QtBot) -> None:
    from desktop.proofread.common import Finding
    from desktop.ui.export_check import ExportCheckDialog

    findings = [Finding("placeholder", "模板占位符“【请填写原因】”尚未填写", 2, 5, 12)]
    texts = ["张三代表：", "甲", "受到【请填写原因】限制"]
    dialog = _show(qtbot, ExportCheckDialog(findings, texts, ["正文第 2 段"]))
    assert dialog.windowTitle() == "导出前检查"
    assert left_in_english(dialog) == []
