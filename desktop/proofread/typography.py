"""Typography rules: ``halfwidth_punct``, ``doc_number_bracket``, ``doubled``, ``unbalanced`` and
``date_format``."""

from __future__ import annotations

import re
from typing import Final

from desktop.cjk import IDEOGRAPHS, is_ideograph
from desktop.dates import find_dates
from desktop.normalize import doc_year_fixes, punctuation_fixes
from desktop.numerals import FULLWIDTH_DIGITS, NUMERAL_CHARS
from desktop.proofread.common import (
    Finding,
    Spans,
    quote,
    url_cover,
)

# ----------------------------------------------------------------------------------------------
# halfwidth_punct, doc_number_bracket

_PUNCT_MESSAGES: Final = {
    ".": "句末用了半角句点“.”，应为“。”",
    '"': "中文里用了英文双引号，应使用中文引号“”",
}


def punctuation(i: int, text: str) -> list[Finding]:
    out: list[Finding] = []
    doc_fixes = doc_year_fixes(text)
    doc_spans = Spans((start, end) for start, end, _ in doc_fixes)
    for start, end, new in doc_fixes:
        out.append(
            Finding(
                "doc_number_bracket",
                f"文号中的年份应使用六角括号：{quote(text[start:end])}应为{quote(new)}",
                i,
                start,
                end,
                new,
            )
        )
    for pos, new in punctuation_fixes(text):
        if doc_spans.covers(pos, pos + 1):
            continue
        old = text[pos]
        template = _PUNCT_MESSAGES.get(old, "中文里用了半角标点“{old}”，应为全角“{new}”")
        out.append(
            Finding("halfwidth_punct", template.format(old=old, new=new), i, pos, pos + 1, new)
        )
    return out


# ----------------------------------------------------------------------------------------------
# doubled

# Function characters whose doubling is a typo, with the neighbours that make it legitimate:
# (characters before the pair that form a word with the first one — 目的|的, 现在|在 —,
#  characters after the pair that form a word with the second one — 为了|了解, 是|是否).
DOUBLED_FUNCTION_CHARS: Final[dict[str, tuple[str, str]]] = {
    "的": ("目标端", "确士"),
    "了": ("", "解结却然如无得之不"),
    "是": ("求", "否非"),
    "在": ("现存实所自内外潜好健", "意乎场职线建校编岗读任"),
    "和": ("讲温柔祥缓平调总附暖中饱随谦", "谐平睦解美蔼气善顺约煦"),
    "与": ("参给赋授赠干寄", "会否其"),
    "及": ("涉以普危顾企论推触波殃来不提遍惠", "时早格其第"),
    "对": ("一面反针核相应绝配校比作派敌成", "于手接口外象比照话待策称应子碰立抗齐"),
    "为": (
        "作认成因以行较极尤更广分称视化无有大甚颇最难特专互改转可乃不",
        "了主人民何此止准期重例首政先伍难",
    ),
    "将": ("即必行老大名武猛闯上主良干激少中虎强", "来近军领士就帅要相心"),
    "把": ("一火刀车门拉扶", "关握手柄戏式持"),
    "被": ("棉盖", "告动子褥选迫"),
    "从": ("服顺听遵盲屈侍随自何无适", "事而严来前中此小头属容业政未实"),
    "向": ("方导走去意倾转趋面志取指流定双单横纵内外动风偏", "来往导外上下前日"),
    "于": ("", "是"),
    "而": ("", "且已言今后"),
    "并": ("合兼吞归", "且列重举购行发存非不没未无轨联网"),
    "或": ("", "许然"),
    "也": ("", ""),
    "都": ("首古成京建国迁定旧新故陪东西南北中帝王魔", "市城督会"),
    "就": ("成造迁将俯屈也早本那", "业是医近读职任位餐地绪算此"),
    "还": ("归偿退奉交送生返往清", "款原贷债击乡清给"),
    "又": ("", ""),
    "要": ("需重主只必首紧纲摘提概简机显扼索想", "求素点害领闻务件塞职道紧么诀津事旨"),
}

# Verbs and adjectives whose ABAB reduplication is ordinary Chinese.
_REDUPLICABLE: Final = """
研究 讨论 学习 考虑 商量 了解 休息 检查 锻炼 整理 交流 沟通 活动 介绍 打听 琢磨 收拾 比较 尝试
体验 感受 放松 思考 分析 总结 调查 准备 练习 清理 打扫 熟悉 认识 协调 请示 汇报 指导 关心 热闹
高兴 凉快 暖和 轻松 雪白 通红 笔直 冰凉 火红 碧绿 漆黑 滚烫 帮助 表扬 批评 教育 提醒 鼓励 安慰
解释 说明 照顾 修理 参观 走访 调研 体会 欣赏 表示 意思 合计 盘算 梳理 核实
"""
REDUPLICABLE_WORDS: Final = frozenset(_REDUPLICABLE.split())

_NUMERALS: Final = frozenset(NUMERAL_CHARS)
_DOUBLED_WORD_RE: Final = re.compile(rf"([{IDEOGRAPHS}]{{2,4}})\1")


def doubled(i: int, text: str) -> list[Finding]:
    words = _doubled_words(i, text)
    covered = Spans((f.start, f.end) for f in words)
    return words + _doubled_characters(i, text, covered)


def _doubled_words(i: int, text: str) -> list[Finding]:
    """A word of 2–4 characters written twice (我们我们), except reduplication (研究研究)."""
    out: list[Finding] = []
    for m in _DOUBLED_WORD_RE.finditer(text):
        word = m.group(1)
        if len(set(word)) == 1 or all(ch in _NUMERALS for ch in word):
            continue  # 天天天天, 一二一二
        if len(word) == 2 and (
            word in REDUPLICABLE_WORDS or word[0] == "一" or "不" in word or "没" in word
        ):
            continue  # 研究研究, 一个一个, 是不是不
        message = f"{quote(word)}重复了，是否多打了一遍？"
        out.append(Finding("doubled", message, i, m.start(), m.end(), word))
    return out


def _doubled_characters(i: int, text: str, covered: Spans) -> list[Finding]:
    """A function character written twice (的的), where no word or idiom explains it."""
    out: list[Finding] = []
    n = len(text)
    for k in range(n - 1):
        ch = text[k]
        if ch != text[k + 1] or ch not in DOUBLED_FUNCTION_CHARS:
            continue
        if covered.overlaps(k, k + 2) or _explained_pair(text, k):
            continue
        end = k + 2
        while end < n and text[end] == ch:
            end += 1
        message = f"{quote(text[k:end])}重复了，应为{quote(ch)}"
        out.append(Finding("doubled", message, i, k, end, ch))
    return out


def _explained_pair(text: str, k: int) -> bool:
    """Whether the pair at ``k`` is no mistake: part of a longer run reported at its first
    pair, a word with its neighbour (的的确确 …), or AABB / BBAA (和和美美, 实实在在)."""
    ch, n = text[k], len(text)
    if k > 0 and text[k - 1] == ch:
        return True  # three in a row: reported once, at the first pair
    before = text[k - 1] if k > 0 else ""
    after = text[k + 2] if k + 2 < n else ""
    prev_ok, next_ok = DOUBLED_FUNCTION_CHARS[ch]
    if (before and before in prev_ok) or (after and after in next_ok):
        return True
    if k + 3 < n and text[k + 2] == text[k + 3] != ch and is_ideograph(text[k + 2]):
        return True  # AABB: 和和美美, 是是非非
    return k >= 2 and text[k - 2] == text[k - 1] != ch and is_ideograph(text[k - 1])


# ----------------------------------------------------------------------------------------------
# unbalanced

_PAIRS: Final = {
    "“": "”",
    "‘": "’",
    "（": "）",
    "《": "》",
    "〔": "〕",
    "【": "】",
    "「": "」",
    "『": "』",
    "〈": "〉",
}
_OPENER_OF: Final = {v: k for k, v in _PAIRS.items()}
_PAIR_NAMES: Final = {
    "“": "双引号",
    "‘": "单引号",
    "（": "括号",
    "《": "书名号",
    "〔": "六角括号",
    "【": "方头括号",
    "「": "直角引号",
    "『": "双直角引号",
    "〈": "单书名号",
}
# "左双引号“", "右书名号》", …: a lone mark inside “…” would be unreadable.
_MARK_NAMES: Final = {
    **{o: f"左{name}{o}" for o, name in _PAIR_NAMES.items()},
    **{_PAIRS[o]: f"右{name}{_PAIRS[o]}" for o, name in _PAIR_NAMES.items()},
}
_HALF_PARENS: Final = {"(": "（", ")": "）"}
_ENUMERATOR_CHARS: Final = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十")
_ENUMERATOR_BOUNDARY: Final = frozenset("。；：！？，、")


def _enumerator_before(text: str, pos: int) -> bool:
    """Whether the closing bracket at ``pos`` numbers a list item: "1）", "一）", "a）"
    at the start of the paragraph or after a sentence or clause."""
    k = pos
    while k > 0 and pos - k < 3 and (text[k - 1] in _ENUMERATOR_CHARS or _latin(text, k - 1)):
        k -= 1
    if k == pos:
        return False
    return k == 0 or text[k - 1].isspace() or text[k - 1] in _ENUMERATOR_BOUNDARY


def unbalanced(i: int, text: str) -> list[Finding]:
    urls = url_cover(text)
    marks = _OpenMarks()
    for pos, raw in enumerate(text):
        ch = _HALF_PARENS.get(raw, raw)
        if ch not in _PAIRS and ch not in _OPENER_OF:
            continue
        if urls.covers(pos, pos + 1):
            continue
        if raw in "‘’" and _latin(text, pos - 1) and _latin(text, pos + 1):
            continue  # an apostrophe: don’t
        if ch in _PAIRS:
            marks.open(ch, pos, raw != ch)
        elif not marks.close(_OPENER_OF[ch]) and raw == ch and not _enumerator_before(text, pos):
            opener = _OPENER_OF[ch]
            marks.lone.append(
                (pos, f"多出的{_MARK_NAMES[ch]}，前面没有对应的{_MARK_NAMES[opener]}")
            )
    marks.finish()
    return [Finding("unbalanced", msg, i, p, p + 1, None) for p, msg in sorted(marks.lone)]


class _OpenMarks:
    """The opening marks not closed yet, and the lone marks found so far."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, int, bool]] = []  # (canonical opener, position, half-width)
        self.count: dict[str, int] = dict.fromkeys(_PAIRS, 0)  # openers of each kind on it
        self.lone: list[tuple[int, str]] = []  # (position, message)

    def open(self, opener: str, pos: int, half: bool) -> None:
        self.stack.append((opener, pos, half))
        self.count[opener] += 1

    def close(self, opener: str) -> bool:
        """Close the innermost ``opener``; False when none is open."""
        if not self.count[opener]:
            return False
        # Openers above the matching one were never closed (each is popped once: linear).
        while self.stack[-1][0] != opener:
            self._unmatched(*self.stack.pop())
        self.stack.pop()
        self.count[opener] -= 1
        return True

    def finish(self) -> None:
        for opener, pos, half in self.stack:
            self._unmatched(opener, pos, half)

    def _unmatched(self, opener: str, pos: int, half: bool) -> None:
        self.count[opener] -= 1
        if not half:
            self.lone.append((pos, f"{_MARK_NAMES[opener]}没有对应的{_MARK_NAMES[_PAIRS[opener]]}"))


def _latin(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and text[pos].isascii() and text[pos].isalpha()


# ----------------------------------------------------------------------------------------------
# date_format

_LEADING_ZERO_RE: Final = re.compile(r"(?<=[年月])\s*0([1-9])\s*(?=[月日号])")
_CN_NUMERAL_DATE_RE: Final = re.compile(r"^[〇零○OoＯｏ一二三四五六七八九十]")


def date_formats(i: int, text: str) -> list[Finding]:
    out: list[Finding] = []
    urls = url_cover(text)
    dates = find_dates(text)
    for start, end, iso in dates:
        if urls.overlaps(start, end):
            continue
        y, m, d = (int(x) for x in iso.split("-"))
        official = f"{y}年{m}月{d}日"
        written = text[start:end]
        if written == official:
            continue
        if _CN_NUMERAL_DATE_RE.match(written):
            why = "日期应使用阿拉伯数字（GB/T 9704）"
        elif written.endswith("号"):
            why = "日期应写“日”，不写“号”"
        elif "年" not in written:
            why = "日期应写成“年月日”的形式"
        elif re.search(r"(?<!\d)0\d", written.translate(FULLWIDTH_DIGITS)):
            why = "日期的月、日不加“0”"
        else:
            why = "日期格式不规范"
        out.append(
            Finding(
                "date_format",
                f"{why}：{quote(written)}应为{quote(official)}",
                i,
                start,
                end,
                official,
            )
        )
    spans = Spans((a, b) for a, b, _ in dates)
    for lz in _LEADING_ZERO_RE.finditer(text):
        if spans.overlaps(lz.start(), lz.end()) or urls.overlaps(lz.start(), lz.end()):
            continue
        out.append(
            Finding(
                "date_format",
                f"日期的月、日不加“0”：{quote(lz.group().strip())}应为{quote(lz.group(1))}",
                i,
                lz.start(),
                lz.end(),
                lz.group(1),
            )
        )
    return out
