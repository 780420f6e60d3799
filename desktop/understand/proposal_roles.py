"""Step 2 of reading a proposal: every piece gets a role and the name of the rule that gave it.

Roles: ``label`` (set in step 1, the field it fills in ``key``), ``value`` (the value of a label
on the line above), ``columns`` (a table's row of column labels), ``head`` (the line naming the
session, the number or the kind: "市十八届人大三次会议第101号建议"), ``title`` ("关于…的建议"),
``part`` (a heading of the body's parts: 案由, 理由, 建议/办法), ``body``, ``date`` (a date
alone, as under the signature), ``furniture`` (page numbers), and the marks of a reply rather
than a proposal: ``reply-title`` ("…的答复") and ``salutation`` ("王明代表：").
"""

from __future__ import annotations

import re

from desktop.numerals import COUNTING_CHARS
from desktop.understand.patterns import IDEO
from desktop.understand.proposal_lines import LABEL_KEY, PART_KEYS, ProposalLine
from desktop.understand.tail import date_only
from desktop.understand.titles import NUMBER_RE, REPLY_TITLE_END, session_in

KIND_WORDS = ("建议", "提案", "议案")
# A CPPCC session written with the place inside: "政协第十四届南通市委员会第三次会议", which the
# letter parser's SESSION (read from replies) does not cover.
_SESSION_WITH_PLACE = re.compile(
    rf"(?:中国人民政治协商会议|政协)?[{IDEO}]{{0,8}}?第?[{COUNTING_CHARS}]{{1,3}}届[{IDEO}]{{1,10}}?"
    rf"(?:委员会|人民代表大会)(?:常务委员会)?第?[{COUNTING_CHARS}]{{1,3}}次(?:全体)?会议"
)


def proposal_session(text: str) -> str | None:
    """The session named in ``text``: the letter parser's forms, else the CPPCC form with the
    place inside ("政协第十四届南通市委员会第三次会议")."""
    found = session_in(text)
    if found:
        return found
    m = _SESSION_WITH_PLACE.search(text)
    return m.group() if m else None


PAGE_NUMBER = re.compile(
    r"^(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–]|\d+\s*/\s*\d+|\d{1,3})$"
)
# "关于加强科技金融服务的建议", "加快老旧小区改造的提案" (a title without 关于 ends with 的…).
TITLE = re.compile(r"^《?(?:关于.{2,110}?(?:建议|提案|议案)|.{4,110}?的(?:建议|提案|议案))》?$")
# A head line that names the kind: "代表建议", "政协委员提案", "市人大代表建议书".
KIND_LINE = re.compile(r"^.{0,30}?(?<!的)(?:建议|提案|议案)(?:书|表|单|纸)?$")
SALUTATION = re.compile(r"^(?:尊敬的)?\S{1,30}?(?:代表|委员)们?[：:]$")
# A part heading without its colon: "一、案由", "【理由】", "二、具体建议如下：".
_HEADING_MARKS = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）]?\s*[、.．]?\s*)?[【\[〔]?\s*"
    r"(?P<word>[^【】\[\]〔〕：:]{1,12}?)\s*[】\]〕]?\s*(?:如下)?\s*[：:]?$"
)
# A paragraph ending in the words that open the suggestions: "…隐患突出。为此建议：".
OPENS_SUGGESTIONS = re.compile(r"(?:建议|办法|措施|对策|意见)(?:如下)?\s*[：:]$")
# A body sentence is longer than this or has sentence punctuation; head lines have neither.
HEAD_MAX = 120
_SENTENCE = re.compile(r"[。；！？]")


def part_of_heading(text: str) -> str | None:
    """The body part a heading line starts ("一、案由" → subject), else None."""
    if len(text) > 24:
        return None
    m = _HEADING_MARKS.match(text)
    if m is None:
        return None
    key = LABEL_KEY.get(re.sub(r"\s+", "", m.group("word")))
    return key if key in PART_KEYS else None


def head_rule(text: str) -> str | None:
    """The rule that makes ``text`` a head line (session, number or kind), else None."""
    if len(text) > 60 or _SENTENCE.search(text) or text.startswith(("关于", "《关于")):
        return None
    if NUMBER_RE.search(text):
        return "NUMBER-line"
    if proposal_session(text):
        return "SESSION-line"
    if KIND_LINE.match(text):
        return "KIND-line"
    return None


class _Roles:
    def __init__(self, lines: list[ProposalLine]) -> None:
        self.lines = lines
        self.in_body = False
        self.title_seen = False

    def assign(self) -> None:
        for line in self.lines:
            if line.role == "label":
                self.in_body = self.in_body or line.key in PART_KEYS
                self.title_seen = self.title_seen or line.key in ("title", "subject")
                continue
            if line.role != "body":
                continue
            self.one(line)

    def one(self, line: ProposalLine) -> None:
        text = line.folded.strip()
        if PAGE_NUMBER.match(text):
            line.set("furniture", "page-number")
            return
        part = part_of_heading(text)
        if part is not None:
            line.set("part", f"PART-heading:{part}")
            line.key = part
            self.in_body = True
            return
        if not self.in_body and self.head(line, text):
            return
        if date_only(text):
            line.set("date", "date-line")
            return
        line.set("body", "body-text")
        if OPENS_SUGGESTIONS.search(text[-12:]):
            line.set("body", "body-opens-part:suggestion")
            line.key = "suggestion"
        if _SENTENCE.search(text) or len(text) > HEAD_MAX:
            self.in_body = True

    def head(self, line: ProposalLine, text: str) -> bool:
        """The head of the document, before the body: reply marks, title, head lines."""
        if REPLY_TITLE_END.search(text.rstrip("》")) and len(text) <= HEAD_MAX:
            line.set("reply-title", "REPLY-title")
            return True
        if SALUTATION.match(text):
            line.set("salutation", "SALUTATION")
            return True
        if not self.title_seen and len(text) <= HEAD_MAX and TITLE.match(text):
            line.set("title", "TITLE-line")
            self.title_seen = True
            return True
        rule = head_rule(text)
        if rule is None and len(text) <= 40 and not _SENTENCE.search(text):
            rule = "HEAD-short-line"  # a system's or a form's heading above the fields
        if rule is not None:
            line.set("head", rule)
            return True
        return False


def assign_roles(lines: list[ProposalLine]) -> None:
    _Roles(lines).assign()
