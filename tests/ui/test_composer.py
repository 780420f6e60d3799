"""The composer on a real library file: templates, library blocks, keys, undo, proofreading,
autosave. Assertions are on the widgets' own text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QHelpEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from desktop.casework import SECTIONS, DraftBlock, case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.composer import BlockEditor, Composer, SectionEditor
from desktop.ui.context import AppContext
from desktop.ui.draft_model import PARAGRAPH_MIME, DraftModel, paragraph_mime_data

OLD = DraftBlock(
    "library",
    "截至2019年底，全市已建成省级以上众创空间33家。",
    paragraph_id=11,
    letter_id=3,
    year=2019,
    source_title="关于加快科技企业孵化器建设的建议的答复",
)
NEW = DraftBlock(
    "library",
    "我局将进一步完善扶持政策。",
    paragraph_id=12,
    letter_id=4,
    year=2024,
    source_title="关于支持大众创业的建议的答复",
)


def commit(widget: QWidget, text: str) -> None:
    """Type as a Chinese input method does (QTest.keyClicks handles ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    widget.inputMethodEvent(event)


def texts(composer: Composer, section: str) -> list[str]:
    """What the section editor shows, block by block."""
    editor = composer.findChild(SectionEditor, f"sectionEditor_{section}")
    assert editor is not None
    return [w.editor.toPlainText() for w in editor.widgets]


@pytest.fixture
def setup(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[Composer, DraftModel, AppContext]]:
    db = tmp_path / "l.db"
    store = LibraryStore(db)
    context = AppContext(db, store=store, templates=ReplyTemplates(override=tmp_path / "none"))
    case = case_from_json(
        {
            "number": "277",
            "session": "市十六届人大四次会议",
            "title": "关于在南通市组织社会大众聚力创新的建议",
            "proposers": ["石剑波"],
            "reply_date": "2025-06-30",
        }
    )
    store.cases.save(case)
    model = DraftModel(context, autosave_ms=60_000)
    model.load(store.cases.get(case.id or 0) or case, store.drafts.load(case.id or 0))
    composer = Composer(context, model)
    qtbot.addWidget(composer)
    composer.resize(800, 900)
    composer.show()
    qtbot.waitExposed(composer)
    composer.activateWindow()
    yield composer, model, context
    context.close()


def test_templates_show_in_each_section(setup: tuple[Composer, DraftModel, AppContext]) -> None:
    composer, _model, _context = setup
    assert composer.objectName() == "composer"
    greeting = texts(composer, "greeting")
    assert len(greeting) == 1
    assert "《关于在南通市组织社会大众聚力创新的建议》收悉" in greeting[0]
    assert texts(composer, "status") == ["一、工作现状"]
    assert texts(composer, "plan") == ["二、下一步工作打算"]
    assert "衷心感谢您对我市科技工作的关心和支持" in texts(composer, "closing")[0]
    for section in SECTIONS:
        widget = composer.block_widget(section, 0)
        assert widget.kind_label.text() == "Template"
        assert widget.editor.isReadOnly()


def test_library_blocks_reorder_undo_redo(
    qtbot: QtBot, setup: tuple[Composer, DraftModel, AppContext]
) -> None:
    composer, model, _context = setup
    assert composer.insert_paragraph("status", OLD) == 1
    assert composer.insert_paragraph("status", NEW) == 2  # after the selected (just inserted)
    assert texts(composer, "status") == ["一、工作现状", OLD.text, NEW.text]
    source = composer.block_widget("status", 1).source_label.text()
    assert "《关于加快科技企业孵化器建设的建议的答复》" in source and "2019" in source

    with qtbot.waitSignal(composer.sourceRequested) as blocker:
        composer.block_widget("status", 1).source_label.linkActivated.emit("open:3")
    assert blocker.args == [3]

    editor = composer.block_widget("status", 2).editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert texts(composer, "status") == ["一、工作现状", NEW.text, OLD.text]
    assert composer.current == ("status", 1)  # the selection follows the block
    assert composer.block_widget("status", 1).editor.hasFocus()

    stack = model.undo_stack
    stack.undo()
    assert texts(composer, "status") == ["一、工作现状", OLD.text, NEW.text]
    stack.undo()
    stack.undo()
    assert texts(composer, "status") == ["一、工作现状"]
    stack.redo()
    stack.redo()
    stack.redo()
    assert texts(composer, "status") == ["一、工作现状", NEW.text, OLD.text]
    assert [b.letter_id for b in model.blocks("status")] == [None, 4, 3]

    # Alt+Down, and the toolbar's buttons
    composer.select("status", 1)
    qtbot.keyClick(
        composer.block_widget("status", 1).editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier
    )
    assert texts(composer, "status") == ["一、工作现状", OLD.text, NEW.text]
    composer.move_up_action.trigger()
    assert texts(composer, "status") == ["一、工作现状", NEW.text, OLD.text]


def test_typing_is_one_undo_step(
    qtbot: QtBot, setup: tuple[Composer, DraftModel, AppContext]
) -> None:
    composer, model, _context = setup
    composer.select("status", 0)
    qtbot.keyClick(composer.block_widget("status", 0), Qt.Key.Key_Return)  # a template: no-op
    composer.insert_free_after_current()
    editor = composer.block_widget("status", 1).editor
    assert editor.hasFocus()
    commit(editor, "我们")
    commit(editor, "的工作")
    qtbot.keyClicks(editor, "OK")
    assert editor.toPlainText() == "我们的工作OK"
    assert model.block("status", 1).text == "我们的工作OK"
    steps = model.undo_stack.count()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undoes typing
    assert model.undo_stack.index() == steps - 1
    assert editor.toPlainText() == ""
    composer.redo_action.trigger()
    assert editor.toPlainText() == "我们的工作OK"

    # Enter splits the paragraph where the cursor is; Backspace in an empty one removes it
    editor.set_cursor_index(2)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert texts(composer, "status") == ["一、工作现状", "我们", "的工作OK"]
    second = composer.block_widget("status", 2).editor
    assert second.hasFocus()
    model.undo_stack.undo()
    assert texts(composer, "status") == ["一、工作现状", "我们的工作OK"]
    composer.insert_free_paragraph("status")
    assert texts(composer, "status") == ["一、工作现状", "我们的工作OK", ""]
    qtbot.keyClick(composer.block_widget("status", 2).editor, Qt.Key.Key_Backspace)
    assert texts(composer, "status") == ["一、工作现状", "我们的工作OK"]

    # Esc selects the block as a whole; Delete then removes it
    editor = composer.block_widget("status", 1).editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert composer.block_widget("status", 1).hasFocus()
    qtbot.keyClick(composer.block_widget("status", 1), Qt.Key.Key_Delete)
    assert texts(composer, "status") == ["一、工作现状"]
    model.undo_stack.undo()
    assert texts(composer, "status") == ["一、工作现状", "我们的工作OK"]


def test_findings_underline_and_quick_fix(
    qtbot: QtBot, setup: tuple[Composer, DraftModel, AppContext]
) -> None:
    composer, model, _context = setup
    composer.insert_free_paragraph("plan")
    editor = composer.block_widget("plan", 1).editor
    with qtbot.waitSignal(composer.findingsUpdated, timeout=3000):
        commit(editor, "我们的的工作将继续推进。")
    assert [f.message for f in editor.findings] == ["“的的”重复了，应为“的”"]
    selections = editor.extraSelections()
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections] == [(2, 4)]
    assert selections[0].format.toolTip() == "“的的”重复了，应为“的”"
    assert composer.summary.text() == "1 problem(s) found"
    cursor = editor.textCursor()
    cursor.setPosition(3)
    spot = editor.cursorRect(cursor).center()
    hover = QHelpEvent(QEvent.Type.ToolTip, spot, editor.viewport().mapToGlobal(spot))
    QApplication.sendEvent(editor.viewport(), hover)
    assert QToolTip.text() == "“的的”重复了，应为“的”"

    actions = editor.fix_actions(3)
    assert [a.text() for a in actions] == ["Change to “的”"]
    actions[0].trigger()
    assert editor.toPlainText() == "我们的工作将继续推进。"
    assert editor.findings == []
    assert editor.extraSelections() == []
    model.undo_stack.undo()
    assert editor.toPlainText() == "我们的的工作将继续推进。"

    # Ctrl+. applies the correction under the cursor
    editor.setFocus()
    editor.set_cursor_index(3)
    qtbot.keyClick(editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "我们的工作将继续推进。"

    # a reused paragraph's stale year is underlined, without a correction to apply
    composer.insert_paragraph("status", OLD)
    composer.refresh()
    old_editor = composer.block_widget("status", 1).editor
    assert any("33家" in f.message for f in old_editor.findings)
    assert all(not f.fixable for f in old_editor.findings)


def test_drops_insert_and_move_blocks(setup: tuple[Composer, DraftModel, AppContext]) -> None:
    composer, model, _context = setup
    composer.insert_paragraph("status", NEW)
    plan = composer.editors["plan"]
    mime: QMimeData = paragraph_mime_data(OLD, "status")
    top = QPointF(10, plan.widgets[0].mapTo(plan, QPoint(0, 0)).y() + 1)
    # (a synthetic drop cannot go through QApplication: it is handed to the target directly)
    enter = QDragEnterEvent(
        top.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )  # fmt: skip
    plan.dragEnterEvent(enter)
    assert enter.isAccepted()
    assert plan.indicator.isVisible()
    event = QDropEvent(
        top, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    plan.dropEvent(event)
    assert event.isAccepted()
    assert not plan.indicator.isVisible()
    # dropped on the top of the section: below its heading, never above it
    assert texts(composer, "plan") == ["二、下一步工作打算", OLD.text]
    assert model.block("plan", 1).letter_id == 3
    selected = [w for e in composer.editors.values() for w in e.widgets if w.property("selected")]
    assert selected == [composer.block_widget("plan", 1)]  # one block highlighted: the new one

    # a drop of something else is refused
    junk = QMimeData()
    junk.setData(PARAGRAPH_MIME, b"not json")
    event = QDropEvent(
        top, Qt.DropAction.CopyAction, junk, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    plan.dropEvent(event)
    assert not event.isAccepted()
    assert texts(composer, "plan") == ["二、下一步工作打算", OLD.text]

    # a block dragged from the status section to the end of the plan section
    composer.drop_block(("status", 1), "plan", plan.drop_index(10_000))
    assert texts(composer, "status") == ["一、工作现状"]
    assert texts(composer, "plan") == ["二、下一步工作打算", OLD.text, NEW.text]
    # and within a section, to the top: it stops below the heading
    composer.select("plan", 1)
    composer.drop_block(("plan", 2), "plan", 0)
    assert texts(composer, "plan") == ["二、下一步工作打算", NEW.text, OLD.text]
    assert composer.current == ("plan", 1)
    selected = [w for e in composer.editors.values() for w in e.widgets if w.property("selected")]
    assert selected == [composer.block_widget("plan", 1)]
    # the heading itself stays at the head of its section
    composer.drop_block(("plan", 0), "closing", 1)
    assert texts(composer, "plan")[0] == "二、下一步工作打算"
    # during a real drag the move waits until the drag's event loop has ended
    dragged = composer.block_widget("plan", 1)
    dragged.dragStarted.emit()
    composer.drop_block(("plan", 1), "closing", 1)
    assert texts(composer, "closing")[1:] == []
    dragged.dragFinished.emit()
    assert texts(composer, "closing")[1:] == [NEW.text]
    model.undo_stack.undo()
    model.undo_stack.undo()
    model.undo_stack.undo()
    assert texts(composer, "status") == ["一、工作现状", NEW.text]
    assert texts(composer, "plan") == ["二、下一步工作打算", OLD.text]


def test_moving_crosses_sections_and_never_goes_above_a_heading(
    qtbot: QtBot, setup: tuple[Composer, DraftModel, AppContext]
) -> None:
    composer, model, _context = setup
    composer.insert_paragraph("status", OLD)
    assert texts(composer, "status") == ["一、工作现状", OLD.text]
    composer.select("status", 1)
    # up from the first paragraph under the heading: to the end of the opening
    assert composer.move_up_action.isEnabled()
    composer.move_up_action.trigger()
    assert texts(composer, "status") == ["一、工作现状"]
    assert texts(composer, "greeting")[1:] == [OLD.text]
    assert composer.current == ("greeting", 1)
    # down again: into the status section, below its heading
    qtbot.keyClick(
        composer.block_widget("greeting", 1).editor,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.AltModifier,
    )
    assert texts(composer, "status") == ["一、工作现状", OLD.text]
    assert composer.current == ("status", 1)
    composer.move_down_action.trigger()  # the last of its section: on into the next steps
    assert texts(composer, "plan") == ["二、下一步工作打算", OLD.text]
    assert composer.current == ("plan", 1)
    # a heading does not move, and nothing moves past the letter's end
    composer.select("plan", 0)
    assert not composer.move_up_action.isEnabled()
    assert not composer.move_down_action.isEnabled()
    composer.move_current(-1)
    assert texts(composer, "plan") == ["二、下一步工作打算", OLD.text]
    composer.select("closing", len(model.blocks("closing")) - 1)
    assert not composer.move_down_action.isEnabled()
    # one undo step per move
    model.undo_stack.undo()
    model.undo_stack.undo()
    assert texts(composer, "greeting")[1:] == [OLD.text]
    model.undo_stack.undo()
    assert texts(composer, "status") == ["一、工作现状", OLD.text]


def test_autosave_after_structure_change_and_save(
    setup: tuple[Composer, DraftModel, AppContext],
) -> None:
    composer, model, context = setup
    store = context.store
    assert store.drafts.pending_autosaves() == []
    composer.insert_paragraph("status", OLD)
    pending = store.drafts.pending_autosaves()
    assert [(p.case_id, [b.text for b in p.draft.sections["status"]]) for p in pending] == [
        (model.case_id, ["", OLD.text])
    ]
    assert model.is_modified()

    # typing is written by the timer, not at once
    composer.insert_free_paragraph("closing")
    commit(composer.block_widget("closing", 1).editor, "此复。")
    assert store.drafts.pending_autosaves()[0].draft.sections["closing"][-1].text == ""
    assert model.autosave_now()
    assert store.drafts.pending_autosaves()[0].draft.sections["closing"][-1].text == "此复。"
    assert not model.autosave_now()  # nothing new to write

    version = model.save(context, note="初稿")
    assert version == 1
    assert store.drafts.pending_autosaves() == []
    assert not model.is_modified()
    saved = store.drafts.load(model.case_id or 0)
    assert saved is not None and saved.sections["closing"][-1].text == "此复。"

    # undoing back to the saved state leaves no working copy behind
    composer.insert_paragraph("plan", NEW)
    assert store.drafts.pending_autosaves() != []
    model.undo_stack.undo()
    assert not model.is_modified()
    assert store.drafts.pending_autosaves() == []

    # switching to another case keeps unsaved typing as the working copy ...
    case = model.case
    assert case is not None
    commit(composer.block_widget("closing", 1).editor, "谢谢。")
    model.load(case, store.drafts.load(model.case_id or 0))
    assert store.drafts.pending_autosaves()[0].draft.sections["closing"][-1].text == "此复。谢谢。"
    assert texts(composer, "closing")[-1] == "此复。"
    # ... unless the clerk discards it
    commit(composer.block_widget("closing", 1).editor, "谢谢。")
    model.discard_autosave()
    model.load(case, store.drafts.load(model.case_id or 0))
    assert store.drafts.pending_autosaves() == []


def test_template_can_be_detached_for_editing(
    setup: tuple[Composer, DraftModel, AppContext],
) -> None:
    composer, model, _context = setup
    greeting = texts(composer, "greeting")[0].split("\n")
    composer.block_widget("greeting", 0).editor.detachRequested.emit()
    assert texts(composer, "greeting") == greeting
    assert all(b.kind == "free" for b in model.blocks("greeting"))
    assert isinstance(composer.block_widget("greeting", 0).editor, BlockEditor)
    assert not composer.block_widget("greeting", 0).editor.isReadOnly()
    model.undo_stack.undo()
    assert [b.kind for b in model.blocks("greeting")] == ["template"]
    assert texts(composer, "greeting") == ["\n".join(greeting)]


def test_recovered_draft_counts_as_unsaved(tmp_path: Path, qtbot: QtBot) -> None:
    db = tmp_path / "l.db"
    store = LibraryStore(db)
    context = AppContext(db, store=store, templates=ReplyTemplates(override=tmp_path / "none"))
    case = case_from_json({"number": "1", "title": "关于某事的建议", "proposers": ["张三"]})
    store.cases.save(case)
    model = DraftModel(context)
    composer = Composer(context, model)
    qtbot.addWidget(composer)
    assert not composer.insert_action.isEnabled()  # no case open yet
    draft = json.loads(json.dumps({"sections": {"status": [{"kind": "free", "text": "甲"}]}}))
    from desktop.casework import Draft

    model.load(case, Draft.from_json(draft), recovered=True)
    assert model.is_modified()
    assert texts(composer, "status") == ["甲"]
    assert texts(composer, "greeting") == []
    assert composer.editors["greeting"].empty_label.isVisibleTo(composer)
    context.close()


def test_paste_arrows_and_next_problem(
    qtbot: QtBot, setup: tuple[Composer, DraftModel, AppContext]
) -> None:
    composer, model, _context = setup
    composer.insert_free_paragraph("status")
    editor = composer.block_widget("status", 1).editor
    commit(editor, "甲乙")
    editor.set_cursor_index(1)
    mime = QMimeData()
    mime.setText("一\n\n二\n三")
    editor.insertFromMimeData(mime)  # what Ctrl+V does
    assert texts(composer, "status") == ["一、工作现状", "甲一", "二", "三乙"]
    model.undo_stack.undo()
    assert texts(composer, "status") == ["一、工作现状", "甲乙"]

    # Up on the first line goes to the block before (a template: selected as a whole),
    # Down on the last line to the block after, across sections
    editor = composer.block_widget("status", 1).editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    assert composer.current == ("status", 0)
    assert composer.block_widget("status", 0).hasFocus()
    qtbot.keyClick(composer.block_widget("status", 0), Qt.Key.Key_Down)
    assert composer.current == ("status", 1) and editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert composer.current == ("plan", 0)

    # F8 jumps to the next problem
    composer.insert_free_paragraph("closing")
    commit(composer.block_widget("closing", 1).editor, "此复了了。")
    composer.select("greeting", 0)
    qtbot.keyClick(composer.block_widget("greeting", 0), Qt.Key.Key_F8)
    assert composer.current == ("closing", 1)
    assert composer.block_widget("closing", 1).editor.cursor_index() == 2


def test_the_salutation_line_is_shown_and_editable(
    qtbot: QtBot, setup: tuple[Composer, DraftModel, AppContext]
) -> None:
    composer, model, context = setup
    line = composer.findChild(QLineEdit, "salutationEdit")
    restore = composer.findChild(QToolButton, "restoreSalutation")
    assert line.text() == "石剑波代表："  # the automatic one, from the case's proposers
    assert not restore.isEnabled()
    line.setFocus()
    line.selectAll()
    commit(line, "尊敬的石剑波代表：")
    assert model.draft.salutation == "尊敬的石剑波代表："
    assert model.compose(context).letter.salutation == "尊敬的石剑波代表："
    assert restore.isEnabled()
    model.undo_stack.undo()
    assert model.draft.salutation is None and line.text() == "石剑波代表："
    model.undo_stack.redo()
    assert line.text() == "尊敬的石剑波代表："
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert model.draft.salutation is None and line.text() == "石剑波代表："
    assert model.compose(context).letter.salutation == "石剑波代表："
    model.undo_stack.undo()
    assert line.text() == "尊敬的石剑波代表："
    # the automatic line follows the case; a typed one stays
    model.undo_stack.undo()
    case = model.case
    assert case is not None
    case.proposers = ["王明", "李华"]
    model.update_case(case)
    assert line.text() == "王明、李华代表："
