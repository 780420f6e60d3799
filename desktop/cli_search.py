"""The search commands: ``replydesk search`` (paragraphs and letters holding every term) and
``replydesk similar`` (past replies on the same topic as a new proposal)."""

from __future__ import annotations

import argparse
import html
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from desktop.cli_args import print_json
from desktop.letter_view import SECTION_ZH

if TYPE_CHECKING:
    from desktop.store import LibraryStore


def hit_json(hit: Any) -> dict[str, Any]:
    """A hit as ``search --json`` has always listed it (the snippet's terms in <mark>); a
    letter hit has ``paragraph_id`` null and its ``fields`` (section, text, highlights)."""
    found = {
        "paragraph_id": hit.paragraph_id,
        "letter_id": hit.letter_id,
        "sources": hit.sources,
        "section": hit.section,
        "text": hit.text,
        "snippet": hit.marked("<mark>", "</mark>", html.escape),
        "highlights": [list(h) for h in hit.highlights],
        "score": round(hit.score, 4),
        "source_details": [asdict(s) for s in hit.source_details],
    }
    if hit.is_letter:
        found["fields"] = [
            {"section": f.name, "text": f.text, "highlights": [list(h) for h in f.highlights]}
            for f in hit.fields
        ]
    return found


def hit_label(hit: Any) -> str:
    """[现状] for a paragraph; the fields' names for a letter hit: [标题], [会议届次+编号]."""
    from desktop.letter_search_fields import FIELD_ZH

    if hit.is_letter:
        return "+".join(FIELD_ZH.get(name, name) for name in hit.section.split("+"))
    return SECTION_ZH.get(hit.section, hit.section)


def cmd_search(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop.actions.search import SearchFilters, search

    filters = SearchFilters(
        sections=tuple(args.section or ()),
        year_from=args.year_from,
        year_to=args.year_to,
        agency=args.agency,
        kind=args.kind,
        proposer=args.proposer,
        number=args.number,
        category=args.category,
        role=args.role,
    )
    page = search(args.query, filters=filters, limit=args.limit, store=store)
    if page.problem:
        print(page.problem, file=sys.stderr)
        return 2
    if page.truncated:
        total = f"{page.total}" if page.total_exact else f"{page.total} 多"
        count_line = f"显示前 {len(page.hits)} 条，共 {total} 条；用 --limit 显示更多。"
    else:
        count_line = f"共 {page.total} 条。"
    if args.json:
        # The JSON stays the list issue 2 promised (scripts read it as one); the count goes
        # to stderr so a cut list is never silent.
        print_json([hit_json(h) for h in page.hits])
        print(count_line, file=sys.stderr)
        return 0
    for h in page.hits:
        years = sorted({s.year for s in h.source_details if s.year}, reverse=True)
        where = "、".join(f"#{lid}" for lid in h.sources)
        print(f"[{hit_label(h)}] {where} {'/'.join(map(str, years))}")
        print(f"  {h.marked('「', '」')}")
    print(count_line)
    return 0


def cmd_similar(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop.actions.search import similar
    from desktop.readers import read_document

    content = ""
    if args.content_file:
        content = "\n".join(read_document(args.content_file).lines)
    found = similar(args.title, content, limit=args.limit, store=store)
    if args.json:
        print_json([s.to_json() for s in found])
        return 0
    for s in found:
        print(f"#{s.letter_id}  {s.year or ''}  {s.title or ''}  （相关度 {s.score:.2f}）")
        for p in s.paragraphs:
            text = p.text if len(p.text) <= 60 else p.text[:60] + "…"
            print(f"    [{SECTION_ZH.get(p.section, p.section)}] {text}")
    if not found:
        print("资料库中没有找到相关的答复。")
    return 0
