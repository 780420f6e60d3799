"""Compose + DOCX export of one letter, side by side with docxtpl rendering the same letter.

ReplyDesk: ``compose()`` (templates rendered in the sandbox, paragraphs styled) and
``build_docx_bytes()`` (the GB/T 9704 package, seal anchored) of a 2–3 page letter.
Baseline: docxtpl (python-docx + Jinja2 inside the DOCX) rendering a template with the same
title, salutation, body paragraphs, signature, date and contact note into memory. docxtpl's
template carries no layout work of its own (margins and fonts are set once in the template),
so it is the cost of "fill a ready-made Word template" that any tool pays.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from desktop.casework import DraftBlock, case_from_json
from desktop.compose import compose, default_draft
from desktop.export_docx import build_docx_bytes
from desktop.model import SealSpec
from desktop.profile import AgencyProfile
from desktop.reply_templates import ReplyTemplates

EXPORT_TARGET_MS = 100.0

CASE = {
    "number": "12",
    "session": "市十七届人大三次会议",
    "title": "关于加快众创空间建设的建议",
    "proposers": ["张三", "李四", "王五"],
    "category": "B",
    "reply_date": "2026-06-01",
    "contact_name": "王明",
    "contact_phone": "0513-85000000",
    "doc_number": "通科函〔2026〕12号",
    "cc": ["市人大常委会代表工委", "市政府办公室"],
}
SENTENCE = "我市积极推进众创空间等新型孵化器建设，高效整合人才、技术、资本、市场等各种要素。"


def _inputs(seal: str | None) -> tuple[Any, AgencyProfile, Any]:
    case = case_from_json(CASE)
    profile = AgencyProfile(agency_name="南通市科学技术局")
    used = [("status", DraftBlock("library", SENTENCE * 3, i, i, 2020)) for i in range(6)]
    used += [("plan", DraftBlock("library", SENTENCE * 2, 100 + i, i, 2021)) for i in range(3)]
    return case, profile, default_draft(used, {})


def _docxtpl_template(folder: Path) -> Path:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.size = Pt(16)
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph("{{ salutation }}")
    doc.add_paragraph("{%p for p in paragraphs %}")
    doc.add_paragraph("{{ p }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ agency }}")
    doc.add_paragraph("{{ date }}")
    doc.add_paragraph("{{ contact }}")
    path = folder / "template.docx"
    doc.save(str(path))
    return path


def measure(reps: int, seal: str | None) -> dict[str, Any]:
    from docxtpl import DocxTemplate

    case, profile, draft = _inputs(seal)
    templates = ReplyTemplates(override=Path(tempfile.mkdtemp()) / "none")

    def sealed() -> SealSpec | None:
        # The seal's bytes, read in the timed part as the writer used to read the file.
        return SealSpec(Path(seal).read_bytes(), profile.seal_diameter_mm) if seal else None

    def ours() -> bytes:
        letter = compose(case, profile, draft, templates=templates, seal=sealed()).letter
        return build_docx_bytes(letter)

    letter = compose(case, profile, draft, templates=templates, seal=sealed()).letter
    context = {
        "title": letter.title,
        "salutation": letter.salutation,
        "paragraphs": [p.text for p in letter.paragraphs],
        "agency": letter.agency,
        "date": "2026年6月1日",
        "contact": letter.contact_note,
    }
    with tempfile.TemporaryDirectory() as tmp:
        template = _docxtpl_template(Path(tmp))

        def baseline() -> bytes:
            doc = DocxTemplate(str(template))
            doc.render(context)
            buf = io.BytesIO()
            doc.save(buf)
            return buf.getvalue()

        ours()
        baseline()  # warm both: imports and caches are not what a clerk waits for twice
        mine, base = [], []
        for _ in range(reps):
            t = time.perf_counter()
            ours()
            mine.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            baseline()
            base.append((time.perf_counter() - t) * 1000)
    mine.sort()
    return {
        "median": statistics.median(mine),
        "p95": mine[min(len(mine) - 1, int(0.95 * len(mine)))],
        "baseline_median": statistics.median(base),
        "paragraphs": len(letter.paragraphs),
        "sealed": seal is not None,
    }
