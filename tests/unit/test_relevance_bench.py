"""The relevance benchmark (bench/relevance.py): its labels, its metrics, and a run end to end
on a library of our own letters and on a small generated archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import relevance
from bench.corpus import TOPICS, generate
from bench.relevance import (
    CORPUS,
    SEEDS,
    VOCABULARY,
    evaluate_synthetic,
    generated_labels,
    import_files,
    load_labels,
    measure_labelled,
    reciprocal_rank,
    same_topic_at,
)
from desktop.store import LibraryStore

needs_corpus = pytest.mark.skipif(
    not (CORPUS / "index.tsv").exists(), reason="the shared corpus is not beside the project"
)


# ------------------------------------------------------------------------------ labels
@needs_corpus
def test_every_corpus_letter_has_one_label_and_every_label_names_a_corpus_letter() -> None:
    labels = load_labels()
    letters = {p.name for p in (CORPUS / "letters").iterdir()}
    assert set(labels["corpus"]) == letters
    assert set(labels["seeds"]) == {p.name for p in SEEDS.iterdir()}
    used = {t for set_labels in labels.values() for t in set_labels.values()}
    assert used <= set(VOCABULARY), used - set(VOCABULARY)


def test_labels_file_lists_each_file_once() -> None:
    rows = [
        line.split("\t") for line in relevance.LABELS.read_text(encoding="utf-8").splitlines()[1:]
    ]
    assert all(len(r) == 3 for r in rows)
    keys = [(r[0], r[1]) for r in rows]
    assert len(keys) == len(set(keys))


# ------------------------------------------------------------------------------ metrics
def test_same_topic_at_3_looks_at_the_first_three_only() -> None:
    ranked = ["水利", None, "教育", "公交", "公交"]
    assert same_topic_at(ranked, "教育")
    assert not same_topic_at(ranked, "公交")
    assert same_topic_at(ranked, "公交", k=4)
    assert not same_topic_at([], "公交")


def test_reciprocal_rank_of_the_first_same_topic_letter_within_ten() -> None:
    assert reciprocal_rank(["公交", "教育"], "公交") == 1.0
    assert reciprocal_rank(["水利", None, "教育", "教育"], "教育") == pytest.approx(1 / 3)
    assert reciprocal_rank(["水利"] * 10 + ["教育"], "教育") == 0.0
    assert reciprocal_rank(["水利"] * 9 + ["教育"], "教育") == pytest.approx(0.1)
    assert reciprocal_rank([], "教育") == 0.0


# ------------------------------------------------------------------------------ end to end
# Six short replies of our own on three topics, two wordings each.
OWN_LETTERS = {
    "bus1.txt": (
        "关于增开城东公交线路的建议的答复\n王丽代表：\n"
        "您提出的《关于增开城东公交线路的建议》收悉，现答复如下：\n"
        "城东片区目前有公交线路三条，早晚高峰车厢拥挤。我局已会同公交公司调查客流，"
        "计划明年新开一条连接城东新村与火车站的公交线路，并加密高峰班次。\n"
        "感谢您对公共交通工作的关心和支持。\n市交通运输局\n2023年6月1日\n"
    ),
    "bus2.txt": (
        "关于优化农村公交班次的建议的答复\n赵强代表：\n"
        "您提出的《关于优化农村公交班次的建议》收悉，现答复如下：\n"
        "全县建制村已全部通公交，但部分线路每天只有两个班次。下一步我们将推行预约响应式"
        "公交，在赶集日增开班次，方便群众出行。\n"
        "感谢您对公共交通工作的关心和支持。\n县交通运输局\n2022年7月3日\n"
    ),
    "waste1.txt": (
        "关于推行垃圾分类投放的建议的答复\n孙敏代表：\n"
        "您提出的《关于推行垃圾分类投放的建议》收悉，现答复如下：\n"
        "我市已在两百个小区设置分类投放点，配备督导员，厨余垃圾单独收运，"
        "其他垃圾进入焚烧发电厂处理。\n"
        "感谢您对市容环境卫生工作的关心和支持。\n市城市管理局\n2023年5月9日\n"
    ),
    "waste2.txt": (
        "关于加强农村生活垃圾收运处理的建议的答复\n周杰代表：\n"
        "您提出的《关于加强农村生活垃圾收运处理的建议》收悉，现答复如下：\n"
        "各镇已建成垃圾中转站，村庄保洁员每日清运生活垃圾，下一步将增加密闭式收运车辆。\n"
        "感谢您对市容环境卫生工作的关心和支持。\n市城市管理局\n2021年8月20日\n"
    ),
    "school1.txt": (
        "关于补充乡村学校教师的建议的答复\n吴芳委员：\n"
        "您提出的《关于补充乡村学校教师的建议》收悉，现答复如下：\n"
        "今年我局招聘新教师一百二十名，优先安排到乡村学校任教，并落实乡村教师生活补助。\n"
        "感谢您对教育工作的关心和支持。\n县教育局\n2023年9月1日\n"
    ),
    "school2.txt": (
        "关于改善农村学校办学条件的建议的答复\n郑伟委员：\n"
        "您提出的《关于改善农村学校办学条件的建议》收悉，现答复如下：\n"
        "我局已为乡镇中小学更新课桌椅和实验室设备，改造学生宿舍，并为学校教师建设周转房。\n"
        "感谢您对教育工作的关心和支持。\n县教育局\n2022年10月12日\n"
    ),
}
OWN_TOPICS = {
    "bus1.txt": "公交客运", "bus2.txt": "公交客运", "waste1.txt": "市容环卫",
    "waste2.txt": "市容环卫", "school1.txt": "教育", "school2.txt": "教育",
}  # fmt: skip


def _write_own(folder: Path, names: list[str]) -> None:
    folder.mkdir()
    for name in names:
        (folder / name).write_text(OWN_LETTERS[name], encoding="utf-8")


def test_bench_scores_a_small_library_of_our_own_letters(tmp_path: Path) -> None:
    _write_own(tmp_path / "mine", list(OWN_LETTERS))
    scores = measure_labelled({"mine": tmp_path / "mine"}, {"mine": OWN_TOPICS})
    (app,) = scores["app"]
    (base,) = scores["baseline"]
    assert app.letters == base.letters == 6
    assert app.queries == base.queries == 6
    for s in (app, base):
        assert 0.0 <= s.at3 <= 100.0
        assert 0.0 <= s.mrr <= 1.0
        assert s.hits_at3 == s.queries - len(s.misses)
        # a hit in the top 3 adds at least 1/3 to the sum, a miss at most 1/4 (rank 4)
        assert s.hits_at3 / 3 <= s.rr_sum <= s.hits_at3 + len(s.misses) / 4


def test_the_query_letter_itself_never_counts(tmp_path: Path) -> None:
    # Every letter ranked first for its own title: a ranker that returned nothing else would
    # score 0, so "self" must have been dropped; one other letter after it on the same topic
    # must then give reciprocal rank 1.
    _write_own(tmp_path / "mine", list(OWN_LETTERS))

    def self_then_partner(store: LibraryStore, title: str, limit: int) -> list[int]:
        rows = store.letters.by_ids(list(range(1, 50)))
        own = next(i for i, r in rows.items() if r.shown_title and r.shown_title in title)
        topic = OWN_TOPICS[Path(rows[own].source_path or "").name]
        partner = next(
            i for i, r in rows.items()
            if i != own and OWN_TOPICS[Path(r.source_path or "").name] == topic
        )  # fmt: skip
        return [own, partner][:limit]

    def self_only(store: LibraryStore, title: str, limit: int) -> list[int]:
        return self_then_partner(store, title, limit)[:1]

    scores = measure_labelled(
        {"mine": tmp_path / "mine"},
        {"mine": OWN_TOPICS},
        rankers={"pair": self_then_partner, "self": self_only},
    )
    assert (scores["pair"][0].at3, scores["pair"][0].mrr) == (100.0, 1.0)
    assert (scores["self"][0].at3, scores["self"][0].mrr) == (0.0, 0.0)
    assert len(scores["self"][0].misses) == 6


def test_a_topic_with_one_letter_is_left_out_of_the_queries(tmp_path: Path) -> None:
    _write_own(tmp_path / "mine", ["bus1.txt", "bus2.txt", "school1.txt"])
    labels = {k: OWN_TOPICS[k] for k in ("bus1.txt", "bus2.txt", "school1.txt")}
    (app,) = measure_labelled({"mine": tmp_path / "mine"}, {"mine": labels})["app"]
    assert app.queries == 2
    assert app.singletons == ["school1.txt"]


# ------------------------------------------------------------------------------ synthetic set
def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def test_generated_labels_are_the_topics_the_generator_wrote(tmp_path: Path) -> None:
    paths = generate(tmp_path / "files", 60, seed=3, docx_share=0.0)
    labels = generated_labels(60, seed=3)
    phrases = {t for t, _ in TOPICS}
    assert [label.index for label in labels] == list(range(60))
    titled = 0
    for path, label in zip(paths, labels, strict=True):
        assert label.topic in phrases
        text = _text(path)
        if label.kind == "reply":
            assert label.topic in text, path.name  # the greeting names the topic or title
        if label.title:
            titled += label.title in text
    replies = [label for label in labels if label.title]
    assert len(replies) > 40
    assert titled >= 0.6 * len(replies)


def test_synthetic_set_runs_on_a_small_generated_library(tmp_path: Path) -> None:
    paths = generate(tmp_path / "files", 40, seed=5, docx_share=0.0)
    with LibraryStore(tmp_path / "library.db") as store:
        import_files(store, paths)
        scores = evaluate_synthetic(store, 40, seed=5)
    app = scores["app"][0]
    queries = sum(1 for label in generated_labels(40, seed=5) if label.title)
    assert 0 < app.queries + len(app.singletons) <= queries
    assert 0.0 <= app.at3 <= 100.0 and 0.0 <= app.mrr <= 1.0


def test_run_py_gets_a_same_topic_and_an_mrr_row_per_set() -> None:
    from bench.run import Row, fmt

    rows = [Row(**r) for r in relevance.run_rows(None, 0)]
    names = [r.measurement for r in rows]
    sets = ["corpus", "seeds"] if (CORPUS / "index.tsv").exists() else ["seeds"]
    assert len(rows) == 2 * len(sets)
    for name, at3, mrr in zip(sets, rows[::2], rows[1::2], strict=True):
        assert at3.measurement.startswith(f"similar relevance, {name} (")
        assert at3.measurement.endswith("same-topic@3") and mrr.measurement.endswith("MRR")
        assert 0.0 <= at3.median <= 100.0 and 0.0 <= mrr.median <= 1.0
        assert at3.met == (at3.median >= relevance.GOAL_AT3)
        assert fmt(at3.median, at3.unit).endswith(" %")
    assert len(set(names)) == len(names)


def test_letters_never_seen_here_are_scored_from_their_own_index_and_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "unseen"
    corpus.mkdir()
    _write_own(corpus / "letters", list(OWN_LETTERS))
    titles = {n: text.split("《", 1)[1].split("》", 1)[0] for n, text in OWN_LETTERS.items()}
    (corpus / "index.tsv").write_text(
        "file\tproposal_title\n" + "".join(f"{n}\t{t}\n" for n, t in titles.items()),
        encoding="utf-8",
    )
    labels = tmp_path / "labels.tsv"
    labels.write_text(
        "set\tfile\ttopic\n" + "".join(f"corpus\t{n}\t{t}\n" for n, t in OWN_TOPICS.items()),
        encoding="utf-8",
    )
    code = relevance.main(
        ["--sets", "corpus", "--corpus", str(corpus), "--labels", str(labels), "--json"]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    (mine,) = out["sets"]
    # the sample library shares the library, with its labels from bench/relevance_labels.tsv
    assert (mine["set"], mine["letters"], mine["queries"]) == ("corpus", 6 + 5, 6)
    assert 0.0 <= mine["same_topic_at3"] <= 100.0
    assert {m["query"] for m in mine["misses"]} <= set(titles.values())
    assert relevance.main(["--sets", "corpus", "--corpus", str(tmp_path / "none")]) == 2
