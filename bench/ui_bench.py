"""Window measurements: cold start, responsiveness while importing, search on screen, memory.

Each runs in a fresh Python process (offscreen Qt) so start-up and memory are a clerk's:

- cold start: process start → the window painted, everything the start does on the UI thread
  done (``desktop.ui.app.open_window``, then ``start_window`` after the first paint: the
  first-start dialog, fonts check, crash recovery, the last case, background checks started)
  and the event loop free; also the first paint alone, and the longest gap of a 10 ms timer
  in the second after the start (a stall the clerk would feel). On a copy of the library,
  through the launcher's import of ``desktop.__main__``; baseline: the same process showing
  an empty ``QMainWindow`` (Python + Qt alone), run alternately with ours. Both read compiled
  bytecode, as the installed (frozen) program does: the runs share a cache of their own, filled
  by one start of each that is not measured (an environment with ``PYTHONDONTWRITEBYTECODE``
  would otherwise have every start compile desktop/'s two hundred modules again, ~0.13 s).
- stall: the longest gap between ticks of a 10 ms timer while the import dialog's operation
  imports letters; baseline: the same timer with nothing running.
- search on screen: the library pane's ``run_search`` (the query, the hits as widgets) after
  the debounce; baseline: ``desktop.search.search`` alone on the same connection.
- memory: peak resident memory of the cold-start process (the window with the library open).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from desktop.store import LibraryStore

ROOT = Path(__file__).resolve().parents[1]

_COLD = r"""
import os, sys, time, json, resource
t0 = float(sys.argv[2])
def peak_mb():
    # VmHWM is this program's own peak. ru_maxrss also keeps the high-water mark of the
    # process image before exec — a copy of the (large) benchmark process that forked it.
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if sys.argv[1] != "bare":
    import desktop.__main__  # what the launcher (and the frozen program) imports first
    from desktop.window_modules import prepare_window_start  # as desktop.__main__.main does
    prepare_window_start()
    import desktop.ui  # as main's "from desktop.ui.app import run_app": its start, then Qt
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QEvent, QObject, QTimer, QSettings
app = QApplication([])
result = {}
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "first_paint" not in result:
            result["first_paint"] = time.time() - t0
        return False
painted = FirstPaint()
if sys.argv[1] == "bare":
    w = QMainWindow(); w.resize(1200, 800); w.installEventFilter(painted); w.show()
    QTimer.singleShot(0, lambda: ready())
else:
    # run_app's own steps up to the event loop: translations, then open_window (the library,
    # the sample letters, the window); start_window follows the first paint and ends with
    # the window's ``started`` signal.
    from pathlib import Path
    from desktop.ui import app as ui_app
    ui_app.install_translations(app, "zh_CN")
    settings = QSettings(sys.argv[3], QSettings.Format.IniFormat)
    opened = ui_app.open_window(Path(sys.argv[1]), settings)
    w = opened[1]
    w.installEventFilter(painted)
    w.started.connect(lambda: QTimer.singleShot(0, ready))
gaps, last = [], [0.0]
def tick():
    now = time.perf_counter(); gaps.append(now - last[0]); last[0] = now
timer = QTimer(); timer.setInterval(10); timer.timeout.connect(tick)
def ready():
    # Usable: painted, everything the start does on the UI thread done, the event loop free.
    result["seconds"] = time.time() - t0
    last[0] = time.perf_counter(); timer.start()
    QTimer.singleShot(int(sys.argv[4]), done)
def done():
    timer.stop()
    result.update(stall_ms=max(gaps) * 1000 if gaps else 0.0, rss_mb=peak_mb())
    print(json.dumps(result)); app.quit()
app.exec()
"""

_STALL = r"""
import sys, time, json
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
app = QApplication([])
from desktop.store import LibraryStore
from desktop.importer import import_paths
from desktop.ui.operations import Operation
db, folder, mode = sys.argv[1], sys.argv[2], sys.argv[3]
LibraryStore(db).close()
gaps, last = [], [time.perf_counter()]
def tick():
    now = time.perf_counter(); gaps.append(now - last[0]); last[0] = now
timer = QTimer(); timer.setInterval(10); timer.timeout.connect(tick); timer.start()
result = {}
def finish(value=None):
    timer.stop()
    result.update(max_gap_ms=max(gaps) * 1000 if gaps else 0.0, ticks=len(gaps),
                  seconds=time.perf_counter() - t0)
    print(json.dumps(result)); app.quit()
t0 = time.perf_counter()
if mode == "import":
    files = sorted(Path(folder).glob("*"))
    op = Operation(import_paths, paths=files, db_path=Path(db))
    counted = []
    op.progress(lambda p: counted.append(p.result.status))
    op.success(lambda _v: (result.update(files=len(counted)), finish())).run_in_background()
else:
    QTimer.singleShot(3000, finish)
app.exec()
"""

_SEARCH = r"""
import sys, time, json, statistics
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.store import LibraryStore
from desktop.search import search
from desktop.ui.context import AppContext
from desktop.ui.library_pane import LibraryPane
store = LibraryStore(sys.argv[1])
pane = LibraryPane(AppContext(store.path, store=store)); pane.show()
queries = json.loads(sys.argv[2])
ours, base = [], []
for _ in range(3):
    for q in queries:
        pane.search_box.setText(q)
        pane._debounce.stop()  # measure from the moment the debounce fires
        t = time.perf_counter(); pane.run_search(); app.processEvents()
        ours.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter(); search(store, q, limit=50)
        base.append((time.perf_counter() - t) * 1000)
ours.sort()
print(json.dumps({"median": statistics.median(ours), "p95": ours[int(0.95 * (len(ours) - 1))],
                  "baseline_median": statistics.median(base), "n": len(ours)}))
"""


def _run(code: str, *args: str, bytecode: Path | None = None) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    if bytecode is not None:  # read (and write) compiled modules there
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, timeout=900, cwd=ROOT)  # fmt: skip
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


STALL_AFTER_START_MS = 1000  # how long the event loop is watched after the start


def cold_start(db: Path, reps: int = 3) -> dict[str, Any]:
    import statistics
    import time

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "library.db"
        shutil.copy(db, copy)
        # A clerk's library: its agency was given at the first start, whose dialog (shown
        # once in a library's life, ~20 ms to build) is not part of the everyday start.
        with LibraryStore(copy) as store:
            store.profile.set_value("agency_name", "某市科学技术局")
        ini = str(Path(tmp) / "settings.ini")
        watch = str(STALL_AFTER_START_MS)
        pyc = Path(tmp) / "bytecode"
        for which in (str(copy), "bare"):  # not measured: compiles what the starts import
            _run(_COLD, which, str(time.time()), ini, "0", bytecode=pyc)
        ours, bare = [], []
        for _ in range(reps):  # interleaved: a busy moment of the machine hits both alike
            ours.append(_run(_COLD, str(copy), str(time.time()), ini, watch, bytecode=pyc))
            bare.append(_run(_COLD, "bare", str(time.time()), ini, watch, bytecode=pyc))

    def median(runs: list[dict[str, Any]], key: str) -> float:
        return float(statistics.median(r[key] for r in runs))

    return {
        "median_s": median(ours, "seconds"),
        "baseline_median_s": median(bare, "seconds"),
        "first_paint_median_s": median(ours, "first_paint"),
        "baseline_first_paint_median_s": median(bare, "first_paint"),
        "stall_ms": median(ours, "stall_ms"),
        "baseline_stall_ms": median(bare, "stall_ms"),
        "rss_mb": max(r["rss_mb"] for r in ours),
        "baseline_rss_mb": max(r["rss_mb"] for r in bare),
        "runs": ours,
        "baseline_runs": bare,
    }


def stall_during_import(files: list[Path]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "letters"
        folder.mkdir()
        for i, f in enumerate(files):
            shutil.copy(f, folder / f"{i:05d}{f.suffix}")
        busy = _run(_STALL, str(Path(tmp) / "a.db"), str(folder), "import")
        idle = _run(_STALL, str(Path(tmp) / "b.db"), str(folder), "idle")
    return {"max_gap_ms": busy["max_gap_ms"], "baseline_max_gap_ms": idle["max_gap_ms"],
            "files": busy.get("files"), "seconds": busy["seconds"]}  # fmt: skip


def search_on_screen(db: Path, queries: list[str]) -> dict[str, Any]:
    return _run(_SEARCH, str(db), json.dumps(queries, ensure_ascii=False))


_CLI_MEM = r"""
import json, resource, subprocess, sys
db, query, mode = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == "cli":
    cmd = [sys.executable, "-m", "desktop", "search", query, "--db", db, "--json"]
else:  # the bare engine: Python + sqlite3 running the FTS5 query on the same file
    code = ("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
            "print(c.execute('SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? "
            "ORDER BY rank LIMIT 20', ['\"'+sys.argv[2]+'\"']).fetchall())")
    cmd = [sys.executable, "-c", code, db, query]
subprocess.run(cmd, check=True, capture_output=True)
print(json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def cli_search_memory(db: Path, query: str) -> dict[str, Any]:
    """Peak resident memory of ``replydesk search`` against the bare FTS5 query process."""
    ours = _run(_CLI_MEM, str(db), query, "cli")
    bare = _run(_CLI_MEM, str(db), query, "bare")
    return {"rss_mb": ours["rss_mb"], "baseline_rss_mb": bare["rss_mb"], "query": query}
