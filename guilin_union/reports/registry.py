"""The names of the printable reports, so the CLI (and the GUI) can list them.

Each report module registers itself when imported::

    register("member-roster", "会员花名册（按分工会分组）")

:func:`available_reports` imports every module of this package first, so a new report only
has to be a module here that calls :func:`register`.

>>> register("demo-report", "演示报表")
>>> REPORTS["demo-report"]
'演示报表'
>>> unregister("demo-report")
"""

from __future__ import annotations

import importlib
import pkgutil
import re

REPORTS: dict[str, str] = {}

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def register(name: str, description: str) -> None:
    """Add a report name (lower-case words joined by ``-``) with its Chinese description.

    Registering the same name twice with the same description is harmless (a module imported
    twice); a different description means two reports share a name, which is a bug.
    """
    if not _NAME.match(name):
        raise ValueError(f"报表名称“{name}”只能由小写字母、数字和连字符组成")
    if not description.strip():
        raise ValueError(f"报表“{name}”缺少中文说明")
    existing = REPORTS.get(name)
    if existing is not None and existing != description:
        raise ValueError(f"报表名称“{name}”已被“{existing}”使用")
    REPORTS[name] = description


def unregister(name: str) -> None:
    """Remove a name (tests)."""
    REPORTS.pop(name, None)


def available_reports() -> dict[str, str]:
    """Import every report module of this package and return ``{name: description}``, sorted."""
    package = importlib.import_module("guilin_union.reports")
    # walk_packages: report modules may sit in area sub-packages (reports/<area>/...).
    for module in pkgutil.walk_packages(package.__path__, prefix="guilin_union.reports."):
        if not module.name.rsplit(".", 1)[-1].startswith("_"):
            importlib.import_module(module.name)
    return dict(sorted(REPORTS.items()))
