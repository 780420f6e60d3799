"""The ``salutation_mismatch`` rule and the salutation helpers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from desktop.proofread.common import Finding, _quote

if TYPE_CHECKING:
    from collections.abc import Sequence

# ----------------------------------------------------------------------------------------------
# salutation_mismatch

_SALUTATION_RE: Final = re.compile(
    r"^\s*(?:尊敬的\s*)?(?P<names>[^\s：:，,。；;！!？?“”\"（）()《》][^：:，,。；;！!？?“”\"（）()《》]{0,59}?)"
    r"\s*(?:等\s*(?:[0-9０-９]+|[一二两三四五六七八九十]+)\s*[位名])?\s*(?:代表|委员)(?:们)?\s*[：:]"
)
# A name between separators, without the white space around it ("王  芳" stays one name).
_NAME_RE: Final = re.compile(r"[^、，,;；/\s](?:[^、，,;；/]*[^、，,;；/\s])?")
_GENERIC_ADDRESSEES: Final = frozenset({"各位", "全体", "诸位", "各", "亲爱的"})


def find_salutation(paragraphs: Sequence[str], within: int = 3) -> int | None:
    """Index of the salutation paragraph (``X代表：`` / ``X委员：``) among the first ``within``."""
    for k, text in enumerate(paragraphs[:within]):
        if _SALUTATION_RE.match(text):
            return k
    return None


def salutation_names(text: str) -> list[tuple[int, int, str]]:
    """The names in a salutation paragraph: ``(start, end, name)``; ``[]`` when it is none."""
    m = _SALUTATION_RE.match(text)
    if m is None:
        return []
    base = m.start("names")
    return [
        (base + part.start(), base + part.end(), part.group())
        for part in _NAME_RE.finditer(m.group("names"))
    ]


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", name)


def _salutation(
    paragraphs: list[str], proposers: list[str], salutation_index: int | None
) -> list[Finding]:
    index = find_salutation(paragraphs) if salutation_index is None else salutation_index
    if index is None or not 0 <= index < len(paragraphs):
        return []
    text = paragraphs[index]
    known = {_name_key(p) for p in proposers if p.strip()}
    if not known:
        return []
    names = salutation_names(text)
    if len(names) == 1 and names[0][2] in _GENERIC_ADDRESSEES:
        return []
    unknown: list[tuple[int, int, str]] = []
    for start, end, name in names:
        if _name_key(name) in known:
            continue
        # "张三 李四代表：" written with spaces between names.
        pieces = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", name)]
        if len(pieces) > 1 and any(_name_key(p) in known for _, _, p in pieces):
            unknown.extend(
                (start + a, start + b, p) for a, b, p in pieces if _name_key(p) not in known
            )
        else:
            unknown.append((start, end, name))
    listed = "、".join(p.strip() for p in proposers if p.strip())
    first = next(p.strip() for p in proposers if p.strip())
    single = len(names) == 1 and len(known) == 1
    return [
        Finding(
            "salutation_mismatch",
            f"称呼中的{_quote(name)}不是本件建议（提案）的提出人（{listed}），"
            "可能是沿用旧答复时没有改名字",
            index,
            start,
            end,
            first if single else None,
        )
        for start, end, name in unknown
    ]
