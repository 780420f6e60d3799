"""Colleague packs: export, verify, merge; every bad pack refused with the library untouched."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import io
import json
import re
import secrets
import shutil
import sqlite3
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from docx import Document

import desktop.packs.export
import desktop.packs.merge
import desktop.packs.templates
import desktop.safe_write
import desktop.store.letters
from desktop.importer import content_hash, import_paths
from desktop.library_rows import LetterOrigin
from desktop.packs import (
    FROM_PACKS,
    LETTERS,
    MANIFEST,
    PACK_FORMAT,
    PACK_FORMAT_VERSION,
    ExportReport,
    ImportReport,
    PackError,
    PackProgress,
    export_pack,
    import_pack,
    import_pack_steps,
    last_export,
    since_timestamp,
    verify_pack,
)
from desktop.safe_write import WriteFailed
from desktop.search import search
from desktop.store import LibraryStore
from tests.conftest import FIXTURES, SAMPLES, make_letter

CHINESE = re.compile("[\u4e00-\u9fff]")
SEEDS = sorted(SAMPLES.glob("*.txt"))
QUERIES = ["孵化器", "科技 创新", "众创空间", "建议", "科", "人才"]


# ---------------------------------------------------------------------------------- helpers


@pytest.fixture
def store(engine_store: LibraryStore) -> LibraryStore:
    """Every test here that takes ``store`` runs on both engines (tests/conftest.py)."""
    return engine_store


@pytest.fixture
def other(tmp_path: Path) -> Iterator[LibraryStore]:
    s = LibraryStore(tmp_path / "other.db")
    yield s
    s.close()


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    """The sending clerk's edited templates (one received earlier lies in from-packs/)."""
    folder = tmp_path / "sender-templates"
    folder.mkdir()
    (folder / "greeting.j2").write_text("您提出的《{{ title }}》收悉。", "utf-8")
    (folder / "status.甲.j2").write_text("甲类答复。", "utf-8")
    (folder / "notes.txt").write_text("不是模板", "utf-8")
    received = folder / FROM_PACKS / "老同事"
    received.mkdir(parents=True)
    (received / "plan.j2").write_text("别人的模板", "utf-8")
    return folder


def _export(store: LibraryStore, target: Path, **kw: Any) -> ExportReport:
    kw.setdefault("include_templates", False)
    return export_pack(store, target, **kw)


def _state(store: LibraryStore) -> tuple[Any, ...]:
    letters = [(x.id, x.content_hash, x.origin) for x in store.letters.all()]
    return (
        store.letters.count(),
        store.letters.paragraph_count(),
        store.integrity_check(),
        letters,
    )


def _search_view(store: LibraryStore) -> dict[str, list[tuple[str, int, str]]]:
    """Per query: (text, number of source letters, section) of every hit, ids left out."""
    return {
        q: sorted((h.text, len(h.sources), h.section) for h in search(store, q, limit=50))
        for q in QUERIES
    }


def _letters_view(store: LibraryStore) -> list[tuple[Any, ...]]:
    """Every letter's metadata and paragraphs, without its ids and import time."""
    out = []
    for row in store.letters.all():
        letter = store.letters.detail(row.id)
        assert letter is not None
        meta = {k: v for k, v in asdict(letter).items() if k not in ("id", "imported_at", "origin")}
        paragraphs = meta.pop("paragraphs")
        out.append(
            (
                json.dumps(meta, ensure_ascii=False, sort_keys=True),
                [(p["text"], p["original"], p["section"], p["is_heading"]) for p in paragraphs],
            )
        )
    return sorted(out)


def _members(pack: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _write_zip(target: Path, members: dict[str, bytes] | list[tuple[str, bytes]]) -> Path:
    items = members.items() if isinstance(members, dict) else members
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in items:
            zf.writestr(name, data)
    return target


def _rewrite(
    pack: Path,
    target: Path,
    *,
    letters: Callable[[bytes], bytes] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    rehash: bool = False,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A copy of ``pack`` with letters.jsonl and/or the manifest edited. ``rehash`` updates the
    manifest's SHA-256 and size of letters.jsonl (a well-formed pack with bad content)."""
    members = _members(pack)
    if letters is not None:
        members[LETTERS] = letters(members[LETTERS])
    data = json.loads(members[MANIFEST])
    if rehash:
        for entry in data["files"]:
            if entry["path"] == LETTERS:
                entry["sha256"] = hashlib.sha256(members[LETTERS]).hexdigest()
                entry["size"] = len(members[LETTERS])
    if manifest is not None:
        manifest(data)
    members[MANIFEST] = json.dumps(data, ensure_ascii=False).encode()
    members.update(extra or {})
    return _write_zip(target, members)


def _refused(store: LibraryStore, pack: Path, tmp_path: Path, *needles: str) -> str:
    """Import ``pack``: refused with one line of Chinese holding ``needles``; nothing changed."""
    before = _state(store)
    received = tmp_path / "receiver-templates"
    with pytest.raises(PackError) as info:
        import_pack(store, pack, templates_dir=received)
    message = info.value.message
    assert CHINESE.search(message), message
    assert "\n" not in message
    for needle in needles:
        assert needle in message, message
    assert _state(store) == before
    assert before[2] == "ok"
    assert not (received / FROM_PACKS).exists()
    return message


@pytest.fixture
def pack(sample_store: LibraryStore, tmp_path: Path, templates: Path) -> Path:
    target = tmp_path / "科技局资料包.zip"
    export_pack(sample_store, target, templates_dir=templates)
    return target


# ---------------------------------------------------------------------------------- format


def test_pack_layout_and_manifest(sample_store: LibraryStore, pack: Path) -> None:
    members = _members(pack)
    assert sorted(members) == [
        LETTERS,
        MANIFEST,
        "templates/greeting.j2",
        "templates/status.甲.j2",
    ]  # fmt: skip  -- not notes.txt, not from-packs/
    manifest = json.loads(members[MANIFEST])
    assert manifest["format"] == PACK_FORMAT == "replydesk-pack"
    assert manifest["format_version"] == PACK_FORMAT_VERSION == 1
    assert manifest["app_version"]
    assert dt.datetime.fromisoformat(manifest["created_at"]).tzinfo is not None
    assert manifest["library_id"] == sample_store.library_id()
    assert re.fullmatch(r"[0-9a-f-]{36}", manifest["library_id"])
    assert manifest["since"] is None and manifest["since_field"] == "imported_at"
    paragraphs = sum(len(sample_store.letters.paragraphs(x.id)) for x in sample_store.letters.all())
    assert manifest["counts"] == {"letters": 5, "paragraphs": paragraphs, "templates": 2}
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(members) - {MANIFEST}
    for name, entry in listed.items():
        assert entry["sha256"] == hashlib.sha256(members[name]).hexdigest()
        assert entry["size"] == len(members[name])

    lines = members[LETTERS].decode("utf-8").splitlines()
    assert len(lines) == 5
    first = json.loads(lines[0])
    stored = sample_store.letters.detail(1)
    assert stored is not None
    for key in ("kind", "proposal_title", "addressee", "co_organizers", "reply_date", "agency",
                "content_hash", "source_path", "source_format", "imported_at"):  # fmt: skip
        assert first[key] == getattr(stored, key), key
    assert first["origin"] == {"library_id": manifest["library_id"], "letter_id": 1}
    assert first["paragraphs"][0] == {
        "text": stored.paragraphs[0].text,
        "original": stored.paragraphs[0].original,
        "section": stored.paragraphs[0].section,
        "is_heading": stored.paragraphs[0].is_heading,
    }
    assert len(first["paragraphs"]) == len(stored.paragraphs)


def test_library_id_is_made_once(store: LibraryStore, tmp_path: Path) -> None:
    first = store.library_id()
    assert store.library_id() == first
    assert store.get_meta("library_id") == first
    store.close()
    with LibraryStore(store.location) as again:
        assert again.library_id() == first
    with LibraryStore(tmp_path / "another.db") as another:
        assert another.library_id() != first


# ---------------------------------------------------------------------------------- round trips


def test_round_trip_into_an_empty_library(
    sample_store: LibraryStore, other: LibraryStore, pack: Path, tmp_path: Path
) -> None:
    received = tmp_path / "receiver-templates"
    report = import_pack(other, pack, templates_dir=received)
    assert isinstance(report, ImportReport)
    assert len(report.added) == 5 and report.duplicates == []
    assert (
        report.new_paragraphs
        == sample_store.letters.paragraph_count()
        == other.letters.paragraph_count()
    )
    assert other.letters.count() == 5
    assert other.integrity_check() == "ok"
    assert _search_view(other) == _search_view(sample_store)
    assert any(_search_view(other).values())
    assert _letters_view(other) == _letters_view(sample_store)
    # Provenance: every letter names the sending library and its id there.
    sender = sample_store.library_id()
    ids_there = {x.content_hash: x.id for x in sample_store.letters.all()}
    origins = other.packs.origins()
    assert len(origins) == 5
    for letter in other.letters.all():
        assert letter.origin == origins[letter.id]
        assert origins[letter.id] == LetterOrigin(sender, ids_there[letter.content_hash])
        assert letter.source_path.endswith(".txt")  # the colleague's file, as it was
    assert sample_store.packs.origins() == {}  # the sender's own letters have none
    assert report.pack.library_id == sender


def test_importing_the_same_pack_twice_adds_nothing(
    other: LibraryStore, pack: Path, tmp_path: Path
) -> None:
    received = tmp_path / "receiver-templates"
    import_pack(other, pack, templates_dir=received)
    before = _state(other)
    again = import_pack(other, pack, templates_dir=received)
    assert again.added == [] and len(again.duplicates) == 5 and again.new_paragraphs == 0
    assert [d["line"] for d in again.duplicates] == [1, 2, 3, 4, 5]
    assert again.templates_saved == []
    assert sorted(again.templates_present) == ["greeting.j2", "status.甲.j2"]
    assert _state(other) == before
    # Back into the library it came from: everything is already there.
    assert again.to_json()["added"] == 0


def test_round_trip_into_a_library_that_shares_some_letters(
    sample_store: LibraryStore, pack: Path, tmp_path: Path
) -> None:
    # The colleague imported two of the same files and has a letter of their own that shares
    # a paragraph with the samples.
    shared = sample_store.letters.detail(3)
    assert shared is not None
    shared_text = next(p.text for p in shared.paragraphs if not p.is_heading)
    own = make_letter([("status", "我局今年新建孵化器三家。"), ("plan", shared_text)],
                      title="关于孵化器的建议", date="2023-05-01")  # fmt: skip

    def colleague(path: Path, files: list[Path]) -> LibraryStore:
        s = LibraryStore(path)
        for progress in import_paths(s, files):
            assert progress.result.status == "imported"
        s.letters.add(own, content_hash=content_hash(own), source_path=None, source_format="txt")
        return s

    receiver = colleague(tmp_path / "receiver.db", SEEDS[:2])
    reference = colleague(tmp_path / "reference.db", SEEDS)  # what the result should look like
    try:
        paragraphs_before = receiver.letters.paragraph_count()
        report = import_pack(receiver, pack, templates_dir=tmp_path / "r")
        assert len(report.added) == 3
        assert sorted(d["existing_id"] for d in report.duplicates) == [1, 2]
        assert report.new_paragraphs == receiver.letters.paragraph_count() - paragraphs_before
        assert receiver.letters.count() == reference.letters.count() == 6
        assert (
            receiver.letters.paragraph_count() == reference.letters.paragraph_count()
        )  # shared ones once
        assert receiver.integrity_check() == "ok"
        assert _search_view(receiver) == _search_view(reference)
        assert _letters_view(receiver) == _letters_view(reference)
        # The shared paragraph stands in two letters, stored once.
        hits = [h for h in search(receiver, shared_text[:12], limit=50) if h.text == shared_text]
        assert len(hits) == 1 and len(hits[0].sources) == 2
        assert set(receiver.packs.origins()) == set(report.added)
        assert import_pack(receiver, pack, templates_dir=tmp_path / "r").added == []
    finally:
        receiver.close()
        reference.close()


def test_paragraphs_are_taken_as_the_sender_normalized_them(
    store: LibraryStore, other: LibraryStore, tmp_path: Path
) -> None:
    # A paragraph whose normalization once changed between versions (normalize_text once gave
    # '（，"）"', twice '（，“）”'): the receiver stores the sender's text as it is, so a
    # paragraph both hold is not stored twice.
    odd = '(，")"'
    sent = make_letter([odd, "其他段落。"])
    held = make_letter([odd, "另一段落。"])
    store.letters.add(sent, content_hash=content_hash(sent), source_path=None, source_format="txt")
    other.letters.add(held, content_hash=content_hash(held), source_path=None, source_format="txt")
    _export(store, tmp_path / "p.zip")
    report = import_pack(other, tmp_path / "p.zip", templates_dir=tmp_path / "t")
    assert len(report.added) == 1 and report.new_paragraphs == 1
    assert other.letters.paragraph_count() == 3
    received = other.letters.detail(report.added[0])
    assert received is not None
    assert [p.text for p in received.paragraphs] == [b.text for b in sent.blocks]
    assert received.content_hash == content_hash(sent)


def test_provenance_names_the_first_library_when_passed_on(
    sample_store: LibraryStore, other: LibraryStore, pack: Path, tmp_path: Path
) -> None:
    import_pack(other, pack, templates_dir=tmp_path / "t")
    mine = make_letter(["我局自己的答复段落。"], date="2024-03-01")
    own_id = other.letters.add(mine, content_hash=content_hash(mine), source_path="D:/答复/一.txt",
                              source_format="txt")  # fmt: skip
    onward = tmp_path / "转交.zip"
    _export(other, onward)
    with LibraryStore(tmp_path / "third.db") as third:
        import_pack(third, onward, templates_dir=tmp_path / "t3")
        by_hash = {x.content_hash: x.origin for x in third.letters.all()}
    first = sample_store.library_id()
    for letter in sample_store.letters.all():
        assert by_hash[letter.content_hash] == LetterOrigin(first, letter.id)
    assert by_hash[content_hash(mine)] == LetterOrigin(other.library_id(), own_id)


def test_since_exports_letters_imported_on_or_after_the_date(
    other: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desktop.store.letters, "_now", lambda: "2024-01-10T02:00:00+00:00")
    list(import_paths(other, SEEDS[:3]))
    monkeypatch.setattr(desktop.store.letters, "_now", lambda: "2025-03-01T02:00:00+00:00")
    list(import_paths(other, SEEDS[3:]))
    report = _export(other, tmp_path / "new.zip", since=dt.date(2025, 1, 1))
    assert report.letters == 2 and report.since == "2025-01-01"
    manifest = json.loads(_members(tmp_path / "new.zip")[MANIFEST])
    assert manifest["since"] == "2025-01-01" and manifest["counts"]["letters"] == 2
    lines = _members(tmp_path / "new.zip")[LETTERS].decode().splitlines()
    assert {Path(json.loads(x)["source_path"]).name for x in lines} == {p.name for p in SEEDS[3:]}
    assert _export(other, tmp_path / "all.zip").letters == 5
    with pytest.raises(PackError, match="以来没有新导入的文件"):
        _export(other, tmp_path / "none.zip", since=dt.date(2026, 1, 1))
    assert not (tmp_path / "none.zip").exists()
    # The reply date does not count: seed letters were replied years before 2025.
    assert all((json.loads(x)["reply_date"] or "") < "2025" for x in lines)


def test_since_is_local_midnight_and_the_last_export_is_remembered(
    sample_store: LibraryStore, tmp_path: Path
) -> None:
    stamp = since_timestamp(dt.date(2025, 6, 1))
    assert dt.datetime.fromisoformat(stamp).astimezone().replace(tzinfo=None) == dt.datetime(
        2025, 6, 1
    )
    assert stamp.endswith("+00:00")
    assert last_export(sample_store) is None
    _export(sample_store, tmp_path / "p.zip")
    assert last_export(sample_store) == dt.date.today()


def test_nothing_to_export(store: LibraryStore, tmp_path: Path) -> None:
    with pytest.raises(PackError, match="资料库中没有文件"):
        _export(store, tmp_path / "empty.zip")
    assert list(tmp_path.glob("*.zip")) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_pack_too_large_to_import_is_not_written(
    sample_store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desktop.packs.export, "MAX_TOTAL_BYTES", 20_000)
    with pytest.raises(PackError, match="超过 500 MB"):
        _export(sample_store, tmp_path / "big.zip")
    assert list(tmp_path.glob("*.zip")) == [] and list(tmp_path.glob(".*.tmp")) == []


# ---------------------------------------------------------------------------------- templates


def test_templates_never_replace_the_clerks_own(
    other: LibraryStore, pack: Path, tmp_path: Path, sample_store: LibraryStore, templates: Path
) -> None:
    received = tmp_path / "receiver-templates"
    received.mkdir()
    mine = received / "greeting.j2"
    mine.write_text("我自己的开头。", "utf-8")
    report = import_pack(other, pack, templates_dir=received)
    assert mine.read_text("utf-8") == "我自己的开头。"
    folder = received / FROM_PACKS / "科技局资料包"
    assert report.templates_folder == str(folder)
    assert sorted(report.templates_saved) == ["greeting.j2", "status.甲.j2"]
    assert (folder / "greeting.j2").read_text("utf-8") == "您提出的《{{ title }}》收悉。"
    assert sorted(p.name for p in received.iterdir()) == [FROM_PACKS, "greeting.j2"]
    assert "模板" in report.summary_zh()

    # Another pack of the same name with a changed template goes beside, not over it.
    (templates / "greeting.j2").write_text("改过的开头。", "utf-8")
    newer = tmp_path / "newer" / "科技局资料包.zip"
    newer.parent.mkdir()
    export_pack(sample_store, newer, templates_dir=templates)
    report = import_pack(other, newer, templates_dir=received)
    second = received / FROM_PACKS / "科技局资料包(2)"
    assert report.templates_folder == str(second)
    assert (second / "greeting.j2").read_text("utf-8") == "改过的开头。"
    assert (folder / "greeting.j2").read_text("utf-8") == "您提出的《{{ title }}》收悉。"


def test_a_pack_of_templates_only(store: LibraryStore, other: LibraryStore, tmp_path: Path,
                                  templates: Path) -> None:  # fmt: skip
    report = export_pack(store, tmp_path / "模板.zip", templates_dir=templates)
    assert report.letters == 0 and report.templates == ["greeting.j2", "status.甲.j2"]
    imported = import_pack(other, tmp_path / "模板.zip", templates_dir=tmp_path / "r")
    assert imported.added == [] and len(imported.templates_saved) == 2


def test_a_failing_template_write_rolls_the_merge_back(
    other: LibraryStore, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = desktop.packs.templates.atomic_write
    calls: list[Path] = []

    def second_fails(target: Path, write: Callable[[Path], object]) -> Path:
        calls.append(target)
        if len(calls) == 2:
            raise WriteFailed(f"磁盘空间不足，无法保存“{target.name}”。")
        return real(target, write)

    monkeypatch.setattr(desktop.packs.templates, "atomic_write", second_fails)
    message = _refused(other, pack, tmp_path, "磁盘空间不足", "资料库保持原样")
    assert message.startswith("资料包未导入")
    assert not calls[0].exists()  # the first template, written, was removed again


# ---------------------------------------------------------------------------------- refusals


def test_tampered_letters_are_refused(sample_store: LibraryStore, other: LibraryStore,
                                      pack: Path, tmp_path: Path) -> None:  # fmt: skip
    def one_byte(data: bytes) -> bytes:
        i = data.index("孵化器".encode())
        return data[:i] + "孵化园".encode() + data[i + len("孵化器".encode()) :]

    tampered = _rewrite(pack, tmp_path / "tampered.zip", letters=one_byte)
    _refused(other, tampered, tmp_path, "校验值", "letters.jsonl")
    # The same line count and size: only the SHA-256 tells.
    assert len(_members(tampered)[LETTERS]) == len(_members(pack)[LETTERS])


def test_a_byte_flipped_in_the_zip_is_refused(other: LibraryStore, pack: Path,
                                              tmp_path: Path) -> None:  # fmt: skip
    data = bytearray(pack.read_bytes())
    with zipfile.ZipFile(pack) as zf:
        info = zf.getinfo(LETTERS)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x55
    flipped = tmp_path / "flipped.zip"
    flipped.write_bytes(bytes(data))
    _refused(other, flipped, tmp_path, "已损坏或被改动过")


def test_a_truncated_pack_is_refused(other: LibraryStore, pack: Path, tmp_path: Path) -> None:
    half = tmp_path / "half.zip"
    half.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])
    _refused(other, half, tmp_path, "不是完整的压缩包")


def test_foreign_files_are_refused(other: LibraryStore, tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("关于加快孵化器建设的建议的答复")
    docx = tmp_path / "答复.docx"
    document.save(str(docx))
    renamed = tmp_path / "答复.zip"
    shutil.copy(docx, renamed)
    _refused(other, renamed, tmp_path, "不是答复助手资料包", "manifest.json")

    no_manifest = _write_zip(tmp_path / "只有信件.zip", {LETTERS: b"{}\n"})
    _refused(other, no_manifest, tmp_path, "不是答复助手资料包")

    text = tmp_path / "文本.zip"
    text.write_text("这不是压缩包", "utf-8")
    _refused(other, text, tmp_path, "不是完整的压缩包")

    _refused(other, tmp_path / "不存在.zip", tmp_path, "找不到资料包")

    other_format = _write_zip(tmp_path / "别的.zip", {MANIFEST: b'{"format": "epub"}'})
    _refused(other, other_format, tmp_path, "不是答复助手资料包", "epub")

    broken = _write_zip(tmp_path / "坏清单.zip", {MANIFEST: b'{"format": "replydesk-pack",'})
    _refused(other, broken, tmp_path, "不是有效的 JSON")


def test_a_newer_format_version_is_refused(other: LibraryStore, pack: Path,
                                           tmp_path: Path) -> None:  # fmt: skip
    def newer(m: dict[str, Any]) -> None:
        m["format_version"] = PACK_FORMAT_VERSION + 1

    message = _refused(other, _rewrite(pack, tmp_path / "v2.zip", manifest=newer), tmp_path,
                       "更新版本", "升级")  # fmt: skip
    assert str(PACK_FORMAT_VERSION + 1) in message


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (lambda m: m.pop("files"), "files"),
        (lambda m: m.update(format_version="1"), "format_version"),
        (lambda m: m.update(library_id=""), "library_id"),
        (lambda m: m["files"][0].update(sha256="abc"), "校验值或大小"),
        (lambda m: m["files"][0].update(size=-1), "校验值或大小"),
        (lambda m: m["files"].append(dict(m["files"][0])), "列出了两次"),
        (
            lambda m: m["files"].append({"path": "run.exe", "sha256": "0" * 64, "size": 1}),
            "未知的文件",
        ),
        (lambda m: m["counts"].update(letters=6), "实际有 5 份"),
    ],
)
def test_a_wrong_manifest_is_refused(
    other: LibraryStore, pack: Path, tmp_path: Path, edit: Callable[[dict[str, Any]], Any],
    needle: str,
) -> None:  # fmt: skip
    _refused(other, _rewrite(pack, tmp_path / "bad.zip", manifest=edit), tmp_path, needle)


def test_members_must_match_the_manifest(other: LibraryStore, pack: Path, tmp_path: Path) -> None:
    extra = _rewrite(pack, tmp_path / "extra.zip", extra={"readme.txt": b"hello"})
    _refused(other, extra, tmp_path, "清单之外", "readme.txt")

    def lists_missing(m: dict[str, Any]) -> None:
        m["files"].append({"path": "templates/plan.j2", "sha256": "0" * 64, "size": 3})

    missing = _rewrite(pack, tmp_path / "missing.zip", manifest=lists_missing)
    _refused(other, missing, tmp_path, "不完整", "templates/plan.j2")

    def wrong_size(m: dict[str, Any]) -> None:
        m["files"][0]["size"] += 1

    _refused(other, _rewrite(pack, tmp_path / "size.zip", manifest=wrong_size), tmp_path, "大小")

    members = list(_members(pack).items())
    with pytest.warns(UserWarning, match="Duplicate name"):
        twice = _write_zip(tmp_path / "twice.zip", [*members, members[0]])
    _refused(other, twice, tmp_path, "重名")


@pytest.mark.parametrize(
    "name",
    [
        "../evil.j2",
        "/etc/evil.j2",
        "templates/../../evil.j2",
        "C:/evil.j2",
        "templates\\..\\evil.j2",
    ],
)
def test_path_traversal_is_refused(
    other: LibraryStore, pack: Path, tmp_path: Path, name: str
) -> None:
    data = b"evil"

    def listed(m: dict[str, Any]) -> None:
        m["files"].append({"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": 4})

    bad = _rewrite(pack, tmp_path / "traversal.zip", manifest=listed, extra={name: data})
    _refused(other, bad, tmp_path, "不安全的文件路径")
    # Listed in the manifest only.
    bad = _rewrite(pack, tmp_path / "listed.zip", manifest=listed)
    _refused(other, bad, tmp_path, "不安全的文件路径")
    assert not (tmp_path / "evil.j2").exists()


def test_zip_bombs_are_refused(other: LibraryStore, pack: Path, tmp_path: Path) -> None:
    # A real one: 20 MB of zeros squeezed a thousandfold.
    members = _members(pack)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        with zf.open("templates/zeros.j2", "w") as member:
            for _ in range(20):
                member.write(bytes(1024 * 1024))
    _refused(other, bomb, tmp_path, "压缩炸弹", "倍")

    # One that declares more than 500 MB in total (stored members, sizes in the directory).
    stored = tmp_path / "big.zip"
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for i in range(6):
            zf.writestr(f"templates/big{i}.j2", b"x" * 100)
    raw = bytearray(stored.read_bytes())
    for i in range(6):
        entry = _central_entry(raw, f"templates/big{i}.j2")
        struct.pack_into("<II", raw, entry + 20, 100 * 1024 * 1024, 100 * 1024 * 1024)
    stored.write_bytes(bytes(raw))
    _refused(other, stored, tmp_path, "解压后过大", "500 MB")


def _central_entry(raw: bytearray, name: str) -> int:
    """Offset of the central directory header of member ``name``."""
    start = 0
    while True:
        entry = raw.index(b"PK\x01\x02", start)
        length = struct.unpack_from("<H", raw, entry + 28)[0]
        if raw[entry + 46 : entry + 46 + length] == name.encode():
            return entry
        start = entry + 4


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (lambda lines: [*lines[:2], b"{not json", *lines[3:]], "第 3 行无效"),
        (lambda lines: [json.dumps({"kind": "reply"}).encode(), *lines[1:]], "缺少"),
        (
            lambda lines: [lines[0].replace(b'"kind":"reply"', b'"kind":"poem"'), *lines[1:]],
            "kind",
        ),
        (
            lambda lines: [lines[0].replace(b'"section":"', b'"section":"x', 1), *lines[1:]],
            "section",
        ),
        (
            lambda lines: [
                lines[0].replace(b'"reply_date":"2017-06-29"', b'"reply_date":"2017-13-45"'),
                *lines[1:],
            ],
            "reply_date",
        ),
        (lambda lines: [*lines[:4], b"[1, 2]"], "第 5 行无效"),
        (lambda lines: [*lines, lines[0]], "实际有 6 份"),
    ],
)
def test_bad_letter_lines_are_refused(
    other: LibraryStore, pack: Path, tmp_path: Path, edit: Callable[[list[bytes]], list[bytes]],
    needle: str,
) -> None:  # fmt: skip
    def lines(data: bytes) -> bytes:
        return b"\n".join(edit(data.rstrip(b"\n").split(b"\n"))) + b"\n"

    bad = _rewrite(pack, tmp_path / "lines.zip", letters=lines, rehash=True)
    _refused(other, bad, tmp_path, needle)


def test_a_pack_changed_after_verification_is_refused(
    other: LibraryStore, pack: Path, tmp_path: Path
) -> None:
    before = _state(other)
    tampered = _rewrite(
        pack, tmp_path / "t.zip", letters=lambda d: d.replace("科".encode(), "料".encode(), 1)
    )
    steps = import_pack_steps(other, pack, templates_dir=tmp_path / "r")
    for step in steps:
        if step.phase == "verify" and step.done == step.total:
            shutil.copy(tampered, pack)  # swapped between the check and the merge
            break
    with pytest.raises(PackError, match="校验值"):
        for _ in steps:
            pass
    assert _state(other) == before
    assert not (tmp_path / "r" / FROM_PACKS).exists()


def test_stopping_the_import_rolls_it_back(other: LibraryStore, pack: Path,
                                           tmp_path: Path) -> None:  # fmt: skip
    before = _state(other)
    steps = import_pack_steps(other, pack, templates_dir=tmp_path / "r")
    seen: list[PackProgress] = []
    with pytest.MonkeyPatch.context() as mp:
        # Report every letter so that the import can be stopped in the middle of the merge.
        mp.setattr(desktop.packs.merge, "MERGE_PROGRESS_EVERY", 1)
        for step in steps:
            seen.append(step)
            if step.phase == "merge" and step.done >= 2:
                break
    steps.close()
    assert seen[-1].phase == "merge"
    assert _state(other) == before
    assert not (tmp_path / "r" / FROM_PACKS).exists()
    import_pack(other, pack, templates_dir=tmp_path / "r")  # and nothing is left locked
    assert other.letters.count() == 5


def test_a_locked_library_is_refused_and_untouched(
    other: LibraryStore, pack: Path, tmp_path: Path
) -> None:
    other._database().quiet_wait = other._database().long_wait = 0.1
    holder = sqlite3.connect(other.path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(PackError) as info:
            import_pack(other, pack, templates_dir=tmp_path / "r")
    finally:
        holder.rollback()
        holder.close()
    assert "占用" in info.value.message and "资料库保持原样" in info.value.message
    assert other.letters.count() == 0 and other.letters.paragraph_count() == 0
    assert other.integrity_check() == "ok"
    assert not (tmp_path / "r" / FROM_PACKS).exists()
    assert len(import_pack(other, pack, templates_dir=tmp_path / "r").added) == 5


def test_a_full_disk_during_export_leaves_no_pack(
    sample_store: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "资料包.zip"
    target.write_bytes(b"the previous pack")
    written = 0
    real_write = zipfile._ZipWriteFile.write  # type: ignore[attr-defined]

    def fills_up(self: Any, data: Any) -> int:
        nonlocal written
        written += len(data)
        if written > 20_000:
            raise OSError(errno.ENOSPC, "No space left on device")
        return int(real_write(self, data))

    monkeypatch.setattr(zipfile._ZipWriteFile, "write", fills_up)  # type: ignore[attr-defined]
    with pytest.raises(WriteFailed) as info:
        _export(sample_store, target)
    assert "磁盘空间不足" in info.value.message and "\n" not in info.value.message
    assert target.read_bytes() == b"the previous pack"
    assert sorted(p.name for p in folder.iterdir()) == ["资料包.zip"]
    monkeypatch.undo()
    assert last_export(sample_store) is None

    # Full at the very end (the flush to disk): the same.
    def no_space(_path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(desktop.safe_write, "_fsync_file", no_space)
    new = folder / "新资料包.zip"
    with pytest.raises(WriteFailed, match="磁盘空间不足"):
        _export(sample_store, new)
    assert sorted(p.name for p in folder.iterdir()) == ["资料包.zip"]


def test_verify_pack_alone(pack: Path, tmp_path: Path) -> None:
    info = verify_pack(pack)
    assert info.letters == 5 and info.templates == ["greeting.j2", "status.甲.j2"]
    assert info.format_version == 1
    with pytest.raises(PackError):
        verify_pack(tmp_path)


# ---------------------------------------------------------------------------------- fixtures


def test_the_v5_fixture_keeps_a_received_letter(tmp_path: Path) -> None:
    path = tmp_path / "library-v5.db"
    shutil.copy(FIXTURES / "library-v5.db", path)
    with LibraryStore(path) as s:
        origins = s.packs.origins()
        assert len(origins) == 1
        ((letter_id, origin),) = origins.items()
        assert origin.library_id != s.library_id() and origin.letter_id == 1
        assert s.letters.get(letter_id) is not None


def test_an_older_library_gets_the_origin_column(tmp_path: Path) -> None:
    path = tmp_path / "library-v1.db"
    shutil.copy(FIXTURES / "library-v1.db", path)
    with LibraryStore(path) as s:
        assert s.packs.origins() == {}
        assert all(x.origin is None for x in s.letters.all())
        report = _export(s, tmp_path / "old.zip")
        assert report.letters == s.letters.count()


# ---------------------------------------------------------------------------------- CLI


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from desktop import __main__ as entry

    code = entry.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def user_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-templates"
    folder.mkdir()
    (folder / "closing.j2").write_text("衷心感谢您对科技工作的关心。", "utf-8")
    monkeypatch.setattr("desktop.reply_templates.user_dir", lambda: folder)
    return folder


def test_cli_export_and_import_json(
    sample_store: LibraryStore, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    user_templates: Path,
) -> None:  # fmt: skip
    out = tmp_path / "送出.zip"
    code, stdout, _ = run_cli(capsys, "export-pack", "--out", str(out), "--db",
                              str(sample_store.path), "--json")  # fmt: skip
    assert code == 0
    data = json.loads(stdout)
    assert set(data) == {"path", "library_id", "letters", "paragraphs", "templates", "since",
                         "since_field", "size", "too_large"}  # fmt: skip
    assert data["letters"] == 5 and data["templates"] == ["closing.j2"]
    assert data["since"] is None and data["since_field"] == "imported_at"
    assert data["size"] == out.stat().st_size and data["path"] == str(out)

    receiver = str(tmp_path / "receiver.db")
    code, stdout, _ = run_cli(capsys, "import-pack", str(out), "--db", receiver, "--json")
    assert code == 0
    report = json.loads(stdout)
    assert set(report) == {
        "pack", "source_library_id", "created_at", "app_version", "format_version",
        "letters_in_pack", "added", "added_ids", "duplicates", "duplicate_letters",
        "new_paragraphs", "templates_folder", "templates_saved", "templates_present",
        "corrected_ids",
    }  # fmt: skip
    assert report["added"] == 5 and report["duplicates"] == 0
    assert report["source_library_id"] == data["library_id"]
    assert report["new_paragraphs"] == sample_store.letters.paragraph_count()
    assert report["templates_folder"] == str(user_templates / FROM_PACKS / "送出")
    assert report["templates_saved"] == ["closing.j2"]

    code, stdout, _ = run_cli(capsys, "import-pack", str(out), "--db", receiver, "--json")
    again = json.loads(stdout)
    assert (again["added"], again["duplicates"], again["new_paragraphs"]) == (0, 5, 0)
    assert again["duplicate_letters"][0] == {"line": 1, "existing_id": 1}


def test_cli_plain_output_and_refusals(
    sample_store: LibraryStore, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    user_templates: Path,
) -> None:  # fmt: skip
    db = str(sample_store.path)
    out = tmp_path / "pack.zip"
    code, stdout, _ = run_cli(capsys, "export-pack", "--out", str(out), "--db", db,
                              "--since", "2000-01-01", "--no-templates")  # fmt: skip
    assert code == 0 and "2000-01-01 以来导入的 5 份文件" in stdout
    assert "templates/closing.j2" not in _members(out)

    receiver = str(tmp_path / "receiver.db")
    code, stdout, _ = run_cli(capsys, "import-pack", str(out), "--db", receiver)
    assert code == 0 and "新增 5 份" in stdout and "资料包：" in stdout

    half = tmp_path / "half.zip"
    half.write_bytes(out.read_bytes()[:1000])
    code, stdout, stderr = run_cli(capsys, "import-pack", str(half), "--db", receiver, "--json")
    assert code == 1 and stdout == ""
    assert "不是完整的压缩包" in stderr and stderr.count("\n") == 1

    code, _, stderr = run_cli(capsys, "export-pack", "--out", str(out), "--db", db,
                              "--since", "上个月")  # fmt: skip
    assert code == 2 and "--since 不是有效日期" in stderr

    code, _, stderr = run_cli(capsys, "export-pack", "--out", str(tmp_path / "no" / "p.zip"),
                              "--db", db)  # fmt: skip
    assert code == 1 and "不存在" in stderr


def test_the_pack_is_a_zip_anyone_can_open(pack: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(pack.read_bytes())) as zf:
        assert zf.testzip() is None


# ---------------------------------------------------------------------------------- hostile values


def _edit_first_letter(edit: Callable[[dict[str, Any]], None]) -> Callable[[bytes], bytes]:
    """A letters.jsonl editor that changes the first letter's JSON (written with ASCII escapes,
    so a lone surrogate arrives as ``\\ud800``, as a hand-made pack would carry it)."""

    def rewrite(data: bytes) -> bytes:
        lines = data.rstrip(b"\n").split(b"\n")
        first = json.loads(lines[0])
        edit(first)
        lines[0] = json.dumps(first, ensure_ascii=True).encode()
        return b"\n".join(lines) + b"\n"

    return rewrite


@pytest.mark.parametrize(
    ("edit", "needles"),
    [
        (lambda d: d.update(title="答复\ud800"), ("第 1 行无效", "“title”含有无效的字符")),
        (
            lambda d: d["paragraphs"][1].update(text="段落\udfff文字"),
            ("第 1 行无效", "第 2 段含有无效的字符"),
        ),
        (lambda d: d.update(addressee=["王明", "\ud800"]), ("“addressee”含有无效的字符",)),
        (lambda d: d["origin"].update(library_id="\ud800"), ("“origin”",)),
        (lambda d: d.update(addressee_count=2**70), ("“addressee_count”应为 0 到 100000",)),
        (lambda d: d.update(addressee_count=-1), ("“addressee_count”应为 0 到 100000",)),
        (lambda d: d.update(year=10**30), ("“year”应为 1000 到 9999",)),
        (lambda d: d["origin"].update(letter_id=2**64), ("“origin”",)),
        (lambda d: d["paragraphs"][0].update(text="长" * 5001), ("第 1 段超过 5000 个字",)),
        (lambda d: d["paragraphs"][0].update(original="长" * 5001), ("第 1 段的“original”超过",)),
        (lambda d: d.update(agency="局" * 5001), ("“agency”超过 5000 个字",)),
    ],
)
def test_hostile_values_in_a_letter_are_refused_with_nothing_merged(
    other: LibraryStore, pack: Path, tmp_path: Path, edit: Callable[[dict[str, Any]], None],
    needles: tuple[str, ...],
) -> None:  # fmt: skip
    bad = _rewrite(pack, tmp_path / "hostile.zip", letters=_edit_first_letter(edit), rehash=True)
    _refused(other, bad, tmp_path, *needles)


def test_a_lone_surrogate_in_the_manifest_is_refused(
    other: LibraryStore, pack: Path, tmp_path: Path
) -> None:
    for key in ("library_id", "created_at", "app_version"):
        members = _members(pack)
        manifest = json.loads(members[MANIFEST])
        manifest[key] = "x\ud800"
        members[MANIFEST] = json.dumps(manifest, ensure_ascii=True).encode()
        _refused(other, _write_zip(tmp_path / f"{key}.zip", members), tmp_path, "清单", key)


def test_a_pack_with_one_20_mb_paragraph_is_refused_without_merging(
    other: LibraryStore, pack: Path, tmp_path: Path
) -> None:
    # random text: a zip compresses it no more than a real letter, so no bomb check stops it
    text = secrets.token_hex(10_000_000)
    huge = _edit_first_letter(lambda d: d["paragraphs"][0].update(text=text))
    bad = _rewrite(pack, tmp_path / "huge.zip", letters=huge, rehash=True)
    assert zipfile.ZipFile(bad).getinfo(LETTERS).file_size > 20_000_000
    _refused(other, bad, tmp_path, "第 1 行过长")


def test_template_count_size_and_name_are_bounded(
    other: LibraryStore, pack: Path, tmp_path: Path
) -> None:
    def with_templates(target: str, templates: dict[str, bytes]) -> Path:
        def listed(m: dict[str, Any]) -> None:
            for name, data in templates.items():
                m["files"].append(
                    {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                )

        return _rewrite(pack, tmp_path / target, manifest=listed, extra=templates)

    many = {f"templates/t{i}.j2": b"{{ title }}" for i in range(60)}
    _refused(other, with_templates("many.zip", many), tmp_path, "文件过多")
    big = {"templates/big.j2": b"x" * (64 * 1024 + 1)}
    _refused(other, with_templates("big.zip", big), tmp_path, "模板", "过大")
    newline = {"templates/evil.j2\n": b"{{ title }}"}
    _refused(other, with_templates("newline.zip", newline), tmp_path, "evil.j2")
    assert not list((tmp_path / "receiver-templates").rglob("*"))


def test_export_leaves_out_a_letter_a_colleague_could_not_import(
    store: LibraryStore, other: LibraryStore, tmp_path: Path
) -> None:
    # an older version stored a 9,000-character paragraph; the cap is newer
    store.letters.add(
        make_letter(["普通的一段。"]), content_hash="a", source_path="a.txt", source_format="txt"
    )
    old = store.letters.add(
        make_letter(["长" * 9000], title="旧的长文件"),
        content_hash="b", source_path="b.txt", source_format="txt",
    )  # fmt: skip
    report = export_pack(store, tmp_path / "p.zip", include_templates=False)
    assert report.letters == 1 and report.too_large == [old]
    assert "另有 1 份文件" in report.summary_zh() and f"编号 {old}" in report.summary_zh()
    assert len(import_pack(other, tmp_path / "p.zip", templates_dir=tmp_path / "r").added) == 1


def test_export_refuses_more_templates_than_a_pack_may_carry(
    sample_store: LibraryStore, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(51):
        (folder / f"t{i}.j2").write_text("{{ title }}", "utf-8")
    with pytest.raises(PackError, match="最多只能带 50 个"):
        export_pack(sample_store, tmp_path / "p.zip", templates_dir=folder)
    assert not (tmp_path / "p.zip").exists()
