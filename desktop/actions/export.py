"""Compose a draft once and write it out: DOCX, PDF (through LibreOffice) and the plain-text
body for online handling systems.

The walk of an export, for the command line (``replydesk draft``) and the window alike:

1. :func:`read_letter_inputs` reads the agency profile and the stored seal image (bytes) from
   the library — once per export.
2. :meth:`LetterInputs.check_seal` says whether the seal can be used (the window offers to
   write without it, the command line points at ``--no-seal``); :meth:`LetterInputs.unsealed`
   drops it.
3. :func:`compose_letter` composes the draft once: a :class:`PreparedLetter` holding the
   :class:`~desktop.compose.Composition` (each paragraph knows the block it came from) and the
   proofreading findings the clerk is told about before the letter goes out.
4. :func:`write_docx`, :func:`write_pdf`, :func:`write_text` write the files atomically and
   return what they wrote, or raise a :class:`~desktop.errors.ClerkError`
   (:class:`~desktop.export_docx.SealError`, :class:`~desktop.safe_write.TargetLocked`,
   :class:`~desktop.safe_write.WriteFailed`, :class:`~desktop.pdf.PdfError`).

:func:`export_draft` does all of it for a case and its draft in the library.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from desktop.casework import Case, Draft
from desktop.compose import Composition, compose, export_findings, plain_text_body
from desktop.model import ComposedLetter, SealSpec
from desktop.pdf import convert_to_pdf
from desktop.profile import SEAL_KEY, AgencyProfile
from desktop.proofread import Finding
from desktop.proofread.reuse import ReuseContext, SourceLetter
from desktop.reply_templates import ReplyTemplates
from desktop.safe_write import atomic_write
from desktop.soffice import AUTO, AutoDetect

if TYPE_CHECKING:
    from desktop.store import LibraryStore

# desktop.export_docx (python-docx, lxml) is imported where a letter is written, not here:
# the window and every command import this module at start.

ExportKind = Literal["docx", "pdf", "text"]


@dataclass(frozen=True)
class LetterInputs:
    """What a letter takes from the library: the agency profile and the seal, read once."""

    profile: AgencyProfile
    seal: SealSpec | None  # the stored seal image at the profile's diameter; None: none stored

    def check_seal(self) -> None:
        """Raise :class:`~desktop.export_docx.SealError` when the seal cannot be used."""
        if self.seal is not None:
            from desktop.export_docx import load_seal

            load_seal(self.seal)

    def unsealed(self) -> LetterInputs:
        return dataclasses.replace(self, seal=None)

    def with_seal_file(self, path: Path) -> LetterInputs:
        """The seal image at ``path`` instead of the stored one (read once, not checked)."""
        from desktop.export_docx import read_seal_file

        diameter = self.profile.seal_diameter_mm
        return dataclasses.replace(self, seal=read_seal_file(path, diameter))


def read_letter_inputs(*, store: LibraryStore) -> LetterInputs:
    """The profile and the stored seal image (as bytes: no file is written on the way)."""
    profile = store.profile.load()
    stored = store.profile.get_file(SEAL_KEY)
    seal = SealSpec(stored.data, profile.seal_diameter_mm, stored.name) if stored else None
    return LetterInputs(profile, seal)


@dataclass(frozen=True)
class PreparedLetter:
    """A draft composed once, with what the clerk is told before it goes out."""

    composition: Composition
    findings: list[Finding]
    inputs: LetterInputs

    @property
    def letter(self) -> ComposedLetter:
        return self.composition.letter


def read_reuse_context(
    draft: Draft, profile: AgencyProfile, *, store: LibraryStore
) -> ReuseContext:
    """What the reuse check compares a draft's library paragraphs with: the clerk's agency and
    places, and the fields of the letters the paragraphs came from (one query)."""
    ids = sorted(
        {
            b.letter_id
            for blocks in draft.sections.values()
            for b in blocks
            if b.kind == "library" and b.letter_id is not None
        }
    )
    rows = store.letters.by_ids(ids) if ids else {}
    letters = {
        i: SourceLetter(
            letter_id=i,
            year=r.year,
            title=r.shown_title,
            kind=r.kind,
            proposers=tuple(r.addressee),
            proposal_number=r.proposal_number,
            proposal_title=r.proposal_title,
            agency=r.agency,
        )
        for i, r in rows.items()
    }
    return ReuseContext(profile.agency_name, tuple(profile.home_places), letters)


def compose_letter(
    case: Case,
    draft: Draft,
    inputs: LetterInputs,
    *,
    templates: ReplyTemplates,
    today: dt.date | None = None,
    reuse: ReuseContext | None = None,
) -> PreparedLetter:
    """Compose ``draft`` for ``case`` with the profile and seal of ``inputs``; ``reuse``
    (:func:`read_reuse_context`) adds the reuse findings."""
    comp = compose(case, inputs.profile, draft, templates=templates, seal=inputs.seal, today=today)
    findings = export_findings(comp, case, inputs.profile, reuse=reuse)
    return PreparedLetter(comp, findings, inputs)


@dataclass(frozen=True)
class Written:
    """A file an export wrote."""

    kind: ExportKind
    path: Path
    sealed: bool = False  # a DOCX or PDF signed with the seal
    warning: str | None = None  # the plain text is longer than online systems take


def write_docx(letter: ComposedLetter, target: Path) -> Written:
    """The GB/T 9704 DOCX, written atomically. :class:`~desktop.export_docx.SealError` before
    anything is written when the seal is unusable."""
    from desktop.export_docx import write_docx as write_letter

    path = write_letter(letter, Path(target))
    return Written("docx", path, sealed=letter.seal is not None)


def write_pdf(
    docx: Path, target: Path, *, soffice: str | AutoDetect | None = AUTO, sealed: bool = False
) -> Written:
    """The PDF of an exported DOCX, made by LibreOffice (:class:`~desktop.pdf.PdfError` when
    LibreOffice is missing or fails)."""
    return Written("pdf", convert_to_pdf(Path(docx), Path(target), soffice=soffice), sealed)


def write_text(letter: ComposedLetter, target: Path, *, limit: int) -> Written:
    """The plain-text body (UTF-8), with a warning when it is longer than ``limit``."""
    text, warning = plain_text_body(letter, limit)
    path = atomic_write(Path(target), lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return Written("text", path, warning=warning)


@dataclass(frozen=True)
class ExportResult:
    prepared: PreparedLetter
    written: Written


def export_prepared(
    prepared: PreparedLetter,
    target: Path,
    kind: ExportKind,
    *,
    soffice: str | AutoDetect | None = AUTO,
) -> Written:
    """Write a composed letter as ``kind``; a PDF goes through a DOCX beside ``target``."""
    if kind == "text":
        return write_text(prepared.letter, target, limit=prepared.inputs.profile.text_limit)
    if kind == "docx":
        return write_docx(prepared.letter, target)
    docx = write_docx(prepared.letter, Path(target).with_suffix(".docx"))
    return write_pdf(docx.path, target, soffice=soffice, sealed=docx.sealed)


def export_draft(
    case: Case,
    draft: Draft,
    target: Path,
    kind: ExportKind = "docx",
    *,
    templates: ReplyTemplates,
    store: LibraryStore,
    sealed: bool = True,
    soffice: str | AutoDetect | None = AUTO,
) -> ExportResult:
    """Compose ``draft`` once and write it to ``target``: the whole export in one call.
    ``sealed=False`` writes without the seal; an unusable seal raises
    :class:`~desktop.export_docx.SealError` before anything is written."""
    inputs = read_letter_inputs(store=store)
    inputs = inputs if sealed else inputs.unsealed()
    inputs.check_seal()
    reuse = read_reuse_context(draft, inputs.profile, store=store)
    prepared = compose_letter(case, draft, inputs, templates=templates, reuse=reuse)
    return ExportResult(prepared, export_prepared(prepared, target, kind, soffice=soffice))
