"""One zip-bomb guard with one set of limits, for .docx files and packs alike."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from desktop.model import ImportFailure
from desktop.packs import MANIFEST, PackError, verify_pack
from desktop.readers import read_document
from desktop.zip_guard import (
    MAX_COMPRESSION_RATIO,
    MAX_UNZIPPED_TOTAL,
    RATIO_FLOOR,
    find_zip_bomb,
)

# 2 MB that deflates about 150 fold: over the guard's ratio above its 1 MB floor, but under
# the 200 fold the packs allowed and below the 10 MB the readers looked at before.
_SIZE = 2 * 1024 * 1024


def _dense_member() -> bytes:
    noise = os.urandom(12_000)
    return noise + bytes(_SIZE - len(noise))


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _ratio(path: Path, member: str) -> float:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    return info.file_size / info.compress_size


def test_limits_are_the_safer_of_the_old_pairs() -> None:
    assert MAX_COMPRESSION_RATIO == 100
    assert RATIO_FLOOR == 1024 * 1024
    # A whole 10,000-letter library (about 33 KB a letter) still fits in one pack.
    assert MAX_UNZIPPED_TOTAL >= 10_000 * 33 * 1024


def test_a_docx_and_a_pack_are_refused_at_the_same_ratio(tmp_path: Path) -> None:
    dense = _dense_member()
    docx = _zip(
        tmp_path / "dense.docx",
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": dense},
    )
    pack = _zip(tmp_path / "dense.zip", {MANIFEST: b"{}", "letters.jsonl": dense})
    ratio = _ratio(docx, "word/document.xml")
    assert MAX_COMPRESSION_RATIO < ratio < 200, ratio

    with pytest.raises(ImportFailure) as failed:
        read_document(docx)
    assert "解压后过大" in failed.value.message
    with pytest.raises(PackError) as refused:
        verify_pack(pack)
    assert "压缩炸弹" in refused.value.message
    assert "letters.jsonl" in refused.value.message


def test_an_ordinary_compression_ratio_passes(tmp_path: Path) -> None:
    # Letters compress 3–10 fold: the guard finds nothing in a zip like that.
    text = ("关于加强农村道路建设的建议答复，" * 20 + "\n").encode() * 4000
    path = _zip(tmp_path / "ok.zip", {"letters.jsonl": text + os.urandom(len(text) // 20)})
    with zipfile.ZipFile(path) as zf:
        assert find_zip_bomb(zf.infolist()) is None


def test_a_declared_total_over_the_limit_is_found_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a", b"x")
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    infos[0].file_size = MAX_UNZIPPED_TOTAL + 1
    infos[0].compress_size = MAX_UNZIPPED_TOTAL + 1
    bomb = find_zip_bomb(infos)
    assert bomb is not None
    assert bomb.reason == "total"
