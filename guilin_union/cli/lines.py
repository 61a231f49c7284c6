"""The lines of a listing printed by the CLI: fields separated by tabs (no Qt import here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def tab_line(*fields: Any) -> str:
    """One line of a listing: the fields joined by tabs, ``None`` as an empty field.

    >>> tab_line(7, "张三", None, "在会")
    '7\\t张三\\t\\t在会'
    """
    return "\t".join("" if f is None else str(f) for f in fields)


def row_line(*keys: str) -> Callable[[Any], str]:
    """The ``line`` of :func:`emit_listing` that shows these keys of each row, by tabs."""
    return lambda row: tab_line(*(row[k] for k in keys))
