"""One line of a pack's ``letters.jsonl``: checked field by field and turned into the letter
to be stored."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Final, TypeGuard

from desktop.importer import content_hash
from desktop.model import SECTION_KINDS, Block, FieldSource, ParsedLetter
from desktop.packs.manifest import (
    INT_FIELDS,
    INT_RANGES,
    ISO_DATE_RE,
    LETTERS,
    MAX_FIELD_CHARS,
    MAX_LETTER_ID,
    MAX_LIST_ITEMS,
    REQUIRED_LETTER_FIELDS,
    TEXT_FIELDS,
    PackError,
)
from desktop.paragraph_split import MAX_PARAGRAPH_CHARS
from desktop.store.errors import LetterEditError
from desktop.store.letter_values import EDITABLE_FIELDS, checked_value
from desktop.store.packs import IncomingLetter

# What a letter line may carry besides its fields (since issue 10; older packs have none of
# it and still import): the reader's lines, where each field came from, the clerk's
# corrections and the parser version that read it.
MAX_SOURCE_LINES: Final = 100_000
MAX_SOURCE_LINE_CHARS: Final = 1_000_000
MAX_PARSER_VERSION: Final = 1_000_000
MAX_FIELD_SOURCES: Final = 100


def is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


class BadLine(Exception):
    pass


def storable(text: str) -> bool:
    """Whether SQLite (and a UTF-8 log or terminal) can take the text: JSON's ``\\ud800``
    escapes decode to lone surrogates, which cannot be encoded."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_BAD_CHARACTER = "含有无效的字符（孤立的代理项）"


def _checked_text(value: str, what: str, limit: int = MAX_FIELD_CHARS) -> str:
    if len(value) > limit:
        raise BadLine(f"{what}超过 {limit} 个字")
    if not storable(value):
        raise BadLine(f"{what}{_BAD_CHARACTER}")
    return value


def _opt_text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return value
    if isinstance(value, str):
        return _checked_text(value, f"“{key}”")
    raise BadLine(f"“{key}”应为文字")


def _text_list(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadLine(f"“{key}”应为文字列表")
    if len(value) > MAX_LIST_ITEMS:
        raise BadLine(f"“{key}”超过 {MAX_LIST_ITEMS} 项")
    return [_checked_text(v, f"“{key}”") for v in value]


def parse_letter_line(raw: bytes) -> IncomingLetter:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadLine("不是 UTF-8 文字") from None
    except (ValueError, RecursionError):
        raise BadLine("不是有效的 JSON") from None
    if not isinstance(data, dict):
        raise BadLine("不是一个 JSON 对象")
    missing = [k for k in REQUIRED_LETTER_FIELDS if k not in data]
    if missing:
        raise BadLine("缺少" + "、".join(f"“{k}”" for k in missing))
    kind = data["kind"]
    if kind not in ("reply", "reference"):
        raise BadLine("“kind”应为 reply 或 reference")
    declared = data["content_hash"]
    if not isinstance(declared, str) or not 0 < len(declared) <= 128 or not storable(declared):
        raise BadLine("“content_hash”无效")
    origin = data["origin"]
    letter_id = origin.get("letter_id") if isinstance(origin, dict) else None
    if (
        not isinstance(origin, dict)
        or not isinstance(origin.get("library_id"), str)
        or not 0 < len(origin["library_id"]) <= 100
        or not storable(origin["library_id"])
        or not (letter_id is None or (is_int(letter_id) and 0 <= letter_id <= MAX_LETTER_ID))
    ):
        raise BadLine("“origin”应为 {library_id, letter_id}")
    texts = {k: _opt_text(data, k) for k in TEXT_FIELDS}
    reply_date = texts["reply_date"]
    if reply_date is not None:
        try:
            if not ISO_DATE_RE.match(reply_date):
                raise ValueError(reply_date)
            dt.date.fromisoformat(reply_date)
        except ValueError:
            raise BadLine("“reply_date”应为 YYYY-MM-DD 日期") from None
    for key in INT_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        low, high = INT_RANGES[key]
        if not is_int(value) or not low <= value <= high:
            raise BadLine(f"“{key}”应为 {low} 到 {high} 之间的整数")
    paragraphs = data["paragraphs"]
    if not isinstance(paragraphs, list) or not paragraphs:
        raise BadLine("“paragraphs”应为非空列表")
    blocks = []
    for i, p in enumerate(paragraphs, 1):
        if not isinstance(p, dict):
            raise BadLine(f"第 {i} 段不是一个 JSON 对象")
        text, original, section = p.get("text"), p.get("original"), p.get("section")
        if not isinstance(text, str) or not text.strip():
            raise BadLine(f"第 {i} 段没有文字")
        if not isinstance(original, str):
            raise BadLine(f"第 {i} 段的“original”应为文字")
        _checked_text(text, f"第 {i} 段", MAX_PARAGRAPH_CHARS)
        _checked_text(original, f"第 {i} 段的“original”", MAX_PARAGRAPH_CHARS)
        if section not in SECTION_KINDS:
            raise BadLine(f"第 {i} 段的“section”无效")
        if not isinstance(p.get("is_heading", False), bool):
            raise BadLine(f"第 {i} 段的“is_heading”应为 true 或 false")
        # The sender's normalized text as it is: normalizing it again here (with this
        # version's rules, which may differ from the sender's) could change a paragraph's hash
        # and store twice what the receiver already holds.
        blocks.append(Block(text, original, section, p.get("is_heading", False)))
    letter = ParsedLetter(
        kind=kind,
        blocks=blocks,
        title=texts["title"],
        addressee=_text_list(data, "addressee"),
        addressee_role=texts["addressee_role"],
        addressee_count=data.get("addressee_count"),
        proposal_number=texts["proposal_number"],
        proposal_title=texts["proposal_title"],
        session=texts["session"],
        agency=texts["agency"],
        main_organizer=texts["main_organizer"],
        co_organizers=_text_list(data, "co_organizers"),
        reply_date=reply_date,
        category=texts["category"],
        contact_name=texts["contact_name"],
        contact_phone=texts["contact_phone"],
        doc_number=texts["doc_number"],
        sources=_field_sources(data.get("field_sources")),
        source_lines=_source_lines(data.get("source_lines")),
    )
    parser_version = data.get("parser_version")
    if parser_version is not None and not (
        is_int(parser_version) and 0 <= parser_version <= MAX_PARSER_VERSION
    ):
        raise BadLine(f"“parser_version”应为 0 到 {MAX_PARSER_VERSION} 之间的整数")
    return IncomingLetter(
        letter=letter,
        content_hash=content_hash(letter),
        declared_hash=declared,
        source_path=texts["source_path"],
        source_format=texts["source_format"],
        origin=json.dumps(
            {"library_id": origin["library_id"], "letter_id": origin.get("letter_id")},
            ensure_ascii=False,
        ),
        corrections=_corrections(data.get("corrections")),
        parser_version=parser_version,
    )


def _source_lines(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadLine("“source_lines”应为文字列表")
    if len(value) > MAX_SOURCE_LINES:
        raise BadLine(f"“source_lines”超过 {MAX_SOURCE_LINES} 行")
    return [_checked_text(v, "“source_lines”", MAX_SOURCE_LINE_CHARS) for v in value]


def _field_sources(value: Any) -> dict[str, FieldSource]:
    if value is None:
        return {}
    if not isinstance(value, dict) or len(value) > MAX_FIELD_SOURCES:
        raise BadLine("“field_sources”应为 {项目: {line, rule, certain}}")
    out: dict[str, FieldSource] = {}
    for name, source in value.items():
        _checked_text(name, "“field_sources”的项目名", 100)
        line = source.get("line") if isinstance(source, dict) else None
        rule = source.get("rule") if isinstance(source, dict) else None
        certain = source.get("certain", True) if isinstance(source, dict) else None
        if (
            not (line is None or (is_int(line) and 0 <= line <= MAX_SOURCE_LINES))
            or not isinstance(rule, str)
            or not isinstance(certain, bool)
        ):
            raise BadLine(f"“field_sources”中“{name[:20]}”应为 {{line, rule, certain}}")
        suggestion = source.get("suggestion")
        if suggestion is not None:
            suggestion = _checked_text(suggestion, "“field_sources”的建议值", 200)
        out[name] = FieldSource(
            line, _checked_text(rule, "“field_sources”的规则名", 100), certain, suggestion
        )
    return out


def _corrections(value: Any) -> dict[str, Any]:
    """The sender's corrections as this library stores them: what the clerk set is checked
    as an edit would be; fields this version does not know (from a newer one) are left out."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadLine("“corrections”应为一个 JSON 对象")
    out: dict[str, Any] = {}
    fields = value.get("fields", {})
    if not isinstance(fields, dict):
        raise BadLine("“corrections”的“fields”应为一个 JSON 对象")
    checked: dict[str, Any] = {}
    for name, field_value in fields.items():
        if name not in EDITABLE_FIELDS:
            continue
        try:
            checked[name] = checked_value(name, field_value)
        except LetterEditError:
            raise BadLine(f"“corrections”中“{name}”的值无效") from None
    if checked:
        out["fields"] = checked
    kind = value.get("kind")
    if kind is not None:
        if kind not in ("reply", "reference"):
            raise BadLine("“corrections”的“kind”应为 reply 或 reference")
        out["kind"] = kind
    sections = value.get("sections", False)
    if not isinstance(sections, bool):
        raise BadLine("“corrections”的“sections”应为 true 或 false")
    if sections:
        out["sections"] = True
    return out


def bad_line_error(pack_name: str, lineno: int, reason: str) -> PackError:
    return PackError(f"“{pack_name}”的 {LETTERS} 第 {lineno} 行无效（{reason}），已拒绝导入。")
