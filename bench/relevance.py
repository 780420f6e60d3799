"""Relevance of "similar past replies": does a letter's own proposal title put letters on the
same topic in front of the clerk?

Every letter of a labelled set carries one topic. Each query letter's proposal title is given
to :func:`desktop.similar.similar_letters` (what the composer and ``replydesk similar`` show);
the letter itself is dropped from the ranked list, and the list is scored by

* **same-topic@3**: the share of queries with a letter on the query's topic among the top 3;
* **MRR**: the mean reciprocal rank of the first same-topic letter (0 when none is in the
  top 10).

Sets (bench/README.md describes them):

* ``corpus``: the 72 real replies of ``../shared/corpus/letters``, topics written by hand in
  ``bench/relevance_labels.tsv``, queried by their ``proposal_title`` from ``index.tsv``;
* ``seeds``: the five letters of the sample library (``resources/sample_library``), imported
  into the same library as the corpus, queried by their parsed title;
* ``synthetic``: a ``bench/corpus.py`` archive (1,000 letters by default); each letter's topic
  is the generator's own choice from ``TOPICS``, replayed from the seed, and the replies are
  queried by their generated title.

A query whose topic has no other letter in its library (a singleton) cannot score and is left
out of the query set; the report counts them.

The same figures are given for a baseline, the least any implementation would do: one FTS5
query OR-ing the title's trigrams over the paragraphs, letters in the order of their best
paragraph.

    python bench/relevance.py                 # the table (corpus, seeds, synthetic)
    python bench/relevance.py --show          # and, for each miss, the query and its top 3
    python bench/relevance.py --json          # the same as JSON
    python bench/relevance.py --sets corpus   # only some sets
    python bench/relevance.py --sets corpus --corpus DIR --labels FILE
                                              # letters never seen here (same layout)
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import corpus as generator  # noqa: E402
from desktop.fold import to_simplified  # noqa: E402
from desktop.importer import import_paths  # noqa: E402
from desktop.similar import similar_letters  # noqa: E402
from desktop.store import LibraryStore  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT / "resources" / "sample_library"
LABELS = Path(__file__).with_name("relevance_labels.tsv")
SETS = ("corpus", "seeds", "synthetic")
SYNTHETIC_LETTERS = 1000
SEED = 7
TOP = 3  # same-topic@3
DEPTH = 10  # MRR counts the first same-topic letter among the top 10
GOAL_AT3 = 90.0  # % (issue 12)

# The topics of the hand-labelled sets, at the grain a clerk means by "the same topic": the
# subject an agency's office files a suggestion under. The synthetic set's topics are the
# generator's own (bench/corpus.py TOPICS): all about science and technology, one finer level.
VOCABULARY = (
    "公路桥梁", "公交客运", "交通管理停车", "水利饮水", "污水排水", "老旧小区住房", "市容环卫",
    "教育", "医疗卫生", "文化文物", "科技创新", "农业耕地", "通信设施", "社区服务",
)  # fmt: skip

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")

# A ranker: (store, title, limit) -> letter ids, best first.
Ranker = Callable[[LibraryStore, str, int], list[int]]
# The scores of each ranker ("app", "baseline"), per set.
Scores = dict[str, list["SetScore"]]


# ------------------------------------------------------------------------------ metrics
def same_topic_at(ranked: Sequence[str | None], topic: str, k: int = TOP) -> bool:
    """Whether a letter on ``topic`` stands among the first ``k`` of a ranked list of topics."""
    return topic in ranked[:k]


def reciprocal_rank(ranked: Sequence[str | None], topic: str, depth: int = DEPTH) -> float:
    """1/rank of the first letter on ``topic`` among the first ``depth``, else 0."""
    for rank, got in enumerate(ranked[:depth], start=1):
        if got == topic:
            return 1.0 / rank
    return 0.0


@dataclass(frozen=True)
class Query:
    name: str  # the letter's file name
    letter_id: int
    title: str
    topic: str


@dataclass
class SetScore:
    name: str
    letters: int  # letters in the library
    queries: int = 0
    hits_at3: int = 0
    rr_sum: float = 0.0
    singletons: list[str] = field(default_factory=list)  # queries left out
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def at3(self) -> float:
        """same-topic@3 in percent."""
        return 100.0 * self.hits_at3 / self.queries if self.queries else 0.0

    @property
    def mrr(self) -> float:
        return self.rr_sum / self.queries if self.queries else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "letters": self.letters,
            "queries": self.queries,
            "same_topic_at3": round(self.at3, 1),
            "mrr": round(self.mrr, 3),
            "singletons_left_out": self.singletons,
            "misses": self.misses,
        }


# ------------------------------------------------------------------------------ rankers
def app_ranker(store: LibraryStore, title: str, limit: int) -> list[int]:
    """What the app shows: ``similar_letters`` on the title alone."""
    return [s.letter_id for s in similar_letters(store, title, limit=limit)]


def baseline_ranker(store: LibraryStore, title: str, limit: int) -> list[int]:
    """One FTS5 query OR-ing the (simplified) title's trigrams over the paragraphs; letters in
    the order of their best paragraph."""
    grams = dict.fromkeys(
        run[i : i + 3]
        for run in _CJK_RUN.findall(to_simplified(title))
        for i in range(len(run) - 2)
    )
    if not grams:
        return []
    match = " OR ".join(f'"{g}"' for g in grams)
    rows = store.db.execute(
        """WITH top AS (SELECT rowid AS id, rank FROM paragraphs_fts
                        WHERE paragraphs_fts MATCH ? ORDER BY rank LIMIT 400)
           SELECT lp.letter_id FROM top JOIN letter_paragraphs lp ON lp.paragraph_id = top.id
           ORDER BY top.rank""",
        [match],
    ).fetchall()
    return list(dict.fromkeys(int(r[0]) for r in rows))[:limit]


RANKERS: dict[str, Ranker] = {"app": app_ranker, "baseline": baseline_ranker}


def evaluate(
    store: LibraryStore,
    name: str,
    queries: Iterable[Query],
    topic_of: dict[int, str],
    ranker: Ranker = app_ranker,
) -> SetScore:
    """Score one query set on a library whose letters' topics are ``topic_of``."""
    sizes = Counter(topic_of.values())
    score = SetScore(name, letters=len(topic_of))
    for q in queries:
        if sizes[q.topic] < 2:
            score.singletons.append(q.name)
            continue
        ids = [i for i in ranker(store, q.title, DEPTH + 1) if i != q.letter_id][:DEPTH]
        ranked = [topic_of.get(i) for i in ids]
        score.queries += 1
        score.rr_sum += reciprocal_rank(ranked, q.topic)
        if same_topic_at(ranked, q.topic):
            score.hits_at3 += 1
            continue
        titles = store.letters.by_ids(ids[:TOP])
        score.misses.append(
            {
                "file": q.name,
                "query": q.title,
                "topic": q.topic,
                "top3": [
                    {
                        "title": titles[i].shown_title if i in titles else None,
                        "topic": topic_of.get(i),
                    }
                    for i in ids[:TOP]
                ],
            }
        )
    return score


# ------------------------------------------------------------------------------ libraries
def import_files(store: LibraryStore, paths: Sequence[Path]) -> dict[Path, int]:
    """Import through the real importer: each file's letter id (a duplicate file gets the id of
    the letter it repeats; a file that failed is left out)."""
    ids: dict[Path, int] = {}
    for progress in import_paths(store, paths):
        result = progress.result
        if result.letter_id is not None:
            ids[Path(result.path)] = result.letter_id
    return ids


def load_labels(path: Path = LABELS) -> dict[str, dict[str, str]]:
    """{set: {file name: topic}} from the labels file."""
    out: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out.setdefault(row["set"], {})[row["file"]] = row["topic"]
    return out


def labelled_queries(
    store: LibraryStore,
    ids: dict[Path, int],
    labels: dict[str, str],
    titles: dict[str, str] | None = None,
) -> tuple[list[Query], dict[int, str]]:
    """The queries of a hand-labelled set (a file's title from ``titles``, else the title the
    importer parsed) and the topics of its letters."""
    by_name = {p.name: i for p, i in ids.items()}
    rows = store.letters.by_ids(list(by_name.values()))
    queries, topic_of = [], {}
    for name, topic in labels.items():
        letter_id = by_name.get(name)
        if letter_id is None:
            print(f"relevance: {name} was not imported; left out", file=sys.stderr)
            continue
        topic_of[letter_id] = topic
        row = rows.get(letter_id)
        title = (titles or {}).get(name) or (row.shown_title if row else None)
        if title:
            queries.append(Query(name, letter_id, title, topic))
    return queries, topic_of


# Where a fresh library for a measurement is made: a file in a temporary folder (SQLite),
# unless bench/pg_bench.py points it at a new database on a PostgreSQL server.
NEW_LIBRARY: Callable[[str], str | Path] | None = None


def library_location(tmp: str) -> str | Path:
    return NEW_LIBRARY(tmp) if NEW_LIBRARY is not None else Path(tmp) / "library.db"


def measure_labelled(
    folders: dict[str, Path],
    labels: dict[str, dict[str, str]],
    titles: dict[str, str] | None = None,
    rankers: dict[str, Ranker] | None = None,
) -> Scores:
    """Import every folder into one fresh library and score each folder's letters as a set
    against all the letters of the library, with each ranker (default: the app's)."""
    with tempfile.TemporaryDirectory() as tmp, LibraryStore(library_location(tmp)) as store:
        per_set = {
            name: labelled_queries(store, import_files(store, [folder]), labels[name], titles)
            for name, folder in folders.items()
        }
        topic_of: dict[int, str] = {}
        for _, topics in per_set.values():
            topic_of.update(topics)
        return {
            rname: [
                evaluate(store, name, queries, topic_of, ranker)
                for name, (queries, _) in per_set.items()
            ]
            for rname, ranker in (rankers or RANKERS).items()
        }


def corpus_titles(corpus: Path = CORPUS) -> dict[str, str]:
    """Each corpus letter's proposal title as index.tsv gives it (read by hand)."""
    with (corpus / "index.tsv").open(encoding="utf-8", newline="") as fh:
        return {r["file"]: r["proposal_title"] for r in csv.DictReader(fh, delimiter="\t")}


def measure_real(
    corpus: Path = CORPUS,
    seeds: Path = SEEDS,
    rankers: dict[str, Ranker] | None = None,
    labels: Path = LABELS,
) -> Scores:
    """The corpus and seeds sets, on one library holding both. Another corpus of the same
    layout (``letters/``, ``index.tsv``) is scored with its own labels file."""
    folders = {"corpus": corpus / "letters", "seeds": seeds}
    given = load_labels(labels)
    # another corpus's labels file need not repeat the sample library's
    given.setdefault("seeds", load_labels()["seeds"])
    given.setdefault("corpus", {})
    return measure_labelled(folders, given, corpus_titles(corpus), rankers)


# ------------------------------------------------------------------------------ synthetic
@dataclass(frozen=True)
class GeneratedLabel:
    index: int
    kind: str  # "reply" | "reference"
    topic: str  # the TOPICS phrase the generator chose
    title: str | None  # the reply's generated proposal title; None for references and copies


class _Recorder(random.Random):
    """The generator's random source, noting which topic and title verb it picked."""

    topic: str = ""
    verb: str = ""

    def choice(self, seq: Any) -> Any:
        picked = super().choice(seq)
        if seq is generator.TOPICS:
            self.topic = picked[0]
        elif seq is generator.TITLE_VERBS:
            self.verb = picked
        return picked


def generated_labels(n_letters: int, seed: int = SEED) -> list[GeneratedLabel]:
    """Each generated letter's topic, replayed from the seed the way ``generate`` draws it
    (one random source per letter; a re-saved copy repeats an earlier letter)."""
    material = generator.load_material()
    # The pools only feed paragraphs drawn after the topic and the title: any will do.
    pools: Any = SimpleNamespace(status=["。"], plan=["。"], reference=["。"])
    out: list[GeneratedLabel] = []
    for index in range(n_letters):
        rng = _Recorder(seed * 1_000_003 + index)
        if out and rng.random() < generator.DUPLICATE_SHARE:
            original = out[rng.choice(range(len(out)))]
            out.append(GeneratedLabel(index, original.kind, original.topic, None))
        elif rng.random() < generator.REFERENCE_SHARE:
            generator.make_reference(rng, material, pools, index)
            out.append(GeneratedLabel(index, "reference", rng.topic, None))
        else:
            doc = generator.make_reply(rng, material, pools, index)
            kind = "提案" if "号提案" in doc.name else "建议"
            title = f"关于{rng.verb}{rng.topic}的{kind}"
            out.append(GeneratedLabel(index, "reply", rng.topic, title))
    return out


def _generated_index(path: str | None) -> int | None:
    match = re.match(r"(\d{5})_", Path(path or "").name)
    return int(match.group(1)) if match else None


def evaluate_synthetic(
    store: LibraryStore, n_letters: int, seed: int = SEED, rankers: dict[str, Ranker] | None = None
) -> Scores:
    """Score a library imported from ``generate(…, n_letters, seed)``; each letter is matched
    to its generated file by the index its file name starts with."""
    labels = generated_labels(n_letters, seed)
    topic_of: dict[int, str] = {}
    queries: list[Query] = []
    for letter_id, source in store.db.execute("SELECT id, source_path FROM letters"):
        index = _generated_index(source)
        if index is None or index >= len(labels):
            continue
        label = labels[index]
        topic_of[int(letter_id)] = label.topic
        if label.title:
            queries.append(Query(Path(source).name, int(letter_id), label.title, label.topic))
    queries.sort(key=lambda q: q.name)
    return {
        rname: [evaluate(store, "synthetic", queries, topic_of, ranker)]
        for rname, ranker in (rankers or RANKERS).items()
    }


def measure_synthetic(
    n_letters: int = SYNTHETIC_LETTERS, seed: int = SEED, rankers: dict[str, Ranker] | None = None
) -> Scores:
    """Generate an archive, import it into a fresh library and score it."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = generator.generate(Path(tmp) / "files", n_letters, seed)
        with LibraryStore(library_location(tmp)) as store:
            import_files(store, paths)
            return evaluate_synthetic(store, n_letters, seed, rankers)


# ------------------------------------------------------------------------------ report
def table(scores: Sequence[SetScore], baseline: Sequence[SetScore] = ()) -> str:
    base = {s.name: s for s in baseline}
    lines = [
        "| set | letters | queries | same-topic@3 | MRR | baseline @3 / MRR | goal | met? |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for s in scores:
        b = base.get(s.name)
        shown = f"{b.at3:.1f} % / {b.mrr:.3f}" if b else "—"
        met = "yes" if s.at3 >= GOAL_AT3 else "**no**"
        lines.append(
            f"| {s.name} | {s.letters} | {s.queries} | {s.at3:.1f} % | {s.mrr:.3f} | {shown} "
            f"| @3 ≥ {GOAL_AT3:.0f} % | {met} |"
        )
    left = [f"{s.name}: {', '.join(s.singletons)}" for s in scores if s.singletons]
    if left:
        lines += ["", "Left out (the only letter on their topic): " + "; ".join(left)]
    return "\n".join(lines)


def show_misses(scores: Sequence[SetScore]) -> str:
    out = []
    for s in scores:
        for m in s.misses:
            out.append(f"[{s.name}] {m['file']}  {m['query']}  ({m['topic']})")
            for i, hit in enumerate(m["top3"], start=1):
                out.append(f"    {i}. {hit['title']}  ({hit['topic']})")
            if not m["top3"]:
                out.append("    (nothing found)")
    return "\n".join(out)


def measure(
    sets: Sequence[str] = SETS, n_letters: int = SYNTHETIC_LETTERS, seed: int = SEED,
    rankers: dict[str, Ranker] | None = None, corpus: Path = CORPUS, labels: Path = LABELS,
) -> Scores:  # fmt: skip
    """The scores of each ranker on the chosen sets."""
    rankers = rankers or RANKERS
    scores: Scores = {name: [] for name in rankers}
    parts = []
    if "corpus" in sets or "seeds" in sets:
        parts.append(measure_real(corpus, SEEDS, rankers, labels))
    if "synthetic" in sets:
        parts.append(measure_synthetic(n_letters, seed, rankers))
    for part in parts:
        for name, found in part.items():
            scores[name] += [s for s in found if s.name in sets]
    return scores


def _rows(scores: Scores, size: str) -> list[dict[str, Any]]:
    """bench/run.py's rows (the fields of its ``Row``) for each set: same-topic@3 and MRR."""
    base = {s.name: s for s in scores.get("baseline", [])}
    rows = []
    for s in scores["app"]:
        b = base.get(s.name, SetScore(s.name, s.letters))
        details = {
            "queries": s.queries,
            "left_out": s.singletons,
            "baseline": "FTS5 OR of the title's trigrams, letters by best paragraph",
            "misses": s.misses,
        }
        label = f"similar relevance, {s.name} ({s.queries} queries)"
        at3_target = f"same-topic@3 ≥ {GOAL_AT3:.0f} %"
        rows += [
            {"measurement": f"{label}: same-topic@3", "size": size.format(n=s.letters),
             "median": s.at3, "p95": None, "baseline_median": b.at3, "unit": "%",
             "target": at3_target, "met": s.at3 >= GOAL_AT3, "details": details},
            {"measurement": f"{label}: MRR", "size": size.format(n=s.letters),
             "median": s.mrr, "p95": None, "baseline_median": b.mrr, "unit": "MRR",
             "target": "—", "met": None, "details": {"queries": s.queries}},
        ]  # fmt: skip
    return rows


def run_rows(synthetic_db: Path | None, n_letters: int, seed: int = SEED) -> list[dict[str, Any]]:
    """For bench/run.py: the corpus and seeds sets (the seeds alone without the shared corpus)
    and the synthetic set on an already imported ``generate(…, n_letters, seed)`` library."""
    rows: list[dict[str, Any]] = []
    if (CORPUS / "index.tsv").exists():
        rows += _rows(measure_real(), "{n} letters (corpus + seeds)")
    else:
        rows += _rows(measure_labelled({"seeds": SEEDS}, load_labels()), "{n} letters (seeds)")
    if synthetic_db is not None:
        with LibraryStore(synthetic_db) as store:
            rows += _rows(evaluate_synthetic(store, n_letters, seed), "{n} letters (generated)")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    ap.add_argument("--letters", type=int, default=SYNTHETIC_LETTERS, help="synthetic set size")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--show", action="store_true", help="each miss: the query and its top 3")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-baseline", action="store_true", help="skip the FTS5 baseline")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="letters/ and index.tsv")
    ap.add_argument("--labels", type=Path, default=LABELS, help="set, file, topic (TSV)")
    args = ap.parse_args(argv)
    if {"corpus", "seeds"} & set(args.sets) and not (args.corpus / "index.tsv").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    rankers: dict[str, Ranker] = {"app": app_ranker} if args.no_baseline else RANKERS
    found = measure(args.sets, args.letters, args.seed, rankers, args.corpus, args.labels)
    scores, baseline = found["app"], found.get("baseline", [])
    if args.json:
        out = {
            "goal_same_topic_at3": GOAL_AT3,
            "sets": [s.to_json() for s in scores],
            "baseline": [{k: v for k, v in b.to_json().items() if k != "misses"}
                         for b in baseline],
        }  # fmt: skip
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(table(scores, baseline))
    if args.show:
        print()
        print(show_misses(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
