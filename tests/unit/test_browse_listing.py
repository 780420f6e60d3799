"""The library's listing before any query reads only the letters it shows (both engines)."""

from __future__ import annotations

from desktop.actions.search import browse
from desktop.model import Block, ParsedLetter
from desktop.store import LibraryStore


def test_browse_lists_the_newest_letters_and_counts_them_all(engine_store: LibraryStore) -> None:
    store = engine_store
    dates = ["2019-05-01", None, "2023-01-09", "2021-07-30", "2023-01-09", None, "2020-02-02"]
    for i, date in enumerate(dates):
        blocks = [Block(f"第{i}份答复的正文。", f"第{i}份答复的正文。", "status")]
        letter = ParsedLetter(kind="reply", blocks=blocks, reply_date=date, title=f"答复{i}")
        store.letters.add(letter, content_hash=f"h{i}", source_path=None, source_format="txt")
    everything = store.letters.all()
    assert [x.title for x in store.letters.newest(4)] == [x.title for x in everything[:4]]
    assert [x.reply_date for x in everything[:3]] == ["2023-01-09", "2023-01-09", "2021-07-30"]
    listing = browse(limit=3, store=store)
    assert list(listing.letters) == everything[:3]
    assert listing.total == 7
    assert browse(limit=50, store=store).letters == tuple(everything)


def test_browse_pages_follow_each_other(engine_store: LibraryStore) -> None:
    store = engine_store
    for i in range(7):
        blocks = [Block(f"第{i}份答复的正文。", f"第{i}份答复的正文。", "status")]
        letter = ParsedLetter(kind="reply", blocks=blocks, reply_date=f"2022-03-0{i + 1}",
                              title=f"答复{i}")  # fmt: skip
        store.letters.add(letter, content_hash=f"h{i}", source_path=None, source_format="txt")
    pages = [browse(limit=3, offset=n, store=store) for n in (0, 3, 6)]
    assert [[x.title for x in page.letters] for page in pages] == [
        ["答复6", "答复5", "答复4"], ["答复3", "答复2", "答复1"], ["答复0"],
    ]  # fmt: skip
    assert {page.total for page in pages} == {7}
    assert browse(limit=3, offset=7, store=store).letters == ()
