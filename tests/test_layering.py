"""Architecture rule: nothing below ``ui`` imports PySide6 (checked in a fresh interpreter)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import guilin_union

ROOT = Path(guilin_union.__file__).resolve().parent


def _non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(ROOT)], prefix="guilin_union."):
        if info.name.startswith("guilin_union.ui") or info.name in (
            "guilin_union.app",
            "guilin_union.__main__",
        ):
            continue
        names.append(info.name)
    return names


def test_core_layers_do_not_import_pyside6():
    modules = _non_ui_modules()
    assert any(m.startswith("guilin_union.storage") for m in modules)
    assert any(m.startswith("guilin_union.services") for m in modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"PySide6 imported by a non-UI module: {result.stdout}"


def test_cli_import_does_not_load_qt():
    code = "import sys; from guilin_union.cli import build_parser; build_parser(); print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
