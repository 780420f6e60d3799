"""Lay a letter out on A4 pages the way the DOCX does (see ``desktop.ui.page_renderer``)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QImage,
)

from desktop.layout import (
    BLANKS_BEFORE_TITLE,
    BODY_PT,
    SEAL_CENTRE_IN_NAME_LINE,
    SMALL_PT,
    THICK_RULE_EIGHTHS,
    THICK_RULE_MM,
    THIN_RULE_EIGHTHS,
    TITLE_PT,
    BanjiRow,
    contact_note_text,
    format_date,
    is_banji_format,
    letter_banji_rows,
    place_banji,
    run_in_heading,
    salutation_text,
    seal_lines_above,
    signature_indents,
    split_title,
    text_width,
)
from desktop.model import ComposedLetter
from desktop.ui.page_fonts import (
    Measure,
    resolve_fonts,
)
from desktop.ui.page_lines import (
    BODY_SCALE,
    EPS,
    FOOTER_BOTTOM,
    INDENT_CHAR,
    NO_LINE,
    PITCH,
    PT_PER_MM,
    SMALL_CHAR,
    TEXT_BOTTOM,
    TEXT_LEFT,
    TEXT_RIGHT,
    TEXT_TOP,
    TEXT_WIDTH_PT,
    TITLE_PITCH,
    Cells,
    LaidLine,
    LetterLayout,
    LineItem,
    PageLayout,
    Rule,
    SealPlacement,
    break_line_units,
    cells_of,
    measured_units,
    place_line,
)


class _Builder:
    """Builds the lines of a letter top to bottom (the order of ``export_docx.body.body_element``),
    then breaks them into pages."""

    def __init__(self, letter: ComposedLetter) -> None:
        self.letter = letter
        self.fonts = resolve_fonts(letter.fonts)
        self.measure = Measure(self.fonts)
        self.items: list[LineItem] = []
        self.warnings: list[str] = []
        self.seal_line: LaidLine | None = None
        self.seal_centre_x = 0.0

    # -- lines

    def _make(
        self,
        kind: str,
        glyphs: list[tuple[str, float, str]],
        end: float,
        *,
        x: float,
        size: float,
        scale: float,
        height: float,
        align: str,
    ) -> LaidLine:
        role = glyphs[0][2] if glyphs else "body"
        _, desc = self.measure.ascent_descent(role, size)
        return LaidLine(
            kind=kind,
            text="".join(g[0] for g in glyphs),
            x=x,
            y=0.0,
            height=height,
            # LibreOffice puts an exact line's extra height above the text: the baseline
            # sits the font's descent above the line's bottom.
            baseline=height - desc,
            size=size,
            align=align,
            scale=scale,
            glyphs=glyphs,
            width=end - x,
        )

    def _line(
        self,
        kind: str,
        cells: Cells,
        align: str,
        *,
        left: float = TEXT_LEFT,
        right: float = TEXT_RIGHT,
        size: float = BODY_PT,
        scale: float = BODY_SCALE,
        height: float = PITCH,
    ) -> LaidLine:
        """One unbroken line between ``left`` and ``right`` (x on the page)."""
        advances = [self.measure.advance(c, r, size) * scale for c, r in cells]
        natural = sum(advances)
        x = {"right": right - natural, "centre": (left + right - natural) / 2}.get(align, left)
        glyphs, pos = [], x
        for (c, r), adv in zip(cells, advances, strict=True):
            glyphs.append((c, pos, r))
            pos += adv
        return self._make(
            kind, glyphs, pos, x=x, size=size, scale=scale, height=height, align=align
        )

    def _paragraph(
        self,
        kind: str,
        cells: Cells,
        *,
        first: float = 2 * INDENT_CHAR,
        left: float = 0.0,
        right: float = 0.0,
        size: float = BODY_PT,
        scale: float = BODY_SCALE,
        height: float = PITCH,
        justify: bool = True,
        keep_next: bool = False,
    ) -> list[LineItem]:
        """A wrapped paragraph. ``first`` is the first line's indent, ``left`` the other
        lines', ``right`` the right indent, in points from the edges of the text area. Full
        lines are justified; a line break in the text (``w:br`` in the DOCX) ends a line."""
        segments: list[list[tuple[str, str]]] = [[]]
        for c, r in cells:
            if c == "\n":
                segments.append([])
            elif c != "\r":
                segments[-1].append((" " if c == "\t" else c, r))
        x_left, x_right = TEXT_LEFT + left, TEXT_RIGHT - right
        items: list[LineItem] = []
        for seg_no, segment in enumerate(segments):
            start0 = TEXT_LEFT + (first if seg_no == 0 else left)
            units = measured_units(segment, self.measure, size, scale, x_right - x_left)
            ranges = break_line_units(
                [u.width for u in units],
                [u.first for u in units],
                [u.last for u in units],
                x_right - start0,
                x_right - x_left,
            ) or [(0, 0)]
            for line_no, (a, b) in enumerate(ranges):
                start = start0 if line_no == 0 else x_left
                line_units = units[a:b]
                natural = sum(u.width for u in line_units)
                full = justify and line_no < len(ranges) - 1
                gap = 0.0
                if full and len(line_units) > 1 and natural < x_right - start:
                    gap = (x_right - start - natural) / (len(line_units) - 1)
                glyphs, pos = [], start
                for u_no, unit in enumerate(line_units):
                    pos += gap if u_no else 0.0
                    for c, r, adv in unit.chars:
                        glyphs.append((c, pos, r))
                        pos += adv
                line = self._make(
                    kind,
                    glyphs,
                    pos,
                    x=start,
                    size=size,
                    scale=scale,
                    height=height,
                    align="justify" if full else "left",
                )
                items.append(LineItem(line))
        # keepNext moves the whole paragraph along (as LibreOffice does), not just its end.
        for item in items:
            item.keep_next = keep_next
        return items

    def _add(self, *items: LineItem) -> None:
        self.items.extend(items)

    def _blank(self, *, keep_next: bool = False) -> LineItem:
        line = LaidLine("blank", "", TEXT_LEFT, 0.0, PITCH, PITCH * 0.75, BODY_PT, "left")
        return LineItem(line, keep_next)

    # -- the letter, top to bottom

    def build(self) -> LetterLayout:
        letter = self.letter
        self._head_lines()
        title = letter.title.strip()
        if title:
            for text in split_title(title):  # keeps the line breaks the clerk typed
                self._title_line(text)
            self._add(self._blank())
        self._add(
            *self._paragraph("salutation", cells_of(salutation_text(letter.salutation)), first=0)
        )
        paragraphs = [p for p in letter.paragraphs if p.text.strip()]
        for i, para in enumerate(paragraphs):
            kind = para.style if para.style in ("heading1", "heading2", "heading3") else "body"
            # The last paragraph keeps with the signature; a heading with what follows it.
            keep = i == len(paragraphs) - 1 or kind in ("heading1", "heading2")
            cells = self._paragraph_cells(para.text.strip(), kind)
            self._add(*self._paragraph(kind, cells, keep_next=keep))
        self._attachments()
        self._signature()
        note = contact_note_text(letter.contact_note)
        if note:
            self._add(*self._paragraph("note", cells_of(note)))
        pages = self._paginate()
        unnumbered = self._copy_to(pages)
        for page in pages:
            if page.number in unnumbered:
                continue
            if page.number == 1 and not is_banji_format(letter.letter_format):
                continue  # GB/T 9704 10.1: a 函 shows no page number on its first page
            page.page_number = self._page_number(page.number)
        return LetterLayout(pages, self.fonts, self.warnings)

    @staticmethod
    def _paragraph_cells(text: str, kind: str) -> list[tuple[str, str]]:
        """Heading 1 and 2 in their fonts; a run-in heading ("（一）加强平台建设。近年来……")
        only up to its full stop or colon, the rest in the body font."""
        if kind not in ("heading1", "heading2"):
            return cells_of(text)
        run_in = run_in_heading(text, kind)
        if run_in is not None:
            return cells_of(run_in[0], kind) + cells_of(run_in[1])
        return cells_of(text, kind)

    def _head_lines(self) -> None:
        """Category (heading-1 font) flush right; the document number flush right (函) or
        centred (版记), or number left and "签发人：" right when there is a signer; then two
        blank lines."""
        letter = self.letter
        head: list[LaidLine] = []
        category = (letter.category_label or "").strip()
        if category:
            head.append(self._line("head", cells_of(category, "heading1"), "right"))
        number = (letter.doc_number or "").strip()
        signer = (letter.signer or "").strip()
        signer_cells = cells_of("签发人：") + cells_of(signer, "heading2")
        if number and signer:
            line = self._line("head", cells_of(number), "left", left=TEXT_LEFT + INDENT_CHAR)
            right = self._line("head", signer_cells, "right", right=TEXT_RIGHT - INDENT_CHAR)
            line.glyphs += right.glyphs
            line.text = f"{line.text}\t{right.text}"
            line.width = right.right - line.x
            head.append(line)
        elif number:
            align = "centre" if is_banji_format(letter.letter_format) else "right"
            head.append(self._line("head", cells_of(number), align))
        elif signer:
            head.append(self._line("head", signer_cells, "right", right=TEXT_RIGHT - INDENT_CHAR))
        if head:
            blanks = [self._blank() for _ in range(BLANKS_BEFORE_TITLE)]
            self._add(*(LineItem(line) for line in head), *blanks)

    def _title_line(self, text: str) -> None:
        cells = cells_of(text, "title")
        line = self._line("title", cells, "centre", size=TITLE_PT, scale=1.0, height=TITLE_PITCH)
        if line.width <= TEXT_WIDTH_PT + EPS:
            self._add(LineItem(line))
            return
        # Wider than the text area in this font (wide digits): wrap, each line centred.
        wrapped = self._paragraph(
            "title", cells, first=0, size=TITLE_PT, scale=1.0, height=TITLE_PITCH, justify=False
        )
        for item in wrapped:
            ln = item.line
            shift = (TEXT_WIDTH_PT - ln.width) / 2
            ln.x += shift
            ln.glyphs = [(c, x + shift, r) for c, x, r in ln.glyphs]
            ln.align = "centre"
            self._add(item)

    def _attachments(self) -> None:
        """附件：1.×× with later items under "1." and wrapped lines under the names."""
        names = [a.strip().rstrip("。.;；,，、 ") for a in self.letter.attachments if a.strip()]
        if not names:
            return
        self._add(self._blank(keep_next=True))
        label = text_width("附件：")
        if len(names) == 1:
            cells = cells_of("附件：" + names[0])
            left = (2 + label) * INDENT_CHAR
            self._add(*self._paragraph("attachment", cells, left=left, keep_next=True))
            return
        for n, name in enumerate(names, start=1):
            left = (2 + label + text_width(f"{n}.")) * INDENT_CHAR
            first = 2 * INDENT_CHAR if n == 1 else (2 + label) * INDENT_CHAR
            cells = cells_of(f"{'附件：' if n == 1 else ''}{n}.{name}")
            self._add(*self._paragraph("attachment", cells, first=first, left=left, keep_next=True))

    def _signature(self) -> None:
        """Blank lines, agency name and date at ``signature_indents``; with a seal as many
        blank lines as put its top within one line of the body."""
        letter = self.letter
        agency, date_text = letter.agency.strip(), format_date(letter.date)
        seal = letter.seal
        indents = signature_indents(agency, date_text, sealed=seal is not None)
        for _ in range(seal_lines_above(seal.diameter_mm) if seal is not None else 1):
            self._add(self._blank(keep_next=True))
        name_right = TEXT_RIGHT - indents.name * INDENT_CHAR
        date_right = TEXT_RIGHT - indents.date * INDENT_CHAR
        name = self._line("signature", cells_of(agency), "right", right=name_right)
        date = self._line("date", cells_of(date_text), "right", right=date_right)
        has_note = bool(contact_note_text(letter.contact_note))
        self._add(LineItem(name, keep_next=True), LineItem(date, keep_next=has_note))
        if seal is not None:
            self.seal_line = name
            # Centred over the date as the DOCX computes it (nominal widths).
            self.seal_centre_x = date_right - text_width(date_text) * BODY_PT * BODY_SCALE / 2

    # -- pages

    def _paginate(self) -> list[PageLayout]:
        items = self.items
        starts = [0]
        y, i = TEXT_TOP, 0
        while i < len(items):
            if y + items[i].line.height > TEXT_BOTTOM + EPS and i > starts[-1]:
                start = i
                while start > starts[-1] and items[start - 1].keep_next:
                    start -= 1
                if start == starts[-1]:
                    start = i  # a whole page that keeps together breaks where it overflows
                starts.append(start)
                y, i = TEXT_TOP, start
                continue
            y += items[i].line.height
            i += 1
        pages = []
        for number, (a, b) in enumerate(itertools.pairwise([*starts, len(items)]), start=1):
            y = TEXT_TOP
            lines = []
            for item in items[a:b]:
                place_line(item.line, y)
                y += item.line.height
                lines.append(item.line)
            page = PageLayout(number, lines, page_number=NO_LINE)
            if self.seal_line is not None and self.seal_line in lines:
                page.seal = self._seal_placement(self.seal_line)
            pages.append(page)
        return pages

    def _seal_placement(self, name_line: LaidLine) -> SealPlacement | None:
        seal = self.letter.seal
        if seal is None:
            return None
        image = QImage.fromData(seal.image)
        if image.isNull():
            self.warnings.append(f"无法读取印章图片“{seal.name}”，预览中未显示印章。")
            return None
        width = seal.diameter_mm * PT_PER_MM
        height = width * image.height() / image.width()
        centre_y = name_line.y + SEAL_CENTRE_IN_NAME_LINE * PITCH
        rect = QRectF(self.seal_centre_x - width / 2, centre_y - height / 2, width, height)
        return SealPlacement(seal.image, rect, behind_text=not image.hasAlphaChannel())

    def _copy_to(self, pages: list[PageLayout]) -> set[int]:
        """The 版记 rows (4号, indented 1 character each side, 抄送 wrapped under the first
        unit, 印发机关 left and 印发日期 right) at the foot of the page
        :func:`~desktop.layout.place_banji` chooses, with the rules of the 版记 format.
        Returns the numbers of the pages that print no page number (GB/T 9704 7.5)."""
        rows = letter_banji_rows(self.letter)
        if not rows:
            return set()
        laid = [(row, self._banji_row(row)) for row in rows]
        height = sum(item.line.height for _, items in laid for item in items)
        rules_height = sum(
            _rule_pt(w) for row in rows for w in (row.rule_above, row.rule_below) if w
        )
        last = pages[-1]
        used = last.lines[-1].y + last.lines[-1].height if last.lines else TEXT_TOP
        fits = used <= TEXT_BOTTOM - height - rules_height + EPS
        placement = place_banji(self.letter.letter_format, len(pages), fits)
        while len(pages) < placement.page:
            pages.append(PageLayout(len(pages) + 1, [], page_number=NO_LINE))
        page = pages[placement.page - 1]
        # From the foot up, as LibreOffice stacks a table floated to the bottom margin: the
        # last rule's lower edge on the text area's lower edge, each rule adding its width.
        y = TEXT_BOTTOM
        placed: list[tuple[float, LaidLine]] = []
        for row, items in reversed(laid):
            if row.rule_below:
                y -= _rule_pt(row.rule_below)
                page.rules.append(Rule(TEXT_LEFT, TEXT_RIGHT, y, _rule_pt(row.rule_below)))
            for item in reversed(items):
                y -= item.line.height
                placed.append((y, item.line))
            if row.rule_above:
                y -= _rule_pt(row.rule_above)
                page.rules.append(Rule(TEXT_LEFT, TEXT_RIGHT, y, _rule_pt(row.rule_above)))
        for top, line in reversed(placed):
            place_line(line, top)
            page.lines.append(line)
        page.rules.sort(key=lambda rule: rule.top)
        first = placement.unnumbered_from
        return set(range(first, placement.page + 1)) if first is not None else set()

    def _banji_row(self, row: BanjiRow) -> list[LineItem]:
        if row.kind == "issue":
            office, _, date = row.text.partition("\t")
            line = self._line(
                "copy_to",
                cells_of(office),
                "left",
                left=TEXT_LEFT + SMALL_CHAR,
                size=SMALL_PT,
                scale=1.0,
            )
            right = self._line(
                "copy_to",
                cells_of(date),
                "right",
                right=TEXT_RIGHT - SMALL_CHAR,
                size=SMALL_PT,
                scale=1.0,
            )
            line.glyphs += right.glyphs
            line.text = f"{line.text}\t{right.text}"
            line.width = right.right - line.x
            return [LineItem(line)]
        left = 4 * SMALL_CHAR if row.kind == "cc" else SMALL_CHAR
        return self._small_row(row.text, left=left)

    def _small_row(self, text: str, *, left: float) -> list[LineItem]:
        return self._paragraph(
            "copy_to",
            cells_of(text),
            first=SMALL_CHAR,
            left=left,
            right=SMALL_CHAR,
            size=SMALL_PT,
            scale=1.0,
        )

    def _page_number(self, number: int) -> LaidLine:
        """ "— N —", 1 character (14 pt) in from the right edge on odd pages, the left on
        even ones."""
        line = self._line(
            "page_number",
            cells_of(f"— {number} —", "page_number"),
            "right" if number % 2 else "left",
            left=TEXT_LEFT + SMALL_CHAR,
            right=TEXT_RIGHT - SMALL_CHAR,
            size=SMALL_PT,
            scale=1.0,
            height=SMALL_PT,
        )
        place_line(line, FOOTER_BOTTOM - SMALL_PT)
        # The exact 14 pt line is lower than the font: LibreOffice sets the digits a fifth of
        # an em above the line's bottom, which puts the dashes 7 mm under the text area.
        line.baseline = FOOTER_BOTTOM - 0.2 * SMALL_PT
        return line


def _rule_pt(width_mm: float) -> float:
    """A rule's printed width: the DOCX border nearest to ``width_mm`` (eighths of a point)."""
    eighths = THICK_RULE_EIGHTHS if width_mm >= THICK_RULE_MM else THIN_RULE_EIGHTHS
    return eighths / 8


def layout_letter(letter: ComposedLetter) -> LetterLayout:
    """Lay ``letter`` out on A4 pages (see the module docstring). Needs a QGuiApplication."""
    return _Builder(letter).build()
