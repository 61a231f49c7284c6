"""The examples in the report engine's docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

# The engine's own modules (report modules written by other areas have their own tests).
MODULES = [
    "_atomic",
    "_canvas",
    "document",
    "errors",
    "fonts",
    "markup",
    "member_roster",
    "registry",
    "styles",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"guilin_union.reports.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
