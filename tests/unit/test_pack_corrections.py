"""A clerk's corrections travel in packs (issue 10, item 4): corrected fields, moved, split and
merged paragraphs, field sources, the reader's lines and the parser version arrive in the
colleague's library; packs made before them still import; bad values are refused."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from desktop.importer import import_file
from desktop.library_rows import LetterDetail
from desktop.packs import PackError, export_pack, import_pack
from desktop.store import LibraryStore
from desktop.understand import PARSER_VERSION
from tests.unit.test_letter_edits import LETTER, _para, _write
from tests.unit.test_packs import _edit_first_letter, _rewrite, _state


@pytest.fixture
def sender(tmp_path: Path) -> Iterator[LibraryStore]:
    with LibraryStore(tmp_path / "a.db") as store:
        yield store


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[LibraryStore]:
    with LibraryStore(tmp_path / "b.db") as store:
        yield store


def _corrected(store: LibraryStore, tmp_path: Path) -> int:
    result = import_file(store, _write(tmp_path))
    assert result.letter_id is not None
    letter_id = result.letter_id
    detail = store.letters.detail(letter_id)
    assert detail is not None
    moved = _para(detail, "同时，通过公开招聘")
    store.letters.edit(
        letter_id,
        fields={
            "agency": "某某县文化广电和旅游局",
            "category": "甲",
            "addressee": "周海燕、陈立群",
        },
        kind="reply",
        sections={moved.paragraph_id: "closing"},
    )
    store.letters.split_paragraph(letter_id, _para(detail, "近年来").position, len("近年来，"))
    return letter_id


def _pack(store: LibraryStore, tmp_path: Path) -> Path:
    target = tmp_path / "资料包.zip"
    export_pack(store, target, include_templates=False)
    return target


def _comparable(detail: LetterDetail | None) -> dict[str, Any]:
    # content_hash: the receiver computes it from the paragraphs as they arrive (split here)
    assert detail is not None
    skip = ("id", "imported_at", "origin", "content_hash")
    out = {k: v for k, v in asdict(detail).items() if k not in skip}
    out["paragraphs"] = [
        {k: v for k, v in p.items() if k != "paragraph_id"} for p in out["paragraphs"]
    ]
    return out


def test_corrections_travel_in_a_pack(
    sender: LibraryStore, receiver: LibraryStore, tmp_path: Path
) -> None:
    letter_id = _corrected(sender, tmp_path)
    report = import_pack(receiver, _pack(sender, tmp_path), templates_dir=tmp_path / "t")
    assert len(report.added) == 1
    receiver.close()
    with LibraryStore(tmp_path / "b.db") as again:
        got = again.letters.detail(report.added[0])
    there = sender.letters.detail(letter_id)
    assert got is not None and there is not None
    assert _comparable(got) == _comparable(there)
    assert got.agency == "某某县文化广电和旅游局" and got.category == "甲"
    assert got.addressee == ["周海燕", "陈立群"]
    assert got.corrected == ["addressee", "agency", "category", "kind", "sections"]
    assert got.sources["agency"] == {"line": None, "rule": "clerk", "certain": True}
    assert _para(got, "同时，通过公开招聘").section == "closing"
    assert [p.text for p in got.paragraphs][2:4] == [
        "近年来，",
        "全县已建成乡镇综合文化站十二个，村级文化活动室覆盖率达到九成。",
    ]
    assert got.source_lines == LETTER.splitlines()
    assert got.parser_version == PARSER_VERSION


def test_the_received_letter_is_found_again_by_its_file_and_by_the_pack(
    sender: LibraryStore, receiver: LibraryStore, tmp_path: Path
) -> None:
    _corrected(sender, tmp_path)
    pack = _pack(sender, tmp_path)
    added = import_pack(receiver, pack, templates_dir=tmp_path / "t").added
    before = _state(receiver)
    again = import_file(receiver, _write(tmp_path, name="同事也有.txt"))
    assert again.status == "duplicate" and again.letter_id == added[0]
    assert import_pack(receiver, pack, templates_dir=tmp_path / "t").added == []
    assert _state(receiver) == before
    detail = receiver.letters.detail(added[0])
    assert detail is not None and detail.agency == "某某县文化广电和旅游局"


def test_the_same_file_corrected_on_both_sides_is_a_duplicate(
    sender: LibraryStore, receiver: LibraryStore, tmp_path: Path
) -> None:
    _corrected(sender, tmp_path)
    own = import_file(receiver, _write(tmp_path, name="own.txt")).letter_id
    assert own is not None
    merged = receiver.letters.merge_paragraphs(own, 0).paragraphs  # another content hash
    report = import_pack(receiver, _pack(sender, tmp_path), templates_dir=tmp_path / "t")
    assert report.added == [] and report.duplicates == [{"line": 1, "existing_id": own}]
    detail = receiver.letters.detail(own)
    assert detail is not None
    # the structure edited here stays; the fields corrected there come
    assert detail.paragraphs == merged
    assert detail.corrected == ["addressee", "agency", "category", "kind", "sections"]


_NEW_KEYS = ("source_lines", "field_sources", "corrections", "parser_version")


def test_a_pack_from_before_corrections_still_imports(
    sender: LibraryStore, receiver: LibraryStore, tmp_path: Path
) -> None:
    _corrected(sender, tmp_path)

    def strip(data: bytes) -> bytes:
        out = []
        for line in data.rstrip(b"\n").split(b"\n"):
            letter = json.loads(line)
            for key in _NEW_KEYS:
                del letter[key]
            out.append(json.dumps(letter, ensure_ascii=False).encode())
        return b"\n".join(out) + b"\n"

    old = _rewrite(_pack(sender, tmp_path), tmp_path / "old.zip", letters=strip, rehash=True)
    added = import_pack(receiver, old, templates_dir=tmp_path / "t").added
    detail = receiver.letters.detail(added[0])
    assert detail is not None
    assert detail.agency == "某某县文化广电和旅游局"  # the values themselves came
    assert detail.corrected == [] and detail.sources == {}
    assert detail.source_lines == [] and detail.parser_version is None


def test_corrections_of_a_newer_version_keep_only_what_this_one_knows(
    sender: LibraryStore, receiver: LibraryStore, tmp_path: Path
) -> None:
    _corrected(sender, tmp_path)

    def newer(letter: dict[str, Any]) -> None:
        letter["corrections"]["fields"]["signer"] = "李四"
        letter["field_sources"]["signer"] = {"line": 3, "rule": "signer_line", "certain": False}

    pack = _rewrite(
        _pack(sender, tmp_path), tmp_path / "n.zip", letters=_edit_first_letter(newer), rehash=True
    )
    added = import_pack(receiver, pack, templates_dir=tmp_path / "t").added
    detail = receiver.letters.detail(added[0])
    assert detail is not None
    assert "signer" not in detail.corrected and "agency" in detail.corrected
    assert detail.sources["signer"]["rule"] == "signer_line"


BAD: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("lines not a list", lambda d: d.update(source_lines="全文"), "“source_lines”"),
    ("a line not text", lambda d: d.update(source_lines=["一", 2]), "“source_lines”"),
    ("lone surrogate", lambda d: d.update(source_lines=["\ud800"]), "无效的字符"),
    ("source not an object", lambda d: d.update(field_sources=[1]), "“field_sources”"),
    (
        "line out of range",
        lambda d: d["field_sources"].update(agency={"line": -4, "rule": "x", "certain": True}),
        "“field_sources”",
    ),
    ("certain not bool", lambda d: d["field_sources"].update(x={"rule": "r", "certain": 1}), "x"),
    ("corrections not an object", lambda d: d.update(corrections="all"), "“corrections”"),
    (
        "a corrected date that does not exist",
        lambda d: d["corrections"]["fields"].update(reply_date="2024-02-30"),
        "“reply_date”",
    ),
    ("bad kind", lambda d: d["corrections"].update(kind="memo"), "“kind”"),
    ("bad sections flag", lambda d: d["corrections"].update(sections="yes"), "“sections”"),
    ("huge parser version", lambda d: d.update(parser_version=2**70), "“parser_version”"),
]


@pytest.mark.parametrize("bad", BAD, ids=[b[0] for b in BAD])
def test_bad_correction_values_refuse_the_pack(
    bad: tuple[str, Callable[[dict[str, Any]], None], str],
    sender: LibraryStore,
    receiver: LibraryStore,
    tmp_path: Path,
) -> None:
    _, edit, needle = bad
    _corrected(sender, tmp_path)
    pack = _rewrite(
        _pack(sender, tmp_path), tmp_path / "bad.zip", letters=_edit_first_letter(edit), rehash=True
    )
    before = _state(receiver)
    with pytest.raises(PackError) as info:
        import_pack(receiver, pack, templates_dir=tmp_path / "t")
    assert "第 1 行无效" in info.value.message and needle in info.value.message
    assert _state(receiver) == before


def test_a_letter_held_on_both_sides_takes_the_corrections_not_made_here(
    sender: LibraryStore, receiver: LibraryStore, tmp_path: Path
) -> None:
    there = _corrected(sender, tmp_path)
    mine = import_file(receiver, _write(tmp_path, name="mine.txt")).letter_id
    assert mine is not None
    receiver.letters.edit(mine, fields={"agency": "本地更正的单位"})  # the clerk here wins
    pack = _pack(sender, tmp_path)
    report = import_pack(receiver, pack, templates_dir=tmp_path / "t")
    assert report.added == [] and report.corrected == [mine]
    assert report.to_json()["corrected_ids"] == [mine]
    assert "1 份文件采用了同事的更正" in report.summary_zh()
    got = receiver.letters.detail(mine)
    sent = sender.letters.detail(there)
    assert got is not None and sent is not None
    assert got.agency == "本地更正的单位"
    assert got.category == "甲" and got.addressee == ["周海燕", "陈立群"]
    assert got.corrected == ["addressee", "agency", "category", "kind", "sections"]
    assert [(p.text, p.section) for p in got.paragraphs] == [
        (p.text, p.section) for p in sent.paragraphs
    ]
    assert receiver.integrity_check() == "ok"
    # once taken, the same pack changes nothing more
    before = _state(receiver), receiver.letters.detail(mine)
    again = import_pack(receiver, pack, templates_dir=tmp_path / "t")
    assert again.corrected == [] and (_state(receiver), receiver.letters.detail(mine)) == before


def test_a_pack_back_into_its_own_library_changes_nothing(
    sender: LibraryStore, tmp_path: Path
) -> None:
    letter_id = _corrected(sender, tmp_path)
    pack = _pack(sender, tmp_path)
    before = _state(sender), sender.letters.detail(letter_id)
    report = import_pack(sender, pack, templates_dir=tmp_path / "t")
    assert report.added == [] and report.corrected == []
    assert (_state(sender), sender.letters.detail(letter_id)) == before


def test_an_offered_date_travels_in_a_pack(
    sender: LibraryStore, receiver: LibraryStore, tmp_path: Path
) -> None:
    # a signature date that lost its 年月日 is offered, not stored; the offer travels too
    path = _write(tmp_path, LETTER.replace("2024年6月18日", "2024618"), name="缺字.txt")
    assert import_file(sender, path).status == "imported"
    import_pack(receiver, _pack(sender, tmp_path))
    (letter,) = receiver.letters.all()
    detail = receiver.letters.detail(letter.id)
    assert detail is not None and detail.reply_date is None
    assert detail.sources["reply_date"]["suggestion"] == "2024-06-18"
