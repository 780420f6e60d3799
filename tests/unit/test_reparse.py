"""Reading stored letters again with a newer parser (desktop/reparse.py), end to end through
the real importer, store and parser; a "newer parser" is the real one with a changed version
number and one deliberate difference in what it reads."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop import parser_version, understand
from desktop.importer import import_paths
from desktop.library_rows import LetterDetail, ParagraphRow
from desktop.model import ParsedLetter
from desktop.normalize import paragraph_key
from desktop.reparse import (
    KEPT_RULE,
    ReparseSummary,
    needs_reparse,
    rebuilt_lines,
    reparse_letters,
)
from desktop.store import LibraryStore
from tests.conftest import ROOT
from tests.unit.test_cli_letters import LETTER_A, LETTER_B

FIXTURES = ROOT / "tests" / "fixtures"


def _import(store: LibraryStore, *paths: Path) -> list[int]:
    ids = []
    for step in import_paths(store, paths):
        assert step.result.status == "imported", step.result.message
        assert step.result.letter_id is not None
        ids.append(step.result.letter_id)
    return ids


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _newer_parser(monkeypatch: pytest.MonkeyPatch, change: Callable[[ParsedLetter], None]) -> None:
    """The parser of the next version: the real one, then ``change``."""
    real = understand.parse_letter

    def parse(lines: list[str]) -> ParsedLetter:
        letter = real(lines)
        change(letter)
        return letter

    monkeypatch.setattr(parser_version, "PARSER_VERSION", parser_version.PARSER_VERSION + 1)
    monkeypatch.setattr(understand, "parse_letter", parse)


def _sql(db: Path, statement: str, *params: object) -> None:
    """Simulates what an earlier program version left in the library (tests only)."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(statement, params)
    conn.close()


@pytest.fixture
def library(tmp_path: Path) -> tuple[LibraryStore, list[int]]:
    store = LibraryStore(tmp_path / "lib.db")
    ids = _import(store, _write(tmp_path, "a.txt", LETTER_A), _write(tmp_path, "b.txt", LETTER_B))
    return store, ids


def test_a_newer_parser_rereads_every_letter_and_the_clerks_corrections_win(
    library: tuple[LibraryStore, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, (a, b) = library
    store.letters.edit(a, fields={"category": "C"})
    assert needs_reparse(store) == 0

    def reads_differently(letter: ParsedLetter) -> None:
        letter.category = "D"
        letter.doc_number = (letter.doc_number or "") + "（新读法）"
        for block in letter.blocks:
            if block.text.startswith("衷心感谢"):
                block.section = "plan"

    _newer_parser(monkeypatch, reads_differently)
    assert needs_reparse(store) == 2
    steps = list(reparse_letters(store))
    assert [(s.done, s.total, s.letter_id) for s in steps] == [(1, 2, a), (2, 2, b)]
    assert all(s.changed and not s.failed and s.source == "stored" for s in steps)
    assert [s.corrected for s in steps] == [True, False]
    assert needs_reparse(store) == 0

    first, second = store.letters.detail(a), store.letters.detail(b)
    assert first is not None and second is not None
    assert first.category == "C" and second.category == "D"  # corrected / re-read
    assert first.doc_number == "海科函〔2023〕7号（新读法）"
    assert first.parser_version == second.parser_version == parser_version.PARSER_VERSION
    closing = [p for p in second.paragraphs if p.text.startswith("衷心感谢")]
    assert [p.section for p in closing] == ["plan"]
    # nothing more to do: a second run reads nothing, --all reads both and changes nothing
    assert list(reparse_letters(store)) == []
    again = list(reparse_letters(store, all=True))
    assert len(again) == 2 and not any(s.changed for s in again)
    store.close()


def test_moved_sections_stay_where_the_clerk_put_them(
    library: tuple[LibraryStore, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, (a, _) = library
    detail = store.letters.detail(a)
    assert detail is not None
    plan = next(p for p in detail.paragraphs if p.text.startswith("下一步，我们将推动"))
    store.letters.edit(a, sections={plan.paragraph_id: "closing"})

    def everything_status(letter: ParsedLetter) -> None:
        for block in letter.blocks:
            block.section = "status"

    _newer_parser(monkeypatch, everything_status)
    list(reparse_letters(store))
    after = store.letters.detail(a)
    assert after is not None
    moved = next(p for p in after.paragraphs if p.paragraph_id == plan.paragraph_id)
    assert moved.section == "closing"
    store.close()


def test_one_letter_failing_does_not_stop_the_rest(
    library: tuple[LibraryStore, list[int]],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    store, (a, b) = library

    def breaks_on_a(letter: ParsedLetter) -> None:
        if letter.proposal_number == "56":
            raise RuntimeError("a bug in the new parser")
        letter.contact_name = "新读法"

    _newer_parser(monkeypatch, breaks_on_a)
    summary = ReparseSummary()
    steps = list(reparse_letters(store))
    for step in steps:
        summary.add(step)
    assert [(s.letter_id, s.failed) for s in steps] == [(a, True), (b, False)]
    assert (summary.read, summary.failed) == (1, 1)
    assert "1 份读取失败" in summary.summary_zh()
    assert "a bug in the new parser" in caplog.text  # the traceback is logged
    second = store.letters.detail(b)
    first = store.letters.detail(a)
    assert second is not None and second.contact_name == "新读法"
    assert first is not None and first.contact_name == "陈静"  # left as it was
    assert needs_reparse(store) == 1  # and it waits for the next run
    store.close()


def test_a_letter_from_before_m007_is_read_from_its_file_when_it_is_still_there(
    library: tuple[LibraryStore, list[int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, (a, b) = library
    store.close()
    _sql(tmp_path / "lib.db", "DELETE FROM letter_sources")
    _sql(tmp_path / "lib.db", "UPDATE letters SET parser_version = NULL")
    (tmp_path / "b.txt").write_text(LETTER_B.replace("45家", "46家"), encoding="utf-8")
    _newer_parser(monkeypatch, lambda letter: None)
    with LibraryStore(tmp_path / "lib.db") as store:
        steps = {s.letter_id: s for s in reparse_letters(store)}
        # a's file is unchanged: read again, and its lines are kept from now on
        assert steps[a].source == "file" and not steps[a].failed
        assert store.letters.detail(a).source_lines == [x for x in LETTER_A.splitlines() if x]  # type: ignore[index]
        # b's file was changed since: its lines are rebuilt from the library
        assert steps[b].source == "rebuilt" and not steps[b].failed
        assert store.letters.detail(b).source_lines == []  # type: ignore[index]
        assert needs_reparse(store) == 0


def test_a_library_from_before_m007_keeps_its_fields_when_no_file_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "library-v6.db", db)
    with LibraryStore(db) as store:  # migrated to the current schema
        before = {x.id: store.letters.detail(x.id) for x in store.letters.all()}
    _sql(db, "UPDATE letters SET source_path = '/nowhere/' || id || '.txt'")
    with LibraryStore(db) as store:
        assert needs_reparse(store) == len(before) == 3

        def loses_fields(letter: ParsedLetter) -> None:
            letter.agency = None  # a reading of rebuilt lines must not lose what was stored
            letter.proposal_title = "错误的标题"

        _newer_parser(monkeypatch, loses_fields)
        steps = list(reparse_letters(store))
        assert [s.source for s in steps] == ["rebuilt"] * 3
        assert not any(s.failed for s in steps)
        for letter_id, old in before.items():
            new = store.letters.detail(letter_id)
            assert new is not None and old is not None
            for name in ("kind", "agency", "reply_date", "proposal_title", "addressee"):
                if getattr(old, name) not in (None, "", []):  # an empty field may be filled
                    assert getattr(new, name) == getattr(old, name), (letter_id, name)
            # the paragraphs are read again from the stored text: none comes from elsewhere
            # (a parser may split, join or drop paragraphs, so only that is certain)
            stored_text = "".join(paragraph_key(p.original) for p in old.paragraphs)
            assert any(not p.is_heading for p in new.paragraphs)
            for p in new.paragraphs:
                assert paragraph_key(p.original) in stored_text, (letter_id, p)
        reply = next(i for i, x in before.items() if x and x.agency)
        detail = store.letters.detail(reply)
        assert detail is not None and detail.sources["agency"]["rule"] == KEPT_RULE
        assert needs_reparse(store) == 0


def test_rebuilt_lines_put_the_fields_where_a_letter_prints_them() -> None:
    letter = LetterDetail(
        id=1, kind="reply", content_hash="h", imported_at="2023-06-06T00:00:00+00:00",
        category="B", doc_number="海科函〔2023〕7号", title="关于第56号建议的答复",
        agency="海州市民政局", reply_date="2023-06-05", contact_name="陈静",
        contact_phone="0518-85551234",
        paragraphs=[
            ParagraphRow(0, 1, "greeting", False, "刘敏代表：", "刘敏代表："),
            ParagraphRow(1, 2, "status", False, "您提出的建议收悉。", "您提出的建议收悉。"),
        ],
    )  # fmt: skip
    assert rebuilt_lines(letter) == [
        "B类", "海科函〔2023〕7号", "关于第56号建议的答复", "刘敏代表：", "您提出的建议收悉。",
        "海州市民政局", "2023年6月5日", "（联系人：陈静，联系电话：0518-85551234）",
    ]  # fmt: skip
    parsed = understand.parse_letter(rebuilt_lines(letter))
    assert (parsed.agency, parsed.reply_date, parsed.category) == (
        "海州市民政局",
        "2023-06-05",
        "B",
    )
