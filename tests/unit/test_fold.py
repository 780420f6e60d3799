"""Folding traditional characters to simplified ones (desktop/fold.py)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop import fold
from desktop.fold import looks_traditional, to_simplified, traditional_share
from tests.conftest import ROOT

# A reply paragraph written for these tests in traditional characters, and the same in
# simplified ones.
TRADITIONAL = (
    "您提出的《關於加強鄉村學校師資隊伍建設的建議》收悉，現答復如下。近年來，我局認真貫徹"
    "上級部署，爲農村學校配備專職心理健康教師，並開展教師輪崗交流。感謝您對教育工作的關心！"
)
SIMPLIFIED = (
    "您提出的《关于加强乡村学校师资队伍建设的建议》收悉，现答复如下。近年来，我局认真贯彻"
    "上级部署，为农村学校配备专职心理健康教师，并开展教师轮岗交流。感谢您对教育工作的关心！"
)


@pytest.fixture
def fresh_converter() -> Iterator[None]:
    """A test that breaks the converter gets its own (and no text folded before); the next test
    loads the real one."""
    fold._converter.cache_clear()
    fold._folded.cache_clear()
    fold._reported.clear()
    yield
    fold._converter.cache_clear()
    fold._folded.cache_clear()
    fold._reported.clear()


def test_a_traditional_paragraph_folds_to_the_simplified_one() -> None:
    assert to_simplified(TRADITIONAL) == SIMPLIFIED


def test_simplified_text_is_left_as_it_is() -> None:
    assert to_simplified(SIMPLIFIED) == SIMPLIFIED


@pytest.mark.parametrize(
    ("debris", "folded"),
    [
        # Half-done conversions: both writings of one character in one text.
        ("臺灣同胞與台灣企業", "台湾同胞与台湾企业"),
        ("爲群衆辦實事，为企业解难题", "为群众办实事，为企业解难题"),
        ("村裏的道路和城里的道路", "村里的道路和城里的道路"),
        ("關于加強", "关于加强"),  # 關 traditional, 于 simplified: as portals serve it
        ("作為牽頭單位并會同", "作为牵头单位并会同"),
        # Phrases the characters alone would get wrong.
        ("乾隆年間，乾淨整潔", "乾隆年间，干净整洁"),
        ("頭髮與發展", "头发与发展"),
    ],
)
def test_mixed_writing_and_conversion_debris_fold_to_one_writing(debris: str, folded: str) -> None:
    assert to_simplified(debris) == folded


@given(st.text(max_size=200))
def test_folding_keeps_the_length_character_for_character(text: str) -> None:
    folded = to_simplified(text)
    assert len(folded) == len(text)
    # Characters that are not Han ones are never touched.
    for a, b in zip(text, folded, strict=True):
        assert a == b or fold._HAN.match(a)


@pytest.mark.parametrize(
    "text",
    ["", "ascii only 123", "\x00臺\x00灣", "😀爲什麼𠀀裏", "\ue000臺", "\ufeff關於", "a\u0301臺"],
)
def test_odd_characters_are_kept_around_folded_ones(text: str) -> None:
    folded = to_simplified(text)
    assert len(folded) == len(text)
    assert [c for c in folded if c not in "台湾为什么里关于"] == [
        c for c in text if c not in "臺灣爲什麼裏關於"
    ]


def test_lone_surrogates_are_kept_and_the_text_around_them_folded() -> None:
    # Text decoded with errors="surrogateescape" carries them; UTF-8 cannot.
    assert to_simplified("關於\udcff臺灣\ud800") == "关于\udcff台湾\ud800"


def test_a_huge_text_folds_whole() -> None:
    big = TRADITIONAL * 20_000  # 2.4 million characters, ~7 MB of UTF-8
    assert to_simplified(big) == SIMPLIFIED * 20_000


def test_a_failing_converter_leaves_the_text_and_logs_once(
    fresh_converter: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken:
        def convert(self, text: str) -> str:
            raise RuntimeError("dictionary damaged")

    monkeypatch.setattr(fold, "_converter", lambda: Broken())
    with caplog.at_level(logging.ERROR, logger="desktop.fold"):
        assert to_simplified(TRADITIONAL) == TRADITIONAL
        assert to_simplified("臺灣") == "臺灣"
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None
    assert "dictionary damaged" in str(errors[0].exc_info[1])


def test_without_opencc_nothing_is_folded_and_that_is_logged(
    fresh_converter: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "opencc", None)  # import opencc raises ImportError
    with caplog.at_level(logging.ERROR, logger="desktop.fold"):
        assert to_simplified(TRADITIONAL) == TRADITIONAL
        assert not fold.available()
    assert "could not be loaded" in caplog.text


def test_a_converter_that_changes_the_length_falls_back_to_single_characters(
    fresh_converter: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Lengthening:
        """Folds like t2s but writes one phrase longer, as a future dictionary might."""

        def __init__(self) -> None:
            import opencc

            self.real = opencc.OpenCC("t2s")

        def convert(self, text: str) -> str:
            return self.real.convert(text).replace("台湾", "台湾省")

    monkeypatch.setattr(fold, "_converter", Lengthening)
    assert to_simplified("臺灣同胞") == "台湾同胞"


def test_the_converter_is_made_once() -> None:
    assert fold._converter() is fold._converter()
    assert fold.available()


def test_looks_traditional() -> None:
    assert looks_traditional(TRADITIONAL)
    assert traditional_share(TRADITIONAL) > 0.3
    assert not looks_traditional(SIMPLIFIED)
    assert traditional_share(SIMPLIFIED) == 0.0
    # One traditional name in a simplified letter is not a traditional letter.
    assert not looks_traditional("感谢您对我市" + "教育" * 30 + "工作的关心。臺")
    assert not looks_traditional("")
    assert not looks_traditional("English only")


CORPUS = ROOT.parent / "shared" / "corpus" / "letters"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_real_letters_simplified_ones_are_unchanged_traditional_ones_recognised() -> None:
    traditional = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if looks_traditional(text):
            traditional.append(path.name)
            assert len(to_simplified(text)) == len(text)
        else:
            assert to_simplified(text) == text, path.name
    # The corpus notes name its letters served in traditional characters.
    index = (CORPUS.parent / "index.tsv").read_text(encoding="utf-8").splitlines()
    noted = sorted(line.split("\t")[0] for line in index[1:] if "traditional characters" in line)
    assert traditional == noted


def test_module_has_no_qt() -> None:
    source = Path(fold.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source
