"""One PC working while tests/unit/test_pg_faults.py stops and starts the server, run as its
own process.

Each operation is tried until it succeeds, as a clerk would try again after being told that
the server is away: every failed try is recorded with what the clerk was told. Three kinds:

- ``cli-import``: ``python -m desktop import FOLDER --json --db URL``, one folder after the
  other; a folder is imported again while any of its files failed;
- ``store-import``: the same through ``desktop.actions.imports`` on one store held open
  across the restarts (the window's import);
- ``save``: draft versions of its own case saved on one store held open, each based on the
  revision of its last save (the window's way); a failed save is saved again as it was.

Usage: python pg_fault_client.py SPEC.json — SPEC names ``db``, ``clerk``, ``kind``,
``work`` (a folder of its own), ``first`` (its letters' first number), ``size`` (letters
in each of its folders) and ``shared``
(folders other clients import too: every third folder it imports) or ``case_id`` (save),
``progress``, a file it rewrites with the number of operations done, and ``stop``, a file
whose existence ends the run after the operation under way. Prints its report as JSON on
stdout: ``done`` (each operation with its failed tries), ``errors`` (anything not told to
the clerk as such — tracebacks, internal errors — and operations that never succeeded).
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
Results = list[dict[str, Any]]
RETRY_PAUSE = 0.2  # seconds between two tries
MAX_TRIES = 150  # … and then the operation is given up: an error (the test fails, not hangs)
PAUSE = 0.25  # seconds between two operations (a clerk's pace: the run stays short)


def letter_text(n: int) -> str:
    """Letter ``n`` (its number makes its lines its own), a dozen paragraphs long."""
    lines = [f"关于第{n}号建议的答复", "王明代表："]
    lines += [f"您提出的关于加快科技创新第{n}项工作的建议收悉，现答复如下。", "一、办理情况"]
    lines += [f"第{n}号建议涉及的第{k}项科技工作编号{n}-{k}已经推进，成效明显。" for k in range(8)]
    lines += ["二、下一步工作", f"我们将继续推进第{n}项科技工作，确保落实到位。",
              "感谢您对科技工作的关心和支持。", "南通市科学技术局", "2026年6月1日"]  # fmt: skip
    return "\n".join(lines) + "\n"


def write_letters(folder: Path, numbers: list[int]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        (folder / f"答复{n}.txt").write_text(letter_text(n), encoding="utf-8")
    return folder


class Tries:
    """An operation's failed tries: what the clerk was told each time."""

    def __init__(self, report: dict[str, Any]) -> None:
        self.report = report
        self.told: list[dict[str, str]] = []

        self.count = 0

    def failed(self, kind: str, message: str) -> None:
        self.told.append({"kind": kind, "message": message})
        self.again()

    def error(self, text: str) -> None:
        """Not a clerk's message: a bug (recorded; the operation is tried again)."""
        self.report["errors"].append(text)
        self.again()

    def again(self) -> None:
        self.count += 1
        if self.count >= MAX_TRIES:
            self.report["errors"].append(f"never succeeded; told: {self.told[-3:]}")
            raise GaveUp
        time.sleep(RETRY_PAUSE)


class GaveUp(Exception):
    """An operation tried :data:`MAX_TRIES` times in vain."""


class FaultClient:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.db: str = spec["db"]
        self.clerk: str = spec["clerk"]
        self.report: dict[str, Any] = {"clerk": self.clerk, "done": [], "errors": []}

    def stopped(self) -> bool:
        return Path(self.spec["stop"]).exists()

    def progress(self) -> None:
        path = Path(self.spec["progress"])
        path.with_suffix(".tmp").write_text(str(len(self.report["done"])), encoding="utf-8")
        path.with_suffix(".tmp").replace(path)

    def run(self) -> dict[str, Any]:
        try:
            if self.spec["kind"] == "cli-import":
                self.each_folder(self.cli_import)
            elif self.spec["kind"] == "store-import":
                self.with_store(lambda: self.each_folder(self.store_import))
            else:
                self.with_store(self.save_drafts)
        except GaveUp:
            pass
        return self.report

    def with_store(self, work: Callable[[], None]) -> None:
        from desktop.errors import ClerkError
        from desktop.store import LibraryStore

        while True:  # the server may be away when the PC starts too
            try:
                self.store = LibraryStore(self.db, clerk=self.clerk)
                break
            except ClerkError as exc:
                self.report.setdefault("open_failures", []).append(exc.message)
                time.sleep(RETRY_PAUSE)
        try:
            work()
        finally:
            self.store.close()

    # ------------------------------------------------------------------ imports
    def folders(self) -> Iterator[Path]:
        """Folders of ``size`` letters of its own, every third one a shared folder instead."""
        shared, first, size = self.spec["shared"], int(self.spec["first"]), self.spec["size"]
        for i in itertools.count():
            if i % 3 == 2:
                yield Path(shared[i // 3 % len(shared)])
            else:
                numbers = [(first + i) * 100 + n for n in range(size)]
                yield write_letters(Path(self.spec["work"]) / f"f{i}", numbers)

    def each_folder(self, import_once: Callable[[Path, Tries], Results | None]) -> None:
        """Each folder imported until none of its files fails; ``results`` keeps every
        try's results (a file imported in one try is a duplicate in the next)."""
        for folder in self.folders():
            if self.stopped():
                break
            tries, every = Tries(self.report), []
            while True:
                results = import_once(folder, tries)
                every += results or []
                if results is not None and all(r["status"] != "failed" for r in results):
                    break
                for r in results or []:
                    if r["status"] == "failed":
                        tries.told.append({"kind": "file", "message": r["message"],
                                           "path": r["path"]})  # fmt: skip
                if results:
                    tries.again()
            self.report["done"].append({"folder": str(folder), "results": every,
                                        "told": tries.told})  # fmt: skip
            self.progress()
            time.sleep(PAUSE)

    def cli_import(self, folder: Path, tries: Tries) -> Results | None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the clerk: the login
        proc = subprocess.run(
            [sys.executable, "-m", "desktop", "import", str(folder), "--json", "--db", self.db],
            cwd=folder, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300,
        )  # fmt: skip
        if "Traceback" in proc.stderr or "内部错误" in proc.stdout + proc.stderr:
            tries.error(f"import {folder}: exit {proc.returncode}\n{proc.stderr[-3000:]}")
            return None
        if proc.returncode == 2 and not proc.stdout.strip():  # the library did not open
            tries.failed("open", proc.stderr.strip())
            return None
        results: Results = json.loads(proc.stdout)
        # 1: some files failed; 2: a large import stopped (its lost batch listed as failed)
        failed = any(r["status"] == "failed" for r in results)
        if proc.returncode not in ((1, 2) if failed else (0,)):
            tries.error(f"import {folder}: exit {proc.returncode}\n{proc.stderr[-3000:]}")
        return results

    def store_import(self, folder: Path, tries: Tries) -> Results | None:
        from desktop.actions.imports import import_files

        try:
            report = import_files([folder], store=self.store)
        except Exception:
            tries.error(traceback.format_exc())
            return None
        return [r.to_json() for r in report.results]

    # ------------------------------------------------------------------ drafts
    def save_drafts(self) -> None:
        from desktop.actions import drafts
        from desktop.casework import Draft, DraftBlock
        from desktop.errors import ClerkError

        case_id, revision = int(self.spec["case_id"]), 0
        while not self.stopped():
            text = f"{self.clerk}的第{revision + 1}稿"
            draft = Draft()
            draft.sections["plan"] = [DraftBlock("free", text), DraftBlock("free", "第二段")]
            tries = Tries(self.report)
            while True:
                try:
                    version = drafts.save(case_id, draft, source="window", based_on=revision,
                                          store=self.store)  # fmt: skip
                    break
                except ClerkError as exc:
                    tries.failed(type(exc).__name__, exc.message)
                except Exception:
                    tries.error(traceback.format_exc())
            revision = version
            self.report["done"].append({"version": version, "text": text, "told": tries.told})
            self.progress()
            time.sleep(PAUSE)


def main() -> int:
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print(json.dumps(FaultClient(spec).run(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
