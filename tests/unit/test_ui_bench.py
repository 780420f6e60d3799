"""bench/ui_bench.py starts its windows as a clerk's program starts: from compiled bytecode."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import ui_bench

_FLAGS = r"""
import json, sys
import desktop.errors
print(json.dumps({"dont_write": sys.flags.dont_write_bytecode, "prefix": sys.pycache_prefix}))
"""


def test_the_runs_read_and_write_a_bytecode_cache_of_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")  # as in the sessions' environment
    cache = tmp_path / "bytecode"
    seen = ui_bench._run(_FLAGS, bytecode=cache)
    assert seen == {"dont_write": 0, "prefix": str(cache)}
    assert list(cache.rglob("errors.cpython-*.pyc"))  # desktop/errors.py, compiled once
    assert ui_bench._run(_FLAGS)["dont_write"] == 1  # without: the environment's own setting
