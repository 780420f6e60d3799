"""Step 3 of understanding: a reply's fields, read from the lines' roles, each with its source.

Every field records the line it came from and the rule that read it (``FieldSource``); a value
read by a fallback (the agency from the page's 来源 line, a date whose 年月日 were lost, the
proposal title from the page title) is marked uncertain so the window asks the clerk to confirm.
"""

from __future__ import annotations

import re

from desktop.dates import find_dates, parse_date
from desktop.model import FieldSource, ParsedLetter
from desktop.normalize import normalize_text
from desktop.understand import patterns as P
from desktop.understand.lines import Layout, Line
from desktop.understand.names import joint_count, salutation_names
from desktop.understand.patterns import IDEO, NAME_SPLIT, PERSON
from desktop.understand.roles import salutation_of
from desktop.understand.tail import date_only, loose_date
from desktop.understand.titles import title_number_session

# "余秀华9名代表": a count without 等.
_COUNTED_RE = re.compile(
    r"^(?P<who>.+?)等?\s*(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:名|位|人)$"
)


def _unit_role(who: str) -> str:
    """The role a salutation to a unit stands for: 委员 for a CPPCC group (not a 委员会),
    代表 for a deputies' group, else 单位."""
    if "委员" in who or "政协" in who:
        return "委员" if "委员会" not in who else "单位"
    if "代表" in who:
        return "代表"
    return "单位"


def _src(line: int | None, rule: str, certain: bool = True) -> FieldSource:
    return FieldSource(line, rule, certain)


class FieldReader:
    def __init__(self, lines: list[Line], layout: Layout, letter: ParsedLetter):
        self.lines = lines
        self.layout = layout
        self.letter = letter
        self.portal: dict[str, tuple[str, Line]] = {}
        for line in lines:
            if (
                line.role in ("portal", "contact")
                and line.portal_key
                and line.value
                and line.portal_key not in self.portal
            ):
                self.portal[line.portal_key] = (normalize_text(line.value), line)

    def set(
        self, name: str, value: object, line: Line | None, rule: str, certain: bool = True
    ) -> None:
        if value in (None, "", []):
            return
        if line is not None and line.folded != line.text and name in _PRINTED_FIELDS:
            value = _as_printed(value, line)
        setattr(self.letter, name, value)
        self.letter.sources[name] = _src(line.source if line else None, rule, certain)

    def has(self, name: str) -> bool:
        return name in self.letter.sources

    def role(self, *roles: str) -> list[Line]:
        return [line for line in self.lines if line.role in roles]

    # -- the fields ----------------------------------------------------------------------------

    def read(self) -> None:
        self.addressee()
        self.agency_and_date()
        self.category()
        self.doc_number()
        self.contact()
        self.organizers()
        title_number_session(self)
        self.role_from_wording()

    def addressee(self) -> None:
        letter = self.letter
        self.addressee_in_salutation()
        self.addressee_in_portal()
        self.cosigners()
        if letter.addressee and (letter.addressee_count or 0) < len(letter.addressee):
            letter.addressee_count = len(letter.addressee)
            self.letter.sources.setdefault("addressee_count", _src(None, "names-counted"))

    def addressee_in_salutation(self) -> None:
        """The names and the role in the salutation (the salutation line's rule)."""
        at = self.layout.salutation
        if at is None:
            return
        line = self.lines[at]
        nxt = next((ln.folded for ln in self.lines[at + 1 :] if ln.role != "furniture"), None)
        sal = salutation_of(line.folded, nxt)
        if not sal:
            return
        who, role = sal
        who = re.sub(r"^尊敬的?", "", who)
        if role == "单位":
            names, role = [who], _unit_role(who)
        else:
            names, role = self.people_in_salutation(who, role, line)
        self.set("addressee", names, line, line.rule)
        if role:
            self.set("addressee_role", role, line, line.rule)

    def people_in_salutation(
        self, who: str, role: str | None, line: Line
    ) -> tuple[list[str], str | None]:
        """The names of a salutation to people, and 代表 or 委员; N of 等N位 (joint-count)."""
        who = re.sub(r"(?:[省市县区镇乡])?(?:人大|政协)$", "", who)
        counted = _COUNTED_RE.match(who)
        if counted:
            who = counted.group("who") + "等" + counted.group("n") + "位"
        names, joint = salutation_names(who)
        count = joint_count(who) if joint else None
        if count:
            self.set("addressee_count", count, line, "joint-count")
        return names, role if role in ("代表", "委员") else None

    def addressee_in_portal(self) -> None:
        """A portal's 代表姓名 field: the names when the salutation gave none, else a count."""
        if "addressee" not in self.portal:
            return
        letter = self.letter
        value, line = self.portal["addressee"]
        names = [n for n in NAME_SPLIT.split(value) if PERSON.match(n)]
        if not letter.addressee:
            self.set("addressee", names, line, "portal-label:addressee")
        elif len(names) > (letter.addressee_count or 0) and names[0] == letter.addressee[0]:
            self.set("addressee_count", len(names), line, "portal-label:addressee")

    def cosigners(self) -> None:
        """附议 / 联名 names join the addressees."""
        letter = self.letter
        for line in self.role("cosigner"):
            m = P.COSIGNER.match(line.folded)
            if m:
                extra = [n for n in NAME_SPLIT.split(m.group(1)) if PERSON.match(n)]
                letter.addressee.extend(n for n in extra if n not in letter.addressee)

    def agency_and_date(self) -> None:
        dates = self.role("date")
        if dates:
            self.signature_date(dates[0])
        if self.letter.reply_date is None and "date" in self.portal:
            value, line = self.portal["date"]
            self.set("reply_date", parse_date(value), line, "portal-label:date")
        if not self.has("agency"):
            self.signature_agency()
        if not self.has("agency"):
            self.agency_in_head()
        # An online handling system's 主办单位 / 承办单位 is the unit that answers.
        for key in ("main", "organizers"):
            if not self.has("agency") and key in self.portal:
                value, line = self.portal[key]
                self.set("agency", value, line, f"portal-label:{key}")
        # The page's 来源 / 发布机构 line and 联系单位 name who published or who to call, not who
        # answered (a county government publishes its bureaus' replies): not read as the agency.

    def signature_date(self, line: Line) -> None:
        """The signature's date (signature-date) and an agency printed before it on the same
        line (signature-agency); a date without 年月日 is only offered (date-without-marks)."""
        text = line.folded
        found = find_dates(text)
        iso = date_only(text) or (found[-1][2] if found else None)
        if not iso:
            self.date_without_marks(line)
            return
        self.set("reply_date", iso, line, "signature-date")
        before = text[: found[-1][0]].strip(" |") if found else ""
        if before and P.AGENCY.match(before.replace(" ", "")):
            self.set("agency", before.replace(" ", ""), line, "signature-agency")

    def date_without_marks(self, line: Line) -> None:
        iso = loose_date(line.folded)
        published = self._published()
        if iso and (published is None or iso <= published):
            # Offered, not stored: the reply date sets the letter's year, which every
            # stale-fact warning compares with; the clerk takes it with one click.
            self.letter.sources["reply_date"] = FieldSource(
                line.source, "date-without-marks", False, suggestion=iso
            )

    def signature_agency(self) -> None:
        """The agency line of the signature block (its first word when it names several)."""
        for line in self.role("agency"):
            if line.rule in ("signature-agency", "above-date"):
                parts = line.folded.split()
                self.set("agency", parts[0] if parts else line.folded, line, "signature-agency")
                return

    def agency_in_head(self) -> None:
        """The agency a title starts with (AGENCY_IN_TITLE), else the letterhead."""
        for line in self.role("title", "doc_number", "agency"):
            m = P.AGENCY_IN_TITLE.match(line.folded.replace(" ", ""))
            if m:
                self.set("agency", m.group("unit"), line, "AGENCY_IN_TITLE")
                return
            if line.role == "agency":
                self.set("agency", line.folded.replace(" ", ""), line, "letterhead")
                return

    def _published(self) -> str | None:
        for line in self.lines:
            if line.role == "furniture" and ("发布" in line.folded or "日期" in line.folded):
                iso = parse_date(line.folded)
                if iso:
                    return iso
        return None

    def category(self) -> None:
        for line in self.role("doc_number"):
            m = P.DOC_NUMBER.match(line.folded)
            rest = m.group("rest").strip() if m else ""
            cm = P.CATEGORY.match(rest) if rest else None
            if cm:
                self.set("category", cm.group(1).upper(), line, "CATEGORY-after-doc-number")
                return
        for line in self.role("category"):
            m = P.CATEGORY.match(line.folded)
            if m:
                self.set("category", m.group(1).upper(), line, "CATEGORY")
                return
        for line in self.role("doc_number", "title"):
            m = P.CATEGORY_IN_LINE.search(line.folded)
            if m:
                cat = (m.group("cat") or m.group("cat2")).upper()
                self.set("category", cat, line, "CATEGORY_IN_LINE")
                return
        if "category" in self.portal:
            value, line = self.portal["category"]
            m = P.CATEGORY.match(value)
            if m:
                self.set("category", m.group(1).upper(), line, "portal-label:category")

    def doc_number(self) -> None:
        for line in self.role("doc_number", "title"):
            f = line.folded
            m = P.DOC_NUMBER.match(f) or P.DOC_NUMBER.search(f)
            if m is None:
                m2 = re.search(
                    r"[\[〔【(（]\s*(?P<dn>[" + IDEO + r"]{1,15}\s*[〔\[【(（]\s*(?:19|20)\d{2}"
                    r"\s*[〕\]】)）]\s*第?\s*\d{1,5}\s*号)",
                    f,
                )
                if m2:
                    self.set("doc_number", re.sub(r"\s+", "", m2.group("dn")), line, "DOC_NUMBER")
                    return
                if line.role == "doc_number":
                    m = P.DOC_NUMBER_LOOSE.match(f)
                if m is None:
                    continue
            self.set(
                "doc_number",
                re.sub(r"\s+", "", m.group("dn")),
                line,
                "DOC_NUMBER" if line.rule == "DOC_NUMBER" else line.rule,
                certain=line.rule != "DOC_NUMBER_LOOSE",
            )
            return
        if "doc_number" in self.portal:
            value, line = self.portal["doc_number"]
            self.set("doc_number", value, line, "portal-label:doc_number")

    def contact(self) -> None:
        contacts = self.role("contact")
        named = [ln for ln in contacts if P.CONTACT_NAME.search(ln.folded)]
        if named:
            line = named[0]
            name = P.CONTACT_NAME.search(line.folded)
            assert name is not None
            self.set("contact_name", name.group("name").replace(" ", ""), line, "CONTACT_NAME")
            # the phone on the same line, else on the next contact line
            at = contacts.index(line)
            contacts = contacts[at:] + contacts[:at]
        for line in contacts:
            phone = _phone_in(line.folded)
            if phone:
                self.set("contact_phone", phone, line, "CONTACT_PHONE")
                break

    def organizers(self) -> None:
        letter = self.letter
        self.organizer_lines()
        for key in ("main", "organizers"):
            if key in self.portal:
                letter.main_organizer = letter.main_organizer or self.portal[key][0]
        if "co" in self.portal:
            for unit in NAME_SPLIT.split(self.portal["co"][0]):
                if unit and unit not in letter.co_organizers:
                    letter.co_organizers.append(unit)
        if letter.addressee_role == "单位" and letter.addressee:
            self.opinion_to_a_unit()

    def organizer_lines(self) -> None:
        """主办： / 协办： lines in the letter (ORGANIZER)."""
        letter = self.letter
        for line in self.role("organizer"):
            m = P.ORGANIZER.match(line.folded)
            if not m:
                continue
            units = [u for u in NAME_SPLIT.split(m.group(2).rstrip("。")) if u]
            if m.group(1) == "主办":
                letter.main_organizer = letter.main_organizer or "、".join(units)
            else:
                letter.co_organizers.extend(u for u in units if u not in letter.co_organizers)

    def opinion_to_a_unit(self) -> None:
        """A co-organizer's opinion is addressed to the main organizer; the agency co-organizes."""
        letter = self.letter
        letter.main_organizer = letter.main_organizer or letter.addressee[0]
        if not letter.co_organizers and letter.agency:
            letter.co_organizers.append(letter.agency)

    def role_from_wording(self) -> None:
        letter = self.letter
        if letter.addressee_role:
            return
        wording = "".join(ln.folded for ln in self.role("title", "acknowledgement"))
        wording += self.portal.get("title", ("", None))[0]
        if "提案" in wording or "政协" in wording:
            self.set("addressee_role", "委员", None, "wording-提案", certain=False)
        elif "建议" in wording or "议案" in wording or "人大" in wording:
            self.set("addressee_role", "代表", None, "wording-建议", certain=False)
        for line in self.lines:
            if line.portal_key in ("addressee", "number") and not letter.addressee_role:
                label = line.portal_label
                if "提案" in label or "委员" in label:
                    self.set("addressee_role", "委员", line, "portal-label")
                elif "建议" in label or "代表" in label:
                    self.set("addressee_role", "代表", line, "portal-label")


# Fields kept as the letter prints them (a role, a date or a category is a value of its own).
_PRINTED_FIELDS = frozenset(
    {
        "addressee",
        "agency",
        "proposal_title",
        "proposal_number",
        "session",
        "doc_number",
        "contact_name",
        "main_organizer",
    }
)


def _as_printed(value: object, line: Line) -> object:
    """A value read from the folded (simplified) text, as the line prints it: a letter in
    traditional characters keeps its fields in traditional characters. Folding keeps every
    character's place, so the value's place in the folded text is its place in the text."""
    if isinstance(value, list):
        return [_as_printed(v, line) for v in value]
    if not isinstance(value, str) or len(line.folded) != len(line.text):
        return value
    at = line.folded.find(value)
    return line.text[at : at + len(value)] if at >= 0 else value


def _phone_in(text: str) -> str | None:
    m = P.CONTACT_PHONE.search(text)
    phone = _phone(m.group(1)) if m else None
    if not phone:
        m2 = P.CONTACT_PHONE_BARE.search(text)
        phone = _phone(m2.group(1)) if m2 else None
    return phone


def _phone(raw: str | None) -> str | None:
    if not raw:
        return None
    phone = raw.translate(str.maketrans("０１２３４５６７８９－—–", "0123456789---"))
    phone = re.sub(r"\s+", "", phone).strip("-/、")
    phone = re.sub(r"-{2,}", "-", phone)
    return phone if sum(ch.isdigit() for ch in phone) >= 5 else None


def read_fields(lines: list[Line], layout: Layout, letter: ParsedLetter) -> None:
    FieldReader(lines, layout, letter).read()
