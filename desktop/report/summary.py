"""The report's counts as titled tables of (label, value): what the workbook's summary sheet,
the document's tables and the window's page all show, worded once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop.report.counts import NO_CATEGORY, NO_FEEDBACK, Tally, YearReport

Format = Literal["count", "rate", "days"]
EMPTY = "—"


@dataclass(frozen=True)
class SummaryRow:
    label: str
    value: int | float | None  # None: nothing to count it over (shown as —)
    format: Format = "count"

    @property
    def shown(self) -> str:
        """The value as the document and the window print it."""
        if self.value is None:
            return EMPTY
        if self.format == "rate":
            return f"{self.value * 100:.1f}%"
        if self.format == "days":
            return f"{self.value:.1f}"
        return str(self.value)


@dataclass(frozen=True)
class SummaryTable:
    title: str
    rows: tuple[SummaryRow, ...]
    heading: str = "件数"  # the value column's heading


def report_title(report: YearReport, agency: str = "") -> str:
    return f"{agency}{report.year}年建议提案办理情况统计"


def scope_line(report: YearReport) -> str:
    session = report.session or "全部会议"
    return f"统计范围：{report.year}年交办的案件（{session}），共 {report.total} 件"


def _tallies(title: str, tallies: tuple[Tally, ...]) -> SummaryTable:
    return SummaryTable(title, tuple(SummaryRow(t.label, t.count) for t in tallies))


def summary_tables(report: YearReport) -> list[SummaryTable]:
    overall = SummaryTable("总体情况", (
        SummaryRow("案件总数", report.total),
        SummaryRow("答复已发出（含已办结、重新办理）", report.answered),
        SummaryRow("按期答复", report.on_time),
        SummaryRow("按期答复率", report.on_time_rate, "rate"),
        SummaryRow("逾期未答复", report.overdue_open),
        SummaryRow("平均办理天数（交办至答复）", report.average_days, "days"),
    ), heading="数值")  # fmt: skip
    opinions = SummaryTable("协办单位会办意见（本单位主办的案件）", (
        SummaryRow("应收会办意见", report.opinions_expected),
        SummaryRow("已收到", report.opinions_received),
        SummaryRow("按期收到", report.opinions_on_time),
        SummaryRow("按期率", report.opinions_on_time_rate, "rate"),
        SummaryRow("逾期未收到", report.opinions_overdue),
    ), heading="数值")  # fmt: skip
    return [
        overall,
        _tallies("按类型", report.by_kind),
        _tallies("按承办方式", report.by_role),
        _tallies("按答复类别", report.by_category),
        _tallies("按办理状态", report.by_status),
        _tallies("代表委员满意度", report.by_satisfaction),
        opinions,
    ]


NOTES = (
    "案件按交办日期所在年份统计（无交办日期的按办理期限、答复日期）。",
    "按期答复：在办理期限当日或之前答复；按期答复率以有办理期限的已答复案件为基数。",
    "平均办理天数：从交办日期到答复发出之日（首次标记已答复，否则为答复日期）。",
    "满意度按已发出答复的案件统计，以代表委员最近一次反馈为准。",
)


def chart_series(report: YearReport) -> list[tuple[str, list[str], list[int]]]:
    """The charts: (title, labels, counts). Empty "未分类"/"尚未反馈" bars are left out."""

    def kept(tallies: tuple[Tally, ...], empty: str) -> tuple[list[str], list[int]]:
        shown = [t for t in tallies if t.count or t.label != empty]
        return [t.label for t in shown], [t.count for t in shown]

    cats = kept(report.by_category, NO_CATEGORY)
    sats = kept(report.by_satisfaction, NO_FEEDBACK)
    return [("答复类别", *cats), ("代表委员满意度", *sats)]
