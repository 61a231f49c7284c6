"""Start-up: from starting a process to the main window shown, the program on the large
database against a bare PySide6 window with five empty tabs, and to the member list filled
against a bare PySide6 window whose register tab is a plain table filled from the same file
with sqlite3 (:func:`startup_bare_table`); all measured across the process boundary (the
parent's clock from ``Popen`` to the child's ``SHOWN``/``READY`` line).

Also reports the program's import chain: which heavy libraries were loaded at start-up
(reportlab, openpyxl, pypinyin, cn2an … must wait for their first use) and, from one run
with ``python -X importtime``, what the start-up imports cost by top-level package.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.child import MARKER


@dataclass
class StartupRun:
    shown: float | None = None  # seconds from Popen to SHOWN
    ready: float | None = None  # seconds from Popen to READY
    heavy_modules: list[str] = field(default_factory=list)
    returncode: int | None = None
    error: str = ""


def run_child(
    args: list[str],
    env: dict[str, str],
    cwd: Path,
    *,
    extra_python_args: tuple[str, ...] = (),
    timeout: float = 180.0,
) -> tuple[StartupRun, str]:
    """Start ``python -m bench.child ARGS`` and time its SHOWN/READY lines; returns the run
    and the child's stderr."""
    command = [sys.executable, *extra_python_args, "-m", "bench.child", *args]
    run = StartupRun()
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert process.stdout is not None
    deadline = start + timeout
    for line in process.stdout:
        now = time.perf_counter()
        text = line.strip()
        if text == "SHOWN" and run.shown is None:
            run.shown = now - start
        elif text == "READY" and run.ready is None:
            run.ready = now - start
        elif text == "TIMEOUT":
            run.error = "the window never became ready"
        elif text == "CLOSED":
            run.error = "the window closed before it was ready"
        elif text.startswith(MARKER):
            run.heavy_modules = json.loads(text[len(MARKER) :]).get("heavy_modules", [])
        if now > deadline:
            process.kill()
            run.error = "timed out"
            break
    try:
        _out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
    run.returncode = process.returncode
    if process.returncode != 0 and not run.error:
        run.error = f"exit code {process.returncode}: {err.strip()[-300:]}"
    if run.ready is None and not run.error:
        run.error = "no READY line"
    return run, err


# The register's first screen in the baseline: the columns the program shows, in its
# default order (会员编号), as many rows as a maximised window shows.
BARE_REGISTER_HEADERS = (
    "会员编号",
    "姓名",
    "性别",
    "分工会",
    "部门",
    "职称",
    "手机",
    "入会日期",
    "会籍状态",
)
BARE_REGISTER_SQL = (
    "SELECT m.member_no, m.name, m.gender, b.name, m.department, m.title, m.phone,"
    " m.join_date, m.status FROM members m JOIN branches b ON b.id = m.branch_id"
    " ORDER BY m.member_no, m.id LIMIT 60"
)


def startup_bare_table(db_path: str) -> int:
    """The baseline of "member list filled": a bare QMainWindow with the same tabs, the
    register's tab current and holding a plain QTableWidget filled from the same database
    file with plain sqlite3 (the first screen of members, the same columns, read-only),
    shown. It does what any Qt program must do to show that list — no less."""
    import sqlite3

    from PySide6.QtWidgets import (
        QApplication,
        QMainWindow,
        QTableWidget,
        QTableWidgetItem,
        QTabWidget,
        QWidget,
    )

    from bench.child import TAB_TITLES, _install_exec_stand_in

    _install_exec_stand_in()
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("工会工作管理系统")
    tabs = QTabWidget()
    conn = sqlite3.connect(db_path)  # bare: plain sqlite3, as a hand-written program would
    try:
        rows = conn.execute(BARE_REGISTER_SQL).fetchall()
    finally:
        conn.close()
    table = QTableWidget(len(rows), len(BARE_REGISTER_HEADERS))
    table.setHorizontalHeaderLabels(list(BARE_REGISTER_HEADERS))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
    for title in TAB_TITLES:
        tabs.addTab(table if title == "会员入会" else QWidget(), title)
    tabs.setCurrentWidget(table)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    window.show()
    return app.exec()


def parse_importtime(stderr: str) -> dict[str, float]:
    """Seconds spent importing each top-level package at start-up, from ``-X importtime``
    output (only outermost imports are summed, so nothing is counted twice).

    >>> text = ("import time: self [us] | cumulative | imported package\\n"
    ...         "import time:       100 |        300 | guilin_union\\n"
    ...         "import time:       200 |        200 |   guilin_union.core\\n"
    ...         "import time:      1000 |       5000 | PySide6.QtWidgets\\n")
    >>> parse_importtime(text)
    {'PySide6': 0.005, 'guilin_union': 0.0003}
    """
    totals: dict[str, float] = defaultdict(float)
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line[len("import time:") :].split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name_field = parts[2]
        depth = len(name_field) - len(name_field.lstrip(" ")) - 1
        if depth != 0:
            continue
        name = name_field.strip()
        totals[name.split(".")[0]] += int(parts[1]) / 1e6
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))
