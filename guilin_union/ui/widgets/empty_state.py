"""An honest empty state for an area whose work is not built yet: says what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(
        self, title: str, description: str, coming: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(title)
        heading.setObjectName("empty_state_title")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(description)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        items = QLabel("<br>".join(f"• {item}" for item in coming))
        items.setAlignment(Qt.AlignmentFlag.AlignCenter)
        items.setTextFormat(Qt.TextFormat.RichText)
        note = QLabel("此功能正在开发中，当前版本尚不可用；其他页签的功能不受影响。")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setStyleSheet("color: #777;")
        for widget in (heading, body, items, note):
            layout.addWidget(widget)
        layout.addStretch(2)
