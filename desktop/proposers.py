"""One reading of the proposer field, wherever proposers come in (case dialog, CASE.json, a
pasted letter): "王明代表", "王明 代表", "尊敬的张三、李四委员：", "张三等10位代表", "张三等".

Clerks type the proposers as they would write them in the salutation, so role words, 尊敬的,
the joint form 等N位/等N名 and a trailing colon are read as such and never become names;
names are split at 、，,;；/ and white space (full-width included), and a two-character name
written with a space for alignment ("王  芳") stays one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from desktop.cjk import IDEOGRAPH_RE
from desktop.numerals import FULLWIDTH_DIGITS, counting_number

ROLE_WORDS: Final = ("人大代表", "政协委员", "代表", "委员", "同志")  # longest first
_ROLE_OF: Final = {"人大代表": "代表", "政协委员": "委员", "代表": "代表", "委员": "委员"}
_ROLE_RE: Final = "|".join(ROLE_WORDS)
_SEPARATORS: Final = "、，,;；/／"
_SPLIT_RE: Final = re.compile(rf"([{_SEPARATORS}]+|\s+)")
_SPACES: Final = str.maketrans({"\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " "})
# The joint form at the end: 等 / 等10位 / 等十名代表 / 等 5 人 …, then role words and 们.
_JOINT_TAIL_RE: Final = re.compile(
    rf"等\s*(?P<n>\d+|[一二两三四五六七八九十百]+)?\s*(?:位|名|人)?\s*(?:{_ROLE_RE})?\s*们?\s*$"
)
_ROLE_TAIL_RE: Final = re.compile(rf"(?:{_ROLE_RE})\s*们?\s*$")
_ROLE_HEAD_RE: Final = re.compile(rf"^(?:{_ROLE_RE})(?=\S{{2}})")
_LATIN_RE: Final = re.compile(r"^[A-Za-z][A-Za-z.'\-]*$")
GENERIC_ADDRESSEES: Final = frozenset(
    {"各位", "全体", "诸位", "各", "亲爱的", "广大", "您", "您们"}
)


@dataclass
class Proposers:
    """What the proposer field says.

    ``count`` is N of 等N位 when it is more than the names listed (else None); ``more`` is a
    bare 等 ("张三等": more proposers than listed, how many unknown); ``role`` is 代表 or 委员
    when a role word said so.
    """

    names: list[str] = field(default_factory=list)
    count: int | None = None
    more: bool = False
    role: str | None = None


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if "百" in text:
        return None
    try:
        return counting_number(text.replace("两", "二"))
    except KeyError:
        return None


def _role_in(text: str) -> str | None:
    for word in ROLE_WORDS:
        if word in text:
            return _ROLE_OF.get(word)
    return None


def parse_proposers(value: str | list[str] | None) -> Proposers:
    """Read a proposer field given as text or as a list of texts (each read the same way)."""
    result = Proposers()
    parts = value if isinstance(value, list) else [value or ""]
    for part in parts:
        one = _parse_one(str(part))
        for name in one.names:
            if re.sub(r"\s+", "", name) not in {re.sub(r"\s+", "", n) for n in result.names}:
                result.names.append(name)
        result.count = result.count or one.count
        result.more = result.more or one.more
        result.role = result.role or one.role
    if result.count is not None and result.count <= len(result.names):
        result.count = None
    if result.count is not None:
        result.more = False
    return result


def _parse_one(text: str) -> Proposers:
    result = Proposers()
    text = text.translate(_SPACES).translate(FULLWIDTH_DIGITS).strip()
    text = text.rstrip(":： ").strip()
    text = re.sub(r"^尊敬的\s*", "", text)
    text = _take_joint_tail(text, result)
    names = _names(_tokens(text, result))
    result.names = [n for n in names if n not in GENERIC_ADDRESSEES]
    return result


def _take_joint_tail(text: str, result: Proposers) -> str:
    """Read the joint form at the end (等 / 等10位代表) into ``result``; the text before it."""
    joint = _JOINT_TAIL_RE.search(text)
    if joint is None or joint.start() == 0:
        return text
    result.role = _role_in(joint.group())
    n = joint.group("n")
    if n:
        result.count = _number(n)
    else:
        result.more = True
    return text[: joint.start()]


def _tokens(text: str, result: Proposers) -> list[tuple[str, str]]:
    """The name tokens with the separator before each, role words read into ``result``."""
    tokens: list[tuple[str, str]] = []  # (separator before, token)
    separator = ""
    for piece in _SPLIT_RE.split(text):
        if not piece:
            continue
        if _SPLIT_RE.fullmatch(piece):
            separator = piece
            continue
        token = _without_roles(re.sub(r"^尊敬的", "", piece), result)
        if token:
            tokens.append((separator, token))
    return tokens


def _without_roles(token: str, result: Proposers) -> str:
    """``token`` without role words before or after the name ("王明代表代表", "代表王明")."""
    while (tail := _ROLE_TAIL_RE.search(token)) is not None:
        result.role = result.role or _role_in(tail.group())
        token = token[: tail.start()]
    head = _ROLE_HEAD_RE.match(token)
    if head is not None:
        result.role = result.role or _role_in(head.group())
        token = token[head.end() :]
    return token


def _names(tokens: list[tuple[str, str]]) -> list[str]:
    names: list[str] = []
    singles: list[str] = []  # a run of one-character tokens split by spaces: "王  芳"
    for sep, token in tokens:
        spaced = sep.strip() == ""
        if _single_cjk(token):
            if singles and not spaced:
                _flush(singles, names)
            singles.append(token)
            continue
        _flush(singles, names)
        previous = names[-1] if names else ""
        if spaced and _LATIN_RE.match(token) and previous and _LATIN_RE.match(previous[-1:]):
            names[-1] = f"{previous} {token}"  # "John Smith"
        else:
            names.append(token)
    _flush(singles, names)
    return names


def _flush(singles: list[str], names: list[str]) -> None:
    """A run of one-character tokens into names: two or three characters are one name; a
    longer run is read as two-character names."""
    if 2 <= len(singles) <= 3:
        names.append("".join(singles))
    elif len(singles) >= 4 and len(singles) % 2 == 0:
        names.extend("".join(singles[i : i + 2]) for i in range(0, len(singles), 2))
    else:
        names.extend(singles)
    singles.clear()


def _single_cjk(token: str) -> bool:
    return len(token) == 1 and bool(IDEOGRAPH_RE.match(token))


def proposers_text(names: list[str], count: int | None = None, more: bool = False) -> str:
    """The proposer field as the case dialog shows it: "王明、李华", "张三等10位", "张三等"."""
    listed = "、".join(names)
    if count is not None and count > len(names):
        return f"{listed}等{count}位"
    return f"{listed}等" if more and listed else listed
