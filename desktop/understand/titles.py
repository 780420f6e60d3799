"""The proposal's title and number as a letter prints them: inside 《》 “” 「」 (nested marks
kept, an unclosed mark read to 建议/提案), without marks, or in a title line; numbers as printed
without 第/号 (82, T014, 台52). Used by ``fields.FieldReader``; ``docs/segmentation.md`` 3.3."""

from __future__ import annotations

import re

from desktop.understand.patterns import IDEO, SESSION, SESSION_FILLER

# "第82号", "第T014号", "台52号建议", "(第021号建议)": the proposal's number as printed.
NUMBER_RE = re.compile(
    rf"第\s*(?P<a>[A-Za-z]?\d{{1,10}})\s*号"
    rf"|(?<![\d{IDEO}])(?P<b>[A-Za-z]?\d{{1,10}})\s*号\s*(?:代表|委员)?(?:建议|提案|议案)"
    rf"|(?P<c>(?<=[议会（(])(?![议会第次届])[{IDEO}][A-Za-z]?\d{{1,6}})\s*号"
    rf"|(?<=会议)(?P<d>[A-Za-z]?\d{{1,10}})\s*号"
)
# "…提出的关于加快…的建议收悉" without quotation marks.
_UNQUOTED_TITLE_RE = re.compile(
    r"(关于[^。！？；!?;]{2,120}?的?(?:建议|提案|议案)(?:意见)?)(?:收悉|已收悉|的答复|办理|答复|[，。,])"
)
TITLE_FROM_LINE_RE = re.compile(
    r"(关于.{2,100}?(?:建议|提案|议案)(?:意见)?)(?:的答复|的复函|答复|的函|的会办意见|的协办意见|办理情况|$)"
)

_OPENERS = {"《": "》", "“": "”", "「": "」", '"': '"'}
_PROPOSAL_WORDS = ("建议", "提案", "议案")
REPLY_TITLE_END = re.compile(r"(?:答复|复函|的函|答复函|答复意见|办理意见|会办意见|协办意见)$")


def _marked(text: str, start: int) -> tuple[str, int] | None:
    """The text inside the mark opening at ``start`` (nested marks kept) and where it ends;
    an opening mark never closed runs to the first 建议/提案/议案 after it."""
    opener = text[start]
    closer = _OPENERS[opener]
    depth = 0
    for i in range(start + 1, min(len(text), start + 160)):
        ch = text[i]
        if ch == opener and opener != closer:
            depth += 1
        elif ch == closer:
            if depth == 0:
                return text[start + 1 : i], i + 1
            depth -= 1
    m = re.compile("|".join(_PROPOSAL_WORDS)).search(text, start + 1, start + 160)
    return (text[start + 1 : m.end()], m.end()) if m else None


def title_in_ack(text: str) -> str | None:
    """The proposal's title as the acknowledgement prints it: inside 《》 “” 「」 (nested
    quotation marks kept, an unclosed mark read to 建议/提案/议案), else 关于…的建议 without
    marks. A title is taken as printed: "“关于…改造”的建议" gives "关于…改造"."""
    head = text[:400]
    for i, ch in enumerate(head):
        if ch not in _OPENERS:
            continue
        found = _marked(head, i)
        if not found:
            continue
        content, end = found
        content = clean_title(content)
        after = head[end : end + 8].lstrip("的")
        proposal_like = content.endswith(_PROPOSAL_WORDS) or content.endswith("意见")
        if (
            len(content) >= 4
            and (
                content.startswith("关于")
                or proposal_like
                or after.startswith((*_PROPOSAL_WORDS, "收悉", "已收悉", "代表建议", "委员提案"))
            )
            and not content.startswith(("中华人民共和国",))
            and "号" not in content[-3:]
        ):
            return content
    unquoted = _UNQUOTED_TITLE_RE.search(head)
    if not unquoted:
        return None
    # "…的代表建议" / "…的委员提案" name the kind of document, not the title
    return re.sub(r"的(?:代表|委员)(?:建议|提案)$", "", clean_title(unquoted.group(1)))


def clean_title(title: str) -> str:
    title = title.strip().strip('《》“”"「」')
    while title.startswith("关于关于"):
        title = title[2:]
    return title


def session_in(text: str) -> str | None:
    m = SESSION.search(text)
    if not m:
        return None
    pre = m.group("pre")
    cut = max((pre.rfind(ch) for ch in SESSION_FILLER), default=-1)
    return pre[cut + 1 :] + m.group("core")
