"""The draft model saves through the drafts actions: a library that refuses the working copy
is told to the clerk in Chinese (the model catches no database error itself)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.casework import DraftBlock, case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.draft_model import DraftModel

CASE = {"number": "12", "session": "市十七届人大三次会议", "title": "关于加快众创空间建设的建议",
        "proposers": ["张三"], "reply_date": "2026-06-01"}  # fmt: skip


def _refusal(path: Path) -> sqlite3.Error:
    """The error SQLite gives a write to a library it may only read (a real one)."""
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ro.execute("DELETE FROM autosave")
    except sqlite3.OperationalError as exc:
        return exc
    finally:
        ro.close()
    raise AssertionError("the read-only connection wrote")


def test_a_refused_autosave_is_told_in_chinese_and_kept_for_later(
    qtbot: QtBot, sample_store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = AppContext(sample_store.path, store=sample_store,
                         templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    model = DraftModel(context, autosave_ms=600_000)
    case_id = sample_store.cases.save(case_from_json(CASE))
    case = sample_store.cases.get(case_id)
    assert case is not None
    model.load(case)
    refusal = _refusal(sample_store.path)

    def refuse(*_args: object) -> None:
        raise refusal

    monkeypatch.setattr(sample_store.drafts, "autosave", refuse)
    told: list[str] = []
    model.autosaveFailed.connect(told.append)
    model.insert_block("plan", 0, DraftBlock("free", "下一步，我们将继续推进。"))
    assert told and "只读" in told[0] and "工作副本" in told[0]
    assert model.autosave_now() is False  # still unsaved: tried again later

    monkeypatch.undo()
    assert model.autosave_now() is True
    assert sample_store.drafts.autosave_of(case_id) == model.draft
    context.close()
