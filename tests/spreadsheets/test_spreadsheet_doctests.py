"""The examples in the spreadsheet modules' docstrings are true; the package stays Qt-free."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import pytest


@pytest.mark.parametrize("name", ["errors", "reader", "writer"])
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"guilin_union.spreadsheets.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0


def test_no_qt_import() -> None:
    code = "import sys, guilin_union.spreadsheets, guilin_union.core.ids; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
