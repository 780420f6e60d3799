"""Import under attack: odd file names, deep folders, garbage through LibreOffice."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import pytest

from desktop.importer import MAX_FOLDER_DEPTH, import_paths
from desktop.readers import MSG_CONVERTED_GARBLED, OLE_MAGIC, find_soffice
from desktop.store import LibraryStore
from tests.conftest import ROOT

LETTER = "张三代表：\n您提出的《关于加快孵化器建设的建议》收悉。现答复如下：我们将继续加大投入。\n"

posix_bytes_names = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes"
)


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONIOENCODING": "utf-8",
    }


@posix_bytes_names
def test_a_file_name_that_is_not_utf8_is_imported_and_shown_with_a_replacement_character(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "来信"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/\xff.txt", "wb") as f:
        f.write(LETTER.encode("utf-8"))
    with open(os.fsencode(folder) + b"/\xfe\xfd.docx", "wb") as f:
        f.write(b"not a zip at all")
    db = tmp_path / "lib.db"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "import", str(folder), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        env=_env(tmp_path),
        timeout=120,
    )
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert proc.returncode == 1, err  # one file failed
    assert "Traceback" not in err and "Logging error" not in err, err
    lines = out.splitlines()
    assert any("已导入" in line and "\ufffd.txt" in line for line in lines), out
    assert any("失败" in line and "\ufffd\ufffd.docx" in line for line in lines), out
    store = LibraryStore(db)
    try:
        paths = [letter.source_path for letter in store.letters.all()]
        assert paths == [str(folder / "\ufffd.txt")]
        assert store.integrity_check() == "ok"
    finally:
        store.close()


def test_the_log_keeps_a_record_about_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    script = (
        "import logging, os; from pathlib import Path; from desktop.logs import setup_logging\n"
        f"setup_logging(Path({str(tmp_path)!r}))\n"
        "name = Path(os.fsdecode(b'/x/\\xff.txt'))\n"
        "try:\n"
        "    raise ValueError(str(name))\n"
        "except ValueError:\n"
        "    logging.getLogger('t').exception('import of %s failed', name)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, env=_env(tmp_path),
        timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0 and proc.stderr == b"", proc.stderr.decode()
    log = (tmp_path / "replydesk.log").read_text("utf-8")
    assert "import of /x/\\udcff.txt failed" in log
    assert "Traceback" in log and "ValueError: /x/\\udcff.txt" in log


def test_a_folder_1200_levels_deep_is_walked_without_recursion(
    store: LibraryStore, tmp_path: Path
) -> None:
    root = tmp_path / "深"
    shallow = root / "a" / "b"
    shallow.mkdir(parents=True)
    (shallow / "浅.txt").write_text(LETTER, "utf-8")
    deep = root
    levels = []
    for _ in range(1200):  # os.makedirs is itself recursive
        deep = deep / "d"
        deep.mkdir()
        levels.append(deep)
    (deep / "深.txt").write_text(LETTER.replace("张三", "李四"), "utf-8")
    try:
        results = [p.result for p in import_paths(store, [root])]
    finally:
        # pytest's own clean-up of old temporary folders (shutil.rmtree) is recursive and
        # would fail on this folder in every later run: remove it level by level.
        (deep / "深.txt").unlink()
        for level in reversed(levels):
            level.rmdir()
    assert [(Path(r.path).name, r.status) for r in results] == [
        ("深", "failed"),
        ("浅.txt", "imported"),
    ]
    assert f"超过 {MAX_FOLDER_DEPTH} 层" in results[0].message
    assert store.letters.count() == 1


@pytest.mark.soffice
def test_garbage_through_libreoffice_is_refused_not_imported_as_mojibake(
    store: LibraryStore, tmp_path: Path
) -> None:
    program = _soffice_or_skip()
    folder = tmp_path / "来信"
    folder.mkdir()
    source = tmp_path / "原稿.docx"
    document = docx.Document()
    for i in range(30):
        document.add_paragraph(
            f"我们认真研究了您提出的关于加快科技创新的建议，现答复如下。第{i}段。"
        )
    document.save(str(source))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--norestore", "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    real = (tmp_path / "原稿.doc").read_bytes()
    rng = random.Random(4)
    # a real .doc whose text stream is damaged: LibreOffice reads the bytes as UTF-16 text
    damaged = bytearray(real)
    start = damaged.index("我们认真研究".encode("utf-16-le"))
    damaged[start : start + 1800] = bytes(rng.randrange(256) for _ in range(1800))
    (folder / "损坏.doc").write_bytes(bytes(damaged))
    # random bytes behind an OLE header, named .doc and .docx
    noise = OLE_MAGIC + bytes(rng.randrange(256) for _ in range(20_000))
    (folder / "乱码.doc").write_bytes(noise)
    (folder / "乱码.docx").write_bytes(noise)
    (folder / "原稿.doc").write_bytes(real)  # the undamaged one still imports

    results = {Path(p.result.path).name: p.result for p in import_paths(store, [folder])}
    assert results["原稿.doc"].status == "imported", results["原稿.doc"].message
    for name in ("损坏.doc", "乱码.doc", "乱码.docx"):
        result = results[name]
        assert result.status == "failed"
        assert result.message == f"无法读取 {name}：{MSG_CONVERTED_GARBLED}"
        assert "\n" not in result.message
    assert store.letters.count() == 1
    assert store.integrity_check() == "ok"


def _soffice_or_skip() -> str:
    program = find_soffice()
    if program is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI must have LibreOffice (soffice) installed")
        pytest.skip("LibreOffice (soffice) is not installed")
    return program
