"""Verification: the whole pack is checked before the library is touched."""

from __future__ import annotations

import errno
import hashlib
import json
import zipfile
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.json_values import JsonProblem, is_int, storable
from desktop.packs.letter_line import bad_line_error, parse_letter_line
from desktop.packs.manifest import (
    ISO_DATE_RE,
    LETTERS,
    MANIFEST,
    MAX_LINE_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_TEMPLATE_BYTES,
    MAX_TEMPLATES,
    PACK_FORMAT,
    PACK_FORMAT_VERSION,
    READ_CHUNK,
    SHA256_RE,
    TEMPLATE_NAME_RE,
    TEMPLATES_PREFIX,
    PackError,
    PackInfo,
    PackProgress,
    drain,
)
from desktop.zip_guard import MAX_UNZIPPED_TOTAL, find_zip_bomb


@dataclass
class PackMember:
    info: zipfile.ZipInfo
    sha256: str
    size: int


@dataclass
class VerifiedPack:
    path: Path
    info: PackInfo
    letters: PackMember
    templates: dict[str, bytes]


def _unsafe_name(name: str) -> bool:
    if not name or "\x00" in name or "\\" in name or ":" in name:
        return True
    if name.startswith("/"):
        return True
    parts = name.rstrip("/").split("/")
    return any(part in ("", ".", "..") for part in parts)


def open_pack_zip(path: Path) -> zipfile.ZipFile:
    name = path.name
    if not path.exists():
        raise PackError(f"找不到资料包“{path}”。")
    if path.is_dir():
        raise PackError(f"“{name}”是一个文件夹，不是资料包。")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _not_a_whole_zip(name) from None
    except OSError as exc:
        raise _read_problem(name, exc) from None


def _not_a_whole_zip(name: str) -> PackError:
    return PackError(f"“{name}”不是有效的资料包：文件不是完整的压缩包，可能已损坏或没有复制完整。")


def _read_problem(name: str, exc: OSError) -> PackError:
    # zipfile seeks to offsets read from the file: a damaged directory gives EINVAL
    if exc.errno == errno.EINVAL:
        return _not_a_whole_zip(name)
    if isinstance(exc, PermissionError):
        return PackError(f"无法读取资料包“{name}”：没有权限，或文件正被其他程序占用。")
    return PackError(f"无法读取资料包“{name}”：读取出错（{exc.strerror or exc}）。")


def _check_members(zf: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackError(
            f"“{name}”中的文件过多（{len(infos)} 个），不是答复助手资料包，已拒绝导入。"
        )
    members: dict[str, zipfile.ZipInfo] = {}
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
        members[info.filename] = info
    _refuse_zip_bomb(infos, name)
    return members


def _refuse_zip_bomb(infos: list[zipfile.ZipInfo], name: str) -> None:
    bomb = find_zip_bomb(infos)
    if bomb is None:
        return
    if bomb.reason == "ratio":
        raise PackError(
            f"“{name}”中的“{bomb.member}”压缩比异常（约 {bomb.ratio} 倍），"
            "可能是恶意的压缩炸弹，已拒绝导入。"
        )
    if bomb.reason == "total":
        raise PackError(
            f"“{name}”解压后过大（约 {bomb.total // (1024 * 1024)} MB，上限 "
            f"{MAX_UNZIPPED_TOTAL // (1024 * 1024)} MB），可能是恶意的压缩炸弹，已拒绝导入。"
        )
    raise PackError(f"“{name}”中的文件过多，不是答复助手资料包，已拒绝导入。")


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


def _check_manifest(manifest: Any, name: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The manifest and its files by path, or :class:`PackError` for what is wrong."""
    if not isinstance(manifest, dict):
        raise _manifest_problem(name, "不是一个 JSON 对象")
    _check_format(manifest, name)
    library_id = manifest.get("library_id")
    if not isinstance(library_id, str) or not library_id or len(library_id) > 100:
        raise _manifest_problem(name, "library_id")
    counts = manifest.get("counts")
    if not isinstance(counts, dict) or not is_int(counts.get("letters")):
        raise _manifest_problem(name, "counts")
    if not storable(library_id):
        raise _manifest_problem(name, "library_id")
    for key in ("created_at", "app_version"):
        value = manifest.get(key)
        if not (isinstance(value, str) and len(value) <= 100 and storable(value)):
            raise _manifest_problem(name, key)
    since = manifest.get("since")
    if since is not None and not (isinstance(since, str) and ISO_DATE_RE.match(since)):
        raise _manifest_problem(name, "since")
    return manifest, _listed_files(manifest.get("files"), name)


def _check_format(manifest: dict[str, Any], name: str) -> None:
    fmt = manifest.get("format")
    if fmt != PACK_FORMAT:
        shown = str(fmt) if len(str(fmt)) <= 40 else str(fmt)[:40] + "…"
        raise PackError(f"“{name}”不是答复助手资料包（清单中的格式是“{shown}”）。")
    version = manifest.get("format_version")
    if not is_int(version) or version < 1:
        raise _manifest_problem(name, "format_version")
    if version > PACK_FORMAT_VERSION:
        raise PackError(
            f"“{name}”由更新版本的答复助手制作（资料包格式 {version}，本版本只能读取格式 "
            f"{PACK_FORMAT_VERSION}），请升级答复助手后再导入。"
        )


def _listed_files(files: Any, name: str) -> dict[str, dict[str, Any]]:
    """The manifest's ``files``: letters.jsonl and templates, each once, with checksum and size."""
    if not isinstance(files, list):
        raise _manifest_problem(name, "files")
    listed: dict[str, dict[str, Any]] = {}
    for entry in files:
        path = _listed_path(entry, name)
        if path in listed:
            raise _manifest_problem(name, f"“{path}”列出了两次")
        sha, size = entry.get("sha256"), entry.get("size")
        if not (isinstance(sha, str) and SHA256_RE.match(sha) and is_int(size) and size >= 0):
            raise _manifest_problem(name, f"“{path}”的校验值或大小")
        listed[path] = entry
    if LETTERS not in listed:
        raise _manifest_problem(name, f"没有列出 {LETTERS}")
    if len(listed) - 1 > MAX_TEMPLATES:
        raise PackError(
            f"“{name}”中的模板过多（{len(listed) - 1} 个，上限 {MAX_TEMPLATES} 个），已拒绝导入。"
        )
    return listed


def _listed_path(entry: Any, name: str) -> str:
    if not isinstance(entry, dict):
        raise _manifest_problem(name, "files")
    path = entry.get("path")
    if not isinstance(path, str) or _unsafe_name(path):
        raise PackError(f"“{name}”的清单中有不安全的文件路径“{path}”，可能是恶意文件，已拒绝导入。")
    template = path.startswith(TEMPLATES_PREFIX) and TEMPLATE_NAME_RE.match(
        path[len(TEMPLATES_PREFIX) :]
    )
    if path != LETTERS and not template:
        raise _manifest_problem(name, f"未知的文件“{path}”")
    return path


def read_member(
    zf: zipfile.ZipFile, member: PackMember, pack_name: str
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
                chunk = stream.read(READ_CHUNK)
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
        if exc.errno == errno.EINVAL:
            raise tampered from None
        raise _read_problem(pack_name, exc) from None
    if size != member.size or digest.hexdigest() != member.sha256:
        raise tampered


def numbered_lines(chunks: Iterator[bytes], pack_name: str) -> Iterator[tuple[int, bytes]]:
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


def verify_steps(path: Path) -> Generator[PackProgress, None, VerifiedPack]:
    name = path.name
    with open_pack_zip(path) as zf:
        members = _check_members(zf, name)
        manifest, listed = _check_manifest(_read_manifest(zf, members, name), name)
        checked = _listed_members(members, listed, name)
        templates = _templates(zf, checked, name)
        letters = checked[LETTERS]
        count = yield from _count_letters(zf, letters, name, manifest["counts"]["letters"])
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
    return VerifiedPack(path, pack, letters, templates)


def _listed_members(
    members: dict[str, zipfile.ZipInfo], listed: dict[str, dict[str, Any]], name: str
) -> dict[str, PackMember]:
    """The zip's members as the manifest lists them: nothing more, nothing less, same sizes."""
    for member_name in members:
        if member_name != MANIFEST and member_name not in listed:
            raise PackError(f"“{name}”中有清单之外的文件“{member_name}”，可能被篡改，已拒绝导入。")
    checked: dict[str, PackMember] = {}
    for member_name, entry in listed.items():
        info = members.get(member_name)
        if info is None:
            raise PackError(f"“{name}”不完整：清单中的“{member_name}”不在包中，已拒绝导入。")
        if info.file_size != entry["size"]:
            raise PackError(
                f"“{name}”中的“{member_name}”大小与清单记录的不符：资料包已损坏或被改动过，"
                "已拒绝导入。"
            )
        checked[member_name] = PackMember(info, entry["sha256"], entry["size"])
    return checked


def _templates(zf: zipfile.ZipFile, checked: dict[str, PackMember], name: str) -> dict[str, bytes]:
    """The pack's templates by file name, each read, checked against the manifest and UTF-8."""
    templates: dict[str, bytes] = {}
    for member_name, member in checked.items():
        if member_name == LETTERS:
            continue
        if member.size > MAX_TEMPLATE_BYTES:
            raise PackError(f"“{name}”中的模板“{member_name}”过大，已拒绝导入。")
        data = b"".join(read_member(zf, member, name))
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise PackError(
                f"“{name}”中的模板“{member_name}”不是 UTF-8 文字，已拒绝导入。"
            ) from None
        templates[member_name[len(TEMPLATES_PREFIX) :]] = data
    return templates


def _count_letters(
    zf: zipfile.ZipFile, letters: PackMember, name: str, expected: int
) -> Generator[PackProgress, None, int]:
    """Read every letter line once (checking each), with progress: the number of letters."""
    count = 0
    first_problem: PackError | None = None
    # A bad line is reported only once the whole member matched its SHA-256: damage and
    # tampering are named as such, not as the odd line they happen to break.
    for lineno, raw in numbered_lines(read_member(zf, letters, name), name):
        count += 1
        if first_problem is None:
            try:
                parse_letter_line(raw)
            except JsonProblem as exc:
                first_problem = bad_line_error(name, lineno, str(exc))
        if count % 100 == 0:
            yield PackProgress("verify", count, expected)
    if first_problem is not None:
        raise first_problem
    if count != expected:
        raise PackError(
            f"“{name}”的清单记录了 {expected} 份文件，包中实际有 {count} 份，已拒绝导入。"
        )
    yield PackProgress("verify", count, expected)
    return count


def verify_pack(path: str | Path) -> PackInfo:
    """Check a pack completely without a library; :class:`PackError` says what is wrong."""
    return drain(verify_steps(Path(path))).info
