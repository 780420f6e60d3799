"""The composer's sections as list models: rows and roles follow the draft, drops land through
the model (below a heading, never above), and each block widget keeps its row as the model
moves it, so its one set of connections acts on the right block."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.casework import DraftBlock, case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.composer import Composer
from desktop.ui.context import AppContext
from desktop.ui.draft_model import BLOCK_MIME, DraftModel, paragraph_mime_data
from desktop.ui.section_model import BLOCK_ROLE, KIND_ROLE

OLD = DraftBlock("library", "截至2019年底，全市已建成省级以上众创空间33家。", 11, 3, 2019, "旧答复")
NEW = DraftBlock("library", "我局将进一步完善扶持政策。", 12, 4, 2024, "新答复")
MOVE = Qt.DropAction.MoveAction


@pytest.fixture
def composer(qtbot: QtBot, tmp_path: Path) -> Iterator[Composer]:
    db = tmp_path / "l.db"
    store = LibraryStore(db)
    context = AppContext(db, store=store, templates=ReplyTemplates(override=tmp_path / "none"))
    case = case_from_json({"number": "277", "session": "市十六届人大四次会议",
                           "title": "关于在南通市组织社会大众聚力创新的建议",
                           "proposers": ["石剑波"], "reply_date": "2025-06-30"})  # fmt: skip
    store.cases.save(case)
    model = DraftModel(context, autosave_ms=60_000)
    model.load(store.cases.get(case.id or 0) or case, store.drafts.load(case.id or 0))
    widget = Composer(context, model)
    qtbot.addWidget(widget)
    widget.resize(800, 900)
    widget.show()
    yield widget
    widget.proof_timer.stop()
    model.autosave_timer.stop()
    context.close()


def shown(composer: Composer, section: str) -> list[str]:
    return [w.editor.toPlainText() for w in composer.editors[section].widgets]


def rows(composer: Composer, section: str) -> list[str]:
    model = composer.section_models[section]
    return [model.index(r).data() for r in range(model.rowCount())]


def test_rows_and_roles_follow_the_draft(composer: Composer) -> None:
    draft = composer.model
    status = composer.section_models["status"]
    assert status.rowCount() == len(draft.blocks("status"))
    assert status.index(0).data(KIND_ROLE) == "template"
    composer.insert_paragraph("status", OLD)
    row = status.rowCount() - 1
    assert status.index(row).data(BLOCK_ROLE) == OLD and status.index(row).data() == OLD.text
    assert status.index(row).data(KIND_ROLE) == "library"
    assert shown(composer, "status")[-1] == OLD.text
    draft.edit_text("status", row, "改过的文字。")
    assert status.index(row).data() == "改过的文字。"
    assert shown(composer, "status")[-1] == "改过的文字。"  # the widget follows dataChanged
    draft.undo_stack.undo()
    draft.undo_stack.undo()
    assert status.rowCount() == row and len(shown(composer, "status")) == row


def test_blocks_dragged_and_dropped_through_the_model(composer: Composer) -> None:
    composer.insert_paragraph("status", OLD)
    composer.insert_paragraph("status", NEW)
    status, plan = composer.section_models["status"], composer.section_models["plan"]
    assert rows(composer, "status")[1:] == [OLD.text, NEW.text]
    dragged = composer.block_widget("status", 2)
    mime = status.mimeData([status.index(2)])
    assert mime.hasFormat(BLOCK_MIME)
    # within the section, onto the heading's row: it stops below the heading
    assert status.dropMimeData(mime, MOVE, 0, 0, QModelIndex())
    assert rows(composer, "status")[1:] == [NEW.text, OLD.text]
    assert shown(composer, "status")[1:] == rows(composer, "status")[1:]  # 0: the template
    assert dragged.place.row() == 1 and composer.locate(dragged) == ("status", 1)
    # to the end of another section (-1: dropped below the last block)
    mime = status.mimeData([status.index(2)])
    assert plan.dropMimeData(mime, MOVE, -1, 0, QModelIndex())
    assert rows(composer, "plan")[-1] == OLD.text and shown(composer, "plan")[-1] == OLD.text
    # a heading is not moved
    heading = shown(composer, "plan")[0]
    assert heading.startswith("二、") and plan.index(0).data(KIND_ROLE) == "template"
    assert not plan.dropMimeData(plan.mimeData([plan.index(0)]), MOVE, 2, 0, QModelIndex())
    assert shown(composer, "plan")[0] == heading
    # a library paragraph dropped on the top of a section goes below its heading
    para = paragraph_mime_data(NEW, "plan")
    assert plan.canDropMimeData(para, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert plan.dropMimeData(para, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert shown(composer, "plan")[:2] == [heading, NEW.text]
    assert shown(composer, "plan")[1:] == rows(composer, "plan")[1:]


def test_a_moved_block_widget_still_edits_its_own_block(composer: Composer) -> None:
    composer.insert_paragraph("status", OLD)
    composer.insert_paragraph("status", NEW)
    widget = composer.block_widget("status", 1)  # OLD
    composer.select("status", 1)
    composer.move_down_action.trigger()  # OLD is now the third block
    assert widget.place.row() == 2
    widget.editor.textEdited.emit("搬动后改的文字。")
    assert composer.model.block("status", 2).text == "搬动后改的文字。"
    assert composer.model.block("status", 1).text == NEW.text


def test_the_findings_summary_is_chinese_in_the_chinese_app(
    chinese: QApplication, composer: Composer
) -> None:
    """A plural string of a composer layer (``%n problem(s) found``) is translated too."""
    composer.insert_paragraph("status", OLD)
    composer.refresh()
    assert composer.block_findings
    assert composer.summary.text() == f"发现 {len(composer.block_findings)} 处问题"
