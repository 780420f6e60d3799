from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.model import Block, ParsedLetter
from desktop.normalize import normalize_text
from desktop.store import LibraryStore

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "sample_library"
FIXTURES = ROOT / "tests" / "fixtures"


def make_letter(
    paragraphs: list[tuple[str, str]] | list[str],
    *,
    kind: str = "reply",
    date: str | None = "2020-05-29",
    title: str | None = None,
    agency: str | None = "南通市科学技术局",
    headings: tuple[int, ...] = (),
) -> ParsedLetter:
    """A parsed letter built by hand: (section, text) pairs, or plain texts in ``body``."""
    blocks = []
    for i, item in enumerate(paragraphs):
        section, text = item if isinstance(item, tuple) else ("body", item)
        blocks.append(Block(normalize_text(text), text, section, i in headings))
    return ParsedLetter(
        kind=kind,
        blocks=blocks,
        proposal_title=title,
        title=title,
        reply_date=date,
        agency=agency,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LibraryStore]:
    s = LibraryStore(tmp_path / "library.db")
    yield s
    s.close()


@pytest.fixture
def sample_store(tmp_path: Path) -> Iterator[LibraryStore]:
    from desktop.sample import ensure_sample_library

    s = LibraryStore(tmp_path / "library.db")
    results = ensure_sample_library(s)
    assert [r.status for r in results] == ["imported"] * 5, results
    yield s
    s.close()
