"""Export: the library's letters and the clerk's templates into one pack file."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from desktop import __version__, timestamps
from desktop.library_rows import LetterDetail, LetterOrigin
from desktop.packs.manifest import (
    LAST_EXPORT_KEY,
    LETTERS,
    MANIFEST,
    MAX_LINE_BYTES,
    MAX_TEMPLATES,
    MAX_TOTAL_BYTES,
    PACK_FORMAT,
    PACK_FORMAT_VERSION,
    SINCE_FIELD,
    TEMPLATES_PREFIX,
    ExportReport,
    PackError,
    library_problem,
)
from desktop.packs.templates import default_templates_dir, edited_templates
from desktop.paragraph_split import MAX_PARAGRAPH_CHARS
from desktop.safe_write import atomic_write
from desktop.store import LibraryStore
from desktop.store.errors import DatabaseError
from desktop.store.open_files import is_open_library
from desktop.store.packs import PACK_LETTER_COLUMNS

log = logging.getLogger(__name__)


def since_timestamp(since: dt.date) -> str:
    """Local midnight of ``since`` as the UTC time stamp format of ``letters.imported_at``."""
    return timestamps.utc_text(dt.datetime.combine(since, dt.time.min))


def export_pack(
    store: LibraryStore,
    out: str | Path,
    *,
    since: dt.date | None = None,
    templates_dir: Path | None = None,
    include_templates: bool = True,
) -> ExportReport:
    """Write the letters (imported on or after ``since``, or all) and the clerk's edited
    templates (from ``templates_dir``, by default ``user_dir()``) into the pack ``out``.

    The pack appears complete or not at all (:func:`~desktop.safe_write.atomic_write`):
    :class:`TargetLocked` and :class:`WriteFailed` come from there; :class:`PackError` when
    there is nothing to export, the pack would be too large to import, or the library is
    locked.
    """
    out = Path(out)
    if is_open_library(out):
        raise PackError(f"“{out.name}”是资料库文件本身，不能把资料包写到这里。请换一个文件名。")
    try:
        library_id = store.library_id()
    except DatabaseError as exc:
        raise library_problem(exc, "资料包未导出") from None
    templates = _edited_templates(templates_dir) if include_templates else {}
    template_bytes = sum(len(data) for data in templates.values())
    too_large: list[int] = []
    since_iso = since.isoformat() if since else None
    counts = {"letters": 0, "paragraphs": 0, "templates": len(templates)}
    created_at = timestamps.now()

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            rows = store.packs.letters(since_timestamp(since) if since else None)
            with zf.open(LETTERS, "w") as member, contextlib.closing(rows):
                letters = _write_letters(
                    member, rows, library_id, template_bytes, counts, too_large
                )
            if counts["letters"] == 0 and not templates:
                raise PackError(
                    f"{since_iso} 以来没有新导入的文件，资料包未导出。"
                    if since_iso
                    else "资料库中没有文件，资料包未导出。"
                )
            files = [letters, *_write_templates(zf, templates)]
            manifest = {
                "format": PACK_FORMAT,
                "format_version": PACK_FORMAT_VERSION,
                "app_version": __version__,
                "created_at": created_at,
                "library_id": library_id,
                "since": since_iso,
                "since_field": SINCE_FIELD,
                "counts": counts,
                "files": files,
            }
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")

    try:
        atomic_write(out, write, private=True)  # the whole library: for the clerk only
    except DatabaseError as exc:
        raise library_problem(exc, "资料包未导出") from None
    try:
        store.set_meta(LAST_EXPORT_KEY, created_at)
    except DatabaseError:  # the pack is written; only the date the window proposes is lost
        log.warning("could not record the pack export time", exc_info=True)
    return ExportReport(
        path=str(out),
        library_id=library_id,
        letters=counts["letters"],
        paragraphs=counts["paragraphs"],
        templates=sorted(templates),
        since=since_iso,
        size=out.stat().st_size,
        too_large=too_large,
    )


def _edited_templates(templates_dir: Path | None) -> dict[str, bytes]:
    """The clerk's edited templates (from ``templates_dir``, by default ``user_dir()``)."""
    folder = templates_dir if templates_dir is not None else default_templates_dir()
    templates: dict[str, bytes] = {}
    for name, path in edited_templates(folder).items():
        try:
            templates[name] = path.read_bytes()
        except OSError as exc:
            raise PackError(f"无法读取模板“{path}”：{exc.strerror or exc}。") from None
    if len(templates) > MAX_TEMPLATES:
        raise PackError(
            f"您修改过的模板有 {len(templates)} 个，资料包最多只能带 {MAX_TEMPLATES} 个，"
            "资料包未导出。请删除不用的模板，或选择不导出模板。"
        )
    return templates


def _write_letters(
    member: IO[bytes],
    rows: Iterable[LetterDetail],
    library_id: str,
    template_bytes: int,
    counts: dict[str, int],
    too_large: list[int],
) -> dict[str, Any]:
    """Write one JSON line per letter into ``member``: its manifest entry. Letters a receiver
    could not import are left out and listed in ``too_large``."""
    digest = hashlib.sha256()
    size = 0
    for row in rows:
        line = _letter_line(row, library_id)
        if _too_large(row, line):
            too_large.append(row.id)
            continue
        digest.update(line)
        size += len(line)
        if size + template_bytes > MAX_TOTAL_BYTES:
            raise PackError(
                "要导出的文件太多，资料包将超过 500 MB，同事无法导入。"
                "请用“只导出某日以来新导入的文件”分几次导出。"
            )
        member.write(line)
        counts["letters"] += 1
        counts["paragraphs"] += len(row.paragraphs)
    return {"path": LETTERS, "sha256": digest.hexdigest(), "size": size}


def _too_large(row: LetterDetail, line: bytes) -> bool:
    return len(line) > MAX_LINE_BYTES or any(
        len(p.text) > MAX_PARAGRAPH_CHARS or len(p.original or "") > MAX_PARAGRAPH_CHARS
        for p in row.paragraphs
    )


def _write_templates(zf: zipfile.ZipFile, templates: dict[str, bytes]) -> list[dict[str, Any]]:
    files = []
    for name, data in templates.items():
        zf.writestr(TEMPLATES_PREFIX + name, data)
        files.append(
            {
                "path": TEMPLATES_PREFIX + name,
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
            }
        )
    return files


def last_export(store: LibraryStore) -> dt.date | None:
    """The local date of the library's last pack export (the window proposes it as "since")."""
    stamp = store.get_meta(LAST_EXPORT_KEY)
    if not stamp:
        return None
    try:
        return timestamps.to_local(stamp).date()
    except ValueError:
        return None


def _letter_line(row: LetterDetail, library_id: str) -> bytes:
    origin = row.origin
    if origin is None or not origin.library_id:
        origin = LetterOrigin(library_id, row.id)
    data: dict[str, Any] = {k: getattr(row, k) for k in PACK_LETTER_COLUMNS}
    data["source_lines"] = row.source_lines
    data["origin"] = {"library_id": origin.library_id, "letter_id": origin.letter_id}
    data["paragraphs"] = [
        {"text": p.text, "original": p.original, "section": p.section, "is_heading": p.is_heading}
        for p in row.paragraphs
    ]
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
