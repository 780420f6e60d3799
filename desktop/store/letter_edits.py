"""The clerk corrects the library: a letter's fields, its kind, the section of a paragraph,
splitting and merging paragraphs, deleting a letter (and putting it back), and re-reading a
letter with a newer parser without undoing any of it. Part of
:class:`~desktop.store.library.LibraryStore`.

Every change is checked completely before the write transaction starts (or, for what needs
the database — the letter and its paragraphs — inside it before the first write): a change
that cannot be made raises :class:`~desktop.store.errors.LetterEditError` with one line of
plain Chinese and the library is exactly as it was. What the clerk set is recorded in
``letters.corrections`` (see :mod:`desktop.store.letter_values`); a re-parse and a repeated
import of the same file leave it alone, and packs carry it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from desktop.letter_identity import content_hash as parsed_hash
from desktop.letter_identity import source_hash as lines_hash
from desktop.model import Block, ParsedLetter
from desktop.store.errors import LetterEditError, LetterNotFound
from desktop.store.letter_values import (
    EDITABLE_FIELDS,
    LIST_FIELDS,
    checked_fields,
    checked_kind,
    checked_sections,
    clerk_source,
    corrected_fields,
    corrected_names,
    joined,
    load_json_object,
    original_offset,
)
from desktop.store.letters import LettersMixin, _letter_row, dump_json

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase

log = logging.getLogger(__name__)

SNAPSHOT_FORMAT = 1


class LetterEditsMixin(LettersMixin):
    # ----------------------------------------------------------------- reading
    def letter_detail(self, letter_id: int) -> dict[str, Any] | None:
        """Everything the inspector shows, or None when there is no such letter.

        The letter's columns as :meth:`get_letter` gives them (``addressee`` and
        ``co_organizers`` as lists, ``kind``, ``year`` …, without the raw JSON columns), plus
        ``sources`` ({field: {"line", "rule", "certain"}}; a field the clerk set has rule
        ``"clerk"``), ``corrected`` (sorted names of what the clerk set: fields, ``"kind"``,
        ``"sections"`` when paragraphs were moved, split or merged), ``corrections`` (as
        stored), ``parser_version`` (None: imported before versions were recorded),
        ``source_lines`` (the reader's lines; [] when not kept) and ``paragraphs``:
        [{position, paragraph_id, section, is_heading, text, original}] in order."""
        with cast("LibraryDatabase", self.db).snapshot():
            rows = list(self.db.query("SELECT * FROM letters WHERE id = ?", [letter_id]))
            if not rows:
                return None
            row = rows[0]
            paragraphs = [
                {
                    "position": r["position"],
                    "paragraph_id": r["paragraph_id"],
                    "section": r["section"],
                    "is_heading": bool(r["is_heading"]),
                    "text": r["text"],
                    "original": r["original"],
                }
                for r in self.db.query(
                    """SELECT lp.position, lp.paragraph_id, lp.section, lp.is_heading,
                              lp.original, p.text
                       FROM letter_paragraphs lp JOIN paragraphs p ON p.id = lp.paragraph_id
                       WHERE lp.letter_id = ? ORDER BY lp.position""",
                    [letter_id],
                )
            ]
            source = self.db.execute(
                "SELECT source_text FROM letter_sources WHERE letter_id = ?", [letter_id]
            ).fetchone()
        out = _letter_row(row)
        corrections = out.pop("corrections")
        out["sources"] = out.pop("field_sources")
        out["corrections"] = corrections
        out["corrected"] = corrected_names(corrections)
        out["parser_version"] = row["parser_version"]
        lines = _json_list(source[0] if source else None)
        out["source_lines"] = lines
        out["paragraphs"] = paragraphs
        return out

    def letters_for_reparse(self, all: bool = False, *, current: int | None = None) -> list[int]:
        """Ids of the letters a parser of version ``current`` (by default
        :data:`desktop.understand.PARSER_VERSION`) would read again: those read by an older
        parser or before versions were recorded; every one with ``all``. Only letters whose
        lines were kept can be read again (those imported before this version were not)."""
        if current is None:
            from desktop.understand import PARSER_VERSION

            current = PARSER_VERSION
        return [
            int(r[0])
            for r in self.db.execute(
                """SELECT l.id FROM letters l JOIN letter_sources s ON s.letter_id = l.id
                   WHERE ? OR l.parser_version IS NULL OR l.parser_version < ? ORDER BY l.id""",
                [int(bool(all)), current],
            )
        ]

    # ----------------------------------------------------------------- editing
    def edit_letter(
        self,
        letter_id: int,
        *,
        fields: Mapping[str, object] | None = None,
        kind: str | None = None,
        sections: Mapping[int, str] | None = None,
    ) -> dict[str, Any]:
        """Set fields, the kind and paragraphs' sections, in one transaction; returns the new
        :meth:`letter_detail`.

        ``fields``: {field: value} (English names of :data:`EDITABLE_FIELDS`, or their Chinese
        labels); None or "" clears a field; ``addressee`` and ``co_organizers`` take a list or
        a text split on 、，,;；; ``reply_date`` is an ISO date and sets ``year``.
        ``sections``: {paragraph id: greeting/status/plan/closing/body}, every place of that
        paragraph in this letter. Anything wrong raises :class:`LetterEditError` and nothing
        changes."""
        changes, kind_in_fields = checked_fields(fields)
        new_kind = checked_kind(kind) if kind is not None else kind_in_fields
        section_map = checked_sections(sections)
        conn = self.db.conn
        with self.db.atomic():
            row = self._letter_for_edit(letter_id)
            if section_map:
                present = {
                    int(r[0])
                    for r in conn.execute(
                        "SELECT paragraph_id FROM letter_paragraphs WHERE letter_id = ?",
                        [letter_id],
                    )
                }
                missing = sorted(set(section_map) - present)
                if missing:
                    raise LetterEditError(
                        f"第 {letter_id} 号文件中没有编号为 {missing[0]} 的段落，没有做任何修改。"
                    )
            if changes or new_kind or section_map:
                self._apply_edit(row, changes, new_kind, section_map)
        detail = self.letter_detail(letter_id)
        assert detail is not None
        return detail

    def _letter_for_edit(self, letter_id: object) -> dict[str, Any]:
        if isinstance(letter_id, bool) or not isinstance(letter_id, int):
            raise LetterNotFound(letter_id)
        rows = list(self.db.query("SELECT * FROM letters WHERE id = ?", [letter_id]))
        if not rows:
            raise LetterNotFound(letter_id)
        return rows[0]

    def _apply_edit(
        self,
        row: dict[str, Any],
        changes: dict[str, object],
        kind: str | None,
        section_map: dict[int, str],
    ) -> None:
        conn = self.db.conn
        letter_id = int(row["id"])
        corrections = load_json_object(row["corrections"])
        sources = load_json_object(row["field_sources"])
        fixed = corrected_fields(corrections)
        values: dict[str, object] = dict(changes)
        if "addressee" in changes and "addressee_count" not in changes:
            old = json.loads(row["addressee"] or "[]")
            count = row["addressee_count"]
            # "张三等10位代表" keeps its 10; a count that was the list's length follows it
            if count is None or count <= len(old):
                new_list = cast("list[str]", changes["addressee"])
                values["addressee_count"] = len(new_list) or None
        for name, value in changes.items():
            fixed[name] = value
            sources[name] = clerk_source()
        if kind is not None:
            values["kind"] = kind
            corrections["kind"] = kind
            sources["kind"] = clerk_source()
        if section_map:
            corrections["sections"] = True
        corrections["fields"] = fixed
        if "reply_date" in values:
            date = values["reply_date"]
            values["year"] = int(str(date)[:4]) if date else None
        stored = {
            k: json.dumps(v, ensure_ascii=False) if k in LIST_FIELDS else v
            for k, v in values.items()
        }
        stored["corrections"] = dump_json(corrections)
        stored["field_sources"] = dump_json(sources)
        assignments = ", ".join(f"{k} = ?" for k in stored)
        conn.execute(
            f"UPDATE letters SET {assignments} WHERE id = ?", [*stored.values(), letter_id]
        )
        for pid, section in section_map.items():
            conn.execute(
                "UPDATE letter_paragraphs SET section = ? WHERE letter_id = ? AND paragraph_id = ?",
                [section, letter_id, pid],
            )
        if "title" in values or "proposal_title" in values:
            title = values.get("proposal_title", row["proposal_title"]) or values.get(
                "title", row["title"]
            )
            self._index_title(letter_id, cast("str | None", title))
        if "year" in values and values["year"] != row["year"]:
            self._refresh_latest_year(self._paragraph_ids(letter_id))

    # ----------------------------------------------------------------- paragraphs
    def split_paragraph(self, letter_id: int, position: int, offset: int) -> dict[str, Any]:
        """Split the paragraph at ``position`` before ``text[offset]`` (``text`` as
        :meth:`letter_detail` shows it): two paragraphs in the same section, the second never
        a heading; the letter's structure counts as corrected. Returns the new detail."""
        with self.db.atomic():
            row = self._letter_for_edit(letter_id)
            blocks = self._blocks(letter_id)
            at = self._position(letter_id, blocks, position)
            block = blocks[at]
            if isinstance(offset, bool) or not isinstance(offset, int):
                raise LetterEditError("拆分位置应为整数，没有做任何修改。")
            first, second = block.text[:offset].strip(), block.text[offset:].strip()
            if not 0 < offset < len(block.text) or not first or not second:
                raise LetterEditError(
                    f"拆分位置 {offset} 不在第 {position} 段的文字中间"
                    f"（该段共 {len(block.text)} 个字），没有做任何修改。"
                )
            cut = original_offset(block.original, block.text, offset)
            head_original = block.original[:cut].strip() or first
            tail_original = block.original[cut:].strip() or second
            head = Block(first, head_original, block.section, block.is_heading)
            tail = Block(second, tail_original, block.section, False)
            blocks[at : at + 1] = [head, tail]
            self._rewrite_paragraphs(letter_id, blocks, row["year"])
            self._mark_structure(row)
        detail = self.letter_detail(letter_id)
        assert detail is not None
        return detail

    def merge_paragraphs(self, letter_id: int, position: int) -> dict[str, Any]:
        """Merge the paragraph at ``position`` with the next one (the section of the first;
        a heading only when both were); the structure counts as corrected."""
        with self.db.atomic():
            row = self._letter_for_edit(letter_id)
            blocks = self._blocks(letter_id)
            at = self._position(letter_id, blocks, position)
            if at + 1 >= len(blocks):
                raise LetterEditError(
                    f"第 {position} 段是第 {letter_id} 号文件的最后一段，后面没有可合并的段落，"
                    "没有做任何修改。"
                )
            a, b = blocks[at], blocks[at + 1]
            merged = Block(
                joined(a.text, b.text),
                joined(a.original, b.original),
                a.section,
                a.is_heading and b.is_heading,
            )
            blocks[at : at + 2] = [merged]
            self._rewrite_paragraphs(letter_id, blocks, row["year"])
            self._mark_structure(row)
        detail = self.letter_detail(letter_id)
        assert detail is not None
        return detail

    def _blocks(self, letter_id: int) -> list[Block]:
        return [
            Block(r[0], r[1], r[2], bool(r[3]))
            for r in self.db.execute(
                """SELECT p.text, lp.original, lp.section, lp.is_heading
                   FROM letter_paragraphs lp JOIN paragraphs p ON p.id = lp.paragraph_id
                   WHERE lp.letter_id = ? ORDER BY lp.position""",
                [letter_id],
            )
        ]

    def _position(self, letter_id: int, blocks: list[Block], position: object) -> int:
        """The index in ``blocks`` of ``position`` (positions are 0, 1, 2 … in order)."""
        if (
            isinstance(position, bool)
            or not isinstance(position, int)
            or not 0 <= position < len(blocks)
        ):
            raise LetterEditError(
                f"第 {letter_id} 号文件中没有位置为 {position} 的段落"
                f"（共 {len(blocks)} 段，位置从 0 起），没有做任何修改。"
            )
        return position

    def _mark_structure(self, row: dict[str, Any]) -> None:
        corrections = load_json_object(row["corrections"])
        corrections["sections"] = True
        self.db.conn.execute(
            "UPDATE letters SET corrections = ? WHERE id = ?",
            [dump_json(corrections), row["id"]],
        )

    def _paragraph_ids(self, letter_id: int) -> set[int]:
        return {
            int(r[0])
            for r in self.db.execute(
                "SELECT paragraph_id FROM letter_paragraphs WHERE letter_id = ?", [letter_id]
            )
        }

    def _rewrite_paragraphs(self, letter_id: int, blocks: list[Block], year: int | None) -> None:
        """The letter's paragraphs replaced by ``blocks``: rows shared by hash, the rows no
        letter uses any more removed (with their index entries, by the triggers), and the
        newest year of every paragraph touched recomputed."""
        before = self._paragraph_ids(letter_id)
        self.db.conn.execute("DELETE FROM letter_paragraphs WHERE letter_id = ?", [letter_id])
        self._insert_blocks(letter_id, blocks, year)
        self._refresh_latest_year(before | self._paragraph_ids(letter_id))

    def _refresh_latest_year(self, paragraph_ids: Iterable[int]) -> None:
        """Each paragraph's newest year over the letters that still use it; a paragraph no
        letter uses is removed."""
        conn = self.db.conn
        for pid in paragraph_ids:
            newest, uses = conn.execute(
                """SELECT max(l.year), count(*) FROM letter_paragraphs lp
                   JOIN letters l ON l.id = lp.letter_id WHERE lp.paragraph_id = ?""",
                [pid],
            ).fetchone()
            if not uses:
                conn.execute("DELETE FROM paragraphs WHERE id = ?", [pid])
            else:
                conn.execute(
                    "UPDATE paragraphs SET latest_year = ? WHERE id = ? AND latest_year IS NOT ?",
                    [newest, pid, newest],
                )

    # ----------------------------------------------------------------- delete and restore
    def letter_snapshot(self, letter_id: int) -> dict[str, Any]:
        """Everything :meth:`restore_letter` needs to put the letter back as it is now (every
        column as stored, the paragraphs in order); plain JSON values."""
        with cast("LibraryDatabase", self.db).snapshot():
            rows = list(self.db.query("SELECT * FROM letters WHERE id = ?", [letter_id]))
            if not rows:
                raise LetterNotFound(letter_id)
            blocks = self._blocks(letter_id)
            source = self.db.execute(
                "SELECT source_text FROM letter_sources WHERE letter_id = ?", [letter_id]
            ).fetchone()
        return {
            "format": SNAPSHOT_FORMAT,
            "letter": rows[0],
            "source_lines": _json_list(source[0] if source else None),
            "paragraphs": [
                {
                    "text": b.text,
                    "original": b.original,
                    "section": b.section,
                    "is_heading": b.is_heading,
                }
                for b in blocks
            ],
        }

    def delete_letter(self, letter_id: int) -> dict[str, Any]:
        """Delete a letter with its paragraph places and title index row; paragraphs that
        other letters use stay. Returns the snapshot taken just before (for undo)."""
        from desktop.store.samples import delete_letters

        with self.db.atomic():
            self._letter_for_edit(letter_id)
            snapshot = self.letter_snapshot(letter_id)
            delete_letters(cast("Any", self), [letter_id])
        return snapshot

    def restore_letter(self, snapshot: Mapping[str, Any]) -> int:
        """Put a letter back as :meth:`letter_snapshot` saw it; returns its id.

        The same letter still there (same id, import time and content hash: the undo of an
        edit) is
        replaced in place; a deleted one comes back under its id when that is free, else
        under a new one. :class:`LetterEditError` when the library meanwhile got the same
        letter again (imported once more): nothing changes then."""
        letter, paragraphs = _checked_snapshot(snapshot)
        conn = self.db.conn
        columns = [r[1] for r in conn.execute("PRAGMA table_info(letters)")]
        values = {k: v for k, v in letter.items() if k in columns}
        missing = [c for c in ("kind", "content_hash", "imported_at") if c not in values]
        if missing:
            raise ValueError(f"snapshot without {missing}")
        blocks = [
            Block(p["text"], p["original"], p["section"], bool(p["is_heading"])) for p in paragraphs
        ]
        with self.db.atomic():
            wanted = values.get("id")
            here = (
                conn.execute(
                    "SELECT imported_at, content_hash FROM letters WHERE id = ?", [wanted]
                ).fetchone()
                if isinstance(wanted, int)
                else None
            )
            # The same letter (an edit to undo), not another one that took the freed id
            # (SQLite gives the highest id again): edits never change these two.
            in_place = here is not None and tuple(here) == (
                values["imported_at"],
                values["content_hash"],
            )
            clash = conn.execute(
                "SELECT id FROM letters WHERE content_hash = ? AND id IS NOT ?",
                [values["content_hash"], wanted if in_place else None],
            ).fetchone()
            if clash:
                raise LetterEditError(
                    f"资料库中已经有同一份文件（编号 {clash[0]}，可能是又导入了一次），"
                    "无法恢复，没有做任何修改。"
                )
            if in_place:
                letter_id = int(cast("int", wanted))
                rest = {k: v for k, v in values.items() if k != "id"}
                assignments = ", ".join(f'"{k}" = ?' for k in rest)
                conn.execute(
                    f"UPDATE letters SET {assignments} WHERE id = ?", [*rest.values(), letter_id]
                )
            else:
                if here is not None:
                    values.pop("id", None)
                names = ", ".join(f'"{k}"' for k in values)
                marks = ", ".join("?" * len(values))
                cur = conn.execute(
                    f"INSERT INTO letters ({names}) VALUES ({marks})", list(values.values())
                )
                letter_id = int(cur.lastrowid or 0)
            self._rewrite_paragraphs(letter_id, blocks, values.get("year"))
            self._store_lines(letter_id, _json_list(json.dumps(snapshot.get("source_lines"))))
            self._index_title(letter_id, values.get("proposal_title") or values.get("title"))
        return letter_id

    # ----------------------------------------------------------------- re-parse
    def apply_reparse(self, letter_id: int, parsed: ParsedLetter, parser_version: int) -> bool:
        """The letter as ``parsed`` (by a newer parser, from its stored lines) reads it, except
        what the clerk corrected: every field not corrected, the field sources, the kind unless
        the clerk set it, the paragraphs unless the clerk edited the structure (or the new
        reading has no body text). Records ``parser_version``; the content hash follows the
        new reading unless another letter already has that hash. One transaction. Returns
        whether anything the clerk sees changed."""
        conn = self.db.conn
        with self.db.atomic():
            row = self._letter_for_edit(letter_id)
            corrections = load_json_object(row["corrections"])
            fixed = set(corrected_fields(corrections))
            if "addressee" in fixed:
                fixed.add("addressee_count")
            kind_fixed = corrections.get("kind") in ("reply", "reference")
            old_sources = load_json_object(row["field_sources"])
            values: dict[str, object] = {}
            for name in EDITABLE_FIELDS:
                if name in fixed:
                    continue
                value = getattr(parsed, name)
                values[name] = list(value) if name in LIST_FIELDS else value
            if not kind_fixed:
                values["kind"] = parsed.kind
            date = values.get("reply_date", row["reply_date"])
            values["year"] = int(str(date)[:4]) if date else None
            sources = {
                k: v.to_json()
                for k, v in parsed.sources.items()
                if k not in fixed and not (k == "kind" and kind_fixed)
            }
            for k, v in old_sources.items():
                if k in fixed or (k == "kind" and kind_fixed):
                    sources[k] = v
            old_values = {
                k: json.loads(row[k] or "[]") if k in LIST_FIELDS else row[k] for k in values
            }
            changed = old_values != values or old_sources != sources
            old_blocks = self._blocks(letter_id)
            new_blocks = old_blocks
            if not corrections.get("sections"):
                if any(not b.is_heading for b in parsed.blocks):
                    new_blocks = list(parsed.blocks)
                else:
                    log.warning("re-parse of letter %s found no body text; kept", letter_id)
            blocks_changed = [_block_key(b) for b in new_blocks] != [
                _block_key(b) for b in old_blocks
            ]
            stored: dict[str, object] = {
                k: json.dumps(v, ensure_ascii=False) if k in LIST_FIELDS else v
                for k, v in values.items()
            }
            stored["field_sources"] = dump_json(sources)
            stored["parser_version"] = parser_version
            if parsed.source_lines:
                self._store_lines(letter_id, parsed.source_lines)
                stored["source_hash"] = lines_hash(parsed.source_lines)
            digest = parsed_hash(parsed)
            if digest != row["content_hash"]:
                clash = conn.execute(
                    "SELECT id FROM letters WHERE content_hash = ? AND id <> ?",
                    [digest, letter_id],
                ).fetchone()
                if clash:
                    log.info(
                        "re-parse of letter %s reads as letter %s does; its hash is kept",
                        letter_id, clash[0],
                    )  # fmt: skip
                else:
                    stored["content_hash"] = digest
            assignments = ", ".join(f'"{k}" = ?' for k in stored)
            conn.execute(
                f"UPDATE letters SET {assignments} WHERE id = ?", [*stored.values(), letter_id]
            )
            if blocks_changed:
                self._rewrite_paragraphs(letter_id, new_blocks, cast("int | None", values["year"]))
            elif values["year"] != row["year"]:
                self._refresh_latest_year(self._paragraph_ids(letter_id))
            title = values.get("proposal_title", row["proposal_title"]) or values.get(
                "title", row["title"]
            )
            if title != (row["proposal_title"] or row["title"]):
                self._index_title(letter_id, cast("str | None", title))
        return changed or blocks_changed


def _block_key(block: Block) -> tuple[str, str, str, bool]:
    return (block.text, block.original, block.section, bool(block.is_heading))


def _json_list(raw: object) -> list[str]:
    if not isinstance(raw, str) or not raw:
        return []
    try:
        value = json.loads(raw)
    except ValueError:
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _checked_snapshot(snapshot: Mapping[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A snapshot of :meth:`LetterEditsMixin.letter_snapshot` (programmer's input: a wrong
    one is a ``ValueError``)."""
    if not isinstance(snapshot, Mapping) or snapshot.get("format") != SNAPSHOT_FORMAT:
        raise ValueError("not a letter snapshot")
    letter, paragraphs = snapshot.get("letter"), snapshot.get("paragraphs")
    if not isinstance(letter, Mapping) or not isinstance(paragraphs, list):
        raise ValueError("not a letter snapshot")
    for p in paragraphs:
        if not (
            isinstance(p, Mapping)
            and isinstance(p.get("text"), str)
            and isinstance(p.get("original"), str)
            and isinstance(p.get("section"), str)
        ):
            raise ValueError("a snapshot paragraph without text, original or section")
    return dict(letter), [dict(p) for p in paragraphs]
