from __future__ import annotations

from desktop.similar import similar_letters, trigrams
from desktop.store import LibraryStore
from tests.conftest import make_letter


def test_boilerplate_is_cut_but_words_are_kept() -> None:
    terms = trigrams("关于进一步加强孵化器建设的建议")
    assert "孵化器" in terms
    assert not any("关于" in t or "建议" in t for t in terms)
    # 参与 must survive: only whole boilerplate words are removed.
    assert "群众参" in trigrams("关于鼓励群众参与科普的建议")
    assert trigrams("关于完善加强问题导向的科研工作评价的建议")


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
    assert all(
        "众创空间" in p.text or "孵化器" in p.text or "建设" in p.text for p in found[0].paragraphs
    )
    water = similar_letters(
        sample_store, "关于农村饮水安全的提案", "建议加快农村饮水管网改造，提高农村饮水安全水平。"
    )
    assert water[0].title == "关于加强农村饮水安全的建议"
    assert [p.section for p in water[0].paragraphs][:2] == ["status", "plan"]


def test_nothing_informative_finds_nothing(sample_store: LibraryStore) -> None:
    assert similar_letters(sample_store, "关于的建议") == []
