"""Files: :func:`check_file`, the command-line glue for .txt and .docx files."""

from __future__ import annotations

import shutil
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, Final

from desktop.docx_text import (
    MC_FALLBACK,
    W_NS,
    W_STRICT_NS,
    XML_SPACE,
    P,
    as_transitional,
    main_part_name,
    paragraph_text,
    w,
)
from desktop.model import ImportFailure
from desktop.proofread.checker import apply_fixes, check, select_fixes
from desktop.proofread.common import Finding, quote
from desktop.readers import MSG_CORRUPT, decode_text, read_document
from desktop.safe_write import TargetLocked, WriteFailed, atomic_write

# ----------------------------------------------------------------------------------------------
# Files: the command-line glue

CHECKABLE_SUFFIXES: Final = (".txt", ".docx")


def check_file(
    path: Path, *, date: str | None, fix: bool
) -> tuple[list[Finding], list[str] | None]:
    """Check a .txt or .docx file: ``(findings, applied fixes or None)``.

    Paragraphs are the non-empty lines of a .txt file (trailing white space ignored, as on
    import) or the non-empty paragraphs (``w:p``, including table cells and text boxes) of a
    .docx file; ``Finding.paragraph`` counts those. ``date`` is the reply date (default today).
    The findings are those of the file as it was read.

    Without ``fix`` the second element is None. With ``fix``, the mechanical fixes are applied
    and the second element lists them, one line each (``第 1 段：“的的”→“的”``). When anything
    changed, a copy of the original is kept as ``NAME.bak`` beside the file (replacing an older
    one) and the file is replaced atomically (:func:`desktop.safe_write.atomic_write`). A .txt
    file keeps its encoding, byte-order mark, line endings and trailing white space; a .docx
    file keeps its formatting: only the text of ``w:t`` elements changes, a fix spanning several
    runs goes into the first run and is cut from the others, and a fix that would cross a tab or
    line break is skipped (and not listed).

    Raises :class:`ImportFailure` (plain Chinese) for a file that cannot be read or written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CHECKABLE_SUFFIXES:
        raise ImportFailure(f"无法检查 {path.name}：只能检查 .txt 和 .docx 文件")
    read_document(path, soffice=None)  # refuses what a clerk should be told about, in Chinese
    if suffix == ".txt":
        return _check_txt(path, date, fix)
    return _check_docx(path, date, fix)


def _describe(f: Finding, old: str) -> str:
    return f"第 {f.paragraph + 1} 段：{quote(old)}→{quote(f.suggestion or '')}"


def _check_txt(path: Path, date: str | None, fix: bool) -> tuple[list[Finding], list[str] | None]:
    try:
        data = path.read_bytes()
    except OSError:
        raise ImportFailure(f"无法打开文件 {path.name}：可能正被其他程序占用或没有权限") from None
    try:
        text, encoding = decode_text(data)
    except ImportFailure as exc:
        raise ImportFailure(f"无法读取 {path.name}：{exc.message}") from None
    lines = text.splitlines(keepends=True)
    paragraphs = [body for body in (line.rstrip() for line in lines) if body]
    findings = check(paragraphs, reply_date=date)
    if not fix:
        return findings, None
    fixed, applied = apply_fixes(paragraphs, findings)
    if not applied:
        return findings, []
    out: list[str] = []
    k = 0
    for line in lines:
        body = line.rstrip()
        if body:
            out.append(fixed[k] + line[len(body) :])
            k += 1
        else:
            out.append(line)
    bom = b""
    for mark, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if encoding == codec and data.startswith(mark):
            bom = mark
    _write_back(path, bom + "".join(out).encode(encoding))
    return findings, [_describe(f, paragraphs[f.paragraph][f.start : f.end]) for f in applied]


def _segments(p: Any) -> list[tuple[Any | None, str]]:
    """The text pieces of a ``w:p`` in order: ``(w:t element, text)`` or ``(None, "\\t")``."""
    return paragraph_text(p).pieces


def _docx_paragraphs(body: Any) -> list[Any]:
    """The non-empty ``w:p`` of a body in document order (VML fallback copies skipped)."""
    result = []
    for p in body.iter(P):
        if any(a.tag in _HIDDEN_ANCESTORS for a in p.iterancestors()):
            continue
        if "".join(t for _, t in _segments(p)).strip():
            result.append(p)
    return result


def _replace_in_segments(p: Any, start: int, end: int, new: str) -> bool:
    """Replace ``[start, end)`` of the paragraph's text in its ``w:t`` elements.

    The replacement goes into the first piece the span touches; the other pieces lose their
    part of the span. False (nothing changed) when the span crosses a tab or a line break.
    """
    offset = 0
    touched: list[tuple[Any, int, int]] = []  # (w:t, start in it, end in it)
    for element, text in _segments(p):
        seg_start, seg_end = offset, offset + len(text)
        offset = seg_end
        if start < end:
            if seg_end <= start or seg_start >= end or seg_start == seg_end:
                continue
        elif element is None or not seg_start <= start <= seg_end:
            continue  # an insertion goes into the first w:t that reaches its position
        if element is None:
            return False
        touched.append((element, max(start, seg_start) - seg_start, min(end, seg_end) - seg_start))
        if start == end:
            break
    if not touched:
        return False
    for n, (element, a, b) in enumerate(touched):
        old = element.text or ""
        value = old[:a] + (new if n == 0 else "") + old[b:]
        element.text = value
        if value != value.strip():
            element.set(XML_SPACE, "preserve")
    return True


# A paragraph inside these is not shown: an old-Word copy of a drawing, a tracked deletion.
_HIDDEN_ANCESTORS: Final = frozenset({MC_FALLBACK, w("del")})
_MSG_DAMAGED_PART: Final = (
    "文件中除正文外的部分（样式、页眉等）已损坏，为免改坏文件，未作修改；"
    "请在 Word/WPS 中打开并另存为 .docx 后再用 --fix"
)


@dataclass
class _MainPart:
    """The main document part of a .docx package, parsed for checking and fixing."""

    data: bytes  # the whole file
    name: str  # the zip member, e.g. "word/document.xml"
    root: Any  # its w:document element (Strict files read in the transitional namespace)
    strict: bool


def _read_main_part(path: Path) -> _MainPart:
    """Only the main document is read, as the importer reads it: a damaged style sheet or
    header does not stop the check, and a Strict Open XML file ("ISO 29500 strict") is read
    in the transitional namespace it differs from only by name."""
    from docx.oxml.parser import parse_xml
    from lxml import etree

    try:
        data = path.read_bytes()
    except OSError:
        raise ImportFailure(f"无法打开文件 {path.name}：可能正被其他程序占用或没有权限") from None
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            name = main_part_name(archive, parse_xml)
            if name is None:
                raise ImportFailure(f"无法读取 {path.name}：{MSG_CORRUPT}")
            xml = archive.read(name)
        xml, strict = as_transitional(xml)
        # No blank-text removal: a fixed file keeps every space it had.
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(xml, parser)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        zlib.error,
        EOFError,
        ValueError,
        etree.LxmlError,
    ):
        raise ImportFailure(f"无法读取 {path.name}：{MSG_CORRUPT}") from None
    if root.find(w("body")) is None:
        raise ImportFailure(f"无法读取 {path.name}：{MSG_CORRUPT}")
    return _MainPart(data, name, root, strict)


def _package_with(part: _MainPart, path: Path) -> bytes:
    """The package with the fixed main part; every other member copied as it was."""
    from lxml import etree

    xml = etree.tostring(part.root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part.strict:
        xml = xml.replace(W_NS.encode(), W_STRICT_NS.encode())
    out = BytesIO()
    try:
        with (
            zipfile.ZipFile(BytesIO(part.data)) as archive,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as result,
        ):
            for info in archive.infolist():
                member = xml if info.filename == part.name else archive.read(info)
                result.writestr(info, member)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
        raise ImportFailure(f"无法修改 {path.name}：{_MSG_DAMAGED_PART}") from None
    return out.getvalue()


def _check_docx(path: Path, date: str | None, fix: bool) -> tuple[list[Finding], list[str] | None]:
    part = _read_main_part(path)
    elements = _docx_paragraphs(part.root.find(w("body")))
    paragraphs = ["".join(t for _, t in _segments(p)) for p in elements]
    findings = check(paragraphs, reply_date=date)
    if not fix:
        return findings, None
    applied: list[Finding] = []
    for index, chosen in select_fixes(paragraphs, findings).items():
        for f in reversed(chosen):
            assert f.suggestion is not None
            if _replace_in_segments(elements[index], f.start, f.end, f.suggestion):
                applied.append(f)
    if not applied:
        return findings, []
    applied.sort(key=lambda f: (f.paragraph, f.start))
    _write_back(path, _package_with(part, path))
    return findings, [_describe(f, paragraphs[f.paragraph][f.start : f.end]) for f in applied]


def _write_back(path: Path, data: bytes) -> None:
    """Keep a copy of ``path`` as ``NAME.bak``, then replace ``path`` with ``data``.

    Both writes are atomic (a temporary file moved over the target): on a full disk the
    previous ``.bak`` and the file itself stay as they were."""
    backup = path.with_name(path.name + ".bak")
    try:
        atomic_write(backup, lambda tmp: shutil.copy2(path, tmp))
    except (TargetLocked, WriteFailed) as exc:
        raise ImportFailure(
            f"无法修改 {path.name}：不能在同一文件夹保存备份 {backup.name}（{exc.message}）；"
            "原文件和原有备份均未改动"
        ) from None

    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    try:
        atomic_write(path, write)
    except (TargetLocked, WriteFailed) as exc:
        raise ImportFailure(f"{exc.message}（原文件未改动）") from None
