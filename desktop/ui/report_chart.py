"""A bar chart drawn with QPainter: the report page's categories and satisfaction (no QtCharts:
PySide6-Essentials does not ship it, and the Addons wheel would add far more than this)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#2f5597")  # the DOCX chart's colour
GRID = QColor("#d0d0d0")


class BarChart(QWidget):
    """Columns with their value above and their label below, under a title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.labels: list[str] = []
        self.values: list[int] = []
        self.setMinimumSize(260, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, title: str, labels: list[str], values: list[int]) -> None:
        self.title, self.labels, self.values = title, list(labels), list(values)
        self.setAccessibleName(title)
        self.setToolTip("，".join(f"{k}：{v}" for k, v in zip(labels, values, strict=True)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 220)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.setPen(self.palette().text().color())
        title_box = QRectF(0, 4, self.width(), line + 4)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(title_box, Qt.AlignmentFlag.AlignCenter, self.title)
        font.setBold(False)
        painter.setFont(font)
        plot = QRectF(12, title_box.bottom() + line + 6, self.width() - 24,
                      self.height() - title_box.bottom() - 2 * line - 20)  # fmt: skip
        if not self.values or plot.height() < 10:
            return
        self._draw_bars(painter, plot, line)

    def _draw_bars(self, painter: QPainter, plot: QRectF, line: int) -> None:
        top = max([*self.values, 1])
        painter.setPen(GRID)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        slot = plot.width() / len(self.values)
        width = min(slot * 0.6, 64.0)
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            centre = plot.left() + slot * (i + 0.5)
            height = plot.height() * value / top
            bar = QRectF(centre - width / 2, plot.bottom() - height, width, height)
            painter.fillRect(bar, BAR)
            painter.setPen(self.palette().text().color())
            value_box = QRectF(centre - slot / 2, bar.top() - line - 2, slot, line)
            painter.drawText(value_box, Qt.AlignmentFlag.AlignCenter, str(value))
            label_box = QRectF(centre - slot / 2, plot.bottom() + 4, slot, line + 2)
            painter.drawText(label_box, Qt.AlignmentFlag.AlignCenter, label)
