"""One library copied into another: a PC's library onto the office server
(``replydesk server upload``), the server's into a SQLite file (``server download``, the
local copy kept for when the server cannot be reached).

Everything goes through the stores' public methods, so either side may be SQLite or
PostgreSQL. What is copied and how a second copy adds nothing:

- letters, with their paragraphs and sections, the reader's lines, where each field came from,
  the clerk's corrections, the parser version and where they came from (``origin``: the
  library and letter id they were first imported into) — as colleague packs carry them
  (``store.packs``): a letter the target holds already (same content hash, or the same file's
  lines) is not added again; it takes the copied corrections where it has none of its own;
- cases, each whole (``store.copies``): history, every draft version with its number, time
  and source, the working copy, opinions, feedback, and the link to its filed replies. A case
  whose session and number the target holds already is left as it is there (the server's is
  the one the clerks work on);
- the agency profile and the seal, when the target has none yet (a server already set up by
  its administrator keeps its own; a clerk's account may not set it and leaves it out).

Letters are written in batches of :data:`BATCH` (one transaction each), cases likewise: an
interrupted copy keeps the batches done, and running it again finishes the rest.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Any, Final

from desktop.library_rows import LetterDetail, LetterOrigin
from desktop.model import Block, FieldSource, ParsedLetter
from desktop.store import LibraryStore
from desktop.store.errors import LibraryPermissionDenied
from desktop.store.packs import IncomingLetter, MergeOutcome

log = logging.getLogger(__name__)

BATCH: Final = 200  # letters or cases per transaction
Progress = Callable[[str, int, int], None]  # (stage: "letters" | "cases", done, total)


@dataclass
class CopyReport:
    """What a copy did, counted."""

    letters_added: int = 0
    letters_present: int = 0  # held by the target already (by content hash or lines)
    letters_corrected: int = 0  # of those, how many took the copied corrections
    paragraphs_added: int = 0  # distinct paragraphs the target did not hold
    cases_added: int = 0
    cases_present: int = 0  # same session and number in the target: left as they are there
    draft_versions: int = 0  # versions written with the cases added
    # cases assigned to someone else, which a clerk's account on the server may not write
    # (desktop/store/pg/own_cases.py): not copied, "<session>第<number>号（<assignee>）" each
    cases_refused: list[str] = field(default_factory=list)
    # copied | kept (the target has its own) | none (nothing to copy) | no-right (a clerk's
    # account on the server: the profile is the administrator's to set)
    profile: str = "none"
    letter_ids: dict[int, int] = field(default_factory=dict, repr=False)  # source → target

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("letter_ids")
        return data


def copy_library(
    source: LibraryStore,
    target: LibraryStore,
    *,
    progress: Progress | None = None,
    batch: int = BATCH,
) -> CopyReport:
    """Copy ``source`` into ``target`` as the module says; returns the counts."""
    report = CopyReport()
    _copy_letters(source, target, report, progress, batch)
    _copy_cases(source, target, report, progress, batch)
    _copy_profile(source, target, report)
    log.info("library copied: %s", report.to_json())
    return report


# ----------------------------------------------------------------------------- letters
def _incoming(row: LetterDetail, library_id: str) -> IncomingLetter:
    """A stored letter as the target's merge takes it: every value as stored here (the
    content hash too: a case's filed reply may carry one made unique)."""
    letter = ParsedLetter(
        kind=row.kind,
        blocks=[Block(p.text, p.original, p.section, p.is_heading) for p in row.paragraphs],
        title=row.title,
        addressee=list(row.addressee),
        addressee_role=row.addressee_role,
        addressee_count=row.addressee_count,
        proposal_number=row.proposal_number,
        proposal_title=row.proposal_title,
        session=row.session,
        agency=row.agency,
        main_organizer=row.main_organizer,
        co_organizers=list(row.co_organizers),
        reply_date=row.reply_date,
        category=row.category,
        contact_name=row.contact_name,
        contact_phone=row.contact_phone,
        doc_number=row.doc_number,
        sources={k: _field_source(v) for k, v in row.field_sources.items()},
        source_lines=list(row.source_lines),
    )
    origin = row.origin
    if origin is None or not origin.library_id:
        origin = LetterOrigin(library_id, row.id)
    return IncomingLetter(
        letter=letter,
        content_hash=row.content_hash,
        declared_hash=row.content_hash,
        source_path=row.source_path,
        source_format=row.source_format,
        origin=json.dumps(
            {"library_id": origin.library_id, "letter_id": origin.letter_id}, ensure_ascii=False
        ),
        corrections=dict(row.corrections),
        parser_version=row.parser_version,
    )


def _field_source(value: Any) -> FieldSource:
    return FieldSource(
        value.get("line"), str(value.get("rule", "")), bool(value.get("certain", True)),
        value.get("suggestion"),
    )  # fmt: skip


def _chunks(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def _copy_letters(
    source: LibraryStore,
    target: LibraryStore,
    report: CopyReport,
    progress: Progress | None,
    batch: int,
) -> None:
    total = source.letters.count()
    library_id = source.library_id()
    done = 0
    rows = source.packs.letters()
    with contextlib.closing(rows):
        for chunk in _chunks(rows, batch):
            outcome = _merge(target, [_incoming(r, library_id) for r in chunk])
            _map_ids([r.id for r in chunk], outcome, report)
            done += len(chunk)
            if progress is not None:
                progress("letters", done, total)


def _merge(target: LibraryStore, letters: list[IncomingLetter]) -> MergeOutcome:
    merge = target.packs.merge(letters)
    try:
        while True:
            next(merge)
    except StopIteration as stop:
        outcome: MergeOutcome = stop.value
    finally:
        merge.close()
    return outcome


def _map_ids(source_ids: list[int], outcome: MergeOutcome, report: CopyReport) -> None:
    """Which target letter each source letter of the batch became (added or already held)."""
    present = dict(outcome.duplicates)  # nth (1-based) → existing id
    added = iter(outcome.added)
    for n, source_id in enumerate(source_ids, 1):
        report.letter_ids[source_id] = present[n] if n in present else next(added)
    report.letters_added += len(outcome.added)
    report.letters_present += len(outcome.duplicates)
    report.letters_corrected += len(outcome.corrected)
    report.paragraphs_added += outcome.new_paragraphs


# ----------------------------------------------------------------------------- cases
def _copy_cases(
    source: LibraryStore,
    target: LibraryStore,
    report: CopyReport,
    progress: Progress | None,
    batch: int,
) -> None:
    ids = source.copies.case_ids()
    done = 0
    for chunk in _chunks(ids, batch):
        records = [r for r in (source.copies.read_case(i) for i in chunk) if r is not None]
        with target.transaction():
            for record in records:
                if target.cases.find(record.case.session, record.case.number) is not None:
                    report.cases_present += 1
                    continue
                try:  # in a savepoint of its own: a refused case leaves the others be
                    target.copies.write_case(record, report.letter_ids)
                except LibraryPermissionDenied:
                    if not record.case.assignee:
                        raise
                    case = record.case
                    report.cases_refused.append(f"{case.session}第{case.number}号（{case.assignee}）")
                    continue
                report.cases_added += 1
                report.draft_versions += len(record.versions)
        done += len(chunk)
        if progress is not None:
            progress("cases", done, len(ids))


# ----------------------------------------------------------------------------- profile
def _copy_profile(source: LibraryStore, target: LibraryStore, report: CopyReport) -> None:
    values = source.copies.profile_values()
    files = source.copies.profile_files()
    if not values and not files:
        return
    if not target.profile.is_sample():
        report.profile = "kept"
        return
    try:
        with target.transaction():
            for key, value in values.items():
                target.profile.set_value(key, value)
            for key, stored in files.items():
                target.profile.set_file(key, stored.name, stored.data)
    except LibraryPermissionDenied:  # a clerk's account: the profile is the administrator's
        report.profile = "no-right"
        return
    report.profile = "copied"
