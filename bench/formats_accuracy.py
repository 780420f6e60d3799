"""How well the importer reads the same letters in other formats: every field of
../shared/corpus/index.tsv, for the letters as .txt (the corpus) and as DOCX, PDF, HTML, MHT and
RTF made from them.

Each corpus letter's lines are written into a DOCX (one paragraph per line, long ones with a
two-character first-line indent as letters are typed), which LibreOffice turns into PDF, HTML
and RTF in one run; the HTML is also wrapped as an MHT message. Every format then goes through
``bench/accuracy.py``'s :func:`measure` (the real importer, a fresh library, the hand-checked
truth). Everything is made in a temporary folder; nothing from the corpus enters the project.

    python bench/formats_accuracy.py               # all 72 letters, the table
    python bench/formats_accuracy.py --limit 12    # the first 12
    python bench/formats_accuracy.py --json

Needs LibreOffice (``soffice``).
"""

from __future__ import annotations

import argparse
import csv
import email.encoders
import email.mime.base
import email.mime.multipart
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.accuracy import DEFAULT_CORPUS, FIELDS, FieldScore, measure  # noqa: E402
from desktop.readers import read_document  # noqa: E402
from desktop.soffice import find_soffice  # noqa: E402

FORMATS = ("txt", "docx", "pdf", "html", "mht", "rtf")
_CONVERSIONS = {"pdf": "pdf:writer_pdf_Export", "html": "html:HTML (StarWriter)", "rtf": "rtf"}


def _docx(lines: list[str]) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    for line in lines:
        paragraph = document.add_paragraph(line)
        if len(line) > 40:
            paragraph.paragraph_format.first_line_indent = Pt(24)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _mht(html: bytes) -> bytes:
    message = email.mime.multipart.MIMEMultipart("related", type="text/html")
    message["MIME-Version"] = "1.0"
    page = email.mime.base.MIMEBase("text", "html", charset="utf-8")
    page.set_payload(html)
    email.encoders.encode_quopri(page)
    message.attach(page)
    return message.as_bytes()


def _convert_all(soffice: str, docx_dir: Path, fmt: str, out_dir: Path, profile: Path) -> None:
    """One LibreOffice run converts the whole folder."""
    files = sorted(str(p) for p in docx_dir.glob("*.docx"))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            _CONVERSIONS[fmt],
            "--outdir",
            str(out_dir),
            *files,
        ],
        check=True,
        capture_output=True,
        timeout=60 + 20 * len(files),
    )


def _corpus_copy(root: Path, fmt: str, rows: list[dict[str, str]]) -> Path:
    """A corpus folder in ``fmt``: letters/dNNN.fmt and an index.tsv naming them."""
    folder = root / f"corpus-{fmt}"
    (folder / "letters").mkdir(parents=True)
    with (folder / "index.tsv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter="\t")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "file": Path(row["file"]).stem + f".{fmt}"})
    return folder


def build(
    corpus: Path, work: Path, limit: int | None, soffice: str, files: set[str] | None = None
) -> dict[str, Path]:
    """Every format's corpus folder under ``work`` (the letters named in ``files``, else the
    first ``limit``, else all)."""
    with (corpus / "index.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    rows = [r for r in rows if files is None or r["file"] in files][:limit]
    folders = {fmt: _corpus_copy(work, fmt, rows) for fmt in FORMATS}
    for row in rows:
        source = corpus / "letters" / row["file"]
        stem = source.stem
        (folders["txt"] / "letters" / source.name).write_bytes(source.read_bytes())
        lines = read_document(source).lines
        (folders["docx"] / "letters" / f"{stem}.docx").write_bytes(_docx(lines))
    profile = work / "profile"
    for fmt in ("pdf", "html", "rtf"):
        _convert_all(soffice, folders["docx"] / "letters", fmt, folders[fmt] / "letters", profile)
    for page in (folders["html"] / "letters").glob("*.html"):
        (folders["mht"] / "letters" / f"{page.stem}.mht").write_bytes(_mht(page.read_bytes()))
    return folders


def measure_formats(
    corpus: Path = DEFAULT_CORPUS, limit: int | None = None, files: set[str] | None = None
) -> dict[str, dict[str, FieldScore]]:
    soffice = find_soffice()
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to make the PDF, HTML and RTF copies")
    with tempfile.TemporaryDirectory(prefix="replydesk-formats-") as tmp:
        folders = build(corpus, Path(tmp), limit, soffice, files)
        return {fmt: measure(folder) for fmt, folder in folders.items()}


def table(scores: dict[str, dict[str, FieldScore]]) -> str:
    formats = list(scores)
    total = next(iter(scores.values()))["kind"].total
    lines = [
        f"| field ({total} letters) | " + " | ".join(formats) + " |",
        "|---|" + "---:|" * len(formats),
    ]
    for name in FIELDS:
        cells = " | ".join(f"{scores[fmt][name].right}" for fmt in formats)
        lines.append(f"| {name} | {cells} |")
    sums = [sum(s.right for s in scores[fmt].values()) for fmt in formats]
    whole = sum(s.total for s in scores[formats[0]].values())
    lines.append("| all fields | " + " | ".join(f"{100 * n / whole:.1f} %" for n in sums) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.corpus / "index.tsv").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    scores = measure_formats(args.corpus, args.limit)
    if args.json:
        out = {
            fmt: {
                name: {"right": s.right, "total": s.total, "misses": s.misses}
                for name, s in per.items()
            }
            for fmt, per in scores.items()
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(table(scores))
    for fmt, per in scores.items():
        if fmt == "txt":
            continue
        for name, score in per.items():
            base = {m["file"].rsplit(".", 1)[0] for m in scores["txt"][name].misses}
            for miss in score.misses:
                if miss["file"].rsplit(".", 1)[0] not in base:  # lost in this format only
                    want, got = miss["want"], miss["got"]
                    print(f"  {fmt:4} {name:16} {miss['file']}  want {want!r}  got {got!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
