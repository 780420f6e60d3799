"""The real program started on a new library asks for the agency; on the next start (agency
set) it does not, and it reopens the case that was open when it closed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.actions.cases import LAST_CASE_KEY
from desktop.casework import case_from_json
from desktop.store import LibraryStore
from tests.conftest import ROOT


def _start(tmp_path: Path, db: Path) -> str:
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "REPLYDESK_DB": str(db),
        "REPLYDESK_SMOKE_TEST": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    proc = subprocess.run([sys.executable, "-m", "desktop"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    logs = sorted(tmp_path.rglob("replydesk.log"))
    assert logs, "no log written"
    text = "".join(p.read_text("utf-8", "replace") for p in logs)
    for p in logs:
        p.unlink()
    return text


def test_first_start_asks_then_the_last_case_reopens(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    log = _start(tmp_path, db)
    assert "asking for the agency" in log and "smoke test: window shown" in log
    with LibraryStore(db) as store:
        assert store.profile.is_sample()  # closed without saving: nothing was stored
        assert store.letters.count() == 5
        store.profile.set_value("agency_name", "如皋市科学技术局")
        case_id = store.cases.save(
            case_from_json({"number": "3", "title": "关于科普的建议", "proposers": ["李四"]})
        )
        store.set_meta(LAST_CASE_KEY, str(case_id))
    log = _start(tmp_path, db)
    assert "asking for the agency" not in log
    assert f"reopened case {case_id}" in log
