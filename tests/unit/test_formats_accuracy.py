"""Real letters read the same in every format: a few corpus letters (run-on portal text, a
table export, indented paragraphs) made into DOCX, PDF, HTML, MHT and RTF by LibreOffice give
the same fields as their .txt (bench/formats_accuracy.py measures all 72)."""

from __future__ import annotations

import pytest

from bench.accuracy import DEFAULT_CORPUS
from bench.formats_accuracy import measure_formats
from tests.formats import soffice_or_skip

pytestmark = pytest.mark.skipif(
    not (DEFAULT_CORPUS / "index.tsv").exists(),
    reason="the shared corpus is not beside the project",
)

LETTERS = {"d001.txt", "d007.txt", "d022.txt", "d035.txt", "d048.txt", "d069.txt"}


@pytest.mark.soffice
def test_every_format_reads_the_fields_the_text_gives() -> None:
    soffice_or_skip()
    scores = measure_formats(files=LETTERS)
    txt = scores["txt"]
    assert txt["kind"].total == len(LETTERS)
    for fmt in ("docx", "pdf", "html", "mht", "rtf"):
        lost = {
            name: [m["file"] for m in score.misses]
            for name, score in scores[fmt].items()
            if score.right < txt[name].right
        }
        assert not lost, (fmt, lost)
