"""Small WordprocessingML builders: escaped text, runs, run and paragraph properties."""

from __future__ import annotations

import re
from typing import Final

from desktop.layout import (
    CHAR_TWIPS,
)

# Characters XML 1.0 cannot hold (control characters copied from old documents, lone
# surrogates): dropped from the text.
_XML_INVALID_RE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# ----------------------------------------------------------------------------------------------
# XML helpers


def escape_text(text: str) -> str:
    text = _XML_INVALID_RE.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text: str) -> str:
    return escape_text(text).replace('"', "&quot;")


def fonts_xml(name: str, *, hint: str | None = None) -> str:
    n = escape_attr(name)
    extra = f' w:hint="{hint}"' if hint else ""
    return f'<w:rFonts w:ascii="{n}" w:hAnsi="{n}" w:eastAsia="{n}" w:cs="{n}"{extra}/>'


def rpr_xml(
    *,
    font: str | None = None,
    bold: bool = False,
    size_pt: float | None = None,
    hint: str | None = None,
) -> str:
    parts = []
    if font is not None:
        parts.append(fonts_xml(font, hint=hint))
    elif hint:
        parts.append(f'<w:rFonts w:hint="{hint}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if size_pt is not None:
        half = round(size_pt * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def runs_xml(text: str, rpr: str = "") -> str:
    out = []
    for piece in re.split(r"(\t|\r\n|\n|\r)", text):
        if piece == "\t":
            out.append(f"<w:r>{rpr}<w:tab/></w:r>")
        elif piece in ("\n", "\r\n", "\r"):
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        elif piece:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape_text(piece)}</w:t></w:r>')
    return "".join(out)


def ind_xml(
    *,
    first: float | None = None,
    left: float | None = None,
    right: float | None = None,
    hanging: float | None = None,
    char_twips: int = CHAR_TWIPS,
) -> str:
    """``w:ind`` in characters (hundredths, what Word and WPS use) with a twips fallback."""
    attrs = []
    if left is not None:
        attrs.append(f'w:leftChars="{round(left * 100)}" w:left="{round(left * char_twips)}"')
    if right is not None:
        attrs.append(f'w:rightChars="{round(right * 100)}" w:right="{round(right * char_twips)}"')
    if hanging is not None:
        attrs.append(
            f'w:firstLineChars="0" w:hangingChars="{round(hanging * 100)}" '
            f'w:hanging="{round(hanging * char_twips)}"'
        )
    elif first is not None:
        attrs.append(
            f'w:firstLineChars="{round(first * 100)}" w:firstLine="{round(first * char_twips)}"'
        )
    return f"<w:ind {' '.join(attrs)}/>" if attrs else ""


def ppr_xml(
    *,
    style: str | None = None,
    keep_next: bool = False,
    borders: str = "",
    tabs: str = "",
    ind: str = "",
    jc: str | None = None,
) -> str:
    # Schema order of CT_PPrBase: pStyle, keepNext, …, pBdr, shd, tabs, …, spacing, ind, …, jc.
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        parts.append("<w:keepNext/>")
    parts.append(borders)
    parts.append(tabs)
    parts.append(ind)
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    inner = "".join(parts)
    return f"<w:pPr>{inner}</w:pPr>" if inner else ""


def p_xml(ppr: str = "", runs: str = "") -> str:
    return f"<w:p>{ppr}{runs}</w:p>"
