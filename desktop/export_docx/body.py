"""The letter's body XML, top to bottom: head lines, title, salutation, paragraphs,
attachments, signature (with the seal anchored in it), contact note and 版记."""

from __future__ import annotations

from typing import Final

from docx.oxml.ns import nsdecls

from desktop.export_docx.banji import (
    copy_to_block,
)
from desktop.export_docx.elements import (
    ind_xml,
    p_xml,
    ppr_xml,
    rpr_xml,
    runs_xml,
)
from desktop.export_docx.seal import (
    SealImage,
)
from desktop.layout import (
    BLANKS_BEFORE_TITLE,
    BODY_PT,
    CHAR_TWIPS,
    EMU_PER_PT,
    LINE_PITCH,
    SEAL_CENTRE_IN_NAME_LINE,
    TEXT_WIDTH,
    contact_note_text,
    format_date,
    is_banji_format,
    plan_banji,
    run_in_heading,
    salutation_text,
    seal_lines_above,
    signature_indents,
    split_title,
    text_width,
    width_pt,
)
from desktop.model import ComposedLetter, FontSpec, LetterParagraph

# ----------------------------------------------------------------------------------------------
# The body


def body_xml(
    letter: ComposedLetter, seal: SealImage | None, seal_rid: str | None, section_one: str = ""
) -> str:
    """The body. ``section_one`` is the ``w:sectPr`` for the pages before a blank page and an
    unnumbered 版记 page (GB/T 9704 7.5), when the 版记 needs them."""
    fonts = letter.fonts
    out: list[str] = []
    out += _head_lines(letter)
    title_lines = split_title(letter.title) if letter.title.strip() else []
    if title_lines:
        out.append(p_xml(ppr_xml(style="Title"), runs_xml("\n".join(title_lines))))
        out.append(p_xml())  # one blank line after the title
    out.append(p_xml(ppr_xml(style="Salutation"), runs_xml(salutation_text(letter.salutation))))

    paragraphs = [p for p in letter.paragraphs if p.text.strip()]
    for i, para in enumerate(paragraphs):
        # The last body line keeps company with the signature (no signature page without text).
        out.append(_body_paragraph(para, fonts, keep_next=i == len(paragraphs) - 1))

    attachments = [a for a in (x.strip() for x in letter.attachments) if a]
    if attachments:
        out.append(p_xml(ppr_xml(keep_next=True)))
        out += _attachment_lines(attachments)

    date_text = format_date(letter.date)
    agency = letter.agency.strip()
    note = contact_note_text(letter.contact_note)
    if seal is not None and seal_rid is not None:
        out += _sealed_signature(agency, date_text, seal, seal_rid, has_note=bool(note))
    else:
        out += _plain_signature(agency, date_text, has_note=bool(note))
    if note:
        out.append(p_xml(ppr_xml(style="Note"), runs_xml(note)))

    rows, placement = plan_banji(letter)
    if placement is not None and placement.new_page:
        end_mark = '<w:pPr><w:pStyle w:val="EndMark"/>{}</w:pPr>'
        if placement.blank_pages and section_one:
            # The text's section ends here; the next one starts on a new (blank) page and
            # prints no page numbers.
            out.append(f"<w:p>{end_mark.format(section_one)}</w:p>")
            out.append(f"<w:p>{end_mark.format('')}</w:p>")
        out.append(f"<w:p>{end_mark.format('<w:pageBreakBefore/>')}</w:p>")
    out += copy_to_block(rows)
    return f"<w:body {nsdecls('w', 'r', 'wp', 'a', 'pic')}>{''.join(out)}</w:body>"


def _head_lines(letter: ComposedLetter) -> list[str]:
    """Category (top right), document number and signer, then two blank lines (the title two
    lines below the element above it: GB/T 9704 10.1, and 7.3.1 below the red rule).

    The document number is flush right in the letter format (10.1), centred in the 版记
    (standard) format (7.2.4); with a signer it is left and "签发人：" right (7.2.4)."""
    fonts = letter.fonts
    out = []
    if letter.category_label and letter.category_label.strip():
        out.append(
            p_xml(
                ppr_xml(style="HeadLine", jc="right"),
                runs_xml(letter.category_label.strip(), rpr_xml(font=fonts.heading1)),
            )
        )
    doc_number = (letter.doc_number or "").strip()
    signer = (letter.signer or "").strip()
    if doc_number and signer:
        # GB/T 9704 7.2.4: number left-indented 1 character, signer right-indented 1 character.
        tab = f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH - CHAR_TWIPS}"/></w:tabs>'
        runs = (
            runs_xml(doc_number)
            + "<w:r><w:tab/></w:r>"
            + runs_xml("签发人：")
            + runs_xml(signer, rpr_xml(font=fonts.heading2))
        )
        out.append(p_xml(ppr_xml(style="HeadLine", tabs=tab, ind=ind_xml(left=1, first=0)), runs))
    elif doc_number:
        jc = "center" if is_banji_format(letter.letter_format) else "right"
        out.append(p_xml(ppr_xml(style="HeadLine", jc=jc), runs_xml(doc_number)))
    elif signer:
        runs = runs_xml("签发人：") + runs_xml(signer, rpr_xml(font=fonts.heading2))
        out.append(
            p_xml(ppr_xml(style="HeadLine", ind=ind_xml(right=1, first=0), jc="right"), runs)
        )
    if out:
        out += [p_xml() for _ in range(BLANKS_BEFORE_TITLE)]
    return out


_HEADING_STYLES: Final = {"heading1": "Heading1", "heading2": "Heading2", "heading3": "Heading3"}


def _body_paragraph(para: LetterParagraph, fonts: FontSpec, *, keep_next: bool) -> str:
    text = para.text.strip()
    style = _HEADING_STYLES.get(para.style)
    ppr = ppr_xml(style=style, keep_next=keep_next)
    if style is None:
        return p_xml(ppr, runs_xml(text))
    # A run-in heading takes the heading font for the heading only; the rest is body text.
    run_in = run_in_heading(text, para.style)
    if run_in is not None:
        heading, rest = run_in
        return p_xml(ppr, runs_xml(heading) + runs_xml(rest, rpr_xml(font=fonts.body)))
    return p_xml(ppr, runs_xml(text))


def _number_width(n: int) -> float:
    return text_width(f"{n}.")


def _attachment_lines(attachments: list[str]) -> list[str]:
    """The attachment note: 附件：1.××, further items aligned under "1.", wrapped lines under
    the names (GB/T 9704 7.3.3); a single attachment is not numbered."""
    out = []
    names = [a.rstrip("。.;；,，、 ") for a in attachments]
    label = 3.0  # "附件："
    if len(names) == 1:
        ind = ind_xml(left=2 + label, hanging=label)
        out.append(p_xml(ppr_xml(keep_next=True, ind=ind), runs_xml("附件：" + names[0])))
        return out
    for n, name in enumerate(names, start=1):
        number = _number_width(n)
        hanging = number + (label if n == 1 else 0.0)
        ind = ind_xml(left=2 + label + number, hanging=hanging)
        prefix = "附件：" if n == 1 else ""
        out.append(p_xml(ppr_xml(keep_next=True, ind=ind), runs_xml(f"{prefix}{n}.{name}")))
    return out


def _sealed_signature(
    agency: str, date_text: str, seal: SealImage, rid: str, *, has_note: bool
) -> list[str]:
    indents = signature_indents(agency, date_text, sealed=True)
    out = [p_xml(ppr_xml(keep_next=True)) for _ in range(seal_lines_above(seal.diameter_mm))]
    # The seal's centre: horizontally over the centre of the date line, vertically a little
    # above the middle of the agency-name line (the anchor paragraph).
    text_width_pt = TEXT_WIDTH / 20
    date_centre_pt = text_width_pt - indents.date * BODY_PT - width_pt(date_text) / 2
    left_emu = round(date_centre_pt * EMU_PER_PT - seal.width_emu / 2)
    centre_pt = SEAL_CENTRE_IN_NAME_LINE * LINE_PITCH / 20
    top_emu = round(centre_pt * EMU_PER_PT - seal.height_emu / 2)
    anchor = _seal_anchor(seal, rid, left_emu, top_emu)
    name_ppr = ppr_xml(
        style="Signature", keep_next=True, ind=ind_xml(right=indents.name, first=0), jc="right"
    )
    out.append(p_xml(name_ppr, anchor + runs_xml(agency)))
    date_ppr = ppr_xml(
        style="Date", keep_next=has_note, ind=ind_xml(right=indents.date, first=0), jc="right"
    )
    out.append(p_xml(date_ppr, runs_xml(date_text)))
    return out


def _plain_signature(agency: str, date_text: str, *, has_note: bool) -> list[str]:
    indents = signature_indents(agency, date_text, sealed=False)
    out = [p_xml(ppr_xml(keep_next=True))]
    name_ppr = ppr_xml(
        style="Signature", keep_next=True, ind=ind_xml(right=indents.name, first=0), jc="right"
    )
    out.append(p_xml(name_ppr, runs_xml(agency)))
    date_ppr = ppr_xml(
        style="Date", keep_next=has_note, ind=ind_xml(right=indents.date, first=0), jc="right"
    )
    out.append(p_xml(date_ppr, runs_xml(date_text)))
    return out


def _seal_anchor(seal: SealImage, rid: str, left_emu: int, top_emu: int) -> str:
    """A floating picture (``wp:anchor``) at true size, positioned against its paragraph.

    A transparent PNG lies in front of the text like a pressed seal; an opaque image goes
    behind the text so that it cannot hide the name and date.
    """
    behind = "0" if seal.transparent else "1"
    cx, cy = seal.width_emu, seal.height_emu
    return (
        "<w:r><w:rPr><w:noProof/></w:rPr><w:drawing>"
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="251659264" behindDoc="{behind}" locked="1" layoutInCell="1" '
        f'allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{left_emu}</wp:posOffset>'
        "</wp:positionH>"
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{top_emu}</wp:posOffset>'
        "</wp:positionV>"
        f'<wp:extent cx="{cx}" cy="{cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        "<wp:wrapNone/>"
        '<wp:docPr id="1" name="印章" descr="印章"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        "<a:graphic>"
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        "<pic:pic>"
        f'<pic:nvPicPr><pic:cNvPr id="0" name="{seal.filename}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        "</pic:blipFill>"
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></w:r>"
    )
