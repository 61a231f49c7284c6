"""Bringing the running program to the front when it is launched a second time (Windows).

Windows lets only the foreground process give the foreground away: ``activateWindow()``
called by the first program on a message from a second launch merely flashes its taskbar
button. So the second launch — the foreground process, the user just started it — first calls
``AllowSetForegroundWindow(ASFW_ANY)``; the first program then restores its window and calls
``SetForegroundWindow`` on it. Elsewhere both are harmless no-ops.
"""

from __future__ import annotations

import sys
from typing import Any

ASFW_ANY = 0xFFFFFFFF  # (DWORD)-1: any process may set the foreground window
SW_RESTORE = 9


def _user32() -> Any | None:
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        return ctypes.windll.user32  # type: ignore[attr-defined]
    except (ImportError, AttributeError, OSError):
        return None


def allow_foreground_switch() -> bool:
    """In the second launch, before asking the first: let it take the foreground."""
    user32 = _user32()
    if user32 is None:
        return False
    return bool(user32.AllowSetForegroundWindow(ASFW_ANY))


def force_foreground(widget: Any) -> bool:
    """In the first program: put ``widget``'s native window in front (after Qt's own
    ``raise_()``/``activateWindow()``), restoring it when minimised."""
    user32 = _user32()
    if user32 is None:
        return False
    hwnd = int(widget.winId())
    if user32.IsIconic(hwnd):
        user32.ShowWindow(hwnd, SW_RESTORE)
    return bool(user32.SetForegroundWindow(hwnd))
