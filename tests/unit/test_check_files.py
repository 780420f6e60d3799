"""``replydesk check`` on DOCX files the importer accepts, and ``--fix`` on a full disk."""

from __future__ import annotations

import errno
import io
import os
import shutil
import struct
import subprocess
import sys
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from desktop.model import ImportFailure
from desktop.proofread import check_file
from desktop.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_STRICT = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
TEXT = "您提出的的建议收悉,我们认真研究."
FIXED = "您提出的建议收悉，我们认真研究。"


def _letter(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("王明代表：")
    document.add_paragraph(TEXT)
    document.save(str(path))
    return path


def _damaged_styles(path: Path) -> Path:
    """A letter whose style sheet's compressed data is destroyed (the main part is fine)."""
    data = bytearray(_letter(path).read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/styles.xml")
    name_len, extra_len = struct.unpack(
        "<HH", data[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_len + extra_len
    data[start : start + 40] = b"\xff" * 40  # an invalid deflate block type
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as z, pytest.raises(Exception, match="invalid block type"):
        z.read("word/styles.xml")
    return path


def _strict(path: Path) -> Path:
    """The same letter in the ISO 29500 Strict namespaces."""
    source = _letter(path.with_name("source.docx"))
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info).replace(W, W_STRICT).replace(REL, REL_STRICT))
    return path


def _run_check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "check", *args, "--date", "2026-06-01"],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "REPLYDESK_DB": str(cwd / "never.db")},
    )  # fmt: skip


def test_a_damaged_style_part_is_read_and_not_fixed(tmp_path: Path) -> None:
    path = _damaged_styles(tmp_path / "样式损坏.docx")
    assert TEXT in read_document(path).lines  # the importer accepts it
    findings, _ = check_file(path, date="2026-06-01", fix=False)
    assert {f.kind for f in findings} == {"doubled", "halfwidth_punct"}
    done = _run_check(str(path), cwd=tmp_path)
    assert done.returncode == 1 and "“的的”重复了" in done.stdout, done.stderr
    before = path.read_bytes()
    done = _run_check(str(path), "--fix", cwd=tmp_path)
    # The fix would have to rewrite the damaged part: refused in one line, nothing changed.
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "损坏" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before and not path.with_name(path.name + ".bak").exists()


def test_a_strict_document_is_checked_and_fixed_in_its_own_namespace(tmp_path: Path) -> None:
    path = _strict(tmp_path / "严格.docx")
    assert read_document(path).lines[-1] == TEXT
    done = _run_check(str(path), cwd=tmp_path)
    assert done.returncode == 1 and "“的的”重复了" in done.stdout, done.stderr
    done = _run_check(str(path), "--fix", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(path) as fixed, zipfile.ZipFile(tmp_path / "source.docx") as source:
        main = fixed.read("word/document.xml")
        assert W_STRICT in main and W not in main
        for name in fixed.namelist():  # every other part untouched
            if name != "word/document.xml":
                original = source.read(name).replace(W, W_STRICT).replace(REL, REL_STRICT)
                assert fixed.read(name) == original, name
    assert read_document(path).lines[-1] == FIXED
    assert _run_check(str(path), cwd=tmp_path).returncode == 0


# ----------------------------------------------------------------------------------------------
# --fix on a full disk


def test_a_failing_backup_write_keeps_the_old_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "答复.txt"
    path.write_text("工作的的厚爱\n", encoding="utf-8")
    backup = tmp_path / "答复.txt.bak"
    backup.write_text("上一次的备份\n", encoding="utf-8")

    def copy_then_disk_full(src: str | Path, dst: str | Path, **kwargs: object) -> None:
        Path(dst).write_bytes(b"half")  # part of the copy went in, then the disk was full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copy2", copy_then_disk_full)
    with pytest.raises(ImportFailure) as caught:
        check_file(path, date=None, fix=True)
    assert "答复.txt.bak" in caught.value.message and "磁盘" in caught.value.message
    assert backup.read_text(encoding="utf-8") == "上一次的备份\n"
    assert path.read_text(encoding="utf-8") == "工作的的厚爱\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["答复.txt", "答复.txt.bak"]


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KB tmpfs (needs root and mount rights, as on the developers' machines and CI)."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_check_fix_on_a_full_disk_leaves_the_old_backup(tiny_disk: Path) -> None:
    path = tiny_disk / "答复.txt"
    body = "工作的的厚爱。" * 800  # ~17 KB in UTF-8
    path.write_text(body, encoding="utf-8")
    backup = tiny_disk / "答复.txt.bak"
    old_backup = ("上一次的备份。" * 800).encode("utf-8")
    backup.write_bytes(old_backup)
    filler = tiny_disk / "filler"  # leave 8 KB: less than the copy the backup needs
    filler.write_bytes(b"\0" * (shutil.disk_usage(tiny_disk).free - 8 * 1024))
    assert shutil.disk_usage(tiny_disk).free < len(body.encode("utf-8"))
    done = _run_check(str(path), "--fix", cwd=tiny_disk.parent)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "答复.txt.bak" in done.stderr
    assert backup.read_bytes() == old_backup  # not a 0-byte or half copy
    assert path.read_text(encoding="utf-8") == body
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["filler", "答复.txt", "答复.txt.bak"]
