"""Drop-down buttons (打印, 导出, 更多): a tool button whose menu is a table of entries."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtWidgets import QMenu, QToolButton

#: ``(text, slot)``, or None for a separator line.
MenuEntry = tuple[str, Callable[[], Any]] | None


def add_entries(menu: QMenu, entries: Iterable[MenuEntry]) -> None:
    for entry in entries:
        if entry is None:
            menu.addSeparator()
        else:
            menu.addAction(*entry)


def menu_button(
    text: str, entries: Iterable[MenuEntry] = (), *, object_name: str = ""
) -> tuple[QToolButton, QMenu]:
    """A button showing ``text`` that drops down its menu at once; returns the button and
    the menu (for callers that keep actions they add themselves)."""
    button = QToolButton()
    if object_name:
        button.setObjectName(object_name)
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    add_entries(menu, entries)
    button.setMenu(menu)
    return button, menu
