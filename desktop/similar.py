"""Similar past letters for a new proposal: what the composer offers without being asked.

Letters are compared by their WORDS (desktop/words.py: jieba with a user dictionary of
administrative terms, on text folded to simplified characters, so 繁體 and simplified titles
meet). The proposal's title gives its topic words (stop words such as 关于, 建议, 加强 left
out); its content, when given, adds its most distinctive words by TF·IDF. The word indexes
(desktop/store/word_index.py) hold every letter's title and every paragraph as words: a
letter is ranked by the BM25 of its title against the query's words (weighted double) plus
the summed BM25 of its best matching paragraphs, so a rare shared word (献血, 清淤) counts for
much and a common one (道路 in a library of road replies) for little. For each letter its
matching paragraphs are returned per section, best first. See docs/search.md.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from desktop.store import LibraryStore
from desktop.store.similar_queries import WordCounts
from desktop.words import related_words, stop_words, topic_characters, topic_words

MAX_CONTENT_WORDS = 16
CONTENT_CANDIDATES = 40  # the content's most frequent words, of which the most distinctive
# A word in more than 20 % of the paragraphs says little about a topic (BM25 gives it next to
# no weight) and costs the most to look up: it is left out of the query. Not in a small
# library, where a topic word can stand in many of the few paragraphs.
MAX_DF_SHARE = 0.2
MIN_PARAGRAPHS_FOR_DF = 1000
PARAGRAPH_CANDIDATES = 300
TITLE_CANDIDATES = 300
PARAGRAPHS_PER_SECTION = 3
POSTINGS_BUDGET = 10_000  # rows of the word indexes read per query (the rarest words first)
# A letter's score: TITLE_WEIGHT × the IDF of the query's words its title holds, plus
# BODY_WEIGHT × the IDF of the query's words its best paragraphs hold, each word once, times
# (1 + REPEAT × log(paragraphs holding it)). Content words weigh CONTENT_WEIGHT of a title's.
# Tuned on bench/relevance.py.
TITLE_WEIGHT = 1.0
BODY_WEIGHT = 0.5
REPEAT = 0.5
CONTENT_WEIGHT = 0.5
# The body part is divided by 1 - LENGTH_B + LENGTH_B × (the letter's body paragraphs / the
# average of the letters matched), as BM25 does: a long document (a report of fifty
# paragraphs) holds a few of anybody's words and must not outrank a reply by that alone.
LENGTH_B = 0.5
# "Similar past replies": a reference document (a report, a policy) on the same words counts
# REFERENCE_WEIGHT of a reply, so the replies a clerk can answer from come first.
REFERENCE_WEIGHT = 0.5
HEAD_WEIGHT = 0.5  # a title word found by its head character (see _head_words)
# When the words find no letter: title words sharing a character with the query's words, at
# this weight (they only ever fill an empty list; see _character_matches).
CHARACTER_WEIGHT = 0.1
FEW_LETTERS = 3  # fewer letters found by words than this: characters fill the list
RELATED_WEIGHT = 0.5  # a word of the same topic group as a title word (see _related)
# The last characters of names that say what kind of thing is named (rivers, ditches, dams,
# bridges, roads, lamps, toilets, schools …); not places (村, 镇: they would join letters by
# where, not by what) and not suffixes such as 化 or 点.
HEAD_CHARACTERS = frozenset("河江湖溪渠沟塘库闸坝堤井泵桥路街巷隧灯厕校园院馆所屋")


@dataclass(frozen=True)
class SimilarParagraph:
    """One of a similar letter's best matching paragraphs."""

    paragraph_id: int
    section: str
    text: str
    score: float  # rounded to 4 places

    def to_json(self) -> dict[str, Any]:
        return {
            "paragraph_id": self.paragraph_id,
            "section": self.section,
            "text": self.text,
            "score": self.score,
        }


@dataclass(frozen=True)
class SimilarLetter:
    letter_id: int
    title: str | None
    score: float
    year: int | None = None
    paragraphs: tuple[SimilarParagraph, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "letter_id": self.letter_id,
            "title": self.title,
            "score": round(self.score, 4),
            "year": self.year,
            "paragraphs": [p.to_json() for p in self.paragraphs],
        }


def _idf(documents: int, total: int) -> float:
    """BM25's inverse document frequency (never negative): a rare word weighs much."""
    return math.log(1.0 + (total - documents + 0.5) / (documents + 0.5))


def _informative(word: str, counts: WordCounts) -> bool:
    """Whether the library holds the word at all, and not in most of its paragraphs."""
    in_paragraphs = counts.paragraphs.get(word, 0)
    if not in_paragraphs and not counts.titles.get(word, 0):
        return False
    total = counts.paragraph_total
    return total < MIN_PARAGRAPHS_FOR_DF or in_paragraphs <= MAX_DF_SHARE * total


def _within_budget(words: list[str], documents: dict[str, int]) -> list[str]:
    """The rarest of the words whose rows together stay within POSTINGS_BUDGET (the cost of
    a query grows with them; the common words left out weigh least)."""
    kept: list[str] = []
    rows = 0
    for word in sorted(words, key=lambda w: documents.get(w, 0)):
        rows += documents.get(word, 0)
        if kept and rows > POSTINGS_BUDGET:
            break
        kept.append(word)
    return [w for w in words if w in kept]


def _content_words(store: LibraryStore, content: str, exclude: set[str]) -> dict[str, int]:
    """The proposal text's most distinctive words (TF·IDF over the library's paragraphs),
    with how many paragraphs hold each."""
    tf = Counter(w for w in topic_words(content, unique=False) if w not in exclude)
    if not tf:
        return {}
    candidates = [w for w, _ in tf.most_common(CONTENT_CANDIDATES)]
    counts = store.similar.word_counts(candidates)
    total = max(1, counts.paragraph_total)
    scored = [
        (tf[w] * _idf(counts.paragraphs[w], total), w)
        for w in candidates
        if counts.paragraphs.get(w) and _informative(w, counts)
    ]
    scored.sort(reverse=True)
    return {w: counts.paragraphs[w] for _, w in scored[:MAX_CONTENT_WORDS]}


def _head_words(store: LibraryStore, words: list[str], counts: WordCounts) -> dict[str, int]:
    """Title words sharing the head of a word no other title holds. A Chinese name ends in
    the character that says what it names (翟徐桥 a bridge, 蕲河 a river, 沟渠 a ditch): a
    title naming a bridge the library has never seen still finds the titles on 危桥 and
    大桥. Only for the heads of HEAD_CHARACTERS; no stop words."""
    heads = {
        w[-1] for w in words
        if counts.titles.get(w, 0) <= 1 and len(w) > 1 and w[-1] in HEAD_CHARACTERS
    }  # fmt: skip
    if not heads:
        return {}
    stops = stop_words()
    return {
        w: n for w, n in store.similar.title_words_with(sorted(heads)).items()
        if len(w) > 1 and w not in stops and w not in words
    }  # fmt: skip


@dataclass
class _Query:
    """The words asked, with their weights (IDF in titles, IDF in paragraphs)."""

    title: dict[str, float]
    body: dict[str, float]


def _related(words: list[str]) -> list[str]:
    """The words filed under the same topics as ``words`` (resources/words/related.txt),
    not among them: 排污 brings 污水, so a letter on 排污设施 finds those on 污水管网."""
    asked = set(words)
    return list(dict.fromkeys(r for w in words for r in sorted(related_words(w)) if r not in asked))


def _add_related(query: _Query, related: list[str], counts: WordCounts) -> None:
    """The related words, at RELATED_WEIGHT, wherever no title word already stands."""
    titles = max(1, counts.title_total)
    paragraphs = max(1, counts.paragraph_total)
    for word in related:
        if counts.titles.get(word):
            query.title.setdefault(word, RELATED_WEIGHT * _idf(counts.titles[word], titles))
        if counts.paragraphs.get(word) and _informative(word, counts):
            query.body.setdefault(word, RELATED_WEIGHT * _idf(counts.paragraphs[word], paragraphs))


def _query(store: LibraryStore, title: str, content: str) -> _Query:
    """Every topic word of the title that some title or paragraph holds is asked of the
    titles (one short row a letter); the paragraphs are asked the informative ones and the
    content's most distinctive words (weighted CONTENT_WEIGHT); the words related to the
    title's (RELATED_WEIGHT) are asked of both."""
    candidates = topic_words(title)
    related = _related(candidates)
    counts = store.similar.word_counts(candidates + related)
    titles = max(1, counts.title_total)
    paragraphs = max(1, counts.paragraph_total)
    title_words = [w for w in candidates if counts.titles.get(w)]
    body_words = [w for w in candidates if counts.paragraphs.get(w) and _informative(w, counts)]
    query = _Query(
        {w: _idf(counts.titles[w], titles) for w in _within_budget(title_words, counts.titles)},
        {w: _idf(counts.paragraphs[w], paragraphs) for w in body_words},
    )
    for word, held_by in _head_words(store, candidates, counts).items():
        query.title.setdefault(word, HEAD_WEIGHT * _idf(held_by, titles))
    _add_related(query, related, counts)
    query.title = {w: query.title[w] for w in _within_budget(list(query.title), counts.titles)}
    extra = _content_words(store, content, set(candidates)) if content.strip() else {}
    for word, held_by in extra.items():
        query.body[word] = CONTENT_WEIGHT * _idf(held_by, paragraphs)
    kept = _within_budget(list(query.body), {**counts.paragraphs, **extra})
    query.body = {w: query.body[w] for w in kept}
    return query


_Row = tuple[float, int, str]  # (score, paragraph id, section)


def _scores(store: LibraryStore, query: _Query) -> tuple[dict[int, float], dict[int, list[_Row]]]:
    """Each letter's score, and its matching paragraphs. In the body each word counts once
    per letter, a little more for every further paragraph holding it (a letter repeating
    公交 in ten paragraphs is closer, but not ten times as close)."""
    score: dict[int, float] = defaultdict(float)
    for letter_id, weight, _ in store.similar.best_titles(query.title, TITLE_CANDIDATES):
        score[letter_id] += TITLE_WEIGHT * weight
    paragraphs = {
        pid: (weight, words)
        for pid, weight, words in store.similar.best_paragraphs(query.body, PARAGRAPH_CANDIDATES)
    }
    per_letter: dict[int, list[_Row]] = defaultdict(list)
    held: dict[int, Counter[str]] = defaultdict(Counter)
    for letter_id, pid, section in store.similar.paragraph_letters(list(paragraphs)):
        value, words = paragraphs[pid]
        per_letter[letter_id].append((value, pid, section))
        held[letter_id].update(words)
    lengths = store.similar.body_lengths(list(held))
    # the average of the letters matched, not of the library: no scan of every letter
    average = sum(lengths.values()) / max(1, len(lengths))
    for letter_id, times in held.items():
        body = sum(query.body[w] * (1.0 + REPEAT * math.log(n)) for w, n in times.items())
        norm = 1.0 - LENGTH_B + LENGTH_B * lengths.get(letter_id, 0) / max(1.0, average)
        score[letter_id] += BODY_WEIGHT * body / norm
    return score, per_letter


def _best_paragraphs(rows: list[_Row]) -> list[_Row]:
    """A letter's matching paragraphs, best first within each section, sections in order.
    The acknowledgement and the thanks are offered only when nothing of the body matches:
    they mostly repeat the old proposal's title, which a new reply must not reuse."""
    by_section: dict[str, list[_Row]] = defaultdict(list)
    for row in sorted(rows, reverse=True):
        by_section[row[2]].append(row)
    body = ("status", "plan", "body")
    sections = body if any(s in by_section for s in body) else ("greeting", "closing")
    return [row for section in sections for row in by_section[section][:PARAGRAPHS_PER_SECTION]]


def _character_matches(store: LibraryStore, title: str) -> dict[int, float]:
    """Letters whose title holds a word sharing a character with the query's topic words
    (泊车位 and 车辆, 献血屋 and 血站): asked only when the words find fewer than FEW_LETTERS
    letters, so that a proposal on a topic new to the library still gets the nearest titles
    there are, after every letter sharing a word."""
    words = topic_words(title)
    held = {w: n for w, n in store.similar.title_words_with(topic_characters(words)).items()
            if len(w) > 1 and w not in stop_words() and w not in words}  # fmt: skip
    if not held:
        return {}
    total = max(1, store.similar.word_counts([]).title_total)
    weights = {w: CHARACTER_WEIGHT * _idf(n, total) for w, n in held.items()}
    return {lid: w for lid, w, _ in store.similar.best_titles(weights, TITLE_CANDIDATES)}


def similar_letters(
    store: LibraryStore,
    title: str,
    content: str = "",
    *,
    limit: int = 10,
    case_id: int | None = None,
) -> list[SimilarLetter]:
    """Past letters like a proposal, best first; ``case_id``: the open case, whose own filed
    replies are left out (its answer is not a past answer to itself)."""
    query = _query(store, title, content)
    score, per_letter = _scores(store, query)
    if len(score) < FEW_LETTERS:
        for letter_id, value in _character_matches(store, title).items():
            score.setdefault(letter_id, value)
    if case_id is not None:
        for letter_id in store.similar.case_letters(case_id):
            score.pop(letter_id, None)
    for letter_id in store.similar.references(list(score)):
        score[letter_id] *= REFERENCE_WEIGHT
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], -kv[0]))[:limit]
    letters = store.letters.by_ids([lid for lid, _ in ranked])
    shown = {lid: _best_paragraphs(per_letter.get(lid, [])) for lid, _ in ranked}
    texts = store.search.paragraph_texts(sorted({r[1] for rows in shown.values() for r in rows}))
    return [
        SimilarLetter(
            letter_id=letter_id,
            title=letters[letter_id].shown_title,
            score=value,
            year=letters[letter_id].year,
            paragraphs=tuple(
                SimilarParagraph(pid, section, texts[pid], round(rel, 4))
                for rel, pid, section in shown[letter_id]
                if pid in texts
            ),
        )
        for letter_id, value in ranked
        if letter_id in letters
    ]
