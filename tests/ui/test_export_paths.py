"""The window and the command line export through the same action (desktop/actions/export.py):
the same case gives the same document; the window reads the profile once per export and
copies no seal into a file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.casework import SECTIONS
from desktop.profile import SEAL_KEY
from desktop.reply_templates import ReplyTemplates
from desktop.search import search
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from tests.conftest import ROOT

DEMO_SEAL = ROOT / "resources" / "demo_seal.png"
CASE = {
    "number": "12",
    "session": "市十七届人大三次会议",
    "title": "关于加快众创空间建设的建议",
    "proposers": ["张三", "李四"],
    "role": "代表",
    "category": "B",
    "content": "建议加快众创空间建设。",
    "reply_date": "2026-06-01",
    "contact_name": "王五",
    "contact_phone": "0513-85000000",
    "cc": ["市人大常委会代表工委", "市政府办公室"],
    "sections": {"plan": ["下一步，我们将继续推进众创空间建设。"]},
}


@pytest.fixture
def library(sample_store: LibraryStore) -> LibraryStore:
    sample_store.profile.set_value("agency_name", "南通市科学技术局")
    sample_store.profile.set_value("seal_diameter_mm", 45.0)
    sample_store.profile.set_file(SEAL_KEY, "公章.png", DEMO_SEAL.read_bytes())
    return sample_store


@pytest.fixture
def window(qtbot: QtBot, library: LibraryStore, tmp_path: Path) -> Iterator[MainWindow]:
    context = AppContext(library.path, store=library,
                         templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(context, settings=settings)
    qtbot.addWidget(win)
    win._findings_allow_export = lambda _prepared: True  # type: ignore[method-assign]
    yield win
    context.close()


def _document_xml(path: Path) -> bytes:
    return zipfile.ZipFile(path).read("word/document.xml")


def test_the_cli_and_the_window_write_the_same_document(
    window: MainWindow, library: LibraryStore, tmp_path: Path
) -> None:
    ids = [h.paragraph_id for h in search(library, "众创空间", limit=2)]
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    cli_out = tmp_path / "命令行.docx"
    env = {**os.environ, **{k: str(tmp_path / k) for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")}}
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "draft", "--case", str(case_file), "--out",
         str(cli_out), "--db", str(library.path), "--use", *map(str, ids)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    case_id = library.cases.find(CASE["session"], CASE["number"])
    assert case_id is not None

    window.open_case(case_id)  # the draft the command line saved
    used = [b.paragraph_id for s in SECTIONS for b in window.model.blocks(s) if b.kind == "library"]
    assert sorted(used) == sorted(ids)
    window_out = tmp_path / "窗口.docx"
    assert window.export_docx(window_out) == window_out
    assert b"<wp:anchor" in _document_xml(cli_out)  # sealed both ways
    assert _document_xml(window_out) == _document_xml(cli_out)


def test_a_window_export_reads_the_profile_once_and_no_seal_file(
    window: MainWindow, library: LibraryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = library.cases.save(_case())
    window.open_case(case_id)
    reads: Counter[str] = Counter()
    for name in ("load", "get_file"):
        real = getattr(library.profile, name)

        def counted(*args: object, _real: object = real, _name: str = name) -> object:
            reads[_name] += 1
            return _real(*args)  # type: ignore[operator]

        monkeypatch.setattr(library.profile, name, counted)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    target = tmp_path / "out" / "答复.docx"
    target.parent.mkdir()
    assert window.export_docx(target) == target
    assert reads == {"load": 1, "get_file": 1}
    assert list(scratch.iterdir()) == [] and list(target.parent.iterdir()) == [target]
    media = [n for n in zipfile.ZipFile(target).namelist() if n.startswith("word/media/")]
    assert [zipfile.ZipFile(target).read(n) for n in media] == [DEMO_SEAL.read_bytes()]


def _case() -> object:
    from desktop.casework import case_from_json

    return case_from_json(CASE)
