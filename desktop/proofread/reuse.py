"""Safe reuse: what a paragraph taken from another letter still says about its old context.

:func:`reuse_findings` looks at the paragraphs that came from a library letter (``sources[i]``
is that letter, None for text written anew) and reports, naming the letter:

- ``reuse_place`` — a place that is not the clerk's (上海市杨浦区 in a 南通 reply; the place in
  平江县交通运输局), 我县/全县/本县 … when the clerk's agency is of another level (我市 for a
  city bureau), and 我局/本委 … in a reply another kind of agency wrote (its 我局 is that
  agency; 科学技术局 and 科技局 count as the same kind). :mod:`desktop.proofread.places` says
  what counts as the clerk's own. A place of the same level as the clerk's own (无锡市 for
  南通市) and a level word get the clerk's as suggestion; other places none.
- ``reuse_name`` — the old letter's deputy or member (its addressees) named in the paragraph,
  unless they are proposers of this case too; suggestion: this case's addressee.
- ``reuse_proposal`` — the old letter's proposal number (第82号, 82号建议) or title (《…》 or
  “…” ending in 建议/提案, or the old title as written) where it differs from this case's;
  suggestion: this case's number or title.

The ``salutation_mismatch`` finding on the same name (the older rule sees "X代表" without
knowing the source) is dropped by :func:`merge_reuse` in favour of the ``reuse_name`` one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from desktop.proofread.common import Finding, Provenance, quote, source_note
from desktop.proofread.places import (
    LEVEL_WORDS,
    Home,
    agency_places,
    foreign_part,
    home_places,
    place_mentions,
    suffix_of,
)


@dataclass(frozen=True)
class SourceLetter:
    """What the library knows about the letter a reused paragraph came from."""

    letter_id: int
    year: int | None = None
    title: str | None = None
    kind: str = "reply"
    proposers: tuple[str, ...] = ()
    proposal_number: str | None = None
    proposal_title: str | None = None
    agency: str | None = None

    @property
    def provenance(self) -> Provenance:
        return Provenance(self.letter_id, self.year, self.proposal_title or self.title)


@dataclass(frozen=True)
class ReuseContext:
    """The clerk's agency and places, and the library letters the draft reuses (by id)."""

    agency: str
    places: tuple[str, ...] = ()
    letters: Mapping[int, SourceLetter] = field(default_factory=dict)

    @property
    def home(self) -> Home:
        return home_places(self.agency, self.places)

    def source(self, letter_id: int, year: int | None, title: str | None) -> SourceLetter:
        """The reused letter as the library knows it (as the draft block remembers it when
        the library has it no more)."""
        return self.letters.get(letter_id) or SourceLetter(letter_id, year, title)


@dataclass(frozen=True)
class ReplyFacts:
    """The case being answered: what an old name, number or title is replaced with."""

    number: str = ""
    title: str = ""
    proposers: tuple[str, ...] = ()
    addressee: str = ""  # 王明 / 王明、李华 / 王明等3位


def reuse_findings(
    paragraphs: Sequence[str],
    sources: Sequence[SourceLetter | None],
    reply: ReplyFacts,
    home: Home,
) -> list[Finding]:
    """Every reuse finding of the paragraphs that came from a library letter."""
    out: list[Finding] = []
    for i, (text, source) in enumerate(zip(paragraphs, sources, strict=True)):
        if source is None or not text:
            continue
        note = source_note(source.provenance)
        if not home.is_local_agency(source.agency):
            # A letter of the clerk's own place names the clerk's towns and neighbours.
            out.extend(_places(i, text, home, note))
            out.extend(_level_words(i, text, home, note))
        out.extend(_old_agency(i, text, source, home, note))
        out.extend(_old_names(i, text, source, reply, note))
        out.extend(_old_numbers(i, text, source, reply, note))
        out.extend(_old_titles(i, text, source, reply, note))
    return _inside_titles_dropped(out)


def _inside_titles_dropped(found: list[Finding]) -> list[Finding]:
    """A place inside an old title or overlapping an old name (王亚春区人大代表), or a name
    inside an old title, is that finding's business, not one of its own."""
    rank = {"reuse_proposal": 0, "reuse_name": 1, "reuse_place": 2}
    return [
        f
        for f in found
        if not any(
            rank[t.kind] < rank[f.kind]
            and t.paragraph == f.paragraph
            and t.start < f.end
            and f.start < t.end
            for t in found
        )
    ]


def merge_reuse(findings: list[Finding], reuse: list[Finding]) -> list[Finding]:
    """``findings`` plus ``reuse``, without a ``salutation_mismatch`` on a name that a
    ``reuse_name`` finding reports with its source and fix."""
    names = [(f.paragraph, f.start, f.end) for f in reuse if f.kind == "reuse_name"]
    kept = [
        f
        for f in findings
        if f.kind != "salutation_mismatch"
        or not any(p == f.paragraph and s < f.end and f.start < e for p, s, e in names)
    ]
    return kept + reuse


# ----------------------------------------------------------------------------------------------
# Places


def _places(i: int, text: str, home: Home, note: str) -> list[Finding]:
    out: list[Finding] = []
    own = home.own_place
    where = f"（{own}）" if own else ""
    for m in place_mentions(text):
        if not foreign_part(m, home):
            continue
        # A simple swap: one place of the level of the clerk's own (无锡市 → 南通市).
        swap = own if own and m.suffix and m.suffix == suffix_of(own) else None
        if swap is not None and suffix_of(m.name[: -len(m.suffix)]):
            swap = None  # several places run together: 上海市杨浦区
        out.append(
            Finding(
                "reuse_place",
                f"{quote(m.name)}不是本单位所在地{where}，可能是原答复的地名或单位，请核对{note}",
                i,
                m.start,
                m.end,
                swap,
            )
        )
    return out


_LEVEL_WORD_RE: Final = re.compile(
    r"([我本全])([市区县镇乡區縣鎮鄉])(?![场级域别间属委場級別間屬])"
)
# A paragraph reused from a letter in traditional characters names its level so (我縣).
_SIMPLE_LEVEL: Final = {"區": "区", "縣": "县", "鎮": "镇", "鄉": "乡"}
# How low a level is: a reply may name the levels above its own (a district's 全市).
_RANK: Final = {"市": 1, "区": 2, "县": 2, "镇": 3, "乡": 3}


def _level_words(i: int, text: str, home: Home, note: str) -> list[Finding]:
    level = home.level
    if not level or level not in LEVEL_WORDS:
        return []
    out: list[Finding] = []
    for m in _LEVEL_WORD_RE.finditer(text):
        word = _SIMPLE_LEVEL.get(m.group(2), m.group(2))
        if word == level or _RANK[word] < _RANK.get(level, 0):
            continue  # the clerk's own level, or one above it (全市 in a district's reply)
        out.append(
            Finding(
                "reuse_place",
                f"{quote(m.group())}指原答复单位所在的{word}，本单位是{level}级，"
                f"应为{quote(m.group(1) + level)}{note}",
                i,
                m.start(),
                m.end(),
                m.group(1) + level,
            )
        )
    return out


_WE_RE: Final = re.compile(r"[我本](?:局|委|办|厅|院|中心|单位)(?![长级属])")


def _org_part(agency: str) -> str:
    """The agency's name without the places it starts with: 科学技术局."""
    return agency[sum(len(p) for p in agency_places(agency)) :]


def _same_agency(one: str, other: str) -> bool:
    """Whether two names are (likely) the same kind of agency: 科学技术局 and 科技局 share
    their first and last characters. Errs towards "the same" (then nothing is reported)."""
    a, b = _org_part(one.strip()), _org_part(other.strip())
    if not a or not b:
        return True
    return a == b or (a[0] == b[0] and a[-1] == b[-1])


def _old_agency(i: int, text: str, source: SourceLetter, home: Home, note: str) -> list[Finding]:
    """我局/本委 … in a paragraph another agency wrote: it speaks of that agency."""
    if not source.agency or source.kind != "reply" or _same_agency(source.agency, home.agency):
        return []
    return [
        Finding(
            "reuse_place",
            f"此段原是{source.agency}的答复，{quote(m.group())}指{source.agency}，"
            f"不是本单位（{home.agency}），请核对{note}",
            i,
            m.start(),
            m.end(),
            None,
        )
        for m in _WE_RE.finditer(text)
    ]


# ----------------------------------------------------------------------------------------------
# Names, numbers, titles


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", name)


def _old_names(
    i: int, text: str, source: SourceLetter, reply: ReplyFacts, note: str
) -> list[Finding]:
    current = {_name_key(p) for p in reply.proposers}
    out: list[Finding] = []
    for name in dict.fromkeys(_name_key(p) for p in source.proposers):
        if len(name) < 2 or name in current:
            continue
        for m in re.finditer(re.escape(name), text):
            out.append(
                Finding(
                    "reuse_name",
                    f"{quote(name)}是原答复的提出人，不是本件的提出人"
                    f"（{reply.addressee or '未填写'}），请改正{note}",
                    i,
                    m.start(),
                    m.end(),
                    reply.addressee or None,
                )
            )
    return out


_NUMBER_RE: Final = re.compile(
    r"第\s*(?P<a>[0-9０-９A-Za-z]{1,12})\s*号(?![令文])"
    r"|(?<![0-9A-Za-z〕\]）)])(?P<b>[0-9０-９]{1,12})\s*号\s*(?=建议|提案|议案)"
)


def _number_key(number: str) -> str:
    digits = number.translate(str.maketrans("０１２３４５６７８９", "0123456789")).strip()
    digits = digits.removeprefix("第").removesuffix("号").strip()
    return digits.lstrip("0") or digits


def _old_numbers(
    i: int, text: str, source: SourceLetter, reply: ReplyFacts, note: str
) -> list[Finding]:
    current = _number_key(reply.number) if reply.number else ""
    old = _number_key(source.proposal_number) if source.proposal_number else ""
    out: list[Finding] = []
    for m in _NUMBER_RE.finditer(text):
        group = "a" if m.group("a") is not None else "b"
        written = _number_key(m.group(group))
        if written == current or (text[max(0, m.start() - 1) : m.start()] in "〕]"):
            continue
        if not old and not current:
            continue
        was = "原答复的建议（提案）编号" if written == old else "与本件编号不符的编号"
        out.append(
            Finding(
                "reuse_proposal",
                f"{quote(m.group())}是{was}，本件是第{reply.number or '？'}号，请改正{note}",
                i,
                m.start(group),
                m.end(group),
                current or None,
            )
        )
    return out


_TITLE_RE: Final = re.compile(
    r"《(?P<a>[^《》\n]{2,120}?(?:建议|提案|议案))》|[“\"](?P<b>关于[^“”\"\n]{2,120}?(?:建议|提案))[”\"]"
)


def _title_key(title: str) -> str:
    return re.sub(r"[\s《》“”\"]", "", title)


def _old_titles(
    i: int, text: str, source: SourceLetter, reply: ReplyFacts, note: str
) -> list[Finding]:
    current = _title_key(reply.title)
    spans: list[tuple[int, int]] = []
    for m in _TITLE_RE.finditer(text):
        group = "a" if m.group("a") is not None else "b"
        spans.append(m.span(group))
    old = _title_key(source.proposal_title or "")
    if len(old) >= 6:
        spans.extend(m.span() for m in re.finditer(re.escape(old), text))
    out: list[Finding] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        written = text[start:end]
        if _title_key(written) == current or any(f.start <= start and end <= f.end for f in out):
            continue
        out.append(
            Finding(
                "reuse_proposal",
                f"{quote(written)}是原答复所答的建议（提案）标题，不是本件的标题，请改正{note}",
                i,
                start,
                end,
                current or None,
            )
        )
    return out
