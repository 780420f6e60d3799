"""The library store as repositories: one per job, sharing the store's connection, each with
engine-neutral public methods (the seam a PostgreSQL library will use)."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import subprocess
import sys
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.casework import Case, Draft
from desktop.library_rows import (
    DraftVersion,
    LetterDetail,
    LetterRow,
    ParagraphRow,
    ParagraphSource,
    PendingAutosave,
    StoredFile,
)
from desktop.store import LibraryStore
from desktop.store.casework import CaseRepository, DraftRepository
from desktop.store.letter_lifecycle import LetterRepository
from desktop.store.packs import PackRepository
from desktop.store.profiles import ProfileRepository
from desktop.store.search_queries import SearchRepository
from desktop.store.similar_queries import SimilarRepository
from tests.conftest import make_letter

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


PLAIN = (int, float, str, bool, bytes, type(None), None)


def returned_leaves(hint: object) -> Iterator[object]:
    """The types a return annotation ends in: a container's items, a generator's yield and
    return values."""
    args = typing.get_args(hint)
    if not args:
        yield hint
        return
    for arg in args:
        yield from returned_leaves(arg)


@pytest.mark.parametrize("cls", list(REPOSITORIES.values()), ids=list(REPOSITORIES))
def test_repositories_return_typed_rows_not_dicts_of_anything(cls: type) -> None:
    for name, method in public_methods(cls):
        returned = typing.get_type_hints(method)["return"]
        for leaf in returned_leaves(returned):
            assert leaf is not Any, f"{cls.__name__}.{name} returns Any: {returned}"
            assert leaf in PLAIN or dataclasses.is_dataclass(leaf), (
                f"{cls.__name__}.{name} returns {leaf!r} (in {returned})"
            )


def test_a_letter_read_back_is_a_frozen_row_with_what_was_stored(tmp_path: Path) -> None:
    letter = make_letter(
        [
            ("greeting", "张三代表："),
            ("status", "我市已建成众创空间33家。"),
            ("plan", "下一步继续推进。"),
        ],
        title="关于众创空间的答复",
        date="2023-05-01",
    )
    letter.addressee = ["张三"]
    letter.agency = "南通市科学技术局"
    with LibraryStore(tmp_path / "lib.db") as store:
        letter_id = store.letters.add(
            letter, content_hash="h1", source_path="D:/答复/一.txt", source_format="txt"
        )
        row = store.letters.get(letter_id)
        detail = store.letters.detail(letter_id)
        listed = store.letters.all()
    assert isinstance(row, LetterRow) and isinstance(detail, LetterDetail)
    assert listed == [row]
    assert (row.id, row.kind, row.title, row.addressee, row.agency, row.reply_date, row.year) == (
        letter_id, "reply", "关于众创空间的答复", ["张三"], "南通市科学技术局", "2023-05-01", 2023
    )  # fmt: skip
    assert (row.content_hash, row.source_path, row.source_format, row.origin) == (
        "h1", "D:/答复/一.txt", "txt", None
    )  # fmt: skip
    # the detail is the row plus what the inspector shows
    assert {f.name: getattr(detail, f.name) for f in dataclasses.fields(row)} == (
        dataclasses.asdict(row)
    )
    assert detail.paragraphs == [
        ParagraphRow(i, p.paragraph_id, b.section, b.is_heading, b.text, b.original)
        for i, (p, b) in enumerate(zip(detail.paragraphs, letter.blocks, strict=True))
    ]
    assert all(isinstance(p, ParagraphRow) for p in detail.paragraphs)
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.title = "改了"  # type: ignore[misc]


def test_rows_of_drafts_profile_files_and_search_are_dataclasses(tmp_path: Path) -> None:
    with LibraryStore(tmp_path / "lib.db") as store:
        letter_id = store.letters.add(
            make_letter([("status", "独有的一段话。")], title="标题"),
            content_hash="h", source_path=None, source_format="txt",
        )  # fmt: skip
        case_id = store.cases.save(
            Case(number="8", title="关于某事的建议", proposers=["张三"], session="十八届一次")
        )
        store.drafts.save(case_id, Draft(), note="第一版", source="window")
        store.drafts.autosave(case_id, Draft())
        store.profile.set_file("seal_image", "seal.png", b"\x89PNG")
        versions = store.drafts.versions(case_id)
        pending = store.drafts.pending_autosaves()
        seal = store.profile.get_file("seal_image")
        pid = store.letters.paragraphs(letter_id)[0].paragraph_id
        sources = store.search.paragraph_sources([pid])[pid]
    assert [(v.version, v.note, v.source, v.restored_from) for v in versions] == [
        (1, "第一版", "window", None)
    ]
    assert isinstance(versions[0], DraftVersion)
    assert [(p.case_id, type(p.draft)) for p in pending] == [(case_id, Draft)]
    assert isinstance(pending[0], PendingAutosave)
    assert seal == StoredFile("seal.png", b"\x89PNG")
    assert sources == [ParagraphSource(letter_id, "status", 0, 2020, "reply", "标题")]


def test_no_repository_method_is_a_typing_stub() -> None:
    # PacksMixin re-declared add_letter as a stub for the type checker; a repository calls
    # the other repository it holds instead.
    for cls in REPOSITORIES.values():
        for name, method in public_methods(cls):
            source = inspect.getsource(method).strip()
            assert not source.endswith("..."), f"{cls.__name__}.{name} is a stub"
    assert isinstance(LetterRepository.add, types.FunctionType)


STORE = Path(__file__).resolve().parents[2] / "desktop" / "store"
# The repositories' modules (the store helper's rooms of issue 11).
REPOSITORY_MODULES = [
    STORE / f"{name}.py"
    for name in (
        "library", "letters", "letter_edits", "letter_lifecycle", "letter_values",
        "search_queries", "similar_queries", "casework", "profiles", "packs", "samples",
        "reparse_candidates", "leftovers",
    )
] + [STORE.parent / "library_rows.py"]  # fmt: skip


@pytest.mark.parametrize("path", REPOSITORY_MODULES, ids=lambda p: p.name)
def test_repository_modules_are_small_and_import_no_private_names(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 500
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert private == []


def test_repository_modules_pass_the_complexity_limits() -> None:
    # ruff's C901 (complexity 10) and PLR0915 (50 statements), as CI will run them
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "C901,PLR0915",
         "--config", "lint.mccabe.max-complexity = 10", *map(str, REPOSITORY_MODULES)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
