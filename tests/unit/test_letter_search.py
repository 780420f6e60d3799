"""Titles, headings and metadata are searchable (issue 12 item 3): letter hits, the letter
filters, traditional/simplified, the m010 index kept in step, the CLI's output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.fold import to_simplified
from desktop.importer import import_paths
from desktop.letter_search_fields import fields_search_text, number_key, proposers_search_text
from desktop.search import parse_query, search
from desktop.store import LibraryStore, SearchFilters
from desktop.store import letter_search as letter_index
from tests.conftest import FIXTURES, ROOT

# Replies written for these tests (my own wording): a deputy's suggestion with a number and a
# session, a members' proposal with two proposers, and a reply served in traditional characters.
PARKING = """关于市十届人大二次会议第35号建议的答复

王秀英代表：

    您提出的《关于增设老城区停车泊位的建议》收悉，现答复如下。

    一、老城区停车现状

    目前老城区共有公共停车场12处，泊位约3400个，高峰时段仍显紧张。

    二、下一步工作打算

    我局将结合城市更新，利用边角地块新建立体停车设施，并推行错时共享停车。

    感谢您对城市管理工作的关心和支持。

某某市城市管理局
2024年6月18日
"""
WATER = """关于市政协十一届三次会议第108号提案的答复

张建国、刘芳委员：

    你们提出的《关于加快农村饮水安全巩固提升的提案》收悉，现答复如下。

    一、农村供水工程建设情况

    近年来，我局实施农村供水保障工程，新建水厂3座，改造管网260公里。

    二、下一步措施

    我们将推进城乡供水一体化，加强水质检测和管护。

    感谢你们对水利工作的关心和支持。

某某市水利局
2023年7月5日
"""
BICYCLE = """關於縣政協十屆二次會議第52號提案的答復

陳志明委員：

    您提出的《關於優化公共自行車站點佈局的提案》收悉，現答復如下。

    一、站點建設情況

    全縣已建成公共自行車站點86個，投放車輛2100輛，日均騎行約5000人次。

    二、下一步打算

    我們將根據騎行數據調整站點，向新建小區和學校周邊延伸。

    感謝您對交通工作的關心。

某某縣交通運輸局
2022年8月2日
"""


@pytest.fixture
def lib(engine_store: LibraryStore, tmp_path: Path) -> LibraryStore:
    """Three letters imported, on both engines (SQLite and PostgreSQL: tests/conftest.py)."""
    folder = tmp_path / "letters"
    folder.mkdir()
    for name, text in (("停车.txt", PARKING), ("饮水.txt", WATER), ("自行車.txt", BICYCLE)):
        (folder / name).write_text(text, encoding="utf-8")
    store = engine_store
    results = import_paths(store, [folder])
    assert [p.result.status for p in results] == ["imported"] * 3
    return store


def _ids(store: LibraryStore) -> dict[str, int]:
    """The letters by a word of their proposal's title."""
    out = {}
    for letter in store.letters.all():
        for word in ("停车", "饮水", "自行"):
            if word in to_simplified(letter.proposal_title or ""):
                out[word] = letter.id
    return out


def _letter_hits(found: list) -> list[tuple[int, str, str]]:
    return [(h.letter_id, h.section, h.text) for h in found if h.paragraph_id is None]


def _every_hit_holds_every_term(found: list, query: str) -> None:
    terms = parse_query(query)
    for hit in found:
        folded = to_simplified(hit.text).lower()
        assert all(t.lower() in folded for t in terms), (hit.section, hit.text)


def test_a_title_finds_its_letter_before_the_paragraphs(lib: LibraryStore) -> None:
    ids = _ids(lib)
    found = search(lib, "第35号")
    assert found[0].paragraph_id is None
    assert (found[0].letter_id, found[0].section) == (ids["停车"], "title")
    assert found[0].text == "关于市十届人大二次会议第35号建议的答复"
    lo, hi = found[0].highlights[0]
    assert found[0].text[lo:hi] == "第35号"
    _every_hit_holds_every_term(found, "第35号")


def test_number_session_and_proposer_fields(lib: LibraryStore) -> None:
    ids = _ids(lib)
    # A title without the number or the session: the fields themselves are found.
    lib.letters.edit(ids["停车"], fields={"title": "关于增设老城区停车泊位建议的答复"})
    assert _letter_hits(search(lib, "第35号")) == [(ids["停车"], "proposal_number", "第35号")]
    assert _letter_hits(search(lib, "35")) == [(ids["停车"], "proposal_number", "第35号")]
    assert _letter_hits(search(lib, "十届人大二次会议")) == [
        (ids["停车"], "session", "市十届人大二次会议")
    ]
    assert _letter_hits(search(lib, "刘芳")) == [(ids["饮水"], "proposer", "张建国、刘芳")]
    # The proposal's title, as stored (the letter's own title no longer holds 老城区).
    assert _letter_hits(search(lib, "老城区停车")) == [
        (ids["停车"], "proposal_title", "关于增设老城区停车泊位的建议")
    ]


def test_the_session_of_the_issue_in_a_traditional_letter(lib: LibraryStore) -> None:
    ids = _ids(lib)
    hits = _letter_hits(search(lib, "十届二次会议"))
    assert hits == [(ids["自行"], "title", "關於縣政協十屆二次會議第52號提案的答復")]
    # and typed in traditional characters, a simplified letter's title
    assert _letter_hits(search(lib, "停車泊位")) == [
        (ids["停车"], "proposal_title", "关于增设老城区停车泊位的建议")
    ]
    assert _letter_hits(search(lib, "自行車站點")) == _letter_hits(search(lib, "自行车站点"))
    assert _letter_hits(search(lib, "自行车站点"))[0][0] == ids["自行"]


def test_a_heading_is_found_as_its_letter(lib: LibraryStore) -> None:
    ids = _ids(lib)
    found = search(lib, "停车现状")
    # Headings are no paragraph hits (section names, not reusable text): only the letter.
    assert [(h.paragraph_id, h.letter_id, h.section, h.text) for h in found] == [
        (None, ids["停车"], "heading", "一、老城区停车现状")
    ]
    assert _letter_hits(search(lib, "供水工程")) == [
        (ids["饮水"], "heading", "一、农村供水工程建设情况")
    ]


def test_one_and_two_character_terms(lib: LibraryStore) -> None:
    ids = _ids(lib)
    one = search(lib, "泊")
    assert _letter_hits(one) == [(ids["停车"], "proposal_title", "关于增设老城区停车泊位的建议")]
    assert any(h.paragraph_id is not None for h in one)
    two = search(lib, "供水")
    assert _letter_hits(two) == [(ids["饮水"], "heading", "一、农村供水工程建设情况")]
    # Common in every letter's fields: newest first, each holding the term.
    every = search(lib, "会")
    assert [h[0] for h in _letter_hits(every)] == [ids["停车"], ids["饮水"], ids["自行"]]
    _every_hit_holds_every_term(every, "会")


def test_terms_spread_over_a_letters_fields(lib: LibraryStore) -> None:
    ids = _ids(lib)
    found = search(lib, "十届二次会议 陈志明")
    hit = found[0]
    assert (hit.paragraph_id, hit.letter_id, hit.section) == (None, ids["自行"], "title+proposer")
    assert [(f.name, f.text) for f in hit.fields] == [
        ("title", "關於縣政協十屆二次會議第52號提案的答復"),
        ("proposer", "陳志明"),
    ]
    assert hit.text == "關於縣政協十屆二次會議第52號提案的答復\u3000陳志明"
    _every_hit_holds_every_term(found, "十届二次会议 陈志明")


def test_a_term_in_the_title_and_one_only_in_a_paragraph_find_nothing(lib: LibraryStore) -> None:
    # 十一届三次会议 stands in the title line only, 水厂 in a paragraph only: no hit holds both,
    # and every hit holds every term — narrowing to a letter is the filters' job.
    assert _letter_hits(search(lib, "十一届三次会议"))
    assert [h for h in search(lib, "水厂") if h.paragraph_id is not None]
    assert list(search(lib, "十一届三次会议 水厂")) == []
    water = _ids(lib)["饮水"]
    filtered = search(lib, "水厂", filters=SearchFilters(number="第108号"))
    assert [h.letter_id for h in filtered] == [water]


def test_filters_on_letter_and_paragraph_hits(lib: LibraryStore) -> None:
    ids = _ids(lib)
    lib.letters.edit(ids["停车"], fields={"category": "B"})

    def letters_of(query: str, **kw: str) -> set[int]:
        return {h.letter_id for h in search(lib, query, filters=SearchFilters(**kw), limit=50)}

    everyone = letters_of("感谢")
    assert everyone == set(ids.values())
    assert letters_of("感谢", proposer="刘芳") == {ids["饮水"]}
    assert letters_of("感谢", proposer="陈志") == {ids["自行"]}  # folded: 陳志明
    assert letters_of("感谢", number="35") == {ids["停车"]}
    assert letters_of("感谢", number="第035号") == {ids["停车"]}
    assert letters_of("感谢", number="3") == set()
    assert letters_of("感谢", category="b") == {ids["停车"]}
    assert letters_of("感谢", role="委员") == {ids["饮水"], ids["自行"]}
    assert letters_of("感谢", role="代表") == {ids["停车"]}
    # on letter hits too
    assert _letter_hits(search(lib, "会议", filters=SearchFilters(role="代表"))) == [
        (ids["停车"], "title", "关于市十届人大二次会议第35号建议的答复")
    ]
    assert (
        _letter_hits(search(lib, "会议", filters=SearchFilters(proposer="王秀英")))[0][0]
        == (ids["停车"])
    )
    # A section filter asks for paragraphs: no letter hits.
    assert not _letter_hits(search(lib, "会议", filters=SearchFilters(sections=("status",))))


def test_letter_hits_take_a_share_of_a_full_page(lib: LibraryStore) -> None:
    found = search(lib, "关于", limit=4)
    kinds = ["letter" if h.paragraph_id is None else "paragraph" for h in found]
    assert kinds == ["letter", "paragraph", "paragraph", "paragraph"]
    assert found.total == 3 + search(lib, "关于", limit=100, letters=False).total
    assert found.truncated


def test_only_the_letter_hits_a_page_shows_are_read(lib: LibraryStore, monkeypatch) -> None:
    """A page full of paragraphs shows one letter hit in four: only those letters' fields
    and headings are read; the others are counted. Room left by the paragraphs is filled."""
    read: list[int] = []
    real_find = lib.letter_search.find

    def find(*args, **kwargs):  # type: ignore[no-untyped-def]
        found = real_find(*args, **kwargs)
        read.append(len(found))
        return found

    monkeypatch.setattr(lib.letter_search, "find", find)
    found = search(lib, "关于", limit=4)
    assert read == [1] and found.total == 3 + search(lib, "关于", limit=100, letters=False).total
    read.clear()
    few = search(lib, "关于", limit=100)
    assert read == [3] and sum(h.paragraph_id is None for h in few) == 3


def test_the_index_path_and_the_walk_agree(lib: LibraryStore, monkeypatch) -> None:
    queries = ["会", "供水", "第35号", "十届 陈", "泊", "!"]
    by_index = {q: _letter_hits(search(lib, q)) for q in queries}
    monkeypatch.setattr(letter_index, "DENSE", 1)  # every term counts as common: the walk
    assert {q: _letter_hits(search(lib, q)) for q in queries} == by_index


def _expected_rows(store: LibraryStore) -> list[tuple]:
    rows = []
    for letter in store.letters.all():
        detail = store.letters.detail(letter.id)
        assert detail is not None
        addressee = json.dumps(detail.addressee, ensure_ascii=False)
        headings = "\n".join(to_simplified(p.text) for p in detail.paragraphs if p.is_heading)
        rows.append(
            (
                letter.id,
                fields_search_text(
                    detail.title, detail.proposal_title, detail.proposal_number,
                    detail.session, addressee,
                ),
                headings,
                proposers_search_text(addressee),
                number_key(detail.proposal_number),
            )
        )  # fmt: skip
    return sorted(rows)


def _stored_rows(store: LibraryStore) -> list[tuple]:
    return [
        tuple(r)
        for r in store.db.execute(
            "SELECT letter_id, fields, headings, proposers, number FROM letter_search"
            " ORDER BY letter_id"
        ).fetchall()
    ]


def test_the_index_follows_edits_splits_and_deletes(lib: LibraryStore) -> None:
    ids = _ids(lib)
    assert _stored_rows(lib) == _expected_rows(lib)
    lib.letters.edit(
        ids["饮水"],
        fields={"proposal_number": "第0108号", "session": "市政協十一屆三次會議",
                "addressee": "张建国、刘芳、赵磊"},
    )  # fmt: skip
    detail = lib.letters.detail(ids["停车"])
    assert detail is not None
    heading = next(p for p in detail.paragraphs if p.is_heading)
    lib.letters.edit(ids["停车"], sections={heading.paragraph_id: "plan"})
    assert _stored_rows(lib) == _expected_rows(lib)
    assert _letter_hits(search(lib, "赵磊")) == [(ids["饮水"], "proposer", "张建国、刘芳、赵磊")]
    assert lib.letters.delete_many([ids["自行"]]) == 1
    assert _stored_rows(lib) == _expected_rows(lib)
    assert not _letter_hits(search(lib, "十届二次会议"))
    assert lib.integrity_check() == "ok"
    if lib.engine == "sqlite":  # PostgreSQL's indexes are on letter_search itself
        assert (
            lib.db.execute(
                "INSERT INTO letter_chars_fts(letter_chars_fts, rank) VALUES ('integrity-check', 0)"
            ).fetchall()
            == []
        )


def test_migration_fills_the_index_of_an_old_library(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    shutil.copy(FIXTURES / "library-v9.db", path)
    with LibraryStore(path, backup_dir=tmp_path / "backups") as store:
        assert _stored_rows(store) == _expected_rows(store)
        assert len(_stored_rows(store)) == store.letters.count() == 5
        # letter 1 of v9: proposal number 277, proposer 石剑波, no title line
        assert _letter_hits(search(store, "第277号")) == [(1, "proposal_number", "第277号")]
        assert _letter_hits(search(store, "石剑波")) == [(1, "proposer", "石剑波")]
        assert ("heading", "一、我市科技创新生态体系建设现状") in {
            (h[1], h[2]) for h in _letter_hits(search(store, "生态体系建设现状"))
        }
        # the traditional letter of v8 by its simplified title
        assert _letter_hits(search(store, "社区养老服务"))[0][1] == "title"


def _cli(db: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), *args],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )  # fmt: skip


def test_cli_lists_letter_hits_and_filters(lib: LibraryStore) -> None:
    ids = _ids(lib)
    db = lib.location
    lib.close()
    proc = _cli(db, "search", "第35号", "--json")
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    first = hits[0]
    assert first["paragraph_id"] is None
    assert (first["letter_id"], first["section"]) == (ids["停车"], "title")
    assert first["text"] == "关于市十届人大二次会议第35号建议的答复"
    assert first["snippet"] == "关于市十届人大二次会议<mark>第35号</mark>建议的答复"
    assert first["fields"] == [
        {"section": "title", "text": first["text"], "highlights": [[11, 15]]}
    ]
    assert all("第35号" in h["text"] for h in hits)

    text = _cli(db, "search", "十届二次会议 陈志明")
    assert text.returncode == 0, text.stderr
    assert f"[标题+提出人] #{ids['自行']} 2022" in text.stdout
    assert "縣政協「十屆二次會議」第52號提案的答復\u3000「陳志明」" in text.stdout

    role = _cli(db, "search", "感谢", "--role", "委员", "--proposer", "刘芳", "--json")
    assert role.returncode == 0, role.stderr
    assert {h["letter_id"] for h in json.loads(role.stdout)} == {ids["饮水"]}
    number = _cli(db, "search", "会议", "--number", "第108号", "--json")
    assert {(h["letter_id"], h["section"]) for h in json.loads(number.stdout)} >= {
        (ids["饮水"], "title")
    }
    assert {h["letter_id"] for h in json.loads(number.stdout)} == {ids["饮水"]}
    category = _cli(db, "search", "会议", "--category", "Z", "--json")
    assert json.loads(category.stdout) == []
    wrong = _cli(db, "search", "会议", "--role", "局长")
    assert wrong.returncode == 2
    assert "局长" in wrong.stderr
