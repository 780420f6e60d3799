"""One clerk's PC in tests/unit/test_pg_concurrency.py, run as its own process.

Until its time is up it imports folders of letters (some folders are imported by other
clients at the same moment), searches, and saves drafts of the shared cases with the draft
version check: it reads the case's revision, "edits" a moment, and saves on top of it. Two
kinds of PC:

- ``store``: the window's way, one ``LibraryStore`` held open, the actions called in
  process (desktop.actions.imports / search / drafts);
- ``cli``: a script's way, each operation a ``python -m desktop … --db URL`` command; the
  revision is read from ``audit --case ID --json`` and given as ``draft --based-on``.

Usage: python pg_load_client.py SPEC.json — SPEC names ``db`` (the clerk's login),
``clerk`` (its name, who the library records), ``mode``,
``seconds``, ``seed``, ``work`` (a folder of its own), ``shared`` (folders everyone imports),
``cases`` ([{id, number, session, title}]). It prints what it did as JSON on stdout: every
import's results, every save reported done (case, version, text), the conflicts and
searches counted, and ``errors`` (anything else that went wrong, with its traceback or the
command's output).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ("科技", "推进 平台", "编号", "落实到位", "第3项")


def letter_text(n: int) -> str:
    """Letter ``n``: its number makes its lines (and so its content hash) its own."""
    return (
        f"关于第{n}号建议的答复\n王明代表：\n"
        f"您提出的关于加快科技创新第{n}项工作的建议收悉，现答复如下。\n"
        f"一、办理情况\n近年来，我市科技创新平台建设编号{n}持续推进，成效明显。\n"
        f"二、下一步工作\n我们将继续推进第{n}项科技工作，确保落实到位。\n"
        "感谢您对科技工作的关心和支持。\n南通市科学技术局\n2026年6月1日\n"
    )


def write_folder(folder: Path, numbers: list[int]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        (folder / f"答复{n}.txt").write_text(letter_text(n), encoding="utf-8")
    return folder


class Client:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.db: str = spec["db"]
        self.clerk: str = spec["clerk"]
        self.work = Path(spec["work"])
        self.random = random.Random(spec["seed"])
        self.report: dict[str, Any] = {
            "clerk": self.clerk, "mode": spec["mode"], "imports": [], "saves": [],
            "conflicts": 0, "searches": 0, "errors": [],
        }  # fmt: skip
        self.own = 0  # folders of its own made so far
        self.shared_turn = spec["seed"]

    # ------------------------------------------------------------------ the mix of work
    def run(self) -> dict[str, Any]:
        deadline = time.monotonic() + float(self.spec["seconds"])
        while time.monotonic() < deadline:
            roll = self.random.random()
            try:
                if roll < 0.3:
                    self.import_folder(self.next_folder())
                elif roll < 0.5:
                    self.search(self.random.choice(QUERIES))
                else:
                    self.save_draft(self.random.choice(self.spec["cases"]))
            except Exception:
                self.report["errors"].append(traceback.format_exc())
            self.pause()
        return self.report

    def pause(self) -> None:
        """Between two operations (a command's start is pause enough)."""

    def next_folder(self) -> Path:
        """A shared folder (in turn), or a new folder of its own: two letters only it has
        and a copy (another file name, the same text) of a letter of the shared folders."""
        if self.random.random() < 0.5:
            self.shared_turn += 1
            shared: list[str] = self.spec["shared"]
            return Path(shared[self.shared_turn % len(shared)])
        self.own += 1
        base = 100_000 * (int(self.spec["seed"]) + 1) + 10 * self.own
        folder = write_folder(self.work / f"own-{self.own}", [base, base + 1])
        copy = self.random.choice(self.spec["shared_numbers"])
        (folder / f"副本{copy}.txt").write_text(letter_text(copy), encoding="utf-8")
        return folder

    def draft_text(self, case: dict[str, Any]) -> str:
        return f"{self.clerk}第{len(self.report['saves']) + self.report['conflicts']}次修改"

    def record_save(self, case: dict[str, Any], version: int, text: str) -> None:
        self.report["saves"].append({"case_id": case["id"], "version": version, "text": text})

    def import_folder(self, folder: Path) -> None:
        raise NotImplementedError

    def search(self, query: str) -> None:
        raise NotImplementedError

    def save_draft(self, case: dict[str, Any]) -> None:
        raise NotImplementedError


class StoreClient(Client):
    """The window's way: one store, the actions in process."""

    def run(self) -> dict[str, Any]:
        from desktop.store import LibraryStore

        with LibraryStore(self.db) as self.store:  # the clerk is the login
            return super().run()

    def pause(self) -> None:
        # A clerk's next click: leaves the two cores' time to the command-line clients too.
        time.sleep(self.random.uniform(0.05, 0.3))

    def import_folder(self, folder: Path) -> None:
        from desktop.actions.imports import import_files

        report = import_files([folder], store=self.store)
        results = [r.to_json() for r in report.results]
        self.report["imports"].append({"folder": str(folder), "results": results})

    def search(self, query: str) -> None:
        from desktop.actions.search import search

        page = search(query, store=self.store)
        if page.problem:
            self.report["errors"].append(f"search {query}: {page.problem}")
        self.report["searches"] += 1

    def save_draft(self, case: dict[str, Any]) -> None:
        from desktop.actions import drafts
        from desktop.casework import Draft, DraftBlock
        from desktop.clerks import DraftConflict

        base = drafts.revision(case["id"], store=self.store)
        time.sleep(self.random.uniform(0, 0.2))  # the clerk edits a moment
        text = self.draft_text(case)
        draft = Draft()
        draft.sections["plan"] = [DraftBlock("free", text)]
        try:
            version = drafts.save(case["id"], draft, source="window", based_on=base,
                                  store=self.store)  # fmt: skip
        except DraftConflict as conflict:
            if conflict.based_on != base or conflict.revision <= base:
                raise
            self.report["conflicts"] += 1
            return
        self.record_save(case, version, text)


class CliClient(Client):
    """A script's way: each operation a command of its own."""

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        return subprocess.run(
            [sys.executable, "-m", "desktop", *args, "--db", self.db], cwd=self.work,
            env=env, capture_output=True, text=True, encoding="utf-8", timeout=300,
        )  # fmt: skip

    def failed(self, what: str, proc: subprocess.CompletedProcess[str]) -> None:
        self.report["errors"].append(f"{what}: exit {proc.returncode}\n{proc.stderr[-2000:]}")

    def import_folder(self, folder: Path) -> None:
        proc = self.command("import", str(folder), "--json")
        if proc.returncode != 0:
            self.failed(f"import {folder}", proc)
        if proc.stdout.strip():
            results = json.loads(proc.stdout)
            self.report["imports"].append({"folder": str(folder), "results": results})

    def search(self, query: str) -> None:
        proc = self.command("search", *query.split(), "--json")
        if proc.returncode != 0:
            self.failed(f"search {query}", proc)
        else:
            json.loads(proc.stdout)
            self.report["searches"] += 1

    def save_draft(self, case: dict[str, Any]) -> None:
        proc = self.command("audit", "--case", str(case["id"]), "--json")
        if proc.returncode != 0:
            self.failed("audit", proc)
            return
        saved = [r["target_id"] for r in json.loads(proc.stdout) if r["action"] == "draft.saved"]
        base = max(saved, default=0)
        text = self.draft_text(case)
        case_file = self.work / f"case-{case['id']}.json"
        case_file.write_text(json.dumps({
            "number": case["number"], "session": case["session"], "title": case["title"],
            "proposers": ["王明"], "reply_date": "2026-06-01", "sections": {"plan": [text]},
        }, ensure_ascii=False), encoding="utf-8")  # fmt: skip
        out = self.work / f"case-{case['id']}.docx"
        proc = self.command("draft", "--case", str(case_file), "--update", "--based-on",
                            str(base), "--out", str(out), "--json")  # fmt: skip
        if proc.returncode == 2 and f"而您是在第 {base} 版上修改的" in proc.stderr:
            self.report["conflicts"] += 1
        elif proc.returncode != 0:
            self.failed("draft", proc)
        else:
            self.record_save(case, int(json.loads(proc.stdout)["draft_version"]), text)


def main() -> int:
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    client = StoreClient(spec) if spec["mode"] == "store" else CliClient(spec)
    report = client.run()
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
