"""Settings of the welfare area (慰问): the lists and numbers its rules depend on.

Every list here is a *setting* (domain.md §5): another school edits them in 慰问 ▸ 设置, and
nothing in the rules names a type literally except through these getters.

>>> DEFAULT_TYPES[:3]
('结婚', '生育', '生病住院')
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import sqlite_utils

from guilin_union.core.dates import parse_date
from guilin_union.core.errors import ValidationError
from guilin_union.core.text import clean_cell_text
from guilin_union.core.welfare import (
    FORMS,
    PAYERS,
    PAYMENT_STATES,
    RULE_KINDS,
    STANDARD_FORMS,
)
from guilin_union.services import settings
from guilin_union.services.common_query import column_values

__all__ = [
    "AREA",
    "DEFAULT_TYPES",
    "FORMS",
    "PAYERS",
    "PAYMENT_STATES",
    "RULE_KINDS",
    "STANDARD_FORMS",
    "types",
    "festivals",
    "hardship_categories",
    "hardship_occasions",
    "duplicate_days",
    "festival_type",
    "hardship_type",
    "posthumous_types",
    "occasions_for",
    "iso_date",
    "clean_text",
    "SETTING_KEYS",
]

AREA = "welfare"

DEFAULT_TYPES: tuple[str, ...] = (
    "结婚",
    "生育",
    "生病住院",
    "重大疾病",
    "会员去世",
    "直系亲属去世",
    "退休",
    "生日",
    "节日慰问",
    "困难帮扶",
    "其他",
)
# Statutory festivals (法定节假日) the union usually marks; editable.
DEFAULT_FESTIVALS: tuple[str, ...] = (
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
)
DEFAULT_HARDSHIP_CATEGORIES: tuple[str, ...] = (
    "因病致困",
    "因残致困",
    "子女就学困难",
    "单亲家庭",
    "意外灾害",
    "家庭收入低",
    "其他",
)
DEFAULT_HARDSHIP_OCCASIONS: tuple[str, ...] = ("送温暖", "金秋助学")

SETTING_KEYS = (
    "welfare_types",
    "welfare_festivals",
    "welfare_hardship_categories",
    "welfare_hardship_occasions",
    "welfare_duplicate_days",
    "welfare_festival_type",
    "welfare_hardship_type",
    "welfare_posthumous_types",
)

settings.register_defaults(
    {
        "welfare_types": (list(DEFAULT_TYPES), "慰问类型"),
        "welfare_festivals": (list(DEFAULT_FESTIVALS), "节日慰问的节日"),
        "welfare_hardship_categories": (list(DEFAULT_HARDSHIP_CATEGORIES), "困难类别"),
        "welfare_hardship_occasions": (list(DEFAULT_HARDSHIP_OCCASIONS), "困难帮扶发放项目"),
        "welfare_duplicate_days": (30, "同一会员同类慰问在多少天内视为可能重复"),
        "welfare_festival_type": ("节日慰问", "节日批量发放使用的慰问类型"),
        "welfare_hardship_type": ("困难帮扶", "困难帮扶发放使用的慰问类型"),
        "welfare_posthumous_types": (["会员去世"], "在会员去世后发放的慰问类型"),
    }
)


def _list(db: sqlite_utils.Database, key: str) -> list[str]:
    value = settings.get(db, key)
    return [str(v) for v in value] if isinstance(value, list) else []


def types(db: sqlite_utils.Database) -> list[str]:
    """The condolence types, in the user's order."""
    return _list(db, "welfare_types")


def festivals(db: sqlite_utils.Database) -> list[str]:
    return _list(db, "welfare_festivals")


def hardship_categories(db: sqlite_utils.Database) -> list[str]:
    return _list(db, "welfare_hardship_categories")


def hardship_occasions(db: sqlite_utils.Database) -> list[str]:
    return _list(db, "welfare_hardship_occasions")


def duplicate_days(db: sqlite_utils.Database) -> int:
    value = settings.get(db, "welfare_duplicate_days")
    return int(value) if isinstance(value, int) and value >= 0 else 30


def festival_type(db: sqlite_utils.Database) -> str:
    return str(settings.get(db, "welfare_festival_type"))


def hardship_type(db: sqlite_utils.Database) -> str:
    return str(settings.get(db, "welfare_hardship_type"))


def posthumous_types(db: sqlite_utils.Database) -> list[str]:
    return _list(db, "welfare_posthumous_types")


def occasions_for(db: sqlite_utils.Database, type_name: str) -> list[str]:
    """Suggested 事项 for a type: the festivals for 节日慰问, 送温暖/金秋助学 for 困难帮扶."""
    if type_name == festival_type(db):
        return festivals(db)
    if type_name == hardship_type(db):
        return hardship_occasions(db)
    return []


def save_lists(db: sqlite_utils.Database, values: dict[str, Any]) -> None:
    """Store edited welfare settings (validated) in one transaction.

    >>> # save_lists(db, {"welfare_types": ["结婚", "生育"], "welfare_duplicate_days": 15})
    """
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key not in SETTING_KEYS:
            raise ValidationError(f"未知的慰问设置：{key}")
        if key == "welfare_duplicate_days":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 366:
                raise ValidationError("重复提醒天数应为 0 到 366 之间的整数", key)
            clean[key] = value
        elif key in ("welfare_festival_type", "welfare_hardship_type"):
            text = clean_text(value)
            if not text:
                raise ValidationError("请填写慰问类型", key)
            clean[key] = text
        else:
            items: list[str] = []
            for item in value or []:
                text = clean_text(item)
                if text and text not in items:
                    items.append(text)
            if key == "welfare_types" and not items:
                raise ValidationError("至少需要一个慰问类型", key)
            clean[key] = items
    with db.atomic():
        settings.set_many(db, clean)


def iso_date(value: object, field: str = "pay_date") -> str:
    """Any accepted date form → ISO text (``2024年3月5日`` → ``2024-03-05``)."""
    if isinstance(value, _dt.date):
        return (value.date() if isinstance(value, _dt.datetime) else value).isoformat()
    return parse_date(value, field=field).isoformat()


def clean_text(value: object) -> str:
    """Cell-style cleaning for free text; ``None`` → ``""``."""
    return "" if value is None else clean_cell_text(str(value))


def recent_handlers(db: sqlite_utils.Database, limit: int = 10) -> list[str]:
    """The 经办人 typed most recently, newest first (suggestions for the payment form)."""
    return column_values(
        db,
        "SELECT handler FROM welfare_payments WHERE handler IS NOT NULL GROUP BY handler"
        " ORDER BY max(id) DESC LIMIT ?",
        [limit],
    )
