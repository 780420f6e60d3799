"""A PostgreSQL library's search indexes, in place of SQLite's FTS5 tables (made with the
baseline: desktop/store/pg/schema.py).

- Terms of three characters or more: pg_trgm's GIN index on the folded text
  (``coalesce(search_text, text)``, as SQLite's trigram index holds it); ``LIKE`` for a term,
  ``ILIKE`` for one in ASCII letters (matched case-insensitively, as on SQLite).
- Terms of one or two characters, which make no trigram: ``paragraph_grams``, each
  paragraph's distinct characters and character pairs (of its folded text, ASCII letters in
  lower case, white space left out) as a ``text[]`` under a GIN index. ``grams @> ARRAY[t]``
  is exact for such a term: a two-character term stands in the text exactly when it is one
  of its pairs. The array is made by the writer in Python (desktop/store/pg/index_rows.py):
  an SQL function making it costs 0.5 ms a paragraph, Python 0.04 ms (the SQL one,
  ``replydesk_grams``, serves a text changed in place, which the program never does).
- "Similar letters": ``paragraph_words`` and ``title_words``, one row per distinct word of a
  paragraph (its folded text) or a letter's title, cut by the same segmenter as SQLite's
  word indexes (desktop/words.py). A word's document frequency is a count on the primary
  key (an index-only scan), always current; rows go with their paragraph or letter by a
  foreign key, so nothing but the store's writes keeps them (no triggers).
- ``letter_search`` (titles, headings and metadata): a trigram index on its fields and
  headings (a term holds no line break, so "in the fields or in the headings" is a match on
  both joined by one) and an index for "newest first".
"""

from __future__ import annotations

from typing import Final

# The tables only a PostgreSQL library has (the schema parity test leaves them out).
SEARCH_TABLES: Final[tuple[str, ...]] = ("paragraph_grams", "paragraph_words", "title_words")
# … and its search indexes on the tables both engines have.
SEARCH_INDEXES: Final[tuple[str, ...]] = (
    "paragraphs_trigrams",
    "letter_search_trigrams",
    "letter_search_newest",
)

SEARCH_SCHEMA: Final = """
CREATE TABLE paragraph_grams (
    paragraph_id BIGINT PRIMARY KEY REFERENCES paragraphs(id) ON DELETE CASCADE,
    grams TEXT[] NOT NULL
);
CREATE INDEX paragraph_grams_grams ON paragraph_grams USING gin (grams);
-- The store writes a new paragraph's grams (Python is ten times faster at it); a paragraph's
-- text is never changed in place by the program, but whoever does it keeps its grams right.
CREATE FUNCTION replydesk_grams(t TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
        SELECT substr(f, i, 1) AS g FROM (SELECT translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
            'abcdefghijklmnopqrstuvwxyz') AS f) s, generate_series(1, length(f)) i
        UNION ALL
        SELECT substr(f, i, 2) FROM (SELECT translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
            'abcdefghijklmnopqrstuvwxyz') AS f) s, generate_series(1, length(f) - 1) i
    ) grams WHERE g !~ '[[:space:]]'
$$;
CREATE FUNCTION replydesk_paragraph_grams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE paragraph_grams SET grams = replydesk_grams(coalesce(NEW.search_text, NEW.text))
    WHERE paragraph_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER paragraphs_grams_au AFTER UPDATE OF text, search_text ON paragraphs
    FOR EACH ROW EXECUTE FUNCTION replydesk_paragraph_grams();
CREATE INDEX paragraphs_trigrams ON paragraphs
    USING gin ((coalesce(search_text, text)) gin_trgm_ops);

CREATE TABLE paragraph_words (
    word TEXT NOT NULL,
    paragraph_id BIGINT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    PRIMARY KEY (word, paragraph_id)
);
CREATE INDEX paragraph_words_paragraph ON paragraph_words(paragraph_id);
CREATE TABLE title_words (
    word TEXT NOT NULL,
    letter_id BIGINT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
    PRIMARY KEY (word, letter_id)
);
CREATE INDEX title_words_letter ON title_words(letter_id);

CREATE INDEX letter_search_trigrams ON letter_search
    USING gin ((fields || chr(10) || headings) gin_trgm_ops);
CREATE INDEX letter_search_newest ON letter_search(year DESC NULLS LAST, letter_id DESC);
"""
