"""The reminder banner above the main window's panes: cases overdue and cases due soon.

``ReminderBanner`` (objectName ``reminderBanner``) asks ``actions.reminders.due_cases`` when the
window starts and again whenever the date changes while it stays open (``timer`` looks at
``clock()`` every minute; tests inject the clock), after a case or the profile changed. It is
a strip, not a dialog: the clerk works on while it is shown. Each case is a link-like button
(``reminderCase_<id>``) that emits ``caseRequested(id)``; ``reminderMore_overdue`` /
``reminderMore_soon`` (shown when a group has more cases than fit) emit ``showAllRequested``
with the cases pane's due window to show; the co-organizers' opinions overdue are a third line
(``reminderOpinion_<id>`` opens the case); ``reminderDismiss`` hides it until the next day (the
day is kept in the settings, so a restart the same day does not bring it back).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.actions import reminders
from desktop.actions.reminders import DueCase, OpinionDue, Reminders
from desktop.ui.context import AppContext

DISMISSED_KEY = "reminders/dismissed_on"  # QSettings: the ISO day the clerk dismissed it
SHOWN_PER_GROUP = 4  # more would not fit one line; the rest are behind "all N…"
TITLE_CHARS = 16
CHECK_EVERY_MS = 60_000  # how often the timer looks whether the date changed
_Item = tuple[int, str, str]  # a case's id, its link text and tooltip

_STYLE = """
#reminderBanner { background: #fff8e1; border-bottom: 1px solid #e0c97a; }
#reminderBanner QLabel { color: #333333; }
#reminderBanner QLabel#reminderHeading_overdue { color: #b00020; font-weight: bold; }
#reminderBanner QLabel#reminderHeading_soon { color: #8a5a00; font-weight: bold; }
#reminderBanner QLabel#reminderHeading_opinions { color: #7a3e00; font-weight: bold; }
#reminderBanner QPushButton[link="true"] {
    border: none; background: transparent; color: #0b57d0; text-decoration: underline;
    padding: 0 6px 0 0; text-align: left;
}
#reminderBanner QPushButton[link="true"]:hover { color: #063a8c; }
"""


def _widgets(layout: QLayout) -> list[QWidget]:
    items = (layout.itemAt(i) for i in range(layout.count()))
    return [w for w in (item.widget() for item in items if item is not None) if w is not None]


def short_title(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"


class ReminderBanner(QFrame):
    caseRequested = Signal(int)  # the clerk clicked a case: open it
    showAllRequested = Signal(str)  # "overdue" | "soon": show those cases in the cases pane
    dayChanged = Signal()  # the date moved on while the window was open
    checked = Signal()  # the reminders were asked again (tests wait for it)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        clock: Callable[[], dt.date] = dt.date.today,
        interval_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet(_STYLE)
        self.context = context
        self.settings = settings
        self.clock = clock
        self.reminders: Reminders | None = None
        self._checked_on: dt.date | None = None
        self._dismissed_on = ""  # without settings (tests): the day, in memory
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(2)
        self.dismiss_button = QPushButton(self.tr("Dismiss for today"), self)
        self.dismiss_button.setObjectName("reminderDismiss")
        self.dismiss_button.setToolTip(self.tr("Hide the reminder until tomorrow"))
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(self._rows, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

        self.timer = QTimer(self)
        self.timer.setObjectName("reminderTimer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        context.caseChanged.connect(lambda _id: self.refresh())
        context.profileChanged.connect(self.refresh)
        context.closing.connect(self.timer.stop)

    # ------------------------------------------------------------------ checking
    def start(self) -> None:
        """Check now and then every time the date changes."""
        self.check()
        self.timer.start()

    def tick(self) -> None:
        """The timer: a new day asks again and shows the banner even if it was dismissed."""
        if self._checked_on is not None and self.clock() != self._checked_on:
            self.check()
            self.dayChanged.emit()

    def check(self) -> Reminders | None:
        """Ask for today's reminders and show them unless there are none or the clerk
        dismissed them today."""
        today = self.clock()
        self._checked_on = today
        if self.context.closed:
            return None
        self.reminders = self.context.call(reminders.due_cases, today=today)
        self._fill(self.reminders)
        self.setVisible(self.reminders.count > 0 and not self.dismissed_today())
        self.checked.emit()
        return self.reminders

    def refresh(self) -> None:
        """A case or the settings changed: the same day's list again (not shown anew when
        dismissed; hidden when nothing is left)."""
        if self._checked_on is not None:
            self.check()

    # ------------------------------------------------------------------ dismissing
    def dismissed_today(self) -> bool:
        day = self._dismissed_on
        if self.settings is not None:
            day = str(self.settings.value(DISMISSED_KEY, ""))
        return day == self.clock().isoformat()

    def dismiss(self) -> None:
        day = self.clock().isoformat()
        self._dismissed_on = day
        if self.settings is not None:
            self.settings.setValue(DISMISSED_KEY, day)
        self.hide()

    # ------------------------------------------------------------------ contents
    def text(self) -> str:
        """What the banner says, as plain text (each group on its line)."""
        lines = []
        for row in _widgets(self._rows):
            layout = row.layout()
            if layout is None:
                continue
            parts = [w.text() for w in _widgets(layout) if isinstance(w, QLabel | QPushButton)]
            lines.append(" ".join(parts))
        return "\n".join(lines)

    def _fill(self, found: Reminders) -> None:
        for row in _widgets(self._rows):
            self._rows.removeWidget(row)
            row.hide()
            row.setParent(None)  # gone from the banner now, not at the next event loop turn
            row.deleteLater()
        if found.overdue:
            heading = self.tr("Overdue: %n case(s)", "", len(found.overdue))
            items = [self._case_item(c) for c in found.overdue]
            self._rows.addWidget(self._group("overdue", heading, items))
        if found.due_soon:
            heading = self.tr("Due within {days} days: %n case(s)", "", len(found.due_soon))
            items = [self._case_item(c) for c in found.due_soon]
            self._rows.addWidget(self._group("soon", heading.format(days=found.days), items))
        if found.opinions_overdue:
            heading = self.tr("Co-organizer opinions overdue: %n", "", len(found.opinions_overdue))
            items = [self._opinion_item(o) for o in found.opinions_overdue]
            self._rows.addWidget(self._group("opinions", heading, items))

    def _group(self, name: str, heading: str, items: list[_Item]) -> QWidget:
        row = QWidget(self)
        row.setObjectName(f"reminderGroup_{name}")
        # A narrow window cuts the line off rather than growing to fit every case.
        row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        label = QLabel(heading, row)
        label.setObjectName(f"reminderHeading_{name}")
        layout.addWidget(label)
        for item in items[:SHOWN_PER_GROUP]:
            layout.addWidget(self._case_button(row, name, item))
        if len(items) > SHOWN_PER_GROUP and name != "opinions":
            more = self._link(row, self.tr("All {count}…").format(count=len(items)))
            more.setObjectName(f"reminderMore_{name}")
            more.setToolTip(self.tr("Show these cases in the list of cases"))
            more.clicked.connect(lambda _c=False, n=name: self.showAllRequested.emit(n))
            layout.addWidget(more)
        elif len(items) > SHOWN_PER_GROUP:
            rest = len(items) - SHOWN_PER_GROUP
            layout.addWidget(QLabel(self.tr("and {count} more").format(count=rest), row))
        layout.addStretch(1)
        return row

    def _case_item(self, case: DueCase) -> _Item:
        text = f"{self._number(case.number)} {short_title(case.title)}（{self.when(case)}）"
        tip = f"{case.session}{self._number(case.number)} {case.title}\n{case.due_date}"
        return case.case_id, text, tip

    def _opinion_item(self, opinion: OpinionDue) -> _Item:
        late = self.tr("overdue by %n day(s)", "", opinion.days_overdue)
        text = f"{self._number(opinion.number)} {opinion.unit}（{late}）"
        tip = self.tr("{unit}: opinion on “{title}” expected by {date}").format(
            unit=opinion.unit, title=opinion.title, date=opinion.expected_by)  # fmt: skip
        return opinion.case_id, text, tip

    def _case_button(self, parent: QWidget, group: str, item: _Item) -> QPushButton:
        case_id, text, tip = item
        button = self._link(parent, text)
        button.setObjectName(f"reminderCase_{case_id}" if group != "opinions"
                             else f"reminderOpinion_{case_id}")  # fmt: skip
        button.setToolTip(tip)
        button.clicked.connect(lambda _c=False, cid=case_id: self.caseRequested.emit(cid))
        return button

    def _link(self, parent: QWidget, text: str) -> QPushButton:
        button = QPushButton(text, parent)
        button.setProperty("link", True)
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def _number(self, number: str) -> str:
        return self.tr("No. {number}").format(number=number)

    def when(self, case: DueCase) -> str:
        if case.days_left < 0:
            return self.tr("overdue by %n day(s)", "", -case.days_left)
        if case.days_left == 0:
            return self.tr("due today")
        return self.tr("%n day(s) left", "", case.days_left)
