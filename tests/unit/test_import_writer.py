"""The one writer of a parallel import only stores: folding, one-character text, words and the
letter's search fields come computed from the workers, and the indexes take a whole batch's
terms before writing a segment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import desktop.store.index_rows as index_rows
import desktop.store.letter_search as letter_search
import desktop.store.letters as letters
from bench.corpus import generate
from desktop.importer import import_paths
from desktop.store import LibraryStore


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate(tmp_path_factory.mktemp("writer") / "files", 30, seed=5)


def _not_in_the_writer(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("computed by the writer: the workers should have")


def test_the_writer_neither_folds_nor_segments(
    files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spawned workers do not see these patches; this process, the writer, would fail each
    letter whose rows it computed itself."""
    for module, name in [
        (index_rows, "segmented"),
        (index_rows, "search_text"),
        (index_rows, "spaced"),
        (index_rows, "to_simplified"),
        (index_rows, "fields_search_text"),
        (letter_search, "fields_search_text"),
        (letter_search, "proposers_search_text"),
        (letters, "to_simplified"),
    ]:
        monkeypatch.setattr(module, name, _not_in_the_writer, raising=False)
    with LibraryStore(tmp_path / "lib.db") as store:
        steps = list(import_paths(store, files, workers=2))
        statuses = {s.result.status for s in steps}
        assert "imported" in statuses
        assert statuses <= {"imported", "duplicate"}, [s.result.message for s in steps]
        imported = [s.result.letter_id for s in steps if s.result.status == "imported"]
        fields = store.db.execute("SELECT count(*) FROM letter_search WHERE fields <> ''")
        assert fields.fetchone()[0] == len(imported)


def test_an_import_lets_the_indexes_hold_a_whole_batch(files: list[Path], tmp_path: Path) -> None:
    with LibraryStore(tmp_path / "lib.db") as store:
        list(import_paths(store, files[:3], workers=0))
        for index in index_rows.BULK_INDEXES:
            (size,) = store.db.execute(
                f"SELECT v FROM {index}_config WHERE k = 'hashsize'"
            ).fetchone()
            assert size == index_rows.PENDING_BYTES
        for index in ("paragraphs_fts", "chars_fts", "paragraph_words_fts", "letter_chars_fts"):
            store.db.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
