"""The parallel import (desktop/import_pipeline.py): worker processes read, one writer stores
in batches — and the library ends up exactly as the one-file-at-a-time import leaves it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import desktop.import_pipeline as pipeline
from bench.corpus import generate
from desktop.import_steps import INTERNAL_ERROR
from desktop.import_workers import WorkerDied, WorkerPool
from desktop.importer import ImportProgress, import_paths
from desktop.search import search
from desktop.store import LibraryStore

# What a letter's rows hold apart from when and from where it was imported.
_LETTER_COLUMNS = (
    "kind, title, addressee, addressee_role, proposal_number, proposal_title, session, agency,"
    " main_organizer, co_organizers, reply_date, year, category, contact_name, contact_phone,"
    " doc_number, source_format, content_hash, addressee_count, source_hash, field_sources,"
    " parser_version"
)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Generated letters past the pool's threshold (text, GBK text, DOCX; shared paragraphs,
    a few re-saved duplicates) in a folder."""
    folder = tmp_path_factory.mktemp("archive")
    return generate(folder / "files", pipeline.PARALLEL_MIN_FILES + 10, seed=3)


def _import(db: Path, paths: list[Path], **kwargs: Any) -> list[ImportProgress]:
    with LibraryStore(db) as store:
        return list(import_paths(store, paths, **kwargs))


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row that an import writes, keyed by letter file name rather than id."""
    conn = sqlite3.connect(db)
    try:
        name = "replace(source_path, rtrim(source_path, replace(source_path, '/', '')), '')"
        letters = conn.execute(
            f"SELECT {name}, {_LETTER_COLUMNS} FROM letters ORDER BY 1"
        ).fetchall()
        places = conn.execute(
            f"""SELECT {name}, lp.position, lp.section, lp.is_heading, lp.original, p.hash,
                       p.text, p.length, p.is_heading, p.latest_year, p.search_text
                FROM letter_paragraphs lp JOIN letters l ON l.id = lp.letter_id
                JOIN paragraphs p ON p.id = lp.paragraph_id ORDER BY 1, 2"""
        ).fetchall()
        sources = conn.execute(
            f"SELECT {name}, s.source_text FROM letter_sources s"
            " JOIN letters l ON l.id = s.letter_id ORDER BY 1"
        ).fetchall()
        words = conn.execute(
            """SELECT p.hash, w.words FROM paragraph_words_fts w
               JOIN paragraphs p ON p.id = w.rowid ORDER BY 1"""
        ).fetchall()
        titles = conn.execute(
            f"""SELECT {name}, t.title, w.words FROM letters l
                JOIN letter_titles_fts t ON t.rowid = l.id
                JOIN title_words_fts w ON w.rowid = l.id ORDER BY 1"""
        ).fetchall()
        counts = [
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("paragraphs", "paragraph_words_fts", "title_words_fts")
        ]
        for index in ("paragraphs_fts", "chars_fts", "paragraph_words_fts", "title_words_fts"):
            conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
    finally:
        conn.close()
    return {
        "letters": letters,
        "places": places,
        "sources": sources,
        "words": words,
        "titles": titles,
        "counts": [tuple(counts)],
    }


def _hits(db: Path, queries: list[str]) -> list[list[tuple[str, str]]]:
    with LibraryStore(db) as store:
        return [[(h.text, h.section) for h in search(store, q, limit=50)] for q in queries]


def test_workers_store_exactly_what_the_one_by_one_import_stores(
    archive: list[Path], tmp_path: Path
) -> None:
    one_by_one = _import(tmp_path / "a.db", archive, workers=None)  # the pipeline
    # The same files one per call (below the pipeline's threshold: one transaction per file).
    for path in archive:
        _import(tmp_path / "b.db", [path])
    parallel = _import(tmp_path / "c.db", archive, workers=2)
    in_process = _import(tmp_path / "d.db", archive, workers=0)
    expected = _rows(tmp_path / "b.db")
    assert expected["letters"] and expected["places"] and expected["words"]
    for db in ("a.db", "c.db", "d.db"):
        assert _rows(tmp_path / db) == expected, db
    statuses = [p.result.status for p in parallel]
    assert (
        statuses == [p.result.status for p in one_by_one] == [p.result.status for p in in_process]
    )
    assert "duplicate" in statuses and statuses.count("imported") > 80
    assert [p.result.path for p in parallel] == [str(p) for p in archive]
    queries = ["科技", "创新", "的", "企业 发展", "下一步打算", "关于"]
    assert _hits(tmp_path / "c.db", queries) == _hits(tmp_path / "b.db", queries)


def test_progress_counts_every_file_once_in_order(archive: list[Path], tmp_path: Path) -> None:
    missing = tmp_path / "不存在的文件夹"
    steps = _import(tmp_path / "a.db", [missing, *archive[:30]], workers=2)
    assert [s.done for s in steps] == list(range(1, 32))
    assert {s.total for s in steps} == {31}
    assert steps[0].result.status == "failed"
    assert [s.result.path for s in steps[1:]] == [str(p) for p in archive[:30]]


def test_a_bad_file_among_good_ones_fails_alone(archive: list[Path], tmp_path: Path) -> None:
    folder = tmp_path / "混合"
    folder.mkdir()
    good = archive[:12]
    for i, path in enumerate(good):
        (folder / f"{i:02d}{path.suffix}").write_bytes(path.read_bytes())
    (folder / "05a-损坏.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "05b-空白.txt").write_text("\n\n   \n", encoding="utf-8")
    (folder / "05c-只有标题.txt").write_text("关于某某的答复\n", encoding="utf-8")
    steps = _import(tmp_path / "lib.db", [folder], workers=2)
    by_name = {Path(s.result.path).name: s.result for s in steps}
    assert len(steps) == 15
    for bad in ("05a-损坏.docx", "05b-空白.txt", "05c-只有标题.txt"):
        assert by_name[bad].status == "failed" and by_name[bad].message, bad
    good_results = [r for n, r in by_name.items() if "-" not in n]
    assert len(good_results) == 12
    assert all(r.status in ("imported", "duplicate") for r in good_results)
    with LibraryStore(tmp_path / "lib.db") as store:
        imported = sum(r.status == "imported" for r in good_results)
        assert store.letters.count() == imported
        assert store.integrity_check() == "ok"


def test_a_letter_the_writer_cannot_store_spoils_nothing_else(
    archive: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Storing one letter raises halfway (its letter row written, a bug after): its batch
    rolls back, the other letters are stored one by one, only that one fails."""
    files = archive[:20]
    victim = files[7]
    with LibraryStore(tmp_path / "lib.db") as store:
        real_add = store.letters.add

        def add(letter: Any, **kwargs: Any) -> int:
            letter_id = real_add(letter, **kwargs)
            if kwargs["source_path"] == str(victim.resolve()):
                raise RuntimeError("a bug while storing this letter")
            return letter_id

        monkeypatch.setattr(store.letters, "add", add)
        steps = list(import_paths(store, files, workers=2))
        results = {s.result.path: s.result for s in steps}
        assert results[str(victim)].status == "failed"
        assert results[str(victim)].message == INTERNAL_ERROR
        others = [r for p, r in results.items() if p != str(victim)]
        assert all(r.status in ("imported", "duplicate") for r in others)
        stored = {Path(x.source_path or "").name for x in store.letters.all()}
        assert victim.name not in stored
        assert len(stored) == sum(r.status == "imported" for r in others)
        assert store.integrity_check() == "ok"


def test_stopping_keeps_exactly_the_files_reported(
    archive: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "BATCH_LETTERS", 10)  # several batches for 90 letters
    with LibraryStore(tmp_path / "lib.db") as store:
        steps = import_paths(store, archive, workers=2)
        reported = [next(steps) for _ in range(15)]
        steps.close()  # the window's cancel closes the generator between two steps
        imported = [s.result for s in reported if s.result.status == "imported"]
        assert store.letters.count() == len(imported) >= 10
        assert store.integrity_check() == "ok"
        again = [s.result.status for s in import_paths(store, archive, workers=2)]
        total = store.letters.count()
    assert set(again[:15]) == {"duplicate"}  # nothing reported was lost, nothing doubled
    fresh = _import(tmp_path / "fresh.db", archive, workers=2)
    assert total == sum(s.result.status == "imported" for s in fresh)
    assert again.count("imported") == total - len(imported)


def test_a_broken_worker_pool_falls_back_to_reading_here(
    archive: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise WorkerDied("the pipe to the worker is closed")

    monkeypatch.setattr(WorkerPool, "submit", broken)
    steps = _import(tmp_path / "lib.db", archive[:20], workers=2)
    assert all(s.result.status in ("imported", "duplicate") for s in steps)
    assert len(steps) == 20
    # the clerk is told once, on the first file read here
    assert [bool(s.result.notice) for s in steps] == [True] + [False] * 19
    assert "后台进程意外结束" in steps[0].result.notice


def test_the_command_line_imports_a_large_folder_with_workers(
    archive: list[Path], tmp_path: Path
) -> None:
    """``replydesk import`` of a folder past the threshold: worker processes spawned from
    ``python -m desktop`` read the files (a broken spawn would log and read them itself)."""
    root = Path(os.path.commonpath([str(p) for p in archive]))
    assert len(archive) >= pipeline.PARALLEL_MIN_FILES
    home = tmp_path / "home"
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        **{f"XDG_{k}_HOME": str(home / k) for k in ("STATE", "DATA", "CACHE", "CONFIG")},
    }
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "import", str(root), "--db", str(tmp_path / "l.db"),
         "--json"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout)
    assert len(results) == len(archive)
    assert {r["status"] for r in results} == {"imported", "duplicate"}
    logs = "".join(p.read_text("utf-8") for p in home.rglob("*.log"))
    assert "import worker failed" not in proc.stderr + logs


def test_a_failed_commit_stops_the_import_and_names_what_was_not_kept(
    archive: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit that fails (a full disk at COMMIT) rolls its batch back and stops the import
    with the files reported since the last commit named: nothing reported as imported is
    silently missing from the library."""
    from desktop.store.errors import LibraryDiskFull

    monkeypatch.setattr(pipeline, "BATCH_LETTERS", 10)
    with LibraryStore(tmp_path / "lib.db") as store:
        real_end = store.letters.end_batch
        commits = 0

        def end_batch(*, commit: bool) -> None:
            nonlocal commits
            if commit:
                commits += 1
                if commits == 2:  # the second batch: undone, as SQLite undoes a failed COMMIT
                    real_end(commit=False)
                    raise LibraryDiskFull("磁盘空间不足")
            real_end(commit=commit)

        monkeypatch.setattr(store.letters, "end_batch", end_batch)
        reported = []
        with pytest.raises(pipeline.ImportInterrupted) as caught:
            for step in import_paths(store, archive, workers=0):
                reported.append(step.result)
        kept = store.letters.count()
        assert store.integrity_check() == "ok"
    imported = [r for r in reported if r.status == "imported"]
    assert caught.value.message.startswith("导入中断：磁盘空间不足；")
    lost = caught.value.lost
    assert lost and len(lost) <= 10
    # The first batch is kept; what the failed batch reported is exactly what was lost.
    assert kept == len(imported) - sum(r.status == "imported" for r in reported[-len(lost) :])
    assert [Path(r.path).name for r in reported[-len(lost) :] if r.status == "imported"] == [
        Path(name).name for name in lost
    ]
