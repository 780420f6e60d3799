"""Assignment lists (交办清单) made for the tests, with what each row must become.

:func:`deputies_list` is a congress office's list as it comes: a title and a note above a
two-row header with merged cells (代表信息 over 领衔代表/附议代表/代表团, 办理单位 over
主办单位/协办单位, 序号 merged down both rows), a 主办单位 merged down over groups of rows,
numbers as text, as ints and as floats, dates as Excel serials, as real dates and as text
(``2026.3.5``, ``3月5日``, ``2026年3月5日``), deadlines given, given as ``3个月`` or left out,
empty rows, noise columns (备注, 联系电话) and a few unreadable rows.
:func:`members_list` is a CPPCC office's list: one header row in another order with the
other words (提案号, 案由, 提案人, 联名人, 界别, 会办单位, 答复期限).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

AGENCY = "南通市科学技术局"
SESSION = "市第十八届人民代表大会第三次会议"
MEMBERS_SESSION = "市政协十五届五次会议"
EXCEL_EPOCH = dt.date(1899, 12, 30)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["明", "华", "强", "芳", "建国", "海燕", "志刚", "丽", "晓东", "红梅", "伟", "静"]
TOPICS = [
    "加强科技金融服务",
    "优化公交线路",
    "提升河道治理水平",
    "支持中小企业创新",
    "完善养老服务体系",
    "推进老旧小区改造",
    "加快人才公寓建设",
    "规范校外培训机构",
    "促进夜间经济发展",
    "改善农村饮水安全",
    "扶持专精特新企业",
    "加强科普阵地建设",
]
DELEGATIONS = ["崇川区代表团", "海门区代表团", "通州区代表团", "如皋市代表团"]
SECTORS = ["经济界", "科技界", "教育界", "民建"]
OTHERS = ["市交通运输局", "市财政局", "市教育局", "市住房城乡建设局"]


@dataclass
class Expected:
    """What a row must become."""

    row: int  # sheet row (1-based)
    number: str
    title: str
    proposer: str
    seconders: list[str]
    delegation: str
    main_organizer: str
    co_organizers: list[str]
    assigned: str
    due: str
    organizer: str  # main | co
    kind: str
    serial: str = ""


@dataclass
class MadeList:
    path: Path
    cases: list[Expected]
    bad_rows: dict[int, str] = field(default_factory=dict)  # row → a word of the reason
    session: str = SESSION


def _name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)]


def _assigned_cell(i: int) -> tuple[Any, str]:
    """A cell for the assignment date in one of the forms offices write, and its ISO."""
    day = dt.date(2026, 3, 1 + i % 20)
    forms: list[Any] = [
        (day - EXCEL_EPOCH).days,  # an Excel serial
        dt.datetime(day.year, day.month, day.day),
        f"{day.year}.{day.month}.{day.day}",
        f"{day.month}月{day.day}日",
        f"{day.year}年{day.month}月{day.day}日",
        day.isoformat(),
        str((day - EXCEL_EPOCH).days),  # a serial stored as text
    ]
    return forms[i % len(forms)], day.isoformat()


def _number_cell(number: int, i: int) -> Any:
    return [str(number), number, float(number), f" {number} "][i % 4]


def _add_months(iso: str, months: int) -> str:
    d = dt.date.fromisoformat(iso)
    m0 = d.month - 1 + months
    return dt.date(d.year + m0 // 12, m0 % 12 + 1, d.day).isoformat()


def deputies_list(path: Path, count: int = 120) -> MadeList:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "交办清单"
    ws.append([f"2026年{SESSION}代表建议交办清单"])
    ws.merge_cells("A1:L1")
    ws.append(["交办单位：市人大常委会代表工作委员会"])
    ws.merge_cells("A2:L2")
    ws.append(["序　号", "建议号", "标  题", "代表信息", None, None, "办理单位", None,
               "交办日期", "办理\n期限", "备注", "联系电话"])  # fmt: skip
    ws.append([None, None, None, "领衔代表", "附议代表", "代表团", "主办单位", "协办单位",
               None, None, None, None])  # fmt: skip
    for col in "ABCIJKL":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("D3:F3")
    ws.merge_cells("G3:H3")
    made = MadeList(path, [])
    row = 5
    for i in range(count):
        if i and i % 25 == 0:
            ws.append([])  # an empty row between the pages of the office's printout
            row += 1
        number = 101 + i
        assigned_cell, assigned = _assigned_cell(i)
        ours_main = i % 3 != 0
        main = "市科技局" if ours_main else OTHERS[i % len(OTHERS)]
        co = [OTHERS[(i + 1) % len(OTHERS)]] if ours_main else ["市科技局", "市财政局"][: 1 + i % 2]
        seconders = [_name(i + 3), _name(i + 5)][: i % 3]
        due_cell: Any = None
        due = _add_months(assigned, 3 if ours_main else 1)
        if i % 10 == 4:
            due_cell, due = "2026年6月30日", "2026-06-30"
        elif i % 10 == 7:
            due_cell, due = "3个月", _add_months(assigned, 3)
        title = f"关于{TOPICS[i % len(TOPICS)]}的建议（{i + 1}）"
        ws.append([
            str(i + 1), _number_cell(number, i), title, _name(i), "、".join(seconders),
            DELEGATIONS[i % len(DELEGATIONS)], main, "，".join(co), assigned_cell, due_cell,
            "重点建议" if i % 9 == 0 else None, f"1390000{i:04d}",
        ])  # fmt: skip
        made.cases.append(
            Expected(
                row, str(number), title, _name(i), seconders, DELEGATIONS[i % len(DELEGATIONS)],
                main, co, assigned, due, "main" if ours_main else "co", "建议", str(i + 1),
            )
        )  # fmt: skip
        row += 1
    # A 主办单位 merged down over two rows, as offices format a unit's rows: the lower row
    # (another unit's in the data) takes the merged cell's value.
    upper, lower = made.cases[2], made.cases[3]
    ws.merge_cells(start_row=upper.row, start_column=7, end_row=lower.row, end_column=7)
    lower.main_organizer, lower.organizer = upper.main_organizer, "main"
    lower.due = _add_months(lower.assigned, 3)
    # Rows that cannot be read.
    ws.append(["121", "", "关于没有编号的建议", "王明", None, None, "市科技局", None, "2026.3.5"])
    made.bad_rows[row] = "编号"
    ws.append(["122", "999", "关于日期写错的建议", "李华", None, None, "市科技局", None,
               "2026.2.30"])  # fmt: skip
    made.bad_rows[row + 1] = "交办日期"
    ws.append(["123", "101", "关于编号重复的建议", "赵强", None, None, "市科技局", None,
               "2026.3.5"])  # fmt: skip
    made.bad_rows[row + 2] = "重复"
    wb.save(path)
    return made


def members_list(path: Path, count: int = 30) -> MadeList:
    """A CPPCC list: one header row, another order, the members' words."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([f"{MEMBERS_SESSION}提案交办一览表"])
    ws.append(["会办单位", "提案号", "案  由", "提案人", "联名人", "界别", "主办单位",
               "交办时间", "答复期限", "类型"])  # fmt: skip
    made = MadeList(path, [], session=MEMBERS_SESSION)
    for i in range(count):
        number = f"{i + 1:04d}"
        assigned = dt.date(2026, 2, 10 + i % 15)
        ours_main = i % 2 == 0
        main = AGENCY if ours_main else OTHERS[i % len(OTHERS)]
        co = [OTHERS[(i + 2) % len(OTHERS)]] if ours_main else [AGENCY]
        title = f"关于{TOPICS[(i + 5) % len(TOPICS)]}的提案"
        ws.append([
            "、".join(co), number, title, _name(i + 11), _name(i + 12),
            SECTORS[i % len(SECTORS)], main, assigned, None, "提案",
        ])  # fmt: skip
        made.cases.append(
            Expected(
                i + 3, number, title, _name(i + 11), [_name(i + 12)], SECTORS[i % len(SECTORS)],
                main, co, assigned.isoformat(),
                _add_months(assigned.isoformat(), 3 if ours_main else 1),
                "main" if ours_main else "co", "提案",
            )
        )  # fmt: skip
    wb.save(path)
    return made
