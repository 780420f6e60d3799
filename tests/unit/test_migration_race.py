"""Several real processes opening a new library, or one that needs a migration, at once:
the schema is created or migrated once, no process fails, one before-migration copy."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import LibraryStore
from desktop.store.connection import LibraryDatabase
from desktop.store.schema import known_migration_names
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 6

OPEN = """
import sys, time
from pathlib import Path
from desktop.store import LibraryStore
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
with LibraryStore(sys.argv[1]) as store:
    print(store.letters.count(), len(store.schema_migrations()))
"""


def _open_at_once(db: Path, tmp_path: Path) -> list[subprocess.CompletedProcess[str]]:
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", OPEN, str(db), str(go)], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(PROCESSES)
    ]  # fmt: skip
    go.touch()  # all started (their imports done or nearly): now they open together
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(p.args, p.returncode or 0, out, err))
    return results


def _applied(db: Path) -> list[str]:
    conn = sqlite3.connect(str(db))
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    finally:
        conn.close()


def test_many_processes_create_a_new_library_at_once(tmp_path: Path) -> None:
    db = tmp_path / "new" / "library.db"
    results = _open_at_once(db, tmp_path)
    for r in results:
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr
    names = _applied(db)
    assert sorted(names) == sorted(known_migration_names())  # each applied exactly once
    assert not (db.parent / "backups").exists()  # a new library needs no copy


def test_many_processes_migrate_an_old_library_at_once(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    shutil.copyfile(FIXTURES / "library-v1.db", db)
    letters_before = sqlite3.connect(str(db)).execute("SELECT count(*) FROM letters").fetchone()
    results = _open_at_once(db, tmp_path)
    for r in results:
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr
        assert r.stdout.split()[0] == str(letters_before[0])
    assert sorted(_applied(db)) == sorted(known_migration_names())
    copies = list((tmp_path / "backups").glob("library-*-before-migration*"))
    assert len(copies) == 1 and copies[0].suffix == ".db"
    assert _applied(copies[0]) == ["m001_library"]
    with LibraryStore(db) as store:
        assert store.integrity_check() == "ok"


def test_a_migration_runs_as_one_transaction(tmp_path: Path) -> None:
    """A script inside the migration's transaction is not committed half-way."""
    conn = sqlite3.connect(str(tmp_path / "x.db"))
    db = LibraryDatabase(conn, timeout=1.0)
    db.begin_write()
    db.executescript(
        "CREATE TABLE a (x); -- a comment; with a semicolon\n"
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO a VALUES (1); END;\n"
        "CREATE TABLE b (y);"
    )
    assert conn.in_transaction
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


@pytest.mark.parametrize("taken", [1, 2])
def test_the_before_migration_copy_never_overwrites_another(tmp_path: Path, taken: int) -> None:
    from desktop.store.backup_files import name_for

    now = dt.datetime(2026, 11, 21, 9, 30)  # two libraries migrated in the same minute
    first = name_for(tmp_path, "before-migration", now)
    first.touch()
    if taken == 2:
        Path(f"{name_for(tmp_path, 'before-migration', now)}.part").touch()
    other = name_for(tmp_path, "before-migration", now)
    assert other != first and not other.exists()
