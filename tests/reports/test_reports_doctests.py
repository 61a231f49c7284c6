"""The examples in the report engine's docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

# The engine's own modules (report modules written by other areas have their own tests).
# Full dotted names, so that tools which move modules can rewrite them.
MODULES = [
    "guilin_union.reports._atomic",
    "guilin_union.reports._canvas",
    "guilin_union.reports.document",
    "guilin_union.reports.errors",
    "guilin_union.reports.fonts",
    "guilin_union.reports.markup",
    "guilin_union.reports.members.roster",
    "guilin_union.reports.registry",
    "guilin_union.reports.styles",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
