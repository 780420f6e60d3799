"""The year-end report page shows the year's numbers and charts and saves the workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.report_page import ReportPage
from tests.report_cases import SESSION_A, Made, store_cases
from tests.unit.test_report import independent_counts


@pytest.fixture
def made(tmp_path: Path) -> tuple[AppContext, list[Made]]:
    db = tmp_path / "library.db"
    store = LibraryStore(db)
    cases = store_cases(store)
    tpl = ReplyTemplates(override=tmp_path / "tpl")
    return AppContext(db, store=store, templates=tpl), cases


@pytest.fixture
def context(made: tuple[AppContext, list[Made]]) -> AppContext:
    return made[0]


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_page_shows_the_counts_of_the_year_and_session(
    qtbot: QtBot, made: tuple[AppContext, list[Made]], settings: QSettings, tmp_path: Path
) -> None:
    context, cases = made
    page = ReportPage(context, settings=settings)
    qtbot.addWidget(page)
    expected = independent_counts(cases, context.store, 2026)
    assert page.year.currentData() == 2026  # the newest year with cases
    assert page.value_of("案件总数") == str(expected["total"])
    assert page.value_of("答复已发出（含已办结、重新办理）") == str(expected["answered"])
    assert page.value_of("按期答复率") == f"{expected['on_time_rate'] * 100:.1f}%"
    assert (
        page.value_of("平均办理天数（交办至答复）") == f"{expected['average_days_to_answer']:.1f}"
    )
    for label, count in expected["by_category"].items():
        assert page.value_of(label) == str(count)
    categories, satisfaction = page.charts
    assert categories.values == [expected["by_category"][k] for k in categories.labels]
    assert (
        dict(zip(satisfaction.labels, satisfaction.values, strict=True))
        == (expected["by_satisfaction"])
    )
    assert page.value_of("满意") == str(expected["by_satisfaction"]["满意"])

    page.session.setCurrentIndex(page.session.findData(SESSION_A))
    assert page.value_of("案件总数") == str(
        independent_counts(cases, context.store, 2026, SESSION_A)["total"]
    )
    page.session.setCurrentIndex(0)
    page.year.setCurrentIndex(page.year.findData(2025))
    assert page.value_of("案件总数") == "1" and page.value_of("B") == "1"

    page.year.setCurrentIndex(page.year.findData(2026))
    written = page.save(".xlsx", tmp_path / "统计.xlsx")
    assert written is not None
    values = {r[0]: r[1] for r in load_workbook(written)["汇总"].iter_rows(values_only=True)}
    assert values["案件总数"] == expected["total"]
    assert str(written) in page.scope.text()


def test_the_tools_menu_opens_the_report(
    qtbot: QtBot, context: AppContext, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(context, settings=settings)
    qtbot.addWidget(window)
    action = window.actions_by_key["report"]
    tools = next(
        a.menu() for a in window.menuBar().actions() if a.menu().objectName() == "menuTools"
    )
    assert action in tools.actions()
    opened: list[ReportPage] = []
    monkeypatch.setattr(ReportPage, "exec", lambda self: opened.append(self) or 0)
    action.trigger()
    assert opened and opened[0].value_of("案件总数") == "31"
