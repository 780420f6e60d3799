"""The sample letters a new library starts with can be removed, leaving no trace in search."""

from __future__ import annotations

import pytest

from desktop.sample import (
    SAMPLE_IDS_KEY,
    ensure_sample_library,
    remove_sample_library,
    sample_letter_ids,
)
from desktop.search import search
from desktop.store import LibraryStore
from tests.conftest import make_letter


def test_remove_sample_letters_keeps_the_clerks_own(sample_store: LibraryStore) -> None:
    assert len(sample_letter_ids(sample_store)) == 5
    assert search(sample_store, "众创空间")
    own = make_letter(["我市众创空间建设成效明显，新增孵化器3家。", "自己的一段答复。"])
    own_id = sample_store.letters.add(
        own, content_hash="own", source_path=None, source_format="txt"
    )
    assert remove_sample_library(sample_store) == 5
    assert sample_letter_ids(sample_store) == []
    assert [letter.id for letter in sample_store.letters.all()] == [own_id]
    hits = search(sample_store, "众创空间")
    assert [h.text for h in hits] == ["我市众创空间建设成效明显，新增孵化器3家。"]
    assert sample_store.integrity_check() == "ok"
    assert ensure_sample_library(sample_store) == []  # never loaded again
    assert remove_sample_library(sample_store) == 0


def test_sample_ids_without_reading_every_letter(
    sample_store: LibraryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first-start dialog counts the samples at start: with 10,000 letters, reading them
    all took a second, so the count asks for ids only (kept ids, or the samples folder for a
    library seeded before the ids were kept)."""
    own = make_letter(["本单位自己的一段答复。"])
    sample_store.letters.add(own, content_hash="own", source_path=None, source_format="txt")
    kept = sample_letter_ids(sample_store)
    monkeypatch.setattr(sample_store.letters, "all", lambda: pytest.fail("read every letter"))
    assert len(kept) == 5
    sample_store.letters.delete_many(kept[:1])
    assert sample_letter_ids(sample_store) == kept[1:]
    sample_store.db.execute("DELETE FROM meta WHERE key = ?", [SAMPLE_IDS_KEY])
    sample_store.db.conn.commit()
    assert sample_store.get_meta(SAMPLE_IDS_KEY) is None
    assert sample_letter_ids(sample_store) == kept[1:]  # found by their folder
