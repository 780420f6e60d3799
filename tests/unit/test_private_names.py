"""No module of the shared-knowledge rooms imports another module's private (``_name``) names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
ROOMS = [
    *sorted((DESKTOP / "readers").glob("*.py")),
    *sorted((DESKTOP / "packs").glob("*.py")),
    *sorted((DESKTOP / "proofread").glob("*.py")),
    *sorted((DESKTOP / "understand").glob("*.py")),
    *(
        DESKTOP / f"{name}.py"
        for name in (
            "dates",
            "numerals",
            "normalize",
            "proposers",
            "paragraph_split",
            "cjk",
            "urls",
            "fonts",
        )
    ),
    DESKTOP / "docx_text.py",
    DESKTOP / "heading_numbers.py",
    DESKTOP / "cli_explain.py",
    DESKTOP / "zip_guard.py",
    DESKTOP / "reply_templates.py",
    DESKTOP / "ui" / "fonts_check.py",
]


def _private_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop"):
            found += [
                f"{node.module}.{alias.name}"
                for alias in node.names
                if alias.name.startswith("_") and not alias.name.startswith("__")
            ]
    return found


@pytest.mark.parametrize("path", ROOMS, ids=lambda p: str(p.relative_to(DESKTOP)))
def test_no_private_names_imported(path: Path) -> None:
    assert _private_imports(path) == []
