"""The examples in the core modules' docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["text", "names", "ids", "phones", "dates", "pinyin"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"guilin_union.core.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
