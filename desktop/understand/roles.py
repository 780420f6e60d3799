"""Step 2 of understanding: every line gets a role, from its own features and its neighbours'.

Roles: ``furniture`` (page furniture, text after the letter), ``portal`` (a label/value cell of
an online handling system), ``title``, ``doc_number``, ``category``, ``agency`` (a letterhead or
the signature), ``salutation``, ``acknowledgement`` (the greeting paragraph), ``heading``,
``body``, ``closing``, ``date`` (the signature date), ``contact``, ``copy_to``, ``disclosure``,
``organizer``, ``cosigner``, ``after_signature`` (主题词, 校对, 印数, 附件 …).

The passes, in order, each writing the rule that decided into ``Line.rule``:

1. furniture: navigation, share buttons, site footers, portal metadata rows;
2. the letter's start: a salutation followed by an acknowledgement (with or without a colon),
   else the first acknowledgement, else a portal answer field; a document with none of these
   is reference material;
3. the head (before the start): title, document number, category, letterhead;
4. the tail: the signature (agency and/or date) and everything after it: contact, copy-to,
   disclosure, printing lines; text after that is furniture;
5. the body: headings, metadata lines that stand inside the text (contact, category,
   organizers), the closing paragraphs before the signature, the acknowledgement after the
   salutation.
"""

from __future__ import annotations

from desktop.paragraph_split import is_noise_line
from desktop.understand import patterns as P
from desktop.understand.headings import heading_level
from desktop.understand.lines import SHORT, Layout, Line
from desktop.understand.tail import has_sentence, mark_tail, tail_meta


def mark_furniture(lines: list[Line]) -> None:
    for line in lines:
        if line.role != "body":
            if line.role == "portal" and line.portal_key == "ignore":
                line.set("furniture", "portal-metadata")
            elif line.role == "portal" and (
                P.FURNITURE.search(line.folded) or P.SITE_FOOTER.search(line.folded)
            ):
                line.set("furniture", "SITE_FOOTER")
            continue
        f = line.folded
        if len(f) > SHORT:
            continue
        if is_noise_line(line.text):
            line.set("furniture", "noise-line")
        elif P.FURNITURE_START.match(f) and not has_sentence(f[:-1]):
            line.set("furniture", "FURNITURE_START")
        elif len(f) <= 80 and P.FURNITURE.search(f):
            line.set("furniture", "FURNITURE")
        elif P.SITE_FOOTER.search(f):
            line.set("furniture", "SITE_FOOTER")


def salutation_of(text: str, next_text: str | None) -> tuple[str, str | None] | None:
    """(who, role) when ``text`` is a salutation. Without a colon only when the next line is an
    acknowledgement."""
    if len(text) > 120:
        return None
    has_colon = text.endswith(("：", ":"))
    acked = next_text is not None and bool(P.ACK.search(next_text[:80]))
    if not has_colon and not acked:
        return None
    m = P.SALUTATION_BARE.match(text)
    if m and not P.ACK.search(m.group("who")) and not has_sentence(m.group("who")):
        return m.group("who"), m.group("role")
    m = P.UNIT_SALUTATION_BARE.match(text)
    if m and not text.startswith(("关于", "对")) and not P.TITLE_WORDS.search(text):
        return m.group("unit"), "单位"
    if has_colon and len(text) <= 40 and text.startswith(("你们", "您们", "各位", "尊敬的")):
        return text.rstrip("：:"), None
    return None


def _content(lines: list[Line], i: int) -> int | None:
    """The index of the next line after ``i`` that is not furniture or a portal cell."""
    for j in range(i + 1, len(lines)):
        if lines[j].role not in ("furniture",):
            return j
    return None


def find_start(lines: list[Line]) -> Layout:
    layout = Layout()
    answer = next(
        (i for i, ln in enumerate(lines) if ln.role == "portal" and ln.portal_key == "answer"), None
    )
    first = answer or 0
    for i in range(first, len(lines)):
        line = lines[i]
        if line.role != "body" or len(line.folded) > 120:
            continue
        j = _content(lines, i)
        nxt = lines[j].folded if j is not None else None
        sal = salutation_of(line.folded, nxt)
        general = sal is not None and sal[0].startswith(("各位", "全体", "诸位", "广大"))
        if general and nxt is not None and not _acknowledges(nxt):
            sal = None  # "各位代表：" opens a speech unless a reply's acknowledgement follows
        if sal and nxt is not None and (P.ACK.search(nxt[:120]) or _letterish(lines, j)):
            line.set(
                "salutation",
                "SALUTATION" if line.folded.endswith(("：", ":")) else "SALUTATION_BARE",
            )
            layout.kind, layout.start, layout.salutation = "reply", i, i
            return layout
        if i - first > 60:
            break
    for i in range(first, min(len(lines), first + 80)):
        line = lines[i]
        if line.role == "body" and P.ACK.search(line.folded[:150]) and _acknowledges(line.folded):
            layout.kind, layout.start = "reply", i
            return layout
    if answer is not None:
        layout.kind, layout.start = "reply", answer
    return layout


def _letterish(lines: list[Line], j: int | None) -> bool:
    """A salutation with a colon followed by reply-like text in the next lines."""
    if j is None:
        return False
    following = "".join(ln.folded for ln in lines[j : j + 3])
    return any(w in following for w in ("答复", "办理", "建议", "提案", "议案", "收悉"))


def _acknowledges(text: str) -> bool:
    return any(
        w in text[:200]
        for w in ("收悉", "函悉", "答复如下", "现答复", "函复", "函告如下", "现将", "办理情况")
    )


# -- head ------------------------------------------------------------------------------------


def mark_head(lines: list[Line], layout: Layout) -> None:
    end = layout.start if layout.start is not None else 0
    for line in lines[:end]:
        if line.role == "body":
            line.set(*_head_role(line.folded))


def _head_role(f: str) -> tuple[str, str]:
    """(role, rule) of a line before the letter's start."""
    if len(f) > 120:
        return "body", "head-text"
    if P.CATEGORY.match(f):
        return "category", "CATEGORY"
    if P.DOC_NUMBER.match(f):
        return "doc_number", "DOC_NUMBER"
    if P.DOC_NUMBER_LOOSE.match(f) and not P.TITLE_WORDS.search(f):
        return "doc_number", "DOC_NUMBER_LOOSE"
    if P.SIGNER.match(f) or P.DISCLOSURE.match(f):
        return "disclosure", "DISCLOSURE"
    if P.AGENCY.match(f.replace(" ", "")) or f.endswith("文件"):
        return "agency", "letterhead"
    if _title_words(f):
        return "title", "title-words"
    if len(f) > 40 and has_sentence(f):
        return "body", "head-text"
    if len(f) <= 24 and not has_sentence(f) and not any(ch.isdigit() for ch in f):
        return "title", "title-short"  # a title broken over lines: "答  复"
    return "furniture", "head-other"


def _title_words(f: str) -> bool:
    return (
        len(f) <= 100
        and not has_sentence(f.rstrip("。"))
        and bool(P.TITLE_WORDS.search(f) or any(w in f for w in ("建议", "提案", "议案", "关于")))
    )


# -- tail ------------------------------------------------------------------------------------


def mark_body(lines: list[Line], layout: Layout) -> None:
    start = layout.start or 0
    end = layout.tail if layout.tail is not None else len(lines)
    body_from = start + 1 if layout.salutation is not None else start
    if layout.start is not None and lines[start].role == "portal":
        body_from = start + 1
    for i in range(body_from, end):
        _mark_body_line(lines[i])
    if layout.kind != "reply":
        return
    texts = [i for i in range(body_from, end) if lines[i].role in ("body", "heading")]
    if texts:
        texts = _greeting_words(lines, layout, texts)
        _acknowledgement(lines, layout, texts)
    _closing(lines, texts)


def _mark_body_line(line: Line) -> None:
    """A line of the letter's text: metadata standing in the text, a heading, or text."""
    if line.role != "body":
        if line.role == "portal" and line.portal_key in ("contact_name", "contact_phone"):
            line.set("contact", "portal-contact")
        return
    f = line.folded
    role = tail_meta(line) if len(f) <= 80 else None
    if role in ("contact", "copy_to", "category", "disclosure", "after_signature") and (
        not has_sentence(f.rstrip("。"))
    ):
        line.set(role, f"in-text:{role}")
    elif role == "contact":
        line.set(role, "in-text:contact")
    elif len(f) <= 80 and P.ORGANIZER.match(f):
        line.set("organizer", "ORGANIZER")
    elif len(f) <= 120 and P.COSIGNER.match(f):
        line.set("cosigner", "COSIGNER")
    elif not line.table and heading_level(line.text) is not None:
        line.set("heading", f"heading-level-{heading_level(line.text)}")
    else:
        line.set("body", "text")


def _greeting_words(lines: list[Line], layout: Layout, texts: list[int]) -> list[int]:
    """A pleasantry ("您好！") between the salutation and the acknowledgement belongs to the
    salutation (greeting-words); the text paragraphs after it."""
    first = lines[texts[0]]
    if (
        len(texts) > 1
        and layout.salutation is not None
        and _pleasantry(first.folded)
        and P.ACK.search(lines[texts[1]].folded[:150])
    ):
        first.set("salutation", "greeting-words")
        return texts[1:]
    return texts


def _acknowledgement(lines: list[Line], layout: Layout, texts: list[int]) -> None:
    """The acknowledgement: the first text paragraph of the letter, and a second short
    acknowledgement sentence ("现答复如下：") on its own line (ACK-continued)."""
    first = lines[texts[0]]
    if first.role != "body" or not (
        layout.salutation is not None or P.ACK.search(first.folded[:150])
    ):
        return
    first.set(
        "acknowledgement",
        "first-paragraph-after-salutation" if layout.salutation is not None else "ACK",
    )
    if len(texts) > 1:
        nxt = lines[texts[1]]
        if nxt.role == "body" and len(nxt.folded) <= 40 and _acknowledges(nxt.folded):
            nxt.set("acknowledgement", "ACK-continued")


def _closing(lines: list[Line], texts: list[int]) -> None:
    """The closing: the last thanks/hope paragraphs before the signature; when the run holds a
    thanks / sign-off paragraph, the closing starts there (a feedback-form note before it stays
    in the text)."""
    run = _closing_run(lines, texts)
    thanks = [i for i in run if P.THANKS.search(lines[i].folded)]
    for i in run[run.index(thanks[0]) :] if thanks else run:
        lines[i].set("closing", "THANKS" if i in thanks else "CLOSING")


def _closing_run(lines: list[Line], texts: list[int]) -> list[int]:
    run: list[int] = []
    for i in reversed(texts):
        line = lines[i]
        if line.role == "acknowledgement":
            break
        f = line.folded
        if len(f) <= 250 and not f.startswith("首先") and P.CLOSING.search(f):
            run.append(i)
            continue
        if not run and len(f) <= 20 and not has_sentence(f.rstrip("。")):
            continue  # debris between the text and the signature ("：孟炜")
        break
    run.reverse()
    return run


def _pleasantry(text: str) -> bool:
    """ "您好！" or "您好，首先感谢您对…的关注。" on its own line before the acknowledgement."""
    if len(text) <= 12 and text.startswith(("您好", "你好", "你们好", "您们好")):
        return True
    return (
        len(text) <= 60
        and text.startswith(("您好", "你好", "你们好", "您们好", "首先感谢"))
        and not any(w in text for w in ("提出", "建议", "提案", "议案", "收悉"))
    )


def assign_roles(lines: list[Line]) -> Layout:
    mark_furniture(lines)
    layout = find_start(lines)
    if layout.kind != "reply":
        return layout
    mark_head(lines, layout)
    mark_tail(lines, layout)
    mark_body(lines, layout)
    return layout
