from __future__ import annotations

import html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.search import find_spans, marked_snippet, parse_query, search, snippet_window
from desktop.store import LibraryStore, SearchFilters
from tests.conftest import make_letter

OLD = [
    ("greeting", "石剑波代表：您提出的关于组织社会大众聚力创新的建议收悉。"),
    ("status", "至2016年，我市已建有市级以上众创空间33家，其中国家级5家、省级11家。"),
    ("status", "市科技局承担联席会议办公室职责，负责大众创新创业日常工作推进。"),
    ("plan", "下一步，我们将继续推进众创空间建设，支持科协开展双创活动。"),
    ("closing", "衷心感谢您对我市科技工作的关心和支持。"),
]
NEW = [
    ("greeting", "盛培秀代表：您提出的关于加强科技创新生态体系建设的建议已收悉。"),
    ("status", "科技进步对经济社会发展的贡献率达到64.5%，连续7次被评为全国科技进步先进市。"),
    ("status", "市科技局承担联席会议办公室职责，负责大众创新创业日常工作推进。"),
    ("plan", "下一步，我们将推动一批科技成果转化，实施千企百校产学研合作行动。"),
    ("closing", "衷心感谢您对我市科技工作的关心和支持。"),
]
REFERENCE = [
    "青岛市编办整合优化科技创新服务资源，构建科技创新服务体系。",
    "如皋市成功入选全国第二批创新型县建设名单。",
]

@pytest.fixture
def store(engine_store: LibraryStore) -> LibraryStore:
    """Every test here runs on both engines (SQLite and PostgreSQL: tests/conftest.py)."""
    return engine_store


@pytest.fixture
def lib(store: LibraryStore) -> LibraryStore:
    store.letters.add(
        make_letter(OLD, date="2017-06-29", agency="南通市科学技术局"),
        content_hash="old",
        source_path=None,
        source_format=None,
    )
    store.letters.add(
        make_letter(NEW, date="2020-05-29", agency="南通市科学技术局"),
        content_hash="new",
        source_path=None,
        source_format=None,
    )
    store.letters.add(
        make_letter(REFERENCE, kind="reference", date=None, agency=None),
        content_hash="ref",
        source_path=None,
        source_format=None,
    )
    return store


@pytest.mark.parametrize(
    "query", ["镇", "县", "科技", "双创", "众创空间", "64.5%", "科 技局", "5G"]
)
def test_every_hit_contains_every_term(lib: LibraryStore, query: str) -> None:
    hits = search(lib, query)
    for hit in hits:
        for term in parse_query(query):
            assert term.lower() in hit.text.lower()


def test_one_and_two_character_queries_find_paragraphs(lib: LibraryStore) -> None:
    assert {h.text for h in search(lib, "县")} == {"如皋市成功入选全国第二批创新型县建设名单。"}
    two = search(lib, "双创")
    assert [h.text for h in two] == [OLD[3][1]]
    assert len(search(lib, "科技", limit=100)) == 6


def test_short_terms_are_anded_with_long_terms(lib: LibraryStore) -> None:
    # "众创空间" alone is in two paragraphs; only one of them also has "33".
    hits = search(lib, "众创空间 33")
    assert [h.text for h in hits] == [OLD[1][1]]
    assert search(lib, "众创空间 县") == []


def test_query_punctuation_is_normalized_like_the_text(store: LibraryStore) -> None:
    store.letters.add(
        make_letter([("status", "实现了各县(市)区全覆盖。")]),
        content_hash="p",
        source_path=None,
        source_format=None,
    )
    assert [h.text for h in search(store, "各县(市)区")] == ["实现了各县（市）区全覆盖。"]


def test_identical_paragraph_is_one_hit_listing_all_sources(lib: LibraryStore) -> None:
    hits = search(lib, "联席会议办公室")
    assert len(hits) == 1
    assert len(hits[0].sources) == 2
    assert hits[0].letter_id == hits[0].sources[0]
    years = [s.year for s in hits[0].source_details]
    assert years == [2020, 2017]


def test_filters(lib: LibraryStore) -> None:
    assert {h.section for h in search(lib, "科技", filters=SearchFilters(sections=("plan",)))} == {
        "plan"
    }
    only_2017 = search(lib, "科技", filters=SearchFilters(year_from=2017, year_to=2017), limit=50)
    assert only_2017 and all(2017 in [s.year for s in h.source_details] for h in only_2017)
    refs = search(lib, "科技创新", filters=SearchFilters(kind="reference"))
    assert [h.text for h in refs] == [REFERENCE[0]]
    assert search(lib, "科技", filters=SearchFilters(agency="不存在的单位")) == []
    # "众创" is also inside "大众创新": three paragraphs, all from the bureau's letters.
    assert len(search(lib, "众创", filters=SearchFilters(agency="科学技术局"))) == 3


def test_denser_paragraph_ranks_first_and_newer_breaks_ties(store: LibraryStore) -> None:
    dense = "科技创新，科技创新，还是科技创新。"
    sparse = "我们高度重视建议办理工作，组织相关处室对科技创新工作进行了认真研究和讨论。"
    store.letters.add(
        make_letter([("status", sparse), ("status", dense)], date="2020-01-01"),
        content_hash="1",
        source_path=None,
        source_format=None,
    )
    assert [h.text for h in search(store, "科技创新")] == [dense, sparse]
    # Same text shape in an older and a newer letter: the newer one comes first.
    store.letters.add(
        make_letter([("plan", "二〇一五年推进孵化器建设。")], date="2015-01-01"),
        content_hash="2",
        source_path=None,
        source_format=None,
    )
    store.letters.add(
        make_letter([("plan", "二〇二二年推进孵化器建设。")], date="2022-01-01"),
        content_hash="3",
        source_path=None,
        source_format=None,
    )
    for query in ("孵化器", "孵化"):
        assert search(store, query)[0].text.startswith("二〇二二")


def make_snippet(text: str, spans: list[tuple[int, int]]) -> str:
    """The snippet as ``search --json`` shows it: HTML-escaped, the terms in <mark>."""
    return marked_snippet(
        text, spans, snippet_window(text, spans), "<mark>", "</mark>", html.escape
    )


def test_snippet_marks_terms_and_escapes(lib: LibraryStore) -> None:
    hit = search(lib, "众创空间 33")[0]
    snippet = hit.marked("<mark>", "</mark>", html.escape)
    assert "<mark>众创空间</mark>" in snippet
    assert "<mark>33</mark>" in snippet
    for start, end in hit.highlights:
        assert hit.text[start:end] in ("众创空间", "33")
    assert [piece for piece, marked in hit.pieces() if marked] == [
        hit.text[s:e] for s, e in hit.highlights if hit.window[0] <= s < hit.window[1]
    ]
    assert (
        make_snippet("a<b>科技", find_spans("a<b>科技", ["科技"])) == "a&lt;b&gt;<mark>科技</mark>"
    )
    assert make_snippet("科技", []) == "科技"


def test_long_paragraph_snippet_is_a_window(store: LibraryStore) -> None:
    text = "前" * 300 + "孵化器" + "后" * 300
    store.letters.add(
        make_letter([("status", text)]), content_hash="w", source_path=None, source_format=None
    )
    hit = search(store, "孵化器")[0]
    snippet = hit.marked("「", "」")
    assert snippet.startswith("…") and snippet.endswith("…") and "「孵化器」" in snippet
    assert (
        0 < hit.window[0] < 300 < hit.window[1] < len(text) and hit.window[1] - hit.window[0] < 100
    )


def test_parse_query_drops_contained_terms() -> None:
    assert parse_query("  科技  科技创新 创新 ") == ["科技创新"]
    assert parse_query("") == []


CORPUS = [t for _, t in OLD + NEW] + REFERENCE


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_property_hits_contain_all_terms_and_nothing_is_missed(
    lib: LibraryStore, data: st.DataObject
) -> None:
    terms = []
    for _ in range(data.draw(st.integers(1, 2))):
        text = data.draw(st.sampled_from(CORPUS))
        start = data.draw(st.integers(0, len(text) - 1))
        length = data.draw(st.integers(1, 6))
        term = text[start : start + length].strip()
        if term and "，" not in term and "。" not in term:
            terms.append(term)
    if not terms:
        return
    query = " ".join(terms)
    got = {h.text for h in search(lib, query, limit=1000)}
    expected = {t for t in set(CORPUS) if all(term.lower() in t.lower() for term in terms)}
    assert got == expected


def test_capped_short_queries_stay_exact_and_filters_fall_back(lib: LibraryStore) -> None:
    everything = {h.text for h in search(lib, "科", limit=100)}
    capped = lib.search.chars(
        ["科"], SearchFilters(), 2, 0.15, candidate_cap=2
    )
    assert len(capped) == 2 and {h.text for h in capped} <= everything
    # A cap that leaves fewer hits than asked for falls back to every match.
    wide = lib.search.chars(
        ["科"], SearchFilters(), 100, 0.15, candidate_cap=2
    )
    assert {h.text for h in wide} == everything
    # With a filter the cap must not hide older matches: it falls back to all of them.
    refs = lib.search.chars(
        ["科"], SearchFilters(kind="reference"), 10, 0.15, candidate_cap=1
    )
    assert [h.text for h in refs] == [REFERENCE[0]]


def test_characters_outside_the_char_index_use_the_scan(store: LibraryStore) -> None:
    store.letters.add(
        make_letter([("status", "依照第§3条办理。"), ("status", "第3条办理。")]),
        content_hash="s",
        source_path=None,
        source_format=None,
    )
    assert [h.text for h in search(store, "§")] == ["依照第§3条办理。"]
    assert [h.text for h in search(store, "§3")] == ["依照第§3条办理。"]


def test_lowercase_latin_query_finds_and_ranks(store: LibraryStore) -> None:
    store.letters.add(
        make_letter([("plan", "发展5G通讯。"), ("plan", "大力发展5G通讯、5G基站和5G应用。")]),
        content_hash="g",
        source_path=None,
        source_format=None,
    )
    hits = search(store, "5g")
    assert hits[0].text == "大力发展5G通讯、5G基站和5G应用。"
    assert all(h.score > 0 for h in hits)


def test_capped_trigram_queries_stay_exact_and_filters_fall_back(lib: LibraryStore) -> None:
    every = {h.text for h in lib.search.fts(["科技创新"], [], SearchFilters(), 10, 0.15)}
    assert len(every) == 2
    capped = lib.search.fts(["科技创新"], [], SearchFilters(), 1, 0.15, candidate_cap=1)
    assert len(capped) == 1 and capped[0].text in every
    wide = lib.search.fts(["科技创新"], [], SearchFilters(), 10, 0.15, candidate_cap=1)
    assert {h.text for h in wide} == every
    # Filters and short terms narrow the capped pool, so they fall back to every match.
    refs = lib.search.fts(
        ["科技创新"], [], SearchFilters(kind="reference"), 10, 0.15, candidate_cap=1
    )
    assert [h.text for h in refs] == [REFERENCE[0]]
    greeting = lib.search.fts(
        ["科技创新"], ["收悉"], SearchFilters(), 10, 0.15, candidate_cap=1
    )
    assert [h.text for h in greeting] == [NEW[0][1]]


@pytest.mark.parametrize("query", ["科技", "科技创新", "§", "科 技局", "众创"])
@pytest.mark.parametrize("limit", [1, 2, 100])
def test_total_counts_every_match_beyond_the_limit(
    store: LibraryStore, query: str, limit: int
) -> None:
    texts = [f"第{i}条：科技创新，市科技局§{i}，大众创新" + "。" * (i % 3) for i in range(7)]
    texts += ["与本题无关的段落。", "科技" * 3]
    store.letters.add(
        make_letter([("status", t) for t in texts]),
        content_hash="t",
        source_path=None,
        source_format=None,
    )
    expected = sum(all(term in t for term in parse_query(query)) for t in texts)
    results = search(store, query, limit=limit)
    assert len(results) == min(limit, expected)
    assert results.total == expected
    assert results.truncated == (expected > limit)
    # Filters count too: nothing of this library is a reference letter.
    assert search(store, query, filters=SearchFilters(kind="reference"), limit=limit).total == 0


def test_total_with_capped_candidates_counts_all(lib: LibraryStore) -> None:
    capped = lib.search.chars(["科"], SearchFilters(), 1, 0.15, candidate_cap=1)
    assert len(capped) == 1
    every = len(search(lib, "科", limit=100))
    assert lib.search.count_matches([], ["科"], SearchFilters(), "chars", 100) == every
    assert lib.search.count_matches([], ["科"], SearchFilters(), "chars", 2) == 2


def test_a_large_total_is_counted_up_to_a_bound(
    store: LibraryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [f"第{i}段讲科技创新。" for i in range(30)]
    store.letters.add(
        make_letter([("status", t) for t in texts]),
        content_hash="many",
        source_path=None,
        source_format=None,
    )
    monkeypatch.setattr("desktop.search.COUNT_CAP", 10)
    for query in ("科技创新", "科", "讲 第"):
        results = search(store, query, limit=5)
        assert len(results) == 5 and results.total == 10 and not results.total_exact
        assert results.truncated
        # A limit above the bound counts at least that far.
        results = search(store, query, limit=20)
        assert len(results) == 20 and results.total == 20 and not results.total_exact
        results = search(store, query, limit=30)
        assert (len(results), results.total, results.total_exact) == (30, 30, True)
        assert not results.truncated


@pytest.mark.parametrize("query", ["科技创新", "科技创新 第"])
def test_a_trigram_page_counts_only_what_its_ranking_did_not_see(
    store: LibraryStore, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """When the trigram ranking saw every match (no candidate floor, the whole pool) the
    total is its count and no second pass runs; when a floor left older matches out, the
    count runs. The total is the same either way."""
    texts = [f"第{i}段讲科技创新。" for i in range(30)] + ["无关。"]
    store.letters.add(
        make_letter([("status", t) for t in texts]),
        content_hash="many", source_path=None, source_format=None,
    )  # fmt: skip
    counted: list[str] = []
    real_count = store.search.count_matches

    def count_matches(*args: object, **kwargs: object) -> int:
        counted.append(str(args[3]))
        return real_count(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store.search, "count_matches", count_matches)
    results = search(store, query, limit=5, letters=False)
    assert (len(results), results.total, results.total_exact) == (5, 30, True)
    assert counted == []
    monkeypatch.setattr("desktop.store.search_queries.FTS_CANDIDATES", 10)
    results = search(store, query, limit=5, letters=False)
    assert (len(results), results.total, results.total_exact) == (5, 30, True)
    assert counted == ["fts"]


class _CountingSpans(list[tuple[int, int]]):
    """A span list that counts how many elements the snippet code reads."""

    reads = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            self.reads += 1
            yield item

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        self.reads += 1
        return super().__getitem__(index)


def test_snippet_work_is_linear_in_the_number_of_hits() -> None:
    text = "科技创新，" * 2000
    spans = _CountingSpans(find_spans(text, ["科技", "创新"]))
    assert len(spans) == 4000
    snippet = make_snippet(text, spans)
    assert snippet.count("<mark>") >= 10
    # A count of spans per window start reads len² = 16,000,000 elements.
    assert spans.reads <= 4 * len(spans)


def test_search_in_a_200000_character_paragraph_with_many_hits_returns(
    store: LibraryStore,
) -> None:
    text = "科技创新，众创空间建设。" * (200_000 // 12)
    store.letters.add(
        make_letter([("status", text)]), content_hash="big", source_path=None, source_format=None
    )
    for query in ("科 技 创 新", "创新 空间", "众创空间"):
        hits = search(store, query)
        assert len(hits) == 1 and hits.total == 1
        assert any(marked for _piece, marked in hits[0].pieces())
        assert len(hits[0].highlights) >= 200_000 // 12


def test_too_many_terms_is_refused_in_words(lib: LibraryStore) -> None:
    # 1,200 distinct one- and two-character terms overflow SQLite's expression tree.
    chars = [chr(0x4E00 + i) for i in range(1200)]
    results = search(lib, " ".join(chars))
    assert results == [] and results.problem is not None and "检索词太多" in results.problem
    assert search(lib, "科技").problem is None


def test_lone_surrogate_term_finds_nothing(lib: LibraryStore) -> None:
    assert search(lib, "\ud800") == []
    assert search(lib, "科技 \udced\udca0\udc80") == []


@pytest.mark.parametrize("query", ["孵化器建设", "孵化", "台★"])  # trigram, one-char index, scan
def test_the_store_ranks_by_recency_once_and_returns_that_score(
    store: LibraryStore, query: str
) -> None:
    """The newest letter's paragraph gets the full recency bonus over the oldest's; the score
    the store ranked by is the score the hit carries (nothing recomputes it)."""
    from desktop.search import RECENCY_WEIGHT

    for year, words in ((2010, "甲乙丙"), (2020, "丁戊己")):
        store.letters.add(
            make_letter([("status", f"推进孵化器建设{words}台★。")], date=f"{year}-05-01"),
            content_hash=str(year), source_path=None, source_format=None,
        )  # fmt: skip
    hits = search(store, query)
    assert [h.text[7:10] for h in hits] == ["丁戊己", "甲乙丙"]
    assert hits[0].score == pytest.approx(hits[1].score * (1 + RECENCY_WEIGHT))
    long_terms = [query] if len(query) >= 3 else []
    short_terms = [] if long_terms else [query]
    if long_terms:
        rows = store.search.fts(long_terms, [], SearchFilters(), 10, RECENCY_WEIGHT)
    elif query == "台★":
        rows = store.search.scan(short_terms, SearchFilters(), 10, RECENCY_WEIGHT)
    else:
        rows = store.search.chars(short_terms, SearchFilters(), 10, RECENCY_WEIGHT)
    assert [r.score for r in rows] == [h.score for h in hits]
    assert rows[0].score == pytest.approx(rows[0].relevance * (1 + RECENCY_WEIGHT))
    assert rows[1].score == pytest.approx(rows[1].relevance)
