"""慰问标准: the rules of one year for every condolence type.

A standard says how much one payment may be (``cap_fen``), cash or goods, how often
(``rule_kind`` + ``max_per_year`` N + ``yearly_cap_fen``), who pays (分工会 or 校工会), what
evidence is needed and whether retired members (保留会籍) are eligible.

Rule kinds (``RULE_KINDS``):

- ``每事一次``  once per event (结婚 per marriage, 生育 per child): only the duplicate check
  (same member and type within the setting's days) applies;
- ``终身一次``  once ever (退休, 会员去世);
- ``每年限次``  at most N payments per member per year (生病住院: N = 2);
- ``每年限额``  a yearly total per member (节日慰问 ≤ 1,500 元).

``yearly_cap_fen`` is checked whenever it is set, whatever the kind.

The program ships *examples* (figures of the kind published standards use, domain.md §5),
labelled neutrally as 示例 in ``source``; they are ordinary rows the user edits. Nothing here is used unless it is saved.

>>> [s.type for s in example_standards(2025)][:2]
['结婚', '生育']
>>> next(s for s in example_standards(2025) if s.type == "节日慰问").yearly_cap_fen
150000
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

import sqlite_utils

from guilin_union.core.errors import NotFoundError, ValidationError
from guilin_union.core.money import format_fen
from guilin_union.core.welfare import PAYERS, RULE_KINDS, STANDARD_FORMS
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_money import fen_or_none
from guilin_union.services.common_query import column_values
from guilin_union.services.welfare import config
from guilin_union.storage import audit

EXAMPLE_SOURCE = "示例，请按本校规定修改"
EXAMPLE_SOURCE_NO_FIGURE = "示例，无参考数字，请按本校规定填写"

_COLUMNS = (
    "year",
    "type",
    "cap_fen",
    "form",
    "rule_kind",
    "max_per_year",
    "yearly_cap_fen",
    "payer",
    "evidence",
    "retired_eligible",
    "source",
    "notes",
    # issue 22: ranges, frequency keys, event windows, eligibility, sub-kinds
    "min_fen",
    "frequency_key",
    "event_after",
    "report_within_days",
    "average_cap_fen",
    "eligible_gender",
    "excluded_employment",
    "sub_kinds",
)
_JSON_COLUMNS = ("excluded_employment", "sub_kinds")


@dataclass
class Standard:
    """One year's rule for one type (money in integer 分; ``None`` = no limit)."""

    year: int
    type: str
    cap_fen: int | None = None
    form: str = "现金"
    rule_kind: str = "每事一次"
    max_per_year: int | None = None
    yearly_cap_fen: int | None = None
    payer: str = "校工会"
    evidence: str = ""
    retired_eligible: bool = False
    source: str = ""
    notes: str = ""
    id: int | None = None
    min_fen: int | None = None  # 金额下限: "300–2000 元" warns below 300 too
    frequency_key: str = "会员"  # what the count is per: 会员 / 亲属 / 病因
    event_after: str | None = None  # the event must be on or after this date (ISO)
    report_within_days: int | None = None  # 事发后 N 日内上报
    average_cap_fen: int | None = None  # 人均不超过 (a batch's average)
    eligible_gender: str | None = None  # 生育: 女
    excluded_employment: list[str] = field(default_factory=list)  # 返聘、临时…
    sub_kinds: list[dict[str, Any]] = field(default_factory=list)  # [{name, cap_fen, min_fen}]

    @property
    def is_example(self) -> bool:
        return self.source.startswith("示例")

    def sub_kind(self, name: str | None) -> dict[str, Any] | None:
        """The sub-kind (细项) called ``name``, e.g. 手术 or 外地, if the standard has it."""
        if not name:
            return None
        return next((k for k in self.sub_kinds if k.get("name") == name), None)

    def range_text(self) -> str:
        """``300.00–2,000.00 元``, ``≤ 600.00 元`` or ``不限``.

        >>> Standard(2025, "生病住院", cap_fen=200000, min_fen=30000).range_text()
        '300.00–2,000.00 元'
        """
        if self.min_fen is not None and self.cap_fen is not None:
            return f"{format_fen(self.min_fen)}–{format_fen(self.cap_fen)} 元"
        if self.cap_fen is not None:
            return f"≤ {format_fen(self.cap_fen)} 元"
        if self.min_fen is not None:
            return f"≥ {format_fen(self.min_fen)} 元"
        return "不限"

    def eligibility_text(self) -> str:
        parts = []
        if self.eligible_gender:
            parts.append(f"限{self.eligible_gender}职工")
        parts.append("含退休会员" if self.retired_eligible else "限在职会员")
        if self.excluded_employment:
            parts.append("不含" + "、".join(self.excluded_employment))
        return "，".join(parts)

    def rule_text(self) -> str:
        """The frequency rule in words, e.g. ``每年最多 2 次``.

        >>> Standard(2025, "生病住院", rule_kind="每年限次", max_per_year=2).rule_text()
        '每年最多 2 次'
        """
        if self.rule_kind == "每年限次":
            text = f"每年最多 {self.max_per_year} 次"
        elif self.rule_kind == "每年限额":
            text = "每人每年总额有上限"
        else:
            text = self.rule_kind
        if self.yearly_cap_fen is not None:
            text += f"（每年合计 ≤ {format_fen(self.yearly_cap_fen)} 元）"
        return text


def _example(
    year: int,
    type_name: str,
    cap_yuan: int | None,
    rule: str = "每事一次",
    *,
    n: int | None = None,
    yearly_yuan: int | None = None,
    payer: str = "校工会",
    form: str = "现金",
    evidence: str = "",
    retired: bool = False,
) -> Standard:
    return Standard(
        year=year,
        type=type_name,
        cap_fen=None if cap_yuan is None else cap_yuan * 100,
        form=form,
        rule_kind=rule,
        max_per_year=n,
        yearly_cap_fen=None if yearly_yuan is None else yearly_yuan * 100,
        payer=payer,
        evidence=evidence,
        retired_eligible=retired,
        source=EXAMPLE_SOURCE
        if (cap_yuan is not None or yearly_yuan is not None)
        else EXAMPLE_SOURCE_NO_FIGURE,
    )


def example_standards(year: int) -> list[Standard]:
    """The shipped examples (figures as published standards use them: 节日 ≤1500/年, 生日 ≤300, 结婚/生育 ≤600, 住院 ≤1000,
    会员去世 ≤2000, 直系亲属去世 ≤1000, 退休 ≤1000). Types without a published figure have
    no cap and say so in ``source``."""
    return [
        _example(year, "结婚", 600, evidence="结婚证复印件"),
        replace(
            _example(year, "生育", 600, evidence="出生医学证明复印件"),
            eligible_gender="女",
            notes="示例：限女职工；男职工配偶生育是否慰问请按本校规定",
        ),
        replace(
            _example(year, "生病住院", 1000, "每年限次", n=2, evidence="出院小结、住院病历"),
            min_fen=30000,
        ),
        _example(year, "重大疾病", None, "每年限次", n=1, evidence="二级以上医院诊断证明"),
        _example(year, "会员去世", 2000, "终身一次", evidence="死亡证明或火化证明", retired=True),
        replace(
            _example(year, "直系亲属去世", 1000, evidence="死亡证明、亲属关系证明"),
            frequency_key="亲属",
        ),
        _example(year, "退休", 1000, "终身一次", evidence="退休审批文件", retired=True),
        _example(
            year,
            "生日",
            300,
            "每年限次",
            n=1,
            payer="分工会",
            form="现金或实物",
            evidence="会员名册（出生日期）",
        ),
        _example(
            year,
            "节日慰问",
            None,
            "每年限额",
            yearly_yuan=1500,
            form="现金或实物",
            evidence="发放签领表",
        ),
        _example(year, "困难帮扶", None, evidence="困难情况说明及分工会意见", retired=True),
        _example(year, "其他", None, evidence="相关说明材料"),
    ]


# ---------------------------------------------------------------- validation


def _int_or_none(value: Any, field: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError("次数应为正整数", field)
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError(f"次数“{value}”不是整数", field) from None
    if number < 1:
        raise ValidationError("次数应为正整数", field)
    return number


def validate(db: sqlite_utils.Database, data: Mapping[str, Any] | Standard) -> Standard:
    """Normalise and check one standard. Amounts may be fen (int) or yuan text.

    >>> # validate(db, {"year": 2025, "type": "生日", "cap_fen": "300.00", "rule_kind": "每年限次", "max_per_year": 1})
    """
    raw = asdict(data) if isinstance(data, Standard) else dict(data)
    try:
        year = int(raw.get("year"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError("请填写年度", "year") from None
    if not 1990 <= year <= 2100:
        raise ValidationError("年度应在 1990 至 2100 之间", "year")
    type_name = config.clean_text(raw.get("type"))
    if not type_name:
        raise ValidationError("请选择慰问类型", "type")
    known = config.types(db)
    if type_name not in known:
        raise ValidationError(f"慰问类型“{type_name}”不在类型列表中（{'、'.join(known)}）", "type")
    form = config.clean_text(raw.get("form")) or "现金"
    if form not in STANDARD_FORMS:
        raise ValidationError("发放形式应为：" + "、".join(STANDARD_FORMS), "form")
    rule = config.clean_text(raw.get("rule_kind")) or "每事一次"
    if rule not in RULE_KINDS:
        raise ValidationError("次数规则应为：" + "、".join(RULE_KINDS), "rule_kind")
    payer = config.clean_text(raw.get("payer")) or "校工会"
    if payer not in PAYERS:
        raise ValidationError("发放单位应为：" + "、".join(PAYERS), "payer")
    cap = fen_or_none(raw.get("cap_fen"), "cap_fen")
    n = _int_or_none(raw.get("max_per_year"), "max_per_year")
    yearly = fen_or_none(raw.get("yearly_cap_fen"), "yearly_cap_fen")
    if rule == "每年限次" and n is None:
        raise ValidationError("“每年限次”需要填写每年最多次数", "max_per_year")
    if rule != "每年限次":
        n = None  # N only means something for that kind; keeping it would confuse the list
    if rule == "每年限额" and yearly is None:
        raise ValidationError("“每年限额”需要填写每人每年总额上限", "yearly_cap_fen")
    if cap is not None and yearly is not None and cap > yearly:
        raise ValidationError("单次上限不能大于每年总额上限", "cap_fen")
    retired = raw.get("retired_eligible")
    retired_flag = bool(retired) and str(retired).strip() not in ("否", "0", "False", "false", "")
    extra = _validate_case_rules(raw, cap)
    return Standard(
        year=year,
        type=type_name,
        cap_fen=cap,
        form=form,
        rule_kind=rule,
        max_per_year=n,
        yearly_cap_fen=yearly,
        payer=payer,
        evidence=config.clean_text(raw.get("evidence")),
        retired_eligible=retired_flag,
        source=config.clean_text(raw.get("source")),
        notes=config.clean_text(raw.get("notes")),
        id=raw.get("id"),
        **extra,
    )


def _json_list(value: Any) -> list[Any]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            value = [v for v in value.replace("，", "、").replace(",", "、").split("、")]
    if not isinstance(value, list | tuple):
        raise ValidationError("应为列表", "sub_kinds")
    return list(value)


def _validate_case_rules(raw: Mapping[str, Any], cap: int | None) -> dict[str, Any]:
    """The issue-22 fields: amount range, frequency key, event window, eligibility, sub-kinds."""
    from guilin_union.core.welfare_cases import FREQUENCY_KEYS, GENDERS

    low = fen_or_none(raw.get("min_fen"), "min_fen")
    if low is not None and cap is not None and low > cap:
        raise ValidationError("金额下限不能大于单次上限", "min_fen")
    key = config.clean_text(raw.get("frequency_key")) or "会员"
    if key not in FREQUENCY_KEYS:
        raise ValidationError("次数按何计算应为：" + "、".join(FREQUENCY_KEYS), "frequency_key")
    after = raw.get("event_after")
    after = None if after in (None, "") else config.iso_date(after, "event_after")
    within = raw.get("report_within_days")
    if within in (None, ""):
        within = None
    else:
        try:
            within = int(str(within).strip())
        except ValueError:
            raise ValidationError(f"上报期限“{within}”不是天数", "report_within_days") from None
        if within < 0:
            raise ValidationError("上报期限不能为负数", "report_within_days")
    average = fen_or_none(raw.get("average_cap_fen"), "average_cap_fen")
    gender = config.clean_text(raw.get("eligible_gender")) or None
    if gender is not None and gender not in GENDERS:
        raise ValidationError("限定性别应为“男”或“女”（不限则留空）", "eligible_gender")
    excluded = [config.clean_text(v) for v in _json_list(raw.get("excluded_employment"))]
    excluded = [v for v in excluded if v]
    kinds = []
    seen: set[str] = set()
    for item in _json_list(raw.get("sub_kinds")):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, Mapping):
            raise ValidationError("细项应有名称和金额", "sub_kinds")
        name = config.clean_text(item.get("name"))
        if not name:
            raise ValidationError("细项缺少名称", "sub_kinds")
        if name in seen:
            raise ValidationError(f"细项“{name}”重复", "sub_kinds")
        seen.add(name)
        kind_cap = fen_or_none(item.get("cap_fen"), "sub_kinds")
        kind_min = fen_or_none(item.get("min_fen"), "sub_kinds")
        if kind_cap is not None and kind_min is not None and kind_min > kind_cap:
            raise ValidationError(f"细项“{name}”的下限大于上限", "sub_kinds")
        kinds.append({"name": name, "cap_fen": kind_cap, "min_fen": kind_min})
    return {
        "min_fen": low,
        "frequency_key": key,
        "event_after": after,
        "report_within_days": within,
        "average_cap_fen": average,
        "eligible_gender": gender,
        "excluded_employment": excluded,
        "sub_kinds": kinds,
    }


def _row(s: Standard) -> dict[str, Any]:
    row = {c: getattr(s, c) for c in _COLUMNS}
    row["retired_eligible"] = 1 if s.retired_eligible else 0
    row["evidence"] = s.evidence or None
    row["source"] = s.source or None
    row["notes"] = s.notes or None
    for column in _JSON_COLUMNS:
        value = getattr(s, column)
        row[column] = json.dumps(value, ensure_ascii=False) if value else None
    row["updated_at"] = audit.now_iso()
    return row


def standard_row(s: Standard) -> dict[str, Any]:
    """The stored row of a standard (the demo inserts many at once)."""
    return _row(s)


_NULLABLE = (
    "cap_fen",
    "max_per_year",
    "yearly_cap_fen",
    "id",
    "min_fen",
    "event_after",
    "report_within_days",
    "average_cap_fen",
    "eligible_gender",
)


def _from_row(names: list[str], values: tuple) -> Standard:
    row = dict(zip(names, values))
    data: dict[str, Any] = {}
    for f in fields(Standard):
        value = row.get(f.name)
        if f.name == "retired_eligible":
            value = bool(value)
        elif f.name in _JSON_COLUMNS:
            value = json.loads(value) if value else []
        elif f.name == "frequency_key":
            value = value or "会员"
        elif value is None and f.name not in _NULLABLE:
            value = ""  # optional text columns read back as "" (the dataclass's default)
        data[f.name] = value
    return Standard(**data)


# ---------------------------------------------------------------- queries


def _order(db: sqlite_utils.Database, items: list[Standard]) -> list[Standard]:
    order = {name: i for i, name in enumerate(config.types(db))}
    return sorted(items, key=lambda s: (order.get(s.type, len(order)), s.type))


def list_standards(db: sqlite_utils.Database, year: int) -> list[Standard]:
    """The year's standards in the order of the type list."""
    cursor = db.execute("SELECT * FROM welfare_standards WHERE year = ?", [int(year)])
    names = [d[0] for d in cursor.description]
    return _order(db, [_from_row(names, r) for r in cursor])


def get_standard(db: sqlite_utils.Database, year: int, type_name: str) -> Standard | None:
    cursor = db.execute(
        "SELECT * FROM welfare_standards WHERE year = ? AND type = ?", [int(year), type_name]
    )
    values = cursor.fetchone()
    return None if values is None else _from_row([d[0] for d in cursor.description], values)


def standards_by_type(db: sqlite_utils.Database, year: int) -> dict[str, Standard]:
    return {s.type: s for s in list_standards(db, year)}


def standard_years(db: sqlite_utils.Database) -> list[int]:
    return column_values(db, "SELECT DISTINCT year FROM welfare_standards ORDER BY year")


# ---------------------------------------------------------------- writes


def save_standard(db: sqlite_utils.Database, data: Mapping[str, Any] | Standard) -> OpResult:
    """Insert or replace the standard of (year, type); ``undo`` holds the previous row."""
    with db.atomic():
        s = validate(db, data)
        row = _row(s)
        existing = db.execute(
            "SELECT id FROM welfare_standards WHERE year = ? AND type = ?", [s.year, s.type]
        ).fetchone()
        if existing:
            before = audit.update(db, "welfare_standards", existing[0], row)
            return OpResult(
                Changes.of(config.AREA),
                existing[0],
                undo=before,
                inverse=lambda d: restore_standard(d, before),
            )
        row_id = audit.insert(db, "welfare_standards", row)
    return OpResult(
        Changes.of(config.AREA), row_id, inverse=lambda d: delete_standard(d, s.year, s.type)
    )


def delete_standard(db: sqlite_utils.Database, year: int, type_name: str) -> OpResult:
    with db.atomic():
        existing = db.execute(
            "SELECT id FROM welfare_standards WHERE year = ? AND type = ?", [int(year), type_name]
        ).fetchone()
        if not existing:
            raise NotFoundError(f"{year}年没有“{type_name}”的标准")
        before = audit.delete(db, "welfare_standards", existing[0])
    return OpResult(
        Changes.of(config.AREA),
        existing[0],
        undo=before,
        inverse=lambda d: restore_standard(d, before),
    )


def restore_standard(db: sqlite_utils.Database, row: Mapping[str, Any]) -> OpResult:
    """Undo of an edit or a delete: put the stored row back as it was. Its ``inverse``
    redoes: deletes the restored standard, or writes back the values it replaced."""
    again: Any
    with db.atomic():
        existing = db.execute(
            "SELECT id FROM welfare_standards WHERE year = ? AND type = ?",
            [row["year"], row["type"]],
        ).fetchone()
        values = {k: v for k, v in row.items() if k != "id"}
        if existing:
            replaced = audit.update(db, "welfare_standards", existing[0], values, note="撤销修改")
            row_id = existing[0]
            again = lambda d: restore_standard(d, replaced)  # noqa: E731
        else:
            row_id = audit.insert(db, "welfare_standards", dict(row), note="撤销删除")
            again = lambda d: delete_standard(d, row["year"], row["type"])  # noqa: E731
    return OpResult(Changes.of(config.AREA), row_id, inverse=again)


def _write_all(
    db: sqlite_utils.Database, items: list[Standard], year: int, *, overwrite: bool, note: str
) -> int:
    existing = {s.type for s in list_standards(db, year)}
    if existing and not overwrite:
        raise ValidationError(
            f"{year}年已有 {len(existing)} 条慰问标准。如要覆盖，请确认后再操作。", "year"
        )
    known = set(config.types(db))
    written = 0
    for item in items:
        if item.type not in known:
            continue  # a type the user removed from the list is not brought back
        s = validate(db, replace(item, year=year, id=None))
        row = _row(s)
        old = db.execute(
            "SELECT id FROM welfare_standards WHERE year = ? AND type = ?", [year, s.type]
        ).fetchone()
        if old:
            audit.update(db, "welfare_standards", old[0], row, note=note)
        else:
            audit.insert(db, "welfare_standards", row, note=note)
        written += 1
    return written


def copy_year(
    db: sqlite_utils.Database, from_year: int, to_year: int, *, overwrite: bool = False
) -> OpResult:
    """Copy every standard of ``from_year`` to ``to_year`` (``row_id`` = number copied).

    Refuses when ``to_year`` already has standards unless ``overwrite``.
    """
    if int(from_year) == int(to_year):
        raise ValidationError("复制的源年度和目标年度不能相同", "year")
    with db.atomic():
        source = list_standards(db, from_year)
        if not source:
            raise NotFoundError(f"{from_year}年还没有慰问标准，无法复制")
        n = _write_all(
            db, source, int(to_year), overwrite=overwrite, note=f"由{from_year}年标准复制"
        )
    return OpResult(Changes.of(config.AREA), n)


def load_examples(db: sqlite_utils.Database, year: int, *, overwrite: bool = False) -> OpResult:
    """Save the shipped example standards (labelled 示例) for ``year``; ``row_id`` = count."""
    with db.atomic():
        n = _write_all(
            db, example_standards(int(year)), int(year), overwrite=overwrite, note="载入示例标准"
        )
    return OpResult(Changes.of(config.AREA), n)


def to_public_json(s: Standard) -> dict[str, Any]:
    """The ``welfare standards --json`` object (a documented, stable contract)."""

    def money(v: int | None) -> str | None:
        return None if v is None else format_fen(v)

    return {
        "year": s.year,
        "type": s.type,
        "cap_fen": s.cap_fen,
        "cap": money(s.cap_fen),
        "form": s.form,
        "rule_kind": s.rule_kind,
        "max_per_year": s.max_per_year,
        "yearly_cap_fen": s.yearly_cap_fen,
        "yearly_cap": money(s.yearly_cap_fen),
        "rule": s.rule_text(),
        "payer": s.payer,
        "evidence": s.evidence,
        "retired_eligible": s.retired_eligible,
        "source": s.source,
        "is_example": s.is_example,
        "notes": s.notes,
        # issue 22 (added keys)
        "min_fen": s.min_fen,
        "min": money(s.min_fen),
        "range": s.range_text(),
        "frequency_key": s.frequency_key,
        "event_after": s.event_after,
        "report_within_days": s.report_within_days,
        "average_cap_fen": s.average_cap_fen,
        "eligible_gender": s.eligible_gender,
        "excluded_employment": list(s.excluded_employment),
        "eligibility": s.eligibility_text(),
        "sub_kinds": [
            {
                "name": k["name"],
                "cap_fen": k.get("cap_fen"),
                "min_fen": k.get("min_fen"),
            }
            for k in s.sub_kinds
        ],
    }
