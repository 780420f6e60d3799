"""A reply letter's metadata fields: the patterns and helpers ``letter_parser`` reads them with.

Portal label/value cells (``提案号: | 277``), salutations (names, joint ``等N位`` count), agency
and co-signer lines, category, document number, signer / copy-to / disclosure lines, organizers,
proposal number, session, proposal title, contact name and phone, date-only lines.
``docs/segmentation.md`` (3.1–3.3) describes the rules. Every regular expression here is linear
(anchored, bounded or free of nested quantifiers).
"""

from __future__ import annotations

import re

from desktop.cjk import IDEOGRAPHS
from desktop.dates import find_dates
from desktop.numerals import COUNTING_CHARS, counting_number

_IDEO = IDEOGRAPHS
_CN = COUNTING_CHARS


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --------------------------------------------------------------------------------------------
# Portal label/value cells


# Portal field labels (without their colon), by the field they fill.
_LABEL_NAMES: dict[str, tuple[str, ...]] = {
    "addressee": _words(
        "提案提出者 提案人 提出者 提案者 第一提案人 建议人 建议提出者 提出人 领衔代表 领衔人"
        " 领衔委员 代表姓名 委员姓名 代表 委员"
    ),
    "number": _words("提案号 建议号 案号 提案编号 建议编号 议案号 编号"),
    "title": _words("标题 提案标题 建议标题 案由 题目 提案题目 建议题目 提案名称 建议名称"),
    "content": _words("提案内容 建议内容 内容 议案内容"),
    "organizers": _words("承办单位 办理单位 承办部门 办理部门"),
    "main": _words("主办 主办单位 主办部门"),
    "co": _words("协办 协办单位 会办 会办单位 协办部门 会办部门"),
    "date": _words("答复日期 答复时间 办复日期 办复时间 回复日期 回复时间 办结日期 办结时间"),
    "answer": _words("答复内容 答复意见 办复内容 办理答复 答复正文 回复内容 答复 办理结果"),
    "category": _words("答复类别 类别 办理类别 答复类型 办复类别"),
    "session": _words("届次 会议 届次会议"),
    "contact_name": _words("联系人"),
    "contact_phone": _words("联系电话 电话"),
    "doc_number": _words("文号 发文字号"),
    "ignore": _words(
        "索引号 主题分类 发布机构 发文机关 组配分类 公开方式 公开范围 有效性 成文日期 发布日期"
        " 生成日期 公开属性 所属类别 状态 办理状态"
    ),
}
_LABELS: dict[str, str] = {name: key for key, names in _LABEL_NAMES.items() for name in names}
# Labels too ambiguous to trust on a line of their own (outside a table row).
_TABLE_ONLY_LABELS = frozenset(_words("代表 委员 内容 答复 会议 编号 题目 电话 状态 办理结果"))
_LABEL_SPLIT_RE = re.compile(r"^([^:：|]{1,12}?)\s*[:：]\s*(.*)$", re.S)
_NAME_SPLIT_RE = re.compile(r"[、，,；;/\s]+")


def _label_of(cell: str, table: bool, strict: bool = False) -> tuple[str | None, str]:
    """(field key, inline value) when ``cell`` is a portal label, else (None, "").

    ``strict`` (used once the reply text has begun) accepts only labels written with a colon,
    so the header cells of a data table inside a reply ("类别 | 数量") stay text.
    """
    if len(cell) > 300 and not _LABEL_SPLIT_RE.match(cell[:40]):
        return None, ""
    name = re.sub(r"\s+", "", cell)
    key = _LABELS.get(name.rstrip(":："))
    colon_ok = not strict or name.endswith((":", "："))
    if key and colon_ok and (table or name.rstrip(":：") not in _TABLE_ONLY_LABELS):
        return key, ""
    m = _LABEL_SPLIT_RE.match(cell)
    if m:
        name = re.sub(r"\s+", "", m.group(1))
        key = _LABELS.get(name)
        if key and (table or name not in _TABLE_ONLY_LABELS):
            return key, m.group(2).strip()
    return None, ""


# --------------------------------------------------------------------------------------------
# Metadata patterns

_SALUTATION_RE = re.compile(
    r"^(?:尊敬的)?\s*(?P<who>[^：:，。！？,!?]{1,40}?)\s*(?P<role>代表|委员|同志|先生|女士)(?:们)?"
    r"\s*[:：]$"
)
_UNIT_SUFFIX = "|".join(
    _words(
        "局 委 委员会 办公室 办 厅 院 中心 政府 人民政府 部 所 处 署 会"
        " 公司 集团 站 馆 队 行 府 组 室 社 台 司"
    )
)
_AGENCY_RE = re.compile(rf"^[{_IDEO}（）()·]{{2,30}}(?:{_UNIT_SUFFIX})$")
_JOINT_RE = re.compile(r"等\s*[\d一二三四五六七八九十百]*\s*(?:位|名|人)?$")
_PERSON_RE = re.compile(rf"^[{_IDEO}·]{{2,6}}$")
_NOT_NAMES = frozenset({"各位", "全体", "诸位", "广大", "各"})
_COSIGNER_RE = re.compile(r"^[（(]?\s*(?:附议|联名)(?:代表|委员|人)?\s*[:：]\s*([^）)]+)[）)]?$")

_DOC_NO_RE = re.compile(
    rf"^(?P<dn>[{_IDEO}]{{1,15}}\s*[〔\[【(（]\s*(?:19|20)\d{{2}}\s*[〕\]】)）]\s*第?\s*\d{{1,5}}\s*号)"
    r"(?P<rest>.*)$"
)
_SIGNER_RE = re.compile(r"^签\s*发\s*人")
_ORGANIZER_LINE_RE = re.compile(r"^(主办|协办|会办)(?:单位|部门)?\s*[:：]\s*(.+)$")
_SESSION_RE = re.compile(
    rf"(?P<pre>[{_IDEO}]{{0,8}}?)(?P<core>第?[{_CN}]{{1,3}}届(?:全国)?(?:人民代表大会|人大|政协|委员会)?"
    rf"(?:常务委员会|常委会)?第?[{_CN}]{{1,3}}次(?:全体)?(?:会议|全会))"
)
_SESSION_FILLER = "在于对的是就为与和及您你我们收到提出关感谢上中届会号"
_CONTACT_NAME_RE = re.compile(
    rf"联\s*系\s*人\s*[:：]?\s*([{_IDEO}·]{{2,6}}?)(?=[\s，,；;、()（）：:]|电话|联系|手机|办公|$)"
)
_CONTACT_PHONE_RE = re.compile(
    r"(?:电话|手机|方式|号码)[^0-9０-９]{0,4}([0-9０-９][0-9０-９\-－—–\s/、]{3,40})"
)


def _date_only(text: str) -> str | None:
    """The date when ``text`` is nothing but a date (in brackets or with a full stop at most)."""
    if len(text) > 40:
        return None
    found = find_dates(text)
    if len(found) != 1:
        return None
    start, end, iso = found[0]
    rest = (text[:start] + text[end:]).strip(" \t\u3000()（）。.")
    return iso if not rest else None


def _joint_count(who: str) -> int | None:
    """N of a joint salutation "张三等N位代表" (Arabic or Chinese numerals), else None."""
    m = _JOINT_RE.search(who)
    if not m:
        return None
    digits = re.sub(r"[^\d一二三四五六七八九十百]", "", m.group(0))
    if not digits:
        return None
    if digits.isdigit():
        return int(digits)
    try:
        return counting_number(digits) if "百" not in digits else None
    except KeyError:
        return None


def _salutation_names(who: str) -> tuple[list[str], bool]:
    """Names in a salutation's "who" part and whether it is a joint (等N位) salutation."""
    who = who.strip()
    joint = bool(_JOINT_RE.search(who))
    who = _JOINT_RE.sub("", who).strip()
    names = []
    for part in _NAME_SPLIT_RE.split(who):
        part = re.sub(r"(?:代表|委员|同志)$", "", part.removeprefix("尊敬的"))
        if _PERSON_RE.match(part) and part not in _NOT_NAMES and not part.startswith("各"):
            names.append(part)
    return names, joint


def _clean_title(title: str) -> str:
    title = title.strip().strip('《》“”"「」')
    while title.startswith("关于关于"):
        title = title[2:]
    return title


def _session_in(text: str) -> str | None:
    m = _SESSION_RE.search(text)
    if not m:
        return None
    pre = m.group("pre")
    cut = max((pre.rfind(ch) for ch in _SESSION_FILLER), default=-1)
    return pre[cut + 1 :] + m.group("core")
