"""The ``salutation_mismatch`` rule and the salutation helpers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from desktop.cjk import IDEOGRAPHS
from desktop.proofread.common import Finding, quote

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


def salutation(
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
    for k, (start, end, name) in enumerate(names):
        if _name_key(name) in known:
            continue
        # "王明代表、李华代表：" repeats the role after each name; after the last name it
        # would be doubled ("王明代表代表："), which stays a finding.
        bare = re.sub(r"(?:代表|委员)$", "", _name_key(name))
        if k < len(names) - 1 and bare in known:
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
            f"称呼中的{quote(name)}不是本件建议（提案）的提出人（{listed}），"
            "可能是沿用旧答复时没有改名字",
            index,
            start,
            end,
            first if single else None,
        )
        for start, end, name in unknown
    ]


# A paragraph reused from a letter to someone else still names that person: its salutation
# ("盛培秀代表：") or a mention ("感谢盛培秀代表提出的……"). A name is recognised before a role
# word when it starts with a common surname and stands at a boundary (start, punctuation or a
# word such as 感谢/对/向), and only where the role word addresses a proposer (followed by
# ：/提出/领衔/所提/的/对/您/a separator): "邀请人大代表视察" names nobody.
_SURNAMES: Final = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
    "南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支"
    "卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印"
    "逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_COMPOUND_SURNAMES: Final = _words(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 独孤 南宫 西门 百里"
    " 呼延 轩辕 申屠 澹台 太史 第五 万俟 闻人 赫连 钟离 宗政 濮阳 淳于 单于 公冶 拓跋"
)
_NOT_NAMES: Final = _words(
    "全国 全体 全市 全省 全区 全县 各位 各级 部分 广大 有关 相关 其他 本届 历届 新任 常务 特邀"
    " 驻会 列席 其中 这位 那位 多位 两位 几位 基层 市级 省级 县级 区级 人大 政协 党员 青年 妇女"
    " 职工 农民 企业 界别 代表 委员 同志 各界 与会 参会 出席 来自 一位 少数 其余 众多 我市 我省"
    " 我区 我县 我们 他们 公司 国家 省人大 市人大 区人大 县人大 省政协 市政协 区政协 县政协"
    " 城市 名誉 各个 全部 所有 每位 提出 领衔 联名 答复 建议 提案"
)
# Words that may stand right before a name: "感谢盛培秀代表", "对王明代表".
_BEFORE_NAME: Final = (
    "尊敬的", "感谢", "谢谢", "致谢", "对于", "对", "向", "请", "与", "和", "及", "同", "给", "经",
    "由", "是", "为", "就", "把", "将", "收到", "您好", "关于", "根据", "按照", "针对",
)  # fmt: skip
_MENTION_RE: Final = re.compile(
    r"(?P<role>人大代表|政协委员|代表|委员)(?:们)?"
    r"(?=\s*(?:[：:，,、。；;]|提出|领衔|所提|联名|的|对|您|$))"
)
_JOINT_BEFORE_RE: Final = re.compile(
    r"等\s*(?:[0-9０-９]+|[一二两三四五六七八九十]+)?\s*[位名]?\s*$"
)
_NAME_RUN_RE: Final = re.compile(rf"[{IDEOGRAPHS}·]{{1,16}}$")


def _looks_like_name(name: str) -> bool:
    if name in _NOT_NAMES or any(name.startswith(w) for w in _NOT_NAMES if len(w) > 2):
        return False
    if "·" in name:
        return 3 <= len(name) <= 12 and not name.startswith("·") and not name.endswith("·")
    if name[:2] in _COMPOUND_SURNAMES:
        return 3 <= len(name) <= 4
    return 2 <= len(name) <= 3 and name[0] in _SURNAMES


def _name_before(text: str, end: int, known: set[str]) -> tuple[int, str] | None:
    """The name ending at ``end`` (before a role word): ``(start, name)``; None when there is
    none or it is a known proposer."""
    head_start = max(0, end - 24)
    head = text[head_start:end]
    joint = _JOINT_BEFORE_RE.search(head)
    if joint is not None:
        head = head[: joint.start()]
    run_match = _NAME_RUN_RE.search(head.rstrip())
    if run_match is None:
        return None
    run = run_match.group()
    if any(run.endswith(k) for k in known):
        return None
    base = head_start + run_match.start()
    before_run = text[:base].rstrip()
    at_boundary = not before_run or not _NAME_RUN_RE.search(before_run[-1:])
    candidates: list[tuple[int, str]] = []
    for length in range(min(len(run), 12), 1, -1):
        prefix, name = run[: len(run) - length], run[len(run) - length :]
        if prefix and not any(prefix.endswith(w) for w in _BEFORE_NAME):
            continue
        if not prefix and not at_boundary:
            continue
        if _looks_like_name(name):
            candidates.append((len(prefix), name))
    if not candidates:
        return None
    # A name after a word such as 感谢 beats reading that word as part of the name.
    with_prefix = [c for c in candidates if c[0] > 0]
    offset, name = min(with_prefix or candidates, key=lambda c: len(c[1]))
    return base + offset, name


def foreign_addressees(
    paragraphs: list[str], proposers: list[str] | None, salutation_index: int | None
) -> list[Finding]:
    """Names addressed in the letter that are not the proposers (or, without proposers, not
    the ones in the letter's own salutation)."""
    index = find_salutation(paragraphs) if salutation_index is None else salutation_index
    if proposers:
        known = {_name_key(p) for p in proposers if p.strip()}
    elif index is not None and 0 <= index < len(paragraphs):
        known = {_name_key(n) for _, _, n in salutation_names(paragraphs[index])}
    else:
        known = set()
    known -= _GENERIC_ADDRESSEES
    if not known:
        return []
    names = [p.strip() for p in proposers or [] if p.strip()] or sorted(known)
    listed = "、".join(names)
    out: list[Finding] = []
    for i, text in enumerate(paragraphs):
        if "代表" not in text and "委员" not in text:
            continue
        # The salutation's own names are the other rule's business.
        skip_to = 0
        if i == index:
            m = _SALUTATION_RE.match(text)
            skip_to = m.end() if m else 0
        for m in _MENTION_RE.finditer(text, skip_to):
            found = _name_before(text, m.start(), known)
            if found is None:
                continue
            start, name = found
            if start < skip_to:
                continue
            role = m.group("role")
            where = "称呼" if text[m.end() : m.end() + 1] in "：:" else "文中提到的"
            out.append(
                Finding(
                    "salutation_mismatch",
                    f"{where}{quote(name + role)}不是本件建议（提案）的提出人（{listed}），"
                    "这段文字可能沿用自写给其他人的答复，请核对",
                    i,
                    start,
                    start + len(name),
                    None,
                )
            )
    return out
