"""The letter inspector on a real imported letter, through its widgets: every correction is in
the database at once, undo and redo write it back, the store's refusals are shown."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from desktop.importer import import_file
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.letter_inspector import LetterInspector
from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "letters"

# A reply written for these tests: a salutation, an acknowledgement, two numbered parts, a
# closing, the signature and date, a contact line.
LETTER = """关于加快乡村公路养护的建议的答复

王明代表：
您提出的《关于加快乡村公路养护的建议》收悉，现答复如下：
一、办理现状
近年来，我局持续推进农村公路养护工作，全县已完成养护里程一百二十公里，群众出行条件明显改善。
各乡镇均建立了养护队伍，日常巡查做到每周一次。
二、下一步打算
下一步，我局将加大资金投入，完善养护机制，争取三年内实现养护全覆盖。
感谢您对交通工作的关心和支持。
某县交通运输局
2021年6月18日
（联系人：李华，联系电话：0512-12345678）
"""


def db_row(store: LibraryStore, letter_id: int) -> dict[str, Any]:
    """The letter's row as another program reads the database file."""
    conn = sqlite3.connect(store.path)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM letters WHERE id = ?", [letter_id]).fetchone()
        return dict(row) if row else {}
    finally:
        conn.close()


def db_paragraphs(store: LibraryStore, letter_id: int) -> list[tuple[str, str]]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(
            """SELECT lp.section, p.text FROM letter_paragraphs lp
               JOIN paragraphs p ON p.id = lp.paragraph_id
               WHERE lp.letter_id = ? ORDER BY lp.position""",
            [letter_id],
        ).fetchall()
    finally:
        conn.close()


def import_text(store: LibraryStore, folder: Path, text: str, name: str = "答复.txt") -> int:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    result = import_file(store, path)
    assert result.status == "imported", result
    assert result.letter_id is not None
    return result.letter_id


@pytest.fixture
def context(store: LibraryStore, tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(store.path, store=store, templates=ReplyTemplates(override=tmp_path / "t"))
    yield ctx
    ctx.close()


@pytest.fixture
def letter_id(store: LibraryStore, tmp_path: Path) -> int:
    return import_text(store, tmp_path, LETTER)


@pytest.fixture
def inspect(qtbot: QtBot, context: AppContext) -> Callable[[int], LetterInspector]:
    def make(letter_id: int) -> LetterInspector:
        inspector = LetterInspector(context, letter_id)
        inspector.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        qtbot.addWidget(inspector)
        inspector.show()
        qtbot.waitExposed(inspector)
        return inspector

    return make


def edit_field(inspector: LetterInspector, name: str, text: str) -> None:
    edit = inspector.findChild(QLineEdit, f"field_{name}")
    edit.setFocus()
    edit.setText(text)
    edit.editingFinished.emit()


def undo(inspector: LetterInspector) -> None:
    inspector.findChild(QToolButton, "inspectorUndo").click()


def redo(inspector: LetterInspector) -> None:
    inspector.findChild(QToolButton, "inspectorRedo").click()


def select_paragraph(inspector: LetterInspector, text_part: str) -> dict[str, Any]:
    view = inspector.paragraphs
    for item in view.items():
        if text_part in item.toolTip(0):
            view.tree.setCurrentItem(item)
            current = view.current()
            assert current is not None
            return current
    raise AssertionError(f"no paragraph with {text_part!r}: {view.groups()}")


# ----------------------------------------------------------------------------------------------


def test_the_inspector_shows_the_fields_and_the_paragraphs_by_section(
    inspect: Callable[[int], LetterInspector], store: LibraryStore, letter_id: int
) -> None:
    inspector = inspect(letter_id)
    row = db_row(store, letter_id)
    assert (
        inspector.findChild(QLineEdit, "field_agency").text() == row["agency"] == "某县交通运输局"
    )
    assert inspector.findChild(QLineEdit, "field_reply_date").text() == "2021-06-18"
    assert inspector.findChild(QLineEdit, "field_addressee").text() == "王明"
    assert inspector.fields.kind.currentData() == "reply"
    assert inspector.heading.text() == "关于加快乡村公路养护的建议"
    groups = inspector.paragraphs.groups()
    names = inspector.paragraphs.section_names
    shown = [name for name, _texts in groups]
    assert shown[0] == names["greeting"] and names["status"] in shown and names["plan"] in shown
    assert shown[-1] == names["closing"]
    assert groups[-1][1] == ["感谢您对交通工作的关心和支持。"]
    stored = [text for _section, text in db_paragraphs(store, letter_id)]
    assert [t for _name, texts in groups for t in texts] == stored
    assert inspector.paragraphs.text.toPlainText() == stored[0]  # the first one, selected


def test_a_field_edit_is_stored_at_once_and_undo_writes_the_old_value_back(
    inspect: Callable[[int], LetterInspector], store: LibraryStore, letter_id: int
) -> None:
    inspector = inspect(letter_id)
    edit_field(inspector, "agency", "某县交通局")
    assert db_row(store, letter_id)["agency"] == "某县交通局"
    assert inspector.fields.is_corrected("agency")
    edit_field(inspector, "reply_date", "2021年7月2日")  # typed as a clerk writes it
    assert db_row(store, letter_id)["reply_date"] == "2021-07-02"
    assert db_row(store, letter_id)["year"] == 2021

    undo(inspector)
    assert db_row(store, letter_id)["reply_date"] == "2021-06-18"
    assert inspector.findChild(QLineEdit, "field_reply_date").text() == "2021-06-18"
    undo(inspector)
    assert db_row(store, letter_id)["agency"] == "某县交通运输局"
    assert inspector.findChild(QLineEdit, "field_agency").text() == "某县交通运输局"
    assert not inspector.fields.is_corrected("agency")  # as the parser read it again
    redo(inspector)
    assert db_row(store, letter_id)["agency"] == "某县交通局"
    assert inspector.findChild(QLineEdit, "field_agency").text() == "某县交通局"


def test_a_refused_edit_shows_the_stores_message_and_changes_nothing(
    inspect: Callable[[int], LetterInspector], store: LibraryStore, letter_id: int
) -> None:
    inspector = inspect(letter_id)
    edit_field(inspector, "reply_date", "2021-02-30")
    assert db_row(store, letter_id)["reply_date"] == "2021-06-18"
    assert inspector.notice.isVisible()
    assert "没有做任何修改" in inspector.notice.text()
    assert inspector.findChild(QLineEdit, "field_reply_date").text() == "2021-06-18"
    assert inspector.corrections.stack.count() == 0  # nothing to undo


def test_moving_a_paragraph_to_another_section(
    inspect: Callable[[int], LetterInspector], store: LibraryStore, letter_id: int
) -> None:
    inspector = inspect(letter_id)
    before = db_paragraphs(store, letter_id)
    p = select_paragraph(inspector, "各乡镇均建立了养护队伍")
    assert p.section == "status"
    box = inspector.paragraphs.section_box
    box.setCurrentIndex(box.findData("plan"))
    box.activated.emit(box.currentIndex())
    after = dict((t, s) for s, t in db_paragraphs(store, letter_id))
    assert after["各乡镇均建立了养护队伍，日常巡查做到每周一次。"] == "plan"
    assert inspector.paragraphs.current().section == "plan"  # still selected
    assert inspector.meta.text().endswith("Sections and paragraphs arranged by you")
    undo(inspector)
    assert db_paragraphs(store, letter_id) == before


def test_split_at_the_cursor_and_merge_with_the_next(
    inspect: Callable[[int], LetterInspector], store: LibraryStore, letter_id: int
) -> None:
    inspector = inspect(letter_id)
    before = db_paragraphs(store, letter_id)
    text = (
        "近年来，我局持续推进农村公路养护工作，全县已完成养护里程一百二十公里，"
        "群众出行条件明显改善。"
    )
    select_paragraph(inspector, "持续推进农村公路养护")
    cursor = inspector.paragraphs.text.textCursor()
    cut = text.index("群众")
    cursor.setPosition(cut)
    inspector.paragraphs.text.setTextCursor(cursor)
    split = inspector.findChild(QPushButton, "inspectorSplit")
    assert split.isEnabled()
    split.click()
    texts = [t for _s, t in db_paragraphs(store, letter_id)]
    assert len(texts) == len(before) + 1
    assert text[:cut] in texts and text[cut:] in texts

    undo(inspector)
    assert db_paragraphs(store, letter_id) == before

    select_paragraph(inspector, "持续推进农村公路养护")
    inspector.findChild(QPushButton, "inspectorMerge").click()
    merged = db_paragraphs(store, letter_id)
    assert len(merged) == len(before) - 1
    assert any(t.startswith(text) and "各乡镇" in t for _s, t in merged)
    undo(inspector)
    assert db_paragraphs(store, letter_id) == before
    shown = [t for _name, texts in inspector.paragraphs.groups() for t in texts]
    assert shown == [t for _s, t in before]


def test_switching_reply_and_reference(
    inspect: Callable[[int], LetterInspector], store: LibraryStore, letter_id: int
) -> None:
    inspector = inspect(letter_id)
    kind = inspector.fields.kind
    kind.setCurrentIndex(kind.findData("reference"))
    kind.activated.emit(kind.currentIndex())
    assert db_row(store, letter_id)["kind"] == "reference"
    assert inspector.fields.is_corrected("kind")
    undo(inspector)
    assert db_row(store, letter_id)["kind"] == "reply"
    assert kind.currentData() == "reply"


def answer_delete(button_name: str, seen: list[str]) -> None:
    """Press ``button_name`` (deleteLetterYes / deleteLetterNo) in the delete question once it
    shows, noting its text."""
    tries = [250]

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "deleteLetterQuestion":
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        box.findChild(QPushButton, button_name).click()

    QTimer.singleShot(0, press)


def test_delete_asks_keeps_shared_paragraphs_and_undo_brings_the_letter_back(
    inspect: Callable[[int], LetterInspector],
    store: LibraryStore,
    letter_id: int,
    tmp_path: Path,
) -> None:
    # Another letter shares the closing paragraph: it must survive the delete.
    other = LETTER.replace("王明代表", "李四代表").replace("一百二十公里", "九十公里")
    other_id = import_text(store, tmp_path, other, "另一份.txt")
    inspector = inspect(letter_id)
    before = db_row(store, letter_id)

    delete = inspector.findChild(QPushButton, "inspectorDelete")
    seen: list[str] = []
    answer_delete("deleteLetterNo", seen)
    delete.click()
    assert seen and "关于加快乡村公路养护的建议" in seen[0]
    assert db_row(store, letter_id) != {}  # not deleted without the clerk's yes
    assert inspector.corrections.stack.count() == 0

    answer_delete("deleteLetterYes", seen)
    delete.click()
    assert db_row(store, letter_id) == {}
    assert "感谢您对交通工作的关心和支持。" in [t for _s, t in db_paragraphs(store, other_id)]
    assert not inspector.splitter.isEnabled()

    undo(inspector)
    back = inspector.letter_id
    row = db_row(store, back)
    for name in ("agency", "reply_date", "proposal_title", "kind", "addressee"):
        assert row[name] == before[name], name
    assert inspector.findChild(QLineEdit, "field_agency").text() == "某县交通运输局"
    assert inspector.splitter.isEnabled()


def test_an_uncertain_field_is_marked_and_confirming_makes_it_the_clerks(
    inspect: Callable[[int], LetterInspector], store: LibraryStore, letter_id: int
) -> None:
    conn = sqlite3.connect(store.path)
    sources = json.loads(
        conn.execute("SELECT field_sources FROM letters WHERE id = ?", [letter_id]).fetchone()[0]
        or "{}"
    )
    lines = store.letters.detail(letter_id).source_lines  # type: ignore[union-attr]  # the reader's lines
    line = next(i for i, text in enumerate(lines) if "交通运输局" in text and "答复" not in text)
    sources["agency"] = {"line": line, "rule": "agency_before_date", "certain": False}
    with conn:
        conn.execute(
            "UPDATE letters SET field_sources = ? WHERE id = ?",
            [json.dumps(sources, ensure_ascii=False), letter_id],
        )
    conn.close()

    inspector = inspect(letter_id)
    form = inspector.fields
    assert form.is_uncertain("agency")
    tip = form.marks["agency"].toolTip()
    assert "agency_before_date" in tip and "某县交通运输局" in tip and str(line + 1) in tip
    assert form.confirm_buttons["agency"].isVisible()

    form.confirm_buttons["agency"].click()
    assert not form.is_uncertain("agency")
    assert form.is_corrected("agency")
    assert "agency" in store.letters.detail(letter_id).corrected  # type: ignore[union-attr]
    assert db_row(store, letter_id)["agency"] == "某县交通运输局"

    undo(inspector)  # not confirmed after all: the mark is back, as the database has it
    assert form.is_uncertain("agency") and not form.is_corrected("agency")
    assert "agency" not in store.letters.detail(letter_id).corrected  # type: ignore[union-attr]


def test_the_library_opens_the_inspector_and_refreshes_after_a_change(
    qtbot: QtBot, context: AppContext, store: LibraryStore, letter_id: int, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    results = window.library.results
    assert results.model().rowCount() == 1
    results.setCurrentIndex(results.model().index(0, 0))
    results.doubleClicked.emit(results.model().index(0, 0))
    inspector = window.letter_tools.inspectors[letter_id]
    assert inspector.isVisible()
    assert window.library.open_button.isEnabled()

    edit_field(inspector, "proposal_title", "关于农村公路养护的建议")
    first = results.model().index(0, 0)
    qtbot.waitUntil(lambda: "关于农村公路养护的建议" in first.data(), timeout=3000)
    window.letter_tools.open_letter(letter_id)  # the same window again, not a second one
    assert list(window.letter_tools.inspectors) == [letter_id]
    inspector.close()
    qtbot.waitUntil(lambda: letter_id not in window.letter_tools.inspectors, timeout=3000)

    # From a search hit: its context menu opens the hit's letter.
    window.library.search_box.setText("养护队伍")
    window.library.run_search()
    assert results.model().rowCount() == 1
    section, block = results.model().index(0, 0).data(Qt.ItemDataRole.UserRole)
    menu = window.library.paragraph_menu(section, block)
    action = menu.findChild(QAction, "inspectLetter")
    assert action is not None
    action.trigger()
    assert window.letter_tools.inspectors[letter_id].isVisible()
    window.close()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_a_real_letter_from_the_corpus_opens_with_all_its_paragraphs(
    inspect: Callable[[int], LetterInspector], store: LibraryStore
) -> None:
    path = sorted(CORPUS.glob("*.txt"))[0]
    result = import_file(store, path)
    assert result.letter_id is not None
    inspector = inspect(result.letter_id)
    shown = [t for _n, texts in inspector.paragraphs.groups() for t in texts]
    assert shown == [t for _s, t in db_paragraphs(store, result.letter_id)]
    assert inspector.findChild(QLineEdit, "field_agency").text() == (
        db_row(store, result.letter_id)["agency"] or ""
    )


# ------------------------------------------------------------------------------ re-reading


@pytest.fixture
def older_library(store: LibraryStore, tmp_path: Path) -> list[int]:
    """Three letters, marked as read by a parser older than today's."""
    ids = [
        import_text(store, tmp_path, LETTER.replace("王明", name), f"{name}.txt")
        for name in ("王明", "李四", "赵五")
    ]
    conn = sqlite3.connect(store.path)
    with conn:
        conn.execute("UPDATE letters SET parser_version = 0")
    conn.close()
    return ids


def make_window(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings=settings)
    qtbot.addWidget(window)
    return window


def parser_versions(store: LibraryStore) -> list[int | None]:
    conn = sqlite3.connect(store.path)
    try:
        return [r[0] for r in conn.execute("SELECT parser_version FROM letters ORDER BY id")]
    finally:
        conn.close()


def test_the_window_rereads_letters_of_an_older_parser_with_a_progress_bar(
    qtbot: QtBot, context: AppContext, store: LibraryStore, older_library: list[int], tmp_path: Path
) -> None:
    from desktop.reparse import needs_reparse
    from desktop.understand import PARSER_VERSION

    assert needs_reparse(store) == 3
    window = make_window(qtbot, context, tmp_path)
    bar = window.letter_tools.reparse_bar
    ends: list[tuple[int, int, bool]] = []
    values: list[int] = []
    bar.finished.connect(lambda *args: ends.append(args))
    bar.progress.valueChanged.connect(values.append)
    window.show()  # the window starts re-reading by itself
    qtbot.waitUntil(lambda: bool(ends), timeout=120_000)  # a hang guard, not a speed limit
    assert ends[0][0] == 3 and ends[0][2] is False
    assert values[-1] == 3 and bar.progress.maximum() == 3
    assert parser_versions(store) == [PARSER_VERSION] * 3
    assert needs_reparse(store) == 0
    assert bar.isHidden()
    assert window.statusBar().currentMessage().startswith("Re-read 3 letter")
    window.close()


def test_reparse_all_from_the_menu_keeps_the_clerks_corrections(
    qtbot: QtBot,
    context: AppContext,
    store: LibraryStore,
    letter_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.letters.edit(letter_id, fields={"agency": "某县交通局"})
    window = make_window(qtbot, context, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    bar = window.letter_tools.reparse_bar
    assert not bar.running  # nothing waited for re-reading
    ends: list[tuple[int, int, bool]] = []
    bar.finished.connect(lambda *args: ends.append(args))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    action = window.findChild(QAction, "actionReparseAll")
    assert action in window.findChild(QMenu, "menuTools").actions()
    action.trigger()
    qtbot.waitUntil(lambda: bool(ends), timeout=120_000)  # a hang guard, not a speed limit
    assert ends[0][0] == 1
    assert db_row(store, letter_id)["agency"] == "某县交通局"
    window.close()


def test_rereading_stops_between_letters_and_keeps_what_was_read(
    qtbot: QtBot,
    context: AppContext,
    store: LibraryStore,
    older_library: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    import desktop.reparse
    from desktop.understand import PARSER_VERSION

    real = desktop.reparse.reparse_letter

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(desktop.reparse, "reparse_letter", slow)
    window = make_window(qtbot, context, tmp_path)
    bar = window.letter_tools.reparse_bar
    ends: list[tuple[int, int, bool]] = []
    bar.finished.connect(lambda *args: ends.append(args))
    bar.progress.valueChanged.connect(lambda v: v >= 1 and bar.stop_button.click())
    window.show()
    qtbot.waitUntil(lambda: bool(ends), timeout=120_000)  # a hang guard, not a speed limit
    done, _changed, stopped = ends[0]
    assert stopped and 1 <= done < 3
    versions = parser_versions(store)
    assert versions.count(PARSER_VERSION) == done and versions.count(0) == 3 - done
    window.close()


def test_the_inspector_is_all_chinese(
    chinese: QApplication,
    inspect: Callable[[int], LetterInspector],
    store: LibraryStore,
    letter_id: int,
) -> None:
    from tests.ui.test_translation import english_words, font_names, widget_texts

    detail = store.letters.detail(letter_id)
    assert detail is not None
    sources = dict(detail.sources)
    sources["agency"] = {**sources.get("agency", {}), "certain": False}  # a mark, a 确认
    conn = sqlite3.connect(store.path)
    with conn:
        conn.execute(
            "UPDATE letters SET field_sources = ? WHERE id = ?",
            [json.dumps(sources, ensure_ascii=False), letter_id],
        )
    conn.close()
    inspector = inspect(letter_id)
    select_paragraph(inspector, "持续推进农村公路养护")
    edit_field(inspector, "category", "A")  # an undo text, a 已更正 note
    assert inspector.undo_action.text() == "撤销 修改类别"
    assert inspector.fields.labels["proposal_number"] == "建议/提案编号"
    assert inspector.paragraphs.groups()[0][0] == "开头（问候）"
    # The rule names a source tooltip shows are the parser's identifiers: data, not English.
    rules = {str(s.get("rule")) for s in sources.values()}
    fonts = font_names()
    left = [
        f"{where}: {text!r}"
        for where, text in widget_texts(inspector)
        if [w for w in english_words(text, fonts) if not any(w in r for r in rules)]
    ]
    assert left == []


def test_a_value_typed_when_the_window_closes_is_kept(
    inspect: Callable[[int], LetterInspector], store: LibraryStore, letter_id: int
) -> None:
    inspector = inspect(letter_id)
    edit = inspector.findChild(QLineEdit, "field_session")
    edit.setFocus()
    edit.setText("县十八届人大二次会议")  # typed, not yet left
    inspector.close()
    assert db_row(store, letter_id)["session"] == "县十八届人大二次会议"


def test_a_letter_that_fails_to_be_reread_is_counted_and_kept(
    qtbot: QtBot,
    context: AppContext,
    store: LibraryStore,
    older_library: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import desktop.understand

    real = desktop.understand.parse_letter
    calls: list[int] = []

    def second_fails(lines: list[str]) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("a parser bug")
        return real(lines)

    monkeypatch.setattr(desktop.understand, "parse_letter", second_fails)
    window = make_window(qtbot, context, tmp_path)
    bar = window.letter_tools.reparse_bar
    ends: list[tuple[int, int, bool]] = []
    bar.finished.connect(lambda *args: ends.append(args))
    window.show()
    qtbot.waitUntil(lambda: bool(ends), timeout=120_000)  # a hang guard, not a speed limit
    assert bar.failed == 1
    assert parser_versions(store).count(0) == 1  # that one stays as it was
    message = window.statusBar().currentMessage()
    assert message.startswith("Re-read 2 letter") and "1 could not be read" in message
    window.close()


def test_closing_the_main_window_keeps_a_value_typed_in_an_open_inspector(
    qtbot: QtBot, context: AppContext, store: LibraryStore, letter_id: int, tmp_path: Path
) -> None:
    window = make_window(qtbot, context, tmp_path)
    window.show()
    inspector = window.letter_tools.open_letter(letter_id)
    assert inspector is not None
    edit = inspector.findChild(QLineEdit, "field_doc_number")
    edit.setText("某交函〔2021〕8号")  # typed, not yet left
    window.close()
    assert db_row(store, letter_id)["doc_number"] == "某交函〔2021〕8号"


def test_enter_in_a_field_stores_it_and_presses_no_button(
    qtbot: QtBot,
    inspect: Callable[[int], LetterInspector],
    store: LibraryStore,
    letter_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    inspector = inspect(letter_id)
    before = db_paragraphs(store, letter_id)
    select_paragraph(inspector, "持续推进农村公路养护")  # 与下一段合并 is enabled now
    cursor = inspector.paragraphs.text.textCursor()
    cursor.setPosition(5)
    inspector.paragraphs.text.setTextCursor(cursor)  # and 在光标处拆分
    agency = inspector.findChild(QLineEdit, "field_agency")
    agency.setFocus()
    qtbot.keyClick(agency, Qt.Key.Key_Return)  # nothing changed: nothing happens
    edit = inspector.findChild(QLineEdit, "field_category")
    edit.setFocus()
    edit.setText("C")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert db_row(store, letter_id)["category"] == "C"
    assert asked == [] and inspector.isVisible()  # not 删除资料…, not 关闭
    assert db_paragraphs(store, letter_id) == before  # no split or merge either


def test_a_date_that_lost_its_marks_is_offered_and_taken_with_one_click(
    chinese: QApplication,
    inspect: Callable[[int], LetterInspector],
    store: LibraryStore,
    tmp_path: Path,
) -> None:
    # the signature date printed as 2021618 (年月日 lost): read, not stored, offered
    text = LETTER.replace("2021年6月18日", "2021618")
    letter_id = import_text(store, tmp_path, text, name="日期缺字.txt")
    assert db_row(store, letter_id)["reply_date"] is None
    inspector = inspect(letter_id)
    form = inspector.fields
    date = inspector.findChild(QLineEdit, "field_reply_date")
    assert date.text() == "" and date.placeholderText() == "可能是 2021-06-18"
    assert form.is_uncertain("reply_date")
    use = form.confirm_buttons["reply_date"]
    assert use.isVisible() and use.text() == "采用"

    use.click()
    assert db_row(store, letter_id)["reply_date"] == "2021-06-18"
    assert db_row(store, letter_id)["year"] == 2021
    assert date.text() == "2021-06-18" and form.is_corrected("reply_date")
    assert not form.is_uncertain("reply_date")

    undo(inspector)  # back to empty, offered again
    assert db_row(store, letter_id)["reply_date"] is None
    assert date.text() == "" and date.placeholderText() == "可能是 2021-06-18"


def test_a_filed_reply_names_the_case_it_came_from(qtbot: QtBot, tmp_path: Path) -> None:
    """Letter 7 of the v13 fixture is case 1's reply, filed when the case was marked sent: the
    inspector says so (it has no source file to name instead)."""
    path = tmp_path / "library.db"
    path.write_bytes((ROOT / "tests" / "fixtures" / "library-v13.db").read_bytes())
    with LibraryStore(path) as store:
        ctx = AppContext(path, store=store, templates=ReplyTemplates(override=tmp_path / "t"))
        try:
            filed = LetterInspector(ctx, 7)
            qtbot.addWidget(filed)
            imported = LetterInspector(ctx, 1)
            qtbot.addWidget(imported)
            assert "Reply of case 1, filed when it was marked sent" in filed.meta.text()
            assert "case" not in imported.meta.text()
        finally:
            ctx.close()
