"""Step 1 of understanding: the reader's lines become ``Line`` objects, one per paragraph.

A table row (cells joined by `` | ``) is read cell by cell: a portal label cell
(``代表姓名：`` ``| 张三``) becomes one ``portal`` line holding the field it fills; an answer
label (``答复内容：``) starts the letter, and every cell after it is text. Web text that runs
many paragraphs together is cut into paragraphs (``desktop/paragraph_split.py``). Nothing is
dropped here: page furniture is kept so that ``replydesk explain`` can show it with its role.

Every line keeps the index of the reader's line it came from (``source``), its text as it
stood (``original``), the normalized text (``text``, what is stored and shown) and a folded
copy (``folded``: traditional characters folded to simplified) that every pattern reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.fold import to_simplified
from desktop.normalize import normalize_text
from desktop.paragraph_split import split_paragraphs, without_inline_noise
from desktop.understand import patterns as P
from desktop.understand.labels import label_of

# A line longer than this is never metadata, a heading or a salutation: the per-line checks
# that read metadata only run on shorter lines (a 50 MB one-line file stays linear).
SHORT = 200


@dataclass
class Line:
    source: int  # index into the reader's lines
    original: str
    text: str  # normalized
    folded: str  # normalized and folded to simplified characters
    role: str = "body"
    rule: str = ""
    portal_key: str | None = None  # for role "portal": the field a label cell fills
    portal_label: str = ""
    value: str = ""  # for role "portal": the value cell
    table: bool = False  # a row of plain cells inside the letter ("类别 | 数量")

    def set(self, role: str, rule: str) -> None:
        self.role, self.rule = role, rule

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "source": self.source,
            "role": self.role,
            "rule": self.rule,
            "text": self.text,
        }
        if self.portal_key:
            out["portal_field"] = self.portal_key
            out["value"] = self.value
        return out


# A title run together with the salutation after it (a whole letter on one line):
# "XX局对…第094号建议的答复张凤娥等代表：你们提出的…".
_TITLE_GLUED_RE = re.compile(
    r"^(?P<title>.{6,80}?(?:的答复|的复函|答复函|的函|答复意见))(?=\s*\S{2,40}?(?:代表|委员)(?:们)?[：:])"
)


def _title_then_salutation(text: str) -> list[str]:
    m = _TITLE_GLUED_RE.match(text[:200]) if len(text) > 10 else None
    if not m:
        return [text]
    rest = text[m.end() :].strip()
    return [m.group("title"), *split_paragraphs(rest)]


def _is_category(value: str) -> bool:
    """A portal answer field holding only a category ("办理结果：B类", "办理结果：(C)")."""
    return bool(value) and len(value) <= 12 and bool(P.CATEGORY.match(normalize_text(value)))


def _make(source: int, original: str, fold: bool = True) -> Line | None:
    text = normalize_text(original)
    if "(" in text or "（" in text:
        text = P.PINYIN_DEBRIS.sub("", text)
    if not text:
        return None
    return Line(source, original, text, to_simplified(text) if fold else text)


class _Collector:
    def __init__(self, fold: bool = True) -> None:
        # False when folding the whole document changes nothing (almost every letter): then
        # no line is folded one by one
        self.fold = fold
        self.lines: list[Line] = []
        self.in_answer = False
        self.body_started = False  # a salutation was seen: table rows are now the letter's

    def add_text(self, source: int, piece: str, *, split: bool = True) -> None:
        parts = split_paragraphs(piece) if split else [piece]
        parts = [p for part in parts for p in _title_then_salutation(part)]
        for part in parts:
            line = _make(source, part, self.fold)
            if line is None:
                continue
            if self.lines and self.lines[-1].text.replace(" ", "") == line.text.replace(" ", ""):
                line.set("furniture", "repeated-line")
            self.lines.append(line)
            if not self.body_started and len(line.folded) <= 45 and P.SALUTATION.match(line.folded):
                self.body_started = True

    def add_portal(self, source: int, key: str, label: str, value: str) -> None:
        line = _make(source, f"{label} {value}".strip(), self.fold) or Line(
            source, label, label, label
        )
        line.set("portal", f"portal-label:{key}")
        line.portal_key, line.portal_label, line.value = key, label, value.strip()
        self.lines.append(line)

    def add_row(self, source: int, cells: list[str]) -> None:
        i = 0
        plain: list[str] = []
        while i < len(cells):
            cell = cells[i]
            key, value = label_of(self.folded(cell), table=True, strict=self.started)
            if key == "answer" and not value and i + 1 < len(cells) and _is_category(cells[i + 1]):
                key, value = "category", cells[i + 1]
                i += 1
            elif key == "answer" and _is_category(value):
                key = "category"
            if key is None:
                plain.append(cell)
                i += 1
                continue
            self._plain_cells(source, plain)
            plain = []
            label = cell if not value else cell[: len(cell) - len(value)].strip()
            if (
                not value
                and key != "answer"
                and i + 1 < len(cells)
                and label_of(self.folded(cells[i + 1]), table=True, strict=self.started)[0] is None
            ):
                value = cells[i + 1]
                i += 1
            i += 1
            if key == "answer":
                self.add_portal(source, key, label, "")
                self.in_answer = True
                for piece in ([value] if value else []) + cells[i:]:
                    self.add_text(source, piece)
                return
            self.add_portal(source, key, label, value)
        self._plain_cells(source, plain)

    def folded(self, text: str) -> str:
        return to_simplified(text) if self.fold else text

    @property
    def started(self) -> bool:
        return self.in_answer or self.body_started

    def _plain_cells(self, source: int, cells: list[str]) -> None:
        if self.started and len(cells) > 1:
            line = _make(source, " | ".join(cells), self.fold)
            if line:
                line.table = True
                self.lines.append(line)
        else:
            for cell in cells:
                self.add_text(source, cell)


def collect(raw_lines: list[str]) -> list[Line]:
    """The reader's lines as paragraphs, each with its source index; nothing dropped."""
    texts = [raw for raw in raw_lines if isinstance(raw, str)]
    joined = "\n".join(texts)
    c = _Collector(fold=to_simplified(joined) != joined)
    for source, raw in enumerate(raw_lines):
        if not isinstance(raw, str):
            continue
        line = without_inline_noise(raw.replace("\r", " ").replace("\n", " ")).strip()
        if not line:
            continue
        if "|" in line and len(line) <= 20000:
            cells = [cell.strip() for cell in line.split("|")]
            c.add_row(source, [cell for cell in cells if cell])
            continue
        if len(line) <= 300:
            key, value = label_of(c.folded(line), table=False, strict=c.started)
            if key == "answer" and _is_category(value):
                key = "category"  # "办理结果：B类": the portal's result is the category
            if key is not None and key != "answer" and not c.started:
                label = line[: len(line) - len(value)].strip() if value else line
                c.add_portal(source, key, label, value)
                continue
            if key == "answer":
                label = line[: len(line) - len(value)].strip() if value else line
                c.add_portal(source, key, label, "")
                c.in_answer = True
                if value:
                    c.add_text(source, value)
                continue
        c.add_text(source, line)
    return c.lines


@dataclass
class Layout:
    """Where the parts of a letter are, as indexes into the line list."""

    kind: str = "reference"
    start: int | None = None  # the salutation, else the acknowledgement, else the answer field
    salutation: int | None = None
    signature: int | None = None  # the first line of the signature block
    tail: int | None = None  # first line after the body
