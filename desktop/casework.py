"""Case records (the suggestion being answered) and drafts of their replies. Qt-free values."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from desktop.dates import parse_date
from desktop.errors import ClerkError
from desktop.lifecycle import (
    INITIAL_STATUS,
    StatusError,
    add_months,
    normalize_status,
    role_months,
)
from desktop.lifecycle import (
    STATUSES as STATUSES,  # re-exported: the statuses' one home is desktop.lifecycle
)
from desktop.proposers import Proposers, parse_proposers, proposers_text

SECTIONS: tuple[str, ...] = ("greeting", "status", "plan", "closing")
DISCLOSURES = ("主动公开", "依申请公开", "不予公开")
ROLES = ("代表", "委员")
# What the case is: a deputy's 建议, a member's 提案, or a deputies' 议案 (a motion). "" = from the
# role (代表 → 建议, 委员 → 提案), which is what cases stored before the field existed mean.
KINDS = ("建议", "提案", "议案")
# Where a saved draft version came from (``draft_versions.source``), in the clerk's words.
DRAFT_SOURCES = {
    "window": "窗口中保存",
    "exit": "关闭窗口时保存",
    "cli": "命令行 replydesk draft",
    "restore": "恢复旧版本",
    "recovery": "异常退出后恢复",
    "backup": "恢复备份前保存",
    "copy": "复制自其他案件",
    "offline": "离线时保存，服务器恢复后上传",
    "": "未记录",
}


class CaseError(ClerkError, ValueError):
    """A case field is missing or malformed; ``message`` names the field in plain Chinese."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name
        self.message = message


class CaseExists(ClerkError, ValueError):
    """A new case has the session and number of one already in the library."""

    def __init__(self, case_id: int, session: str, number: str):
        where = f"{session}" if session else ""
        message = (
            f"资料库中已有{where}第{number}号案件（编号 {case_id}）。"
            "未作任何修改；如确要用此文件更新该案件，请加 --update。"
        )
        super().__init__(message)
        self.case_id = case_id
        self.message = message


FIELD_ZH = {
    "number": "建议/提案编号",
    "session": "会议届次",
    "title": "建议/提案标题",
    "proposers": "提出人",
    "role": "提出人身份（代表/委员）",
    "organizer": "主办/协办",
    "main_organizer": "主办单位",
    "co_organizers": "协办单位",
    "category": "答复类别",
    "assigned_date": "交办日期",
    "due_date": "办理期限",
    "content": "建议/提案内容",
    "reply_date": "答复日期",
    "contact_name": "联系人",
    "contact_phone": "联系电话",
    "cc": "抄送",
    "disclosure": "公开属性",
    "doc_number": "文号",
    "status": "办理状态",
    "kind": "类型（建议/提案/议案）",
    "serial": "序号",
    "seconders": "附议人/联名人",
    "delegation": "代表团/界别/所在单位",
    "assignee": "经办人",
}


@dataclass
class Case:
    number: str
    title: str
    proposers: list[str]  # lead first
    role: str = "代表"  # 代表 | 委员
    session: str = ""
    proposer_count: int | None = None  # 5 for "张三等5位代表"; None = len(proposers)
    # "张三等" without a number: more proposers than listed, how many unknown.
    proposers_more: bool = False
    organizer: str = "main"  # "main" | "co"
    main_organizer: str = ""
    co_organizers: list[str] = field(default_factory=list)
    category: str = ""
    assigned_date: str | None = None
    due_date: str | None = None
    content: str = ""
    reply_date: str | None = None
    contact_name: str = ""
    contact_phone: str = ""
    # The case's own copy-to list. ``cc_given`` tells "not set" (False: the profile's list is
    # used) from "set": True with an empty list means no copy-to block at all. Cases stored
    # before the flag existed load with it False, so they keep the behaviour they had.
    cc: list[str] = field(default_factory=list)
    cc_given: bool = False
    disclosure: str = "主动公开"
    doc_number: str = ""
    status: str = INITIAL_STATUS  # a key of lifecycle.STATUSES
    # From the assignment list (交办清单) or the proposal document; see KINDS for ``kind``.
    kind: str = ""
    serial: str = ""  # 序号: the row's number in the assignment list
    seconders: list[str] = field(default_factory=list)  # 附议人/联名人, besides ``proposers``
    delegation: str = ""  # 代表团 (deputies) / 界别 or 所在单位 (members)
    assignee: str = ""  # the clerk who works on it (经办人; m015): "" = nobody yet
    id: int | None = None

    @property
    def kind_word(self) -> str:
        """The case's kind when given, else 建议 for deputies and 提案 for CPPCC members."""
        if self.kind:
            return self.kind
        return "提案" if self.role == "委员" else "建议"

    @property
    def addressee(self) -> str:
        """How the reply names its addressees: 张三 / 张三、李四 / 张三等5位 / 张三等."""
        if not self.proposers:
            return ""
        count = self.proposer_count or len(self.proposers)
        if count > 2 or (count == 2 and len(self.proposers) < 2):
            return f"{self.proposers[0]}等{count}位"
        if self.proposers_more:
            return f"{self.proposers[0]}等"
        return "、".join(self.proposers)

    @property
    def joint(self) -> bool:
        """Several proposers: the letter says 您们."""
        return self.proposers_more or (self.proposer_count or len(self.proposers)) > 1

    @property
    def proposers_field(self) -> str:
        """The proposers as the case dialog shows them ("王明、李华", "张三等10位", "张三等")."""
        return proposers_text(self.proposers, self.proposer_count, self.proposers_more)

    def copy_to(self, profile_cc: list[str]) -> list[str]:
        """The 抄送 list of the letter: the case's own, none when cleared, else the profile's."""
        if self.organizer == "co":
            return []
        if self.cc or self.cc_given:
            return list(self.cc)
        return list(profile_cc)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _text(data: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise CaseError(key, f"缺少“{FIELD_ZH[key]}”（{key}）。")
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise CaseError(key, f"“{FIELD_ZH[key]}”（{key}）应为文字。")
    return value.strip()


def _names(data: dict[str, Any], key: str, *, required: bool = False) -> list[str]:
    value = data.get(key)
    if value is None or value == "" or value == []:
        if required:
            raise CaseError(key, f"缺少“{FIELD_ZH[key]}”（{key}）。")
        return []
    if isinstance(value, str):
        value = [v for v in value.replace("，", "、").replace(",", "、").split("、")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseError(key, f"“{FIELD_ZH[key]}”（{key}）应为名称列表。")
    names = [v.strip() for v in value if v.strip()]
    if required and not names:
        raise CaseError(key, f"缺少“{FIELD_ZH[key]}”（{key}）。")
    return names


def _proposers(data: dict[str, Any]) -> Proposers:
    """The proposer field read by :func:`desktop.proposers.parse_proposers` (text or list)."""
    value = data.get("proposers")
    if isinstance(value, list) and not all(isinstance(v, str) for v in value):
        raise CaseError("proposers", f"“{FIELD_ZH['proposers']}”（proposers）应为名称列表。")
    if value is not None and not isinstance(value, str | list):
        raise CaseError("proposers", f"“{FIELD_ZH['proposers']}”（proposers）应为名称列表。")
    parsed = parse_proposers(value)
    if not parsed.names:
        raise CaseError("proposers", f"缺少“{FIELD_ZH['proposers']}”（proposers）。")
    return parsed


def _date(data: dict[str, Any], key: str) -> str | None:
    raw = _text(data, key)
    if not raw:
        return None
    iso = parse_date(raw)
    if iso is None:
        raise CaseError(key, f"“{FIELD_ZH[key]}”（{key}）不是有效日期：{raw}。")
    return iso


def _kind(data: dict[str, Any]) -> str:
    kind = _text(data, "kind")
    if kind and kind not in KINDS:
        raise CaseError("kind", f"“类型”（kind）只能是：{'、'.join(KINDS)}，而不是“{kind}”。")
    return kind


def _status(data: dict[str, Any]) -> str:
    raw = _text(data, "status")
    if not raw:
        return INITIAL_STATUS
    try:
        return normalize_status(raw)
    except StatusError as exc:
        raise CaseError("status", f"“办理状态”（status）：{exc.message}") from None


def case_from_json(data: Any, *, due_months: int = 3, co_due_months: int = 1) -> Case:
    """Validate a case as given in CASE.json or by the case dialog. Without a due date, one
    with an assignment date is due ``due_months`` after it as main organizer (主办), and
    ``co_due_months`` after it as co-organizer (协办: the opinion goes to the main organizer
    first); the profile gives both."""
    if not isinstance(data, dict):
        raise CaseError("case", "案件文件应为一个 JSON 对象（{…}）。")
    proposers = _proposers(data)
    role = _text(data, "role") or proposers.role or "代表"
    if role not in ROLES:
        raise CaseError("role", f"“提出人身份”（role）只能是“代表”或“委员”，而不是“{role}”。")
    organizer = _text(data, "organizer") or "main"
    if organizer not in ("main", "co"):
        raise CaseError("organizer", "“主办/协办”（organizer）只能是 main（主办）或 co（协办）。")
    disclosure = _text(data, "disclosure") or "主动公开"
    if disclosure not in DISCLOSURES:
        raise CaseError("disclosure", f"“公开属性”（disclosure）只能是：{'、'.join(DISCLOSURES)}。")
    status = _status(data)
    kind = _kind(data)
    number = _text(data, "number", required=True).removeprefix("第").removesuffix("号")
    count = data.get("proposer_count")
    if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
        raise CaseError("proposer_count", "“提出人数”（proposer_count）应为正整数。")
    if count is None:
        count = proposers.count
    assigned = _date(data, "assigned_date")
    due = _date(data, "due_date")
    if due is None and assigned is not None:
        due = add_months(assigned, role_months(organizer, due_months, co_due_months))
    case = Case(
        number=number,
        title=_text(data, "title", required=True),
        proposers=proposers.names,
        role=role,
        session=_text(data, "session"),
        proposer_count=count,
        proposers_more=proposers.more and count is None,
        organizer=organizer,
        main_organizer=_text(data, "main_organizer"),
        co_organizers=_names(data, "co_organizers"),
        category=_text(data, "category"),
        assigned_date=assigned,
        due_date=due,
        content=_text(data, "content"),
        reply_date=_date(data, "reply_date"),
        contact_name=_text(data, "contact_name"),
        contact_phone=_text(data, "contact_phone"),
        cc=_names(data, "cc"),
        # Present in CASE.json (even as [] or ""), or cleared in the dialog: the case's own.
        cc_given=data.get("cc") is not None,
        disclosure=disclosure,
        doc_number=_text(data, "doc_number"),
        status=status,
        kind=kind,
        serial=_text(data, "serial"),
        seconders=_names(data, "seconders"),
        delegation=_text(data, "delegation"),
        assignee=_text(data, "assignee"),
    )
    if organizer == "co" and not case.main_organizer:
        raise CaseError(
            "main_organizer", "协办答复（会办意见）须写明“主办单位”（main_organizer）。"
        )
    return case


# --------------------------------------------------------------------------- drafts


@dataclass
class DraftBlock:
    """One block of a section: template text, a library paragraph, or free text."""

    kind: str  # "template" | "library" | "free"
    text: str = ""  # for library and free blocks; template blocks are rendered when composed
    paragraph_id: int | None = None  # library blocks: where the paragraph came from
    letter_id: int | None = None
    year: int | None = None
    source_title: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class Draft:
    """The clerk's blocks per section, and an optional salutation override.

    ``salutation`` is the line the clerk typed over the automatic one ("王明代表：");
    ``None`` means automatic: :func:`desktop.compose.automatic_salutation` renders it from the
    case's proposers and :func:`desktop.compose.compose` uses that. A blank override counts as
    automatic. Stored in the draft's JSON (``"salutation"`` only when set), so drafts saved
    before the field existed load as automatic.
    """

    sections: dict[str, list[DraftBlock]] = field(
        default_factory=lambda: {s: [DraftBlock("template")] for s in SECTIONS}
    )
    salutation: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "sections": {s: [b.to_json() for b in self.sections.get(s, [])] for s in SECTIONS}
        }
        if self.salutation is not None and self.salutation.strip():
            data["salutation"] = self.salutation
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Draft:
        sections = data.get("sections") or {}
        salutation = data.get("salutation")
        if not isinstance(salutation, str) or not salutation.strip():
            salutation = None
        return cls(
            sections={
                s: [
                    DraftBlock(
                        kind=b.get("kind", "free"),
                        text=b.get("text", ""),
                        paragraph_id=b.get("paragraph_id"),
                        letter_id=b.get("letter_id"),
                        year=b.get("year"),
                        source_title=b.get("source_title"),
                    )
                    for b in sections.get(s, [])
                ]
                for s in SECTIONS
            },
            salutation=salutation,
        )
