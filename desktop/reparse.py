"""Reading stored letters again when the parser improves (issue 10, item 5).

``reparse_letters`` is a generator that yields one ``ReparseProgress`` per letter, as
``importer.import_paths`` does per file, so the window can show a progress bar and the CLI a
progress line. Each letter is read again with :func:`desktop.understand.parse_letter` and
stored with ``store.letters.apply_reparse``, one transaction per letter; what the clerk corrected
(fields, kind, sections) wins over the new reading — the store keeps those.

Where the lines come from, best first:

1. ``stored``: the reader's lines kept with the letter (``letter_sources``, every letter
   imported since schema m007);
2. ``file``: a letter imported before m007 has no stored lines; when the file it came from is
   still at ``source_path`` and still holds the letter (every stored paragraph is found in it,
   in order), the file is read again. Its lines are then stored with the letter, so the next
   upgrade reads them from the library;
3. ``rebuilt``: otherwise lines are rebuilt from what the library holds — the stored fields as
   a letter prints them (category, document number, title; signature, date, contact) around the
   stored paragraphs' original text. Only the kind of reading that needs nothing more than the
   paragraphs (sections, headings, paragraph splitting) can improve from those lines, so every
   field keeps its stored value when it has one, and the rebuilt lines are not stored as if
   they were the original (the letter stays without stored lines).

``needs_reparse`` tells how many letters an upgrade would read again (those read by an older
parser); the window runs ``reparse_letters`` at start with a progress bar when it is not 0,
the CLI only hints (``replydesk reparse``): a command must not silently do long work.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import parser_version, understand
from desktop.library_rows import LetterDetail
from desktop.model import Block, FieldSource, ImportFailure, ParsedLetter
from desktop.normalize import paragraph_key
from desktop.store import LibraryError
from desktop.store.letter_values import EDITABLE_FIELDS

if TYPE_CHECKING:
    from desktop.store import LibraryStore

log = logging.getLogger(__name__)

# ParsedLetter attributes a stored letter row has under the same name: the editable ones.
FIELDS = EDITABLE_FIELDS
# The rule named for a field kept from the library when lines had to be rebuilt.
KEPT_RULE = "kept_from_library"


@dataclass
class ReparseProgress:
    done: int
    total: int
    letter_id: int
    changed: bool  # the new reading changed the stored letter
    failed: bool = False  # an error of ours (logged); the letter was left as it was
    corrected: bool = False  # the letter holds clerk corrections (kept over the new reading)
    source: str = "stored"  # where its lines came from: "stored", "file" or "rebuilt"


@dataclass
class ReparseSummary:
    """The counts a run ends with (the CLI's last line, the window's message)."""

    read: int = 0
    changed: int = 0
    corrected: int = 0
    failed: int = 0
    sources: dict[str, int] = field(default_factory=dict)

    def add(self, step: ReparseProgress) -> None:
        if step.failed:
            self.failed += 1
            return
        self.read += 1
        self.changed += step.changed
        self.corrected += step.corrected
        self.sources[step.source] = self.sources.get(step.source, 0) + 1

    def to_json(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "changed": self.changed,
            "kept_corrections": self.corrected,
            "failed": self.failed,
            "sources": dict(self.sources),
            "parser_version": parser_version.PARSER_VERSION,
        }

    def summary_zh(self) -> str:
        if not (self.read or self.failed):
            return "没有需要重新读取的文件。"
        text = (
            f"重新读取 {self.read} 份文件，其中 {self.changed} 份有变化；"
            f"{self.corrected} 份中人工改正过的内容已保留。"
        )
        rebuilt = self.sources.get("rebuilt", 0)
        if rebuilt:
            text += f"{rebuilt} 份是旧版导入的且找不到原文件，只重新划分了段落，各项信息保持原样。"
        if self.failed:
            text += f"{self.failed} 份读取失败，保持原样（详情已写入日志文件）。"
        return text


def letters_to_read(store: LibraryStore, *, all: bool = False) -> list[int]:
    """Ids of the letters to read again, in order: those read by an older parser (every
    letter with ``all``), with their lines kept or not."""
    return store.letters.to_read_again(all, current=parser_version.PARSER_VERSION)


def needs_reparse(store: LibraryStore) -> int:
    """How many letters an upgrade would read again: those read by an older parser."""
    return len(letters_to_read(store))


def reparse_letters(store: LibraryStore, *, all: bool = False) -> Iterator[ReparseProgress]:
    """Read letters again (those of an older parser; ``all``: every letter), one at a time.

    A letter that fails with an error of ours is logged and reported ``failed``; the rest go
    on. A library error (read-only, busy for too long) stops the run: it would stop every
    letter alike, and what was done stays done (the rest are still waiting next time)."""
    ids = letters_to_read(store, all=all)
    total = len(ids)
    for done, letter_id in enumerate(ids, 1):
        try:
            step = reparse_letter(store, letter_id)
        except LibraryError:
            raise
        except Exception:
            log.exception("re-reading letter %s failed", letter_id)
            step = ReparseProgress(0, 0, letter_id, changed=False, failed=True)
        step.done, step.total = done, total
        yield step


def reparse_letter(store: LibraryStore, letter_id: int) -> ReparseProgress:
    """Read one stored letter again and store the new reading; see the module doc. (A new
    reading without body text keeps the stored paragraphs: the store sees to that.)"""
    letter = store.letters.detail(letter_id)
    if letter is None:  # deleted meanwhile
        return ReparseProgress(0, 0, letter_id, changed=False)
    lines, source = source_lines(letter)
    parsed = understand.parse_letter(lines)
    if source == "rebuilt":
        keep_stored_fields(parsed, letter)
        parsed.source_lines = []
    changed = bool(store.letters.apply_reparse(letter_id, parsed, parser_version.PARSER_VERSION))
    corrected = bool(letter.corrected)
    return ReparseProgress(0, 0, letter_id, changed, corrected=corrected, source=source)


def source_lines(letter: LetterDetail) -> tuple[list[str], str]:
    """The lines to read a stored letter (``store.letters.detail``) from, and where they came
    from."""
    if letter.source_lines:
        return list(letter.source_lines), "stored"
    from_file = file_lines(letter)
    if from_file is not None:
        return from_file, "file"
    return rebuilt_lines(letter), "rebuilt"


def file_lines(letter: LetterDetail) -> list[str] | None:
    """The lines of the file the letter was imported from, when it is still there and still
    holds every stored paragraph, in order; else None."""
    from desktop.readers import read_document

    name = letter.source_path
    if not name:
        return None
    path = Path(name)
    try:
        if not path.is_file():
            return None
        lines = read_document(path).lines
    except (ImportFailure, OSError):
        return None
    text = "".join(paragraph_key(line) for line in lines)
    at = 0
    for p in letter.paragraphs:
        found = text.find(paragraph_key(p.original), at)
        if found < 0:
            return None
        at = found
    return lines


def rebuilt_lines(letter: LetterDetail) -> list[str]:
    """A letter's lines rebuilt from the library: the stored fields where a letter prints them
    around the stored paragraphs (their original text)."""
    head = []
    if letter.category:
        head.append(f"{letter.category}类")
    if letter.doc_number:
        head.append(letter.doc_number)
    if letter.title:
        head.append(letter.title)
    body = [p.original for p in letter.paragraphs]
    tail = []
    if letter.agency:
        tail.append(letter.agency)
    date = str(letter.reply_date or "").split("-")
    if len(date) == 3 and all(x.isdigit() for x in date):
        tail.append(f"{int(date[0])}年{int(date[1])}月{int(date[2])}日")
    contact = [
        f"{label}：{getattr(letter, key)}"
        for key, label in (("contact_name", "联系人"), ("contact_phone", "联系电话"))
        if getattr(letter, key)
    ]
    if contact:
        tail.append(f"（{'，'.join(contact)}）")
    # A line the paragraphs already hold (a reference's title is its first paragraph) once.
    held = set(body)
    return [*(x for x in head if x not in held), *body, *(x for x in tail if x not in held)]


def keep_stored_fields(parsed: ParsedLetter, letter: LetterDetail) -> None:
    """Every field (and the kind) the library has a value for keeps it: lines rebuilt from the
    library cannot show that a different value is better."""
    for name in FIELDS:
        stored = getattr(letter, name)
        if stored in (None, "", []) or getattr(parsed, name) == stored:
            continue
        setattr(parsed, name, list(stored) if isinstance(stored, list) else stored)
        parsed.sources[name] = FieldSource(None, KEPT_RULE, True)
    if letter.kind and parsed.kind != letter.kind:
        # Read as the other kind, its sections would be the other kind's too (a reference has
        # only body text): keep the stored kind and the stored paragraphs as they are.
        parsed.kind = letter.kind
        parsed.sources["kind"] = FieldSource(None, KEPT_RULE, True)
        parsed.blocks = [
            Block(p.text, p.original, p.section, p.is_heading) for p in letter.paragraphs
        ]
