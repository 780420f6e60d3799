"""Word segmentation (desktop/words.py) and the word indexes that keep its words (m010)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import rjieba

from desktop.store import LibraryStore
from desktop.words import index_words, stop_words, topic_words, user_dictionary
from tests.conftest import FIXTURES, make_letter


def test_user_dictionary_keeps_its_words_whole() -> None:
    # jieba alone reads 年老 out of 2020年老旧小区; the shipped dictionary keeps the word.
    assert "老旧小区" not in rjieba.cut_for_search("纳入2020年老旧小区改造计划", True)
    assert "老旧小区" in index_words("纳入2020年老旧小区改造计划")
    assert "饮水安全" in index_words("着力保障山区群众饮水安全")
    assert ("老旧小区", None, None) in user_dictionary()


def test_search_mode_gives_a_long_word_with_its_parts() -> None:
    words = index_words("建议增设公交站台遮阳棚")
    assert {"公交", "站台", "公交站台"} <= set(words)


def test_topic_words_leave_out_stop_words_numbers_and_single_characters() -> None:
    words = topic_words("关于进一步加强2025年城区河道清淤工作的建议")
    assert "河道" in words and "清淤" in words
    for boiler in ("关于", "进一步", "加强", "工作", "建议", "2025", "年"):
        assert boiler not in words
    assert {"关于", "建议", "加强"} <= stop_words()
    assert topic_words("关于进一步加强有关工作的建议") == []


def test_traditional_and_simplified_give_the_same_words() -> None:
    assert index_words("關於優化城區公車線路的建議") == index_words("关于优化城区公车线路的建议")
    assert "饮水安全" in topic_words("關於保障農村飲水安全的提案")


def _rows(db: Path, table: str) -> dict[int, str]:
    conn = sqlite3.connect(db)
    try:
        return {int(r[0]): r[1] for r in conn.execute(f"SELECT rowid, words FROM {table}")}
    finally:
        conn.close()


def test_migration_fills_the_word_indexes_of_an_old_library(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    shutil.copyfile(FIXTURES / "library-v9.db", db)
    with LibraryStore(db) as store:
        assert "m010_word_indexes" in store.schema_migrations()
        paragraph_ids = {p.paragraph_id for lid in (1, 2) for p in store.letters.paragraphs(lid)}
    paragraphs = _rows(db, "paragraph_words_fts")
    assert paragraph_ids <= paragraphs.keys()
    titles = _rows(db, "title_words_fts")
    # Letter 2's proposal title; letter 5 (traditional characters) is held folded.
    assert {"科技创新", "生态"} <= set(titles[2].split())
    assert {"社区", "养老服务"} <= set(titles[5].split())
    assert all(words for words in paragraphs.values())


def test_triggers_follow_every_change_of_titles_and_paragraphs(store: LibraryStore) -> None:
    letter_id = store.letters.add(
        make_letter(
            [
                ("status", "城区现有停车泊位不足，停车难问题突出。"),
                ("plan", "我们将新建停车场两处。"),
            ],
            title="关于缓解城区停车难的建议",
        ),
        content_hash="parking",
        source_path=None,
        source_format=None,
    )
    db = store.path
    assert "停车难" in _rows(db, "title_words_fts")[letter_id].split()
    store.letters.edit(letter_id, fields={"proposal_title": "关于增设公交站台的建议"})
    title = _rows(db, "title_words_fts")[letter_id].split()
    assert "公交站台" in title and "停车难" not in title
    store.letters.split_paragraph(letter_id, 0, len("城区现有停车泊位不足，"))
    texts = [p.text for p in store.letters.paragraphs(letter_id)]
    held = _rows(db, "paragraph_words_fts")
    assert texts[:2] == ["城区现有停车泊位不足，", "停车难问题突出。"]
    assert any({"停车难", "突出"} <= set(w.split()) for w in held.values())
    # The paragraph before the split is gone from the index with its words.
    assert not any({"泊位", "突出"} <= set(w.split()) for w in held.values())
    conn = sqlite3.connect(db)
    assert sorted(held) == sorted(int(r[0]) for r in conn.execute("SELECT id FROM paragraphs"))
    conn.close()
    store.letters.delete(letter_id)
    assert letter_id not in _rows(db, "title_words_fts")
    assert not any("停车难" in words.split() for words in _rows(db, "paragraph_words_fts").values())


def test_related_words_come_from_the_shipped_groups() -> None:
    from desktop.words import related_words

    assert "污水" in related_words("排污") and "排污" in related_words("污水")
    assert "停车" in related_words("泊位")
    assert "排污" not in related_words("排污")  # a word is not its own relative
    assert related_words("森林防火") == frozenset()


def test_warm_up_loads_the_segmenter_off_the_calling_thread() -> None:
    import threading

    from desktop import words

    words._segmenter.cache_clear()
    words.warm_up()
    warmers = [t for t in threading.enumerate() if t.name == "words-warm-up"]
    for t in warmers:
        t.join(timeout=30)
    assert words._segmenter.cache_info().currsize == 1  # loaded by the warm-up thread
    assert "饮水安全" in words.index_words("农村饮水安全工程")
