"""Templates in packs: the clerk's edited ones going out, a colleague's coming in."""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
from collections.abc import Callable
from pathlib import Path

from desktop.packs.manifest import MAX_TEMPLATE_BYTES, TEMPLATE_NAME_RE
from desktop.safe_write import WriteFailed, atomic_write

log = logging.getLogger(__name__)


def edited_templates(folder: Path | None) -> dict[str, Path]:
    """The clerk's edited templates: ``*.j2`` at the top of ``folder`` (not ``from-packs``)."""
    if folder is None or not folder.is_dir():
        return {}
    found = {}
    for path in sorted(folder.glob("*.j2")):
        if (
            path.is_file()
            and TEMPLATE_NAME_RE.match(path.name)
            and path.stat().st_size <= MAX_TEMPLATE_BYTES
        ):
            found[path.name] = path
    return found


def default_templates_dir() -> Path:
    from desktop.reply_templates import user_dir

    return user_dir()


def pack_folder_name(pack: Path) -> str:
    """A folder name made from the pack's file name, safe on Windows."""
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", pack.stem).strip(" .")[:60]
    return stem or "pack"


def save_templates(
    templates: dict[str, bytes],
    root: Path,
    folder_name: str,
    written: list[Path],
    made: list[Path],
) -> tuple[Path, list[str], list[str]]:
    """Write the templates into ``root/folder_name`` (or ``folder_name(2)``, … when that
    folder holds different templates of the same names). Returns the folder, the names
    written and the names already there with the same content; ``written`` and ``made`` get
    the files and folders made, for :func:`remove_received` when the import fails after all."""
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


def remove_received(files: list[Path], folders: list[Path]) -> None:
    for path in files:
        try:
            path.unlink()
        except OSError:
            log.warning("could not remove %s after a failed pack import", path)
    for folder in folders:  # deepest first
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
