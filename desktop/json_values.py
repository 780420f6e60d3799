"""Checking values read from JSON that came from outside (a pack, a saved draft, a sample or
profile file): one small set of checks, each raising :class:`JsonProblem` with what is wrong in
plain Chinese; the caller adds where (which file, which line).

Why not a schema library (jsonschema): it would add five packages to the bundle (attrs,
referencing, rpds-py with its Rust extension, the JSON-Schema meta-schemas as data files) and
its messages are English and name JSON paths; a clerk needs "第 3 段没有文字". These checks
are what the readers of packs, drafts and profiles all need and nothing more.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import Any, Final, TypeGuard

_BAD_CHARACTER: Final = "含有无效的字符（孤立的代理项）"
ISO_DATE_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")


class JsonProblem(ValueError):
    """A value from JSON is not what it should be; ``str()`` is plain Chinese."""


def is_int(value: Any) -> TypeGuard[int]:
    """An int that is not a bool (JSON's true is not 1)."""
    return isinstance(value, int) and not isinstance(value, bool)


def storable(text: str) -> bool:
    """Whether SQLite (and a UTF-8 log or terminal) can take the text: JSON's ``\\ud800``
    escapes decode to lone surrogates, which cannot be encoded."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def checked_text(value: str, what: str, limit: int) -> str:
    """``value`` when it is at most ``limit`` characters of storable text."""
    if len(value) > limit:
        raise JsonProblem(f"{what}超过 {limit} 个字")
    if not storable(value):
        raise JsonProblem(f"{what}{_BAD_CHARACTER}")
    return value


def optional_text(value: Any, what: str, limit: int) -> str | None:
    """None, or text of at most ``limit`` characters."""
    if value is None:
        return None
    if isinstance(value, str):
        return checked_text(value, what, limit)
    raise JsonProblem(f"{what}应为文字")


def text_list(value: Any, what: str, *, items: int, limit: int) -> list[str]:
    """A list (None: empty) of at most ``items`` texts of at most ``limit`` characters."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise JsonProblem(f"{what}应为文字列表")
    if len(value) > items:
        raise JsonProblem(f"{what}超过 {items} 项")
    return [checked_text(v, what, limit) for v in value]


def int_between(value: Any, what: str, low: int, high: int) -> int | None:
    """None, or an int from ``low`` to ``high``."""
    if value is None:
        return None
    if not is_int(value) or not low <= value <= high:
        raise JsonProblem(f"{what}应为 {low} 到 {high} 之间的整数")
    return value


def flag(value: Any, what: str) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise JsonProblem(f"{what}应为 true 或 false")
    return value


def one_of(value: Any, what: str, choices: Collection[str]) -> str:
    if value not in choices:
        raise JsonProblem(f"{what}应为 {' 或 '.join(choices)}")
    return str(value)


def json_object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise JsonProblem(f"{what}应为一个 JSON 对象")
    return value


def iso_date(value: Any, what: str) -> str | None:
    """None, or a real date written ``YYYY-MM-DD``."""
    if value is None:
        return None
    try:
        if not isinstance(value, str) or not ISO_DATE_RE.match(value):
            raise ValueError(value)
        dt.date.fromisoformat(value)
    except ValueError:
        raise JsonProblem(f"{what}应为 YYYY-MM-DD 日期") from None
    return value
