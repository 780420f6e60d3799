"""The sample letters a new library starts with can be removed, leaving no trace in search."""

from __future__ import annotations

from desktop.sample import ensure_sample_library, remove_sample_library, sample_letter_ids
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
