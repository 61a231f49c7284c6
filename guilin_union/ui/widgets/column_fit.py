"""Spare width spread over a list's columns in proportion to their content (issue 15), so
that no single column (the register's 部门) becomes a wide empty gap.

>>> # spread = SpreadColumns(table); spread.set_natural([80, 60, 200, ...])
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

MAX_GROWTH = 1.6  # a column grows to at most this many times its content width


def spread_widths(natural: list[int], available: int, max_growth: float = MAX_GROWTH) -> list[int]:
    """Content widths plus the spare width shared in proportion, each capped.

    >>> spread_widths([100, 100, 200], 600)
    [150, 150, 300]
    >>> spread_widths([100, 100], 1000)
    [160, 160]
    >>> spread_widths([300, 300], 400)
    [300, 300]
    """
    total = sum(natural)
    spare = available - total
    if spare <= 0 or total <= 0:
        return list(natural)
    return [min(int(w * max_growth), w + spare * w // total) for w in natural]


class SpreadColumns(QObject):
    """Keeps ``table``'s columns at their content widths plus a fair share of the spare
    width, whenever the table is resized."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.natural: list[int] = []
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        table.viewport().installEventFilter(self)

    def set_natural(self, widths: list[int]) -> None:
        self.natural = list(widths)
        header = self.table.horizontalHeader()
        for col in range(len(widths)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.apply()

    def apply(self) -> None:
        if not self.natural:
            return
        header = self.table.horizontalHeader()
        widths = spread_widths(self.natural, self.table.viewport().width())
        for col, width in enumerate(widths):
            header.resizeSection(col, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False
