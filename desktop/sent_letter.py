"""A case's final reply as a library letter: what a case marked sent (已答复) leaves in the
library, so next year's search and similar replies find this year's answers.

The letter is read from the composed reply (:class:`~desktop.compose.Composition`, the same
text the export writes: templates rendered, placeholders filled) and from the case's fields,
not parsed from a file: nothing here is a guess, so every field source says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.casework import Case, Draft
from desktop.model import Block, FieldSource, ParsedLetter
from desktop.profile import AgencyProfile

if TYPE_CHECKING:
    from desktop.compose import Composition

# The statuses at which a case's reply stands in the library (issue 13's 已办结 comes after
# 已答复 and may join this list). Entering one stores the reply; entering it again updates it.
LIBRARY_STATUSES: frozenset[str] = frozenset({"sent"})
SOURCE_FORMAT = "case"  # letters.source_format of a letter made from a case's reply
CASE_RULE = "case"  # the rule every field source names: the value was taken from the case


def joins_library(status: str) -> bool:
    """Whether a case with this status has its reply in the library."""
    return status in LIBRARY_STATUSES


def reply_blocks(comp: Composition) -> list[Block]:
    """The reply's paragraphs as the library keeps them: the salutation first (imported
    letters file it under greeting too), then every printed paragraph in its draft section,
    headings marked."""
    letter = comp.letter
    blocks = [Block(letter.salutation, letter.salutation, "greeting")] if letter.salutation else []
    for paragraph in letter.paragraphs:
        section = paragraph.origin.section if paragraph.origin is not None else "body"
        raw = paragraph.origin.raw if paragraph.origin is not None else paragraph.text
        blocks.append(Block(paragraph.text, raw.strip() or paragraph.text, section,
                            paragraph.style != "body"))  # fmt: skip
    return blocks


def has_body(draft: Draft, comp: Composition) -> bool:
    """The reply says something of its own: the clerk wrote or reused a paragraph (the
    templates alone give only the greeting, headings and the closing words) and the composed
    letter has a paragraph that is not a heading."""
    blocks = [b for section in draft.sections.values() for b in section]
    own = any(b.kind != "template" and b.text.strip() for b in blocks)
    return own and any(p.style == "body" for p in comp.letter.paragraphs)


def sent_letter(
    case: Case, comp: Composition, profile: AgencyProfile, *, sample_profile: bool = False
) -> ParsedLetter:
    """The library letter of ``case``'s reply as ``comp`` composed it with ``profile``. While
    the profile is still the sample's (``sample_profile``) the agency is left empty: no
    letter is filed under an agency that did not write it."""
    letter = comp.letter
    agency = None if sample_profile else (letter.agency or None)
    main = case.main_organizer or (agency if case.organizer == "main" else None)
    addressee, role = list(case.proposers), case.role
    count = case.proposer_count or len(case.proposers) or None
    co_organizers = list(case.co_organizers)
    if case.organizer == "co":
        # A co-organizer's opinion (会办意见) is written to the main organizer, and we are the
        # co-organizer: filed as the reader files an imported one (role 单位).
        addressee, role, count = [case.main_organizer], "单位", 1
        co_organizers = [agency] if agency else co_organizers
    parsed = ParsedLetter(
        kind="reply",
        blocks=reply_blocks(comp),
        title=letter.title or None,
        addressee=addressee,
        addressee_role=role,
        addressee_count=count,
        proposal_number=case.number or None,
        proposal_title=case.title or None,
        session=case.session or None,
        agency=agency,
        main_organizer=main or None,
        co_organizers=co_organizers,
        reply_date=letter.date,
        category=(case.category or None) if case.organizer == "main" else None,
        # as the letter's contact line names them: the case's, else the profile's
        contact_name=case.contact_name or profile.contact_name or None,
        contact_phone=case.contact_phone or profile.contact_phone or None,
        doc_number=letter.doc_number,
    )
    parsed.sources = {
        name: FieldSource(None, CASE_RULE)
        for name in (
            "title", "addressee", "addressee_role", "proposal_number", "proposal_title",
            "session", "agency", "main_organizer", "co_organizers", "reply_date", "category",
            "contact_name", "contact_phone", "doc_number",
        )
        if getattr(parsed, name) not in (None, "", [])
    }  # fmt: skip
    return parsed
