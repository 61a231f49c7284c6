"""Opening a dialog the one way the screens do: modal, without blocking the event loop (so
tests can drive it), and handed back to the caller."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


def show_modal(dialog: D) -> D:
    """Open ``dialog`` window-modal (``open()``, not ``exec()``) and return it."""
    dialog.setModal(True)
    dialog.open()
    return dialog
