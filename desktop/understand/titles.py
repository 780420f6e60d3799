"""The proposal's title, number and session as a letter prints them, and reading them into the
letter (``title_number_session``, step 3 for these fields). Titles inside 《》 “” 「」 (nested
marks kept, an unclosed mark read to 建议/提案), without marks, or in a title line; numbers as
printed without 第/号 (82, T014, 台52). ``docs/segmentation.md`` 3.3."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from desktop.model import FieldSource
from desktop.understand.lines import Line
from desktop.understand.patterns import AGENCY_IN_TITLE, IDEO, SESSION, SESSION_FILLER

if TYPE_CHECKING:
    from desktop.understand.fields import FieldReader

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


# -- reading them ------------------------------------------------------------------------------


def title_number_session(reader: FieldReader) -> None:
    letter = reader.letter
    titles = reader.role("title")
    doc_titles = [ln for ln in reader.role("doc_number") if "关于" in ln.folded]
    title_lines = titles + doc_titles
    own = own_title(reader.lines)
    if own:
        letter.title = _without_label("".join(ln.text for ln in own))
        letter.sources["title"] = FieldSource(own[0].source, own[0].rule)
    elif "title" in reader.portal and REPLY_TITLE_END.search(reader.portal["title"][0]):
        value, line = reader.portal["title"]  # a portal's 标题 field naming the reply itself
        letter.title = value
        letter.sources["title"] = FieldSource(line.source, "portal-label:title")
    for line in titles:
        if all(line is not kept for kept in own):  # the page's other short lines ("我要纠错")
            line.set("furniture", "beside-title")
    ack = reader.role("acknowledgement")
    _proposal_number(reader, title_lines, ack)
    title_text = "".join(ln.folded for ln in titles) or "".join(ln.folded for ln in doc_titles)
    _session(reader, title_text, (own or titles)[0] if titles else None, ack)
    _proposal_title(reader, title_lines, ack)


# A line before the title's first line that words it (a title broken over lines): "对县十七届
# 人大一次会议" before "第5号建议的答复". A page's furniture ("无障碍浏览", "分享至好友") does not.
_TITLE_START_RE = re.compile(r"^(?:对|关于)|会议|人大|政协|届")
# "标题：" / "標題：" before a title a portal printed with its label.
_TITLE_LABEL_RE = re.compile(r"^\s*(?:标题|標題|题目|題目|文件标题|文件標題)\s*[:：]\s*")


def own_title(lines: list[Line]) -> list[Line]:
    """The lines of the letter's own title, in order.

    A web page's head holds more short lines than the title ("加入收藏", "我要纠错", a column
    name such as "建议提案办理", the title again as the page's name): the title is some of them,
    not all of them run together. Adjacent title lines form groups; in each, the title is a line
    that is a whole title by itself (对…/关于…/XX局关于… ending …的答复, …的函), else the lines
    from the first with title words (答复, 关于, 建议 …) — and those before it that begin it — to
    the one that ends it. The first group whose title ends like a reply's wins, else the first
    with title words; none: no title (lists then show the proposal's title; the inspector
    says there is none)."""
    groups: list[list[Line]] = []
    previous = -2
    for at, line in enumerate(lines):
        if line.role != "title":
            continue
        if at == previous + 1 and groups:
            groups[-1].append(line)
        else:
            groups.append([line])
        previous = at
    found = [title for title in map(_title_in, groups) if title]
    ended = (title for title in found if _ends_title(title[-1].folded))
    return next(ended, found[0] if found else [])


def _title_in(group: list[Line]) -> list[Line]:
    whole = next((ln for ln in group if _whole_title(ln.folded)), None)
    if whole is not None:
        return [whole]
    words = next((i for i, ln in enumerate(group) if ln.rule == "title-words"), None)
    if words is None:
        return []
    first = words
    while first > 0 and _starts_title(group[first - 1].folded):
        first -= 1
    picked, rest = [group[first]], group[first + 1 :]
    if _ends_title(picked[0].folded):
        return picked
    # A title wrapped over several lines: on to the line that ends it, when one does and no
    # line before it is a label ("城东片区老旧小区排水管网改造" between the first and the last).
    end = next((i for i, ln in enumerate(rest) if _ends_title(ln.folded)), None)
    if end is not None and not any(_labelled(ln.folded) for ln in rest[: end + 1]):
        return picked + rest[: end + 1]
    for line in rest:
        if _ends_title(picked[-1].folded) or not _continues_title(line):
            break
        picked.append(line)
    return picked


def _labelled(folded: str) -> bool:
    return ":" in folded or "：" in folded


def _whole_title(folded: str) -> bool:
    text = folded.replace(" ", "")
    begins = text.startswith(("对", "关于")) or AGENCY_IN_TITLE.match(text) is not None
    return begins and _ends_title(text)


def _starts_title(folded: str) -> bool:
    return not _labelled(folded) and bool(_TITLE_START_RE.search(folded))


def _ends_title(folded: str) -> bool:
    text = folded.replace(" ", "")
    return bool(
        REPLY_TITLE_END.search(text)
        or re.search(r"(?:答复|复函|办理情况|的函)[^，。；]{0,30}[）)\]】]$", text)
    )


def _continues_title(line: Line) -> bool:
    """A title line after an unfinished one that goes on with the title: one with title
    words, or the last words of a reply's title ("的答复", "答  复")."""
    f = line.folded.replace(" ", "")
    if _labelled(f):
        return False
    return line.rule == "title-words" or f.startswith("的") or bool(REPLY_TITLE_END.search(f))


# A page's breadcrumb saved with its links' targets: "…/col/col1676951/index.html关于…".
_LINK_TARGETS_RE = re.compile(r"^.*\.(?:s?html?|jsp|aspx?|php)(?=[^./]{6})", re.IGNORECASE)


def _without_label(title: str) -> str:
    """The title without a portal's label before it (标题：) or the link targets of a
    breadcrumb run into it."""
    for pattern in (_LINK_TARGETS_RE, _TITLE_LABEL_RE):
        m = pattern.match(title)
        if m and len(title) - m.end() >= 4:
            title = title[m.end() :]
    return title


def _proposal_number(reader: FieldReader, title_lines: list[Line], ack: list[Line]) -> None:
    """The proposal's number: the portal's field, else in a title line, else in the
    acknowledgement (NUMBER-in-title / NUMBER-in-acknowledgement)."""
    candidates: list[tuple[str, Line | None, str]] = []
    if "number" in reader.portal:
        candidates.append(
            (reader.portal["number"][0], reader.portal["number"][1], "portal-label:number")
        )
    candidates += [(ln.folded, ln, "NUMBER-in-title") for ln in title_lines]
    candidates += [(ln.folded, ln, "NUMBER-in-acknowledgement") for ln in ack]
    for text, line, rule in candidates:
        if rule.startswith("portal") and re.fullmatch(r"[A-Za-z]?\d{1,10}", text.strip()):
            reader.set("proposal_number", text.strip(), line, rule)
            break
        m = NUMBER_RE.search(text)
        if m:
            reader.set(
                "proposal_number",
                m.group("a") or m.group("b") or m.group("c") or m.group("d"),
                line,
                rule,
            )
            break


def _session(reader: FieldReader, title_text: str, title: Line | None, ack: list[Line]) -> None:
    """The session (十七届人大一次会议): the portal's, else in the title, else in the
    acknowledgement."""
    ack_text = " ".join(ln.folded for ln in ack)
    for text, line, rule in [
        (reader.portal.get("session", ("", None))[0], None, "portal"),
        (title_text, title, "SESSION-in-title"),
        (ack_text, ack[0] if ack else None, "SESSION-in-acknowledgement"),
    ]:
        session = session_in(text) if text else None
        if session:
            reader.set("session", session, line, rule)
            return


def _proposal_title(reader: FieldReader, title_lines: list[Line], ack: list[Line]) -> None:
    """The proposal's title: the acknowledgement names it as the proposer wrote it; a
    portal's 标题 field is taken unless it is the reply's own title ("…的答复"); else a
    title line names it."""
    if _title_in_acknowledgement(reader, ack) or _title_in_portal(reader):
        return
    if not _title_named_in_title_line(reader, title_lines):
        _title_in_title_line(reader, title_lines)


def _title_in_acknowledgement(reader: FieldReader, ack: list[Line]) -> bool:
    for line in ack:
        found = title_in_ack(line.folded)
        if found:
            reader.set("proposal_title", found, line, "TITLE-in-acknowledgement")
            return True
    return False


def _title_in_portal(reader: FieldReader) -> bool:
    for key in ("title", "content"):
        if key in reader.portal:
            value, line = reader.portal[key]
            value = clean_title(value)
            if len(value) <= 120 and not REPLY_TITLE_END.search(value):
                reader.set("proposal_title", value, line, f"portal-label:{key}")
                return True
    return False


def _title_named_in_title_line(reader: FieldReader, title_lines: list[Line]) -> bool:
    for line in title_lines:
        found = title_in_ack(line.folded)
        if found and found.startswith("关于"):
            reader.set("proposal_title", found, line, "TITLE-named-in-title-line")
            return True
    return False


def _title_in_title_line(reader: FieldReader, title_lines: list[Line]) -> bool:
    """关于…的建议 in the reply's own title, uncertain."""
    for line in title_lines:
        m = TITLE_FROM_LINE_RE.search(line.folded.replace(" ", ""))
        if m and not re.search(r"第?\s*[A-Za-z]?\d+\s*号", m.group(1)):
            cleaned = clean_title(m.group(1))
            cleaned = re.sub(r"^关于(?:对)?[^《“]{0,30}?会议(?:上)?", "关于", cleaned)
            if len(cleaned) > 6:
                reader.set("proposal_title", cleaned, line, "TITLE-in-title-line", certain=False)
                return True
    return False
