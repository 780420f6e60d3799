"""Colleague packs: share past replies between libraries without a network.

A clerk exports a *pack* (one zip file), copies it to a colleague (USB stick, shared folder),
and the colleague imports it: the letters the colleague's library lacks are added, the others
are reported as duplicates. No Qt here; the CLI (``cli_packs``) and the window
(``ui/pack_dialogs``) both call :func:`export_pack` and :func:`import_pack_steps`.

The pack (format ``replydesk-pack``, version 1)::

    manifest.json    {"format": "replydesk-pack", "format_version": 1,
                      "app_version": "0.1.0", "created_at": "2026-06-01T08:00:00+00:00",
                      "library_id": "<the sending library's uuid>",
                      "since": "2026-05-01" | null, "since_field": "imported_at",
                      "counts": {"letters": 12, "paragraphs": 180, "templates": 1},
                      "files": [{"path": "letters.jsonl", "sha256": "…", "size": 123456},
                                {"path": "templates/greeting.j2", "sha256": "…", "size": 310}]}
    letters.jsonl    one letter per line, UTF-8 JSON: every metadata column of ``letters``
                     (kind, title, addressee [list], addressee_role, addressee_count,
                     proposal_number, proposal_title, session, agency, main_organizer,
                     co_organizers [list], reply_date, year, category, contact_name,
                     contact_phone, doc_number, source_path, source_format, content_hash,
                     imported_at), "origin": {"library_id", "letter_id"} and "paragraphs":
                     [{"text" (normalized), "original", "section", "is_heading"}, …] in order
    templates/*.j2   the clerk's edited reply templates (the top of ``user_dir()``), optional

Provenance: ``origin`` names the library where the letter was first imported from a file and
its id there (the same PC that ``source_path`` refers to). A letter of the library's own gets
this library's id; a letter that itself came in a pack keeps the origin it arrived with, so a
letter passed on from colleague to colleague still names its first library. The receiving
library stores ``origin`` in ``letters.origin`` (NULL for its own letters).

``--since``: letters *imported* into the library (``imported_at``) on or after the date
(local midnight), not letters *replied* on or after it. "What is new since I last sent you a
pack" is what the colleague lacks, and an old reply imported yesterday is new to them; the
reply date says nothing about that. Letters received in a pack count as imported when they
were received, so they are passed on too.

Import verifies the whole pack before touching the library (a real zip; a manifest of this
format and a version this program reads; every member listed with its SHA-256 and size and
nothing else in the zip; no unsafe paths; no zip bomb; every letter line valid) and then
merges in one transaction: all letters or none. The SHA-256 sums detect damage and editing
by hand, not a forger who rewrites the manifest too: a pack is trusted as much as the
colleague who hands it over. Templates in a pack never replace the clerk's own: they are saved
in ``user_dir()/from-packs/<pack name>/``, where the clerk can look at them and copy one up.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import json
import logging
import re
import sqlite3
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TypeGuard

from desktop import __version__
from desktop.importer import content_hash
from desktop.model import SECTION_KINDS, Block, ParsedLetter
from desktop.safe_write import TargetLocked, WriteFailed, atomic_write
from desktop.store import LibraryStore
from desktop.store.packs import IncomingLetter

log = logging.getLogger(__name__)

PACK_FORMAT: Final = "replydesk-pack"
PACK_FORMAT_VERSION: Final = 1
MANIFEST: Final = "manifest.json"
LETTERS: Final = "letters.jsonl"
TEMPLATES_PREFIX: Final = "templates/"
FROM_PACKS: Final = "from-packs"
SINCE_FIELD: Final = "imported_at"
LAST_EXPORT_KEY: Final = "last_pack_export"

MAX_TOTAL_BYTES: Final = 500 * 1024 * 1024  # uncompressed, all members together
# Uncompressed / compressed, for members over RATIO_FLOOR: letters compress 3–10 fold, a zip
# bomb about 1000 fold (deflate's limit).
MAX_RATIO: Final = 200
RATIO_FLOOR: Final = 1024 * 1024
MAX_MEMBERS: Final = 500
MAX_MANIFEST_BYTES: Final = 1024 * 1024
MAX_TEMPLATE_BYTES: Final = 1024 * 1024
MAX_LINE_BYTES: Final = 64 * 1024 * 1024
MERGE_PROGRESS_EVERY = 20  # letters between two progress reports of the merge
_CHUNK: Final = 1024 * 1024

_TEMPLATE_NAME = re.compile(r"^[\w\-][\w.\-]{0,80}\.j2$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TEXT_FIELDS = (
    "title", "addressee_role", "proposal_number", "proposal_title", "session", "agency",
    "main_organizer", "reply_date", "category", "contact_name", "contact_phone", "doc_number",
    "source_path", "source_format", "imported_at",
)  # fmt: skip
_LIST_FIELDS = ("addressee", "co_organizers")
_INT_FIELDS = ("addressee_count", "year")
REQUIRED_LETTER_FIELDS: Final = ("kind", "content_hash", "origin", "paragraphs")


class PackError(Exception):
    """A pack that cannot be made or taken in; ``message`` is one line of plain Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# ==============================================================================================
# Reports


@dataclass
class ExportReport:
    path: str
    library_id: str
    letters: int
    paragraphs: int  # paragraph places in the letters (a shared paragraph counts each time)
    templates: list[str]
    since: str | None  # ISO date: letters imported on or after it
    size: int  # bytes of the pack file

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "library_id": self.library_id,
            "letters": self.letters,
            "paragraphs": self.paragraphs,
            "templates": self.templates,
            "since": self.since,
            "since_field": SINCE_FIELD,
            "size": self.size,
        }

    def summary_zh(self) -> str:
        scope = f"{self.since} 以来导入的" if self.since else "全部"
        extra = f"和 {len(self.templates)} 个模板" if self.templates else ""
        return f"已导出{scope} {self.letters} 份文件{extra}到资料包“{self.path}”。"


@dataclass
class PackInfo:
    """What a verified pack's manifest says."""

    path: str
    format_version: int
    app_version: str
    created_at: str
    library_id: str
    since: str | None
    letters: int
    templates: list[str]


@dataclass
class ImportReport:
    pack: PackInfo
    added: list[int] = field(default_factory=list)  # ids of the new letters
    duplicates: list[dict[str, Any]] = field(default_factory=list)  # {"line", "existing_id"}
    new_paragraphs: int = 0
    templates_folder: str | None = None
    templates_saved: list[str] = field(default_factory=list)  # written now
    templates_present: list[str] = field(default_factory=list)  # already there, same content

    def to_json(self) -> dict[str, Any]:
        return {
            "pack": self.pack.path,
            "source_library_id": self.pack.library_id,
            "created_at": self.pack.created_at,
            "app_version": self.pack.app_version,
            "format_version": self.pack.format_version,
            "letters_in_pack": self.pack.letters,
            "added": len(self.added),
            "added_ids": self.added,
            "duplicates": len(self.duplicates),
            "duplicate_letters": self.duplicates,
            "new_paragraphs": self.new_paragraphs,
            "templates_folder": self.templates_folder,
            "templates_saved": self.templates_saved,
            "templates_present": self.templates_present,
        }

    def summary_zh(self) -> str:
        text = (
            f"资料包中共 {self.pack.letters} 份文件：新增 {len(self.added)} 份，"
            f"{len(self.duplicates)} 份资料库中已有（未重复导入），"
            f"新增段落 {self.new_paragraphs} 个。"
        )
        if self.templates_saved:
            text += (
                f"资料包中的 {len(self.templates_saved)} 个模板已另存到“{self.templates_folder}”"
                "（不会替换您自己的模板）。"
            )
        elif self.templates_present:
            text += f"资料包中的模板此前已保存在“{self.templates_folder}”。"
        return text


@dataclass
class PackProgress:
    phase: str  # "verify" | "merge"
    done: int
    total: int


# ==============================================================================================
# Export


def since_timestamp(since: dt.date) -> str:
    """Local midnight of ``since`` as the UTC time stamp format of ``letters.imported_at``."""
    local = dt.datetime.combine(since, dt.time.min).astimezone()
    return local.astimezone(dt.UTC).isoformat(timespec="seconds")


def edited_templates(folder: Path | None) -> dict[str, Path]:
    """The clerk's edited templates: ``*.j2`` at the top of ``folder`` (not ``from-packs``)."""
    if folder is None or not folder.is_dir():
        return {}
    found = {}
    for path in sorted(folder.glob("*.j2")):
        if (
            path.is_file()
            and _TEMPLATE_NAME.match(path.name)
            and path.stat().st_size <= MAX_TEMPLATE_BYTES
        ):
            found[path.name] = path
    return found


def _default_templates_dir() -> Path:
    from desktop.reply_templates import user_dir

    return user_dir()


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
    try:
        library_id = store.library_id()
    except sqlite3.OperationalError as exc:
        raise _library_problem(exc, "资料包未导出") from None
    templates: dict[str, bytes] = {}
    if include_templates:
        folder = templates_dir if templates_dir is not None else _default_templates_dir()
        for name, path in edited_templates(folder).items():
            try:
                templates[name] = path.read_bytes()
            except OSError as exc:
                raise PackError(f"无法读取模板“{path}”：{exc.strerror or exc}。") from None
    template_bytes = sum(len(data) for data in templates.values())
    since_iso = since.isoformat() if since else None
    counts = {"letters": 0, "paragraphs": 0, "templates": len(templates)}
    created_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")

    def write(tmp: Path) -> None:
        files: list[dict[str, Any]] = []
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            digest = hashlib.sha256()
            size = 0
            rows = store.pack_letters(since_timestamp(since) if since else None)
            with zf.open(LETTERS, "w") as member, contextlib.closing(rows):
                for row in rows:
                    line = _letter_line(row, library_id)
                    digest.update(line)
                    size += len(line)
                    if size + template_bytes > MAX_TOTAL_BYTES:
                        raise PackError(
                            "要导出的文件太多，资料包将超过 500 MB，同事无法导入。"
                            "请用“只导出某日以来新导入的文件”分几次导出。"
                        )
                    member.write(line)
                    counts["letters"] += 1
                    counts["paragraphs"] += len(row["paragraphs"])
            files.append({"path": LETTERS, "sha256": digest.hexdigest(), "size": size})
            if counts["letters"] == 0 and not templates:
                raise PackError(
                    f"{since_iso} 以来没有新导入的文件，资料包未导出。"
                    if since_iso
                    else "资料库中没有文件，资料包未导出。"
                )
            for name, data in templates.items():
                zf.writestr(TEMPLATES_PREFIX + name, data)
                files.append(
                    {
                        "path": TEMPLATES_PREFIX + name,
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "size": len(data),
                    }
                )
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
        atomic_write(out, write)
    except sqlite3.Error as exc:
        raise _library_problem(exc, "资料包未导出") from None
    try:
        store.set_meta(LAST_EXPORT_KEY, created_at)
    except sqlite3.Error:  # the pack is written; only the date the window proposes is lost
        log.warning("could not record the pack export time", exc_info=True)
    return ExportReport(
        path=str(out),
        library_id=library_id,
        letters=counts["letters"],
        paragraphs=counts["paragraphs"],
        templates=sorted(templates),
        since=since_iso,
        size=out.stat().st_size,
    )


def last_export(store: LibraryStore) -> dt.date | None:
    """The local date of the library's last pack export (the window proposes it as "since")."""
    stamp = store.get_meta(LAST_EXPORT_KEY)
    if not stamp:
        return None
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().date()
    except ValueError:
        return None


def _letter_line(row: dict[str, Any], library_id: str) -> bytes:
    origin = row.get("origin")
    if not (isinstance(origin, dict) and origin.get("library_id")):
        origin = {"library_id": library_id, "letter_id": row["id"]}
    data = {k: v for k, v in row.items() if k not in ("id", "origin", "paragraphs")}
    data["origin"] = {"library_id": origin["library_id"], "letter_id": origin.get("letter_id")}
    data["paragraphs"] = row["paragraphs"]
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


# ==============================================================================================
# Verification


@dataclass
class _Member:
    info: zipfile.ZipInfo
    sha256: str
    size: int


@dataclass
class _Verified:
    path: Path
    info: PackInfo
    letters: _Member
    templates: dict[str, bytes]


def _unsafe_name(name: str) -> bool:
    if not name or "\x00" in name or "\\" in name or ":" in name:
        return True
    if name.startswith("/"):
        return True
    parts = name.rstrip("/").split("/")
    return any(part in ("", ".", "..") for part in parts)


def _open_zip(path: Path) -> zipfile.ZipFile:
    name = path.name
    if not path.exists():
        raise PackError(f"找不到资料包“{path}”。")
    if path.is_dir():
        raise PackError(f"“{name}”是一个文件夹，不是资料包。")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise PackError(
            f"“{name}”不是有效的资料包：文件不是完整的压缩包，可能已损坏或没有复制完整。"
        ) from None
    except OSError as exc:
        raise PackError(f"无法读取资料包“{name}”：{exc.strerror or exc}。") from None


def _check_members(zf: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackError(
            f"“{name}”中的文件过多（{len(infos)} 个），不是答复助手资料包，已拒绝导入。"
        )
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        if _unsafe_name(info.filename):
            raise PackError(
                f"“{name}”中有不安全的文件路径“{info.filename}”，可能是恶意文件，已拒绝导入。"
            )
        if info.filename in members:
            raise PackError(f"“{name}”中有重名的文件“{info.filename}”，可能被篡改，已拒绝导入。")
        if info.flag_bits & 0x1:
            raise PackError(f"“{name}”中有加密的文件“{info.filename}”，已拒绝导入。")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackError(f"“{name}”使用了答复助手不支持的压缩方式，已拒绝导入。")
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise PackError(
                f"“{name}”中的“{info.filename}”压缩比异常（约 {ratio} 倍），"
                "可能是恶意的压缩炸弹，已拒绝导入。"
            )
        members[info.filename] = info
    if total > MAX_TOTAL_BYTES:
        raise PackError(
            f"“{name}”解压后过大（约 {total // (1024 * 1024)} MB，上限 "
            f"{MAX_TOTAL_BYTES // (1024 * 1024)} MB），可能是恶意的压缩炸弹，已拒绝导入。"
        )
    return members


def _read_manifest(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], name: str) -> Any:
    info = members.get(MANIFEST)
    if info is None:
        raise PackError(f"“{name}”不是答复助手资料包（包中没有清单 {MANIFEST}）。")
    if info.file_size > MAX_MANIFEST_BYTES:
        raise PackError(f"“{name}”的清单 {MANIFEST} 过大，不是答复助手资料包，已拒绝导入。")
    try:
        raw = zf.read(info)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError):
        raise PackError(f"“{name}”的清单 {MANIFEST} 已损坏，已拒绝导入。") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackError(
            f"“{name}”的清单 {MANIFEST} 不是有效的 JSON，已损坏，已拒绝导入。"
        ) from None


def _manifest_problem(name: str, what: str) -> PackError:
    return PackError(f"“{name}”的清单 {MANIFEST} 不完整或有误（{what}），已拒绝导入。")


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_manifest(manifest: Any, name: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    if not isinstance(manifest, dict):
        raise _manifest_problem(name, "不是一个 JSON 对象")
    fmt = manifest.get("format")
    if fmt != PACK_FORMAT:
        raise PackError(f"“{name}”不是答复助手资料包（清单中的格式是“{fmt}”）。")
    version = manifest.get("format_version")
    if not _is_int(version) or version < 1:
        raise _manifest_problem(name, "format_version")
    if version > PACK_FORMAT_VERSION:
        raise PackError(
            f"“{name}”由更新版本的答复助手制作（资料包格式 {version}，本版本只能读取格式 "
            f"{PACK_FORMAT_VERSION}），请升级答复助手后再导入。"
        )
    library_id = manifest.get("library_id")
    if not isinstance(library_id, str) or not library_id or len(library_id) > 100:
        raise _manifest_problem(name, "library_id")
    counts = manifest.get("counts")
    if not isinstance(counts, dict) or not _is_int(counts.get("letters")):
        raise _manifest_problem(name, "counts")
    for key in ("created_at", "app_version"):
        if not isinstance(manifest.get(key), str):
            raise _manifest_problem(name, key)
    since = manifest.get("since")
    if since is not None and not (isinstance(since, str) and _ISO_DATE.match(since)):
        raise _manifest_problem(name, "since")
    files = manifest.get("files")
    if not isinstance(files, list):
        raise _manifest_problem(name, "files")
    listed: dict[str, dict[str, Any]] = {}
    for entry in files:
        if not isinstance(entry, dict):
            raise _manifest_problem(name, "files")
        path = entry.get("path")
        if not isinstance(path, str) or _unsafe_name(path):
            raise PackError(
                f"“{name}”的清单中有不安全的文件路径“{path}”，可能是恶意文件，已拒绝导入。"
            )
        template = path.startswith(TEMPLATES_PREFIX) and _TEMPLATE_NAME.match(
            path[len(TEMPLATES_PREFIX) :]
        )
        if path != LETTERS and not template:
            raise _manifest_problem(name, f"未知的文件“{path}”")
        if path in listed:
            raise _manifest_problem(name, f"“{path}”列出了两次")
        sha, size = entry.get("sha256"), entry.get("size")
        if not (isinstance(sha, str) and _SHA256.match(sha) and _is_int(size) and size >= 0):
            raise _manifest_problem(name, f"“{path}”的校验值或大小")
        listed[path] = entry
    if LETTERS not in listed:
        raise _manifest_problem(name, f"没有列出 {LETTERS}")
    return manifest, listed


def _read_member(
    zf: zipfile.ZipFile, member: _Member, pack_name: str
) -> Generator[bytes, None, None]:
    """The member's bytes in chunks; after the last one, a :class:`PackError` when its size or
    SHA-256 differs from the manifest's (also on a CRC error of the zip itself)."""
    name = member.info.filename
    digest = hashlib.sha256()
    size = 0
    tampered = PackError(
        f"“{pack_name}”中的“{name}”与清单记录的校验值不符：资料包已损坏或被改动过，"
        "已拒绝导入。请让同事重新导出。"
    )
    try:
        with zf.open(member.info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > member.size:
                    raise tampered
                digest.update(chunk)
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise tampered from None
    except OSError as exc:
        raise PackError(f"无法读取资料包“{pack_name}”：{exc.strerror or exc}。") from None
    if size != member.size or digest.hexdigest() != member.sha256:
        raise tampered


def _lines(chunks: Iterator[bytes], pack_name: str) -> Iterator[tuple[int, bytes]]:
    """Non-empty lines with their 1-based line numbers."""
    buffer = b""
    lineno = 0
    for chunk in chunks:
        buffer += chunk
        *complete, buffer = buffer.split(b"\n")
        for line in complete:
            lineno += 1
            if line.strip():
                yield lineno, line
        if len(buffer) > MAX_LINE_BYTES:
            raise PackError(f"“{pack_name}”的 {LETTERS} 第 {lineno + 1} 行过长，已拒绝导入。")
    if buffer.strip():
        yield lineno + 1, buffer


class _BadLine(Exception):
    pass


def _opt_text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _BadLine(f"“{key}”应为文字")


def _text_list(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _BadLine(f"“{key}”应为文字列表")
    return list(value)


def _incoming(raw: bytes) -> IncomingLetter:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _BadLine("不是 UTF-8 文字") from None
    except (ValueError, RecursionError):
        raise _BadLine("不是有效的 JSON") from None
    if not isinstance(data, dict):
        raise _BadLine("不是一个 JSON 对象")
    missing = [k for k in REQUIRED_LETTER_FIELDS if k not in data]
    if missing:
        raise _BadLine("缺少" + "、".join(f"“{k}”" for k in missing))
    kind = data["kind"]
    if kind not in ("reply", "reference"):
        raise _BadLine("“kind”应为 reply 或 reference")
    declared = data["content_hash"]
    if not isinstance(declared, str) or not 0 < len(declared) <= 128:
        raise _BadLine("“content_hash”无效")
    origin = data["origin"]
    if (
        not isinstance(origin, dict)
        or not isinstance(origin.get("library_id"), str)
        or not 0 < len(origin["library_id"]) <= 100
        or not (origin.get("letter_id") is None or _is_int(origin.get("letter_id")))
    ):
        raise _BadLine("“origin”应为 {library_id, letter_id}")
    texts = {k: _opt_text(data, k) for k in _TEXT_FIELDS}
    reply_date = texts["reply_date"]
    if reply_date is not None:
        try:
            if not _ISO_DATE.match(reply_date):
                raise ValueError(reply_date)
            dt.date.fromisoformat(reply_date)
        except ValueError:
            raise _BadLine("“reply_date”应为 YYYY-MM-DD 日期") from None
    for key in _INT_FIELDS:
        if data.get(key) is not None and not _is_int(data[key]):
            raise _BadLine(f"“{key}”应为整数")
    paragraphs = data["paragraphs"]
    if not isinstance(paragraphs, list) or not paragraphs:
        raise _BadLine("“paragraphs”应为非空列表")
    blocks = []
    for i, p in enumerate(paragraphs, 1):
        if not isinstance(p, dict):
            raise _BadLine(f"第 {i} 段不是一个 JSON 对象")
        text, original, section = p.get("text"), p.get("original"), p.get("section")
        if not isinstance(text, str) or not text.strip():
            raise _BadLine(f"第 {i} 段没有文字")
        if not isinstance(original, str):
            raise _BadLine(f"第 {i} 段的“original”应为文字")
        if section not in SECTION_KINDS:
            raise _BadLine(f"第 {i} 段的“section”无效")
        if not isinstance(p.get("is_heading", False), bool):
            raise _BadLine(f"第 {i} 段的“is_heading”应为 true 或 false")
        # The sender's normalized text as it is: normalizing it again here (with this
        # version's rules, which may differ from the sender's) could change a paragraph's hash
        # and store twice what the receiver already holds.
        blocks.append(Block(text, original, section, p.get("is_heading", False)))
    letter = ParsedLetter(
        kind=kind,
        blocks=blocks,
        title=texts["title"],
        addressee=_text_list(data, "addressee"),
        addressee_role=texts["addressee_role"],
        addressee_count=data.get("addressee_count"),
        proposal_number=texts["proposal_number"],
        proposal_title=texts["proposal_title"],
        session=texts["session"],
        agency=texts["agency"],
        main_organizer=texts["main_organizer"],
        co_organizers=_text_list(data, "co_organizers"),
        reply_date=reply_date,
        category=texts["category"],
        contact_name=texts["contact_name"],
        contact_phone=texts["contact_phone"],
        doc_number=texts["doc_number"],
    )
    return IncomingLetter(
        letter=letter,
        content_hash=content_hash(letter),
        declared_hash=declared,
        source_path=texts["source_path"],
        source_format=texts["source_format"],
        origin=json.dumps(
            {"library_id": origin["library_id"], "letter_id": origin.get("letter_id")},
            ensure_ascii=False,
        ),
    )


def _bad_line(pack_name: str, lineno: int, reason: str) -> PackError:
    return PackError(f"“{pack_name}”的 {LETTERS} 第 {lineno} 行无效（{reason}），已拒绝导入。")


def _verify_steps(path: Path) -> Generator[PackProgress, None, _Verified]:
    name = path.name
    with _open_zip(path) as zf:
        members = _check_members(zf, name)
        manifest, listed = _check_manifest(_read_manifest(zf, members, name), name)
        for member_name in members:
            if member_name != MANIFEST and member_name not in listed:
                raise PackError(
                    f"“{name}”中有清单之外的文件“{member_name}”，可能被篡改，已拒绝导入。"
                )
        checked: dict[str, _Member] = {}
        for member_name, entry in listed.items():
            info = members.get(member_name)
            if info is None:
                raise PackError(f"“{name}”不完整：清单中的“{member_name}”不在包中，已拒绝导入。")
            if info.file_size != entry["size"]:
                raise PackError(
                    f"“{name}”中的“{member_name}”大小与清单记录的不符：资料包已损坏或被改动过，"
                    "已拒绝导入。"
                )
            checked[member_name] = _Member(info, entry["sha256"], entry["size"])

        templates: dict[str, bytes] = {}
        for member_name, member in checked.items():
            if member_name == LETTERS:
                continue
            if member.size > MAX_TEMPLATE_BYTES:
                raise PackError(f"“{name}”中的模板“{member_name}”过大，已拒绝导入。")
            data = b"".join(_read_member(zf, member, name))
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                raise PackError(
                    f"“{name}”中的模板“{member_name}”不是 UTF-8 文字，已拒绝导入。"
                ) from None
            templates[member_name[len(TEMPLATES_PREFIX) :]] = data

        expected = manifest["counts"]["letters"]
        letters = checked[LETTERS]
        count = 0
        first_problem: PackError | None = None
        # A bad line is reported only once the whole member matched its SHA-256: damage and
        # tampering are named as such, not as the odd line they happen to break.
        for lineno, raw in _lines(_read_member(zf, letters, name), name):
            count += 1
            if first_problem is None:
                try:
                    _incoming(raw)
                except _BadLine as exc:
                    first_problem = _bad_line(name, lineno, str(exc))
            if count % 100 == 0:
                yield PackProgress("verify", count, expected)
        if first_problem is not None:
            raise first_problem
        if count != expected:
            raise PackError(
                f"“{name}”的清单记录了 {expected} 份文件，包中实际有 {count} 份，已拒绝导入。"
            )
        yield PackProgress("verify", count, expected)
    pack = PackInfo(
        path=str(path),
        format_version=manifest["format_version"],
        app_version=manifest["app_version"],
        created_at=manifest["created_at"],
        library_id=manifest["library_id"],
        since=manifest.get("since"),
        letters=count,
        templates=sorted(templates),
    )
    return _Verified(path, pack, letters, templates)


def verify_pack(path: str | Path) -> PackInfo:
    """Check a pack completely without a library; :class:`PackError` says what is wrong."""
    return _drain(_verify_steps(Path(path))).info


# ==============================================================================================
# Import


def _received_letters(verified: _Verified) -> Iterator[IncomingLetter]:
    """The letters of a verified pack, read again (and checked against the manifest again:
    the file could have been changed since it was verified)."""
    name = verified.path.name
    with _open_zip(verified.path) as zf:
        try:
            info = zf.getinfo(LETTERS)
        except KeyError:
            raise PackError(f"“{name}”在导入过程中被改动，已拒绝导入。") from None
        member = _Member(info, verified.letters.sha256, verified.letters.size)
        for lineno, raw in _lines(_read_member(zf, member, name), name):
            try:
                yield _incoming(raw)
            except _BadLine as exc:
                raise _bad_line(name, lineno, str(exc)) from None


def pack_folder_name(pack: Path) -> str:
    """A folder name made from the pack's file name, safe on Windows."""
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", pack.stem).strip(" .")[:60]
    return stem or "pack"


def _save_templates(
    templates: dict[str, bytes],
    root: Path,
    folder_name: str,
    written: list[Path],
    made: list[Path],
) -> tuple[Path, list[str], list[str]]:
    """Write the templates into ``root/folder_name`` (or ``folder_name(2)``, … when that
    folder holds different templates of the same names). Returns the folder, the names
    written and the names already there with the same content; ``written`` and ``made`` get
    the files and folders made, for :func:`_remove` when the import fails after all."""
    for n in itertools.count(1):
        folder = root / (folder_name if n == 1 else f"{folder_name}({n})")
        if not any(
            (folder / t).exists() and _read_or_none(folder / t) != data
            for t, data in templates.items()
        ):
            break
    missing = [d for d in (folder, *folder.parents) if not d.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        made.extend(missing)  # deepest first
    except OSError as exc:
        raise WriteFailed(f"无法创建文件夹“{folder}”：{exc.strerror or exc}。") from None
    saved, present = [], []
    for template, data in sorted(templates.items()):
        target = folder / template
        if target.exists():
            present.append(template)
            continue
        atomic_write(target, _bytes_writer(data))
        written.append(target)
        saved.append(template)
    return folder, saved, present


def _bytes_writer(data: bytes) -> Callable[[Path], object]:
    return lambda tmp: tmp.write_bytes(data)


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _library_problem(exc: sqlite3.Error, what: str) -> PackError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return PackError(f"资料库正被其他程序（或另一个答复助手窗口）占用，{what}。请稍后再试。")
    if "full" in text or "disk" in text:
        return PackError(f"磁盘空间不足，{what}。请清理磁盘后再试。")
    return PackError(f"资料库出错（{exc}），{what}。")


def import_pack_steps(
    store: LibraryStore, path: str | Path, *, templates_dir: Path | None = None
) -> Generator[PackProgress, None, ImportReport]:
    """Verify the pack, then merge it into the library in one transaction.

    A generator for the window (progress and cancel): yields :class:`PackProgress` and
    returns the :class:`ImportReport`. Closing it before the end rolls the merge back. Raises
    :class:`PackError` (refused pack, library locked, disk full) with the library untouched.
    Templates go to ``templates_dir/from-packs/<pack name>/`` (``templates_dir`` defaults to
    ``user_dir()``), written inside the transaction and removed again if it fails.
    """
    path = Path(path)
    verified = yield from _verify_steps(path)
    total = verified.info.letters
    root = (templates_dir if templates_dir is not None else _default_templates_dir()) / FROM_PACKS
    written: list[Path] = []
    made: list[Path] = []
    saved: dict[str, Any] = {}

    def save_templates() -> None:
        if verified.templates:
            folder, new, present = _save_templates(
                verified.templates, root, pack_folder_name(path), written, made
            )
            saved.update(folder=folder, new=new, present=present)

    merge = store.merge_pack_letters(_received_letters(verified), before_commit=save_templates)
    try:
        while True:
            try:
                done = next(merge)
            except StopIteration as stop:
                outcome = stop.value
                break
            if done % MERGE_PROGRESS_EVERY == 0 or done == total:
                yield PackProgress("merge", done, total)
    except sqlite3.Error as exc:
        _remove(written, made)
        raise _library_problem(exc, "资料包未导入，资料库保持原样") from None
    except (WriteFailed, TargetLocked) as exc:
        _remove(written, made)
        raise PackError(f"资料包未导入，资料库保持原样：{exc.message}") from None
    except BaseException:
        _remove(written, made)
        raise
    finally:
        merge.close()
    report = ImportReport(
        pack=verified.info,
        added=outcome.added,
        duplicates=[{"line": n, "existing_id": i} for n, i in outcome.duplicates],
        new_paragraphs=outcome.new_paragraphs,
    )
    if saved:
        report.templates_folder = str(saved["folder"])
        report.templates_saved = saved["new"]
        report.templates_present = saved["present"]
    log.info(
        "pack %s from library %s: %d added, %d duplicates, %d new paragraphs",
        path, verified.info.library_id, len(report.added), len(report.duplicates),
        report.new_paragraphs,
    )  # fmt: skip
    return report


def import_pack(
    store: LibraryStore,
    path: str | Path,
    *,
    templates_dir: Path | None = None,
    progress: Callable[[PackProgress], None] | None = None,
) -> ImportReport:
    """:func:`import_pack_steps` run to its end."""
    return _drain(import_pack_steps(store, path, templates_dir=templates_dir), progress)


def _drain(
    steps: Generator[PackProgress, None, Any],
    progress: Callable[[PackProgress], None] | None = None,
) -> Any:
    while True:
        try:
            value = next(steps)
        except StopIteration as stop:
            return stop.value
        if progress is not None:
            progress(value)


def _remove(files: list[Path], folders: list[Path]) -> None:
    for path in files:
        try:
            path.unlink()
        except OSError:
            log.warning("could not remove %s after a failed pack import", path)
    for folder in folders:  # deepest first
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
