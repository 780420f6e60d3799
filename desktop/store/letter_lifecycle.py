"""Deleting a letter and putting it back (the window's undo), and reading a letter again
with a newer parser without undoing the clerk's corrections. Part of
:class:`LetterRepository` (``store.letters``); the corrections themselves are in
:mod:`desktop.store.letter_edits`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from typing import Any, cast

from desktop.letter_identity import content_hash as parsed_hash
from desktop.letter_identity import source_hash as lines_hash
from desktop.library_rows import LetterSnapshot
from desktop.model import Block, ParsedLetter
from desktop.store.errors import LetterEditError, LetterNotFound
from desktop.store.index_rows import index_title_text
from desktop.store.indexes import indexes_of
from desktop.store.letter_edits import LetterEditing
from desktop.store.letter_values import (
    EDITABLE_FIELDS,
    LIST_FIELDS,
    corrected_fields,
    load_json_list,
    load_json_object,
)
from desktop.store.letters import dump_json
from desktop.store.reparse_candidates import letters_without_lines
from desktop.store.samples import delete_letters, letters_from_folder, present_letters
from desktop.store.word_index import segmented

log = logging.getLogger(__name__)


class LetterRepository(LetterEditing):
    """The letters of the library (``store.letters``): storing, reading, the clerk's
    corrections, delete and restore, re-reading with a newer parser."""

    # ----------------------------------------------------------------- re-parse candidates
    def for_reparse(self, all: bool = False, *, current: int | None = None) -> list[int]:
        """Ids of the letters a parser of version ``current`` (by default
        :data:`desktop.parser_version.PARSER_VERSION`) would read again: those read by an older
        parser or before versions were recorded; every one with ``all``. Only letters whose
        lines were kept can be read again (those imported before this version were not)."""
        if current is None:
            from desktop.parser_version import PARSER_VERSION

            current = PARSER_VERSION
        return [
            int(r[0])
            for r in self._db.execute(
                """SELECT l.id FROM letters l JOIN letter_sources s ON s.letter_id = l.id
                   WHERE ? = 1 OR l.parser_version IS NULL OR l.parser_version < ?
                   ORDER BY l.id""",
                [int(bool(all)), current],
            )
        ]

    def to_read_again(self, all: bool = False, *, current: int) -> list[int]:
        """Ids of the letters a parser of version ``current`` would read again, in order:
        with their lines kept (:meth:`for_reparse`) or not (:meth:`without_lines`)."""
        kept = self.for_reparse(all, current=current)
        return sorted({*kept, *self.without_lines(all, current=current)})

    def without_lines(self, all: bool = False, *, current: int) -> list[int]:
        """Ids of the letters without stored lines (imported before m007) that a parser of
        version ``current`` would read again (an older or unknown version; every one with
        ``all``): read again from their file or from lines rebuilt out of the library."""
        return letters_without_lines(self._db, all=all, current=current)

    # ----------------------------------------------------------------- a colleague's corrections
    def adopt_corrections(
        self, letter_id: int, letter: ParsedLetter, corrections: Mapping[str, Any]
    ) -> bool:
        """A colleague's corrections (received in a pack, checked there) of a letter this
        library already holds: every field, the kind and the structure the clerk here has not
        corrected take the colleague's; the clerk's own corrections here win. ``letter`` is the
        colleague's letter (its paragraphs replace these when the colleague edited the
        structure). Returns whether anything was taken. One transaction (a savepoint inside a
        pack's merge)."""
        theirs = corrected_fields(corrections)
        their_kind = corrections.get("kind")
        if not (theirs or their_kind or corrections.get("sections")):
            return False
        with self._db.atomic():
            row = self._letter_for_edit(letter_id)
            mine = load_json_object(row["corrections"])
            my_fields = corrected_fields(mine)
            changes = {
                k: v for k, v in theirs.items() if k in EDITABLE_FIELDS and k not in my_fields
            }
            kind = (
                their_kind if their_kind in ("reply", "reference") and "kind" not in mine else None
            )
            structure = bool(corrections.get("sections")) and not mine.get("sections")
            structure = structure and any(not b.is_heading for b in letter.blocks)
            if not (changes or kind or structure):
                return False
            if changes or kind:
                self._apply_edit(row, changes, kind, {})
                row = self._letter_for_edit(letter_id)
            if structure:
                self._rewrite_paragraphs(letter_id, list(letter.blocks), row["year"])
                self._mark_structure(row)
        return True

    # ----------------------------------------------------------------- delete and restore
    def snapshot(self, letter_id: int) -> LetterSnapshot:
        """Everything :meth:`restore` needs to put the letter back as it is now."""
        self._letter_for_edit(letter_id)  # LetterNotFound for an id that cannot be one
        with self._db.snapshot():
            rows = list(self._db.query("SELECT * FROM letters WHERE id = ?", [letter_id]))
            if not rows:
                raise LetterNotFound(letter_id)
            blocks = self._blocks(letter_id)
            source = self._db.execute(
                "SELECT source_text FROM letter_sources WHERE letter_id = ?", [letter_id]
            ).fetchone()
        return LetterSnapshot(
            letter=dict(rows[0]),
            source_lines=load_json_list(source[0] if source else None),
            paragraphs=blocks,
        )

    def delete(self, letter_id: int) -> LetterSnapshot:
        """Delete a letter with its paragraph places and title index row; paragraphs that
        other letters use stay. Returns the snapshot taken just before (for undo)."""
        with self._db.atomic():
            self._letter_for_edit(letter_id)
            snapshot = self.snapshot(letter_id)
            delete_letters(self._db, [letter_id])
            title = snapshot.letter.get("proposal_title") or snapshot.letter.get("title") or ""
            self._audit.record("letter.deleted", "letter", letter_id, detail=str(title))
        return snapshot

    def delete_many(self, letter_ids: Iterable[int]) -> int:
        """Delete letters (no snapshot: the sample letters of a new library) with their
        paragraph places, title index rows and the paragraphs no other letter uses, in one
        transaction. Returns how many were deleted."""
        with self._db.atomic():
            ids = present_letters(self._db, list(letter_ids))
            deleted = delete_letters(self._db, ids)
            for letter_id in ids:
                self._audit.record("letter.deleted", "letter", letter_id)
        return deleted

    def present(self, letter_ids: Iterable[int]) -> list[int]:
        """Those of ``letter_ids`` still in the library, in order (ids only: the first-start
        dialog asks at start, where reading every letter of a large library took a second)."""
        return present_letters(self._db, letter_ids)

    def from_folder(self, folder: str) -> list[int]:
        """Ids of the letters imported from files under ``folder``."""
        return letters_from_folder(self._db, folder)

    def restore(self, snapshot: LetterSnapshot) -> int:
        """Put a letter back as :meth:`snapshot` saw it; returns its id.

        The same letter still there (same id, import time and content hash: the undo of an
        edit) is
        replaced in place; a deleted one comes back under its id when that is free, else
        under a new one. :class:`LetterEditError` when the library meanwhile got the same
        letter again (imported once more): nothing changes then."""
        letter, paragraphs = _checked_snapshot(snapshot)
        conn = self._db.conn
        columns = letter_columns(self._db)
        values = {k: v for k, v in letter.items() if k in columns}
        missing = [c for c in ("kind", "content_hash", "imported_at") if c not in values]
        if missing:
            raise ValueError(f"snapshot without {missing}")
        blocks = list(paragraphs)
        with self._db.atomic():
            wanted = values.get("id")
            here = (
                conn.execute(
                    "SELECT imported_at, content_hash, source_hash FROM letters WHERE id = ?",
                    [wanted],
                ).fetchone()
                if isinstance(wanted, int)
                else None
            )
            # The same letter (an edit to undo), not another one that took the freed id
            # (SQLite gives the highest id again): edits never change its import time and
            # hashes; a re-read since may have changed its content hash, not its lines.
            source = values.get("source_hash")
            in_place = (
                here is not None
                and here[0] == values["imported_at"]
                and (here[1] == values["content_hash"] or (source and here[2] == source))
            )
            clash = conn.execute(
                """SELECT id FROM letters WHERE (content_hash = ? OR source_hash = ?)
                   AND id IS DISTINCT FROM ?""",
                [values["content_hash"], source, wanted if in_place else None],
            ).fetchone()
            if clash:
                raise LetterEditError(
                    f"资料库中已经有同一份文件（编号 {clash[0]}，可能是又导入了一次），"
                    "无法恢复，没有做任何修改。"
                )
            if in_place:
                letter_id = int(cast("int", wanted))
                self._update_letter(letter_id, {k: v for k, v in values.items() if k != "id"})
            else:
                if here is not None:
                    values.pop("id", None)
                names = ", ".join(f'"{k}"' for k in values)
                marks = ", ".join("?" * len(values))
                cur = conn.execute(
                    f"INSERT INTO letters ({names}) VALUES ({marks})", list(values.values())
                )
                letter_id = int(cur.lastrowid or 0)
                indexes_of(conn).title_words_added(
                    letter_id, segmented(index_title_text(values))
                )
            self._rewrite_paragraphs(letter_id, blocks, values.get("year"))
            indexes_of(conn).letter_rebuilt(letter_id)  # a new row unless restored in place
            self._store_lines(letter_id, list(snapshot.source_lines))
            self._index_title(letter_id, index_title_text(values))
            self._audit.record("letter.restored", "letter", letter_id)
        return letter_id

    # ----------------------------------------------------------------- re-parse
    def apply_reparse(self, letter_id: int, parsed: ParsedLetter, parser_version: int) -> bool:
        """The letter as ``parsed`` (by a newer parser, from its stored lines) reads it, except
        what the clerk corrected: every field not corrected, the field sources, the kind unless
        the clerk set it, the paragraphs unless the clerk edited the structure (or the new
        reading has no body text). Records ``parser_version``; the content hash follows the
        new reading unless another letter already has that hash. One transaction. Returns
        whether anything the clerk sees changed."""
        with self._db.atomic():
            row = self._letter_for_edit(letter_id)
            corrections = load_json_object(row["corrections"])
            values, sources = _reparsed_values(row, parsed, corrections)
            changed = _stored_values(row, values) != values or (
                load_json_object(row["field_sources"]) != sources
            )
            old_blocks = self._blocks(letter_id)
            new_blocks = _reparsed_blocks(letter_id, parsed, corrections, old_blocks)
            blocks_changed = [_block_key(b) for b in new_blocks] != [
                _block_key(b) for b in old_blocks
            ]
            columns = self._reparsed_columns(row, parsed, values, sources, parser_version)
            self._update_letter(letter_id, columns)
            self._after_reparse(row, values, new_blocks if blocks_changed else None)
        return changed or blocks_changed

    def _reparsed_columns(
        self,
        row: dict[str, Any],
        parsed: ParsedLetter,
        values: dict[str, object],
        sources: dict[str, Any],
        parser_version: int,
    ) -> dict[str, object]:
        """The ``letters`` columns a re-read writes (the new lines are stored on the way)."""
        columns: dict[str, object] = {
            k: json.dumps(v, ensure_ascii=False) if k in LIST_FIELDS else v
            for k, v in values.items()
        }
        columns["field_sources"] = dump_json(sources)
        columns["parser_version"] = parser_version
        if parsed.source_lines:
            self._store_lines(int(row["id"]), parsed.source_lines)
            columns["source_hash"] = lines_hash(parsed.source_lines)
        digest = self._reparsed_hash(row, parsed)
        if digest is not None:
            columns["content_hash"] = digest
        return columns

    def _reparsed_hash(self, row: dict[str, Any], parsed: ParsedLetter) -> str | None:
        """The new reading's content hash, when it differs and no other letter has it."""
        digest = parsed_hash(parsed)
        if digest == row["content_hash"]:
            return None
        clash = self._db.execute(
            "SELECT id FROM letters WHERE content_hash = ? AND id <> ?", [digest, row["id"]]
        ).fetchone()
        if clash:
            log.info(
                "re-parse of letter %s reads as letter %s does; its hash is kept",
                row["id"],
                clash[0],
            )
            return None
        return digest

    def _after_reparse(
        self, row: dict[str, Any], values: dict[str, object], new_blocks: list[Block] | None
    ) -> None:
        """The paragraphs, their newest years and the title index after a re-read."""
        letter_id = int(row["id"])
        if new_blocks is not None:
            self._rewrite_paragraphs(letter_id, new_blocks, cast("int | None", values["year"]))
        elif values["year"] != row["year"]:
            self._refresh_latest_year(self._paragraph_ids(letter_id))
        title = values.get("proposal_title", row["proposal_title"]) or values.get(
            "title", row["title"]
        )
        if title != (row["proposal_title"] or row["title"]):
            self._index_title(letter_id, cast("str | None", title))


def _reparsed_values(
    row: dict[str, Any], parsed: ParsedLetter, corrections: Mapping[str, Any]
) -> tuple[dict[str, object], dict[str, Any]]:
    """What a new reading gives the letter except what the clerk corrected: the field values
    (with the kind and the year) and the field sources (the clerk's stay)."""
    fixed = set(corrected_fields(corrections))
    if "addressee" in fixed:
        fixed.add("addressee_count")
    if corrections.get("kind") in ("reply", "reference"):
        fixed.add("kind")
    values: dict[str, object] = {
        name: _field_value(parsed, name) for name in EDITABLE_FIELDS if name not in fixed
    }
    if "kind" not in fixed:
        values["kind"] = parsed.kind
    date = values.get("reply_date", row["reply_date"])
    values["year"] = int(str(date)[:4]) if date else None
    sources = {k: v.to_json() for k, v in parsed.sources.items() if k not in fixed}
    old_sources = load_json_object(row["field_sources"])
    sources.update({k: v for k, v in old_sources.items() if k in fixed})
    return values, sources


def _field_value(parsed: ParsedLetter, name: str) -> object:
    value = getattr(parsed, name)
    return list(value) if name in LIST_FIELDS else value


def _stored_values(row: dict[str, Any], names: Iterable[str]) -> dict[str, object]:
    """The letter's stored values of ``names`` as :func:`_reparsed_values` gives them."""
    return {k: json.loads(row[k] or "[]") if k in LIST_FIELDS else row[k] for k in names}


def _reparsed_blocks(
    letter_id: int, parsed: ParsedLetter, corrections: Mapping[str, Any], old: list[Block]
) -> list[Block]:
    """The new reading's paragraphs, unless the clerk edited the structure or the new reading
    has no body text (then the stored ones stay)."""
    if corrections.get("sections"):
        return old
    if any(not b.is_heading for b in parsed.blocks):
        return list(parsed.blocks)
    log.warning("re-parse of letter %s found no body text; kept", letter_id)
    return old


def _block_key(block: Block) -> tuple[str, str, str, bool]:
    return (block.text, block.original, block.section, bool(block.is_heading))


def _checked_snapshot(snapshot: LetterSnapshot) -> tuple[dict[str, Any], list[Block]]:
    """A snapshot of :meth:`LetterRepository.snapshot` (programmer's input: a wrong
    one is a ``ValueError``)."""
    if not isinstance(snapshot, LetterSnapshot) or not isinstance(snapshot.letter, Mapping):
        raise ValueError("not a letter snapshot")
    for p in snapshot.paragraphs:
        if not (
            isinstance(p, Block)
            and isinstance(p.text, str)
            and isinstance(p.original, str)
            and isinstance(p.section, str)
        ):
            raise ValueError("a snapshot paragraph without text, original or section")
    return dict(snapshot.letter), list(snapshot.paragraphs)


def letter_columns(db: Any) -> list[str]:
    """The ``letters`` table's columns (on either engine)."""
    cursor = db.conn.execute("SELECT * FROM letters LIMIT 0")
    return [str(d[0]) for d in cursor.description]
