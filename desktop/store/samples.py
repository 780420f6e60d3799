"""Removing letters from the library (the sample letters a new library starts with; a deleted
letter): ``store.letters.delete_many``; finding the sample letters (``present``,
``from_folder``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop.store.indexes import indexes_of

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase


def delete_letters(db: LibraryDatabase, letter_ids: Iterable[int]) -> int:
    """Delete letters with their paragraph links, title index rows and the paragraphs no other
    letter uses, in one transaction. Returns how many letters were deleted."""
    ids = sorted({int(i) for i in letter_ids})
    if not ids:
        return 0
    marks = ",".join("?" * len(ids))
    conn = db.conn
    with db.atomic():
        pids = [
            r[0]
            for r in conn.execute(
                f"SELECT DISTINCT paragraph_id FROM letter_paragraphs WHERE letter_id IN ({marks})",
                ids,
            )
        ]
        deleted = conn.execute(f"DELETE FROM letters WHERE id IN ({marks})", ids).rowcount
        conn.execute(f"DELETE FROM letter_paragraphs WHERE letter_id IN ({marks})", ids)
        indexes_of(conn).letters_deleted(ids)
        for pid in pids:
            left = conn.execute(
                """SELECT max(l.year), count(*) FROM letter_paragraphs lp
                   JOIN letters l ON l.id = lp.letter_id WHERE lp.paragraph_id = ?""",
                [pid],
            ).fetchone()
            if not left[1]:
                conn.execute("DELETE FROM paragraphs WHERE id = ?", [pid])
            else:
                conn.execute("UPDATE paragraphs SET latest_year = ? WHERE id = ?", [left[0], pid])
    return int(deleted or 0)


def present_letters(db: LibraryDatabase, letter_ids: Iterable[int]) -> list[int]:
    ids = sorted({int(i) for i in letter_ids})
    found: list[int] = []
    for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found += [r[0] for r in db.conn.execute(
            f"SELECT id FROM letters WHERE id IN ({marks}) ORDER BY id", chunk)]  # fmt: skip
    return found


def letters_from_folder(db: LibraryDatabase, folder: str) -> list[int]:
    """``folder`` is a resolved path; a letter's ``source_path`` starts with it."""
    rows = db.conn.execute(
        "SELECT id FROM letters WHERE substr(source_path, 1, length(?)) = ? ORDER BY id",
        [folder, folder],
    )
    return [int(r[0]) for r in rows]
