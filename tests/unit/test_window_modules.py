"""Opening the window imports no Qt-free module of ours that desktop/window_modules.py leaves
out: they all load before Qt (PySide6 reads the source of every module imported after it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop.actions.letters import ensure_samples
from desktop.store import LibraryStore
from desktop.window_modules import ROOTS

ROOT = Path(__file__).resolve().parents[2]

_OPEN = r"""
import json, sys
from pathlib import Path
import gc
from desktop.window_modules import prepare_window_start
prepare_window_start()
assert not gc.isenabled(), "the collector runs during the start"
before = set(sys.modules)
qt_free = [m for m in before if m.startswith("desktop")]
assert not any(m.startswith("PySide6") for m in before), "Qt imported by the list"
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.ui import app as ui_app
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
context, window = ui_app.open_window(Path(sys.argv[1]), settings)
late = sorted(
    m for m in set(sys.modules) - before
    if (m.startswith("desktop.") and not m.startswith("desktop.ui")) or m == "sqlite_utils"
)
collecting = gc.isenabled() and gc.get_freeze_count() > 0  # the start's objects set aside
window.close(); context.close()
print(json.dumps({"late": late, "qt_free": len(qt_free), "collecting": collecting}))
"""


def test_the_window_opens_without_importing_a_qt_free_module_after_qt(tmp_path: Path) -> None:
    # a library that has had its first start (the samples' import is a first start's only)
    with LibraryStore(tmp_path / "library.db") as store:
        assert ensure_samples(store=store) > 0
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", _OPEN, str(tmp_path / "library.db"), str(tmp_path / "s.ini")],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
        env={**env, "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp_path / "data")},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["late"] == [], "add their importer to ROOTS"
    assert result["qt_free"] > len(ROOTS)  # the roots brought the rest with them
    assert result["collecting"] is True  # paused for the start, on again once it is built


def test_the_collector_runs_again_when_the_library_cannot_be_opened(
    tmp_path: Path,
) -> None:
    """open_window turns Python's cycle collector back on however it ends: here the
    library file is not a database (the clerk is told so, and the window does not open)."""
    bad = tmp_path / "library.db"
    bad.write_bytes(b"not a database" * 100)
    code = _FAILED_OPEN
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(bad), str(tmp_path / "s.ini")],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
        env={**env, "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp_path / "data")},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"opened": False, "collecting": True}


_FAILED_OPEN = r"""
import gc, json, sys
from pathlib import Path
from desktop.window_modules import prepare_window_start
prepare_window_start()
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
from desktop.ui import app as ui_app
def close_boxes():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            w.reject()
timer = QTimer(); timer.timeout.connect(close_boxes); timer.start(50)
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
opened = ui_app.open_window(Path(sys.argv[1]), settings)
print(json.dumps({"opened": opened is not None, "collecting": gc.isenabled()}))
"""
