"""The letter's body, top to bottom: head lines, title, salutation, paragraphs, attachments,
signature (with the seal anchored in it), contact note and 版记."""

from __future__ import annotations

from typing import Final

from docx.oxml.ns import nsmap

from desktop.export_docx.banji import copy_to_block
from desktop.export_docx.elements import (
    Element,
    Node,
    build,
    el,
    ind,
    p,
    ppr,
    right_tab,
    rpr,
    run,
    runs,
)
from desktop.export_docx.seal import SealImage
from desktop.layout import (
    BLANKS_BEFORE_TITLE,
    BODY_PT,
    CHAR_TWIPS,
    EMU_PER_PT,
    LINE_PITCH,
    SEAL_CENTRE_IN_NAME_LINE,
    TEXT_WIDTH,
    BanjiPlacement,
    BanjiRow,
    contact_note_text,
    format_date,
    is_banji_format,
    run_in_heading,
    salutation_text,
    seal_lines_above,
    signature_indents,
    split_title,
    text_width,
    width_pt,
)
from desktop.model import ComposedLetter, FontSpec, LetterParagraph

# The body is built apart from the document, under a root that declares what the drawing
# needs; moved into the document, its paragraphs keep only what the document lacks.
_BODY_NAMESPACES: Final = {prefix: nsmap[prefix] for prefix in ("w", "r", "wp", "a", "pic")}

# ----------------------------------------------------------------------------------------------
# The body


def body_element(
    letter: ComposedLetter,
    banji: tuple[list[BanjiRow], BanjiPlacement | None],
    seal: SealImage | None,
    seal_rid: str | None,
    section_one: Node | None = None,
) -> Element:
    """The body (a ``w:body`` whose children go into the document). ``banji``: the 版记's rows
    and place (:func:`~desktop.layout.plan_banji`); ``section_one`` is the
    ``w:sectPr`` for the pages before a blank page and an unnumbered 版记 page (GB/T 9704
    7.5), when the 版记 needs them.

    Each paragraph is built into the body as soon as it is described: the descriptions of a
    whole letter alive at once would make the garbage collector walk the heap for nothing."""
    root = build(el("w:body", nsdecls=_BODY_NAMESPACES))

    def add(*nodes: Node) -> None:
        for node in nodes:
            build(node, root)

    add(*_head_lines(letter))
    title_lines = split_title(letter.title) if letter.title.strip() else []
    if title_lines:
        add(p(ppr(style="Title"), runs("\n".join(title_lines))))
        add(p())  # one blank line after the title
    add(p(ppr(style="Salutation"), runs(salutation_text(letter.salutation))))

    paragraphs = [para for para in letter.paragraphs if para.text.strip()]
    for i, para in enumerate(paragraphs):
        # The last body line keeps company with the signature (no signature page without text).
        add(_body_paragraph(para, letter.fonts, keep_next=i == len(paragraphs) - 1))

    attachments = [a for a in (x.strip() for x in letter.attachments) if a]
    if attachments:
        add(p(ppr(keep_next=True)), *_attachment_lines(attachments))

    add(*_signature_and_note(letter, seal, seal_rid))
    rows, placement = banji
    if placement is not None and placement.new_page:
        if placement.blank_pages and section_one is not None:
            # The text's section ends here; the next one starts on a new (blank) page and
            # prints no page numbers.
            add(p(ppr(style="EndMark", extra=[section_one])), p(ppr(style="EndMark")))
        add(p(ppr(style="EndMark", extra=[el("w:pageBreakBefore")])))
    add(*copy_to_block(rows))
    return root


def _signature_and_note(
    letter: ComposedLetter, seal: SealImage | None, seal_rid: str | None
) -> list[Node]:
    date_text = format_date(letter.date)
    agency = letter.agency.strip()
    note = contact_note_text(letter.contact_note)
    if seal is not None and seal_rid is not None:
        out = _sealed_signature(agency, date_text, seal, seal_rid, has_note=bool(note))
    else:
        out = _plain_signature(agency, date_text, has_note=bool(note))
    if note:
        out.append(p(ppr(style="Note"), runs(note)))
    return out


def _head_lines(letter: ComposedLetter) -> list[Node]:
    """Category (top right), document number and signer, then two blank lines (the title two
    lines below the element above it: GB/T 9704 10.1, and 7.3.1 below the red rule).

    The document number is flush right in the letter format (10.1), centred in the 版记
    (standard) format (7.2.4); with a signer it is left and "签发人：" right (7.2.4)."""
    fonts = letter.fonts
    out = []
    if letter.category_label and letter.category_label.strip():
        category = runs(letter.category_label.strip(), rpr(font=fonts.heading1))
        out.append(p(ppr(style="HeadLine", jc="right"), category))
    doc_number = (letter.doc_number or "").strip()
    signer = (letter.signer or "").strip()
    signed = [*runs("签发人："), *runs(signer, rpr(font=fonts.heading2))]
    if doc_number and signer:
        # GB/T 9704 7.2.4: number left-indented 1 character, signer right-indented 1 character.
        tab = right_tab(TEXT_WIDTH - CHAR_TWIPS)
        line = [*runs(doc_number), run(el("w:tab")), *signed]
        out.append(p(ppr(style="HeadLine", tabs=tab, indent=ind(left=1, first=0)), line))
    elif doc_number:
        jc = "center" if is_banji_format(letter.letter_format) else "right"
        out.append(p(ppr(style="HeadLine", jc=jc), runs(doc_number)))
    elif signer:
        out.append(p(ppr(style="HeadLine", indent=ind(right=1, first=0), jc="right"), signed))
    if out:
        out += [p() for _ in range(BLANKS_BEFORE_TITLE)]
    return out


_HEADING_STYLES: Final = {"heading1": "Heading1", "heading2": "Heading2", "heading3": "Heading3"}


def _body_paragraph(para: LetterParagraph, fonts: FontSpec, *, keep_next: bool) -> Node:
    text = para.text.strip()
    style = _HEADING_STYLES.get(para.style)
    props = ppr(style=style, keep_next=keep_next)
    # A run-in heading takes the heading font for the heading only; the rest is body text.
    run_in = run_in_heading(text, para.style)
    if style is None or run_in is None:
        return p(props, runs(text))
    heading, rest = run_in
    return p(props, [*runs(heading), *runs(rest, rpr(font=fonts.body))])


def _number_width(n: int) -> float:
    return text_width(f"{n}.")


def _attachment_lines(attachments: list[str]) -> list[Node]:
    """The attachment note: 附件：1.××, further items aligned under "1.", wrapped lines under
    the names (GB/T 9704 7.3.3); a single attachment is not numbered."""
    names = [a.rstrip("。.;；,，、 ") for a in attachments]
    label = 3.0  # "附件："
    if len(names) == 1:
        indent = ind(left=2 + label, hanging=label)
        return [p(ppr(keep_next=True, indent=indent), runs("附件：" + names[0]))]
    out = []
    for n, name in enumerate(names, start=1):
        number = _number_width(n)
        hanging = number + (label if n == 1 else 0.0)
        indent = ind(left=2 + label + number, hanging=hanging)
        prefix = "附件：" if n == 1 else ""
        out.append(p(ppr(keep_next=True, indent=indent), runs(f"{prefix}{n}.{name}")))
    return out


def _signature_lines(
    agency: str,
    date_text: str,
    name_indent: float,
    date_indent: float,
    *,
    has_note: bool,
    anchor: Node | None = None,
) -> tuple[Node, Node]:
    """The agency-name and date paragraphs; ``anchor`` (the seal) goes first in the name's."""
    name_ppr = ppr(
        style="Signature", keep_next=True, indent=ind(right=name_indent, first=0), jc="right"
    )
    date_ppr = ppr(
        style="Date", keep_next=has_note, indent=ind(right=date_indent, first=0), jc="right"
    )
    name = p(name_ppr, [anchor, *runs(agency)] if anchor is not None else runs(agency))
    return name, p(date_ppr, runs(date_text))


def _sealed_signature(
    agency: str, date_text: str, seal: SealImage, rid: str, *, has_note: bool
) -> list[Node]:
    indents = signature_indents(agency, date_text, sealed=True)
    out = [p(ppr(keep_next=True)) for _ in range(seal_lines_above(seal.diameter_mm))]
    # The seal's centre: horizontally over the centre of the date line, vertically a little
    # above the middle of the agency-name line (the anchor paragraph).
    text_width_pt = TEXT_WIDTH / 20
    date_centre_pt = text_width_pt - indents.date * BODY_PT - width_pt(date_text) / 2
    left_emu = round(date_centre_pt * EMU_PER_PT - seal.width_emu / 2)
    centre_pt = SEAL_CENTRE_IN_NAME_LINE * LINE_PITCH / 20
    top_emu = round(centre_pt * EMU_PER_PT - seal.height_emu / 2)
    anchor = _seal_anchor(seal, rid, left_emu, top_emu)
    name, date = _signature_lines(
        agency, date_text, indents.name, indents.date, has_note=has_note, anchor=anchor
    )
    return [*out, name, date]


def _plain_signature(agency: str, date_text: str, *, has_note: bool) -> list[Node]:
    indents = signature_indents(agency, date_text, sealed=False)
    name, date = _signature_lines(agency, date_text, indents.name, indents.date, has_note=has_note)
    return [p(ppr(keep_next=True)), name, date]


def _seal_anchor(seal: SealImage, rid: str, left_emu: int, top_emu: int) -> Node:
    """A floating picture (``wp:anchor``) at true size, positioned against its paragraph.

    A transparent PNG lies in front of the text like a pressed seal; an opaque image goes
    behind the text so that it cannot hide the name and date.
    """
    cx, cy = seal.width_emu, seal.height_emu
    size = {"cx": cx, "cy": cy}
    position = [
        el("wp:positionH", {"relativeFrom": "column"}, [el("wp:posOffset", text=str(left_emu))]),
        el("wp:positionV", {"relativeFrom": "paragraph"}, [el("wp:posOffset", text=str(top_emu))]),
    ]
    picture = el("pic:pic", children=[
        el("pic:nvPicPr", children=[
            el("pic:cNvPr", {"id": 0, "name": seal.filename}), el("pic:cNvPicPr"),
        ]),
        el("pic:blipFill", children=[
            el("a:blip", {"r:embed": rid}), el("a:stretch", children=[el("a:fillRect")]),
        ]),
        el("pic:spPr", children=[
            el("a:xfrm", children=[el("a:off", {"x": 0, "y": 0}), el("a:ext", size)]),
            el("a:prstGeom", {"prst": "rect"}, [el("a:avLst")]),
        ]),
    ])  # fmt: skip
    anchor = el(
        "wp:anchor",
        {"distT": 0, "distB": 0, "distL": 0, "distR": 0, "simplePos": 0,
         "relativeHeight": 251659264, "behindDoc": "0" if seal.transparent else "1",
         "locked": 1, "layoutInCell": 1, "allowOverlap": 1},
        [
            el("wp:simplePos", {"x": 0, "y": 0}),
            *position,
            el("wp:extent", size),
            el("wp:effectExtent", {"l": 0, "t": 0, "r": 0, "b": 0}),
            el("wp:wrapNone"),
            el("wp:docPr", {"id": 1, "name": "印章", "descr": "印章"}),
            el("wp:cNvGraphicFramePr", children=[
                el("a:graphicFrameLocks", {"noChangeAspect": 1}),
            ]),
            el("a:graphic", children=[
                el("a:graphicData",
                   {"uri": "http://schemas.openxmlformats.org/drawingml/2006/picture"},
                   [picture]),
            ]),
        ],
    )  # fmt: skip
    no_proof = el("w:rPr", children=[el("w:noProof")])
    return el("w:r", children=[no_proof, el("w:drawing", children=[anchor])])
