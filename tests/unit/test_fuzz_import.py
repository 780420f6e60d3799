"""Fuzzing the importer: mutated .txt and .docx files (seeded from the sample library) go through
the real importer into a real library. Whatever the bytes, an import ends as imported, duplicate
or failed with one line of Chinese; never an internal error, never a letter half stored, and the
library stays sound. Bounded to ~20–30 s (see tests/fuzzing.py; REPLYDESK_FUZZ_SCALE for more).
"""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importer import import_paths
from desktop.library_rows import ParagraphRow
from desktop.paragraph_split import MAX_PARAGRAPH_CHARS
from desktop.readers import read_document
from desktop.store import LibraryStore
from desktop.understand import parse_letter
from tests.conftest import SAMPLES
from tests.fuzzing import assert_one_chinese_line, fuzz_settings

TEXTS = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
TXT_SEEDS = [
    *(t.encode("utf-8") for t in TEXTS),
    TEXTS[0].encode("gb18030"),
    TEXTS[1].encode("utf-16"),
    b"\xef\xbb\xbf" + TEXTS[2].encode("utf-8"),
]


def _docx_seed(text: str, with_table: bool) -> bytes:
    document = docx.Document()
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines[:40]:
        document.add_paragraph(line)
    if with_table:
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text = "答复日期:"
        table.rows[0].cells[1].text = "2021年6月1日"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX_SEEDS = [_docx_seed(t, i % 2 == 0) for i, t in enumerate(TEXTS)]

# Pieces a hostile or damaged file carries: runs without punctuation, control characters,
# markup, entity references, lone surrogate bytes, an OLE or zip header in the wrong place.
_NASTY = [
    "研" * 12_000,
    ("科技 创新 " * 3000),
    "\x00\x01\x1b",
    "&x;&amp;&#0;&#xD800;",
    "<w:t>插入</w:t><w:p>",
    '<!DOCTYPE w:document [<!ENTITY x "中间">]>',
    "\u2028\u2029\ufeff\u200b",
    "一、\n（一）\n1.\n",
    "|" * 500,
]
_NASTY_BYTES = [
    *(s.encode("utf-8") for s in _NASTY),
    b"\xed\xa0\x80",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"PK\x03\x04",
    b"\xff\xfe",
]


@st.composite
def _mutated_bytes(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            data.extend(draw(st.binary(min_size=1, max_size=64)))
        at = draw(st.integers(0, len(data) - 1))
        action = draw(
            st.sampled_from(["flip", "cut", "insert", "delete", "duplicate", "nasty", "splice"])
        )
        if action == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 256))]
        elif action == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 2048))]
        elif action == "nasty":
            data[at:at] = draw(st.sampled_from(_NASTY_BYTES))
        else:
            other = draw(st.sampled_from(TXT_SEEDS))
            start = draw(st.integers(0, len(other) - 1))
            data[at:at] = other[start : start + draw(st.integers(1, 4096))]
    return bytes(data)


@st.composite
def _mutated_text(draw: st.DrawFn) -> bytes:
    """A sample letter edited as text (so it still decodes), then encoded."""
    lines = draw(st.sampled_from(TEXTS)).splitlines()
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["nasty", "join", "drop", "repeat", "random"]))
        if action == "nasty":
            lines.insert(at, draw(st.sampled_from(_NASTY)))
        elif action == "join" and at + 1 < len(lines):
            lines[at : at + 2] = [lines[at] + lines[at + 1]]
        elif action == "drop" and at < len(lines):
            del lines[at]
        elif action == "repeat" and at < len(lines):
            lines.insert(at, lines[at] * draw(st.integers(2, 50)))
        elif action == "random":
            lines.insert(at, draw(st.text(max_size=200)))
    text = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    return text.encode(encoding, errors="replace")


@st.composite
def _txt(draw: st.DrawFn) -> tuple[bytes, str]:
    if draw(st.booleans()):
        return draw(_mutated_text()), ".txt"
    return draw(_mutated_bytes(draw(st.sampled_from(TXT_SEEDS)))), ".txt"


def _rezip(data: bytes, part: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == part else source.read(info))
    return buffer.getvalue()


@st.composite
def _docx(draw: st.DrawFn) -> tuple[bytes, str]:
    seed = draw(st.sampled_from(DOCX_SEEDS))
    where = draw(st.sampled_from(["document.xml", "document.xml", "rels", "zip"]))
    if where == "zip":  # the package itself damaged
        return draw(_mutated_bytes(seed)), ".docx"
    part = "word/document.xml" if where == "document.xml" else "_rels/.rels"
    xml = zipfile.ZipFile(io.BytesIO(seed)).read(part)
    return _rezip(seed, part, draw(_mutated_bytes(xml))), ".docx"


def _assert_whole(store: LibraryStore, letter_id: int) -> list[ParagraphRow]:
    """The letter's paragraphs, checked whole: positions 0..n-1, none over the cap."""
    stored = store.letters.detail(letter_id)
    assert stored is not None
    paragraphs = stored.paragraphs
    assert paragraphs, f"letter {letter_id} has no paragraphs"
    assert [p.position for p in paragraphs] == list(range(len(paragraphs)))
    assert max(len(p.text) for p in paragraphs) <= MAX_PARAGRAPH_CHARS
    return paragraphs


def _import_one(
    store: LibraryStore, folder: Path, data: bytes, suffix: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = folder / f"来信{suffix}"
    path.write_bytes(data)
    letters, paragraphs = store.letters.count(), store.letters.paragraph_count()
    caplog.clear()
    results = [p.result for p in import_paths(store, [path])]
    assert len(results) == 1
    result = results[0]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, errors[0].getMessage()
    assert "程序内部错误" not in result.message, result.message
    if result.status == "imported":
        assert store.letters.count() == letters + 1
        assert result.letter_id is not None
        stored = _assert_whole(store, result.letter_id)
        expected = parse_letter(read_document(path).lines).blocks
        assert [p.text for p in stored] == [b.text for b in expected]
    else:
        assert result.status in ("duplicate", "failed"), result.status
        assert_one_chinese_line(result.message)
        assert (store.letters.count(), store.letters.paragraph_count()) == (letters, paragraphs)
    assert store.integrity_check() == "ok"


@fuzz_settings(examples=300)
@given(sample=_txt())
def test_fuzz_import_txt(
    store: LibraryStore, tmp_path: Path, caplog: pytest.LogCaptureFixture,
    sample: tuple[bytes, str],
) -> None:  # fmt: skip
    _import_one(store, tmp_path, *sample, caplog)


@fuzz_settings(examples=300)
@given(sample=_docx())
def test_fuzz_import_docx(
    store: LibraryStore, tmp_path: Path, caplog: pytest.LogCaptureFixture,
    sample: tuple[bytes, str],
) -> None:  # fmt: skip
    _import_one(store, tmp_path, *sample, caplog)
