"""The repositories' SQL as PostgreSQL reads it: ``?`` placeholders become ``%s``.

The repositories write SQLite's ``?`` placeholders. psycopg takes ``%s`` and reads every
``%`` of a statement that has parameters as the start of one, also inside a string literal
(``LIKE '%x'``), so ``%`` is doubled everywhere. A ``?`` inside a string literal, a quoted
name or a comment is text and stays as it is.
"""

from __future__ import annotations

import functools
import re

# A string literal, a quoted name, a line or block comment, or a single character.
_TOKENS = re.compile(
    r"'(?:[^']|'')*'?|\"(?:[^\"]|\"\")*\"?|--[^\n]*|/\*.*?(?:\*/|$)|[^'\"?%/-]+|.", re.S
)


@functools.lru_cache(maxsize=1024)
def placeholders(sql: str) -> str:
    """``sql`` with its ``?`` placeholders as ``%s`` and every ``%`` doubled (for a statement
    executed with parameters)."""
    out = []
    for match in _TOKENS.finditer(sql):
        token = match.group()
        if token == "?":
            out.append("%s")
        else:
            out.append(token.replace("%", "%%"))
    return "".join(out)
