"""Step 1 of reading a proposal (建议 / 提案 / 议案): the reader's lines become ``ProposalLine``
pieces, and the labelled ones (``领衔代表：王明``) are marked with the field they fill.

A proposal comes as a printed document (a head line with the session and number, the title,
the proposers, the text in its parts), as a form exported from an online handling system (a
table of label cells and value cells: ``标题 | 关于… | 提案人 | 张三``), or as "label：value"
lines, several on one line ("领衔代表：王明　附议代表：李华、赵强"). Each label and its value
become one line of role ``label``; a label alone on its line takes the next line as its value.
Nothing is dropped: ``replydesk explain --proposal`` shows every piece with its role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.fold import to_simplified
from desktop.normalize import normalize_text


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The labels of a proposal's forms, by the field they fill. "subject" is 案由: the title in a
# short value, the reasons in a long one. "reason" and "suggestion" are the body's parts.
LABELS: dict[str, tuple[str, ...]] = {
    "number": _words(
        "编号 案号 建议号 提案号 议案号 建议编号 提案编号 议案编号 立案号 立案编号"
        " 建议案号 提案案号"
    ),
    "session": _words("届次 会议 届次会议 会议名称 会议届次 会次"),
    "title": _words(
        "标题 题目 建议标题 提案标题 议案标题 建议题目 提案题目 议案题目 建议名称 提案名称"
        " 议案名称 案题 名称"
    ),
    "subject": _words("案由 提案案由 议案案由"),
    "kind": _words("类型 文种 建议类型 提案类型 类别"),
    "proposers": _words(
        "领衔代表 领衔人 领衔委员 领衔提出人 提案人 第一提案人 提出人 建议人 建议提出人 提案者"
        " 提出者 提议人 提案提出者 建议提出者 代表姓名 委员姓名 提案单位 提出单位 提案人姓名"
        " 代表 委员 姓名"
    ),
    "seconders": _words(
        "附议人 附议代表 附议委员 附议 附议者 附议人员 联名人 联名代表 联名委员 联名 联名者"
        " 联名提案人 联名人员 其他提案人 共同提案人 联名提出人"
    ),
    "delegation": _words(
        "代表团 所在代表团 所属代表团 界别 所属界别 所在界别 委员界别 工作单位 所在单位 单位"
        " 工作单位及职务 单位及职务 组别 所在组别 选区 所在选区"
    ),
    "phone": _words("联系电话 电话 手机 手机号码 联系方式 联系手机 办公电话 移动电话"),
    "content": _words("内容 正文 建议内容 提案内容 议案内容 具体内容 建议正文 提案正文"),
    "reason": _words(
        "理由 原因 建议理由 提案理由 议案理由 案据 存在问题 存在的问题 问题 现状 情况分析 背景"
        " 基本情况 现状及问题 问题及原因 主要问题 情况及问题 现状与问题 问题与原因 调研情况"
    ),
    "suggestion": _words(
        "建议 办法 建议办法 具体建议 对策建议 意见建议 意见和建议 解决办法 措施 方案 具体办法"
        " 建议措施 对策 措施建议 工作建议 对策及建议 几点建议 相关建议 有关建议 改进建议"
    ),
    # A filled-in answer field: the text is the reply (a portal's export), not the proposal.
    "reply": _words(
        "答复内容 答复意见 办复内容 答复正文 回复内容 答复 办理结果 办理答复 答复日期 答复时间"
        " 办复日期 办复时间 回复日期 答复单位 答复文号"
    ),
    "meta": _words(
        "通讯地址 地址 邮编 邮政编码 提交日期 提出日期 提交时间 提出时间 日期 时间 交办日期"
        " 立案日期 主办 协办 会办 主办单位 协办单位 会办单位 承办单位 办理单位 审查意见 立案情况"
        " 性别 职务 民族 党派"
        " 电子邮箱 邮箱 是否公开 公开属性 提案形式 办理方式 状态 办理状态 序号"
    ),
}
LABEL_KEY: dict[str, str] = {name: key for key, names in LABELS.items() for name in names}
PART_KEYS = ("subject", "content", "reason", "suggestion")
# Labels too common as words to be trusted inside a line: only at its start or in a table cell.
_LEAD_ONLY = frozenset(
    _words("代表 委员 姓名 单位 名称 建议 办法 问题 原因 措施 方案 内容 日期 时间")
)
_NAMES_RE = "|".join(sorted(LABEL_KEY, key=len, reverse=True))
# A label followed by its colon, at the start of a line or after a gap or a separator.
_LABEL_RE = re.compile(rf"(?:^|(?<=[\s、，,;；]))(?P<label>{_NAMES_RE})\s*[：:]")
_PART_NAMES_RE = "|".join(
    sorted(
        (n for n, k in LABEL_KEY.items() if k in ("subject", "reason", "suggestion")),
        key=len,
        reverse=True,
    )
)
# A part label run onto the end of the paragraph before it (a PDF's lines joined back into
# paragraphs: "…增长很快。办法：").
_TRAILING_PART_RE = re.compile(rf"[。；！？]\s*(?P<label>{_PART_NAMES_RE})\s*[：:]\s*$")
_TAIL = 24  # how far from a line's end such a label can start
# A multi-label line is short; a long line is read only for a label at its start.
SHORT = 160


@dataclass
class ProposalLine:
    source: int  # index into the reader's lines
    text: str  # normalized
    original: str  # as the reader gave it
    folded: str  # folded to simplified characters: what every pattern reads
    role: str = "body"
    rule: str = ""
    key: str | None = None  # role "label": the field the label fills
    label: str = ""
    value: str = ""
    raw_value: str = ""  # the value as written: names keep the spaces between them

    def set(self, role: str, rule: str) -> None:
        self.role, self.rule = role, rule

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "source": self.source,
            "role": self.role,
            "rule": self.rule,
            "text": self.text,
        }
        if self.key:
            out["field"] = self.key
            out["value"] = self.value
        return out


def _make(source: int, original: str) -> ProposalLine | None:
    normalized = normalize_text(original)
    if not normalized:
        return None
    return ProposalLine(source, normalized, original, to_simplified(normalized))


def _label(source: int, label: str, value: str, key: str) -> ProposalLine:
    raw, label, value = value.strip(), label.strip(), normalize_text(value)
    text = f"{label}：{value}" if value else f"{label}："
    line = ProposalLine(
        source,
        text,
        f"{label}：{raw}",
        to_simplified(text),
        key=key,
        label=label,
        value=value,
        raw_value=raw,
    )
    line.set("label", f"label:{label}")
    return line


def bare_label(cell: str) -> str | None:
    """The field of a cell that is nothing but a label ("提案人", "提案人：")."""
    name = re.sub(r"\s+", "", to_simplified(cell)).rstrip(":：")
    return LABEL_KEY.get(name)


def split_labels(source: int, text: str) -> list[ProposalLine]:
    """``text`` as label lines ("领衔代表：王明　附议代表：李华"), or [] when it holds none."""
    if len(text) > SHORT:  # a paragraph: only a label at its start ("理由：当前…")
        head = _LABEL_RE.match(to_simplified(text[:40]))
        found = [head] if head is not None else []
        folded = text
    else:
        folded = to_simplified(text)
        found = [m for m in _LABEL_RE.finditer(folded) if _usable(m, folded)]
    if not found or folded[: found[0].start()].strip():
        return []
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        label = m.group("label")
        out.append(
            _label(
                source,
                text[m.start() : m.start() + len(label)],
                text[m.end() : end],
                LABEL_KEY[label],
            )
        )
    return out


def _usable(m: re.Match[str], folded: str) -> bool:
    return m.start() == 0 or m.group("label") not in _LEAD_ONLY


class _Collector:
    def __init__(self) -> None:
        self.lines: list[ProposalLine] = []
        self.header: list[str] = []  # a row of nothing but labels: the next row's columns

    def add_text(self, source: int, text: str) -> None:
        for piece in text.split("\n"):
            cut = max(len(piece) - _TAIL, 0)
            trailing = _TRAILING_PART_RE.search(to_simplified(piece[cut:]))
            if trailing is not None:
                self.add_text(source, piece[: cut + trailing.start("label")])
                piece = piece[cut + trailing.start("label") :]
            labels = split_labels(source, piece.strip())
            key = bare_label(piece) if not labels and len(piece.strip()) <= 12 else None
            if key is not None:
                labels = [_label(source, re.sub(r"\s*[:：]\s*$", "", piece.strip()), "", key)]
            if labels:
                self.lines.extend(labels)
                continue
            line = _make(source, piece)
            if line is not None:
                self.lines.append(line)

    def add_row(self, source: int, cells: list[str]) -> None:
        """A table row: label cells take the cell after them as their value; a row of labels
        names the columns of the row under it (a list exported across the page)."""
        keys = [bare_label(cell) for cell in cells]
        if len(cells) > 1 and all(keys):
            self.header = cells
            line = _make(source, " | ".join(cells))
            if line is not None:
                line.set("columns", "label-row")
                self.lines.append(line)
            return
        if self.header and len(cells) == len(self.header) and not any(keys):
            for label, value in zip(self.header, cells, strict=True):
                self.add_labelled(source, label, value, bare_label(label) or "meta")
            return
        self.header = []
        i = 0
        while i < len(cells):
            cell = cells[i]
            key = bare_label(cell)
            if key is not None and i + 1 < len(cells) and bare_label(cells[i + 1]) is None:
                self.add_labelled(source, cell, cells[i + 1], key)
                i += 2
                continue
            self.add_text(source, cell)
            i += 1

    def add_labelled(self, source: int, label: str, value: str, key: str) -> None:
        """A label with a value that may run over several paragraphs (the body's parts)."""
        label = re.sub(r"\s*[:：]\s*$", "", label.strip())
        first, _, rest = value.strip().partition("\n")
        if key in PART_KEYS and rest.strip():
            self.lines.append(_label(source, label, "", key))
            self.add_text(source, value)
            return
        joined = first if key in PART_KEYS else " ".join(value.split("\n"))
        self.lines.append(_label(source, label, joined, key))
        if rest.strip() and key in PART_KEYS:
            self.add_text(source, rest)


def collect(raw_lines: list[str]) -> list[ProposalLine]:
    """The reader's lines as pieces, each with its source index; nothing dropped."""
    c = _Collector()
    for source, raw in enumerate(raw_lines):
        if not isinstance(raw, str) or not raw.strip():
            continue
        text = raw.replace("\r", "")
        if "|" in text:
            cells = [cell.strip() for cell in text.split("|")]
            c.add_row(source, [cell for cell in cells if cell])
        else:
            c.add_text(source, text)
    _take_next_line_values(c.lines)
    return c.lines


def _take_next_line_values(lines: list[ProposalLine]) -> None:
    """A field label alone on its line ("提案人：") takes the next plain line as its value."""
    for i, line in enumerate(lines[:-1]):
        following = lines[i + 1]
        if (
            line.role == "label"
            and not line.value
            and line.key not in PART_KEYS
            and line.key != "meta"
            and following.role == "body"
            and len(following.text) <= 60
        ):
            line.value, line.raw_value = following.text, following.original
            following.set("value", "value-of-label-above")
