"""The PostgreSQL the tests run against is real, and can hold a Chinese library."""

from __future__ import annotations

import psycopg


def test_each_test_gets_its_own_empty_utf8_database(pg_database_url: str) -> None:
    with psycopg.connect(pg_database_url) as conn:
        encoding = conn.execute("SHOW server_encoding").fetchone()
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    assert encoding == ("UTF8",)
    assert tables == (0,)


def test_the_server_makes_trigrams_of_chinese(pg_database_url: str) -> None:
    # The shared library's search needs pg_trgm and a locale that counts CJK as letters.
    with psycopg.connect(pg_database_url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        row = conn.execute("SELECT show_trgm('公交线路') <> '{}', similarity('公交线路', '公交线')")
        made, similarity = row.fetchone()
    assert made is True
    assert similarity > 0.3
