"""Web addresses inside Chinese text, the one pattern for them.

A URL starts at ``http://``, ``https://``, ``ftp://`` or ``www.`` and runs over the characters
RFC 3986 allows; punctuation that ends the sentence around it (``.,;:!?'"``) is not part of
it, nor is a closing parenthesis that closes a bracket opened before the URL
(``(见www.gov.cn/a)``), while one that closes a bracket inside it stays
(``www.x.cn/a_(b)``). Full-width punctuation never is part of it: ``见www.gov.cn。`` ends
before the full stop.

Both the normaliser (which never converts marks inside a URL) and the proofreader (which does
not count brackets or years inside one) use :func:`url_spans`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

_URL_CHARS: Final = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
URL_RE: Final = re.compile(rf"(?:https?|ftp)://{_URL_CHARS}|www\.{_URL_CHARS}")
URL_TRAILING: Final = ".,;:!?'\")"


def may_hold_url(text: str) -> bool:
    """A cheap test before the regular expression: most paragraphs hold no URL."""
    return "://" in text or "www." in text


def url_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every URL in ``text``, trailing sentence punctuation left out."""
    if not may_hold_url(text):
        return
    for m in URL_RE.finditer(text):
        yield m.start(), _trimmed_end(text, m.start(), m.end())


def _trimmed_end(text: str, start: int, end: int) -> int:
    opened = text.count("(", start, end) - text.count(")", start, end)
    while end > start and text[end - 1] in URL_TRAILING:
        if text[end - 1] == ")":
            if opened >= 0:  # this ")" closes a "(" inside the URL
                break
            opened += 1
        end -= 1
    return end
