"""“按时缴纳会费” as an optional eligibility rule of a year's welfare standards.

Several condolence standards pay only members who pay their dues on time. When a year has
this rule (``max_arrears_months`` = N), a condolence for a member who owes dues for more than
N months before the month of the payment is a warning (code ``dues``) like every other
welfare rule: the user may still save it with a reason. The rule may be limited to some
welfare types. Arrears come from the dues ledger (:mod:`.dues_ledger`): months not opened
in the ledger owe nothing.

>>> DuesWelfareRule(2025, 3).applies_to("结婚")
True
>>> DuesWelfareRule(2025, 3, ("生病住院",)).applies_to("结婚")
False
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ValidationError
from guilin_union.core.money import format_fen
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.money import AREA
from guilin_union.services.money import dues_ledger as ledger
from guilin_union.storage import audit

CODE = "dues"
LABEL = "欠缴会费"


@dataclass(frozen=True)
class DuesWelfareRule:
    year: int
    max_arrears_months: int
    types: tuple[str, ...] = ()  # empty: every type

    def applies_to(self, type_name: str) -> bool:
        return not self.types or type_name in self.types

    def describe(self) -> str:
        scope = "、".join(self.types) if self.types else "全部慰问类型"
        return f"按时缴纳会费：欠缴超过 {self.max_arrears_months} 个月的会员需说明理由（{scope}）"

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "max_arrears_months": self.max_arrears_months,
            "types": list(self.types),
            "text": self.describe(),
        }


def get_rule(db: sqlite_utils.Database, year: int) -> DuesWelfareRule | None:
    row = db.execute(
        "SELECT max_arrears_months, types FROM dues_welfare_rules WHERE year = ?", [int(year)]
    ).fetchone()
    if row is None:
        return None
    types = tuple(json.loads(row[1])) if row[1] else ()
    return DuesWelfareRule(int(year), int(row[0]), types)


def set_rule(
    db: sqlite_utils.Database,
    year: int,
    max_arrears_months: int | None,
    types: Sequence[str] = (),
) -> OpResult:
    """Turn the rule on for a year (N months, optional types) or off (``None``)."""
    year = int(year)
    if not 1990 <= year <= 2100:
        raise ValidationError("年度应在 1990 至 2100 之间", "year")
    if max_arrears_months is not None and (
        isinstance(max_arrears_months, bool)
        or not isinstance(max_arrears_months, int)
        or max_arrears_months < 0
    ):
        raise ValidationError("欠缴月数应为不小于 0 的整数", "max_arrears_months")
    clean = [t.strip() for t in types if t and t.strip()]
    if clean:
        from guilin_union.services.welfare import config as welfare_config

        known = welfare_config.types(db)
        unknown = [t for t in clean if t not in known]
        if unknown:
            raise ValidationError(
                f"慰问类型“{'、'.join(unknown)}”不存在，可选：{'、'.join(known)}", "types"
            )
    with db.atomic():
        before = get_rule(db, year)
        if max_arrears_months is None:
            if before is not None:
                db.execute("DELETE FROM dues_welfare_rules WHERE year = ?", [year])
                audit.log_event(db, "dues_welfare_rules", year, "delete", before=before.to_json())
        else:
            after = {
                "year": year,
                "max_arrears_months": max_arrears_months,
                "types": json.dumps(clean, ensure_ascii=False) if clean else None,
                "updated_at": audit.now_iso(),
            }
            db.execute(
                "INSERT INTO dues_welfare_rules (year, max_arrears_months, types, updated_at)"
                " VALUES (:year, :max_arrears_months, :types, :updated_at)"
                " ON CONFLICT(year) DO UPDATE SET max_arrears_months = excluded.max_arrears_months,"
                " types = excluded.types, updated_at = excluded.updated_at",
                after,
            )
            audit.log_event(
                db,
                "dues_welfare_rules",
                year,
                "update" if before else "insert",
                before=before.to_json() if before else None,
                after=after,
            )
    return OpResult(Changes.of(AREA, "welfare"), year, undo=before.to_json() if before else None)


def dues_warning(db: sqlite_utils.Database, facts: Any) -> Any:
    """The welfare hook: a ``RuleWarning`` when the payment's year has the rule and the
    member owes dues for more months than allowed before the payment's month, else None.
    ``facts`` is a :class:`guilin_union.services.welfare.PaymentInput`."""
    rule = get_rule(db, facts.year)
    if rule is None or not rule.applies_to(facts.type):
        return None
    months = ledger.arrears_months(db, facts.member_id, facts.pay_date[:7])
    if len(months) <= rule.max_arrears_months:
        return None
    from guilin_union.services.welfare.rules import RuleWarning

    owed = ledger.arrears(db, before_month=facts.pay_date[:7], member_ids=[facts.member_id])
    amount = owed[0].arrears_fen if owed else 0
    span = months[0] if len(months) == 1 else f"{months[0]}～{months[-1]}"
    return RuleWarning(
        CODE,
        f"未按时缴纳会费：该会员欠缴会费 {len(months)} 个月（{span}，共 {format_fen(amount)} 元），"
        f"{rule.year}年慰问标准要求欠缴不超过 {rule.max_arrears_months} 个月",
    )
