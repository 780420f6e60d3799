"""Fuzzing pack import: real packs (exported from the sample library) mutated at the zip, the
manifest, the letter lines and the templates, then imported into a real library. Every pack is
refused with one line of Chinese and the library untouched, or merged whole; never a traceback.
Bounded to ~20–30 s (see tests/fuzzing.py; REPLYDESK_FUZZ_SCALE for more).
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.packs import LETTERS, MANIFEST, PackError, export_pack, import_pack
from desktop.sample import ensure_sample_library
from desktop.store import LibraryStore
from tests.fuzzing import assert_one_chinese_line, fuzz_settings


def _seed_pack() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = LibraryStore(folder / "sender.db")
        try:
            ensure_sample_library(store)
            templates = folder / "templates"
            templates.mkdir()
            (templates / "greeting.j2").write_text("您提出的《{{ title }}》收悉。", "utf-8")
            (templates / "status.甲.j2").write_text("甲类答复。", "utf-8")
            export_pack(store, folder / "p.zip", templates_dir=templates)
        finally:
            store.close()
        return (folder / "p.zip").read_bytes()


SEED = _seed_pack()
SEED_MEMBERS = {i.filename: zipfile.ZipFile(io.BytesIO(SEED)).read(i) for i in
                zipfile.ZipFile(io.BytesIO(SEED)).infolist()}  # fmt: skip
LETTER_KEYS = [
    "kind", "title", "addressee", "addressee_role", "addressee_count", "proposal_number",
    "proposal_title", "session", "agency", "main_organizer", "co_organizers", "reply_date",
    "year", "category", "contact_name", "contact_phone", "doc_number", "source_path",
    "source_format", "content_hash", "imported_at", "origin", "paragraphs", "extra",
]  # fmt: skip
PARAGRAPH_KEYS = ["text", "original", "section", "is_heading"]
MANIFEST_KEYS = [
    "format", "format_version", "app_version", "created_at", "library_id", "since", "counts",
    "files",
]  # fmt: skip

_HOSTILE_STRINGS = st.sampled_from(
    ["\ud800", "a\udfffb", "长" * 6000, "", " ", "evil.j2\n", "../x", "2020-13-45", "reply",
     "greeting", "status", "plan", "closing", "body", "1" * 400]
)  # fmt: skip
_KEYS_IN_OBJECTS = [*PARAGRAPH_KEYS, "library_id", "letter_id"]
_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([2**63, 2**64 + 1, -(2**70), 10**40])
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | _HOSTILE_STRINGS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(_KEYS_IN_OBJECTS), children, max_size=4)
    ),
    max_leaves=6,
)


def _pack(members: dict[str, bytes], *, rehash: bool) -> bytes:
    """A zip of ``members``; with ``rehash`` the manifest's sums, sizes and letter count are
    made to match, so the content itself is what gets judged."""
    members = dict(members)
    if rehash and MANIFEST in members:
        try:
            manifest = json.loads(members[MANIFEST])
        except ValueError:
            manifest = None
        if isinstance(manifest, dict) and isinstance(manifest.get("files"), list):
            for entry in manifest["files"]:
                if isinstance(entry, dict) and entry.get("path") in members:
                    data = members[entry["path"]]
                    entry["sha256"] = hashlib.sha256(data).hexdigest()
                    entry["size"] = len(data)
            if isinstance(manifest.get("counts"), dict) and LETTERS in members:
                lines = [x for x in members[LETTERS].split(b"\n") if x.strip()]
                manifest["counts"]["letters"] = len(lines)
            members[MANIFEST] = json.dumps(manifest, ensure_ascii=True).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


@st.composite
def _mutated_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not buffer:
            break
        at = draw(st.integers(0, len(buffer) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        if action == "flip":
            buffer[at] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del buffer[at:]
        elif action == "insert":
            buffer[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            del buffer[at : at + draw(st.integers(1, 64))]
    return bytes(buffer)


@st.composite
def _letter_edit(draw: st.DrawFn) -> bytes:
    lines = SEED_MEMBERS[LETTERS].rstrip(b"\n").split(b"\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(
            st.sampled_from(["field", "drop_key", "paragraph", "retext", "dup", "drop", "bytes"])
        )
        if action == "dup":
            lines.insert(i, lines[i])
            continue
        if action == "drop" and len(lines) > 1:
            del lines[i]
            continue
        if action == "bytes":
            lines[i] = draw(_mutated_bytes(lines[i]))
            continue
        try:
            letter = json.loads(lines[i])
        except ValueError:
            continue
        if not isinstance(letter, dict):
            continue
        if action == "field":
            letter[draw(st.sampled_from(LETTER_KEYS))] = draw(_JSON)
        elif action == "drop_key":
            letter.pop(draw(st.sampled_from(LETTER_KEYS)), None)
        elif action == "retext":  # a valid new letter: it must be merged whole
            paragraphs = letter.get("paragraphs")
            if isinstance(paragraphs, list) and paragraphs and isinstance(paragraphs[0], dict):
                paragraphs[0]["text"] = draw(st.text(min_size=1, max_size=80))
                # the declared hash names the old letter, which the receiver may hold already
                letter["content_hash"] = hashlib.sha1(lines[i] + bytes([len(lines)])).hexdigest()
        else:
            paragraphs = letter.get("paragraphs")
            if isinstance(paragraphs, list) and paragraphs:
                j = draw(st.integers(0, len(paragraphs) - 1))
                if isinstance(paragraphs[j], dict):
                    paragraphs[j][draw(st.sampled_from(PARAGRAPH_KEYS))] = draw(_JSON)
        lines[i] = json.dumps(letter, ensure_ascii=True).encode()
    return b"\n".join(lines) + b"\n"


@st.composite
def _mutated_pack(draw: st.DrawFn) -> bytes:
    where = draw(st.sampled_from(["zip", "letters", "letters", "manifest", "template"]))
    members = dict(SEED_MEMBERS)
    if where == "zip":
        return draw(_mutated_bytes(SEED))
    if where == "letters":
        members[LETTERS] = draw(_letter_edit())
        return _pack(members, rehash=draw(st.sampled_from([True, True, True, False])))
    if where == "manifest":
        manifest = json.loads(members[MANIFEST])
        if draw(st.booleans()):
            manifest[draw(st.sampled_from(MANIFEST_KEYS))] = draw(_JSON)
        else:
            manifest.pop(draw(st.sampled_from(MANIFEST_KEYS)), None)
        members[MANIFEST] = json.dumps(manifest, ensure_ascii=True).encode()
        return _pack(members, rehash=False)
    name = "templates/" + draw(
        st.sampled_from(["new.j2", "evil.j2\n", "../up.j2", "a" * 90 + ".j2", "x.txt", "新.j2"])
    )
    content = draw(st.sampled_from([b"{{ title }}", b"\xff\xfe", b"x" * (70 * 1024), b""]))
    members[name] = content
    manifest = json.loads(members[MANIFEST])
    manifest["files"].append({"path": name, "sha256": "0" * 64, "size": 0})
    members[MANIFEST] = json.dumps(manifest, ensure_ascii=True).encode()
    return _pack(members, rehash=True)


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[LibraryStore]:
    store = LibraryStore(tmp_path / "receiver.db")
    yield store
    store.close()


def _state(store: LibraryStore) -> tuple[Any, ...]:
    return (store.letters.count(), store.letters.paragraph_count(), store.integrity_check())


def _files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*")) if folder.exists() else []


@fuzz_settings(examples=600)
@given(data=_mutated_pack())
def test_fuzz_pack_import(receiver: LibraryStore, tmp_path: Path, data: bytes) -> None:
    pack = tmp_path / "同事资料包.zip"
    pack.write_bytes(data)
    templates = tmp_path / "templates"
    before, files_before = _state(receiver), _files(templates)
    try:
        report = import_pack(receiver, pack, templates_dir=templates)
    except PackError as exc:
        assert_one_chinese_line(exc.message)
        for code in (errno.EINVAL, errno.EIO, errno.ENOENT, errno.EACCES):
            assert os.strerror(code) not in exc.message, exc.message  # plain Chinese only
        assert _state(receiver) == before
        assert _files(templates) == files_before
        return
    # merged whole: every new letter holds exactly the paragraphs of its line in the pack
    assert receiver.integrity_check() == "ok"
    assert receiver.letters.count() == before[0] + len(report.added)
    with zipfile.ZipFile(pack) as zf:
        lines = [json.loads(x) for x in zf.read(LETTERS).split(b"\n") if x.strip()]
    duplicates = {d["line"] for d in report.duplicates}
    new = [line for n, line in enumerate(lines, 1) if n not in duplicates]
    assert len(new) == len(report.added)
    for letter_id, line in zip(report.added, new, strict=True):
        stored = receiver.letters.detail(letter_id)
        assert stored is not None
        assert [p.text for p in stored.paragraphs] == [p["text"] for p in line["paragraphs"]]
