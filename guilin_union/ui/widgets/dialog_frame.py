"""The top of a hand-built dialog: its title and a line saying what it is for."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout


def dialog_layout(
    dialog: QDialog,
    title: str,
    hint: str,
    *,
    wrap: bool = False,
    size: tuple[int, int] | None = None,
) -> QVBoxLayout:
    """Title ``dialog`` (and give it ``size``), give it a vertical layout and put ``hint``
    first (word-wrapped if ``wrap``); returns the layout for the rest."""
    dialog.setWindowTitle(title)
    if size is not None:
        dialog.resize(*size)
    layout = QVBoxLayout(dialog)
    label = QLabel(hint)
    label.setWordWrap(wrap)
    layout.addWidget(label)
    return layout
