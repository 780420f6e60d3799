"""The floors of docs/architecture.md, checked on the source: which room may import which.

Each rule reads the modules with ``ast`` (nothing is imported), so a violation names the
file and line. Rules, from docs/architecture.md:

- no module in desktop/ is longer than 500 lines (a longer one holds several jobs);
- the core (desktop/ outside desktop/ui) never imports Qt;
- SQL stays in the store: only desktop/store imports sqlite3 or sqlite_utils;
- of the core, only the library services (import, search, similar, re-reading, the sample
  library, packs, and safe_write's check for the open library file) use the store; reading,
  understanding, composing, layout, export and proofreading never do;
- the store never imports the use cases, the CLI or the window; the use cases
  (desktop/actions) never import the CLI or the window;
- the window reaches the library through the use cases: no ui module imports sqlite3 or
  desktop.store, or reads an attribute called ``store``, except ui/context.py and
  ui/operations.py, which hold the store;
- no module imports another module's private (``_name``) names.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "desktop"
MAX_LINES = 500
UI_STORE_HOLDERS = {"desktop/ui/context.py", "desktop/ui/operations.py"}
LIBRARY_SERVICES = (
    "desktop/importer.py",
    "desktop/import_pipeline.py",  # the importer's parallel half
    "desktop/import_steps.py",  # the importer's read and store steps
    "desktop/search.py",
    "desktop/similar.py",
    "desktop/reparse.py",
    "desktop/sample.py",
    "desktop/safe_write.py",
    "desktop/packs/",
    "desktop/server/",  # moving a library onto the office server and back (issue 14)
)


@dataclass(frozen=True)
class Import:
    module: str  # the imported module, absolute ("desktop.store.letters")
    names: tuple[str, ...]  # the names taken from it ("from m import a, b"); () for "import m"
    line: int


def _modules() -> list[Path]:
    return sorted(p for p in DESKTOP.rglob("*.py") if "__pycache__" not in p.parts)


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _package_of(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1])


def _imports(path: Path, tree: ast.Module) -> list[Import]:
    out: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend(Import(a.name, (), node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = _package_of(path).split(".")  # __init__.py: the package itself
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            out.append(Import(base, tuple(a.name for a in node.names), node.lineno))
    return out


def _parsed() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"), str(p))) for p in _modules()]


def _floor(rel: str) -> str:
    if rel.startswith("desktop/ui/"):
        return "ui"
    if rel.startswith("desktop/store/"):
        return "store"
    if rel.startswith("desktop/actions/"):
        return "actions"
    if rel.startswith("desktop/cli") or rel == "desktop/__main__.py":
        return "cli"
    return "core"


def _starts(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_no_module_in_desktop_is_longer_than_500_lines() -> None:
    long = {
        _rel(p): n
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_floors_import_only_what_they_may() -> None:
    forbidden = {
        "core": (
            "PySide6",
            "shiboken6",
            "sqlite3",
            "sqlite_utils",
            "desktop.ui",
            "desktop.actions",
            "desktop.__main__",
        ),
        "store": (
            "PySide6",
            "desktop.ui",
            "desktop.actions",
            "desktop.__main__",
            *(m.removesuffix(".py").removesuffix("/").replace("/", ".") for m in LIBRARY_SERVICES),
        ),
        "actions": ("PySide6", "sqlite3", "sqlite_utils", "desktop.ui", "desktop.__main__"),
        "cli": ("PySide6", "sqlite3", "sqlite_utils"),
        "ui": ("sqlite3", "sqlite_utils", "desktop.store", "desktop.__main__"),
    }
    wrong = []
    for path, tree in _parsed():
        rel = _rel(path)
        floor = _floor(rel)
        if floor == "ui" and rel in UI_STORE_HOLDERS:
            continue
        for imp in _imports(path, tree):
            if floor == "core" and _starts(imp.module, "desktop.cli_"):
                wrong.append(f"{rel}:{imp.line} imports {imp.module}")
            if (
                floor == "core"
                and not rel.startswith(LIBRARY_SERVICES)
                and _starts(imp.module, "desktop.store")
            ):
                wrong.append(f"{rel}:{imp.line} imports {imp.module} (not a library service)")
            if _starts(imp.module, *forbidden[floor]):
                # __main__ starts the window when no command is given: the only way up.
                if rel == "desktop/__main__.py" and _starts(imp.module, "desktop.ui", "PySide6"):
                    continue
                wrong.append(f"{rel}:{imp.line} imports {imp.module}")
    assert wrong == []


def test_the_window_reaches_the_library_only_through_context_and_operations() -> None:
    wrong = []
    for path, tree in _parsed():
        rel = _rel(path)
        if not rel.startswith("desktop/ui/") or rel in UI_STORE_HOLDERS:
            continue
        wrong.extend(
            f"{rel}:{node.lineno} reads .store"
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr == "store"
        )
    assert wrong == []


def test_no_module_imports_another_modules_private_names() -> None:
    wrong = []
    for path, tree in _parsed():
        for imp in _imports(path, tree):
            if not _starts(imp.module, "desktop"):
                continue
            private = [n for n in imp.names if n.startswith("_") and not n.startswith("__")]
            if private:
                names = ", ".join(private)
                wrong.append(f"{_rel(path)}:{imp.line} takes {names} from {imp.module}")
    assert wrong == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from desktop.store import LibraryStore\n", "desktop.store"),
        ("from .letters import x\n", "desktop.store.letters"),
        ("from . import letters\n", "desktop.store"),
        ("import sqlite3\n", "sqlite3"),
    ],
)
def test_imports_are_read_as_absolute_modules(source: str, expected: str) -> None:
    # The rules above are only as good as this reading of relative imports.
    path = DESKTOP / "store" / "library.py"
    assert [i.module for i in _imports(path, ast.parse(source))] == [expected]
