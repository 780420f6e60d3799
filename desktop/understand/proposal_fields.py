"""Step 3 of reading a proposal: the case's fields from the roles, each with its source.

A labelled value wins over what a head or title line says (the form is explicit); the number
and session come from the head line ("市十八届人大三次会议第101号建议"), else from the title
line; the kind from a 类型 label, the head line, the title's last word, the labels' wording
(领衔代表 → 建议, 提案人/界别 → 提案) or the session (人大 → 建议, 政协 → 提案). The body is every
body and part line in order; the parts (案由 / 理由 / 建议·办法) are kept by name too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.model import FieldSource
from desktop.proposers import parse_proposers
from desktop.understand.proposal_lines import ProposalLine
from desktop.understand.proposal_roles import KIND_WORDS, TITLE, proposal_session
from desktop.understand.titles import NUMBER_RE, clean_title

ROLE_OF_KIND = {"建议": "代表", "议案": "代表", "提案": "委员"}
_PROPOSAL_LABEL_WORDS = ("提案", "委员", "界别", "联名")
_DEPUTY_LABEL_WORDS = ("代表", "领衔", "附议")
_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|(?:0\d{2,3}[-－—]?)?\d{7,8}(?:[-－]\d{1,5})?)(?!\d)")
_PARENTHESES = re.compile(r"[（(][^）)]{0,40}[）)]")
# "顾晓东（崇川区代表团）", "魏兰（民进界）": the delegation written after the proposer's name.
_DELEGATION_IN_PARENTHESES = re.compile(r"[（(](?P<d>[^）)]{2,20}?(?:代表团|界|界别))[）)]")


@dataclass
class ProposalFields:
    """What a 建议/提案/议案 document says, in the case's terms (``desktop.casework.Case``)."""

    number: str = ""
    session: str = ""
    title: str = ""
    kind: str = ""  # 建议 | 提案 | 议案, "" when nothing said
    role: str = ""  # 代表 | 委员, "" when nothing said
    proposers: list[str] = field(default_factory=list)
    proposer_count: int | None = None  # 5 for "张三等5位代表"
    proposers_more: bool = False  # "张三等"
    seconders: list[str] = field(default_factory=list)
    delegation: str = ""
    # The proposer's own phone (联系电话 of the form). Not the case's ``contact_phone``, which
    # is the clerk's contact printed under the reply.
    proposer_phone: str = ""
    content: str = ""
    parts: dict[str, str] = field(default_factory=dict)  # subject/reason/suggestion → text
    reply: bool = False  # the text is a reply to a proposal, not the proposal
    sources: dict[str, FieldSource] = field(default_factory=dict)

    @property
    def has_fields(self) -> bool:
        """Whether anything identifying was read (a reply's account of the proposal too)."""
        return bool(self.number or self.title or self.proposers)

    @property
    def found(self) -> bool:
        """Whether the text reads as a proposal at all (a number, a title or a proposer)."""
        return not self.reply and bool(self.number or self.title or self.proposers)

    def case_data(self) -> dict[str, Any]:
        """The fields found, keyed as ``desktop.casework.case_from_json`` reads them."""
        data: dict[str, Any] = {}
        for name in ("number", "session", "title", "kind", "role", "delegation", "content"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        if self.proposers:
            data["proposers"] = list(self.proposers)
        if self.proposer_count:
            data["proposer_count"] = self.proposer_count
        if self.seconders:
            data["seconders"] = list(self.seconders)
        return data


class _Reader:
    def __init__(self, lines: list[ProposalLine]) -> None:
        self.lines = lines
        self.out = ProposalFields()

    def set(self, name: str, value: Any, line: ProposalLine | None, rule: str) -> None:
        if value and not getattr(self.out, name):
            setattr(self.out, name, value)
            self.out.sources[name] = FieldSource(line.source if line else None, rule)

    def labelled(self, *keys: str) -> list[ProposalLine]:
        return [ln for ln in self.lines if ln.role == "label" and ln.key in keys and ln.value]

    def role(self, role: str) -> list[ProposalLine]:
        return [ln for ln in self.lines if ln.role == role]

    def read(self) -> ProposalFields:
        self.out.reply = bool(
            self.role("reply-title") or self.role("salutation") or self.labelled("reply")
        )
        self.number()
        self.session()
        self.title()
        self.delegation_and_phone()  # a 代表团 label wins over "王明（某代表团）"
        self.people()
        self.kind()
        self.body()
        return self.out

    def number(self) -> None:
        for line in self.labelled("number"):
            value = re.sub(r"\s+", "", line.value).removeprefix("第").removesuffix("号")
            m = NUMBER_RE.search(line.value)
            self.set("number", m.group("a") if m and m.group("a") else value, line, line.rule)
        for line in self.role("head") + self.role("title"):
            m = NUMBER_RE.search(line.folded)
            if m:
                number = m.group("a") or m.group("b") or m.group("c") or m.group("d")
                self.set("number", number, line, f"NUMBER-in-{line.role}")

    def session(self) -> None:
        for line in self.labelled("session"):
            self.set("session", proposal_session(line.folded) or line.value, line, line.rule)
        for line in self.role("head") + self.role("title"):
            self.set("session", proposal_session(line.folded), line, f"SESSION-in-{line.role}")

    def title(self) -> None:
        for line in self.labelled("title", "subject"):
            short = len(line.value) <= 100 and not re.search(r"[。；]", line.value)
            if line.key == "title" or short:
                self.set("title", clean_title(line.value), line, line.rule)
                if line.key == "subject":
                    line.key = "title"  # a short 案由 is the title, not a part of the body
        for line in self.role("title"):
            text = line.text[line.text.find("关于") :] if "关于" in line.text else line.text
            self.set("title", clean_title(text), line, "TITLE-line")

    def people(self) -> None:
        for line in self.labelled("proposers"):
            parsed = parse_proposers(_PARENTHESES.sub("", line.raw_value))
            if parsed.names and not self.out.proposers:
                self.set("proposers", parsed.names, line, line.rule)
                self.out.proposer_count = parsed.count
                self.out.proposers_more = parsed.more
                self.set("role", parsed.role or _role_of_label(line.label), line, line.rule)
                m = _DELEGATION_IN_PARENTHESES.search(line.value)
                if m is not None:
                    self.set("delegation", m.group("d"), line, "DELEGATION-after-name")
        seconders: list[str] = []
        first: ProposalLine | None = None
        for line in self.labelled("seconders"):
            names = parse_proposers(_PARENTHESES.sub("", line.raw_value)).names
            seconders += [n for n in names if n not in seconders and n not in self.out.proposers]
            first = first or line
        if first is not None:
            self.set("seconders", seconders, first, first.rule)

    def delegation_and_phone(self) -> None:
        for line in self.labelled("delegation"):
            self.set("delegation", line.value.strip(), line, line.rule)
        for line in self.labelled("phone"):
            m = _PHONE.search(line.value.replace(" ", ""))
            self.set("proposer_phone", m.group() if m else line.value.strip(), line, line.rule)

    def kind(self) -> None:
        for line in self.labelled("kind"):
            value = line.value.strip()
            word = next((w for w in KIND_WORDS if value.endswith(w)), "")
            self.set("kind", word, line, line.rule)
        for line in self.role("head"):
            word = next((w for w in KIND_WORDS if line.folded.rstrip("书表单纸").endswith(w)), "")
            self.set("kind", word, line, f"KIND-in-{line.rule}")
        if self.out.title and TITLE.match(self.out.title):
            word = next((w for w in KIND_WORDS if self.out.title.endswith(w)), "")
            self.set("kind", word, None, "KIND-from-title")
        self.kind_from_wording()
        self.set("role", ROLE_OF_KIND.get(self.out.kind, ""), None, "ROLE-from-kind")

    def kind_from_wording(self) -> None:
        """No kind said: the labels' wording (提案人 / 领衔代表), else the session's body."""
        for line in self.labelled("proposers", "seconders", "delegation"):
            if any(w in line.label for w in _PROPOSAL_LABEL_WORDS):
                self.set("kind", "提案", line, "KIND-from-label")
            elif any(w in line.label for w in _DEPUTY_LABEL_WORDS):
                self.set("kind", "建议", line, "KIND-from-label")
        session = self.out.session
        if "政协" in session or "委员会" in session:
            self.set("kind", "提案", None, "KIND-from-session")
        elif "人大" in session or "人民代表大会" in session:
            self.set("kind", "建议", None, "KIND-from-session")

    def body(self) -> None:
        texts: list[str] = []
        part = ""
        parts: dict[str, list[str]] = {}
        first: ProposalLine | None = None
        for line in self.lines:
            if line.role == "body" and line.key == "suggestion":  # "…为此建议："
                first = first or line
                texts.append(line.text)
                if part:
                    parts.setdefault(part, []).append(line.text)
                part = "suggestion"
                continue
            if line.role in ("part", "label") and line.key in (
                "subject",
                "reason",
                "suggestion",
                "content",
            ):
                part = line.key if line.key != "content" else ""
            elif line.role != "body":
                continue
            first = first or line
            if line.key != "content" or line.role == "body":
                texts.append(line.text)
            elif line.value:  # "提案内容：…": the label is the form's, not the proposal's
                texts.append(line.value)
            if part and (line.role == "body" or line.value):
                parts.setdefault(part, []).append(line.value if line.role != "body" else line.text)
        self.set("content", "\n".join(texts), first, "body-lines")
        self.out.parts = {key: "\n".join(v) for key, v in parts.items()}


def _role_of_label(label: str) -> str:
    if "委员" in label or "提案" in label:
        return "委员"
    return "代表" if "代表" in label else ""


def read_proposal_fields(lines: list[ProposalLine]) -> ProposalFields:
    return _Reader(lines).read()
