"""The clerk corrects the library (issue 10, item 4, store side): fields, kind, sections,
split and merge, delete and restore, re-parse that keeps the clerk's corrections, and the
duplicate check that still finds a corrected letter. Real SQLite files, reopened."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from desktop.importer import import_file
from desktop.letter_identity import source_hash
from desktop.library_rows import LetterDetail, ParagraphRow
from desktop.model import Block, FieldSource
from desktop.search import search
from desktop.store import LetterEditError, LetterNotFound, LibraryReadOnly, LibraryStore
from desktop.understand import PARSER_VERSION, parse_letter
from tests.conftest import FIXTURES, ROOT, make_letter
from tests.unit.test_case_sent import rows

LETTER = """\
B类
关于加快乡村文化站建设的建议的答复
周海燕代表：
您在县十七届人大三次会议上提出的关于加快乡村文化站建设的建议收悉，感谢您对文化工作的关心。现答复如下：
近年来，全县已建成乡镇综合文化站十二个，村级文化活动室覆盖率达到九成。
部分文化站设备老化、专职人员不足的问题依然存在。
下一步，我局将争取专项资金，分两年完成设备更新。
同时，通过公开招聘充实专职管理人员。
再次感谢您对文化事业的支持。
某某县文化和旅游局
2024年6月18日
"""


def _write(tmp_path: Path, text: str = LETTER, name: str = "文化站.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _dump(path: Path | str) -> list[str]:
    """The whole database as SQL (a server's: its tables' rows), through a connection of its
    own."""
    if isinstance(path, str):
        with LibraryStore(path) as other:
            return [
                f"{table}: {tuple(row)!r}"
                for table in other.db.table_names()
                for row in sorted(other.db.execute(f"SELECT * FROM {table}").fetchall())
            ]
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def lib(engine_location: Path) -> Path:
    """The library's location on each engine (tests/conftest.py: engine_location): a file,
    then a server's URL — both open with LibraryStore(lib)."""
    return engine_location


def _imported(lib: Path, tmp_path: Path) -> int:
    with LibraryStore(lib) as store:
        result = import_file(store, _write(tmp_path))
    assert result.status == "imported", result
    assert result.letter_id is not None
    return result.letter_id


def _para(detail: LetterDetail, start: str) -> ParagraphRow:
    found = [p for p in detail.paragraphs if p.text.startswith(start)]
    assert len(found) == 1, [p.text for p in detail.paragraphs]
    return found[0]


# ------------------------------------------------------------------------------ import


def test_import_keeps_the_lines_their_hash_and_the_parser_version(
    lib: Path, tmp_path: Path
) -> None:
    letter_id = _imported(lib, tmp_path)
    (row,) = rows(
        lib,
        "SELECT s.source_text, source_hash, field_sources, corrections, parser_version"
        " FROM letters l JOIN letter_sources s ON s.letter_id = l.id WHERE l.id = ?",
        letter_id,
    )
    lines = json.loads(row[0])
    assert lines == LETTER.splitlines()
    assert row[1] == source_hash(lines)
    assert isinstance(json.loads(row[2]), dict)
    assert json.loads(row[3]) == {}
    assert row[4] == PARSER_VERSION
    with LibraryStore(lib) as store:
        detail = store.letters.detail(letter_id)
        assert store.letters.detail(letter_id + 100) is None
    assert detail is not None
    assert detail.source_lines == lines
    assert detail.corrected == [] and detail.parser_version == PARSER_VERSION
    assert detail.kind == "reply" and detail.category == "B"
    assert detail.addressee == ["周海燕"]
    assert [p.position for p in detail.paragraphs] == list(range(len(detail.paragraphs)))
    assert {"paragraph_id", "section", "is_heading", "text", "original"} <= set(
        asdict(detail.paragraphs[0])
    )


def test_field_sources_of_the_parse_are_stored(lib: Path) -> None:
    letter = make_letter([("status", "全县已建成文化站十二个。")])
    letter.sources = {"agency": FieldSource(7, "signature_agency", False)}
    letter.source_lines = ["某某县文化和旅游局", "全县已建成文化站十二个。"]
    with LibraryStore(lib) as store:
        letter_id = store.letters.add(
            letter, content_hash="x", source_path=None, source_format=None, parser_version=1
        )
    with LibraryStore(lib) as store:
        detail = store.letters.detail(letter_id)
    assert detail is not None
    assert detail.sources == {"agency": {"line": 7, "rule": "signature_agency", "certain": False}}


def test_a_corrected_letter_imported_again_is_a_duplicate_and_keeps_its_corrections(
    lib: Path, tmp_path: Path
) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        detail = store.letters.detail(letter_id)
        assert detail is not None
        moved = _para(detail, "同时，通过公开招聘")
        assert moved.section == "plan"
        store.letters.edit(
            letter_id,
            fields={"agency": "某某县文化广电和旅游局", "reply_date": "2024-06-20"},
            kind="reference",
            sections={moved.paragraph_id: "closing"},
        )
        store.letters.merge_paragraphs(letter_id, _para(detail, "近年来").position)
    before = _dump(lib)
    with LibraryStore(lib) as store:
        again = import_file(store, _write(tmp_path, name="再次.txt"))
    assert again.status == "duplicate" and again.letter_id == letter_id
    assert _dump(lib) == before
    with LibraryStore(lib) as store:
        detail = store.letters.detail(letter_id)
    assert detail is not None
    assert detail.agency == "某某县文化广电和旅游局" and detail.reply_date == "2024-06-20"
    assert detail.kind == "reference"
    assert _para(detail, "同时，通过公开招聘").section == "closing"
    assert _para(detail, "近年来").text.endswith("部分文化站设备老化、专职人员不足的问题依然存在。")
    assert detail.corrected == ["agency", "kind", "reply_date", "sections"]


def test_the_same_lines_are_a_duplicate_after_a_newer_parser_changed_the_content_hash(
    lib: Path, tmp_path: Path
) -> None:
    letter_id = _imported(lib, tmp_path)
    reread = parse_letter(LETTER.splitlines())
    reread.blocks = reread.blocks[:-1]  # a different reading: another content hash
    with LibraryStore(lib) as store:
        old_hash = store.letters.get(letter_id).content_hash  # type: ignore[index]
        assert store.letters.apply_reparse(letter_id, reread, PARSER_VERSION + 1)
        assert store.letters.get(letter_id).content_hash != old_hash  # type: ignore[index]
        # saved again from Word: other white space, a half-width comma, a zero-width space
        text = LETTER.replace("，感谢", ", 感谢").replace("\n", " \n").replace("近年", "近\u200b年")
        again = import_file(store, _write(tmp_path, text, "b.txt"))
    assert again.status == "duplicate" and again.letter_id == letter_id


# ------------------------------------------------------------------------------ edit


def test_edit_sets_fields_records_them_and_reopens_the_same(lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        got = store.letters.edit(
            letter_id,
            fields={
                "addressee": "周海燕、陈立群，吴越",
                "co_organizers": ["县财政局", " 县人社局 "],
                "reply_date": "2025-01-09",
                "category": "a",
                "proposal_number": "第37号",
                "答复单位": "某某县文旅局",
                "contact_phone": "",
            },
        )
    with LibraryStore(lib) as store:
        detail = store.letters.detail(letter_id)
    assert detail == got
    assert detail.addressee == ["周海燕", "陈立群", "吴越"]
    assert detail.addressee_count == 3
    assert detail.co_organizers == ["县财政局", "县人社局"]
    assert detail.reply_date == "2025-01-09" and detail.year == 2025
    assert detail.category == "A" and detail.proposal_number == "37"
    assert detail.agency == "某某县文旅局" and detail.contact_phone is None
    clerk = {"line": None, "rule": "clerk", "certain": True}
    for name in ("addressee", "co_organizers", "reply_date", "category", "agency"):
        assert detail.sources[name] == clerk
    assert detail.corrected == sorted(
        ["addressee", "co_organizers", "reply_date", "category", "proposal_number", "agency",
         "contact_phone"]
    )  # fmt: skip
    # paragraphs remember the newest year of their letters
    years = {r[0] for r in rows(lib,
        "SELECT p.latest_year FROM paragraphs p JOIN letter_paragraphs lp"
        " ON lp.paragraph_id = p.id WHERE lp.letter_id = ?", letter_id)}  # fmt: skip
    assert years == {2025}
    stored = json.loads(rows(lib, "SELECT corrections FROM letters WHERE id = ?", letter_id)[0][0])
    assert stored["fields"]["addressee"] == ["周海燕", "陈立群", "吴越"]


def test_an_earlier_reply_date_lowers_the_paragraphs_latest_year(lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)

    def years(store: LibraryStore) -> set[int | None]:
        return {
            r[0]
            for r in store.db.execute(
                "SELECT p.latest_year FROM paragraphs p JOIN letter_paragraphs lp"
                " ON lp.paragraph_id = p.id WHERE lp.letter_id = ?",
                [letter_id],
            )
        }

    with LibraryStore(lib) as store:
        assert years(store) == {2024}
        store.letters.edit(letter_id, fields={"reply_date": "2019-03-01"})
        assert years(store) == {2019}
        store.letters.edit(letter_id, fields={"reply_date": None})
        assert store.letters.detail(letter_id).year is None  # type: ignore[index]
        assert years(store) == {None}


def test_a_new_title_is_what_similar_letters_find(lib: Path, tmp_path: Path) -> None:
    from desktop.words import topic_words

    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        before = store.letters.get(letter_id)
        assert before is not None
        old_title = str(before.proposal_title or before.title)
        store.letters.edit(letter_id, fields={"proposal_title": "关于扶持非遗传承人的建议"})
        new_words = set(topic_words("关于扶持非遗传承人的建议"))
        old_words = set(topic_words(old_title)) - new_words
        assert new_words and old_words
        found = store.similar.best_titles({w: 1.0 for w in new_words}, 10)
        old = store.similar.best_titles({w: 1.0 for w in old_words}, 10)
    assert [r[0] for r in found] == [letter_id]
    assert letter_id not in [r[0] for r in old]


def test_sections_move_every_place_of_a_paragraph(lib: Path) -> None:
    text = "特此答复。"
    letter = make_letter([("status", "甲乙丙丁事项已办结。"), ("plan", text), ("plan", text)])
    with LibraryStore(lib) as store:
        letter_id = store.letters.add(
            letter, content_hash="h", source_path=None, source_format=None
        )
        pid = store.letters.detail(letter_id).paragraphs[1].paragraph_id  # type: ignore[index]
        got = store.letters.edit(letter_id, sections={str(pid): "结尾"})  # type: ignore[dict-item]
    assert [p.section for p in got.paragraphs] == ["status", "closing", "closing"]
    assert got.corrected == ["sections"]


BAD_EDITS: list[tuple[str, dict[str, Any], str]] = [
    ("unknown field", {"fields": {"agency": "甲局", "colour": "红"}}, "colour"),
    ("year by hand", {"fields": {"year": 2020}}, "答复日期"),
    ("no such day", {"fields": {"agency": "甲局", "reply_date": "2023-02-30"}}, "2023-02-30"),
    ("not a date", {"fields": {"reply_date": "明年春天"}}, "日期"),
    ("chinese date", {"fields": {"reply_date": "2023年5月6日"}}, "2020-05-29"),
    ("bad category", {"fields": {"category": "E"}}, "答复类别"),
    ("bad role", {"fields": {"addressee_role": "市长"}}, "收件人身份"),
    ("bad count", {"fields": {"addressee_count": "许多"}}, "联名人数"),
    ("bad number", {"fields": {"proposal_number": "九十四"}}, "编号"),
    ("two lines", {"fields": {"agency": "甲局\n乙局"}}, "一行"),
    ("bad kind", {"kind": "memo", "fields": {"agency": "甲局"}}, "reply"),
    ("bad section", {"sections": {1: "ending"}, "fields": {"agency": "甲局"}}, "ending"),
    ("paragraph not here", {"sections": {99999: "closing"}, "fields": {"agency": "甲局"}}, "99999"),
    ("id not a number", {"sections": {"七": "closing"}}, "七"),
]


@pytest.mark.parametrize("edit", BAD_EDITS, ids=[e[0] for e in BAD_EDITS])
def test_a_bad_edit_says_why_in_one_line_and_changes_nothing(
    edit: tuple[str, dict[str, Any], str], lib: Path, tmp_path: Path
) -> None:
    _, kwargs, said = edit
    letter_id = _imported(lib, tmp_path)
    before = _dump(lib)
    with LibraryStore(lib) as store, pytest.raises(LetterEditError) as info:
        store.letters.edit(letter_id, **kwargs)
    assert said in info.value.message
    assert "\n" not in info.value.message and "没有做任何修改" in info.value.message
    assert _dump(lib) == before


@pytest.mark.parametrize("call", ["edit", "split", "merge", "delete", "snapshot", "reparse"])
def test_a_letter_that_does_not_exist_is_a_message(call: str, lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)
    before = _dump(lib)
    missing = letter_id + 41 if call != "edit" else 2**70  # past SQLite's integers too
    with LibraryStore(lib) as store, pytest.raises(LetterNotFound) as info:
        if call == "edit":
            store.letters.edit(missing, fields={"agency": "甲局"})
        elif call == "split":
            store.letters.split_paragraph(missing, 0, 1)
        elif call == "merge":
            store.letters.merge_paragraphs(missing, 0)
        elif call == "delete":
            store.letters.delete(missing)
        elif call == "snapshot":
            store.letters.snapshot(missing)
        else:
            store.letters.apply_reparse(missing, parse_letter(LETTER.splitlines()), 9)
    assert str(missing) in info.value.message and isinstance(info.value, LetterEditError)
    assert _dump(lib) == before


# ------------------------------------------------------------------------------ split / merge


def test_split_renumbers_shares_rows_by_hash_and_keeps_search_right(lib: Path) -> None:
    first, second = "部分文化站设备老化。", "专职人员不足的问题依然存在。"
    with LibraryStore(lib) as store:
        other = store.letters.add(
            make_letter([("status", second), ("plan", "另一封信的计划。")]),
            content_hash="o", source_path=None, source_format=None,
        )  # fmt: skip
        letter_id = store.letters.add(
            make_letter(
                [("greeting", "您的建议收悉。"), ("status", first + second), ("plan", "下一步。")],
                date="2024-06-18",
            ),
            content_hash="l", source_path=None, source_format=None,
        )  # fmt: skip
        shared = store.letters.detail(other).paragraphs[0].paragraph_id  # type: ignore[index]
        whole = store.letters.detail(letter_id).paragraphs[1].paragraph_id  # type: ignore[index]
        got = store.letters.split_paragraph(letter_id, 1, len(first))
    with LibraryStore(lib) as store:
        detail = store.letters.detail(letter_id)
        assert detail == got
        assert [(p.position, p.section, p.text) for p in detail.paragraphs] == [
            (0, "greeting", "您的建议收悉。"),
            (1, "status", first),
            (2, "status", second),
            (3, "plan", "下一步。"),
        ]
        assert detail.paragraphs[2].paragraph_id == shared  # the other letter's row
        assert detail.paragraphs[1].original == first
        assert detail.corrected == ["sections"]
        ids = {r[0] for r in store.db.execute("SELECT id FROM paragraphs")}
        assert whole not in ids  # no letter uses the unsplit paragraph any more
        assert store.integrity_check() == "ok"
        assert [h.letter_id for h in search(store, "设备老化")] == [letter_id]
        assert not search(store, "老化。专职")
        latest = store.db.execute(
            "SELECT latest_year FROM paragraphs WHERE id = ?", [shared]
        ).fetchone()[0]
        assert latest == 2024


def test_split_finds_the_place_in_the_original_text(lib: Path) -> None:
    original = "建成文化站12个, 覆盖率达到90%.下一步 将继续推进。"
    letter = make_letter([("status", original)])
    with LibraryStore(lib) as store:
        letter_id = store.letters.add(
            letter, content_hash="x", source_path=None, source_format=None
        )
        text = store.letters.detail(letter_id).paragraphs[0].text  # type: ignore[index]
        assert text != original
        got = store.letters.split_paragraph(letter_id, 0, text.index("下一步"))
    assert [p.original for p in got.paragraphs] == [
        "建成文化站12个, 覆盖率达到90%.",
        "下一步 将继续推进。",
    ]


def test_merge_joins_with_the_next_and_removes_unused_rows(lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        detail = store.letters.detail(letter_id)
        assert detail is not None
        at = _para(detail, "下一步，我局").position
        a, b = detail.paragraphs[at], detail.paragraphs[at + 1]
        count = len(detail.paragraphs)
        got = store.letters.merge_paragraphs(letter_id, at)
        merged = got.paragraphs[at]
        assert merged.text == a.text + b.text
        assert merged.original == a.original + b.original
        assert merged.section == a.section
        assert [p.position for p in got.paragraphs] == list(range(count - 1))
        ids = {r[0] for r in store.db.execute("SELECT id FROM paragraphs")}
        assert a.paragraph_id not in ids and b.paragraph_id not in ids
        assert [h.letter_id for h in search(store, "完成设备更新。同时")] == [letter_id]
        assert store.integrity_check() == "ok"


@pytest.mark.parametrize(
    "call",
    [("split", 0, 0), ("split", 0, 10_000), ("split", 50, 2), ("merge", -1), ("merge", "last")],
)
def test_a_split_or_merge_that_cannot_be_done_changes_nothing(
    call: tuple[Any, ...], lib: Path, tmp_path: Path
) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        last = len(store.letters.detail(letter_id).paragraphs) - 1  # type: ignore[index]
    before = _dump(lib)
    with LibraryStore(lib) as store, pytest.raises(LetterEditError) as info:
        if call[0] == "split":
            store.letters.split_paragraph(letter_id, call[1], call[2])
        else:
            store.letters.merge_paragraphs(letter_id, last if call[1] == "last" else call[1])
    assert "没有做任何修改" in info.value.message
    assert _dump(lib) == before


# ------------------------------------------------------------------------------ delete / restore


def test_delete_keeps_shared_paragraphs_and_restore_puts_the_letter_back(lib: Path) -> None:
    shared = "感谢您对科技工作的关心和支持。"
    with LibraryStore(lib) as store:
        keep = store.letters.add(
            make_letter([("status", "保留的信。"), ("closing", shared)]),
            content_hash="k", source_path=None, source_format=None,
        )  # fmt: skip
        own = [("status", "要删的信独有的段落。"), ("closing", shared)]
        gone = store.letters.add(
            make_letter(own, date="2026-01-05"),
            content_hash="g", source_path=None, source_format=None,
        )  # fmt: skip
        store.letters.edit(gone, fields={"agency": "某局"}, kind="reference")
        before = store.letters.detail(gone)
        snapshot = store.letters.delete(gone)
    after_delete = _dump(lib)
    with LibraryStore(lib) as store:
        assert store.letters.detail(gone) is None
        texts = {r[0]: r[1] for r in store.db.execute("SELECT text, latest_year FROM paragraphs")}
        assert "要删的信独有的段落。" not in texts
        assert texts[shared] == 2020  # only the kept letter (2020) uses it now
        assert store.letters.detail(keep) is not None
        assert not search(store, "独有的段落")
        assert store.integrity_check() == "ok"
    json.dumps(asdict(snapshot))  # plain JSON values: the window may keep it anywhere
    with LibraryStore(lib) as store:
        assert store.letters.restore(snapshot) == gone
    with LibraryStore(lib) as store:
        restored = store.letters.detail(gone)
        assert restored is not None and before is not None
        assert _without_ids(restored) == _without_ids(before)
        assert [h.letter_id for h in search(store, "独有的段落")] == [gone]
        assert (
            store.db.execute(
                "SELECT latest_year FROM paragraphs WHERE text = ?", [shared]
            ).fetchone()[0]
            == 2026
        )
    assert _dump(lib) != after_delete


def _without_ids(detail: LetterDetail | None) -> dict[str, Any]:
    assert detail is not None
    out = asdict(detail)
    out["paragraphs"] = [
        {k: v for k, v in p.items() if k != "paragraph_id"} for p in out["paragraphs"]
    ]
    return out


def test_restore_uses_a_new_id_when_the_old_one_is_taken(tmp_path: Path) -> None:
    # SQLite's alone: PostgreSQL never gives an id twice (identity), so no import takes it.
    with LibraryStore(tmp_path / "library.db") as store:
        first = store.letters.add(
            make_letter(["第一封。"]), content_hash="1", source_path=None, source_format=None
        )
        snapshot = store.letters.delete(first)
        # the next import takes the freed id (SQLite reuses the highest rowid)
        other = store.letters.add(
            make_letter(["第二封。"]), content_hash="2", source_path=None, source_format=None
        )
        assert other == first
        back = store.letters.restore(snapshot)
        assert back != first
        assert store.letters.detail(back).paragraphs[0].text == "第一封。"  # type: ignore[index]
        assert store.letters.detail(first).paragraphs[0].text == "第二封。"  # type: ignore[index]


def test_restore_refuses_when_the_letter_came_back_by_import(lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        store.letters.add(
            make_letter(["后来的信。"]), content_hash="n", source_path=None, source_format=None
        )
        snapshot = store.letters.delete(letter_id)
        again = import_file(store, _write(tmp_path, name="again.txt"))
        assert again.status == "imported" and again.letter_id != letter_id
    before = _dump(lib)
    with LibraryStore(lib) as store, pytest.raises(LetterEditError, match="已经有同一份文件"):
        store.letters.restore(snapshot)
    assert _dump(lib) == before


def test_a_snapshot_undoes_an_edit_in_place(lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        original = store.letters.detail(letter_id)
        snapshot = store.letters.snapshot(letter_id)
        store.letters.edit(letter_id, fields={"agency": "某局", "reply_date": "2001-01-01"})
        store.letters.split_paragraph(letter_id, 2, 3)
        assert store.letters.restore(snapshot) == letter_id
        assert store.letters.count() == 1
        back = store.letters.detail(letter_id)
        assert back is not None and original is not None
        assert _without_ids(back) == _without_ids(original) and back.corrected == []
        assert store.integrity_check() == "ok"


# ------------------------------------------------------------------------------ re-parse


def test_reparse_replaces_what_the_clerk_did_not_correct(lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        assert store.letters.for_reparse() == []
        assert store.letters.for_reparse(current=PARSER_VERSION + 1) == [letter_id]
        assert store.letters.for_reparse(all=True) == [letter_id]
        store.letters.edit(letter_id, fields={"agency": "文旅局（更正）"})
        reread = parse_letter(LETTER.splitlines())
        reread.agency = "新解析的单位"
        reread.category = "C"
        reread.sources = {
            "category": FieldSource(0, "category_line", True),
            "agency": FieldSource(11, "signature", True),
        }
        reread.blocks[1].section = "closing"
        assert store.letters.apply_reparse(letter_id, reread, PARSER_VERSION + 1)
        assert store.letters.for_reparse(current=PARSER_VERSION + 1) == []
    with LibraryStore(lib) as store:
        detail = store.letters.detail(letter_id)
    assert detail is not None
    assert detail.agency == "文旅局（更正）" and detail.category == "C"
    assert detail.sources["agency"]["rule"] == "clerk"
    assert detail.sources["category"] == {"line": 0, "rule": "category_line", "certain": True}
    assert detail.paragraphs[1].section == "closing"
    assert detail.parser_version == PARSER_VERSION + 1


def test_reparse_keeps_the_clerks_kind_and_structure(lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        store.letters.edit(letter_id, kind="reference")
        store.letters.merge_paragraphs(letter_id, 2)
        kept = store.letters.detail(letter_id).paragraphs  # type: ignore[index]
        reread = parse_letter(LETTER.splitlines())
        reread.blocks = [Block("完全不同的段落。", "完全不同的段落。", "status")]
        reread.reply_date = "2024-07-01"
        assert store.letters.apply_reparse(letter_id, reread, PARSER_VERSION + 1)
        detail = store.letters.detail(letter_id)
        assert detail is not None
        assert detail.kind == "reference" and detail.paragraphs == kept
        assert detail.reply_date == "2024-07-01"
        # the same reading again changes nothing
        assert not store.letters.apply_reparse(letter_id, reread, PARSER_VERSION + 1)


def test_reparse_keeps_the_hash_another_letter_has(lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        other = store.letters.add(
            make_letter([("status", "另一份文件的正文。")]),
            content_hash="clash", source_path=None, source_format=None,
        )  # fmt: skip
        reread = parse_letter(LETTER.splitlines())
        reread.blocks = [Block("另一份文件的正文。", "另一份文件的正文。", "status")]
        reread.kind = "reply"
        from desktop.letter_identity import content_hash

        store.db.execute(
            "UPDATE letters SET content_hash = ? WHERE id = ?", [content_hash(reread), other]
        )
        store.db.conn.commit()
        old = store.letters.get(letter_id).content_hash  # type: ignore[index]
        assert store.letters.apply_reparse(letter_id, reread, PARSER_VERSION + 1)
        assert store.letters.get(letter_id).content_hash == old  # type: ignore[index]
        assert store.integrity_check() == "ok"


def test_letters_from_before_v7_have_no_lines_and_are_not_reparsed(tmp_path: Path) -> None:
    path = tmp_path / "library-v6.db"
    shutil.copy(FIXTURES / "library-v6.db", path)
    with LibraryStore(path, backup_dir=tmp_path / "b") as store:
        ids = [row.id for row in store.letters.all()]
        assert store.letters.for_reparse(all=True) == []
        detail = store.letters.detail(ids[0])
        assert detail is not None
        assert detail.source_lines == [] and detail.parser_version is None
        assert detail.sources == {} and detail.corrected == []
        # an old letter can be corrected all the same
        got = store.letters.edit(ids[0], fields={"category": "丙"})
        assert got.category == "丙" and got.corrected == ["category"]


def test_the_v7_fixture_keeps_its_corrections(tmp_path: Path) -> None:
    path = tmp_path / "library-v7.db"
    shutil.copy(FIXTURES / "library-v7.db", path)
    with LibraryStore(path, backup_dir=tmp_path / "b") as store:
        one = store.letters.detail(1)
        four = store.letters.detail(4)
        assert store.letters.for_reparse(all=True) == [4]
    assert one is not None and four is not None
    assert one.corrected == ["category", "contact_name", "sections"]
    assert one.category == "A" and one.contact_name == "张明"
    assert four.corrected == ["sections", "title"] and four.parser_version == 1
    assert four.source_lines and four.sources["title"]["rule"] == "clerk"
    # the hash of the lines must never change between versions: it finds the file again
    assert four.source_hash == source_hash(four.source_lines)


# ------------------------------------------------------------------------------ two processes

_EDIT_IN_ANOTHER_PROCESS = """
import sys
from desktop.store import LibraryStore
with LibraryStore(sys.argv[1]) as store:
    store.letters.edit(int(sys.argv[2]), fields={"agency": "另一个程序改的单位"}, kind="reference")
    store.letters.delete(int(sys.argv[3]))
"""


def test_an_edit_in_another_process_is_seen_here(lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        other = store.letters.add(
            make_letter(["别的信。"]), content_hash="z", source_path=None, source_format=None
        )
        assert store.letters.detail(letter_id).agency != "另一个程序改的单位"  # type: ignore[index]
        done = subprocess.run(
            [sys.executable, "-c", _EDIT_IN_ANOTHER_PROCESS, str(lib), str(letter_id), str(other)],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        detail = store.letters.detail(letter_id)
        assert detail is not None
        assert detail.agency == "另一个程序改的单位" and detail.kind == "reference"
        assert detail.corrected == ["agency", "kind"]
        assert store.letters.detail(other) is None


def test_delete_removes_the_kept_lines_and_restore_brings_them_back(
    lib: Path, tmp_path: Path
) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        snapshot = store.letters.delete(letter_id)
        assert store.db.execute("SELECT count(*) FROM letter_sources").fetchone()[0] == 0
        assert store.db.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 0
        assert store.letters.restore(snapshot) == letter_id
    with LibraryStore(lib) as store:
        detail = store.letters.detail(letter_id)
        assert detail is not None and detail.source_lines == LETTER.splitlines()
        assert store.letters.for_reparse(all=True) == [letter_id]
        again = import_file(store, _write(tmp_path, name="c.txt"))
        assert again.status == "duplicate" and again.letter_id == letter_id


def test_a_read_only_library_shows_letters_and_refuses_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = tmp_path / "library.db"  # a file on a read-only medium: SQLite's alone
    letter_id = _imported(lib, tmp_path)
    before = _dump(lib)
    monkeypatch.setattr("desktop.store.open_files.read_only_location", lambda path: True)
    with LibraryStore(lib) as store:
        assert store.read_only
        detail = store.letters.detail(letter_id)
        assert detail is not None and detail.source_lines
        for change in (
            lambda: store.letters.edit(letter_id, fields={"agency": "甲局"}),
            lambda: store.letters.merge_paragraphs(letter_id, 0),
            lambda: store.letters.delete(letter_id),
        ):
            with pytest.raises(LibraryReadOnly):
                change()
    assert _dump(lib) == before


def test_an_id_past_64_bits_is_no_letter(lib: Path) -> None:
    with LibraryStore(lib) as store:
        assert store.letters.detail(2**64) is None
        with pytest.raises(LetterNotFound):
            store.letters.snapshot(2**64)


def test_undo_across_a_re_read_restores_in_place(lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        snapshot = store.letters.snapshot(letter_id)
        store.letters.edit(letter_id, fields={"agency": "某局"})
        reread = parse_letter(LETTER.splitlines())
        reread.blocks = reread.blocks[:-1]
        store.letters.apply_reparse(letter_id, reread, PARSER_VERSION + 1)  # another content hash
        assert store.letters.restore(snapshot) == letter_id
        assert store.letters.count() == 1
        assert store.letters.detail(letter_id).corrected == []  # type: ignore[index]


def test_restore_refuses_when_the_same_lines_came_back(lib: Path, tmp_path: Path) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        store.letters.add(
            make_letter(["后来的信。"]), content_hash="n", source_path=None, source_format=None
        )
        snapshot = store.letters.delete(letter_id)
        snapshot.letter["content_hash"] = "as a newer parser read it"
        assert import_file(store, _write(tmp_path, name="again.txt")).status == "imported"
    before = _dump(lib)
    with LibraryStore(lib) as store, pytest.raises(LetterEditError, match="已经有同一份文件"):
        store.letters.restore(snapshot)
    assert _dump(lib) == before


def test_a_letter_deleted_by_another_program_right_after_an_edit_is_a_message(
    lib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        # what the edit reads back after its commit: gone (deleted by another program)
        monkeypatch.setattr(store.letters, "detail", lambda letter_id: None)
        with pytest.raises(LetterNotFound):
            store.letters.edit(letter_id, fields={"agency": "甲局"})
        with pytest.raises(LetterNotFound):
            store.letters.merge_paragraphs(letter_id, 0)


@pytest.mark.parametrize(
    ("typed", "kept"), [("第T014号", "T014"), ("台52号", "台52"), ("021", "021")]
)
def test_a_proposal_number_is_kept_as_printed(
    typed: str, kept: str, lib: Path, tmp_path: Path
) -> None:
    # the parser keeps numbers as printed (a delegation's mark, a letter, leading zeros), so
    # the clerk may type them that way too
    letter_id = _imported(lib, tmp_path)
    with LibraryStore(lib) as store:
        detail = store.letters.edit(letter_id, fields={"proposal_number": typed})
    assert detail.proposal_number == kept
