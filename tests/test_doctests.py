"""Every example in a docstring of the program runs and gives what it shows.

The examples document the small helpers (column specs, sort orders, money and date text…);
this runs all of them, so an example cannot go stale or be written wrongly and never noticed.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "guilin_union"


def _modules_with_examples() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent)
        if "forms" in relative.parts[:3] or path.name == "__main__.py":
            continue
        if ">>> " not in path.read_text(encoding="utf-8"):
            continue
        parts = relative.with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = _modules_with_examples()


def test_the_examples_are_found() -> None:
    assert len(MODULES) > 100
    assert "guilin_union.services.common_query" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, qapp) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
