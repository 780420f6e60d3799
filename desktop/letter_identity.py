"""What makes two imports the same letter.

Two hashes, both kept in ``letters``:

- ``content_hash``: the letter as the parser read it (its kind and normalized paragraphs in
  order). It changes when a better parser reads the same file differently.
- ``source_hash``: the reader's lines, before any understanding. It does not depend on the
  parser, so a letter that the clerk corrected, or that a newer parser re-read, is still found
  when the same file is imported again. White space (and its absence) and the width of
  characters (full-width "，" or half-width ","; NFKC) do not count: the same text saved from
  Word or copied from a web page gives the same hash.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from desktop.model import ParsedLetter
from desktop.normalize import normalized_key

# White space, control characters and the invisible format characters copy-and-paste leaves
# (soft hyphen, zero-width spaces and joiners, direction marks, BOM).
_IGNORED_RE = re.compile(
    "[\\s\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]+"
)


def content_hash(letter: ParsedLetter) -> str:
    """The identity of a letter as parsed: its kind and normalized paragraphs, in order."""
    h = hashlib.sha1(letter.kind.encode())
    for block in letter.blocks:
        h.update(b"\x00" + normalized_key(block.text).encode("utf-8"))
    return h.hexdigest()


# The full-width marks of Chinese text, each with its compatibility decomposition (NFKD): put
# in first, they leave NFKC's result as it is (NFKC is the composition of the decomposed text),
# and most lines are then NFKC already, which unicodedata finds out quickly.
_DECOMPOSED_MARKS = (("，", ","), ("：", ":"), ("；", ";"), ("（", "("), ("）", ")"),
                     ("！", "!"), ("？", "?"))  # fmt: skip


def source_key(line: str) -> str:
    """A line as the source hash sees it: NFKC, no white space, no zero-width characters."""
    for mark, decomposed in _DECOMPOSED_MARKS:
        line = line.replace(mark, decomposed)
    return _IGNORED_RE.sub("", unicodedata.normalize("NFKC", line))


def source_hash(lines: Iterable[str]) -> str | None:
    """The identity of a file's text: its non-empty lines, folded as :func:`source_key` says,
    in order. None when there is no text (a letter built without its lines)."""
    h = hashlib.sha1(b"replydesk-source-1")
    seen = False
    for line in lines:
        key = source_key(line)
        if key:
            h.update(b"\x00" + key.encode("utf-8", "surrogatepass"))
            seen = True
    return h.hexdigest() if seen else None
