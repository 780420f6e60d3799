"""Property-based tests: header recognition and date recognition of the assignment list."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.assignment.cells import EXCEL_EPOCH, read_date
from desktop.assignment.columns import ALIASES, field_of, find_header, map_columns

# The headers offices write for each field (the variants and a few more).
VARIANTS = {
    "serial": ["序号", "序 号", "顺序号"],
    "number": ["建议号", "提案号", "编号", "案号", "建议编号", "提案编号", "议案号"],
    "title": ["标题", "案由", "题目", "建议标题", "提案题目", "建议名称"],
    "proposers": ["领衔代表", "提案人", "第一提案人", "提出人", "领衔人", "代表姓名"],
    "seconders": ["附议人", "联名人", "附议代表", "联名提案人", "联名代表"],
    "delegation": ["代表团", "界别", "所在单位", "工作单位", "所属代表团"],
    "main_organizer": ["主办单位", "主办部门", "承办单位", "主办单位（部门）"],
    "co_organizers": ["协办单位", "会办单位", "协办部门", "会办单位（部门）"],
    "assigned_date": ["交办日期", "交办时间", "交办日"],
    "due_date": ["办理期限", "答复期限", "办结期限", "答复时限"],
    "kind": ["类型", "案件类型"],
}
NOISE = ["备注", "联系电话", "交办单位", "办理状态", "满意度", "", "说明"]
FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


@st.composite
def written(draw: st.DrawFn, header: str) -> str:
    """The header as a clerk's sheet may write it: spaces (ASCII, full-width, line breaks)
    between characters, an asterisk for "required", full-width brackets, a colon."""
    out = []
    for ch in header:
        out.append(FULLWIDTH.get(ch, ch) if draw(st.booleans()) else ch)
        out.append(draw(st.sampled_from(["", "", "", " ", "\u3000", "\n", "  "])))
    text = "".join(out).strip()
    if draw(st.booleans()):
        text = draw(st.sampled_from(["*", "＊", ""])) + text
    if draw(st.booleans()):
        text += draw(st.sampled_from(["：", ":", ""]))
    return text


@given(st.data())
def test_every_variant_of_every_field_is_recognised_however_it_is_spaced(
    data: st.DataObject,
) -> None:
    name = data.draw(st.sampled_from(sorted(VARIANTS)))
    header = data.draw(st.sampled_from(VARIANTS[name]))
    assert field_of(data.draw(written(header))) == name


@given(st.sampled_from(NOISE))
def test_noise_columns_name_no_field(header: str) -> None:
    assert field_of(header) is None


@settings(max_examples=150)
@given(st.data())
def test_a_header_row_in_any_order_with_noise_is_found_below_title_rows(
    data: st.DataObject,
) -> None:
    names = data.draw(
        st.lists(st.sampled_from(sorted(VARIANTS)), min_size=3, max_size=11, unique=True)
    )
    assume({"number", "title"} & set(names))
    headers = [data.draw(written(data.draw(st.sampled_from(VARIANTS[n])))) for n in names]
    noise = data.draw(st.lists(st.sampled_from(NOISE), max_size=3))
    columns = [(h, n) for h, n in zip(headers, names, strict=True)] + [(x, "") for x in noise]
    columns = data.draw(st.permutations(columns))
    titles = data.draw(st.integers(min_value=0, max_value=4))
    rows: list[list[object]] = [["2026年市十八届人大三次会议代表建议交办清单"]] * titles
    rows.append([h for h, _n in columns])
    rows += [["1", "101", "关于加强科技金融服务的建议", "王明", "市科技局", 46086]] * 3
    header = find_header(rows)
    assert header is not None and header.row == titles and header.first_data_row == titles + 1
    want = {i: n for i, (_h, n) in enumerate(columns) if n}
    assert header.mapping == want


@given(st.data())
def test_a_two_row_header_under_merged_cells_is_combined(data: st.DataObject) -> None:
    lead = data.draw(written(data.draw(st.sampled_from(VARIANTS["proposers"]))))
    second = data.draw(written(data.draw(st.sampled_from(VARIANTS["seconders"]))))
    main = data.draw(written(data.draw(st.sampled_from(VARIANTS["main_organizer"]))))
    co = data.draw(written(data.draw(st.sampled_from(VARIANTS["co_organizers"]))))
    # Merged cells read as their value in every cell of the range (the reader fills them).
    upper = ["序号", "建议号", "标题", "代表信息", "代表信息", "办理单位", "办理单位"]
    lower = ["序号", "建议号", "标题", lead, second, main, co]
    header = find_header([["交办清单"], upper, lower, ["1", "101", "关于…的建议", "王明"]])
    assert header is not None and header.first_data_row == 3
    assert header.mapping == {
        0: "serial", 1: "number", 2: "title", 3: "proposers", 4: "seconders",
        5: "main_organizer", 6: "co_organizers",
    }  # fmt: skip


def test_two_columns_naming_one_field_keep_the_surer_one() -> None:
    assert map_columns(["原编号（旧）", "编号", "标题"]) == {1: "number", 2: "title"}
    assert map_columns(["编号", "建议编号", "标题"]) == {0: "number", 2: "title"}  # equals: first
    assert map_columns(["代表团", "代表"]) == {0: "delegation", 1: "proposers"}


def test_every_alias_is_recognised_as_its_field() -> None:
    for name, aliases in ALIASES.items():
        for alias in aliases:
            assert field_of(alias) == (name or None), alias


dates = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2090, 12, 31))


@given(dates, st.data())
def test_a_date_in_any_form_offices_write_is_read(day: dt.date, data: st.DataObject) -> None:
    serial = (day - EXCEL_EPOCH).days
    forms = [
        serial, float(serial), str(serial), dt.datetime(day.year, day.month, day.day), day,
        f"{day.year}.{day.month}.{day.day}", f"{day.year}-{day.month:02d}-{day.day:02d}",
        f"{day.year}/{day.month}/{day.day}", f"{day.year}年{day.month}月{day.day}日",
        f"{day.year} 年 {day.month} 月 {day.day} 日", f"{day.year}{day.month:02d}{day.day:02d}",
        f"{day.year}年{day.month}月{day.day}号",
    ]  # fmt: skip
    cell = data.draw(st.sampled_from(forms))
    if isinstance(cell, str) and data.draw(st.booleans()):
        cell = cell.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})  # full-width
    if isinstance(cell, str) and data.draw(st.booleans()):
        cell = f" {cell} "
    found = read_date(cell, 1999)
    assert found is not None and found.iso == day.isoformat(), cell


@given(dates)
def test_a_date_without_its_year_takes_the_sessions_year(day: dt.date) -> None:
    for cell in (
        f"{day.month}月{day.day}日",
        f"{day.month}月{day.day}号",
        f"{day.month}.{day.day}",
    ):
        found = read_date(cell, day.year)
        assert found is not None and found.iso == day.isoformat()


@given(
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=29, max_value=40),
    st.integers(min_value=2001, max_value=2030),
)
def test_impossible_dates_are_no_dates(month: int, day: int, year: int) -> None:
    try:
        dt.date(year, month, day)
        assume(False)
    except ValueError:
        pass
    for cell in (f"{year}.{month}.{day}", f"{year}年{month}月{day}日", f"{month}月{day}日"):
        assert read_date(cell, year) is None


@given(st.text(alphabet="关于加强建议王明市科技局", min_size=1, max_size=12))
def test_words_are_no_dates(cell: str) -> None:
    assert read_date(cell, 2026) is None


def test_a_deadline_span_counts_from_the_assignment() -> None:
    for cell, months in (("3个月", 3), ("三个月", 3), ("1个月内", 1), ("两个月", 2)):
        found = read_date(cell, 2026)
        assert found is not None and found.months == months
    assert read_date("", 2026) is not None and read_date(None, 2026) is not None
