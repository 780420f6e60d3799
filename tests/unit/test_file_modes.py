"""Exported letters are written to be shared: the user's normal permissions (umask), not the
temporary file's private 0600; a replaced file keeps its mode; packs stay private."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.export_docx import write_docx
from desktop.model import ComposedLetter, LetterParagraph
from desktop.safe_write import atomic_write, current_umask

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_027() -> object:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def letter() -> ComposedLetter:
    return ComposedLetter(
        "关于某建议的答复", "王明代表：", [LetterParagraph("正文。")], "某局", "2026-06-01"
    )


def test_current_umask_reads_the_process_umask(umask_027: object) -> None:
    assert current_umask() == 0o027
    assert os.umask(0o027) == 0o027  # and left it as it was


def test_new_docx_gets_the_umask_mode(tmp_path: Path, umask_027: object) -> None:
    target = write_docx(letter(), tmp_path / "答复.docx")
    assert mode(target) == 0o640
    os.umask(0o022)
    assert mode(write_docx(letter(), tmp_path / "答复2.docx")) == 0o644


def test_replaced_file_keeps_its_mode(tmp_path: Path, umask_027: object) -> None:
    target = tmp_path / "答复.docx"
    target.write_bytes(b"old")
    target.chmod(0o664)
    write_docx(letter(), target)
    assert mode(target) == 0o664 and target.read_bytes().startswith(b"PK")


def test_private_write_stays_0600(tmp_path: Path) -> None:
    target = atomic_write(tmp_path / "资料包.zip", lambda t: t.write_bytes(b"x"), private=True)
    assert mode(target) == 0o600


def test_cli_draft_and_pack_modes_under_a_set_umask(tmp_path: Path) -> None:
    """The real command line, started with umask 027: letter, text body → 0640; pack → 0600."""
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps(
            {
                "number": "12",
                "title": "关于加快众创空间建设的建议",
                "proposers": ["张三"],
                "role": "代表",
                "category": "A",
                "content": "建议。",
                "reply_date": "2026-06-01",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    db = tmp_path / "lib.db"
    env = {**os.environ, "REPLYDESK_DB": str(db), "QT_QPA_PLATFORM": "offscreen"}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop", *args, "--db", str(db)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=lambda: os.umask(0o027),
        )

    docx, text = tmp_path / "答复.docx", tmp_path / "正文.txt"
    assert cli("profile", "set", "agency_name", "南通市科学技术局").returncode == 0
    done = cli("draft", "--case", str(case), "--out", str(docx), "--text", str(text))
    assert docx.is_file(), done.stderr
    assert mode(docx) == 0o640 and mode(text) == 0o640
    pack = tmp_path / "资料包.zip"
    sample = ROOT / "tests" / "fixtures" / "letters"
    cli("import", str(sample))
    done = cli("export-pack", "--out", str(pack))
    assert pack.is_file(), done.stderr
    assert mode(pack) == 0o600


def test_pdf_from_libreoffice_gets_the_umask_mode(tmp_path: Path, umask_027: object) -> None:
    """The PDF LibreOffice writes is copied over the target through a temporary file: the
    result has the clerk's normal mode, not the temporary file's 0600."""
    from desktop.pdf import convert_to_pdf

    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir()
    program.write_text(
        f"#!{sys.executable}\nimport sys, pathlib\n"
        "out = pathlib.Path(sys.argv[sys.argv.index('--outdir') + 1])\n"
        "src = pathlib.Path(sys.argv[-1])\n"
        "(out / (src.stem + '.pdf')).write_bytes(b'%PDF-1.4 fake')\n"
    )
    program.chmod(0o755)
    docx = write_docx(letter(), tmp_path / "答复.docx")
    pdf = convert_to_pdf(docx, tmp_path / "答复.pdf", soffice=str(program))
    assert pdf.read_bytes().startswith(b"%PDF") and mode(pdf) == 0o640
