"""The SQL of colleague packs (:mod:`desktop.packs`; ``store.packs``): the letters read out for
a pack, and a pack's letters merged in one transaction. The library's id (the origin a pack
names) is ``store.library_id()``.

The merge goes through ``store.letters.add``, so a received paragraph that the
library already holds is stored once, exactly as when a file is imported.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.letter_identity import source_hash as lines_hash
from desktop.library_rows import LetterDetail, LetterOrigin
from desktop.model import ParsedLetter
from desktop.store.letter_values import corrected_names, load_json_list
from desktop.store.letters import letter_origin, letter_values

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase
    from desktop.store.letter_lifecycle import LetterRepository

# The letter columns a pack carries (besides ``id``, ``origin`` and the paragraphs).
PACK_LETTER_COLUMNS = (
    "kind", "title", "addressee", "addressee_role", "addressee_count", "proposal_number",
    "proposal_title", "session", "agency", "main_organizer", "co_organizers", "reply_date",
    "year", "category", "contact_name", "contact_phone", "doc_number", "source_path",
    "source_format", "content_hash", "imported_at", "field_sources", "corrections",
    "parser_version",
)  # fmt: skip


@dataclass
class IncomingLetter:
    """One letter of a verified pack, ready to be stored."""

    letter: ParsedLetter
    content_hash: str  # recomputed here from the paragraphs: what this library compares
    declared_hash: str  # as the sending library stored it
    source_path: str | None
    source_format: str | None
    origin: str  # JSON {"library_id": …, "letter_id": …}
    corrections: dict[str, Any] = field(default_factory=dict)  # as the sender's clerk set them
    parser_version: int | None = None


@dataclass
class MergeOutcome:
    added: list[int] = field(default_factory=list)  # new letter ids
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (nth letter, existing id)
    new_paragraphs: int = 0  # distinct paragraphs the library did not hold before
    corrected: list[int] = field(default_factory=list)  # held letters that took corrections


class PackRepository:
    """Letters out of and into colleague packs (``store.packs``)."""

    def __init__(self, db: LibraryDatabase, letters: LetterRepository) -> None:
        self._db = db
        self._letters = letters

    # ----------------------------------------------------------------- export
    def letters(self, imported_since: str | None = None) -> Generator[LetterDetail, None, None]:
        """Every letter (imported at or after ``imported_since``, an ISO UTC time stamp in the
        format of ``imported_at``), oldest first, with its lines and paragraphs (a pack
        carries ``PACK_LETTER_COLUMNS`` of it, ``source_lines`` and the paragraphs). One read
        transaction: a consistent snapshot even while another window imports."""
        with self._db.snapshot():
            rows = self._db.query(
                "SELECT * FROM letters WHERE ? IS NULL OR imported_at >= ? ORDER BY id",
                [imported_since, imported_since],
            )
            for row in rows:
                values = letter_values(row)
                source = self._db.execute(
                    "SELECT source_text FROM letter_sources WHERE letter_id = ?", [row["id"]]
                ).fetchone()
                yield LetterDetail(
                    **values,
                    corrected=corrected_names(values["corrections"]),
                    source_lines=load_json_list(source[0] if source else None),
                    paragraphs=self._letters.paragraphs(row["id"]),
                )

    # ----------------------------------------------------------------- merge
    def merge(
        self,
        letters: Iterable[IncomingLetter],
        *,
        before_commit: Callable[[], None] | None = None,
    ) -> Generator[int, None, MergeOutcome]:
        """Add the letters this library does not hold yet, all in one transaction.

        A generator: yields how many letters were handled after each one and returns the
        :class:`MergeOutcome`. A letter whose content hash (recomputed or declared) the library
        already holds is a duplicate, also within the pack. ``before_commit`` runs last inside
        the transaction (the caller's files). Anything raised on the way, and closing the
        generator before its end, rolls everything back. A letter whose lines (source hash)
        the library holds is a duplicate too: the same file, corrected or re-read since; a
        duplicate takes the sender's corrections where this library has none of its own
        (``store.letters.adopt_corrections``). The
        write lock is taken first (``BEGIN IMMEDIATE``, waiting as
        :mod:`desktop.store.connection` describes): a library another program keeps writing
        fails with ``LibraryBusy`` before any work.
        """
        conn = self._db.conn
        if conn.in_transaction:
            raise RuntimeError("merge needs a connection outside a transaction")
        self._db.begin_write()
        try:
            outcome = MergeOutcome()
            paragraphs_before = self._count("paragraphs")
            for n, incoming in enumerate(letters, 1):
                existing = self._letter_with_hash(incoming.content_hash, incoming.declared_hash)
                lines = lines_hash(incoming.letter.source_lines)
                if existing is None and lines is not None:
                    # the same file, corrected or re-read here or there since
                    row = self._db.execute(
                        "SELECT min(id) FROM letters WHERE source_hash = ?", [lines]
                    ).fetchone()
                    existing = row[0] if row and row[0] is not None else None
                if existing is not None:
                    outcome.duplicates.append((n, existing))
                    if self._letters.adopt_corrections(
                        int(existing), incoming.letter, incoming.corrections
                    ):
                        outcome.corrected.append(int(existing))
                else:
                    letter_id = self._letters.add(
                        incoming.letter,
                        content_hash=incoming.content_hash,
                        source_path=incoming.source_path,
                        source_format=incoming.source_format,
                        parser_version=incoming.parser_version,
                        corrections=incoming.corrections,
                    )
                    conn.execute(
                        "UPDATE letters SET origin = ? WHERE id = ?", [incoming.origin, letter_id]
                    )
                    outcome.added.append(letter_id)
                yield n
            outcome.new_paragraphs = self._count("paragraphs") - paragraphs_before
            if before_commit is not None:
                before_commit()
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):  # the original error is the one
                    conn.execute("ROLLBACK")
            raise
        return outcome

    def _letter_with_hash(self, *hashes: str) -> int | None:
        for digest in dict.fromkeys(hashes):
            row = self._db.execute(
                "SELECT id FROM letters WHERE content_hash = ?", [digest]
            ).fetchone()
            if row:
                return int(row[0])
        return None

    def _count(self, table: str) -> int:
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def origins(self) -> dict[int, LetterOrigin]:
        """``{letter id: origin}`` of the letters that came in a pack."""
        out: dict[int, LetterOrigin] = {}
        for r in self._db.execute("SELECT id, origin FROM letters WHERE origin IS NOT NULL"):
            origin = letter_origin(r[1])
            if origin is not None:
                out[int(r[0])] = origin
        return out
