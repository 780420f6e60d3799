"""Place names in reused text, and the clerk's own places: what ``reuse_place`` compares.

:func:`home_places` reads the places named in the clerk's agency (南通市科学技术局 → 南通市;
上海市嘉定区人民政府 → 上海市, 嘉定区) and adds the ones the profile lists (``home_places``:
the superior province, the city's districts — the agency name alone cannot tell them).
:func:`place_mentions` finds the places a paragraph names: administrative units (a name and
省/市/区/县/镇/乡/旗/街道/自治州…) and bare place names the segmenter tags ``ns`` (上海, 杨浦).

Decisions (documented in ``desktop/proofread/__init__.py`` too):

- A place is the clerk's own when it is, contains or is contained in a home place, or has the
  same name without its suffix (南通 = 南通市).
- The superior levels: a province (…省, …自治区) is reported only when the home places name a
  province (from the agency name or the profile); otherwise the clerk's province is unknown and
  "省" names are left alone. National and regional names (中国, 长三角, 苏南 …) never count.
- Generic words that end like a place (市区, 城区, 社区, 示范区, 开发区, 乡镇, 城市, 全市 …) are
  not places.

Segmentation: :func:`desktop.words.tagged` (rjieba's POS tags with the project's user
dictionary), the project's one home of segmentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from desktop import words


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Longest first: 自治区 before 区.
ADMIN_SUFFIXES: Final = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道",
    "省", "市", "区", "县", "旗", "盟", "州", "镇", "乡",
)  # fmt: skip
PROVINCE_SUFFIXES: Final = ("特别行政区", "自治区", "省")
# The level a place's suffix stands for, as a reply names itself (我市, 全县, 本区).
LEVEL_WORDS: Final = {"省": "省", "市": "市", "区": "区", "县": "县", "镇": "镇", "乡": "乡"}

# Words that end like a place but name none. A candidate ending with one of these is dropped.
_GENERIC_ENDINGS: Final = _word_set(
    "城区 市区 社区 园区 景区 地区 小区 辖区 片区 街区 校区 山区 库区 矿区 灾区 老区 牧区 "
    "示范区 开发区 高新区 新城区 保税区 工业区 自贸区 功能区 试验区 先行区 集聚区 核心区 "
    "旅游区 行政区 居民区 生活区 商业区 综合区 服务区 风景区 保护区 实验区 产业区 "
    "城市 都市 超市 股市 上市 夜市 集市 早市 城乡 乡镇 城镇 集镇 村镇 市镇 重镇 强镇 名镇 "
    "小镇 家乡 故乡 老乡 下乡 返乡 县城 县域 省份 外省 全省 全市 全区 全县 全镇 全乡 "
    "各省 各市 各区 各县 各镇 各乡 本省 本市 本区 本县 本镇 本乡 我省 我市 我区 我县 "
    "我镇 我乡 该市 该区 该县 该镇 该乡 省市 县市 市县 县区 区县 省区 分区 专区 街道 "
    "会同县 同县 同市 同区 节省 反省 自治区 自治州 农村 中心城区 主城区 老城区 责任区 "
    "示范县 示范市 镇区 县乡 乡村 镇村 村镇 县镇 建议县 建议市 建议区 建议镇 厂区 建成区 "
    "建制镇 丘区 林区 垦区 港区 湖区 城关镇"
)
# Names that are no one's locality: the country, regions, rivers, directions.
_NOT_LOCAL: Final = _word_set(
    "中国 中华 全国 国家 国内 国外 境内 境外 海外 长三角 珠三角 京津冀 粤港澳 大湾区 长江 "
    "黄河 淮河 太湖 苏南 苏北 苏中 华东 华南 华北 华中 西南 西北 东北 东部 西部 中部 "
    "中西部 东中西部 沿海 内地 亚洲 欧洲 美国 日本 德国 "
)
# Two or more characters then a suffix: 杨浦区, 浦东新区 — as one word of the segmenter.
_UNIT_RE: Final = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:" + "|".join(ADMIN_SUFFIXES) + r")$")
# The places at the start of an agency's name: 南通市 / 上海市嘉定区 / 江苏省南通市.
_LEADING_PLACE_RE: Final = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:" + "|".join(ADMIN_SUFFIXES) + r")")
_NAME_TAGS: Final = frozenset({"n", "ns", "nz", "nr", "j"})
# Nouns that stand before 县/市/区/镇 without naming a place: 建议县…, 高速公路县道.
_NOT_NAME_WORDS: Final = _word_set(
    "建议 提案 示范 责任 高速公路 公路 道路 农村 城市 试点 所在 属于 隶属于 两 各 全"
)
# What follows 省/县/乡 in a road class or a level: 省道, 县道, 县级.
_NOT_AFTER: Final = ("道", "级")
# Verbs and function words the segmenter glues to a name's first character (需两县, 交由县).
_NOT_NAME_STARTS: Final = "需除已交由两各全该本我在从把被将对经"
# Bare names (no suffix) that are counted: the provincial-level units. A bare name the
# segmenter tags as a place (杨浦) counts only beside one of these or an administrative name:
# alone, its ``ns`` tag is too often a common word (美化, 新建, 平原, 巴士).
MUNICIPALITIES: Final = _word_set("北京 天津 上海 重庆 香港 澳门")
PROVINCES: Final = _word_set(
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
    "四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆"
)


def tagged(text: str) -> list[tuple[str, str]]:
    """``(word, POS tag)`` covering ``text`` in order (the project's segmenter)."""
    return words.tagged(text)


def suffix_of(name: str) -> str:
    """The administrative suffix ``name`` ends with, or ""."""
    return next((s for s in ADMIN_SUFFIXES if name.endswith(s) and len(name) > len(s)), "")


def stem_of(name: str) -> str:
    """``name`` without its suffix when two or more characters are left: 南通市 → 南通."""
    suffix = suffix_of(name)
    stem = name[: len(name) - len(suffix)] if suffix else name
    return stem if len(stem) >= 2 else name


@dataclass(frozen=True)
class Home:
    """The clerk's own places: full names (南通市) and names without suffix (南通)."""

    places: tuple[str, ...]
    agency: str = ""

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(stem_of(p) for p in self.places)

    @property
    def knows_province(self) -> bool:
        return any(suffix_of(p) in PROVINCE_SUFFIXES for p in self.places)

    @property
    def level(self) -> str:
        """The level of the lowest place of the agency's name (市 for 南通市科学技术局)."""
        for place in reversed(agency_places(self.agency)):
            word = LEVEL_WORDS.get(suffix_of(place))
            if word:
                return word
        return ""

    @property
    def own_place(self) -> str:
        """The lowest place of the agency's name: what a foreign place is swapped for."""
        named = agency_places(self.agency)
        return named[-1] if named else ""

    def is_local_agency(self, agency: str | None) -> bool:
        """Whether ``agency`` is the clerk's or one of the clerk's place (its lowest place is
        a home place): a letter it wrote names the clerk's own places."""
        if not agency:
            return False
        named = agency_places(agency.strip())
        return agency.strip() == self.agency or (bool(named) and self.is_home(named[-1]))

    def is_home(self, place: str) -> bool:
        stem = stem_of(place)
        for own in self.places:
            if place == own or stem == stem_of(own) or own in place or place in own:
                return True
        return self.agency != "" and (place in self.agency or stem in self.agency)


def agency_places(agency: str) -> list[str]:
    """The places an agency's name starts with, highest first."""
    found: list[str] = []
    pos = 0
    while True:
        m = _LEADING_PLACE_RE.match(agency, pos)
        if m is None or _is_generic(m.group()):
            return found
        found.append(m.group())
        pos = m.end()


def home_places(agency: str, extra: tuple[str, ...] | list[str] = ()) -> Home:
    """The clerk's places: those of the agency's name and the profile's ``home_places``."""
    places = [*agency_places(agency.strip()), *(p.strip() for p in extra if p.strip())]
    return Home(tuple(dict.fromkeys(places)), agency.strip())


def _is_generic(word: str) -> bool:
    return any(word.endswith(g) for g in _GENERIC_ENDINGS) or word in _NOT_LOCAL


@dataclass(frozen=True)
class Mention:
    """A place named in a paragraph: ``text[start:end]``; ``suffix`` "" for a bare name."""

    start: int
    end: int
    name: str
    suffix: str


def place_mentions(text: str) -> list[Mention]:
    """The places ``text`` names, in order; adjacent ones (上海市杨浦区) become one."""
    return _merge(_candidates(text))


@lru_cache(maxsize=4096)
def _cached_tags(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(tagged(text))


def _candidates(text: str) -> list[Mention]:
    out: list[Mention] = []
    loose: list[Mention] = []  # bare names tagged ns: kept only beside a counted place
    pos = 0
    previous: tuple[str, str] | None = None  # word, tag
    for word, tag in _cached_tags(text):
        start, pos = pos, pos + len(word)
        found = _as_place(word, tag, previous)
        if found is not None and text[pos : pos + 1] in _NOT_AFTER:
            found = None  # 普通省道, 县级: a road class or a level, not a place
        if found is not None:
            name, offset = found
            out.append(Mention(start - offset, pos, name, suffix_of(name)))
        elif tag == "ns" and len(word) >= 2 and not _is_generic(word):
            loose.append(Mention(start, pos, word, ""))
        previous = (word, tag)
    edges = {m.start for m in out} | {m.end for m in out}
    out.extend(
        m
        for m in loose
        if (m.end in edges or m.start in edges)
        and not any(o.start < m.end and m.start < o.end for o in out)
    )
    return sorted(out, key=lambda m: m.start)


def _as_place(word: str, tag: str, previous: tuple[str, str] | None) -> tuple[str, int] | None:
    """``(place name, how far it reaches back before word)`` when ``word`` ends a place."""
    if word in MUNICIPALITIES or word in PROVINCES:
        return word, 0
    before, before_tag = previous if previous is not None else ("", "")
    if word in ADMIN_SUFFIXES or (_UNIT_RE.match(word) and len(stem_of(word)) < 2):
        # 海门 + 区, 钱粮 + 湖镇: the name is the word before and this one.
        name = before + word
        if _names_a_place(before, before_tag) and not _is_generic(name):
            return name, len(before)
        return None
    if _UNIT_RE.match(word) and not _is_generic(word) and _names_a_place(word[:-1], "n"):
        return word, 0
    return None


def _names_a_place(word: str, tag: str) -> bool:
    return (
        2 <= len(word) <= 8
        and tag in _NAME_TAGS
        and word not in _NOT_NAME_WORDS
        and not any(c in word for c in "某×X")
        and word[0] not in _NOT_NAME_STARTS
        and all("\u4e00" <= c <= "\u9fff" for c in word)
    )


def _merge(found: list[Mention]) -> list[Mention]:
    merged: list[Mention] = []
    for m in found:
        if merged and merged[-1].end == m.start:
            last = merged[-1]
            merged[-1] = Mention(last.start, m.end, last.name + m.name, m.suffix)
        else:
            merged.append(m)
    return merged


def foreign_part(mention: Mention, home: Home) -> bool:
    """Whether a mention names a place that is not the clerk's (each part of 上海市杨浦区)."""
    parts = agency_places(mention.name) or [mention.name]
    inside = False  # below a home place that is not a province: 南通市崇川区
    for part in parts:
        province = suffix_of(part) in PROVINCE_SUFFIXES
        if home.is_home(part):
            inside = inside or not province
            continue
        if inside or (province and not home.knows_province):
            continue
        return True
    return False
