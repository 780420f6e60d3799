"""A paragraph's and a letter title's rows in the search indexes, written by the store itself
(schema m013), and what they hold computed ahead of the write.

Until m013, triggers on ``INSERT INTO paragraphs``, ``letters`` and ``letter_paragraphs``
filled the trigram, one-character and word indexes and ``letter_search``. A statement that
fires a trigger runs under a statement savepoint, and at every savepoint SQLite asks each FTS5
table written in the transaction to flush its pending terms to a new segment: importing a
letter wrote about twenty tiny segments per index and merged them again, most of an import's
time. The store now inserts the index rows with plain statements next to the row (one segment
per index per transaction); the triggers for deleting and changing text stay.

What the rows hold depends on the text alone — its hash, the folded text, its words — so an
import computes it in its worker processes (:func:`prepare_indexes`) and the one writer only
runs the statements.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.letter_identity import source_hash as lines_hash
from desktop.model import ParsedLetter
from desktop.normalize import normalized_hash
from desktop.store.schema import search_text, spaced
from desktop.store.word_index import segmented

if TYPE_CHECKING:
    from sqlite_utils import Database

# m013: the insert triggers whose work the store does now (their delete and update twins stay).
DROP_INSERT_TRIGGERS_V13 = """
    DROP TRIGGER paragraphs_ai;
    DROP TRIGGER paragraphs_words_ai;
    DROP TRIGGER letters_words_ai;
"""


def drop_insert_triggers(db: Database) -> None:
    """m013: from now on the store writes the index rows of new paragraphs and letters, and
    a new letter's row of ``letter_search`` (desktop/store/letter_search.py)."""
    from desktop.store.letter_search import INSERT_TRIGGERS_DROPPED_V13

    db.executescript(
        DROP_INSERT_TRIGGERS_V13
        + "".join(f"DROP TRIGGER {name};\n" for name in INSERT_TRIGGERS_DROPPED_V13)
    )


@dataclass(frozen=True)
class IndexedParagraph:
    """A paragraph's text with what its rows in ``paragraphs`` and the indexes hold."""

    hash: str  # desktop.normalize.normalized_hash: identical paragraphs are stored once
    text: str
    search_text: str | None  # the text folded to simplified characters, None if unchanged
    words: str  # the word index's column (desktop.words.index_text of the folded text)

    @property
    def folded(self) -> str:
        return self.search_text if self.search_text is not None else self.text


@dataclass(frozen=True)
class PreparedIndexes:
    """What storing a parsed letter computes from its text alone: the paragraphs (one per
    block, in order), the words of its title and the source hash of its lines."""

    paragraphs: tuple[IndexedParagraph, ...]
    title_words: str
    source_hash: str | None
    lines_json: str


def indexed_paragraph(text: str) -> IndexedParagraph:
    folded = search_text(text)
    return IndexedParagraph(normalized_hash(text), text, folded, segmented(folded or text))


def index_title_text(letter: ParsedLetter | Mapping[str, object]) -> str | None:
    """The title the title indexes hold: the proposal title, else the document's title."""
    if isinstance(letter, ParsedLetter):
        return letter.proposal_title or letter.title
    return str(letter.get("proposal_title") or letter.get("title") or "") or None


def prepare_indexes(letter: ParsedLetter) -> PreparedIndexes:
    """Everything of :class:`PreparedIndexes` for ``letter`` (pure: runs in any process)."""
    lines = list(letter.source_lines)
    return PreparedIndexes(
        paragraphs=tuple(indexed_paragraph(b.text) for b in letter.blocks),
        title_words=segmented(index_title_text(letter)),
        source_hash=lines_hash(lines),
        lines_json=json.dumps(lines, ensure_ascii=False),
    )


def known_paragraphs(
    conn: sqlite3.Connection, hashes: Iterable[str]
) -> dict[str, tuple[int, int | None]]:
    """``hash -> (id, latest_year)`` of the stored paragraphs among ``hashes``, in one query."""
    wanted = list(dict.fromkeys(hashes))
    found: dict[str, tuple[int, int | None]] = {}
    for i in range(0, len(wanted), 500):  # below SQLite's limit of bound parameters
        part = wanted[i : i + 500]
        marks = ",".join("?" * len(part))
        for h, pid, latest in conn.execute(
            f"SELECT hash, id, latest_year FROM paragraphs WHERE hash IN ({marks})", part
        ):
            found[h] = (int(pid), latest)
    return found


def insert_paragraph(
    conn: sqlite3.Connection, p: IndexedParagraph, is_heading: bool, year: int | None
) -> int:
    """A new row of ``paragraphs`` and its rows in the three paragraph indexes; its id."""
    cur = conn.execute(
        "INSERT INTO paragraphs (hash, text, length, is_heading, latest_year, search_text)"
        " VALUES (?,?,?,?,?,?)",
        [p.hash, p.text, len(p.text), int(is_heading), year, p.search_text],
    )
    pid = int(cur.lastrowid or 0)
    folded = p.folded
    conn.execute("INSERT INTO paragraphs_fts(rowid, search_text) VALUES (?, ?)", [pid, folded])
    conn.execute("INSERT INTO chars_fts(rowid, text) VALUES (?, ?)", [pid, spaced(folded)])
    conn.execute("INSERT INTO paragraph_words_fts(rowid, words) VALUES (?, ?)", [pid, p.words])
    return pid


def insert_title_words(conn: sqlite3.Connection, letter_id: int, words: str) -> None:
    """The new letter's row in the title word index (the update trigger keeps it after)."""
    conn.execute("INSERT INTO title_words_fts(rowid, words) VALUES (?, ?)", [letter_id, words])
