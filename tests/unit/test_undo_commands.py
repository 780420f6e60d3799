"""Each undo command pushed on a bare QUndoStack, undone and redone (no widgets)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from desktop.casework import Case, Draft, DraftBlock
from desktop.ui.draft_model import DraftModel
from desktop.ui.undo_commands import (
    ApplyFix,
    EditBlockText,
    InsertBlock,
    MoveBlock,
    MoveBlockToSection,
    RemoveBlock,
    SetSalutation,
)


@pytest.fixture(autouse=True)
def app(qapp: QCoreApplication) -> QCoreApplication:
    """pytest-qt's application (a QApplication shared with the ui tests; no widget is made)."""
    return qapp


def texts(model: DraftModel, section: str) -> list[str]:
    return [f"{b.kind}:{b.text}" for b in model.blocks(section)]


@pytest.fixture
def model() -> DraftModel:
    m = DraftModel()
    draft = Draft()
    draft.sections["status"] += [DraftBlock("free", "甲"), DraftBlock("free", "乙")]
    m.load(Case(number="1", title="关于某事的建议", proposers=["张三"], id=7), draft)
    return m


def test_insert_block(model: DraftModel) -> None:
    stack = QUndoStack()
    block = DraftBlock("library", "丙", paragraph_id=3, letter_id=9, year=2019, source_title="旧")
    stack.push(InsertBlock(model, "status", 1, block))
    assert texts(model, "status") == ["template:", "library:丙", "free:甲", "free:乙"]
    assert model.block("status", 1).letter_id == 9
    block.text = "changed by the caller"  # the command keeps its own copy
    stack.undo()
    assert texts(model, "status") == ["template:", "free:甲", "free:乙"]
    stack.redo()
    assert texts(model, "status") == ["template:", "library:丙", "free:甲", "free:乙"]


def test_remove_block(model: DraftModel) -> None:
    stack = QUndoStack()
    stack.push(RemoveBlock(model, "status", 0))
    assert texts(model, "status") == ["free:甲", "free:乙"]
    stack.undo()
    assert texts(model, "status") == ["template:", "free:甲", "free:乙"]
    stack.redo()
    assert texts(model, "status") == ["free:甲", "free:乙"]


def test_move_block_within_section(model: DraftModel) -> None:
    stack = QUndoStack()
    stack.push(MoveBlock(model, "status", 2, 0))
    assert texts(model, "status") == ["free:乙", "template:", "free:甲"]
    stack.push(MoveBlock(model, "status", 0, 2))
    assert texts(model, "status") == ["template:", "free:甲", "free:乙"]
    stack.undo()
    assert texts(model, "status") == ["free:乙", "template:", "free:甲"]
    stack.undo()
    assert texts(model, "status") == ["template:", "free:甲", "free:乙"]


def test_move_block_between_sections(model: DraftModel) -> None:
    stack = QUndoStack()
    inserted: list[tuple[str, int]] = []
    removed: list[tuple[str, int]] = []
    model.blockInserted.connect(lambda s, i: inserted.append((s, i)))
    model.blockRemoved.connect(lambda s, i: removed.append((s, i)))
    stack.push(MoveBlockToSection(model, "status", 1, "plan", 0))
    assert texts(model, "status") == ["template:", "free:乙"]
    assert texts(model, "plan") == ["free:甲", "template:"]
    assert removed == [("status", 1)] and inserted == [("plan", 0)]
    stack.undo()
    assert texts(model, "status") == ["template:", "free:甲", "free:乙"]
    assert texts(model, "plan") == ["template:"]
    stack.redo()
    assert texts(model, "plan") == ["free:甲", "template:"]


def test_typing_merges_into_one_step(model: DraftModel) -> None:
    stack = QUndoStack()
    for text in ("甲我", "甲我们", "甲我们的"):
        stack.push(EditBlockText(model, "status", 1, text))
    assert stack.count() == 1
    assert model.block("status", 1).text == "甲我们的"
    stack.push(EditBlockText(model, "status", 2, "乙。"))  # another block: a new step
    assert stack.count() == 2
    stack.undo()
    assert model.block("status", 2).text == "乙"
    stack.undo()
    assert model.block("status", 1).text == "甲"
    stack.redo()
    assert model.block("status", 1).text == "甲我们的"


def test_typing_back_to_the_start_leaves_no_step(model: DraftModel) -> None:
    stack = QUndoStack()
    stack.push(EditBlockText(model, "status", 1, "甲乙"))
    stack.push(EditBlockText(model, "status", 1, "甲"))
    assert stack.count() == 0
    assert model.block("status", 1).text == "甲"


def test_apply_fix(model: DraftModel) -> None:
    stack = QUndoStack()
    stack.push(EditBlockText(model, "status", 1, "我们的的工作"))
    stack.push(ApplyFix(model, "status", 1, 2, 4, "的"))
    assert stack.count() == 2  # a fix is its own step, never merged into typing
    assert model.block("status", 1).text == "我们的工作"
    stack.undo()
    assert model.block("status", 1).text == "我们的的工作"
    stack.redo()
    assert model.block("status", 1).text == "我们的工作"
    with pytest.raises(ValueError):
        ApplyFix(model, "status", 1, 3, 99, "")


def test_signals_and_structure(model: DraftModel) -> None:
    seen: list[str] = []
    model.changed.connect(lambda: seen.append("changed"))
    model.structureChanged.connect(lambda: seen.append("structure"))
    model.edit_text("status", 1, "甲。")
    assert seen == ["changed"]
    seen.clear()
    model.move_block("status", 1, 2)
    assert seen == ["changed", "structure"]
    assert model.undo_stack.count() == 2
    model.undo_stack.undo()
    assert texts(model, "status") == ["template:", "free:甲。", "free:乙"]


def test_model_macros(model: DraftModel) -> None:
    model.split_block("status", 1, 0)
    assert texts(model, "status") == ["template:", "free:", "free:甲", "free:乙"]
    model.undo_stack.undo()
    assert texts(model, "status") == ["template:", "free:甲", "free:乙"]
    model.edit_text("status", 2, "乙丙")
    model.split_block("status", 2, 1)
    assert texts(model, "status") == ["template:", "free:甲", "free:乙", "free:丙"]
    model.undo_stack.undo()
    assert texts(model, "status") == ["template:", "free:甲", "free:乙丙"]


def test_load_clears_history(model: DraftModel) -> None:
    model.remove_block("status", 0)
    assert model.is_modified()
    model.load(model.case, Draft())  # type: ignore[arg-type]
    assert model.undo_stack.count() == 0
    assert not model.is_modified()
    model.load(model.case, Draft(), recovered=True)  # type: ignore[arg-type]
    assert model.is_modified()


def test_set_salutation_merges_typing_and_restores_automatic(model: DraftModel) -> None:
    stack = QUndoStack()
    assert model.draft.salutation is None
    stack.push(SetSalutation(model, "张三同"))
    stack.push(SetSalutation(model, "张三同志："))  # typing on: one step
    assert model.draft.salutation == "张三同志：" and stack.count() == 1
    stack.push(SetSalutation(model, None, typing=False))  # "automatic": a step of its own
    assert model.draft.salutation is None and stack.count() == 2
    stack.undo()
    assert model.draft.salutation == "张三同志："
    stack.undo()
    assert model.draft.salutation is None
    stack.redo()
    assert model.draft.salutation == "张三同志："
    assert model.draft.to_json()["salutation"] == "张三同志："
