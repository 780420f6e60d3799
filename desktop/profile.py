"""The agency profile: stored once per library, used by every reply it writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from desktop.errors import ClerkError
from desktop.model import FontSpec

# Each scheme: code → meaning. The code is what a case's category holds; the label printed on
# the letter is code + "类".
CATEGORY_SCHEMES: dict[str, dict[str, str]] = {
    "ABC": {
        "A": "所提问题已经解决或基本解决",
        "B": "所提问题正在解决或已列入计划逐步解决",
        "C": "所提问题因条件限制需以后解决，已作出说明",
    },
    "ABCD": {
        "A": "所提问题已经解决或基本解决",
        "B": "所提问题正在解决或已列入计划逐步解决",
        "C": "所提问题因条件限制需以后解决，已作出说明",
        "D": "所提问题留作参考",
    },
    "甲乙丙": {
        "甲": "所提问题已经解决或基本解决",
        "乙": "所提问题正在解决或已列入计划逐步解决",
        "丙": "所提问题因条件限制需以后解决，已作出说明",
    },
}
# The seal image is stored beside the profile's values, as a file (name and bytes).
SEAL_KEY = "seal_image"

# Templates are written for A/B/C; other schemes map onto them.
TEMPLATE_CATEGORY = {"A": "A", "B": "B", "C": "C", "D": "C", "甲": "A", "乙": "B", "丙": "C"}


class ProfileError(ClerkError, ValueError):
    def __init__(self, message: str):
        super().__init__(message)


@dataclass
class AgencyProfile:
    agency_name: str = "南通市科学技术局"
    signer: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    cc: list[str] = field(default_factory=lambda: ["市人大常委会代表工委", "市政府办公室"])
    doc_number_prefix: str = ""  # e.g. "通科函"
    work_field: str = "科技"  # "衷心感谢您对我市{{ work_field }}工作的关心和支持"
    # Places that count as the agency's own besides those in its name (its province, its
    # districts): a reused paragraph naming another place is flagged (proofread/reuse.py).
    home_places: list[str] = field(default_factory=list)
    seal_diameter_mm: float = 42.0
    category_scheme: str = "ABC"
    due_months: int = 3  # main organizer (主办): months from assignment to the deadline
    co_due_months: int = 1  # co-organizer (协办/会办): its opinion is due sooner
    # The reminder banner and the cases pane's "due soon": cases due within this many days.
    reminder_days: int = 7
    text_limit: int = 2500  # plain-text body warning threshold (online handling systems)
    feedback_form: bool = False  # ask the deputy to return the 征询意见表
    # GB/T 9704: "函" (10.1 letter format) or "版记" (7.4: rules, 印发机关 and 印发日期).
    letter_format: str = "函"
    issuing_office: str = ""  # 印发机关 in the 版记; the agency name when empty
    issue_date: str = ""  # 印发日期 (ISO) in the 版记; the letter's date when empty
    # Letters end with a contact line (联系人、联系电话); the export check says when it is empty.
    contact_line: bool = True
    font_title: str = FontSpec.title
    font_body: str = FontSpec.body
    font_heading1: str = FontSpec.heading1
    font_heading2: str = FontSpec.heading2
    font_page_number: str = FontSpec.page_number

    @property
    def fonts(self) -> FontSpec:
        return FontSpec(
            title=self.font_title,
            body=self.font_body,
            heading1=self.font_heading1,
            heading2=self.font_heading2,
            page_number=self.font_page_number,
        )

    @property
    def categories(self) -> dict[str, str]:
        return CATEGORY_SCHEMES[self.category_scheme]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AgencyProfile:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


PROFILE_KEYS_ZH = {
    "agency_name": "发文机关（署名）",
    "signer": "签发人",
    "contact_name": "默认联系人",
    "contact_phone": "默认联系电话",
    "cc": "默认抄送单位（用顿号分隔）",
    "doc_number_prefix": "文号前缀",
    "work_field": "工作领域（用于致谢语）",
    "home_places": "本地地名（用顿号分隔，如“江苏省、崇川区”；发文机关名称中的地名总算本地）",
    "seal_diameter_mm": "印章直径（毫米）",
    "category_scheme": "答复类别方案（ABC / ABCD / 甲乙丙）",
    "due_months": "主办办理期限（交办后月数）",
    "co_due_months": "协办（会办）意见期限（交办后月数）",
    "reminder_days": "到期提醒（办理期限前天数）",
    "text_limit": "纯文本字数提醒",
    "feedback_form": "请代表寄回征询意见表（是/否）",
    "letter_format": "版式（函 / 版记）",
    "issuing_office": "印发机关（版记格式；留空则用发文机关）",
    "issue_date": "印发日期（版记格式，如 2026-06-01；留空则用成文日期）",
    "contact_line": "答复须注明联系人和联系电话（是/否）",
    "font_title": "标题字体",
    "font_body": "正文字体",
    "font_heading1": "一级标题字体",
    "font_heading2": "二级标题字体",
    "font_page_number": "页码字体",
    "seal_image": "印章图片（PNG 文件路径）",
}


def parse_profile_value(key: str, raw: str) -> Any:
    """Turn ``profile set KEY VALUE`` text into the stored value, or explain what is wrong."""
    if key not in PROFILE_KEYS_ZH or key == SEAL_KEY:
        known = "、".join(k for k in PROFILE_KEYS_ZH if k != SEAL_KEY)
        raise ProfileError(f"没有名为“{key}”的设置项。可用的设置项：{known}，以及 seal_image。")
    raw = raw.strip()
    parser = _PARSERS.get(key)
    if parser is not None:
        return parser(key, raw)
    if not raw and key == "agency_name":
        raise ProfileError("发文机关不能为空。")
    return raw


def _parse_cc(_key: str, raw: str) -> list[str]:
    parts = raw.replace("，", "、").replace(",", "、").split("、")
    return [p.strip() for p in parts if p.strip()]


def _parse_seal_diameter(_key: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ProfileError("印章直径应为数字（毫米），例如 42。") from None
    if not 20 <= value <= 60:
        raise ProfileError("印章直径应在 20 到 60 毫米之间（常用 42、45、50）。")
    return value


def _parse_count(key: str, raw: str) -> int:
    try:
        number = int(raw)
    except ValueError:
        raise ProfileError(f"“{PROFILE_KEYS_ZH[key]}”应为整数。") from None
    if number <= 0:
        raise ProfileError(f"“{PROFILE_KEYS_ZH[key]}”应大于 0。")
    # A due date years away or a limit no text reaches is a typing slip; a huge number
    # would also overflow the date arithmetic and SQLite's 64-bit integers.
    most = 120 if key in ("due_months", "co_due_months") else 1_000_000
    most = 365 if key == "reminder_days" else most
    if number > most:
        raise ProfileError(f"“{PROFILE_KEYS_ZH[key]}”不能超过 {most}。")
    return number


def _parse_scheme(_key: str, raw: str) -> str:
    if raw not in CATEGORY_SCHEMES:
        raise ProfileError(f"答复类别方案只能是：{'、'.join(CATEGORY_SCHEMES)}。")
    return raw


def _parse_yes_no(_key: str, raw: str) -> bool:
    if raw.lower() in ("是", "yes", "true", "1", "on"):
        return True
    if raw.lower() in ("否", "no", "false", "0", "off"):
        return False
    raise ProfileError("请填写“是”或“否”。")


def _parse_letter_format(_key: str, raw: str) -> str:
    # Here, not at the top: the layout's module (~4 ms) is not needed for the window to start.
    from desktop.layout import LETTER_FORMATS

    if raw not in LETTER_FORMATS:
        raise ProfileError("版式只能是“函”（信函格式）或“版记”（带印发机关和印发日期的版记）。")
    return raw


def _parse_issue_date(_key: str, raw: str) -> str:
    if not raw:
        return raw
    try:
        return dt.date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ProfileError("印发日期应写成 2026-06-01 这样的日期，留空则用成文日期。") from None


_PARSERS: dict[str, Callable[[str, str], Any]] = {
    "cc": _parse_cc,
    "home_places": _parse_cc,
    "seal_diameter_mm": _parse_seal_diameter,
    "due_months": _parse_count,
    "co_due_months": _parse_count,
    "text_limit": _parse_count,
    "reminder_days": _parse_count,
    "category_scheme": _parse_scheme,
    "feedback_form": _parse_yes_no,
    "contact_line": _parse_yes_no,
    "letter_format": _parse_letter_format,
    "issue_date": _parse_issue_date,
}
