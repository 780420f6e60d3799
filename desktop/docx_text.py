"""The one walker over a .docx main document's text, for the importer and the proofreader.

WordprocessingML names, the main part found through the package relationships, the Strict
namespace read as the transitional one, and the walk over a paragraph's runs: which elements
hold its text (``w:t``), which stand for a character (tab, line break, non-breaking hyphen),
which are not its text (properties, tracked deletions, ruby, field codes, the old-Word copy of
a drawing) and which are text boxes anchored in it. No python-docx import at module level.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import unquote

W_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT_NS: Final = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"

OFFICE_DOCUMENT_RELS: Final = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",  # Strict
    }
)


def w(tag: str) -> str:
    """A WordprocessingML element name in Clark notation: ``w("p")``."""
    return f"{{{W_NS}}}{tag}"


P: Final = w("p")
T: Final = w("t")
TXBX_CONTENT: Final = w("txbxContent")
ALTERNATE_CONTENT: Final = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE: Final = f"{{{MC_NS}}}Choice"
MC_FALLBACK: Final = f"{{{MC_NS}}}Fallback"

# Subtrees of a paragraph whose text is not shown as the paragraph's text.
SKIPPED_IN_PARAGRAPH: Final = frozenset(
    {
        w("pPr"),  # paragraph properties (its w:tabs/w:tab are tab stops, not tabs)
        w("rPr"),
        w("sdtPr"),  # a content control's properties
        w("del"),  # tracked deletions
        w("moveFrom"),  # tracked moves: the text is shown at w:moveTo
        w("rt"),  # ruby (phonetic guide) text above the base text
        w("instrText"),  # field codes
        w("footnoteReference"),
        P,  # a paragraph inside a paragraph belongs to a text box: read as one of its own
        MC_FALLBACK,  # the old-Word copy of a drawing (the mc:Choice copy is read)
    }
)
# Elements that stand for one character of the paragraph's text.
CHARACTER_ELEMENTS: Final = {
    w("tab"): "\t",
    w("ptab"): "\t",
    w("br"): "\n",
    w("cr"): "\n",
    w("noBreakHyphen"): "-",
}


def children(element: Any) -> Iterable[Any]:
    """Element children, skipping comments and processing instructions."""
    return (child for child in element if isinstance(child.tag, str))


def t_text(t: Any) -> str:
    """A w:t's whole text. An unexpanded entity reference, a comment or a processing
    instruction inside it is a child node, and the text after it is that node's tail."""
    pieces = [t.text or ""]
    pieces.extend(child.tail or "" for child in t)
    return "".join(pieces)


@dataclass
class ParagraphText:
    """A paragraph's text in pieces, in order, and the text boxes anchored in it.

    Each piece is ``(w:t element, its text)``, or ``(None, character)`` for an element that
    stands for a character. A w:t with child nodes (an unexpanded entity) has None too: its
    text cannot be edited through ``.text`` alone.
    """

    pieces: list[tuple[Any | None, str]] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.pieces)


def paragraph_text(p: Any) -> ParagraphText:
    """The walk over a ``w:p`` (or any run container): its text pieces and text boxes."""
    out = ParagraphText()
    _walk(p, out)
    return out


def _walk(element: Any, out: ParagraphText) -> None:
    for child in children(element):
        tag = child.tag
        if tag == T:
            out.pieces.append((None if len(child) else child, t_text(child)))
        elif tag in CHARACTER_ELEMENTS:
            out.pieces.append((None, CHARACTER_ELEMENTS[tag]))
        elif tag == TXBX_CONTENT:
            out.boxes.append(child)
        elif tag not in SKIPPED_IN_PARAGRAPH:
            _walk(child, out)


def main_part_name(archive: zipfile.ZipFile, parse_xml: Any) -> str | None:
    """The zip member holding the main document, found through the package relationships."""
    from lxml import etree

    names = {info.filename.lower(): info.filename for info in archive.infolist()}
    target = None
    rels_name = names.get("_rels/.rels")
    if rels_name is not None:
        try:
            rels = parse_xml(archive.read(rels_name))
        except (etree.LxmlError, ValueError):
            rels = None  # fall back on the usual name below
        for rel in children(rels) if rels is not None else ():
            if rel.get("Type") in OFFICE_DOCUMENT_RELS and rel.get("TargetMode") != "External":
                target = rel.get("Target")
                break
    if target:
        name = posixpath.normpath(unquote(target).lstrip("/"))
        if name.lower() in names:
            return names[name.lower()]
    return names.get("word/document.xml")


def as_transitional(xml: bytes) -> tuple[bytes, bool]:
    """Word's "Strict Open XML" flavour differs only in its namespace: ``(xml in the
    transitional namespace, whether it was Strict)``."""
    strict = W_STRICT_NS.encode() in xml
    if strict:
        xml = xml.replace(W_STRICT_NS.encode(), W_NS.encode())
    return xml, strict
