"""Entry points of the processes the benchmark starts (``python -m bench.child TASK ...``).

Start-up is measured across a process boundary: the parent notes the time before it starts
the child and when the child prints ``SHOWN`` (a main window is visible and the event loop has
run) and ``READY`` (the program says its window is filled: ``MainWindow.is_ready()``). Both the
program and the bare baseline are run through the same event-loop stand-in, so the only
difference between them is their own work.

The GUI measures (search, tab switching, record form) and the memory measure run in their own
processes too, offscreen, and report their samples as one ``BENCH-JSON`` line.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

HEAVY_MODULES = ("reportlab", "openpyxl", "pypinyin", "cn2an", "docx", "pypdf")
TAB_TITLES = ("工作要点", "教代会", "会员入会", "活动", "慰问")
MARKER = "BENCH-JSON "


def emit(data: Any) -> None:
    print(MARKER + json.dumps(data, ensure_ascii=False), flush=True)


def _install_exec_stand_in(limit_s: float = 120.0) -> None:
    """Report SHOWN at the first paint of a main window and READY when the program says its
    window is filled (``is_ready()``; a window without that method is ready once shown), by
    replacing ``QMainWindow.paintEvent`` and ``QApplication.exec``; then close the windows (so
    the program releases its lock as on a normal exit) and return."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    state = {"shown": False, "ready": False}
    original_paint = QMainWindow.paintEvent

    def paint_event(window: QMainWindow, event: object) -> None:
        original_paint(window, event)
        if not state["shown"]:
            state["shown"] = True
            print("SHOWN", flush=True)

    def exec_stand_in(app: QApplication) -> int:
        loop = QEventLoop()
        started = time.monotonic()

        def check() -> None:
            windows = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMainWindow) and w.isVisible()
            ]
            if windows and state["shown"] and not state["ready"]:
                is_ready = getattr(windows[0], "is_ready", None)
                if is_ready is None or is_ready():
                    state["ready"] = True
                    print("READY", flush=True)
                    loop.quit()
            if not windows and state["shown"]:
                print("CLOSED", flush=True)
                loop.quit()
            if time.monotonic() - started > limit_s:
                print("TIMEOUT", flush=True)
                loop.quit()

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(1)
        timer.timeout.connect(check)
        timer.start()
        loop.exec()
        timer.stop()
        emit(
            {
                "heavy_modules": sorted(m for m in HEAVY_MODULES if m in sys.modules),
                "titles": [
                    w.windowTitle()
                    for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMainWindow)
                ],
            }
        )
        for window in QApplication.topLevelWidgets():
            window.close()
        app.processEvents()
        return 0

    QMainWindow.paintEvent = paint_event  # type: ignore[method-assign]
    QApplication.exec = exec_stand_in  # type: ignore[method-assign]


def startup_ours(db_path: str) -> int:
    """The real entry point (``guilin-union --db PATH``)."""
    _install_exec_stand_in()
    from guilin_union.app import main

    return main(["--db", db_path])


def startup_bare() -> int:
    """The baseline: a bare QMainWindow with the same five (empty) tabs."""
    _install_exec_stand_in()
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("工会工作管理系统")
    tabs = QTabWidget()
    for title in TAB_TITLES:
        tabs.addTab(QWidget(), title)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    window.show()
    return app.exec()


def main(argv: list[str]) -> int:
    task, *args = argv
    if task == "startup-ours":
        return startup_ours(args[0])
    if task == "startup-bare":
        return startup_bare()
    if task == "startup-bare-table":
        from bench.startup import startup_bare_table

        return startup_bare_table(args[0])
    if task == "gui":
        from bench.gui import run_gui_measures

        emit(run_gui_measures(json.loads(args[0])))
        return 0
    if task == "memory":
        from bench.gui import run_memory

        emit(run_memory(args[0]))
        return 0
    raise SystemExit(f"unknown task {task!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
