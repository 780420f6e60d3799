"""Proofreading of a reply before it goes out: what clerks get wrong when they reuse old text.

:func:`check` looks at a list of paragraphs and returns :class:`Finding` objects, each pointing at
a span ``[start, end)`` of one paragraph. A finding whose fix is mechanical carries the
replacement text in ``suggestion``; :func:`apply_fixes` applies those. :func:`check_file` is the
command-line glue for a .txt or .docx file (optionally fixing it in place).

The rules (``kind``), and where they are knowingly imperfect:

- ``halfwidth_punct`` — half-width ``, : ; ! ? ( ) "`` and a sentence-ending ``.`` in Chinese
  text, decided by :func:`desktop.normalize.punctuation_fixes` (the very rules of
  ``normalize_text``: numbers, times, decimals, URLs and Latin phrases are left alone).
- ``doc_number_bracket`` — ``通政发[2015]37号`` → ``〔2015〕``
  (:func:`desktop.normalize.doc_year_fixes`). Only a year directly followed by the serial and
  号 is recognised.
- ``doubled`` — a doubled function character (``的的``, ``了了``, …, list
  :data:`DOUBLED_FUNCTION_CHARS`) or a doubled word of 2–4 characters (``我们我们``). A function
  character is not flagged when the neighbours make the doubling a word boundary (``为了了解``,
  ``目的的``, ``现在在``, ``是是否``, ``不了了之``) or part of an AABB form (``和和美美``).
  Other doubled characters (``常常``, ``天天``, ``11``) are never flagged, so a doubled content
  character (``创创新``) is missed. ``等等`` is a word, so ``等`` is not in the list. Verb
  reduplication (``研究研究``) and ``一个一个`` are allowed; other legitimate ABAB forms can be
  flagged.
- ``unbalanced`` — unmatched ``“” ‘’ （） 《》 〔〕 【】 「」 『』 〈〉`` within a paragraph.
  A quotation running over several paragraphs (opening quote on each, closing quote on the last) is
  reported. Half-width ``( )`` pair with full-width ones but are never reported themselves;
  ``1）`` / ``一）`` numbering is allowed.
- ``stale_year`` — a year (``2016年``, ``至2016年``, ``2016年底``, ``2015—2016年`` judged by its
  last year) earlier than the reply year − 1. Years inside ``《》``, document numbers and the
  parentheses right after a title (``（2015年修订）``) are skipped. Years written in Chinese
  numerals (``二〇一六年``) are not checked. Historical facts are flagged too: the clerk decides.
- ``stale_relative`` — ``今年/去年/前年/本年/上年/目前/当前/截至/截止/至今/已`` with a figure in the
  same sentence (``目前已建有33家``): up to 20 characters after the word (only within the clause
  for ``已``) or 6 before it. Only reused paragraphs when provenance is given; every paragraph
  otherwise. Figures written in Chinese numerals are recognised only with a measure word
  (``三十三家``).
- ``salutation_mismatch`` — a name in the salutation (``尊敬的X代表：``, ``X等N位代表：``,
  ``X、Y委员：``) that is not among ``proposers``. The count in ``等N位`` is not checked.
- ``heading_sequence`` — ``一、`` headings, ``（一）`` within a ``一、`` block, ``1.`` and ``（1）``
  below those, and ``一是…二是…`` markers (within and across paragraphs): skipped and repeated
  numbers get the expected number as suggestion (later numbers are renumbered in turn); a level
  that restarts or goes back is reported without a suggestion. ``一是`` always opens a new list,
  nested in the current one ("六是……。一是……二是……。七是……" is fine); a number that fits no open
  list (``二是`` without ``一是``) is reported. A heading closes all 一是 lists. Headings are
  recognised only at the start of a paragraph.
- ``placeholder`` — ``{{ }}``, ``{% %}``, ``××``, stand-alone ``XX``/``xx``, ``＿＿``, ``___``,
  ``□□``, ``【请填写…】``, ``（此处…）``, ``某某``, ``TODO``/``FIXME``/``TBD``. ``XX世纪`` is
  reported too.
- ``date_format`` — dates that are not ``2020年5月29日``: ISO, dotted or slashed dates, leading
  zeros, ``号`` for ``日``, spaces, full-width digits and Chinese-numeral dates (GB/T 9704 wants
  Arabic numerals) — all found by :func:`desktop.dates.find_dates`; a leading zero in a date
  without a day (``2020年05月``) too. Dates inside URLs are skipped.

No Qt. python-docx is imported only inside the .docx helpers of :func:`check_file`.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date as _date
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from desktop.dates import find_dates, parse_date
from desktop.model import ImportFailure
from desktop.normalize import doc_year_fixes, punctuation_fixes
from desktop.readers import MSG_CORRUPT, decode_text, read_document
from desktop.safe_write import TargetLocked, WriteFailed, atomic_write

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

KINDS: Final = (
    "halfwidth_punct",
    "doc_number_bracket",
    "doubled",
    "unbalanced",
    "stale_year",
    "stale_relative",
    "salutation_mismatch",
    "heading_sequence",
    "placeholder",
    "date_format",
)


@dataclass
class Finding:
    """One problem: ``[start, end)`` of paragraph ``paragraph`` (0-based, in the checked list).

    ``suggestion`` is the replacement for that span when the fix is mechanical, else None.
    """

    kind: str
    message: str
    paragraph: int
    start: int
    end: int
    suggestion: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message": self.message,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
        }


@dataclass
class Provenance:
    """Where a reused paragraph came from: the library letter, its year and title."""

    letter_id: int
    year: int | None
    title: str | None


# ----------------------------------------------------------------------------------------------
# Shared helpers

_FULLWIDTH_DIGITS: Final = str.maketrans("０１２３４５６７８９", "0123456789")
_IDEOGRAPH: Final = "\u3400-\u4dbf\u4e00-\u9fff"

_URL_RE: Final = re.compile(
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+|www\.[A-Za-z0-9\-._~:/?#@%=&]+"
)
_TITLE_RE: Final = re.compile(r"《[^《》\n]{0,200}》")
# The parentheses right after a title: 《……法》（2015年修订）, 《……》(国办发〔2015〕9号).
_AFTER_TITLE_RE: Final = re.compile(r"(?<=》)\s*[（(][^（）()\n]{1,40}[）)]")
# A document number in any brackets: 通政发〔2015〕37号, 国办发[2015]9号.
_DOC_NUMBER_RE: Final = re.compile(
    rf"[{_IDEOGRAPH}]{{1,12}}[〔\[【（(]\s*(?:19|20)\d{{2}}\s*[〕\]】）)]\s*第?\s*\d{{1,5}}\s*号"
)


class _Spans:
    """A set of character spans, asked in O(log n) whether it covers or touches a range."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, end - 1) - 1
        return k >= 0 and self.ends[k] > start

    def covers(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start) - 1
        return k >= 0 and self.ends[k] >= end


def _url_spans(text: str) -> _Spans:
    if "://" not in text and "www." not in text:
        return _Spans()
    return _Spans(m.span() for m in _URL_RE.finditer(text))


def _protected_spans(text: str) -> _Spans:
    """Spans whose years and figures are citations, not facts: titles, document numbers, URLs."""
    return _Spans(
        m.span()
        for regex in (_TITLE_RE, _AFTER_TITLE_RE, _DOC_NUMBER_RE, _URL_RE)
        for m in regex.finditer(text)
    )


def _quote(text: str) -> str:
    return f"“{text}”"


def _source_note(provenance: Provenance | None) -> str:
    """``；此段来自2017年的答复《……》（编号 3）`` or ``""``."""
    if provenance is None:
        return ""
    year = f"{provenance.year}年的" if provenance.year else ""
    title = (provenance.title or "").strip()
    if title and not title.startswith("《"):
        title = f"《{title}》"
    if not year and not title:
        return f"；此段来自编号 {provenance.letter_id} 的答复"
    return f"；此段来自{year}答复{title}（编号 {provenance.letter_id}）"


_CN_DIGITS: Final = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_FROM_INT: Final = {v: k for k, v in _CN_DIGITS.items()}


def _cn_to_int(s: str) -> int | None:
    """一 … 九十九, or None."""
    if not s:
        return None
    if "十" not in s:
        return _CN_DIGITS.get(s) if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    t = _CN_DIGITS.get(tens) if tens else 1
    o = _CN_DIGITS.get(ones) if ones else 0
    if t is None or o is None:
        return None
    return t * 10 + o


def _int_to_cn(n: int) -> str:
    if n < 10:
        return _CN_FROM_INT[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_FROM_INT[tens]) + "十" + (_CN_FROM_INT[ones] if ones else "")


# ----------------------------------------------------------------------------------------------
# Public API


def check(
    paragraphs: list[str],
    *,
    reply_date: str | None = None,
    proposers: list[str] | None = None,
    provenance: Sequence[Provenance | None] | None = None,
    salutation_index: int | None = None,
) -> list[Finding]:
    """Every finding in ``paragraphs``, sorted by (paragraph, start).

    ``reply_date`` (any form :func:`desktop.dates.parse_date` understands; default today) sets
    the reply year for ``stale_year``. ``provenance[i]`` says paragraph ``i`` was reused from a
    library letter (None: written anew); when ``provenance`` is given, ``stale_relative`` looks
    at reused paragraphs only. ``proposers`` are the names the salutation must use.
    """
    if provenance is not None and len(provenance) != len(paragraphs):
        raise ValueError("provenance must have one entry per paragraph")
    reply_year = _reply_year(reply_date)
    findings: list[Finding] = []
    for i, text in enumerate(paragraphs):
        source = provenance[i] if provenance is not None else None
        findings.extend(_punctuation(i, text))
        findings.extend(_doubled(i, text))
        findings.extend(_unbalanced(i, text))
        findings.extend(_stale_years(i, text, reply_year, source))
        if provenance is None or source is not None:
            findings.extend(_stale_relative(i, text, source))
        findings.extend(_placeholders(i, text))
        findings.extend(_date_formats(i, text))
    if proposers:
        findings.extend(_salutation(paragraphs, proposers, salutation_index))
    findings.extend(_heading_sequence(paragraphs))
    findings.sort(key=lambda f: (f.paragraph, f.start, f.end, KINDS.index(f.kind)))
    return findings


def apply_fixes(
    paragraphs: list[str], findings: Iterable[Finding]
) -> tuple[list[str], list[Finding]]:
    """Apply every finding that has a suggestion: ``(new texts, applied findings)``.

    Within a paragraph, findings are taken by start; one that overlaps an earlier taken one (or
    lies outside the paragraph) is skipped. Replacements are made right to left, so the offsets
    of the others stay valid.
    """
    texts = list(paragraphs)
    applied: list[Finding] = []
    for index, chosen in _select_fixes(texts, findings).items():
        text = texts[index]
        for f in reversed(chosen):
            assert f.suggestion is not None
            text = text[: f.start] + f.suggestion + text[f.end :]
        texts[index] = text
        applied.extend(chosen)
    applied.sort(key=lambda f: (f.paragraph, f.start))
    return texts, applied


def _select_fixes(texts: Sequence[str], findings: Iterable[Finding]) -> dict[int, list[Finding]]:
    by_paragraph: dict[int, list[Finding]] = {}
    for f in findings:
        if f.suggestion is None or not 0 <= f.paragraph < len(texts):
            continue
        if not 0 <= f.start <= f.end <= len(texts[f.paragraph]):
            continue
        by_paragraph.setdefault(f.paragraph, []).append(f)
    chosen: dict[int, list[Finding]] = {}
    for index, items in sorted(by_paragraph.items()):
        items.sort(key=lambda f: (f.start, f.end))
        taken: list[Finding] = []
        last_end = -1
        for f in items:
            if f.start < last_end:
                continue
            taken.append(f)
            last_end = f.end
        chosen[index] = taken
    return chosen


def _reply_year(reply_date: str | None) -> int:
    if reply_date is None:
        return _date.today().year
    iso = parse_date(reply_date)
    if iso is None:
        raise ValueError(f"无法识别答复日期：{reply_date}")
    return int(iso[:4])


# ----------------------------------------------------------------------------------------------
# halfwidth_punct, doc_number_bracket

_PUNCT_MESSAGES: Final = {
    ".": "句末用了半角句点“.”，应为“。”",
    '"': "中文里用了英文双引号，应使用中文引号“”",
}


def _punctuation(i: int, text: str) -> list[Finding]:
    out: list[Finding] = []
    doc_fixes = doc_year_fixes(text)
    doc_spans = _Spans((start, end) for start, end, _ in doc_fixes)
    for start, end, new in doc_fixes:
        out.append(
            Finding(
                "doc_number_bracket",
                f"文号中的年份应使用六角括号：{_quote(text[start:end])}应为{_quote(new)}",
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

_NUMERALS: Final = frozenset("零〇一二两三四五六七八九十百千万亿")
_DOUBLED_WORD_RE: Final = re.compile(rf"([{_IDEOGRAPH}]{{2,4}})\1")


def _is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u4dbf" or "\u4e00" <= ch <= "\u9fff"


def _doubled(i: int, text: str) -> list[Finding]:
    out: list[Finding] = []
    words: list[tuple[int, int]] = []
    for m in _DOUBLED_WORD_RE.finditer(text):
        word = m.group(1)
        if len(set(word)) == 1 or all(ch in _NUMERALS for ch in word):
            continue  # 天天天天, 一二一二
        if len(word) == 2 and (
            word in REDUPLICABLE_WORDS or word[0] == "一" or "不" in word or "没" in word
        ):
            continue  # 研究研究, 一个一个, 是不是不
        out.append(
            Finding(
                "doubled",
                f"{_quote(word)}重复了，是否多打了一遍？",
                i,
                m.start(),
                m.end(),
                word,
            )
        )
        words.append(m.span())
    covered = _Spans(words)
    n = len(text)
    for k in range(n - 1):
        ch = text[k]
        if ch != text[k + 1] or ch not in DOUBLED_FUNCTION_CHARS:
            continue
        if covered.overlaps(k, k + 2):
            continue
        if k > 0 and text[k - 1] == ch:
            continue  # three in a row: reported once, at the first pair
        before = text[k - 1] if k > 0 else ""
        after = text[k + 2] if k + 2 < n else ""
        prev_ok, next_ok = DOUBLED_FUNCTION_CHARS[ch]
        if (before and before in prev_ok) or (after and after in next_ok):
            continue
        if k + 3 < n and text[k + 2] == text[k + 3] != ch and _is_ideograph(text[k + 2]):
            continue  # AABB: 和和美美, 是是非非
        if k >= 2 and text[k - 2] == text[k - 1] != ch and _is_ideograph(text[k - 1]):
            continue  # BBAA: 实实在在
        end = k + 2
        while end < n and text[end] == ch:
            end += 1
        message = f"{_quote(text[k:end])}重复了，应为{_quote(ch)}"
        out.append(Finding("doubled", message, i, k, end, ch))
    return out


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


def _unbalanced(i: int, text: str) -> list[Finding]:
    urls = _url_spans(text)
    stack: list[tuple[str, int, bool]] = []  # (canonical opener, position, half-width)
    open_count: dict[str, int] = dict.fromkeys(_PAIRS, 0)  # openers of each kind on the stack
    lone: list[tuple[int, str]] = []  # (position, message)

    def unmatched_opener(o: str, p: int, half: bool) -> None:
        open_count[o] -= 1
        if not half:
            lone.append((p, f"{_MARK_NAMES[o]}没有对应的{_MARK_NAMES[_PAIRS[o]]}"))

    for pos, raw in enumerate(text):
        ch = _HALF_PARENS.get(raw, raw)
        if ch not in _PAIRS and ch not in _OPENER_OF:
            continue
        if urls.covers(pos, pos + 1):
            continue
        if raw in "‘’" and _latin(text, pos - 1) and _latin(text, pos + 1):
            continue  # an apostrophe: don’t
        if ch in _PAIRS:
            stack.append((ch, pos, raw != ch))
            open_count[ch] += 1
            continue
        opener = _OPENER_OF[ch]
        if not open_count[opener]:
            if raw == ch and not _enumerator_before(text, pos):
                lone.append((pos, f"多出的{_MARK_NAMES[ch]}，前面没有对应的{_MARK_NAMES[opener]}"))
            continue
        # Openers above the matching one were never closed (each is popped once: linear).
        while stack[-1][0] != opener:
            unmatched_opener(*stack.pop())
        stack.pop()
        open_count[opener] -= 1
    for o, p, half in stack:
        unmatched_opener(o, p, half)
    return [Finding("unbalanced", msg, i, p, p + 1, None) for p, msg in sorted(lone)]


def _latin(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and text[pos].isascii() and text[pos].isalpha()


# ----------------------------------------------------------------------------------------------
# stale_year

_YEAR_RE: Final = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?:\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2}))?\s*年"
)


def _stale_years(i: int, text: str, reply_year: int, source: Provenance | None) -> list[Finding]:
    if "年" not in text:
        return []
    s = text.translate(_FULLWIDTH_DIGITS)
    protected: _Spans | None = None
    out: list[Finding] = []
    for m in _YEAR_RE.finditer(s):
        year = int(m.group(2) or m.group(1))
        if year >= reply_year - 1:
            continue
        if protected is None:
            protected = _protected_spans(s)
        if protected.overlaps(m.start(), m.end()):
            continue
        written = text[m.start() : m.end()]
        out.append(
            Finding(
                "stale_year",
                f"{_quote(written)}距答复日期（{reply_year}年）已久，所述情况和数字可能已过时，"
                f"请核实{_source_note(source)}",
                i,
                m.start(),
                m.end(),
                None,
            )
        )
    return out


# ----------------------------------------------------------------------------------------------
# stale_relative

_RELATIVE_RE: Final = re.compile(
    r"今年|去年|前年|本年|上年|目前|当前|截至|截止|至今|(?<![而得不])已"
)
_FIGURE_RE: Final = re.compile(
    r"(?<![\dA-Za-z.])\d+(?:[.,]\d+)*(?![\dA-Za-z])(?:\s*[%‰])?"
    r"|(?:[二两三四五六七八九十]|一(?=[一二两三四五六七八九十百千万亿零〇]))"
    r"[一二两三四五六七八九十百千万亿零〇]*(?=[家个项所人名次位批件条台套座户元倍成亩届期场轮])"
)
_SENTENCE_END: Final = "。！？；!?;\n"
_CLAUSE_END: Final = _SENTENCE_END + "，,："
_RELATIVE_AFTER: Final = 20
_RELATIVE_BEFORE: Final = 6


_MEASURES: Final = "家个项所人名次位批件条台套座户元倍成亩万亿届期场轮天年种类处支张部间"
_MEASURE_RE: Final = re.compile(rf"(?:多|余)?(?:[万亿]元|[{_MEASURES}])?")
_YEAR_LIKE_RE: Final = re.compile(r"(?:19|20)\d{2}")


def _figures(s: str) -> list[tuple[int, int]]:
    """Spans of figures — ``33家``, ``64.5%``, ``120万元``, ``三十三家`` — in order."""
    found: list[tuple[int, int]] = []
    for m in _FIGURE_RE.finditer(s):
        start, end = m.span()
        following = s[end:].lstrip()[:1]
        if _YEAR_LIKE_RE.fullmatch(m.group()) and following and following in "年-—–~～至到":
            continue  # a year: stale_year's business
        after = s[end : end + 1]
        if after and after in "月日号时点:：":
            continue  # a date or a time of day
        measure = _MEASURE_RE.match(s, end)
        found.append((start, measure.end() if measure else end))
    return found


def _stale_relative(i: int, text: str, source: Provenance | None) -> list[Finding]:
    s = text.translate(_FULLWIDTH_DIGITS)
    words = list(_RELATIVE_RE.finditer(s))
    if not words:
        return []
    protected = _protected_spans(s)
    dates = _Spans((a, b) for a, b, _ in find_dates(s))
    figures = [
        (a, b) for a, b in _figures(s) if not protected.overlaps(a, b) and not dates.overlaps(a, b)
    ]
    if not figures:
        return []
    starts = [a for a, _ in figures]
    ends = [b for _, b in figures]  # figures do not overlap, so their ends are in order too
    out: list[Finding] = []
    last_end = -1
    for w in words:
        if w.start() < last_end:
            continue  # already inside the previous finding: 目前已建有33家
        stops = _CLAUSE_END if w.group() == "已" else _SENTENCE_END
        span = _figure_after(s, w.end(), figures, starts, stops) or _figure_before(
            s, w.start(), figures, ends
        )
        if span is None:
            continue
        start, end = min(span[0], w.start()), max(span[1], w.end())
        snippet = text[start:end].strip()
        out.append(
            Finding(
                "stale_relative",
                f"{_quote(snippet)}中的{_quote(w.group())}是相对时间，所述数字可能已变化，"
                f"请按答复日期核实{_source_note(source)}",
                i,
                start,
                end,
                None,
            )
        )
        last_end = end
    return out


def _figure_after(
    s: str, pos: int, figures: list[tuple[int, int]], starts: list[int], stops: str
) -> tuple[int, int] | None:
    """The first figure at most ``_RELATIVE_AFTER`` characters after ``pos``, same sentence."""
    k = bisect_left(starts, pos)
    if k == len(figures):
        return None
    a, b = figures[k]
    if a > pos + _RELATIVE_AFTER or any(c in stops for c in s[pos:a]):
        return None
    return a, b


def _figure_before(
    s: str, pos: int, figures: list[tuple[int, int]], ends: list[int]
) -> tuple[int, int] | None:
    """The last figure ending at most ``_RELATIVE_BEFORE`` characters before ``pos``."""
    k = bisect_right(ends, pos) - 1
    if k < 0:
        return None
    a, b = figures[k]
    if pos - b > _RELATIVE_BEFORE or any(c in _CLAUSE_END for c in s[b:pos]):
        return None
    return a, b


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


# ----------------------------------------------------------------------------------------------
# heading_sequence

_CN_NUM: Final = "[一二三四五六七八九十]{1,3}"
_HEADING_RES: Final = (
    (1, re.compile(rf"^\s*({_CN_NUM})、")),
    (2, re.compile(rf"^\s*[（(]\s*({_CN_NUM})\s*[）)]")),
    (3, re.compile(r"^\s*(\d{1,2})[.．、](?!\d)")),
    (4, re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[）)]")),
)
_HEADING_FORMS: Final = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}
_MARKER_RE: Final = re.compile(rf"(?:^|(?<=[，。；：！？、\s（(“,;:]))({_CN_NUM})是(?!否)(?=\S)")


class _Counter:
    """The running number of one list, with the findings about it."""

    def __init__(self, level: int):
        self.level = level
        self.value: int | None = None  # the number the list has reached (after any fix)
        self.written: int | None = None  # the number last written in the text

    def reset(self) -> None:
        self.value = None
        self.written = None

    def numeral(self, n: int) -> str:
        return _int_to_cn(n) if self.level in (1, 2, _MARKERS) else str(n)

    def label(self, n: int) -> str:
        if self.level == _MARKERS:
            return f"{self.numeral(n)}是"
        return _HEADING_FORMS[self.level].format(self.numeral(n))

    def see(self, value: int, paragraph: int, start: int, end: int) -> Finding | None:
        """Take the next number of the list; a finding when it is out of sequence.

        A skipped or repeated number gets the expected one as suggestion and the list goes on
        from there, so later numbers are renumbered in turn; a restart or a step back has no
        suggestion and the list goes on from the number as written.
        """
        expected = 1 if self.value is None else self.value + 1
        written, before = self.written, self.value
        self.written = value
        if value == expected:
            self.value = value
            return None
        what = "序号" if self.level == _MARKERS else "标题序号"
        label = _quote(self.label(value))
        if before is None or written is None:
            self.value = value
            msg = f"{what}{label}前面没有{_quote(self.label(1))}"
            return Finding("heading_sequence", msg, paragraph, start, end, None)
        if value == written:
            reason = f"与上一个{_quote(self.label(value))}重复"
        elif value == written + 1:
            reason = "前面的序号改正后应顺延"
        elif value > expected:
            reason = f"跳过了{_quote(self.label(expected))}"
        else:
            self.value = value  # a restart or a step back: the clerk must decide
            msg = f"{what}{label}跟在{_quote(self.label(written))}之后，顺序不对"
            return Finding("heading_sequence", msg, paragraph, start, end, None)
        self.value = expected
        msg = f"{what}{label}不连续（{reason}），应为{_quote(self.label(expected))}"
        return Finding("heading_sequence", msg, paragraph, start, end, self.numeral(expected))


_MARKERS: Final = 5  # the "level" of 一是/二是 lists
_MAX_MARKER_NESTING: Final = 4


class _MarkerLists:
    """一是…二是… lists, which nest: "六是……。一是……二是……。七是……" is two lists.

    A ``一是`` always starts a new list inside the current one; another number continues the
    innermost list it follows on from, or else is checked against the innermost list.
    """

    def __init__(self) -> None:
        self.stack: list[_Counter] = []

    def reset(self) -> None:
        self.stack.clear()

    def see(self, value: int, paragraph: int, start: int, end: int) -> Finding | None:
        if value == 1 or not self.stack:
            self.stack.append(_Counter(_MARKERS))
            del self.stack[:-_MAX_MARKER_NESTING]
            return self.stack[-1].see(value, paragraph, start, end)
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].value == value - 1:
                del self.stack[depth + 1 :]
                break
        return self.stack[-1].see(value, paragraph, start, end)


def _heading_sequence(paragraphs: list[str]) -> list[Finding]:
    counters = {level: _Counter(level) for level, _ in _HEADING_RES}
    markers = _MarkerLists()
    out: list[Finding] = []
    for i, raw in enumerate(paragraphs):
        text = raw.translate(_FULLWIDTH_DIGITS)
        for level, regex in _HEADING_RES:
            m = regex.match(text)
            if m is None:
                continue
            value = _cn_to_int(m.group(1)) if level <= 2 else int(m.group(1))
            if not value:
                break
            for deeper, counter in counters.items():
                if deeper > level:
                    counter.reset()
            markers.reset()
            found = counters[level].see(value, i, m.start(1), m.end(1))
            if found is not None:
                out.append(found)
            break
        for m in _MARKER_RE.finditer(text):
            value = _cn_to_int(m.group(1))
            if not value:
                continue
            found = markers.see(value, i, m.start(1), m.end(1))
            if found is not None:
                out.append(found)
    return out


# ----------------------------------------------------------------------------------------------
# placeholder

_PLACEHOLDER_RES: Final = (
    re.compile(r"\{\{.*?\}\}"),
    re.compile(r"\{%.*?%\}"),
    re.compile(r"【[^【】]{0,30}?(?:请|填写|待定|待补|此处)[^【】]{0,30}】"),
    re.compile(r"[（(]此处[^（）()]{0,40}[）)]"),
    re.compile(r"×{2,}"),
    re.compile(r"(?<![A-Za-z0-9])(?:[Xx]{2,}|[Ｘｘ]{2,})(?![A-Za-z0-9])"),
    re.compile(r"＿{2,}|_{3,}"),
    re.compile(r"□{2,}"),
    re.compile(r"某某"),
    re.compile(r"(?<![A-Za-z])(?:TODO|FIXME|TBD)(?![A-Za-z])"),
)


def _placeholders(i: int, text: str) -> list[Finding]:
    matches = sorted(
        (m.start(), -m.end()) for regex in _PLACEHOLDER_RES for m in regex.finditer(text)
    )
    spans: list[tuple[int, int]] = []
    for a, minus_b in matches:  # by start, the longest first; overlapping ones are dropped
        if not spans or a >= spans[-1][1]:
            spans.append((a, -minus_b))
    return [
        Finding(
            "placeholder",
            f"{_quote(text[a:b])}像是没有填写的占位内容，请补上实际内容",
            i,
            a,
            b,
            None,
        )
        for a, b in spans
    ]


# ----------------------------------------------------------------------------------------------
# date_format

_LEADING_ZERO_RE: Final = re.compile(r"(?<=[年月])\s*0([1-9])\s*(?=[月日号])")
_CN_NUMERAL_DATE_RE: Final = re.compile(r"^[〇零○OoＯｏ一二三四五六七八九十]")


def _date_formats(i: int, text: str) -> list[Finding]:
    out: list[Finding] = []
    urls = _url_spans(text)
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
        elif re.search(r"(?<!\d)0\d", written.translate(_FULLWIDTH_DIGITS)):
            why = "日期的月、日不加“0”"
        else:
            why = "日期格式不规范"
        out.append(
            Finding(
                "date_format",
                f"{why}：{_quote(written)}应为{_quote(official)}",
                i,
                start,
                end,
                official,
            )
        )
    spans = _Spans((a, b) for a, b, _ in dates)
    for lz in _LEADING_ZERO_RE.finditer(text):
        if spans.overlaps(lz.start(), lz.end()) or urls.overlaps(lz.start(), lz.end()):
            continue
        out.append(
            Finding(
                "date_format",
                f"日期的月、日不加“0”：{_quote(lz.group().strip())}应为{_quote(lz.group(1))}",
                i,
                lz.start(),
                lz.end(),
                lz.group(1),
            )
        )
    return out


# ----------------------------------------------------------------------------------------------
# Files: the command-line glue

CHECKABLE_SUFFIXES: Final = (".txt", ".docx")


def check_file(
    path: Path, *, date: str | None, fix: bool
) -> tuple[list[Finding], list[str] | None]:
    """Check a .txt or .docx file: ``(findings, applied fixes or None)``.

    Paragraphs are the non-empty lines of a .txt file (trailing white space ignored, as on
    import) or the non-empty paragraphs (``w:p``, including table cells and text boxes) of a
    .docx file; ``Finding.paragraph`` counts those. ``date`` is the reply date (default today).
    The findings are those of the file as it was read.

    Without ``fix`` the second element is None. With ``fix``, the mechanical fixes are applied
    and the second element lists them, one line each (``第 1 段：“的的”→“的”``). When anything
    changed, a copy of the original is kept as ``NAME.bak`` beside the file (replacing an older
    one) and the file is replaced atomically (:func:`desktop.safe_write.atomic_write`). A .txt
    file keeps its encoding, byte-order mark, line endings and trailing white space; a .docx
    file keeps its formatting: only the text of ``w:t`` elements changes, a fix spanning several
    runs goes into the first run and is cut from the others, and a fix that would cross a tab or
    line break is skipped (and not listed).

    Raises :class:`ImportFailure` (plain Chinese) for a file that cannot be read or written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CHECKABLE_SUFFIXES:
        raise ImportFailure(f"无法检查 {path.name}：只能检查 .txt 和 .docx 文件")
    read_document(path, soffice=None)  # refuses what a clerk should be told about, in Chinese
    if suffix == ".txt":
        return _check_txt(path, date, fix)
    return _check_docx(path, date, fix)


def _describe(f: Finding, old: str) -> str:
    return f"第 {f.paragraph + 1} 段：{_quote(old)}→{_quote(f.suggestion or '')}"


def _check_txt(path: Path, date: str | None, fix: bool) -> tuple[list[Finding], list[str] | None]:
    try:
        data = path.read_bytes()
    except OSError:
        raise ImportFailure(f"无法打开文件 {path.name}：可能正被其他程序占用或没有权限") from None
    try:
        text, encoding = decode_text(data)
    except ImportFailure as exc:
        raise ImportFailure(f"无法读取 {path.name}：{exc.message}") from None
    lines = text.splitlines(keepends=True)
    paragraphs = [body for body in (line.rstrip() for line in lines) if body]
    findings = check(paragraphs, reply_date=date)
    if not fix:
        return findings, None
    fixed, applied = apply_fixes(paragraphs, findings)
    if not applied:
        return findings, []
    out: list[str] = []
    k = 0
    for line in lines:
        body = line.rstrip()
        if body:
            out.append(fixed[k] + line[len(body) :])
            k += 1
        else:
            out.append(line)
    bom = b""
    for mark, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if encoding == codec and data.startswith(mark):
            bom = mark
    _write_back(path, bom + "".join(out).encode(encoding))
    return findings, [_describe(f, paragraphs[f.paragraph][f.start : f.end]) for f in applied]


# WordprocessingML names, built without importing python-docx at module level.
_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"
_SKIPPED: Final = frozenset(
    {
        _W + "pPr",
        _W + "rPr",
        _W + "del",
        _W + "moveFrom",
        _W + "rt",
        _W + "instrText",
        _W + "footnoteReference",
        _W + "sdtPr",
        _W + "txbxContent",  # its paragraphs are paragraphs of their own
        _W + "p",
        _MC_FALLBACK,
    }
)
_READ_ONLY_TEXT: Final = {
    _W + "tab": "\t",
    _W + "ptab": "\t",
    _W + "br": "\n",
    _W + "cr": "\n",
    _W + "noBreakHyphen": "-",
}


def _segments(p: Any) -> list[tuple[Any | None, str]]:
    """The text pieces of a ``w:p`` in order: ``(w:t element, text)`` or ``(None, "\\t")``."""
    out: list[tuple[Any | None, str]] = []

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _W + "t":
                out.append((child, child.text or ""))
            elif tag in _READ_ONLY_TEXT:
                out.append((None, _READ_ONLY_TEXT[tag]))
            else:
                walk(child)

    walk(p)
    return out


def _docx_paragraphs(body: Any) -> list[Any]:
    """The non-empty ``w:p`` of a body in document order (VML fallback copies skipped)."""
    result = []
    for p in body.iter(_W + "p"):
        if any(a.tag in (_MC_FALLBACK, _W + "del") for a in p.iterancestors()):
            continue
        if "".join(t for _, t in _segments(p)).strip():
            result.append(p)
    return result


def _replace_in_segments(p: Any, start: int, end: int, new: str) -> bool:
    """Replace ``[start, end)`` of the paragraph's text in its ``w:t`` elements.

    The replacement goes into the first piece the span touches; the other pieces lose their
    part of the span. False (nothing changed) when the span crosses a tab or a line break.
    """
    offset = 0
    touched: list[tuple[Any, int, int]] = []  # (w:t, start in it, end in it)
    for element, text in _segments(p):
        seg_start, seg_end = offset, offset + len(text)
        offset = seg_end
        if start < end:
            if seg_end <= start or seg_start >= end or seg_start == seg_end:
                continue
        elif element is None or not seg_start <= start <= seg_end:
            continue  # an insertion goes into the first w:t that reaches its position
        if element is None:
            return False
        touched.append((element, max(start, seg_start) - seg_start, min(end, seg_end) - seg_start))
        if start == end:
            break
    if not touched:
        return False
    for n, (element, a, b) in enumerate(touched):
        old = element.text or ""
        value = old[:a] + (new if n == 0 else "") + old[b:]
        element.text = value
        if value != value.strip():
            element.set(_XML_SPACE, "preserve")
    return True


def _check_docx(path: Path, date: str | None, fix: bool) -> tuple[list[Finding], list[str] | None]:
    import docx
    from docx.opc.exceptions import OpcError
    from lxml import etree

    try:
        document = docx.Document(str(path))
    except (OpcError, KeyError, ValueError, zipfile.BadZipFile, etree.LxmlError):
        raise ImportFailure(f"无法读取 {path.name}：{MSG_CORRUPT}") from None
    elements = _docx_paragraphs(document.element.body)
    paragraphs = ["".join(t for _, t in _segments(p)) for p in elements]
    findings = check(paragraphs, reply_date=date)
    if not fix:
        return findings, None
    applied: list[Finding] = []
    for index, chosen in _select_fixes(paragraphs, findings).items():
        for f in reversed(chosen):
            assert f.suggestion is not None
            if _replace_in_segments(elements[index], f.start, f.end, f.suggestion):
                applied.append(f)
    if not applied:
        return findings, []
    applied.sort(key=lambda f: (f.paragraph, f.start))
    buffer = BytesIO()
    document.save(buffer)
    _write_back(path, buffer.getvalue())
    return findings, [_describe(f, paragraphs[f.paragraph][f.start : f.end]) for f in applied]


def _write_back(path: Path, data: bytes) -> None:
    """Keep a copy of ``path`` as ``NAME.bak``, then replace ``path`` with ``data`` atomically."""
    backup = path.with_name(path.name + ".bak")
    try:
        shutil.copy2(path, backup)
    except OSError:
        raise ImportFailure(
            f"无法修改 {path.name}：不能在同一文件夹保存备份 {backup.name}，请检查文件夹权限"
        ) from None

    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    try:
        atomic_write(path, write)
    except (TargetLocked, WriteFailed) as exc:
        raise ImportFailure(f"{exc.message}（原文件未改动）") from None
