"""A description of the machine the benchmark ran on (for bench/RESULTS.md).

Library versions are read from the installed distributions, so describing the machine does
not import PySide6 or reportlab into the benchmark's own process.

>>> info = describe()
>>> {"CPU", "cores", "RAM", "OS", "Python", "PySide6", "SQLite"} <= set(info)
True
"""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from importlib import metadata
from pathlib import Path


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine() or "unknown"


def _ram_bytes() -> int | None:
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def load_average() -> str:
    """The 1/5/15-minute load averages (other work on a shared machine skews timings)."""
    try:
        one, five, fifteen = os.getloadavg()
    except (OSError, AttributeError):
        return "unknown"
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def describe() -> dict[str, str]:
    """Name -> value, in the order printed."""
    ram = _ram_bytes()
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count() or "unknown"),
        "RAM": f"{ram / 2**30:.1f} GiB" if ram else "unknown",
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "PySide6": _version("PySide6-Essentials")
        if _version("PySide6") == "not installed"
        else _version("PySide6"),
        "SQLite": sqlite3.sqlite_version,
        "reportlab": _version("reportlab"),
        "openpyxl": _version("openpyxl"),
        "sqlite-utils": _version("sqlite-utils"),
    }
