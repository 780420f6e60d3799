"""PostgreSQL beside SQLite: import, search, similar letters and their relevance, on the same
generated archive, in the same run (issue 14, item 7).

    python bench/pg_bench.py              # 10,000 letters
    python bench/pg_bench.py --quick      # 300 letters, few repetitions
    python bench/pg_bench.py --url postgresql://postgres@127.0.0.1:5432/postgres

The server: ``--url`` (an administrator's URL: a database is made for the run and dropped
after), else ``$REPLYDESK_TEST_PG``, else a temporary cluster started and stopped the way the
tests start theirs (tests/pg_server.py). Both libraries are imported fresh through the app's
importer (the figures are this run's, not a cached library's); the PostgreSQL one is
ANALYZEd after the import, as autovacuum would soon do. The same queries (bench/run.py's
choice) and proposals run on both, alternating, and their answers are compared: how many
of SQLite's top 20 hits (top 10 similar letters) PostgreSQL lists too.

Writes bench/results-pg.json and .md (not committed: the lead's full run keeps the figures).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import relevance  # noqa: E402
from bench.run import (  # noqa: E402
    SEED,
    corpus_files,
    import_into_store,
    p95,
    pick_queries,
    progress,
    proposals,
)
from desktop.search import search  # noqa: E402
from desktop.similar import similar_letters  # noqa: E402
from desktop.store import LibraryStore  # noqa: E402
from tests.pg_server import URL_ENV, PgServer, running_server  # noqa: E402

ENGINES = ("sqlite", "postgresql")


@contextlib.contextmanager
def server(url: str | None) -> Iterator[PgServer]:
    """The server to measure on (see the module's description)."""
    if url:
        os.environ[URL_ENV] = url
    with running_server() as found:
        yield found


def timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return (time.perf_counter() - t) * 1000.0, out


def import_library(location: str | Path, files: list[Path]) -> dict[str, Any]:
    """Import the text letters, then the DOCX ones, into a fresh library: letters/s each."""
    out: dict[str, Any] = {}
    for name, suffix in (("text", ".txt"), ("docx", ".docx")):
        group = [p for p in files if p.suffix == suffix]
        if not group:
            continue
        cpu: dict[str, float] = {}
        times, status, _ = import_into_store(location, group, cpu)  # type: ignore[arg-type]
        out[name] = {
            "letters_per_s": len(group) / max(1e-9, sum(times) / 1000),
            "files": len(group),
            "status": dict(status),
            "writer_cpu_ms_per_letter": cpu.get("writer_s", 0.0) * 1000 / len(group),
        }
        progress(f"  import {name}: {out[name]['letters_per_s']:.0f} letters/s")
    return out


def overlap(first: list[Any], second: list[Any]) -> float:
    """The share of ``first`` that ``second`` holds too (1.0 when both are empty)."""
    if not first:
        return 1.0 if not second else 0.0
    return len(set(first) & set(second)) / len(set(first))


def _times_row(name: str, times: dict[str, list[float]], extra: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"measurement": name, **extra}
    for engine in ENGINES:
        row[engine] = {
            "median": statistics.median(times[engine]),
            "p95": p95(times[engine]),
        }
    return row


def search_rows(stores: dict[str, LibraryStore], seed: int, per_kind: int, reps: int) -> list[dict]:
    """Each query kind on both engines, alternating; and how alike their answers are."""
    sqlite_conn: Any = stores["sqlite"].db.conn
    queries = pick_queries(sqlite_conn, seed, per_kind)
    for store in stores.values():
        search(store, "科技", limit=20)  # warm the caches
    rows = []
    for kind, qs in queries.items():
        times: dict[str, list[float]] = {e: [] for e in ENGINES}
        same_top: list[float] = []
        same_total = 0
        for i in range(reps):
            q = qs[i % len(qs)]
            found = {}
            for engine in ENGINES:
                t, found[engine] = timed(search, stores[engine], q, limit=20)
                times[engine].append(t)
            texts = {e: [h.text for h in found[e]] for e in ENGINES}
            same_top.append(overlap(texts["sqlite"], texts["postgresql"]))
            same_total += found["sqlite"].total == found["postgresql"].total
        extra = {
            "top20_shared": statistics.mean(same_top),
            "same_total": same_total / reps,
            "queries": qs[:6],
        }
        row = _times_row(f"search {kind}", times, extra)
        progress(_line(row))
        rows.append(row)
    return rows


def similar_row(stores: dict[str, LibraryStore], seed: int, reps: int) -> dict[str, Any]:
    props = proposals(seed, min(reps, 10))
    times: dict[str, list[float]] = {e: [] for e in ENGINES}
    shared: list[float] = []
    for i in range(reps):
        title, content = props[i % len(props)]
        found = {}
        for engine in ENGINES:
            t, found[engine] = timed(similar_letters, stores[engine], title, content)
            times[engine].append(t)
        names = {e: [s.title for s in found[e]] for e in ENGINES}
        shared.append(overlap(names["sqlite"], names["postgresql"]))
    row = _times_row("similar letters", times, {"top10_shared": statistics.mean(shared)})
    progress(_line(row))
    return row


def _line(row: dict[str, Any]) -> str:
    lite, pg = row["sqlite"], row["postgresql"]
    return (
        f"  {row['measurement']}: SQLite median {lite['median']:.1f} ms p95 {lite['p95']:.1f};"
        f" PostgreSQL median {pg['median']:.1f} ms p95 {pg['p95']:.1f}"
    )


def relevance_rows(stores: dict[str, LibraryStore], pg: PgServer, n: int, seed: int) -> list:
    """bench/relevance.py's sets on both engines: the corpus and seeds (a fresh library each),
    and the generated archive of this run (the libraries just imported)."""
    rankers = {"app": relevance.app_ranker}
    out: list[dict[str, Any]] = []
    made: list[str] = []

    def new_database(_tmp: str) -> str:
        made.append(pg.create_database("bench"))
        return pg.url(made[-1])

    for engine in ENGINES:
        relevance.NEW_LIBRARY = new_database if engine == "postgresql" else None
        try:
            scores = relevance.measure_real(rankers=rankers)["app"]
            if n <= 2000:  # the generator's labels are built per letter: small archives only
                scores += relevance.evaluate_synthetic(stores[engine], n, seed, rankers)["app"]
        finally:
            relevance.NEW_LIBRARY = None
        for s in scores:
            out.append({"engine": engine, "set": s.name, "queries": s.queries,
                        "at3": s.at3, "mrr": s.mrr})  # fmt: skip
            progress(f"  relevance {engine} {s.name}: @3 {s.at3:.1f} % MRR {s.mrr:.3f}")
    for name in made:
        pg.drop_database(name)
    return out


def report(result: dict[str, Any]) -> str:
    """The results as a Markdown table."""
    lines = [
        f"PostgreSQL beside SQLite, {result['letters']:,} letters / "
        f"{result['paragraphs']:,} distinct paragraphs ({result['when']}):",
        "",
        "| measurement | SQLite | PostgreSQL | answers alike |",
        "|---|---:|---:|---|",
    ]
    for name, engines in result["import"].items():
        lite, pg = engines["sqlite"], engines["postgresql"]
        lines.append(
            f"| import {name} | {lite['letters_per_s']:.0f} letters/s "
            f"| {pg['letters_per_s']:.0f} letters/s | — |"
        )
    for row in [*result["search"], result["similar"]]:
        lite, pg = row["sqlite"], row["postgresql"]
        alike = (
            f"top 20: {row['top20_shared'] * 100:.0f} % shared, totals equal "
            f"{row['same_total'] * 100:.0f} %"
            if "top20_shared" in row
            else f"top 10: {row['top10_shared'] * 100:.0f} % shared"
        )
        lines.append(
            f"| {row['measurement']} (median / p95) | {lite['median']:.1f} / {lite['p95']:.1f} ms"
            f" | {pg['median']:.1f} / {pg['p95']:.1f} ms | {alike} |"
        )
    by_set: dict[str, dict[str, Any]] = {}
    for r in result["relevance"]:
        by_set.setdefault(r["set"], {})[r["engine"]] = r
    for name, engines in by_set.items():
        lite, pg = engines.get("sqlite"), engines.get("postgresql")
        if lite and pg:
            lines.append(
                f"| similar relevance, {name} ({lite['queries']} queries): @3 / MRR "
                f"| {lite['at3']:.1f} % / {lite['mrr']:.3f} | {pg['at3']:.1f} % / {pg['mrr']:.3f}"
                " | — |"
            )
    return "\n".join(lines)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="300 letters, few repetitions")
    ap.add_argument("--letters", type=int, default=None, help="default 10000 (300 with --quick)")
    ap.add_argument("--url", default=None, help="a PostgreSQL administrator's URL")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results-pg.json")
    ap.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="keep both libraries: the SQLite file here, the server's database too",
    )
    ap.add_argument("--reuse", nargs=2, metavar=("SQLITE_FILE", "PG_URL"), default=None,
                    help="measure libraries kept by --keep (no import)")  # fmt: skip
    args = ap.parse_args(argv)
    args.letters = args.letters or (300 if args.quick else 10000)
    return args


def measure(args: argparse.Namespace, pg: PgServer, tmp: Path) -> dict[str, Any]:
    per_kind, reps, sim_reps = (10, 20, 6) if args.quick else (50, 100, 30)
    database = None
    imports: dict[str, Any] = {}
    if args.reuse:
        locations: dict[str, str | Path] = {
            "sqlite": Path(args.reuse[0]),
            "postgresql": args.reuse[1],
        }
    else:
        _, files = corpus_files(args.letters, args.seed)
        database = pg.create_database("bench")
        folder = args.keep or tmp
        folder.mkdir(parents=True, exist_ok=True)
        locations = {"sqlite": folder / "library.db", "postgresql": pg.url(database)}
        for engine in ENGINES:
            progress(f"importing {len(files):,} files into {engine} ({locations[engine]}) …")
            imports[engine] = import_library(locations[engine], files)
    try:
        return measure_libraries(args, pg, locations, imports, (per_kind, reps, sim_reps))
    finally:
        if database is not None and args.keep is None:
            pg.drop_database(database)


def measure_libraries(
    args: argparse.Namespace,
    pg: PgServer,
    locations: dict[str, str | Path],
    imports: dict[str, Any],
    counts: tuple[int, int, int],
) -> dict[str, Any]:
    per_kind, reps, sim_reps = counts
    stores = {e: LibraryStore(locations[e]) for e in ENGINES}
    try:
        stores["postgresql"].db.execute("ANALYZE")
        result: dict[str, Any] = {
            "when": time.strftime("%Y-%m-%d %H:%M"),
            "letters": stores["sqlite"].letters.count(),
            "paragraphs": stores["sqlite"].letters.paragraph_count(),
            "import": {
                name: {e: imports[e][name] for e in ENGINES} for name in imports.get("sqlite", {})
            },
        }
        progress("searching …")
        result["search"] = search_rows(stores, args.seed, per_kind, reps)
        result["similar"] = similar_row(stores, args.seed, sim_reps)
        progress("relevance of similar letters …")
        result["relevance"] = relevance_rows(stores, pg, args.letters, args.seed)
    finally:
        for store in stores.values():
            store.close()
    return result


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    with server(args.url) as pg, tempfile.TemporaryDirectory() as tmp:
        result = measure(args, pg, Path(tmp))
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    text = report(result)
    args.out.with_suffix(".md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
