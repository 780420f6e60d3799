"""The clerk corrects the library: a letter's fields, its kind, the section of a paragraph,
splitting and merging paragraphs. Part of
:class:`~desktop.store.letter_lifecycle.LetterRepository` (``store.letters``)
(deleting, restoring and re-reading a letter: :mod:`desktop.store.letter_lifecycle`).

Every change is checked completely before the write transaction starts (or, for what needs
the database — the letter and its paragraphs — inside it before the first write): a change
that cannot be made raises :class:`~desktop.store.errors.LetterEditError` with one line of
plain Chinese and the library is exactly as it was. What the clerk set is recorded in
``letters.corrections`` (see :mod:`desktop.store.letter_values`); a re-parse and a repeated
import of the same file leave it alone, and packs carry it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, cast

from desktop.library_rows import LetterDetail, ParagraphRow
from desktop.model import Block
from desktop.store.errors import LetterEditError, LetterNotFound
from desktop.store.indexes import indexes_of
from desktop.store.letter_values import (
    FIELD_NAMES_ZH,
    LIST_FIELDS,
    checked_fields,
    checked_kind,
    checked_sections,
    clerk_source,
    corrected_fields,
    corrected_names,
    joined,
    load_json_list,
    load_json_object,
    original_offset,
)
from desktop.store.letters import LetterStorage, dump_json, letter_values


class LetterEditing(LetterStorage):
    # ----------------------------------------------------------------- reading
    def detail(self, letter_id: int) -> LetterDetail | None:
        """Everything the inspector shows (:class:`~desktop.library_rows.LetterDetail`), or None
        when there is no such letter. One read transaction: a consistent snapshot."""
        if not _is_letter_id(letter_id):
            return None
        with self._db.snapshot():
            rows = list(self._db.query("SELECT * FROM letters WHERE id = ?", [letter_id]))
            if not rows:
                return None
            paragraphs = self.paragraphs(letter_id)
            source = self._db.execute(
                "SELECT source_text FROM letter_sources WHERE letter_id = ?", [letter_id]
            ).fetchone()
        values = letter_values(rows[0])
        return LetterDetail(
            **values,
            corrected=corrected_names(values["corrections"]),
            source_lines=load_json_list(source[0] if source else None),
            paragraphs=paragraphs,
        )

    def paragraphs(self, letter_id: int) -> list[ParagraphRow]:
        """The letter's paragraphs in order ([] for no such letter)."""
        return [
            ParagraphRow(r[0], r[1], r[2], bool(r[3]), r[4], r[5])
            for r in self._db.execute(
                """SELECT lp.position, lp.paragraph_id, lp.section, lp.is_heading, p.text,
                          lp.original
                   FROM letter_paragraphs lp JOIN paragraphs p ON p.id = lp.paragraph_id
                   WHERE lp.letter_id = ? ORDER BY lp.position""",
                [letter_id],
            )
        ]

    # ----------------------------------------------------------------- editing
    def edit(
        self,
        letter_id: int,
        *,
        fields: Mapping[str, object] | None = None,
        kind: str | None = None,
        sections: Mapping[int, str] | Mapping[str, str] | None = None,
    ) -> LetterDetail:
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
        conn = self._db.conn
        with self._db.atomic():
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
                names = [FIELD_NAMES_ZH.get(n, n) for n in changes]
                names += [FIELD_NAMES_ZH["kind"]] if new_kind else []
                names += ["段落所属部分"] if section_map else []
                self._audit.record("letter.edited", "letter", letter_id, detail="、".join(names))
        return self._detail_after(letter_id)

    def _detail_after(self, letter_id: int) -> LetterDetail:
        """The detail after a change (another program may have deleted the letter since)."""
        detail = self.detail(letter_id)
        if detail is None:
            raise LetterNotFound(letter_id)
        return detail

    def _letter_for_edit(self, letter_id: object) -> dict[str, Any]:
        if not _is_letter_id(letter_id):
            raise LetterNotFound(letter_id)
        rows = list(self._db.query("SELECT * FROM letters WHERE id = ?", [letter_id]))
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
        conn = self._db.conn
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
        self._update_letter(letter_id, stored)
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
    def split_paragraph(self, letter_id: int, position: int, offset: int) -> LetterDetail:
        """Split the paragraph at ``position`` before ``text[offset]`` (``text`` as
        :meth:`letter_detail` shows it): two paragraphs in the same section, the second never
        a heading; the letter's structure counts as corrected. Returns the new detail."""
        with self._db.atomic():
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
            self._audit.record("letter.edited", "letter", letter_id, detail=f"拆分第 {position} 段")
        return self._detail_after(letter_id)

    def merge_paragraphs(self, letter_id: int, position: int) -> LetterDetail:
        """Merge the paragraph at ``position`` with the next one (the section of the first;
        a heading only when both were); the structure counts as corrected."""
        with self._db.atomic():
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
            self._audit.record("letter.edited", "letter", letter_id, detail=f"合并第 {position} 段")
        return self._detail_after(letter_id)

    def _blocks(self, letter_id: int) -> list[Block]:
        return [
            Block(r[0], r[1], r[2], bool(r[3]))
            for r in self._db.execute(
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
        self._db.conn.execute(
            "UPDATE letters SET corrections = ? WHERE id = ?",
            [dump_json(corrections), row["id"]],
        )

    def _paragraph_ids(self, letter_id: int) -> set[int]:
        return {
            int(r[0])
            for r in self._db.execute(
                "SELECT paragraph_id FROM letter_paragraphs WHERE letter_id = ?", [letter_id]
            )
        }

    def _rewrite_paragraphs(self, letter_id: int, blocks: list[Block], year: int | None) -> None:
        """The letter's paragraphs replaced by ``blocks``: rows shared by hash, the rows no
        letter uses any more removed (with their index entries, by the triggers), and the
        newest year of every paragraph touched recomputed."""
        before = self._paragraph_ids(letter_id)
        self._db.conn.execute("DELETE FROM letter_paragraphs WHERE letter_id = ?", [letter_id])
        self._insert_blocks(letter_id, blocks, year)
        indexes_of(self._db.conn).headings_changed(letter_id)  # no trigger does it (m013)
        self._refresh_latest_year(before | self._paragraph_ids(letter_id))

    def _refresh_latest_year(self, paragraph_ids: Iterable[int]) -> None:
        """Each paragraph's newest year over the letters that still use it; a paragraph no
        letter uses is removed."""
        conn = self._db.conn
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
                    "UPDATE paragraphs SET latest_year = ? WHERE id = ?"
                    " AND latest_year IS DISTINCT FROM ?",
                    [newest, pid, newest],
                )


def _is_letter_id(value: object) -> bool:
    """An integer SQLite can hold (a bigger one would be an OverflowError, not "no such")."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**63
