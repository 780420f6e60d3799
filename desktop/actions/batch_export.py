"""Batch output: every answered case of a session written into one folder as its DOCX, its
PDF (where LibreOffice is present) and the plain-text body for online handling systems.

:func:`export_answered` is a generator: it yields a :class:`BatchStep` after each case (the
window shows progress and can stop between two cases) and returns the :class:`BatchResult`.
A file that cannot be written (open in Word, a read-only file, a name the disk refuses) is
listed with its reason and the rest go on; the composed letter is the export's own
(:mod:`desktop.actions.export`), so a batch file is the file the clerk would export by hand.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.actions.export import (
    LetterInputs,
    Written,
    compose_letter,
    read_letter_inputs,
    write_docx,
    write_pdf,
    write_text,
)
from desktop.casework import Case
from desktop.errors import ClerkError
from desktop.file_names import safe_stem
from desktop.lifecycle import ANSWERED
from desktop.reply_templates import ReplyTemplates
from desktop.sample import SAMPLE_PROFILE_CLI
from desktop.soffice import AUTO, AutoDetect, resolve_soffice

if TYPE_CHECKING:
    from desktop.store import LibraryStore

# The statuses whose reply went out and stands as sent (a case being answered again is not
# exported: its newest draft is the second reply, not yet sent).
EXPORTED_STATUSES = ANSWERED


class NothingToExport(ClerkError):
    """No answered case in the session, or the folder cannot be made."""


@dataclass(frozen=True)
class BatchFile:
    case_id: int
    number: str
    kind: str  # docx | pdf | text
    path: str
    error: str | None = None  # the clerk's reason it was not written

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class BatchStep:
    done: int
    total: int
    case: Case
    files: tuple[BatchFile, ...]


@dataclass(frozen=True)
class BatchResult:
    folder: str
    cases: int
    files: tuple[BatchFile, ...]
    pdf_skipped: bool  # PDFs were asked for but LibreOffice is not installed

    @property
    def written(self) -> tuple[BatchFile, ...]:
        return tuple(f for f in self.files if f.error is None)

    @property
    def failed(self) -> tuple[BatchFile, ...]:
        return tuple(f for f in self.files if f.error is not None)

    def to_json(self) -> dict[str, object]:
        return {
            "folder": self.folder,
            "cases": self.cases,
            "written": [f.to_json() for f in self.written],
            "failed": [f.to_json() for f in self.failed],
            "pdf_skipped": self.pdf_skipped,
        }


def answered_cases(session: str | None, *, store: LibraryStore) -> list[Case]:
    """The session's answered cases (every session's when ``session`` is None), by number."""
    found = [
        c for c in store.cases.all()
        if c.status in EXPORTED_STATUSES and (session is None or c.session == session)
    ]  # fmt: skip
    return sorted(found, key=lambda c: (c.session, _number_key(c.number), c.id or 0))


def _number_key(number: str) -> tuple[int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 0, number)


def file_stem(case: Case) -> str:
    """The files' common name: 第101号 关于加强科技金融服务的建议（答复）."""
    return safe_stem(f"第{case.number}号 {case.title}的答复", limit=60)


def _target_names(cases: list[Case]) -> dict[int, str]:
    """A distinct stem per case (two sessions may share a number and a title)."""
    names: dict[int, str] = {}
    used: set[str] = set()
    for case in cases:
        stem = file_stem(case)
        if stem.lower() in used:
            stem = safe_stem(f"{stem}（{case.session or case.id}）", limit=90)
        used.add(stem.lower())
        names[case.id or 0] = stem
    return names


def _prepare_folder(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NothingToExport(
            f"无法建立文件夹“{folder}”：{exc.strerror or exc}。请换一个位置。"
        ) from None
    return folder


def export_answered(
    session: str | None,
    folder: Path,
    *,
    pdf: bool = False,
    sealed: bool = True,
    store: LibraryStore,
    templates: ReplyTemplates | None = None,
    soffice: str | AutoDetect | None = AUTO,
) -> Generator[BatchStep, None, BatchResult]:
    """Write every answered case of ``session`` into ``folder`` (see the module doc)."""
    cases = answered_cases(session, store=store)
    if not cases:
        where = f"“{session}”" if session else "资料库"
        raise NothingToExport(f"{where}中没有已答复的案件，没有可导出的答复。")
    inputs = read_letter_inputs(store=store)
    if store.profile.is_sample():  # no letter goes out signed by the sample agency
        raise NothingToExport(SAMPLE_PROFILE_CLI.format(agency=inputs.profile.agency_name))
    folder = _prepare_folder(Path(folder))
    inputs = inputs if sealed else inputs.unsealed()
    inputs.check_seal()  # an unusable seal stops the batch before any file is written
    program = resolve_soffice(soffice) if pdf else None
    names = _target_names(cases)
    files: list[BatchFile] = []
    for done, case in enumerate(cases, start=1):
        written = _export_case(case, folder / names[case.id or 0], inputs, program,
                               store=store, templates=templates or ReplyTemplates())  # fmt: skip
        files += written
        yield BatchStep(done, len(cases), case, tuple(written))
    return BatchResult(str(folder), len(cases), tuple(files), pdf and program is None)


def _attempt(case: Case, kind: str, target: Path, write: Callable[[], Written]) -> BatchFile:
    assert case.id is not None
    try:
        return BatchFile(case.id, case.number, kind, str(write().path))
    except ClerkError as exc:
        return BatchFile(case.id, case.number, kind, str(target), exc.message)
    except OSError as exc:  # a name the file system refuses, a vanished folder
        reason = f"无法写入“{target.name}”：{exc.strerror or exc}"
        return BatchFile(case.id, case.number, kind, str(target), reason)


def _export_case(
    case: Case,
    stem: Path,
    inputs: LetterInputs,
    soffice: str | None,
    *,
    store: LibraryStore,
    templates: ReplyTemplates,
) -> list[BatchFile]:
    assert case.id is not None
    docx_path = stem.with_name(stem.name + ".docx")
    draft = store.drafts.load(case.id)
    if draft is None:
        reason = f"第{case.number}号案件没有保存过答复草稿，未导出。"
        return [BatchFile(case.id, case.number, "docx", str(docx_path), reason)]
    letter = compose_letter(case, draft, inputs, templates=templates).letter
    text_path = stem.with_name(stem.name + ".txt")
    files = [
        _attempt(case, "docx", docx_path, lambda: write_docx(letter, docx_path)),
        _attempt(case, "text", text_path,
                 lambda: write_text(letter, text_path, limit=inputs.profile.text_limit)),
    ]  # fmt: skip
    if soffice is not None and files[0].error is None:
        pdf_path = stem.with_name(stem.name + ".pdf")
        files.append(_attempt(case, "pdf", pdf_path,
                              lambda: write_pdf(docx_path, pdf_path, soffice=soffice)))  # fmt: skip
    return files


def run_all(steps: Generator[BatchStep, None, BatchResult],
            on_step: Callable[[BatchStep], object] | None = None) -> BatchResult:  # fmt: skip
    """Drive :func:`export_answered` to its end (the command line's loop)."""
    while True:
        try:
            step = next(steps)
        except StopIteration as stop:
            return stop.value
        if on_step is not None:
            on_step(step)


__all__ = [
    "EXPORTED_STATUSES",
    "BatchFile",
    "BatchResult",
    "BatchStep",
    "NothingToExport",
    "answered_cases",
    "export_answered",
    "file_stem",
    "run_all",
]
