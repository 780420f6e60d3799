"""The reminder banner in the main window: what it says, a click opens the case, dismissed for
the day, asked again when the date changes (an injected clock), N from the settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.casework import Case, case_from_json
from desktop.reply_templates import ReplyTemplates
from desktop.store import LibraryStore
from desktop.ui.cases_model import CasesModel
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.reminder_banner import ReminderBanner
from desktop.ui.settings_dialog import SettingsDialog

TODAY = dt.date(2026, 6, 10)
SESSION = "市十七届人大五次会议"


class Clock:
    """The banner's "today", moved by the test."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


def a_case(number: str, title: str, due_in: int, status: str = "drafting") -> Case:
    return case_from_json(
        {"number": number, "session": SESSION, "title": title, "proposers": "陈立",
         "due_date": (TODAY + dt.timedelta(days=due_in)).isoformat(), "status": status}
    )  # fmt: skip


def cases() -> list[Case]:
    return [
        a_case("3", "关于完善社区养老服务设施的建议", 3),
        a_case("30", "关于推进老旧小区加装电梯的建议", 30),
        a_case("5", "关于加强中小学校园周边交通安全的建议", -5),
        a_case("90", "关于规范共享单车停放管理的建议", -20, status="sent"),
    ]


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = AppContext(tmp_path / "l.db", store=LibraryStore(tmp_path / "l.db"),
                     templates=ReplyTemplates(override=tmp_path / "tpl"))  # fmt: skip
    for case in cases():
        ctx.store.cases.save(case)
    yield ctx
    if not ctx.closed:
        ctx.close()


def ids(context: AppContext) -> dict[str, int]:
    return {c.number: c.id or 0 for c in context.store.cases.all()}


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(context, settings=settings)
    win.reminder_banner.clock = Clock(TODAY)  # before the first check runs
    win.cases.model.set_today(TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.composer.proof_timer.stop()
    win.close()
    context.close()


def case_buttons(banner: ReminderBanner) -> list[str]:
    return sorted(b.objectName() for b in banner.findChildren(QPushButton)
                  if b.objectName().startswith("reminderCase_"))  # fmt: skip


def test_the_banner_lists_overdue_and_due_soon_at_start(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    banner = window.reminder_banner
    qtbot.waitUntil(banner.isVisible)
    number = ids(context)
    assert banner.text() == (
        "Overdue: 1 case(s) No. 5 关于加强中小学校园周边交通安全…（overdue by 5 day(s)）\n"
        "Due within 7 days: 1 case(s) No. 3 关于完善社区养老服务设施的建议（3 day(s) left）"
    )
    assert case_buttons(banner) == sorted([f"reminderCase_{number['5']}",
                                           f"reminderCase_{number['3']}"])  # fmt: skip
    # Not a dialog: the window keeps working while it is shown.
    assert not isinstance(banner, QDialog)
    assert banner.window() is window
    assert QApplication.activeModalWidget() is None


def test_the_banner_speaks_chinese(
    qtbot: QtBot, chinese: QApplication, context: AppContext
) -> None:
    banner = ReminderBanner(context, clock=Clock(TODAY))
    qtbot.addWidget(banner)
    banner.check()
    assert banner.text() == (
        "已超期 1 件： 第5号 关于加强中小学校园周边交通安全…（已超期 5 天）\n"
        "7 天内到期 1 件： 第3号 关于完善社区养老服务设施的建议（还剩 3 天）"
    )
    assert banner.dismiss_button.text() == "今天不再提醒"


def test_clicking_a_case_opens_it(qtbot: QtBot, window: MainWindow, context: AppContext) -> None:
    banner = window.reminder_banner
    qtbot.waitUntil(banner.isVisible)
    case_id = ids(context)["5"]
    button = banner.findChild(QPushButton, f"reminderCase_{case_id}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.model.case is not None and window.model.case.id == case_id
    assert window.cases.current_case_id() == case_id
    assert banner.isVisible()  # it stays until dismissed


def test_dismissed_for_the_day_and_back_the_next_day(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    banner = window.reminder_banner
    qtbot.waitUntil(banner.isVisible)
    clock = banner.clock
    assert isinstance(clock, Clock)
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    # The same day: a timer tick, a case edited, the window started again: still hidden.
    banner.tick()
    context.caseChanged.emit(ids(context)["3"])
    assert not banner.isVisible()
    again = ReminderBanner(context, settings=window.settings, clock=clock)
    qtbot.addWidget(again)
    again.check()
    assert again.reminders is not None and again.reminders.count == 2
    assert not again.isVisibleTo(again.parentWidget() or again) and again.isHidden()
    # The next day the timer notices the new date and shows the new list.
    clock.day = TODAY + dt.timedelta(days=1)
    with qtbot.waitSignal(banner.dayChanged, timeout=1000):
        banner.tick()
    assert banner.isVisible()
    assert "overdue by 6 day(s)" in banner.text() and "2 day(s) left" in banner.text()


def test_the_timer_checks_again_when_the_date_changes(
    qtbot: QtBot, context: AppContext
) -> None:
    clock = Clock(TODAY)
    parent = QWidget()
    qtbot.addWidget(parent)
    banner = ReminderBanner(context, parent, clock=clock, interval_ms=20)
    banner.start()
    parent.show()
    assert banner.isVisible() and "Due within 7 days: 1 case(s)" in banner.text()
    checks: list[int] = []
    banner.checked.connect(lambda: checks.append(1))
    qtbot.wait(100)  # several ticks on the same day ask nothing
    assert checks == []
    # 27 days later: case 3 is overdue and case 30 is due within 7 days.
    clock.day = TODAY + dt.timedelta(days=27)
    with qtbot.waitSignal(banner.checked, timeout=2000):
        pass
    assert banner.text().splitlines() == [
        "Overdue: 2 case(s) No. 5 关于加强中小学校园周边交通安全…（overdue by 32 day(s)） "
        "No. 3 关于完善社区养老服务设施的建议（overdue by 24 day(s)）",
        "Due within 7 days: 1 case(s) No. 30 关于推进老旧小区加装电梯的建议（3 day(s) left）",
    ]
    banner.timer.stop()


def test_answering_a_case_takes_it_off_and_nothing_left_hides_the_banner(
    qtbot: QtBot, context: AppContext
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    banner = ReminderBanner(context, parent, clock=Clock(TODAY))
    banner.check()
    parent.show()
    assert banner.isVisible()
    number = ids(context)
    for key in ("5", "3"):
        context.store.cases.set_status(number[key], "sent")
        context.caseChanged.emit(number[key])
    assert banner.reminders is not None and banner.reminders.count == 0
    assert not banner.isVisible()


def test_the_setting_changes_n(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    banner = window.reminder_banner
    qtbot.waitUntil(banner.isVisible)
    dialog = SettingsDialog(context, parent=window,
                            settings=QSettings(str(tmp_path / "s2.ini"),
                                               QSettings.Format.IniFormat))  # fmt: skip
    qtbot.addWidget(dialog)
    spin = dialog.findChild(QSpinBox, "agencyReminderDays")
    assert spin.value() == 7
    spin.setValue(30)
    with qtbot.waitSignal(context.profileChanged):
        dialog.accept()
    assert context.store.profile.load().reminder_days == 30
    assert banner.text().splitlines()[1] == (
        "Due within 30 days: 2 case(s) No. 3 关于完善社区养老服务设施的建议（3 day(s) left） "
        "No. 30 关于推进老旧小区加装电梯的建议（30 day(s) left）"
    )
    # The cases pane follows: its deadline choice and the amber colour use 30 days too.
    due = window.cases.filter_bar.due
    assert due.itemText(due.findData("soon")) == "Due within 30 day(s)"
    assert window.cases.model.soon_days == 30


def test_all_n_shows_the_group_in_the_cases_pane(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    for n in range(6):
        context.store.cases.save(a_case(f"{100 + n}", f"关于第{100 + n}号事项的建议", -1 - n))
    context.caseChanged.emit(0)
    banner = window.reminder_banner
    qtbot.waitUntil(banner.isVisible)
    assert banner.text().startswith("Overdue: 7 case(s) ")
    assert len(case_buttons(banner)) == 4 + 1  # four overdue shown, and case 3
    more = banner.findChild(QPushButton, "reminderMore_overdue")
    assert more.text() == "All 7…"
    window.cases.filter_box.setText("养老")  # a filter the clerk had typed is cleared
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    proxy = window.cases.proxy
    shown = sorted(proxy.index(r, CasesModel.NUMBER).data() for r in range(proxy.rowCount()))
    assert shown == sorted(["5", *(f"{100 + n}" for n in range(6))])
    assert window.cases.filter_box.text() == ""


def test_overdue_opinions_are_a_line_of_their_own(qtbot: QtBot, window: MainWindow,
                                                  context: AppContext) -> None:  # fmt: skip
    case = case_from_json({
        "number": "8", "session": SESSION, "title": "关于建设城市绿道网络的建议",
        "proposers": "陈立", "assigned_date": "2026-04-01", "due_date": "2026-07-01",
        "co_organizers": ["市财政局", "市自然资源局"],
    })  # fmt: skip
    case_id = context.store.cases.save(case)
    context.store.opinions.record(case_id, "市自然资源局", received="2026-04-25")
    context.caseChanged.emit(case_id)
    banner = window.reminder_banner
    qtbot.waitUntil(lambda: "Co-organizer" in banner.text())
    assert banner.text().splitlines()[-1] == (
        "Co-organizer opinions overdue: 1 No. 8 市财政局（overdue by 40 day(s)）"
    )
    button = banner.findChild(QPushButton, f"reminderOpinion_{case_id}")
    assert "2026-05-01" in button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.model.case is not None and window.model.case.id == case_id
