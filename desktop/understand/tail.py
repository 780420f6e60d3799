"""Step 2, the tail of a letter: the signature (agency and date), and the lines after it —
contact, copy-to, disclosure, printing lines — until a site footer or unrelated text ends the
page. A date that lost its 年月日 is read when its digits admit one date. ``roles.assign_roles``
calls ``mark_tail``; ``docs/segmentation.md`` 3.2 (pass 4)."""

from __future__ import annotations

import re
from datetime import date

from desktop.dates import find_dates
from desktop.understand import patterns as P
from desktop.understand.headings import heading_level
from desktop.understand.lines import Layout, Line

_SENTENCE_PUNCT = "。！？；!?;"


def has_sentence(text: str) -> bool:
    return any(ch in text for ch in _SENTENCE_PUNCT)


def date_only(text: str) -> str | None:
    """The date when ``text`` is nothing but a date (in brackets or with a full stop at most)."""
    if len(text) > 40:
        return None
    found = find_dates(text)
    if len(found) != 1:
        return None
    start, end, iso = found[0]
    rest = (text[:start] + text[end:]).strip(" \t\u3000()（）。.")
    return iso if not rest else None


def _above_date(line: Line) -> bool:
    """A short line without punctuation right above the signature date: the agency, even when
    its name lost its last characters ("仙桃市住房和城市更新")."""
    f = line.folded.replace(" ", "")
    return (
        line.role == "body"
        and 4 <= len(f) <= 30
        and not any(ch in f for ch in "，。：:；;！？、,")
        and not any(ch.isdigit() for ch in f)
        and heading_level(line.text) in (0, None)
        and not P.CLOSING.search(f)
        and not P.THANKS.search(f)
    )


def _sign_off(text: str) -> bool:
    """ "此致敬礼", "敬礼！": a sign-off that may stand inside the signature block."""
    return len(text) <= 8 and bool(re.match(r"^(?:此致|敬礼|此致敬礼)[！!。]?$", text))


def _damaged_date(text: str) -> bool:
    """A signature date that lost characters: "20246月14", "0二十六日", "2021 9 8"."""
    s = text.replace(" ", "")
    return (
        4 <= len(s) <= 14
        and all(ch.isdigit() or ch in "年月日号〇零一二三四五六七八九十" for ch in s)
        and sum(ch.isdigit() for ch in s) >= 1
        and (any(ch in s for ch in "年月日号") or s.isdigit())
    )


def _signature_date(text: str) -> bool:
    if date_only(text) or loose_date(text):
        return True
    if "|" in text:
        parts = [p.strip() for p in text.split("|") if p.strip()]
        return any(date_only(p) or loose_date(p) for p in parts)
    found = find_dates(text) if len(text) <= 60 else []
    if len(found) == 1:
        start, end, _iso = found[0]
        before = text[:start].strip()
        return not text[end:].strip(" 。.") and bool(P.AGENCY.match(before.replace(" ", "")))
    return False


def loose_date(text: str) -> str | None:
    """A date whose 年月日 were lost ("2025610", "2023 5 31"): read only when the digits admit
    exactly one real date."""
    s = text.strip(" ()（）。.")
    if not (6 <= len(s) <= 10) or not s.replace(" ", "").isdigit():
        return None
    digits = s.replace(" ", "")
    if len(digits) not in (6, 7, 8):
        return None
    year, rest = int(digits[:4]), digits[4:]
    if not 1990 <= year <= 2099:
        return None
    options = set()
    for cut in range(1, len(rest)):
        m, d = rest[:cut], rest[cut:]
        if len(m) > 2 or len(d) > 2 or (len(m) == 2 and m[0] == "0" and len(rest) < 4):
            continue
        iso = _real_date(year, int(m), int(d))
        if iso:
            options.add(iso)
    if " " in s:
        parts = s.split()
        if len(parts) == 2 and parts[0] == str(year):
            options = {o for o in options if o.endswith(parts[1][-2:].rjust(2, "0"))} or options
    return options.pop() if len(options) == 1 else None


def _real_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _agency_line(text: str) -> bool:
    t = text.replace(" ", "").replace("\u3000", "")
    if P.AGENCY.match(t):
        return True
    parts = text.split()
    return len(parts) > 1 and all(P.AGENCY.match(p) for p in parts)


def tail_meta(line: Line) -> str | None:
    """The role of a metadata line that may stand after (or just before) the signature."""
    f = line.folded
    if len(f) > 120:
        return None
    if line.role == "portal" and line.portal_key in ("contact_name", "contact_phone"):
        return "contact"
    if line.role == "portal":
        return "portal"
    if P.CONTACT_START.match(f) or (
        len(f) <= 60 and P.CONTACT_NAME.search(f) and P.CONTACT_PHONE.search(f)
    ):
        return "contact"
    if P.COPY_TO.match(f):
        return "copy_to"
    if P.DISCLOSURE.match(f) or P.SIGNER.match(f):
        return "disclosure"
    if P.CATEGORY.match(f):
        return "category"
    if P.AFTER_SIGNATURE.match(f):
        return "after_signature"
    if P.DOC_NUMBER.match(f):
        return "doc_number"
    return None


def mark_tail(lines: list[Line], layout: Layout) -> None:
    """Find the signature: the first signature date after the text, or, without a date, the
    agency line at the end; everything after it is tail."""
    lo = (layout.start or 0) + 1
    date_at = _signature_date_at(lines, lo)
    if date_at is not None:
        layout.signature = _signature_with_date(lines, lo, date_at)
        tail_from = date_at + 1
    else:
        tail_from = _signature_without_date(lines, layout, lo)
    layout.tail = layout.signature if layout.signature is not None else tail_from
    _after_signature(lines[tail_from:])


def _signature_date_at(lines: list[Line], lo: int) -> int | None:
    for i in range(lo, len(lines)):
        line = lines[i]
        if line.role in ("furniture", "portal"):
            continue
        if len(line.folded) <= 60 and (_signature_date(line.folded) or _damaged_date(line.folded)):
            return i
    return None


def _signature_with_date(lines: list[Line], lo: int, date_at: int) -> int:
    """The date (signature-date) and the agency line(s) just above it (signature-agency, or
    above-date for a damaged name); where the signature block starts."""
    lines[date_at].set("date", "signature-date")
    sig, k = _agency_above(lines, lo, date_at)
    if sig == date_at and k >= lo and _above_date(lines[k]):
        lines[k].set("agency", "above-date")
        sig = k
    return sig


def _agency_above(lines: list[Line], lo: int, date_at: int) -> tuple[int, int]:
    """Agency, 签发人 and sign-off lines above the date: (the first of them, the line above)."""
    sig = date_at
    k = date_at - 1
    while k >= lo and (
        lines[k].role == "furniture"
        or _agency_line(lines[k].folded)
        or P.SIGNER.match(lines[k].folded)
        or _sign_off(lines[k].folded)
    ):
        if _sign_off(lines[k].folded):
            lines[k].set("closing", "sign-off-in-signature")  # 某局 / 此致敬礼 / date
        elif lines[k].role != "furniture":
            lines[k].set("agency", "signature-agency")
            sig = k
        k -= 1
    return sig, k


def _signature_without_date(lines: list[Line], layout: Layout, lo: int) -> int:
    """Without a date, the signature is the first agency line after the last paragraph of text;
    without one, the tail is the metadata and furniture at the end. Where the tail starts."""
    n = len(lines)
    last_text = max(
        (
            i
            for i in range(lo, n)
            if lines[i].role == "body"
            and len(lines[i].folded) >= 60
            and has_sentence(lines[i].folded)
        ),
        default=lo,
    )
    for i in range(last_text + 1, n):
        if lines[i].role == "body" and _agency_line(lines[i].folded):
            lines[i].set("agency", "signature-agency")
            layout.signature = i
            return i + 1
    k = n
    while k > lo:
        line = lines[k - 1]
        if line.role == "furniture" or tail_meta(line):
            k -= 1
            continue
        break
    return k


def _after_signature(tail: list[Line]) -> None:
    """Metadata after the signature keeps its role (after-signature:…) until other text
    starts; that text and everything after a site footer is furniture."""
    seen_other = False
    footer = False
    for line in tail:
        if footer:
            line.set("furniture", "after-site-footer")
            continue
        if line.role in ("furniture",):
            # a site footer ends the page: its 联系电话 is the website's, not the letter's
            footer = bool(P.SITE_FOOTER_MARK.search(line.folded))
            continue
        role = tail_meta(line)
        if role == "portal":
            continue
        if (role and not seen_other) or (role and len(line.folded) <= 60):
            line.set(role, f"after-signature:{role}")
        else:
            seen_other = True
            line.set("furniture", "after-letter")


# -- body ------------------------------------------------------------------------------------
