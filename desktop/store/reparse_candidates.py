"""Letters a newer parser can only read from their file or the library's own text: those
imported before schema m007 kept no lines (no row in ``letter_sources``), so
``store.letters.for_reparse`` leaves them out (``store.letters.without_lines`` lists them).
``desktop/reparse.py`` reads them again from their file when it is still there, else from
lines rebuilt out of the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store.connection import LibraryDatabase


def letters_without_lines(db: LibraryDatabase, *, all: bool, current: int) -> list[int]:
    """Ids of the letters without stored lines that a parser of version ``current`` would
    read again (an older or unknown version; every one with ``all``). A case's reply
    (``case_id``) is not among them: its fields and sections are the clerk's, not a reading."""
    return [
        int(r[0])
        for r in db.execute(
            """SELECT l.id FROM letters l
               WHERE NOT EXISTS (SELECT 1 FROM letter_sources s WHERE s.letter_id = l.id)
               AND l.case_id IS NULL
               AND (? = 1 OR l.parser_version IS NULL OR l.parser_version < ?) ORDER BY l.id""",
            [int(bool(all)), current],
        )
    ]
