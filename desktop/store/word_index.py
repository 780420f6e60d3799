"""The word indexes of "similar letters" (schema m010): each paragraph and each letter's
title cut into words (desktop/words.py), held as space-joined words in FTS5 tables with the
unicode61 tokenizer, so a word is one token and BM25 weighs words by how rare they are.

- ``paragraph_words_fts``: one row per paragraph (rowid = ``paragraphs.id``), the words of
  its folded text (``coalesce(search_text, text)``);
- ``title_words_fts``: one row per letter (rowid = ``letters.id``), the words of its proposal
  title, else its document title (as the trigram title index).

Triggers keep both in step with ``paragraphs`` and ``letters``, whoever writes them: they call
the SQL function ``segmented(text)`` (:func:`register_functions`), which every connection
that writes paragraphs or letters registers, like ``spaced()``. Both tables keep their words
(not contentless): a row is deleted by rowid, so a newer dictionary can never desynchronise
an index from what it was filled with; a dictionary change rebuilds both in a migration.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from desktop.words import index_text

if TYPE_CHECKING:
    from sqlite_utils import Database

# Words are single tokens: only rowids and counts are needed, never positions (no phrase
# queries), hence detail=column (bm25 still sees how often a word stands in a row).
WORD_INDEXES_V10 = """
    CREATE VIRTUAL TABLE paragraph_words_fts USING fts5(
        words, tokenize="unicode61 remove_diacritics 0", detail=column
    );
    CREATE VIRTUAL TABLE paragraph_words_vocab USING fts5vocab(paragraph_words_fts, 'row');
    CREATE VIRTUAL TABLE title_words_fts USING fts5(
        words, tokenize="unicode61 remove_diacritics 0", detail=column
    );
    CREATE VIRTUAL TABLE title_words_vocab USING fts5vocab(title_words_fts, 'row');
    CREATE TRIGGER paragraphs_words_ai AFTER INSERT ON paragraphs BEGIN
        INSERT INTO paragraph_words_fts(rowid, words)
            VALUES (new.id, segmented(coalesce(new.search_text, new.text)));
    END;
    CREATE TRIGGER paragraphs_words_ad AFTER DELETE ON paragraphs BEGIN
        DELETE FROM paragraph_words_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER paragraphs_words_au AFTER UPDATE OF text, search_text ON paragraphs BEGIN
        DELETE FROM paragraph_words_fts WHERE rowid = old.id;
        INSERT INTO paragraph_words_fts(rowid, words)
            VALUES (new.id, segmented(coalesce(new.search_text, new.text)));
    END;
    CREATE TRIGGER letters_words_ai AFTER INSERT ON letters BEGIN
        INSERT INTO title_words_fts(rowid, words)
            VALUES (new.id, segmented(coalesce(nullif(new.proposal_title, ''), new.title)));
    END;
    CREATE TRIGGER letters_words_ad AFTER DELETE ON letters BEGIN
        DELETE FROM title_words_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER letters_words_au AFTER UPDATE OF title, proposal_title ON letters BEGIN
        DELETE FROM title_words_fts WHERE rowid = old.id;
        INSERT INTO title_words_fts(rowid, words)
            VALUES (new.id, segmented(coalesce(nullif(new.proposal_title, ''), new.title)));
    END;
"""

# Existing libraries: every paragraph and title cut once (~6 million characters a second).
BACKFILL_V10 = """
    INSERT INTO paragraph_words_fts(rowid, words)
        SELECT id, segmented(coalesce(search_text, text)) FROM paragraphs;
    INSERT INTO title_words_fts(rowid, words)
        SELECT id, segmented(coalesce(nullif(proposal_title, ''), title)) FROM letters;
"""


def segmented(text: str | None) -> str:
    """The SQL function ``segmented(text)``: the words the indexes hold, space-joined."""
    return index_text(text)


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the word indexes' triggers call; on every connection that writes."""
    conn.create_function("segmented", 1, segmented, deterministic=True)


def create_word_indexes(db: Database) -> None:
    """m010: the word indexes, their triggers, and the words of what the library holds."""
    db.executescript(WORD_INDEXES_V10 + BACKFILL_V10)
