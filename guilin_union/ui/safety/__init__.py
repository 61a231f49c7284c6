"""The safety layer of the GUI: guarded opening (lock, integrity), backup/restore dialogs,
the change-log viewer, the recycle bin, privacy actions and the read-only banner.

The main window calls :func:`install_safety_menus` once; ``ui.application.open_context``
calls :func:`open_guarded`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from guilin_union.ui.safety.controller import SafetyController


def install_safety_menus(window: QMainWindow) -> SafetyController:
    """Add the safety menu entries, banner and open/close behaviour to the main window."""
    from guilin_union.ui.safety.controller import SafetyController

    return SafetyController(window)


def open_guarded(*args, **kwargs):  # noqa: ANN002, ANN003, ANN201
    """See :func:`guilin_union.ui.safety.session.open_guarded`."""
    from guilin_union.ui.safety.session import open_guarded as _open

    return _open(*args, **kwargs)
