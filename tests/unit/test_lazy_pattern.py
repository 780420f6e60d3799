"""LazyPattern answers as the compiled pattern does, compiling it at the first use only."""

from __future__ import annotations

import re

from desktop.cjk import IDEOGRAPHS
from desktop.lazy_pattern import LazyPattern


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source = rf"(?<=[{IDEOGRAPHS}])\.(?=$|\s|[{IDEOGRAPHS}])"
    lazy, compiled = LazyPattern(source), re.compile(source)
    assert lazy._compiled is None  # not compiled when made
    text = "办理情况. 下一步.工作 v1.2 结束."
    assert lazy.sub("。", text) == compiled.sub("。", text) == "办理情况。 下一步。工作 v1.2 结束。"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    found = lazy.search(text, 5)
    assert found is not None and found.span() == (9, 10)  # from a position on, as re does
    assert lazy.compiled() is lazy.compiled()  # compiled once
    word = LazyPattern(f"[{IDEOGRAPHS}]+", re.ASCII)
    assert word.fullmatch("答复") is not None and word.fullmatch("答复a") is None
    assert word.match("答复a") is not None and word.match("a答复") is None
    assert word.match("a答复", 1) is not None
    assert word.flags == re.ASCII and word.pattern == f"[{IDEOGRAPHS}]+"
