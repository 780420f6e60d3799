"""The import rows of bench/run.py: the rate against the issue's target, the same-run baseline,
and where the CPU time went (the writer, the workers)."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import generate
from bench.run import IMPORT_TARGET, baseline_import, import_into_store, import_rows


def test_import_rows_say_the_target_and_where_the_time_went(tmp_path: Path) -> None:
    files = [p for p in generate(tmp_path / "files", 12, seed=2) if p.suffix == ".txt"]
    cpu: dict[str, float] = {}
    times, status, _ = import_into_store(tmp_path / "lib.db", files, cpu)
    assert len(times) == len(files) and status["imported"] > 0
    assert cpu["writer_s"] > 0 and cpu["workers_s"] >= 0  # read here: too few for workers
    base = baseline_import(tmp_path / "base.db", files)
    stats = {
        "text": {"ms": times, "baseline_ms": base, "cpu": cpu},
        "docx": {"ms": [], "baseline_ms": []},
    }
    (row,) = import_rows("12 letters", stats)
    assert row.measurement == "import text" and row.target == f"≥ {IMPORT_TARGET:.0f}/s"
    assert row.met == (row.median >= IMPORT_TARGET)
    assert row.details["writer_cpu_ms_per_letter"] == cpu["writer_s"] * 1000 / len(files)
    assert "workers_cpu_ms_per_letter" in row.details and row.details["cores"]
