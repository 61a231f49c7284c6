"""工会经费预算与执行: the chart of categories, yearly plans, manual entries and the actual
amounts drawn from the records.

The chart is the setting ``fund_categories`` (default: the categories of the
基层工会经费收支管理办法, :data:`guilin_union.core.funds.DEFAULT_CATEGORIES`). A category may
have sub-categories one level down; plans, entries and actuals sit on categories without
children and add up into their parent.

Actual amounts of a year come from:

- ``dues``       dues received that year (ledger, by payment date) → the category whose
  ``source`` is ``dues`` (会费收入);
- ``activities`` activity spending lines (支出) of activities starting that year, by the
  setting ``fund_activity_map`` (activity type → category);
- ``welfare``    condolence payments of that standard year that were paid (已发放) and whose
  standard says 校工会 pays (no standard: 校工会), by ``fund_welfare_map`` (type → category);
  payments from 分工会 funds are reported apart, not counted;
- ``manual``     entries with voucher numbers (:func:`add_entry`) for everything else.

Every amount is integer 分.

>>> from guilin_union.storage import open_database
>>> db = open_database(":memory:")
>>> [c.name for c in categories(db) if c.parent == "502"]
['困难帮扶', '送温暖']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from guilin_union.core.dates import parse_date
from guilin_union.core.errors import NotFoundError, ValidationError
from guilin_union.core.funds import (
    CATEGORY_KINDS,
    DEFAULT_ACTIVITY_CATEGORY,
    DEFAULT_ACTIVITY_MAP,
    DEFAULT_CATEGORIES,
    DEFAULT_WELFARE_CATEGORY,
    DEFAULT_WELFARE_MAP,
    SOURCE_ACTIVITIES,
    SOURCE_DUES,
    SOURCE_WELFARE,
    percent_text,
)
from guilin_union.core.money import format_fen
from guilin_union.core.text import clean_cell_text
from guilin_union.services import settings
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_money import fen_amount
from guilin_union.services.money import AREA
from guilin_union.services.money.dues_ledger import dues_received
from guilin_union.storage import audit

settings.register_defaults(
    {
        "fund_categories": (DEFAULT_CATEGORIES, "工会经费收支科目"),
        "fund_activity_map": (DEFAULT_ACTIVITY_MAP, "活动类型对应的支出科目（编码）"),
        "fund_welfare_map": (DEFAULT_WELFARE_MAP, "慰问类型对应的支出科目（编码）"),
    }
)

SOURCE_MANUAL = "manual"
SOURCES = (SOURCE_DUES, SOURCE_ACTIVITIES, SOURCE_WELFARE, SOURCE_MANUAL)
SOURCE_LABELS = {
    SOURCE_DUES: "会费台账",
    SOURCE_ACTIVITIES: "活动经费",
    SOURCE_WELFARE: "慰问（校工会经费）",
    SOURCE_MANUAL: "手工登记",
}


@dataclass(frozen=True)
class Category:
    code: str
    kind: str  # 收入 / 支出
    name: str
    parent: str | None = None
    source: str | None = None

    @property
    def level(self) -> int:
        return 2 if self.parent else 1


# ---------------------------------------------------------------- the chart


def validate_chart(raw: Sequence[Mapping[str, Any]]) -> list[Category]:
    """Check a chart: unique codes and names within a parent, parents on the first level and
    of the same kind, known kinds and sources.

    >>> len(validate_chart(DEFAULT_CATEGORIES))
    19
    """
    out: list[Category] = []
    seen: dict[str, Category] = {}
    for item in raw:
        code = clean_cell_text(str(item.get("code") or ""))
        name = clean_cell_text(str(item.get("name") or ""))
        kind = str(item.get("kind") or "")
        parent = item.get("parent") or None
        source = item.get("source") or None
        if not code or not name:
            raise ValidationError("每个科目都要有编码和名称", "fund_categories")
        if code in seen:
            raise ValidationError(f"科目编码“{code}”重复", "fund_categories")
        if kind not in CATEGORY_KINDS:
            raise ValidationError(f"科目“{name}”的类别应为收入或支出", "fund_categories")
        if source not in (None, SOURCE_DUES):
            raise ValidationError(f"科目“{name}”的自动来源无效", "fund_categories")
        if parent is not None:
            up = seen.get(parent)
            if up is None or up.parent is not None or up.kind != kind:
                raise ValidationError(
                    f"科目“{name}”的上级科目“{parent}”不存在、不是一级科目或收支类别不同",
                    "fund_categories",
                )
        category = Category(code, kind, name, parent, source)
        seen[code] = category
        out.append(category)
    return out


def categories(db: sqlite_utils.Database) -> list[Category]:
    return validate_chart(settings.get(db, "fund_categories"))


def set_categories(db: sqlite_utils.Database, chart: Sequence[Mapping[str, Any]]) -> OpResult:
    """Save an edited chart. A category that has plans or entries cannot be removed."""
    new = validate_chart(chart)
    codes = {c.code for c in new}
    used = {
        code
        for (code,) in db.execute(
            "SELECT category FROM fund_plans UNION SELECT category FROM fund_entries"
        )
    }
    gone = sorted(used - codes)
    if gone:
        raise ValidationError(
            f"科目 {'、'.join(gone)} 已有预算或收支记录，不能删除（可以改名）", "fund_categories"
        )
    before = settings.get(db, "fund_categories")
    with db.atomic():
        settings.set_value(db, "fund_categories", _chart_dicts(new))

    def inverse(d: sqlite_utils.Database) -> OpResult:
        with d.atomic():
            settings.set_value(d, "fund_categories", before)
        return OpResult(Changes.of(AREA))

    return OpResult(Changes.of(AREA), inverse=inverse)


def _chart_dicts(chart: Sequence[Category]) -> list[dict[str, Any]]:
    return [
        {"code": c.code, "kind": c.kind, "name": c.name, "parent": c.parent, "source": c.source}
        for c in chart
    ]


def add_category(
    db: sqlite_utils.Database, code: str, name: str, kind: str, parent: str | None = None
) -> OpResult:
    """Add a category (a sub-category goes right after its parent's last child). A parent
    that already has plans or entries of its own cannot get sub-categories."""
    chart = _chart_dicts(categories(db))
    code = clean_cell_text(str(code or ""))
    item = {"code": code, "kind": kind, "name": name, "parent": parent or None, "source": None}
    if parent:
        used = db.execute(
            "SELECT 1 FROM fund_plans WHERE category = ? UNION SELECT 1 FROM fund_entries"
            " WHERE category = ?",
            [parent, parent],
        ).fetchone()
        if used and not any(c["parent"] == parent for c in chart):
            raise ValidationError(
                f"科目“{parent}”已有预算或收支记录，不能再增加下级科目", "fund_categories"
            )
        at = max(
            (i for i, c in enumerate(chart) if c["code"] == parent or c["parent"] == parent),
            default=len(chart) - 1,
        )
        chart.insert(at + 1, item)
    else:
        at = max((i for i, c in enumerate(chart) if c["kind"] == kind), default=len(chart) - 1)
        chart.insert(at + 1, item)
    return set_categories(db, chart)


def rename_category(db: sqlite_utils.Database, code: str, name: str) -> OpResult:
    chart = _chart_dicts(categories(db))
    if not any(c["code"] == code for c in chart):
        raise ValidationError(f"没有编码为“{code}”的科目", "category")
    for c in chart:
        if c["code"] == code:
            c["name"] = name
    return set_categories(db, chart)


def remove_category(db: sqlite_utils.Database, code: str) -> OpResult:
    """Remove a category without sub-categories, plans or entries."""
    chart = _chart_dicts(categories(db))
    if not any(c["code"] == code for c in chart):
        raise ValidationError(f"没有编码为“{code}”的科目", "category")
    if any(c["parent"] == code for c in chart):
        raise ValidationError("请先删除该科目的下级科目", "category")
    return set_categories(db, [c for c in chart if c["code"] != code])


MAP_KEYS = {"activity": "fund_activity_map", "welfare": "fund_welfare_map"}


def category_maps(db: sqlite_utils.Database) -> dict[str, dict[str, str]]:
    """``{"activity": {活动类型: 科目编码}, "welfare": {慰问类型: 科目编码}}``."""
    return {which: dict(settings.get(db, key) or {}) for which, key in MAP_KEYS.items()}


def set_category_map(db: sqlite_utils.Database, which: str, type_name: str, code: str) -> OpResult:
    """Which spending category an activity type or a welfare type counts under."""
    if which not in MAP_KEYS:
        raise ValidationError("应为 activity（活动类型）或 welfare（慰问类型）", "which")
    c = _require_leaf(db, code)
    if c.kind != "支出":
        raise ValidationError(f"“{c.name}”不是支出科目", "category")
    mapping = dict(settings.get(db, MAP_KEYS[which]) or {})
    before = dict(mapping)
    mapping[clean_cell_text(type_name)] = c.code
    with db.atomic():
        settings.set_value(db, MAP_KEYS[which], mapping)

    def inverse(d: sqlite_utils.Database) -> OpResult:
        with d.atomic():
            settings.set_value(d, MAP_KEYS[which], before)
        return OpResult(Changes.of(AREA))

    return OpResult(Changes.of(AREA), inverse=inverse)


def save_chart(
    db: sqlite_utils.Database,
    chart: Sequence[Mapping[str, Any]],
    maps: Mapping[str, Mapping[str, str]],
) -> OpResult:
    """Save the chart and both type maps at once (the 收支科目 dialog), in one transaction.
    Every mapped category must be a spending category without sub-categories."""
    new = validate_chart(chart)
    spending = {c.code for c in leaves(new) if c.kind == "支出"}
    for which, mapping in maps.items():
        if which not in MAP_KEYS:
            raise ValidationError("应为 activity（活动类型）或 welfare（慰问类型）", "which")
        wrong = [t for t, code in mapping.items() if code not in spending]
        if wrong:
            raise ValidationError(
                f"“{'、'.join(wrong)}”应计入一个没有下级科目的支出科目", "fund_categories"
            )
    before = {key: settings.get(db, key) for key in ("fund_categories", *MAP_KEYS.values())}
    with db.atomic():
        set_categories(db, chart)
        for which, mapping in maps.items():
            settings.set_value(db, MAP_KEYS[which], dict(mapping))

    def inverse(d: sqlite_utils.Database) -> OpResult:
        with d.atomic():
            for key, value in before.items():
                settings.set_value(d, key, value)
        return OpResult(Changes.of(AREA))

    return OpResult(Changes.of(AREA), inverse=inverse)


def leaves(chart: Sequence[Category]) -> list[Category]:
    """Categories without children (where plans and amounts are recorded)."""
    parents = {c.parent for c in chart if c.parent}
    return [c for c in chart if c.code not in parents]


def _leaf(db_chart: Sequence[Category], code: str | None, fallback: str) -> str | None:
    """``code`` when it is a spending leaf of the chart, else ``fallback``, else the last
    spending leaf: money from the records is never dropped because the chart was edited."""
    spending = [c.code for c in leaves(db_chart) if c.kind == "支出"]
    if code in spending:
        return code
    if fallback in spending:
        return fallback
    return spending[-1] if spending else None


def _require_leaf(db: sqlite_utils.Database, code: str) -> Category:
    chart = categories(db)
    code = clean_cell_text(str(code or ""))
    by_code = {c.code: c for c in chart}
    by_name: dict[str, Category] = {}
    for c in chart:
        by_name.setdefault(c.name, c)
        if c.parent:
            by_name.setdefault(f"{by_code[c.parent].name}/{c.name}", c)
    found = by_code.get(code) or by_name.get(code)
    if found is None:
        raise ValidationError(
            f"没有科目“{code}”（可用编码或名称，如 50102 或 文体活动）", "category"
        )
    if found.code not in {c.code for c in leaves(chart)}:
        raise ValidationError(f"“{found.name}”有下级科目，请选择下级科目", "category")
    return found


def category_label(chart: Sequence[Category], code: str) -> str:
    by_code = {c.code: c for c in chart}
    c = by_code.get(code)
    if c is None:
        return code
    return f"{by_code[c.parent].name}/{c.name}" if c.parent and c.parent in by_code else c.name


# ---------------------------------------------------------------- plans


def _year(value: Any) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise ValidationError("年度应为四位数年份", "year") from None
    if not 1990 <= year <= 2100:
        raise ValidationError("年度应在 1990 至 2100 之间", "year")
    return year


def set_plan(
    db: sqlite_utils.Database, year: int, category: str, planned: int | str, note: str = ""
) -> OpResult:
    """Set the planned amount of a category for a year (int 分 or yuan text); ``undo`` holds
    the previous row or None."""
    year = _year(year)
    c = _require_leaf(db, category)
    amount = fen_amount(planned, "planned")
    with db.atomic():
        row = db.execute(
            "SELECT id FROM fund_plans WHERE year = ? AND category = ?", [year, c.code]
        ).fetchone()
        values = {"planned_fen": amount, "note": note or None, "updated_at": audit.now_iso()}
        if row:
            before = audit.update(db, "fund_plans", row[0], values)
            row_id = row[0]
        else:
            before = None
            row_id = audit.insert(db, "fund_plans", {"year": year, "category": c.code, **values})
    old = before["planned_fen"] if before else 0
    old_note = (before or {}).get("note") or ""
    return OpResult(
        Changes.of(AREA),
        row_id,
        undo=before,
        inverse=lambda d: set_plan(d, year, c.code, old, old_note),
    )


def plans(db: sqlite_utils.Database, year: int) -> dict[str, int]:
    return {
        code: int(fen)
        for code, fen in db.execute(
            "SELECT category, planned_fen FROM fund_plans WHERE year = ?", [_year(year)]
        )
    }


def copy_plans(db: sqlite_utils.Database, source_year: int, target_year: int) -> OpResult:
    """Copy one year's plans into another year that has none yet."""
    source, target = plans(db, source_year), plans(db, target_year)
    if target:
        raise ValidationError(f"{target_year}年已有预算，不能覆盖", "year")
    if not source:
        raise ValidationError(f"{source_year}年没有预算可复制", "year")
    with db.atomic():
        for code, fen in source.items():
            audit.insert(
                db,
                "fund_plans",
                {
                    "year": _year(target_year),
                    "category": code,
                    "planned_fen": fen,
                    "note": f"复制自{source_year}年",
                    "updated_at": audit.now_iso(),
                },
            )
    return OpResult(Changes.of(AREA), len(source))


# ---------------------------------------------------------------- manual entries

ENTRY_KEYS = (
    "id",
    "year",
    "entry_date",
    "category",
    "category_name",
    "kind",
    "amount_fen",
    "amount",
    "voucher_no",
    "description",
    "recorded_by",
    "created_at",
)


def add_entry(
    db: sqlite_utils.Database,
    *,
    category: str,
    amount: int | str,
    entry_date: str,
    description: str,
    voucher_no: str = "",
    year: int | None = None,
) -> OpResult:
    """Record income or spending the program does not record elsewhere (凭证号 optional but
    kept). ``year`` defaults to the year of ``entry_date``."""
    c = _require_leaf(db, category)
    if c.source == SOURCE_DUES:
        raise ValidationError(f"“{c.name}”由会费台账自动计算，请在会费台账中登记", "category")
    if entry_date in (None, ""):
        raise ValidationError("请填写日期", "entry_date")
    day = parse_date(entry_date, field="entry_date").isoformat()
    text = clean_cell_text(str(description or ""))
    if not text:
        raise ValidationError("请填写摘要（收支内容）", "description")
    fen = fen_amount(amount)
    if fen == 0:
        raise ValidationError("金额应大于 0", "amount")
    with db.atomic():
        row_id = audit.insert(
            db,
            "fund_entries",
            {
                "year": _year(year if year is not None else day[:4]),
                "entry_date": day,
                "category": c.code,
                "amount_fen": fen,
                "voucher_no": clean_cell_text(str(voucher_no or "")) or None,
                "description": text,
                "recorded_by": audit.os_user(),
                "created_at": audit.now_iso(),
            },
        )
    return OpResult(Changes.of(AREA), row_id, inverse=lambda d: delete_entry(d, row_id))


def delete_entry(db: sqlite_utils.Database, entry_id: int) -> OpResult:
    with db.atomic():
        try:
            before = audit.delete(db, "fund_entries", int(entry_id))
        except NotFoundError:
            raise NotFoundError("收支记录不存在（可能已被删除）") from None
    return OpResult(
        Changes.of(AREA), int(entry_id), undo=before, inverse=lambda d: restore_entry(d, before)
    )


def restore_entry(db: sqlite_utils.Database, row: Mapping[str, Any]) -> OpResult:
    with db.atomic():
        audit.insert(db, "fund_entries", dict(row), note="撤销删除")
    return OpResult(Changes.of(AREA), int(row["id"]))


def list_entries(
    db: sqlite_utils.Database, year: int, *, category: str | None = None
) -> list[dict[str, Any]]:
    chart = categories(db)
    kinds = {c.code: c.kind for c in chart}
    sql = "SELECT * FROM fund_entries WHERE year = ?"
    params: list[Any] = [_year(year)]
    if category:
        sql += " AND category = ?"
        params.append(_require_leaf(db, category).code)
    cursor = db.execute(sql + " ORDER BY entry_date, id", params)
    names = [d[0] for d in cursor.description]
    out = []
    for values in cursor:
        row = dict(zip(names, values))
        row["category_name"] = category_label(chart, row["category"])
        row["kind"] = kinds.get(row["category"], "")
        row["amount"] = format_fen(row["amount_fen"])
        out.append(row)
    return out


def entry_json(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in ENTRY_KEYS}


# ---------------------------------------------------------------- actuals


def _activity_spending(db: sqlite_utils.Database, year: int) -> dict[str, int]:
    return {
        kind: int(total)
        for kind, total in db.execute(
            "SELECT a.type, sum(l.amount) FROM activity_budget_lines l"
            " JOIN activities a ON a.id = l.activity_id"
            " WHERE l.kind = '支出' AND a.start_date >= ? AND a.start_date < ? GROUP BY a.type",
            [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"],
        )
    }


def welfare_spending(db: sqlite_utils.Database, year: int) -> dict[str, dict[str, int]]:
    """Paid (已发放) condolence payments of a standard year: payer -> type -> total 分. The
    payer is the year's standard for the type (校工会 when there is none)."""
    out: dict[str, dict[str, int]] = {}
    for payer, kind, total in db.execute(
        "SELECT coalesce(s.payer, '校工会'), p.type, sum(p.amount_fen) FROM welfare_payments p"
        " LEFT JOIN welfare_standards s ON s.year = p.year AND s.type = p.type"
        " WHERE p.year = ? AND +p.state = '已发放' GROUP BY 1, 2",  # + : use the year index
        [year],
    ):
        out.setdefault(payer, {})[kind] = int(total)
    return out


def _manual(db: sqlite_utils.Database, year: int) -> dict[str, int]:
    return {
        code: int(total)
        for code, total in db.execute(
            "SELECT category, sum(amount_fen) FROM fund_entries WHERE year = ? GROUP BY category",
            [year],
        )
    }


def actuals(
    db: sqlite_utils.Database, year: int, *, welfare: dict[str, dict[str, int]] | None = None
) -> dict[str, dict[str, int]]:
    """category code -> source -> 分 (leaf categories only; unmapped amounts go to the
    default category of their kind). ``welfare``: :func:`welfare_spending` if already read."""
    year = _year(year)
    chart = categories(db)
    out: dict[str, dict[str, int]] = {}

    def add(code: str | None, source: str, fen: int) -> None:
        if code is None or not fen:
            return
        slot = out.setdefault(code, {})
        slot[source] = slot.get(source, 0) + fen

    dues_code = next((c.code for c in leaves(chart) if c.source == SOURCE_DUES), None)
    add(dues_code, SOURCE_DUES, dues_received(db, year))
    amap = settings.get(db, "fund_activity_map") or {}
    for kind, fen in _activity_spending(db, year).items():
        add(_leaf(chart, amap.get(kind), DEFAULT_ACTIVITY_CATEGORY), SOURCE_ACTIVITIES, fen)
    wmap = settings.get(db, "fund_welfare_map") or {}
    if welfare is None:
        welfare = welfare_spending(db, year)
    for kind, fen in welfare.get("校工会", {}).items():
        add(_leaf(chart, wmap.get(kind), DEFAULT_WELFARE_CATEGORY), SOURCE_WELFARE, fen)
    for code, fen in _manual(db, year).items():
        add(code, SOURCE_MANUAL, fen)
    return out


# ---------------------------------------------------------------- the execution table


@dataclass
class BudgetLine:
    code: str
    name: str
    kind: str
    level: int
    parent: str | None
    planned_fen: int = 0
    sources: dict[str, int] = field(default_factory=dict)

    @property
    def actual_fen(self) -> int:
        return sum(self.sources.values())

    @property
    def difference_fen(self) -> int:
        """Actual minus planned (negative: under plan)."""
        return self.actual_fen - self.planned_fen

    @property
    def percent(self) -> str | None:
        """执行率: actual / planned in percent, one decimal (None without a plan)."""
        return percent_text(self.actual_fen, self.planned_fen)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "level": self.level,
            "parent": self.parent,
            "planned_fen": self.planned_fen,
            "actual_fen": self.actual_fen,
            "difference_fen": self.difference_fen,
            "percent": self.percent,
            "planned": format_fen(self.planned_fen),
            "actual": format_fen(self.actual_fen),
            "sources": {s: self.sources.get(s, 0) for s in SOURCES},
        }


@dataclass
class Execution:
    year: int
    lines: list[BudgetLine]
    branch_welfare_fen: int = 0  # 分工会-paid condolences (not counted)

    def total(self, kind: str) -> BudgetLine:
        t = BudgetLine("", f"{kind}合计", kind, 0, None)
        for line in self.lines:
            if line.kind == kind and line.level == 1:
                t.planned_fen += line.planned_fen
                for s, v in line.sources.items():
                    t.sources[s] = t.sources.get(s, 0) + v
        return t

    @property
    def balance_planned_fen(self) -> int:
        return self.total("收入").planned_fen - self.total("支出").planned_fen

    @property
    def balance_actual_fen(self) -> int:
        return self.total("收入").actual_fen - self.total("支出").actual_fen

    def to_json(self) -> dict[str, Any]:
        income, spending = self.total("收入"), self.total("支出")
        return {
            "year": self.year,
            "categories": [line.to_json() for line in self.lines],
            "income_planned_fen": income.planned_fen,
            "income_actual_fen": income.actual_fen,
            "spending_planned_fen": spending.planned_fen,
            "spending_actual_fen": spending.actual_fen,
            "balance_planned_fen": self.balance_planned_fen,
            "balance_actual_fen": self.balance_actual_fen,
            "branch_paid_welfare_fen": self.branch_welfare_fen,
        }


def execution(db: sqlite_utils.Database, year: int) -> Execution:
    """预算执行情况 of a year: every category of the chart in order, parents summing their
    children."""
    year = _year(year)
    chart = categories(db)
    planned = plans(db, year)
    welfare = welfare_spending(db, year)
    actual = actuals(db, year, welfare=welfare)
    lines: dict[str, BudgetLine] = {}
    for c in chart:
        lines[c.code] = BudgetLine(c.code, c.name, c.kind, c.level, c.parent)
    leaf_codes = {c.code for c in leaves(chart)}
    for code in leaf_codes:
        line = lines[code]
        line.planned_fen = planned.get(code, 0)
        line.sources = dict(actual.get(code, {}))
        if line.parent:
            up = lines[line.parent]
            up.planned_fen += line.planned_fen
            for s, v in line.sources.items():
                up.sources[s] = up.sources.get(s, 0) + v
    branch = sum(welfare.get("分工会", {}).values())
    return Execution(year, [lines[c.code] for c in chart], branch)
