"""The window's cold start: what its first frame does not need is imported after it.

A real process starts the window the way ``run_app`` does (the launcher's import of
``desktop.__main__``, translations, ``open_window``) on a library that holds the sample letters,
a case left open at the last close and the sample agency. At the window's first paint none of
the heavy modules may be imported; after the start (``window.started``) the first-start dialog
shows, the library lists its letters and the last case is open again, composed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.actions.cases import LAST_CASE_KEY
from desktop.casework import case_from_json
from desktop.sample import ensure_sample_library
from desktop.store import LibraryStore
from tests.conftest import ROOT

# Composing (templates, proofreading), DOCX, the readers and parser, the import pipeline's
# worker processes, the word segmenter, PDF: none is needed to show the window.
HEAVY = (
    "desktop.compose",
    "desktop.reply_templates",
    "jinja2",
    "desktop.proofread",
    "docx",
    "desktop.export_docx",
    "desktop.readers",
    "desktop.understand",
    "desktop.reparse",
    "desktop.importer",
    "desktop.import_pipeline",
    "multiprocessing",
    "rjieba",
    "pypdfium2",
    "lxml",
    # Nor the letter inspector (opened from the library), nor the first-start form (shown
    # after the first paint, here where the agency is the sample's), nor the installed
    # packages' metadata (sqlite-utils looks there for plugins unless told not to).
    "desktop.ui.letter_inspector",
    "desktop.ui.first_start_dialog",
    "importlib.metadata",
)

_START = r"""
import json, sys
import desktop.__main__  # the launcher's first import
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.ui import app as ui_app
heavy = json.loads(sys.argv[3])
seen = {}
def loaded():
    return [m for m in heavy if m in sys.modules]
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "at_paint" not in seen:
            seen["at_paint"] = loaded()
        return False
ui_app.install_translations(app, "zh_CN")
opened = ui_app.open_window(Path(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
context, window = opened
seen["before_loop"] = loaded()
painted = FirstPaint()
window.installEventFilter(painted)
def started():
    dialog = window.first_start
    seen.update(
        after_start=loaded(),
        first_start_visible=bool(dialog is not None and dialog.isVisible()),
        case_id=window.model.case_id,
        composed=window.model.last_composition is not None,
        listed=window.library.results_model.rowCount(),
    )
    print(json.dumps(seen))
    app.quit()
window.started.connect(lambda: QTimer.singleShot(0, started))
QTimer.singleShot(60000, app.quit)
app.exec()
"""


def test_the_window_shows_before_composing_and_the_parser_are_imported(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    with LibraryStore(db) as store:
        assert len(ensure_sample_library(store)) == 5
        case = {"number": "12", "title": "关于发展夜间经济的建议", "proposers": ["王五"]}
        case_id = store.cases.save(case_from_json(case))
        store.set_meta(LAST_CASE_KEY, str(case_id))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home")}
    for name in ("CONFIG", "STATE", "DATA", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    proc = subprocess.run(
        [sys.executable, "-c", _START, str(db), str(tmp_path / "settings.ini"), json.dumps(HEAVY)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["before_loop"] == []
    assert seen["at_paint"] == []
    # After the first paint the start goes on: the agency is asked for, the last case is open
    # and composed (which brings the templates and the proofreader), the letters are listed.
    assert seen["first_start_visible"] is True
    assert seen["case_id"] == case_id
    assert seen["composed"] is True
    assert {"desktop.compose", "jinja2", "desktop.proofread"} <= set(seen["after_start"])
    assert seen["listed"] >= 5
