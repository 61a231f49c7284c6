"""The examples in the reports package's docstrings are true."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import guilin_union.reports as package

MODULES = sorted(m.name for m in pkgutil.iter_modules(package.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"guilin_union.reports.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
