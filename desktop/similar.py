"""Similar past letters for a new proposal: what the composer offers without being asked.

The proposal's title (and content, when given) is folded to simplified characters like the
indexes (desktop/fold.py) and cut into trigrams; boilerplate words ("关于", "的建议",
"进一步加强" …) are removed first, and trigrams that stand in a large part of the library
are dropped as uninformative. Content trigrams are weighted by TF·IDF with the
document counts of the FTS5 vocabulary table, so a long proposal text contributes only its
most distinctive terms. Letters are ranked by their title's BM25 match plus the summed BM25
of their best matching paragraphs; for each letter the matching paragraphs are returned per
section, best first. See docs/search.md.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from desktop.fold import to_simplified
from desktop.normalize import normalize_text
from desktop.store import LibraryStore

# Words that every proposal title has. Only whole words of two or more characters: removing
# single characters such as 的 or 与 would also cut words like 参与 apart.
BOILERPLATE = (
    "关于", "的建议", "的提案", "的议案", "建议", "提案", "议案", "进一步", "加强", "加快",
    "推进", "推动", "促进", "提升", "完善", "我市", "全市", "我区", "我县", "我省", "问题",
    "工作", "有关", "相关", "答复",
)  # fmt: skip
_BOILER_RE = re.compile("|".join(sorted(map(re.escape, BOILERPLATE), key=len, reverse=True)))
_RUN_RE = re.compile(r"[\u3400-\u9fff]{3,}|[A-Za-z0-9]{3,}")
MAX_CONTENT_TERMS = 24
MAX_DF_SHARE = 0.2  # a trigram in more than 20 % of paragraphs says little
PARAGRAPH_CANDIDATES = 600
PARAGRAPHS_PER_SECTION = 3


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


def _cleaned(text: str) -> str:
    """The text as the indexes hold it (normalized, folded to simplified characters: see
    desktop/fold.py), boilerplate words blanked out."""
    return _BOILER_RE.sub(" ", to_simplified(normalize_text(text)))


def trigrams(text: str) -> list[str]:
    """The trigrams of the informative runs of a text, in order of first appearance."""
    cleaned = _cleaned(text)
    seen: dict[str, None] = {}
    for run in _RUN_RE.findall(cleaned):
        for i in range(len(run) - 2):
            seen.setdefault(run[i : i + 3].lower(), None)
    return list(seen)


def _content_terms(store: LibraryStore, content: str, exclude: set[str], total: int) -> list[str]:
    cleaned = _cleaned(content)
    counts: Counter[str] = Counter()
    for run in _RUN_RE.findall(cleaned):
        for i in range(len(run) - 2):
            counts[run[i : i + 3].lower()] += 1
    for t in exclude:
        counts.pop(t, None)
    if not counts:
        return []
    # Look up document frequency only for the more frequent candidates.
    candidates = [t for t, _ in counts.most_common(200)]
    df = store.similar.term_document_counts(candidates)
    scored = []
    for t in candidates:
        d = df.get(t, 0)
        if d == 0 or d > MAX_DF_SHARE * total:
            continue
        scored.append((counts[t] * math.log(total / d), t))
    scored.sort(reverse=True)
    return [t for _, t in scored[:MAX_CONTENT_TERMS]]


def similar_letters(
    store: LibraryStore, title: str, content: str = "", *, limit: int = 10
) -> list[SimilarLetter]:
    title_terms = trigrams(title)
    total = max(1, store.letters.paragraph_count())
    df = store.similar.term_document_counts(title_terms)
    title_terms = [t for t in title_terms if df.get(t, 0) <= MAX_DF_SHARE * total]
    content_terms = (
        _content_terms(store, content, set(title_terms), total) if content.strip() else []
    )
    terms = title_terms + content_terms
    if not terms:
        return []

    letter_score: dict[int, float] = defaultdict(float)
    title_hits = store.similar.title_matches(title_terms, limit=200)
    top_title = max((hit.relevance for hit in title_hits), default=0.0)
    for hit in title_hits:
        letter_score[hit.letter_id] += 2.0 * hit.relevance / top_title

    per_letter: dict[int, list[tuple[float, int, str, str]]] = defaultdict(list)
    for m in store.similar.paragraph_matches(terms, PARAGRAPH_CANDIDATES):
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
