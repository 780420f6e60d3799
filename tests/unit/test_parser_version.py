"""The window counts the letters an older parser read at every start: without the parser."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop.parser_version import PARSER_VERSION
from desktop.store import LibraryStore
from tests.conftest import ROOT, make_letter

_COUNT = r"""
import json, sys
from desktop.actions import letters
from desktop.parser_version import PARSER_VERSION
from desktop.store import LibraryStore
with LibraryStore(sys.argv[1]) as store:
    waiting = letters.waiting_for_reparse(store=store)
print(json.dumps({"waiting": waiting, "parser": "desktop.understand" in sys.modules}))
"""


def test_counting_the_letters_to_read_again_does_not_load_the_parser(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    with LibraryStore(db) as store:
        for n in range(3):
            letter = make_letter([("status", f"第{n}份答复的正文。")], title=f"答复{n}")
            store.letters.add(letter, content_hash=f"h{n}", source_path=None, source_format="txt")
        # one read by this version's parser; two by an older one: those wait to be read again
        store.db.execute("UPDATE letters SET parser_version = ?", [PARSER_VERSION])
        store.db.execute("UPDATE letters SET parser_version = 1 WHERE id IN (1, 2)")
        store.db.conn.commit()
    proc = subprocess.run([sys.executable, "-c", _COUNT, str(db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout) == {"waiting": 2, "parser": False}
