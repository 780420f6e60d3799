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
from desktop.words import topic_words

MAX_CONTENT_WORDS = 16
# A word in more than 20 % of the paragraphs says little about a topic (BM25 gives it next to
# no weight) and costs the most to look up: it is left out of the query. Not in a small
# library, where a topic word can stand in many of the few paragraphs.
MAX_DF_SHARE = 0.2
MIN_PARAGRAPHS_FOR_DF = 1000
PARAGRAPH_CANDIDATES = 600
PARAGRAPHS_PER_SECTION = 3
TITLE_WEIGHT = 2.0


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


def _informative(word: str, counts: WordCounts) -> bool:
    """Whether the library holds the word at all, and not in most of its paragraphs."""
    in_paragraphs = counts.paragraphs.get(word, 0)
    if not in_paragraphs and not counts.titles.get(word, 0):
        return False
    total = counts.paragraph_total
    return total < MIN_PARAGRAPHS_FOR_DF or in_paragraphs <= MAX_DF_SHARE * total


def _content_words(store: LibraryStore, content: str, exclude: set[str]) -> list[str]:
    """The proposal text's most distinctive words (TF·IDF over the library's paragraphs)."""
    tf = Counter(w for w in _all_words(content) if w not in exclude)
    if not tf:
        return []
    candidates = [w for w, _ in tf.most_common(200)]
    counts = store.similar.word_counts(candidates)
    total = max(1, counts.paragraph_total)
    scored = [
        (tf[w] * math.log(total / counts.paragraphs[w]), w)
        for w in candidates
        if counts.paragraphs.get(w) and _informative(w, counts)
    ]
    scored.sort(reverse=True)
    return [w for _, w in scored[:MAX_CONTENT_WORDS]]


def _all_words(text: str) -> list[str]:
    """Topic words with their repeats (TF counts them)."""
    return topic_words(text, unique=False)


def similar_letters(
    store: LibraryStore, title: str, content: str = "", *, limit: int = 10
) -> list[SimilarLetter]:
    candidates = topic_words(title)
    counts = store.similar.word_counts(candidates)
    title_words = [w for w in candidates if _informative(w, counts)]
    content_words = (
        _content_words(store, content, set(candidates)) if content.strip() else []
    )
    words = title_words + content_words
    if not words:
        return []

    letter_score: dict[int, float] = defaultdict(float)
    title_hits = store.similar.title_matches(title_words or content_words, limit=200)
    top_title = max((hit.relevance for hit in title_hits), default=0.0)
    for hit in title_hits:
        letter_score[hit.letter_id] += TITLE_WEIGHT * hit.relevance / top_title

    per_letter: dict[int, list[tuple[float, int, str, str]]] = defaultdict(list)
    for m in store.similar.paragraph_matches(words, PARAGRAPH_CANDIDATES):
        per_letter[m.letter_id].append((m.relevance, m.paragraph_id, m.section, m.text))
    top_para = max((rel for rows in per_letter.values() for rel, *_ in rows), default=0.0)
    for letter_id, rows in per_letter.items():
        best = sorted((r[0] for r in rows), reverse=True)[:5]
        letter_score[letter_id] += sum(best) / (top_para * 2.0)

    ranked = sorted(letter_score.items(), key=lambda kv: (-kv[1], -kv[0]))[:limit]
    letters = store.letters.by_ids([lid for lid, _ in ranked])
    out: list[SimilarLetter] = []
    for letter_id, score in ranked:
        meta = letters.get(letter_id)
        if meta is None:
            continue
        by_section: dict[str, list[tuple[float, int, str, str]]] = defaultdict(list)
        for row in sorted(per_letter.get(letter_id, []), reverse=True):
            by_section[row[2]].append(row)
        paragraphs = tuple(
            SimilarParagraph(pid, section, text, round(rel, 4))
            for section in ("status", "plan", "greeting", "closing", "body")
            for rel, pid, section, text in by_section.get(section, [])[:PARAGRAPHS_PER_SECTION]
        )
        out.append(
            SimilarLetter(
                letter_id=letter_id,
                title=meta.shown_title,
                score=score,
                year=meta.year,
                paragraphs=paragraphs,
            )
        )
    return out
