"""The values a clerk may give a letter's fields, checked before anything is written, and the
shape of the clerk's corrections as ``letters.corrections`` keeps them.

``corrections`` (JSON): ``{"fields": {field: value as stored}, "kind": "reply",
"sections": true}`` — only what the clerk touched: ``fields`` the fields set (a list for
``addressee`` and ``co_organizers``), ``kind`` when the clerk switched reply/reference,
``sections`` when a paragraph was moved to another section, split or merged. A re-parse leaves
all of these alone.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any, Final

from desktop.lazy_pattern import LazyPattern
from desktop.model import SECTION_KINDS
from desktop.store.errors import LetterEditError

# The fields of a letter a clerk may set (ParsedLetter's attributes; ``year`` follows the
# reply date, ``kind`` has a parameter of its own).
EDITABLE_FIELDS: Final = (
    "title", "addressee", "addressee_role", "addressee_count", "proposal_number",
    "proposal_title", "session", "agency", "main_organizer", "co_organizers", "reply_date",
    "category", "contact_name", "contact_phone", "doc_number",
)  # fmt: skip
LIST_FIELDS: Final = ("addressee", "co_organizers")
FIELD_NAMES_ZH: Final = {
    "title": "标题",
    "addressee": "收件人",
    "addressee_role": "收件人身份",
    "addressee_count": "联名人数",
    "proposal_number": "建议（提案）编号",
    "proposal_title": "建议（提案）标题",
    "session": "会议届次",
    "agency": "答复单位",
    "main_organizer": "主办单位",
    "co_organizers": "协办单位",
    "reply_date": "答复日期",
    "category": "答复类别",
    "contact_name": "联系人",
    "contact_phone": "联系电话",
    "doc_number": "文号",
    "kind": "文件类型",
}
_ALIASES: Final = {zh: name for name, zh in FIELD_NAMES_ZH.items()}
ROLES: Final = ("代表", "委员", "单位")
CATEGORIES: Final = ("A", "B", "C", "D", "甲", "乙", "丙", "丁")
KINDS: Final = {
    "reply": "reply",
    "reference": "reference",
    "答复": "reply",
    "参考资料": "reference",
}
SECTION_ALIASES: Final = {
    **{k: k for k in SECTION_KINDS},
    "开头": "greeting",
    "现状": "status",
    "下一步": "plan",
    "结尾": "closing",
    "正文": "body",
}
CLERK_RULE: Final = "clerk"  # the rule of a field the clerk set
MAX_VALUE_CHARS: Final = 5000  # as a pack accepts (desktop/packs/manifest.MAX_FIELD_CHARS)
_LIST_SPLIT_RE = re.compile(r"[、，,;；]")
_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")
# As the parser keeps it, printed without 第/号: 94, 021, T014, 台52 (a delegation's mark).
_NUMBER_RE = LazyPattern(r"^第?\s*([\u4e00-\u9fff]?[A-Za-z]?\d{1,10})\s*号?\Z")


def clerk_source() -> dict[str, Any]:
    return {"line": None, "rule": CLERK_RULE, "certain": True}


def field_name(name: object) -> str:
    """The field ``name`` (or its Chinese label) stands for; :class:`LetterEditError` if none."""
    key = str(name).strip()
    key = _ALIASES.get(key, key)
    if key in EDITABLE_FIELDS:
        return key
    if key == "year":
        raise LetterEditError(
            "年份随答复日期（reply_date）自动更新，请修改答复日期，没有做任何修改。"
        )
    shown = key if len(key) <= 30 else key[:30] + "…"
    raise LetterEditError(
        f"没有“{shown}”这一项，没有做任何修改。可以修改的是：{'、'.join(EDITABLE_FIELDS)}。"
    )


def _text(name: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise LetterEditError(f"{FIELD_NAMES_ZH[name]}应为文字，没有做任何修改。")
    text = value.strip()
    if "\n" in text or "\r" in text:
        raise LetterEditError(f"{FIELD_NAMES_ZH[name]}只能是一行文字，没有做任何修改。")
    if len(text) > MAX_VALUE_CHARS:
        raise LetterEditError(
            f"{FIELD_NAMES_ZH[name]}超过 {MAX_VALUE_CHARS} 个字，没有做任何修改。"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise LetterEditError(f"{FIELD_NAMES_ZH[name]}含有无效的字符，没有做任何修改。") from None
    return text or None


def _list(name: str, value: object) -> list[str]:
    if value is None:
        return []
    items: list[object]
    if isinstance(value, str):
        items = list(_LIST_SPLIT_RE.split(value))
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise LetterEditError(f"{FIELD_NAMES_ZH[name]}应为文字或文字列表，没有做任何修改。")
    out: list[str] = []
    for item in items:
        text = _text(name, item)
        if text:
            out.append(text)
    return out


def checked_value(name: str, value: object) -> object:
    """``value`` for the field ``name`` as it is stored (None clears the field; an empty text
    too), or :class:`LetterEditError` with a one-line reason."""
    if name in LIST_FIELDS:
        return _list(name, value)
    if name == "addressee_count":
        return _checked_count(value)
    text = _text(name, value)
    if text is None:
        return None
    check = _TEXT_CHECKS.get(name)
    return check(text) if check is not None else text


def _checked_count(value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise LetterEditError("联名人数应为整数，没有做任何修改。")
    try:
        count = int(value) if isinstance(value, int | str) else None
    except ValueError:
        count = None
    if count is None or not 0 <= count <= 100_000:
        raise LetterEditError("联名人数应为 0 到 100000 之间的整数，没有做任何修改。")
    return count


def _checked_date(text: str) -> str:
    try:
        if not _ISO_RE.match(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise LetterEditError(
            f"答复日期“{text[:20]}”不是有效的日期，请写成 2020-05-29 的形式"
            "（留空则清除），没有做任何修改。"
        ) from None


def _checked_category(text: str) -> str:
    code = re.sub(r"[\s（）()类]", "", text).upper()
    if code not in CATEGORIES:
        raise LetterEditError(
            f"答复类别只能是 {'、'.join(CATEGORIES)} 之一（留空则清除），没有做任何修改。"
        )
    return code


def _checked_role(text: str) -> str:
    if text not in ROLES:
        raise LetterEditError(
            f"收件人身份只能是 {'、'.join(ROLES)} 之一（留空则清除），没有做任何修改。"
        )
    return text


def _checked_number(text: str) -> str:
    m = _NUMBER_RE.match(unicodedata.normalize("NFKC", text))
    if not m:
        raise LetterEditError(
            "建议（提案）编号应是数字（可带一个字或字母的前缀），"
            "例如 94、T014、台52，没有做任何修改。"
        )
    return m.group(1)


# Fields whose text has a form of its own (the others take any one line of text).
_TEXT_CHECKS: Final[dict[str, Callable[[str], str]]] = {
    "reply_date": _checked_date,
    "category": _checked_category,
    "addressee_role": _checked_role,
    "proposal_number": _checked_number,
}


def checked_fields(fields: Mapping[Any, Any] | None) -> tuple[dict[str, object], str | None]:
    """The clerk's ``fields`` checked: ``({field: stored value}, kind or None)`` (a ``kind``
    key among the fields is taken as the kind)."""
    if fields is None:
        return {}, None
    if not isinstance(fields, Mapping):
        raise LetterEditError("要修改的内容应为“项目=值”的形式，没有做任何修改。")
    out: dict[str, object] = {}
    kind: str | None = None
    for raw_name, value in fields.items():
        if str(raw_name).strip() in ("kind", FIELD_NAMES_ZH["kind"]):
            kind = checked_kind(value)
            continue
        name = field_name(raw_name)
        out[name] = checked_value(name, value)
    return out, kind


def checked_kind(kind: object) -> str:
    if isinstance(kind, str) and kind.strip() in KINDS:
        return KINDS[kind.strip()]
    raise LetterEditError("文件类型只能是 reply（答复）或 reference（参考资料），没有做任何修改。")


def checked_sections(sections: Mapping[Any, Any] | None) -> dict[int, str]:
    """``{paragraph id: section kind}``; ids may come as digit strings (from JSON)."""
    if not sections:
        return {}
    if not isinstance(sections, Mapping):
        raise LetterEditError("段落的归类应为“段落编号=类别”的形式，没有做任何修改。")
    out: dict[int, str] = {}
    for raw_id, raw_kind in sections.items():
        try:
            if isinstance(raw_id, bool) or not isinstance(raw_id, int | str):
                raise ValueError(raw_id)
            pid = int(raw_id)
        except ValueError:
            raise LetterEditError(
                f"段落编号“{str(raw_id)[:20]}”应为数字，没有做任何修改。"
            ) from None
        kind = SECTION_ALIASES.get(str(raw_kind).strip()) if isinstance(raw_kind, str) else None
        if kind is None:
            raise LetterEditError(
                f"段落类别“{str(raw_kind)[:20]}”无效，只能是 greeting（开头）、status（现状）、"
                "plan（下一步）、closing（结尾）或 body（正文），没有做任何修改。"
            )
        out[pid] = kind
    return out


# ---------------------------------------------------------------------------- corrections


def load_json_object(raw: object) -> dict[str, Any]:
    """A JSON object column; anything else (NULL, damage) reads as empty."""
    if not isinstance(raw, str) or not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def load_json_list(raw: object) -> list[str]:
    """A JSON list-of-text column (the reader's lines); anything else reads as empty."""
    if not isinstance(raw, str) or not raw:
        return []
    try:
        value = json.loads(raw)
    except ValueError:
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def corrected_fields(corrections: Mapping[str, Any]) -> dict[str, Any]:
    fields = corrections.get("fields")
    return dict(fields) if isinstance(fields, dict) else {}


def corrected_names(corrections: Mapping[str, Any]) -> list[str]:
    """What the clerk set: field names, ``kind``, and ``sections`` for the structure."""
    names = set(corrected_fields(corrections))
    if corrections.get("kind") in ("reply", "reference"):
        names.add("kind")
    if corrections.get("sections"):
        names.add("sections")
    return sorted(names)


# ---------------------------------------------------------------------------- split and merge

_DROPPED = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp"))


def original_offset(original: str, text: str, offset: int) -> int:
    """Where in ``original`` the split at ``text[offset]`` falls, ``text`` being ``original``
    normalized: normalization replaces marks one for one (half-width by full-width, brackets
    of document numbers) and drops white space and invisible characters, so the two are walked
    side by side, skipping in ``original`` what normalization drops."""
    if original == text:
        return offset
    i = j = 0
    while i < offset and j < len(original):
        if original[j] == text[i]:
            i += 1
            j += 1
        elif unicodedata.category(original[j]) in _DROPPED or original[j] in "\t\r\n":
            j += 1
        elif unicodedata.category(text[i]) in _DROPPED:
            i += 1
        else:
            i += 1
            j += 1
    return j


def joined(first: str, second: str) -> str:
    """Two paragraphs as one: Chinese runs on; a space only between two Latin words."""
    a, b = first.rstrip(), second.lstrip()
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b
