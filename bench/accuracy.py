"""How well the importer understands real letters: every field of ../shared/corpus/index.tsv.

The letters in ``../shared/corpus/letters`` are imported through the real importer into a
temporary library, read back from the database, and compared with the hand-checked truth
(``../shared/corpus/README.md`` describes the columns). Values are compared after the same
folding on both sides: traditional to simplified characters, whitespace removed, bracket and
dash variants unified. An empty truth means "not printed": the importer must then give nothing.

    python bench/accuracy.py                 # the per-field table and every miss
    python bench/accuracy.py --json          # the same as JSON
    python bench/accuracy.py --corpus DIR    # another corpus with the same layout

``tests/unit/test_accuracy.py`` runs :func:`measure` and fails when a field falls below the
floor in ``bench/accuracy_floor.json`` (raised as the parser improves).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.fold import to_simplified  # noqa: E402
from desktop.importer import ImportResult, import_paths  # noqa: E402
from desktop.store import LibraryStore  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
FLOOR_FILE = Path(__file__).with_name("accuracy_floor.json")

# The fields scored, in table order, with the Chinese name the README table shows.
FIELDS: dict[str, str] = {
    "kind": "类型（答复）",
    "addressee": "答复对象",
    "addressee_count": "人数",
    "role": "身份",
    "agency": "答复单位",
    "reply_date": "答复日期",
    "category": "类别",
    "proposal_number": "编号",
    "proposal_title": "建议/提案标题",
    "doc_number": "文号",
    "contact_name": "联系人",
    "contact_phone": "联系电话",
    "greeting": "开头段",
    "closing": "结束语",
}

_BRACKETS = str.maketrans(
    {
        "[": "〔",
        "【": "〔",
        "(": "（",
        "]": "〕",
        "】": "〕",
        ")": "）",
        "—": "-",
        "－": "-",
        "–": "-",
        "＝": "=",
        ",": "，",
        "!": "！",
        "?": "？",
        ";": "；",
        ":": "：",
    }
)


def fold(value: object) -> str:
    """The comparison form of a value: simplified, no whitespace, one bracket and dash style."""
    if value is None:
        return ""
    text = to_simplified(str(value))
    text = re.sub(r"\s+", "", text).translate(_BRACKETS)
    return re.sub(r"-{2,}", "-", text)


def _title_key(value: object) -> str:
    return fold(value).strip("《》“”\"「」'‘’")


def _number_key(value: object) -> str:
    text = fold(value)
    text = text.removeprefix("第")
    return text.removesuffix("号")


def _starts(paragraphs: list[dict[str, Any]], section: str) -> str:
    """The first paragraph of a section."""
    return next((p["text"] for p in paragraphs if p["section"] == section), "")


def _greeting(paragraphs: list[dict[str, Any]]) -> list[str]:
    """The paragraphs of the greeting section at the letter's start: the salutation line, a
    "您好" line and the acknowledgement. The acknowledgement must be one of them."""
    out = []
    for p in paragraphs:
        if p["section"] != "greeting":
            if out:
                break
            continue
        out.append(p["text"])
    return out[:3]


def _addressee(letter: dict[str, Any]) -> str:
    names = letter.get("addressee") or []
    if not names:
        return ""
    role = letter.get("addressee_role")
    return names[0] + (role if role in ("代表", "委员") and role not in names[0] else "")


def _role(letter: dict[str, Any]) -> str:
    role = letter.get("addressee_role") or ""
    return "unit" if role == "单位" else role


@dataclass
class FieldScore:
    right: int = 0
    total: int = 0
    misses: list[dict[str, str]] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.total if self.total else 100.0


def _compare(
    name: str, truth: dict[str, str], letter: dict[str, Any] | str
) -> tuple[str, str, bool]:
    """(expected, got, right) for one field of one letter; ``letter`` is the reason when the
    file gave no letter."""
    if isinstance(letter, str):
        return (truth.get(name, "") or "reply", letter, False)
    got: object
    key: Callable[[object], str] = fold
    if name == "kind":
        return "reply", letter["kind"], letter["kind"] == "reply"
    if name == "addressee":
        want, got = truth["addressee"], _addressee(letter)
    elif name == "addressee_count":
        want, got = truth["addressee_count"], letter.get("addressee_count") or ""
    elif name == "role":
        want, got = truth["role"], _role(letter)
    elif name == "proposal_number":
        want, got, key = truth["proposal_number"], letter.get("proposal_number"), _number_key
    elif name == "proposal_title":
        want, got, key = truth["proposal_title"], letter.get("proposal_title"), _title_key
    elif name == "greeting":
        want, greeting = truth["greeting_starts"], _greeting(letter["paragraphs"])
        got = " / ".join(t[:20] for t in greeting)
        return want, got, any(_starts_with(t, want) for t in greeting)
    elif name == "closing":
        want, got = truth["closing_starts"], _starts(letter["paragraphs"], "closing")
        return want, str(got)[:40], _starts_with(got, want)
    else:
        want, got = truth[name], letter.get(name)
    return want, "" if got is None else str(got), key(want) == key(got)


def _starts_with(got: object, want: str) -> bool:
    if not want:
        return not got
    return bool(got) and fold(got).startswith(fold(want))


def measure(corpus: Path = DEFAULT_CORPUS) -> dict[str, FieldScore]:
    """Import the corpus into a fresh library and score every field."""
    truth_rows = list(csv.DictReader((corpus / "index.tsv").open(encoding="utf-8"), delimiter="\t"))
    scores = {name: FieldScore() for name in FIELDS}
    with tempfile.TemporaryDirectory() as tmp:
        store = LibraryStore(Path(tmp) / "library.db")
        try:
            results = {
                Path(p.result.path).name: p.result
                for p in import_paths(store, [corpus / "letters"])
            }
            for row in truth_rows:
                letter = _letter(store, results.get(row["file"]))
                for name, score in scores.items():
                    want, got, right = _compare(name, row, letter)
                    score.total += 1
                    if right:
                        score.right += 1
                    else:
                        score.misses.append({"file": row["file"], "want": want, "got": got})
        finally:
            store.close()
    return scores


def _letter(store: LibraryStore, result: ImportResult | None) -> dict[str, Any] | str:
    """The stored letter of a file as a dict, or why there is none: a run elsewhere that
    reports letters as not imported must say whether the file was missing or refused."""
    if result is None:
        return "(未导入：语料文件夹中没有这个文件)"
    detail = store.letters.detail(result.letter_id) if result.letter_id else None
    if detail is None:
        return f"(未导入：{result.status}{'：' + result.message if result.message else ''})"
    return asdict(detail)


def table(scores: dict[str, FieldScore]) -> str:
    lines = ["| field | | right | of | % |", "|---|---|---:|---:|---:|"]
    for name, score in scores.items():
        lines.append(
            f"| {name} | {FIELDS[name]} | {score.right} | {score.total} | {score.percent:.1f} |"
        )
    return "\n".join(lines)


def _write_readme(scores: dict[str, FieldScore]) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- accuracy:start -->", "<!-- accuracy:end -->"
    if start not in text or end not in text:
        print("README.md has no accuracy markers; not rewritten", file=sys.stderr)
        return
    before, rest = text.split(start, 1)
    _old, after = rest.split(end, 1)
    readme.write_text(f"{before}{start}\n{table(scores)}\n{end}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--field", action="append", help="show only the misses of these fields")
    parser.add_argument(
        "--readme", action="store_true", help="rewrite the table in README.md's benchmark section"
    )
    args = parser.parse_args(argv)
    if not (args.corpus / "index.tsv").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    scores = measure(args.corpus)
    if args.json:
        out = {
            name: {
                "right": s.right,
                "total": s.total,
                "percent": round(s.percent, 1),
                "misses": s.misses,
            }
            for name, s in scores.items()
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(table(scores))
    if args.readme:
        _write_readme(scores)
    for name, score in scores.items():
        if args.field and name not in args.field:
            continue
        for miss in score.misses:
            print(f"  {name:16} {miss['file']}  want {miss['want']!r}  got {miss['got']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
