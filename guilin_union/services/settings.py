"""Domain settings stored in the database, so they travel with the data and its backups.

Every number the rules depend on is a setting with a default here, never a literal in the
logic (domain.md: "Numbers marked *setting* must be editable").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.storage import audit

T = TypeVar("T")

# key -> (default, Chinese label). Areas add their own keys with register_defaults().
DEFAULTS: dict[str, tuple[Any, str]] = {
    "institution_name": ("桂林学院", "单位名称"),
    "union_name": ("桂林学院工会委员会", "工会名称"),
    "union_short_name": ("校工会", "工会简称"),
    "document_prefix": ("桂院工", "发文字号前缀"),
    "signer_handler": ("经手人", "签领表签字栏一"),
    "signer_witness": ("证明人", "签领表签字栏二"),
    "signer_branch_chair": ("分工会主席", "签领表签字栏三"),
    "union_chair_title": ("工会主席", "校工会负责人职务"),
    "mask_personal_numbers": (True, "默认隐藏证件号码和手机号"),
    "print_binding_margin_mm": (28, "打印件装订边距（毫米；竖版在左，横版在上）"),
}


def register_defaults(defaults: dict[str, tuple[Any, str]]) -> None:
    """Let an area module declare its settings (called at import time of that module)."""
    DEFAULTS.update(defaults)


def get(db: sqlite_utils.Database, key: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is not None:
        return json.loads(row[0])
    if key in DEFAULTS:
        return DEFAULTS[key][0]
    return default


def get_many(db: sqlite_utils.Database, keys: list[str]) -> dict[str, Any]:
    return {k: get(db, k) for k in keys}


def set_value(db: sqlite_utils.Database, key: str, value: Any) -> None:
    """Store one setting (logged like every write). Call inside ``db.atomic()``."""
    encoded = json.dumps(value, ensure_ascii=False)
    old = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if old is not None and old[0] == encoded:
        return
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, encoded],
    )
    audit.log_event(
        db,
        "settings",
        None,
        "update" if old else "insert",
        before={key: json.loads(old[0])} if old else None,
        after={key: value},
    )


def set_many(db: sqlite_utils.Database, values: dict[str, Any]) -> None:
    with db.atomic():
        for key, value in values.items():
            set_value(db, key, value)


def save_checked(
    db: sqlite_utils.Database,
    values: Mapping[str, Any],
    keys: Sequence[str],
    check: Callable[[Mapping[str, Any]], T],
    stored_form: Callable[[T], Mapping[str, Any]],
    *,
    also: Iterable[str] = (),
) -> None:
    """Store some of an area's rule settings: ``values`` are checked together with the
    stored rest of ``keys`` (``check`` raises on nonsense), then each given key is stored in
    its checked, typed form (``stored_form``; a key it leaves out, one of ``also``, as given)."""
    unknown = set(values) - set(keys) - set(also)
    if unknown:
        raise ValidationError("未知的设置项：" + "、".join(sorted(unknown)))
    stored = stored_form(check({**get_many(db, list(keys)), **values}))
    with db.atomic():
        for key, value in values.items():
            set_value(db, key, stored.get(key, value))


def institution(db: sqlite_utils.Database) -> dict[str, str]:
    """The names printed on every document."""
    return {
        "institution_name": get(db, "institution_name"),
        "union_name": get(db, "union_name"),
        "union_short_name": get(db, "union_short_name"),
    }
