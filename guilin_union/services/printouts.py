"""The printouts' house style from the database's settings (单位信息, 打印设置).

The report engine is pure (it never reads the database): the CLI and the GUI call
:func:`apply_house_style` once the database is open, before they make printouts.
"""

from __future__ import annotations

import sqlite_utils

from guilin_union.reports.house import BINDING_MARGIN_MM, HouseStyle, configure_house_style
from guilin_union.services import settings


def apply_house_style(db: sqlite_utils.Database) -> HouseStyle:
    """Issuer = the union's name (单位信息); binding margin from ``print_binding_margin_mm``.
    Returns the style in force before (``reports.styles.restore_house_style``)."""
    names = settings.institution(db)
    try:
        binding = float(settings.get(db, "print_binding_margin_mm", BINDING_MARGIN_MM))
    except (TypeError, ValueError):
        binding = BINDING_MARGIN_MM
    return configure_house_style(issuer=names.get("union_name") or "", binding_mm=binding)
