"""Which column of an assignment list (交办清单) holds which case field, read from its header.

Offices write the same header in many ways: 建议号 / 提案号 / 编号 / 案号, 序　号 with a
full-width space, "主办单位（部门）", a header split over two rows under a merged "办理单位"
cell. :func:`field_of` names the field of one header cell: the text is normalised (NFKC, so
full-width letters and brackets become plain; every kind of space and line break removed;
``*`` and colons dropped), an exact alias wins, else the longest alias the text contains
(so 代表团 is the delegation although it contains 代表, and 联名提案人 a seconder although it
contains 提案人). Header cells are short: text longer than :data:`MAX_HEADER_CHARS` is data.

:func:`find_header` picks the header row among the first rows of a sheet (title rows above
it are common) and combines a two-row header when that recognises more columns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

# The case fields a list column can fill, with the clerk's name for each (the dialog's combo).
FIELDS: Final[dict[str, str]] = {
    "serial": "序号",
    "number": "建议/提案编号",
    "title": "标题（案由）",
    "proposers": "领衔代表/提案人",
    "seconders": "附议人/联名人",
    "delegation": "代表团/界别/所在单位",
    "main_organizer": "主办单位",
    "co_organizers": "协办/会办单位",
    "assigned_date": "交办日期",
    "due_date": "办理期限",
    "kind": "类型（建议/提案/议案）",
    "session": "届次会议",
    "category": "答复类别",
    "content": "建议/提案内容",
}

ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "serial": ("序号", "顺序号", "序", "排序"),
    "number": (
        "建议号", "提案号", "议案号", "编号", "案号", "建议编号", "提案编号", "议案编号",
        "建议案号", "提案案号", "案件编号", "案件号", "编码",
    ),
    "title": (
        "标题", "案由", "题目", "建议标题", "提案标题", "议案标题", "建议题目", "提案题目",
        "建议名称", "提案名称", "名称", "主题", "内容提要", "标题案由",
    ),
    "proposers": (
        "领衔代表", "提案人", "第一提案人", "提出人", "领衔人", "代表", "代表姓名", "提出代表",
        "建议人", "领衔委员", "提案者", "提出者", "委员", "委员姓名", "姓名", "领衔",
        "提案单位", "提出单位", "第一领衔人",
    ),
    "seconders": (
        "附议人", "联名人", "附议代表", "联名代表", "联名提案人", "附议", "联名", "附议委员",
        "联名委员", "附议人员", "其他提案人", "联名提出人",
    ),
    "delegation": (
        "代表团", "界别", "所在单位", "工作单位", "所属代表团", "代表团别", "所在代表团",
        "界别小组", "单位职务", "工作单位及职务", "所在界别",
    ),
    "main_organizer": (
        "主办单位", "主办", "主办部门", "承办单位", "承办部门", "主办单位部门", "主办机关",
        "办理单位", "承办",
    ),
    "co_organizers": (
        "协办单位", "会办单位", "协办", "会办", "协办部门", "会办部门", "配合单位",
        "协办单位部门", "会办单位部门", "分办单位",
    ),
    "assigned_date": ("交办日期", "交办时间", "交办日", "交办", "交办日期时间", "转办日期"),
    "due_date": (
        "办理期限", "答复期限", "办结期限", "答复时限", "办理时限", "期限", "截止日期",
        "答复截止日期", "办理截止日期", "应答复日期", "要求答复日期", "时限",
    ),
    "kind": ("类型", "案件类型", "种类", "建议类型提案", "件别"),
    "session": ("届次", "会议", "届次会议", "会次", "届别"),
    "category": ("答复类别", "办理类别", "类别", "ABC类"),
    "content": ("内容", "建议内容", "提案内容", "正文", "主要内容", "全文"),
    # Columns lists carry that are no case field; named so that 交办单位 is not 交办日期.
    "": (
        "交办单位", "交办机关", "备注", "联系电话", "联系方式", "电话", "手机", "办理状态",
        "状态", "办理情况", "答复情况", "满意度", "满意程度", "公开属性", "是否公开", "说明",
    ),
}  # fmt: skip

MAX_HEADER_CHARS: Final = 14  # normalised; a longer cell is a title or a note, not a header
HEADER_SCAN_ROWS: Final = 30  # the header is looked for among this many rows at the top
# A header row names at least this many fields, among them the number or the title.
MIN_HEADER_FIELDS: Final = 3

_DROPPED = re.compile(r"[\s*＊:：·•、/／\\()（）\[\]【】〔〕<>《》\"'“”‘’_\-—]+")


def normalise_header(text: object) -> str:
    """The header cell as compared: NFKC, no spaces, brackets, slashes or colons."""
    if text is None:
        return ""
    return _DROPPED.sub("", unicodedata.normalize("NFKC", str(text)))


@dataclass(frozen=True)
class Recognised:
    field: str
    score: int  # 1000 for an exact alias, else the length of the longest alias contained


def recognise(text: object) -> Recognised | None:
    """The field a header cell names, with how sure (exact beats contained, longer beats
    shorter); None when it names none of :data:`FIELDS` or is too long to be a header."""
    norm = normalise_header(text)
    if not norm or len(norm) > MAX_HEADER_CHARS:
        return None
    best: Recognised | None = None
    for name, aliases in ALIASES.items():
        for alias in aliases:
            if norm == alias:
                return Recognised(name, 1000) if name else None
            if alias in norm and (best is None or len(alias) > best.score):
                best = Recognised(name, len(alias))
    return best if best is not None and best.field else None


def field_of(text: object) -> str | None:
    found = recognise(text)
    return found.field if found else None


@dataclass(frozen=True)
class Header:
    """Where the header is and what it says: ``first_data_row`` is 0-based in the sheet."""

    row: int  # 0-based index of the (lower) header row
    first_data_row: int
    labels: tuple[str, ...]  # each column's header text as shown to the clerk
    mapping: dict[int, str]  # column index → field (each field at most once)


def map_columns(labels: list[str]) -> dict[int, str]:
    """Column → field for a header row; where two columns name one field, the surer wins
    (the first of equals)."""
    chosen: dict[str, tuple[int, int]] = {}  # field → (column, score)
    for col, label in enumerate(labels):
        found = recognise(label)
        if found is None:
            continue
        held = chosen.get(found.field)
        if held is None or found.score > held[1]:
            chosen[found.field] = (col, found.score)
    return {col: name for name, (col, _score) in sorted(chosen.items(), key=lambda i: i[1][0])}


def _good(mapping: dict[int, str]) -> bool:
    names = set(mapping.values())
    return len(names) >= MIN_HEADER_FIELDS and bool(names & {"number", "title"})


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _combined_labels(upper: list[object], lower: list[object]) -> list[str]:
    """A two-row header's labels: the lower cell where it names a field (领衔代表 under a
    merged 代表信息), else the upper one (序号 merged down both rows)."""
    width = max(len(upper), len(lower))
    labels = []
    for col in range(width):
        top = _text(upper[col]) if col < len(upper) else ""
        low = _text(lower[col]) if col < len(lower) else ""
        if low and low != top and recognise(low) is not None:
            labels.append(low)
        elif top:
            labels.append(top)
        else:
            labels.append(low)
    return labels


def find_header(rows: list[list[object]]) -> Header | None:
    """The header among the first :data:`HEADER_SCAN_ROWS` rows: the row naming the most
    fields, or that row with the next one when together they name more; None when no row
    names enough (:data:`MIN_HEADER_FIELDS`, the number or the title among them)."""
    best: Header | None = None
    best_count = 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        labels = [_text(v) for v in row]
        mapping = map_columns(labels)
        candidate = Header(index, index + 1, tuple(labels), mapping)
        if index + 1 < len(rows):
            two = _combined_labels(list(row), list(rows[index + 1]))
            two_mapping = map_columns(two)
            if len(two_mapping) > len(mapping):
                candidate = Header(index + 1, index + 2, tuple(two), two_mapping)
        if _good(candidate.mapping) and len(candidate.mapping) > best_count:
            best, best_count = candidate, len(candidate.mapping)
    return best
