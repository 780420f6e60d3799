"""Where an import's CPU goes, and the rates it cannot pass on this machine.

    python bench/import_floor.py              # 3,000 text letters of the 10,000-letter corpus
    python bench/import_floor.py --letters 1000

An import is worker processes that read and understand files, and one writer (SQLite has one)
that stores them (desktop/import_pipeline.py). Its rate is bounded by the writer alone,
whatever the number of cores, and on two cores by the writer's and the workers' CPU together.
This measures, on the benchmark corpus (bench/corpus.py) and in this process:

1. the workers' steps: CPU per letter to read, understand, hash and compute the index columns;
2. the writer alone: the same letters prepared beforehand, the first half stored, then the
   second half timed through the importer's batch writer, CPU per letter of each statement;
3. each paragraph index alone: the distinct paragraphs' index columns inserted in 200-letter
   transactions into a database holding only that index.

It prints the bounds 1000 ÷ writer (any cores) and 2000 ÷ (writer + workers) (two cores).
Not part of bench/run.py (a few minutes, and nothing to compare with a baseline): the issue 12
note of 2026-12-05 quotes it. CPU times are process times; the machine's speed wanders, so
compare figures of one run with each other.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import SEED, corpus_files  # noqa: E402
from desktop.import_pipeline import BATCH_LETTERS, _BatchWriter  # noqa: E402
from desktop.import_steps import PreparedFile, prepare_file  # noqa: E402
from desktop.letter_identity import content_hash  # noqa: E402
from desktop.readers import read_document  # noqa: E402
from desktop.store import LibraryStore  # noqa: E402
from desktop.store.index_rows import IndexedParagraph, prepare_indexes  # noqa: E402
from desktop.store.schema import CHAR_TOKEN_PUNCTUATION  # noqa: E402
from desktop.understand import parse_letter  # noqa: E402

PUNCTUATION = CHAR_TOKEN_PUNCTUATION.replace("'", "''")
INDEXES: dict[str, tuple[str, Callable[[IndexedParagraph], str]]] = {
    "trigram (search of 3+ characters)": ("content='', tokenize='trigram'", lambda p: p.folded),
    "one character (search of 1-2)": (
        f"content='', tokenize=\"unicode61 remove_diacritics 0 tokenchars '{PUNCTUATION}'\"",
        lambda p: p.chars,
    ),
    "words (similar letters)": (
        "tokenize='unicode61 remove_diacritics 0', detail=column",
        lambda p: p.words,
    ),
}


def workers_steps(paths: list[Path]) -> dict[str, float]:
    """CPU ms per letter of each step a worker runs for a text file."""
    spent: dict[str, float] = defaultdict(float)
    for path in paths:
        t0 = time.process_time()
        lines = read_document(path).lines
        t1 = time.process_time()
        letter = parse_letter(lines)
        t2 = time.process_time()
        content_hash(letter)
        t3 = time.process_time()
        prepare_indexes(letter)
        t4 = time.process_time()
        spent["read"] += t1 - t0
        spent["understand"] += t2 - t1
        spent["content hash"] += t3 - t2
        spent["index columns (words, folding, hashes)"] += t4 - t3
    return {step: s * 1000 / len(paths) for step, s in spent.items()}


class _TimedConnection:
    """A connection that adds each statement's CPU time to ``spent`` (by its first words)."""

    def __init__(self, conn: sqlite3.Connection, spent: dict[str, float]) -> None:
        self._conn, self._spent = conn, spent

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    def _timed(self, method: str, sql: str, *args: Any) -> Any:
        key = re.sub(r"\s+", " ", sql.strip())[:60]
        start = time.process_time()
        try:
            return getattr(self._conn, method)(sql, *args)
        finally:
            self._spent[key] += time.process_time() - start

    def execute(self, sql: str, *args: Any) -> Any:
        return self._timed("execute", sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        return self._timed("executemany", sql, *args)


def writer_alone(prepared: list[tuple[Path, PreparedFile]]) -> tuple[float, dict[str, float]]:
    """CPU ms per letter of the writer storing the second half of ``prepared`` after the first,
    and of each statement it ran."""
    half = len(prepared) // 2
    spent: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory() as tmp, LibraryStore(Path(tmp) / "lib.db") as store:
        writer = _BatchWriter(store)
        for path, outcome in prepared[:half]:
            writer.write(path, outcome)
            writer.commit_if_due()
        writer.commit()
        store.db.conn = _TimedConnection(store.db.conn, spent)  # type: ignore[assignment]
        start = time.process_time()
        for path, outcome in prepared[half:]:
            writer.write(path, outcome)
            writer.commit_if_due()
        writer.commit()
        total = time.process_time() - start
        store.db.conn = store.db.conn._conn  # type: ignore[attr-defined]
    n = len(prepared) - half
    return total * 1000 / n, {k: v * 1000 / n for k, v in spent.items()}


def each_index(prepared: list[tuple[Path, PreparedFile]]) -> dict[str, float]:
    """CPU ms per letter of inserting the letters' distinct paragraphs into each index alone."""
    batches: list[list[IndexedParagraph]] = []
    seen: set[str] = set()
    for at, (_, outcome) in enumerate(prepared):
        if at % BATCH_LETTERS == 0:
            batches.append([])
        for paragraph in outcome.indexes.paragraphs:
            if paragraph.hash not in seen:
                seen.add(paragraph.hash)
                batches[-1].append(paragraph)
    out = {}
    for name, (options, column) in INDEXES.items():
        with tempfile.TemporaryDirectory() as tmp:
            conn = sqlite3.connect(Path(tmp) / "index.db", isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"CREATE VIRTUAL TABLE f USING fts5(t, {options})")
            conn.execute("INSERT INTO f(f, rank) VALUES ('hashsize', 33554432)")
            start = time.process_time()
            rowid = 0
            for batch in batches:
                conn.execute("BEGIN")
                rows = [(rowid + i, column(p)) for i, p in enumerate(batch)]
                conn.executemany("INSERT INTO f(rowid, t) VALUES (?, ?)", rows)
                conn.execute("COMMIT")
                rowid += len(batch)
            out[name] = (time.process_time() - start) * 1000 / len(prepared)
            conn.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=3000, help="text letters to use")
    args = parser.parse_args()
    _, files = corpus_files(10_000, SEED)
    paths = [p for p in files if p.suffix == ".txt"][: args.letters]
    for path in paths[:50]:  # the segmenter's dictionary, the patterns, the caches
        prepare_file(path)
    print(f"{len(paths):,} text letters of the 10,000-letter benchmark corpus\n")
    steps = workers_steps(paths)
    workers = sum(steps.values())
    print(f"1. workers (one process): {workers:.2f} ms CPU per letter")
    for step, ms in steps.items():
        print(f"   {ms:6.2f}  {step}")
    prepared = [(p, o) for p in paths if isinstance(o := prepare_file(p), PreparedFile)]
    writer, statements = writer_alone(prepared)
    print(f"\n2. the writer alone: {writer:.2f} ms CPU per letter")
    for sql, ms in sorted(statements.items(), key=lambda kv: -kv[1])[:10]:
        print(f"   {ms:6.2f}  {sql}")
    print(f"   {writer - sum(statements.values()):6.2f}  (Python around the statements)")
    print("\n3. each paragraph index alone (distinct paragraphs, 200-letter transactions):")
    for name, ms in each_index(prepared).items():
        print(f"   {ms:6.2f}  {name}")
    print(
        f"\nbounds: writer alone {1000 / writer:.0f} letters/s (any number of cores);"
        f" two cores {2000 / (writer + workers):.0f} letters/s (2000 ÷ (writer + workers);"
        " a pool adds pickling and the two processes' contention to the workers' share)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
