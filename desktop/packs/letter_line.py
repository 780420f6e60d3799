"""One line of a pack's ``letters.jsonl``: checked field by field and turned into the letter
to be stored."""

from __future__ import annotations

import json
from typing import Any, Final

from desktop.importer import content_hash
from desktop.json_values import (
    JsonProblem,
    checked_text,
    flag,
    int_between,
    is_int,
    iso_date,
    json_object,
    one_of,
    optional_text,
    storable,
    text_list,
)
from desktop.model import SECTION_KINDS, Block, FieldSource, ParsedLetter
from desktop.packs.manifest import (
    INT_FIELDS,
    INT_RANGES,
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
LETTER_KINDS: Final = ("reply", "reference")


def _text(data: dict[str, Any], key: str) -> str | None:
    return optional_text(data.get(key), f"“{key}”", MAX_FIELD_CHARS)


def _texts(data: dict[str, Any], key: str) -> list[str]:
    return text_list(data.get(key), f"“{key}”", items=MAX_LIST_ITEMS, limit=MAX_FIELD_CHARS)


def parse_letter_line(raw: bytes) -> IncomingLetter:
    """The letter one line of ``letters.jsonl`` holds; :class:`JsonProblem` says what is wrong
    with the line."""
    data = _letter_object(raw)
    kind = one_of(data["kind"], "“kind”", LETTER_KINDS)
    declared = data["content_hash"]
    if not isinstance(declared, str) or not 0 < len(declared) <= 128 or not storable(declared):
        raise JsonProblem("“content_hash”无效")
    origin = _origin(data["origin"])
    texts = {k: _text(data, k) for k in TEXT_FIELDS}
    reply_date = iso_date(texts["reply_date"], "“reply_date”")
    numbers = {key: int_between(data.get(key), f"“{key}”", *INT_RANGES[key]) for key in INT_FIELDS}
    letter = ParsedLetter(
        kind=kind,
        blocks=_blocks(data["paragraphs"]),
        title=texts["title"],
        addressee=_texts(data, "addressee"),
        addressee_role=texts["addressee_role"],
        addressee_count=numbers["addressee_count"],
        proposal_number=texts["proposal_number"],
        proposal_title=texts["proposal_title"],
        session=texts["session"],
        agency=texts["agency"],
        main_organizer=texts["main_organizer"],
        co_organizers=_texts(data, "co_organizers"),
        reply_date=reply_date,
        category=texts["category"],
        contact_name=texts["contact_name"],
        contact_phone=texts["contact_phone"],
        doc_number=texts["doc_number"],
        sources=_field_sources(data.get("field_sources")),
        source_lines=_source_lines(data.get("source_lines")),
    )
    parser_version = int_between(
        data.get("parser_version"), "“parser_version”", 0, MAX_PARSER_VERSION
    )
    return IncomingLetter(
        letter=letter,
        content_hash=content_hash(letter),
        declared_hash=declared,
        source_path=texts["source_path"],
        source_format=texts["source_format"],
        origin=json.dumps(origin, ensure_ascii=False),
        corrections=_corrections(data.get("corrections")),
        parser_version=parser_version,
    )


def _letter_object(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise JsonProblem("不是 UTF-8 文字") from None
    except (ValueError, RecursionError):
        raise JsonProblem("不是有效的 JSON") from None
    if not isinstance(data, dict):
        raise JsonProblem("不是一个 JSON 对象")
    missing = [k for k in REQUIRED_LETTER_FIELDS if k not in data]
    if missing:
        raise JsonProblem("缺少" + "、".join(f"“{k}”" for k in missing))
    return data


def _origin(origin: Any) -> dict[str, Any]:
    """``{library_id, letter_id}``: the sending library and the letter's id there."""
    letter_id = origin.get("letter_id") if isinstance(origin, dict) else None
    if (
        not isinstance(origin, dict)
        or not isinstance(origin.get("library_id"), str)
        or not 0 < len(origin["library_id"]) <= 100
        or not storable(origin["library_id"])
        or not (letter_id is None or (is_int(letter_id) and 0 <= letter_id <= MAX_LETTER_ID))
    ):
        raise JsonProblem("“origin”应为 {library_id, letter_id}")
    return {"library_id": origin["library_id"], "letter_id": letter_id}


def _blocks(paragraphs: Any) -> list[Block]:
    if not isinstance(paragraphs, list) or not paragraphs:
        raise JsonProblem("“paragraphs”应为非空列表")
    return [_block(i, p) for i, p in enumerate(paragraphs, 1)]


def _block(i: int, p: Any) -> Block:
    if not isinstance(p, dict):
        raise JsonProblem(f"第 {i} 段不是一个 JSON 对象")
    text, original, section = p.get("text"), p.get("original"), p.get("section")
    if not isinstance(text, str) or not text.strip():
        raise JsonProblem(f"第 {i} 段没有文字")
    if not isinstance(original, str):
        raise JsonProblem(f"第 {i} 段的“original”应为文字")
    checked_text(text, f"第 {i} 段", MAX_PARAGRAPH_CHARS)
    checked_text(original, f"第 {i} 段的“original”", MAX_PARAGRAPH_CHARS)
    if section not in SECTION_KINDS:
        raise JsonProblem(f"第 {i} 段的“section”无效")
    heading = flag(p.get("is_heading", False), f"第 {i} 段的“is_heading”")
    # The sender's normalized text as it is: normalizing it again here (with this version's
    # rules, which may differ from the sender's) could change a paragraph's hash and store
    # twice what the receiver already holds.
    return Block(text, original, section, heading)


def _source_lines(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise JsonProblem("“source_lines”应为文字列表")
    if len(value) > MAX_SOURCE_LINES:
        raise JsonProblem(f"“source_lines”超过 {MAX_SOURCE_LINES} 行")
    return [checked_text(v, "“source_lines”", MAX_SOURCE_LINE_CHARS) for v in value]


def _field_sources(value: Any) -> dict[str, FieldSource]:
    if value is None:
        return {}
    if not isinstance(value, dict) or len(value) > MAX_FIELD_SOURCES:
        raise JsonProblem("“field_sources”应为 {项目: {line, rule, certain}}")
    out: dict[str, FieldSource] = {}
    for name, source in value.items():
        checked_text(name, "“field_sources”的项目名", 100)
        line = source.get("line") if isinstance(source, dict) else None
        rule = source.get("rule") if isinstance(source, dict) else None
        certain = source.get("certain", True) if isinstance(source, dict) else None
        if (
            not (line is None or (is_int(line) and 0 <= line <= MAX_SOURCE_LINES))
            or not isinstance(rule, str)
            or not isinstance(certain, bool)
        ):
            raise JsonProblem(f"“field_sources”中“{name[:20]}”应为 {{line, rule, certain}}")
        suggestion = source.get("suggestion")
        if suggestion is not None:
            suggestion = checked_text(suggestion, "“field_sources”的建议值", 200)
        out[name] = FieldSource(
            line, checked_text(rule, "“field_sources”的规则名", 100), certain, suggestion
        )
    return out


def _corrections(value: Any) -> dict[str, Any]:
    """The sender's corrections as this library stores them: what the clerk set is checked
    as an edit would be; fields this version does not know (from a newer one) are left out."""
    if value is None:
        return {}
    value = json_object(value, "“corrections”")
    out: dict[str, Any] = {}
    checked = _corrected_fields(json_object(value.get("fields", {}), "“corrections”的“fields”"))
    if checked:
        out["fields"] = checked
    kind = value.get("kind")
    if kind is not None:
        out["kind"] = one_of(kind, "“corrections”的“kind”", LETTER_KINDS)
    if flag(value.get("sections", False), "“corrections”的“sections”"):
        out["sections"] = True
    return out


def _corrected_fields(fields: dict[str, Any]) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for name, field_value in fields.items():
        if name not in EDITABLE_FIELDS:
            continue
        try:
            checked[name] = checked_value(name, field_value)
        except LetterEditError:
            raise JsonProblem(f"“corrections”中“{name}”的值无效") from None
    return checked


def bad_line_error(pack_name: str, lineno: int, reason: str) -> PackError:
    return PackError(f"“{pack_name}”的 {LETTERS} 第 {lineno} 行无效（{reason}），已拒绝导入。")
