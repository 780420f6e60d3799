"""A restore killed half-way leaves its copy beside the library; the next restore, backup or
start removes it (its process is gone) — and never the copy of a restore still running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store import LibraryStore
from desktop.store import backup as B
from desktop.store.leftovers import remove_leftovers
from tests.conftest import make_letter

ROOT = Path(__file__).resolve().parents[2]

# A restore that stops (as if the machine hung) once its copy beside the library is written.
SLOW_RESTORE = """
import sys, time
from pathlib import Path
from desktop.store import backup, restore
real = restore.copy_database
def copy_then_hang(source, target):
    real(source, target)
    if ".restore-" in target.name:
        print("copied", flush=True)
        time.sleep(600)
restore.copy_database = copy_then_hang
backup.restore_backup(Path(sys.argv[1]), Path(sys.argv[2]))
"""


@pytest.fixture
def library(tmp_path: Path) -> Path:
    db = tmp_path / "lib" / "library.db"
    with LibraryStore(db) as store:
        store.letters.add(make_letter(["一段正文。"]), content_hash="x", source_path=None,
                         source_format="txt")  # fmt: skip
    return db


def _parts(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f".{db.name}.restore-*.part*"))


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
@pytest.mark.parametrize("next_step", ["backup", "restore", "start"])
def test_a_restore_killed_half_way_is_cleaned_up(
    next_step: str, library: Path, tmp_path: Path
) -> None:
    made = B.make_backup(library, tmp_path / "elsewhere", reason="manual")
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_RESTORE, str(made), str(library)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().strip() == "copied"
    part = _parts(library)
    assert part and part[0].stat().st_size > 0
    # While it runs, nobody removes its copy.
    assert remove_leftovers(library) == [] and _parts(library) == part
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _parts(library) == part  # what kill -9 leaves
    if next_step == "backup":
        B.make_backup(library, reason="manual")
    elif next_step == "restore":
        B.restore_backup(made, library)
    else:
        LibraryStore(library).close()
    assert _parts(library) == []
    with LibraryStore(library) as store:
        assert store.letters.count() == 1


def test_day_old_parts_in_the_backups_folder_go_fresh_ones_stay(library: Path) -> None:
    folder = B.backups_dir(library)
    folder.mkdir(parents=True, exist_ok=True)
    old = folder / "library-2026-01-01-0900-daily.db.part"
    fresh = folder / "library-2026-01-02-0900-daily.db.part"
    for p in (old, fresh):
        p.write_bytes(b"x" * 100)
    week_ago = time.time() - 7 * 24 * 3600
    os.utime(old, (week_ago, week_ago))
    LibraryStore(library).close()
    assert not old.exists() and fresh.exists()
