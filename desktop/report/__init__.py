"""The year-end report (办理工作总结的数字): counts over a year's cases, written as a workbook
(one row per case) and as a Word document with tables and a chart. Qt-free; the store's query
gives the cases (:mod:`desktop.store.report_queries`), :mod:`desktop.report.counts` counts."""

from desktop.report.counts import (
    CaseFacts,
    OpinionFact,
    Tally,
    YearReport,
    case_year,
    count_year,
)

__all__ = ["CaseFacts", "OpinionFact", "Tally", "YearReport", "case_year", "count_year"]
