"""One search action behind the CLI and the window: the same query and filters list the same
paragraphs, in the same order, in ``replydesk search`` and in the library pane; each marks the
terms its own way from the hit's offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.__main__ import main
from desktop.actions import search as search_actions
from desktop.actions.search import SearchFilters, SearchPage, search, similar
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.library_pane import LibraryPane
from desktop.ui.library_widgets import BLOCK_ROLE
from desktop.ui.search_results import ROW_ROLE


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, _err = capsys.readouterr()
    return code, out


def test_the_cli_and_the_pane_show_what_the_action_found(
    qtbot: QtBot,
    sample_store: LibraryStore,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[str, SearchFilters | None]] = []
    original = search_actions.search

    def counted(query: str, **kwargs: object) -> SearchPage:
        calls.append((query, kwargs.get("filters")))  # type: ignore[arg-type]
        return original(query, **kwargs)  # type: ignore[arg-type]

    page = search("众创空间", filters=SearchFilters(sections=("status",)), limit=50,
                  store=sample_store)  # fmt: skip
    assert len(page.hits) >= 2 and not page.problem

    # the CLI
    monkeypatch.setattr("desktop.actions.search.search", counted)
    db = str(sample_store.path)
    code, out = _cli(capsys, "search", "众创空间", "--section", "status", "--db", db, "--json")
    assert code == 0
    cli_hits = json.loads(out)
    assert [h["paragraph_id"] for h in cli_hits] == [h.paragraph_id for h in page.hits[:20]]
    assert "<mark>众创空间</mark>" in cli_hits[0]["snippet"]
    code, out = _cli(capsys, "search", "众创空间", "--section", "status", "--db", db)
    assert "「众创空间」" in out and "<mark>" not in out

    # the window
    monkeypatch.setattr("desktop.ui.library_pane.search", counted)
    context = AppContext(sample_store.path, store=sample_store,
                         templates=ReplyTemplates(override=tmp_path / "none"))  # fmt: skip
    pane = LibraryPane(context)
    qtbot.addWidget(pane)
    pane.section_filter.setCurrentIndex(pane.section_filter.findData("status"))
    pane.search_box.setText("众创空间")
    with qtbot.waitSignal(pane.searched, timeout=3000):
        pass
    model = pane.results.model()
    shown = [model.index(r, 0).data(BLOCK_ROLE)[1].paragraph_id for r in range(model.rowCount())]
    assert shown == [h.paragraph_id for h in page.hits]
    row = model.index(0, 0).data(ROW_ROLE)
    hit = page.hits[0]
    assert [p for p, marked in row.pieces if marked] == [p for p, marked in hit.pieces() if marked]
    assert pane.status.text() == f"{len(page.hits)} hit(s) found"
    context.close()

    # both went through the action, with the same filters
    assert [q for q, _f in calls] == ["众创空间", "众创空间", "众创空间"]
    assert {f.sections for _q, f in calls if f is not None} == {("status",)}


def test_similar_replies_come_from_one_action(
    sample_store: LibraryStore, capsys: pytest.CaptureFixture[str]
) -> None:
    found = similar("关于支持众创空间发展的建议", store=sample_store)
    assert found and found[0].paragraphs
    code, out = _cli(capsys, "similar", "--title", "关于支持众创空间发展的建议", "--db",
                     str(sample_store.path), "--json", "--limit", "8")  # fmt: skip
    assert code == 0
    assert json.loads(out) == [letter.to_json() for letter in found]
