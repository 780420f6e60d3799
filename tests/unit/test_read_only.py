"""A library on a read-only medium: opened read-only, said so, read/search/export work, every
write is a plain message (exit 2 on the command line), never "damaged".

The read-only medium is a real read-only bind mount (``mount --bind -o ro`` in a private mount
namespace made with ``unshare -m``): as root, permission bits would not stop a write. Without
``unshare`` (not root, another OS) the mount tests are skipped; the store-level test below
simulates the medium by reporting the location read-only, and then the opening semantics
(``immutable=1``) are SQLite's real ones."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.casework import Case
from desktop.importer import import_paths
from desktop.store import LibraryReadOnly, LibraryStore, open_files
from desktop.store.backup import check_backup, make_backup
from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[2]


def _can_mount_read_only(tmp_path: Path) -> bool:
    if os.name != "posix" or shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    proc = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind -o ro {probe} {probe} && ! touch {probe}/x"],
        capture_output=True,
    )
    return proc.returncode == 0


@pytest.fixture
def library(tmp_path: Path) -> Path:
    db = tmp_path / "usb" / "library.db"
    with LibraryStore(db) as store:
        list(import_paths(store, [SAMPLES]))
        store.profile.set_value("agency_name", "南通市科学技术局")
    assert not Path(f"{db}-wal").exists()  # closed cleanly, as on a stick handed over
    return db


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _on_read_only_mount(
    folder: Path, tmp_path: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    command = " ".join(f"'{a}'" for a in [sys.executable, "-m", "desktop", *args])
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind -o ro '{folder}' '{folder}' && {command}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home),
             "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state")},
    )  # fmt: skip


def test_the_command_line_reads_a_library_on_a_read_only_mount(
    library: Path, tmp_path: Path
) -> None:
    if not _can_mount_read_only(tmp_path):
        pytest.skip("needs root and unshare for a read-only bind mount")
    folder = library.parent
    conn = sqlite3.connect(library)  # letters an older parser read: they cannot be re-read here
    with conn:
        conn.execute("UPDATE letters SET parser_version = 0")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = _digest(folder)
    db = ["--db", str(library)]
    out = tmp_path / "out"
    out.mkdir()
    case = tmp_path / "case.json"
    case.write_text('{"number": "1", "title": "关于科技的建议", "proposers": ["王明"]}', "utf-8")

    reads = {
        "search": ["search", "科技", *db],
        "letters": ["letters", *db],
        "show": ["show", "1", *db],
        "similar": ["similar", "--title", "关于科技创新的建议", *db],
        "profile show": ["profile", "show", *db],
        "backup elsewhere": ["backup", "--to", str(out / "copy.db"), *db],
        "export-pack": ["export-pack", "--out", str(out / "pack.zip"), *db],
    }
    for what, args in reads.items():
        proc = _on_read_only_mount(folder, tmp_path, *args)
        assert proc.returncode == 0, (what, proc.stderr)
        assert "损坏" not in proc.stderr and "Traceback" not in proc.stderr, what
    assert "科技" in _on_read_only_mount(folder, tmp_path, "search", "科技", *db).stdout
    listed = _on_read_only_mount(folder, tmp_path, "letters", *db).stderr
    assert "只读" in listed and "reparse" not in listed
    assert check_backup(out / "copy.db").letters == 5
    assert (out / "pack.zip").stat().st_size > 0

    writes = {
        "import": ["import", str(SAMPLES), *db],
        "profile set": ["profile", "set", "signer", "张局长", *db],
        "draft": ["draft", "--case", str(case), "--out", str(out / "a.docx"), *db],
        "import-pack": ["import-pack", str(out / "pack.zip"), *db],
        "edit": ["edit", "1", "--set", "agency=某局", *db],
        "delete": ["delete", "1", "--yes", *db],
        "reparse": ["reparse", *db],
    }
    for what, args in writes.items():
        proc = _on_read_only_mount(folder, tmp_path, *args)
        assert proc.returncode == 2, (what, proc.stdout, proc.stderr)
        assert "资料库是只读的" in proc.stderr and "Traceback" not in proc.stderr, what
    assert not (out / "a.docx").exists()
    assert _digest(folder) == before  # nothing written, nothing created beside it


def test_the_store_opens_a_read_only_library_and_refuses_writes(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(open_files, "read_only_location", lambda path: True)
    before = _digest(library.parent)
    with LibraryStore(library) as store:
        assert store.read_only
        assert store.letters.count() == 5
        assert store.profile.load().agency_name == "南通市科学技术局"
        with pytest.raises(LibraryReadOnly) as info:
            store.profile.set_value("signer", "张局长")
        assert info.value.message.startswith("资料库是只读的")
        with pytest.raises(LibraryReadOnly):
            store.cases.save(Case(number="1", title="关于科技的建议", proposers=["王明"]))
    assert _digest(library.parent) == before


def test_the_importer_reports_a_read_only_library_per_file(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(open_files, "read_only_location", lambda path: True)
    other = library.parent / "new.txt"
    other.write_text("关于第九号建议的答复\n王明代表：\n这是一份新的答复正文。\n", "utf-8")
    with LibraryStore(library) as store:
        results = [p.result for p in import_paths(store, [SAMPLES, other])]
    assert [r.status for r in results] == ["duplicate"] * 5 + ["failed"]
    assert "资料库是只读的" in results[-1].message


def test_a_backup_of_a_read_only_library_goes_elsewhere(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(open_files, "read_only_location", lambda path: True)
    monkeypatch.setattr("desktop.store.backup.read_only_location", lambda path: True)
    made = make_backup(library, tmp_path / "elsewhere", reason="manual")
    assert check_backup(made).letters == 5
