"""Names checked with a regular expression end at the end of the string: ``$`` also matches
before a final line break, so ``evil.j2\\n`` passed a ``…\\.j2$`` check. ``\\Z`` is meant."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.packs.manifest import ISO_DATE_RE, SHA256_RE, TEMPLATE_NAME_RE
from desktop.safe_write import next_free_name
from desktop.store.backup import describe


@pytest.mark.parametrize(
    ("pattern", "good"),
    [(TEMPLATE_NAME_RE, "greeting.j2"), (SHA256_RE, "a" * 64), (ISO_DATE_RE, "2026-01-31")],
)
def test_pack_name_checks_refuse_a_trailing_line_break(pattern: re.Pattern[str], good: str) -> None:
    assert pattern.match(good)
    assert not pattern.match(good + "\n")


def test_a_backup_name_with_a_trailing_line_break_is_not_taken_for_a_backup(
    tmp_path: Path,
) -> None:
    real = tmp_path / "library-2026-01-31-0900-daily.db"
    odd = tmp_path / "library-2026-01-31-0900-daily.db\n"
    migration = tmp_path / "before-migration-20260131-090000.db\n"
    for path in (real, odd, migration):
        path.write_bytes(b"")
    assert describe(real).reason == "daily"
    assert describe(odd).reason == "other"
    assert describe(migration).reason == "other"


def test_a_numbered_name_with_a_trailing_line_break_keeps_its_name(tmp_path: Path) -> None:
    assert next_free_name(tmp_path / "答复(2).docx").name == "答复(3).docx"
    assert next_free_name(tmp_path / "答复(2)\n.docx").name == "答复(2)\n(2).docx"
