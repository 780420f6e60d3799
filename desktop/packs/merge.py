"""Import: a verified pack merged into the library in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

from desktop.json_values import JsonProblem
from desktop.packs.letter_line import bad_line_error, parse_letter_line
from desktop.packs.manifest import (
    FROM_PACKS,
    LETTERS,
    MERGE_PROGRESS_EVERY,
    ImportReport,
    PackError,
    PackProgress,
    drain,
    library_problem,
)
from desktop.packs.templates import (
    default_templates_dir,
    pack_folder_name,
    remove_received,
    save_templates,
)
from desktop.packs.verify import (
    PackMember,
    VerifiedPack,
    numbered_lines,
    open_pack_zip,
    read_member,
    verify_steps,
)
from desktop.safe_write import TargetLocked, WriteFailed
from desktop.store import LibraryBusy, LibraryStore
from desktop.store.errors import DatabaseError
from desktop.store.open_files import is_open_library
from desktop.store.packs import IncomingLetter

log = logging.getLogger(__name__)


def _received_letters(verified: VerifiedPack) -> Iterator[IncomingLetter]:
    """The letters of a verified pack, read again (and checked against the manifest again:
    the file could have been changed since it was verified)."""
    name = verified.path.name
    with open_pack_zip(verified.path) as zf:
        try:
            info = zf.getinfo(LETTERS)
        except KeyError:
            raise PackError(f"“{name}”在导入过程中被改动，已拒绝导入。") from None
        member = PackMember(info, verified.letters.sha256, verified.letters.size)
        for lineno, raw in numbered_lines(read_member(zf, member, name), name):
            try:
                yield parse_letter_line(raw)
            except JsonProblem as exc:
                raise bad_line_error(name, lineno, str(exc)) from None


def import_pack_steps(
    store: LibraryStore, path: str | Path, *, templates_dir: Path | None = None
) -> Generator[PackProgress, None, ImportReport]:
    """Verify the pack, then merge it into the library in one transaction.

    A generator for the window (progress and cancel): yields :class:`PackProgress` and
    returns the :class:`ImportReport`. Closing it before the end rolls the merge back. Raises
    :class:`PackError` (refused pack, library locked, disk full) with the library untouched.
    Templates go to ``templates_dir/from-packs/<pack name>/`` (``templates_dir`` defaults to
    ``user_dir()``), written inside the transaction and removed again if it fails.
    """
    path = Path(path)
    if is_open_library(path):  # reading it as a zip would drop the library's locks
        raise PackError(f"“{path.name}”是资料库文件本身，不是资料包。")
    verified = yield from verify_steps(path)
    total = verified.info.letters
    root = (templates_dir if templates_dir is not None else default_templates_dir()) / FROM_PACKS
    written: list[Path] = []
    made: list[Path] = []
    saved: dict[str, Any] = {}

    def write_templates() -> None:
        if verified.templates:
            folder, new, present = save_templates(
                verified.templates, root, pack_folder_name(path), written, made
            )
            saved.update(folder=folder, new=new, present=present)

    merge = store.packs.merge(_received_letters(verified), before_commit=write_templates)
    try:
        outcome = yield from _with_progress(merge, total)
    except DatabaseError as exc:
        remove_received(written, made)
        raise library_problem(exc, "资料包未导入，资料库保持原样") from None
    except (LibraryBusy, WriteFailed, TargetLocked) as exc:
        remove_received(written, made)
        raise PackError(f"资料包未导入，资料库保持原样：{exc.message}") from None
    except BaseException:
        remove_received(written, made)
        raise
    finally:
        merge.close()
    report = ImportReport(
        pack=verified.info,
        added=outcome.added,
        duplicates=[{"line": n, "existing_id": i} for n, i in outcome.duplicates],
        new_paragraphs=outcome.new_paragraphs,
        corrected=outcome.corrected,
    )
    if saved:
        report.templates_folder = str(saved["folder"])
        report.templates_saved = saved["new"]
        report.templates_present = saved["present"]
    log.info(
        "pack %s from library %s: %d added, %d duplicates, %d new paragraphs",
        path, verified.info.library_id, len(report.added), len(report.duplicates),
        report.new_paragraphs,
    )  # fmt: skip
    return report


def _with_progress(
    merge: Generator[int, None, Any], total: int
) -> Generator[PackProgress, None, Any]:
    """Run the store's merge, reporting progress every few letters: its outcome."""
    while True:
        try:
            done = next(merge)
        except StopIteration as stop:
            return stop.value
        if done % MERGE_PROGRESS_EVERY == 0 or done == total:
            yield PackProgress("merge", done, total)


def import_pack(
    store: LibraryStore,
    path: str | Path,
    *,
    templates_dir: Path | None = None,
    progress: Callable[[PackProgress], None] | None = None,
) -> ImportReport:
    """:func:`import_pack_steps` run to its end."""
    return drain(import_pack_steps(store, path, templates_dir=templates_dir), progress)
