"""What a search finds in a letter besides its paragraphs: the letter's title, the proposal's
title, number and session, the proposers and the headings — each a *field* with the text the
clerk sees, and the same text folded to simplified characters for matching.

One home for that knowledge: the library's ``letter_search`` table is filled from these
functions (the store registers them as SQL functions its triggers call, see
desktop/store/letter_search.py), and a letter hit shows the texts made here, so what is matched
is what is shown. See docs/search.md (*Letter hits*).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from desktop.fold import to_simplified
from desktop.normalize import normalize_text

# The fields in the order a letter hit lists them (the most telling first).
FIELDS = ("proposal_title", "title", "heading", "proposal_number", "session", "proposer")
FIELD_ZH = {
    "proposal_title": "建议/提案",
    "title": "标题",
    "heading": "小标题",
    "proposal_number": "编号",
    "session": "会议",
    "proposer": "提出人",
}
# Between two fields in the stored text: a query term never holds a line break (terms are cut
# at white space), so no term matches across two fields.
FIELD_BREAK = "\n"
_NUMBER_MARKS = re.compile(r"[第号號\s]")


def number_text(number: str | None) -> str:
    """The proposal's number as a clerk writes it: ``35`` → ``第35号``; ``台52`` → ``台52号``
    (a delegation's prefix stays in front); a number already written out stays as it is."""
    value = (number or "").strip()
    if not value:
        return ""
    if value.startswith("第") or value.endswith(("号", "號")):
        return value
    return f"第{value}号" if value.isdigit() else f"{value}号"


def number_key(number: str | None) -> str:
    """What the number filter compares: without 第/号, folded, upper case, and a number of
    digits alone without its leading zeros (``第035号``, ``35`` and ``035`` are one number;
    ``台52`` stays ``台52``)."""
    value = _NUMBER_MARKS.sub("", to_simplified(normalize_text(number or ""))).upper()
    if value.isdigit() and value.isascii():
        return str(int(value))
    return value


def proposer_names(addressee: str | Sequence[str] | None) -> list[str]:
    """The proposers' names from the ``addressee`` column (a JSON list) or a list."""
    if isinstance(addressee, str):
        try:
            addressee = json.loads(addressee or "[]")
        except ValueError:
            return []
    if not isinstance(addressee, list | tuple):
        return []
    return [str(n).strip() for n in addressee if str(n).strip()]


def proposer_text(addressee: str | Sequence[str] | None) -> str:
    return "、".join(proposer_names(addressee))


def letter_fields(
    title: str | None,
    proposal_title: str | None,
    proposal_number: str | None,
    session: str | None,
    addressee: str | Sequence[str] | None,
    headings: Sequence[str] = (),
) -> list[tuple[str, str]]:
    """The letter's searchable fields as (field name, text shown), in :data:`FIELDS` order;
    empty fields are left out, each heading is a field of its own. The values as stored
    (the parser stores them normalized, desktop/normalize.py; normalizing each again at every
    search would cost 50 µs a field)."""
    values = {
        "proposal_title": (proposal_title or "").strip(),
        "title": (title or "").strip(),
        "proposal_number": number_text(proposal_number),
        "session": (session or "").strip(),
        "proposer": proposer_text(addressee),
    }
    out: list[tuple[str, str]] = []
    for name in FIELDS:
        if name == "heading":
            out.extend(("heading", h) for h in (x.strip() for x in headings) if h)
        elif values[name]:
            out.append((name, values[name]))
    return out


def fields_search_text(
    title: str | None,
    proposal_title: str | None,
    proposal_number: str | None,
    session: str | None,
    addressee: str | None,
) -> str:
    """``letter_search.fields``: the letter's fields but its headings, folded to simplified
    characters, one a line (the headings come folded from their paragraphs)."""
    fields = letter_fields(title, proposal_title, proposal_number, session, addressee)
    return to_simplified(FIELD_BREAK.join(text for _name, text in fields))


def proposers_search_text(addressee: str | None) -> str:
    """``letter_search.proposers``: the names folded, one a line, for the proposer filter."""
    return to_simplified(FIELD_BREAK.join(proposer_names(addressee)))
