from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.importer import import_file, import_paths
from desktop.store import LibraryStore
from tests.conftest import SAMPLES

LETTER = """关于市十七届人大三次会议第12号建议的答复

张三代表：
您提出的《关于加快孵化器建设的建议》收悉。现答复如下：
一、工作现状
近年来，我市已建成孵化器20家，在孵企业500余家。
二、下一步打算
下一步，我们将继续加大孵化器建设力度。
衷心感谢您提出的建议。
南通市科学技术局
2021年6月1日
"""


def _statuses(results: list) -> list[str]:
    return [r.status for r in results]


def test_sample_library_imports_as_replies_and_references(sample_store: LibraryStore) -> None:
    letters = sample_store.letters.all()
    kinds = sorted((Path(x.source_path).name[:3], x.kind) for x in letters)
    assert kinds == [
        ("000", "reply"),
        ("001", "reply"),
        ("002", "reference"),
        ("003", "reference"),
        ("004", "reference"),
    ]
    assert sample_store.integrity_check() == "ok"


def test_same_letter_twice_is_a_duplicate(store: LibraryStore, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(LETTER, encoding="utf-8")
    b = tmp_path / "副本" / "a 的副本.txt"
    b.parent.mkdir()
    b.write_text(LETTER, encoding="gb18030")  # same letter, other encoding, other name
    results = [p.result for p in import_paths(store, [a, b])]
    assert _statuses(results) == ["imported", "duplicate"]
    assert results[1].letter_id == results[0].letter_id
    assert "已有" in results[1].message
    assert store.letters.count() == 1


def test_folder_import_is_recursive_and_a_bad_file_does_not_stop_the_rest(
    store: LibraryStore, tmp_path: Path
) -> None:
    folder = tmp_path / "我的 答复"
    (folder / "2021").mkdir(parents=True)
    (folder / "2021" / "好的 答复.txt").write_text(LETTER, encoding="utf-8")
    (folder / "坏.txt").write_bytes(random.Random(3).randbytes(4000))
    (folder / "空.txt").write_bytes(b"")
    (folder / "~$锁定.docx").write_bytes(b"lock")  # Office lock file: skipped
    (folder / "说明.xlsx").write_bytes(b"PK")  # unsupported in a folder: skipped
    shutil.copy(SAMPLES / "001_a031955aa3c0a65d.txt", folder / "2021" / "盛培秀.txt")
    progress = list(import_paths(store, [folder, tmp_path / "不存在.txt"]))
    assert [p.done for p in progress] == [1, 2, 3, 4, 5]
    assert all(p.total == 5 for p in progress)
    by_name = {Path(p.result.path).name: p.result for p in progress}
    assert by_name["不存在.txt"].status == "failed"
    assert by_name["好的 答复.txt"].status == "imported"
    assert by_name["盛培秀.txt"].status == "imported"
    for bad in ("坏.txt", "空.txt"):
        assert by_name[bad].status == "failed"
        message = by_name[bad].message
        assert message and "\n" not in message
        assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    assert store.letters.count() == 2
    assert store.integrity_check() == "ok"


def test_imported_letter_has_metadata_and_sections(store: LibraryStore, tmp_path: Path) -> None:
    path = tmp_path / "答复.txt"
    path.write_text(LETTER, encoding="utf-8")
    result = import_file(store, path)
    letter = store.letters.detail(result.letter_id or 0)
    assert letter is not None
    assert letter.addressee == ["张三"]
    assert letter.proposal_number == "12"
    assert letter.reply_date == "2021-06-01"
    assert letter.year == 2021
    assert letter.agency == "南通市科学技术局"
    sections = [p.section for p in letter.paragraphs if not p.is_heading]
    assert sections[0] == "greeting" and sections[-1] == "closing"
    assert "status" in sections and "plan" in sections


def _disk_full_error() -> sqlite3.Error:
    """SQLite's own SQLITE_FULL, provoked in a database limited to a few pages."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE t (x BLOB)")
        conn.execute("PRAGMA max_page_count = 3")
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("the database did not fill up")


def test_database_error_mid_import_leaves_nothing_behind(
    store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "答复.txt"
    path.write_text(LETTER, encoding="utf-8")
    from desktop.store.indexes import SqliteIndexes

    def full_disk(*_args: object) -> None:
        # The letter's row and all its paragraphs are written by now.
        assert store.letters.paragraph_count() > 0
        raise _disk_full_error()

    monkeypatch.setattr(SqliteIndexes, "letter_added", full_disk)
    result = import_file(store, path)
    assert result.status == "failed"
    assert "磁盘空间不足" in result.message
    assert store.letters.count() == 0 and store.letters.paragraph_count() == 0
    monkeypatch.undo()
    assert import_file(store, path).status == "imported"


def test_a_bug_in_one_file_is_reported_and_logged_not_fatal(
    store: LibraryStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import desktop.import_steps as importer  # where the importer reads and understands

    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LETTER.replace("张三", "李四"), encoding="utf-8")
    real = importer.parse_letter

    def buggy(lines: list[str]):  # type: ignore[no-untyped-def]
        if any("李四" in line for line in lines):
            raise ZeroDivisionError("bug")
        return real(lines)

    monkeypatch.setattr(importer, "parse_letter", buggy)
    results = [p.result for p in import_paths(store, [tmp_path])]
    assert _statuses(results) == ["imported", "failed"]
    assert "内部错误" in results[1].message
    assert "ZeroDivisionError" in caplog.text


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=3000),
    suffix=st.sampled_from([".txt", ".docx", ".doc"]),
    mutate=st.booleans(),
)
def test_property_random_input_imports_or_fails_cleanly(
    store: LibraryStore, tmp_path: Path, data: bytes, suffix: str, mutate: bool
) -> None:
    if mutate:
        base = bytearray(LETTER.encode("gb18030"))
        for i, b in enumerate(data[:50]):
            base[(i * 97 + b) % len(base)] = b
        data = bytes(base)
    path = tmp_path / f"输入{suffix}"
    path.write_bytes(data)
    before = store.letters.count()
    result = import_file(store, path, soffice="/nonexistent/soffice")
    assert result.status in ("imported", "duplicate", "failed")
    if result.status == "failed":
        assert result.message and "\n" not in result.message
        assert store.letters.count() == before
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_one_line_file_without_punctuation_is_not_one_huge_paragraph(
    store: LibraryStore, tmp_path: Path
) -> None:
    rng = random.Random(5)
    # 300,000 characters on one line: common ideographs, no sentence mark, a space now and then
    text = "".join(
        " " if rng.random() < 0.0001 else chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(300_000)
    )
    path = tmp_path / "一行.txt"
    path.write_text(text, encoding="utf-8")
    result = import_file(store, path)
    assert result.status == "imported", result.message
    letter = store.letters.detail(result.letter_id or 0)
    assert letter is not None
    originals = [p.original for p in letter.paragraphs]
    assert len(originals) >= 60
    assert max(len(p.text) for p in letter.paragraphs) <= 5000
    assert "".join(originals).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert store.integrity_check() == "ok"
