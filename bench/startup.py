"""Start-up: from starting a process to the main window shown, the program on the large
database against a bare PySide6 window with five empty tabs, both measured across the process
boundary (the parent's clock from ``Popen`` to the child's ``SHOWN``/``READY`` line).

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
