"""Letters in traditional characters: kept as they came, found by either writing (m008)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.__main__ import main
from desktop.importer import import_paths
from desktop.library_rows import LetterDetail
from desktop.search import parse_query, search
from desktop.similar import similar_letters
from desktop.store import LibraryStore, SearchFilters
from desktop.store.schema import search_text, spaced
from tests.conftest import FIXTURES, make_letter

# Replies written for these tests: one served in traditional characters (with a simplified
# 于 left by a half-done conversion in its title line), one in simplified characters.
TRADITIONAL_LETTER = """關于加強社區養老服務的建議的答復

陳明代表：

    您提出的《關於加強社區養老服務的建議》收悉，現答復如下。

    近年來，我局積極推進社區養老服務中心建設，爲老年人提供助餐、助浴等服務，臺賬管理規範。

    下一步，我們將完善居家養老補貼制度，鼓勵社會力量參與養老服務。

    感謝您對民政工作的關心和支持。

某某區民政局
2025年6月10日
"""
SIMPLIFIED_LETTER = """关于推进生活垃圾分类的建议的答复

李华代表：

    您提出的《关于推进生活垃圾分类的建议》收悉，现答复如下。

    目前，全区已建成垃圾分类收集点三百余个，设施运行总体良好。

    下一步，我们将加强宣传引导，推动垃圾分类进小区、进学校。

    感谢您对城市管理工作的关心和支持。

某某区城市管理局
2025年7月1日
"""


@pytest.fixture
def store(engine_store: LibraryStore) -> LibraryStore:
    """Every test here runs on both engines (SQLite and PostgreSQL: tests/conftest.py)."""
    return engine_store


@pytest.fixture
def lib(store: LibraryStore, tmp_path: Path) -> LibraryStore:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "繁體答復.txt").write_text(TRADITIONAL_LETTER, encoding="utf-8")
    (folder / "简体答复.txt").write_text(SIMPLIFIED_LETTER, encoding="utf-8")
    results = [p.result for p in import_paths(store, [folder])]
    assert [r.status for r in results] == ["imported", "imported"]
    return store


def _letter_with(store: LibraryStore, words: str) -> LetterDetail:
    for row in store.letters.all():
        letter = store.letters.detail(row.id)
        assert letter is not None
        if any(words in p.text for p in letter.paragraphs):
            return letter
    raise AssertionError(f"no letter holds {words}")


def test_the_library_keeps_the_traditional_original(lib: LibraryStore) -> None:
    letter = _letter_with(lib, "養老服務中心")
    texts = [p.text for p in letter.paragraphs]
    originals = "".join(p.original for p in letter.paragraphs)
    assert "养老" not in "".join(texts) + originals
    assert any("爲老年人提供助餐" in t for t in texts)
    # The folded copy the indexes read is beside it, the same length.
    row = lib.db.execute(
        "SELECT text, search_text FROM paragraphs WHERE text LIKE '%養老服務中心%'"
    ).fetchone()
    assert "养老服务中心" in row[1] and "为老年人" in row[1]
    assert len(row[0]) == len(row[1])


@pytest.mark.parametrize("query", ["养老服务中心", "社区养老", "養老服務中心", "社區养老"])
def test_either_writing_finds_the_traditional_letter_shown_as_it_came(
    lib: LibraryStore, query: str
) -> None:
    hits = search(lib, query)
    assert hits, query
    hit = hits[0]
    assert "養老服務" in hit.text and "养老" not in hit.text
    marked = [hit.text[s:e] for s, e in hit.highlights]
    assert marked and all(m in {"養老服務中心", "社區養老"} for m in marked)
    assert f"「{marked[0]}」" in hit.marked("「", "」")


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("垃圾分類收集點", "垃圾分类收集点"),
        ("進小區", "进小区"),
        ("垃圾 進", "垃圾"),  # a long and a short term together
    ],
)
def test_a_traditional_query_finds_the_simplified_letter(
    lib: LibraryStore, query: str, marked: str
) -> None:
    hits = search(lib, query)
    assert hits, query
    assert all("垃圾" in h.text for h in hits)
    assert marked in [hits[0].text[s:e] for s, e in hits[0].highlights]


@pytest.mark.parametrize("query", ["养老", "為", "台账", "养 补贴"])
def test_short_terms_are_folded_too(lib: LibraryStore, query: str) -> None:
    """One- and two-character terms go through the one-character index, which holds the
    folded text as well (為 and 爲 are both 为)."""
    hits = search(lib, query)
    assert hits, query
    assert all("養" in h.text or "爲" in h.text or "臺賬" in h.text for h in hits)
    for hit in hits:
        assert hit.highlights
        assert all(hit.text[s:e] in {"養老", "爲", "臺賬", "養", "補貼"} for s, e in hit.highlights)


def test_both_writings_of_a_term_are_one_term() -> None:
    assert parse_query("臺灣 台湾 養老服務 服务") == ["台湾", "养老服务"]


def test_the_scan_for_short_terms_reads_the_folded_text(lib: LibraryStore) -> None:
    rows = lib.search.scan(["台账"], SearchFilters(), 10, 0.0)
    assert [r.text for r in rows] == [
        t for (t,) in lib.db.execute("SELECT text FROM paragraphs WHERE text LIKE '%臺賬%'")
    ]
    assert rows and "臺賬" in rows[0].text


def test_similar_letters_fold_both_ways(lib: LibraryStore) -> None:
    found = similar_letters(lib, "关于发展社区养老服务的建议", "完善居家养老补贴")
    assert found
    assert found[0].title is not None and "養老服務" in found[0].title
    assert any("養老補貼" in p.text for p in found[0].paragraphs)
    found = similar_letters(lib, "關於推進生活垃圾分類的建議")
    assert found and found[0].title == "关于推进生活垃圾分类的建议"


@pytest.mark.parametrize(("agency", "found"), [("某某区民政局", True), ("區民政", True),
                                               ("某某区教育局", False)])  # fmt: skip
def test_the_agency_filter_folds_too(store: LibraryStore, agency: str, found: bool) -> None:
    store.letters.add(
        make_letter([("status", "近年來，社區養老服務中心建成運營。")], agency="某某區民政局"),
        content_hash="a",
        source_path=None,
        source_format=None,
    )
    for query in ("养老", "养老服务"):  # the one-character and the trigram index
        hits = search(store, query, filters=SearchFilters(agency=agency))
        assert bool(hits) is found


def test_cli_search_finds_the_traditional_letter_with_simplified_words(
    lib: LibraryStore, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["search", "居家养老补贴", "--db", str(lib.location), "--json"])
    out, _ = capsys.readouterr()
    assert code == 0
    hits = json.loads(out)
    assert len(hits) == 1
    assert "完善居家養老補貼制度" in hits[0]["text"]
    assert "<mark>居家養老補貼</mark>" in hits[0]["snippet"]


def test_only_paragraphs_that_fold_differently_store_a_folded_copy(lib: LibraryStore) -> None:
    rows = lib.db.execute("SELECT text, search_text FROM paragraphs").fetchall()
    assert {t for t, f in rows if f is not None} == {
        t for t, _ in rows if any(c in t for c in "關養爲們陳區來謝")
    }
    assert any(f is None and "垃圾分类" in t for t, f in rows)


def test_changing_a_paragraphs_text_keeps_the_indexes_in_step(lib: LibraryStore) -> None:
    pid, text = lib.db.execute(
        "SELECT id, text FROM paragraphs WHERE text LIKE '%居家養老%'"
    ).fetchone()
    changed = text.replace("居家養老補貼", "長者助餐補貼")
    with lib.db.atomic():
        lib.db.execute(
            "UPDATE paragraphs SET text = ?, search_text = ? WHERE id = ?",
            [changed, search_text(changed), pid],
        )
    assert lib.integrity_check() == "ok"
    assert not search(lib, "居家养老补贴")
    assert [h.text for h in search(lib, "长者助餐")] == [changed]
    assert [h.text for h in search(lib, "助餐补")] == [changed]
    # Text without anything to fold: no copy, found by itself (the two-character index too).
    with lib.db.atomic():
        lib.db.execute(
            "UPDATE paragraphs SET text = ?, search_text = ? WHERE id = ?",
            ["完善长者食堂运营补助办法。", None, pid],
        )
    assert lib.integrity_check() == "ok"
    assert [h.paragraph_id for h in search(lib, "食堂")] == [pid]
    assert [h.paragraph_id for h in search(lib, "長者食堂")] == [pid]


def test_deleting_letters_keeps_the_indexes_whole(lib: LibraryStore) -> None:
    letter = _letter_with(lib, "養老服務中心")
    assert lib.letters.delete_many([letter.id]) == 1
    assert lib.integrity_check() == "ok"
    assert not search(lib, "养老服务")
    assert not search(lib, "养老")
    assert search(lib, "垃圾分类")


def _add_old_letter(path: Path) -> None:
    """A letter in traditional characters stored the way versions 6 and 7 stored letters."""
    conn = sqlite3.connect(path)
    conn.create_function("spaced", 1, spaced, deterministic=True)
    with conn:
        letter_id = conn.execute(
            "INSERT INTO letters (kind, title, proposal_title, year, content_hash, imported_at)"
            " VALUES ('reply', ?, ?, 2019, 'v6-traditional', '2019-07-01T00:00:00+00:00')",
            ["關於社區養老服務的答復", "關於加強社區養老服務的建議"],
        ).lastrowid
        texts = ["近年來，我局積極推進社區養老服務中心建設。", "感謝您對民政工作的關心。"]
        for position, text in enumerate(texts):
            pid = conn.execute(
                "INSERT INTO paragraphs (hash, text, length, latest_year) VALUES (?, ?, ?, 2019)",
                [f"v6-{position}", text, len(text)],
            ).lastrowid
            conn.execute(
                "INSERT INTO letter_paragraphs (letter_id, position, paragraph_id, section,"
                " original) VALUES (?, ?, ?, 'status', ?)",
                [letter_id, position, pid, text],
            )
        conn.execute(
            "INSERT INTO letter_titles_fts(rowid, title) VALUES (?, ?)",
            [letter_id, "關於加強社區養老服務的建議"],
        )
    conn.close()


@pytest.mark.parametrize("fixture", ["library-v6.db", "library-v7.db"])
def test_upgrading_a_library_folds_its_old_paragraphs(fixture: str, tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    shutil.copy(FIXTURES / fixture, path)
    _add_old_letter(path)
    with LibraryStore(path, backup_dir=tmp_path / "backups") as s:
        assert s.integrity_check() == "ok"
        folded = s.db.execute(
            "SELECT text, search_text FROM paragraphs WHERE search_text IS NOT NULL"
        ).fetchall()
        assert [t for t, _ in folded] == [
            "近年來，我局積極推進社區養老服務中心建設。",
            "感謝您對民政工作的關心。",
        ]
        assert folded[1][1] == "感谢您对民政工作的关心。"
        hits = search(s, "养老服务中心")
        assert [h.text for h in hits] == ["近年來，我局積極推進社區養老服務中心建設。"]
        assert [hits[0].text[a:b] for a, b in hits[0].highlights] == ["養老服務中心"]
        assert search(s, "养老")  # the one-character index was refilled with the folded text
        # The sample letters of the old version are found as before.
        assert search(s, "众创空间") and all("科" in h.text for h in search(s, "科"))
        found = similar_letters(s, "关于社区养老服务的建议")
        assert found and found[0].title == "關於加強社區養老服務的建議"
        # New letters go on being folded after the upgrade.
        assert not search(s, "垃圾分类")
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "a.txt").write_text(SIMPLIFIED_LETTER, encoding="utf-8")
    with LibraryStore(path) as s:
        assert [p.result.status for p in import_paths(s, [folder])] == ["imported"]
        assert search(s, "垃圾分類")
        assert s.integrity_check() == "ok"


def test_the_version_8_library_finds_its_traditional_letter(tmp_path: Path) -> None:
    path = tmp_path / "library-v8.db"
    shutil.copy(FIXTURES / "library-v8.db", path)
    with LibraryStore(path) as s:
        hits = search(s, "养老服务中心")
        assert len(hits) == 1 and "社區養老服務中心" in hits[0].text
        assert search(s, "众创空间")  # the sample letters, folded by the migration
        assert s.integrity_check() == "ok"
