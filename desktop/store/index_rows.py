"""A paragraph's and a letter title's rows in the search indexes, written by the store itself
(schema m013), and what they hold computed ahead of the write.

Until m013, triggers on ``INSERT INTO paragraphs``, ``letters`` and ``letter_paragraphs``
filled the trigram, one-character and word indexes and ``letter_search``. A statement that
fires a trigger runs under a statement savepoint, and at every savepoint SQLite asks each FTS5
table written in the transaction to flush its pending terms to a new segment: importing a
letter wrote about twenty tiny segments per index and merged them again, most of an import's
time. The store now inserts the index rows with plain statements next to the row (one segment
per index per transaction); the triggers for deleting and changing text stay.

What the rows hold depends on the text alone — its hash, the folded text, its words, the
one-character text, the letter's search fields — so an import computes it in its worker
processes (:func:`prepare_indexes`) and the one writer only runs the statements, one
``executemany`` per table and letter.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.fold import to_simplified
from desktop.letter_identity import source_hash as lines_hash
from desktop.letter_search_fields import fields_search_text, number_key, proposers_search_text
from desktop.model import ParsedLetter
from desktop.normalize import normalized_hash
from desktop.store.indexes import indexes_of
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
    chars: str  # the one-character index's column (schema.spaced of the folded text)

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
    title_folded: str | None  # the title index's column (None: no title)
    search_fields: tuple[str, str, str]  # letter_search's fields, proposers, number


def indexed_paragraph(text: str) -> IndexedParagraph:
    folded = search_text(text)
    return IndexedParagraph(
        normalized_hash(text), text, folded, segmented(folded or text), spaced(folded or text)
    )


def index_title_text(letter: ParsedLetter | Mapping[str, object]) -> str | None:
    """The title the title indexes hold: the proposal title, else the document's title."""
    if isinstance(letter, ParsedLetter):
        return letter.proposal_title or letter.title
    return str(letter.get("proposal_title") or letter.get("title") or "") or None


def prepare_indexes(letter: ParsedLetter) -> PreparedIndexes:
    """Everything of :class:`PreparedIndexes` for ``letter`` (pure: runs in any process)."""
    lines = list(letter.source_lines)
    title = index_title_text(letter)
    addressee = json.dumps(letter.addressee, ensure_ascii=False)  # as the column holds it
    return PreparedIndexes(
        paragraphs=tuple(indexed_paragraph(b.text) for b in letter.blocks),
        title_words=segmented(title),
        source_hash=lines_hash(lines),
        lines_json=json.dumps(lines, ensure_ascii=False),
        title_folded=to_simplified(title) if title else None,
        search_fields=(
            fields_search_text(
                letter.title,
                letter.proposal_title,
                letter.proposal_number,
                letter.session,
                addressee,
            ),
            proposers_search_text(addressee),
            number_key(letter.proposal_number),
        ),
    )


# FTS5 keeps a transaction's new terms in memory and writes them out as a segment whenever
# they pass this many bytes (1 MB by default: several segments per table for each batch of
# an import, merged again soon after). A batch's terms now fit (~5 MB for the trigram index
# per 200 letters): one segment per table and batch, about a third less work for the writer.
# Stored in each index's config table; memory is only used as a transaction fills it.
PENDING_BYTES = 32 * 1024 * 1024
BULK_INDEXES = (
    "paragraphs_fts",
    "chars_fts",
    "paragraph_words_fts",
    "letter_titles_fts",
    "title_words_fts",
    "letter_chars_fts",
)


def allow_large_batches(conn: sqlite3.Connection) -> None:
    """Raise the indexes' pending-terms size to :data:`PENDING_BYTES` where it is lower
    (inside the caller's write transaction)."""
    for index in BULK_INDEXES:
        row = conn.execute(f"SELECT v FROM {index}_config WHERE k = 'hashsize'").fetchone()
        if row is None or int(row[0]) < PENDING_BYTES:
            conn.execute(
                f"INSERT INTO {index}({index}, rank) VALUES ('hashsize', ?)", [PENDING_BYTES]
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


def paragraph_ids(
    conn: sqlite3.Connection,
    paragraphs: Sequence[IndexedParagraph],
    headings: Sequence[bool],
    year: int | None,
) -> list[int]:
    """The id of each of ``paragraphs`` (in order): the stored paragraph with its text, its
    newest year raised to ``year``, else a new row with its rows in the three paragraph
    indexes. The new rows of a letter go in with one statement per table: ids are given as
    SQLite would give them (one past the largest)."""
    known = known_paragraphs(conn, (p.hash for p in paragraphs))
    new: list[tuple[int, IndexedParagraph, bool]] = []
    raised: dict[int, int] = {}
    next_id = 0
    ids = []
    for p, is_heading in zip(paragraphs, headings, strict=True):
        found = known.get(p.hash)
        if found is None:
            if not next_id:
                next_id = _next_paragraph_id(conn)
            found = (next_id, year)
            known[p.hash] = found
            new.append((next_id, p, is_heading))
            next_id += 1
        elif year is not None and (found[1] is None or year > found[1]):
            raised[found[0]] = year
            known[p.hash] = (found[0], year)
        ids.append(found[0])
    if raised:
        rows = [(y, i) for i, y in raised.items()]
        conn.executemany("UPDATE paragraphs SET latest_year = ? WHERE id = ?", rows)
    if new:
        _insert_paragraphs(conn, new, year)
    return ids


def _next_paragraph_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM paragraphs").fetchone()[0])


def _insert_paragraphs(
    conn: sqlite3.Connection, new: list[tuple[int, IndexedParagraph, bool]], year: int | None
) -> None:
    conn.executemany(
        "INSERT INTO paragraphs (id, hash, text, length, is_heading, latest_year, search_text)"
        " VALUES (?,?,?,?,?,?,?)",
        [(i, p.hash, p.text, len(p.text), int(h), year, p.search_text) for i, p, h in new],
    )
    indexes_of(conn).paragraphs_added([(i, p) for i, p, _ in new])


def index_new_paragraphs(
    conn: sqlite3.Connection, new: Sequence[tuple[int, IndexedParagraph]]
) -> None:
    """New paragraphs' rows in SQLite's three paragraph indexes."""
    conn.executemany(
        "INSERT INTO paragraphs_fts(rowid, search_text) VALUES (?, ?)",
        [(i, p.folded) for i, p in new],
    )
    conn.executemany(
        "INSERT INTO chars_fts(rowid, text) VALUES (?, ?)", [(i, p.chars) for i, p in new]
    )
    conn.executemany(
        "INSERT INTO paragraph_words_fts(rowid, words) VALUES (?, ?)",
        [(i, p.words) for i, p in new],
    )


def paragraph_texts(
    conn: sqlite3.Connection,
    paragraphs: Sequence[IndexedParagraph],
    ids: Sequence[int],
    wanted: Sequence[bool],
) -> list[str]:
    """The folded texts, as stored, of the paragraphs whose ``wanted`` is set (a letter's
    headings), in order: a paragraph stored before keeps the text it was stored with."""
    picked = [(p, i) for p, i, w in zip(paragraphs, ids, wanted, strict=True) if w]
    if not picked:
        return []
    marks = ",".join("?" * len(picked))
    stored = dict(
        conn.execute(
            f"SELECT id, coalesce(search_text, text) FROM paragraphs WHERE id IN ({marks})",
            [i for _, i in picked],
        ).fetchall()
    )
    return [stored.get(i, p.folded) for p, i in picked]


def insert_title_words(conn: sqlite3.Connection, letter_id: int, words: str) -> None:
    """The new letter's row in the title word index (the update trigger keeps it after)."""
    conn.execute("INSERT INTO title_words_fts(rowid, words) VALUES (?, ?)", [letter_id, words])
