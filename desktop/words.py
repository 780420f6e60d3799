"""Words: the one home of Chinese word segmentation (for "similar letters").

Chinese topic words are mostly two characters (公交, 河道, 卫生, 停车): matching runs of three
characters misses them, so "similar letters" (desktop/similar.py) compares letters by their
WORDS. The segmenter is jieba's (rjieba, the jieba-rs binding), in a search mode of our own: a
long word is given with every dictionary word inside it (老旧小区改造 → 老旧, 小区, 老旧小区,
改造, 老旧小区改造), so a title saying 老旧小区改造 and one saying 小区供热 share 小区; new
words (place names) are found by jieba's HMM.

The text is normalized and folded to simplified characters first (desktop/fold.py), so a
title in traditional characters (繁體) yields the same words as its simplified twin.

Shipped with the program (``resources/words/``, frozen by PyInstaller):
- ``user_dict.txt``: administrative terms jieba's own dictionary lacks or cuts wrongly
  (agency name parts, 代表/委员, policy words, common topic words such as 老旧小区,
  公交线路, 饮水安全), one ``word [frequency [tag]]`` a line, loaded with ``add_word``;
- ``stop_words.txt``: words that say nothing about a letter's topic (关于, 建议, 加强 …);
- ``related.txt``: groups of words a clerk files under one topic (污水 and 排污, 停车 and 泊车):
  a query's word brings the rest of its groups in at reduced weight (desktop/similar.py).

:func:`index_words` is what the word indexes hold (every word but function words; the
indexes keep single characters too); :func:`topic_words` is what a query asks for: only
words of two or more characters that are not stop words. Changing the dictionary changes
what the indexes hold: a new schema migration must then rebuild them (see
desktop/store/word_index.py).
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from itertools import chain
from pathlib import Path
from typing import Protocol, cast

from desktop.fold import to_simplified
from desktop.lazy_pattern import LazyPattern
from desktop.normalize import normalize_text
from desktop.paths import resources_dir

log = logging.getLogger(__name__)

# A token worth keeping: Han characters, or letters and digits with at least one letter
# (5G, PPP); plain numbers (years, counts) say nothing about a topic.
_HAN_WORD = LazyPattern(r"[\u3400-\u9fff\U00020000-\U0003134f]+")
_LATIN_WORD = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*")
# The characters that say where, not what (怀远县, 主城区): no topic to fall back on.
_PLACE_CHARS = frozenset("省市县区镇乡村街州城")
# Single characters that carry no topic: left out of the indexes altogether.
_FUNCTION_CHARS = frozenset("的了和与及在对将为是等于把被也并或由从向以之其该此各这那有个")


class _Segmenter(Protocol):
    def cut(self, text: str, hmm: bool = True) -> list[str]: ...
    def has_word(self, word: str) -> bool: ...
    def add_word(self, word: str, freq: int | None, tag: str | None) -> int: ...
    def tag(self, text: str, hmm: bool = True) -> list[tuple[str, str]]: ...


def words_dir() -> Path:
    return resources_dir() / "words"


def _lines(name: str) -> list[str]:
    path = words_dir() / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        log.error("word lists: %s cannot be read; going on without it", path, exc_info=exc)
        return []
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def user_dictionary() -> list[tuple[str, int | None, str | None]]:
    """The shipped user dictionary: (word, frequency or None, tag or None)."""
    out = []
    for line in _lines("user_dict.txt"):
        parts = line.split()
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else None
        out.append((to_simplified(parts[0]), freq, tag))
    return out


@functools.cache
def stop_words() -> frozenset[str]:
    """Words that say nothing about a letter's topic (``resources/words/stop_words.txt``)."""
    return frozenset(to_simplified(w) for line in _lines("stop_words.txt") for w in line.split())


@functools.cache
def _related_groups() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for line in _lines("related.txt"):
        group = {to_simplified(w) for w in line.split()}
        for word in group:
            groups.setdefault(word, set()).update(group)
    return {word: frozenset(others - {word}) for word, others in groups.items()}


def related_words(word: str) -> frozenset[str]:
    """The other words of the groups ``word`` stands in (``resources/words/related.txt``):
    words a clerk files under the same topic, such as 排污 for 污水."""
    return _related_groups().get(word, frozenset())


_loading = threading.Lock()


@functools.cache
def _segmenter() -> _Segmenter:
    """jieba with the user dictionary, made once per process (~0.4 s: so only when first
    needed, never while the window starts)."""
    with _loading:
        # Importing rjieba builds jieba's dictionary into the module's own segmenter (~0.3 s,
        # holding the interpreter: not while the window starts). That one is ours: another
        # ``rjieba.Jieba()`` would build the dictionary again (~0.1 s, ~25 MB).
        import rjieba

        # (its stub leaves add_word/has_word out of __all__; the module has them)
        seg = cast(_Segmenter, rjieba)
        for word, freq, tag in user_dictionary():
            seg.add_word(word, freq, tag)
        return seg


def warm_up() -> None:
    """Load the segmenter on a thread of its own, so that the first check of a reused
    paragraph or the first similar list on the UI thread does not wait for it (~0.5 s)."""
    threading.Thread(target=_segmenter, name="words-warm-up", daemon=True).start()


def _tokens(text: str) -> list[str]:
    """jieba's words of the folded text (with its HMM for new words such as place names),
    each long word preceded by the dictionary words inside it. jieba's own search mode looks
    only at parts of two and three characters: 老旧小区改造 would not give 老旧小区."""
    tokens = _segmenter().cut(to_simplified(text).lower(), True)
    # (map and chain: no Python loop over the ~1,000 words of a letter)
    return list(chain.from_iterable(map(_kept_parts, tokens)))


@functools.lru_cache(maxsize=1 << 16)
def _kept_parts(token: str) -> tuple[str, ...]:
    """The dictionary words inside ``token`` and ``token`` itself, those worth indexing (the
    same words recur in every letter: cached)."""
    seg = _segmenter()
    n = len(token)
    parts = [token[i : i + k] for k in range(2, n) for i in range(n - k + 1)
             if seg.has_word(token[i : i + k])] if n > 2 else []  # fmt: skip
    return tuple(t for t in [*parts, token] if _kept(t))


def _kept(token: str) -> bool:
    if _HAN_WORD.fullmatch(token):
        return len(token) > 1 or token not in _FUNCTION_CHARS
    return _LATIN_WORD.fullmatch(token) is not None


def index_words(text: str, *, normalized: bool = False) -> list[str]:
    """The words of ``text`` as the word indexes hold them, in order, repeats kept: every
    Han word (single characters too, but not function characters such as 的), and Latin
    words with a letter; no punctuation, no plain numbers. ``normalized``: the text is
    already normalized (desktop/normalize.py) as stored paragraphs are."""
    if not text:
        return []
    return _tokens(text if normalized else normalize_text(text))


def index_text(text: str | None) -> str:
    """:func:`index_words` of stored (normalized) text joined by spaces: the column the word
    indexes tokenize (FTS5's unicode61 tokenizer splits at the spaces)."""
    if not text:
        return ""
    # As _tokens, but each token's kept parts come already joined (none: "", left out): no
    # Python loop, and no list of the parts of every token before the join.
    tokens = _segmenter().cut(to_simplified(text).lower(), True)
    return " ".join(filter(None, map(_joined_parts.__getitem__, tokens)))


class _JoinedParts(dict[str, str]):
    """token → its :func:`_kept_parts` joined by spaces, filled as tokens come (the same
    words recur in every letter); emptied when it holds as many tokens as that cache."""

    def __missing__(self, token: str) -> str:
        if len(self) >= 1 << 16:
            self.clear()
        joined = self[token] = " ".join(_kept_parts(token))
        return joined


_joined_parts = _JoinedParts()


def topic_words(text: str, *, unique: bool = True) -> list[str]:
    """The words of ``text`` that can tell its topic, in order: words of two or more
    characters that are not stop words (each once; ``unique=False``: with its repeats)."""
    stops = stop_words()
    found = [t for t in index_words(text) if len(t) > 1 and t not in stops]
    return list(dict.fromkeys(found)) if unique else found


def topic_characters(words: list[str]) -> list[str]:
    """The characters of ``words`` that can carry a topic (no function characters such as
    的, no place suffixes such as 县), each once: what "similar letters" falls back on when
    the words find too few letters."""
    skip = _FUNCTION_CHARS | _PLACE_CHARS
    found = (c for w in words for c in w if _HAN_WORD.fullmatch(c) and c not in skip)
    return list(dict.fromkeys(found))


def tagged(text: str) -> list[tuple[str, str]]:
    """jieba's words of ``text`` as written (neither normalized nor folded, so that their
    lengths add up to the text's offsets), each with its part-of-speech tag: ``ns`` place,
    ``nt`` organization, ``nr`` person, ``""`` for a user-dictionary word without a tag.
    The reuse check (desktop/proofread/places.py) finds place names with it."""
    if not text:
        return []
    return [(word, tag) for word, tag in _segmenter().tag(text, True)]


def available() -> bool:
    """Whether segmentation works here with the user dictionary (the frozen program's smoke
    test asks): a word of the dictionary that jieba alone would cut stays whole."""
    try:
        return "饮水安全" in index_words("农村饮水安全工程")
    except Exception:
        log.exception("word segmentation is not available")
        return False
