"""The yellow bar above the tabs that says why the database is read-only and what to do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class SafetyBanner(QWidget):
    """A message plus up to two action buttons (e.g. 恢复备份…)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safety_banner")
        self.setAttribute(
            Qt.WidgetAttribute.WA_StyledBackground, True
        )  # let the style sheet paint it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(
            "#safety_banner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; }"
            " #safety_banner QLabel { color: #5c4400; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.message_label = QLabel(text)
        self.message_label.setObjectName("safety_banner_text")
        self.message_label.setToolTip(text)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.message_label, 1)
        self.buttons: dict[str, QPushButton] = {}

    def add_action(self, text: str, handler: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(handler)
        self.layout().addWidget(button)
        self.buttons[text] = button
        return button

    def set_text(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setToolTip(text)
