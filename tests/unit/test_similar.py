from __future__ import annotations

import pytest

from desktop import similar
from desktop.similar import similar_letters
from desktop.store import LibraryStore
from tests.conftest import make_letter

# Replies written for these tests: (title, status paragraph, plan paragraph, agency). Topics
# share two-character words across titles worded differently (公交, 河道, 停车, 卫生);
# every title also carries boilerplate (关于, 进一步, 加强, 建议, 工作 …).
LETTERS = [
    ("关于优化城区公交线路的建议", "城区现有公交线路三十二条，早晚高峰车辆拥挤。",
     "下一步将根据客流调整线路，增开高峰班次。", "某市交通运输局"),
    ("关于在新建小区增设公交站点的提案", "新建小区周边暂无公交站点，居民出行不便。",
     "我们已将该小区纳入站点规划，年内设置临时站牌。", "某市交通运输局"),
    ("关于进一步加强中心河道清淤整治的建议", "中心河淤积严重，汛期排水不畅。",
     "今冬将组织河道清淤，清除淤泥约两万立方米。", "某县水利局"),
    ("关于加快推进乡镇河道生态治理工作的建议", "全县乡镇河道多为土质岸坡，水土流失明显。",
     "将分批实施生态护岸，改善河道水质。", "某县水利局"),
    ("关于缓解老城区停车难问题的建议", "老城区停车泊位缺口约三千个，占道停车较多。",
     "计划利用边角地新建公共停车场四处。", "某区城市管理局"),
    ("关于规范医院周边停车秩序的提案", "市人民医院周边车辆乱停乱放，影响救护车通行。",
     "将在医院周边施划临时停车泊位并加强巡查。", "某市公安局交警支队"),
    ("关于提升农村公共卫生服务能力的建议", "部分村卫生室设备陈旧，乡村医生年龄偏大。",
     "将为村卫生室配备基本诊疗设备，开展乡村医生培训。", "某县卫生健康局"),
    ("关于改善城乡结合部环境卫生的建议", "城乡结合部垃圾乱堆乱放，环境卫生较差。",
     "将开展环境卫生整治行动，增设垃圾收集点。", "某区城市管理局"),
]  # fmt: skip


@pytest.fixture
def store(engine_store: LibraryStore) -> LibraryStore:
    """Every test here runs on both engines (SQLite and PostgreSQL: tests/conftest.py)."""
    return engine_store


@pytest.fixture
def sample_store(engine_store: LibraryStore) -> LibraryStore:
    """The sample library, on both engines."""
    from desktop.sample import ensure_sample_library

    results = ensure_sample_library(engine_store)
    assert [r.status for r in results] == ["imported"] * 5, results
    return engine_store


def _add(store: LibraryStore, i: int, title: str, status: str, plan: str, agency: str) -> int:
    return store.letters.add(
        make_letter(
            [("greeting", "您提出的建议收悉，现答复如下。"), ("status", status), ("plan", plan),
             ("closing", "感谢您对我们工作的关心和支持。")],
            title=title, agency=agency, date=f"20{20 + i % 5}-06-0{1 + i % 8}",
        ),
        content_hash=f"letter-{i}", source_path=None, source_format=None,
    )  # fmt: skip


def _library(store: LibraryStore) -> dict[str, int]:
    return {t: _add(store, i, t, s, p, a) for i, (t, s, p, a) in enumerate(LETTERS)}


def _top(store: LibraryStore, title: str, n: int = 3, content: str = "") -> list[str]:
    return [str(f.title) for f in similar_letters(store, title, content)[:n]]


def test_titles_sharing_a_two_character_topic_word_find_each_other(store: LibraryStore) -> None:
    _library(store)
    # Each title's nearest other letter is the one sharing its topic word, though the two
    # titles share no run of three characters.
    pairs = [(0, 1), (2, 3), (4, 5), (6, 7)]
    for a, b in pairs:
        for query, other in ((a, b), (b, a)):
            top = [t for t in _top(store, LETTERS[query][0], 3) if t != LETTERS[query][0]]
            assert top[0] == LETTERS[other][0], (LETTERS[query][0], top)
    # A new proposal worded differently again finds its topic.
    assert set(_top(store, "关于增开夜间公交班车的建议", 2)) == {LETTERS[0][0], LETTERS[1][0]}
    assert set(_top(store, "关于治理镇区河道黑臭水体的提案", 2)) == {LETTERS[2][0], LETTERS[3][0]}


def test_boilerplate_words_make_no_match(store: LibraryStore) -> None:
    _library(store)
    # Only the words every title has: nothing is similar.
    assert similar_letters(store, "关于进一步加强有关工作的建议") == []
    assert similar_letters(store, "关于的建议") == []
    # A topic no letter shares: the boilerplate it carries finds nothing either.
    assert similar_letters(store, "关于进一步加强森林防火工作的建议") == []


def test_a_traditional_title_finds_simplified_letters_and_back(store: LibraryStore) -> None:
    ids = _library(store)
    found = _top(store, "關於優化城區公車線路與增設公交站點的建議", 2)
    assert set(found) == {LETTERS[0][0], LETTERS[1][0]}
    traditional = _add(store, 99, "關於緩解醫院周邊停車難的建議", "醫院周邊停車泊位緊張。",
                       "將增設停車泊位。", "某市公安局")  # fmt: skip
    found_ids = [f.letter_id for f in similar_letters(store, "关于医院停车难的建议")[:3]]
    assert traditional in found_ids and ids[LETTERS[5][0]] in found_ids


def test_similar_letters_rank_by_topic_and_group_paragraphs(sample_store: LibraryStore) -> None:
    sample_store.letters.add(
        make_letter(
            [
                ("greeting", "王五代表：您提出的关于加强农村饮水安全的建议收悉。"),
                ("status", "全市农村饮水安全工程覆盖率达到98%。"),
                ("plan", "下一步，我们将推进农村饮水管网改造。"),
            ],
            title="关于加强农村饮水安全的建议",
            date="2021-05-01",
            agency="南通市水利局",
        ),
        content_hash="water",
        source_path=None,
        source_format=None,
    )
    found = similar_letters(sample_store, "关于推进众创空间和孵化器建设的建议")
    assert found[0].title == "关于在南通市组织社会大众聚力创新"
    assert all(f.title != "关于加强农村饮水安全的建议" for f in found)
    sections = [p.section for p in found[0].paragraphs]
    assert sections and set(sections) <= {"status", "plan", "greeting", "closing", "body"}
    # Every paragraph offered holds a word of the title (建设 is a stop word) or one filed
    # under the same topic (孵化器 and 科技创新: resources/words/related.txt).
    assert all(
        any(w in p.text for w in ("空间", "众创", "孵化", "科技创新")) for p in found[0].paragraphs
    ), [p.text for p in found[0].paragraphs]
    water = similar_letters(
        sample_store, "关于农村饮水安全的提案", "建议加快农村饮水管网改造，提高农村饮水安全水平。"
    )
    assert water[0].title == "关于加强农村饮水安全的建议"
    assert [p.section for p in water[0].paragraphs][:2] == ["status", "plan"]


def test_nothing_informative_finds_nothing(sample_store: LibraryStore) -> None:
    assert similar_letters(sample_store, "关于的建议") == []


def test_paragraphs_offered_are_the_body_not_the_old_acknowledgement(store: LibraryStore) -> None:
    store.letters.add(
        make_letter(
            [
                ("greeting", "您提出的《关于加快农村公路养护的建议》收悉，现答复如下。"),
                ("status", "全县农村公路养护里程已达一百二十公里。"),
                ("plan", "下一步将建立农村公路专业养护队伍。"),
                ("closing", "感谢您对农村公路工作的关心。"),
            ],
            title="关于加快农村公路养护的建议",
        ),
        content_hash="roads", source_path=None, source_format=None,
    )  # fmt: skip
    (found,) = similar_letters(store, "关于农村公路安全防护的提案")
    assert [(p.section, p.text[:6]) for p in found.paragraphs] == [
        ("status", "全县农村公路"),
        ("plan", "下一步将建立"),
    ]


def test_related_words_join_titles_that_share_no_word(
    store: LibraryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _library(store)
    sewage = _add(store, 20, "关于完善城区污水收集管网的提案", "城区部分污水管网老化破损。",
                  "将分年度更换老旧管网，提高收集率。", "某市住房和城乡建设局")  # fmt: skip
    # 排污 and 污水 are one topic to a clerk (resources/words/related.txt), though the titles
    # share no word; 治理 in the query is the river letters' word.
    query = "关于治理沿街商户乱排污的建议"
    assert similar_letters(store, query)[0].letter_id == sewage
    # And the other way round, 泊位 finds the parking letters.
    parking = {ids[LETTERS[4][0]], ids[LETTERS[5][0]]}
    assert {f.letter_id for f in similar_letters(store, "关于增设路边泊位的建议")[:2]} == parking
    # Without the groups the sewage letter is not first: the groups are what joins them.
    monkeypatch.setattr(similar, "related_words", lambda word: frozenset())
    assert [f.letter_id for f in similar_letters(store, query)][:1] != [sewage]


def test_a_long_reference_document_does_not_outrank_a_matching_reply(store: LibraryStore) -> None:
    ids = _library(store)
    # A long report touching every topic of the library, with the query's words too.
    report = [
        f"第{i}部分：全区公交线路、河道清淤、停车泊位、卫生室与垃圾收集点的建设情况。"
        for i in range(40)
    ]
    reference = store.letters.add(
        make_letter(report, kind="reference", title="城区公交与停车设施建设情况汇报"),
        content_hash="report", source_path=None, source_format=None,
    )  # fmt: skip
    found = [f.letter_id for f in similar_letters(store, "关于优化公交线路和停车泊位的建议")]
    assert reference in found  # it is offered …
    # … but after the replies that answer on the same words.
    assert found.index(reference) >= 3, found
    assert set(found[:3]) <= set(ids.values())


def test_a_title_sharing_only_a_character_still_gets_the_nearest_titles(
    store: LibraryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _library(store)
    # 河堤 and 渗漏 stand in no letter, but 河 does in 河道: the river letters are offered
    # rather than nothing.
    query = "关于河堤渗漏的建议"
    rivers = {ids[LETTERS[2][0]], ids[LETTERS[3][0]]}
    assert {f.letter_id for f in similar_letters(store, query)[:2]} == rivers
    # Place characters (县, 城) are no topic: 县城 finds no letter by its 城.
    assert similar_letters(store, "关于县城西门森林防火的建议") == []
    # Letters sharing a word come first: the characters only fill a short list.
    top = similar_letters(store, "关于缓解河道周边停车难的建议")
    assert {f.letter_id for f in top[:3]} <= rivers | {ids[LETTERS[4][0]], ids[LETTERS[5][0]]}
    monkeypatch.setattr(similar, "FEW_LETTERS", 0)
    assert similar_letters(store, query) == []
