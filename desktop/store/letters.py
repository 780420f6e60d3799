"""The letters of the library: storing a parsed letter (identical paragraphs once), reading
letters back. The first part of :class:`~desktop.store.letter_lifecycle.LetterRepository`
(``store.letters``)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any

from desktop import timestamps
from desktop.fold import to_simplified
from desktop.letter_identity import source_hash as lines_hash
from desktop.library_rows import LETTER_COLUMNS, LetterOrigin, LetterRow
from desktop.model import Block, ParsedLetter
from desktop.store.audit import AuditRepository
from desktop.store.errors import DatabaseError, library_error
from desktop.store.index_rows import (
    IndexedParagraph,
    PreparedIndexes,
    indexed_paragraph,
    paragraph_ids,
    paragraph_texts,
    prepare_indexes,
)
from desktop.store.indexes import indexes_of
from desktop.store.letter_values import load_json_object

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase


def _now() -> str:
    return timestamps.now()


class LetterStorage:
    """Storing and reading letters; holds the store's connection."""

    def __init__(
        self, db: LibraryDatabase, *, read_only: bool = False, audit: AuditRepository | None = None
    ) -> None:
        self._db = db
        self._audit = audit or AuditRepository(db)
        self._read_only = read_only
        self._in_batch = False
        self._large_batches = False

    def begin_batch(self) -> None:
        """Open one write transaction for many :meth:`add_if_new` calls (an import's
        writer), until :meth:`end_batch`. The letters inside skip their own savepoints (each
        would make the FTS5 indexes flush their pending terms), so a letter that raises
        halfway leaves the batch half-written: the caller ends the batch without committing
        and stores the batch's other letters again."""
        self._db.begin_write()
        self._in_batch = True
        if not self._large_batches:
            indexes_of(self._db.conn).prepare_batch()
            self._large_batches = True

    def end_batch(self, *, commit: bool) -> None:
        """Commit (or roll back) the transaction :meth:`begin_batch` opened; a failed commit
        rolls back and raises a :class:`LibraryError` (a full disk, an I/O error …) or, for
        what no clerk can cause, the database's own error."""
        self._in_batch = False
        conn = self._db.conn
        if not conn.in_transaction:
            return
        if not commit:
            conn.execute("ROLLBACK")
            return
        try:
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            problem = library_error(exc) if isinstance(exc, DatabaseError) else None
            if problem is None:
                raise
            raise problem from exc

    def _atomic(self) -> Any:
        return nullcontext() if self._in_batch else self._db.atomic()

    # ----------------------------------------------------------------- letters
    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM letters").fetchone()[0])

    def paragraph_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM paragraphs").fetchone()[0])

    def find_by_hash(self, content_hash: str, source_hash: str | None = None) -> int | None:
        """The letter with this content hash, else the oldest with this source hash (the same
        file, whose fields or paragraphs the clerk or a newer parser changed since)."""
        row = self._db.execute(
            "SELECT id FROM letters WHERE content_hash = ?", [content_hash]
        ).fetchone()
        if row is None and source_hash is not None:
            row = self._db.execute(
                "SELECT min(id) FROM letters WHERE source_hash = ?", [source_hash]
            ).fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def add_if_new(
        self,
        letter: ParsedLetter,
        *,
        content_hash: str,
        source_path: str | None,
        source_format: str | None,
        parser_version: int | None = None,
        prepared: PreparedIndexes | None = None,
    ) -> tuple[int, bool]:
        """Store a letter unless the library already holds one with its content hash or with
        the source hash of its lines (``letter.source_lines``): ``(letter id, True)`` when
        stored, ``(the existing letter's id, False)`` when not; an existing letter is left
        exactly as it is (the clerk's corrections stay).

        The check and the insert are one write transaction: two imports of the same file at
        once (two windows, a window and the command line) store it once, and the second is
        told it is a duplicate. ``prepared``: :func:`~desktop.store.index_rows.prepare_indexes`
        of the letter, computed beforehand (an import's workers do)."""
        digest = prepared.source_hash if prepared is not None else lines_hash(letter.source_lines)
        if self._read_only:  # still tell a duplicate from a refusal
            existing = self.find_by_hash(content_hash, digest)
            if existing is not None:
                return existing, False
        with self._atomic():
            existing = self.find_by_hash(content_hash, digest)
            if existing is not None:
                return existing, False
            letter_id = self.add(
                letter,
                content_hash=content_hash,
                source_path=source_path,
                source_format=source_format,
                parser_version=parser_version,
                prepared=prepared,
            )
        return letter_id, True

    def add(
        self,
        letter: ParsedLetter,
        *,
        content_hash: str,
        source_path: str | None,
        source_format: str | None,
        parser_version: int | None = None,
        corrections: dict[str, Any] | None = None,
        prepared: PreparedIndexes | None = None,
    ) -> int:
        """Store a parsed letter in one transaction; identical paragraphs are stored once.

        Its lines (``letter.source_lines``, with their source hash) and field sources
        (``letter.sources``) are kept for the clerk's inspector and for re-parsing;
        ``corrections`` (as :mod:`desktop.store.letter_edits` describes) come with a letter
        received in a pack."""
        conn = self._db.conn
        year = letter.year
        ready = prepared if prepared is not None else prepare_indexes(letter)
        with self._atomic():
            cur = conn.execute(
                """INSERT INTO letters (kind, title, addressee, addressee_role, proposal_number,
                    proposal_title, session, agency, main_organizer, co_organizers, reply_date,
                    year, category, contact_name, contact_phone, doc_number, source_path,
                    source_format, content_hash, imported_at, addressee_count, source_hash,
                    field_sources, corrections, parser_version)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                [
                    letter.kind,
                    letter.title,
                    json.dumps(letter.addressee, ensure_ascii=False),
                    letter.addressee_role,
                    letter.proposal_number,
                    letter.proposal_title,
                    letter.session,
                    letter.agency,
                    letter.main_organizer,
                    json.dumps(letter.co_organizers, ensure_ascii=False),
                    letter.reply_date,
                    year,
                    letter.category,
                    letter.contact_name,
                    letter.contact_phone,
                    letter.doc_number,
                    source_path,
                    source_format,
                    content_hash,
                    _now(),
                    letter.addressee_count,
                    ready.source_hash,
                    dump_json({k: v.to_json() for k, v in letter.sources.items()}),
                    dump_json(corrections or {}),
                    parser_version,
                ],
            )
            letter_id = int(cur.lastrowid or 0)
            conn.execute("DELETE FROM letter_sources WHERE letter_id = ?", [letter_id])
            if letter.source_lines:
                conn.execute(
                    "INSERT INTO letter_sources (letter_id, source_text) VALUES (?, ?)",
                    [letter_id, ready.lines_json],
                )
            ids = self._insert_blocks(letter_id, letter.blocks, year, prepared=ready.paragraphs)
            indexes = indexes_of(conn)
            indexes.title_set(letter_id, ready.title_folded)
            indexes.title_words_added(letter_id, ready.title_words)
            headings = paragraph_texts(
                conn, ready.paragraphs, ids, [b.is_heading for b in letter.blocks]
            )
            indexes.letter_added(letter_id, ready.search_fields, "\n".join(headings), year)
            self._audit.record("letter.imported", "letter", letter_id,
                               detail=source_path or letter.title or "")  # fmt: skip
        return letter_id

    def _update_letter(self, letter_id: int, columns: Mapping[str, object]) -> None:
        """Set ``columns`` (names of this module's own making, never the clerk's) of a
        letter's row."""
        assignments = ", ".join(f'"{k}" = ?' for k in columns)
        self._db.conn.execute(
            f"UPDATE letters SET {assignments} WHERE id = ?", [*columns.values(), letter_id]
        )
        indexes_of(self._db.conn).letter_changed(letter_id)

    def _insert_blocks(
        self,
        letter_id: int,
        blocks: Sequence[Block],
        year: int | None,
        start: int = 0,
        prepared: Sequence[IndexedParagraph] | None = None,
    ) -> list[int]:
        """The letter's places (from ``start`` on), their paragraphs stored once; the
        paragraphs' ids."""
        indexed = prepared if prepared is not None else [indexed_paragraph(b.text) for b in blocks]
        headings = [b.is_heading for b in blocks]
        ids = paragraph_ids(self._db.conn, indexed, headings, year)
        rows = [
            (letter_id, position, pid, block.section, int(block.is_heading), block.original)
            for position, (block, pid) in enumerate(zip(blocks, ids, strict=True), start)
        ]
        self._db.conn.executemany(
            """INSERT INTO letter_paragraphs
               (letter_id, position, paragraph_id, section, is_heading, original)
               VALUES (?,?,?,?,?,?)""",
            rows,
        )
        return ids

    def _store_lines(self, letter_id: int, lines: Sequence[str] | None) -> None:
        """The reader's lines of the letter, replaced (None or []: none kept)."""
        conn = self._db.conn
        conn.execute("DELETE FROM letter_sources WHERE letter_id = ?", [letter_id])
        if lines:
            conn.execute(
                "INSERT INTO letter_sources (letter_id, source_text) VALUES (?, ?)",
                [letter_id, json.dumps(list(lines), ensure_ascii=False)],
            )

    def _index_title(self, letter_id: int, title: str | None) -> None:
        """The letter's row in the title index (for "similar letters"), replaced; the index
        holds the title folded to simplified characters, as the queries come (m008)."""
        indexes_of(self._db.conn).title_set(letter_id, to_simplified(title) if title else None)

    def all(self) -> list[LetterRow]:
        """Every letter, newest reply first (the paragraphs: :meth:`detail`)."""
        rows = self._db.query(
            "SELECT * FROM letters ORDER BY coalesce(reply_date, '') DESC, id DESC"
        )
        return [letter_row(r) for r in rows]

    def newest(self, limit: int, offset: int = 0) -> list[LetterRow]:
        """``limit`` letters in the order of :meth:`all`, after the first ``offset`` (a window
        lists these at start, a page at a time: reading all 10,000 rows of a large library
        would cost it half a second). The page's ids are sorted first, then its rows read: sorting
        whole rows to keep a hundred took a third more of the window's start."""
        rows = self._db.query(
            "SELECT letters.* FROM (SELECT id FROM letters"
            " ORDER BY coalesce(reply_date, '') DESC, id DESC LIMIT ? OFFSET ?) AS page"
            " JOIN letters ON letters.id = page.id"
            " ORDER BY coalesce(letters.reply_date, '') DESC, letters.id DESC",
            [max(0, limit), max(0, offset)],
        )
        return [letter_row(r) for r in rows]

    def get(self, letter_id: int) -> LetterRow | None:
        """The letter's stored values (with its paragraphs: :meth:`detail`)."""
        rows = list(self._db.query("SELECT * FROM letters WHERE id = ?", [letter_id]))
        return letter_row(rows[0]) if rows else None

    def by_ids(self, ids: Sequence[int]) -> dict[int, LetterRow]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._db.query(f"SELECT * FROM letters WHERE id IN ({marks})", list(ids))
        return {r["id"]: letter_row(r) for r in rows}


def letter_values(columns: Mapping[str, Any]) -> dict[str, Any]:
    """A ``letters`` row's columns decoded: lists and JSON objects, every field of
    :class:`LetterRow` (a column the row lacks reads as None; one it has beyond them is
    left out)."""
    values = {name: columns.get(name) for name in LETTER_COLUMNS}
    values["addressee"] = json.loads(columns.get("addressee") or "[]")
    values["co_organizers"] = json.loads(columns.get("co_organizers") or "[]")
    values["field_sources"] = load_json_object(columns.get("field_sources"))
    values["corrections"] = load_json_object(columns.get("corrections"))
    values["origin"] = letter_origin(columns.get("origin"))
    return values


def letter_origin(raw: object) -> LetterOrigin | None:
    """The ``origin`` column (JSON ``{"library_id", "letter_id"}``) of a letter received in a
    pack; None for the library's own letters."""
    data = load_json_object(raw)
    if not data:
        return None
    letter_id = data.get("letter_id")
    return LetterOrigin(
        str(data.get("library_id") or ""), letter_id if isinstance(letter_id, int) else None
    )


def letter_row(columns: Mapping[str, Any]) -> LetterRow:
    return LetterRow(**letter_values(columns))


def dump_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
