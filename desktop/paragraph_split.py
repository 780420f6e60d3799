"""Web-page noise and run-on text: the first pass over a document's lines.

``is_noise_line`` tells web-page furniture (``来源:``, ``上一篇``, a bare URL, a site-name line …)
from document text, and ``INLINE_NOISE_RE`` removes inline furniture (``【字体：大 中 小】``,
``[打印本页]``). ``split_paragraphs`` cuts one line of run-together web text into real
paragraphs. ``docs/segmentation.md`` (3.1) describes the rules. Every regular expression here is
linear (anchored, bounded or free of nested quantifiers) and the noise checks only run on short
lines, so a 50 MB line is split in seconds.
"""

from __future__ import annotations

import re

from desktop.cjk import H_SPACE, is_ideograph
from desktop.numerals import COUNTING_CHARS

# The most a stored paragraph may hold. A real paragraph of a reply letter is a few hundred
# characters, a long one rarely 2,000; 5,000 is never reached by real text but stops a one-line
# 30 MB file from becoming one paragraph of millions of characters (which search, the composer
# and every similarity check would then have to handle as one piece). Packs use the same cap.
MAX_PARAGRAPH_CHARS = 5000

_HSPACE = H_SPACE


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --------------------------------------------------------------------------------------------
# Noise

INLINE_NOISE_RE = re.compile(
    r"【\s*字体[:：]?\s*大\s*中\s*小\s*】"
    r"|字体[:：]\s*[\[【]\s*(?:大\s*中\s*小)?\s*[\]】]"
    r"|[【\[]\s*(?:打印本页|关闭窗口|打印|关闭|返回顶部|收藏本页|收藏|分享)\s*[】\]]"
)


def without_inline_noise(line: str) -> str:
    """``line`` without the inline furniture of ``INLINE_NOISE_RE``."""
    if "【" in line or "[" in line or "字体" in line:  # (each kind starts so: most lines hold none)
        return INLINE_NOISE_RE.sub("", line)
    return line


_NOISE_LABEL_RE = re.compile(
    r"^(?:[-–—·•*>]\s*)?(?:编辑|责任编辑|来源|作者|信息来源|文章来源|发布时间|发布日期|更新时间"
    r"|阅读量|阅读次数|浏览次数|浏览量|点击数|点击量|访问量|累计次数|字体|关键词|关键字|扩展阅读"
    r"|网站目录投稿|分享到|上一篇|下一篇|上一条|下一条|当前位置|您的位置|您现在的位置|所在位置"
    r"|友情提示|免责声明|温馨提示)\s*[:：]"
)
_NOISE_START_RE = re.compile(
    r"^(?:[-–—·•*>]\s*)?(?:上一篇|下一篇|上一条|下一条|打印本页|关闭窗口|返回顶部|返回首页"
    r"|分享到|扫一扫|版权所有|Copyright|©|【打印|【关闭|【字体|\[打印|\[关闭|首页\s*[>»›])"
)
_NOISE_ANYWHERE = _words(
    "由互联网用户整理提供 转载分享请保留 免责声明 版权所有 ICP备 仅供您参考"
    " 打印本页 关闭窗口 阅读量 累计次数 浏览次数"
)
_NOISE_MARKERS = _words("来源 发布时间 累计次数 字体 阅读量 浏览次数 点击 作者 编辑 打印 关闭 分享")
_NOISE_ANYWHERE_RE = re.compile("|".join(map(re.escape, _NOISE_ANYWHERE)))
_NOISE_MARKER_RE = re.compile("|".join(map(re.escape, _NOISE_MARKERS)))
_FILLER = "|-_=*·• \u3000"
_DATETIME_LINE_RE = re.compile(
    r"^(?:发布时间[:：]?\s*)?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?"
)
_URL_LINE_RE = re.compile(r"^(?:https?://|www\.)\S+$")
_SITE_NAME_RE = re.compile(r"^[^\s，。,:：|]{1,12}\s+[-–—_]{1,2}\s+[^\s，。,:：]{1,16}$")


def is_noise_line(line: str) -> bool:
    """Whether a (stripped) line is web-page furniture rather than document text."""
    s = line.strip()
    if not s:
        return True
    if len(s) > 200:
        return False
    if not s.strip(_FILLER):  # nothing but filler characters
        return True
    if _NOISE_LABEL_RE.match(s) or _NOISE_START_RE.match(s):
        return True
    if _DATETIME_LINE_RE.match(s) or _URL_LINE_RE.match(s) or _SITE_NAME_RE.match(s):
        return True
    if len(s) <= 120 and _NOISE_ANYWHERE_RE.search(s):
        return True
    # (most lines hold no marker at all: one search says so)
    return (
        len(s) <= 80
        and _NOISE_MARKER_RE.search(s) is not None
        and sum(marker in s for marker in _NOISE_MARKERS) >= 2
    )


# --------------------------------------------------------------------------------------------
# Run-on splitting

_CUT_RE = re.compile(
    r"([。！？；!?;：:.])([”’」』）)】〕》\"]{0,2})"
    rf"(?:([{_HSPACE}]+)(?=\S)|(?=[{COUNTING_CHARS}]{{1,3}}、|[（(][{COUNTING_CHARS}]{{1,3}}[）)]|--|——))"
)
# An enumerated heading run together with its first paragraph: "一、基本情况 全市已建成…".
_RUNON_HEADING_RE = re.compile(
    rf"^(?:[{COUNTING_CHARS}]{{1,3}}、|[（(][{COUNTING_CHARS}]{{1,3}}[）)])[^。！？；!?;\s]{{1,40}}[{_HSPACE}]+(?=\S)"
)
_ENUMERATOR_RE = re.compile(
    rf"[{COUNTING_CHARS}]{{1,3}}[、是]|[（(][{COUNTING_CHARS}\d]{{1,3}}[）)]|\d{{1,2}}[.、．]"
)
# A salutation glued to the text after it: "周一代表：您领衔提出的建议收悉。"
_LEADING_SALUTATION_RE = re.compile(
    r"^(?!附议|联名)(?:尊敬的)?[^：:，。！？,.!?（）()\s]{1,20}?(?:代表|委员|同志)(?:们)?[：:](?=\S)"
)
_ENUM_OPENERS = '（(“"《【〔「‘'
_SALUTATION_TAIL_RE = re.compile(r"(?:代表|委员|同志|先生|女士)(?:们)?$")
CONTACT_START_RE = re.compile(r"^[（(]?\s*(?:联\s*系\s*人|联系电话|联系方式|联系人电话)")


def split_paragraphs(text: str) -> list[str]:
    """Split one line of run-together web text into paragraphs.

    A cut is made at white space that follows sentence-final punctuation (with any closing
    quotes or brackets) and precedes Chinese text, a digit or an enumerator; after a colon only
    when the text before it is a salutation or a sentence (8+ characters) or an enumerator
    follows, so ``来源: 中国网`` and ``联系人: 张三`` stay whole. Without white space, a cut is
    made only before a level-one enumerator (``一、`` / ``（一）``) or a ``--`` bullet that
    follows ``。！？``, and after a salutation that opens the line (``周一代表：您提出的…``).
    An enumerated heading run together with its first paragraph is split off.
    """
    s = text.strip()
    if not s:
        return []
    if CONTACT_START_RE.match(s):
        return cap_paragraph(s)
    lead = _LEADING_SALUTATION_RE.match(s)
    if lead and lead.end() < len(s):
        pieces = [s[: lead.end()], *_split_run_on(s[lead.end() :].strip())]
    else:
        pieces = _split_run_on(s)
    if all(len(piece) <= MAX_PARAGRAPH_CHARS for piece in pieces):
        return pieces
    return [part for piece in pieces for part in cap_paragraph(piece)]


# Where an over-long run may be cut, best first: after a sentence mark (with any closing
# quotes or brackets), then after white space. Without either, the cut is hard.
_SENTENCE_END = "。！？；!?;…"
_CLOSERS = '”’」』）)】〕》"'


def cap_paragraph(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, in order, nothing lost but the white
    space at a cut. A piece ends at the last sentence mark that fits, else at the last white
    space that fits, else at exactly ``limit`` characters. Linear in the text's length.
    """
    s = text.strip()
    pieces: list[str] = []
    start = 0
    while len(s) - start > limit:
        end = start + limit
        cut = _last_sentence_end(s, start + limit // 4, end)
        if cut is None:
            space = max(s.rfind(ch, start + 1, end) for ch in _HSPACE)
            cut = space if space > start else end
        piece = s[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
        while start < len(s) and s[start] in _HSPACE:
            start += 1
    rest = s[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _last_sentence_end(s: str, lo: int, hi: int) -> int | None:
    """The position just after the last sentence mark (and its closing quotes) in ``s[lo:hi]``
    such that the piece still ends by ``hi``; None when there is none. ``lo`` keeps a piece
    cut at a sentence mark from being very short."""
    best = max(s.rfind(ch, lo, hi) for ch in _SENTENCE_END)
    if best < 0:
        return None
    cut = best + 1
    while cut < hi and s[cut] in _CLOSERS:
        cut += 1
    return cut


def _split_run_on(s: str) -> list[str]:
    cuts: list[tuple[int, int]] = []  # (end of previous piece, start of next piece)
    seg_start = 0
    for m in _CUT_RE.finditer(s):
        if _is_cut(s, m, seg_start):
            cuts.append((m.end(2), m.end()))
            seg_start = m.end()
    pieces: list[str] = []
    start = 0
    for end, next_start in cuts:
        pieces.append(s[start:end].strip())
        start = next_start
    pieces.append(s[start:].strip())
    return [part for piece in pieces for part in _run_on_heading(piece)]


def _is_cut(s: str, m: re.Match[str], seg_start: int) -> bool:
    """Whether the sentence mark matched by ``m`` ends a paragraph (``split_paragraphs``)."""
    punct = m.group(1)
    if m.group(3) is None:  # no white space: only before an enumerator or bullet
        return punct in "。！？!?"
    nxt = s[m.end()]
    if punct in "：:":
        return _colon_cut(s, m, seg_start, nxt)
    if punct == ".":
        prev = s[m.start(1) - 1] if m.start(1) > 0 else ""
        return (is_ideograph(prev) or prev in "%）》”") and (
            is_ideograph(nxt) or nxt in _ENUM_OPENERS
        )
    if punct in "!?;":
        prev = s[m.start(1) - 1] if m.start(1) > 0 else ""
        return is_ideograph(nxt) or is_ideograph(prev) or nxt in _ENUM_OPENERS
    return is_ideograph(nxt) or nxt.isdigit() or nxt in _ENUM_OPENERS or nxt in "-—"


def _colon_cut(s: str, m: re.Match[str], seg_start: int, nxt: str) -> bool:
    """A colon ends a paragraph before Chinese text when an enumerator follows, or the text
    before it is a salutation or a sentence (8+ characters): ``来源: 中国网`` stays whole."""
    if not (is_ideograph(nxt) or nxt in _ENUM_OPENERS):
        return False
    if _ENUMERATOR_RE.match(s, m.end()):
        return True
    # only the last few characters are looked at: a skipped colon must not make the next
    # check re-read the whole segment (quadratic on a long line)
    colon = m.start(1)
    tail = s[max(seg_start, colon - 12) : colon].rstrip()
    return colon - seg_start >= 8 or bool(_SALUTATION_TAIL_RE.search(tail))


def _run_on_heading(piece: str) -> list[str]:
    """An enumerated heading run together with its first paragraph, split off."""
    head = _RUNON_HEADING_RE.match(piece)
    out: list[str] = []
    if head and (is_ideograph(piece[head.end()]) or piece[head.end()].isdigit()):
        out.append(piece[: head.end()].strip())
        piece = piece[head.end() :]
    if piece:
        out.append(piece)
    return out
