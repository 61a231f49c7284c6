"""Importing sqlite-utils without numpy (issue 15: start-up).

sqlite-utils imports numpy and pandas at import time when they are installed, only to map
their scalar types to column types when it creates a table from Python values. The program
creates its tables in migrations and never hands numpy or pandas values to sqlite-utils, but
numpy is installed for the OCR engine, and importing it costs 0.1–0.2 s of every start (GUI
and command line). :func:`import_sqlite_utils` imports sqlite-utils with both hidden; they
can still be imported later (OCR), they are only missing from sqlite-utils' type table.

``dateutil.parser`` (imported by sqlite-utils' recipes, used only inside its ``parsedate``
functions, which the program does not call) is loaded on its first use instead: 30–80 ms
of every start.
"""

from __future__ import annotations

import sys
from types import ModuleType

_HIDDEN = ("numpy", "pandas")
_ON_FIRST_USE = ("dateutil.parser",)


def load_on_first_use(name: str) -> None:
    """Put module ``name`` in ``sys.modules`` without running it: its code runs when one of
    its attributes is first read (``importlib.util.LazyLoader``). Nothing happens if it is
    imported already or not installed.

    >>> load_on_first_use("no_such_module_here")
    >>> "no_such_module_here" in sys.modules
    False
    """
    import importlib.util

    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
    except ImportError:
        return
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent in sys.modules:
        setattr(sys.modules[parent], child, module)


def import_sqlite_utils() -> ModuleType:
    """sqlite-utils, imported without numpy and pandas if it is not imported yet.

    >>> import_sqlite_utils().__name__
    'sqlite_utils'
    """
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import numpy" → ImportError
    for name in _ON_FIRST_USE:
        load_on_first_use(name)
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
    return sqlite_utils
