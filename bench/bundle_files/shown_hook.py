"""PyInstaller runtime hook of the bench builds only: print ``SHOWN`` at the first paint of a
main window and end the process at once (the start-up measure needs nothing after that).

Both bench bundles (the program and the bare window) carry this same hook; the bundle that is
shipped does not.
"""

import os
import sys


def _install() -> None:
    from PySide6.QtWidgets import QMainWindow

    original = QMainWindow.paintEvent

    def paint_event(window, event):
        original(window, event)
        sys.stdout.write("SHOWN\n")
        sys.stdout.flush()
        os._exit(0)

    QMainWindow.paintEvent = paint_event


if os.environ.get("GUILIN_UNION_BENCH_SHOWN") == "1":
    _install()
