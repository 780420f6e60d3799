"""Assemble a reply: a case, the agency profile and a draft → a ``ComposedLetter``.

Also the plain-text body for the online handling systems many cities use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from desktop.casework import SECTIONS, Case, Draft, DraftBlock
from desktop.letter_parser import heading_level
from desktop.model import ComposedLetter, LetterParagraph, SealSpec
from desktop.normalize import normalize_text
from desktop.profile import TEMPLATE_CATEGORY, AgencyProfile
from desktop.proofread import Finding, Provenance, check
from desktop.reply_templates import ReplyTemplates, TemplateProblem, paragraphs_of

_UNIT_WORDS = {
    "委员会": "委", "办公室": "办", "局": "局", "委": "委", "办": "办", "厅": "厅", "院": "院",
    "中心": "中心", "所": "所", "部": "部", "处": "处", "会": "会", "社": "社",
}  # fmt: skip


def we_word(agency: str) -> str:
    """How the agency names itself: 我局, 我委, 我办 … (我单位 when unsure)."""
    for suffix, word in _UNIT_WORDS.items():
        if agency.endswith(suffix):
            return "我" + word
    return "我单位"


def cn_date(iso: str) -> str:
    """``2020-05-29`` → ``2020年5月29日`` (Arabic numerals, no leading zeros: GB/T 9704)."""
    d = dt.date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def template_context(case: Case, profile: AgencyProfile, reply_date: str) -> dict[str, Any]:
    categories = profile.categories
    return {
        "number": case.number,
        "session": case.session,
        "title": case.title,
        "proposers": case.proposers,
        "lead": case.proposers[0] if case.proposers else "",
        "addressee": case.addressee,
        "joint": case.joint,
        "you": "您们" if case.joint else "您",
        "role": case.role,
        "kind_word": case.kind_word,
        "category": case.category,
        "category_meaning": categories.get(case.category, ""),
        "organizer": case.organizer,
        "main_organizer": case.main_organizer,
        "co_organizers": case.co_organizers,
        "content": case.content,
        "contact_name": case.contact_name or profile.contact_name,
        "contact_phone": case.contact_phone or profile.contact_phone,
        "reply_date": cn_date(reply_date),
        "agency": profile.agency_name,
        "we": we_word(profile.agency_name),
        "work_field": profile.work_field,
        "feedback_form": profile.feedback_form,
        "doc_number": case.doc_number,
    }


def template_variants(case: Case) -> list[str]:
    variants = ["co"] if case.organizer == "co" else []
    category = TEMPLATE_CATEGORY.get(case.category)
    if category:
        variants.append(category)
    return variants


@dataclass
class Composition:
    letter: ComposedLetter
    problems: list[TemplateProblem] = field(default_factory=list)
    # Per body paragraph: the library source when it was reused (for stale-fact checks).
    sources: list[DraftBlock | None] = field(default_factory=list)


def paragraph_style(text: str) -> str:
    level = heading_level(text)
    return {1: "heading1", 2: "heading2", 3: "heading3"}.get(level or -1, "body")


def automatic_salutation(case: Case, profile: AgencyProfile, templates: ReplyTemplates) -> str:
    """The salutation line the letter gets when the clerk has not overridden it
    (``Draft.salutation is None``): the ``salutation`` template rendered for ``case`` —
    "王明代表：", "王明、李华代表：", "张三等10位代表：", or the main organizer for a
    co-organizer opinion. Problems with a clerk's edited template fall back silently here;
    :func:`compose` reports them."""
    reply_date = case.reply_date or dt.date.today().isoformat()
    context = template_context(case, profile, reply_date)
    text, _ = templates.render("salutation", context, template_variants(case))
    return _finish_salutation(text)


def _finish_salutation(text: str) -> str:
    """One line, normalized, ending with a full-width colon (the clerk may leave it out)."""
    text = normalize_text(" ".join(text.split()))
    if text.endswith(":"):
        return text[:-1] + "："
    return text + "：" if text and not text.endswith("：") else text


def compose(
    case: Case,
    profile: AgencyProfile,
    draft: Draft,
    *,
    templates: ReplyTemplates,
    seal_image: str | None = None,
    today: dt.date | None = None,
) -> Composition:
    reply_date = case.reply_date or (today or dt.date.today()).isoformat()
    context = template_context(case, profile, reply_date)
    variants = template_variants(case)
    problems: list[TemplateProblem] = []

    def render(section: str) -> str:
        text, found = templates.render(section, context, variants)
        problems.extend(found)
        return text

    paragraphs: list[LetterParagraph] = []
    sources: list[DraftBlock | None] = []
    for section in SECTIONS:
        for block in draft.sections.get(section, []):
            texts = paragraphs_of(render(section)) if block.kind == "template" else [block.text]
            for text in texts:
                text = normalize_text(text)
                if not text:
                    continue
                paragraphs.append(LetterParagraph(text, paragraph_style(text)))
                sources.append(block if block.kind == "library" else None)

    category = case.category
    seal = SealSpec(seal_image, profile.seal_diameter_mm) if seal_image else None
    letter = ComposedLetter(
        title=normalize_text(render("title")),
        salutation=(
            _finish_salutation(draft.salutation)
            if draft.salutation is not None and draft.salutation.strip()
            else _finish_salutation(render("salutation"))
        ),
        paragraphs=paragraphs,
        agency=profile.agency_name,
        date=reply_date,
        category_label=f"{category}类" if category else None,
        doc_number=case.doc_number or None,
        contact_note=render("contact") or None,
        cc=case.copy_to(profile.cc),
        disclosure=case.disclosure or None,
        seal=seal,
        fonts=profile.fonts,
        signer=profile.signer or None,
        author=profile.agency_name,
        letter_format=profile.letter_format,
        issuing_office=profile.issuing_office or None,
        issue_date=profile.issue_date or None,
    )
    return Composition(letter, problems, sources)


def default_draft(used: list[tuple[str, DraftBlock]], free: dict[str, list[str]]) -> Draft:
    """Template text first in each section, then the reused library paragraphs filed under
    that section, then the clerk's own free text."""
    draft = Draft()
    for section, block in used:
        draft.sections[section].append(block)
    for section, texts in free.items():
        draft.sections[section].extend(DraftBlock("free", text=t) for t in texts if t.strip())
    return draft


def plain_text_body(letter: ComposedLetter, limit: int = 2500) -> tuple[str, str | None]:
    """The body for pasting into an online system: salutation and paragraphs, full-width
    punctuation, a blank line between paragraphs; no title, signature or date. Returns the
    text and a warning when it is longer than ``limit`` characters."""
    parts = [letter.salutation, *(p.text for p in letter.paragraphs)]
    text = "\n\n".join(normalize_text(p) for p in parts if p) + "\n"
    count = sum(1 for ch in text if not ch.isspace())
    warning = None
    if count > limit:
        warning = f"正文共 {count} 字，超过了网上办理系统常见的 {limit} 字限制，提交前请精简。"
    return text, warning


def check_composition(comp: Composition, case: Case) -> list[Finding]:
    """Proofread a composed letter as the composer shows it: the salutation is paragraph 0,
    body paragraphs follow; reused paragraphs carry their source for stale-fact messages."""
    letter = comp.letter
    provenance: list[Provenance | None] = [None]
    for block in comp.sources:
        provenance.append(
            Provenance(block.letter_id, block.year, block.source_title)
            if block is not None and block.letter_id is not None
            else None
        )
    return check(
        [letter.salutation, *(p.text for p in letter.paragraphs)],
        reply_date=letter.date,
        proposers=case.proposers if case.organizer == "main" else None,
        provenance=provenance,
        salutation_index=0,
    )
