"""A small horizontal bar chart drawn with QPainter (Qt Charts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from guilin_union.core.money import format_fen

BAR_COLOR = QColor("#a23b2a")
ROW_HEIGHT = 18


class BarChart(QWidget):
    """Labels on the left, proportional bars, the value at the end of each bar."""

    def __init__(
        self, chart, parent: QWidget | None = None
    ) -> None:  # reports.home.year_summary.Chart
        super().__init__(parent)
        self.chart = chart
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(f"{chart.title}（{chart.unit}）")
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(260, 20 + ROW_HEIGHT * max(len(self.chart.values), 1))

    def _text(self, value: int) -> str:
        return format_fen(value) if self.chart.money else str(value)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        painter.drawText(0, metrics.ascent(), f"{self.chart.title}（{self.chart.unit}）")
        labels = [str(label) for label in self.chart.labels]
        label_width = min(max((metrics.horizontalAdvance(t) for t in labels), default=0) + 8, 110)
        value_width = (
            max((metrics.horizontalAdvance(self._text(v)) for v in self.chart.values), default=0)
            + 6
        )
        largest = max(self.chart.values, default=0) or 1
        room = max(self.width() - label_width - value_width, 10)
        top = 20
        for i, (label, value) in enumerate(zip(labels, self.chart.values)):
            y = top + i * ROW_HEIGHT
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 6)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_width - 6, ROW_HEIGHT - 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            width = room * value / largest
            painter.fillRect(QRectF(label_width, y + 3, width, ROW_HEIGHT - 8), BAR_COLOR)
            painter.drawText(
                QRectF(label_width + width + 4, y, value_width, ROW_HEIGHT - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._text(value),
            )
        painter.end()
