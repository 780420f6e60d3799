"""The importer's accuracy on the real corpus must never fall below what it has reached.

``bench/accuracy.py`` imports ../shared/corpus/letters through the real importer and scores
every field against the hand-checked index; ``bench/accuracy_floor.json`` holds, per field, how
many of the letters the code gets right. Raise a floor when the parser improves; a change that
loses a letter on any field fails here and names the letters it lost.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.accuracy import DEFAULT_CORPUS, FLOOR_FILE, measure

pytestmark = pytest.mark.skipif(
    not (DEFAULT_CORPUS / "index.tsv").exists(),
    reason="the shared corpus is not beside the project",
)


def test_no_field_falls_below_its_floor() -> None:
    # without OpenCC the traditional letters lose their fields: say so rather than list them
    from desktop.fold import to_simplified

    assert to_simplified("答復") == "答复", "traditional folding is unavailable: install opencc"
    floors: dict[str, int] = json.loads(Path(FLOOR_FILE).read_text(encoding="utf-8"))
    scores = measure()
    assert set(floors) == set(scores), "every scored field needs a floor"
    fallen = {
        name: (
            f"{scores[name].right} < {floor}: "
            + ", ".join(
                f"{m['file']} got {m['got']!r} want {m['want']!r}" for m in scores[name].misses
            )
        )
        for name, floor in floors.items()
        if scores[name].right < floor
    }
    assert not fallen, fallen


def test_a_letter_that_gave_no_letter_says_why(tmp_path: Path) -> None:
    """A run elsewhere reported letters as "(未导入)" without a cause; the misses now say
    whether the file was missing from the folder or what the importer answered."""
    corpus = tmp_path / "corpus"
    (corpus / "letters").mkdir(parents=True)
    header = (DEFAULT_CORPUS / "index.tsv").read_text(encoding="utf-8").splitlines()[0]
    columns = header.split("\t")
    rows = [dict.fromkeys(columns, "") | {"file": name} for name in ("absent.txt", "empty.txt")]
    (corpus / "index.tsv").write_text(
        "\n".join([header, *("\t".join(r[c] for c in columns) for r in rows)]) + "\n",
        encoding="utf-8",
    )
    (corpus / "letters" / "empty.txt").write_text("", encoding="utf-8")
    misses = {m["file"]: m["got"] for m in measure(corpus)["kind"].misses}
    assert misses["absent.txt"] == "(未导入：语料文件夹中没有这个文件)"
    assert misses["empty.txt"].startswith("(未导入：failed：") and len(misses["empty.txt"]) > 12
