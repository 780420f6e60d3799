"""The names in a salutation and the N of a joint salutation ("张三等N位代表")."""

from __future__ import annotations

import re

from desktop.numerals import counting_number
from desktop.understand.patterns import JOINT, NAME_SPLIT, NOT_NAMES, PERSON


def joint_count(who: str) -> int | None:
    """N of a joint salutation "张三等N位代表" (Arabic or Chinese numerals), else None."""
    m = JOINT.search(who)
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


def salutation_names(who: str) -> tuple[list[str], bool]:
    """Names in a salutation's "who" part and whether it is a joint (等N位) salutation."""
    who = who.strip()
    joint = bool(JOINT.search(who))
    who = JOINT.sub("", who).strip()
    names = []
    for part in NAME_SPLIT.split(who):
        part = re.sub(r"(?:代表|委员|同志)$", "", part.removeprefix("尊敬的"))
        if PERSON.match(part) and part not in NOT_NAMES and not part.startswith("各"):
            names.append(part)
    return names, joint
