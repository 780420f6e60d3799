"""The window's side of tests/unit/test_concurrency.py, run as its own process.

It does with the library what an open ReplyDesk window does, without Qt: one ``LibraryStore``
held open on the main thread for the whole run, saving cases, draft versions and autosaves;
the start-up check (``library_problem``) and the daily backup (``daily_backup_if_due``) in a
worker thread, as ``ui/app.py`` runs them; a background search with its own connection, as
the library pane's operations do. The check and the backup run again and again (a new "day"
each time) so that the whole run overlaps them with the other processes.

Usage: python concurrency_window.py LIBRARY.db OUT.json SECONDS
It writes ``OUT.json.ready`` once its connection is open, ``OUT.json.closing`` just before it
closes it, and OUT.json with what it wrote.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import threading
import time
import traceback
from pathlib import Path

from desktop.casework import Case, Draft, DraftBlock
from desktop.search import search
from desktop.store import LibraryStore
from desktop.store.backup import daily_backup_if_due, library_problem


def background(db: Path, stop: threading.Event, report: dict[str, list[str]]) -> None:
    day = dt.datetime(2030, 1, 1, 9, 0)
    while not stop.is_set():
        try:
            problem = library_problem(db)
            if problem:
                report["problems"].append(problem)
            day += dt.timedelta(days=1)
            made = daily_backup_if_due(db, keep=3, now=day)
            if made is not None:
                report["backups"].append(str(made))
            with LibraryStore(db) as store:  # a search operation's own connection
                search(store, "科技")
        except Exception:
            report["errors"].append(traceback.format_exc())
        stop.wait(0.3)


def main() -> int:
    db, out, seconds = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
    store = LibraryStore(db)
    store.get_meta("x")  # the first read takes the connection's shared lock
    Path(f"{out}.ready").write_text("ready")
    report: dict[str, list[str]] = {"problems": [], "backups": [], "errors": []}
    cases: dict[str, int] = {}  # case number -> draft versions saved
    autosaves = 0
    stop = threading.Event()
    worker = threading.Thread(target=background, args=(db, stop, report))
    worker.start()
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        number = f"W{n}"
        try:
            case = Case(number=number, session="窗口", title=f"窗口案件{n}", proposers=["王明"])
            case_id = store.cases.save(case)
            cases[number] = 0
            for v in range(2):
                draft = Draft()
                draft.sections["status"].append(DraftBlock("free", text=f"窗口{n}第{v}版"))
                store.drafts.save(case_id, draft, note="window")
                cases[number] += 1
                store.drafts.autosave(case_id, draft)
                autosaves += 1
        except Exception:
            report["errors"].append(traceback.format_exc())
        time.sleep(0.05)
    stop.set()
    worker.join()
    Path(f"{out}.closing").write_text("closing")
    store.close()
    out.write_text(
        json.dumps({"cases": cases, "autosaves": autosaves, **report}, ensure_ascii=False),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
