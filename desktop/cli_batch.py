"""``replydesk case export-all --session S --to DIR [--pdf] [--no-seal] [--json]``: every
answered case of a session as DOCX (and PDF) and plain text in one folder.

Exit code 0 when every file was written, 1 when some could not be (each is listed with its
reason; the rest were written), 2 when nothing could be done (no answered case, a folder that
cannot be made, an unusable seal)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from desktop.cli_args import path, text

if TYPE_CHECKING:
    from desktop.actions.batch_export import BatchStep
    from desktop.store import LibraryStore

KIND_ZH = {"docx": "DOCX", "pdf": "PDF", "text": "纯文本"}


def add_export_all(csub: Any, common: argparse.ArgumentParser) -> None:
    p = csub.add_parser(
        "export-all", parents=[common], help="把一次会议已答复的案件全部导出到一个文件夹",
        description="把一次会议所有已答复案件的答复导出到一个文件夹：DOCX、纯文本正文，"
        "加 --pdf 时另存 PDF（需要 LibreOffice）。写不了的文件逐个列出原因，其余照常导出。",
        epilog="退出状态：0 = 全部写出；1 = 有文件未能写出（其余已写出）；2 = 无法导出。",
    )  # fmt: skip
    p.add_argument("--session", type=text, metavar="届次", help="会议届次（不写则导出全部会议）")
    p.add_argument("--to", type=path, required=True, metavar="文件夹", help="导出到这个文件夹")
    p.add_argument("--pdf", action="store_true", help="同时生成 PDF（需要 LibreOffice）")
    p.add_argument("--no-seal", action="store_true", help="不加电子印章")


def cmd_export_all(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop.actions.batch_export import export_answered, run_all

    steps = export_answered(args.session or None, args.to, pdf=args.pdf,
                            sealed=not args.no_seal, store=store)  # fmt: skip
    result = run_all(steps, None if args.json else _print_step)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        if result.pdf_skipped:
            print("未找到 LibreOffice，没有生成 PDF。", file=sys.stderr)
        print(f"共 {result.cases} 件案件：写出 {len(result.written)} 个文件，"
              f"{len(result.failed)} 个未能写出；文件夹：{result.folder}")  # fmt: skip
    return 1 if result.failed else 0


def _print_step(step: BatchStep) -> None:
    for f in step.files:
        if f.error is None:
            print(f"[{step.done}/{step.total}] 第{f.number}号 {KIND_ZH[f.kind]}：{f.path}")
        else:
            print(f"[{step.done}/{step.total}] 第{f.number}号 {KIND_ZH[f.kind]}未写出：{f.error}",
                  file=sys.stderr)  # fmt: skip
