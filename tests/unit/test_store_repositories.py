"""The library store as repositories: one per job, sharing the store's connection, each with
engine-neutral public methods (the seam a PostgreSQL library will use)."""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.store import LibraryStore
from desktop.store.casework import CaseRepository, DraftRepository
from desktop.store.letter_lifecycle import LetterRepository
from desktop.store.packs import PackRepository
from desktop.store.profiles import ProfileRepository
from desktop.store.search_queries import SearchRepository
from desktop.store.similar_queries import SimilarRepository

REPOSITORIES: dict[str, type] = {
    "letters": LetterRepository,
    "search": SearchRepository,
    "similar": SimilarRepository,
    "cases": CaseRepository,
    "drafts": DraftRepository,
    "packs": PackRepository,
    "profile": ProfileRepository,
}
ENGINE_MODULES = ("sqlite3", "sqlite_utils", "_sqlite3")


def public_methods(cls: type) -> Iterator[tuple[str, Callable[..., Any]]]:
    for name, member in inspect.getmembers(cls, inspect.isfunction):
        if not name.startswith("_"):
            yield name, member


def mentioned_types(hint: object) -> Iterator[object]:
    """Every type a (possibly generic) annotation names."""
    yield hint
    for arg in typing.get_args(hint):
        if isinstance(arg, list):  # Callable[[...], …]
            for a in arg:
                yield from mentioned_types(a)
        else:
            yield from mentioned_types(arg)


def test_the_store_exposes_one_repository_per_job(tmp_path: Path) -> None:
    with LibraryStore(tmp_path / "lib.db") as store:
        for attribute, cls in REPOSITORIES.items():
            assert type(getattr(store, attribute)) is cls, attribute
        # The old mixin surface is gone: a caller of store.add_letter() fails loudly.
        for old in ("add_letter", "letter_detail", "search_fts", "save_case", "load_profile",
                    "merge_pack_letters", "draft_versions"):  # fmt: skip
            assert not hasattr(store, old), old
        # The repositories share the store's one connection: what one writes, another reads.
        store.profile.set_value("agency_name", "南通市科学技术局")
        assert store.profile.load().agency_name == "南通市科学技术局"
        assert not store.profile.is_sample()


@pytest.mark.parametrize("cls", list(REPOSITORIES.values()), ids=list(REPOSITORIES))
def test_repository_signatures_name_no_database_engine(cls: type) -> None:
    methods = dict(public_methods(cls))
    assert methods, f"{cls.__name__} has no public methods"
    for name, method in methods.items():
        hints = typing.get_type_hints(method)  # NameError: an annotation not importable
        for hint in hints.values():
            for t in mentioned_types(hint):
                module = getattr(t, "__module__", "") or ""
                assert not module.startswith(ENGINE_MODULES), f"{cls.__name__}.{name}: {t!r}"
        raw = " ".join(str(a) for a in inspect.get_annotations(method).values())
        for word in ("sqlite", "Database", "Cursor", "Connection"):
            assert word not in raw, f"{cls.__name__}.{name} mentions {word}: {raw}"


def test_no_repository_method_is_a_typing_stub() -> None:
    # PacksMixin re-declared add_letter as a stub for the type checker; a repository calls
    # the other repository it holds instead.
    for cls in REPOSITORIES.values():
        for name, method in public_methods(cls):
            source = inspect.getsource(method).strip()
            assert not source.endswith("..."), f"{cls.__name__}.{name} is a stub"
    assert isinstance(LetterRepository.add, types.FunctionType)
