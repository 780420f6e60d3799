"""Understanding one document: reply letter or reference material, metadata and ordered blocks.

``parse_letter(lines)`` takes the paragraphs a reader produced (a table row is one line with its
cells joined by `` | ``) and returns a ``ParsedLetter``. The steps, in order:

1. **Collect**: table rows are read as portal label/value cells (``提案号: | 277``); web-page
   noise lines are dropped; every remaining piece is split into real paragraphs
   (``split_paragraphs``), because web text runs many paragraphs together on one line.
2. **Decide the kind**: a reply has a salutation to deputies/members or a unit followed by
   reply-like text, or a portal answer field. Everything else is reference material.
3. **Reply**: head lines (title, category, document number) and tail lines (signature, date,
   contact, copy-to) become metadata; the rest is split into greeting / status / plan /
   closing blocks.
4. **Reference**: title, then every paragraph as a ``body`` block.

The noise and run-on rules live in ``desktop/paragraph_split.py``, the metadata patterns in
``desktop/letter_fields.py``; this module holds the headings, the section rules and the parser.
``docs/segmentation.md`` describes the rules. Every regular expression here is linear (anchored,
bounded or free of nested quantifiers) and the heavy per-line checks only run on short lines, so
a 50 MB line is parsed in seconds, and a typical letter in about a millisecond.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.dates import find_dates, parse_date
from desktop.letter_fields import (
    _AGENCY_RE,
    _CATEGORY_RE,
    _CONTACT_NAME_RE,
    _CONTACT_PHONE_RE,
    _COPY_TO_RE,
    _COSIGNER_RE,
    _DOC_NO_RE,
    _IDEO,
    _NAME_SPLIT_RE,
    _NUMBER_RE,
    _ORGANIZER_LINE_RE,
    _PERSON_RE,
    _PUBLICITY_RE,
    _REPLY_HINT_RE,
    _SALUTATION_RE,
    _SIGNER_RE,
    _TITLE_END_RE,
    _UNIT_SALUTATION_RE,
    _clean_title,
    _date_only,
    _joint_count,
    _label_of,
    _Portal,
    _proposal_title_in,
    _proposal_title_in_line,
    _salutation_names,
    _session_in,
)
from desktop.model import Block, ParsedLetter
from desktop.normalize import normalize_text
from desktop.paragraph_split import (
    _CN,
    _CONTACT_START_RE,
    _INLINE_NOISE_RE,
    cap_paragraph,
    is_noise_line,
    split_paragraphs,
)

__all__ = ["heading_level", "is_noise_line", "parse_letter", "split_paragraphs"]


# --------------------------------------------------------------------------------------------
# Sections and headings

_L1_RE = re.compile(rf"^[{_CN}]{{1,3}}\s*、")
_L2_RE = re.compile(rf"^[（(]\s*[{_CN}]{{1,3}}\s*[）)]")
_L3_RE = re.compile(r"^\d{1,2}\s*[、.．](?!\d)")
_L4_RE = re.compile(r"^[（(]\s*\d{1,2}\s*[）)]")
_SENTENCE_PUNCT_RE = re.compile(r"[。！？；!?;]")
_ANY_PUNCT_RE = re.compile(r"[。，、；：！？,;:!?“”\"《》]")
_ACK_RE = re.compile(
    r"收悉|函悉|感谢|答复如下|如下答复|答复意见|现答复|现将.{0,30}(?:答复|函复|报告)|现就.{0,30}答复"
    r"|高度重视|认真研究"
)
_ACK_MORE_RE = re.compile(
    r"收悉|函悉|答复如下|如下答复|现答复|现将.{0,30}(?:答复|函复)|现就.{0,30}答复|现给予.{0,10}答复"
)
_CLOSING_RE = re.compile(
    r"衷心感谢|再次感谢|感谢您|谢谢您|欢迎.{0,6}(?:继续|提出|多提|批评)|(?:请|望|希望|期望)您.{0,3}继续"
    r"|宝贵意见|专此(?:答复|函复)|特此(?:答复|函复|复函)|^此复|征询意见表|意见反馈表|反馈意见表|满意度"
    r"|敬请|请.{0,6}反馈|期望您|希望您继续|恳请"
)
_PLAN_HEADING_RE = re.compile(
    r"下一步|下步|今后|打算|工作计划|下阶段|下一阶段|努力方向|工作思路|工作设想"
    r"|工作安排|将采取|计划"
)
_STATUS_HEADING_RE = re.compile(
    r"现状|主要工作|办理情况|基本情况|开展情况|工作情况|进展|成效|做法|落实情况"
    r"|采取的|取得|已经|已"
)
_PLAN_PARA_RE = re.compile(r"^(?:下一步|下步|今后|下阶段|下一阶段|接下来|未来|明年)")
_PLAN_INTRO_RE = re.compile(r"将[^。！？]{0,40}(?:以下|如下)[^。！？]{0,20}[：:]$")


def heading_level(text: str) -> int | None:
    """1–4 for a numbered heading (一、 / （一） / 1. / （1）), 0 for a short unnumbered heading
    line, None for an ordinary paragraph. ``text`` should be normalized."""
    if len(text) > 45:
        return None
    for level, pattern in ((1, _L1_RE), (2, _L2_RE), (4, _L4_RE), (3, _L3_RE)):
        if pattern.match(text):
            body = text.rstrip("：:")
            return None if _SENTENCE_PUNCT_RE.search(body) else level
    if (
        len(text) <= 30
        and not _ANY_PUNCT_RE.search(text)
        and re.search(f"[{_IDEO}]", text)
        and not _CLOSING_RE.search(text)
    ):
        return 0
    return None


# --------------------------------------------------------------------------------------------
# The parser


@dataclass
class _Frag:
    original: str
    text: str  # normalized


_WHITESPACE_RE = re.compile(r"\s+")


def _squash(text: str) -> str:
    """``paragraph_key`` for text that is already normalized."""
    return _WHITESPACE_RE.sub("", text)


class _Parser:
    def __init__(self, lines: list[str]):
        self.lines = lines
        self.portal = _Portal()
        self.frags: list[_Frag] = []
        self.answer_start: int | None = None
        self.noise_dates: list[str] = []
        self.body_started = False
        self.cosigners: list[str] = []
        self.signature_date: str | None = None
        self.letter = ParsedLetter(kind="reference")

    # -- collecting --------------------------------------------------------------------------

    def collect(self) -> None:
        for raw in self.lines:
            if not isinstance(raw, str):
                continue
            line = _INLINE_NOISE_RE.sub("", raw.replace("\r", " ").replace("\n", " ")).strip()
            if not line:
                continue
            if "|" in line:
                cells = [c.strip() for c in line.split("|")]
                self._read_cells([c for c in cells if c])
                continue
            if (
                not self.body_started
                and len(line) <= 300
                and _label_of(line, table=False)[0] is not None
            ):
                self._read_cells([line])
                continue
            self._add_piece(line)

    def _read_cells(self, cells: list[str]) -> None:
        """Read one table row: label/value pairs fill portal fields, other cells are text.

        Inside the reply text, a row of plain cells (a data table) stays one paragraph with its
        cells joined by " | "; before it, each plain cell is a piece of its own.
        """
        i = 0
        plain: list[str] = []
        while i < len(cells):
            cell = cells[i]
            key, value = _label_of(cell, table=True, strict=self.body_started)
            if key is None:
                plain.append(cell)
                i += 1
                continue
            self._add_plain_cells(plain)
            plain = []
            label = cell
            if (
                not value
                and key != "answer"
                and i + 1 < len(cells)
                and _label_of(cells[i + 1], table=True, strict=self.body_started)[0] is None
            ):
                value = cells[i + 1]
                i += 1
            i += 1
            if key == "answer":
                self.portal.has_answer = True
                self.body_started = True
                if self.answer_start is None:
                    self.answer_start = len(self.frags)
                for piece in ([value] if value else []) + cells[i:]:
                    self._add_piece(piece)
                return
            self.portal.set(key, value, label)
        self._add_plain_cells(plain)

    def _add_plain_cells(self, cells: list[str]) -> None:
        if self.body_started and len(cells) > 1:
            self._add_piece(" | ".join(cells))
        else:
            for cell in cells:
                self._add_piece(cell)

    def _add_piece(self, piece: str) -> None:
        if is_noise_line(piece):
            self._note_noise_date(piece)
            return
        parts = split_paragraphs(piece)
        for part in parts:
            if len(parts) > 1 and is_noise_line(part):
                self._note_noise_date(part)
                continue
            text = normalize_text(part)
            if not text:
                continue
            if self.frags and _squash(text) == _squash(self.frags[-1].text):
                continue  # the same line twice in a row (page title repeated)
            self.frags.append(_Frag(part, text))
            if not self.body_started and len(text) <= 45 and self._salutation(text):
                self.body_started = True

    def _note_noise_date(self, line: str) -> None:
        if len(line) <= 200:
            found = find_dates(line)
            if found:
                self.noise_dates.append(found[0][2])

    # -- salutation and kind -----------------------------------------------------------------

    @staticmethod
    def _salutation(text: str) -> tuple[list[str], str | None, bool] | None:
        """(names, role, joint) for a salutation line, else None. Role "单位" for a unit."""
        if len(text) > 45:
            return None
        m = _SALUTATION_RE.match(text)
        if m:
            names, joint = _salutation_names(m.group("who"))
            role = m.group("role")
            return names, role if role in ("代表", "委员") else None, joint
        m = _UNIT_SALUTATION_RE.match(text)
        if m and not m.group("unit").endswith(("代表", "委员")):
            return [m.group("unit")], "单位", False
        return None

    def _find_salutation(self) -> int | None:
        start = self.answer_start or 0
        for i in range(start, min(len(self.frags), start + 12)):
            text = self.frags[i].text
            if self._salutation(text):
                return i
            if len(text) > 100:
                break
        return None

    # -- parse -------------------------------------------------------------------------------

    def parse(self) -> ParsedLetter:
        self.collect()
        sal = self._find_salutation()
        reply = False
        if sal is not None:
            names, role, _joint = self._salutation(self.frags[sal].text) or ([], None, False)
            following = " ".join(f.text for f in self.frags[sal + 1 : sal + 4])
            if (names or role == "单位") and _REPLY_HINT_RE.search(following):
                reply = True
            else:
                sal = None
        if reply or self.portal.has_answer:
            self._parse_reply(sal)
        else:
            self._parse_reference()
        return self.letter

    # -- reply -------------------------------------------------------------------------------

    def _parse_reply(self, sal: int | None) -> None:
        letter = self.letter
        letter.kind = "reply"
        frags = self.frags
        head_end = sal if sal is not None else (self.answer_start or 0)
        body_start = head_end + 1 if sal is not None else head_end
        leading = self._read_head(frags[:head_end])

        if sal is not None:
            names, role, joint = self._salutation(frags[sal].text) or ([], None, False)
            letter.addressee = names
            letter.addressee_role = role
            m = _SALUTATION_RE.match(frags[sal].text)
            count = _joint_count(m.group("who")) if joint and m else None
            letter.addressee_count = count or len(names) or None
        tail_start = self._read_tail(body_start)

        middle: list[_Frag] = []
        for frag in frags[body_start:tail_start]:
            if not self._body_meta(frag.text):
                middle.append(frag)
        blocks = [Block(f.text, f.original, "body") for f in leading]
        if sal is not None:
            blocks.append(Block(frags[sal].text, frags[sal].original, "greeting"))
        blocks.extend(self._sections(middle))
        letter.blocks = blocks
        self._finish_reply_metadata()

    def _read_head(self, head: list[_Frag]) -> list[_Frag]:
        """Take metadata out of the lines before the salutation; return what is left as text."""
        letter = self.letter
        leftover: list[_Frag] = []
        title_parts: list[str] = []
        for frag in head:
            text = frag.text
            if len(text) > 120:
                leftover.append(frag)
                continue
            m = _CATEGORY_RE.match(text)
            if m:
                letter.category = letter.category or m.group(1).upper()
                continue
            m = _DOC_NO_RE.match(text)
            if m:
                letter.doc_number = letter.doc_number or normalize_text(
                    re.sub(r"\s+", "", m.group("dn"))
                )
                rest = m.group("rest").strip()
                cm = _CATEGORY_RE.match(rest) if rest else None
                if cm:
                    letter.category = letter.category or cm.group(1).upper()
                continue
            if _SIGNER_RE.match(text) or _PUBLICITY_RE.match(text) or self._cosigners(text):
                continue
            if _AGENCY_RE.match(text) or text.endswith("文件"):
                continue  # letterhead
            title_open = not title_parts or not _TITLE_END_RE.search(title_parts[-1])
            if title_open and len(text) <= 80 and not _SENTENCE_PUNCT_RE.search(text):
                title_parts.append(text)
                continue
            if len(text) > 40:
                leftover.append(frag)
            # a short unrecognized head line (letterhead, stamp note) is dropped
        if title_parts:
            letter.title = "".join(title_parts)
        return leftover

    def _cosigners(self, text: str) -> bool:
        m = _COSIGNER_RE.match(text)
        if not m:
            return False
        names = [n for n in _NAME_SPLIT_RE.split(m.group(1)) if _PERSON_RE.match(n)]
        self.cosigners.extend(names)
        return True

    def _read_tail(self, lo: int) -> int:
        """Take the signature, date, contact, copy-to lines off the end; return where they begin."""
        frags = self.frags
        k = len(frags)
        for j in range(max(lo, k - 10), k):
            if _COPY_TO_RE.match(frags[j].text):
                for frag in frags[j + 1 :]:
                    self._contact(frag.text)
                k = j
                break
        while k > lo:
            text = frags[k - 1].text
            if len(text) > 60 or not self._tail_meta(text):
                break
            k -= 1
        return k

    def _tail_meta(self, text: str) -> bool:
        letter = self.letter
        if "|" in text:  # a signature table row: "南通市科学技术局 | 2017年6月29日"
            parts = [p.strip() for p in text.split("|") if p.strip()]
            return bool(parts) and all(self._tail_meta(p) for p in parts)
        if self._contact(text) or _PUBLICITY_RE.match(text) or _SIGNER_RE.match(text):
            return True
        iso = _date_only(text)
        if iso:
            self.signature_date = iso
            return True
        found = find_dates(text)
        if len(found) == 1:
            start, end, iso = found[0]
            before = text[:start].strip()
            if not text[end:].strip(" 。.") and _AGENCY_RE.match(before.replace(" ", "")):
                letter.agency = before
                self.signature_date = iso
                return True
            return False
        parts = text.split()
        if parts and all(_AGENCY_RE.match(p) for p in parts):
            letter.agency = "、".join(parts)
            return True
        return False

    def _contact(self, text: str) -> bool:
        if len(text) > 80 or not _CONTACT_START_RE.match(text):
            return False
        letter = self.letter
        m = _CONTACT_NAME_RE.search(text)
        if m and not letter.contact_name:
            letter.contact_name = m.group(1)
        m = _CONTACT_PHONE_RE.search(text)
        if m and not letter.contact_phone:
            phone = m.group(1).translate(str.maketrans("０１２３４５６７８９－—–", "0123456789---"))
            letter.contact_phone = re.sub(r"\s+", "", phone).strip("-/、")
        return True

    def _body_meta(self, text: str) -> bool:
        """Metadata lines that can stand anywhere in the body (contact, organizers, co-signers)."""
        if self._contact(text) or self._cosigners(text):
            return True
        m = _ORGANIZER_LINE_RE.match(text) if len(text) <= 80 else None
        if m:
            units = [u for u in _NAME_SPLIT_RE.split(m.group(2).rstrip("。")) if u]
            if m.group(1) == "主办":
                self.letter.main_organizer = self.letter.main_organizer or "、".join(units)
            else:
                self.letter.co_organizers.extend(
                    u for u in units if u not in self.letter.co_organizers
                )
            return True
        return False

    def _sections(self, middle: list[_Frag]) -> list[Block]:
        n = len(middle)
        levels = [heading_level(f.text) for f in middle]
        # greeting: the acknowledgement paragraph(s) right after the salutation
        g = 0
        if n and levels[0] is None and _ACK_RE.search(middle[0].text):
            g = 1
            while (
                g < n
                and levels[g] is None
                and not middle[g - 1].text.endswith(("：", ":"))
                and _ACK_MORE_RE.search(middle[g].text)
            ):
                g += 1
        # closing: thanks, invitations, feedback forms at the end
        c = n
        while (
            c > g
            and levels[c - 1] in (None, 0)
            and len(middle[c - 1].text) <= 200
            and _CLOSING_RE.search(middle[c - 1].text)
        ):
            c -= 1
        numbered = [lv for lv in levels[g:c] if lv]
        top = min(numbered) if numbered else None
        blocks = [Block(f.text, f.original, "greeting") for f in middle[:g]]
        current = "status"
        plan_heading_seen = False
        for f, level in zip(middle[g:c], levels[g:c], strict=True):
            text = f.text
            if level is not None:
                if level == top or (level == 0 and top is None):
                    if _PLAN_HEADING_RE.search(text):
                        current, plan_heading_seen = "plan", True
                    elif _STATUS_HEADING_RE.search(text):
                        current = "status"
                    elif level != 0:
                        current = "plan" if plan_heading_seen else "status"
                blocks.append(Block(text, f.original, current, True))
                continue
            if _PLAN_PARA_RE.match(text) or _PLAN_INTRO_RE.search(text):
                current = "plan"
            blocks.append(Block(text, f.original, current))
        blocks.extend(Block(f.text, f.original, "closing") for f in middle[c:])
        return blocks

    def _finish_reply_metadata(self) -> None:
        letter = self.letter
        fields = self.portal.fields
        greeting_text = " ".join(b.text for b in letter.blocks[:4] if b.section == "greeting")
        title = letter.title or ""

        # addressee and role
        if not letter.addressee and "addressee" in fields:
            letter.addressee = [n for n in _NAME_SPLIT_RE.split(fields["addressee"]) if n]
        for name in self.cosigners:
            if name not in letter.addressee:
                letter.addressee.append(name)
        if letter.addressee and (letter.addressee_count or 0) < len(letter.addressee):
            letter.addressee_count = len(letter.addressee)
        if letter.addressee_role is None:
            wording = title + greeting_text + fields.get("title", "")
            if "提案" in wording:
                letter.addressee_role = "委员"
            elif "建议" in wording or "议案" in wording:
                letter.addressee_role = "代表"
            else:
                letter.addressee_role = self.portal.role_hint

        # number, session, proposal title
        for source in (fields.get("number", ""), title, greeting_text):
            if source.strip().isdigit():
                letter.proposal_number = str(int(source.strip()))
                break
            m = _NUMBER_RE.search(source)
            if m:
                letter.proposal_number = str(int(m.group(1) or m.group(2)))
                break
        for source in (fields.get("session", ""), title, greeting_text):
            session = _session_in(source)
            if session:
                letter.session = session
                break
        if "title" in fields:
            letter.proposal_title = _clean_title(normalize_text(fields["title"]))
        else:
            from_greeting = _proposal_title_in(greeting_text)
            letter.proposal_title = from_greeting or _proposal_title_in_line(title)

        # organizers, date, category, contact, document number
        if "main" in fields:
            letter.main_organizer = letter.main_organizer or normalize_text(fields["main"])
        elif "organizers" in fields:
            letter.main_organizer = letter.main_organizer or normalize_text(fields["organizers"])
        if "co" in fields:
            for unit in _NAME_SPLIT_RE.split(normalize_text(fields["co"])):
                if unit and unit not in letter.co_organizers:
                    letter.co_organizers.append(unit)
        if letter.addressee_role == "单位" and letter.addressee:
            # a co-organizer opinion goes to the main organizer, from a co-organizer
            letter.main_organizer = letter.main_organizer or letter.addressee[0]
            if not letter.co_organizers and letter.agency:
                letter.co_organizers.append(letter.agency)
        if not letter.agency and letter.main_organizer and letter.addressee_role != "单位":
            letter.agency = letter.main_organizer
        letter.reply_date = self.signature_date or (
            parse_date(fields["date"]) if "date" in fields else None
        )
        if "category" in fields and not letter.category:
            m = _CATEGORY_RE.match(normalize_text(fields["category"]))
            letter.category = m.group(1).upper() if m else None
        if "contact_name" in fields and not letter.contact_name:
            letter.contact_name = fields["contact_name"]
        if "contact_phone" in fields and not letter.contact_phone:
            letter.contact_phone = fields["contact_phone"]
        if "doc_number" in fields and not letter.doc_number:
            letter.doc_number = normalize_text(fields["doc_number"])

    # -- reference ---------------------------------------------------------------------------

    def _parse_reference(self) -> None:
        letter = self.letter
        frags = list(self.frags)
        if frags and _title_like(frags[0].text):
            letter.title = frags.pop(0).text
        elif frags:
            letter.title = _derived_title(frags[0].text)
        if letter.title:
            key = _squash(letter.title)
            frags = [f for f in frags if _squash(f.text.strip("《》")) != key]
        if frags:
            iso = _date_only(frags[-1].text)
            if iso:
                letter.reply_date = iso
                frags.pop()
        if letter.reply_date is None and self.noise_dates:
            letter.reply_date = self.noise_dates[0]
        letter.blocks = [
            Block(f.text, f.original, "body", heading_level(f.text) is not None) for f in frags
        ]


def _title_like(text: str) -> bool:
    return (
        len(text) <= 50
        and not _SENTENCE_PUNCT_RE.search(text)
        and not text.endswith(("：", ":"))
        and heading_level(text) in (0, None)
        and _date_only(text) is None
    )


def _derived_title(text: str) -> str:
    """A display title for a document without a title line: its first sentence, shortened."""
    first = re.split(r"[。！？!?]", text, maxsplit=1)[0].strip()
    return first if len(first) <= 30 else first[:30] + "…"


def parse_letter(lines: list[str]) -> ParsedLetter:
    """Parse a document's paragraphs into a reply or a reference. Never raises."""
    try:
        return _Parser(list(lines or [])).parse()
    except Exception:  # odd input must not stop an import; keep whatever text there is
        return _fallback(lines)


def _fallback(lines: object) -> ParsedLetter:
    letter = ParsedLetter(kind="reference")
    try:
        for raw in lines or []:  # type: ignore[attr-defined]
            for original in cap_paragraph(str(raw)):
                text = normalize_text(original)
                if text:
                    letter.blocks.append(Block(text, original, "body"))
    except Exception:
        pass
    return letter
