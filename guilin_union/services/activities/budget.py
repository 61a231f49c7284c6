"""Activity budgets: planned lines (预算) and actual spending lines (支出), integer 分.

Categories come from the setting ``activity_expense_categories`` (文体活动支出 subjects:
器材, 服装, 场地, 交通, 奖品, 餐费, 其他). Spending over the plan — in total or in one
category — is a warning the user sees, not a block: the money has already been spent.

>>> from guilin_union.storage import open_database
>>> from guilin_union.services.activities import save_activity
>>> db = open_database(":memory:")
>>> a = save_activity(db, {"name": "健步走", "type": "文体活动", "start_date": "2024-04-20"}).row_id
>>> _ = add_line(db, a, kind="预算", category="奖品", amount="1,000")
>>> _ = add_line(db, a, kind="支出", category="奖品", amount=120050)
>>> summary = budget_summary(db, a)
>>> summary.planned, summary.actual, summary.over_budget
(100000, 120050, True)
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from guilin_union.core.activities import BUDGET_KINDS
from guilin_union.core.dates import parse_date
from guilin_union.core.errors import NotFoundError, ValidationError
from guilin_union.core.money import format_fen_yuan
from guilin_union.core.text import clean_cell_text
from guilin_union.services import activities as activities_service
from guilin_union.services import row_undo
from guilin_union.services.activities import AREA
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_money import fen_amount
from guilin_union.services.common_query import dict_rows
from guilin_union.storage import audit

TABLE = "activity_budget_lines"

PLANNED, ACTUAL = BUDGET_KINDS  # 预算, 支出


def _validate(
    db: sqlite_utils.Database, data: Mapping[str, Any], current: Mapping[str, Any] | None
) -> dict[str, Any]:
    kind = data.get("kind", current["kind"] if current else None)
    if kind not in BUDGET_KINDS:
        raise ValidationError("类别应为“预算”或“支出”", "kind")
    category = clean_cell_text(
        str(data.get("category", current["category"] if current else "") or "")
    )
    allowed = activities_service.expense_categories(db)
    if not category:
        raise ValidationError("请选择支出科目", "category")
    if category not in allowed and not (current and current["category"] == category):
        raise ValidationError(
            f"支出科目“{category}”不在科目列表中，可选：{'、'.join(allowed)}", "category"
        )
    if "amount" in data:  # never a float: 分 as an int, or 元 as text ("1,234.50")
        amount = fen_amount(
            data["amount"],
            blank="金额不能为空",
            invalid="金额无效",
            float_message="金额必须以分（整数）或文字传入，不能是浮点数",
        )
    else:
        amount = current["amount"]  # type: ignore[index]
    spent_on = data.get("spent_on", current["spent_on"] if current else None)
    if spent_on in ("", None):
        spent_on = None
    else:
        spent_on = parse_date(spent_on, field="spent_on").isoformat()
    text = {}
    for key in ("description", "voucher_no"):
        value = data.get(key, current[key] if current else None)
        text[key] = clean_cell_text(str(value)) if value not in (None, "") else None
    return {"kind": kind, "category": category, "amount": amount, "spent_on": spent_on, **text}


def add_line(
    db: sqlite_utils.Database,
    activity_id: int,
    *,
    kind: str,
    category: str,
    amount: int | str,
    spent_on: str | None = None,
    description: str | None = None,
    voucher_no: str | None = None,
) -> OpResult:
    """Add a planned (``预算``) or actual (``支出``) line; ``amount`` is int 分 or yuan text."""
    with db.atomic():
        activities_service.get_activity_row(db, activity_id)
        values = _validate(
            db,
            {
                "kind": kind,
                "category": category,
                "amount": amount,
                "spent_on": spent_on,
                "description": description,
                "voucher_no": voucher_no,
            },
            None,
        )
        row_id = audit.insert(
            db,
            "activity_budget_lines",
            {"activity_id": activity_id, **values, "created_at": audit.now_iso()},
        )
    return row_undo.removable(TABLE, row_id, Changes.of(AREA))


def get_line(db: sqlite_utils.Database, line_id: int) -> dict[str, Any]:
    try:
        return audit.get_row(db, "activity_budget_lines", line_id)
    except NotFoundError:
        raise NotFoundError("经费记录不存在（可能已被删除）") from None


def update_line(db: sqlite_utils.Database, line_id: int, data: Mapping[str, Any]) -> OpResult:
    """Correct a line (only the keys given change); ``undo`` holds the previous row."""
    with db.atomic():
        current = get_line(db, line_id)
        values = _validate(db, data, current)
        before = audit.update(db, TABLE, line_id, values)
    return row_undo.restorable(TABLE, before, Changes.of(AREA), undo=before)


def delete_line(db: sqlite_utils.Database, line_id: int) -> OpResult:
    return row_undo.delete_row(
        db, TABLE, line_id, Changes.of(AREA), missing="经费记录不存在（可能已被删除）"
    )


def list_lines(
    db: sqlite_utils.Database, activity_id: int, kind: str | None = None
) -> list[dict[str, Any]]:
    sql = "SELECT * FROM activity_budget_lines WHERE activity_id = ?"
    params: list[Any] = [activity_id]
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    sql += " ORDER BY kind = '支出', coalesce(spent_on, ''), id"
    cursor = db.execute(sql, params)
    return dict_rows(cursor)


# ---------------------------------------------------------------- summaries


@dataclass(frozen=True)
class CategoryTotals:
    category: str
    planned: int
    actual: int

    @property
    def difference(self) -> int:
        """Planned minus actual: negative when over budget."""
        return self.planned - self.actual

    @property
    def over(self) -> bool:
        return self.actual > self.planned


@dataclass
class BudgetSummary:
    planned: int = 0
    actual: int = 0
    categories: list[CategoryTotals] = field(default_factory=list)

    @property
    def balance(self) -> int:
        return self.planned - self.actual

    @property
    def over_budget(self) -> bool:
        return self.actual > self.planned

    def warnings(self) -> list[str]:
        """Plain-language over-budget warnings (total first, then each category)."""
        out: list[str] = []
        if self.over_budget:
            if self.planned == 0:
                out.append(f"未编制预算，已支出 {format_fen_yuan(self.actual)}")
            else:
                out.append(
                    f"实际支出 {format_fen_yuan(self.actual)}，超出预算 {format_fen_yuan(self.planned)}"
                    f"，超支 {format_fen_yuan(self.actual - self.planned)}"
                )
        for c in self.categories:
            if c.over and c.planned > 0:
                out.append(
                    f"“{c.category}”超支 {format_fen_yuan(c.actual - c.planned)}"
                    f"（预算 {format_fen_yuan(c.planned)}，实际 {format_fen_yuan(c.actual)}）"
                )
            elif c.over and self.planned > 0:
                out.append(f"“{c.category}”无预算，实际支出 {format_fen_yuan(c.actual)}")
        return out


def summarise(
    lines: Sequence[Mapping[str, Any]], category_order: Sequence[str] = ()
) -> BudgetSummary:
    """Totals and per-category lines from budget rows (pure; categories in the settings' order)."""
    per: OrderedDict[str, list[int]] = OrderedDict((c, [0, 0]) for c in category_order)
    summary = BudgetSummary()
    for line in lines:
        amount = int(line["amount"])
        slot = per.setdefault(line["category"], [0, 0])
        if line["kind"] == PLANNED:
            slot[0] += amount
            summary.planned += amount
        else:
            slot[1] += amount
            summary.actual += amount
    summary.categories = [CategoryTotals(c, p, a) for c, (p, a) in per.items() if p or a]
    return summary


def budget_summary(db: sqlite_utils.Database, activity_id: int) -> BudgetSummary:
    return summarise(list_lines(db, activity_id), activities_service.expense_categories(db))


@dataclass(frozen=True)
class TypeYearTotals:
    """One activity type's year: how many activities, people and how much money."""

    type: str
    activities: int
    participants: int
    planned: int
    actual: int

    @property
    def balance(self) -> int:
        return self.planned - self.actual


def year_summary(db: sqlite_utils.Database, year: int) -> list[TypeYearTotals]:
    """Spending by activity type for one year (types in the settings' order, then others)."""
    start, end = f"{year:04d}-01-01", f"{year + 1:04d}-01-01"
    data: OrderedDict[str, dict[str, int]] = OrderedDict(
        (t, {"activities": 0, "participants": 0, "planned": 0, "actual": 0})
        for t in activities_service.activity_types(db)
    )
    for kind, n in db.execute(
        "SELECT type, count(*) FROM activities WHERE start_date >= ? AND start_date < ? GROUP BY type",
        [start, end],
    ):
        data.setdefault(kind, {"activities": 0, "participants": 0, "planned": 0, "actual": 0})[
            "activities"
        ] = n
    for kind, n in db.execute(
        "SELECT a.type, count(*) FROM activity_participants p JOIN activities a ON a.id = p.activity_id"
        " WHERE a.start_date >= ? AND a.start_date < ? AND p.status IN ('已报名', '已确认', '已参加')"
        " GROUP BY a.type",
        [start, end],
    ):
        data[kind]["participants"] = n
    for kind, line_kind, total in db.execute(
        "SELECT a.type, l.kind, sum(l.amount) FROM activity_budget_lines l JOIN activities a ON a.id = l.activity_id"
        " WHERE a.start_date >= ? AND a.start_date < ? GROUP BY a.type, l.kind",
        [start, end],
    ):
        data[kind]["planned" if line_kind == PLANNED else "actual"] = int(total or 0)
    return [TypeYearTotals(t, **v) for t, v in data.items() if v["activities"]]


def year_activity_totals(db: sqlite_utils.Database, year: int) -> list[dict[str, Any]]:
    """Every activity of a year with its planned and actual totals (for the year report)."""
    from guilin_union.services.activities import ActivityQuery, list_activities

    rows = list_activities(db, ActivityQuery(year=year, sort_key="start_date", descending=False))
    return [
        {
            "id": r["id"],
            "name": r["name"],
            "type": r["type"],
            "start_date": r["start_date"],
            "registered": r["registered"],
            "planned": r["budget_planned"],
            "actual": r["budget_actual"],
        }
        for r in rows
    ]
