"""Assemble a reply: a case, the agency profile and a draft → a ``ComposedLetter``.

Also the plain-text body for the online handling systems many cities use.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from desktop.casework import SECTIONS, Case, Draft, DraftBlock
from desktop.layout import format_date
from desktop.model import ComposedLetter, LetterParagraph, ParagraphOrigin, SealSpec
from desktop.normalize import normalize_text
from desktop.numerals import int_to_cn
from desktop.profile import TEMPLATE_CATEGORY, AgencyProfile
from desktop.proofread import Finding, Provenance, check, placeholder_findings
from desktop.proofread.headings import empty_section_finding
from desktop.proofread.reuse import ReplyFacts, ReuseContext, merge_reuse, reuse_findings
from desktop.reply_templates import ReplyTemplates, TemplateProblem, paragraphs_of
from desktop.understand import heading_level

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
        "reply_date": format_date(reply_date),
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
    """A draft composed once: the letter (each paragraph knows its block), the template
    problems, and what the composer and the proofreader need besides."""

    letter: ComposedLetter
    problems: list[TemplateProblem] = field(default_factory=list)
    # Per body paragraph: the library source when it was reused (for stale-fact checks).
    sources: list[DraftBlock | None] = field(default_factory=list)
    # Per section with a template block: its rendered, normalized template paragraphs.
    rendered: dict[str, list[str]] = field(default_factory=dict)

    @property
    def origins(self) -> list[ParagraphOrigin]:
        """Per body paragraph: its block. Template headings of empty sections are not
        printed, so this, not a recount of the draft, maps the letter back to the blocks."""
        return [p.origin for p in self.letter.paragraphs if p.origin is not None]


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
    seal: SealSpec | None = None,
    today: dt.date | None = None,
) -> Composition:
    """Compose ``draft`` for ``case`` once: templates rendered, paragraphs normalized and
    styled, each paragraph with the block it came from. ``seal`` (bytes from the profile,
    already checked or not: the writer checks it) is signed with as given."""
    reply_date = case.reply_date or (today or dt.date.today()).isoformat()
    context = template_context(case, profile, reply_date)
    variants = template_variants(case)
    problems: list[TemplateProblem] = []

    def render(section: str) -> str:
        text, found = templates.render(section, context, variants)
        problems.extend(found)
        return text

    rendered: dict[str, list[str]] = {}
    printed: list[tuple[LetterParagraph, DraftBlock]] = []
    for section in SECTIONS:
        items: list[tuple[LetterParagraph, DraftBlock]] = []
        for index, block in enumerate(draft.sections.get(section, [])):
            if block.kind == "template":
                if section not in rendered:
                    rendered[section] = [normalize_text(p) for p in paragraphs_of(render(section))]
                texts = rendered[section]
            else:
                texts = [block.text]
            for line, raw in enumerate(texts):
                text = normalize_text(raw)
                if text:
                    origin = ParagraphOrigin(section, index, line, raw)
                    items.append((LetterParagraph(text, paragraph_style(text), origin), block))
        # A template heading over a section with nothing else in it is not printed: "一、办理
        # 情况" followed directly by "二、……" reads as a reply that forgot its content.
        if all(p.style != "body" for p, _ in items):
            items = [item for item in items if item[1].kind != "template"]
        printed.extend(items)
    _renumber_template_headings(printed)
    paragraphs = [p for p, _ in printed]
    sources = [b if b.kind == "library" else None for _, b in printed]

    category = case.category
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
        # The answer category is the main organizer's to give (it answers the deputy); a
        # co-organizer's opinion to it carries none.
        category_label=f"{category}类" if category and case.organizer == "main" else None,
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
    return Composition(letter, problems, sources, rendered)


_LEVEL1_RE = re.compile(r"^([一二三四五六七八九十]{1,3})、")


def _renumber_template_headings(printed: list[tuple[LetterParagraph, DraftBlock]]) -> None:
    """Number the templates' level-1 headings in the order they are printed, so that dropping
    an empty section's heading leaves "一、 二、" and not "二、" alone. The clerk's own headings
    keep their numbers (the proofreader checks those)."""
    number = 0
    for k, (paragraph, block) in enumerate(printed):
        if paragraph.style != "heading1":
            continue
        m = _LEVEL1_RE.match(paragraph.text)
        if m is None:
            continue
        number += 1
        if block.kind != "template" or not 0 < number < 100:
            continue
        label = int_to_cn(number)
        if m.group(1) != label:
            text = label + paragraph.text[m.end(1) :]
            printed[k] = (dataclasses.replace(paragraph, text=text), block)


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


def check_composition(
    comp: Composition,
    case: Case,
    profile: AgencyProfile | None = None,
    *,
    reuse: ReuseContext | None = None,
) -> list[Finding]:
    """Proofread a composed letter as the composer shows it.

    ``Finding.paragraph`` counts: 0 the salutation, 1…n the body paragraphs (reused ones carry
    their source for stale-fact messages), n+1 the contact line, n+2 the title; the last two
    are checked for placeholders only, and with ``profile`` the contact line is expected
    (``profile.contact_line``) to give a name and a phone number. With ``reuse`` (the clerk's
    agency and the reused letters, ``actions.export.read_reuse_context``) the reused
    paragraphs are checked for what belongs to their old letter (``proofread/reuse.py``)."""
    letter = comp.letter
    body = [p.text for p in letter.paragraphs]
    provenance: list[Provenance | None] = [None]
    for block in comp.sources:
        if block is None or block.letter_id is None:
            provenance.append(None)
        elif reuse is not None:  # the letter as the library has it now
            source = reuse.source(block.letter_id, block.year, block.source_title)
            provenance.append(source.provenance)
        else:
            provenance.append(Provenance(block.letter_id, block.year, block.source_title))
    findings = check(
        [letter.salutation, *body],
        reply_date=letter.date,
        proposers=case.proposers if case.organizer == "main" else None,
        provenance=provenance,
        salutation_index=0,
        body_end=1 + len(body),
    )
    if reuse is not None:
        findings = merge_reuse(findings, _reuse_findings(comp, case, reuse))
    # A heading the clerk typed as the last paragraph of its section heads nothing.
    flagged = {f.paragraph for f in findings if f.kind == "empty_section"}
    origins = comp.origins
    for k, origin in enumerate(origins):
        last_of_section = k + 1 == len(origins) or origins[k + 1].section != origin.section
        if last_of_section and k + 1 not in flagged:
            found = empty_section_finding(k + 1, body[k])
            if found is not None:
                findings.append(found)
    contact_index, title_index = len(body) + 1, len(body) + 2
    contact = letter.contact_note or ""
    findings.extend(placeholder_findings(contact_index, contact))
    findings.extend(placeholder_findings(title_index, letter.title))
    if profile is not None and profile.contact_line:
        missing = _missing_contact(contact)
        if missing:
            findings.append(
                Finding(
                    "contact_missing",
                    f"答复末尾的联系人行缺少{missing}：请在案件或“单位信息”中填写联系人和联系电话",
                    contact_index,
                    0,
                    len(contact),
                    None,
                )
            )
    findings.sort(key=lambda f: (f.paragraph, f.start, f.end))
    return findings


def _reuse_findings(comp: Composition, case: Case, reuse: ReuseContext) -> list[Finding]:
    letter = comp.letter
    sources = [None] + [
        reuse.source(b.letter_id, b.year, b.source_title)
        if b is not None and b.letter_id is not None
        else None
        for b in comp.sources
    ]
    reply = ReplyFacts(case.number, case.title, tuple(case.proposers), case.addressee)
    texts = [letter.salutation, *(p.text for p in letter.paragraphs)]
    return reuse_findings(texts, sources, reply, reuse.home)


def export_findings(
    comp: Composition,
    case: Case,
    profile: AgencyProfile,
    *,
    reuse: ReuseContext | None = None,
) -> list[Finding]:
    """What the clerk is told before a letter goes out: every finding of
    :func:`check_composition` with the profile's expectations. The window's export asks
    "export anyway?" when this is not empty; ``replydesk draft`` prints it.
    :func:`finding_place` says where each one is."""
    return check_composition(comp, case, profile, reuse=reuse)


def finding_place(comp: Composition, finding: Finding) -> str:
    """Where a finding of :func:`check_composition` is, in words: 称呼 / 正文第 3 段 /
    联系人行 / 标题."""
    n = len(comp.letter.paragraphs)
    if finding.paragraph == 0:
        return "称呼"
    if finding.paragraph == n + 1:
        return "联系人行"
    if finding.paragraph == n + 2:
        return "标题"
    return f"正文第 {finding.paragraph} 段"


_CONTACT_NAME_RE = re.compile(r"联系人\s*[:：]?\s*[^\s，,；;：:）)]")
_CONTACT_PHONE_RE = re.compile(r"(?:电话|手机)\s*[:：]?\s*[^\s，,；;：:）)]*\d")


def _missing_contact(contact: str) -> str:
    """ "联系人" / "联系电话" / "联系人和联系电话" missing from the contact line, or ""."""
    name = bool(_CONTACT_NAME_RE.search(contact))
    phone = bool(_CONTACT_PHONE_RE.search(contact))
    if name and phone:
        return ""
    if not name and not phone:
        return "联系人和联系电话"
    return "联系电话" if name else "联系人"
