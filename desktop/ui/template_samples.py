"""Which template is which (their order in the list) and the made-up case their preview uses."""

from __future__ import annotations

from desktop.casework import Case
from desktop.profile import TEMPLATE_CATEGORY, AgencyProfile
from desktop.reply_templates import TEMPLATE_NAMES
from desktop.ui.settings_base import VARIANT_ORDER


def template_sort_key(name: str) -> tuple[int, str, int, str]:
    section, *variants = name.removesuffix(".j2").split(".")
    variant = ".".join(variants)
    order = TEMPLATE_NAMES.index(section) if section in TEMPLATE_NAMES else len(TEMPLATE_NAMES)
    return order, section, VARIANT_ORDER.get(variant, 9), variant


def sample_case(name: str, profile: AgencyProfile, sample: str = "single") -> Case:
    """A made-up case that fits the template ``name`` (co-organizer opinion, category)."""
    _section, *variants = name.removesuffix(".j2").split(".")
    letter = next((v for v in variants if v in ("A", "B", "C")), "A")
    category = next(
        (code for code in profile.categories if TEMPLATE_CATEGORY.get(code) == letter),
        next(iter(profile.categories), ""),
    )
    co = "co" in variants
    if sample == "member":
        case = Case(
            number="45",
            title="关于加快科技成果转化的提案",
            proposers=["李四"],
            role="委员",
            session="市政协十四届四次会议",
        )
    elif sample == "joint":
        case = Case(
            number="112",
            title="关于支持企业研发机构建设的建议",
            proposers=["张三", "李四"],
            proposer_count=5,
            session="市十六届人大四次会议",
        )
    else:
        case = Case(
            number="277",
            title="关于在南通市组织社会大众聚力创新的建议",
            proposers=["石剑波"],
            session="市十六届人大四次会议",
        )
    case.category = category
    case.content = "建议进一步营造大众创新创业氛围。"
    case.contact_name = profile.contact_name or "王明"
    case.contact_phone = profile.contact_phone or "0513-85000000"
    case.doc_number = f"{profile.doc_number_prefix or '通科函'}〔2020〕12号"
    if co:
        case.organizer = "co"
        case.main_organizer = "市发展改革委"
    else:
        case.co_organizers = ["市科协"]
    return case
