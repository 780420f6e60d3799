"""The year-end report page (Tools → Year-end report…): the year's counts as tables, the
categories and satisfaction as charts, and the workbook and document saved from here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import report as actions
from desktop.errors import ClerkError
from desktop.report import YearReport
from desktop.report.summary import chart_series, scope_line, summary_tables
from desktop.ui.context import AppContext
from desktop.ui.errors import show_failure
from desktop.ui.file_dialogs import documents_folder
from desktop.ui.report_chart import BarChart

FOLDER_KEY = "report/folder"


class ReportPage(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.context = context
        self.settings = settings or QSettings()
        self.report: YearReport | None = None
        self.setObjectName("reportPage")
        self.setWindowTitle(self.tr("Year-end report"))
        self.year = QComboBox()
        self.year.setObjectName("reportYear")
        self.session = QComboBox()
        self.session.setObjectName("reportSession")
        self.scope = QLabel()
        self.scope.setObjectName("reportScope")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("reportTable")
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Value")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.charts = [BarChart(), BarChart()]
        self.save_xlsx = QPushButton(self.tr("Save as &Excel…"))
        self.save_docx = QPushButton(self.tr("Save as &Word…"))
        close = QPushButton(self.tr("Close"))
        self._layout(close)
        self._fill_choices()
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.session.currentIndexChanged.connect(lambda _i: self.refresh())
        self.save_xlsx.clicked.connect(lambda: self.save(".xlsx"))
        self.save_docx.clicked.connect(lambda: self.save(".docx"))
        close.clicked.connect(self.accept)
        self.resize(960, 640)
        self.refresh()

    def _layout(self, close: QPushButton) -> None:
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Year:")))
        choose.addWidget(self.year)
        choose.addSpacing(16)
        choose.addWidget(QLabel(self.tr("Session:")))
        choose.addWidget(self.session, 1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        charts = QVBoxLayout()
        for chart in self.charts:
            charts.addWidget(chart, 1)
        body.addLayout(charts, 4)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_xlsx, self.save_docx, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.scope)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

    def _fill_choices(self) -> None:
        scope = self.context.call(actions.scope)
        years = list(scope.years) or [dt.date.today().year]
        for year in years:
            self.year.addItem(str(year), year)
        self.session.addItem(self.tr("All sessions"), "")
        for session in scope.sessions:
            self.session.addItem(session, session)

    def refresh(self) -> None:
        year = self.year.currentData()
        if year is None:
            return
        session = self.session.currentData() or None
        self.report = self.context.call(actions.year_report, int(year), session)
        self._show(self.report)

    def _show(self, report: YearReport) -> None:
        self.scope.setText(scope_line(report))
        rows: list[tuple[str, str, bool]] = []
        for table in summary_tables(report):
            rows.append((table.title, "", True))
            rows += [(row.label, row.shown, False) for row in table.rows]
        self.table.clearSpans()
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for i, (label, value, heading) in enumerate(rows):
            first = QTableWidgetItem(label if heading else "    " + label)
            second = QTableWidgetItem(value)
            second.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if heading:
                first.setFont(bold)
                self.table.setSpan(i, 0, 1, 2)
            self.table.setItem(i, 0, first)
            self.table.setItem(i, 1, second)
        for chart, (title, labels, values) in zip(self.charts, chart_series(report), strict=True):
            chart.set_data(title, labels, values)
        has_cases = report.total > 0
        self.save_xlsx.setEnabled(has_cases)
        self.save_docx.setEnabled(has_cases)

    def value_of(self, label: str) -> str | None:
        """The shown value of the row ``label`` (the first such row)."""
        for i in range(self.table.rowCount()):
            item = self.table.item(i, 0)
            if item is not None and item.text().strip() == label:
                value = self.table.item(i, 1)
                return value.text() if value is not None else None
        return None

    def _target(self, suffix: str) -> Path | None:
        assert self.report is not None
        folder = self.settings.value(FOLDER_KEY) or str(documents_folder())
        name = f"{self.report.year}年建议提案办理情况统计{suffix}"
        kinds = self.tr("Excel workbook (*.xlsx)") if suffix == ".xlsx" else self.tr(
            "Word document (*.docx)")  # fmt: skip
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report as"),
                                              str(Path(str(folder)) / name), kinds)  # fmt: skip
        if not path:
            return None
        target = Path(path)
        return target if target.suffix.lower() == suffix else target.with_suffix(suffix)

    def save(self, suffix: str, target: Path | None = None) -> Path | None:
        """Write the report shown (``target`` given: without asking where)."""
        if self.report is None:
            return None
        target = target or self._target(suffix)
        if target is None:
            return None
        try:
            written = self.context.call(
                actions.save_report, self.report.year, self.report.session, target
            )
        except ClerkError as exc:
            show_failure(self, exc)
            return None
        self.settings.setValue(FOLDER_KEY, str(written.parent))
        self.scope.setText(scope_line(self.report) + self.tr(" — saved to %1").replace(
            "%1", str(written)))  # fmt: skip
        return written
