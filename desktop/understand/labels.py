"""Portal label/value cells of an online handling system (``提案号: | 277``): which field a
label fills. ``lines.collect`` reads table rows and short lines with ``label_of``."""

from __future__ import annotations

import re

from desktop.cjk import IDEOGRAPHS


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
        " 生成日期 公开属性 所属类别 状态 办理状态 所属主题 废止日期 生效日期"
    ),
}
_LABELS: dict[str, str] = {name: key for key, names in _LABEL_NAMES.items() for name in names}
# Labels too ambiguous to trust on a line of their own (outside a table row).
_TABLE_ONLY_LABELS = frozenset(_words("代表 委员 内容 答复 会议 编号 题目 电话 状态 办理结果"))
_LABEL_SPLIT_RE = re.compile(r"^([^:：|]{1,12}?)\s*[:：]\s*(.*)$", re.S)


def label_of(cell: str, table: bool, strict: bool = False) -> tuple[str | None, str]:
    """(field key, inline value) when ``cell`` is a portal label, else (None, "").

    ``strict`` (used once the reply text has begun) accepts only labels written with a colon,
    so the header cells of a data table inside a reply ("类别 | 数量") stay text.
    """
    if len(cell) > 300 and not _LABEL_SPLIT_RE.match(cell[:40]):
        return None, ""
    name = "".join(cell.split())  # (no white space: the characters r"\s" matches)
    key = _LABELS.get(name.rstrip(":："))
    colon_ok = not strict or name.endswith((":", "："))
    if key and colon_ok and (table or name.rstrip(":：") not in _TABLE_ONLY_LABELS):
        return key, ""
    m = _LABEL_SPLIT_RE.match(cell)
    if m:
        name = "".join(m.group(1).split())
        key = _LABELS.get(name)
        if key and (table or name not in _TABLE_ONLY_LABELS):
            return key, _own_value(key, m.group(2).strip())
    return None, ""


# Fields holding a code: a short word with a colon in their value is the next label, unless a
# year in brackets follows it (a document number such as 建议字：〔2023〕8号).
_CODE_FIELDS = frozenset({"doc_number", "number", "date", "category"})
_SHORT_WORD = re.compile(f"[{IDEOGRAPHS}]{{2,6}}")
_BRACKET_YEAR = re.compile(r"\s*[〔\[【(（]\s*(?:19|20)\d{2}")


def _own_value(key: str, value: str) -> str:
    """A label's inline value, or "" when the portal left it empty and the next label of the
    same row follows (``文号： 所属主题： 人大代表建议办理``: no document number): a label we
    know; for a field holding a code (文号, 编号, a date, a category) also a short word with a
    colon that no year in brackets follows (``建议字：〔2023〕8号`` is a document number; an
    answer's "张华代表：" is its salutation)."""
    m = _LABEL_SPLIT_RE.match(value)
    if m is None:
        return value
    name = "".join(m.group(1).split())
    if name in _LABELS:
        return ""
    if key in _CODE_FIELDS and _SHORT_WORD.fullmatch(name) and not _BRACKET_YEAR.match(m.group(2)):
        return ""
    return value
