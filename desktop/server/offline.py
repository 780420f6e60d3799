"""Working while the office server cannot be reached (issue 14 item 4), the pieces below the
window:

- **the local copy**: a ``server download`` kept in the data folder
  (:func:`offline_copy_path`), refreshed while the server is reachable
  (:func:`refresh_offline_copy`); when the server cannot be reached it is what the window
  reads — opened read-only: letters are not imported or corrected there, since the next
  refresh replaces it;
- **local drafts**: a draft saved while offline is queued as a file of its own in the data
  folder (:func:`queue_draft`; written whole or not at all, never lost by a crash) with the
  version of the case it was based on. :func:`send_queued` saves each on the server when it
  is back: always as a new version (nothing typed is lost); one whose case got another version
  on the server meanwhile is a **conflict**, reported with both version numbers so the window
  shows it (the versions dialog shows what changed between them). A queued draft whose case
  is no longer on the server stays queued and is reported.

Which one the window opens at start: :func:`choose_library`.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from desktop import timestamps
from desktop.casework import Case, Draft
from desktop.clerks import CaseNotYours
from desktop.errors import ClerkError
from desktop.json_values import JsonProblem
from desktop.safe_write import atomic_write
from desktop.server.copy import CopyReport
from desktop.store import LibraryStore
from desktop.store.credentials import connect_options
from desktop.store.engine import shown
from desktop.store.server_probe import ProbeResult, probe

log = logging.getLogger(__name__)

OFFLINE_COPY: Final = "server-copy.db"
QUEUE_FOLDER: Final = "offline-drafts"
OFFLINE_SOURCE: Final = "offline"  # casework.DRAFT_SOURCES: saved while the server was away


def offline_copy_path(data_dir: Path) -> Path:
    return data_dir / OFFLINE_COPY


def queue_folder(data_dir: Path) -> Path:
    return data_dir / QUEUE_FOLDER


def refresh_offline_copy(url: str, data_dir: Path) -> CopyReport:
    """Download the server's library over the local copy (replaced whole, only once the new
    one is complete)."""
    from desktop.server.setup import download

    return download(url, offline_copy_path(data_dir))


def refresh_in_process(url: str, data_dir: Path, *, timeout: float = 1800.0) -> bool:
    """:func:`refresh_offline_copy` in a process of its own (the window asks for it while the
    server answers: a copy of 10,000 letters takes a minute of CPU, which must not hold the
    window's interpreter). True when the copy was made; a failure is logged by the process."""
    context = multiprocessing.get_context("spawn")
    process = context.Process(
        target=_refresh_child, args=(url, str(data_dir)), name="replydesk-offline-copy",
        daemon=True,
    )  # fmt: skip
    process.start()
    process.join(timeout)
    if process.is_alive():  # a server that stopped answering halfway: give up this time
        process.terminate()
        process.join()
        return False
    return process.exitcode == 0


def _refresh_child(url: str, data_dir: str) -> None:
    from desktop.logs import setup_logging

    setup_logging()
    try:
        report = refresh_offline_copy(url, Path(data_dir))
    except ClerkError as exc:
        log.warning("the offline copy was not refreshed: %s", exc.message)
        sys.exit(2)
    except Exception:
        log.exception("the offline copy was not refreshed")
        sys.exit(1)
    log.info("offline copy refreshed: %s", report.to_json())


# ----------------------------------------------------------------------------- start
@dataclass(frozen=True)
class StartLibrary:
    """What the window opens: the server, or the local copy read-only (``offline``)."""

    location: str | Path
    offline: bool
    message: str = ""  # for the status bar when offline


class ServerUnavailable(ClerkError):
    """The server cannot be reached and there is no local copy to read."""


def choose_library(
    url: str,
    data_dir: Path,
    *,
    reach: Callable[[str, dict[str, Any]], ProbeResult] = probe,
) -> StartLibrary:
    """The server when it answers; else the local copy, when there is one."""
    result = reach(url, connect_options(url))
    if result.state != "unreachable":  # reachable, or refused: opening it says why
        return StartLibrary(url, offline=False)
    copy = offline_copy_path(data_dir)
    made = _copy_made_at(copy, url)
    if made is None:
        raise ServerUnavailable(
            f"无法连接资料库服务器“{shown(url)}”，本机也还没有它的副本。请检查网络，"
            "或请信息技术人员确认服务器已开启。"
        )
    when = timestamps.local_text(made, " ") if made else "此前"
    return StartLibrary(
        copy,
        offline=True,
        message=f"无法连接服务器：正在使用{when}下载的本机副本（只读），"
        "保存的稿件将在服务器恢复后上传。",
    )


def open_library(choice: StartLibrary) -> LibraryStore:
    """The library :func:`choose_library` chose, opened: the local copy for reading only
    (a write is refused with the read-only library's plain message)."""
    return LibraryStore(choice.location, read_only=choice.offline)


def _copy_made_at(copy: Path, url: str) -> str | None:
    """When the local copy of this server was made ("" when unknown), None: no such copy."""
    from desktop.server.setup import DOWNLOADED_AT, DOWNLOADED_FROM

    if not copy.exists():
        return None
    try:
        with LibraryStore(copy) as store:
            if store.get_meta(DOWNLOADED_FROM) != shown(url):
                return None
            return store.get_meta(DOWNLOADED_AT) or ""
    except ClerkError:
        log.warning("the offline copy %s cannot be opened", copy, exc_info=True)
        return None


def local_copy(url: str, data_dir: Path) -> Path | None:
    """The local copy of the server at ``url`` in ``data_dir``, if there is one."""
    copy = offline_copy_path(data_dir)
    return copy if _copy_made_at(copy, url) is not None else None


def offline_server(store: LibraryStore) -> str | None:
    """The server ``store`` is the read-only local copy of (as shown), else None."""
    from desktop.server.setup import DOWNLOADED_FROM

    if not store.read_only or store.engine != "sqlite":
        return None
    return store.get_meta(DOWNLOADED_FROM)


def queue_offline_save(
    store: LibraryStore, data_dir: Path, case_id: int, draft: Draft, note: str = ""
) -> int:
    """A draft saved on the local copy (the server away): queued for the server the copy came
    from. Returns the version it is expected to become there (its newest in the copy plus the
    drafts of the case queued so far)."""
    server = offline_server(store)
    case = store.cases.get(case_id)
    if server is None or case is None:
        raise ValueError("not an open case of a local copy")
    versions = store.drafts.versions(case_id)
    base = versions[-1].version if versions else 0
    queue_draft(data_dir, server, case, base, draft, note)
    mine = [
        q for q in queued(data_dir, server) if (q.session, q.number) == (case.session, case.number)
    ]
    return base + len(mine)


# ----------------------------------------------------------------------------- drafts
@dataclass(frozen=True)
class QueuedDraft:
    server: str  # the server's address as shown (no password)
    session: str
    number: str
    title: str
    base_version: int  # the case's newest version the clerk started from (0: none)
    saved_at: str
    draft: Draft
    note: str = ""
    path: Path | None = None


def queue_draft(
    data_dir: Path, url: str, case: Case, base_version: int, draft: Draft, note: str = ""
) -> Path:
    """Keep a draft saved while offline until the server is back; returns its file."""
    folder = queue_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    saved_at = timestamps.now()
    data = {
        "server": shown(url), "session": case.session, "number": case.number,
        "title": case.title, "base_version": base_version, "saved_at": saved_at,
        "note": note, "draft": draft.to_json(),
    }  # fmt: skip
    # named by the moment to the nanosecond: the files sort in the order they were saved
    target = folder / f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.json"
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return atomic_write(target, lambda tmp: tmp.write_text(text, encoding="utf-8"), private=True)


def queued(data_dir: Path, url: str) -> list[QueuedDraft]:
    """The drafts waiting for this server, oldest first (a file that cannot be read is
    logged and left where it is)."""
    folder = queue_folder(data_dir)
    out: list[QueuedDraft] = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            item = _read_queued(path)
        except (OSError, ValueError, KeyError, TypeError, JsonProblem):
            log.warning("queued draft %s cannot be read", path, exc_info=True)
            continue
        if item.server == shown(url):
            out.append(item)
    return out  # in the order the files were written (their names)


def _read_queued(path: Path) -> QueuedDraft:
    data = json.loads(path.read_text(encoding="utf-8"))
    return QueuedDraft(
        server=str(data["server"]), session=str(data["session"]), number=str(data["number"]),
        title=str(data.get("title", "")), base_version=int(data["base_version"]),
        saved_at=str(data["saved_at"]), draft=Draft.from_json(data["draft"]),
        note=str(data.get("note", "")), path=path,
    )  # fmt: skip


@dataclass(frozen=True)
class SentDraft:
    session: str
    number: str
    title: str
    case_id: int
    version: int  # the version it became on the server
    base_version: int  # what the clerk started from
    conflict: bool  # the server had other versions after base_version


@dataclass
class SendReport:
    sent: list[SentDraft] = field(default_factory=list)
    missing: list[QueuedDraft] = field(default_factory=list)  # case gone: still queued
    # the case is another clerk's (a save the server refused, kept here): still queued
    refused: list[QueuedDraft] = field(default_factory=list)

    @property
    def conflicts(self) -> list[SentDraft]:
        return [s for s in self.sent if s.conflict]


def send_queued(data_dir: Path, url: str, store: LibraryStore) -> SendReport:
    """Save the queued drafts on the server (``store``), oldest first, each as a new version;
    a file is removed once its version is stored."""
    report = SendReport()
    ours: dict[int, int] = {}  # case id → the version this run saved last
    for item in queued(data_dir, url):
        case_id = store.cases.find(item.session, item.number)
        if case_id is None:
            report.missing.append(item)
            continue
        versions = store.drafts.versions(case_id)
        newest = versions[-1].version if versions else 0
        expected = ours.get(case_id, item.base_version)
        conflict = newest != expected
        note = item.note or "离线时保存"
        if conflict:
            note += f"（此间服务器上已有第 {newest} 版，请比较）"
        try:
            version = store.drafts.save(case_id, item.draft, note=note, source=OFFLINE_SOURCE)
        except CaseNotYours:
            report.refused.append(item)
            continue
        ours[case_id] = version
        if item.path is not None:
            item.path.unlink(missing_ok=True)
        report.sent.append(
            SentDraft(
                item.session, item.number, item.title, case_id, version, item.base_version, conflict
            )
        )
    return report
