"""The top of a hand-built dialog: its title and a line saying what it is for."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout


def dialog_layout(dialog: QDialog, title: str, hint: str) -> QVBoxLayout:
    """Title ``dialog``, give it a vertical layout and put ``hint`` first; returns the
    layout for the rest."""
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(hint))
    return layout
