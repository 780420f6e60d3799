"""Read an assignment list file into a grid of cell values (one sheet).

``.xlsx`` is read with openpyxl (values, not formulas; a merged cell's value fills every cell
of its range, so a 主办单位 merged down over ten rows belongs to each of them, and a header
merged over two columns names both). ``.xls`` and ``.et`` (WPS 表格) are converted to .xlsx by
LibreOffice first (:mod:`desktop.soffice`). ``.csv`` is decoded as the letters' text files
are (UTF-8 with or without BOM, GBK/GB18030: :func:`desktop.readers.decode_text`).

Every refusal is a :class:`ListError` with one line of plain Chinese: an unknown type, a
password-protected workbook (Excel writes an encrypted .xlsx as an OLE compound file with an
``EncryptedPackage`` stream), a damaged one, a missing LibreOffice.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from desktop.errors import ClerkError
from desktop.model import ImportFailure
from desktop.readers import decode_text
from desktop.readers.common import OLE_MAGIC, ZIP_MAGIC
from desktop.readers.legacy import is_encrypted_ole
from desktop.soffice import (
    AUTO,
    SOFFICE_TIMEOUT,
    AutoDetect,
    SofficeError,
    SofficeTimeout,
    convert,
    resolve_soffice,
)
from desktop.zip_guard import find_zip_bomb

log = logging.getLogger(__name__)

LIST_SUFFIXES: Final = (".xlsx", ".xlsm", ".xls", ".et", ".csv")
MAX_LIST_BYTES: Final = 50 * 1024 * 1024
MAX_ROWS: Final = 20_000  # a year's list is a few hundred rows; more is not a list
MAX_COLUMNS: Final = 60


class ListError(ClerkError):
    """The list file cannot be read at all; nothing was stored."""


@dataclass(frozen=True)
class Sheet:
    """The cell values of one worksheet, row by row (``None`` for an empty cell)."""

    name: str
    rows: tuple[tuple[Any, ...], ...]
    title_lines: tuple[str, ...] = ()  # filled in by the caller: text above the header


def read_sheet(path: Path, *, soffice: str | AutoDetect | None = AUTO) -> Sheet:
    """The first worksheet with data in the list file at ``path``."""
    suffix = path.suffix.lower()
    if suffix not in LIST_SUFFIXES:
        raise ListError(f"无法读取 {path.name}：交办清单只能是 .xlsx、.xls、.et 或 .csv 文件。")
    data = _read_bytes(path)
    if suffix == ".csv" and not data.startswith((ZIP_MAGIC, OLE_MAGIC)):
        return _read_csv(path, data)
    if data.startswith(OLE_MAGIC):
        if is_encrypted_ole(data):
            raise ListError(
                f"{path.name} 设置了打开密码，无法读取：请在 Excel/WPS 中取消密码后另存，再导入。"
            )
        return _read_converted(path, data, soffice)  # .xls/.et, or an .xls named .xlsx
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(path, data)
    if suffix in (".xls", ".et"):
        return _read_converted(path, data, soffice)  # WPS writes some .et in its own form
    raise _corrupt(path)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_LIST_BYTES:
            raise ListError(f"{path.name} 太大（超过 50 MB），不像是交办清单。")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ListError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise ListError(f"{path} 是文件夹，请选择交办清单文件。") from None
    except PermissionError:
        raise ListError(f"无法打开 {path.name}：没有读取权限，或文件正被其他程序占用。") from None
    except OSError as exc:
        raise ListError(f"无法读取 {path.name}：{exc.strerror or exc}。") from None
    if not data:
        raise ListError(f"{path.name} 是空文件。")
    return data


def _corrupt(path: Path) -> ListError:
    return ListError(
        f"{path.name} 已损坏或不是表格文件，无法读取："
        "请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。"
    )


def _read_xlsx(path: Path, data: bytes) -> Sheet:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if find_zip_bomb(archive.infolist()) is not None:
                raise ListError(f"{path.name} 解压后过大，疑为异常文件，已拒绝读取。")
    except zipfile.BadZipFile:
        raise _corrupt(path) from None
    import openpyxl  # only when a list is read: the window starts without it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged file; all mean "damaged"
        log.info("openpyxl could not read %s", path, exc_info=True)
        raise _corrupt(path) from None
    try:
        return _first_sheet(path, book)
    finally:
        book.close()


def _first_sheet(path: Path, book: Any) -> Sheet:
    for ws in book.worksheets:
        rows = _sheet_rows(ws)
        if any(any(v is not None for v in row) for row in rows):
            return Sheet(str(ws.title), rows)
    raise ListError(f"{path.name} 中没有任何数据。")


def _sheet_rows(ws: Any) -> tuple[tuple[Any, ...], ...]:
    """The sheet's values with every merged range filled with its top-left value."""
    # The sheet's own extent: asking openpyxl for MAX_ROWS rows would make every empty cell.
    rows, cols = min(ws.max_row or 0, MAX_ROWS), min(ws.max_column or 0, MAX_COLUMNS)
    grid = [
        [_clean(v) for v in row]
        for row in ws.iter_rows(max_row=rows, max_col=cols, values_only=True)
    ]
    for merged in ws.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(grid) or left >= MAX_COLUMNS:
            continue
        value = grid[top][left] if left < len(grid[top]) else None
        for r in range(top, min(merged.max_row, len(grid))):
            row = grid[r]
            for c in range(left, min(merged.max_col, MAX_COLUMNS)):
                while len(row) <= c:
                    row.append(None)
                row[c] = value
    return tuple(tuple(row) for row in grid)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _read_converted(path: Path, data: bytes, soffice: str | AutoDetect | None) -> Sheet:
    program = resolve_soffice(soffice)
    if program is None:
        raise ListError(
            f"读取 {path.name} 需要 LibreOffice，但本机没有安装：请安装 LibreOffice，"
            "或在 Excel/WPS 中把清单另存为 .xlsx 后再导入。"
        )
    try:
        with convert(
            program, data, name="list" + path.suffix.lower(), convert_to="xlsx",
            timeout=SOFFICE_TIMEOUT, prefix="replydesk-list-",
        ) as produced:  # fmt: skip
            converted = produced.read_bytes()
    except SofficeTimeout:
        raise ListError(f"LibreOffice 转换 {path.name} 超时，请另存为 .xlsx 后再导入。") from None
    except SofficeError:
        raise ListError(
            f"LibreOffice 无法读取 {path.name}：文件可能已损坏或设置了密码，"
            "请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。"
        ) from None
    return _read_xlsx(path, converted)


def _read_csv(path: Path, data: bytes) -> Sheet:
    try:
        decoded, _encoding = decode_text(data)
    except ImportFailure:
        raise ListError(f"{path.name} 不是可读的文本表格（CSV），无法读取。") from None
    sample = decoded[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;，")
    except csv.Error:
        dialect = csv.excel
    rows = [
        tuple(_clean(v) for v in row[:MAX_COLUMNS])
        for row in csv.reader(io.StringIO(decoded), dialect)
    ][:MAX_ROWS]
    if not any(any(v is not None for v in row) for row in rows):
        raise ListError(f"{path.name} 中没有任何数据。")
    return Sheet(path.stem, tuple(rows))
